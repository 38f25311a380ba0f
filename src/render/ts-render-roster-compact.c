/* ts-render-roster-compact.c: the roster for a large meeting, two columns
 * of two lines per person (about 40 people a page).
 *
 * The name's line carries the number, the name with its furigana and the
 * visit mark; the second line the organization and the profession. The
 * introduction is left to the full roster: here the organizer needs to
 * find a person fast, in the same 五十音順 and with the same number as on
 * every other copy. The columns read down, left column first, as a
 * Japanese directory does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-render-breaks.h"
#include "ts-render-private.h"

#define COLUMN_GAP   14.0
#define NUMBER_WIDTH 22.0
#define CELL_PAD     3.0
/* The shortest row that holds furigana, a 12 pt name and a 9 pt line
 * without the lines' ink touching. */
#define MIN_ROW      34.0
/* From the top of a row: the name block (furigana over the name) and the
 * second line. */
#define NAME_SHIFT   (-2.5)
#define SECOND_TOP   21.5

typedef struct {
  guint   rows;          /* per column */
  double  row_height;
  double  mark_width;    /* room for the visit mark or the first-time tag */
  GArray *page_starts;   /* guint: each page's first entry, then the end */
} Layout;

static double
body_top (void)
{
  return TS_ROSTER_MARGIN + TS_ROSTER_HEADER_HEIGHT;
}

static double
body_height (void)
{
  return TS_A4_HEIGHT - TS_ROSTER_MARGIN - TS_ROSTER_FOOTER_HEIGHT - body_top ();
}

static double
column_width (void)
{
  return (TS_A4_WIDTH - 2 * TS_ROSTER_MARGIN - COLUMN_GAP) / 2;
}

static void
layout_free (Layout *layout)
{
  g_array_unref (layout->page_starts);
  g_free (layout);
}

/* As many rows as fit, spread over the whole body so that the last row
 * meets the footer. */
static Layout *
make_layout (const TsPrintJob *job)
{
  Layout *layout = g_new0 (Layout, 1);
  guint n = job->entries->len;
  g_autofree double *ones = g_new (double, MAX (n, 1));

  layout->rows = MAX (1, (guint) (body_height () / MIN_ROW));
  layout->row_height = body_height () / layout->rows;
  layout->mark_width = ts_render_roster_mark_width ();
  for (guint i = 0; i < n; i++)
    ones[i] = 1;
  layout->page_starts = ts_render_roster_break_pages (ones, n, 2 * layout->rows);
  return layout;
}

static const Layout *
get_layout (const TsPrintJob *job)
{
  return ts_print_job_get_render_cache (job, (gpointer (*) (const TsPrintJob *)) make_layout,
                                        (GDestroyNotify) layout_free);
}

guint
ts_render_roster_compact_n_pages (const TsPrintJob *job)
{
  return get_layout (job)->page_starts->len - 1;
}

/* Organization, profession and job title, as far as they go. */
static char *
second_line_text (const TsPrintJob   *job,
                  const TsPrintEntry *entry)
{
  const guint columns = job->options.columns;
  const char *parts[] = {
    columns & TS_ROSTER_ORGANIZATION ? entry->organization : NULL,
    columns & TS_ROSTER_PROFESSION ? entry->profession : NULL,
    columns & TS_ROSTER_PROFESSION ? entry->job_title : NULL,
  };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (text, "%s%s", text->len ? "　" : "", parts[i]);
  return g_string_free (text, FALSE);
}

/* Email or phone, right-aligned on the second line of the organizer's
 * copy; returns the width it took. */
static double
draw_contact (cairo_t            *cr,
              PangoContext       *context,
              const TsPrintEntry *entry,
              double              right,
              double              y,
              double              room)
{
  const char *contact = entry->phone != NULL && *entry->phone != '\0' ? entry->phone : entry->email;
  g_autoptr(PangoLayout) layout = NULL;
  double width;

  if (contact == NULL || *contact == '\0')
    return 0;
  layout = ts_render_text_new (context, contact, TS_ROSTER_TEXT_PT, PANGO_WEIGHT_NORMAL);
  ts_render_text_set_line (layout, room);
  width = MIN (ts_render_text_width (layout), room);
  ts_render_text_draw (cr, layout, right - width, y);
  return width + CELL_PAD * 2;
}

