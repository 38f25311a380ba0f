/* ts-backup-async.h: backups and restores in a thread, for the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-progress.h"
#include "ts-repository.h"

G_BEGIN_DECLS

void      ts_backup_write_async    (TsRepository         *repository,
                                    const char           *dest_path,
                                    TsProgress           *progress,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  ts_backup_write_finish   (TsRepository         *repository,
                                    GAsyncResult         *result,
                                    GError              **error);
void      ts_backup_auto_async     (TsRepository         *repository,
                                    const char           *folder,
                                    guint                 keep,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
char     *ts_backup_auto_finish    (TsRepository         *repository,
                                    GAsyncResult         *result,
                                    GError              **error);
void      ts_backup_restore_async  (TsRepository         *repository,
                                    const char           *backup_path,
                                    TsProgress           *progress,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  ts_backup_restore_finish (TsRepository         *repository,
                                    GAsyncResult         *result,
                                    char                **kept_aside,
                                    GError              **error);

G_END_DECLS
