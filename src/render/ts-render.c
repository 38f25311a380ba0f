/* ts-render.c: one drawing path for PDF export, the print dialog and the CLI.
 *
 * ts_render_page() draws one A4 page in points, origin at the top left,
 * into any cairo_t. The PDF export streams: each page is laid out, drawn
 * and written before the next one is looked at, so memory stays flat
 * however many cards there are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>

#include "ts-pdf-output.h"
#include "ts-render-private.h"

guint
ts_render_n_pages (const TsPrintJob *job)
{
  g_return_val_if_fail (job != NULL, 0);

  switch (job->options.kind)
    {
    case TS_PRINT_ROSTER:
    case TS_PRINT_ADDENDUM:
      return job->options.compact ? ts_render_roster_compact_n_pages (job)
                                  : ts_render_roster_n_pages (job);
    case TS_PRINT_CARDS:
    case TS_PRINT_BADGES:
      return ts_render_cards_n_pages (job);
    case TS_PRINT_TABLE_PLAN:
      return ts_render_table_plan_n_pages (job);
    case TS_PRINT_TABLE_CARDS:
      return ts_render_table_cards_n_pages (job);
    case TS_PRINT_INTRO_SHEET:
      return ts_render_intro_n_pages (job);
    default:
      g_return_val_if_reached (0);
    }
}

void
ts_render_page (cairo_t          *cr,
                const TsPrintJob *job,
                guint             page)
{
  PangoContext *context;

  g_return_if_fail (cr != NULL && job != NULL);
  g_return_if_fail (page < ts_render_n_pages (job));

  cairo_save (cr);
  context = ts_render_context_new (cr);
  if ((job->options.kind == TS_PRINT_ROSTER || job->options.kind == TS_PRINT_ADDENDUM) &&
      job->options.compact)
    ts_render_roster_compact_page (cr, context, job, page);
  else if (job->options.kind == TS_PRINT_ROSTER || job->options.kind == TS_PRINT_ADDENDUM)
    ts_render_roster_page (cr, context, job, page);
  else if (job->options.kind == TS_PRINT_TABLE_PLAN)
    ts_render_table_plan_page (cr, context, job, page);
  else if (job->options.kind == TS_PRINT_TABLE_CARDS)
    ts_render_table_cards_page (cr, context, job, page);
  else if (job->options.kind == TS_PRINT_INTRO_SHEET)
    ts_render_intro_page (cr, context, job, page);
  else
    ts_render_cards_page (cr, context, job, page);
  g_object_unref (context);
  cairo_restore (cr);
}

static void
set_metadata (cairo_surface_t  *surface,
              const TsPrintJob *job)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  g_autofree char *subject = g_strdup_printf ("%s %s", job->event_title, job->when);

  /* The chapter wrote it; the subject says which meeting it is for. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, job->document_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, job->chapter);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, g_strstrip (subject));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tsudoi " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

static gboolean
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                       _("Cancelled; no file was written."));
  return TRUE;
}

/* A page or two: not worth a thread. */
static gboolean
draw_pages_directly (cairo_surface_t  *surface,
                     const TsPrintJob *job,
                     TsRenderProgress  progress,
                     gpointer          user_data,
                     GCancellable     *cancellable,
                     GError          **error)
{
  guint n_pages = ts_render_n_pages (job);
  cairo_t *cr = cairo_create (surface);
  gboolean ok = TRUE;

  for (guint page = 0; page < n_pages && ok; page++)
    {
      if ((ok = !cancelled (cancellable, error)))
        {
          ts_render_page (cr, job, page);
          cairo_show_page (cr);
          if (progress != NULL)
            progress (page + 1, n_pages, user_data);
        }
    }
  cairo_destroy (cr);
  return ok;
}

/* Pages are drawn into recordings by a worker thread while this thread
 * writes the previous ones into the PDF: the machine's second core lays
 * out text while the first one compresses and writes. At most a few
 * pages wait in between, so memory stays flat however long the job. */
#define PAGES_AHEAD 3

typedef struct {
  const TsPrintJob *job;
  guint             n_pages;
  GAsyncQueue      *ready;      /* recording surfaces, in page order */
  GMutex            lock;
  GCond             room;
  guint             waiting;    /* recordings not yet taken */
  gboolean          stop;
} Pipeline;

