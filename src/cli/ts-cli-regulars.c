/* ts-cli-regulars.c: tsudoi-cli regulars and report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-date.h"
#include "ts-regulars.h"
#include "ts-render-report.h"

typedef struct {
  gint64  chapter;
  gint    window;
  gint    min_present;
  gint    lapse_after;
  char   *month;
  char   *format;
  char   *output;
} RegularsOptions;

static void
regulars_options_clear (RegularsOptions *options)
{
  g_free (options->month);
  g_free (options->format);
  g_free (options->output);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RegularsOptions, regulars_options_clear)

/* Checks the options shared by both commands and turns them into analysis
 * options; prints the problem and returns a CLI status otherwise. */
static int
check_options (const RegularsOptions *options,
               gboolean               month_required,
               TsRegularsOptions     *analysis)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int month;

  ts_regulars_options_init (analysis);
  if (options->chapter <= 0)
    return ts_cli_usage_error (_("Give the chapter with --chapter ID (see “tsudoi-cli chapters”)."));
  if (options->window < 0 || options->window > 100 || options->min_present < 0 ||
      options->min_present > 100 || options->lapse_after < 0 || options->lapse_after > 24)
    return ts_cli_usage_error (_("--months and --min take a number from 1 to 100, "
                                 "--lapse a number from 1 to 24."));
  if (options->window > 0)
    analysis->window = options->window;
  if (options->min_present > 0)
    analysis->min_present = options->min_present;
  if (options->lapse_after > 0)
    analysis->lapse_after = options->lapse_after;
  if (options->month == NULL && month_required)
    return ts_cli_usage_error (_("Give the month with --month, for example --month %d-%02d."),
                               g_date_time_get_year (now), g_date_time_get_month (now));
  if (options->month != NULL)
    {
      if (!ts_regulars_parse_month (options->month, &month))
        return ts_cli_usage_error (_("“%1$s” is not a month; write it like %2$d-%3$02d."),
                                   options->month, g_date_time_get_year (now),
                                   g_date_time_get_month (now));
      analysis->until_year = month / 12;
      analysis->until_month = month % 12 + 1;
    }
  return TS_CLI_OK;
}

static int
parse (const char      *command,
       const char      *summary,
       RegularsOptions *options,
       gboolean         report,
       int              argc,
       char           **argv)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* The example is this month. */
  g_autofree char *month_help =
    g_strdup_printf (report ? _("The month of the report, like %d-%02d")
                            : _("Look at events up to this month, like %d-%02d (default: the month of the last meeting)"),
                     g_date_time_get_year (now), g_date_time_get_month (now));
  const GOptionEntry entries[] = {
    { "chapter", 'c', 0, G_OPTION_ARG_INT64, &options->chapter,
      N_("The chapter"), N_("ID") },
    { "month", 'm', 0, G_OPTION_ARG_STRING, &options->month, month_help, N_("MONTH") },
    { "months", 'n', 0, G_OPTION_ARG_INT, &options->window,
      N_("Held events looked at for regulars (default 6)"), N_("N") },
    { "min", 'k', 0, G_OPTION_ARG_INT, &options->min_present,
      N_("Presences among them that make a regular (default 3)"), N_("K") },
    { "lapse", 'l', 0, G_OPTION_ARG_INT, &options->lapse_after,
      N_("Missed events that make a regular lapsed (default 2)"), N_("L") },
    { report ? "output" : "no-output", 'o', report ? 0 : G_OPTION_FLAG_HIDDEN,
      G_OPTION_ARG_FILENAME, &options->output, N_("Write the PDF to FILE"), N_("FILE") },
    { report ? "no-format" : "format", 'f', report ? G_OPTION_FLAG_HIDDEN : 0,
      G_OPTION_ARG_STRING, &options->format, N_("text (default) or csv"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = ts_cli_option_context (command, NULL, summary, entries);

  return ts_cli_parse_no_arguments (context, &argc, &argv);
}

static char *
format_last (const TsRegulars       *result,
             const TsRegularsMember *member,
             gboolean                csv)
{
  g_autoptr(GDateTime) when = NULL;

  if (member->last_event < 0)
    return g_strdup ("");
  if (csv)
    return g_strndup (result->events[member->last_event].starts_at, 10);
  when = ts_date_parse (result->events[member->last_event].starts_at);
  return ts_date_format_day (when);
}

static void
print_members (const TsRegulars *result,
               gboolean          csv)
{
  g_autofree char *window = g_strdup_printf (_("Last %u"), result->options.window);
  const char *headers[] = { _("ID"), _("Name"), _("Class"), _("Presences"), window,
                            _("Streak"), _("Last presence"), NULL };
  g_autoptr(TsCliTable) table = ts_cli_table_new (csv, headers);

  for (guint i = 0; i < result->n_members; i++)
    {
      const TsRegularsMember *member = &result->members[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member->id);
      g_autofree char *times = g_strdup_printf ("%u", member->times_present);
      g_autofree char *in_window = g_strdup_printf ("%u/%u", member->window_present,
                                                    member->window_size);
      g_autofree char *streak = g_strdup_printf ("%u", member->current_streak);
      g_autofree char *last = format_last (result, member, csv);
      const char *row[] = { id, member->name,
                            csv ? ts_regulars_class_name (member->klass)
                                : ts_regulars_class_label (member->klass),
                            times, in_window, streak, last, NULL };
      ts_cli_table_add (table, row);
    }
  ts_cli_table_print (table);
}

static TsRegulars *
compute (TsRepository             *repository,
         gint64                    chapter_id,
         const TsRegularsOptions  *analysis,
         TsChapter               **chapter,
         GError                  **error)
{
  *chapter = ts_repository_get_chapter (repository, chapter_id, error);
  if (*chapter == NULL)
    return NULL;
  return ts_regulars_compute (repository, chapter_id, analysis, error);
}

int
ts_cli_regulars (int    argc,
                 char **argv)
{
  g_auto(RegularsOptions) options = { 0 };
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsRegulars) result = NULL;
  g_autoptr(GError) error = NULL;
  TsRegularsOptions analysis;
  gboolean csv;
  int status;

  status = parse ("regulars", _("Lists a chapter’s members as regulars, lapsed regulars, "
                                "first-timers or occasional visitors."),
                  &options, FALSE, argc, argv);
  if (status != TS_CLI_OK || (status = check_options (&options, FALSE, &analysis)) != TS_CLI_OK)
    return status;
  if ((status = ts_cli_parse_format (options.format, &csv)) != TS_CLI_OK)
    return status;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((result = compute (repository, options.chapter, &analysis, &chapter, &error)) == NULL)
    return ts_cli_fail (error);
  print_members (result, csv);
  return TS_CLI_OK;
}

int
ts_cli_report (int    argc,
               char **argv)
{
  g_auto(RegularsOptions) options = { 0 };
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsRegulars) result = NULL;
  g_autoptr(GError) error = NULL;
  TsRegularsOptions analysis;
  int status;

  status = parse ("report", _("Writes a chapter’s one-page monthly report as PDF."),
                  &options, TRUE, argc, argv);
  if (status != TS_CLI_OK || (status = check_options (&options, TRUE, &analysis)) != TS_CLI_OK)
    return status;
  if (options.output == NULL)
    return ts_cli_usage_error (_("Give the PDF file to write with -o FILE."));
  if (!ts_cli_output_allowed (options.output) || (repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((result = compute (repository, options.chapter, &analysis, &chapter, &error)) == NULL)
    return ts_cli_fail (error);
  if (!ts_render_report_pdf (result, chapter->name, options.output, &error))
    return ts_cli_fail (error);
  return TS_CLI_OK;
}
