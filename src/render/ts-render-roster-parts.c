/* ts-render-roster-parts.c: what the roster's two layouts share.
 *
 * The table (ts-render-roster.c) and the compact two-column list
 * (ts-render-roster-compact.c) print the same header, footer, 五十音 index,
 * names with their furigana and visit marks, so that a person looks the
 * same on either.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ts-render-private.h"

void
ts_render_rule (cairo_t *cr,
                double   x0,
                double   y0,
                double   x1,
                double   y1,
                double   width,
                double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* Says what the page shows: everyone counted is a row, or the header
 * says how many are not. */
static char *
headcount_text (const TsPrintJob *job)
{
  guint n = job->headcount, unlisted = job->options.organizer_copy ? 0 : job->n_unlisted;

  if (job->options.kind == TS_PRINT_ADDENDUM && unlisted > 0)
    /* Translators: the walk-in addendum's headcount when some walk-ins are
     * not on it: "当日参加 %1$u 人、うち名簿非掲載 %2$u 人". */
    return g_strdup_printf (ngettext ("%1$u walk-in, %2$u of them not listed",
                                      "%1$u walk-ins, %2$u of them not listed", n),
                            n, unlisted);
  if (job->options.kind == TS_PRINT_ADDENDUM)
    /* Translators: the walk-in addendum's headcount: "当日参加 %u 人". */
    return g_strdup_printf (ngettext ("%u walk-in", "%u walk-ins", n), n);
  if (unlisted > 0)
    /* Translators: a roster's headcount when some attendees are not on it:
     * "参加者 %1$u 人、うち名簿非掲載 %2$u 人". */
    return g_strdup_printf (ngettext ("%1$u attendee, %2$u of them not listed",
                                      "%1$u attendees, %2$u of them not listed", n),
                            n, unlisted);
  /* Translators: the headcount on a roster: "参加者 %u 人". */
  return g_strdup_printf (ngettext ("%u attendee", "%u attendees", n), n);
}

/* The date, the venue and the headcount on one line; an event without a
 * venue leaves no gap. */
static char *
details_text (const TsPrintJob *job)
{
  g_autofree char *count = headcount_text (job);
  const char *parts[] = { job->when, job->venue, count };
  GString *joined = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (joined, "%s%s", joined->len ? "　" : "", parts[i]);
  return g_string_free (joined, FALSE);
}

void
ts_render_roster_header (cairo_t          *cr,
                         PangoContext     *context,
                         const TsPrintJob *job)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) chapter = NULL;
  g_autoptr(PangoLayout) event = NULL;
  g_autoptr(PangoLayout) details = NULL;
  g_autofree char *line = details_text (job);
  double width = TS_A4_WIDTH - 2 * TS_ROSTER_MARGIN;
  double y = TS_ROSTER_MARGIN;

  cairo_set_source_rgb (cr, 0, 0, 0);
  title = ts_render_text_new (context, ts_print_kind_title (job->options.kind), 16,
                              PANGO_WEIGHT_BOLD);
  ts_render_text_draw (cr, title, TS_ROSTER_MARGIN, y);
  chapter = ts_render_text_new (context, job->chapter, 12, PANGO_WEIGHT_BOLD);
  ts_render_text_set_line (chapter, width - ts_render_text_width (title) - 20);
  pango_layout_set_alignment (chapter, PANGO_ALIGN_RIGHT);
  ts_render_text_draw (cr, chapter, TS_ROSTER_MARGIN + 20 + ts_render_text_width (title), y + 3);
  y += 24;

  event = ts_render_text_new (context, job->event_title, 10.5, PANGO_WEIGHT_BOLD);
  ts_render_text_set_line (event, width);
  ts_render_text_draw (cr, event, TS_ROSTER_MARGIN, y);
  y += 16;

  details = ts_render_text_new (context, line, TS_ROSTER_TEXT_PT, PANGO_WEIGHT_NORMAL);
  ts_render_text_set_line (details, width);
  ts_render_text_draw (cr, details, TS_ROSTER_MARGIN, y);

  if (job->options.organizer_copy)
    {
      g_autoptr(PangoLayout) copy = ts_render_text_new (context, _("Organizer copy (with contact details)"),
                                                        TS_ROSTER_TEXT_PT, PANGO_WEIGHT_BOLD);

      cairo_set_source_rgb (cr, 0.7, 0.1, 0.1);
      ts_render_text_draw (cr, copy, TS_ROSTER_MARGIN + width - ts_render_text_width (copy), y + 2);
    }
  ts_render_rule (cr, TS_ROSTER_MARGIN, TS_ROSTER_MARGIN + TS_ROSTER_HEADER_HEIGHT - 6,
                  TS_ROSTER_MARGIN + width, TS_ROSTER_MARGIN + TS_ROSTER_HEADER_HEIGHT - 6, 1.2, 0);
}

