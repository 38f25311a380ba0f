/* ts-cli-add.c: tsudoi-cli chapter add, event add, member add, member edit
 * and attend.
 *
 * Each prints the new record's number on standard output, so scripts can
 * chain them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-date-parse.h"
#include "ts-fees.h"
#include "ts-schedule.h"
#include "ts-validate.h"

/* An amount option not given: the suggestion's, or 0. */
#define NOT_GIVEN G_MININT64

static int
save_failed (TsRepository *repository,
             GError       *error)
{
  /* A broken foreign key is the one rule a person can break from here. */
  if (g_error_matches (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT))
    {
      g_printerr ("tsudoi-cli: %s\n",
                  _("A chapter, event or member given by number does not exist."));
      return TS_CLI_FAILED;
    }
  return ts_cli_fail (error);
}

int
ts_cli_chapter_add (int    argc,
                    char **argv)
{
  g_autoptr(TsChapter) chapter = ts_chapter_new ();
  g_autofree char *name = NULL;
  g_autofree char *reading = NULL;
  g_autofree char *region = NULL;
  g_autofree char *prefecture = NULL;
  g_autofree char *area = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *schedule = NULL;
  g_autofree char *leader = NULL;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("Name of the chapter (required)"), N_("TEXT") },
    { "reading", 0, 0, G_OPTION_ARG_STRING, &reading, N_("Reading of the name, in kana"), N_("KANA") },
    { "region", 0, 0, G_OPTION_ARG_STRING, &region, N_("Region, such as 関東"), N_("TEXT") },
    { "prefecture", 0, 0, G_OPTION_ARG_STRING, &prefecture, N_("Prefecture"), N_("TEXT") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area, N_("City or ward"), N_("TEXT") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue, N_("Usual venue"), N_("TEXT") },
    { "schedule", 0, 0, G_OPTION_ARG_STRING, &schedule, N_("Usual schedule, such as 毎月第4木曜 19:00"), N_("TEXT") },
    { "leader", 0, 0, G_OPTION_ARG_STRING, &leader, N_("Leader (塾長)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("chapter add", NULL, _("Adds a chapter."), entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  g_object_set (chapter, "name", name, "reading", reading, "region", region,
                "prefecture", prefecture, "area", area, "venue", venue,
                "schedule", schedule, "leader", leader, NULL);
  if (!ts_validate_chapter (chapter, &error))
    return ts_cli_usage_error ("%s", error->message);
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if (!ts_repository_save_chapter (repository, chapter, &error))
    return save_failed (repository, error);
  g_print ("%" G_GINT64_FORMAT "\n", chapter->id);
  return TS_CLI_OK;
}

/* The values an option did not give: from @suggested when there is one. */
static void
fill_from (TsEvent  *event,
           TsEvent  *suggested,
           gint64    fee,
           gint64    capacity)
{
  if (suggested != NULL)
    {
      if (*event->title == '\0')
        g_object_set (event, "title", suggested->title, NULL);
      if (*event->venue == '\0')
        g_object_set (event, "venue", suggested->venue, NULL);
      if (*event->address == '\0')
        g_object_set (event, "address", suggested->address, NULL);
    }
  g_object_set (event,
                "fee", fee != NOT_GIVEN ? fee : suggested ? suggested->fee : 0,
                "capacity", capacity != NOT_GIVEN ? capacity : suggested ? suggested->capacity : 0,
                NULL);
}

/* With no --date, the chapter's next usual event (ts-schedule.c), as the
 * event dialog starts from; NULL and a message when there is none. */
static TsEvent *
suggest (TsRepository *repository,
         gint64        chapter,
         GDateTime    *now,
         int          *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsEvent) suggested = ts_schedule_suggest_for_chapter (repository, chapter, now, &error);

  if (suggested == NULL)
    {
      *status = ts_cli_fail (error);
      return NULL;
    }
  if (*suggested->starts_at == '\0')
    {
      *status = ts_cli_usage_error (_("The chapter has no usual schedule or earlier event to date a new event from. Please give the date, for example --date “%d/12/17 19:00”."),
                                    g_date_time_get_year (now));
      return NULL;
    }
  return g_steal_pointer (&suggested);
}

