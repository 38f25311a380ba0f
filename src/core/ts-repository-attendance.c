/* ts-repository-attendance.c: who comes to which event, check-in, walk-ins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-record.h"
#include "ts-repository-private.h"

/* The fee "attendance" owes: its class's amount, else its event's fee. */
#define ATTENDANCE_DUE_SQL \
  "coalesce((SELECT f.amount FROM fee_class f WHERE f.id = attendance.fee_class_id)," \
  " (SELECT ev.fee FROM event ev WHERE ev.id = attendance.event_id), 0)"

#define ATTENDANCE_COLUMNS \
  "a.id, a.uuid, a.event_id, a.member_id, a.status, a.role, a.checked_in_at," \
  " a.paid, a.note, a.seat_table, coalesce(a.fee_class_id, 0), a.paid_amount, a.paid_at," \
  " coalesce((SELECT f.amount FROM fee_class f WHERE f.id = a.fee_class_id)," \
  "          (SELECT ev.fee FROM event ev WHERE ev.id = a.event_id), 0)," \
  " coalesce((SELECT f.name FROM fee_class f WHERE f.id = a.fee_class_id), '')"
#define ATTENDANCE_N_COLUMNS 15

static TsAttendance *
read_attendance (sqlite3_stmt *stmt)
{
  TsAttendance *attendance = ts_attendance_new ();

  attendance->id = sqlite3_column_int64 (stmt, 0);
  g_free (attendance->uuid);
  attendance->uuid = ts_column_text (stmt, 1);
  attendance->event_id = sqlite3_column_int64 (stmt, 2);
  attendance->member_id = sqlite3_column_int64 (stmt, 3);
  attendance->status = ts_column_enum (stmt, 4, TS_TYPE_ATTENDANCE_STATUS);
  attendance->role = ts_column_enum (stmt, 5, TS_TYPE_ATTENDANCE_ROLE);
  g_free (attendance->checked_in_at);
  attendance->checked_in_at = ts_column_text (stmt, 6);
  attendance->paid = sqlite3_column_int (stmt, 7) != 0;
  g_free (attendance->note);
  attendance->note = ts_column_text (stmt, 8);
  attendance->seat_table = sqlite3_column_int64 (stmt, 9);
  attendance->fee_class_id = sqlite3_column_int64 (stmt, 10);
  attendance->paid_amount = sqlite3_column_int64 (stmt, 11);
  g_free (attendance->paid_at);
  attendance->paid_at = ts_column_text (stmt, 12);
  attendance->fee_due = sqlite3_column_int64 (stmt, 13);
  g_free (attendance->fee_class_name);
  attendance->fee_class_name = ts_column_text (stmt, 14);
  return attendance;
}

static gpointer
read_attendance_with_member (sqlite3_stmt *stmt)
{
  TsAttendance *attendance = read_attendance (stmt);
  g_autoptr(TsMember) member = ts_repository_read_member (stmt, ATTENDANCE_N_COLUMNS + 1);

  attendance->first_time = sqlite3_column_int (stmt, ATTENDANCE_N_COLUMNS) != 0;
  ts_attendance_set_member (attendance, member);
  return attendance;
}

static gpointer
read_attendance_with_event (sqlite3_stmt *stmt)
{
  TsAttendance *attendance = read_attendance (stmt);
  g_autoptr(TsEvent) event = ts_repository_read_event (stmt, ATTENDANCE_N_COLUMNS);

  g_free (event->chapter_name);
  event->chapter_name = ts_column_text (stmt, ATTENDANCE_N_COLUMNS + TS_EVENT_N_COLUMNS);
  ts_attendance_set_event (attendance, event);
  return attendance;
}

/* One event's attendance with each member, ?1 the event, ?2 a member
 * or NULL for all. First time means: never present before at an earlier
 * event of the same chapter (cancelled and deleted events do not count). */
