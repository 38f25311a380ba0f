/* ts-repository-seating.c: the stored seating plan (席決め) of an event.
 *
 * An event keeps how many tables it has and how many seats each; each
 * attendance its table (0 for none) and whether the organizer locked the
 * person there. A plan is stored whole, in one transaction, and never
 * moves a locked person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-record.h"
#include "ts-repository-private.h"

gboolean
ts_repository_get_seating_size (TsRepository  *self,
                                gint64         event_id,
                                guint         *n_tables,
                                guint         *seats,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);

  stmt = ts_repository_prepare (self,
    "SELECT seat_tables, seats_per_table FROM event WHERE id = ?1 AND deleted_at IS NULL",
    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_repository_set_not_found (error, "event", event_id);
      return FALSE;
    }
  *n_tables = (guint) MAX (sqlite3_column_int (stmt, 0), 0);
  *seats = (guint) MAX (sqlite3_column_int (stmt, 1), 0);
  return TRUE;
}

/* Every attendance of the event with its table and lock (TsSeat), in no
 * particular order, whatever the status. */
GArray *
ts_repository_read_seating (TsRepository  *self,
                            gint64         event_id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (TsSeat));
  int rc;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    "SELECT member_id, seat_table, seat_locked FROM attendance WHERE event_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TsSeat seat = {
        sqlite3_column_int64 (stmt, 0),
        (guint) MAX (sqlite3_column_int (stmt, 1), 0),
        sqlite3_column_int (stmt, 2) != 0,
      };

      g_array_append_val (seats, seat);
    }
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (ts_repository_get_database (self), error);
      return NULL;
    }
  return g_steal_pointer (&seats);
}

static gboolean
write_size (TsRepository  *self,
            gint64         event_id,
            guint          n_tables,
            guint          seats,
            const char    *now,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self,
    "UPDATE event SET seat_tables = ?2, seats_per_table = ?3, updated_at = ?4"
    " WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int (stmt, 2, (int) n_tables);
  sqlite3_bind_int (stmt, 3, (int) seats);
  ts_bind_text (stmt, 4, now);
  if (!ts_repository_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (ts_database_get_handle (ts_repository_get_database (self))) == 0)
    {
      ts_repository_set_not_found (error, "event", event_id);
      return FALSE;
    }
  return TRUE;
}

/* Clears the unlocked tables, then seats each one given: a plan replaces
 * the one before, except where the organizer locked someone. */
static gboolean
write_tables (TsRepository  *self,
              gint64         event_id,
              const TsSeat  *seats,
              guint          n_seats,
              const char    *now,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) clear = ts_repository_prepare (self,
    "UPDATE attendance SET seat_table = 0, updated_at = ?2"
    " WHERE event_id = ?1 AND seat_locked = 0 AND seat_table <> 0", error);
  g_autoptr(sqlite3_stmt) seat = NULL;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, event_id);
  ts_bind_text (clear, 2, now);
  if (!ts_repository_step_done (self, clear, error))
    return FALSE;
  seat = ts_repository_prepare (self,
    "UPDATE attendance SET seat_table = ?3, updated_at = ?4"
    " WHERE event_id = ?1 AND member_id = ?2 AND seat_locked = 0", error);
  if (seat == NULL)
    return FALSE;
  for (guint i = 0; i < n_seats; i++)
    {
      sqlite3_reset (seat);
      sqlite3_bind_int64 (seat, 1, event_id);
      sqlite3_bind_int64 (seat, 2, seats[i].member_id);
      sqlite3_bind_int (seat, 3, (int) seats[i].table);
      ts_bind_text (seat, 4, now);
      if (!ts_repository_step_done (self, seat, error))
        return FALSE;
    }
  return TRUE;
}

/* Stores a plan of @n_tables tables of @seats seats (0: not counted):
 * each seat's table, in one transaction. Locked people keep their table
 * whatever @seats says of them; their lock is not changed here. */
gboolean
ts_repository_save_seating (TsRepository  *self,
                            gint64         event_id,
                            guint          n_tables,
                            guint          seats_per_table,
                            const TsSeat  *seats,
                            guint          n_seats,
                            GError       **error)
{
  TsDatabase *database = ts_repository_get_database (self);
  g_autofree char *now = ts_now_iso8601 ();

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (seats != NULL || n_seats == 0, FALSE);

  for (guint i = 0; i < n_seats; i++)
    g_return_val_if_fail (seats[i].table <= n_tables, FALSE);
  if (!ts_database_begin (database, error))
    return FALSE;
  if (!write_size (self, event_id, n_tables, seats_per_table, now, error) ||
      !write_tables (self, event_id, seats, n_seats, now, error) ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  ts_repository_emit_changed (self, "event");
  ts_repository_emit_changed (self, "attendance");
  return TRUE;
}

/* One person's table and lock, as the organizer sets them by hand or a
 * walk-in is placed. */
gboolean
ts_repository_set_seat (TsRepository  *self,
                        gint64         event_id,
                        const TsSeat  *seat,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);

  stmt = ts_repository_prepare (self,
    "UPDATE attendance SET seat_table = ?3, seat_locked = ?4, updated_at = ?5"
    " WHERE event_id = ?1 AND member_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, seat->member_id);
  sqlite3_bind_int (stmt, 3, (int) seat->table);
  sqlite3_bind_int (stmt, 4, seat->locked && seat->table > 0 ? 1 : 0);
  ts_bind_text (stmt, 5, now);
  if (!ts_repository_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (ts_database_get_handle (ts_repository_get_database (self))) == 0)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                   _("This member is not on the event’s list."));
      return FALSE;
    }
  ts_repository_emit_changed (self, "attendance");
  return TRUE;
}
