/* ts-render.h: one drawing path for PDF export, the print dialog and the CLI.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ts-print-job.h"

G_BEGIN_DECLS

/* Called after each page; progress goes from 0 to 1. */
typedef void (*TsRenderProgress) (guint    page,
                                  guint    n_pages,
                                  gpointer user_data);

guint    ts_render_n_pages   (const TsPrintJob *job);
void     ts_render_page      (cairo_t          *cr,
                              const TsPrintJob *job,
                              guint             page);
gboolean ts_render_write_pdf (const TsPrintJob *job,
                              const char       *path,
                              TsRenderProgress  progress,
                              gpointer          user_data,
                              GCancellable     *cancellable,
                              GError          **error);

G_END_DECLS
