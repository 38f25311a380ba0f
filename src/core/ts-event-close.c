/* ts-event-close.c: after the meeting, in one step.
 *
 * The evening is over: who registered and never came through the door is
 * a no-show, and the event is held. Before, that was one status change
 * per person; now it is one transaction, and one Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-event-close"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-event-close.h"
#include "ts-repository-private.h"

typedef struct {
  gint64  id;
  char   *updated_at;
} Changed;

static void
changed_clear (Changed *changed)
{
  g_free (changed->updated_at);
}

struct _TsEventClose
{
  GObject       parent_instance;

  TsRepository *repository;
  gint64        event_id;
  TsEventStatus event_status;       /* before */
  char         *event_updated_at;   /* before */
  char         *closed_at;          /* what the rows and the event carry after */
  GArray       *no_shows;           /* Changed, as before */
};

G_DEFINE_FINAL_TYPE (TsEventClose, ts_event_close, G_TYPE_OBJECT)

static void
ts_event_close_finalize (GObject *object)
{
  TsEventClose *self = TS_EVENT_CLOSE (object);

  g_clear_object (&self->repository);
  g_free (self->event_updated_at);
  g_free (self->closed_at);
  g_clear_pointer (&self->no_shows, g_array_unref);
  G_OBJECT_CLASS (ts_event_close_parent_class)->finalize (object);
}

static void
ts_event_close_class_init (TsEventCloseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_event_close_finalize;
}

static void
ts_event_close_init (TsEventClose *self)
{
  self->no_shows = g_array_new (FALSE, TRUE, sizeof (Changed));
  g_array_set_clear_func (self->no_shows, (GDestroyNotify) changed_clear);
}

gint64
ts_event_close_get_event_id (TsEventClose *self)
{
  g_return_val_if_fail (TS_IS_EVENT_CLOSE (self), 0);
  return self->event_id;
}

guint
ts_event_close_get_n_no_shows (TsEventClose *self)
{
  g_return_val_if_fail (TS_IS_EVENT_CLOSE (self), 0);
  return self->no_shows->len;
}

static gboolean
read_event (TsEventClose  *self,
            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository,
    "SELECT status, updated_at FROM event WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->event_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_repository_set_not_found (error, "event", self->event_id);
      return FALSE;
    }
  self->event_status = ts_column_enum (stmt, 0, TS_TYPE_EVENT_STATUS);
  self->event_updated_at = ts_column_text (stmt, 1);
  if (self->event_status == TS_EVENT_STATUS_CANCELLED)
    {
      g_set_error_literal (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT,
                           _("This event was cancelled, so there is nothing to close."));
      return FALSE;
    }
  return TRUE;
}

/* Registered and not checked in: the registrations still waiting, of
 * members not deleted (a deleted member is no one's no-show). */
static gboolean
read_waiting (TsEventClose  *self,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository,
    "SELECT a.id, a.updated_at FROM attendance a"
    " JOIN member m ON m.id = a.member_id AND m.deleted_at IS NULL"
    " WHERE a.event_id = ?1 AND a.status = " TS_SQL_REGISTERED " ORDER BY a.id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Changed changed = { sqlite3_column_int64 (stmt, 0), ts_column_text (stmt, 1) };
      g_array_append_val (self->no_shows, changed);
    }
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (ts_repository_get_database (self->repository), error);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql with ?1 the row's number, ?2 its old updated_at (for undo)
 * and ?3 the time of the close. */
static gboolean
set_row (TsEventClose  *self,
         const char    *sql,
         gint64         id,
         const char    *old_updated_at,
         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  ts_bind_text (stmt, 2, old_updated_at);
  ts_bind_text (stmt, 3, self->closed_at);
  return ts_repository_step_done (self->repository, stmt, error);
}

static gboolean
write_closed (TsEventClose  *self,
              GError       **error)
{
  for (guint i = 0; i < self->no_shows->len; i++)
    {
      Changed *changed = &g_array_index (self->no_shows, Changed, i);

      if (!set_row (self,
                    "UPDATE attendance SET status = " TS_SQL_NO_SHOW ", updated_at = ?3"
                    " WHERE id = ?1 AND updated_at = ?2",
                    changed->id, changed->updated_at, error))
        return FALSE;
    }
  return set_row (self,
                  "UPDATE event SET status = " TS_SQL_HELD ", updated_at = ?3"
                  " WHERE id = ?1 AND updated_at = ?2",
                  self->event_id, self->event_updated_at, error);
}

static void
announce (TsRepository *repository)
{
  ts_repository_emit_changed (repository, "attendance");
  ts_repository_emit_changed (repository, "event");
}

TsEventClose *
ts_repository_close_event (TsRepository  *self,
                           gint64         event_id,
                           GError       **error)
{
  g_autoptr(TsEventClose) close = NULL;
  TsDatabase *database;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  close = g_object_new (TS_TYPE_EVENT_CLOSE, NULL);
  close->repository = g_object_ref (self);
  close->event_id = event_id;
  close->closed_at = ts_now_iso8601 ();
  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return NULL;
  if (!read_event (close, error) || !read_waiting (close, error) ||
      !write_closed (close, error))
    {
      ts_database_rollback (database);
      return NULL;
    }
  if (!ts_database_commit (database, error))
    return NULL;
  announce (self);
  return g_steal_pointer (&close);
}

/* Only what this close wrote and nobody changed since: a no-show marked
 * present afterwards stays present, an event edited afterwards keeps
 * its edit. */
gboolean
ts_event_close_undo (TsEventClose  *self,
                     GError       **error)
{
  TsDatabase *database;

  g_return_val_if_fail (TS_IS_EVENT_CLOSE (self), FALSE);

  database = ts_repository_get_database (self->repository);
  if (!ts_database_begin (database, error))
    return FALSE;
  for (guint i = 0; i < self->no_shows->len; i++)
    {
      Changed *changed = &g_array_index (self->no_shows, Changed, i);

      if (!set_row (self,
                    "UPDATE attendance SET status = " TS_SQL_REGISTERED ", updated_at = ?2"
                    " WHERE id = ?1 AND status = " TS_SQL_NO_SHOW " AND updated_at = ?3",
                    changed->id, changed->updated_at, error))
        goto fail;
    }
  {
    g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository,
      "UPDATE event SET status = ?2, updated_at = ?3"
      " WHERE id = ?1 AND status = " TS_SQL_HELD " AND updated_at = ?4", error);

    if (stmt == NULL)
      goto fail;
    sqlite3_bind_int64 (stmt, 1, self->event_id);
    ts_bind_enum (stmt, 2, TS_TYPE_EVENT_STATUS, self->event_status);
    ts_bind_text (stmt, 3, self->event_updated_at);
    ts_bind_text (stmt, 4, self->closed_at);
    if (!ts_repository_step_done (self->repository, stmt, error))
      goto fail;
  }
  if (!ts_database_commit (database, error))
    return FALSE;
  announce (self->repository);
  return TRUE;

fail:
  ts_database_rollback (database);
  return FALSE;
}
