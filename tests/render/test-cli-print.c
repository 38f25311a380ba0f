/* test-cli-print.c: tsudoi-cli roster and cards from start to finish.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "test-render-fixture.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"

static int
run_cli (const char *database,
         char      **err,
         ...)
{
  va_list args;
  const char *first;
  int status;

  va_start (args, err);
  first = va_arg (args, const char *);
  status = ts_test_run_cli_valist (NULL, database, NULL, err, first, args);
  va_end (args);
  return status;
}

/* The sample's busiest event, and the names a roster must show for it. */
static gint64
busiest_event (const char  *dir,
               GPtrArray   *names,
               gint64      *empty_event)
{
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "sample.db");
  g_autoptr(GListModel) events = ts_repository_list_events (repository, 0, NULL);
  gint64 best = 0, best_count = 0;
  g_autoptr(GListModel) list = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);

      if (event->headcount > best_count)
        best = event->id, best_count = event->headcount;
      if (event->headcount == 0)
        *empty_event = event->id;
    }
  list = ts_repository_list_attendance (repository, best, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TsAttendance) a = g_list_model_get_item (list, i);

      if (a->member->consent != TS_CONSENT_NONE &&
          (a->status == TS_ATTENDANCE_STATUS_REGISTERED || ts_attendance_status_is_present (a->status)))
        g_ptr_array_add (names, ts_member_dup_name (a->member));
    }
  return best;
}

static void
test_cli_roster (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *database = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "roster.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "nobody.pdf", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *err = NULL;
  g_autofree char *event = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *text = NULL;
  gint64 empty_event = 0;
  guint n_pages;

  g_assert_cmpint (run_cli (database, NULL, "sample", "--members", "120", NULL), ==, 0);
  event = g_strdup_printf ("%" G_GINT64_FORMAT, busiest_event (dir, names, &empty_event));
  g_assert_cmpuint (names->len, >, 5);

  g_assert_cmpint (run_cli (database, &err, "roster", "--event", event, "-o", pdf,
                            "--sort", "reading", "--columns", "all", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = ts_test_pdf_text (pdf, 10, &n_pages);
  g_assert_cmpuint (n_pages, >=, 1);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *plain = NULL;
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (names, i), "\u3000", -1);

      plain = g_strjoinv ("", parts);
      /* Poppler can split a row's name at the wide space when a
       * neighbouring cell wraps; then both halves must be there. */
      if (strstr (text, plain) == NULL)
        for (guint j = 0; parts[j] != NULL; j++)
          if (strstr (text, parts[j]) == NULL)
            g_error ("“%s” is missing from the roster: %s", plain, text);
    }
  g_assert_null (strstr (text, "@"));

  /* The compact roster: everyone, about 40 a page, fewer pages. */
  {
    g_autofree char *compact = g_build_filename (dir, "compact.pdf", NULL);
    g_autofree char *compact_text = NULL;
    guint compact_pages;

    g_assert_cmpint (run_cli (database, NULL, "roster", "--event", event, "-o", compact,
                              "--compact", NULL), ==, 0);
    compact_text = ts_test_pdf_text (compact, 10, &compact_pages);
    g_assert_cmpuint (compact_pages, ==, (names->len + 39) / 40);
    g_assert_cmpuint (compact_pages, <=, n_pages);
    for (guint i = 0; i < names->len; i++)
      {
        g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (names, i), "\u3000", -1);

        for (guint j = 0; parts[j] != NULL; j++)
          if (strstr (compact_text, parts[j]) == NULL)
            g_error ("“%s” is missing from the compact roster", parts[j]);
      }
  }

  /* Wrong flags and empty events: a message, a failure, no file. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (database, &err, "roster", "--event", event, "-o", missing,
                            "--sort", "age", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "reading"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  if (empty_event != 0)
    {
      empty = g_strdup_printf ("%" G_GINT64_FORMAT, empty_event);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run_cli (database, &err, "cards", "--event", empty, "-o", missing, NULL), ==, 1);
      g_assert_cmpstr (err, !=, "");
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (database, &err, "cards", "--event", event, "-o", pdf,
                            "--start-slot", "11", NULL), ==, 2);
  ts_test_remove_dir (dir);
}

/* tsudoi-cli intro-sheet: everyone coming, in Japanese, in either
 * order; a wrong order is refused and writes nothing. */
