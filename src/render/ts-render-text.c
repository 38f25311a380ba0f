/* ts-render-text.c: Pango text set up the same way for paper and screen.
 *
 * Hint metrics are off and the language is Japanese, so that a line
 * measures the same in the preview, on the printer and in the PDF, and
 * the glyphs are the Japanese forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "ts-render-text.h"

static void
configure_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (context, pango_language_from_string ("ja"));
  pango_context_set_round_glyph_positions (context, FALSE);
}

PangoLayout *
ts_render_layout_new (cairo_t    *cr,
                      double      size_pt,
                      PangoWeight weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_new ();

  configure_context (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);
  pango_font_description_set_family (font, TS_RENDER_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  return layout;
}
