/* ts-cli-seating.c: tsudoi-cli seating: tables that mix people (席決め).
 *
 * With --tables, a new plan for everyone registered or present (those
 * locked to a table stay there), printed, and stored with --save; without
 * it, the plan stored with the event. --place seats one walk-in into the
 * stored plan without moving anyone. -o writes the table plan, --cards
 * the table cards, both as PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-cli-progress.h"
#include "ts-render.h"
#include "ts-seating-guests.h"
#include "ts-text-clean.h"

#define MAX_TABLES 200
#define MAX_SEATS  200

typedef struct {
  gint64    event_id;
  gint      tables;
  gint      seats;
  gint64    seed;
  gint64    place;
  char     *format;
  char     *output;
  char     *cards;
  gboolean  save;
} SeatingArgs;

static void
seating_args_clear (SeatingArgs *args)
{
  g_clear_pointer (&args->format, g_free);
  g_clear_pointer (&args->output, g_free);
  g_clear_pointer (&args->cards, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SeatingArgs, seating_args_clear)

static int
check_args (const SeatingArgs *args,
            gboolean          *csv)
{
  int status;

  if (args->event_id <= 0)
    return ts_cli_usage_error (_("Give the event with --event ID."));
  if (args->tables < 0 || args->tables > MAX_TABLES)
    return ts_cli_usage_error (_("--tables takes a number from 1 to %d."), MAX_TABLES);
  if (args->seats < 0 || args->seats > MAX_SEATS)
    return ts_cli_usage_error (_("--seats takes a number from 1 to %d."), MAX_SEATS);
  if (args->seed < 0 || args->seed > G_MAXUINT32)
    return ts_cli_usage_error (_("--seed takes a number from 0 to %u."), G_MAXUINT32);
  if (args->place < 0 || (args->place > 0 && (args->tables > 0 || args->save)))
    return ts_cli_usage_error (_("--place seats one person into the stored plan: give it without --tables and --save."));
  if ((status = ts_cli_parse_format (args->format, csv)) != TS_CLI_OK)
    return status;
  if ((args->output && !ts_cli_output_allowed (args->output)) ||
      (args->cards && !ts_cli_output_allowed (args->cards)))
    return TS_CLI_FAILED;
  return TS_CLI_OK;
}

/* ---- output ------------------------------------------------------------ */

static const char *
role_text (const TsSeatingGuest *guest)
{
  if (guest->role == TS_ATTENDANCE_ROLE_ORGANIZER)
    return C_("attendance role", "Organizer");
  return ts_regulars_mark_label (guest->mark);
}

/* A table's mix, as one line: how many, professions, first-timers, hosts,
 * organizations repeated. */
static char *
mix_text (const TsSeatingGuests *guests,
          const guint           *tables,
          guint                  table)
{
  g_autoptr(GHashTable) professions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) organizations = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0, first = 0, hosts = 0, repeats = 0;
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < guests->n_guests; i++)
    {
      const TsSeatingPerson *person = &guests->people[i];

      if (tables[i] != table)
        continue;
      n++;
      first += person->first_timer;
      hosts += person->host;
      if (*person->profession != '\0')
        g_hash_table_add (professions, (gpointer) person->profession);
      if (*person->organization_key != '\0' &&
          !g_hash_table_add (organizations, (gpointer) person->organization_key))
        repeats++;
    }
  /* Translators: the parts of a table's mix are joined by " · ":
   * "8 人 · 職種 6 · 初参加 1 · 常連・世話人 2". */
  g_string_append_printf (text, ngettext ("%u person", "%u people", n), n);
  g_string_append (text, " · ");
  g_string_append_printf (text, ngettext ("%u profession", "%u professions",
                                          g_hash_table_size (professions)),
                          g_hash_table_size (professions));
  g_string_append (text, " · ");
  g_string_append_printf (text, ngettext ("%u first-timer", "%u first-timers", first), first);
  g_string_append (text, " · ");
  g_string_append_printf (text, ngettext ("%u regular or organizer", "%u regulars or organizers",
                                          hosts), hosts);
  if (repeats > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, ngettext ("%u more of one organization",
                                              "%u more of one organization", repeats), repeats);
    }
  return g_string_free (text, FALSE);
}

static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
pad_cell (GString    *line,
          const char *text,
          guint       width)
{
  g_autofree char *clean = ts_text_clean (text, FALSE);

  g_string_append (line, clean);
  for (guint pad = display_width (clean); pad < width + 2; pad++)
    g_string_append_c (line, ' ');
}

