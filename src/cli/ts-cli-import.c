/* ts-cli-import.c: tsudoi-cli import members and import registrations.
 *
 * Both preview the file first. --dry-run prints that preview and writes
 * nothing; otherwise a file with any line in error (a line with no name)
 * is refused as a whole (unless --skip-errors), so that the organizer
 * fixes the file and runs the same command again. A detail that cannot
 * be stored (an email that is no address) never costs the person: they
 * are imported without it, and the output says so, line by line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-cli-progress.h"
#include "ts-import.h"

typedef struct {
  gboolean  dry_run;
  gboolean  skip_errors;
  char     *encoding;
  char     *duplicates;
  char     *consent;
  gint64    event_id;
} ImportOptions;

static void
import_options_clear (ImportOptions *options)
{
  g_clear_pointer (&options->encoding, g_free);
  g_clear_pointer (&options->duplicates, g_free);
  g_clear_pointer (&options->consent, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportOptions, import_options_clear)

static const char *
separator_name (char separator)
{
  switch (separator)
    {
    case '\t': return _("tab");
    case ';':  return _("semicolon");
    default:   return _("comma");
    }
}

static void
print_preview (TsImport *import)
{
  const char * const headers[] = { _("Line"), _("Action"), _("Name"), _("Reading"),
                                   _("Organization"), _("Email"), _("Details"), NULL };
  g_autoptr(TsCliTable) table = ts_cli_table_new (FALSE, headers);

  for (guint i = 0; i < ts_import_get_n_rows (import); i++)
    {
      TsImportRow *row = ts_import_get_row (import, i);
      g_autofree char *line = g_strdup_printf ("%u", row->line);
      g_autofree char *name = ts_member_dup_name (row->member);
      g_autofree char *reading = ts_member_dup_reading (row->member);
      g_autofree char *details = ts_import_row_describe (row);
      const char *cells[] = { line, ts_import_action_label (row->action), name, reading,
                              row->member->organization, row->member->email, details,
                              NULL };

      ts_cli_table_add (table, cells);
    }
  ts_cli_table_print (table);
}

static void
print_mapping (TsImport *import)
{
  for (guint i = 0; i < ts_import_get_n_columns (import); i++)
    /* Translators: a column of the file and the member field it fills. */
    g_print (_("Column “%1$s”: %2$s\n"), ts_import_get_header (import, i),
             ts_import_field_label (ts_import_get_field (import, i)));
}

static void
print_counts (TsImport *import)
{
  guint counts[TS_IMPORT_N_ACTIONS];

  ts_import_count (import, counts);
  /* Translators: a summary of an import preview. */
  g_print (_("New: %1$u, updates: %2$u, skipped: %3$u, errors: %4$u\n"),
           counts[TS_IMPORT_ACTION_NEW], counts[TS_IMPORT_ACTION_UPDATE],
           counts[TS_IMPORT_ACTION_SKIP], counts[TS_IMPORT_ACTION_ERROR]);
}

/* What the organizer should look at: people who came in without a
 * detail, and people who may be a member's namesake. */
static void
print_notes (TsImport             *import,
             const TsImportResult *result)
{
  g_auto(GStrv) notes = ts_import_result_notes (result);

  for (guint i = 0; notes[i] != NULL; i++)
    g_print ("%s\n", notes[i]);
  for (guint i = 0; i < ts_import_get_n_rows (import); i++)
    {
      TsImportRow *row = ts_import_get_row (import, i);
      g_autofree char *details = NULL;

      if (row->action == TS_IMPORT_ACTION_ERROR || (row->warnings == 0 && !row->doubt))
        continue;
      details = ts_import_row_describe (row);
      g_print (_("Line %1$u: %2$s\n"), row->line, details);
    }
}

static int
refuse_errors (TsImport *import,
               guint     n_errors)
{
  for (guint i = 0; i < ts_import_get_n_rows (import); i++)
    {
      TsImportRow *row = ts_import_get_row (import, i);

      if (row->action == TS_IMPORT_ACTION_ERROR)
        g_printerr (_("Line %1$u: %2$s\n"), row->line, row->message);
    }
  g_printerr ("tsudoi-cli: ");
  g_printerr (ngettext ("Nothing was imported: %u line has an error. Correct the file, "
                        "or add --skip-errors to import the other lines.\n",
                        "Nothing was imported: %u lines have errors. Correct the file, "
                        "or add --skip-errors to import the other lines.\n", n_errors),
              n_errors);
  return TS_CLI_FAILED;
}

