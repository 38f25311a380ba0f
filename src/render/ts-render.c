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

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>

#include "ts-render-private.h"

guint
ts_render_n_pages (const TsPrintJob *job)
{
  g_return_val_if_fail (job != NULL, 0);

  switch (job->options.kind)
    {
    case TS_PRINT_ROSTER:
    case TS_PRINT_ADDENDUM:
      return ts_render_roster_n_pages (job);
    case TS_PRINT_CARDS:
    case TS_PRINT_BADGES:
      return ts_render_cards_n_pages (job);
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
  if (job->options.kind == TS_PRINT_ROSTER || job->options.kind == TS_PRINT_ADDENDUM)
    ts_render_roster_page (cr, context, job, page);
  else
    ts_render_cards_page (cr, context, job, page);
  g_object_unref (context);
  cairo_restore (cr);
}

/* A small filled tag, right-aligned at (right, top), for first-timers. */
void
ts_render_first_time_mark (cairo_t      *cr,
                           PangoContext *context,
                           double        right,
                           double        top,
                           double        size_pt)
{
  /* Translators: a small tag on rosters and cards for a first-timer. */
  g_autoptr(PangoLayout) layout = ts_render_text_new (context, _("First time"), size_pt,
                                                      PANGO_WEIGHT_BOLD);
  double pad = size_pt * 0.35;
  double width = ts_render_text_width (layout) + 2 * pad;
  double height = ts_render_text_height (layout);

  cairo_save (cr);
  cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
  cairo_rectangle (cr, right - width, top, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  ts_render_text_draw (cr, layout, right - width + pad, top);
  cairo_restore (cr);
}

static void
set_metadata (cairo_surface_t  *surface,
              const TsPrintJob *job)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, job->document_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tsudoi " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

static gboolean
draw_pages (cairo_surface_t  *surface,
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
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (error, TS_PRINT_ERROR, TS_PRINT_ERROR_CANCELLED,
                               _("Cancelled; no file was written."));
          ok = FALSE;
          break;
        }
      ts_render_page (cr, job, page);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (page + 1, n_pages, user_data);
    }
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
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (job != NULL && path != NULL, FALSE);

  surface = cairo_pdf_surface_create (part, TS_A4_WIDTH, TS_A4_HEIGHT);
  set_metadata (surface, job);
  ok = draw_pages (surface, job, progress, user_data, cancellable, error);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_WRITE,
                   _("Could not write “%1$s”: %2$s"), path, cairo_status_to_string (status));
      ok = FALSE;
    }
  if (ok && g_rename (part, path) != 0)
    {
      int saved = errno;

      g_set_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_WRITE,
                   _("Could not write “%1$s”: %2$s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (part);
  return ok;
}
