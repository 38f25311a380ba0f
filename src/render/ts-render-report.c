/* ts-render-report.c: a chapter's one-page monthly report.
 *
 * What an organizer looks at after a meeting: the counts of the month, the
 * trend of the last twelve months, the mix of professions and the three
 * lists (regulars, first-timers, lapsed regulars to follow up). It is an
 * organizer's paper: it names people but never prints their contact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>

#include "ts-date.h"
#include "ts-pdf-output.h"
#include "ts-render-report.h"
#include "ts-render-text.h"
#include "ts-render-trend.h"

#define MARGIN     (15.0 * TS_PT_PER_MM)
#define CONTENT_W  (TS_A4_WIDTH - 2 * MARGIN)
#define LIST_ROW   11.5
#define FOOTER_Y   (TS_A4_HEIGHT - MARGIN)

static const double black[4] = { 0.1, 0.1, 0.1, 1.0 };

/* Shows text at (x, y) and returns its height; width > 0 ellipsizes. */
static double
text_at (cairo_t     *cr,
         const char  *text,
         double       x,
         double       y,
         double       size,
         PangoWeight  weight,
         double       width,
         double       align)
{
  g_autoptr(PangoLayout) layout = ts_render_layout_new (cr, size, weight);
  int w, h;

  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_size (layout, &w, &h);
  cairo_set_source_rgba (cr, black[0], black[1], black[2], black[3]);
  cairo_move_to (cr, x - align * w / PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
  return (double) h / PANGO_SCALE;
}

static char *
format_day (const char *starts_at)
{
  g_autoptr(GDateTime) when = ts_date_parse (starts_at);

  return when != NULL ? ts_date_format_day (when) : g_strdup (starts_at);
}

static double
draw_header (cairo_t          *cr,
             const TsRegulars *regulars,
             const char       *chapter_name,
             int               month)
{
  g_autofree char *month_text = ts_regulars_format_month (month);
  /* Translators: the title of the monthly report, %s is the chapter. */
  g_autofree char *title = g_strdup_printf (_("%s Monthly Report"), chapter_name);
  g_autoptr(GString) meetings = g_string_new (NULL);
  g_autofree char *rule = NULL;
  double y = MARGIN;

  text_at (cr, month_text, MARGIN + CONTENT_W, y + 2, 14, PANGO_WEIGHT_BOLD, 0, 1.0);
  y += text_at (cr, title, MARGIN, y, 16, PANGO_WEIGHT_BOLD, CONTENT_W - 110, 0) + 4;

  for (guint i = 0; i < regulars->n_events; i++)
    if (regulars->events[i].month == month)
      {
        g_autofree char *day = format_day (regulars->events[i].starts_at);
        if (meetings->len > 0)
          g_string_append (meetings, _(", "));
        g_string_append (meetings, day);
      }
  if (meetings->len == 0 && regulars->n_planned > 0)
    {
      /* The meeting is still to come: "no meeting" would be wrong. */
      g_autofree char *day = format_day (regulars->planned[0].starts_at);
      /* Translators: %s is the date of a meeting not yet held. */
      g_autofree char *text = g_strdup_printf (_("The meeting on %s is planned; there are no figures yet."), day);

      g_string_assign (meetings, text);
    }
  else if (meetings->len == 0)
    g_string_append (meetings, _("No meeting was held this month."));
  else
    {
      /* Translators: %s is the list of meeting dates of the month. */
      g_autofree char *text = g_strdup_printf (_("Meetings: %s"), meetings->str);
      g_string_assign (meetings, text);
    }
  y += text_at (cr, meetings->str, MARGIN, y, 9, PANGO_WEIGHT_NORMAL, CONTENT_W, 0) + 1;
  /* Translators: %1$u of the last %2$u held events; in Japanese
   * "常連: 直近%2$u回の開催のうち%1$u回以上参加した人". */
  rule = g_strdup_printf (_("Regulars: present at %1$u or more of the last %2$u held events"),
                          regulars->options.min_present, regulars->options.window);
  y += text_at (cr, rule, MARGIN, y, 8, PANGO_WEIGHT_NORMAL, CONTENT_W, 0) + 8;
  return y;
}

static double
draw_counts (cairo_t               *cr,
             const TsRegularsMonth *month,
             double                 y)
{
  const struct { const char *label; guint value; } boxes[] = {
    { C_("report count", "Present"), month ? month->headcount : 0 },
    { C_("report count", "First-timers"), month ? month->first_timers : 0 },
    { C_("report count", "Returning"), month ? month->returning : 0 },
    { C_("report count", "Regulars present"), month ? month->regulars : 0 },
    { C_("report count", "Walk-ins"), month ? month->walk_ins : 0 },
    { C_("report count", "No-shows"), month ? month->no_shows : 0 },
  };
  double box_w = CONTENT_W / G_N_ELEMENTS (boxes), box_h = 46;

  for (guint i = 0; i < G_N_ELEMENTS (boxes); i++)
    {
      double x = MARGIN + i * box_w;
      g_autofree char *number = g_strdup_printf ("%u", boxes[i].value);

      cairo_set_source_rgb (cr, 0.95, 0.95, 0.94);
      cairo_rectangle (cr, x + 2, y, box_w - 4, box_h);
      cairo_fill (cr);
      text_at (cr, number, x + box_w / 2, y + 4, 18, PANGO_WEIGHT_BOLD, 0, 0.5);
      text_at (cr, boxes[i].label, x + box_w / 2, y + 30, 8, PANGO_WEIGHT_NORMAL, 0, 0.5);
    }
  y += box_h + 3;
  if (month != NULL && month->first_timers > 0)
    {
      /* Translators: how many of the month's first-timers came to the
       * network for the first time. */
      g_autofree char *note = g_strdup_printf (_("Of the first-timers, %u are new to the network."),
                                               month->first_in_network);
      y += text_at (cr, note, MARGIN + 2, y, 7.5, PANGO_WEIGHT_NORMAL, CONTENT_W, 0);
    }
  return y + 10;
}

static double
heading (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      width)
{
  double h = text_at (cr, text, x, y, 10, PANGO_WEIGHT_BOLD, width, 0);

  cairo_set_source_rgba (cr, black[0], black[1], black[2], 0.5);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, y + h + 1.5);
  cairo_line_to (cr, x + width, y + h + 1.5);
  cairo_stroke (cr);
  return h + 5;
}