static int
run_import (const char    *path,
            ImportOptions *options)
{
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autoptr(TsCliProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  TsCsvEncoding encoding = TS_CSV_ENCODING_AUTO;
  TsImportResult result;
  TsDatabase *database;
  guint counts[TS_IMPORT_N_ACTIONS];
  gboolean ok;

  if (options->encoding != NULL && !ts_csv_encoding_from_name (options->encoding, &encoding))
    return ts_cli_usage_error (_("--encoding takes auto, utf-8, utf-16 or cp932."));
  if (options->duplicates != NULL && !g_str_equal (options->duplicates, "update") &&
      !g_str_equal (options->duplicates, "skip") && !g_str_equal (options->duplicates, "new"))
    return ts_cli_usage_error (_("--duplicates takes update, skip or new."));
  if (options->consent != NULL && ts_enum_parse_nick (TS_TYPE_CONSENT, options->consent) < 0)
    return ts_cli_usage_error (_("--consent takes full, name-organization or none."));
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  database = ts_repository_get_database (repository);

  progress = ts_cli_progress_new (_("Reading the file…"));
  import = ts_import_new_from_file (path, encoding, NULL, &error);
  if (import != NULL && options->consent != NULL)
    ts_import_set_default_consent (import, ts_enum_parse_nick (TS_TYPE_CONSENT, options->consent));
  ok = import != NULL &&
       ts_import_preview (import, database, NULL, ts_cli_progress_count, progress, &error);
  /* Erased before the preview, a refusal or an error is printed; the
   * writing is a second stage of the same bar, whose second has begun. */
  ts_cli_progress_clear (progress);
  if (!ok)
    return ts_cli_fail (error);
  if (options->duplicates != NULL)
    ts_import_set_duplicates (import,
                              g_str_equal (options->duplicates, "update") ? TS_IMPORT_ACTION_UPDATE :
                              g_str_equal (options->duplicates, "new") ? TS_IMPORT_ACTION_NEW
                                                                        : TS_IMPORT_ACTION_SKIP);
  ts_import_count (import, counts);

  if (options->dry_run)
    {
      g_print (_("Encoding: %1$s; separator: %2$s\n"),
               ts_csv_encoding_label (ts_import_get_encoding (import)),
               separator_name (ts_import_get_separator (import)));
      print_mapping (import);
      print_preview (import);
      print_counts (import);
      return TS_CLI_OK;
    }
  if (counts[TS_IMPORT_ACTION_ERROR] > 0 && !options->skip_errors)
    return refuse_errors (import, counts[TS_IMPORT_ACTION_ERROR]);

  ts_cli_progress_stage (progress, _("Importing…"));
  ok = ts_import_run (import, database, options->event_id, NULL, ts_cli_progress_count, progress,
                      &result, &error);
  g_clear_pointer (&progress, ts_cli_progress_free);
  if (!ok)
    return ts_cli_fail (error);
  g_print (_("Imported: %1$u new, %2$u updated, %3$u skipped, %4$u with errors.\n"),
           result.created, result.updated, result.skipped, result.failed);
  if (options->event_id > 0)
    g_print (ngettext ("%u person newly registered for the event.\n",
                       "%u people newly registered for the event.\n", result.registered),
             result.registered);
  print_notes (import, &result);
  return TS_CLI_OK;
}

static GOptionContext *
import_context (const char    *command,
                const char    *summary,
                ImportOptions *options,
                gboolean       with_event)
{
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &options->dry_run,
      N_("Print what would be imported, line by line, and write nothing"), NULL },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &options->encoding,
      N_("The file’s encoding: auto (default), utf-8, utf-16 or cp932"), N_("ENCODING") },
    { "duplicates", 0, 0, G_OPTION_ARG_STRING, &options->duplicates,
      N_("For people already in the list: update, skip or new (default: update when the "
         "file has new details)"), N_("ACTION") },
    { "consent", 0, 0, G_OPTION_ARG_STRING, &options->consent,
      N_("Roster consent of new members when the file has none (default: full)"),
      N_("CONSENT") },
    { "skip-errors", 0, 0, G_OPTION_ARG_NONE, &options->skip_errors,
      N_("Import the other lines when some have errors"), NULL },
    { NULL }
  };
  const GOptionEntry event_entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &options->event_id,
      N_("The event to register everyone for (required)"), N_("ID") },
    { NULL }
  };
  GOptionContext *context = ts_cli_option_context (command, _("FILE"), summary, entries);

  if (with_event)
    g_option_context_add_main_entries (context, event_entries, GETTEXT_PACKAGE);
  return context;
}

int
ts_cli_import_members (int    argc,
                       char **argv)
{
  g_auto(ImportOptions) options = { 0 };
  g_autoptr(GOptionContext) context =
    import_context ("import members",
                    _("Imports members from a CSV or tab-separated file (Excel, web forms)."),
                    &options, FALSE);
  int status;

  if ((status = ts_cli_parse_one_file (context, "import members", &argc, &argv)) != TS_CLI_OK)
    return status;
  return run_import (argv[1], &options);
}

int
ts_cli_import_registrations (int    argc,
                             char **argv)
{
  g_auto(ImportOptions) options = { 0 };
  g_autoptr(GOptionContext) context =
    import_context ("import registrations",
                    _("Registers everyone in a CSV file for an event, adding the people "
                      "who are not members yet."),
                    &options, TRUE);
  int status;

  if ((status = ts_cli_parse_one_file (context, "import registrations", &argc,
                                       &argv)) != TS_CLI_OK)
    return status;
  if (options.event_id <= 0)
    return ts_cli_usage_error (_("Please give the event with --event ID."));
  return run_import (argv[1], &options);
}
