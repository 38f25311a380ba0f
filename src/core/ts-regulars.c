/* ts-regulars.c: who keeps coming, who is new, who stopped.
 *
 * One query loads (event, member, status, date, chapter, profession) rows
 * into flat arrays; the analysis of a chapter is then a few passes over a
 * members × events byte matrix. A chapter of 10 years and 300 people is
 * 36,000 bytes, so nothing here needs to be clever.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-regulars"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-date-parse.h"
#include "ts-regulars.h"

/* Attendance status, a TsAttendanceStatus in a byte; ST_NONE where a
 * member has no attendance at an event. */
#define ST_NONE G_MAXUINT8
G_STATIC_ASSERT (TS_ATTENDANCE_STATUS_N < ST_NONE);

#define IS_PRESENT(st) ts_attendance_status_is_present (st)

typedef struct {
  gint64 id;
  gint64 chapter_id;
  char   starts_at[17];
  guint8 cancelled;
  guint8 held_status;
  guint8 has_present;   /* anybody marked present, whoever was loaded */
} SourceEvent;

typedef struct {
  gint64  id;
  char   *name;
  char   *organization;
  char   *email;
  char   *phone;
  guint   profession;
} SourceMember;

typedef struct {
  guint32 event;
  guint32 member;
  guint8  status;
} SourceRow;

struct _TsRegularsSource
{
  GArray       *events;       /* SourceEvent */
  GArray       *members;      /* SourceMember */
  GArray       *rows;         /* SourceRow, grouped by event */
  GPtrArray    *professions;  /* char * */
  /* Per member, the event of their first presence anywhere, for the
   * "today" it was computed with. */
  char          first_today[17];
  int          *first_anywhere;
};

void
ts_regulars_options_init (TsRegularsOptions *options)
{
  memset (options, 0, sizeof *options);
  options->min_present = TS_REGULARS_DEFAULT_MIN_PRESENT;
  options->window = TS_REGULARS_DEFAULT_WINDOW;
  options->lapse_after = TS_REGULARS_DEFAULT_LAPSE_AFTER;
}

static void
resolve_today (const TsRegularsOptions *options,
               char                     today[17])
{
  if (options->today[0] != '\0')
    {
      g_strlcpy (today, options->today, 17);
      return;
    }
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M");
  g_strlcpy (today, text, 17);
}

static int
month_of (const char *starts_at)
{
  int year = atoi (starts_at), month = atoi (starts_at + 5);

  return year * 12 + month - 1;
}

int
ts_regulars_until_index (const TsRegularsOptions *options)
{
  char today[17];

  if (options->until_year > 0)
    return options->until_year * 12 + options->until_month - 1;
  resolve_today (options, today);
  return month_of (today);
}

/* ---- Loading ----------------------------------------------------------- */

