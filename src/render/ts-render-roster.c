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

#include <string.h>
#include <glib/gi18n.h>

#include "ts-render-private.h"

#define MARGIN        TS_ROSTER_MARGIN
#define HEADER_HEIGHT TS_ROSTER_HEADER_HEIGHT
#define TABLE_HEAD    18.0
#define FOOTER_HEIGHT TS_ROSTER_FOOTER_HEIGHT
#define CELL_PAD      3.0

#define NAME_PT       TS_ROSTER_NAME_PT
#define TEXT_PT       TS_ROSTER_TEXT_PT

/* A row: furigana, then the name's line, then up to three lines of
 * introduction and one of the wish. */
#define NAME_MIDDLE   20.0
#define ROW_BASE      31.0
#define TEXT_LINE     13.2
#define INTRO_LINES   3

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
} Grid;

/* Worked out once per job: the columns, each row's height and where the
 * pages break. */
typedef struct {
  Grid    grid;
  guint8 *intro_lines;    /* per entry */
  guint8 *wish_lines;
  GArray *page_starts;    /* guint: the first entry of each page, then the end */
} Layout;

static gboolean
has (const TsPrintJob *job,
     guint             column)
{
  return (job->options.columns & column) != 0;
}

/* Lines the text takes in a box, counting its own line breaks; phrase
 * breaking leaves lines ragged, hence the margin. */
static guint
estimate_lines (const char *text,
                double      size_pt,
                double      width)
{
  g_auto(GStrv) paragraphs = NULL;
  guint lines = 0;

  if (text == NULL || *text == '\0' || width <= 0)
    return 0;
  paragraphs = g_strsplit (text, "\n", -1);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    lines += MAX (1, (guint) (ts_render_text_estimate_width (paragraphs[i], size_pt) * 1.08 / width) + 1);
  return lines;
}

/* The widest piece of a label between brackets and spaces: where a
 * narrow column may wrap it without breaking a word. */
static double
widest_piece (const char *text,
              double      size_pt)
{
  g_auto(GStrv) pieces = NULL;
  double width = 0;

  if (text == NULL)
    return 0;
  pieces = g_regex_split_simple ("[ 　()（）・/／]", text, 0, 0);
  for (guint i = 0; pieces[i] != NULL; i++)
    width = MAX (width, ts_render_text_estimate_width (pieces[i], size_pt) + size_pt);
  return width;
}

static double
widest (const TsPrintJob *job,
        gsize             field,
        double            size_pt)
{
  double width = 0;

  for (guint i = 0; i < job->entries->len; i++)
    {
      const char *text = G_STRUCT_MEMBER (const char *, g_ptr_array_index (job->entries, i), field);

      width = MAX (width, ts_render_text_estimate_width (text, size_pt));
    }
  return width;
}

/* Columns sized from what they hold, so that a profession is not broken
 * in the middle and an empty column takes no room; the organization
 * takes what is left. */
static void
compute_grid (const TsPrintJob *job,
              Grid             *grid)
{
  double usable = TS_A4_WIDTH - 2 * MARGIN;
  double fixed = 0, x = MARGIN, pad = 2 * CELL_PAD + 2;
  double name = MAX (widest (job, G_STRUCT_OFFSET (TsPrintEntry, name), NAME_PT),
                     widest (job, G_STRUCT_OFFSET (TsPrintEntry, reading), TS_ROSTER_RUBY_PT));
  double profession = MAX (widest (job, G_STRUCT_OFFSET (TsPrintEntry, profession), TEXT_PT),
                           widest (job, G_STRUCT_OFFSET (TsPrintEntry, job_title), TEXT_PT));
  double piece = 0;
  double referrer = widest (job, G_STRUCT_OFFSET (TsPrintEntry, referrer), TEXT_PT);

  grid->width[COL_NUMBER] = 30;
  grid->width[COL_NAME] = CLAMP (name + pad, 80, 200);
  /* The marks say first time too (the same rule): one column, not two.
   * As wide as the longest label in the language printed. */
  grid->width[COL_MARK] = has (job, TS_ROSTER_MARKS) ? ts_render_roster_mark_width () + pad : 0;
  grid->width[COL_FIRST_TIME] = has (job, TS_ROSTER_FIRST_TIME) &&
                                !has (job, TS_ROSTER_MARKS) ? 40 : 0;
  grid->width[COL_ORGANIZATION] = 0;
  /* A long profession may take two lines, at its brackets, to leave the
   * organization room: 介護支援専門員 / (ケアマネジャー). */
  for (guint i = 0; i < job->entries->len; i++)
    piece = MAX (piece, widest_piece (((TsPrintEntry *) g_ptr_array_index (job->entries, i))->profession,
                                      TEXT_PT));
  profession = MAX (piece, MIN (profession, 100));
  grid->width[COL_PROFESSION] = has (job, TS_ROSTER_PROFESSION) ? CLAMP (profession + pad, 48, 160) : 0;
  /* An empty 紹介者 column is left out rather than kept blank. */
  grid->width[COL_REFERRER] = has (job, TS_ROSTER_REFERRER) && referrer > 0
                              ? CLAMP (referrer + pad, 60, 100) : 0;
  grid->width[COL_CONTACT] = job->options.organizer_copy ? 122 : 0;
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
}

