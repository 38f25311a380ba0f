/* test-cli-dates.c: tsudoi-cli takes dates as people type them, its
 * global options anywhere, and prints Japanese dates whatever LC_TIME is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-date.h"
#include "ts-schedule.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"

typedef struct {
  char *dir;
  char *db;
  char *chapter;
} Fixture;

static char *
first_line (const char *text)
{
  return g_strstrip (g_strndup (text, strcspn (text, "\n")));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(GStrv) env = ts_test_cli_environ (NULL);
  g_autofree char *out = NULL;

  fixture->dir = ts_test_make_temp_dir ();
  fixture->db = g_build_filename (fixture->dir, "dates.db", NULL);
  g_assert_cmpint (ts_test_run_cli (env, fixture->db, NULL, NULL, "init", NULL), ==, 0);
  g_assert_cmpint (ts_test_run_cli (env, fixture->db, &out, NULL, "chapter", "add",
                                    "--name", "蒲田医介塾", "--reading", "かまたいかいじゅく",
                                    NULL), ==, 0);
  fixture->chapter = first_line (out);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->chapter);
}

/* The event listing's CSV: the stored start is the second column. */
static char *
listed_events (Fixture *fixture)
{
  g_auto(GStrv) env = ts_test_cli_environ (NULL);
  char *out = NULL;

  g_assert_cmpint (ts_test_run_cli (env, fixture->db, &out, NULL, "events", "--format", "csv",
                                    NULL), ==, 0);
  return out;
}

static void
add_event (Fixture    *fixture,
           const char *date,
           const char *end)
{
  g_auto(GStrv) env = ts_test_cli_environ (NULL);
  g_autofree char *err = NULL;
  int status = ts_test_run_cli (env, fixture->db, NULL, &err, "event", "add",
                                "--chapter", fixture->chapter, "--date", date,
                                end ? "--end" : NULL, end, NULL);

  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
}

static void
test_date_forms (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year = g_date_time_get_year (now);
  g_autofree char *listed = NULL;

  add_event (fixture, "2026/12/17 19:00", "21時");
  add_event (fixture, "令和9年１月２１日　19時30分", NULL);
  add_event (fixture, "２０２７－０２－１８Ｔ１９：００", "2027/2/18 2100");
  listed = listed_events (fixture);
  g_assert_nonnull (strstr (listed, "2026-12-17T19:00"));
  g_assert_nonnull (strstr (listed, "2027-01-21T19:30"));
  g_clear_pointer (&listed, g_free);
  {
    g_auto(GStrv) env = ts_test_cli_environ (NULL);

    g_assert_cmpint (ts_test_run_cli (env, fixture->db, &listed, NULL, "events", NULL), ==, 0);
    g_assert_nonnull (strstr (listed, "Thu, 17 December 2026, 19:00–21:00"));
    g_assert_nonnull (strstr (listed, "Thu, 18 February 2027, 19:00–21:00"));
  }

  /* Refused with an example from this year, never the stored form. */
  {
    g_auto(GStrv) env = ts_test_cli_environ ("ja_JP.UTF-8");
    g_autofree char *err = NULL;
    g_autofree char *example = g_strdup_printf ("%d/", year);
    int status = ts_test_run_cli (env, fixture->db, NULL, &err, "event", "add",
                                  "--chapter", fixture->chapter, "--date", "2026/02/30 19:00",
                                  NULL);

    g_assert_cmpint (status, ==, 2);
    g_assert_nonnull (strstr (err, "「2026/02/30 19:00」"));
    g_assert_nonnull (strstr (err, example));
    g_assert_null (strstr (err, "T19:00"));
    g_assert_null (strstr (err, "2017"));
  }
}

/* --database before the command, after it, or in $TSUDOI_DATABASE; the
 * option wins over the environment. */
static void
test_global_options (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(GStrv) env = ts_test_cli_environ (NULL);
  g_autofree char *option = g_strdup_printf ("--database=%s", fixture->db);
  const char *forms[][4] = {
    { "--database", fixture->db, "chapters", NULL },
    { "-d", fixture->db, "chapters", NULL },
    { option, "chapters", NULL },
    { "chapters", "--database", fixture->db, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = ts_test_run_cli (env, NULL, &out, &err, forms[i][0], forms[i][1],
                                    forms[i][2], forms[i][3], NULL);

      g_assert_cmpstr (err, ==, "");
      g_assert_cmpint (status, ==, 0);
      g_assert_nonnull (strstr (out, "蒲田医介塾"));
    }

  /* Two-word commands too. */
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (ts_test_run_cli (env, NULL, &out, NULL, "-d", fixture->db, "event", "add",
                                      "--chapter", fixture->chapter, "--date", "12/17 19:00",
                                      NULL), ==, 0);
  }

  env = g_environ_setenv (env, "TSUDOI_DATABASE", fixture->db, TRUE);
  {
    g_autofree char *out = NULL;

    g_assert_cmpint (ts_test_run_cli (env, NULL, &out, NULL, "chapters", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "蒲田医介塾"));
  }
  {
    g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
    g_autofree char *err = NULL;

    /* The option wins: a missing file named by it is refused. */
    g_assert_cmpint (ts_test_run_cli (env, NULL, NULL, &err, "--database", missing,
                                      "chapters", NULL), !=, 0);
    g_assert_nonnull (strstr (err, "missing.db"));
  }
}

