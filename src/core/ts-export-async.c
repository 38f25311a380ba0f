/* ts-export-async.c: a CSV export in a thread, for the app.
 *
 * The same calls as "tsudoi-cli export", on a connection the worker
 * opens to the repository's file, and never over that file. The file is
 * written at once and whole (ts_export_write_file() renames a complete
 * temporary file into place), after the last look at the cancellable: a
 * cancelled export leaves no file, and an older file of that name as it
 * was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-export-async.h"
#include "ts-output-path.h"
#include "ts-worker.h"

typedef struct {
  TsExportKind      kind;
  gint64            id;
  char             *database_path;
  char             *path;
  TsExportEncoding  encoding;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->database_path);
  g_free (data->path);
  g_free (data);
}

static GString *
export_csv (TsRepository  *repository,
            ExportData    *data,
            GError       **error)
{
  switch (data->kind)
    {
    case TS_EXPORT_MEMBERS:
      return ts_export_members (repository, error);
    case TS_EXPORT_ATTENDEES:
      return ts_export_attendees (repository, data->id, error);
    case TS_EXPORT_GRID:
      return ts_export_grid (repository, data->id, error);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_export (gpointer       task_data,
              TsProgress    *progress,
              GCancellable  *cancellable,
              GError       **error)
{
  ExportData *data = task_data;
  g_autoptr(TsDatabase) database = NULL;
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *name = g_path_get_basename (data->path);
  g_autofree char *text = NULL;

  if (progress != NULL)
    ts_progress_set (progress, 0.0, _("Reading the data…"));
  if (!ts_output_path_check (data->database_path, data->path, error))
    return FALSE;
  if ((database = ts_database_open (data->database_path, error)) == NULL)
    return FALSE;
  repository = ts_repository_new (database);
  if ((csv = export_csv (repository, data, error)) == NULL ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* Translators: while a list is being written; %s is a file name. */
  text = g_strdup_printf (_("Writing “%s”…"), name);
  if (progress != NULL)
    ts_progress_set (progress, 0.5, text);
  return ts_export_write_file (data->path, csv, data->encoding, error);
}

/* The members, an event's attendees (@id) or a chapter's attendance grid
 * (@id) as a CSV file at @path, made in a thread. */
void
ts_export_write_async (TsRepository        *repository,
                       TsExportKind         kind,
                       gint64               id,
                       const char          *path,
                       TsExportEncoding     encoding,
                       TsProgress          *progress,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (TS_IS_REPOSITORY (repository));
  g_return_if_fail (kind <= TS_EXPORT_GRID);
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->kind = kind;
  data->id = id;
  data->database_path = g_strdup (ts_database_get_path (ts_repository_get_database (repository)));
  data->path = g_strdup (path);
  data->encoding = encoding;
  task = g_task_new (repository, cancellable, callback, user_data);
  g_task_set_source_tag (task, ts_export_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  ts_worker_run (task, write_export, progress, NULL);
}

gboolean
ts_export_write_finish (TsRepository  *repository,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, repository), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
