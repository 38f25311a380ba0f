/* ts-seating-guests.c: the people of an event, as the seating planner
 * and the table plan need them.
 *
 * Everyone expected or there (registered, attended, walk-in) is seated;
 * no-shows and cancellations are not. A first-timer and a regular are
 * what the roster's marks say (ts_regulars_mark(), one query for the
 * chapter's history); an organizer is the attendance's role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-seating"

#include "config.h"

#include "ts-seating-guests.h"

static gboolean
is_seated_status (TsAttendanceStatus status)
{
  return status == TS_ATTENDANCE_STATUS_REGISTERED || status == TS_ATTENDANCE_STATUS_ATTENDED ||
         status == TS_ATTENDANCE_STATUS_WALK_IN;
}

static void
fill_guest (TsSeatingGuest   *guest,
            TsAttendance     *attendance,
            const TsRegulars *regulars,
            const char       *starts_at)
{
  TsMember *member = attendance->member;

  guest->member_id = attendance->member_id;
  guest->name = ts_member_dup_name (member);
  guest->organization = g_strdup (member->organization ? member->organization : "");
  guest->profession = g_strdup (member->profession ? member->profession : "");
  guest->consent = member->consent;
  guest->status = attendance->status;
  guest->role = attendance->role;
  if (regulars != NULL && starts_at != NULL)
    guest->mark = ts_regulars_mark (regulars, attendance->member_id, starts_at);
  else if (attendance->first_time)
    guest->mark = TS_REGULARS_MARK_FIRST_TIMER;
}

static void
fill_person (TsSeatingPerson      *person,
             const TsSeatingGuest *guest)
{
  person->member_id = guest->member_id;
  person->organization_key = ts_seating_organization_key (guest->organization);
  person->profession = guest->profession;
  person->host = guest->mark == TS_REGULARS_MARK_REGULAR ||
                 guest->role == TS_ATTENDANCE_ROLE_ORGANIZER;
  person->first_timer = guest->mark == TS_REGULARS_MARK_FIRST_TIMER && !person->host;
  person->locked_table = guest->locked ? guest->table : 0;
}

/* Each guest's stored table and lock, and the event's table count. */
static gboolean
read_stored (TsRepository    *repository,
             TsSeatingGuests *guests,
             GError         **error)
{
  g_autoptr(GArray) seats = NULL;
  g_autoptr(GHashTable) by_member = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!ts_repository_get_seating_size (repository, guests->event_id, &guests->n_tables,
                                       &guests->seats, error))
    return FALSE;
  seats = ts_repository_read_seating (repository, guests->event_id, error);
  if (seats == NULL)
    return FALSE;
  for (guint i = 0; i < guests->n_guests; i++)
    g_hash_table_insert (by_member, &guests->guests[i].member_id, &guests->guests[i]);
  for (guint i = 0; i < seats->len; i++)
    {
      const TsSeat *seat = &g_array_index (seats, TsSeat, i);
      TsSeatingGuest *guest = g_hash_table_lookup (by_member, &seat->member_id);

      if (guest != NULL)
        {
          guest->table = seat->table;
          guest->locked = seat->locked && seat->table > 0;
        }
    }
  return TRUE;
}

TsSeatingGuests *
ts_seating_guests_load (TsRepository  *repository,
                        gint64         event_id,
                        GError       **error)
{
  g_autoptr(TsSeatingGuests) guests = g_new0 (TsSeatingGuests, 1);
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TsRegulars) regulars = NULL;
  TsRegularsOptions analysis;
  guint n;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  guests->event_id = event_id;
  if ((event = ts_repository_get_event (repository, event_id, error)) == NULL)
    return NULL;
  ts_regulars_options_init (&analysis);
  if (event->starts_at != NULL &&
      (regulars = ts_regulars_compute (repository, event->chapter_id, &analysis, error)) == NULL)
    return NULL;
  if ((list = ts_repository_list_attendance (repository, event_id, error)) == NULL)
    return NULL;
  n = g_list_model_get_n_items (list);
  guests->guests = g_new0 (TsSeatingGuest, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);

      if (is_seated_status (attendance->status))
        fill_guest (&guests->guests[guests->n_guests++], attendance, regulars,
                    event->starts_at);
    }
  if (!read_stored (repository, guests, error))
    return NULL;
  guests->people = g_new0 (TsSeatingPerson, MAX (guests->n_guests, 1));
  for (guint i = 0; i < guests->n_guests; i++)
    fill_person (&guests->people[i], &guests->guests[i]);
  return g_steal_pointer (&guests);
}

/* The tables as stored, 1-based, 0 for someone not seated. */
guint *
ts_seating_guests_stored_tables (const TsSeatingGuests *guests)
{
  guint *tables = g_new0 (guint, MAX (guests->n_guests, 1));

  for (guint i = 0; i < guests->n_guests; i++)
    tables[i] = guests->guests[i].table;
  return tables;
}

/* Stores @tables (one per guest, in the guests' order) as the event's
 * plan for @options' tables and seats; each guest keeps their lock. */
gboolean
ts_seating_guests_save (TsRepository           *repository,
                        const TsSeatingGuests  *guests,
                        const guint            *tables,
                        const TsSeatingOptions *options,
                        GError                **error)
{
  g_autofree TsSeat *seats = g_new0 (TsSeat, MAX (guests->n_guests, 1));

  for (guint i = 0; i < guests->n_guests; i++)
    {
      seats[i].member_id = guests->guests[i].member_id;
      seats[i].table = tables[i];
      seats[i].locked = guests->guests[i].locked;
    }
  return ts_repository_save_seating (repository, guests->event_id, options->n_tables,
                                     options->seats, seats, guests->n_guests, error);
}

void
ts_seating_guests_free (TsSeatingGuests *guests)
{
  if (guests == NULL)
    return;
  for (guint i = 0; i < guests->n_guests; i++)
    {
      g_free (guests->guests[i].name);
      g_free (guests->guests[i].organization);
      g_free (guests->guests[i].profession);
      if (guests->people != NULL)
        g_free ((char *) guests->people[i].organization_key);
    }
  g_free (guests->guests);
  g_free (guests->people);
  g_free (guests);
}
