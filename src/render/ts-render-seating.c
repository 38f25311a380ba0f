/* ts-render-seating.c: the table plan (席次表) and table cards (テーブル札).
 *
 * The plan is one A4 page, whatever the number of tables: a box a table,
 * in a grid, each person with their number, name, reading and profession.
 * The grid and the row style are chosen together, the roomiest style that
 * lets the fullest table fit: three lines a person (furigana, name,
 * profession), or profession beside the name when the boxes are wide, or
 * one line a person for a crowd. People not seated yet get a box of their
 * own at the end.
 *
 * A table card is an A4 sheet folded in half into a tent: the same face
 * on both halves, the upper one upside down, so it reads from both sides
 * of the table: the table's number as large as the half allows, and the
 * names seated there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "ts-render-private.h"

#define GAP        8.0
#define PAD        6.0
#define TITLE_H    20.0
#define TITLE_PT   11.0
#define NUMBER_W   16.0

typedef enum {
  STYLE_WIDE,     /* furigana over the name, profession on its right */
  STYLE_THREE,    /* furigana, name, profession below */
  STYLE_ONE,      /* name, reading and profession on one line */
  N_STYLES,
} RowStyle;

static const struct {
  double height;
  double min_width;
} styles[N_STYLES] = {
  [STYLE_WIDE]  = { 26.0, 250.0 },
  [STYLE_THREE] = { 36.0, 110.0 },
  [STYLE_ONE]   = { 15.0, 150.0 },
};

typedef struct {
  guint    n_boxes;     /* tables, and one for the people not seated */
  guint    columns;
  guint    rows;
  double   box_width;
  double   box_height;
  RowStyle style;
  double   row_height;
  guint   *first;       /* per box: its first entry, then the end */
} PlanLayout;

static double
body_top (void)
{
  return TS_ROSTER_MARGIN + TS_ROSTER_HEADER_HEIGHT;
}

static double
body_height (void)
{
  return TS_A4_HEIGHT - 2 * TS_ROSTER_MARGIN - TS_ROSTER_HEADER_HEIGHT -
         TS_ROSTER_FOOTER_HEIGHT - 6;
}

/* Box b holds table b + 1; the last box, when there is one more than
 * tables, the people not seated. Entries are in table order. */
static void
split_boxes (const TsPrintJob *job,
             PlanLayout       *layout)
{
  guint unseated = 0, k = 0;

  for (guint i = 0; i < job->entries->len; i++)
    unseated += ((TsPrintEntry *) g_ptr_array_index (job->entries, i))->table == 0;
  layout->n_boxes = MAX (job->n_tables, 1) + (unseated > 0 ? 1 : 0);
  if (job->n_tables == 0)
    layout->n_boxes = 1;
  layout->first = g_new0 (guint, layout->n_boxes + 1);
  for (guint b = 0; b < layout->n_boxes; b++)
    {
      guint table = b < job->n_tables ? b + 1 : 0;

      layout->first[b] = k;
      while (k < job->entries->len &&
             ((TsPrintEntry *) g_ptr_array_index (job->entries, k))->table == table)
        k++;
    }
  layout->first[layout->n_boxes] = job->entries->len;
}

static guint
box_size (const PlanLayout *layout,
          guint             b)
{
  return layout->first[b + 1] - layout->first[b];
}

static gboolean
try_grid (PlanLayout *layout,
          guint       columns,
          RowStyle    style,
          guint       most)
{
  guint rows = (layout->n_boxes + columns - 1) / columns;
  double width = (TS_A4_WIDTH - 2 * TS_ROSTER_MARGIN - (columns - 1) * GAP) / columns;
  double height = (body_height () - (rows - 1) * GAP) / rows;

  if (width - 2 * PAD < styles[style].min_width ||
      TITLE_H + 2 * PAD + most * styles[style].height > height)
    return FALSE;
  layout->columns = columns;
  layout->rows = rows;
  layout->box_width = width;
  /* As tall as the fullest table needs, not the whole page's share: a
   * small meeting's boxes do not stand half empty. */
  layout->box_height = TITLE_H + 2 * PAD + most * styles[style].height;
  layout->style = style;
  layout->row_height = styles[style].height;
  return TRUE;
}

/* For a crowd, one line a person: the grid with the widest boxes whose
 * rows are still 12 pt high, so that readings and professions show
 * whole rather than cut. */