/* LANGUAGE=ja with LC_TIME=en_US: the listing says (木), not (Thu). */
static void
test_japanese_dates_english_time (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_auto(GStrv) env = ts_test_cli_environ (NULL);
  g_autofree char *out = NULL;

  add_event (fixture, "2017/8/24 19:00", "21:00");
  env = g_environ_unsetenv (env, "LC_ALL");
  env = g_environ_setenv (env, "LANG", "ja_JP.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "ja", TRUE);
  env = g_environ_setenv (env, "LC_TIME", "en_US.UTF-8", TRUE);
  g_assert_cmpint (ts_test_run_cli (env, fixture->db, &out, NULL, "events", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2017年8月24日(木) 19:00〜21:00"));

  /* And the roster's header. */
  {
    g_autofree char *pdf = g_build_filename (fixture->dir, "roster.pdf", NULL);
    g_autofree char *text = NULL;
    g_autofree char *member = NULL;
    guint n_pages = 0;

    g_assert_cmpint (ts_test_run_cli (env, fixture->db, &member, NULL, "member", "add",
                                      "--name", "渡辺 裕子", "--reading", "わたなべ ゆうこ",
                                      NULL), ==, 0);
    g_strstrip (member);
    g_assert_cmpint (ts_test_run_cli (env, fixture->db, NULL, NULL, "attend", "--event", "1",
                                      "--member", member, NULL), ==, 0);
    g_assert_cmpint (ts_test_run_cli (env, fixture->db, NULL, NULL, "roster", "--event", "1",
                                      "--output", pdf, NULL), ==, 0);
    text = ts_test_pdf_text (pdf, 0, &n_pages);
    g_assert_nonnull (strstr (text, "2017年8月24日(木)"));
    g_assert_null (strstr (text, "Thu"));
  }
}

/* With no --date, the chapter's next usual event, as the dialog starts
 * from; a chapter with nothing to go by is told to give the date. */
static void
test_next_usual_event (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(GStrv) env = ts_test_cli_environ ("ja_JP.UTF-8");
  g_autofree char *chapter = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *expected = NULL;
  TsSchedule schedule;

  g_assert_cmpint (ts_test_run_cli (env, fixture->db, NULL, &err, "event", "add",
                                    "--chapter", fixture->chapter, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--date"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (ts_test_run_cli (env, fixture->db, &out, NULL, "chapter", "add",
                                    "--name", "大田医介塾", "--reading", "おおたいかいじゅく",
                                    "--schedule", "毎月第２土曜 14時", NULL), ==, 0);
  chapter = first_line (out);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ts_test_run_cli (env, fixture->db, NULL, NULL, "event", "add",
                                    "--chapter", chapter, "--date", "2017/8/12 14:00",
                                    "--title", "第７回 大田医介塾", "--venue", "区民センター",
                                    "--fee", "3000", NULL), ==, 0);
  g_assert_cmpint (ts_test_run_cli (env, fixture->db, &out, &err, "event", "add",
                                    "--chapter", chapter, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  g_assert_true (ts_schedule_parse ("第2土曜 14:00", &schedule));
  next = ts_schedule_next (&schedule, now);
  expected = ts_date_format_stored (next);
  listed = listed_events (fixture);
  g_assert_nonnull (strstr (listed, expected));
  g_assert_nonnull (strstr (listed, "第8回 大田医介塾"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-dates/forms", Fixture, NULL, fixture_set_up, test_date_forms,
              fixture_tear_down);
  g_test_add ("/cli-dates/global-options", Fixture, NULL, fixture_set_up, test_global_options,
              fixture_tear_down);
  g_test_add ("/cli-dates/japanese-with-english-lc-time", Fixture, NULL, fixture_set_up,
              test_japanese_dates_english_time, fixture_tear_down);
  g_test_add ("/cli-dates/next-usual-event", Fixture, NULL, fixture_set_up,
              test_next_usual_event, fixture_tear_down);
  return g_test_run ();
}
