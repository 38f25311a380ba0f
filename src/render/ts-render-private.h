/* ts-render-private.h: what the roster and the card drawing share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-render.h"
#include "ts-render-text.h"

G_BEGIN_DECLS

#define TS_RENDER_GREY   0.40
#define TS_RENDER_ACCENT 0.18, 0.42, 0.55

guint ts_render_roster_n_pages (const TsPrintJob *job);
void  ts_render_roster_page    (cairo_t          *cr,
                                PangoContext     *context,
                                const TsPrintJob *job,
                                guint             page);
guint ts_render_cards_n_pages  (const TsPrintJob *job);
void  ts_render_cards_page     (cairo_t          *cr,
                                PangoContext     *context,
                                const TsPrintJob *job,
                                guint             page);
void  ts_render_tag            (cairo_t          *cr,
                                PangoContext     *context,
                                const char       *text,
                                double            right,
                                double            top,
                                double            size_pt,
                                double            red,
                                double            green,
                                double            blue);
void  ts_render_first_time_mark (cairo_t         *cr,
                                 PangoContext    *context,
                                 double           right,
                                 double           top,
                                 double           size_pt);

G_END_DECLS
