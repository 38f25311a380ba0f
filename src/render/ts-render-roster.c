/* ts-render-roster.c: the participant roster (参加者名簿) and the walk-in addendum.
 *
 * Every row has the same height, so the page count and each page's rows
 * are known without laying out the rest of the list: a page is drawn from
 * its own slice of entries only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-render-private.h"

#define MARGIN        (12.0 * TS_PT_PER_MM)
#define HEADER_HEIGHT 64.0
#define TABLE_HEAD    16.0
#define ROW_BASE      27.0
#define ROW_INTRO     11.0
#define FOOTER_HEIGHT 18.0
#define CELL_PAD      3.0

typedef enum {
  COL_NUMBER,
  COL_NAME,
  COL_FIRST_TIME,
  COL_MARK,
  COL_ORGANIZATION,
  COL_PROFESSION,
  COL_REFERRER,
  COL_CONTACT,
  N_COLS
} Column;

typedef struct {
  double x[N_COLS];
  double width[N_COLS];   /* 0: column not shown */
  double row_height;
  guint  rows_per_page;
} Grid;

static gboolean
has (const TsPrintJob *job,
     guint             column)
{
  return (job->options.columns & column) != 0;
}

/* Fixed widths for the short columns; the organization takes the rest,
 * or the name when there is no organization column. */
static void
compute_grid (const TsPrintJob *job,
              Grid             *grid)
{
  double usable = TS_A4_WIDTH - 2 * MARGIN;
  double fixed = 0, x = MARGIN;
  double body = TS_A4_HEIGHT - 2 * MARGIN - HEADER_HEIGHT - TABLE_HEAD - FOOTER_HEIGHT;

  grid->width[COL_NUMBER] = 24;
  grid->width[COL_NAME] = 118;
  /* The marks say first time too (the same rule): one column, not two. */
  grid->width[COL_MARK] = has (job, TS_ROSTER_MARKS) ? 44 : 0;
  grid->width[COL_FIRST_TIME] = has (job, TS_ROSTER_FIRST_TIME) &&
                                !has (job, TS_ROSTER_MARKS) ? 34 : 0;
  grid->width[COL_ORGANIZATION] = 0;
  grid->width[COL_PROFESSION] = has (job, TS_ROSTER_PROFESSION) ? 78 : 0;
  grid->width[COL_REFERRER] = has (job, TS_ROSTER_REFERRER) ? 74 : 0;
  grid->width[COL_CONTACT] = job->options.organizer_copy ? 118 : 0;
  for (guint i = 0; i < N_COLS; i++)
    fixed += grid->width[i];
  if (has (job, TS_ROSTER_ORGANIZATION))
    grid->width[COL_ORGANIZATION] = usable - fixed;
  else
    grid->width[COL_NAME] += usable - fixed;
  for (guint i = 0; i < N_COLS; i++)
    {
      grid->x[i] = x;
      x += grid->width[i];
    }
  grid->row_height = ROW_BASE + (has (job, TS_ROSTER_INTRODUCTION) ? ROW_INTRO : 0);
  grid->rows_per_page = MAX (1, (guint) (body / grid->row_height));
}

guint
ts_render_roster_n_pages (const TsPrintJob *job)
{
  Grid grid;

  compute_grid (job, &grid);
  return (job->entries->len + grid.rows_per_page - 1) / grid.rows_per_page;
}

static void
draw_line (cairo_t *cr,
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

/* Text in a box of one cell: wrapped, and ellipsized past the height. */
static void
draw_cell (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        size_pt,
           double        x,
           double        y,
           double        width,
           double        height)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0' || width <= 0)
    return;
  layout = ts_render_text_new (context, text, size_pt, PANGO_WEIGHT_NORMAL);
  ts_render_text_set_box (layout, width - 2 * CELL_PAD, height);
  ts_render_text_draw (cr, layout, x + CELL_PAD, y);
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

static void
draw_header (cairo_t          *cr,
             PangoContext     *context,
             const TsPrintJob *job)
{
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) chapter = NULL;
  g_autoptr(PangoLayout) event = NULL;
  g_autoptr(PangoLayout) details = NULL;
  g_autofree char *count = NULL;
  g_autofree char *line = NULL;
  double width = TS_A4_WIDTH - 2 * MARGIN;
  double y = MARGIN;

  cairo_set_source_rgb (cr, 0, 0, 0);
  title = ts_render_text_new (context, ts_print_kind_title (job->options.kind), 16,
                              PANGO_WEIGHT_BOLD);
  ts_render_text_draw (cr, title, MARGIN, y);
  chapter = ts_render_text_new (context, job->chapter, 12, PANGO_WEIGHT_BOLD);
  ts_render_text_set_line (chapter, width - ts_render_text_width (title) - 20);
  pango_layout_set_alignment (chapter, PANGO_ALIGN_RIGHT);
  ts_render_text_draw (cr, chapter, MARGIN + 20 + ts_render_text_width (title), y + 3);
  y += 24;

  event = ts_render_text_new (context, job->event_title, 10.5, PANGO_WEIGHT_BOLD);
  ts_render_text_set_line (event, width);
  ts_render_text_draw (cr, event, MARGIN, y);
  y += 16;

  count = headcount_text (job);
  {
    const char *parts[] = { job->when, job->venue, count };
    GString *joined = g_string_new (NULL);

    /* An event without a venue leaves no gap. */
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      if (parts[i] != NULL && *parts[i] != '\0')
        g_string_append_printf (joined, "%s%s", joined->len ? "　" : "", parts[i]);
    line = g_string_free (joined, FALSE);
  }
  details = ts_render_text_new (context, line, 9, PANGO_WEIGHT_NORMAL);
  ts_render_text_set_line (details, width);
  ts_render_text_draw (cr, details, MARGIN, y);

  if (job->options.organizer_copy)
    {
      g_autoptr(PangoLayout) copy = ts_render_text_new (context, _("Organizer copy (with contact details)"),
                                                        8, PANGO_WEIGHT_BOLD);

      cairo_set_source_rgb (cr, 0.7, 0.1, 0.1);
      ts_render_text_draw (cr, copy, MARGIN + width - ts_render_text_width (copy), y + 2);
    }
  draw_line (cr, MARGIN, MARGIN + HEADER_HEIGHT - 6, MARGIN + width,
             MARGIN + HEADER_HEIGHT - 6, 1.2, 0);
}

