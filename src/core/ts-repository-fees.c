/* ts-repository-fees.c: fee classes, payments, the fee summary and the
 * cash count of an event.
 *
 * Every write is one BEGIN IMMEDIATE transaction that reads what it
 * decides on (what someone owes, what they paid before), so that the app
 * and tsudoi-cli recording at once never lose a payment. Writes announce
 * "changed::fee_class", "changed::attendance" (a payment, a class) and
 * "changed::cash_count" with the ids of the rows written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-fees.h"
#include "ts-repository-private.h"

/* No one pays more than this at a meetup's door: a guard against typing
 * an extra zero, well inside SQLite's integers. */
#define MAX_AMOUNT 10000000

/* ---- fee classes ------------------------------------------------------------ */

static gpointer
read_fee_class (sqlite3_stmt *stmt)
{
  TsFeeClass *fee_class = ts_fee_class_new ();

  fee_class->id = sqlite3_column_int64 (stmt, 0);
  g_free (fee_class->uuid);
  fee_class->uuid = ts_column_text (stmt, 1);
  fee_class->event_id = sqlite3_column_int64 (stmt, 2);
  g_free (fee_class->name);
  fee_class->name = ts_column_text (stmt, 3);
  fee_class->amount = sqlite3_column_int64 (stmt, 4);
  fee_class->position = sqlite3_column_int64 (stmt, 5);
  return fee_class;
}

#define FEE_CLASS_SQL "SELECT id, uuid, event_id, name, amount, position FROM fee_class"

/* An event's classes in the order they were added. */
GListModel *
ts_repository_list_fee_classes (TsRepository  *self,
                                gint64         event_id,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self, FEE_CLASS_SQL " WHERE event_id = ?1 ORDER BY position, id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  return ts_repository_collect (self, stmt, TS_TYPE_FEE_CLASS, read_fee_class, error);
}

static TsFeeClass *
get_fee_class (TsRepository  *self,
               gint64         id,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self, FEE_CLASS_SQL " WHERE id = ?1",
                                                        error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                   _("This fee class no longer exists."));
      return NULL;
    }
  return read_fee_class (stmt);
}

/* A class name is one trimmed line, an amount within reason, and no
 * other class of the event has that name. */