static void
crowd_grid (PlanLayout *layout,
            guint       most)
{
  double best_width = 0;
  guint most_columns = MIN (layout->n_boxes, 4);

  for (guint columns = MIN (layout->n_boxes, 2); columns <= most_columns; columns++)
    {
      guint rows = (layout->n_boxes + columns - 1) / columns;
      double width = (TS_A4_WIDTH - 2 * TS_ROSTER_MARGIN - (columns - 1) * GAP) / columns;
      double height = (body_height () - (rows - 1) * GAP) / rows;
      double row = MIN ((height - TITLE_H - 2 * PAD) / most, styles[STYLE_ONE].height);

      /* The last resort, squeezed, is the most columns. */
      if ((row >= 12.0 && width > best_width) || (best_width == 0 && columns == most_columns))
        {
          best_width = row >= 12.0 ? width : 0;
          layout->columns = columns;
          layout->rows = rows;
          layout->box_width = width;
          layout->box_height = height;
          layout->row_height = row;
        }
    }
  layout->style = STYLE_ONE;
}

/* The roomiest style that fits the fullest table, with as few columns as
 * it allows (two at least, side by side, when there are two tables). */
static PlanLayout *
make_layout (const TsPrintJob *job)
{
  PlanLayout *layout = g_new0 (PlanLayout, 1);
  guint most = 1, least_columns, most_columns;

  split_boxes (job, layout);
  for (guint b = 0; b < layout->n_boxes; b++)
    most = MAX (most, box_size (layout, b));
  least_columns = MIN (layout->n_boxes, 2);
  most_columns = MIN (layout->n_boxes, 4);
  for (RowStyle style = 0; style < STYLE_ONE; style++)
    for (guint columns = least_columns; columns <= most_columns; columns++)
      if (try_grid (layout, columns, style, most))
        return layout;
  crowd_grid (layout, most);
  return layout;
}

static void
layout_free (gpointer data)
{
  PlanLayout *layout = data;

  g_free (layout->first);
  g_free (layout);
}

static gpointer
make_layout_cache (const TsPrintJob *job)
{
  return make_layout (job);
}

static const PlanLayout *
get_layout (const TsPrintJob *job)
{
  return ts_print_job_get_render_cache (job, make_layout_cache, layout_free);
}

guint
ts_render_table_plan_n_pages (const TsPrintJob *job)
{
  return 1;
}

static char *
box_title (guint table)
{
  if (table == 0)
    return g_strdup (_("Not seated yet"));
  /* Translators: a table of the seating plan: "テーブル %u". */
  return g_strdup_printf (_("Table %u"), table);
}

static char *
count_text (guint n)
{
  /* Translators: how many people sit at a table: "%u 人". */
  return g_strdup_printf (ngettext ("%u person", "%u people", n), n);
}

/* The band across a box's top: the table, and how many sit there. */
static void
draw_box_title (cairo_t      *cr,
                PangoContext *context,
                guint         table,
                guint         n,
                double        x,
                double        y,
                double        width)
{
  g_autofree char *title_text = box_title (table);
  g_autofree char *count = count_text (n);
  g_autoptr(PangoLayout) title = ts_render_text_new (context, title_text, TITLE_PT, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) people = ts_render_text_new (context, count, TS_ROSTER_TAG_PT + 1,
                                                      PANGO_WEIGHT_NORMAL);

  cairo_rectangle (cr, x, y, width, TITLE_H);
  if (table == 0)
    cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  else
    cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  ts_render_text_set_line (title, width - 2 * PAD - ts_render_text_width (people) - 4);
  ts_render_text_draw (cr, title, x + PAD, y + (TITLE_H - ts_render_text_height (title)) / 2);
  ts_render_text_draw (cr, people, x + width - PAD - ts_render_text_width (people),
                       y + (TITLE_H - ts_render_text_height (people)) / 2);
}

static void
draw_profession (cairo_t            *cr,
                 PangoContext       *context,
                 const TsPrintEntry *entry,
                 double              x,
                 double              y,
                 double              width,
                 double              size_pt,
                 gboolean            right)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (entry->profession == NULL || *entry->profession == '\0' || width < size_pt)
    return;
  layout = ts_render_text_new (context, entry->profession, size_pt, PANGO_WEIGHT_NORMAL);
  ts_render_text_set_line (layout, width);
  if (right)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  ts_render_text_draw (cr, layout, x, y);
}

/* One line: name, its reading after it in small grey, the profession at
 * the right; the name keeps the room it needs first. */
