/* ts-render-text.c: Pango text set up the same way for paper and screen.
 *
 * Hint metrics are off and the language is Japanese, so that a line
 * measures the same in the preview, on the printer and in the PDF, and
 * the glyphs are the Japanese forms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include <math.h>
#include <string.h>

#include "ts-render-breaks.h"
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

static void
set_font (PangoLayout *layout,
          double       size_pt,
          PangoWeight  weight)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, TS_RENDER_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

PangoLayout *
ts_render_layout_new (cairo_t    *cr,
                      double      size_pt,
                      PangoWeight weight)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);

  configure_context (pango_layout_get_context (layout));
  pango_layout_context_changed (layout);
  set_font (layout, size_pt, weight);
  return layout;
}

PangoContext *
ts_render_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);

  configure_context (context);
  return context;
}

/* What every layout's text carries: BIZ UDPGothic's lines are 1.1 em
 * high, glyphs to the edges; Japanese prose reads best with lines about
 * 1.45 em apart, and every box on paper is measured for that. The extra
 * space goes half above and half below each line, single lines too. */
PangoAttrList *
ts_render_text_attributes_new (void)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_line_height_new (TS_RENDER_LINE_HEIGHT));
  return attrs;
}

PangoLayout *
ts_render_text_new (PangoContext *context,
                    const char   *text,
                    double        size_pt,
                    PangoWeight   weight)
{
  PangoLayout *layout = pango_layout_new (context);

  PangoAttrList *attrs = ts_render_text_attributes_new ();

  set_font (layout, size_pt, weight);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static guint
lines_within (PangoLayout *layout,
              double       height_pt)
{
  PangoLayoutIter *iter;
  guint fit = 0;

  /* The usual case, the whole text fits: no need to walk the lines. */
  if (ts_render_text_height (layout) <= height_pt + 0.5)
    return pango_layout_get_line_count (layout);
  iter = pango_layout_get_iter (layout);

  do
    {
      int top, bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if (bottom > height_pt * PANGO_SCALE + PANGO_SCALE / 2)
        break;
      fit++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return fit;
}

/* Keeps the first max_lines lines and ends the last with an ellipsis.
 * Pango's own height ellipsizing drops whole paragraphs silently when a
 * paragraph ends on the last line that fits, so the cut is made here. */
static void
truncate_lines (PangoLayout *layout,
                guint        max_lines)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, max_lines - 1);
  const char *text = pango_layout_get_text (layout);
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  int room = pango_layout_get_width (layout) - pango_font_description_get_size (font) * 21 / 20;
  int cut = line->start_index + line->length;
  g_autofree char *head = NULL;

  /* Each try lays the whole text out again: the first one cuts where the
   * ellipsis will fit, by the glyph positions of the last line. */
  while (cut > line->start_index)
    {
      int previous = g_utf8_prev_char (text + cut) - text, x;

      pango_layout_line_index_to_x (line, previous, FALSE, &x);
      if (x + 1 <= room && !g_unichar_isspace (g_utf8_get_char (text + previous)))
        break;
      cut = previous;
    }
  head = g_strndup (text, cut);
  for (guint tries = 0; tries < 16 && *head != '\0'; tries++)
    {
      g_autofree char *shown = NULL;
      char *end = head + strlen (head);

      while (end > head && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (end))))
        end = g_utf8_prev_char (end);
      if (tries > 0 && end > head)
        end = g_utf8_prev_char (end);
      *end = '\0';
      shown = g_strconcat (head, "…", NULL);
      pango_layout_set_text (layout, shown, -1);
      if ((guint) pango_layout_get_line_count (layout) <= max_lines)
        return;
    }
}

/* Wrapped within the width; past the height, the last line that fits ends
 * with an ellipsis instead of running out of its box. */
static void
cut_to_height (PangoLayout *layout,
               double       height_pt)
{
  guint fit = lines_within (layout, height_pt);

  if (fit >= (guint) pango_layout_get_line_count (layout))
    return;
  if (fit == 0)
    pango_layout_set_text (layout, "", -1);
  else
    truncate_lines (layout, fit);
}

