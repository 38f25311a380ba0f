/* ts-date.c: event dates as stored ("2017-08-24T19:00") and as printed.
 *
 * Dates are stored as local wall-clock time with no zone: a meeting at
 * 19:00 in 札幌 stays at 19:00 whatever the laptop's zone says later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-date"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "ts-date.h"
#include "ts-date-private.h"

/* Whether @text has exactly the shape of @pattern, where 'd' stands for
 * one ASCII digit and any other character for itself. */
static gboolean
has_shape (const char *text,
           const char *pattern)
{
  for (; *pattern != '\0'; pattern++, text++)
    if (*pattern == 'd' ? !g_ascii_isdigit (*text) : *text != *pattern)
      return FALSE;
  return *text == '\0';
}

static int
number_at (const char *text,
           guint       start,
           guint       length)
{
  int value = 0;

  for (guint i = start; i < start + length; i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

/* "2017-08-24T19:00", with optional ":SS"; NULL when it is not a date and
 * time that exists (2017-02-30 does not), or when anything else comes
 * with it ("2017-08-24T19:00xyz"): a date is all of the text or none. */
GDateTime *
ts_date_parse (const char *text)
{
  int year, month, day, hour, minute, second = 0;

  if (text == NULL)
    return NULL;
  if (!has_shape (text, "dddd-dd-ddTdd:dd") && !has_shape (text, "dddd-dd-ddTdd:dd:dd"))
    return NULL;
  year = number_at (text, 0, 4);
  month = number_at (text, 5, 2);
  day = number_at (text, 8, 2);
  hour = number_at (text, 11, 2);
  minute = number_at (text, 14, 2);
  if (text[16] == ':')
    second = number_at (text, 17, 2);
  if (year < 1 || !g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 ||
      second > 59)
    return NULL;
  return g_date_time_new_local (year, month, day, hour, minute, second);
}

gboolean
ts_date_is_valid (const char *text)
{
  g_autoptr(GDateTime) when = ts_date_parse (text);
  return when != NULL;
}

static const char * const weekday_names[] = {
  NC_("weekday", "Mon"), NC_("weekday", "Tue"), NC_("weekday", "Wed"),
  NC_("weekday", "Thu"), NC_("weekday", "Fri"), NC_("weekday", "Sat"),
  NC_("weekday", "Sun"),
};

static const char * const month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

/* @format with %a and %B replaced by our own translated names. strftime
 * (and so g_date_time_format) takes them from LC_TIME, which need not
 * match the language of the text around them: with LANGUAGE=ja and
 * LC_TIME=en_US a Japanese date would read 2017年8月24日(Thu). */
static char *
expand_names (GDateTime  *when,
              const char *format)
{
  GString *out = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      const char *name = NULL;

      if (p[0] == '%' && p[1] == 'a')
        name = g_dpgettext2 (GETTEXT_PACKAGE, "weekday",
                             weekday_names[g_date_time_get_day_of_week (when) - 1]);
      else if (p[0] == '%' && p[1] == 'B')
        name = g_dpgettext2 (GETTEXT_PACKAGE, "month",
                             month_names[g_date_time_get_month (when) - 1]);
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append (out, "%%");
          p++;
          continue;
        }
      if (name == NULL)
        {
          g_string_append_c (out, *p);
          continue;
        }
      for (const char *c = name; *c != '\0'; c++)
        {
          if (*c == '%')
            g_string_append_c (out, '%');
          g_string_append_c (out, *c);
        }
      p++;
    }
  return g_string_free (out, FALSE);
}

/* "2017年8月24日(木)" in Japanese, whatever LC_TIME says. */
char *
ts_date_format_day (GDateTime *when)
{
  /* Translators: a date as strftime format, in Japanese
   * "%Y年%-m月%-d日(%a)", giving 2017年8月24日(木). %a and %B are
   * replaced by the names translated with the "weekday" and "month"
   * contexts. */
  g_autofree char *format = expand_names (when, _("%a, %-d %B %Y"));

  return g_date_time_format (when, format);
}

/* A month of a year: November 2026, 2026年11月. */
char *
ts_date_format_month (int year,
                      int month)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, 1, 0, 0, 0);
  g_autofree char *format = NULL;

  if (when == NULL)
    return g_strdup_printf ("%d-%02d", year, month);
  /* Translators: a month as strftime format, in Japanese "%Y年%-m月",
   * giving 2026年11月. %B is replaced by the name translated with the
   * "month" context. */
  format = expand_names (when, _("%B %Y"));
  return g_date_time_format (when, format);
}

char *
ts_date_format_time (GDateTime *when)
{
  return g_date_time_format (when, "%H:%M");
}