static void
draw_one_line (cairo_t            *cr,
               PangoContext       *context,
               const TsPrintEntry *entry,
               double              x,
               double              y,
               double              width,
               double              height)
{
  double size = MIN (10.0, height * 0.68), small = MAX (size * 0.75, MIN (7.5, size));
  g_autofree char *number_text = g_strdup_printf ("%u", entry->number);
  g_autoptr(PangoLayout) number = ts_render_text_new (context, number_text, small, PANGO_WEIGHT_NORMAL);
  g_autoptr(PangoLayout) name = ts_render_text_new (context, entry->name, size, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) reading = NULL;
  double name_x = x + NUMBER_W, room = width - NUMBER_W, used, top;

  top = y + (height - ts_render_text_height (name)) / 2;
  cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
  pango_layout_set_width (number, (int) ((NUMBER_W - 3) * PANGO_SCALE));
  pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
  ts_render_text_draw (cr, number, x, top + (ts_render_text_height (name) - ts_render_text_height (number)) / 2);
  ts_render_text_fit (name, size, MIN (size, 7.5), room * 0.6);
  cairo_set_source_rgb (cr, 0, 0, 0);
  ts_render_text_draw (cr, name, name_x, top);
  used = MIN (ts_render_text_width (name), room * 0.6) + 4;
  if (entry->reading && *entry->reading)
    reading = ts_render_text_new (context, entry->reading, small, PANGO_WEIGHT_NORMAL);
  /* A reading cut short says nothing: whole, or left for the profession. */
  if (reading != NULL && used + ts_render_text_width (reading) <= room * 0.75)
    {
      cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
      ts_render_text_draw (cr, reading, name_x + used,
                           top + (ts_render_text_height (name) - ts_render_text_height (reading)) / 2);
      used += ts_render_text_width (reading) + 4;
    }
  draw_profession (cr, context, entry, name_x + used, top + (ts_render_text_height (name) -
                   small * TS_RENDER_LINE_HEIGHT * 1.1) / 2, room - used, small, TRUE);
}

/* The name as the roster sets it, furigana over each part; a name too
 * long for that is shrunk to fit (down to 8 pt) under its reading in one
 * line, rather than cut. */
static void
draw_name (cairo_t            *cr,
           PangoContext       *context,
           const TsPrintJob   *job,
           const TsPrintEntry *entry,
           double              x,
           double              y,
           double              width)
{
  g_autoptr(PangoLayout) name = ts_render_text_new (context, entry->name, TS_ROSTER_NAME_PT,
                                                    PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) reading = NULL;
  double size;

  if (ts_render_text_width (name) <= width)
    {
      ts_render_roster_name (cr, context, job, entry, x, y, width);
      return;
    }
  size = ts_render_text_fit (name, TS_ROSTER_NAME_PT, 8.0, width);
  cairo_set_source_rgb (cr, 0, 0, 0);
  ts_render_text_draw (cr, name, x, y + TS_ROSTER_NAME_TOP + (TS_ROSTER_NAME_PT - size) * 0.6);
  if (entry->reading == NULL || *entry->reading == '\0' ||
      (job->options.columns & TS_ROSTER_READING) == 0)
    return;
  reading = ts_render_text_new (context, entry->reading, TS_ROSTER_RUBY_PT, PANGO_WEIGHT_NORMAL);
  ts_render_text_set_line (reading, width);
  cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
  ts_render_text_draw (cr, reading, x, y + TS_ROSTER_RUBY_TOP);
}

/* The roster's visit mark (初参加, 久しぶり, 常連) at the row's right
 * edge, centred on @middle: a table's regulars see whom to welcome. Only
 * for those who allowed more than their name (ts-print-job.c). */
static void
draw_mark (cairo_t            *cr,
           PangoContext       *context,
           const TsPrintEntry *entry,
           double              right,
           double              middle)
{
  /* As wide as its label, flush right: the badge's own measure. */
  double width = ts_render_text_estimate_width (ts_regulars_mark_label (entry->mark),
                                                TS_ROSTER_TAG_PT) + 5;

  if (entry->mark == TS_REGULARS_MARK_NONE)
    return;
  width = MIN (width, ts_render_roster_mark_width ());
  ts_render_roster_mark (cr, context, entry, right - width, middle, width);
}

