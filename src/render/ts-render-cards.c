/* ts-render-cards.c: introduction cards (紹介カード) and name badges (名札).
 *
 * Both are cards on a label sheet (see ts-sheet.c). Each card is drawn in
 * its own coordinates and clipped to its rectangle, so nothing can spill
 * onto a neighbour whatever the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ts-render-private.h"

#define MM TS_PT_PER_MM

/* Legible at arm's length: the name at least 20 pt, nothing under 8.5 pt;
 * the introduction from 11 pt down to 8.5 pt, as large as fits. */
#define CARD_NAME_PT     24.0
#define CARD_NAME_MIN_PT 20.0
#define CARD_TEXT_PT     9.5
#define CARD_INTRO_PT    11.0
#define CARD_MIN_PT      8.5

static const TsSheet *
job_sheet (const TsPrintJob *job)
{
  if (job->options.kind == TS_PRINT_BADGES)
    return ts_sheet_get (job->options.badge_sheet);
  return ts_sheet_get (TS_SHEET_BUSINESS_CARD_10);
}

guint
ts_render_cards_n_pages (const TsPrintJob *job)
{
  return ts_sheet_n_pages (job_sheet (job), job->options.start_slot - 1, job->entries->len);
}

static void
set_grey (cairo_t *cr,
          double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

/* Returns the height used. */
static double
draw_box (cairo_t      *cr,
          PangoContext *context,
          const char   *text,
          double        size_pt,
          PangoWeight   weight,
          double        x,
          double        y,
          double        width,
          double        height)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0' || height < size_pt)
    return 0;
  layout = ts_render_text_new (context, text, size_pt, weight);
  ts_render_text_set_box (layout, width, height);
  ts_render_text_draw (cr, layout, x, y);
  return ts_render_text_height (layout);
}

/* A long name that would shrink to under 60 % goes on two lines, family
 * name above given name, and shrinks only as much as the longer one needs,
 * never under min_size_pt: past that it ends with an ellipsis. */