/* The eras since the first meetups could be held, newest first: each
 * begins on its first day, and its first year is printed 元年. */
const TsDateEra ts_date_eras[] = {
  { "令和", 2019, 5, 1 },
  { "平成", 1989, 1, 8 },
  { "昭和", 1926, 12, 25 },
  { NULL }
};

const char * const ts_date_weekdays_ja[] = { "月", "火", "水", "木", "金", "土", "日", NULL };

/* "令和元年5月1日(水)". This is Japanese by nature, not a translation:
 * callers use it only where ts_date_wareki_available() says so. Dates
 * before 昭和 keep the Western calendar. */
char *
ts_date_format_day_wareki (GDateTime *when)
{
  int year = g_date_time_get_year (when);
  int month = g_date_time_get_month (when);
  int day = g_date_time_get_day_of_month (when);
  const char *weekday = ts_date_weekdays_ja[g_date_time_get_day_of_week (when) - 1];

  for (const TsDateEra *era = ts_date_eras; era->name != NULL; era++)
    {
      int era_year;

      if (year * 10000 + month * 100 + day < era->year * 10000 + era->month * 100 + era->day)
        continue;
      era_year = year - era->year + 1;
      if (era_year == 1)
        return g_strdup_printf ("%s元年%d月%d日(%s)", era->name, month, day, weekday);
      return g_strdup_printf ("%s%d年%d月%d日(%s)", era->name, era_year, month, day, weekday);
    }
  return g_strdup_printf ("%d年%d月%d日(%s)", year, month, day, weekday);
}

/* The era calendar only makes sense in Japanese: an English roster keeps
 * the Western date even when the organizer chose 和暦. */
gboolean
ts_date_wareki_available (void)
{
  /* Translators: "wareki" if dates may be written in the Japanese era
   * calendar (令和元年) in your language; Japanese says "wareki", all
   * others keep "western". */
  return g_str_equal (C_("calendar", "western"), "wareki");
}

static char *
format_range (GDateTime  *start,
              const char *ends_at,
              const char *day)
{
  g_autoptr(GDateTime) end = ts_date_parse (ends_at);
  g_autofree char *from = ts_date_format_time (start);
  g_autofree char *to = NULL;

  if (end == NULL)
    /* Translators: a day and a start time; in Japanese "%1$s %2$s〜". */
    return g_strdup_printf (_("%1$s, %2$s"), day, from);
  to = ts_date_format_time (end);
  /* Translators: a day, start and end time; in Japanese "%1$s %2$s〜%3$s". */
  return g_strdup_printf (_("%1$s, %2$s–%3$s"), day, from, to);
}

/* As ts_date_format_range(), with the day in 和暦 when asked and the UI
 * is Japanese: "令和元年8月22日(木) 19:00〜". */
char *
ts_date_format_range_wareki (const char *starts_at,
                             const char *ends_at,
                             gboolean    wareki)
{
  g_autoptr(GDateTime) start = ts_date_parse (starts_at);
  g_autofree char *day = NULL;

  if (start == NULL)
    return g_strdup (starts_at ? starts_at : "");
  if (wareki && ts_date_wareki_available ())
    day = ts_date_format_day_wareki (start);
  else
    day = ts_date_format_day (start);
  return format_range (start, ends_at, day);
}

/* "2017年8月24日(木) 19:00〜21:00", or "… 19:00〜" with no end. */
char *
ts_date_format_range (const char *starts_at,
                      const char *ends_at)
{
  return ts_date_format_range_wareki (starts_at, ends_at, FALSE);
}

char *
ts_date_format_stored (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%dT%H:%M");
}

/* The same weekday of the same week of the next month: the 4th Thursday
 * of August gives the 4th Thursday of September. A 5th weekday that the
 * next month lacks becomes that month's last one. */
GDateTime *
ts_date_same_weekday_next_month (GDateTime *when)
{
  int week = (g_date_time_get_day_of_month (when) - 1) / 7;
  int weekday = g_date_time_get_day_of_week (when);
  g_autoptr(GDateTime) first = NULL;
  int year = g_date_time_get_year (when);
  int month = g_date_time_get_month (when) + 1;
  int day, days_in_month;

  if (month > 12)
    {
      month = 1;
      year++;
    }
  first = g_date_time_new_local (year, month, 1, 0, 0, 0);
  day = 1 + (weekday - g_date_time_get_day_of_week (first) + 7) % 7 + week * 7;
  days_in_month = g_date_get_days_in_month (month, year);
  while (day > days_in_month)
    day -= 7;
  return g_date_time_new_local (year, month, day,
                                g_date_time_get_hour (when),
                                g_date_time_get_minute (when), 0);
}