static void
draw_person (cairo_t            *cr,
             PangoContext       *context,
             const TsPrintJob   *job,
             const PlanLayout   *layout,
             const TsPrintEntry *entry,
             double              x,
             double              y,
             double              width)
{
  double name_x = x + NUMBER_W, room = width - NUMBER_W;
  double mark = ts_render_roster_mark_width () + 4;

  switch (layout->style)
    {
    case STYLE_WIDE:
      ts_render_roster_number (cr, context, entry, x, NUMBER_W - 3, y);
      draw_name (cr, context, job, entry, name_x, y, room * 0.55);
      draw_profession (cr, context, entry, name_x + room * 0.55 + 4, y + TS_ROSTER_NAME_TOP + 2,
                       room * 0.45 - 4, 8.5, TRUE);
      draw_mark (cr, context, entry, x + width, y + 5);
      break;
    case STYLE_THREE:
      ts_render_roster_number (cr, context, entry, x, NUMBER_W - 3, y);
      draw_name (cr, context, job, entry, name_x, y, room - (entry->mark ? mark : 0));
      draw_profession (cr, context, entry, name_x, y + TS_ROSTER_NAME_TOP + 15, room, 8.0, FALSE);
      draw_mark (cr, context, entry, x + width, y + TS_ROSTER_NAME_TOP + 8);
      break;
    case STYLE_ONE:
    case N_STYLES:
    default:
      draw_one_line (cr, context, entry, x, y, width, layout->row_height);
      break;
    }
}

static void
draw_box (cairo_t          *cr,
          PangoContext     *context,
          const TsPrintJob *job,
          const PlanLayout *layout,
          guint             b)
{
  guint column = b % layout->columns, row = b / layout->columns;
  double x = TS_ROSTER_MARGIN + column * (layout->box_width + GAP);
  double y = body_top () + row * (layout->box_height + GAP);
  guint table = b < job->n_tables ? b + 1 : 0;
  double top = y + TITLE_H + PAD;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, layout->box_width, layout->box_height);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  draw_box_title (cr, context, table, box_size (layout, b), x, y, layout->box_width);
  for (guint i = layout->first[b]; i < layout->first[b + 1]; i++)
    {
      const TsPrintEntry *entry = g_ptr_array_index (job->entries, i);

      if (i > layout->first[b])
        ts_render_rule (cr, x + PAD, top - 1, x + layout->box_width - PAD, top - 1, 0.3, 0.8);
      draw_person (cr, context, job, layout, entry, x + PAD, top, layout->box_width - 2 * PAD);
      top += layout->row_height;
    }
  cairo_restore (cr);
}

void
ts_render_table_plan_page (cairo_t          *cr,
                           PangoContext     *context,
                           const TsPrintJob *job,
                           guint             page)
{
  const PlanLayout *layout = get_layout (job);

  ts_render_roster_header (cr, context, job);
  for (guint b = 0; b < layout->n_boxes; b++)
    draw_box (cr, context, job, layout, b);
  ts_render_roster_footer (cr, context, page, 1);
}

/* ---- table cards ------------------------------------------------------ */

guint
ts_render_table_cards_n_pages (const TsPrintJob *job)
{
  return MAX (job->n_tables, 1);
}

/* The names at @table, one after another, each with their number. */
static GPtrArray *
names_at (const TsPrintJob *job,
          guint             table)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < job->entries->len; i++)
    {
      const TsPrintEntry *entry = g_ptr_array_index (job->entries, i);

      if (entry->table == table)
        g_ptr_array_add (names, (gpointer) entry);
    }
  return names;
}

/* The size names print at in @columns columns: as large as the lines
 * allow, up to 20 pt. */
static double
card_line_size (GPtrArray *names,
                guint      columns,
                double     height)
{
  guint per_column = MAX ((names->len + columns - 1) / columns, 1);

  return MIN (MIN (height / per_column, 34.0) * 0.6, 20.0);
}

/* The names in one column while they can be 12 pt or more there, else in
 * two; every name as large as its line allows, a long one shrunk to fit
 * its column. */
