/* ts-cli-merge.c: tsudoi-cli duplicates, member merge and event close.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-event-close.h"
#include "ts-member-duplicates.h"
#include "ts-member-merge.h"

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;

  *id = g_ascii_strtoll (text, &end, 10);
  return *id > 0 && end != text && *end == '\0';
}

static void
add_pair_row (TsCliTable   *table,
              TsMemberPair *pair)
{
  TsMember *first = ts_member_pair_get_first (pair);
  TsMember *second = ts_member_pair_get_second (pair);
  g_autofree char *first_id = g_strdup_printf ("%" G_GINT64_FORMAT, first->id);
  g_autofree char *second_id = g_strdup_printf ("%" G_GINT64_FORMAT, second->id);
  g_autofree char *first_name = ts_member_dup_name (first);
  g_autofree char *second_name = ts_member_dup_name (second);
  g_autofree char *first_reading = ts_member_dup_reading (first);
  g_autofree char *second_reading = ts_member_dup_reading (second);
  g_autofree char *reasons = ts_duplicate_reasons_label (ts_member_pair_get_reasons (pair));
  const char *row[] = { first_id, first_name, first_reading,
                        second_id, second_name, second_reading, reasons, NULL };

  ts_cli_table_add (table, row);
}

int
ts_cli_duplicates (int    argc,
                   char **argv)
{
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default) or csv"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("duplicates", NULL,
                           _("Lists pairs of members who are likely the same person: same email, same reading, or the same name in another script or width."),
                           entries);
  const char *headers[] = { _("ID"), _("Name"), _("Reading"),
                            _("ID"), _("Name"), _("Reading"), _("Why"), NULL };
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GListModel) pairs = NULL;
  g_autoptr(TsCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gboolean csv;
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK ||
      (status = ts_cli_parse_format (format, &csv)) != TS_CLI_OK)
    return status;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((pairs = ts_repository_find_duplicates (repository, &error)) == NULL)
    return ts_cli_fail (error);
  table = ts_cli_table_new (csv, headers);
  for (guint i = 0; i < g_list_model_get_n_items (pairs); i++)
    {
      g_autoptr(TsMemberPair) pair = g_list_model_get_item (pairs, i);
      add_pair_row (table, pair);
    }
  ts_cli_table_print (table);
  return TS_CLI_OK;
}

/* --take as given (commas, spaces allowed), checked field by field. */
static GStrv
parse_take (const char *take)
{
  g_auto(GStrv) parts = g_strsplit (take, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (!ts_member_merge_field_is_valid (parts[i]))
        return NULL;
      g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

int
ts_cli_member_merge (int    argc,
                     char **argv)
{
  g_autofree char *take_option = NULL;
  const GOptionEntry entries[] = {
    { "take", 't', 0, G_OPTION_ARG_STRING, &take_option,
      N_("Fields to take from OTHER even where KEEP has a value, separated by commas: name, reading, organization, profession, job-title, email, phone, introduction, wish, referred-by, home-chapter, consent, notes"),
      N_("FIELDS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("member merge", _("KEEP OTHER"),
                           _("Makes two members who are one person one member: KEEP stays, with its own values where set and OTHER’s elsewhere; OTHER’s attendance and referrals move to KEEP, and OTHER is deleted."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsMemberMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) take = NULL;
  g_autofree char *keep_text = NULL;
  g_autofree char *other_text = NULL;
  g_autofree char *names = g_strjoinv (", ", (char **) ts_member_merge_fields ());
  gint64 keep_id, other_id;
  int status;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (argc != 3 || !parse_id (argv[1], &keep_id) || !parse_id (argv[2], &other_id))
    return ts_cli_usage_error (_("Give the number of the member to keep, then of the member to merge into them."));
  if ((take = parse_take (take_option ? take_option : "")) == NULL)
    return ts_cli_usage_error (_("--take names fields among: %s."), names);
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  merge = ts_repository_merge_members (repository, keep_id, other_id,
                                       (const char * const *) take,
                                       TS_MEMBER_MERGE_FILL_EMPTY, &error);
  if (merge == NULL)
    return ts_cli_fail (error);
  keep_text = g_strdup_printf ("%" G_GINT64_FORMAT, keep_id);
  other_text = g_strdup_printf ("%" G_GINT64_FORMAT, other_id);
  /* Translators: %1$s is the member kept, %2$s the one merged into them. */
  g_print (_("Merged member %2$s into member %1$s (attendance moved: %3$u, joined: %4$u)."),
           keep_text, other_text, ts_member_merge_get_n_moved (merge),
           ts_member_merge_get_n_joined (merge));
  g_print ("\n");
  return TS_CLI_OK;
}

int
ts_cli_event_close (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("event close", _("ID"),
                           _("After the meeting: marks everyone still registered but not checked in as a no-show, and the event as held."),
                           NULL);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsEventClose) close = NULL;
  g_autoptr(GError) error = NULL;
  gint64 event_id;
  guint n;
  int status;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (argc != 2 || !parse_id (argv[1], &event_id))
    return ts_cli_usage_error (_("Give the number of the event to close."));
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((close = ts_repository_close_event (repository, event_id, &error)) == NULL)
    return ts_cli_fail (error);
  n = ts_event_close_get_n_no_shows (close);
  g_print (ngettext ("Marked %u person as a no-show.", "Marked %u people as no-shows.", n), n);
  g_print ("\n");
  return TS_CLI_OK;
}