static void
draw_second_line (cairo_t            *cr,
                  PangoContext       *context,
                  const TsPrintJob   *job,
                  const TsPrintEntry *entry,
                  double              x,
                  double              y,
                  double              width)
{
  g_autofree char *text = second_line_text (job, entry);
  double taken = 0;

  cairo_set_source_rgb (cr, 0.15, 0.15, 0.15);
  if (job->options.organizer_copy)
    taken = draw_contact (cr, context, entry, x + width, y, width * 0.45);
  if (*text != '\0')
    {
      g_autoptr(PangoLayout) layout = ts_render_text_new (context, text, TS_ROSTER_TEXT_PT,
                                                          PANGO_WEIGHT_NORMAL);

      ts_render_text_set_line (layout, width - taken);
      ts_render_breaks_shorten (layout, width - taken);
      ts_render_text_draw (cr, layout, x, y);
    }
}

static void
draw_person (cairo_t            *cr,
             PangoContext       *context,
             const TsPrintJob   *job,
             const Layout       *layout,
             const TsPrintEntry *entry,
             double              x,
             double              y)
{
  const double height = layout->row_height;
  const double width = column_width ();
  const double text_x = x + NUMBER_WIDTH + CELL_PAD;
  const double text_width = width - NUMBER_WIDTH - 2 * CELL_PAD;
  const double name_middle = y + NAME_SHIFT + TS_ROSTER_NAME_TOP + TS_ROSTER_NAME_PT * 0.6;
  double mark_width = 0;

  ts_render_roster_number (cr, context, entry, x, NUMBER_WIDTH - CELL_PAD, y + NAME_SHIFT);
  if (job->options.columns & TS_ROSTER_MARKS)
    {
      mark_width = layout->mark_width;
      ts_render_roster_mark (cr, context, entry, x + width - CELL_PAD - mark_width, name_middle,
                             mark_width);
    }
  else if ((job->options.columns & TS_ROSTER_FIRST_TIME) && entry->first_time)
    {
      mark_width = layout->mark_width;
      ts_render_first_time_mark (cr, context, x + width - CELL_PAD,
                                 name_middle - TS_ROSTER_TAG_PT * 0.75, TS_ROSTER_TAG_PT);
    }
  ts_render_roster_name (cr, context, job, entry, text_x, y + NAME_SHIFT,
                         text_width - mark_width - CELL_PAD);
  if (entry->unlisted)
    ts_render_tag (cr, context, C_("roster", "Not listed"), x + width - CELL_PAD, y + 1,
                   TS_ROSTER_TAG_PT, 0.7, 0.1, 0.1);
  draw_second_line (cr, context, job, entry, text_x, y + SECOND_TOP, text_width);
  ts_render_rule (cr, x, y + height, x + width, y + height, 0.3, 0.7);
}

/* One column of a page, shaded every other row. */
static void
draw_column (cairo_t          *cr,
             PangoContext     *context,
             const TsPrintJob *job,
             const Layout     *layout,
             guint             first,
             guint             last,
             double            x)
{
  double y = body_top ();

  for (guint i = first; i < last; i++, y += layout->row_height)
    {
      if ((i - first) % 2 == 1)
        {
          cairo_set_source_rgb (cr, 0.96, 0.96, 0.96);
          cairo_rectangle (cr, x, y, column_width (), layout->row_height);
          cairo_fill (cr);
        }
      draw_person (cr, context, job, layout, g_ptr_array_index (job->entries, i), x, y);
    }
}

void
ts_render_roster_compact_page (cairo_t          *cr,
                               PangoContext     *context,
                               const TsPrintJob *job,
                               guint             page)
{
  const Layout *layout = get_layout (job);
  guint first = g_array_index (layout->page_starts, guint, page);
  guint last = g_array_index (layout->page_starts, guint, page + 1);
  /* A short last page splits evenly, the left column the longer. */
  guint middle = first + (last - first + 1) / 2;

  ts_render_roster_header (cr, context, job);
  draw_column (cr, context, job, layout, first, middle, TS_ROSTER_MARGIN);
  draw_column (cr, context, job, layout, middle, last,
               TS_ROSTER_MARGIN + column_width () + COLUMN_GAP);
  ts_render_roster_index (cr, context, job, first, last, body_top ());
  ts_render_roster_footer (cr, context, page, layout->page_starts->len - 1);
}
