/* ts-render-trend.c: the headcount trend and the profession mix, for screen and paper.
 *
 * Both the Regulars page and the monthly report PDF call these, so the
 * chart looks the same in both. Sizes are in the caller's units (points on
 * paper, pixels on screen), text through ts_render_layout_new().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "ts-render-text.h"
#include "ts-render-trend.h"

#define AXIS_FONT   7.5
#define LEGEND_H   20.0
#define LABELS_H   22.0
#define AXIS_W     24.0

void
ts_render_trend_part_color (TsTrendPart part,
                            double      rgb[3])
{
  /* Blue, orange, green and grey from the GNOME palette, distinct in
   * colour and far apart in lightness (luminance 0.40, 0.78, 0.62, 0.96),
   * so that a black-and-white printer gives four different greys; the
   * darker orange it replaces printed the same grey as the blue. */
  static const double colors[TS_TREND_N_PARTS][3] = {
    { 0.110, 0.443, 0.847 },   /* #1c71d8 */
    { 1.000, 0.745, 0.435 },   /* #ffbe6f */
    { 0.180, 0.761, 0.494 },   /* #2ec27e */
    { 0.965, 0.961, 0.957 },   /* #f6f5f4, outlined */
  };

  g_return_if_fail (part < TS_TREND_N_PARTS);
  rgb[0] = colors[part][0];
  rgb[1] = colors[part][1];
  rgb[2] = colors[part][2];
}

const char *
ts_render_trend_part_label (TsTrendPart part)
{
  switch (part)
    {
    case TS_TREND_PART_REGULARS:     return C_("trend chart", "Regulars");
    case TS_TREND_PART_RETURNING:    return C_("trend chart", "Returning");
    case TS_TREND_PART_FIRST_TIMERS: return C_("trend chart", "First-timers");
    case TS_TREND_PART_OTHERS:       return C_("trend chart", "Others");
    default:                         g_return_val_if_reached ("");
    }
}

static void
show_text_width (cairo_t    *cr,
                 const char *text,
                 double      x,
                 double      y,
                 double      size,
                 double      align,     /* 0 left, 0.5 centre, 1 right */
                 double      width,     /* > 0: ellipsized to fit */
                 const double fg[4])
{
  g_autoptr(PangoLayout) layout = ts_render_layout_new (cr, size, PANGO_WEIGHT_NORMAL);
  PangoRectangle ink, logical;

  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_extents (layout, &ink, &logical);
  cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3]);
  cairo_move_to (cr, x - align * logical.width / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
}

static void
show_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           double      align,
           const double fg[4])
{
  show_text_width (cr, text, x, y, size, align, 0, fg);
}

static double
nice_step (guint max)
{
  static const guint steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 500 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (max / steps[i] <= 4)
      return steps[i];
  return 1000;
}

static void
draw_legend (cairo_t      *cr,
             double        width,
             const double  fg[4])
{
  double x = AXIS_W;

  for (TsTrendPart part = 0; part < TS_TREND_N_PARTS; part++)
    {
      g_autoptr(PangoLayout) layout = ts_render_layout_new (cr, AXIS_FONT + 0.5,
                                                            PANGO_WEIGHT_NORMAL);
      double rgb[3];
      int w, h;

      ts_render_trend_part_color (part, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_rectangle (cr, x, 3, 9, 9);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3] * 0.5);
      cairo_set_line_width (cr, 0.5);
      cairo_stroke (cr);
      pango_layout_set_text (layout, ts_render_trend_part_label (part), -1);
      pango_layout_get_size (layout, &w, &h);
      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3]);
      cairo_move_to (cr, x + 12, 7.5 - (double) h / PANGO_SCALE / 2);
      pango_cairo_show_layout (cr, layout);
      x += 12 + (double) w / PANGO_SCALE + 12;
    }
}

static void
draw_grid (cairo_t      *cr,
           double        plot_w,
           double        plot_h,
           guint         top,
           double        step,
           const double  fg[4])
{
  cairo_set_line_width (cr, 0.5);
  for (double v = 0; v <= top + 0.01; v += step)
    {
      double y = LEGEND_H + plot_h - plot_h * v / top;
      g_autofree char *label = g_strdup_printf ("%.0f", v);

      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3] * (v == 0 ? 0.6 : 0.15));
      cairo_move_to (cr, AXIS_W, y);
      cairo_line_to (cr, AXIS_W + plot_w, y);
      cairo_stroke (cr);
      show_text (cr, label, AXIS_W - 4, y - AXIS_FONT * 0.75, AXIS_FONT, 1.0, fg);
    }
}