#define ATTENDANCE_LISTING_SQL \
  "SELECT " ATTENDANCE_COLUMNS ", NOT EXISTS (SELECT 1 FROM attendance a2" \
  "   JOIN event e2 ON e2.id = a2.event_id" \
  "   WHERE a2.member_id = a.member_id AND e2.chapter_id = e.chapter_id" \
  "   AND e2.starts_at < e.starts_at AND e2.deleted_at IS NULL" \
  "   AND e2.status <> " TS_SQL_EVENT_CANCELLED " AND a2.status IN (" TS_SQL_ATTENDED ", " TS_SQL_WALK_IN "))," \
  " " TS_MEMBER_COLUMNS \
  " FROM attendance a JOIN event e ON e.id = a.event_id" \
  " JOIN member m ON m.id = a.member_id AND m.deleted_at IS NULL" \
  " WHERE a.event_id = ?1 AND (?2 IS NULL OR a.member_id = ?2)"

GListModel *
ts_repository_list_attendance (TsRepository  *self,
                               gint64         event_id,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self, ATTENDANCE_LISTING_SQL " ORDER BY m.sort_key, m.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  return ts_repository_collect (self, stmt, TS_TYPE_ATTENDANCE,
                                read_attendance_with_member, error);
}

/* The attendance of @event_id of the members @member_ids (everyone's
 * when NULL), in no particular order. */
GPtrArray *
ts_repository_read_attendance_rows (TsRepository  *self,
                                    gint64         event_id,
                                    GArray        *member_ids,
                                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self, ATTENDANCE_LISTING_SQL, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  return ts_repository_read_rows (self, stmt, 2, member_ids, read_attendance_with_member,
                                  error);
}

/* As ts_repository_list_attendance() orders them: by reading (the sort
 * keys compare as SQLite compares blobs). */
int
ts_repository_compare_attendance (gconstpointer a,
                                  gconstpointer b,
                                  gpointer      user_data)
{
  const TsAttendance *aa = a, *ab = b;
  GBytes *ka = aa->member != NULL ? aa->member->sort_key : NULL;
  GBytes *kb = ab->member != NULL ? ab->member->sort_key : NULL;
  int order = ka != NULL && kb != NULL ? g_bytes_compare (ka, kb) : (ka != NULL) - (kb != NULL);

  if (order != 0)
    return order;
  return aa->member_id < ab->member_id ? -1 : aa->member_id > ab->member_id;
}

/* Every event a member registered for, across chapters, newest first, each
 * attendance with its event (and the event's chapter name) filled in. */
GListModel *
ts_repository_list_member_history (TsRepository  *self,
                                   gint64         member_id,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    "SELECT " ATTENDANCE_COLUMNS ", " TS_EVENT_COLUMNS ", c.name"
    " FROM attendance a JOIN event e ON e.id = a.event_id AND e.deleted_at IS NULL"
    " JOIN chapter c ON c.id = e.chapter_id"
    " WHERE a.member_id = ?1 ORDER BY e.starts_at DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  return ts_repository_collect (self, stmt, TS_TYPE_ATTENDANCE,
                                read_attendance_with_event, error);
}

static TsAttendance *
get_attendance (TsRepository  *self,
                gint64         event_id,
                gint64         member_id,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ts_repository_prepare (self,
    "SELECT " ATTENDANCE_COLUMNS " FROM attendance a"
    " WHERE a.event_id = ?1 AND a.member_id = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                   _("This member is not on the event’s list."));
      return NULL;
    }
  return read_attendance (stmt);
}

/* The attendance of @member_id at @event_id as stored, without its
 * member; NOT_FOUND when there is none. */
TsAttendance *
ts_repository_get_attendance (TsRepository  *self,
                              gint64         event_id,
                              gint64         member_id,
                              GError       **error)
{
  return get_attendance (self, event_id, member_id, error);
}

/* Registers a member for an event, or changes the status of one already
 * registered; returns the attendance as stored. */
