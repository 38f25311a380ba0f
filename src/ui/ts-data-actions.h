/* ts-data-actions.h: import, export, back up and restore, as window actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_DATA_ACTIONS (ts_data_actions_get_type ())
G_DECLARE_FINAL_TYPE (TsDataActions, ts_data_actions, TS, DATA_ACTIONS, GSimpleActionGroup)

/* Installs the "data" action group on @window:
 *   data.import-members, data.export-members, data.back-up, data.restore,
 *   data.import-file(ay) for a file's path,
 *   data.import-registrations(x), data.export-attendees(x), data.export-grid(x)
 * where (x) is an event id or, for the grid, a chapter id. The window
 * owns the group returned. */
TsDataActions *ts_data_actions_install (GtkWidget    *window,
                                        TsRepository *repository);

/* The restore confirmation for @backup_path, as after choosing the file
 * (NULL and an error dialog when the file cannot be restored), and
 * whether long work (a restore, a backup, an export) is still running,
 * its progress dialog shown: for tests. */
GtkWidget *ts_data_actions_confirm_restore (TsDataActions *self,
                                            const char    *backup_path);
gboolean   ts_data_actions_is_busy         (TsDataActions *self);

G_END_DECLS