static void
draw_card_names (cairo_t          *cr,
                 PangoContext     *context,
                 GPtrArray        *names,
                 double            x,
                 double            y,
                 double            width,
                 double            height)
{
  guint columns = card_line_size (names, 1, height) < 12.0 ? 2 : 1;
  double size = MAX (card_line_size (names, columns, height), 7.5);
  guint per_column = MAX ((names->len + columns - 1) / columns, 1);
  double line = MIN (height / per_column, 34.0);
  double column_width = (width - (columns - 1) * 10) / columns;

  for (guint i = 0; i < names->len; i++)
    {
      const TsPrintEntry *entry = g_ptr_array_index (names, i);
      g_autofree char *number_text = g_strdup_printf ("%u", entry->number);
      g_autoptr(PangoLayout) number = ts_render_text_new (context, number_text, size * 0.7,
                                                          PANGO_WEIGHT_NORMAL);
      g_autoptr(PangoLayout) name = ts_render_text_new (context, entry->name, size, PANGO_WEIGHT_BOLD);
      double cx = x + (i / per_column) * (column_width + 10), cy = y + (i % per_column) * line;
      double number_w = size * 1.6, used;

      cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
      pango_layout_set_width (number, (int) ((number_w - 4) * PANGO_SCALE));
      pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
      ts_render_text_draw (cr, number, cx, cy + (ts_render_text_height (name) -
                                                 ts_render_text_height (number)) / 2);
      used = ts_render_text_fit (name, size, MIN (size, 7.5), column_width - number_w);
      cairo_set_source_rgb (cr, 0, 0, 0);
      /* A shrunk name on the same middle line as the others. */
      ts_render_text_draw (cr, name, cx + number_w, cy + (size - used) * 0.6);
    }
}

/* One face of the tent, in a half page of @width × @height. */
static void
draw_card_face (cairo_t          *cr,
                PangoContext     *context,
                const TsPrintJob *job,
                guint             table,
                GPtrArray        *names,
                double            width,
                double            height)
{
  double margin = 14 * TS_PT_PER_MM, number_width = width * 0.38;
  g_autofree char *number_text = g_strdup_printf ("%u", table);
  g_autoptr(PangoLayout) label = ts_render_text_new (context, C_("table card", "Table"), 20,
                                                     PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) number = ts_render_text_new (context, number_text, 190, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) event = ts_render_text_new (context, job->event_title, 9, PANGO_WEIGHT_NORMAL);
  double number_top;

  cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
  ts_render_text_set_line (label, number_width);
  pango_layout_set_alignment (label, PANGO_ALIGN_CENTER);
  ts_render_text_draw (cr, label, margin, margin);
  ts_render_text_fit (number, 190, 60, number_width);
  pango_layout_set_alignment (number, PANGO_ALIGN_CENTER);
  pango_layout_set_width (number, (int) (number_width * PANGO_SCALE));
  number_top = margin + ts_render_text_height (label) +
               (height - 2 * margin - ts_render_text_height (label) - ts_render_text_height (number)) / 2;
  ts_render_text_draw (cr, number, margin, number_top);
  cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
  ts_render_text_set_line (event, width - 2 * margin);
  ts_render_text_draw (cr, event, margin, height - margin * 0.7 - ts_render_text_height (event));
  ts_render_rule (cr, margin + number_width + 8, margin, margin + number_width + 8,
                  height - margin * 1.4, 1.0, 0.7);
  draw_card_names (cr, context, names, margin + number_width + 20, margin + 2,
                   width - 2 * margin - number_width - 20, height - margin * 2.2);
}

/* A dashed fold line across the middle, with what to do with it. */
static void
draw_fold (cairo_t      *cr,
           PangoContext *context)
{
  static const double dash[] = { 4.0, 3.0 };
  g_autoptr(PangoLayout) hint = ts_render_text_new (context, _("Fold here"), TS_ROSTER_TAG_PT,
                                                    PANGO_WEIGHT_NORMAL);

  cairo_save (cr);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  ts_render_rule (cr, 0, TS_A4_HEIGHT / 2, TS_A4_WIDTH, TS_A4_HEIGHT / 2, 0.4, 0.6);
  cairo_restore (cr);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  ts_render_text_draw (cr, hint, TS_A4_WIDTH - 8 - ts_render_text_width (hint),
                       TS_A4_HEIGHT / 2 + 2);
}

void
ts_render_table_cards_page (cairo_t          *cr,
                            PangoContext     *context,
                            const TsPrintJob *job,
                            guint             page)
{
  double half = TS_A4_HEIGHT / 2;
  g_autoptr(GPtrArray) names = names_at (job, page + 1);

  /* The lower half as it stands; the upper one turned around, so that
   * the folded card reads the same from the other side. */
  cairo_save (cr);
  cairo_translate (cr, 0, half);
  draw_card_face (cr, context, job, page + 1, names, TS_A4_WIDTH, half);
  cairo_restore (cr);
  cairo_save (cr);
  cairo_translate (cr, TS_A4_WIDTH, half);
  cairo_rotate (cr, G_PI);
  draw_card_face (cr, context, job, page + 1, names, TS_A4_WIDTH, half);
  cairo_restore (cr);
  draw_fold (cr, context);
}
