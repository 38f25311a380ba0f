/* ts-import-async.c: reading, previewing and writing an import in a
 * thread, for the app.
 *
 * The same calls as "tsudoi-cli import", on a connection the worker
 * opens to the repository's file, never on the repository's own (WAL
 * lets both work). The TsImport belongs to the worker while a call runs:
 * the caller must neither read nor change it until the callback. The
 * writing is one transaction, so a cancel before its commit leaves the
 * database exactly as it was, and one after it changes nothing: the
 * import lands whole or not at all. After it the repository announces
 * the members (and, for an event, its attendance) as changed, once for
 * the whole file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-import-async.h"
#include "ts-worker.h"

static const char * const member_tables[] = { "member", NULL };
static const char * const registration_tables[] = { "member", "attendance", NULL };

typedef struct {
  char           *database_path;
  char           *path;           /* the file, when opening */
  TsCsvEncoding   encoding;
  TsImport       *import;
  gint64          event_id;
  TsImportResult  result;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_free (data->database_path);
  g_free (data->path);
  g_clear_object (&data->import);
  g_free (data);
}

static GTask *
import_task_new (TsRepository        *repository,
                 TsImport            *import,
                 TsProgress          *progress,
                 const char          *text,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data,
                 gpointer             source_tag)
{
  GTask *task = g_task_new (repository, cancellable, callback, user_data);
  ImportData *data = g_new0 (ImportData, 1);

  data->database_path = g_strdup (ts_database_get_path (ts_repository_get_database (repository)));
  data->import = import != NULL ? g_object_ref (import) : NULL;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  /* Shown at once, on the caller's context: a bar never starts with the
   * last operation's words. */
  if (progress != NULL)
    ts_progress_set (progress, 0.0, text);
  return task;
}

/* In the worker, now and then. */
static void
on_rows_done (guint    done,
              guint    total,
              gpointer user_data)
{
  if (user_data != NULL)
    ts_progress_set_fraction (user_data, total > 0 ? (double) done / total : 1.0);
}

static gboolean
preview (gpointer       task_data,
         TsProgress    *progress,
         GCancellable  *cancellable,
         GError       **error)
{
  ImportData *data = task_data;
  g_autoptr(TsDatabase) database = ts_database_open (data->database_path, error);

  if (database == NULL)
    return FALSE;
  if (data->import == NULL &&
      (data->import = ts_import_new_from_file (data->path, data->encoding,
                                               cancellable, error)) == NULL)
    return FALSE;
  return ts_import_preview (data->import, database, cancellable, on_rows_done, progress, error);
}

/* Reads @path in @encoding (or the one it seems to be in) and previews
 * every row against the database: a new TsImport, from the _finish. */
void
ts_import_open_async (TsRepository        *repository,
                      const char          *path,
                      TsCsvEncoding        encoding,
                      TsProgress          *progress,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (TS_IS_REPOSITORY (repository));
  g_return_if_fail (path != NULL);

  task = import_task_new (repository, NULL, progress, _("Reading the file…"), cancellable,
                          callback, user_data, ts_import_open_async);
  data = g_task_get_task_data (task);
  data->path = g_strdup (path);
  data->encoding = encoding;
  ts_worker_run (task, preview, progress, NULL);
}

TsImport *
ts_import_open_finish (TsRepository  *repository,
                       GAsyncResult  *result,
                       GError       **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, repository), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  data = g_task_get_task_data (G_TASK (result));
  return g_steal_pointer (&data->import);
}

/* Previews @import again, after its columns were mapped otherwise. */
void
ts_import_preview_async (TsRepository        *repository,
                         TsImport            *import,
                         TsProgress          *progress,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TS_IS_REPOSITORY (repository));
  g_return_if_fail (TS_IS_IMPORT (import));

  task = import_task_new (repository, import, progress, _("Reading the file…"), cancellable,
                          callback, user_data, ts_import_preview_async);
  ts_worker_run (task, preview, progress, NULL);
}

gboolean
ts_import_preview_finish (TsRepository  *repository,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, repository), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
apply (gpointer       task_data,
       TsProgress    *progress,
       GCancellable  *cancellable,
       GError       **error)
{
  ImportData *data = task_data;
  g_autoptr(TsDatabase) database = ts_database_open (data->database_path, error);

  return database != NULL &&
         ts_import_run (data->import, database, data->event_id, cancellable,
                        on_rows_done, progress, &data->result, error);
}

/* Writes the previewed @import (ts_import_run()) in one transaction;
 * @event_id > 0 also registers everyone the file names for that event. */
void
ts_import_apply_async (TsRepository        *repository,
                       TsImport            *import,
                       gint64               event_id,
                       TsProgress          *progress,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (TS_IS_REPOSITORY (repository));
  g_return_if_fail (TS_IS_IMPORT (import));

  task = import_task_new (repository, import, progress, _("Importing…"), cancellable,
                          callback, user_data, ts_import_apply_async);
  data = g_task_get_task_data (task);
  data->event_id = event_id;
  ts_worker_run (task, apply, progress,
                 event_id > 0 ? registration_tables : member_tables);
}

/* @import_result (may be NULL): what was written. */
gboolean
ts_import_apply_finish (TsRepository    *repository,
                        GAsyncResult    *result,
                        TsImportResult  *import_result,
                        GError         **error)
{
  ImportData *data;

  g_return_val_if_fail (g_task_is_valid (result, repository), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  data = g_task_get_task_data (G_TASK (result));
  if (import_result != NULL)
    *import_result = data->result;
  return TRUE;
}
