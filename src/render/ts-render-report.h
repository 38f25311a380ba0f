/* ts-render-report.h: a chapter's one-page monthly report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ts-regulars.h"

G_BEGIN_DECLS

/* Draws the report for the last month of the analysis on one A4 page, in
 * points, into any cairo_t (a PDF surface, a print context, a preview). */
void     ts_render_report_page (cairo_t          *cr,
                                const TsRegulars *regulars,
                                const char       *chapter_name);

gboolean ts_render_report_pdf  (const TsRegulars *regulars,
                                const char       *chapter_name,
                                const char       *path,
                                GError          **error);

G_END_DECLS
