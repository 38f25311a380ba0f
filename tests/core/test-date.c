/* test-date.c: dates as stored and as printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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

static void
test_format_english (void)
{
  g_autofree char *range = ts_date_format_range ("2017-08-24T19:00", "2017-08-24T21:00");
  g_autofree char *open = ts_date_format_range ("2017-08-24T19:00", "");

  g_assert_cmpstr (range, ==, "Thu, 24 August 2017, 19:00–21:00");
  g_assert_cmpstr (open, ==, "Thu, 24 August 2017, 19:00");
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/format-english", test_format_english);
  g_test_add_func ("/date/next-month", test_same_weekday_next_month);
  return g_test_run ();
}