static guint8
parse_status (const char *status)
{
  int value = ts_enum_parse_nick (TS_TYPE_ATTENDANCE_STATUS, status);

  return value >= 0 ? (guint8) value : ST_NONE;
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static guint
intern_profession (TsRegularsSource *source,
                   GHashTable       *index,
                   const char       *name)
{
  gpointer value;

  if (g_hash_table_lookup_extended (index, name, NULL, &value))
    return GPOINTER_TO_UINT (value);
  g_ptr_array_add (source->professions, g_strdup (name));
  g_hash_table_insert (index, g_ptr_array_index (source->professions,
                                                 source->professions->len - 1),
                       GUINT_TO_POINTER (source->professions->len - 1));
  return source->professions->len - 1;
}

static guint32
add_member (TsRegularsSource *source,
            GHashTable       *professions,
            sqlite3_stmt     *stmt)
{
  SourceMember member = { sqlite3_column_int64 (stmt, 1) };
  const char *profession;
  const char *given = (const char *) sqlite3_column_text (stmt, 9);

  /* Family name first, with a full-width space, as on paper. */
  member.name = given != NULL && given[0] != '\0'
                ? g_strjoin ("\u3000", (const char *) sqlite3_column_text (stmt, 8), given, NULL)
                : dup_column (stmt, 8);
  member.organization = dup_column (stmt, 10);
  member.email = dup_column (stmt, 11);
  member.phone = dup_column (stmt, 12);
  profession = (const char *) sqlite3_column_text (stmt, 7);
  member.profession = intern_profession (source, professions, profession ? profession : "");
  g_array_append_val (source->members, member);
  return source->members->len - 1;
}

/* One statement, three shapes of row, told apart by the first column:
 *  kind 1, a member: member id, profession, family, given, organization,
 *          email, phone (columns 1 and 7 to 12);
 *  kind 2, an attendance: member id, event id, attendance status
 *          (columns 1, 2 and 6);
 *  kind 3, an event: event id, chapter, starts_at, status (columns 2 to 5).
 * Joining members and events to every attendance row would copy the same
 * names and dates 150,000 times on a big network; this way each is read
 * once and the attendance rows are three numbers and a word.
 * For one chapter: its members and their attendance there, plus their
 * presences at other chapters (for "first anywhere"). */
#define MEMBER_COLUMNS \
  "1, m.id, NULL, NULL, NULL, NULL, NULL, m.profession, m.family_name, m.given_name," \
  " m.organization, m.email, m.phone"
#define ROW_COLUMNS \
  "2, a.member_id, a.event_id, NULL, NULL, NULL, a.status, NULL, NULL, NULL, NULL, NULL, NULL"
#define EVENT_COLUMNS \
  "3, NULL, e.id, e.chapter_id, e.starts_at, e.status," \
  " EXISTS (SELECT 1 FROM attendance p WHERE p.event_id = e.id" \
  "   AND p.status IN (" TS_SQL_ATTENDED ", " TS_SQL_WALK_IN "))," \
  " NULL, NULL, NULL, NULL, NULL, NULL"
#define CHAPTER_MEMBERS \
  "(SELECT a2.member_id FROM attendance a2 JOIN event e2 ON e2.id = a2.event_id" \
  " WHERE e2.chapter_id = ?1)"

static const char chapter_sql[] =
  "SELECT " MEMBER_COLUMNS " FROM member m"
  " WHERE m.deleted_at IS NULL AND m.id IN " CHAPTER_MEMBERS
  " UNION ALL "
  "SELECT " EVENT_COLUMNS " FROM event e WHERE e.deleted_at IS NULL"
  " UNION ALL "
  "SELECT " ROW_COLUMNS " FROM attendance a"
  " WHERE a.event_id IN (SELECT e3.id FROM event e3 WHERE e3.chapter_id = ?1)"
  " UNION ALL "
  "SELECT " ROW_COLUMNS " FROM attendance a"
  " JOIN event e ON e.id = a.event_id"
  " WHERE e.chapter_id <> ?1 AND a.status IN (" TS_SQL_ATTENDED ", " TS_SQL_WALK_IN ")"
  " AND a.member_id IN " CHAPTER_MEMBERS;

/* For the marks of one event's list (ts_regulars_compute_for_event):
 * those people, with no names, the chapter's events and their presences
 * at them, found from the event's list through the (event, member)
 * index. A busy chapter's whole history is twice the rows and members. */
static const char event_sql[] =
  "SELECT 1, m.id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL"
  " FROM attendance x JOIN member m ON m.id = x.member_id"
  " WHERE x.event_id = ?2 AND m.deleted_at IS NULL"
  " UNION ALL "
  "SELECT " EVENT_COLUMNS " FROM event e WHERE e.deleted_at IS NULL AND e.chapter_id = ?1"
  " UNION ALL "
  "SELECT " ROW_COLUMNS " FROM attendance x"
  " JOIN attendance a ON a.member_id = x.member_id"
  " JOIN event e ON e.id = a.event_id"
  " WHERE x.event_id = ?2 AND e.chapter_id = ?1";

static const char network_sql[] =
  "SELECT " MEMBER_COLUMNS " FROM member m WHERE m.deleted_at IS NULL"
  " UNION ALL "
  "SELECT " EVENT_COLUMNS " FROM event e WHERE e.deleted_at IS NULL"
  " UNION ALL "
  "SELECT " ROW_COLUMNS " FROM attendance a";

static TsRegularsSource *
source_new (void)
{
  TsRegularsSource *source = g_new0 (TsRegularsSource, 1);

  source->events = g_array_new (FALSE, FALSE, sizeof (SourceEvent));
  source->members = g_array_new (FALSE, FALSE, sizeof (SourceMember));
  source->rows = g_array_new (FALSE, FALSE, sizeof (SourceRow));
  source->professions = g_ptr_array_new_with_free_func (g_free);
  return source;
}

static guint32
add_event (TsRegularsSource *source,
           GHashTable       *events,
           sqlite3_stmt     *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 2);
  TsEventStatus status = ts_column_enum (stmt, 5, TS_TYPE_EVENT_STATUS);
  SourceEvent event = { id, sqlite3_column_int64 (stmt, 3) };
  gpointer value;

  if (g_hash_table_lookup_extended (events, &id, NULL, &value))
    return GPOINTER_TO_UINT (value);
  g_strlcpy (event.starts_at, (const char *) sqlite3_column_text (stmt, 4),
             sizeof event.starts_at);
  event.cancelled = status == TS_EVENT_STATUS_CANCELLED;
  event.held_status = status == TS_EVENT_STATUS_HELD;
  event.has_present = sqlite3_column_int (stmt, 6) != 0;
  g_array_append_val (source->events, event);
  /* Keys point into the array, which may move: keep them as copies. */
  g_hash_table_insert (events, g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (source->events->len - 1));
  return source->events->len - 1;
}