static double
text_width (const Grid *grid)
{
  return TS_A4_WIDTH - MARGIN - grid->x[COL_NAME] - 2 * CELL_PAD;
}

static double
row_height (const Layout *layout,
            guint         index)
{
  return ROW_BASE + (layout->intro_lines[index] + layout->wish_lines[index]) * TEXT_LINE +
         (layout->intro_lines[index] + layout->wish_lines[index] > 0 ? 3 : 0);
}

static void
layout_free (Layout *layout)
{
  g_free (layout->intro_lines);
  g_free (layout->wish_lines);
  g_array_unref (layout->page_starts);
  g_free (layout);
}

static void
break_pages (const TsPrintJob *job,
             Layout           *layout)
{
  double body = TS_A4_HEIGHT - 2 * MARGIN - HEADER_HEIGHT - TABLE_HEAD - FOOTER_HEIGHT;
  guint n = job->entries->len;
  g_autofree double *heights = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    heights[i] = row_height (layout, i);
  layout->page_starts = ts_render_roster_break_pages (heights, n, body);
}

static Layout *
make_layout (const TsPrintJob *job)
{
  Layout *layout = g_new0 (Layout, 1);
  guint n = job->entries->len;
  double width;

  compute_grid (job, &layout->grid);
  width = text_width (&layout->grid);
  layout->intro_lines = g_new0 (guint8, MAX (n, 1));
  layout->wish_lines = g_new0 (guint8, MAX (n, 1));
  for (guint i = 0; i < n && has (job, TS_ROSTER_INTRODUCTION); i++)
    {
      const TsPrintEntry *entry = g_ptr_array_index (job->entries, i);

      layout->intro_lines[i] = MIN (INTRO_LINES, estimate_lines (entry->introduction, TEXT_PT, width));
      layout->wish_lines[i] = entry->wish != NULL && *entry->wish != '\0' ? 1 : 0;
    }
  break_pages (job, layout);
  return layout;
}

static const Layout *
get_layout (const TsPrintJob *job)
{
  return ts_print_job_get_render_cache (job, (gpointer (*) (const TsPrintJob *)) make_layout,
                                        (GDestroyNotify) layout_free);
}

guint
ts_render_roster_n_pages (const TsPrintJob *job)
{
  return get_layout (job)->page_starts->len - 1;
}

/* A cell on the name's line: one line centred on it, or two lines around
 * it when the text needs them, then an ellipsis. */
static void
draw_cell (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        x,
           double        y,
           double        width)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0' || width <= 0)
    return;
  layout = ts_render_text_new (context, text, TEXT_PT, PANGO_WEIGHT_NORMAL);
  ts_render_text_set_box (layout, width - 2 * CELL_PAD, 2 * TEXT_LINE + 1);
  ts_render_text_draw (cr, layout, x + CELL_PAD,
                       y + NAME_MIDDLE - ts_render_text_height (layout) / 2);
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
      draw_cell_line (cr, context, grid, i, labels[i], TEXT_PT, PANGO_WEIGHT_BOLD, y + 3);
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
      draw_cell_line (cr, context, grid, COL_CONTACT, lines[i], TEXT_PT, PANGO_WEIGHT_NORMAL,
                      y + NAME_MIDDLE - TEXT_LINE + TEXT_LINE * i);
}

/* 職種 and 役職, wrapped together in their cell. */
static char *
profession_text (const TsPrintEntry *entry)
{
  gboolean profession = entry->profession != NULL && *entry->profession != '\0';
  gboolean title = entry->job_title != NULL && *entry->job_title != '\0';

  return g_strdup_printf ("%s%s%s", profession ? entry->profession : "",
                          profession && title ? " " : "", title ? entry->job_title : "");
}

/* The introduction under the name, across the row, and the wish under
 * its own label. */
