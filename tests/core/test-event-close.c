/* test-event-close.c: after the meeting in one step, and its undo, on a
 * real SQLite file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-event-close.h"
#include "ts-record.h"
#include "ts-test-support.h"

typedef struct {
  TsTestDb db;
  gint64   event_id;
  gint64   members[5];
} Fixture;

static const char *statuses[] = { "registered", "attended", "walk-in", "registered", "cancelled" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TsRepository *repository;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;

  ts_test_db_init (&fixture->db, "close.db");
  repository = fixture->db.repository;
  chapter = ts_test_add_chapter (repository, "name", "大田医介塾", NULL);
  event = ts_test_add_event (repository, "chapter-id", chapter->id,
                             "starts-at", "2026-11-26T19:00", NULL);
  fixture->event_id = event->id;
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *name = ts_test_kana_number (i);
      g_autoptr(TsMember) member = ts_test_add_member (repository, "family-name", name,
                                                       "family-reading", name, NULL);

      fixture->members[i] = member->id;
      ts_test_attend (repository, event->id, member->id,
                      ts_enum_parse_nick (TS_TYPE_ATTENDANCE_STATUS, statuses[i]));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (&fixture->db);
}

static char *
status_of (Fixture *fixture,
           guint    i)
{
  g_autoptr(GListModel) list = ts_repository_list_attendance (fixture->db.repository,
                                                              fixture->event_id, NULL);

  for (guint j = 0; j < g_list_model_get_n_items (list); j++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, j);

      if (attendance->member_id == fixture->members[i])
        return g_strdup (ts_enum_get_nick (TS_TYPE_ATTENDANCE_STATUS, attendance->status));
    }
  return NULL;
}

static char *
event_status (Fixture *fixture)
{
  g_autoptr(TsEvent) event = ts_repository_get_event (fixture->db.repository,
                                                      fixture->event_id, NULL);
  return g_strdup (ts_enum_get_nick (TS_TYPE_EVENT_STATUS, event->status));
}

static void
test_close_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *expected[] = { "no-show", "attended", "walk-in", "no-show", "cancelled" };
  g_autofree char *before = ts_test_dump_database (fixture->db.path);
  g_autofree char *after_undo = NULL;
  g_autofree char *held = NULL;
  g_autoptr(TsEventClose) close = NULL;
  g_autoptr(GError) error = NULL;

  close = ts_repository_close_event (fixture->db.repository, fixture->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ts_event_close_get_n_no_shows (close), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *status = status_of (fixture, i);
      g_assert_cmpstr (status, ==, expected[i]);
    }
  held = event_status (fixture);
  g_assert_cmpstr (held, ==, "held");

  g_assert_true (ts_event_close_undo (close, &error));
  g_assert_no_error (error);
  after_undo = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after_undo, ==, before);
}

/* Someone who turns up late after the close stays checked in through an
 * undo; the others go back to registered. */
static void
test_undo_keeps_later_changes (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(TsEventClose) close = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *late = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *planned = NULL;

  close = ts_repository_close_event (fixture->db.repository, fixture->event_id, &error);
  g_assert_no_error (error);
  g_assert_true (ts_repository_check_in (fixture->db.repository, fixture->event_id,
                                         fixture->members[3], &error));
  g_assert_true (ts_event_close_undo (close, &error));
  late = status_of (fixture, 3);
  waiting = status_of (fixture, 0);
  planned = event_status (fixture);
  g_assert_cmpstr (late, ==, "attended");
  g_assert_cmpstr (waiting, ==, "registered");
  g_assert_cmpstr (planned, ==, "planned");
}

static void
test_cancelled_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(TsEvent) loaded = ts_repository_get_event (fixture->db.repository,
                                                       fixture->event_id, NULL);
  g_autoptr(TsEvent) edited = ts_record_dup (loaded);
  g_autoptr(TsEventClose) close = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_object_set (edited, "status", TS_EVENT_STATUS_CANCELLED, NULL);
  g_assert_true (ts_repository_update_event (fixture->db.repository, loaded, edited, &error));
  before = ts_test_dump_database (fixture->db.path);
  close = ts_repository_close_event (fixture->db.repository, fixture->event_id, &error);
  g_assert_null (close);
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  close = ts_repository_close_event (fixture->db.repository, 9999, &error);
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND);
  after = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/event-close/close-and-undo", Fixture, NULL,
              fixture_set_up, test_close_and_undo, fixture_tear_down);
  g_test_add ("/event-close/undo-keeps-later-changes", Fixture, NULL,
              fixture_set_up, test_undo_keeps_later_changes, fixture_tear_down);
  g_test_add ("/event-close/cancelled-refused", Fixture, NULL,
              fixture_set_up, test_cancelled_refused, fixture_tear_down);
  return g_test_run ();
}
