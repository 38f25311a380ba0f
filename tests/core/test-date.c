/* test-date.c: dates as stored and as printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <glib/gi18n.h>

#include "ts-date.h"
#include "ts-date-parse.h"
#include "ts-schedule.h"
#include "ts-test-support.h"

/* 2026-11-20, a Friday: the day the typed dates are read on. */
static GDateTime *
test_today (void)
{
  return g_date_time_new_local (2026, 11, 20, 10, 0, 0);
}

static void
test_parse (void)
{
  g_assert_true (ts_date_is_valid ("2017-08-24T19:00"));
  g_assert_true (ts_date_is_valid ("2020-02-29T19:00"));
  g_assert_true (ts_date_is_valid ("2017-08-24T19:00:30"));
  g_assert_false (ts_date_is_valid ("2017-02-30T19:00"));
  g_assert_false (ts_date_is_valid ("2019-02-29T19:00"));
  g_assert_false (ts_date_is_valid ("2017-08-24T24:00"));
  g_assert_false (ts_date_is_valid ("2017-08-24"));
  g_assert_false (ts_date_is_valid ("24/08/2017 19:00"));
  g_assert_false (ts_date_is_valid (""));
}

/* A date is the whole text: nothing may follow it, nor hide in it. */
static void
test_parse_refuses_more (void)
{
  g_assert_false (ts_date_is_valid ("2017-08-24T19:00xyz"));
  g_assert_false (ts_date_is_valid ("2017-08-24T19:00 "));
  g_assert_false (ts_date_is_valid ("2017-08-24T19:00\n"));
  g_assert_false (ts_date_is_valid ("2017-08-24T19:00:30garbage"));
  g_assert_false (ts_date_is_valid ("2017-08-24T19:00:"));
  g_assert_false (ts_date_is_valid ("2017-08-24T19:00:3"));
  g_assert_false (ts_date_is_valid ("2017-08-24 garbage"));
  g_assert_false (ts_date_is_valid ("2017-08-24 19:00"));
  g_assert_false (ts_date_is_valid ("2017-08-24T 9:00"));
  g_assert_false (ts_date_is_valid ("2017-8-24T19:00"));
  g_assert_false (ts_date_is_valid ("2017-+8-24T19:00"));
  g_assert_false (ts_date_is_valid (" 2017-08-24T19:00"));
  g_assert_false (ts_date_is_valid ("0000-01-01T00:00"));
  g_assert_true (ts_date_is_valid ("2017-08-24T09:05"));
  g_assert_true (ts_date_is_valid ("2017-08-24T00:00:00"));
}

static void
test_format_english (void)
{
  g_autofree char *range = ts_date_format_range ("2017-08-24T19:00", "2017-08-24T21:00");
  g_autofree char *open = ts_date_format_range ("2017-08-24T19:00", "");

  g_assert_cmpstr (range, ==, "Thu, 24 August 2017, 19:00–21:00");
  g_assert_cmpstr (open, ==, "Thu, 24 August 2017, 19:00");
}

static void
check_wareki (const char *stored,
              const char *expected)
{
  g_autoptr(GDateTime) when = ts_date_parse (stored);
  g_autofree char *text = ts_date_format_day_wareki (when);

  g_assert_cmpstr (text, ==, expected);
}

/* Each era's first day, the day before it, and the second year. */
static void
test_wareki (void)
{
  check_wareki ("2019-04-30T19:00", "平成31年4月30日(火)");
  check_wareki ("2019-05-01T19:00", "令和元年5月1日(水)");
  check_wareki ("2019-12-31T19:00", "令和元年12月31日(火)");
  check_wareki ("2020-01-01T19:00", "令和2年1月1日(水)");
  check_wareki ("2026-11-24T19:00", "令和8年11月24日(火)");
  check_wareki ("1989-01-07T10:00", "昭和64年1月7日(土)");
  check_wareki ("1989-01-08T10:00", "平成元年1月8日(日)");
  check_wareki ("1926-12-25T10:00", "昭和元年12月25日(土)");
  check_wareki ("1926-12-24T10:00", "1926年12月24日(金)");
}