/* An attendance row until its member and event are known. */
typedef struct {
  gint64  member_id;
  gint64  event_id;
  guint8  status;
} PendingRow;

/* Turns ids into indexes; rows of members or events not loaded (deleted
 * ones) are dropped. Rows come mostly event by event, so the last event
 * found is tried first. */
static void
resolve_rows (TsRegularsSource *source,
              GArray           *pending,
              GHashTable       *members,
              GHashTable       *events)
{
  gint64 last_event = -1;
  gpointer event_index = NULL, member_index;

  g_array_set_size (source->rows, 0);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingRow *p = &g_array_index (pending, PendingRow, i);
      SourceRow row;

      if (p->event_id != last_event)
        {
          if (!g_hash_table_lookup_extended (events, &p->event_id, NULL, &event_index))
            continue;
          last_event = p->event_id;
        }
      if (!g_hash_table_lookup_extended (members, &p->member_id, NULL, &member_index))
        continue;
      row.event = GPOINTER_TO_UINT (event_index);
      row.member = GPOINTER_TO_UINT (member_index);
      row.status = p->status;
      g_array_append_val (source->rows, row);
    }
}

static TsRegularsSource *load_source (TsRepository  *repository,
                                       const char    *sql,
                                       gint64         id,
                                       gint64         event_id,
                                       GError       **error);

TsRegularsSource *
ts_regulars_source_load (TsRepository  *repository,
                         gint64         chapter_id,
                         GError       **error)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  return load_source (repository, chapter_id != 0 ? chapter_sql : network_sql, chapter_id, 0,
                      error);
}

/* One member with every event of the chapters they were on the list of:
 * enough for their history, streaks and rates at each chapter. */
static const char member_sql[] =
  "SELECT " MEMBER_COLUMNS " FROM member m WHERE m.id = ?1 AND m.deleted_at IS NULL"
  " UNION ALL "
  "SELECT " EVENT_COLUMNS " FROM event e WHERE e.deleted_at IS NULL AND e.chapter_id IN"
  "  (SELECT e2.chapter_id FROM attendance a2 JOIN event e2 ON e2.id = a2.event_id"
  "   WHERE a2.member_id = ?1)"
  " UNION ALL "
  "SELECT " ROW_COLUMNS " FROM attendance a WHERE a.member_id = ?1";

TsRegularsSource *
ts_regulars_source_load_member (TsRepository  *repository,
                                gint64         member_id,
                                GError       **error)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  return load_source (repository, member_sql, member_id, 0, error);
}

static TsRegularsSource *
load_source (TsRepository  *repository,
             const char    *sql,
             gint64         id,
             gint64         event_id,
             GError       **error)
{
  TsDatabase *database = ts_repository_get_database (repository);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) events = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                        g_free, NULL);
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         g_free, NULL);
  g_autoptr(GHashTable) professions = g_hash_table_new (g_str_hash, g_str_equal);
  TsRegularsSource *source;
  GArray *pending;
  int rc;

  stmt = ts_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  if (id != 0)
    sqlite3_bind_int64 (stmt, 1, id);
  if (event_id != 0)
    sqlite3_bind_int64 (stmt, 2, event_id);

  source = source_new ();
  pending = g_array_new (FALSE, FALSE, sizeof (PendingRow));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int kind = sqlite3_column_int (stmt, 0);
      PendingRow row;

      if (kind == 1)
        {
          gint64 member_id = sqlite3_column_int64 (stmt, 1);
          guint index = add_member (source, professions, stmt);
          g_hash_table_insert (members, g_memdup2 (&member_id, sizeof member_id),
                               GUINT_TO_POINTER (index));
          continue;
        }
      if (kind == 3)
        {
          add_event (source, events, stmt);
          continue;
        }
      row.member_id = sqlite3_column_int64 (stmt, 1);
      row.event_id = sqlite3_column_int64 (stmt, 2);
      row.status = parse_status ((const char *) sqlite3_column_text (stmt, 6));
      g_array_append_val (pending, row);
    }
  resolve_rows (source, pending, members, events);
  g_array_unref (pending);
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (database, error);
      ts_regulars_source_free (source);
      return NULL;
    }
  return source;
}

void
ts_regulars_source_free (TsRegularsSource *source)
{
  if (source == NULL)
    return;
  for (guint i = 0; i < source->members->len; i++)
    {
      SourceMember *member = &g_array_index (source->members, SourceMember, i);
      g_free (member->name);
      g_free (member->organization);
      g_free (member->email);
      g_free (member->phone);
    }
  g_array_unref (source->events);
  g_array_unref (source->members);
  g_array_unref (source->rows);
  g_ptr_array_unref (source->professions);
  g_free (source->first_anywhere);
  g_free (source);
}

