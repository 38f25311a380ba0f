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
/* ts-render-seating.c */
guint ts_render_table_plan_n_pages  (const TsPrintJob *job);
void  ts_render_table_plan_page     (cairo_t          *cr,
                                     PangoContext     *context,
                                     const TsPrintJob *job,
                                     guint             page);
guint ts_render_table_cards_n_pages (const TsPrintJob *job);
void  ts_render_table_cards_page    (cairo_t          *cr,
                                     PangoContext     *context,
                                     const TsPrintJob *job,
                                     guint             page);
guint ts_render_intro_n_pages  (const TsPrintJob *job);
void  ts_render_intro_page     (cairo_t          *cr,
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

/* The roster's page: margins and type sizes read in a dim restaurant by
 * people of all ages. */
#define TS_ROSTER_MARGIN        (12.0 * TS_PT_PER_MM)
#define TS_ROSTER_HEADER_HEIGHT 64.0
#define TS_ROSTER_FOOTER_HEIGHT 22.0
#define TS_ROSTER_NAME_PT       12.0
#define TS_ROSTER_RUBY_PT       7.5
#define TS_ROSTER_TEXT_PT       9.0
#define TS_ROSTER_TAG_PT        7.5
/* From the top of a person's row: the furigana, then the name. */
#define TS_ROSTER_RUBY_TOP      1.0
#define TS_ROSTER_NAME_TOP      11.0

guint   ts_render_roster_compact_n_pages (const TsPrintJob   *job);
void    ts_render_roster_compact_page    (cairo_t            *cr,
                                          PangoContext       *context,
                                          const TsPrintJob   *job,
                                          guint               page);
void    ts_render_rule                   (cairo_t            *cr,
                                          double              x0,
                                          double              y0,
                                          double              x1,
                                          double              y1,
                                          double              width,
                                          double              grey);
void    ts_render_roster_header          (cairo_t            *cr,
                                          PangoContext       *context,
                                          const TsPrintJob   *job);
void    ts_render_roster_footer          (cairo_t            *cr,
                                          PangoContext       *context,
                                          guint               page,
                                          guint               n_pages);
void    ts_render_roster_index           (cairo_t            *cr,
                                          PangoContext       *context,
                                          const TsPrintJob   *job,
                                          guint               first,
                                          guint               last,
                                          double              top);
void    ts_render_roster_name            (cairo_t            *cr,
                                          PangoContext       *context,
                                          const TsPrintJob   *job,
                                          const TsPrintEntry *entry,
                                          double              x,
                                          double              y,
                                          double              width);
void    ts_render_name_with_ruby         (cairo_t            *cr,
                                          PangoContext       *context,
                                          const TsPrintEntry *entry,
                                          gboolean            reading,
                                          double              x,
                                          double              ruby_y,
                                          double              name_y,
                                          double              width,
                                          double              name_pt,
                                          double              min_name_pt,
                                          double              ruby_pt);
void    ts_render_roster_number          (cairo_t            *cr,
                                          PangoContext       *context,
                                          const TsPrintEntry *entry,
                                          double              x,
                                          double              width,
                                          double              y);
double  ts_render_roster_mark_width      (void);
void    ts_render_roster_mark            (cairo_t            *cr,
                                          PangoContext       *context,
                                          const TsPrintEntry *entry,
                                          double              left,
                                          double              middle,
                                          double              room);
GArray *ts_render_roster_break_pages     (const double       *heights,
                                          guint               n,
                                          double              body);

G_END_DECLS
