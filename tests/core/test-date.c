/* test-date.c: dates as stored and as printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <glib/gi18n.h>

#include "ts-date.h"
#include "ts-test-support.h"

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
  g_test_add_func ("/date/japanese-with-english-lc-time", test_format_japanese_with_english_time);
  return g_test_run ();
}
