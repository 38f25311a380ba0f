/* ts-seating-dialog.h: how many tables, and a plan for them (席決め).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_SEATING_DIALOG (ts_seating_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsSeatingDialog, ts_seating_dialog, TS, SEATING_DIALOG, AdwWindow)

GtkWidget *ts_seating_dialog_new (GtkWindow    *parent,
                                  TsRepository *repository,
                                  gint64        event_id);

G_END_DECLS