/* Furigana as ruby: each part's reading centred over that part of the
 * name, as Japanese forms set them, but never left of @min_left, so that
 * a long reading over a short name (いのうえ おさむ over 井上 修) does not
 * run into the one before it. Returns where the reading ends. */
static double
draw_ruby (cairo_t      *cr,
           PangoContext *context,
           PangoLayout  *name,
           const char   *reading,
           double        ruby_pt,
           int           start,
           int           end,
           double        x,
           double        y,
           double        min_left)
{
  g_autoptr(PangoLayout) ruby = NULL;
  PangoRectangle left, right;
  double middle, ruby_left;

  if (reading == NULL || *reading == '\0')
    return min_left;
  pango_layout_index_to_pos (name, start, &left);
  /* The last character's box ends the part, whatever its width. */
  pango_layout_index_to_pos (name, g_utf8_prev_char (pango_layout_get_text (name) + end) -
                                   pango_layout_get_text (name), &right);
  middle = (left.x + right.x + right.width) / 2.0 / PANGO_SCALE;
  ruby = ts_render_text_new (context, reading, ruby_pt, PANGO_WEIGHT_NORMAL);
  ruby_left = MAX (x + middle - ts_render_text_width (ruby) / 2, min_left);
  ts_render_text_draw (cr, ruby, ruby_left, y);
  return ruby_left + ts_render_text_width (ruby);
}

/* The name in bold at (x, name_y), @name_pt shrunk to fit @width down to
 * @min_name_pt, its furigana at @ruby_pt over each part from @ruby_y
 * when @reading; the roster, the MC sheet and the table plan draw a name
 * the same way at their own sizes. */
void
ts_render_name_with_ruby (cairo_t            *cr,
                          PangoContext       *context,
                          const TsPrintEntry *entry,
                          gboolean            reading,
                          double              x,
                          double              ruby_y,
                          double              name_y,
                          double              width,
                          double              name_pt,
                          double              min_name_pt,
                          double              ruby_pt)
{
  g_autoptr(PangoLayout) name = ts_render_text_new (context, entry->name, name_pt,
                                                    PANGO_WEIGHT_BOLD);
  const char *text = pango_layout_get_text (name);
  int family_end = entry->family_name ? (int) strlen (entry->family_name) : 0;
  int given_start = family_end + (int) strlen ("\u3000");

  ts_render_text_fit (name, name_pt, min_name_pt, width);
  cairo_set_source_rgb (cr, 0, 0, 0);
  ts_render_text_draw (cr, name, x, name_y);
  if (!reading)
    return;
  cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
  if (family_end > 0 && (int) strlen (text) > given_start &&
      g_str_has_prefix (text, entry->family_name))
    {
      double family_right = draw_ruby (cr, context, name, entry->family_reading, ruby_pt, 0,
                                       family_end, x, ruby_y, x - ruby_pt);

      /* A space's width between the two readings, at least. */
      draw_ruby (cr, context, name, entry->given_reading, ruby_pt, given_start, strlen (text),
                 x, ruby_y, family_right + ruby_pt * 0.5);
    }
  else
    draw_ruby (cr, context, name, entry->reading, ruby_pt, 0, strlen (text), x, ruby_y,
               x - ruby_pt);
}

/* The name in bold at (x, y + TS_ROSTER_NAME_TOP), its furigana above it
 * when the roster shows readings. */
void
ts_render_roster_name (cairo_t            *cr,
                       PangoContext       *context,
                       const TsPrintJob   *job,
                       const TsPrintEntry *entry,
                       double              x,
                       double              y,
                       double              width)
{
  ts_render_name_with_ruby (cr, context, entry, (job->options.columns & TS_ROSTER_READING) != 0,
                            x, y + TS_ROSTER_RUBY_TOP, y + TS_ROSTER_NAME_TOP, width,
                            TS_ROSTER_NAME_PT, TS_ROSTER_NAME_PT, TS_ROSTER_RUBY_PT);
}