typedef gboolean (*ListFilter) (const TsRegularsMember *member);

static gboolean is_regular (const TsRegularsMember *m) { return m->klass == TS_REGULARS_CLASS_REGULAR; }
static gboolean is_first (const TsRegularsMember *m) { return m->first_this_month; }
static gboolean is_lapsed (const TsRegularsMember *m) { return m->klass == TS_REGULARS_CLASS_LAPSED; }

static char *
list_detail (const TsRegulars       *regulars,
             const TsRegularsMember *member,
             ListFilter              filter)
{
  if (filter == is_regular)
    /* Translators: times present, in Japanese "%u回". */
    return g_strdup_printf (C_("report list", "%u times"), member->times_present);
  if (filter == is_first)
    return g_strdup (member->profession);
  return format_day (regulars->events[member->last_event].starts_at);
}

static void
draw_list (cairo_t          *cr,
           const TsRegulars *regulars,
           const char       *title,
           ListFilter        filter,
           double            x,
           double            y,
           double            width)
{
  guint count = 0, shown = 0, room;
  g_autofree char *head = NULL;

  for (guint i = 0; i < regulars->n_members; i++)
    count += filter (&regulars->members[i]);
  /* Translators: a list's title with its count, in Japanese "%1$s(%2$u 人)". */
  head = g_strdup_printf (_("%1$s (%2$u)"), title, count);
  y += heading (cr, head, x, y, width);
  room = (guint) ((FOOTER_Y - 20 - y) / LIST_ROW);
  if (count == 0)
    {
      text_at (cr, C_("report list", "Nobody"), x, y, 8.5, PANGO_WEIGHT_NORMAL, width, 0);
      return;
    }
  for (guint i = 0; i < regulars->n_members; i++)
    {
      const TsRegularsMember *member = &regulars->members[i];
      g_autofree char *detail = NULL;

      if (!filter (member))
        continue;
      if (shown + 1 == room && count > room)
        {
          /* Translators: the last line of a list cut short, in Japanese "ほか %u 人". */
          g_autofree char *more = g_strdup_printf (C_("report list", "and %u more"),
                                                   count - shown);
          text_at (cr, more, x, y, 8.5, PANGO_WEIGHT_NORMAL, width, 0);
          return;
        }
      detail = list_detail (regulars, member, filter);
      text_at (cr, member->name, x, y, 8.5, PANGO_WEIGHT_NORMAL, width * 0.5 - 4, 0);
      text_at (cr, detail, x + width, y + 0.5, 7.5, PANGO_WEIGHT_NORMAL, width * 0.5, 1.0);
      y += LIST_ROW;
      shown++;
    }
}