static void
print_text (const TsSeatingGuests *guests,
            const guint           *tables,
            guint                  n_tables)
{
  guint widths[2] = { 0, 0 }, unseated = 0;

  for (guint i = 0; i < guests->n_guests; i++)
    {
      unseated += tables[i] == 0;
      widths[0] = MAX (widths[0], display_width (guests->guests[i].name));
      widths[1] = MAX (widths[1], display_width (guests->guests[i].organization));
    }
  for (guint table = 1; table <= n_tables + 1; table++)
    {
      guint t = table <= n_tables ? table : 0;
      g_autofree char *mix = mix_text (guests, tables, t);
      g_autofree char *heading = t > 0 ? g_strdup_printf (_("Table %u"), t)
                                       : g_strdup (_("Not seated yet"));

      if (t == 0 && unseated == 0)
        continue;
      g_print ("%s%s — %s\n", table > 1 ? "\n" : "", heading, mix);
      for (guint i = 0; i < guests->n_guests; i++)
        {
          const TsSeatingGuest *guest = &guests->guests[i];
          g_autoptr(GString) line = g_string_new ("  ");

          if (tables[i] != t)
            continue;
          pad_cell (line, guest->name, widths[0]);
          pad_cell (line, guest->organization, widths[1]);
          g_string_append (line, guest->profession);
          if (*role_text (guest) != '\0')
            g_string_append_printf (line, "  [%s]", role_text (guest));
          g_print ("%s\n", g_strchomp (line->str));
        }
    }
}

static void
print_quality (const TsSeatingGuests *guests,
               const guint           *tables,
               guint                  n_tables)
{
  TsSeatingQuality quality;

  ts_seating_measure (guests->people, tables, guests->n_guests, n_tables, &quality);
  g_print ("\n");
  /* Translators: after the plan: people of one organization who share a
   * table, and how many of those no plan could avoid. */
  g_print (_("Same organization at a table: %1$u (unavoidable: %2$u)"),
           quality.org_repeats, quality.org_repeats_unavoidable);
  g_print ("\n");
  /* Translators: distinct professions at a table, on average and at the
   * least mixed table. */
  g_print (_("Professions per table: %1$.1f on average, at least %2$u"),
           quality.professions_mean, quality.professions_min);
  g_print ("\n");
  if (quality.hostless_first_timers > 0)
    {
      g_print (_("First-timers at a table without a regular or organizer: %u"),
               quality.hostless_first_timers);
      g_print ("\n");
    }
}

/* CSV: one row a person, table by table; the column names are fixed for
 * scripts. */
static void
print_csv (const TsSeatingGuests *guests,
           const guint           *tables,
           guint                  n_tables)
{
  static const char * const headers[] = { "table", "member", "name", "organization",
                                          "profession", NULL };
  g_autoptr(TsCliTable) table = ts_cli_table_new (TRUE, headers);

  for (guint t = 1; t <= n_tables + 1; t++)
    for (guint i = 0; i < guests->n_guests; i++)
      {
        const TsSeatingGuest *guest = &guests->guests[i];
        g_autofree char *number = NULL;
        g_autofree char *member = NULL;

        if (tables[i] != (t <= n_tables ? t : 0))
          continue;
        number = g_strdup_printf ("%u", tables[i]);
        member = g_strdup_printf ("%" G_GINT64_FORMAT, guest->member_id);
        ts_cli_table_add (table, (const char * const[]) { number, member, guest->name,
                                                          guest->organization, guest->profession,
                                                          NULL });
      }
  ts_cli_table_print (table);
}

static gboolean
write_pdf (TsRepository          *repository,
           const TsSeatingGuests *guests,
           const guint           *tables,
           guint                  n_tables,
           TsPrintKind            kind,
           const char            *path,
           GError               **error)
{
  g_autofree gint64 *ids = g_new0 (gint64, MAX (guests->n_guests, 1));
  TsPrintSeating seating = { n_tables, guests->n_guests, ids, tables };
  g_autoptr(TsPrintJob) job = NULL;
  TsPrintOptions options;
  TsCliProgress *progress;
  gboolean ok;

  for (guint i = 0; i < guests->n_guests; i++)
    ids[i] = guests->guests[i].member_id;
  ts_print_options_init (&options, kind);
  job = ts_print_job_load_seating (repository, guests->event_id, &options, &seating, error);
  if (job == NULL)
    return FALSE;
  progress = ts_cli_progress_new_writing (path);
  ok = ts_render_write_pdf (job, path, ts_cli_progress_count, progress, NULL, error);
  ts_cli_progress_free (progress);
  return ok;
}

/* ---- plans ------------------------------------------------------------- */