/* Pango units from a layout's top to the baseline of its first line. */
static double
baseline (PangoContext *context,
          double        size_pt,
          PangoWeight   weight)
{
  g_autoptr(PangoLayout) layout = ts_render_text_new (context, "0", size_pt, weight);

  return (double) pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* The person's number, right-aligned in the @width from @x, on the
 * baseline of the name drawn from @y by ts_render_roster_name(), so that
 * the two read as one line. */
void
ts_render_roster_number (cairo_t            *cr,
                         PangoContext       *context,
                         const TsPrintEntry *entry,
                         double              x,
                         double              width,
                         double              y)
{
  static gsize offset_set = 0;
  static double offset;
  g_autofree char *number = g_strdup_printf ("%u", entry->number);
  g_autoptr(PangoLayout) layout = ts_render_text_new (context, number, TS_ROSTER_TEXT_PT,
                                                      PANGO_WEIGHT_NORMAL);

  /* The same font on every page: measured once. */
  if (g_once_init_enter (&offset_set))
    {
      offset = baseline (context, TS_ROSTER_NAME_PT, PANGO_WEIGHT_BOLD) -
               baseline (context, TS_ROSTER_TEXT_PT, PANGO_WEIGHT_NORMAL);
      g_once_init_leave (&offset_set, 1);
    }
  cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  ts_render_text_draw (cr, layout, x, y + TS_ROSTER_NAME_TOP + offset);
}

/* The widest visit mark in the language printed, box included. */
double
ts_render_roster_mark_width (void)
{
  double width = 0;

  for (TsRegularsMark mark = TS_REGULARS_MARK_FIRST_TIMER; mark <= TS_REGULARS_MARK_REGULAR; mark++)
    width = MAX (width, ts_render_text_estimate_width (ts_regulars_mark_label (mark),
                                                       TS_ROSTER_TAG_PT) + 5);
  return width;
}

/* A small badge for the visit mark, told apart without colour: a
 * first-timer's is solid (the one to look for when greeting people), a
 * returning member's is outlined, a regular's a light grey box. Left at
 * @left, centred on @middle, at most @room wide. */
void
ts_render_roster_mark (cairo_t            *cr,
                       PangoContext       *context,
                       const TsPrintEntry *entry,
                       double              left,
                       double              middle,
                       double              room)
{
  const char *label = ts_regulars_mark_label (entry->mark);
  g_autoptr(PangoLayout) layout = NULL;
  double pad = 2.5, width, height, top;

  if (entry->mark == TS_REGULARS_MARK_NONE || *label == '\0')
    return;
  layout = ts_render_text_new (context, label, TS_ROSTER_TAG_PT, PANGO_WEIGHT_BOLD);
  ts_render_text_fit (layout, TS_ROSTER_TAG_PT, TS_ROSTER_TAG_PT, room - 2 * pad);
  width = MIN (ts_render_text_width (layout), room - 2 * pad) + 2 * pad;
  height = ts_render_text_height (layout) + 1;
  top = middle - height / 2;
  cairo_save (cr);
  cairo_rectangle (cr, left, top, width, height);
  switch (entry->mark)
    {
    case TS_REGULARS_MARK_FIRST_TIMER:
      cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      break;
    case TS_REGULARS_MARK_RETURNING:
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
      cairo_set_line_width (cr, 0.9);
      cairo_stroke (cr);
      break;
    case TS_REGULARS_MARK_REGULAR:
    case TS_REGULARS_MARK_NONE:
    default:
      cairo_set_source_rgb (cr, 0.80, 0.80, 0.80);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
      break;
    }
  ts_render_text_draw (cr, layout, left + pad, top + 0.5);
  cairo_restore (cr);
}

void
ts_render_roster_footer (cairo_t      *cr,
                         PangoContext *context,
                         guint         page,
                         guint         n_pages)
{
  double y = TS_A4_HEIGHT - TS_ROSTER_MARGIN - TS_ROSTER_FOOTER_HEIGHT + 6;
  double width = TS_A4_WIDTH - 2 * TS_ROSTER_MARGIN;
  /* Translators: page number in a footer: "%1$u / %2$u". */
  g_autofree char *text = g_strdup_printf (_("Page %1$u of %2$u"), page + 1, n_pages);
  g_autoptr(PangoLayout) number = ts_render_text_new (context, text, TS_ROSTER_TEXT_PT,
                                                      PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) notice = ts_render_text_new (context,
    _("Confidential: use this list only for this meeting, and do not pass it on."),
    TS_ROSTER_TEXT_PT, PANGO_WEIGHT_BOLD);

  ts_render_rule (cr, TS_ROSTER_MARGIN, y - 4, TS_ROSTER_MARGIN + width, y - 4, 0.5, 0.5);
  cairo_set_source_rgb (cr, 0, 0, 0);
  ts_render_text_set_line (notice, width - 60);
  ts_render_text_draw (cr, notice, TS_ROSTER_MARGIN, y);
  ts_render_text_draw (cr, number, TS_ROSTER_MARGIN + width - ts_render_text_width (number), y);
}

/* 五十音 index past this many people, when the roster is in 五十音順. */
#define INDEX_MIN_PEOPLE 60
#define INDEX_CELL       24.0

static const char * const index_rows[] = {
  "ぁあぃいぅうぇえぉおゔ", "かがきぎくぐけげこごゕゖ", "さざしじすずせぜそぞ",
  "ただちぢっつづてでとど", "なにぬねの", "はばぱひびぴふぶぷへべぺほぼぽ",
  "まみむめも", "ゃやゅゆょよ", "らりるれろ", "ゎわゐゑをん",
};

/* The row of the 五十音 a reading starts in, -1 for none. */
static int
index_row (const char *reading)
{
  char first[8] = { 0 };

  if (reading == NULL || *reading == '\0')
    return -1;
  g_unichar_to_utf8 (g_utf8_get_char (reading), first);
  for (guint i = 0; i < G_N_ELEMENTS (index_rows); i++)
    if (strstr (index_rows[i], first) != NULL)
      return (int) i;
  return -1;
}

/* A strip of あかさたなはまやらわ at the page's edge from @top, the rows
 * entries @first to @last hold filled in, so a long roster opens at the
 * right page. */
void
ts_render_roster_index (cairo_t          *cr,
                        PangoContext     *context,
                        const TsPrintJob *job,
                        guint             first,
                        guint             last,
                        double            top)
{
  gboolean shown[G_N_ELEMENTS (index_rows)] = { FALSE };
  double x = TS_A4_WIDTH - TS_ROSTER_MARGIN + 6, y = top;
  double width = TS_ROSTER_MARGIN - 12;

  if (job->options.sort != TS_PRINT_SORT_READING || job->entries->len <= INDEX_MIN_PEOPLE)
    return;
  for (guint i = first; i < last; i++)
    {
      const TsPrintEntry *entry = g_ptr_array_index (job->entries, i);
      int row = index_row (entry->family_reading ? entry->family_reading : entry->reading);

      /* Walk-ins come after everyone else, out of 五十音順. */
      if (row >= 0 && !entry->walk_in)
        shown[row] = TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (index_rows); i++, y += INDEX_CELL)
    {
      g_autofree char *kana = g_utf8_substring ("あかさたなはまやらわ", i, i + 1);
      g_autoptr(PangoLayout) layout = ts_render_text_new (context, kana, TS_ROSTER_TEXT_PT,
                                                          PANGO_WEIGHT_BOLD);

      cairo_rectangle (cr, x, y + 1, width, INDEX_CELL - 2);
      if (shown[i])
        cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
      else
        cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_fill (cr);
      if (shown[i])
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
      ts_render_text_draw (cr, layout, x + (width - ts_render_text_width (layout)) / 2,
                           y + (INDEX_CELL - ts_render_text_height (layout)) / 2);
    }
}

/* Pages of rows of @heights filled greedily into @body; a single row is
 * never left alone on the last page: the page before gives it a
 * companion. Returns each page's first row, then the end. */
GArray *
ts_render_roster_break_pages (const double *heights,
                              guint         n,
                              double        body)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  double used = 0;
  guint zero = 0, pages;

  g_array_append_val (starts, zero);
  for (guint i = 0; i < n; i++)
    {
      if (used > 0 && used + heights[i] > body)
        {
          g_array_append_val (starts, i);
          used = 0;
        }
      used += heights[i];
    }
  pages = starts->len;
  if (pages >= 2 && g_array_index (starts, guint, pages - 1) == n - 1 &&
      n - 1 - g_array_index (starts, guint, pages - 2) >= 3)
    g_array_index (starts, guint, pages - 1) = n - 2;
  g_array_append_val (starts, n);
  return starts;
}
