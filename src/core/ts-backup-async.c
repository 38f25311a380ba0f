/* ts-backup-async.c: backups and restores in a thread, for the app.
 *
 * Each call wraps the synchronous one that tsudoi-cli uses, on a
 * connection the worker opens to the repository's file, never on the
 * repository's own. A backup is written under a name of its own first
 * and takes the chosen name only if nobody cancelled meanwhile: a
 * cancelled backup leaves no file, and an older file of that name as it
 * was. A restore is one write transaction that replaces everything or
 * nothing: cancelled at any time before its commit, it leaves the
 * database as it was; after it the repository announces every table as
 * changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ts-backup.h"
#include "ts-backup-async.h"
#include "ts-output-path.h"
#include "ts-schema.h"
#include "ts-worker.h"

typedef struct {
  char  *database_path;
  char  *path;           /* the backup written or read */
  char  *folder;         /* automatic backups */
  guint  keep;
  char  *result;         /* the automatic backup's path, or the copy kept aside */
} BackupData;

static void
backup_data_free (BackupData *data)
{
  g_free (data->database_path);
  g_free (data->path);
  g_free (data->folder);
  g_free (data->result);
  g_free (data);
}

static GTask *
backup_task_new (TsRepository        *repository,
                 const char          *path,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  GTask *task = g_task_new (repository, cancellable, callback, user_data);
  BackupData *data = g_new0 (BackupData, 1);

  data->database_path = g_strdup (ts_database_get_path (ts_repository_get_database (repository)));
  data->path = g_strdup (path);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) backup_data_free);
  return task;
}

static void
report (TsProgress *progress,
        double      fraction,
        const char *text)
{
  if (progress != NULL)
    ts_progress_set (progress, fraction, text);
}

/* In the worker, after each slice of pages. */
static void
on_copied (double   fraction,
           gpointer progress)
{
  if (progress != NULL)
    ts_progress_set_fraction (progress, fraction);
}

static gboolean
rename_or_fail (const char  *from,
                const char  *to,
                GError     **error)
{
  int saved_errno;

  if (g_rename (from, to) == 0)
    return TRUE;
  saved_errno = errno;
  g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
               _("Could not write “%s”: %s"), to, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_backup (gpointer       task_data,
              TsProgress    *progress,
              GCancellable  *cancellable,
              GError       **error)
{
  BackupData *data = task_data;
  g_autofree char *staged = g_strconcat (data->path, ".writing", NULL);
  g_autoptr(TsDatabase) database = NULL;
  TsBackupWatch watch = { cancellable, on_copied, progress };

  report (progress, 0.0, _("Backing up…"));
  /* ts_backup_write() checks the name it writes, which is not the final
   * one: the rename below must not land on the database either. */
  if (!ts_output_path_check (data->database_path, data->path, error))
    return FALSE;
  if ((database = ts_database_open (data->database_path, error)) == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !ts_backup_write_watched (database, staged, &watch, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !rename_or_fail (staged, data->path, error))
    {
      g_unlink (staged);
      return FALSE;
    }
  return TRUE;
}

/* A copy of the repository's file at @dest_path, made in a thread. */
void
ts_backup_write_async (TsRepository        *repository,
                       const char          *dest_path,
                       TsProgress          *progress,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TS_IS_REPOSITORY (repository));
  g_return_if_fail (dest_path != NULL);

  task = backup_task_new (repository, dest_path, cancellable, callback, user_data,
                          ts_backup_write_async);
  ts_worker_run (task, write_backup, progress, NULL);
}

gboolean
ts_backup_write_finish (TsRepository  *repository,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, repository), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
write_auto_backup (gpointer       task_data,
                   TsProgress    *progress,
                   GCancellable  *cancellable,
                   GError       **error)
{
  BackupData *data = task_data;
  g_autoptr(TsDatabase) database = NULL;
  GError *local_error = NULL;

  if ((database = ts_database_open (data->database_path, error)) == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  data->result = ts_backup_auto (database, data->folder, data->keep, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The daily automatic backup (ts_backup_auto()) in a thread. */
void
ts_backup_auto_async (TsRepository        *repository,
                      const char          *folder,
                      guint                keep,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BackupData *data;

  g_return_if_fail (TS_IS_REPOSITORY (repository));
  g_return_if_fail (folder != NULL);

  task = backup_task_new (repository, NULL, cancellable, callback, user_data,
                          ts_backup_auto_async);
  data = g_task_get_task_data (task);
  data->folder = g_strdup (folder);
  data->keep = keep;
  ts_worker_run (task, write_auto_backup, NULL, NULL);
}

/* The new backup's path; NULL without an error when today's was there. */
char *
ts_backup_auto_finish (TsRepository  *repository,
                       GAsyncResult  *result,
                       GError       **error)
{
  BackupData *data;

  g_return_val_if_fail (g_task_is_valid (result, repository), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  return g_steal_pointer (&data->result);
}

static gboolean
restore_backup (gpointer       task_data,
                TsProgress    *progress,
                GCancellable  *cancellable,
                GError       **error)
{
  BackupData *data = task_data;
  TsBackupWatch watch = { cancellable, on_copied, progress };

  report (progress, 0.0, _("Restoring the backup…"));
  return ts_backup_restore_file_watched (data->database_path, data->path, &watch,
                                         &data->result, error);
}

/* ts_backup_restore_file() on the repository's file, in a thread; after
 * success the repository emits "changed" for every table. */
void
ts_backup_restore_async (TsRepository        *repository,
                         const char          *backup_path,
                         TsProgress          *progress,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TS_IS_REPOSITORY (repository));
  g_return_if_fail (backup_path != NULL);

  task = backup_task_new (repository, backup_path, cancellable, callback, user_data,
                          ts_backup_restore_async);
  /* A restore replaces every table. */
  ts_worker_run (task, restore_backup, progress, ts_schema_get_tables ());
}

/* @kept_aside: where the content from before the restore was copied. */
gboolean
ts_backup_restore_finish (TsRepository  *repository,
                          GAsyncResult  *result,
                          char         **kept_aside,
                          GError       **error)
{
  BackupData *data;

  g_return_val_if_fail (g_task_is_valid (result, repository), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (kept_aside != NULL)
    *kept_aside = g_steal_pointer (&data->result);
  return TRUE;
}
