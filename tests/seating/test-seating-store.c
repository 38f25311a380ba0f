/* test-seating-store.c: who the planner is given for an event, and a plan
 * stored and read back, on a real file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-seating-guests.h"
#include "ts-test-support.h"

typedef struct {
  TsTestDb db;
  gint64   event_id;
  gint64   regular, first, organizer, occasional, no_show, cancelled;
} Fixture;

static gint64
add_member (TsRepository *repository,
            const char   *family,
            const char   *organization)
{
  g_autoptr(TsMember) member = ts_test_add_member (repository, "family-name", family,
                                                   "given-name", "太郎", "organization", organization,
                                                   "profession", "看護師", NULL);

  return member->id;
}

/* Three held meetings, then the one to seat: the regular came to all
 * three, the occasional guest to one, the first-timer never. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TsRepository *repository;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsAttendance) role = NULL;
  g_autoptr(GError) error = NULL;
  gint64 past[3];

  ts_test_db_init (&fixture->db, "store.db");
  repository = fixture->db.repository;
  chapter = ts_test_add_chapter (repository, "name", "大田医介塾", "reading", "おおたいかいじゅく",
                                 "region", "東京都", NULL);
  for (guint m = 0; m < 3; m++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-19T19:00", m + 9);
      g_autoptr(TsEvent) event = ts_test_add_event (repository, "chapter-id", chapter->id,
                                                    "starts-at", date,
                                                    "status", TS_EVENT_STATUS_HELD, NULL);

      past[m] = event->id;
    }
  {
    g_autoptr(TsEvent) event = ts_test_add_event (repository, "chapter-id", chapter->id,
                                                  "starts-at", "2026-12-17T19:00", NULL);

    fixture->event_id = event->id;
  }
  fixture->regular = add_member (repository, "常連", "(株)つどい");
  fixture->first = add_member (repository, "初来", "株式会社ツドイ");
  fixture->organizer = add_member (repository, "運営", "");
  fixture->occasional = add_member (repository, "時々", "蒲田病院");
  fixture->no_show = add_member (repository, "欠席", "");
  fixture->cancelled = add_member (repository, "取消", "");
  for (guint m = 0; m < 3; m++)
    ts_test_attend (repository, past[m], fixture->regular, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, past[2], fixture->occasional, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, past[1], fixture->organizer, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, fixture->event_id, fixture->regular, TS_ATTENDANCE_STATUS_REGISTERED);
  ts_test_attend (repository, fixture->event_id, fixture->first, TS_ATTENDANCE_STATUS_WALK_IN);
  ts_test_attend (repository, fixture->event_id, fixture->occasional, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, fixture->event_id, fixture->no_show, TS_ATTENDANCE_STATUS_NO_SHOW);
  ts_test_attend (repository, fixture->event_id, fixture->cancelled, TS_ATTENDANCE_STATUS_CANCELLED);
  role = ts_repository_set_attendance (repository, fixture->event_id, fixture->organizer,
                                       TS_ATTENDANCE_STATUS_REGISTERED, &error);
  g_assert_no_error (error);
  role->role = TS_ATTENDANCE_ROLE_ORGANIZER;
  g_assert_true (ts_repository_save_attendance (repository, role, &error));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (&fixture->db);
}

static const TsSeatingPerson *
person (const TsSeatingGuests *guests,
        gint64                 member_id)
{
  for (guint i = 0; i < guests->n_guests; i++)
    if (guests->people[i].member_id == member_id)
      return &guests->people[i];
  return NULL;
}

static TsSeatingGuests *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TsSeatingGuests *guests = ts_seating_guests_load (fixture->db.repository, fixture->event_id,
                                                    &error);

  g_assert_no_error (error);
  return guests;
}

/* Everyone expected or there, and nobody else; first-timer, regular and
 * organizer as the roster's marks and the role say; one organization
 * however it was typed. */