static void
draw_texts (cairo_t            *cr,
            PangoContext       *context,
            const TsPrintEntry *entry,
            const Grid         *grid,
            guint               intro_lines,
            guint               wish_lines,
            double              y)
{
  double x = grid->x[COL_NAME] + CELL_PAD, width = text_width (grid);

  y += ROW_BASE;
  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  if (intro_lines > 0)
    {
      g_autoptr(PangoLayout) intro = ts_render_text_new (context, entry->introduction, TEXT_PT,
                                                         PANGO_WEIGHT_NORMAL);

      ts_render_text_set_box (intro, width, intro_lines * TEXT_LINE + 1);
      ts_render_text_draw (cr, intro, x, y);
      y += intro_lines * TEXT_LINE;
    }
  if (wish_lines > 0)
    {
      /* Translators: the label before a member's wish on the roster. */
      g_autofree char *text = g_strdup_printf (_("Wish: %s"), entry->wish);
      g_autoptr(PangoLayout) wish = ts_render_text_new (context, text, TEXT_PT,
                                                        PANGO_WEIGHT_NORMAL);

      ts_render_text_set_line (wish, width);
      ts_render_text_draw (cr, wish, x, y);
    }
}

static void
draw_row (cairo_t            *cr,
          PangoContext       *context,
          const TsPrintJob   *job,
          const Layout       *layout,
          guint               index,
          guint               row,
          double              y)
{
  const TsPrintEntry *entry = g_ptr_array_index (job->entries, index);
  const Grid *grid = &layout->grid;
  double height = row_height (layout, index);
  g_autofree char *profession = profession_text (entry);

  /* By row, not number: numbers skip the people not listed. */
  if (row % 2 == 1)
    {
      cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
      cairo_rectangle (cr, MARGIN, y, TS_A4_WIDTH - 2 * MARGIN, height);
      cairo_fill (cr);
    }
  ts_render_roster_number (cr, context, entry, grid->x[COL_NUMBER] + CELL_PAD,
                           grid->width[COL_NUMBER] - 2 * CELL_PAD, y);
  ts_render_roster_name (cr, context, job, entry, grid->x[COL_NAME] + CELL_PAD, y,
                         grid->width[COL_NAME] - 2 * CELL_PAD);
  if (grid->width[COL_FIRST_TIME] > 0 && entry->first_time)
    ts_render_first_time_mark (cr, context, grid->x[COL_FIRST_TIME] + grid->width[COL_FIRST_TIME] - 2,
                               y + NAME_MIDDLE - TS_ROSTER_TAG_PT * 0.75, TS_ROSTER_TAG_PT);
  if (grid->width[COL_MARK] > 0)
    ts_render_roster_mark (cr, context, entry, grid->x[COL_MARK] + CELL_PAD, y + NAME_MIDDLE,
                           grid->width[COL_MARK] - 2 * CELL_PAD);
  /* Only the organizer copy holds people who are not on the roster; the
   * tag says not to read them out or pass them on. */
  if (entry->unlisted)
    ts_render_tag (cr, context, C_("roster", "Not listed"),
                   grid->x[COL_NAME] + grid->width[COL_NAME] - CELL_PAD, y + 1, TS_ROSTER_TAG_PT, 0.7, 0.1, 0.1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  draw_cell (cr, context, entry->organization, grid->x[COL_ORGANIZATION], y,
             grid->width[COL_ORGANIZATION]);
  draw_cell (cr, context, profession, grid->x[COL_PROFESSION], y, grid->width[COL_PROFESSION]);
  draw_cell (cr, context, entry->referrer, grid->x[COL_REFERRER], y, grid->width[COL_REFERRER]);
  if (grid->width[COL_CONTACT] > 0)
    draw_contact (cr, context, entry, grid, y);
  draw_texts (cr, context, entry, grid, layout->intro_lines[index], layout->wish_lines[index], y);
  ts_render_rule (cr, MARGIN, y + height, TS_A4_WIDTH - MARGIN, y + height, 0.3, 0.7);
}

void
ts_render_roster_page (cairo_t          *cr,
                       PangoContext     *context,
                       const TsPrintJob *job,
                       guint             page)
{
  const Layout *layout = get_layout (job);
  guint first = g_array_index (layout->page_starts, guint, page);
  guint last = g_array_index (layout->page_starts, guint, page + 1);
  double y = MARGIN + HEADER_HEIGHT;

  ts_render_roster_header (cr, context, job);
  draw_table_head (cr, context, job, &layout->grid, y);
  y += TABLE_HEAD;
  for (guint i = first; i < last; i++)
    {
      draw_row (cr, context, job, layout, i, i - first, y);
      y += row_height (layout, i);
    }
  ts_render_roster_index (cr, context, job, first, last, MARGIN + HEADER_HEIGHT + TABLE_HEAD);
  ts_render_roster_footer (cr, context, page, layout->page_starts->len - 1);
}