TsAttendance *
ts_repository_set_attendance (TsRepository  *self,
                              gint64         event_id,
                              gint64         member_id,
                              TsAttendanceStatus status,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();
  g_autofree char *uuid = g_uuid_string_random ();
  TsAttendance *stored;
  gboolean present;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (ts_enum_get_nick (TS_TYPE_ATTENDANCE_STATUS, status) != NULL, NULL);

  present = ts_attendance_status_is_present (status);

  stmt = ts_repository_prepare (self,
    "INSERT INTO attendance (uuid, event_id, member_id, status, checked_in_at,"
    "  created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, CASE WHEN ?5 THEN ?6 ELSE '' END, ?6, ?6)"
    " ON CONFLICT (event_id, member_id) DO UPDATE SET status = ?4,"
    "  checked_in_at = CASE WHEN NOT ?5 THEN ''"
    "    WHEN checked_in_at = '' THEN ?6 ELSE checked_in_at END,"
    "  updated_at = ?6", error);
  if (stmt == NULL)
    return NULL;
  ts_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, event_id);
  sqlite3_bind_int64 (stmt, 3, member_id);
  ts_bind_enum (stmt, 4, TS_TYPE_ATTENDANCE_STATUS, status);
  sqlite3_bind_int (stmt, 5, present);
  ts_bind_text (stmt, 6, now);
  if (!ts_repository_step_done (self, stmt, error))
    return NULL;
  g_clear_pointer (&stmt, ts_statement_release);
  stored = get_attendance (self, event_id, member_id, error);
  if (stored != NULL)
    ts_repository_emit_rows_changed (self, "attendance", &stored->id, 1);
  else
    ts_repository_emit_changed (self, "attendance");
  return stored;
}

gboolean
ts_repository_save_attendance (TsRepository  *self,
                               TsAttendance  *attendance,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (TS_IS_ATTENDANCE (attendance), FALSE);

  ts_record_clean (attendance);
  /* The flag and the amount say the same: ticking paid records the fee
   * due, now, unless something was received already; unticking clears
   * what was received. Every expression reads the row before the update. */
  stmt = ts_repository_prepare (self,
    "UPDATE attendance SET status = ?2, role = ?3, checked_in_at = ?4,"
    "  paid = CASE WHEN NOT ?5 THEN 0 WHEN paid_amount > 0 THEN 1"
    "    ELSE " ATTENDANCE_DUE_SQL " > 0 END,"
    "  paid_amount = CASE WHEN NOT ?5 THEN 0 WHEN paid_amount > 0 THEN paid_amount"
    "    ELSE " ATTENDANCE_DUE_SQL " END,"
    "  paid_at = CASE WHEN NOT ?5 THEN '' WHEN paid_amount > 0 THEN paid_at"
    "    WHEN " ATTENDANCE_DUE_SQL " > 0 THEN ?7 ELSE '' END,"
    "  note = ?6, updated_at = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attendance->id);
  ts_bind_enum (stmt, 2, TS_TYPE_ATTENDANCE_STATUS, attendance->status);
  ts_bind_enum (stmt, 3, TS_TYPE_ATTENDANCE_ROLE, attendance->role);
  ts_bind_text (stmt, 4, attendance->checked_in_at);
  sqlite3_bind_int (stmt, 5, attendance->paid ? 1 : 0);
  ts_bind_text (stmt, 6, attendance->note);
  ts_bind_text (stmt, 7, now);
  if (!ts_repository_step_done (self, stmt, error))
    return FALSE;
  ts_repository_emit_rows_changed (self, "attendance", &attendance->id, 1);
  return TRUE;
}

/* At the door: registered becomes attended, time stamped. Someone not on
 * the list is checked in as a walk-in. What the person is decides what
 * is written: one transaction, so that a check-in made meanwhile by
 * another program is seen, never overwritten. */
gboolean
ts_repository_check_in (TsRepository  *self,
                        gint64         event_id,
                        gint64         member_id,
                        GError       **error)
{
  TsDatabase *database;
  g_autoptr(TsAttendance) existing = NULL;
  g_autoptr(TsAttendance) stored = NULL;
  TsAttendanceStatus status = TS_ATTENDANCE_STATUS_ATTENDED;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);

  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return FALSE;
  existing = get_attendance (self, event_id, member_id, NULL);
  if (existing == NULL)
    status = TS_ATTENDANCE_STATUS_WALK_IN;
  if ((existing == NULL || !ts_attendance_is_present (existing)) &&
      (stored = ts_repository_set_attendance (self, event_id, member_id, status, error)) == NULL)
    {
      ts_database_rollback (database);
      return FALSE;
    }
  return ts_database_commit (database, error);
}

