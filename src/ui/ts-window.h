/* ts-window.h: the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-application.h"
#include "ts-data-actions.h"

G_BEGIN_DECLS

#define TS_TYPE_WINDOW (ts_window_get_type ())
G_DECLARE_FINAL_TYPE (TsWindow, ts_window, TS, WINDOW, AdwApplicationWindow)

TsWindow *ts_window_new (TsApplication *application,
                         TsRepository  *repository);
GtkWidget *ts_window_get_view (TsWindow   *self,
                               const char *name);
void       ts_window_import_file (TsWindow *self,
                                  GFile    *file);
TsDataActions *ts_window_get_data_actions (TsWindow *self);

G_END_DECLS
