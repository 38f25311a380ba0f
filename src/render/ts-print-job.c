/* ts-print-job.c: what one printout shows, as plain data.
 *
 * Privacy is decided here, once: a field a member did not allow, or a
 * contact field outside the organizer copy, is never copied into the job,
 * so no drawing code can print it by mistake.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ts-date.h"
#include "ts-print-job.h"
#include "ts-text.h"

G_DEFINE_QUARK (ts-print-error-quark, ts_print_error)

void
ts_print_options_init (TsPrintOptions *options,
                       TsPrintKind     kind)
{
  memset (options, 0, sizeof *options);
  options->kind = kind;
  /* The round of introductions goes table by table, or as people came
   * in when nobody is seated. */
  options->sort = kind == TS_PRINT_INTRO_SHEET ? TS_PRINT_SORT_TABLE : TS_PRINT_SORT_READING;
  /* A roster exists so that everyone knows who each person is and what
   * they do: both it and the addendum show the introductions. Both carry
   * the marks (TS_ROSTER_ALL has them): at the reception desk they tell
   * who to welcome, introduce or greet as an old friend. */
  options->columns = TS_ROSTER_ALL;
  options->statuses = TS_PRINT_DEFAULT_STATUSES;
  options->start_slot = 1;
  options->badge_sheet = TS_SHEET_BUSINESS_CARD_10;
}

gboolean
ts_print_kind_from_name (const char  *name,
                         TsPrintKind *kind)
{
  int value = ts_enum_parse_nick (TS_TYPE_PRINT_KIND, name);

  if (value < 0)
    return FALSE;
  *kind = (TsPrintKind) value;
  return TRUE;
}

const char *
ts_print_kind_title (TsPrintKind kind)
{
  switch (kind)
    {
    case TS_PRINT_ROSTER:
      return _("Participant Roster");
    case TS_PRINT_CARDS:
      return _("Introduction Cards");
    case TS_PRINT_BADGES:
      return _("Name Badges");
    case TS_PRINT_ADDENDUM:
      return _("Walk-in Addendum");
    case TS_PRINT_TABLE_PLAN:
      return _("Table Plan");
    case TS_PRINT_TABLE_CARDS:
      return _("Table Cards");
    case TS_PRINT_INTRO_SHEET:
      /* Translators: the MC's sheet for the round of self-introductions:
       * "自己紹介 司会用". */
      return _("Introductions: MC Sheet");
    default:
      g_return_val_if_reached ("");
    }
}

/* "organization,profession,introduction" or "all": the nicks of
 * TsRosterColumns. */
gboolean
ts_print_columns_parse (const char  *text,
                        guint       *columns,
                        GError     **error)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (TS_TYPE_ROSTER_COLUMNS);
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *columns = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      GFlagsValue *value;

      if (*part == '\0')
        continue;
      value = g_flags_get_value_by_nick (klass, part);
      if (value != NULL)
        *columns |= value->value;
      else
        {
          g_set_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_NOT_FOUND,
                       /* Translators: the list of names is not translated. */
                       _("Unknown column “%s”. Use reading, organization, profession, referrer, first-time, introduction, marks or all."),
                       part);
          return FALSE;
        }
    }
  return TRUE;
}

static void
entry_free (TsPrintEntry *entry)
{
  g_free (entry->name);
  g_free (entry->family_name);
  g_free (entry->given_name);
  g_free (entry->reading);
  g_free (entry->family_reading);
  g_free (entry->given_reading);
  g_free (entry->organization);
  g_free (entry->profession);
  g_free (entry->job_title);
  g_free (entry->referrer);
  g_free (entry->introduction);
  g_free (entry->wish);
  g_free (entry->email);
  g_free (entry->phone);
  g_free (entry->checked_in_at);
  g_free (entry);
}

void
ts_print_job_free (TsPrintJob *job)
{
  if (job == NULL)
    return;
  g_free (job->document_title);
  g_free (job->chapter);
  g_free (job->event_title);
  g_free (job->when);
  g_free (job->venue);
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  if (job->render_cache != NULL)
    job->render_cache_free (job->render_cache);
  g_free (job);
}