/* A member made for an event belongs to its chapter unless they were
 * given another. */
static gboolean
default_home_chapter (TsRepository  *self,
                      gint64         event_id,
                      TsMember      *member,
                      GError       **error)
{
  g_autoptr(TsEvent) event = NULL;

  if (member->id != 0 || member->home_chapter_id != 0)
    return TRUE;
  event = ts_repository_get_event (self, event_id, error);
  if (event == NULL)
    return FALSE;
  member->home_chapter_id = event->chapter_id;
  return TRUE;
}

/* A new member (or one not saved yet) and their attendance, in one
 * transaction: the person is either fully on the list or not at all. */
static TsAttendance *
add_member_to_event (TsRepository       *self,
                     gint64              event_id,
                     TsMember           *member,
                     TsAttendanceStatus  status,
                     GError            **error)
{
  TsDatabase *database = ts_repository_get_database (self);
  g_autoptr(TsAttendance) attendance = NULL;
  gboolean is_new = member->id == 0;
  gint64 home_chapter_id = member->home_chapter_id;

  if (!ts_database_begin (database, error))
    return NULL;
  if (!default_home_chapter (self, event_id, member, error) ||
      (is_new && !ts_repository_save_member (self, member, error)) ||
      (attendance = ts_repository_set_attendance (self, event_id, member->id,
                                                  status, error)) == NULL ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      if (is_new)
        member->id = 0;
      member->home_chapter_id = home_chapter_id;
      return NULL;
    }
  ts_attendance_set_member (attendance, member);
  return g_steal_pointer (&attendance);
}

/* At the door: a new member checked in as a walk-in. */
TsAttendance *
ts_repository_add_walk_in (TsRepository  *self,
                           gint64         event_id,
                           TsMember      *member,
                           GError       **error)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (TS_IS_MEMBER (member), NULL);

  return add_member_to_event (self, event_id, member, TS_ATTENDANCE_STATUS_WALK_IN, error);
}

/* Before the meeting: a new member registered for the event. */
TsAttendance *
ts_repository_add_registrant (TsRepository  *self,
                              gint64         event_id,
                              TsMember      *member,
                              GError       **error)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (TS_IS_MEMBER (member), NULL);

  return add_member_to_event (self, event_id, member, TS_ATTENDANCE_STATUS_REGISTERED, error);
}

/* A removed attendance is kept, whole, in a table of this connection's
 * temporary database (never in the file), so that an Undo puts back
 * every column, those this version does not read included. */
#define REMOVED_TABLE_SQL \
  "CREATE TEMP TABLE IF NOT EXISTS removed_attendance AS" \
  " SELECT * FROM main.attendance WHERE 0"

/* The kept copy of @snapshot's row, when it was removed and nothing took
 * its place or its id since. */
static gboolean
put_back_removed (TsRepository  *self,
                  TsAttendance  *snapshot,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!ts_database_exec (ts_repository_get_database (self), REMOVED_TABLE_SQL, error))
    return FALSE;
  stmt = ts_repository_prepare (self,
    "INSERT INTO main.attendance SELECT * FROM temp.removed_attendance r"
    " WHERE r.uuid = ?1 AND r.event_id = ?2 AND r.member_id = ?3"
    " AND NOT EXISTS (SELECT 1 FROM main.attendance a"
    "   WHERE a.id = r.id OR a.uuid = r.uuid OR (a.event_id = ?2 AND a.member_id = ?3))", error);
  if (stmt == NULL)
    return FALSE;
  ts_bind_text (stmt, 1, snapshot->uuid);
  sqlite3_bind_int64 (stmt, 2, snapshot->event_id);
  sqlite3_bind_int64 (stmt, 3, snapshot->member_id);
  return ts_repository_step_done (self, stmt, error);
}

