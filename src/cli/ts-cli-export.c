/* ts-cli-export.c: tsudoi-cli export members, attendees and grid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-cli-progress.h"
#include "ts-export.h"

typedef enum { EXPORT_MEMBERS, EXPORT_ATTENDEES, EXPORT_GRID } ExportKind;

static int
run_export (const char *command,
            const char *summary,
            ExportKind  kind,
            int         argc,
            char      **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *encoding_name = NULL;
  gint64 event_id = 0, chapter_id = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The CSV file to write (required)"), N_("FILE") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_name,
      N_("utf-8-bom (default, opens in Excel), utf-8 or cp932"), N_("ENCODING") },
    { NULL }
  };
  const GOptionEntry event_entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &event_id, N_("The event (required)"), N_("ID") },
    { NULL }
  };
  const GOptionEntry chapter_entries[] = {
    { "chapter", 'c', 0, G_OPTION_ARG_INT64, &chapter_id, N_("The chapter (required)"),
      N_("ID") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = ts_cli_option_context (command, NULL, summary, entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = NULL;
  TsExportEncoding encoding = TS_EXPORT_UTF8_BOM;
  TsCliProgress *progress;
  gboolean ok;
  int status;

  if (kind == EXPORT_ATTENDEES)
    g_option_context_add_main_entries (context, event_entries, GETTEXT_PACKAGE);
  if (kind == EXPORT_GRID)
    g_option_context_add_main_entries (context, chapter_entries, GETTEXT_PACKAGE);
  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (output == NULL)
    return ts_cli_usage_error (_("Please name the file to write with -o FILE."));
  if (encoding_name != NULL && !ts_export_encoding_from_name (encoding_name, &encoding))
    return ts_cli_usage_error (_("--encoding takes utf-8-bom, utf-8 or cp932."));
  if (kind == EXPORT_ATTENDEES && event_id <= 0)
    return ts_cli_usage_error (_("Please give the event with --event ID."));
  if (kind == EXPORT_GRID && chapter_id <= 0)
    return ts_cli_usage_error (_("Please give the chapter with --chapter ID."));
  if (!ts_cli_output_allowed (output) || (repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;

  /* The list is read in one query, then written: two halves of the bar. */
  progress = ts_cli_progress_new_writing (output);
  switch (kind)
    {
    case EXPORT_MEMBERS:   csv = ts_export_members (repository, &error); break;
    case EXPORT_ATTENDEES: csv = ts_export_attendees (repository, event_id, &error); break;
    case EXPORT_GRID:
    default:               csv = ts_export_grid (repository, chapter_id, &error); break;
    }
  ts_cli_progress_set (progress, 0.5);
  ok = csv != NULL && ts_export_write_file (output, csv, encoding, &error);
  ts_cli_progress_free (progress);
  if (!ok)
    return ts_cli_fail (error);
  return TS_CLI_OK;
}

int
ts_cli_export_members (int    argc,
                       char **argv)
{
  return run_export ("export members", _("Writes every member to a CSV file."),
                     EXPORT_MEMBERS, argc, argv);
}

int
ts_cli_export_attendees (int    argc,
                         char **argv)
{
  return run_export ("export attendees",
                     _("Writes the people registered for or present at an event to a CSV file."),
                     EXPORT_ATTENDEES, argc, argv);
}

int
ts_cli_export_grid (int    argc,
                    char **argv)
{
  return run_export ("export grid",
                     _("Writes a chapter’s attendance, members by events, to a CSV file."),
                     EXPORT_GRID, argc, argv);
}