/* What the renderer works out once per job (column widths, page
 * breaks): made by @make on first use, by whichever thread draws first,
 * and freed with the job. */
gconstpointer
ts_print_job_get_render_cache (const TsPrintJob  *job,
                               gpointer         (*make) (const TsPrintJob *job),
                               GDestroyNotify     free_func)
{
  TsPrintJob *mutable_job = (TsPrintJob *) job;

  if (g_once_init_enter (&mutable_job->render_cache))
    {
      mutable_job->render_cache_free = free_func;
      g_once_init_leave (&mutable_job->render_cache, make (job));
    }
  return job->render_cache;
}

/* Referrers are looked up once each: many people are brought by the same
 * few regulars. */
static char *
lookup_referrer (TsRepository *repository,
                 GHashTable   *cache,
                 gint64        member_id)
{
  const char *name = g_hash_table_lookup (cache, &member_id);
  g_autoptr(TsMember) referrer = NULL;
  gint64 *key;

  if (name != NULL)
    return g_strdup (name);
  referrer = ts_repository_get_member (repository, member_id, NULL);
  key = g_new (gint64, 1);
  *key = member_id;
  /* A referrer who did not consent is not named to others either. */
  if (referrer == NULL || referrer->consent == TS_CONSENT_NONE)
    g_hash_table_insert (cache, key, g_strdup (""));
  else
    g_hash_table_insert (cache, key, ts_member_dup_name (referrer));
  return g_strdup (g_hash_table_lookup (cache, key));
}

/* Blank lines cost a whole line on a card; one line break is enough. */
static char *
squeeze_blank_lines (const char *text)
{
  g_autoptr(GRegex) blank = g_regex_new ("\\n[ \\t\u3000]*(\\n[ \\t\u3000]*)+", 0, 0, NULL);

  if (text == NULL)
    return NULL;
  return g_strstrip (g_regex_replace_literal (blank, text, -1, 0, "\n", 0, NULL));
}

/* Readings print as a Japanese roster prints them, in full-width
 * hiragana, however they were typed (ﾀｶｻｷ, タカサキ). */
static char *
dup_hiragana (const char *reading)
{
  return reading != NULL && *reading != '\0' ? ts_text_to_hiragana (reading) : NULL;
}

static void
fill_names (TsPrintEntry *entry,
            TsMember     *member)
{
  entry->name = ts_member_dup_name (member);
  entry->family_name = g_strdup (member->family_name);
  entry->given_name = g_strdup (member->given_name);
  entry->family_reading = dup_hiragana (member->family_reading);
  entry->given_reading = dup_hiragana (member->given_reading);
  entry->reading = ts_text_join_name (entry->family_reading, entry->given_reading, "\u3000");
}

static TsPrintEntry *
make_entry (TsRepository         *repository,
            GHashTable           *referrers,
            TsAttendance         *attendance,
            const TsPrintOptions *options,
            const TsRegulars     *regulars,
            const char           *starts_at)
{
  TsMember *member = attendance->member;
  TsPrintEntry *entry = g_new0 (TsPrintEntry, 1);
  gboolean full = options->organizer_copy || member->consent == TS_CONSENT_FULL;

  entry->member_id = member->id;
  entry->unlisted = member->consent == TS_CONSENT_NONE;
  entry->walk_in = attendance->status == TS_ATTENDANCE_STATUS_WALK_IN;
  entry->present = ts_attendance_is_present (attendance);
  entry->table = (guint) CLAMP (attendance->seat_table, 0, G_MAXUINT);
  fill_names (entry, member);
  /* The table plan and cards are read by everyone at the meeting: someone
   * not listed is there by their name alone, not how to read it. */
  if (entry->unlisted && ts_print_kind_is_seating (options->kind) && !options->organizer_copy)
    {
      g_clear_pointer (&entry->reading, g_free);
      g_clear_pointer (&entry->family_reading, g_free);
      g_clear_pointer (&entry->given_reading, g_free);
    }
  /* Someone not listed still gets their own badge and card, with their
   * name only. */
  entry->organization = g_strdup (member->organization && (!entry->unlisted || options->organizer_copy)
                                  ? member->organization : "");
  entry->checked_in_at = g_strdup (attendance->checked_in_at ? attendance->checked_in_at : "");
  if (full)
    {
      entry->profession = g_strdup (member->profession);
      entry->job_title = g_strdup (member->job_title);
      entry->introduction = squeeze_blank_lines (member->introduction);
      entry->wish = squeeze_blank_lines (member->wish);
      entry->first_time = attendance->first_time;
      /* The mark is attendance history, like the first-time flag: only for
       * those who let others see more than their name. */
      if (regulars != NULL)
        entry->mark = ts_regulars_mark (regulars, member->id, starts_at);
      if (member->referred_by != 0)
        entry->referrer = lookup_referrer (repository, referrers, member->referred_by);
    }
  if (options->organizer_copy)
    {
      entry->email = g_strdup (member->email);
      entry->phone = g_strdup (member->phone);
    }
  return entry;
}