/* In English (no translation here) the option leaves the Western date. */
static void
test_wareki_english (void)
{
  g_autofree char *range = ts_date_format_range_wareki ("2019-05-01T19:00", "", TRUE);

  g_assert_false (ts_date_wareki_available ());
  g_assert_cmpstr (range, ==, "Wed, 1 May 2019, 19:00");
}

static void
check_next (const char *from,
            const char *expected)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *text = NULL;

  when = ts_date_parse (from);
  next = ts_date_same_weekday_next_month (when);
  text = ts_date_format_stored (next);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_same_weekday_next_month (void)
{
  check_next ("2017-08-24T19:00", "2017-09-28T19:00");  /* 4th Thursday */
  check_next ("2017-12-06T18:30", "2018-01-03T18:30");  /* 1st Wednesday, new year */
  check_next ("2017-08-31T19:00", "2017-09-28T19:00");  /* 5th Thursday → last */
}

static void
check_input (const char *day,
             const char *time,
             const char *expected)
{
  g_autoptr(GDateTime) today = test_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = ts_date_parse_input (day, time, today, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, expected);
}

static void
check_refused (const char      *day,
               const char      *time,
               TsDateParseError code)
{
  g_autoptr(GDateTime) today = test_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = ts_date_parse_input (day, time, today, &error);

  g_assert_null (stored);
  g_assert_error (error, TS_DATE_PARSE_ERROR, (int) code);
  /* People never see the stored form, nor an example from another year. */
  g_assert_null (strstr (error->message, "T19"));
  g_assert_null (strstr (error->message, "2017"));
  if (code == TS_DATE_PARSE_ERROR_DAY)
    g_assert_nonnull (strstr (error->message, "2026/11/20"));
}

/* What Japanese organizers type, in every width. */
static void
test_input_forms (void)
{
  check_input ("2026/12/17", "19:00", "2026-12-17T19:00");
  check_input ("2026-12-17", "19:00", "2026-12-17T19:00");
  check_input ("2026/1/5", "9:30", "2026-01-05T09:30");
  check_input ("２０２６／１２／１７", "１９：００", "2026-12-17T19:00");
  check_input ("2026年12月17日", "19時", "2026-12-17T19:00");
  check_input ("2026年12月17日(木)", "19時30分", "2026-12-17T19:30");
  check_input ("令和8年12月17日", "1900", "2026-12-17T19:00");
  check_input ("令和元年5月1日", "18:00", "2019-05-01T18:00");
  check_input ("平成31年4月30日", "１９時", "2019-04-30T19:00");
  check_input ("  2026/12/17 ", " 19:00 ", "2026-12-17T19:00");
  /* No year: the next such day from today (2026-11-20) on. */
  check_input ("12/17", "19:00", "2026-12-17T19:00");
  check_input ("12月17日", "19:00", "2026-12-17T19:00");
  check_input ("１２月１７日", "19:00", "2026-12-17T19:00");
  check_input ("11/20", "19:00", "2026-11-20T19:00");
  check_input ("11/19", "19:00", "2027-11-19T19:00");
  check_input ("1/8", "19:00", "2027-01-08T19:00");
  check_input ("2/29", "19:00", "2028-02-29T19:00");
}

