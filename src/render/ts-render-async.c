/* ts-render-async.c: a PDF export in a thread, for the app.
 *
 * ts_render_write_pdf() in a worker, with its page count shown on a
 * TsProgress. The job is immutable data that any thread can draw; the
 * task owns it. Cancelling stops before the next page and leaves no file
 * (an older file of that name stays as it was).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-render-async.h"
#include "ts-worker.h"

typedef struct {
  TsPrintJob *job;
  char       *path;
} PdfData;

static void
pdf_data_free (PdfData *data)
{
  ts_print_job_free (data->job);
  g_free (data->path);
  g_free (data);
}

/* In the worker, after each page. */
static void
on_page_written (guint    page,
                 guint    n_pages,
                 gpointer user_data)
{
  /* Translators: progress of a PDF export. */
  g_autofree char *text = g_strdup_printf (_("Writing page %1$u of %2$u…"),
                                           MIN (page + 1, n_pages), n_pages);

  ts_progress_set (user_data, (double) page / MAX (n_pages, 1), text);
}

static gboolean
write_pdf (gpointer       task_data,
           TsProgress    *progress,
           GCancellable  *cancellable,
           GError       **error)
{
  PdfData *data = task_data;

  return ts_render_write_pdf (data->job, data->path,
                              progress != NULL ? on_page_written : NULL, progress,
                              cancellable, error);
}

/* Takes @job, which must not be used afterwards. */
void
ts_render_write_pdf_async (TsPrintJob          *job,
                           const char          *path,
                           TsProgress          *progress,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PdfData *data;

  g_return_if_fail (job != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (PdfData, 1);
  data->job = job;
  data->path = g_strdup (path);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ts_render_write_pdf_async);
  g_task_set_task_data (task, data, (GDestroyNotify) pdf_data_free);
  if (progress != NULL)
    ts_progress_set (progress, 0.0, NULL);
  ts_worker_run (task, write_pdf, progress, NULL);
}

gboolean
ts_render_write_pdf_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