int
ts_cli_event_add (int    argc,
                  char **argv)
{
  g_autoptr(TsEvent) event = ts_event_new ();
  g_autoptr(TsEvent) suggested = NULL;
  gint64 chapter = 0, fee = NOT_GIVEN, capacity = NOT_GIVEN;
  g_autofree char *date = NULL;
  g_autofree char *end = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  g_autofree char *title = NULL;
  g_autofree char *venue = NULL;
  g_autofree char *address = NULL;
  g_autofree char *event_status = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: help for --date; %d is this year. */
  g_autofree char *date_help = g_strdup_printf (_("Start, such as “%d/12/17 19:00” or “12月17日 19時” (default: the chapter’s next usual day)"),
                                                g_date_time_get_year (now));
  const GOptionEntry entries[] = {
    { "chapter", 'c', 0, G_OPTION_ARG_INT64, &chapter, N_("Chapter number (required)"), N_("ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, date_help, N_("DATETIME") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("End, a time such as 21:00 or a date and time"), N_("DATETIME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Title"), N_("TEXT") },
    { "venue", 0, 0, G_OPTION_ARG_STRING, &venue, N_("Venue"), N_("TEXT") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &address, N_("Address of the venue"), N_("TEXT") },
    { "fee", 0, 0, G_OPTION_ARG_INT64, &fee, N_("Fee in yen"), N_("YEN") },
    { "capacity", 0, 0, G_OPTION_ARG_INT64, &capacity, N_("Capacity (0 for no limit)"), N_("N") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &event_status, N_("planned (default), held or cancelled"), N_("STATUS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("event add", NULL,
                           _("Adds an event to a chapter. What is not given comes from the chapter’s usual schedule and its last event, as in the event dialog."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if ((fee < 0 && fee != NOT_GIVEN) || (capacity < 0 && capacity != NOT_GIVEN))
    return ts_cli_usage_error (_("The fee and the capacity cannot be negative."));
  if (event_status != NULL && ts_enum_parse_nick (TS_TYPE_EVENT_STATUS, event_status) < 0)
    return ts_cli_usage_error (_("“%s” is not an event status; use planned, held or cancelled."),
                               event_status);
  /* The same forms as the event dialog. */
  if (date != NULL && (starts_at = ts_date_parse_one (date, now, &error)) == NULL)
    return ts_cli_usage_error ("%s", error->message);
  if (date == NULL && chapter > 0)
    {
      if ((repository = ts_cli_open (FALSE)) == NULL)
        return TS_CLI_FAILED;
      if ((suggested = suggest (repository, chapter, now, &status)) == NULL)
        return status;
      starts_at = g_strdup (suggested->starts_at);
      if (end == NULL)
        ends_at = g_strdup (suggested->ends_at);
    }
  if (end != NULL && starts_at != NULL &&
      (ends_at = ts_date_parse_end (end, starts_at, now, &error)) == NULL)
    return ts_cli_usage_error ("%s", error->message);
  g_object_set (event, "chapter-id", chapter, "starts-at", starts_at, "ends-at", ends_at,
                "title", title, "venue", venue, "address", address, NULL);
  if (event_status != NULL)
    g_object_set (event, "status", ts_enum_parse_nick (TS_TYPE_EVENT_STATUS, event_status), NULL);
  fill_from (event, suggested, fee, capacity);
  if (!ts_validate_event (event, &error))
    return ts_cli_usage_error ("%s", error->message);
  if (repository == NULL && (repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if (!ts_repository_save_event (repository, event, &error))
    return save_failed (repository, error);
  g_print ("%" G_GINT64_FORMAT "\n", event->id);
  return TS_CLI_OK;
}

/* The fields of a member that add and edit both take; NULL: not given. */
typedef struct {
  char   *name;
  char   *family;
  char   *given;
  char   *reading;
  char   *family_reading;
  char   *given_reading;
  char   *organization;
  char   *profession;
  char   *job_title;
  char   *email;
  char   *phone;
  char   *introduction;
  char   *wish;
  char   *consent;
  gint64  home;
  gint64  referred_by;
} MemberArgs;

static void
member_args_clear (MemberArgs *args)
{
  char **strings[] = { &args->name, &args->family, &args->given, &args->reading,
                       &args->family_reading, &args->given_reading, &args->organization,
                       &args->profession, &args->job_title, &args->email, &args->phone,
                       &args->introduction, &args->wish, &args->consent };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MemberArgs, member_args_clear)

#define MEMBER_ENTRIES(args) \
  { "name", 0, 0, G_OPTION_ARG_STRING, &(args).name, N_("Full name, family name first (split at the first space)"), N_("TEXT") }, \
  { "family", 0, 0, G_OPTION_ARG_STRING, &(args).family, N_("Family name"), N_("TEXT") }, \
  { "given", 0, 0, G_OPTION_ARG_STRING, &(args).given, N_("Given name"), N_("TEXT") }, \
  { "reading", 0, 0, G_OPTION_ARG_STRING, &(args).reading, N_("Full reading in kana (split at the first space)"), N_("KANA") }, \
  { "family-reading", 0, 0, G_OPTION_ARG_STRING, &(args).family_reading, N_("Reading of the family name"), N_("KANA") }, \
  { "given-reading", 0, 0, G_OPTION_ARG_STRING, &(args).given_reading, N_("Reading of the given name"), N_("KANA") }, \
  { "organization", 0, 0, G_OPTION_ARG_STRING, &(args).organization, N_("Organization (所属)"), N_("TEXT") }, \
  { "profession", 0, 0, G_OPTION_ARG_STRING, &(args).profession, N_("Profession (職種)"), N_("TEXT") }, \
  { "job-title", 0, 0, G_OPTION_ARG_STRING, &(args).job_title, N_("Job title (役職)"), N_("TEXT") }, \
  { "email", 0, 0, G_OPTION_ARG_STRING, &(args).email, N_("Email address"), N_("ADDRESS") }, \
  { "phone", 0, 0, G_OPTION_ARG_STRING, &(args).phone, N_("Phone number"), N_("NUMBER") }, \
  { "introduction", 0, 0, G_OPTION_ARG_STRING, &(args).introduction, N_("What they do, in a sentence or two"), N_("TEXT") }, \
  { "wish", 0, 0, G_OPTION_ARG_STRING, &(args).wish, N_("What they want to try or announce"), N_("TEXT") }, \
  { "consent", 0, 0, G_OPTION_ARG_STRING, &(args).consent, N_("Roster consent: full (default), name-organization or none"), N_("CONSENT") }, \
  { "home-chapter", 0, 0, G_OPTION_ARG_INT64, &(args).home, N_("Home chapter number"), N_("ID") }, \
  { "referred-by", 0, 0, G_OPTION_ARG_INT64, &(args).referred_by, N_("Number of the member who brought them"), N_("ID") }

/* Sets on the member what was given, and only that: an edit leaves the
 * other fields as they are. */
static void
apply_member_args (TsMember   *member,
                   MemberArgs *args)
{
  if (args->name != NULL && args->family == NULL)
    ts_split_full_name (args->name, &args->family, &args->given);
  if (args->reading != NULL && args->family_reading == NULL)
    ts_split_full_name (args->reading, &args->family_reading, &args->given_reading);
  {
    const struct { const char *property; const char *value; } fields[] = {
      { "family-name", args->family }, { "given-name", args->given },
      { "family-reading", args->family_reading }, { "given-reading", args->given_reading },
      { "organization", args->organization }, { "profession", args->profession },
      { "job-title", args->job_title }, { "email", args->email }, { "phone", args->phone },
      { "introduction", args->introduction }, { "wish", args->wish },
    };

    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      if (fields[i].value != NULL)
        g_object_set (member, fields[i].property, fields[i].value, NULL);
  }
  if (args->consent != NULL)
    g_object_set (member, "consent", ts_enum_parse_nick (TS_TYPE_CONSENT, args->consent), NULL);
  if (args->home != 0)
    g_object_set (member, "home-chapter-id", args->home, NULL);
  if (args->referred_by != 0)
    g_object_set (member, "referred-by", args->referred_by, NULL);
}

int
ts_cli_member_add (int    argc,
                   char **argv)
{
  g_autoptr(TsMember) member = ts_member_new ();
  g_auto(MemberArgs) args = { 0 };
  const GOptionEntry entries[] = { MEMBER_ENTRIES (args), { NULL } };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("member add", NULL, _("Adds a member."), entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (args.consent != NULL && ts_enum_parse_nick (TS_TYPE_CONSENT, args.consent) < 0)
    return ts_cli_usage_error (_("Roster consent is full, name-organization or none."));
  apply_member_args (member, &args);
  if (!ts_validate_member (member, &error))
    return ts_cli_usage_error ("%s", error->message);
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if (!ts_repository_save_member (repository, member, &error))
    return save_failed (repository, error);
  g_print ("%" G_GINT64_FORMAT "\n", member->id);
  return TS_CLI_OK;
}

/* Read, change and write in one write transaction, so that another
 * process's change in between is not overwritten. */
static gboolean
edit_member (TsRepository  *repository,
             gint64         id,
             MemberArgs    *args,
             GError       **error)
{
  TsDatabase *database = ts_repository_get_database (repository);
  g_autoptr(TsMember) member = NULL;

  if (!ts_database_begin (database, error))
    return FALSE;
  member = ts_repository_get_member (repository, id, NULL);
  if (member == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no member number %s."), number);
      ts_database_rollback (database);
      return FALSE;
    }
  apply_member_args (member, args);
  if (!ts_validate_member (member, error) ||
      !ts_repository_save_member (repository, member, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  return ts_database_commit (database, error);
}

int
ts_cli_member_edit (int    argc,
                    char **argv)
{
  g_auto(MemberArgs) args = { 0 };
  const GOptionEntry entries[] = { MEMBER_ENTRIES (args), { NULL } };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("member edit", _("ID"),
                           _("Changes the given fields of a member, and leaves the others."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  gint64 id;
  int status;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (argc != 2 || (id = g_ascii_strtoll (argv[1], &end, 10)) <= 0 || *end != '\0')
    return ts_cli_usage_error (_("Give the number of the member to change."));
  if (args.consent != NULL && ts_enum_parse_nick (TS_TYPE_CONSENT, args.consent) < 0)
    return ts_cli_usage_error (_("Roster consent is full, name-organization or none."));
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if (!edit_member (repository, id, &args, &error))
    return save_failed (repository, error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return TS_CLI_OK;
}

/* --paid and --paid=AMOUNT: the value is optional, so it comes through
 * a callback, which GOption gives no data of its own. */
static struct {
  gboolean paid;
  gint64   amount;      /* -1: what the attendee owes */
  gboolean bad_amount;
} paid_option;

static gboolean
parse_paid_cb (const char  *option_name,
               const char  *value,
               gpointer     data,
               GError     **error)
{
  paid_option.paid = TRUE;
  paid_option.amount = -1;
  if (value != NULL && !ts_fees_parse_amount (value, &paid_option.amount))
    paid_option.bad_amount = TRUE;
  return TRUE;
}

/* The status, then the payment, in one transaction. With no status
 * given, a payment keeps the status of someone already on the list and
 * registers anyone else. Returns the attendance's id, 0 on error. */
static gint64
attend (TsRepository  *repository,
        gint64         event_id,
        gint64         member_id,
        int            status,
        GError       **error)
{
  TsDatabase *database = ts_repository_get_database (repository);
  g_autoptr(TsAttendance) attendance = NULL;
  g_autoptr(TsPayment) before = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!ts_database_begin (database, error))
    return 0;
  if (status < 0)
    {
      before = ts_repository_record_payment (repository, event_id, member_id,
                                             paid_option.amount, &local_error);
      if (before == NULL &&
          !g_error_matches (local_error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      status = TS_ATTENDANCE_STATUS_REGISTERED;
    }
  if (before == NULL &&
      ((attendance = ts_repository_set_attendance (repository, event_id, member_id,
                                                   status, error)) == NULL ||
       (paid_option.paid &&
        (before = ts_repository_record_payment (repository, event_id, member_id,
                                                paid_option.amount, error)) == NULL)))
    goto fail;
  if (!ts_database_commit (database, error))
    goto fail;
  return before != NULL ? before->attendance_id : attendance->id;

fail:
  ts_database_rollback (database);
  return 0;
}

int
ts_cli_attend (int    argc,
               char **argv)
{
  gint64 event_id = 0, member_id = 0;
  g_autofree char *attendance_status = NULL;
  const GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &event_id, N_("Event number (required)"), N_("ID") },
    { "member", 'm', 0, G_OPTION_ARG_INT64, &member_id, N_("Member number (required)"), N_("ID") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &attendance_status,
      N_("registered (default), attended, walk-in, no-show or cancelled"), N_("STATUS") },
    { "paid", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, parse_paid_cb,
      N_("Record a payment, of AMOUNT yen or of what they owe"), N_("AMOUNT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("attend", NULL,
                           _("Registers a member for an event, or changes their status."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(TsMember) member = NULL;
  g_autoptr(GError) error = NULL;
  int status, attendance_value = TS_ATTENDANCE_STATUS_REGISTERED;
  gint64 attendance_id;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  /* "--paid 4000" as well as "--paid=4000": GOption leaves the amount of
   * an optional value as an argument. */
  if (argc == 2 && paid_option.paid && paid_option.amount < 0 &&
      ts_fees_parse_amount (argv[1], &paid_option.amount))
    argc = 1;
  if (argc > 1)
    return ts_cli_usage_error (_("Unexpected argument “%s”."), argv[1]);
  if (event_id <= 0 || member_id <= 0)
    return ts_cli_usage_error (_("--event and --member are required."));
  if (paid_option.bad_amount)
    return ts_cli_usage_error (_("--paid takes an amount of yen, such as 4000."));
  if (attendance_status != NULL)
    attendance_value = ts_enum_parse_nick (TS_TYPE_ATTENDANCE_STATUS, attendance_status);
  if (attendance_value < 0)
    return ts_cli_usage_error (_("--status takes registered, attended, walk-in, no-show or cancelled."));
  if (attendance_status == NULL && paid_option.paid)
    attendance_value = -1;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if ((event = ts_repository_get_event (repository, event_id, &error)) == NULL ||
      (member = ts_repository_get_member (repository, member_id, &error)) == NULL)
    return ts_cli_fail (error);
  attendance_id = attend (repository, event_id, member_id, attendance_value, &error);
  if (attendance_id == 0)
    return ts_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", attendance_id);
  return TS_CLI_OK;
}