static void
month_parts (const TsRegularsMonth *month,
             guint                  parts[TS_TREND_N_PARTS])
{
  parts[TS_TREND_PART_REGULARS] = month->regulars;
  parts[TS_TREND_PART_RETURNING] = month->returning;
  parts[TS_TREND_PART_FIRST_TIMERS] = month->first_timers;
  parts[TS_TREND_PART_OTHERS] = month->headcount - month->regulars - month->returning -
                                month->first_timers;
}

static void
draw_month_label (cairo_t      *cr,
                  int           month,
                  gboolean      with_year,
                  double        x,
                  double        y,
                  const double  fg[4])
{
  /* Translators: a month on the chart's axis, in Japanese "%d月". */
  g_autofree char *text = g_strdup_printf (C_("chart axis", "%d"), month % 12 + 1);

  show_text (cr, text, x, y, AXIS_FONT, 0.5, fg);
  if (with_year)
    {
      /* Translators: a year under a month on the chart, in Japanese "%d年". */
      g_autofree char *year = g_strdup_printf (C_("chart axis year", "%d"), month / 12);
      show_text (cr, year, x, y + AXIS_FONT + 2, AXIS_FONT, 0.5, fg);
    }
}

void
ts_render_trend (cairo_t          *cr,
                 const TsRegulars *regulars,
                 guint             n_months,
                 double            width,
                 double            height,
                 const double      fg[4])
{
  guint first, max = 0, label_every, slots, offset;
  double plot_w = width - AXIS_W - 4, plot_h = height - LEGEND_H - LABELS_H;
  double slot, step;
  guint top;

  g_return_if_fail (regulars != NULL);

  cairo_save (cr);
  draw_legend (cr, width, fg);
  /* A young chapter still gets n_months slots, its months on the right,
   * so that one month does not fill the whole width. */
  slots = n_months > 0 ? n_months : regulars->n_months;
  if (n_months == 0 || n_months > regulars->n_months)
    n_months = regulars->n_months;
  first = regulars->n_months - n_months;
  offset = slots - n_months;
  for (guint i = first; i < regulars->n_months; i++)
    max = MAX (max, regulars->months[i].headcount);
  step = nice_step (MAX (max, 1));
  top = (guint) (ceil (MAX (max, 1) / step) * step);
  draw_grid (cr, plot_w, plot_h, top, step, fg);
  if (n_months == 0 || plot_w <= 0 || plot_h <= 0)
    {
      cairo_restore (cr);
      return;
    }

  slot = plot_w / slots;
  /* A label at least every 30 units, on months that divide the year. */
  label_every = 1;
  while (slot * label_every < 30 && label_every < 12)
    label_every = label_every < 3 ? label_every + 1 : label_every == 3 ? 6 : 12;

  for (guint i = first; i < regulars->n_months; i++)
    {
      const TsRegularsMonth *month = &regulars->months[i];
      double x = AXIS_W + slot * (i - first + offset), bar = MAX (slot * 0.7, 1.0);
      double y = LEGEND_H + plot_h;
      guint parts[TS_TREND_N_PARTS];

      month_parts (month, parts);
      for (TsTrendPart part = 0; part < TS_TREND_N_PARTS; part++)
        {
          double h = plot_h * parts[part] / top, rgb[3];

          if (parts[part] == 0)
            continue;
          ts_render_trend_part_color (part, rgb);
          cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
          cairo_rectangle (cr, x + (slot - bar) / 2, y - h, bar, h);
          /* The lightest part would vanish on white paper. */
          if (part == TS_TREND_PART_OTHERS)
            {
              cairo_fill_preserve (cr);
              cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3] * 0.5);
              cairo_set_line_width (cr, 0.5);
              cairo_stroke (cr);
            }
          else
            cairo_fill (cr);
          y -= h;
        }
      if ((month->month % 12) % label_every == 0)
        draw_month_label (cr, month->month, month->month % 12 == 0 || i == first,
                          x + slot / 2, LEGEND_H + plot_h + 2, fg);
    }
  cairo_restore (cr);
}

typedef struct {
  const char *name;
  guint       count;
} MixRow;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const MixRow *x = a, *y = b;

  if (x->count != y->count)
    return (int) y->count - (int) x->count;
  return g_strcmp0 (x->name, y->name);
}