typedef struct {
  TsPrintEntry *entry;
  GBytes       *key;
  guint         index;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *x = a, *y = b;
  int result = x->key && y->key ? ts_text_compare_keys (x->key, y->key) : 0;

  return result != 0 ? result : (int) x->index - (int) y->index;
}

static int
compare_numbers (gconstpointer a,
                 gconstpointer b)
{
  const TsPrintEntry *x = *(TsPrintEntry * const *) a, *y = *(TsPrintEntry * const *) b;

  return (int) x->number - (int) y->number;
}

/* Seated people by table number, the unseated (0) after them; stable,
 * so each table keeps the order the entries were in. */
static void
sort_by_table (GPtrArray *entries)
{
  g_autofree TsPrintEntry **by_table = g_new (TsPrintEntry *, entries->len);
  guint n = 0, last = 0;

  for (guint i = 0; i < entries->len; i++)
    last = MAX (last, ((TsPrintEntry *) g_ptr_array_index (entries, i))->table);
  /* Tables are few (one per 6 to 8 people): one pass per table. */
  for (guint table = 1; table <= last; table++)
    for (guint i = 0; i < entries->len; i++)
      if (((TsPrintEntry *) g_ptr_array_index (entries, i))->table == table)
        by_table[n++] = g_ptr_array_index (entries, i);
  for (guint i = 0; i < entries->len; i++)
    if (((TsPrintEntry *) g_ptr_array_index (entries, i))->table == 0)
      by_table[n++] = g_ptr_array_index (entries, i);
  g_assert (n == entries->len);
  memcpy (entries->pdata, by_table, n * sizeof *by_table);
}

/* In number order by default: registrants in 五十音順, then the walk-ins
 * as they came. The other orders are stable sorts on top of it. */
static void
sort_entries (GPtrArray   *entries,
              TsPrintSort  sort)
{
  g_autofree SortItem *items = NULL;

  g_ptr_array_sort (entries, compare_numbers);
  if (sort == TS_PRINT_SORT_READING || entries->len == 0)
    return;
  if (sort == TS_PRINT_SORT_TABLE)
    {
      /* Arrival order inside each table: sorted by arrival first, then
       * stably by table. */
      sort_entries (entries, TS_PRINT_SORT_CHECK_IN);
      sort_by_table (entries);
      return;
    }
  items = g_new0 (SortItem, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      TsPrintEntry *entry = g_ptr_array_index (entries, i);
      const char *field = sort == TS_PRINT_SORT_PROFESSION ? entry->profession
                                                           : entry->checked_in_at;

      items[i].entry = entry;
      items[i].index = i;
      /* Empty values (no profession, not arrived yet) go last. */
      if (field == NULL || *field == '\0')
        items[i].key = g_bytes_new ("\xff", 1);
      else if (sort == TS_PRINT_SORT_PROFESSION)
        items[i].key = ts_text_sort_key (NULL, field);
      else
        items[i].key = g_bytes_new (field, strlen (field));
    }
  qsort (items, entries->len, sizeof *items, compare_items);
  for (guint i = 0; i < entries->len; i++)
    {
      entries->pdata[i] = items[i].entry;
      g_bytes_unref (items[i].key);
    }
}

