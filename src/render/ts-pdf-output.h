/* ts-pdf-output.h: a PDF file written beside its name, 0600, and put in
 * place only when complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct _TsPdfOutput TsPdfOutput;

TsPdfOutput     *ts_pdf_output_new         (const char   *path,
                                            GError      **error);
cairo_surface_t *ts_pdf_output_get_surface (TsPdfOutput  *self);
gboolean         ts_pdf_output_close       (TsPdfOutput  *self,
                                            gboolean      keep,
                                            GError      **error);

G_END_DECLS
