/* ts-fee-classes-dialog.h: an event's fee classes (一般 / 学生 …), edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_FEE_CLASSES_DIALOG (ts_fee_classes_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsFeeClassesDialog, ts_fee_classes_dialog, TS, FEE_CLASSES_DIALOG, AdwWindow)

GtkWidget *ts_fee_classes_dialog_new (GtkWindow    *parent,
                                      TsRepository *repository,
                                      gint64        event_id);

G_END_DECLS