static gboolean
fill_event (TsPrintJob   *job,
            TsRepository *repository,
            gint64        event_id,
            TsEvent     **event_out,
            GError      **error)
{
  g_autoptr(TsEvent) event = ts_repository_get_event (repository, event_id, NULL);
  g_autoptr(TsChapter) chapter = NULL;
  g_autofree char *day = NULL;

  if (event == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, event_id);

      g_set_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_NOT_FOUND,
                   _("There is no event number %s."), number);
      return FALSE;
    }
  chapter = ts_repository_get_chapter (repository, event->chapter_id, NULL);
  job->chapter = g_strdup (chapter ? chapter->name : "");
  job->event_title = g_strdup (event->title ? event->title : "");
  job->when = ts_date_format_range_wareki (event->starts_at, event->ends_at,
                                           job->options.wareki);
  job->venue = g_strdup (event->venue ? event->venue : "");
  {
    g_autoptr(GDateTime) start = ts_date_parse (event->starts_at);

    if (start == NULL)
      day = g_strdup ("");
    else if (job->options.wareki && ts_date_wareki_available ())
      day = ts_date_format_day_wareki (start);
    else
      day = ts_date_format_day (start);
  }
  /* Translators: the PDF title: kind of printout, chapter, day. */
  job->document_title = g_strdup_printf (_("%1$s %2$s %3$s"),
                                         ts_print_kind_title (job->options.kind),
                                         job->chapter, day);
  *event_out = g_steal_pointer (&event);
  return TRUE;
}

/* The chapter's history, read once for the whole job (one query), so each
 * row's mark is a lookup in memory. NULL with no error when the marks are
 * not printed. */
static TsRegulars *
load_regulars (TsRepository         *repository,
               const TsEvent        *event,
               const TsPrintOptions *options,
               GError              **error)
{
  TsRegularsOptions analysis;

  if ((options->columns & TS_ROSTER_MARKS) == 0 ||
      (options->kind != TS_PRINT_ROSTER && options->kind != TS_PRINT_ADDENDUM &&
       options->kind != TS_PRINT_TABLE_PLAN) ||
      event->starts_at == NULL)
    return NULL;
  ts_regulars_options_init (&analysis);
  if (options->regulars_min_present > 0)
    analysis.min_present = options->regulars_min_present;
  if (options->regulars_window > 0)
    analysis.window = options->regulars_window;
  return ts_regulars_compute (repository, event->chapter_id, &analysis, error);
}

typedef struct {
  TsAttendance *attendance;
  guint         position;
} Arrival;

/* Arrival time, then the order they were entered; not yet arrived last. */
static int
compare_arrivals (gconstpointer a,
                  gconstpointer b)
{
  const Arrival *x = a, *y = b;
  const char *tx = x->attendance->checked_in_at, *ty = y->attendance->checked_in_at;
  gboolean has_x = tx != NULL && *tx != '\0', has_y = ty != NULL && *ty != '\0';
  int result;

  if (has_x != has_y)
    return has_x ? -1 : 1;
  if (has_x && (result = strcmp (tx, ty)) != 0)
    return result;
  return x->attendance->id < y->attendance->id ? -1 : x->attendance->id > y->attendance->id;
}

/* One number per person for every document of the event, so that
 * "No. 10 の方" works out loud with any printout in hand: it never depends
 * on the kind of document, the sort, the statuses chosen or the copy.
 * Everyone who registered (and did not cancel) is numbered first, in
 * 五十音順 (the list's order); walk-ins follow in order of arrival, so a
 * reprint later in the evening keeps the numbers already read out; the
 * cancelled come last, only if asked for. */