void
ts_render_text_set_box (PangoLayout *layout,
                        double       width_pt,
                        double       height_pt)
{
  pango_layout_set_width (layout, (int) (width_pt * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  ts_render_breaks_apply (layout, width_pt);
  cut_to_height (layout, height_pt);
}

static void
set_size (PangoLayout *layout,
          double       size_pt)
{
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
}

/* A quick, slightly generous width of a text set in one line: full-width
 * characters are one em, the rest a little over half. Good enough to size
 * columns and guess line counts without laying anything out. */
double
ts_render_text_estimate_width (const char *text,
                               double      size_pt)
{
  double width = 0;

  if (text == NULL)
    return 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean wide;

      /* Letters, kana and kanji answered here; GLib's tables for the rest. */
      if (c < 0x80)
        wide = FALSE;
      else if ((c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA) ||
               (c >= 0x4E00 && c <= 0x9FFF))
        wide = TRUE;
      else
        wide = g_unichar_iswide (c) || g_unichar_iswide_cjk (c);
      width += wide ? size_pt : size_pt * 0.62;
    }
  return width;
}

/* The height a text would take at a size, by the estimate above; phrase
 * breaking leaves lines ragged, hence the margin. */
/* The widths of the paragraphs at 1 pt, worked out once per text: the
 * size search below tries up to six sizes. */
static GArray *
unit_widths (const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  GArray *widths = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      double width = ts_render_text_estimate_width (paragraphs[i], 1.0);

      g_array_append_val (widths, width);
    }
  return widths;
}

static double
estimate_height (const GArray *unit,
                 double        size_pt,
                 double        width_pt)
{
  guint lines = 0;

  for (guint i = 0; i < unit->len; i++)
    lines += (guint) (g_array_index (unit, double, i) * size_pt * 1.12 / width_pt) + 1;
  return lines * size_pt * 1.5;
}

static void
ellipsize_at_height (PangoLayout *layout,
                     double       height_pt)
{
  pango_layout_set_height (layout, (int) (height_pt * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

/* The largest size from max_size_pt down to min_size_pt, in half points,
 * at which the whole text fits the box, so that a short text fills the
 * room it has instead of leaving it empty; below the smallest size it is
 * cut with an ellipsis. Returns the size used.
 *
 * Laying out costs most here (a card's introduction may be tried at
 * several sizes, a thousand times): the estimate picks the size to try
 * first, which usually is the answer. */
double
ts_render_text_fill_box (PangoLayout *layout,
                         double       max_size_pt,
                         double       min_size_pt,
                         double       width_pt,
                         double       height_pt)
{
  g_autoptr(GArray) unit = unit_widths (pango_layout_get_text (layout));
  double size = max_size_pt;

  while (size > min_size_pt && estimate_height (unit, size, width_pt) > height_pt)
    size -= 0.5;
  size = MAX (size, min_size_pt);
  set_size (layout, size);
  pango_layout_set_width (layout, (int) (width_pt * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (size <= min_size_pt)
    ellipsize_at_height (layout, height_pt);
  /* The phrases found at this size stay unbreakable at smaller ones. */
  ts_render_breaks_apply (layout, width_pt);
  while (size > min_size_pt && ts_render_text_height (layout) > height_pt + 0.5)
    {
      /* The area goes with the square of the size: jump near the answer. */
      double guess = floor (size * sqrt (height_pt / ts_render_text_height (layout)) * 2) / 2;

      size = MAX (MIN (guess, size - 0.5), min_size_pt);
      if (size <= min_size_pt)
        ellipsize_at_height (layout, height_pt);
      set_size (layout, size);
    }
  if (pango_layout_get_ellipsize (layout) != PANGO_ELLIPSIZE_NONE)
    {
      int n_lines = pango_layout_get_line_count (layout);
      PangoLayoutLine *last = pango_layout_get_line_readonly (layout, n_lines - 1);

      if (pango_layout_is_ellipsized (layout) ||
          last->start_index + last->length >= (int) strlen (pango_layout_get_text (layout)))
        return size;
      /* A paragraph ended on the last line that fits, and Pango dropped
       * what follows without an ellipsis: the cut is made here. */
      pango_layout_set_height (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
    }
  cut_to_height (layout, height_pt);
  return size;
}

/* One line, ellipsized at the width; line breaks in the text become
 * spaces so a multi-line introduction stays on its row. */
void
ts_render_text_set_line (PangoLayout *layout,
                         double       width_pt)
{
  pango_layout_set_width (layout, (int) (width_pt * PANGO_SCALE));
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

/* Shrinks the font until the text fits the width, down to min_size_pt;
 * below that it is ellipsized, so it never leaves its box. Returns the
 * size used. */
double
ts_render_text_fit (PangoLayout *layout,
                    double       size_pt,
                    double       min_size_pt,
                    double       width_pt)
{
  double width;
  PangoFontDescription *font;

  /* Most names fit at once: measured once, and not laid out again. */
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  width = ts_render_text_width (layout);
  if (width <= width_pt)
    return size_pt;
  if (width > 0)
    {
      size_pt = MAX (min_size_pt, size_pt * width_pt / width * 0.995);
      font = pango_font_description_copy (pango_layout_get_font_description (layout));
      pango_font_description_set_absolute_size (font, size_pt * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  ts_render_text_set_line (layout, width_pt);
  return size_pt;
}

double
ts_render_text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
ts_render_text_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

void
ts_render_text_draw (cairo_t     *cr,
                     PangoLayout *layout,
                     double       x,
                     double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}
