/* ts-seating-edit.c: the writes the event page's tables make.
 *
 * Each reads the stored plan, decides and writes inside one write
 * transaction, so that tsudoi-cli or the door seating someone meanwhile
 * cannot be overwritten by a decision made on what was there before.
 * Each returns a record of the seats it replaced; ts_seating_edit_undo()
 * puts them back (the record lives as long as the toast's Undo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-seating-edit.h"
#include "ts-seating-guests.h"

/* How many other seeds a shuffle tries for a plan that differs. */
#define MAX_SHUFFLE_TRIES 16

/* ---- undo records ------------------------------------------------------ */

struct _TsSeatingUndo {
  TsRepository *repository;
  gint64        event_id;
  GArray       *seats;      /* TsSeat: as they were */
  gboolean      whole;      /* a whole plan: its size comes back too */
  guint         n_tables;
  guint         seats_per_table;
};

static TsSeatingUndo *
undo_record_new (TsRepository *repository,
                 gint64        event_id,
                 GArray       *seats)
{
  TsSeatingUndo *undo = g_new0 (TsSeatingUndo, 1);

  undo->repository = g_object_ref (repository);
  undo->event_id = event_id;
  undo->seats = g_array_ref (seats);
  return undo;
}

/* A whole plan comes back with the table count it had. */
static void
undo_record_set_size (TsSeatingUndo *undo,
                      guint          n_tables,
                      guint          seats)
{
  undo->whole = TRUE;
  undo->n_tables = n_tables;
  undo->seats_per_table = seats;
}

void
ts_seating_undo_free (TsSeatingUndo *undo)
{
  if (undo == NULL)
    return;
  g_object_unref (undo->repository);
  g_array_unref (undo->seats);
  g_free (undo);
}

/* Everyone's seat as stored, for an undo of a whole plan. */
static GArray *
stored_seats (const TsSeatingGuests *guests)
{
  GArray *seats = g_array_sized_new (FALSE, FALSE, sizeof (TsSeat), guests->n_guests);

  for (guint i = 0; i < guests->n_guests; i++)
    {
      TsSeat seat = { guests->guests[i].member_id, guests->guests[i].table,
                      guests->guests[i].locked };

      g_array_append_val (seats, seat);
    }
  return seats;
}

static gboolean
set_seats (TsRepository  *repository,
           gint64         event_id,
           GArray        *seats,
           GError       **error)
{
  for (guint i = 0; i < seats->len; i++)
    if (!ts_repository_set_seat (repository, event_id, &g_array_index (seats, TsSeat, i), error))
      return FALSE;
  return TRUE;
}

gboolean
ts_seating_edit_undo (gpointer   record,
                      GError   **error)
{
  TsSeatingUndo *undo = record;
  TsRepository *repository = undo->repository;
  gint64 event_id = undo->event_id;
  GArray *seats = undo->seats;
  TsDatabase *database = ts_repository_get_database (repository);

  if (undo->whole)
    return ts_repository_save_seating (repository, event_id, undo->n_tables,
                                       undo->seats_per_table,
                                       (const TsSeat *) seats->data, seats->len, error);
  if (!ts_database_begin (database, error))
    return FALSE;
  if (!set_seats (repository, event_id, seats, error) || !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  return TRUE;
}

/* ---- plans ------------------------------------------------------------- */

static gboolean
same_as_stored (const TsSeatingGuests *guests,
                const guint           *tables)
{
  for (guint i = 0; i < guests->n_guests; i++)
    if (tables[i] != guests->guests[i].table)
      return FALSE;
  return TRUE;
}

/* With @differ (a shuffle), the seeds after *@seed until the plan is not
 * the one stored: a shuffle that shows the same tables looks broken. */
static guint *
make_plan (const TsSeatingGuests *guests,
           TsSeatingOptions      *options,
           gboolean               differ,
           GError               **error)
{
  guint *tables = NULL;

  for (guint tries = 0; tries < MAX_SHUFFLE_TRIES; tries++)
    {
      g_free (tables);
      tables = ts_seating_plan (guests->people, guests->n_guests, options, error);
      if (tables == NULL || !differ || !same_as_stored (guests, tables))
        break;
      options->seed++;
    }
  return tables;
}

static gboolean
plan_in_transaction (TsRepository  *repository,
                     gint64         event_id,
                     guint          n_tables,
                     guint          seats,
                     guint32       *seed,
                     gboolean       differ,
                     TsSeatingUndo **undo,
                     GError       **error)
{
  g_autoptr(TsSeatingGuests) guests = ts_seating_guests_load (repository, event_id, error);
  g_autofree guint *tables = NULL;
  g_autoptr(GArray) before = NULL;
  TsSeatingOptions options = { n_tables, seats, *seed };

  if (guests == NULL || (tables = make_plan (guests, &options, differ, error)) == NULL)
    return FALSE;
  before = stored_seats (guests);
  if (!ts_seating_guests_save (repository, guests, tables, &options, error))
    return FALSE;
  *seed = options.seed;
  if (undo != NULL)
    {
      *undo = undo_record_new (repository, event_id, before);
      undo_record_set_size (*undo, guests->n_tables, guests->seats);
    }
  return TRUE;
}

/* A plan of @n_tables tables of @seats seats (0: no limit) for everyone
 * registered or present, from *@seed, stored; the locked stay where they
 * are. With @differ, a plan other than the stored one (a shuffle); *@seed
 * is then the seed that gave it. */
gboolean
ts_seating_edit_plan (TsRepository  *repository,
                      gint64         event_id,
                      guint          n_tables,
                      guint          seats,
                      guint32       *seed,
                      gboolean       differ,
                      TsSeatingUndo **undo,
                      GError       **error)
{
  TsDatabase *database;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), FALSE);
  g_return_val_if_fail (seed != NULL, FALSE);

  database = ts_repository_get_database (repository);
  if (!ts_database_begin (database, error))
    return FALSE;
  if (!plan_in_transaction (repository, event_id, n_tables, seats, seed, differ, undo, error) ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      if (undo != NULL)
        g_clear_pointer (undo, ts_seating_undo_free);
      return FALSE;
    }
  return TRUE;
}