static void
test_cli_intro_sheet (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *database = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "intro.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "nothing.pdf", NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) japanese = ts_test_cli_environ ("ja_JP.UTF-8");
  const char * const orders[] = { NULL, "table", "checkin" };
  g_autofree char *event = NULL;
  gint64 empty_event = 0;

  g_assert_cmpint (run_cli (database, NULL, "sample", "--members", "120", NULL), ==, 0);
  event = g_strdup_printf ("%" G_GINT64_FORMAT, busiest_event (dir, names, &empty_event));
  for (guint k = 0; k < G_N_ELEMENTS (orders); k++)
    {
      g_autofree char *err = NULL;
      g_autofree char *text = NULL;
      guint n_pages;

      g_assert_cmpint (ts_test_run_cli (japanese, database, NULL, &err, "intro-sheet",
                                        "--event", event, "-o", pdf,
                                        orders[k] ? "--order" : NULL, orders[k], NULL), ==, 0);
      g_assert_cmpstr (err, ==, "");
      text = ts_test_pdf_text (pdf, 10.5, &n_pages);
      g_assert_nonnull (strstr (text, "自己紹介司会用"));
      for (guint i = 0; i < names->len; i++)
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (names, i), "\u3000", -1);
          g_autofree char *plain = g_strjoinv ("", parts);

          if (strstr (text, plain) == NULL)
            g_error ("“%s” is missing from the MC sheet: %s", plain, text);
        }
    }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run_cli (database, &err, "intro-sheet", "--event", event, "-o", missing,
                              "--order", "age", NULL), ==, 2);
    g_assert_nonnull (strstr (err, "checkin"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  ts_test_remove_dir (dir);
}

/* One roster for an event in 令和元年, its text. */
static char *
roster_text (const char  *dir,
             char       **env,
             const char  *event,
             gboolean     wareki)
{
  g_autofree char *database = g_build_filename (dir, "wareki.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "wareki.pdf", NULL);
  g_autofree char *err = NULL;
  guint n_pages;

  g_assert_cmpint (ts_test_run_cli (env, database, NULL, &err, "roster", "--event", event,
                                    "-o", pdf, wareki ? "--wareki" : NULL, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return ts_test_pdf_text (pdf, 0, &n_pages);
}

/* --wareki: 令和 in the header of a Japanese roster; the Western date
 * without it, and in English even with it. */
static void
test_cli_wareki (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_auto(GStrv) japanese = ts_test_cli_environ ("ja_JP.UTF-8");
  g_autofree char *event = NULL;
  g_autofree char *era = NULL;
  g_autofree char *western = NULL;
  g_autofree char *english = NULL;

  {
    g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "wareki.db");
    g_autoptr(TsChapter) chapter = ts_test_add_chapter (repository, "name", "令和医介塾",
                                                        "reading", "れいわいかいじゅく", NULL);
    g_autoptr(TsEvent) held = ts_test_add_event (repository, "chapter-id", chapter->id,
                                                 "title", "第3回 令和の会",
                                                 "starts-at", "2019-08-22T19:00",
                                                 "status", TS_EVENT_STATUS_PLANNED, NULL);

    test_fixture_add_people (repository, held->id);
    event = g_strdup_printf ("%" G_GINT64_FORMAT, held->id);
  }
  era = roster_text (dir, japanese, event, TRUE);
  g_assert_nonnull (strstr (era, "令和元年8月22日(木)"));
  g_assert_null (strstr (era, "2019年"));
  western = roster_text (dir, japanese, event, FALSE);
  g_assert_nonnull (strstr (western, "2019年8月22日(木)"));
  g_assert_null (strstr (western, "令和元年"));
  english = roster_text (dir, NULL, event, TRUE);
  g_assert_null (strstr (english, "令和元年"));
  g_assert_nonnull (strstr (english, "2019"));
  ts_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/cli/roster", test_cli_roster);
  g_test_add_func ("/render/cli/wareki", test_cli_wareki);
  g_test_add_func ("/render/cli/intro-sheet", test_cli_intro_sheet);
  return g_test_run ();
}