static gboolean
check_fee_class (TsRepository  *self,
                 gint64         event_id,
                 gint64         id,
                 const char    *name,
                 gint64         amount,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (*name == '\0')
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT,
                   _("A fee class needs a name."));
      return FALSE;
    }
  if (amount < 0 || amount > MAX_AMOUNT)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT,
                   _("A fee is an amount of yen from 0 to 10,000,000."));
      return FALSE;
    }
  stmt = ts_repository_prepare (self,
    "SELECT 1 FROM fee_class WHERE event_id = ?1 AND name = ?2 AND id <> ?3", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  ts_bind_text (stmt, 2, name);
  sqlite3_bind_int64 (stmt, 3, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT,
                   _("This event already has a fee class named “%s”."), name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
event_exists (TsRepository  *self,
              gint64         event_id,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self,
    "SELECT 1 FROM event WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return TRUE;
  ts_repository_set_not_found (error, "event", event_id);
  return FALSE;
}

static gint64
insert_fee_class (TsRepository  *self,
                  gint64         event_id,
                  const char    *name,
                  gint64         amount,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  if (!event_exists (self, event_id, error) ||
      !check_fee_class (self, event_id, 0, name, amount, error))
    return 0;
  stmt = ts_repository_prepare (self,
    "INSERT INTO fee_class (uuid, event_id, name, amount, position)"
    " VALUES (?1, ?2, ?3, ?4,"
    "  (SELECT coalesce(max(position) + 1, 0) FROM fee_class WHERE event_id = ?2))", error);
  if (stmt == NULL)
    return 0;
  ts_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, event_id);
  ts_bind_text (stmt, 3, name);
  sqlite3_bind_int64 (stmt, 4, amount);
  if (!ts_repository_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (ts_database_get_handle (ts_repository_get_database (self)));
}

TsFeeClass *
ts_repository_add_fee_class (TsRepository  *self,
                             gint64         event_id,
                             const char    *name,
                             gint64         amount,
                             GError       **error)
{
  TsDatabase *database;
  g_autofree char *clean = NULL;
  TsFeeClass *stored = NULL;
  gint64 id;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  database = ts_repository_get_database (self);
  clean = g_strstrip (g_strdup (name));
  if (!ts_database_begin (database, error))
    return NULL;
  if ((id = insert_fee_class (self, event_id, clean, amount, error)) == 0 ||
      (stored = get_fee_class (self, id, error)) == NULL ||
      !ts_database_commit (database, error))
    {
      g_clear_object (&stored);
      ts_database_rollback (database);
      return NULL;
    }
  ts_repository_emit_rows_changed (self, "fee_class", &id, 1);
  return stored;
}

gboolean
ts_repository_edit_fee_class (TsRepository  *self,
                              gint64         id,
                              const char    *name,
                              gint64         amount,
                              GError       **error)
{
  TsDatabase *database;
  g_autoptr(TsFeeClass) loaded = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  database = ts_repository_get_database (self);
  clean = g_strstrip (g_strdup (name));
  if (!ts_database_begin (database, error))
    return FALSE;
  if ((loaded = get_fee_class (self, id, error)) == NULL ||
      !check_fee_class (self, loaded->event_id, id, clean, amount, error) ||
      (stmt = ts_repository_prepare (self,
         "UPDATE fee_class SET name = ?2, amount = ?3 WHERE id = ?1", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  ts_bind_text (stmt, 2, clean);
  sqlite3_bind_int64 (stmt, 3, amount);
  if (!ts_repository_step_done (self, stmt, error) || !ts_database_commit (database, error))
    goto fail;
  ts_repository_emit_rows_changed (self, "fee_class", &id, 1);
  return TRUE;

fail:
  ts_database_rollback (database);
  return FALSE;
}

/* The attendance rows in class @id, which its deletion puts back on the
 * event's fee (the schema's ON DELETE SET NULL). */
static GArray *
attendance_in_class (TsRepository  *self,
                     gint64         id,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self,
    "SELECT id FROM attendance WHERE fee_class_id = ?1", error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, row);
    }
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (ts_repository_get_database (self), error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
ts_repository_remove_fee_class (TsRepository  *self,
                                gint64         id,
                                GError       **error)
{
  TsDatabase *database;
  g_autoptr(GArray) members = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);

  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return FALSE;
  if ((members = attendance_in_class (self, id, error)) == NULL ||
      (stmt = ts_repository_prepare (self, "DELETE FROM fee_class WHERE id = ?1", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!ts_repository_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (ts_database_get_handle (database)) == 0)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                   _("This fee class no longer exists."));
      goto fail;
    }
  if (!ts_database_commit (database, error))
    goto fail;
  ts_repository_emit_rows_changed (self, "fee_class", &id, 1);
  if (members->len > 0)
    ts_repository_emit_rows_changed (self, "attendance", (gint64 *) members->data, members->len);
  return TRUE;

fail:
  ts_database_rollback (database);
  return FALSE;
}

/* Puts an attendee in class @fee_class_id of their event, or back on the
 * event's own fee with 0. */
gboolean
ts_repository_set_fee_class (TsRepository  *self,
                             gint64         event_id,
                             gint64         member_id,
                             gint64         fee_class_id,
                             GError       **error)
{
  TsDatabase *database;
  g_autoptr(TsAttendance) attendance = NULL;
  g_autoptr(TsFeeClass) fee_class = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);

  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return FALSE;
  if ((attendance = ts_repository_get_attendance (self, event_id, member_id, error)) == NULL)
    goto fail;
  if (fee_class_id != 0 &&
      ((fee_class = get_fee_class (self, fee_class_id, error)) == NULL ||
       fee_class->event_id != event_id))
    {
      if (fee_class != NULL)
        g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                     _("This fee class belongs to another event."));
      goto fail;
    }
  stmt = ts_repository_prepare (self,
    "UPDATE attendance SET fee_class_id = nullif(?2, 0), updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, attendance->id);
  sqlite3_bind_int64 (stmt, 2, fee_class_id);
  ts_bind_text (stmt, 3, now);
  if (!ts_repository_step_done (self, stmt, error) || !ts_database_commit (database, error))
    goto fail;
  ts_repository_emit_rows_changed (self, "attendance", &attendance->id, 1);
  return TRUE;

fail:
  ts_database_rollback (database);
  return FALSE;
}

/* ---- payments -------------------------------------------------------------- */

static TsPayment *
payment_of (TsAttendance *attendance)
{
  TsPayment *payment = g_new0 (TsPayment, 1);

  payment->event_id = attendance->event_id;
  payment->member_id = attendance->member_id;
  payment->attendance_id = attendance->id;
  payment->paid_amount = attendance->paid_amount;
  payment->paid_at = g_strdup (attendance->paid_at);
  payment->paid = attendance->paid;
  return payment;
}

static gboolean
write_payment (TsRepository  *self,
               gint64         attendance_id,
               gint64         paid_amount,
               const char    *paid_at,
               gboolean       paid,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();

  stmt = ts_repository_prepare (self,
    "UPDATE attendance SET paid_amount = ?2, paid_at = ?3, paid = ?4, updated_at = ?5"
    " WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, attendance_id);
  sqlite3_bind_int64 (stmt, 2, paid_amount);
  ts_bind_text (stmt, 3, paid_at);
  sqlite3_bind_int (stmt, 4, paid ? 1 : 0);
  ts_bind_text (stmt, 5, now);
  return ts_repository_step_done (self, stmt, error);
}

/* Adds @amount to what @attendance received, now; a negative @amount
 * means what they still owe. */
static gboolean
add_payment (TsRepository  *self,
             TsAttendance  *attendance,
             gint64         amount,
             GError       **error)
{
  g_autofree char *now = ts_now_iso8601 ();

  if (amount < 0)
    amount = ts_attendance_get_owed (attendance);
  if (amount == 0 || amount > MAX_AMOUNT || attendance->paid_amount + amount > MAX_AMOUNT)
    {
      if (amount == 0)
        g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT,
                     _("Nothing is owed: give the amount received."));
      else
        g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT,
                     _("A fee is an amount of yen from 0 to 10,000,000."));
      return FALSE;
    }
  return write_payment (self, attendance->id, attendance->paid_amount + amount, now, TRUE,
                        error);
}

/**
 * ts_repository_record_payment:
 * @amount: yen received, or -1 for what the attendee owes
 *
 * Records that an attendee paid, now. Returns what their row held
 * before, for ts_repository_undo_payment().
 */
TsPayment *
ts_repository_record_payment (TsRepository  *self,
                              gint64         event_id,
                              gint64         member_id,
                              gint64         amount,
                              GError       **error)
{
  TsDatabase *database;
  g_autoptr(TsAttendance) attendance = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return NULL;
  if ((attendance = ts_repository_get_attendance (self, event_id, member_id, error)) == NULL ||
      !add_payment (self, attendance, amount, error) ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      return NULL;
    }
  ts_repository_emit_rows_changed (self, "attendance", &attendance->id, 1);
  return payment_of (attendance);
}

/**
 * ts_repository_check_in_and_pay:
 *
 * The door's one gesture: checks the member in (a walk-in when they
 * were not on the list) and records what they owe as paid, in one
 * transaction. Returns the payment as it was before (its attendance id
 * 0 when the member was not on the list), which undoes the payment;
 * the check-in is undone as any other.
 */
TsPayment *
ts_repository_check_in_and_pay (TsRepository  *self,
                                gint64         event_id,
                                gint64         member_id,
                                GError       **error)
{
  TsDatabase *database;
  g_autoptr(TsAttendance) attendance = NULL;
  g_autoptr(TsPayment) before = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return NULL;
  if (!ts_repository_check_in (self, event_id, member_id, error) ||
      (attendance = ts_repository_get_attendance (self, event_id, member_id, error)) == NULL)
    goto fail;
  before = payment_of (attendance);
  if (ts_attendance_get_owed (attendance) > 0 && !add_payment (self, attendance, -1, error))
    goto fail;
  if (!ts_database_commit (database, error))
    goto fail;
  ts_repository_emit_rows_changed (self, "attendance", &attendance->id, 1);
  return g_steal_pointer (&before);

fail:
  ts_database_rollback (database);
  return NULL;
}

/* Puts back exactly what the row held before a payment. */
gboolean
ts_repository_undo_payment (TsRepository     *self,
                            const TsPayment  *before,
                            GError          **error)
{
  TsDatabase *database;
  g_autoptr(TsAttendance) attendance = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (before != NULL, FALSE);

  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return FALSE;
  if ((attendance = ts_repository_get_attendance (self, before->event_id, before->member_id,
                                                  error)) == NULL ||
      !write_payment (self, attendance->id, before->paid_amount, before->paid_at, before->paid,
                      error) ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  ts_repository_emit_rows_changed (self, "attendance", &attendance->id, 1);
  return TRUE;
}

/* ---- the summary ------------------------------------------------------------ */

/**
 * ts_repository_get_fee_summary:
 *
 * What an event's present people owe and gave: ts_fee_summary_compute()
 * over its attendance.
 */
TsFeeSummary *
ts_repository_get_fee_summary (TsRepository  *self,
                               gint64         event_id,
                               GError       **error)
{
  g_autoptr(GListModel) attendance = NULL;
  TsFeeSummary *summary;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  attendance = ts_repository_list_attendance (self, event_id, error);
  if (attendance == NULL)
    return NULL;
  summary = ts_fee_summary_compute (attendance);
  summary->event_id = event_id;
  return summary;
}

/* ---- the cash count ----------------------------------------------------------- */

TsCashCount *
ts_repository_get_cash_count (TsRepository  *self,
                              gint64         event_id,
                              GError       **error)
{
  const gint64 *denominations = ts_cash_denominations ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(TsCashCount) count = g_new0 (TsCashCount, 1);

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self, "SELECT cash_counted_at FROM event WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_repository_set_not_found (error, "event", event_id);
      return NULL;
    }
  count->counted_at = ts_column_text (stmt, 0);
  g_clear_pointer (&stmt, ts_statement_release);

  stmt = ts_repository_prepare (self,
    "SELECT denomination, count FROM cash_count WHERE event_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
      if (denominations[i] == sqlite3_column_int64 (stmt, 0))
        count->counts[i] = sqlite3_column_int64 (stmt, 1);
  return g_steal_pointer (&count);
}

static gboolean
write_cash_count (TsRepository  *self,
                  gint64         event_id,
                  const gint64  *counts,
                  GError       **error)
{
  const gint64 *denominations = ts_cash_denominations ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();

  for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
    {
      stmt = ts_repository_prepare (self,
        "INSERT INTO cash_count (event_id, denomination, count) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (event_id, denomination) DO UPDATE SET count = ?3", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      sqlite3_bind_int64 (stmt, 2, denominations[i]);
      sqlite3_bind_int64 (stmt, 3, counts[i]);
      if (!ts_repository_step_done (self, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, ts_statement_release);
    }
  stmt = ts_repository_prepare (self, "UPDATE event SET cash_counted_at = ?2 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  ts_bind_text (stmt, 2, now);
  return ts_repository_step_done (self, stmt, error);
}

/**
 * ts_repository_save_cash_count:
 * @counts: TS_N_DENOMINATIONS counts, in the order of ts_cash_denominations()
 *
 * Keeps the cash counted at the end of the evening with the event, and
 * when it was counted. "changed::cash_count" names the event.
 */
gboolean
ts_repository_save_cash_count (TsRepository  *self,
                               gint64         event_id,
                               const gint64  *counts,
                               GError       **error)
{
  TsDatabase *database;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
    if (counts[i] < 0 || counts[i] > 100000)
      {
        g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT,
                     _("A count of notes or coins is a number from 0 to 100,000."));
        return FALSE;
      }
  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return FALSE;
  if (!event_exists (self, event_id, error) ||
      !write_cash_count (self, event_id, counts, error) ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  ts_repository_emit_rows_changed (self, "cash_count", &event_id, 1);
  return TRUE;
}

/* ---- undoing a class's removal ------------------------------------------------- */

/**
 * ts_repository_restore_fee_class:
 * @fee_class: the class as it was, id and uuid included
 * @member_ids: (element-type gint64): who was in it
 *
 * Puts back a removed class with its number, and its people in it: the
 * Undo of ts_repository_remove_fee_class().
 */
gboolean
ts_repository_restore_fee_class (TsRepository  *self,
                                 TsFeeClass    *fee_class,
                                 GArray        *member_ids,
                                 GError       **error)
{
  TsDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (TS_IS_FEE_CLASS (fee_class), FALSE);

  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return FALSE;
  stmt = ts_repository_prepare (self,
    "INSERT INTO fee_class (id, uuid, event_id, name, amount, position)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, fee_class->id);
  ts_bind_text (stmt, 2, fee_class->uuid);
  sqlite3_bind_int64 (stmt, 3, fee_class->event_id);
  ts_bind_text (stmt, 4, fee_class->name);
  sqlite3_bind_int64 (stmt, 5, fee_class->amount);
  sqlite3_bind_int64 (stmt, 6, fee_class->position);
  if (!ts_repository_step_done (self, stmt, error))
    goto fail;
  g_clear_pointer (&stmt, ts_statement_release);
  for (guint i = 0; member_ids != NULL && i < member_ids->len; i++)
    {
      /* Someone who left the event since stays out of it. */
      stmt = ts_repository_prepare (self,
        "UPDATE attendance SET fee_class_id = ?1 WHERE event_id = ?2 AND member_id = ?3", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, fee_class->id);
      sqlite3_bind_int64 (stmt, 2, fee_class->event_id);
      sqlite3_bind_int64 (stmt, 3, g_array_index (member_ids, gint64, i));
      if (!ts_repository_step_done (self, stmt, error))
        goto fail;
      g_clear_pointer (&stmt, ts_statement_release);
    }
  if ((rows = attendance_in_class (self, fee_class->id, error)) == NULL ||
      !ts_database_commit (database, error))
    goto fail;
  ts_repository_emit_rows_changed (self, "fee_class", &fee_class->id, 1);
  if (rows->len > 0)
    ts_repository_emit_rows_changed (self, "attendance", (gint64 *) rows->data, rows->len);
  return TRUE;

fail:
  ts_database_rollback (database);
  return FALSE;
}