static void
fit_name (PangoLayout *layout,
          double       size_pt,
          double       min_size_pt,
          double       width)
{
  const char *text = pango_layout_get_text (layout);
  const char *space = strstr (text, "\u3000");
  g_autofree char *two_lines = NULL;
  double natural;

  /* ts_render_text_fit sets this too: set first, the measure is kept. */
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  natural = ts_render_text_width (layout);
  PangoFontDescription *font;

  /* One line when it fits at 60 % and at the smallest size allowed. */
  if ((natural * 0.6 <= width && natural * min_size_pt / size_pt <= width) || space == NULL)
    {
      ts_render_text_fit (layout, size_pt, min_size_pt, width);
      return;
    }
  two_lines = g_strdup_printf ("%.*s\n%s", (int) (space - text), text, space + strlen ("\u3000"));
  pango_layout_set_single_paragraph_mode (layout, FALSE);
  pango_layout_set_text (layout, two_lines, -1);
  natural = ts_render_text_width (layout);
  if (natural > width)
    {
      font = pango_font_description_copy (pango_layout_get_font_description (layout));
      pango_font_description_set_absolute_size (font, MAX (min_size_pt, size_pt * width / natural * 0.995) * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
}

/* The person's number, the same as on the rosters: "No. 10 の方".
 * Returns its width. */
static double
draw_number (cairo_t            *cr,
             PangoContext       *context,
             const TsPrintEntry *entry,
             double              right,
             double              top,
             double              size_pt)
{
  /* Translators: a person's number on a card or badge, as on the roster. */
  g_autofree char *text = g_strdup_printf (C_("card", "No. %u"), entry->number);
  g_autoptr(PangoLayout) layout = ts_render_text_new (context, text, size_pt, PANGO_WEIGHT_NORMAL);
  double width = ts_render_text_width (layout);

  set_grey (cr, TS_RENDER_GREY);
  ts_render_text_draw (cr, layout, right - width, top);
  return width;
}

/* 職種 and 役職 on one line. */
static char *
profession_line (const TsPrintEntry *entry)
{
  const char *parts[] = { entry->profession, entry->job_title };
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (line, "%s%s", line->len ? "\u3000" : "", parts[i]);
  return g_string_free (line, FALSE);
}

/* The wish at the foot of the card, under its own small heading; returns
 * the height it takes. */
static double
draw_wish (cairo_t            *cr,
           PangoContext       *context,
           const TsPrintEntry *entry,
           double              x,
           double              bottom,
           double              width)
{
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) wish = NULL;
  double height;

  if (entry->wish == NULL || *entry->wish == '\0')
    return 0;
  /* Translators: the heading of a member's wish on their card. */
  heading = g_object_get_data (G_OBJECT (context), "ts-wish-heading");
  if (heading == NULL)
    {
      /* The same on every card: laid out once per page. */
      heading = ts_render_text_new (context, _("Wish or announcement"), CARD_MIN_PT, PANGO_WEIGHT_BOLD);
      g_object_set_data_full (G_OBJECT (context), "ts-wish-heading", heading, g_object_unref);
    }
  g_object_ref (heading);
  wish = ts_render_text_new (context, entry->wish, CARD_MIN_PT, PANGO_WEIGHT_NORMAL);
  ts_render_text_set_box (wish, width, CARD_MIN_PT * 1.45 * 2 + 1);
  height = ts_render_text_height (heading) + ts_render_text_height (wish);
  cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
  ts_render_text_draw (cr, heading, x, bottom - height);
  set_grey (cr, 0.2);
  ts_render_text_draw (cr, wish, x, bottom - ts_render_text_height (wish));
  return height + 2;
}

/* 91 × 55 mm: reading and number, the name large, organization,
 * profession and title, then the introduction as large as the room left
 * allows, and the wish at the foot. */
static void
draw_card (cairo_t            *cr,
           PangoContext       *context,
           const TsPrintEntry *entry,
           double              width,
           double              height)
{
  double pad = 4.5 * MM, inner = width - 2 * pad, y = pad * 0.8, right = width - pad;
  double bottom = height - pad * 0.7;
  g_autoptr(PangoLayout) name = ts_render_text_new (context, entry->name, CARD_NAME_PT,
                                                    PANGO_WEIGHT_BOLD);
  g_autofree char *profession = profession_line (entry);

  right -= draw_number (cr, context, entry, right, y, CARD_MIN_PT) + 4;
  if (entry->first_time)
    {
      ts_render_first_time_mark (cr, context, right, y, CARD_MIN_PT);
      right -= 44;
    }
  if (entry->reading && *entry->reading)
    {
      g_autoptr(PangoLayout) reading = ts_render_text_new (context, entry->reading, CARD_MIN_PT,
                                                           PANGO_WEIGHT_NORMAL);

      ts_render_text_set_line (reading, right - pad);
      set_grey (cr, TS_RENDER_GREY);
      ts_render_text_draw (cr, reading, pad, y);
    }
  y += 12;
  set_grey (cr, 0);
  fit_name (name, CARD_NAME_PT, CARD_NAME_MIN_PT, inner);
  ts_render_text_draw (cr, name, pad, y);
  y += ts_render_text_height (name) + 1;
  cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
  cairo_rectangle (cr, pad, y, inner, 0.8);
  cairo_fill (cr);
  y += 3;
  set_grey (cr, 0);
  y += draw_box (cr, context, entry->organization, CARD_TEXT_PT, PANGO_WEIGHT_NORMAL, pad, y, inner,
                 CARD_TEXT_PT * 1.45 * 2 + 1);
  y += draw_box (cr, context, profession, CARD_TEXT_PT, PANGO_WEIGHT_BOLD, pad, y, inner,
                 CARD_TEXT_PT * 1.45 + 1) + 2;
  bottom -= draw_wish (cr, context, entry, pad, bottom, inner);
  if (entry->introduction && *entry->introduction && bottom - y >= CARD_MIN_PT * 1.45)
    {
      g_autoptr(PangoLayout) intro = ts_render_text_new (context, entry->introduction,
                                                         CARD_INTRO_PT, PANGO_WEIGHT_NORMAL);

      ts_render_text_fill_box (intro, CARD_INTRO_PT, CARD_MIN_PT, inner, bottom - y);
      set_grey (cr, 0.2);
      ts_render_text_draw (cr, intro, pad, y);
    }
}

/* Read across a table: everything centred, the name as large as fits. */
static void
draw_badge (cairo_t            *cr,
            PangoContext       *context,
            const TsPrintEntry *entry,
            double              width,
            double              height,
            double              scale)
{
  double pad = 5 * MM * scale, inner = width - 2 * pad;
  const struct { const char *text; double size; PangoWeight weight; double grey; } lines[] = {
    { entry->reading, 9 * scale, PANGO_WEIGHT_NORMAL, TS_RENDER_GREY },
    { entry->name, 26 * scale, PANGO_WEIGHT_BOLD, 0 },
    { entry->organization, 9.5 * scale, PANGO_WEIGHT_NORMAL, 0 },
    { entry->profession, 9.5 * scale, PANGO_WEIGHT_BOLD, 0 },
  };
  PangoLayout *layouts[G_N_ELEMENTS (lines)] = { NULL };
  double total = 0, y, gap = 3 * scale;

  draw_number (cr, context, entry, pad + inner, pad * 0.6, CARD_MIN_PT * scale);
  if (entry->first_time)
    ts_render_first_time_mark (cr, context, pad + inner - 40 * scale, pad * 0.6, CARD_MIN_PT * scale);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      if (lines[i].text == NULL || *lines[i].text == '\0')
        continue;
      layouts[i] = ts_render_text_new (context, lines[i].text, lines[i].size, lines[i].weight);
      /* A long organization wraps onto a second line rather than
       * shrinking out of reach of the eye; the rest shrink to fit. */
      if (i == 2)
        ts_render_text_set_box (layouts[i], inner, lines[i].size * 2 * 1.5);
      else if (i == 1)
        fit_name (layouts[i], lines[i].size, lines[i].size * 0.3, inner);
      else
        ts_render_text_fit (layouts[i], lines[i].size, lines[i].size * (i == 1 ? 0.3 : 0.75), inner);
      /* Centring needs the width, which a line that fits was not given. */
      pango_layout_set_width (layouts[i], (int) (inner * PANGO_SCALE));
      pango_layout_set_alignment (layouts[i], PANGO_ALIGN_CENTER);
      total += ts_render_text_height (layouts[i]) + gap;
    }
  y = MAX (pad, (height - total) / 2);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      if (layouts[i] == NULL)
        continue;
      set_grey (cr, lines[i].grey);
      ts_render_text_draw (cr, layouts[i], pad, y);
      y += ts_render_text_height (layouts[i]) + gap;
      g_object_unref (layouts[i]);
    }
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
}