/* Chapter ids, in the order they first appear. */
GArray *
ts_regulars_source_chapters (TsRegularsSource *source)
{
  GArray *chapters = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < source->events->len; i++)
    {
      SourceEvent *event = &g_array_index (source->events, SourceEvent, i);
      if (g_hash_table_add (seen, &event->chapter_id))
        g_array_append_val (chapters, event->chapter_id);
    }
  return chapters;
}

/* ---- Analysis ---------------------------------------------------------- */

static gboolean
event_is_held (const SourceEvent *event,
               const char        *today)
{
  /* A past meeting nobody marked as held still happened if people were
   * checked in; one with nobody present was never recorded, and counting
   * it would make every regular look absent. */
  return event->held_status ||
         (!event->cancelled && event->has_present && strcmp (event->starts_at, today) < 0);
}

static int
compare_events (const SourceEvent *a,
                const SourceEvent *b)
{
  int cmp = strcmp (a->starts_at, b->starts_at);

  return cmp != 0 ? cmp : (a->id > b->id) - (a->id < b->id);
}

/* For every member, their first presence at a held event of any chapter. */
static void
compute_first_anywhere (TsRegularsSource *source,
                        const char       *today)
{
  if (source->first_anywhere != NULL && strcmp (source->first_today, today) == 0)
    return;
  g_free (source->first_anywhere);
  source->first_anywhere = g_new (int, source->members->len);
  for (guint i = 0; i < source->members->len; i++)
    source->first_anywhere[i] = -1;
  for (guint r = 0; r < source->rows->len; r++)
    {
      SourceRow *row = &g_array_index (source->rows, SourceRow, r);
      SourceEvent *event = &g_array_index (source->events, SourceEvent, row->event);
      int *first = &source->first_anywhere[row->member];

      if (!IS_PRESENT (row->status) || !event_is_held (event, today))
        continue;
      if (*first < 0 ||
          compare_events (event, &g_array_index (source->events, SourceEvent, *first)) < 0)
        *first = row->event;
    }
  g_strlcpy (source->first_today, today, sizeof source->first_today);
}

typedef struct {
  TsRegulars *result;
  guint       n_source_events;
  int        *event_local;    /* source event → index in result->events, or -1 */
  int        *member_local;   /* source member → local member, or -1 */
  GArray     *member_source;  /* local member → source member */
  guint8     *status;         /* local member × event */
  guint8     *kind;           /* local member × event, see Kind */
  int         until;
} Analysis;

typedef enum {
  KIND_NONE,
  KIND_OTHER,
  KIND_REGULAR,
  KIND_RETURNING,
  KIND_FIRST,
} Kind;

static int
compare_event_pointers (gconstpointer a,
                        gconstpointer b)
{
  return compare_events (*(const SourceEvent * const *) a, *(const SourceEvent * const *) b);
}

static void
collect_events (Analysis         *an,
                TsRegularsSource *source,
                const char       *today)
{
  TsRegulars *result = an->result;
  g_autoptr(GPtrArray) held = g_ptr_array_new ();
  g_autoptr(GPtrArray) planned = g_ptr_array_new ();

  for (guint i = 0; i < source->events->len; i++)
    {
      SourceEvent *event = &g_array_index (source->events, SourceEvent, i);

      if (event->chapter_id != result->chapter_id)
        continue;
      if (event_is_held (event, today) && month_of (event->starts_at) <= an->until)
        g_ptr_array_add (held, event);
      /* A meeting still to come is not "no meeting": the report says so. */
      else if (!event_is_held (event, today) && !event->cancelled &&
               month_of (event->starts_at) == an->until)
        g_ptr_array_add (planned, event);
    }
  g_ptr_array_sort (held, compare_event_pointers);
  g_ptr_array_sort (planned, compare_event_pointers);
  result->n_planned = planned->len;
  result->planned = g_new0 (TsRegularsEvent, MAX (planned->len, 1));
  for (guint i = 0; i < planned->len; i++)
    {
      SourceEvent *event = g_ptr_array_index (planned, i);

      result->planned[i].id = event->id;
      memcpy (result->planned[i].starts_at, event->starts_at, 17);
      result->planned[i].month = month_of (event->starts_at);
    }

  an->n_source_events = source->events->len;
  an->event_local = g_new (int, source->events->len);
  for (guint i = 0; i < source->events->len; i++)
    an->event_local[i] = -1;
  result->n_events = held->len;
  result->events = g_new0 (TsRegularsEvent, held->len);
  for (guint i = 0; i < held->len; i++)
    {
      SourceEvent *event = g_ptr_array_index (held, i);
      result->events[i].id = event->id;
      memcpy (result->events[i].starts_at, event->starts_at, 17);
      result->events[i].month = month_of (event->starts_at);
      an->event_local[event - (SourceEvent *) source->events->data] = i;
    }
}

