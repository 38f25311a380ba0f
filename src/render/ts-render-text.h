/* ts-render-text.h: Pango text set up the same way for paper and screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Points per millimetre; everything on paper is laid out in points. */
#define TS_PT_PER_MM (72.0 / 25.4)
#define TS_A4_WIDTH  (210.0 * TS_PT_PER_MM)
#define TS_A4_HEIGHT (297.0 * TS_PT_PER_MM)

/* Named explicitly: under a Chinese locale fontconfig would otherwise pick
 * the SC variant even when Pango's language is ja. */
#define TS_RENDER_FONT_FAMILY "Noto Sans CJK JP"

PangoLayout *ts_render_layout_new (cairo_t    *cr,
                                   double      size_pt,
                                   PangoWeight weight);

G_END_DECLS