/* --place: the stored plan and one more, seated where they fit best. */
static int
place_walk_in (TsRepository    *repository,
               TsSeatingGuests *guests,
               gint64           member_id)
{
  g_autofree guint *tables = ts_seating_guests_stored_tables (guests);
  TsSeatingOptions options = { guests->n_tables, guests->seats, 0 };
  g_autoptr(GError) error = NULL;
  TsSeat seat = { member_id, 0, FALSE };
  int index = -1;

  for (guint i = 0; i < guests->n_guests; i++)
    if (guests->guests[i].member_id == member_id)
      index = (int) i;
  if (guests->n_tables == 0)
    return ts_cli_usage_error (_("This event has no seating plan yet: make one with --tables N --save."));
  if (index < 0)
    {
      g_printerr (_("This member is not on the event’s list."));
      g_printerr ("\n");
      return TS_CLI_FAILED;
    }
  /* Locked by the organizer: that is their table. */
  if (guests->guests[index].locked)
    {
      g_print (_("%1$s: table %2$u"), guests->guests[index].name, guests->guests[index].table);
      g_print ("\n");
      return TS_CLI_OK;
    }
  /* Whoever they are, they are not seated yet as far as the others go. */
  tables[index] = 0;
  seat.table = ts_seating_place_walk_in (guests->people, tables, guests->n_guests,
                                         &guests->people[index], &options, &error);
  if (seat.table == 0 || !ts_repository_set_seat (repository, guests->event_id, &seat, &error))
    return ts_cli_fail (error);
  g_print (_("%1$s: table %2$u"), guests->guests[index].name, seat.table);
  g_print ("\n");
  return TS_CLI_OK;
}

static guint *
make_or_read_plan (TsRepository     *repository,
                   TsSeatingGuests  *guests,
                   const SeatingArgs *args,
                   TsSeatingOptions *options,
                   int              *status)
{
  g_autoptr(GError) error = NULL;
  guint *tables;

  *status = TS_CLI_OK;
  if (args->tables == 0)
    {
      if (guests->n_tables == 0)
        {
          *status = ts_cli_usage_error (_("This event has no seating plan yet: give the number of tables with --tables N."));
          return NULL;
        }
      options->n_tables = guests->n_tables;
      options->seats = guests->seats;
      return ts_seating_guests_stored_tables (guests);
    }
  options->n_tables = (guint) args->tables;
  options->seats = (guint) args->seats;
  options->seed = (guint32) args->seed;
  tables = ts_seating_plan (guests->people, guests->n_guests, options, &error);
  if (tables == NULL ||
      (args->save && !ts_seating_guests_save (repository, guests, tables, options, &error)))
    {
      g_free (tables);
      *status = ts_cli_fail (error);
      return NULL;
    }
  return tables;
}

static int
run (TsRepository      *repository,
     const SeatingArgs *args,
     gboolean           csv)
{
  g_autoptr(TsSeatingGuests) guests = NULL;
  g_autofree guint *tables = NULL;
  g_autoptr(GError) error = NULL;
  TsSeatingOptions options = { 0 };
  int status;

  if ((guests = ts_seating_guests_load (repository, args->event_id, &error)) == NULL)
    return ts_cli_fail (error);
  if (args->place > 0)
    return place_walk_in (repository, guests, args->place);
  if ((tables = make_or_read_plan (repository, guests, args, &options, &status)) == NULL)
    return status;
  if (csv)
    print_csv (guests, tables, options.n_tables);
  else
    {
      print_text (guests, tables, options.n_tables);
      print_quality (guests, tables, options.n_tables);
    }
  if ((args->output && !write_pdf (repository, guests, tables, options.n_tables,
                                   TS_PRINT_TABLE_PLAN, args->output, &error)) ||
      (args->cards && !write_pdf (repository, guests, tables, options.n_tables,
                                  TS_PRINT_TABLE_CARDS, args->cards, &error)))
    return ts_cli_fail (error);
  return TS_CLI_OK;
}

int
ts_cli_seating (int    argc,
                char **argv)
{
  g_auto(SeatingArgs) args = { .seed = 1 };
  const GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &args.event_id, N_("Event number (required)"), N_("ID") },
    { "tables", 't', 0, G_OPTION_ARG_INT, &args.tables,
      N_("Make a new plan for this many tables (default: show the stored plan)"), N_("N") },
    { "seats", 0, 0, G_OPTION_ARG_INT, &args.seats, N_("Seats at each table (default: no limit)"), N_("M") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &args.seed,
      N_("Another number gives another plan as good (default 1)"), N_("S") },
    { "save", 0, 0, G_OPTION_ARG_NONE, &args.save, N_("Store the new plan with the event"), NULL },
    { "place", 0, 0, G_OPTION_ARG_INT64, &args.place,
      N_("Seat this member (a walk-in) where they fit best in the stored plan, moving nobody"),
      N_("MEMBER") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args.format, N_("text (default) or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("Write the table plan as PDF"), N_("FILE") },
    { "cards", 0, 0, G_OPTION_ARG_FILENAME, &args.cards, N_("Write the table cards as PDF"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = ts_cli_option_context ("seating", NULL,
    _("Seats the people of an event at tables that mix professions and organizations."), entries);
  g_autoptr(TsRepository) repository = NULL;
  gboolean csv = FALSE;
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK ||
      (status = check_args (&args, &csv)) != TS_CLI_OK)
    return status;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  return run (repository, &args, csv);
}
