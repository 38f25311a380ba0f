/* ts-cli-list.c: tsudoi-cli chapters, events and members.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-date.h"

typedef struct {
  char   *format;
  gint64  chapter;
  char   *search;
} ListOptions;

static void
list_options_clear (ListOptions *options)
{
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->search, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ListOptions, list_options_clear)

static int
parse_list (const char  *command,
            const char  *summary,
            ListOptions *options,
            gboolean     with_chapter,
            gboolean     with_search,
            int          argc,
            char       **argv,
            gboolean    *csv)
{
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format,
      N_("text (default) or csv"), N_("FORMAT") },
    { with_chapter ? "chapter" : "no-chapter", 'c', with_chapter ? 0 : G_OPTION_FLAG_HIDDEN,
      G_OPTION_ARG_INT64, &options->chapter, N_("Only this chapter"), N_("ID") },
    { with_search ? "search" : "no-search", 's', with_search ? 0 : G_OPTION_FLAG_HIDDEN,
      G_OPTION_ARG_STRING, &options->search,
      N_("Only members whose name, reading, organization or profession contains TEXT"),
      N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = ts_cli_option_context (command, NULL, summary, entries);
  int status;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (argc > 1)
    return ts_cli_usage_error (_("Unexpected argument “%s”."), argv[1]);
  if (!ts_cli_parse_format (options->format, csv))
    return ts_cli_usage_error (_("--format takes text or csv."));
  return TS_CLI_OK;
}

int
ts_cli_chapters (int    argc,
                 char **argv)
{
  g_auto(ListOptions) options = { 0 };
  const char *headers[] = { _("ID"), _("Region"), _("Prefecture"), _("Area"),
                            _("Chapter"), _("Events"), NULL };
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GListModel) chapters = NULL;
  g_autoptr(TsCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv;
  int status;

  status = parse_list ("chapters", _("Lists the chapters, region by region."),
                       &options, FALSE, FALSE, argc, argv, &csv);
  if (status != TS_CLI_OK)
    return status;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((chapters = ts_repository_list_chapters (repository, &error)) == NULL)
    return ts_cli_fail (error);

  table = ts_cli_table_new (csv, headers);
  for (guint i = 0; i < g_list_model_get_n_items (chapters); i++)
    {
      g_autoptr(TsChapter) chapter = g_list_model_get_item (chapters, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, chapter->id);
      g_autofree char *events = g_strdup_printf ("%" G_GINT64_FORMAT, chapter->event_count);
      const char *row[] = { id, chapter->region, chapter->prefecture, chapter->area,
                            chapter->name, events, NULL };
      ts_cli_table_add (table, row);
    }
  ts_cli_table_print (table);
  return TS_CLI_OK;
}

int
ts_cli_events (int    argc,
               char **argv)
{
  g_auto(ListOptions) options = { 0 };
  const char *headers[] = { _("ID"), _("Date"), _("Chapter"), _("Title"),
                            _("Status"), _("Registered"), _("Present"), NULL };
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(TsCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv;
  int status;

  status = parse_list ("events", _("Lists events, newest first."),
                       &options, TRUE, FALSE, argc, argv, &csv);
  if (status != TS_CLI_OK)
    return status;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((events = ts_repository_list_events (repository, options.chapter, &error)) == NULL)
    return ts_cli_fail (error);

  table = ts_cli_table_new (csv, headers);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, event->id);
      g_autofree char *when = csv ? g_strdup (event->starts_at) : ts_event_format_when (event);
      g_autofree char *headcount = g_strdup_printf ("%" G_GINT64_FORMAT, event->headcount);
      g_autofree char *present = g_strdup_printf ("%" G_GINT64_FORMAT, event->present);
      const char *row[] = { id, when, event->chapter_name, event->title,
                            csv ? event->status : ts_event_status_label (event->status),
                            headcount, present, NULL };
      ts_cli_table_add (table, row);
    }
  ts_cli_table_print (table);
  return TS_CLI_OK;
}

int
ts_cli_members (int    argc,
                char **argv)
{
  g_auto(ListOptions) options = { 0 };
  const char *headers[] = { _("ID"), _("Name"), _("Reading"), _("Organization"),
                            _("Profession"), _("Times"), NULL };
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(TsCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv;
  int status;

  status = parse_list ("members", _("Lists members in order of their reading (五十音順)."),
                       &options, FALSE, TRUE, argc, argv, &csv);
  if (status != TS_CLI_OK)
    return status;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((members = ts_repository_list_members (repository, options.search, &error)) == NULL)
    return ts_cli_fail (error);

  table = ts_cli_table_new (csv, headers);
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (members, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member->id);
      g_autofree char *name = ts_member_dup_name (member);
      g_autofree char *reading = ts_member_dup_reading (member);
      g_autofree char *times = g_strdup_printf ("%" G_GINT64_FORMAT, member->times_attended);
      const char *row[] = { id, name, reading, member->organization,
                            member->profession, times, NULL };
      ts_cli_table_add (table, row);
    }
  ts_cli_table_print (table);
  return TS_CLI_OK;
}
