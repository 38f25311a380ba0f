/* ts-render-marks.c: the small tags that rosters, cards and badges share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-render-private.h"

/* A small filled tag, right-aligned at (right, top). The same few words
 * on every card: laid out once per page, text and size. */
void
ts_render_tag (cairo_t      *cr,
               PangoContext *context,
               const char   *text,
               double        right,
               double        top,
               double        size_pt,
               double        red,
               double        green,
               double        blue)
{
  g_autofree char *key = g_strdup_printf ("ts-tag-%s-%.2f", text, size_pt);
  PangoLayout *layout = g_object_get_data (G_OBJECT (context), key);
  double pad = size_pt * 0.35;
  double width, height;

  if (layout == NULL)
    {
      layout = ts_render_text_new (context, text, size_pt, PANGO_WEIGHT_BOLD);
      g_object_set_data_full (G_OBJECT (context), key, layout, g_object_unref);
    }
  width = ts_render_text_width (layout) + 2 * pad;
  height = ts_render_text_height (layout);
  cairo_save (cr);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_rectangle (cr, right - width, top, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  ts_render_text_draw (cr, layout, right - width + pad, top);
  cairo_restore (cr);
}

void
ts_render_first_time_mark (cairo_t      *cr,
                           PangoContext *context,
                           double        right,
                           double        top,
                           double        size_pt)
{
  /* Translators: a small tag on rosters and cards for a first-timer. */
  ts_render_tag (cr, context, _("First time"), right, top, size_pt, TS_RENDER_ACCENT);
}
