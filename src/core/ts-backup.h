/* ts-backup.h: consistent copies of the database, made while it is open,
 * and putting one back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-database.h"

G_BEGIN_DECLS

#define TS_BACKUP_DEFAULT_KEEP 14

/* How a caller follows and stops a long copy or restore; any field may
 * be NULL. @progress is called in the working thread. */
typedef struct {
  GCancellable  *cancellable;
  void         (*progress) (double fraction, gpointer user_data);
  gpointer       user_data;
} TsBackupWatch;

char      *ts_backup_default_folder (const char  *database_path);
gboolean   ts_backup_write          (TsDatabase  *database,
                                     const char  *dest_path,
                                     GError     **error);
gboolean   ts_backup_write_watched  (TsDatabase          *database,
                                     const char          *dest_path,
                                     const TsBackupWatch *watch,
                                     GError             **error);
char      *ts_backup_auto           (TsDatabase  *database,
                                     const char  *folder,
                                     guint        keep,
                                     GError     **error);
GPtrArray *ts_backup_list           (const char  *folder);
gboolean   ts_backup_check_file     (const char  *path,
                                     GError     **error);
gboolean   ts_backup_restore        (TsDatabase  *database,
                                     const char  *backup_path,
                                     char       **kept_aside,
                                     GError     **error);

gboolean    ts_backup_restore_file     (const char  *database_path,
                                        const char  *backup_path,
                                        char       **kept_aside,
                                        GError     **error);
gboolean    ts_backup_restore_file_watched (const char          *database_path,
                                            const char          *backup_path,
                                            const TsBackupWatch *watch,
                                            char               **kept_aside,
                                            GError             **error);
gboolean    ts_backup_count_members    (const char  *backup_path,
                                        int         *n_members);

G_END_DECLS