/* Short marks in the margins along the cutting lines, stopping 2 mm short
 * of the cards; a sheet without margins gets dashed lines between its
 * cards instead. Drawn in millimetres. */
static void
draw_cut_marks (cairo_t          *cr,
                const TsSheet    *sheet,
                const TsPrintJob *job)
{
  double dx = CLAMP (job->options.offset_x_mm, -TS_SHEET_MAX_OFFSET_MM, TS_SHEET_MAX_OFFSET_MM);
  double dy = CLAMP (job->options.offset_y_mm, -TS_SHEET_MAX_OFFSET_MM, TS_SHEET_MAX_OFFSET_MM);
  double left = sheet->margin_left + dx, top = sheet->margin_top + dy;
  double right = left + sheet->columns * sheet->pitch_x;
  double bottom = top + sheet->rows * sheet->pitch_y;
  double dash = 2;

  cairo_save (cr);
  cairo_scale (cr, MM, MM);
  cairo_set_line_width (cr, 0.15);
  set_grey (cr, 0.3);
  if (sheet->margin_left < 4 || sheet->margin_top < 4)
    {
      cairo_set_dash (cr, &dash, 1, 0);
      for (guint c = 1; c < sheet->columns; c++)
        line (cr, left + c * sheet->pitch_x, 0, left + c * sheet->pitch_x, sheet->page_height);
      for (guint r = 1; r < sheet->rows; r++)
        line (cr, 0, top + r * sheet->pitch_y, sheet->page_width, top + r * sheet->pitch_y);
    }
  else
    {
      for (guint c = 0; c <= sheet->columns; c++)
        {
          double x = left + c * sheet->pitch_x;

          line (cr, x, 1, x, top - 2);
          line (cr, x, bottom + 2, x, sheet->page_height - 1);
        }
      for (guint r = 0; r <= sheet->rows; r++)
        {
          double y = top + r * sheet->pitch_y;

          line (cr, 1, y, left - 2, y);
          line (cr, right + 2, y, sheet->page_width - 1, y);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
ts_render_cards_page (cairo_t          *cr,
                      PangoContext     *context,
                      const TsPrintJob *job,
                      guint             page)
{
  const TsSheet *sheet = job_sheet (job);
  guint slots = ts_sheet_n_slots (sheet);
  guint skip = MIN (job->options.start_slot - 1, slots - 1);
  double badge_scale = sheet->id == TS_SHEET_A6_4 ? 1.7 : 1.0;

  if (job->options.cut_marks)
    draw_cut_marks (cr, sheet, job);
  for (guint slot = page == 0 ? skip : 0; slot < slots; slot++)
    {
      gint64 index = (gint64) page * slots + slot - skip;
      TsRect rect;

      if (index >= job->entries->len)
        break;
      rect = ts_sheet_slot_rect (sheet, slot, job->options.offset_x_mm, job->options.offset_y_mm);
      cairo_save (cr);
      cairo_translate (cr, rect.x * MM, rect.y * MM);
      if (job->options.kind == TS_PRINT_BADGES)
        draw_badge (cr, context, g_ptr_array_index (job->entries, index),
                    rect.width * MM, rect.height * MM, badge_scale);
      else
        draw_card (cr, context, g_ptr_array_index (job->entries, index),
                   rect.width * MM, rect.height * MM);
      cairo_restore (cr);
    }
}