static void
test_input_refused (void)
{
  check_refused ("", "19:00", TS_DATE_PARSE_ERROR_DAY);
  check_refused ("2026/02/30", "19:00", TS_DATE_PARSE_ERROR_DAY);
  check_refused ("2026/12", "19:00", TS_DATE_PARSE_ERROR_DAY);
  check_refused ("12/17/2026", "19:00", TS_DATE_PARSE_ERROR_DAY);
  check_refused ("2026/12/17x", "19:00", TS_DATE_PARSE_ERROR_DAY);
  check_refused ("平成32年1月1日", "19:00", TS_DATE_PARSE_ERROR_DAY);
  check_refused ("令和元年4月30日", "19:00", TS_DATE_PARSE_ERROR_DAY);
  check_refused ("13/1", "19:00", TS_DATE_PARSE_ERROR_DAY);
  check_refused ("2026/12/17", "", TS_DATE_PARSE_ERROR_TIME);
  check_refused ("2026/12/17", "24:00", TS_DATE_PARSE_ERROR_TIME);
  check_refused ("2026/12/17", "19:60", TS_DATE_PARSE_ERROR_TIME);
  check_refused ("2026/12/17", "19", TS_DATE_PARSE_ERROR_TIME);
  check_refused ("2026/12/17", "7pm", TS_DATE_PARSE_ERROR_TIME);
  check_refused ("2026/12/17", "19:0", TS_DATE_PARSE_ERROR_TIME);
}

