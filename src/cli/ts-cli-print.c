/* ts-cli-print.c: tsudoi-cli roster, cards, badges, addendum and
 * intro-sheet.
 *
 * The same job and drawing code as the app's print dialog, written to a
 * PDF file. Nothing is written when there is nobody to print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-cli-progress.h"
#include "ts-render.h"

typedef struct {
  gint64    event_id;
  char     *output;
  char     *sort;
  char     *columns;
  char     *statuses;
  char     *size;
  gboolean  organizer_copy;
  gboolean  compact;
  gboolean  cut_marks;
  gboolean  wareki;
  gint      start_slot;
  double    offset_x;
  double    offset_y;
} PrintArgs;

/* GOption allocates the strings; they are ours to free. */
static void
print_args_clear (PrintArgs *args)
{
  g_clear_pointer (&args->output, g_free);
  g_clear_pointer (&args->sort, g_free);
  g_clear_pointer (&args->columns, g_free);
  g_clear_pointer (&args->statuses, g_free);
  g_clear_pointer (&args->size, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PrintArgs, print_args_clear)

static gboolean
parse_sort (const char  *text,
            TsPrintSort *sort)
{
  if (text == NULL || g_str_equal (text, "reading"))
    *sort = TS_PRINT_SORT_READING;
  else if (g_str_equal (text, "profession"))
    *sort = TS_PRINT_SORT_PROFESSION;
  else if (g_str_equal (text, "checkin"))
    *sort = TS_PRINT_SORT_CHECK_IN;
  else
    return FALSE;
  return TRUE;
}

/* "registered,attended": the statuses' nicks, as the database has them. */
static gboolean
parse_statuses (const char *text,
                guint      *statuses)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *statuses = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      int status = ts_enum_parse_nick (TS_TYPE_ATTENDANCE_STATUS, g_strstrip (parts[i]));

      if (status < 0)
        return FALSE;
      *statuses |= TS_ATTENDANCE_STATUS_FLAG (status);
    }
  return *statuses != 0;
}

/* Turns the flags into options; prints the reason and returns FALSE on a
 * wrong value. */
static gboolean
make_options (const PrintArgs *args,
              TsPrintOptions  *options,
              int             *status)
{
  g_autoptr(GError) error = NULL;

  *status = TS_CLI_USAGE;
  if (args->event_id <= 0)
    return ts_cli_usage_error (_("Give the event with --event ID.")), FALSE;
  if (args->output == NULL)
    return ts_cli_usage_error (_("Give the PDF file to write with -o FILE.")), FALSE;
  if (!parse_sort (args->sort, &options->sort))
    return ts_cli_usage_error (_("Sort by reading, profession or checkin.")), FALSE;
  if (args->columns && !ts_print_columns_parse (args->columns, &options->columns, &error))
    return ts_cli_usage_error ("%s", error->message), FALSE;
  if (args->statuses && !parse_statuses (args->statuses, &options->statuses))
    return ts_cli_usage_error (_("Statuses are registered, attended, walk-in, no-show and cancelled, separated by commas.")), FALSE;
  if (args->size && g_str_equal (args->size, "a6"))
    options->badge_sheet = TS_SHEET_A6_4;
  else if (args->size && !g_str_equal (args->size, "card"))
    return ts_cli_usage_error (_("The badge size is card or a6.")), FALSE;
  if (args->start_slot < 1 || (guint) args->start_slot > ts_sheet_n_slots (ts_sheet_get (options->kind == TS_PRINT_BADGES ? options->badge_sheet : TS_SHEET_BUSINESS_CARD_10)))
    return ts_cli_usage_error (_("The start slot is a number from 1 to the number of cards on a sheet.")), FALSE;
  if (ABS (args->offset_x) > TS_SHEET_MAX_OFFSET_MM || ABS (args->offset_y) > TS_SHEET_MAX_OFFSET_MM)
    return ts_cli_usage_error (_("The printer offset can be at most 5 mm either way.")), FALSE;
  options->organizer_copy = args->organizer_copy;
  options->compact = args->compact;
  options->cut_marks = args->cut_marks;
  options->wareki = args->wareki;
  options->start_slot = args->start_slot;
  options->offset_x_mm = args->offset_x;
  options->offset_y_mm = args->offset_y;
  *status = TS_CLI_OK;
  return TRUE;
}

static int write_pdf (gint64                event_id,
                      const TsPrintOptions *options,
                      const char           *output);

