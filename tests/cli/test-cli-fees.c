/* test-cli-fees.c: tsudoi-cli attend --paid, fees and event fee-class,
 * run as a real process on a real file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-test-support.h"

typedef struct {
  TsTestDb db;
  char    *event;
  char    *members[3];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TsRepository *repository;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;
  const char *names[][2] = { { "青木", "あおき" }, { "井上", "いのうえ" }, { "上田", "うえだ" } };
  const TsAttendanceStatus statuses[] = {
    TS_ATTENDANCE_STATUS_ATTENDED, TS_ATTENDANCE_STATUS_ATTENDED, TS_ATTENDANCE_STATUS_REGISTERED,
  };

  ts_test_db_init (&fixture->db, "cli-fees.db");
  repository = fixture->db.repository;
  chapter = ts_test_add_chapter (repository, "name", "大田医介塾", NULL);
  event = ts_test_add_event (repository, "chapter-id", chapter->id,
                             "starts-at", "2026-12-17T19:00", "fee", (gint64) 4000, NULL);
  fixture->event = g_strdup_printf ("%" G_GINT64_FORMAT, event->id);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TsMember) member = ts_test_add_member (repository,
                                                       "family-name", names[i][0],
                                                       "given-name", "一郎",
                                                       "family-reading", names[i][1],
                                                       "given-reading", "いちろう", NULL);

      ts_test_attend (repository, event->id, member->id, statuses[i]);
      fixture->members[i] = g_strdup_printf ("%" G_GINT64_FORMAT, member->id);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->event);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->members); i++)
    g_free (fixture->members[i]);
  ts_test_db_clear (&fixture->db);
}

static int
run (Fixture    *fixture,
     const char *locale,
     TsTestRun  *result,
     const char *first,
     ...)
{
  g_auto(GStrv) env = ts_test_cli_environ (locale);
  va_list args;

  ts_test_run_clear (result);
  va_start (args, first);
  result->status = ts_test_run_cli_valist (env, fixture->db.path, &result->out,
                                           &result->err, first, args);
  va_end (args);
  return result->status;
}

/* The last @n lines of @text. */
static char *
last_lines (const char *text,
            guint       n)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint len = g_strv_length (lines);

  /* The text ends with a line break: the last piece is empty. */
  g_assert_cmpuint (len, >, n);
  return g_strjoinv ("\n", lines + len - 1 - n);
}

static void
test_fees (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(TsTestRun) result = { 0 };
  g_autofree char *totals = NULL;
  g_autofree char *inoue = NULL;
  g_autoptr(TsAttendance) paid = NULL;

  g_assert_cmpint (run (fixture, NULL, &result, "event", "fee-class", "--event", fixture->event,
                        "--add", "学生=2000", "--add", "初参加=0", NULL), ==, 0);
  g_assert_nonnull (strstr (result.out, "学生"));
  g_assert_cmpint (run (fixture, NULL, &result, "event", "fee-class", "--event", fixture->event,
                        "--member", fixture->members[1], "--class", "学生", NULL), ==, 0);

  /* What they owe; an amount as a separate word; an amount and a status. */
  g_assert_cmpint (run (fixture, NULL, &result, "attend", "--event", fixture->event,
                        "--member", fixture->members[0], "--paid", NULL), ==, 0);
  g_assert_cmpint (run (fixture, NULL, &result, "attend", "--event", fixture->event,
                        "--member", fixture->members[1], "--paid", "500", NULL), ==, 0);
  g_assert_cmpint (run (fixture, NULL, &result, "attend", "--event", fixture->event,
                        "--member", fixture->members[2], "--status", "attended",
                        "--paid=¥1,000", NULL), ==, 0);

  g_assert_cmpint (run (fixture, NULL, &result, "fees", "--event", fixture->event,
                        "--format", "csv", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "ID,Name,Fee class,Due,Paid,State\n"));
  inoue = g_strdup_printf ("\n%s,井上　一郎,学生,2000,500,Unpaid\n", fixture->members[1]);
  g_assert_nonnull (strstr (result.out, inoue));
  totals = last_lines (result.out, 3);
  g_assert_cmpstr (totals, ==,
                   ",expected,,10000,,\n"
                   ",collected,,,5500,\n"
                   ",outstanding,,4500,,\n");

  /* The payment kept the status of someone already present. */
  {
    g_autoptr(GListModel) list = ts_repository_list_attendance (fixture->db.repository,
                                                                g_ascii_strtoll (fixture->event, NULL, 10),
                                                                NULL);

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(TsAttendance) row = g_list_model_get_item (list, i);

        g_assert_cmpint (row->status, ==, TS_ATTENDANCE_STATUS_ATTENDED);
        g_assert_true (row->paid);
      }
  }

  /* In Japanese: yen as 4,500円, and the unpaid mark. */
  g_assert_cmpint (run (fixture, "ja_JP.UTF-8", &result, "fees", "--event", fixture->event, NULL),
                   ==, 0);
  g_clear_pointer (&totals, g_free);
  totals = last_lines (result.out, 1);
  g_assert_nonnull (strstr (totals, "4,500円"));
  g_assert_nonnull (strstr (result.out, "未払い"));
  g_assert_nonnull (strstr (result.out, "10,000円"));
}

static void
test_errors_change_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(TsTestRun) result = { 0 };
  g_autofree char *before = ts_test_dump_database (fixture->db.path);
  g_autofree char *after = NULL;

  g_assert_cmpint (run (fixture, NULL, &result, "attend", "--event", fixture->event,
                        "--member", fixture->members[0], "--paid=abc", NULL), ==, 2);
  g_assert_cmpint (run (fixture, NULL, &result, "fees", NULL), ==, 2);
  g_assert_cmpint (run (fixture, NULL, &result, "event", "fee-class", "--event", fixture->event,
                        "--add", "学生", NULL), ==, 2);
  /* The second class is a duplicate: the first is not kept either. */
  g_assert_cmpint (run (fixture, NULL, &result, "event", "fee-class", "--event", fixture->event,
                        "--add", "学生=2000", "--add", "学生=1000", NULL), ==, 1);
  g_assert_cmpint (run (fixture, NULL, &result, "event", "fee-class", "--event", fixture->event,
                        "--member", fixture->members[0], "--class", "なし", NULL), ==, 1);
  /* The status is not written when the payment fails. */
  g_assert_cmpint (run (fixture, NULL, &result, "attend", "--event", fixture->event,
                        "--member", fixture->members[2], "--status", "attended",
                        "--paid=0", NULL), ==, 1);
  g_assert_cmpstr (result.err, !=, "");
  after = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-fees/fees", Fixture, NULL, fixture_set_up, test_fees, fixture_tear_down);
  g_test_add ("/cli-fees/errors", Fixture, NULL, fixture_set_up, test_errors_change_nothing,
              fixture_tear_down);
  return g_test_run ();
}