static void
test_guests (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TsSeatingGuests) guests = load (fixture);
  const TsSeatingPerson *regular = person (guests, fixture->regular);
  const TsSeatingPerson *first = person (guests, fixture->first);
  const TsSeatingPerson *organizer = person (guests, fixture->organizer);
  const TsSeatingPerson *occasional = person (guests, fixture->occasional);

  g_assert_cmpuint (guests->n_guests, ==, 4);
  g_assert_null (person (guests, fixture->no_show));
  g_assert_null (person (guests, fixture->cancelled));
  g_assert_true (regular->host && !regular->first_timer);
  g_assert_true (first->first_timer && !first->host);
  g_assert_true (organizer->host && !organizer->first_timer);
  g_assert_false (occasional->host || occasional->first_timer);
  g_assert_cmpstr (regular->organization_key, ==, first->organization_key);
  g_assert_cmpstr (organizer->organization_key, ==, "");
  g_assert_cmpstr (occasional->profession, ==, "看護師");
  g_assert_cmpuint (guests->n_tables, ==, 0);
}

/* A plan stored is read back; a new plan clears the unlocked and never
 * moves the locked, whatever it says of them. */
static void
test_store (Fixture       *fixture,
            gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  g_autoptr(GError) error = NULL;
  TsSeat plan[] = {
    { fixture->regular, 1, FALSE }, { fixture->first, 2, FALSE },
    { fixture->organizer, 2, FALSE }, { fixture->occasional, 1, FALSE },
  };
  TsSeat lock = { fixture->first, 1, TRUE };
  TsSeat replan[] = { { fixture->regular, 2, FALSE }, { fixture->first, 2, FALSE } };

  g_assert_true (ts_repository_save_seating (repository, fixture->event_id, 2, 3, plan,
                                             G_N_ELEMENTS (plan), &error));
  g_assert_no_error (error);
  {
    g_autoptr(TsSeatingGuests) guests = load (fixture);

    g_assert_cmpuint (guests->n_tables, ==, 2);
    g_assert_cmpuint (guests->seats, ==, 3);
    for (guint i = 0; i < guests->n_guests; i++)
      for (guint k = 0; k < G_N_ELEMENTS (plan); k++)
        if (plan[k].member_id == guests->guests[i].member_id)
          g_assert_cmpuint (guests->guests[i].table, ==, plan[k].table);
  }

  g_assert_true (ts_repository_set_seat (repository, fixture->event_id, &lock, &error));
  g_assert_true (ts_repository_save_seating (repository, fixture->event_id, 3, 0, replan,
                                             G_N_ELEMENTS (replan), &error));
  {
    g_autoptr(TsSeatingGuests) guests = load (fixture);

    g_assert_cmpuint (guests->n_tables, ==, 3);
    g_assert_cmpuint (person (guests, fixture->first)->locked_table, ==, 1);
    g_assert_cmpuint (person (guests, fixture->regular)->locked_table, ==, 0);
    for (guint i = 0; i < guests->n_guests; i++)
      {
        const TsSeatingGuest *guest = &guests->guests[i];

        if (guest->member_id == fixture->first)
          g_assert_true (guest->table == 1 && guest->locked);
        else if (guest->member_id == fixture->regular)
          g_assert_true (guest->table == 2 && !guest->locked);
        else
          g_assert_cmpuint (guest->table, ==, 0);
      }
  }

  /* A seat for someone not on the list is refused; no event, no plan. */
  lock.member_id = fixture->no_show + 1000;
  g_assert_false (ts_repository_set_seat (repository, fixture->event_id, &lock, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ts_repository_save_seating (repository, fixture->event_id + 1000, 2, 0, plan,
                                              G_N_ELEMENTS (plan), &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/seating-store/guests", Fixture, NULL, fixture_set_up, test_guests, fixture_tear_down);
  g_test_add ("/seating-store/store", Fixture, NULL, fixture_set_up, test_store, fixture_tear_down);
  return g_test_run ();
}
