/* ts-print-operation.c: a GtkPrintOperation that draws a print job.
 *
 * draw-page only forwards to ts_render_page(): the printer gets exactly
 * what the PDF and the preview show. The operation owns the job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-print-operation.h"
#include "ts-render.h"

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 TsPrintJob        *job)
{
  ts_render_page (gtk_print_context_get_cairo_context (context), job, page);
}

GtkPrintOperation *
ts_print_operation_new (TsPrintJob *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (job != NULL, NULL);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* Points from the corner of the sheet: the coordinates of the PDF. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, ts_render_n_pages (job));
  gtk_print_operation_set_job_name (operation, job->document_title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The handler owns the job: it goes with the operation. */
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job,
                         (GClosureNotify) G_CALLBACK (ts_print_job_free), 0);
  return operation;
}