static void
draw_footer (cairo_t *cr)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = ts_date_format_day (now);
  /* Translators: the report's footer; %s is today's date. */
  g_autofree char *text = g_strdup_printf (_("Made with Tsudoi on %s. For the organizers only: "
                                             "please do not hand this page out."), today);

  text_at (cr, text, MARGIN, FOOTER_Y - 9, 7, PANGO_WEIGHT_NORMAL, CONTENT_W, 0);
}

void
ts_render_report_page (cairo_t          *cr,
                       const TsRegulars *regulars,
                       const char       *chapter_name)
{
  int month = ts_regulars_until_index (&regulars->options);
  const TsRegularsMonth *counts = ts_regulars_find_month (regulars, month);
  double y, column = (CONTENT_W - 2 * 14) / 3, mix_h = 0;

  g_return_if_fail (regulars != NULL);

  cairo_save (cr);
  y = draw_header (cr, regulars, chapter_name, month);
  y = draw_counts (cr, counts, y);

  y += heading (cr, _("Headcount over the last 12 months"), MARGIN, y, CONTENT_W);
  cairo_save (cr);
  cairo_translate (cr, MARGIN, y);
  ts_render_trend (cr, regulars, 12, CONTENT_W, 170, black);
  cairo_restore (cr);
  y += 170 + 12;

  y += heading (cr, _("Professions present this month"), MARGIN, y, CONTENT_W);
  if (counts != NULL && counts->headcount > 0)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, y);
      mix_h = ts_render_profession_mix (cr, regulars, counts - regulars->months, 10,
                                        CONTENT_W * 0.6, black);
      cairo_restore (cr);
    }
  else
    mix_h = text_at (cr, _("Nobody was present this month."), MARGIN, y, 8.5,
                     PANGO_WEIGHT_NORMAL, CONTENT_W, 0);
  y += mix_h + 12;

  draw_list (cr, regulars, C_("report list", "Regulars"), is_regular, MARGIN, y, column);
  draw_list (cr, regulars, C_("report list", "First-timers this month"), is_first,
             MARGIN + column + 14, y, column);
  draw_list (cr, regulars, C_("report list", "Lapsed regulars to follow up"), is_lapsed,
             MARGIN + 2 * (column + 14), y, column);
  draw_footer (cr);
  cairo_restore (cr);
}

/* Written beside @path and renamed when complete, 0600 like every file
 * holding people's names. */
gboolean
ts_render_report_pdf (const TsRegulars *regulars,
                      const char       *chapter_name,
                      const char       *path,
                      GError          **error)
{
  TsPdfOutput *output = ts_pdf_output_new (path, error);
  g_autofree char *month = ts_regulars_format_month (ts_regulars_until_index (&regulars->options));
  /* Translators: the PDF title of a monthly report: chapter, month. */
  g_autofree char *title = g_strdup_printf (_("%1$s Monthly Report, %2$s"), chapter_name, month);
  cairo_surface_t *surface;
  cairo_t *cr;

  if (output == NULL)
    return FALSE;
  surface = ts_pdf_output_get_surface (output);
  /* A title of only the chapter's name said nothing about the month. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, chapter_name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, month);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tsudoi " PACKAGE_VERSION);
  cr = cairo_create (surface);
  ts_render_report_page (cr, regulars, chapter_name);
  cairo_show_page (cr);
  cairo_destroy (cr);
  return ts_pdf_output_close (output, TRUE, error);
}