/* ---- latecomers -------------------------------------------------------- */

static gboolean
is_present (const TsSeatingGuest *guest)
{
  return guest->status == TS_ATTENDANCE_STATUS_ATTENDED ||
         guest->status == TS_ATTENDANCE_STATUS_WALK_IN;
}

/* Those already there first: they are the ones waiting for a seat. */
static gboolean
seat_one_pass (TsRepository    *repository,
               TsSeatingGuests *guests,
               guint           *tables,
               gboolean         present,
               GArray          *seated,
               GError         **error)
{
  TsSeatingOptions options = { guests->n_tables, guests->seats, 0 };

  for (guint i = 0; i < guests->n_guests; i++)
    {
      TsSeat seat = { guests->guests[i].member_id, 0, FALSE };
      TsSeat before = { seat.member_id, 0, FALSE };

      if (tables[i] != 0 || is_present (&guests->guests[i]) != present)
        continue;
      seat.table = ts_seating_place_walk_in (guests->people, tables, guests->n_guests,
                                             &guests->people[i], &options, error);
      if (seat.table == 0 || !ts_repository_set_seat (repository, guests->event_id, &seat, error))
        return FALSE;
      tables[i] = seat.table;
      g_array_append_val (seated, before);
    }
  return TRUE;
}

static gboolean
latecomers_in_transaction (TsRepository  *repository,
                           gint64         event_id,
                           GArray        *seated,
                           GError       **error)
{
  g_autoptr(TsSeatingGuests) guests = ts_seating_guests_load (repository, event_id, error);
  g_autofree guint *tables = NULL;

  if (guests == NULL)
    return FALSE;
  if (guests->n_tables == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This event has no tables yet: plan them first."));
      return FALSE;
    }
  tables = ts_seating_guests_stored_tables (guests);
  /* A table past the count (the plan was made smaller) is no seat. */
  for (guint i = 0; i < guests->n_guests; i++)
    if (tables[i] > guests->n_tables)
      tables[i] = 0;
  return seat_one_pass (repository, guests, tables, TRUE, seated, error) &&
         seat_one_pass (repository, guests, tables, FALSE, seated, error);
}

/* Everyone registered or present without a table, seated one at a time
 * where they fit best, the people already there first; nobody else
 * moves. When a table runs out, nothing is written. */
gboolean
ts_seating_edit_latecomers (TsRepository  *repository,
                            gint64         event_id,
                            guint         *n_seated,
                            TsSeatingUndo **undo,
                            GError       **error)
{
  g_autoptr(GArray) seated = g_array_new (FALSE, FALSE, sizeof (TsSeat));
  TsDatabase *database;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), FALSE);

  database = ts_repository_get_database (repository);
  if (!ts_database_begin (database, error))
    return FALSE;
  if (!latecomers_in_transaction (repository, event_id, seated, error) ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      /* Those seated before the table ran out were shown: show them back. */
      if (seated->len > 0)
        ts_repository_emit_changed (repository, "attendance");
      return FALSE;
    }
  *n_seated = seated->len;
  if (undo != NULL)
    *undo = undo_record_new (repository, event_id, seated);
  return TRUE;
}

/* ---- one person -------------------------------------------------------- */

static gboolean
find_seat (TsRepository  *repository,
           gint64         event_id,
           gint64         member_id,
           TsSeat        *seat,
           GError       **error)
{
  g_autoptr(GArray) seats = ts_repository_read_seating (repository, event_id, error);

  for (guint i = 0; seats != NULL && i < seats->len; i++)
    if (g_array_index (seats, TsSeat, i).member_id == member_id)
      {
        *seat = g_array_index (seats, TsSeat, i);
        return TRUE;
      }
  if (seats != NULL)
    g_set_error_literal (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                         _("This member is not on the event’s list."));
  return FALSE;
}

/* One person's table and lock, as the organizer sets them by hand; the
 * record says where they were. */
gboolean
ts_seating_edit_set_seat (TsRepository  *repository,
                          gint64         event_id,
                          const TsSeat  *seat,
                          TsSeatingUndo **undo,
                          GError       **error)
{
  TsDatabase *database;
  TsSeat before;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), FALSE);

  database = ts_repository_get_database (repository);
  if (!ts_database_begin (database, error))
    return FALSE;
  if (!find_seat (repository, event_id, seat->member_id, &before, error) ||
      !ts_repository_set_seat (repository, event_id, seat, error) ||
      !ts_database_commit (database, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  if (undo != NULL)
    {
      g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (TsSeat));

      g_array_append_val (seats, before);
      *undo = undo_record_new (repository, event_id, seats);
    }
  return TRUE;
}
