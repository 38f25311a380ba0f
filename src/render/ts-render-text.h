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
#define TS_RENDER_FONT_FAMILY "BIZ UDPGothic"
#define TS_RENDER_LINE_HEIGHT 1.3

PangoLayout  *ts_render_layout_new      (cairo_t      *cr,
                                         double        size_pt,
                                         PangoWeight   weight);

/* One context per page: making a context per string costs more than the
 * text itself when thousands of cards are drawn. */
PangoContext *ts_render_context_new     (cairo_t      *cr);
PangoAttrList *ts_render_text_attributes_new (void);
PangoLayout  *ts_render_text_new        (PangoContext *context,
                                         const char   *text,
                                         double        size_pt,
                                         PangoWeight   weight);
void          ts_render_text_set_box    (PangoLayout  *layout,
                                         double        width_pt,
                                         double        height_pt);
double        ts_render_text_estimate_width (const char *text,
                                             double      size_pt);
double        ts_render_text_fill_box   (PangoLayout  *layout,
                                         double        max_size_pt,
                                         double        min_size_pt,
                                         double        width_pt,
                                         double        height_pt);
void          ts_render_text_set_line   (PangoLayout  *layout,
                                         double        width_pt);
double        ts_render_text_fit        (PangoLayout  *layout,
                                         double        size_pt,
                                         double        min_size_pt,
                                         double        width_pt);
double        ts_render_text_height     (PangoLayout  *layout);
double        ts_render_text_width      (PangoLayout  *layout);
void          ts_render_text_draw       (cairo_t      *cr,
                                         PangoLayout  *layout,
                                         double        x,
                                         double        y);

G_END_DECLS