static void
collect_status (Analysis         *an,
                TsRegularsSource *source)
{
  TsRegulars *result = an->result;

  an->member_local = g_new (int, source->members->len);
  for (guint i = 0; i < source->members->len; i++)
    an->member_local[i] = -1;
  an->member_source = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint r = 0; r < source->rows->len; r++)
    {
      SourceRow *row = &g_array_index (source->rows, SourceRow, r);
      if (an->event_local[row->event] >= 0 && row->status != TS_ATTENDANCE_STATUS_CANCELLED &&
          an->member_local[row->member] < 0)
        {
          an->member_local[row->member] = an->member_source->len;
          g_array_append_val (an->member_source, row->member);
        }
    }
  result->n_members = an->member_source->len;
  an->status = g_malloc ((gsize) MAX (result->n_members, 1) * MAX (result->n_events, 1));
  memset (an->status, ST_NONE, (gsize) MAX (result->n_members, 1) * MAX (result->n_events, 1));
  an->kind = g_new0 (guint8, (gsize) result->n_members * MAX (result->n_events, 1));
  for (guint r = 0; r < source->rows->len; r++)
    {
      SourceRow *row = &g_array_index (source->rows, SourceRow, r);
      int e = an->event_local[row->event], m = an->member_local[row->member];
      if (e >= 0 && m >= 0)
        an->status[(gsize) m * result->n_events + e] = row->status;
    }
}

/* Walks one member's events in order: streaks, kinds, regular and lapsed. */
static void
analyse_member (Analysis         *an,
                TsRegularsSource *source,
                guint             m)
{
  TsRegulars *result = an->result;
  const TsRegularsOptions *options = &result->options;
  TsRegularsMember *member = &result->members[m];
  guint source_index = g_array_index (an->member_source, guint, m);
  SourceMember *sm = &g_array_index (source->members, SourceMember, source_index);
  const guint8 *status = an->status + (gsize) m * result->n_events;
  guint8 *kind = an->kind + (gsize) m * result->n_events;
  guint n = result->n_events, streak = 0, in_window = 0;
  gboolean was_regular = FALSE, regular_at = FALSE;
  int previous = -1, first_anywhere = source->first_anywhere[source_index];

  member->id = sm->id;
  member->name = sm->name;
  member->organization = sm->organization;
  member->email = sm->email;
  member->phone = sm->phone;
  member->profession = g_ptr_array_index (source->professions, sm->profession);
  member->first_event = member->last_event = -1;

  for (guint i = 0; i < n; i++)
    {
      gboolean present = IS_PRESENT (status[i]);

      /* Presences among the N events ending with this one. */
      in_window += present;
      if (i >= options->window && IS_PRESENT (status[i - options->window]))
        in_window--;
      regular_at = options->window > 0 && in_window >= options->min_present;
      if (regular_at && result->events[i].month > an->until - TS_REGULARS_LAPSED_MONTHS)
        was_regular = TRUE;

      if (!present)
        {
          streak = 0;
          continue;
        }
      streak++;
      member->longest_streak = MAX (member->longest_streak, streak);
      member->times_present++;
      if (member->first_event < 0)
        {
          member->first_event = i;
          kind[i] = KIND_FIRST;
        }
      /* A summer break of the chapter is not an absence: they must have
       * missed at least one held event in between. */
      else if (result->events[i].month - result->events[previous].month >=
               TS_REGULARS_RETURN_MONTHS && i > (guint) previous + 1)
        kind[i] = KIND_RETURNING;
      else
        kind[i] = regular_at ? KIND_REGULAR : KIND_OTHER;
      previous = member->last_event = i;
    }

  member->current_streak = streak;
  member->regular = n > 0 && regular_at;
  member->window_size = MIN (options->window, n);
  member->window_present = n > 0 ? in_window : 0;
  member->rate = member->window_size > 0
                 ? (double) member->window_present / member->window_size : 0.0;
  member->lapsed = was_regular && options->lapse_after > 0 && n >= options->lapse_after &&
                   member->last_event >= 0 &&
                   (guint) member->last_event < n - options->lapse_after;
  member->first_this_month = member->first_event >= 0 &&
                             result->events[member->first_event].month == an->until;
  member->first_in_network = member->first_this_month && first_anywhere >= 0 &&
                             an->event_local[first_anywhere] >= 0 &&
                             result->events[an->event_local[first_anywhere]].month == an->until;

  if (member->times_present == 0)
    member->klass = TS_REGULARS_CLASS_NEVER;
  else if (member->first_this_month)
    member->klass = TS_REGULARS_CLASS_FIRST_TIMER;
  else if (member->lapsed)
    member->klass = TS_REGULARS_CLASS_LAPSED;
  else if (member->regular)
    member->klass = TS_REGULARS_CLASS_REGULAR;
  else
    member->klass = TS_REGULARS_CLASS_OCCASIONAL;
}