/* The command line's one text, and ends. */
static void
test_input_one (void)
{
  g_autoptr(GDateTime) today = test_today ();
  const struct { const char *text, *expected; } cases[] = {
    { "2026/12/17 19:00", "2026-12-17T19:00" },
    { "2026-12-17T19:00", "2026-12-17T19:00" },
    { "2017-08-24T19:00:30", "2017-08-24T19:00:30" },
    { "12月17日19時", "2026-12-17T19:00" },
    { "令和8年12月17日(木)　19時", "2026-12-17T19:00" },
    { "12/17 1900", "2026-12-17T19:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = ts_date_parse_one (cases[i].text, today, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, cases[i].expected);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *stored = ts_date_parse_one ("2026/12/17", today, &error);

    g_assert_null (stored);
    g_assert_error (error, TS_DATE_PARSE_ERROR, TS_DATE_PARSE_ERROR_TIME);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *end = ts_date_parse_end ("21時", "2026-12-17T19:00", today, &error);
    g_autofree char *none = ts_date_parse_end ("", "2026-12-17T19:00", today, &error);
    g_autofree char *bad = NULL;

    g_assert_cmpstr (end, ==, "2026-12-17T21:00");
    g_assert_cmpstr (none, ==, "");
    bad = ts_date_parse_end ("25:00", "2026-12-17T19:00", today, &error);
    g_assert_null (bad);
    g_assert_error (error, TS_DATE_PARSE_ERROR, TS_DATE_PARSE_ERROR_TIME);
  }
}

static char *
next_of (const char *schedule_text,
         const char *after_stored)
{
  g_autoptr(GDateTime) after = ts_date_parse (after_stored);
  g_autoptr(GDateTime) next = NULL;
  TsSchedule schedule;

  if (!ts_schedule_parse (schedule_text, &schedule))
    return g_strdup ("unparsed");
  next = ts_schedule_next (&schedule, after);
  return ts_date_format_stored (next);
}

static void
check_schedule (const char *text,
                const char *after,
                const char *expected)
{
  g_autofree char *next = next_of (text, after);

  g_assert_cmpstr (next, ==, expected);
}

static void
test_schedule (void)
{
  check_schedule ("毎月第4木曜 19:00", "2026-11-20T10:00", "2026-11-26T19:00");
  check_schedule ("毎月第4木曜 19:00", "2026-11-26T10:00", "2026-12-24T19:00");
  check_schedule ("毎月第４木曜日　19時〜21時", "2026-11-20T10:00", "2026-11-26T19:00");
  check_schedule ("第2土曜 14:00", "2026-11-20T10:00", "2026-12-12T14:00");
  check_schedule ("第四水曜", "2026-11-20T10:00", "2026-11-25T00:00");
  check_schedule ("最終金曜 18:30", "2026-11-20T10:00", "2026-11-27T18:30");
  check_schedule ("毎月15日", "2026-11-20T10:00", "2026-12-15T00:00");
  check_schedule ("毎月31日 19:00", "2026-11-20T10:00", "2026-11-30T19:00");
  /* A 5th Friday skips the months without one. */
  check_schedule ("第5金曜 19:00", "2026-11-20T10:00", "2027-01-29T19:00");
  check_schedule ("不定期", "2026-11-20T10:00", "unparsed");
  check_schedule ("", "2026-11-20T10:00", "unparsed");
}

/* A new event of a chapter: its next usual day, 第N+1回, the last venue
 * and fee. */
static void
test_suggest (void)
{
  g_autoptr(GDateTime) today = test_today ();
  g_autoptr(TsChapter) chapter = ts_chapter_new ();
  g_autoptr(TsEvent) last = ts_event_new ();
  g_autoptr(TsEvent) first = NULL;
  g_autoptr(TsEvent) next = NULL;
  g_autoptr(TsEvent) later = NULL;

  g_object_set (chapter, "name", "大田医介塾", "schedule", "毎月第4木曜 19:00",
                "venue", "区民センター", NULL);
  chapter->id = 3;
  first = ts_schedule_suggest_event (chapter, NULL, today);
  g_assert_cmpstr (first->starts_at, ==, "2026-11-26T19:00");
  g_assert_cmpstr (first->title, ==, "Meeting 1, 大田医介塾");
  g_assert_cmpstr (first->venue, ==, "区民センター");
  g_assert_cmpint (first->chapter_id, ==, 3);

  g_object_set (last, "title", "第１２０回 大田医介塾", "starts-at", "2026-10-22T19:00",
                "ends-at", "2026-10-22T21:00", "venue", "居酒屋 つどい", "fee", (gint64) 4000,
                NULL);
  next = ts_schedule_suggest_event (chapter, last, today);
  g_assert_cmpstr (next->starts_at, ==, "2026-11-26T19:00");
  g_assert_cmpstr (next->ends_at, ==, "2026-11-26T21:00");
  g_assert_cmpstr (next->title, ==, "Meeting 121, 大田医介塾");
  g_assert_cmpstr (next->venue, ==, "居酒屋 つどい");
  g_assert_cmpint (next->fee, ==, 4000);

  /* The next one already planned: the one after it. */
  g_object_set (last, "starts-at", "2026-11-26T19:00", "ends-at", "", NULL);
  later = ts_schedule_suggest_event (chapter, last, today);
  g_assert_cmpstr (later->starts_at, ==, "2026-12-24T19:00");
  g_assert_cmpstr (later->ends_at, ==, "");
}

/* With the text in Japanese and LC_TIME in English, dates are Japanese
 * all through: the weekday comes from the translation, not strftime. */
static void
test_format_japanese_with_english_time (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GDateTime) when = ts_date_parse ("2017-08-24T19:00");
      g_autofree char *day = NULL;
      g_autofree char *range = NULL;

      g_setenv ("LANGUAGE", "ja", TRUE);
      g_assert_nonnull (setlocale (LC_MESSAGES, "ja_JP.UTF-8"));
      g_assert_nonnull (setlocale (LC_TIME, "en_US.UTF-8"));
      bindtextdomain ("tsudoi", g_getenv ("TSUDOI_LOCALEDIR"));
      bind_textdomain_codeset ("tsudoi", "UTF-8");
      day = ts_date_format_day (when);
      range = ts_date_format_range ("2017-08-24T19:00", "2017-08-24T21:00");
      g_assert_cmpstr (day, ==, "2017年8月24日(木)");
      g_assert_cmpstr (range, ==, "2017年8月24日(木) 19:00〜21:00");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/parse-refuses-more", test_parse_refuses_more);
  g_test_add_func ("/date/format-english", test_format_english);
  g_test_add_func ("/date/next-month", test_same_weekday_next_month);
  g_test_add_func ("/date/wareki", test_wareki);
  g_test_add_func ("/date/wareki-english", test_wareki_english);
  g_test_add_func ("/date/input-forms", test_input_forms);
  g_test_add_func ("/date/input-refused", test_input_refused);
  g_test_add_func ("/date/input-one", test_input_one);
  g_test_add_func ("/date/schedule", test_schedule);
  g_test_add_func ("/date/suggest", test_suggest);
  g_test_add_func ("/date/japanese-with-english-lc-time", test_format_japanese_with_english_time);
  return g_test_run ();
}
