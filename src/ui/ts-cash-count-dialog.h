/* ts-cash-count-dialog.h: the cash of an evening counted by denomination (金種).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_CASH_COUNT_DIALOG (ts_cash_count_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsCashCountDialog, ts_cash_count_dialog, TS, CASH_COUNT_DIALOG, AdwWindow)

GtkWidget *ts_cash_count_dialog_new (GtkWindow    *parent,
                                     TsRepository *repository,
                                     gint64        event_id);

G_END_DECLS
