/* test-cli-merge.c: tsudoi-cli duplicates, member merge and event close,
 * run as a real process on a real file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-support.h"

typedef struct {
  TsTestDb db;
  gint64   event_id;
  gint64   later_event_id;
  gint64   keep;
  gint64   other;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TsRepository *repository;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(TsEvent) later = NULL;
  g_autoptr(TsMember) keep = NULL;
  g_autoptr(TsMember) other = NULL;
  g_autoptr(TsMember) friend = NULL;

  ts_test_db_init (&fixture->db, "cli-merge.db");
  repository = fixture->db.repository;
  chapter = ts_test_add_chapter (repository, "name", "大田医介塾", NULL);
  event = ts_test_add_event (repository, "chapter-id", chapter->id,
                             "starts-at", "2026-10-22T19:00", NULL);
  later = ts_test_add_event (repository, "chapter-id", chapter->id,
                             "starts-at", "2026-11-26T19:00", NULL);
  keep = ts_test_add_member (repository, "family-name", "斎藤", "given-name", "太郎",
                             "family-reading", "さいとう", "given-reading", "たろう",
                             "organization", "大田病院", NULL);
  /* The same person typed at the door in half-width kana, with an email. */
  other = ts_test_add_member (repository, "family-name", "ｻｲﾄｳ", "given-name", "ﾀﾛｳ",
                              "organization", "蒲田クリニック",
                              "email", "saito@example.jp", NULL);
  friend = ts_test_add_member (repository, "family-name", "鈴木", "referred-by", other->id,
                               NULL);
  ts_test_attend (repository, event->id, keep->id, TS_ATTENDANCE_STATUS_REGISTERED);
  ts_test_attend (repository, event->id, other->id, TS_ATTENDANCE_STATUS_WALK_IN);
  ts_test_attend (repository, later->id, other->id, TS_ATTENDANCE_STATUS_REGISTERED);
  fixture->event_id = event->id;
  fixture->later_event_id = later->id;
  fixture->keep = keep->id;
  fixture->other = other->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (&fixture->db);
}

static int
run (Fixture    *fixture,
     TsTestRun  *result,
     const char *first,
     ...)
{
  g_auto(GStrv) env = ts_test_cli_environ ("ja_JP.UTF-8");
  va_list args;

  ts_test_run_clear (result);
  va_start (args, first);
  result->status = ts_test_run_cli_valist (env, fixture->db.path, &result->out,
                                           &result->err, first, args);
  va_end (args);
  return result->status;
}

static char *
id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
test_duplicates_and_merge (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *keep = id_text (fixture->keep);
  g_autofree char *other = id_text (fixture->other);
  g_autofree char *expected_row = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(TsMember) merged = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) referred = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TsTestRun) result = { 0 };

  g_assert_cmpint (run (fixture, &result, "duplicates", "--format", "csv", NULL), ==, 0);
  expected_row = g_strdup_printf ("%s,斎藤　太郎,さいとう　たろう,%s,ｻｲﾄｳ　ﾀﾛｳ,,", keep, other);
  g_assert_nonnull (strstr (result.out, expected_row));
  g_assert_nonnull (strstr (result.out, "よみがな"));

  /* Wrong uses change nothing. */
  before = ts_test_dump_database (fixture->db.path);
  g_assert_cmpint (run (fixture, &result, "member", "merge", keep, NULL), ==, 2);
  g_assert_cmpint (run (fixture, &result, "member", "merge", keep, other,
                        "--take", "email,shoe-size", NULL), ==, 2);
  g_assert_cmpint (run (fixture, &result, "member", "merge", keep, "999", NULL), ==, 1);
  g_assert_cmpint (run (fixture, &result, "member", "merge", keep, keep, NULL), ==, 1);
  after = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after, ==, before);

  /* Keep's values where set, other's where keep has none, and --take. */
  g_assert_cmpint (run (fixture, &result, "member", "merge", keep, other,
                        "--take", "organization", NULL), ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  merged = ts_repository_get_member (fixture->db.repository, fixture->keep, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (merged->family_name, ==, "斎藤");
  g_assert_cmpstr (merged->organization, ==, "蒲田クリニック");
  g_assert_cmpstr (merged->email, ==, "saito@example.jp");
  history = ts_repository_list_member_history (fixture->db.repository, fixture->keep, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  {
    g_autoptr(TsAttendance) newest = g_list_model_get_item (history, 0);
    g_autoptr(TsAttendance) oldest = g_list_model_get_item (history, 1);

    g_assert_cmpint (newest->status, ==, TS_ATTENDANCE_STATUS_REGISTERED);
    g_assert_cmpint (oldest->status, ==, TS_ATTENDANCE_STATUS_WALK_IN);
  }
  referred = ts_repository_list_referred (fixture->db.repository, fixture->keep, &error);
  g_assert_cmpuint (g_list_model_get_n_items (referred), ==, 1);

  g_assert_cmpint (run (fixture, &result, "duplicates", NULL), ==, 0);
  g_assert_null (strstr (result.out, "ｻｲﾄｳ"));
}

static void
test_event_close (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *event = id_text (fixture->later_event_id);
  g_autoptr(TsEvent) held = NULL;
  g_autoptr(GListModel) list = NULL;
  g_auto(TsTestRun) result = { 0 };

  g_assert_cmpint (run (fixture, &result, "event", "close", event, NULL), ==, 0);
  g_assert_cmpstr (g_strstrip (result.out), ==, "1 人を無断欠席にしました。");
  held = ts_repository_get_event (fixture->db.repository, fixture->later_event_id, NULL);
  g_assert_cmpint (held->status, ==, TS_EVENT_STATUS_HELD);
  list = ts_repository_list_attendance (fixture->db.repository, fixture->later_event_id, NULL);
  {
    g_autoptr(TsAttendance) row = g_list_model_get_item (list, 0);
    g_assert_cmpint (row->status, ==, TS_ATTENDANCE_STATUS_NO_SHOW);
  }

  g_assert_cmpint (run (fixture, &result, "event", "close", "999", NULL), ==, 1);
  g_assert_cmpint (run (fixture, &result, "event", "close", NULL), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-merge/duplicates-and-merge", Fixture, NULL,
              fixture_set_up, test_duplicates_and_merge, fixture_tear_down);
  g_test_add ("/cli-merge/event-close", Fixture, NULL,
              fixture_set_up, test_event_close, fixture_tear_down);
  return g_test_run ();
}