static guint *
number_people (GListModel *list)
{
  guint n = g_list_model_get_n_items (list), next = 1;
  g_autofree guint *numbers = g_new0 (guint, MAX (n, 1));
  g_autoptr(GArray) walk_ins = g_array_new (FALSE, FALSE, sizeof (Arrival));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);
      guint flag = TS_ATTENDANCE_STATUS_FLAG (attendance->status);

      if (flag == TS_PRINT_WALK_IN)
        {
          Arrival arrival = { g_object_ref (attendance), i };

          g_array_append_val (walk_ins, arrival);
        }
      else if (flag != TS_PRINT_CANCELLED)
        numbers[i] = next++;
    }
  g_array_sort (walk_ins, compare_arrivals);
  for (guint i = 0; i < walk_ins->len; i++)
    {
      Arrival *arrival = &g_array_index (walk_ins, Arrival, i);

      numbers[arrival->position] = next++;
      g_object_unref (arrival->attendance);
    }
  for (guint i = 0; i < n; i++)
    if (numbers[i] == 0)
      numbers[i] = next++;
  return g_steal_pointer (&numbers);
}

/* Cards and badges are handed to the person themselves: everyone gets
 * theirs, with only what they allowed. Rosters are read by the others.
 * Everyone present introduces themselves, so the MC sheet names everyone,
 * but with no more than their name when they did not consent (see
 * make_entry()). */
static gboolean
shows_unlisted (const TsPrintOptions *options)
{
  /* Everyone has a seat: the table plan and cards name each person, with
   * only what they allowed. */
  return options->organizer_copy || options->kind == TS_PRINT_CARDS ||
         options->kind == TS_PRINT_BADGES || ts_print_kind_is_seating (options->kind) ||
         options->kind == TS_PRINT_INTRO_SHEET;
}

static void
set_empty_error (const TsPrintOptions *options,
                 GError              **error)
{
  if (options->kind == TS_PRINT_ADDENDUM)
    g_set_error_literal (error, TS_PRINT_ERROR, TS_PRINT_ERROR_EMPTY,
                         _("There are no walk-ins at this event yet, so there is no addendum to print."));
  else
    g_set_error_literal (error, TS_PRINT_ERROR, TS_PRINT_ERROR_EMPTY,
                         _("There is nobody to print for this event. Register attendees first, or include more statuses."));
}

TsPrintJob *
ts_print_job_load (TsRepository         *repository,
                   gint64                event_id,
                   const TsPrintOptions *options,
                   GError              **error)
{
  g_autoptr(TsPrintJob) job = g_new0 (TsPrintJob, 1);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(TsRegulars) regulars = NULL;
  g_autoptr(GError) regulars_error = NULL;
  g_autoptr(GHashTable) referrers = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, g_free);
  g_autofree guint *numbers = NULL;
  guint statuses = options->kind == TS_PRINT_ADDENDUM ? TS_PRINT_WALK_IN : options->statuses;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  job->options = *options;
  job->options.start_slot = MAX (options->start_slot, 1);
  /* The MC sheet is read aloud: never more than each person allowed. */
  if (options->kind == TS_PRINT_INTRO_SHEET)
    job->options.organizer_copy = FALSE;
  options = &job->options;
  job->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  if (!fill_event (job, repository, event_id, &event, error))
    return NULL;
  regulars = load_regulars (repository, event, options, &regulars_error);
  if (regulars_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&regulars_error));
      return NULL;
    }
  list = ts_repository_list_attendance (repository, event_id, error);
  if (list == NULL)
    return NULL;
  numbers = number_people (list);
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);
      TsPrintEntry *entry;

      if ((TS_ATTENDANCE_STATUS_FLAG (attendance->status) & statuses) == 0)
        continue;
      job->headcount++;
      if (attendance->member->consent == TS_CONSENT_NONE && !shows_unlisted (options))
        {
          job->n_unlisted++;
          continue;
        }
      entry = make_entry (repository, referrers, attendance, options, regulars,
                          event->starts_at);
      entry->number = numbers[i];
      g_ptr_array_add (job->entries, entry);
    }
  if (job->entries->len == 0)
    {
      set_empty_error (options, error);
      return NULL;
    }
  sort_entries (job->entries, options->sort);
  return g_steal_pointer (&job);
}