static int
run_print (TsPrintKind  kind,
           const char  *summary,
           int          argc,
           char       **argv)
{
  g_auto(PrintArgs) args = { .start_slot = 1 };
  const GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &args.event_id, N_("Event number (required)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("PDF file to write (required)"), N_("FILE") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &args.sort, N_("Order: reading (default), profession or checkin"), N_("ORDER") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &args.columns,
      N_("Roster columns: reading, organization, profession, referrer, first-time, introduction, marks or all"), N_("LIST") },
    { "statuses", 0, 0, G_OPTION_ARG_STRING, &args.statuses,
      N_("Statuses to include (default: registered,attended,walk-in)"), N_("LIST") },
    { "organizer-copy", 0, 0, G_OPTION_ARG_NONE, &args.organizer_copy,
      N_("Organizer copy: contact details, and members not listed"), NULL },
    { "compact", 0, 0, G_OPTION_ARG_NONE, &args.compact,
      N_("Compact roster: two columns, about 40 people a page"), NULL },
    { "start-slot", 0, 0, G_OPTION_ARG_INT, &args.start_slot, N_("Slot of the first card on the sheet, from 1"), N_("N") },
    { "offset-x", 0, 0, G_OPTION_ARG_DOUBLE, &args.offset_x, N_("Move everything right by this many millimetres"), N_("MM") },
    { "offset-y", 0, 0, G_OPTION_ARG_DOUBLE, &args.offset_y, N_("Move everything down by this many millimetres"), N_("MM") },
    { "cut-marks", 0, 0, G_OPTION_ARG_NONE, &args.cut_marks, N_("Print cut marks"), NULL },
    { "wareki", 0, 0, G_OPTION_ARG_NONE, &args.wareki,
      N_("Dates in the Japanese era calendar, when the language is Japanese"), NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &args.size, N_("Badge size: card (default) or a6"), N_("SIZE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = ts_cli_option_context (ts_enum_get_nick (TS_TYPE_PRINT_KIND, kind),
                                                             NULL, summary, entries);
  TsPrintOptions options;
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  ts_print_options_init (&options, kind);
  if (!make_options (&args, &options, &status))
    return status;
  return write_pdf (args.event_id, &options, args.output);
}

/* The event's printout as @options ask, into @output. */
static int
write_pdf (gint64                event_id,
           const TsPrintOptions *options,
           const char           *output)
{
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  TsCliProgress *progress;
  gboolean ok;

  if (!ts_cli_output_allowed (output) || (repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  job = ts_print_job_load (repository, event_id, options, &error);
  if (job == NULL)
    return ts_cli_fail (error);
  progress = ts_cli_progress_new_writing (output);
  ok = ts_render_write_pdf (job, output, ts_cli_progress_count, progress, NULL, &error);
  ts_cli_progress_free (progress);
  if (!ok)
    return ts_cli_fail (error);
  return TS_CLI_OK;
}

int
ts_cli_roster (int    argc,
               char **argv)
{
  return run_print (TS_PRINT_ROSTER, _("Writes the participant roster of an event as PDF."),
                    argc, argv);
}

int
ts_cli_cards (int    argc,
              char **argv)
{
  return run_print (TS_PRINT_CARDS,
                    _("Writes introduction cards (91 × 55 mm, 10 per A4 sheet) as PDF."),
                    argc, argv);
}

int
ts_cli_badges (int    argc,
               char **argv)
{
  return run_print (TS_PRINT_BADGES, _("Writes name badges as PDF."), argc, argv);
}

int
ts_cli_addendum (int    argc,
                 char **argv)
{
  return run_print (TS_PRINT_ADDENDUM,
                    _("Writes the page of the day’s walk-ins as PDF."), argc, argv);
}

/* Only what the MC sheet has: its order, and the era calendar. Whatever
 * else the other printouts take (columns, an organizer copy) would let
 * the sheet, which is read aloud, show more than people allowed. */
int
ts_cli_intro_sheet (int    argc,
                    char **argv)
{
  gint64 event_id = 0;
  g_autofree char *output = NULL;
  g_autofree char *order = NULL;
  gboolean wareki = FALSE;
  const GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &event_id, N_("Event number (required)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("PDF file to write (required)"), N_("FILE") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order,
      N_("Order: table (default; by check-in when nobody is seated) or checkin"), N_("ORDER") },
    { "wareki", 0, 0, G_OPTION_ARG_NONE, &wareki,
      N_("Dates in the Japanese era calendar, when the language is Japanese"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("intro-sheet", NULL,
                           _("Writes the MC sheet for the round of self-introductions as PDF."),
                           entries);
  TsPrintOptions options;
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  ts_print_options_init (&options, TS_PRINT_INTRO_SHEET);
  if (event_id <= 0)
    return ts_cli_usage_error (_("Give the event with --event ID."));
  if (output == NULL)
    return ts_cli_usage_error (_("Give the PDF file to write with -o FILE."));
  if (order == NULL || g_str_equal (order, "table"))
    options.sort = TS_PRINT_SORT_TABLE;
  else if (g_str_equal (order, "checkin"))
    options.sort = TS_PRINT_SORT_CHECK_IN;
  else
    return ts_cli_usage_error (_("The order is table or checkin."));
  options.wareki = wareki;
  return write_pdf (event_id, &options, output);
}
