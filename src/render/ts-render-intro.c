/* ts-render-intro.c: the MC sheet (司会用) for the round of introductions.
 *
 * One block per person in the order they speak (table by table, or as
 * they came in), read from at arm's length in a dim restaurant: a box to
 * tick, the number everyone's papers share, the name large with its
 * reading over it, then profession, organization, their 一言 and their
 * wish. The people with something to announce are listed again at the
 * end, so the MC can give them the floor after the round.
 *
 * What each person allowed was decided when the job was loaded
 * (ts-print-job.c): someone who did not consent has only their name in
 * the job, someone who allowed their name and organization only those.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ts-render-private.h"

#define MARGIN        TS_ROSTER_MARGIN
#define BODY_WIDTH    (TS_A4_WIDTH - 2 * MARGIN)

/* A person's block: the furigana, the name large, then the text lines. */
#define NAME_PT       22.0
#define NAME_MIN_PT   14.0
#define RUBY_PT       10.0
#define TEXT_PT       11.0
#define TEXT_LINE     (TEXT_PT * 1.45)
#define TAG_PT        9.0
#define NUMBER_PT     13.0
#define RUBY_TOP      3.0
#define NAME_TOP      16.0
#define NAME_BOTTOM   46.0
#define BLOCK_PAD     6.0
#define BOX_SIZE      15.0
#define GUTTER        58.0     /* box and number, left of the name */
#define TAGS_ROOM     150.0    /* right of the name, on the furigana line */
#define INTRO_LINES   4
#define WISH_LINES    2
#define HEADING       30.0
#define ANNOUNCE_NAME 24.0
#define ANNOUNCE_LINES 3

typedef enum {
  ITEM_TABLE,      /* a table's heading, in table order */
  ITEM_PERSON,
  ITEM_ANNOUNCE_HEADING,
  ITEM_ANNOUNCE,   /* someone with a wish, again at the end */
} ItemKind;

typedef struct {
  ItemKind kind;
  guint    entry;        /* index in the job's entries */
  guint8   line_lines;   /* profession and organization: one or two */
  guint8   intro_lines;
  guint8   wish_lines;
  double   height;
} Item;

typedef struct {
  GArray  *items;        /* Item */
  GArray  *page_starts;  /* guint: each page's first item, then the end */
  gboolean by_table;     /* headings per table: someone is seated */
  gboolean door_open;    /* someone is checked in: the others are late */
} Layout;