/* One line of text in column @col, cut to the column's width. */
static void
draw_cell_line (cairo_t      *cr,
                PangoContext *context,
                const Grid   *grid,
                guint         col,
                const char   *text,
                double        size,
                PangoWeight   weight,
                double        y)
{
  g_autoptr(PangoLayout) layout = ts_render_text_new (context, text, size, weight);

  ts_render_text_set_line (layout, grid->width[col] - 2 * CELL_PAD);
  ts_render_text_draw (cr, layout, grid->x[col] + CELL_PAD, y);
}

static void
draw_table_head (cairo_t          *cr,
                 PangoContext     *context,
                 const TsPrintJob *job,
                 const Grid       *grid,
                 double            y)
{
  const char *labels[N_COLS] = {
    /* Translators: roster column headings, kept short. */
    C_("roster", "No."), C_("roster", "Name"), C_("roster", "First"),
    /* Translators: heading of the 初参加 / 久しぶり / 常連 column. */
    C_("roster", "Visits"),
    C_("roster", "Organization"), C_("roster", "Profession"),
    C_("roster", "Referred by"), C_("roster", "Contact"),
  };

  cairo_set_source_rgb (cr, 0.88, 0.91, 0.93);
  cairo_rectangle (cr, MARGIN, y, TS_A4_WIDTH - 2 * MARGIN, TABLE_HEAD);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < N_COLS; i++)
    if (grid->width[i] > 0)
      draw_cell_line (cr, context, grid, i, labels[i], 8, PANGO_WEIGHT_BOLD, y + 3);
}

static void
draw_name (cairo_t            *cr,
           PangoContext       *context,
           const TsPrintJob   *job,
           const TsPrintEntry *entry,
           const Grid         *grid,
           double              y)
{
  double width = grid->width[COL_NAME] - 2 * CELL_PAD;
  double x = grid->x[COL_NAME] + CELL_PAD;
  g_autoptr(PangoLayout) name = ts_render_text_new (context, entry->name, 10.5,
                                                    PANGO_WEIGHT_BOLD);

  if (has (job, TS_ROSTER_READING) && entry->reading && *entry->reading)
    {
      cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
      draw_cell_line (cr, context, grid, COL_NAME, entry->reading, 6.5, PANGO_WEIGHT_NORMAL,
                      y + 2);
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  ts_render_text_fit (name, 10.5, 7, width);
  ts_render_text_draw (cr, name, x, y + 11);
}

/* A small badge in the marks column, told apart without colour:
 * a first-timer's is solid (the one to look for when greeting people), a
 * returning member's is outlined, a regular's a light grey box. */
static void
draw_mark (cairo_t            *cr,
           PangoContext       *context,
           const TsPrintEntry *entry,
           const Grid         *grid,
           double              y)
{
  const char *label = ts_regulars_mark_label (entry->mark);
  g_autoptr(PangoLayout) layout = NULL;
  double pad = 2.5, room = grid->width[COL_MARK] - 2 * CELL_PAD - 2 * pad;
  double width, height, left, top;

  if (entry->mark == TS_REGULARS_MARK_NONE || *label == '\0')
    return;
  layout = ts_render_text_new (context, label, 7, PANGO_WEIGHT_BOLD);
  ts_render_text_fit (layout, 7, 5, room);
  width = MIN (ts_render_text_width (layout), room) + 2 * pad;
  height = ts_render_text_height (layout) + 1;
  /* Left-aligned under the heading, centred on the name's line. */
  left = grid->x[COL_MARK] + CELL_PAD;
  top = y + 12.5 + (14 - height) / 2;
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

static void
draw_contact (cairo_t            *cr,
              PangoContext       *context,
              const TsPrintEntry *entry,
              const Grid         *grid,
              double              y)
{
  const char *lines[] = { entry->email, entry->phone };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i] != NULL && *lines[i] != '\0')
      draw_cell_line (cr, context, grid, COL_CONTACT, lines[i], 7, PANGO_WEIGHT_NORMAL,
                      y + 3 + 10 * i);
}