static guint8
cell_for_status (guint8 status)
{
  switch (status)
    {
    case TS_ATTENDANCE_STATUS_ATTENDED:   return TS_REGULARS_CELL_PRESENT;
    case TS_ATTENDANCE_STATUS_WALK_IN:    return TS_REGULARS_CELL_WALK_IN;
    case TS_ATTENDANCE_STATUS_REGISTERED:
    case TS_ATTENDANCE_STATUS_NO_SHOW:    return TS_REGULARS_CELL_ABSENT;
    default:            return TS_REGULARS_CELL_NONE;
    }
}

static gboolean
first_anywhere_in (Analysis         *an,
                   TsRegularsSource *source,
                   guint             local_member,
                   guint             start,
                   guint             end)
{
  int first = source->first_anywhere[g_array_index (an->member_source, guint, local_member)];
  int local = first >= 0 ? an->event_local[first] : -1;

  return local >= (int) start && local < (int) end;
}

/* Months are counted per distinct member: two events in one month count a
 * person once, as the strongest kind they had in that month. */
static void
count_months (Analysis         *an,
              TsRegularsSource *source,
              guint            *order)
{
  TsRegulars *result = an->result;
  int first_month = result->n_events > 0 ? result->events[0].month : an->until;
  guint e = 0;

  result->n_months = an->until >= first_month ? an->until - first_month + 1 : 0;
  result->months = g_new0 (TsRegularsMonth, MAX (result->n_months, 1));
  result->cells = g_new0 (guint8, (gsize) MAX (result->n_members, 1) * MAX (result->n_months, 1));
  result->n_professions = source->professions->len;
  result->professions = (const char **) source->professions->pdata;
  result->profession_counts = g_new0 (guint, (gsize) MAX (result->n_months, 1) *
                                             MAX (result->n_professions, 1));

  for (guint mo = 0; mo < result->n_months; mo++)
    {
      TsRegularsMonth *month = &result->months[mo];
      guint start = e;

      month->month = first_month + mo;
      while (e < result->n_events && result->events[e].month == month->month)
        e++;
      month->n_events = e - start;
      for (guint m = 0; m < result->n_members; m++)
        {
          const guint8 *status = an->status + (gsize) order[m] * result->n_events;
          const guint8 *kind = an->kind + (gsize) order[m] * result->n_events;
          guint8 cell = TS_REGULARS_CELL_NONE, best = KIND_NONE;
          gboolean walk_in = FALSE, no_show = FALSE;

          for (guint i = start; i < e; i++)
            {
              cell = MAX (cell, cell_for_status (status[i]));
              best = MAX (best, kind[i]);
              walk_in |= status[i] == TS_ATTENDANCE_STATUS_WALK_IN;
              no_show |= status[i] == TS_ATTENDANCE_STATUS_NO_SHOW;
            }
          result->cells[(gsize) m * result->n_months + mo] = cell;
          month->walk_ins += walk_in;
          month->no_shows += no_show;
          if (best == KIND_NONE)
            continue;
          month->headcount++;
          month->first_timers += best == KIND_FIRST;
          month->first_in_network += best == KIND_FIRST &&
                                      first_anywhere_in (an, source, order[m], start, e);
          month->returning += best == KIND_RETURNING;
          month->regulars += best == KIND_REGULAR;
          result->profession_counts[(gsize) mo * result->n_professions +
            g_array_index (source->members, SourceMember,
                           g_array_index (an->member_source, guint, order[m])).profession]++;
        }
    }
}

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const TsRegularsMember *members = data;
  const TsRegularsMember *x = &members[*(const guint *) a];
  const TsRegularsMember *y = &members[*(const guint *) b];
  gboolean rx = x->klass == TS_REGULARS_CLASS_REGULAR, ry = y->klass == TS_REGULARS_CLASS_REGULAR;

  if (rx != ry)
    return ry - rx;
  if (x->last_event != y->last_event)
    return y->last_event - x->last_event;
  if (x->times_present != y->times_present)
    return (int) y->times_present - (int) x->times_present;
  return (x->id > y->id) - (x->id < y->id);
}

/* Regulars first, then by last presence; returns the order as indexes
 * into the unsorted members, for the matrices that are still unsorted. */
