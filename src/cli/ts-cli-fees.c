/* ts-cli-fees.c: tsudoi-cli fees and event fee-class.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-fees.h"

/* Text shows amounts as people read them (4,000円); CSV keeps the
 * number, for spreadsheets. */
static char *
dup_amount (gint64   amount,
            gboolean csv)
{
  return csv ? g_strdup_printf ("%" G_GINT64_FORMAT, amount) : ts_fees_format_yen (amount);
}

static void
add_line (TsCliTable      *table,
          const TsFeeLine *line,
          gboolean         csv)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, line->member_id);
  g_autofree char *due = dup_amount (line->due, csv);
  g_autofree char *paid = dup_amount (line->paid, csv);
  const char *state = ts_fee_line_get_owed (line) > 0 ? _("Unpaid") : "";
  /* Translators: the class of someone who pays the event's own fee. */
  const char *class_name = *line->class_name != '\0' ? line->class_name : _("Standard");
  const char *row[] = { id, line->name, class_name, due, paid, state, NULL };

  if (line->due == 0 && line->paid == 0)
    row[5] = "";
  ts_cli_table_add (table, row);
}

/* The totals are the table's last lines, the figure in the column it
 * sums: expected under Due, collected under Paid, outstanding under Due. */
static void
add_totals (TsCliTable         *table,
            const TsFeeSummary *summary,
            gboolean            csv)
{
  g_autofree char *expected = dup_amount (summary->expected, csv);
  g_autofree char *collected = dup_amount (summary->collected, csv);
  g_autofree char *outstanding = dup_amount (summary->outstanding, csv);
  /* Translators: the totals at the end of tsudoi-cli fees. */
  const char *rows[3][7] = {
    { "", _("expected"), "", expected, "", "", NULL },
    { "", _("collected"), "", "", collected, "", NULL },
    { "", _("outstanding"), "", outstanding, "", "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    ts_cli_table_add (table, rows[i]);
}

int
ts_cli_fees (int    argc,
             char **argv)
{
  gint64 event_id = 0;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &event_id, N_("Event number (required)"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (default) or csv"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("fees", NULL,
                           _("Lists each present person with their fee and what they paid, then what was expected, collected and is outstanding."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(TsFeeSummary) summary = NULL;
  g_autoptr(TsCliTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const char *headers[] = { _("ID"), _("Name"), _("Fee class"), C_("fees column", "Due"), C_("fees column", "Paid"),
                            _("State"), NULL };
  gboolean csv;
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (event_id <= 0)
    return ts_cli_usage_error (_("--event is required."));
  if ((status = ts_cli_parse_format (format, &csv)) != TS_CLI_OK)
    return status;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((event = ts_repository_get_event (repository, event_id, &error)) == NULL ||
      (summary = ts_repository_get_fee_summary (repository, event_id, &error)) == NULL)
    return ts_cli_fail (error);

  table = ts_cli_table_new (csv, headers);
  for (guint i = 0; i < summary->lines->len; i++)
    add_line (table, g_ptr_array_index (summary->lines, i), csv);
  add_totals (table, summary, csv);
  ts_cli_table_print (table);
  return TS_CLI_OK;
}

/* "学生=2000" into its name and amount. */
static gboolean
split_class (const char  *text,
             char       **name,
             gint64      *amount)
{
  const char *equal = strrchr (text, '=');

  if (equal == NULL || equal == text || !ts_fees_parse_amount (equal + 1, amount))
    return FALSE;
  *name = g_strndup (text, equal - text);
  return TRUE;
}

static TsFeeClass *
find_class (GListModel *classes,
            const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(TsFeeClass) fee_class = g_list_model_get_item (classes, i);

      if (g_str_equal (fee_class->name, name))
        return g_steal_pointer (&fee_class);
    }
  return NULL;
}

typedef struct {
  gint64  event_id;
  GStrv   add;
  GStrv   set;
  GStrv   remove;
  gint64  member_id;
  char   *class_name;
} ClassArgs;

static void
class_args_clear (ClassArgs *args)
{
  g_clear_pointer (&args->add, g_strfreev);
  g_clear_pointer (&args->set, g_strfreev);
  g_clear_pointer (&args->remove, g_strfreev);
  g_clear_pointer (&args->class_name, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ClassArgs, class_args_clear)

/* --add NAME=AMOUNT (a new class) and --set NAME=AMOUNT (a new amount,
 * or a new class). */
static gboolean
write_classes (TsRepository  *repository,
               ClassArgs     *args,
               GStrv          specs,
               gboolean       may_exist,
               GError       **error)
{
  for (guint i = 0; specs != NULL && specs[i] != NULL; i++)
    {
      g_autoptr(GListModel) classes = NULL;
      g_autoptr(TsFeeClass) existing = NULL;
      g_autoptr(TsFeeClass) added = NULL;
      g_autofree char *name = NULL;
      gint64 amount;

      split_class (specs[i], &name, &amount);
      g_strstrip (name);
      if ((classes = ts_repository_list_fee_classes (repository, args->event_id, error)) == NULL)
        return FALSE;
      existing = may_exist ? find_class (classes, name) : NULL;
      if (existing != NULL
          ? !ts_repository_edit_fee_class (repository, existing->id, name, amount, error)
          : (added = ts_repository_add_fee_class (repository, args->event_id, name, amount,
                                                  error)) == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
remove_classes (TsRepository  *repository,
                ClassArgs     *args,
                GError       **error)
{
  for (guint i = 0; args->remove != NULL && args->remove[i] != NULL; i++)
    {
      g_autoptr(GListModel) classes = ts_repository_list_fee_classes (repository, args->event_id,
                                                                      error);
      g_autoptr(TsFeeClass) fee_class = NULL;

      if (classes == NULL)
        return FALSE;
      if ((fee_class = find_class (classes, args->remove[i])) == NULL)
        {
          g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                       _("This event has no fee class named “%s”."), args->remove[i]);
          return FALSE;
        }
      if (!ts_repository_remove_fee_class (repository, fee_class->id, error))
        return FALSE;
    }
  return TRUE;
}

/* --member ID --class NAME: "" puts them back on the event's fee. */
static gboolean
assign_class (TsRepository  *repository,
              ClassArgs     *args,
              GError       **error)
{
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(TsFeeClass) fee_class = NULL;

  if (args->member_id == 0)
    return TRUE;
  if ((classes = ts_repository_list_fee_classes (repository, args->event_id, error)) == NULL)
    return FALSE;
  if (*args->class_name != '\0' && (fee_class = find_class (classes, args->class_name)) == NULL)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                   _("This event has no fee class named “%s”."), args->class_name);
      return FALSE;
    }
  return ts_repository_set_fee_class (repository, args->event_id, args->member_id,
                                      fee_class != NULL ? fee_class->id : 0, error);
}

/* Every change of one command lands together or not at all. */
static gboolean
change_classes (TsRepository  *repository,
                ClassArgs     *args,
                GError       **error)
{
  TsDatabase *database = ts_repository_get_database (repository);
  g_autoptr(TsEvent) event = NULL;

  if (!ts_database_begin (database, error))
    return FALSE;
  if ((event = ts_repository_get_event (repository, args->event_id, error)) == NULL ||
      !write_classes (repository, args, args->add, FALSE, error) ||
      !write_classes (repository, args, args->set, TRUE, error) ||
      !remove_classes (repository, args, error) ||
      !assign_class (repository, args, error) ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  return TRUE;
}

static void
print_classes (GListModel *classes)
{
  const char *headers[] = { _("ID"), _("Fee class"), _("Amount"), NULL };
  g_autoptr(TsCliTable) table = ts_cli_table_new (FALSE, headers);

  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(TsFeeClass) fee_class = g_list_model_get_item (classes, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fee_class->id);
      g_autofree char *amount = ts_fees_format_yen (fee_class->amount);
      const char *row[] = { id, fee_class->name, amount, NULL };

      ts_cli_table_add (table, row);
    }
  ts_cli_table_print (table);
}

static int
check_class_args (ClassArgs *args)
{
  GStrv lists[] = { args->add, args->set };

  if (args->event_id <= 0)
    return ts_cli_usage_error (_("--event is required."));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && lists[l][i] != NULL; i++)
      {
        g_autofree char *name = NULL;
        gint64 amount;

        if (!split_class (lists[l][i], &name, &amount))
          return ts_cli_usage_error (_("Give a fee class as NAME=AMOUNT, such as 学生=2000."));
      }
  if ((args->member_id != 0) != (args->class_name != NULL))
    return ts_cli_usage_error (_("--member and --class go together."));
  return TS_CLI_OK;
}

int
ts_cli_event_fee_class (int    argc,
                        char **argv)
{
  g_auto(ClassArgs) args = { 0 };
  const GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &args.event_id, N_("Event number (required)"), N_("ID") },
    { "add", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.add,
      N_("Add a fee class, such as 学生=2000"), N_("NAME=AMOUNT") },
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.set,
      N_("Change a fee class’s amount, or add it"), N_("NAME=AMOUNT") },
    { "remove", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.remove,
      N_("Remove a fee class; its people pay the event’s fee"), N_("NAME") },
    { "member", 'm', 0, G_OPTION_ARG_INT64, &args.member_id,
      N_("Put this attendee in the class given by --class"), N_("ID") },
    { "class", 0, 0, G_OPTION_ARG_STRING, &args.class_name,
      N_("The attendee’s fee class (\"\" for the event’s fee)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("event fee-class", NULL,
                           _("Lists, adds, changes and removes an event’s fee classes (一般, 学生 …), and puts an attendee in one."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK ||
      (status = check_class_args (&args)) != TS_CLI_OK)
    return status;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if (!change_classes (repository, &args, &error) ||
      (classes = ts_repository_list_fee_classes (repository, args.event_id, &error)) == NULL)
    return ts_cli_fail (error);
  print_classes (classes);
  return TS_CLI_OK;
}