static void
layout_free (Layout *layout)
{
  g_array_unref (layout->items);
  g_array_unref (layout->page_starts);
  g_free (layout);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Who is asked to speak at the end: anyone whose wish the job holds.
 * A wish is "what I want to try or announce" (やってみたいこと・お知らせ):
 * any of it is worth a word to the room, and telling an announcement
 * from a wish by its wording would guess wrong in both directions. The
 * job holds a wish only for those who consented to it being shown. */
static gboolean
announces (const TsPrintEntry *entry)
{
  return has_text (entry->wish);
}

static char *
profession_line (const TsPrintEntry *entry)
{
  const char *parts[] = { entry->profession, entry->job_title, entry->organization };
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (has_text (parts[i]))
      g_string_append_printf (line, "%s%s", line->len ? "\u3000" : "", parts[i]);
  return g_string_free (line, FALSE);
}

/* Where the text after @label starts: the label's width and a space. */
static double
label_indent (PangoContext *context,
              const char   *label)
{
  g_autoptr(PangoLayout) head = NULL;

  if (label == NULL)
    return 0;
  head = ts_render_text_new (context, label, TEXT_PT, PANGO_WEIGHT_BOLD);
  return ts_render_text_width (head) + TEXT_PT;
}

/* The lines @text takes after @label, at most @max_lines, laid out as
 * draw_labelled() lays it out: a block is as tall as its text, neither
 * a blank line more nor a line cut. */
static guint
measure_lines (PangoContext *context,
               const char   *label,
               const char   *text,
               PangoWeight   weight,
               guint         max_lines)
{
  g_autoptr(PangoLayout) body = NULL;

  if (!has_text (text))
    return 0;
  body = ts_render_text_new (context, text, TEXT_PT, weight);
  pango_layout_set_indent (body, (int) (label_indent (context, label) * PANGO_SCALE));
  ts_render_text_set_box (body, BODY_WIDTH - GUTTER, G_MAXINT16);
  return MIN (max_lines, (guint) pango_layout_get_line_count (body));
}

static double
person_height (PangoContext       *context,
               const TsPrintEntry *entry,
               Item               *item)
{
  g_autofree char *line = profession_line (entry);

  /* Translators: the label before a person's short introduction on the
   * MC sheet: "自己紹介". */
  item->intro_lines = measure_lines (context, C_("intro sheet", "Introduction"),
                                     entry->introduction, PANGO_WEIGHT_NORMAL, INTRO_LINES);
  item->wish_lines = measure_lines (context, _("Wish or announcement"), entry->wish,
                                    PANGO_WEIGHT_NORMAL, WISH_LINES);
  /* A long organization goes on to a second line rather than being cut:
   * the MC reads it out in full. */
  item->line_lines = measure_lines (context, NULL, line, PANGO_WEIGHT_BOLD, 2);
  return NAME_BOTTOM + (item->line_lines + item->intro_lines + item->wish_lines) * TEXT_LINE +
         BLOCK_PAD;
}

static void
add_item (Layout   *layout,
          ItemKind  kind,
          guint     entry,
          double    height)
{
  Item item = { kind, entry, 0, 0, 0, height };

  g_array_append_val (layout->items, item);
}

static void
add_people (Layout           *layout,
            PangoContext     *context,
            const TsPrintJob *job)
{
  guint table = G_MAXUINT;

  for (guint i = 0; i < job->entries->len; i++)
    {
      const TsPrintEntry *entry = g_ptr_array_index (job->entries, i);
      Item item = { ITEM_PERSON, i, 0, 0, 0, 0 };

      if (layout->by_table && entry->table != table)
        {
          table = entry->table;
          add_item (layout, ITEM_TABLE, i, HEADING);
        }
      item.height = person_height (context, entry, &item);
      g_array_append_val (layout->items, item);
    }
}

static void
add_announcements (Layout           *layout,
                   PangoContext     *context,
                   const TsPrintJob *job)
{
  gboolean any = FALSE;

  for (guint i = 0; i < job->entries->len; i++)
    {
      const TsPrintEntry *entry = g_ptr_array_index (job->entries, i);
      guint lines;

      if (!announces (entry))
        continue;
      if (!any)
        add_item (layout, ITEM_ANNOUNCE_HEADING, i, HEADING + 12);
      any = TRUE;
      lines = measure_lines (context, NULL, entry->wish, PANGO_WEIGHT_NORMAL, ANNOUNCE_LINES);
      add_item (layout, ITEM_ANNOUNCE, i, ANNOUNCE_NAME + lines * TEXT_LINE + BLOCK_PAD);
      g_array_index (layout->items, Item, layout->items->len - 1).wish_lines = lines;
    }
}

/* Whether a page starting at @index goes on with a table from the page
 * before: it says so under the table's heading again. */
static gboolean
continues_table (const Layout *layout,
                 guint         index)
{
  return layout->by_table && index > 0 && index < layout->items->len &&
         g_array_index (layout->items, Item, index).kind == ITEM_PERSON;
}

/* Greedy, but a heading never ends a page: it goes over with the first
 * block it heads. */
static void
break_pages (Layout *layout)
{
  double body = TS_A4_HEIGHT - 2 * MARGIN - TS_ROSTER_HEADER_HEIGHT - TS_ROSTER_FOOTER_HEIGHT;
  double used = 0;
  guint zero = 0;

  layout->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (layout->page_starts, zero);
  for (guint i = 0; i < layout->items->len; i++)
    {
      const Item *item = &g_array_index (layout->items, Item, i);
      double need = item->height;

      if (item->kind != ITEM_PERSON && item->kind != ITEM_ANNOUNCE && i + 1 < layout->items->len)
        need += g_array_index (layout->items, Item, i + 1).height;
      if (used > 0 && used + need > body)
        {
          g_array_append_val (layout->page_starts, i);
          used = continues_table (layout, i) ? HEADING : 0;
        }
      used += item->height;
    }
  g_array_append_val (layout->page_starts, layout->items->len);
}

/* Blocks are measured with the fonts and breaks they are drawn with;
 * hinting is off, so a layout measures the same here as on paper. */
static Layout *
make_layout (const TsPrintJob *job)
{
  Layout *layout = g_new0 (Layout, 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = ts_render_context_new (cr);

  layout->items = g_array_new (FALSE, FALSE, sizeof (Item));
  for (guint i = 0; i < job->entries->len; i++)
    {
      const TsPrintEntry *entry = g_ptr_array_index (job->entries, i);

      layout->by_table |= entry->table > 0;
      layout->door_open |= entry->present;
    }
  layout->by_table &= job->options.sort == TS_PRINT_SORT_TABLE;
  add_people (layout, context, job);
  add_announcements (layout, context, job);
  break_pages (layout);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

static const Layout *
get_layout (const TsPrintJob *job)
{
  return ts_print_job_get_render_cache (job, (gpointer (*) (const TsPrintJob *)) make_layout,
                                        (GDestroyNotify) layout_free);
}

guint
ts_render_intro_n_pages (const TsPrintJob *job)
{
  return get_layout (job)->page_starts->len - 1;
}

static void
draw_box (cairo_t *cr,
          double   x,
          double   y)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  cairo_set_line_width (cr, 1.0);
  cairo_rectangle (cr, x + 0.5, y + 0.5, BOX_SIZE - 1, BOX_SIZE - 1);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_number (cairo_t            *cr,
             PangoContext       *context,
             const TsPrintEntry *entry,
             double              y)
{
  g_autofree char *text = g_strdup_printf ("%u", entry->number);
  g_autoptr(PangoLayout) layout = ts_render_text_new (context, text, NUMBER_PT, PANGO_WEIGHT_BOLD);
  double width = GUTTER - BOX_SIZE - 10;

  cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  ts_render_text_draw (cr, layout, MARGIN + BOX_SIZE + 4, y);
}

/* The small tags at the right of the furigana line, right to left: the
 * table in arrival order, a walk-in, a first-timer, not here yet. */
static void
draw_tags (cairo_t            *cr,
           PangoContext       *context,
           const Layout       *layout,
           const TsPrintEntry *entry,
           double              y)
{
  double right = MARGIN + BODY_WIDTH;

  if (entry->table > 0 && !layout->by_table)
    {
      /* Translators: a small tag with a person's table number. */
      g_autofree char *table = g_strdup_printf (_("Table %u"), entry->table);
      g_autoptr(PangoLayout) measure = ts_render_text_new (context, table, TAG_PT,
                                                           PANGO_WEIGHT_BOLD);

      ts_render_tag (cr, context, table, right, y, TAG_PT, 0.35, 0.35, 0.35);
      right -= ts_render_text_width (measure) + TAG_PT * 0.7 + 4;
    }
  if (entry->walk_in)
    {
      const char *walk_in = C_("attendance status", "Walk-in");
      g_autoptr(PangoLayout) measure = ts_render_text_new (context, walk_in, TAG_PT,
                                                           PANGO_WEIGHT_BOLD);

      ts_render_tag (cr, context, walk_in, right, y, TAG_PT, 0.55, 0.35, 0.1);
      right -= ts_render_text_width (measure) + TAG_PT * 0.7 + 4;
    }
  if (entry->first_time)
    {
      ts_render_first_time_mark (cr, context, right, y, TAG_PT);
      right -= ts_render_text_estimate_width (_("First time"), TAG_PT) + TAG_PT * 0.7 + 4;
    }
  /* Before the door opens nobody has arrived, and the sheet is a plan:
   * the tag is only news once people are checking in. */
  if (!entry->present && layout->door_open)
    /* Translators: a tag on the MC sheet for someone registered who has
     * not been checked in: "未受付". */
    ts_render_tag (cr, context, C_("intro sheet", "Not checked in"), right, y, TAG_PT,
                   0.7, 0.1, 0.1);
}

/* @label in the accent colour, then @text wrapped in at most @lines
 * lines, its first line after the label. Returns the height used. */
static double
draw_labelled (cairo_t      *cr,
               PangoContext *context,
               const char   *label,
               const char   *text,
               guint         lines,
               double        x,
               double        y,
               double        width)
{
  g_autoptr(PangoLayout) head = NULL;
  g_autoptr(PangoLayout) body = NULL;
  double indent;

  if (lines == 0 || !has_text (text))
    return 0;
  head = ts_render_text_new (context, label, TEXT_PT, PANGO_WEIGHT_BOLD);
  indent = label_indent (context, label);
  cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
  ts_render_text_draw (cr, head, x, y);
  body = ts_render_text_new (context, text, TEXT_PT, PANGO_WEIGHT_NORMAL);
  pango_layout_set_indent (body, (int) (indent * PANGO_SCALE));
  ts_render_text_set_box (body, width, lines * TEXT_LINE + 1);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  ts_render_text_draw (cr, body, x, y);
  return lines * TEXT_LINE;
}

static void
draw_person (cairo_t          *cr,
             PangoContext     *context,
             const TsPrintJob *job,
             const Layout     *layout,
             const Item       *item,
             double            y)
{
  const TsPrintEntry *entry = g_ptr_array_index (job->entries, item->entry);
  g_autofree char *line = profession_line (entry);
  double x = MARGIN + GUTTER, width = BODY_WIDTH - GUTTER;
  double text_y = y + NAME_BOTTOM;

  draw_box (cr, MARGIN, y + NAME_TOP + (NAME_PT * 1.3 - BOX_SIZE) / 2);
  draw_number (cr, context, entry, y + NAME_TOP + (NAME_PT - NUMBER_PT) * 0.75);
  ts_render_name_with_ruby (cr, context, entry, TRUE, x, y + RUBY_TOP, y + NAME_TOP,
                            width - TAGS_ROOM / 3, NAME_PT, NAME_MIN_PT, RUBY_PT);
  draw_tags (cr, context, layout, entry, y + RUBY_TOP);
  if (item->line_lines > 0)
    {
      g_autoptr(PangoLayout) text = ts_render_text_new (context, line, TEXT_PT, PANGO_WEIGHT_BOLD);

      ts_render_text_set_box (text, width, item->line_lines * TEXT_LINE + 1);
      cairo_set_source_rgb (cr, 0, 0, 0);
      ts_render_text_draw (cr, text, x, text_y);
      text_y += item->line_lines * TEXT_LINE;
    }
  text_y += draw_labelled (cr, context, C_("intro sheet", "Introduction"), entry->introduction,
                           item->intro_lines, x, text_y, width);
  draw_labelled (cr, context, _("Wish or announcement"), entry->wish, item->wish_lines, x,
                 text_y, width);
  ts_render_rule (cr, MARGIN, y + item->height - 2, MARGIN + BODY_WIDTH, y + item->height - 2,
                  0.4, 0.7);
}

static void
draw_heading (cairo_t      *cr,
              PangoContext *context,
              const char   *text,
              double        y)
{
  g_autoptr(PangoLayout) layout = ts_render_text_new (context, text, 13, PANGO_WEIGHT_BOLD);

  cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
  cairo_rectangle (cr, MARGIN, y + 2, BODY_WIDTH, HEADING - 6);
  cairo_fill (cr);
  ts_render_text_set_line (layout, BODY_WIDTH - 16);
  cairo_set_source_rgb (cr, 1, 1, 1);
  ts_render_text_draw (cr, layout, MARGIN + 8, y + 2 + (HEADING - 6 - ts_render_text_height (layout)) / 2);
}

static void
draw_table_heading (cairo_t            *cr,
                    PangoContext       *context,
                    const TsPrintEntry *entry,
                    gboolean            continued,
                    double              y)
{
  g_autofree char *text = entry->table > 0
                          /* Translators: a table's heading on the MC sheet: "テーブル 3". */
                          ? g_strdup_printf (_("Table %u"), entry->table)
                          /* Translators: the heading of the people without a table yet. */
                          : g_strdup (C_("intro sheet", "Not seated yet"));

  if (continued)
    {
      /* Translators: a table's heading again at the top of the next
       * page: "テーブル 3（続き）". */
      g_autofree char *more = g_strdup_printf (C_("intro sheet", "%s (continued)"), text);

      draw_heading (cr, context, more, y);
      return;
    }
  draw_heading (cr, context, text, y);
}

/* A name and its wish: the MC calls them up after the round. */
static void
draw_announcement (cairo_t          *cr,
                   PangoContext     *context,
                   const TsPrintJob *job,
                   const Item       *item,
                   double            y)
{
  const TsPrintEntry *entry = g_ptr_array_index (job->entries, item->entry);
  double x = MARGIN + GUTTER, width = BODY_WIDTH - GUTTER;
  g_autoptr(PangoLayout) name = ts_render_text_new (context, entry->name, 14, PANGO_WEIGHT_BOLD);
  g_autoptr(PangoLayout) wish = ts_render_text_new (context, entry->wish, TEXT_PT,
                                                    PANGO_WEIGHT_NORMAL);

  draw_box (cr, MARGIN, y + 3);
  draw_number (cr, context, entry, y + 1);
  ts_render_text_fit (name, 14, 11, width * 0.5);
  cairo_set_source_rgb (cr, 0, 0, 0);
  ts_render_text_draw (cr, name, x, y + 1);
  if (has_text (entry->reading))
    {
      g_autoptr(PangoLayout) reading = ts_render_text_new (context, entry->reading, RUBY_PT,
                                                           PANGO_WEIGHT_NORMAL);

      ts_render_text_set_line (reading, width * 0.5 - 12);
      cairo_set_source_rgb (cr, TS_RENDER_GREY, TS_RENDER_GREY, TS_RENDER_GREY);
      ts_render_text_draw (cr, reading, x + ts_render_text_width (name) + 12, y + 5);
    }
  ts_render_text_set_box (wish, width, item->wish_lines * TEXT_LINE + 1);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  ts_render_text_draw (cr, wish, x, y + ANNOUNCE_NAME);
  ts_render_rule (cr, MARGIN, y + item->height - 2, MARGIN + BODY_WIDTH, y + item->height - 2,
                  0.4, 0.7);
}

/* Says in the header which order the MC goes in. */
static void
draw_order (cairo_t          *cr,
            PangoContext     *context,
            const TsPrintJob *job,
            const Layout     *layout)
{
  const char *text = layout->by_table
                     /* Translators: the order of the MC sheet, in its header. */
                     ? C_("intro sheet", "In table order")
                     : C_("intro sheet", "In order of arrival");
  g_autoptr(PangoLayout) order = ts_render_text_new (context, text, TS_ROSTER_TEXT_PT,
                                                     PANGO_WEIGHT_BOLD);

  cairo_set_source_rgb (cr, TS_RENDER_ACCENT);
  ts_render_text_draw (cr, order, MARGIN + BODY_WIDTH - ts_render_text_width (order),
                       MARGIN + 24 + 16 + 2);
}

void
ts_render_intro_page (cairo_t          *cr,
                      PangoContext     *context,
                      const TsPrintJob *job,
                      guint             page)
{
  const Layout *layout = get_layout (job);
  guint first = g_array_index (layout->page_starts, guint, page);
  guint last = g_array_index (layout->page_starts, guint, page + 1);
  double y = MARGIN + TS_ROSTER_HEADER_HEIGHT;

  ts_render_roster_header (cr, context, job);
  draw_order (cr, context, job, layout);
  if (continues_table (layout, first))
    {
      const Item *item = &g_array_index (layout->items, Item, first);

      draw_table_heading (cr, context, g_ptr_array_index (job->entries, item->entry), TRUE, y);
      y += HEADING;
    }
  for (guint i = first; i < last; i++)
    {
      const Item *item = &g_array_index (layout->items, Item, i);

      switch (item->kind)
        {
        case ITEM_TABLE:
          draw_table_heading (cr, context, g_ptr_array_index (job->entries, item->entry), FALSE, y);
          break;
        case ITEM_PERSON:
          draw_person (cr, context, job, layout, item, y);
          break;
        case ITEM_ANNOUNCE_HEADING:
          /* Translators: the heading of the list at the end of the MC
           * sheet: "お知らせ・やってみたいことがある方（最後に）". */
          draw_heading (cr, context, C_("intro sheet", "At the end: announcements and wishes"),
                        y + 12);
          break;
        case ITEM_ANNOUNCE:
        default:
          draw_announcement (cr, context, job, item, y);
          break;
        }
      y += item->height;
    }
  ts_render_roster_footer (cr, context, page, layout->page_starts->len - 1);
}