static guint *
sort_members (TsRegulars *result)
{
  guint *order = g_new (guint, MAX (result->n_members, 1));
  TsRegularsMember *sorted = g_new (TsRegularsMember, MAX (result->n_members, 1));

  for (guint i = 0; i < result->n_members; i++)
    order[i] = i;
  g_qsort_with_data (order, result->n_members, sizeof (guint), compare_members, result->members);
  for (guint i = 0; i < result->n_members; i++)
    sorted[i] = result->members[order[i]];
  g_free (result->members);
  result->members = sorted;
  return order;
}

/* Without a month asked for, the month of the chapter's last meeting up
 * to today: on 2 September the organizer still wants August's newcomers,
 * not an empty September. A chapter that never met gets today's month. */
static int
default_until (TsRegularsSource        *source,
               gint64                   chapter_id,
               const TsRegularsOptions *options)
{
  const char *last = NULL;

  if (options->until_year > 0)
    return ts_regulars_until_index (options);
  for (guint i = 0; i < source->events->len; i++)
    {
      SourceEvent *event = &g_array_index (source->events, SourceEvent, i);
      if (event->chapter_id == chapter_id && event_is_held (event, options->today) &&
          strcmp (event->starts_at, options->today) <= 0 &&
          (last == NULL || strcmp (event->starts_at, last) > 0))
        last = event->starts_at;
    }
  return last != NULL ? month_of (last) : ts_regulars_until_index (options);
}

TsRegulars *
ts_regulars_analyse (TsRegularsSource        *source,
                     gint64                   chapter_id,
                     const TsRegularsOptions *options)
{
  TsRegulars *result = g_new0 (TsRegulars, 1);
  Analysis an = { result };
  g_autofree guint *order = NULL;
  char today[17];

  g_return_val_if_fail (source != NULL, NULL);

  result->options = *options;
  result->chapter_id = chapter_id;
  result->source = source;
  resolve_today (options, today);
  g_strlcpy (result->options.today, today, sizeof result->options.today);
  an.until = default_until (source, chapter_id, &result->options);
  result->options.until_year = an.until / 12;
  result->options.until_month = an.until % 12 + 1;

  compute_first_anywhere (source, today);
  collect_events (&an, source, today);
  collect_status (&an, source);
  result->members = g_new0 (TsRegularsMember, MAX (result->n_members, 1));
  for (guint m = 0; m < result->n_members; m++)
    analyse_member (&an, source, m);
  for (guint i = 0; i < result->n_events; i++)
    for (guint m = 0; m < result->n_members; m++)
      result->events[i].present += IS_PRESENT (an.status[(gsize) m * result->n_events + i]);
  order = sort_members (result);
  count_months (&an, source, order);
  result->presence = g_new0 (guint8, (gsize) MAX (result->n_members, 1) * MAX (result->n_events, 1));
  for (guint m = 0; m < result->n_members; m++)
    for (guint i = 0; i < result->n_events; i++)
      result->presence[(gsize) m * result->n_events + i] =
        IS_PRESENT (an.status[(gsize) order[m] * result->n_events + i]);

  g_free (an.event_local);
  g_free (an.member_local);
  g_array_unref (an.member_source);
  g_free (an.status);
  g_free (an.kind);
  return result;
}

TsRegulars *
ts_regulars_compute (TsRepository             *repository,
                     gint64                    chapter_id,
                     const TsRegularsOptions  *options,
                     GError                  **error)
{
  TsRegularsSource *source = ts_regulars_source_load (repository, chapter_id, error);
  TsRegulars *result;

  if (source == NULL)
    return NULL;
  result = ts_regulars_analyse (source, chapter_id, options);
  /* Names and professions point into the source: the result keeps it. */
  result->owns_source = TRUE;
  return result;
}

/* The chapter's figures for the people on @event_id's list only, enough
 * for their marks (ts_regulars_mark() gives each the mark the whole
 * chapter's would), and read in half the time on a busy chapter. Others
 * are not in it, and its members have no names or professions: the
 * months, the cells and the members' lists are not the chapter's. */
TsRegulars *
ts_regulars_compute_for_event (TsRepository             *repository,
                               gint64                    chapter_id,
                               gint64                    event_id,
                               const TsRegularsOptions  *options,
                               GError                  **error)
{
  TsRegularsSource *source;
  TsRegulars *result;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (chapter_id != 0 && event_id != 0, NULL);

  source = load_source (repository, event_sql, chapter_id, event_id, error);
  if (source == NULL)
    return NULL;
  result = ts_regulars_analyse (source, chapter_id, options);
  result->owns_source = TRUE;
  return result;
}

void
ts_regulars_free (TsRegulars *self)
{
  if (self == NULL)
    return;
  g_free (self->events);
  g_free (self->planned);
  g_free (self->members);
  g_free (self->months);
  g_free (self->cells);
  g_free (self->profession_counts);
  g_free (self->presence);
  if (self->owns_source)
    ts_regulars_source_free (self->source);
  g_free (self);
}