/* Writes @snapshot's fields over the member's attendance, or as a new
 * one. */
static gboolean
write_snapshot (TsRepository  *self,
                TsAttendance  *snapshot,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();

  stmt = ts_repository_prepare (self,
    "INSERT INTO attendance (uuid, event_id, member_id, status, role, checked_in_at,"
    "  paid, note, created_at, updated_at, fee_class_id, paid_amount, paid_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9,"
    "  (SELECT id FROM fee_class WHERE id = ?10), ?11, ?12)"
    " ON CONFLICT (event_id, member_id) DO UPDATE SET status = ?4, role = ?5,"
    "  checked_in_at = ?6, paid = ?7, note = ?8, updated_at = ?9,"
    "  fee_class_id = (SELECT id FROM fee_class WHERE id = ?10), paid_amount = ?11,"
    "  paid_at = ?12", error);
  if (stmt == NULL)
    return FALSE;
  ts_bind_text (stmt, 1, snapshot->uuid);
  sqlite3_bind_int64 (stmt, 2, snapshot->event_id);
  sqlite3_bind_int64 (stmt, 3, snapshot->member_id);
  ts_bind_enum (stmt, 4, TS_TYPE_ATTENDANCE_STATUS, snapshot->status);
  ts_bind_enum (stmt, 5, TS_TYPE_ATTENDANCE_ROLE, snapshot->role);
  ts_bind_text (stmt, 6, snapshot->checked_in_at);
  sqlite3_bind_int (stmt, 7, snapshot->paid ? 1 : 0);
  ts_bind_text (stmt, 8, snapshot->note);
  ts_bind_text (stmt, 9, now);
  /* The fee as it was too; a class removed since stays gone. */
  sqlite3_bind_int64 (stmt, 10, snapshot->fee_class_id);
  sqlite3_bind_int64 (stmt, 11, snapshot->paid_amount);
  ts_bind_text (stmt, 12, snapshot->paid_at);
  return ts_repository_step_done (self, stmt, error);
}

/* Puts back a member's attendance exactly as @snapshot read it (its
 * status, check-in time, fee, role, note and UUID; a removed row with
 * all its columns), whether it was changed or removed since: what an
 * Undo needs. One transaction. */
gboolean
ts_repository_restore_attendance (TsRepository  *self,
                                  TsAttendance  *snapshot,
                                  GError       **error)
{
  TsDatabase *database;
  g_autoptr(TsAttendance) stored = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (TS_IS_ATTENDANCE (snapshot), FALSE);

  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return FALSE;
  if (!put_back_removed (self, snapshot, error) ||
      !write_snapshot (self, snapshot, error) ||
      (stored = get_attendance (self, snapshot->event_id, snapshot->member_id, error)) == NULL ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  ts_repository_emit_rows_changed (self, "attendance", &stored->id, 1);
  return TRUE;
}

static gboolean
run_on_id (TsRepository  *self,
           const char    *sql,
           gint64         id,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return ts_repository_step_done (self, stmt, error);
}

/* Deletes the row, and keeps a copy for ts_repository_restore_attendance(). */
gboolean
ts_repository_remove_attendance (TsRepository  *self,
                                 gint64         attendance_id,
                                 GError       **error)
{
  TsDatabase *database;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);

  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return FALSE;
  if (!ts_database_exec (database, REMOVED_TABLE_SQL, error) ||
      !run_on_id (self, "DELETE FROM temp.removed_attendance WHERE uuid ="
                        " (SELECT uuid FROM main.attendance WHERE id = ?1)", attendance_id, error) ||
      !run_on_id (self, "INSERT INTO temp.removed_attendance"
                        " SELECT * FROM main.attendance WHERE id = ?1", attendance_id, error) ||
      !run_on_id (self, "DELETE FROM main.attendance WHERE id = ?1", attendance_id, error) ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  ts_repository_emit_rows_changed (self, "attendance", &attendance_id, 1);
  return TRUE;
}