double
ts_render_profession_mix (cairo_t          *cr,
                          const TsRegulars *regulars,
                          guint             month,
                          guint             max_rows,
                          double            width,
                          const double      fg[4])
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (MixRow));
  const guint *counts;
  guint total = 0, rest = 0, largest;
  double row_h = 13, label_w = width * 0.45, y = 0, rgb[3];

  g_return_val_if_fail (month < regulars->n_months, 0);
  counts = regulars->profession_counts + (gsize) month * regulars->n_professions;
  for (guint p = 0; p < regulars->n_professions; p++)
    if (counts[p] > 0)
      {
        /* Translators: a member with no profession given. */
        MixRow row = { regulars->professions[p][0] ? regulars->professions[p]
                                                     : C_("profession", "Not given"),
                       counts[p] };
        g_array_append_val (rows, row);
        total += counts[p];
      }
  g_array_sort (rows, compare_rows);
  if (rows->len == 0)
    return 0;
  largest = g_array_index (rows, MixRow, 0).count;
  ts_render_trend_part_color (TS_TREND_PART_REGULARS, rgb);

  cairo_save (cr);
  for (guint i = 0; i < rows->len; i++)
    {
      MixRow *row = &g_array_index (rows, MixRow, i);
      const char *name = row->name;
      guint count = row->count;
      g_autofree char *number = NULL;
      double bar;

      if (rows->len > max_rows && i == max_rows - 1)
        {
          for (guint j = i; j < rows->len; j++)
            rest += g_array_index (rows, MixRow, j).count;
          /* Translators: the last row of the profession mix, summing up the rest. */
          name = C_("profession", "Other professions");
          count = rest;
        }
      bar = (width - label_w - 30) * count / MAX (largest, rest);
      show_text_width (cr, name, 0, y, AXIS_FONT + 0.5, 0, label_w - 6, fg);
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.85);
      cairo_rectangle (cr, label_w, y + 2, MAX (bar, 1), row_h - 5);
      cairo_fill (cr);
      number = g_strdup_printf ("%u", count);
      show_text (cr, number, label_w + bar + 4, y, AXIS_FONT + 0.5, 0, fg);
      y += row_h;
      if (rest > 0)
        break;
    }
  cairo_restore (cr);
  return y;
}

void
ts_render_attendance_mark (cairo_t        *cr,
                           TsRegularsCell  cell,
                           double          cx,
                           double          cy,
                           double          r,
                           const double    fg[4])
{
  double rgb[3];

  switch (cell)
    {
    case TS_REGULARS_CELL_PRESENT:
      ts_render_trend_part_color (TS_TREND_PART_REGULARS, rgb);
      cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case TS_REGULARS_CELL_WALK_IN:
      /* A shape, not only a colour, tells it from present; purple, a
       * colour the trend chart does not use for something else. */
      cairo_set_source_rgb (cr, 0.569, 0.255, 0.675);   /* #9141ac */
      cairo_move_to (cr, cx, cy - r * 1.25);
      cairo_line_to (cr, cx + r * 1.25, cy);
      cairo_line_to (cr, cx, cy + r * 1.25);
      cairo_line_to (cr, cx - r * 1.25, cy);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case TS_REGULARS_CELL_ABSENT:
      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3] * 0.55);
      cairo_set_line_width (cr, MAX (r * 0.2, 0.8));
      cairo_arc (cr, cx, cy, r - MAX (r * 0.1, 0.4), 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case TS_REGULARS_CELL_NONE:
    default:
      break;
    }
}

void
ts_render_month_strip (cairo_t      *cr,
                       const guint8 *cells,
                       guint         n_months,
                       int           first_month,
                       double        width,
                       double        height,
                       const double  fg[4])
{
  double slot, r, cy = MIN (height * 0.35, 10);

  if (n_months == 0 || width <= 0)
    return;
  slot = MIN (width / n_months, 16);
  r = MAX (slot * 0.32, 1.2);
  cairo_save (cr);
  for (guint i = 0; i < n_months; i++)
    {
      int month = first_month + (int) i;
      double x = slot * i;

      /* The year under each January, and under the first month unless a
       * January follows too soon to leave room. */
      if (month % 12 == 0 || (i == 0 && month % 12 < 9))
        {
          /* Translators: a year under a month on the chart, in Japanese "%d年". */
      g_autofree char *year = g_strdup_printf (C_("chart axis year", "%d"), month / 12);

          cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3] * 0.3);
          cairo_rectangle (cr, x, 0, 0.7, cy * 2);
          cairo_fill (cr);
          show_text (cr, year, x + 1, cy * 2 + 1, AXIS_FONT, 0, fg);
        }
      ts_render_attendance_mark (cr, cells[i], x + slot / 2, cy, r, fg);
    }
  cairo_restore (cr);
}