static void
draw_row (cairo_t            *cr,
          PangoContext       *context,
          const TsPrintJob   *job,
          const TsPrintEntry *entry,
          const Grid         *grid,
          guint               row,
          double              y)
{
  g_autofree char *number = g_strdup_printf ("%u", entry->number);
  g_autoptr(PangoLayout) num = ts_render_text_new (context, number, 8, PANGO_WEIGHT_NORMAL);
  double top = y + 2, cell = ROW_BASE - 2;

  /* By row, not number: numbers skip the people not listed. */
  if (row % 2 == 1)
    {
      cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
      cairo_rectangle (cr, MARGIN, y, TS_A4_WIDTH - 2 * MARGIN, grid->row_height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
  pango_layout_set_width (num, (int) ((grid->width[COL_NUMBER] - 2 * CELL_PAD) * PANGO_SCALE));
  pango_layout_set_alignment (num, PANGO_ALIGN_RIGHT);
  ts_render_text_draw (cr, num, grid->x[COL_NUMBER] + CELL_PAD, y + 12);
  draw_name (cr, context, job, entry, grid, y);
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (grid->width[COL_FIRST_TIME] > 0 && entry->first_time)
    ts_render_first_time_mark (cr, context, grid->x[COL_FIRST_TIME] + grid->width[COL_FIRST_TIME] - 2,
                               y + 10, 6);
  if (grid->width[COL_MARK] > 0)
    draw_mark (cr, context, entry, grid, y);
  /* Only the organizer copy holds people who are not on the roster; the
   * tag says not to read them out or pass them on. */
  if (entry->unlisted)
    ts_render_tag (cr, context, C_("roster", "Not listed"),
                   grid->x[COL_NAME] + grid->width[COL_NAME] - CELL_PAD, y + 3, 6, 0.7, 0.1, 0.1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_cell (cr, context, entry->organization, 8, grid->x[COL_ORGANIZATION], top,
             grid->width[COL_ORGANIZATION], cell);
  draw_cell (cr, context, entry->profession, 8, grid->x[COL_PROFESSION], top,
             grid->width[COL_PROFESSION], cell);
  draw_cell (cr, context, entry->referrer, 8, grid->x[COL_REFERRER], top,
             grid->width[COL_REFERRER], cell);
  if (grid->width[COL_CONTACT] > 0)
    draw_contact (cr, context, entry, grid, y);
  if (has (job, TS_ROSTER_INTRODUCTION) && entry->introduction && *entry->introduction)
    {
      g_autoptr(PangoLayout) intro = ts_render_text_new (context, entry->introduction, 7,
                                                         PANGO_WEIGHT_NORMAL);
      double x = grid->x[COL_NAME] + CELL_PAD;

      ts_render_text_set_line (intro, TS_A4_WIDTH - MARGIN - x - CELL_PAD);
      cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
      ts_render_text_draw (cr, intro, x, y + ROW_BASE - 2);
    }
  draw_line (cr, MARGIN, y + grid->row_height, TS_A4_WIDTH - MARGIN, y + grid->row_height,
             0.3, 0.7);
}

static void
draw_footer (cairo_t          *cr,
             PangoContext     *context,
             guint             page,
             guint             n_pages)
{
  double y = TS_A4_HEIGHT - MARGIN - FOOTER_HEIGHT + 6;
  double width = TS_A4_WIDTH - 2 * MARGIN;
  /* Translators: page number in a footer: "%1$u / %2$u". */
  g_autofree char *text = g_strdup_printf (_("Page %1$u of %2$u"), page + 1, n_pages);
  g_autoptr(PangoLayout) number = ts_render_text_new (context, text, 8, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) notice = ts_render_text_new (context,
    _("Confidential: use this list only for this meeting, and do not pass it on."),
    7.5, PANGO_WEIGHT_BOLD);

  draw_line (cr, MARGIN, y - 4, MARGIN + width, y - 4, 0.5, 0.5);
  cairo_set_source_rgb (cr, 0, 0, 0);
  ts_render_text_set_line (notice, width - 80);
  ts_render_text_draw (cr, notice, MARGIN, y);
  ts_render_text_draw (cr, number, MARGIN + width - ts_render_text_width (number), y);
}

void
ts_render_roster_page (cairo_t          *cr,
                       PangoContext     *context,
                       const TsPrintJob *job,
                       guint             page)
{
  Grid grid;
  guint first, last;
  double y = MARGIN + HEADER_HEIGHT;

  compute_grid (job, &grid);
  first = page * grid.rows_per_page;
  last = MIN (first + grid.rows_per_page, job->entries->len);
  draw_header (cr, context, job);
  draw_table_head (cr, context, job, &grid, y);
  y += TABLE_HEAD;
  for (guint i = first; i < last; i++, y += grid.row_height)
    draw_row (cr, context, job, g_ptr_array_index (job->entries, i), &grid, i, y);
  draw_footer (cr, context, page, ts_render_roster_n_pages (job));
}