TsRegularsCell
ts_regulars_cell (const TsRegulars *self,
                  guint             member,
                  guint             month)
{
  g_return_val_if_fail (member < self->n_members && month < self->n_months,
                        TS_REGULARS_CELL_NONE);
  return self->cells[(gsize) member * self->n_months + month];
}

const TsRegularsMonth *
ts_regulars_find_month (const TsRegulars *self,
                        int               month)
{
  if (self->n_months == 0 || month < self->months[0].month ||
      month > self->months[self->n_months - 1].month)
    return NULL;
  return &self->months[month - self->months[0].month];
}

/* The member's index in self->members, or -1. */
int
ts_regulars_find_member (const TsRegulars *self,
                         gint64            member_id)
{
  for (guint i = 0; i < self->n_members; i++)
    if (self->members[i].id == member_id)
      return i;
  return -1;
}

/* The mark of a member coming to a meeting of the chapter that starts at
 * starts_at, held or still to come, from their presences at the held
 * meetings before it: first-timer with none, returning when the last was
 * 3 or more months earlier with a meeting missed since, regular when
 * present at K of the last N before it. */
TsRegularsMark
ts_regulars_mark (const TsRegulars *self,
                  gint64            member_id,
                  const char       *starts_at)
{
  int m = ts_regulars_find_member (self, member_id);
  int before = 0, last = -1, in_window = 0;
  const guint8 *presence;

  g_return_val_if_fail (self != NULL && starts_at != NULL, TS_REGULARS_MARK_NONE);

  while ((guint) before < self->n_events &&
         strcmp (self->events[before].starts_at, starts_at) < 0)
    before++;
  if (m < 0)
    return TS_REGULARS_MARK_FIRST_TIMER;
  presence = self->presence + (gsize) m * self->n_events;
  for (int i = 0; i < before; i++)
    if (presence[i])
      {
        last = i;
        in_window += i >= before - (int) self->options.window;
      }
  if (last < 0)
    return TS_REGULARS_MARK_FIRST_TIMER;
  if (month_of (starts_at) - self->events[last].month >= TS_REGULARS_RETURN_MONTHS &&
      last < before - 1)
    return TS_REGULARS_MARK_RETURNING;
  if (self->options.window > 0 && in_window >= (int) self->options.min_present)
    return TS_REGULARS_MARK_REGULAR;
  return TS_REGULARS_MARK_NONE;
}

const char *
ts_regulars_mark_label (TsRegularsMark mark)
{
  switch (mark)
    {
    case TS_REGULARS_MARK_FIRST_TIMER: return C_("regulars mark", "First time");
    case TS_REGULARS_MARK_RETURNING:   return C_("regulars mark", "Welcome back");
    case TS_REGULARS_MARK_REGULAR:     return C_("regulars mark", "Regular");
    case TS_REGULARS_MARK_NONE:
    default:                           return "";
    }
}

const char *
ts_regulars_class_label (TsRegularsClass klass)
{
  switch (klass)
    {
    case TS_REGULARS_CLASS_NEVER:       return C_("regulars class", "Not yet present");
    case TS_REGULARS_CLASS_FIRST_TIMER: return C_("regulars class", "First-timer");
    case TS_REGULARS_CLASS_LAPSED:      return C_("regulars class", "Lapsed");
    case TS_REGULARS_CLASS_REGULAR:     return C_("regulars class", "Regular");
    case TS_REGULARS_CLASS_OCCASIONAL:  return C_("regulars class", "Occasional");
    default:                            g_return_val_if_reached ("");
    }
}

/* Stable names for CSV and scripts. */
const char *
ts_regulars_class_name (TsRegularsClass klass)
{
  static const char *names[] = { "never", "first-timer", "lapsed", "regular", "occasional" };

  g_return_val_if_fail ((guint) klass < G_N_ELEMENTS (names), "");
  return names[klass];
}

char *
ts_regulars_format_month (int month)
{
  /* Translators: a month, %1$d is the year and %2$d the month. */
  return g_strdup_printf (_("%1$d-%2$02d"), month / 12, month % 12 + 1);
}

/* "2017-08" → 2017 * 12 + 7; also 2017/8, 2017年8月, 平成29年8月 in any
 * width (ts-date-parse.c), and nothing before or after ("2017-+8",
 * "2017-08xyz" are not months). */
gboolean
ts_regulars_parse_month (const char *text,
                         int        *month)
{
  int year, mon;

  if (text == NULL || !ts_date_parse_month (text, &year, &mon) || year < 1900)
    return FALSE;
  *month = year * 12 + mon - 1;
  return TRUE;
}
