/* ts-render-trend.h: the headcount trend and the profession mix, for screen and paper.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ts-regulars.h"

G_BEGIN_DECLS

/* The colours of the stacked parts, shared by the chart, its legend and
 * the page's lists so that a colour means the same thing everywhere. */
typedef enum {
  TS_TREND_PART_REGULARS,
  TS_TREND_PART_RETURNING,
  TS_TREND_PART_FIRST_TIMERS,
  TS_TREND_PART_OTHERS,
  TS_TREND_N_PARTS,
} TsTrendPart;

void        ts_render_trend_part_color (TsTrendPart       part,
                                        double            rgb[3]);
const char *ts_render_trend_part_label (TsTrendPart       part);

/* Headcount per month stacked by regulars, returning, first-timers and
 * others, for the last n_months months of the analysis (0 for all), in
 * the rectangle (0, 0, width, height) of cr; text in the colour fg. */
void        ts_render_trend            (cairo_t          *cr,
                                        const TsRegulars *regulars,
                                        guint             n_months,
                                        double            width,
                                        double            height,
                                        const double      fg[4]);

/* Horizontal bars: how many of each profession were present in a month
 * (an index into regulars->months); at most max_rows rows, the rest
 * summed up in a last row. Returns the height used. */
double      ts_render_profession_mix   (cairo_t          *cr,
                                        const TsRegulars *regulars,
                                        guint             month,
                                        guint             max_rows,
                                        double            width,
                                        const double      fg[4]);

/* One attendance mark centred on (cx, cy) with radius r: a filled circle
 * for present, a diamond for a walk-in, a ring for registered but absent;
 * the grid, the member's strip and paper all draw it this way. */
void        ts_render_attendance_mark  (cairo_t          *cr,
                                        TsRegularsCell    cell,
                                        double            cx,
                                        double            cy,
                                        double            r,
                                        const double      fg[4]);

/* A member's months in a row (see TsRegularsHistory), one mark per month,
 * the year written under each January; fits the marks into width. */
void        ts_render_month_strip      (cairo_t          *cr,
                                        const guint8     *cells,
                                        guint             n_months,
                                        int               first_month,
                                        double            width,
                                        double            height,
                                        const double      fg[4]);

G_END_DECLS