static gpointer
record_pages (gpointer data)
{
  Pipeline *pipeline = data;
  cairo_rectangle_t extents = { 0, 0, TS_A4_WIDTH, TS_A4_HEIGHT };

  for (guint page = 0; page < pipeline->n_pages; page++)
    {
      cairo_surface_t *recording;
      cairo_t *cr;

      g_mutex_lock (&pipeline->lock);
      while (pipeline->waiting >= PAGES_AHEAD && !pipeline->stop)
        g_cond_wait (&pipeline->room, &pipeline->lock);
      if (pipeline->stop)
        {
          g_mutex_unlock (&pipeline->lock);
          break;
        }
      pipeline->waiting++;
      g_mutex_unlock (&pipeline->lock);

      recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
      cr = cairo_create (recording);
      ts_render_page (cr, pipeline->job, page);
      cairo_destroy (cr);
      g_async_queue_push (pipeline->ready, recording);
    }
  return NULL;
}

static cairo_surface_t *
take_page (Pipeline *pipeline)
{
  cairo_surface_t *recording = g_async_queue_pop (pipeline->ready);

  g_mutex_lock (&pipeline->lock);
  pipeline->waiting--;
  g_cond_signal (&pipeline->room);
  g_mutex_unlock (&pipeline->lock);
  return recording;
}

static void
stop_pipeline (Pipeline *pipeline,
               GThread  *thread)
{
  cairo_surface_t *left;

  g_mutex_lock (&pipeline->lock);
  pipeline->stop = TRUE;
  g_cond_signal (&pipeline->room);
  g_mutex_unlock (&pipeline->lock);
  g_thread_join (thread);
  while ((left = g_async_queue_try_pop (pipeline->ready)) != NULL)
    cairo_surface_destroy (left);
  g_async_queue_unref (pipeline->ready);
  g_mutex_clear (&pipeline->lock);
  g_cond_clear (&pipeline->room);
}

static gboolean
draw_pages (cairo_surface_t  *surface,
            const TsPrintJob *job,
            TsRenderProgress  progress,
            gpointer          user_data,
            GCancellable     *cancellable,
            GError          **error)
{
  Pipeline pipeline = { job, ts_render_n_pages (job), NULL, { 0 }, { 0 }, 0, FALSE };
  cairo_t *cr;
  GThread *thread;
  gboolean ok = TRUE;

  if (pipeline.n_pages <= 2)
    return draw_pages_directly (surface, job, progress, user_data, cancellable, error);
  pipeline.ready = g_async_queue_new ();
  cr = cairo_create (surface);

  g_mutex_init (&pipeline.lock);
  g_cond_init (&pipeline.room);
  thread = g_thread_new ("tsudoi-render", record_pages, &pipeline);
  for (guint page = 0; page < pipeline.n_pages; page++)
    {
      cairo_surface_t *recording;

      if (cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      recording = take_page (&pipeline);
      cairo_set_source_surface (cr, recording, 0, 0);
      cairo_paint (cr);
      cairo_surface_destroy (recording);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (page + 1, pipeline.n_pages, user_data);
    }
  stop_pipeline (&pipeline, thread);
  cairo_destroy (cr);
  return ok;
}

/* Written beside the target and renamed at the end, so a failed or
 * cancelled export never leaves half a file in place of a good one. */
gboolean
ts_render_write_pdf (const TsPrintJob *job,
                     const char       *path,
                     TsRenderProgress  progress,
                     gpointer          user_data,
                     GCancellable     *cancellable,
                     GError          **error)
{
  TsPdfOutput *output;
  cairo_surface_t *surface;
  gboolean ok;

  g_return_val_if_fail (job != NULL && path != NULL, FALSE);

  if ((output = ts_pdf_output_new (path, error)) == NULL)
    return FALSE;
  surface = ts_pdf_output_get_surface (output);
  set_metadata (surface, job);
  ok = draw_pages (surface, job, progress, user_data, cancellable, error);
  /* A drawing error is already set; only a writing error is left to say. */
  return ts_pdf_output_close (output, ok, ok ? error : NULL) && ok;
}
