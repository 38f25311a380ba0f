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

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  return ts_cli_parse_format (options->format, csv);
}

/* One listing: what it is called, how it fetches, how a row reads. */
typedef struct {
  const char  *command;
  const char  *summary;
  gboolean     with_chapter;
  gboolean     with_search;
  GListModel *(*fetch)   (TsRepository *repository, ListOptions *options, GError **error);
  void        (*add_row) (TsCliTable *table, gpointer item, gboolean csv);
} Listing;

static int
run_listing (const Listing      *listing,
             const char * const *headers,
             int                 argc,
             char              **argv)
{
  g_auto(ListOptions) options = { 0 };
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(TsCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv;
  int status;

  status = parse_list (listing->command, listing->summary, &options,
                       listing->with_chapter, listing->with_search, argc, argv, &csv);
  if (status != TS_CLI_OK)
    return status;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((items = listing->fetch (repository, &options, &error)) == NULL)
    return ts_cli_fail (error);

  table = ts_cli_table_new (csv, headers);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      listing->add_row (table, item, csv);
    }
  ts_cli_table_print (table);
  return TS_CLI_OK;
}

static GListModel *
fetch_chapters (TsRepository  *repository,
                ListOptions   *options,
                GError       **error)
{
  return ts_repository_list_chapters (repository, error);
}

static void
add_chapter_row (TsCliTable *table,
                 gpointer    item,
                 gboolean    csv)
{
  TsChapter *chapter = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, chapter->id);
  g_autofree char *events = g_strdup_printf ("%" G_GINT64_FORMAT, chapter->event_count);
  /* CSV keeps the stored name, for spreadsheets; text shows the label. */
  const char *row[] = { id, csv ? chapter->region : ts_region_label (chapter->region),
                        chapter->prefecture, chapter->area,
                        chapter->name, events, NULL };

  ts_cli_table_add (table, row);
}

int
ts_cli_chapters (int    argc,
                 char **argv)
{
  const Listing listing = { "chapters", _("Lists the chapters, region by region."),
                            FALSE, FALSE, fetch_chapters, add_chapter_row };
  const char *headers[] = { _("ID"), _("Region"), _("Prefecture"), _("Area"),
                            _("Chapter"), _("Events"), NULL };

  return run_listing (&listing, headers, argc, argv);
}

static GListModel *
fetch_events (TsRepository  *repository,
              ListOptions   *options,
              GError       **error)
{
  return ts_repository_list_events (repository, options->chapter, error);
}

static void
add_event_row (TsCliTable *table,
               gpointer    item,
               gboolean    csv)
{
  TsEvent *event = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, event->id);
  g_autofree char *when = csv ? g_strdup (event->starts_at) : ts_event_format_when (event);
  g_autofree char *headcount = g_strdup_printf ("%" G_GINT64_FORMAT, event->headcount);
  g_autofree char *present = g_strdup_printf ("%" G_GINT64_FORMAT, event->present);
  const char *row[] = { id, when, event->chapter_name, event->title,
                        csv ? ts_enum_get_nick (TS_TYPE_EVENT_STATUS, event->status)
                            : ts_event_status_to_label (event->status),
                        headcount, present, NULL };

  ts_cli_table_add (table, row);
}

int
ts_cli_events (int    argc,
               char **argv)
{
  const Listing listing = { "events", _("Lists events, newest first."),
                            TRUE, FALSE, fetch_events, add_event_row };
  const char *headers[] = { _("ID"), _("Date"), _("Chapter"), _("Title"),
                            _("Status"), _("Registered"), _("Present"), NULL };

  return run_listing (&listing, headers, argc, argv);
}

static GListModel *
fetch_members (TsRepository  *repository,
               ListOptions   *options,
               GError       **error)
{
  return ts_repository_list_members (repository, options->search, error);
}

static void
add_member_row (TsCliTable *table,
                gpointer    item,
                gboolean    csv)
{
  TsMember *member = item;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, member->id);
  g_autofree char *name = ts_member_dup_name (member);
  g_autofree char *reading = ts_member_dup_reading (member);
  g_autofree char *times = g_strdup_printf ("%" G_GINT64_FORMAT, member->times_attended);
  const char *row[] = { id, name, reading, member->organization,
                        member->profession, times, NULL };

  ts_cli_table_add (table, row);
}

int
ts_cli_members (int    argc,
                char **argv)
{
  const Listing listing = { "members", _("Lists members in order of their reading (五十音順)."),
                            FALSE, TRUE, fetch_members, add_member_row };
  const char *headers[] = { _("ID"), _("Name"), _("Reading"), _("Organization"),
                            _("Profession"), _("Times"), NULL };

  return run_listing (&listing, headers, argc, argv);
}
