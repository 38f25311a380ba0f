/* ts-date-parse.c: dates and times as people type them.
 *
 * An organizer writes 2026/12/17, 12月17日, 令和8年12月17日 or the same
 * in full-width digits, and 19:00, 19時 or 1900; the event dialog and
 * tsudoi-cli read them all here, into the stored "2026-12-17T19:00",
 * which people never see. A date is all of the text or none: anything
 * left over is refused, not guessed at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-date"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-date.h"
#include "ts-date-parse.h"
#include "ts-date-private.h"

G_DEFINE_QUARK (ts-date-parse-error-quark, ts_date_parse_error)

/* NFKC turns full-width digits, ／ － ： and the ideographic space into
 * their ASCII forms, so that only those need reading. */
char *
ts_date_normalize (const char *text)
{
  char *nfkc = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFKC);

  return g_strstrip (nfkc != NULL ? nfkc : g_strdup (""));
}

/* Reads 1 to @max_digits digits at *p; 0 when there are none or more. */
guint
ts_date_scan_number (const char **p,
             guint        max_digits,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      *value = *value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n == 0 || g_ascii_isdigit ((*p)[n]))
    return 0;
  *p += n;
  return n;
}

gboolean
ts_date_skip (const char **p,
      const char  *literal)
{
  gsize length = strlen (literal);

  if (strncmp (*p, literal, length) != 0)
    return FALSE;
  *p += length;
  return TRUE;
}

/* 1 (月) to 7 (日), or 0, reading the weekday at *p. */
int
ts_date_scan_weekday (const char **p)
{
  for (guint i = 0; ts_date_weekdays_ja[i] != NULL; i++)
    if (ts_date_skip (p, ts_date_weekdays_ja[i]))
      return i + 1;
  return 0;
}

/* "(木)", "(木曜)" or "(木曜日)" after a date, as Tsudoi prints dates:
 * a date copied back is read; the day itself says which weekday it is. */
static void
skip_weekday (const char **p)
{
  const char *q = *p;

  if (!ts_date_skip (&q, "(") || ts_date_scan_weekday (&q) == 0)
    return;
  ts_date_skip (&q, "曜");
  ts_date_skip (&q, "日");
  if (ts_date_skip (&q, ")"))
    *p = q;
}

static gboolean
valid_ymd (int year,
           int month,
           int day)
{
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
         g_date_valid_dmy (day, month, year);
}

static int
day_key (int year,
         int month,
         int day)
{
  return year * 10000 + month * 100 + day;
}

/* A month and day with no year is the next one from today on: 12/17
 * typed in November is this year's, typed on 12/18 next year's (and
 * 2/29 waits for a leap year). */
static gboolean
next_month_day (GDateTime *today,
                int        month,
                int        day,
                GDate     *out)
{
  int year = g_date_time_get_year (today);

  if (month * 100 + day < g_date_time_get_month (today) * 100 +
                          g_date_time_get_day_of_month (today))
    year++;
  for (int i = 0; i < 8; i++, year++)
    if (valid_ymd (year, month, day))
      {
        g_date_set_dmy (out, day, month, year);
        return TRUE;
      }
  return FALSE;
}

/* "M月D日" at *p. */
static gboolean
read_month_day (const char **p,
                int         *month,
                int         *day)
{
  return ts_date_scan_number (p, 2, month) && ts_date_skip (p, "月") && ts_date_scan_number (p, 2, day) &&
         ts_date_skip (p, "日");
}

/* 令和8年12月17日, 平成元年1月8日: the era must hold the day (平成32年
 * never was). */
static gboolean
scan_era (const char **p,
          GDate       *out)
{
  for (const TsDateEra *era = ts_date_eras; era->name != NULL; era++)
    {
      const char *q = *p;
      int era_year, year, month, day, key;

      if (!ts_date_skip (&q, era->name))
        continue;
      if (ts_date_skip (&q, "元"))
        era_year = 1;
      else if (!ts_date_scan_number (&q, 2, &era_year) || era_year < 1)
        return FALSE;
      if (!ts_date_skip (&q, "年") || !read_month_day (&q, &month, &day))
        return FALSE;
      year = era->year + era_year - 1;
      key = day_key (year, month, day);
      if (!valid_ymd (year, month, day) || key < day_key (era->year, era->month, era->day) ||
          (era != ts_date_eras && key >= day_key (era[-1].year, era[-1].month, era[-1].day)))
        return FALSE;
      g_date_set_dmy (out, day, month, year);
      *p = q;
      return TRUE;
    }
  return FALSE;
}

/* 2026/12/17, 2026-12-17, 12/17, 2026年12月17日, 12月17日. */
static gboolean
scan_western (const char **p,
              GDateTime   *today,
              GDate       *out)
{
  const char *q = *p;
  int first, month, day;
  guint digits = ts_date_scan_number (&q, 4, &first);

  if (digits == 0)
    return FALSE;
  if (*q == '/' || *q == '-')
    {
      char separator = *q++;

      if (!ts_date_scan_number (&q, 2, &month))
        return FALSE;
      if (digits == 4 && *q == separator)
        {
          q++;
          if (!ts_date_scan_number (&q, 2, &day) || !valid_ymd (first, month, day))
            return FALSE;
          g_date_set_dmy (out, day, month, first);
        }
      else if (digits > 2 || !next_month_day (today, first, month, out))
        return FALSE;
    }
  else if (digits == 4 && ts_date_skip (&q, "年"))
    {
      if (!read_month_day (&q, &month, &day) || !valid_ymd (first, month, day))
        return FALSE;
      g_date_set_dmy (out, day, month, first);
    }
  else if (digits <= 2 && ts_date_skip (&q, "月"))
    {
      if (!ts_date_scan_number (&q, 2, &day) || !ts_date_skip (&q, "日") ||
          !next_month_day (today, first, day, out))
        return FALSE;
    }
  else
    return FALSE;
  *p = q;
  return TRUE;
}

static gboolean
scan_day (const char **p,
          GDateTime   *today,
          GDate       *out)
{
  if (!scan_era (p, out) && !scan_western (p, today, out))
    return FALSE;
  skip_weekday (p);
  return TRUE;
}

/* 19:00, 9:30, 19時, 19時30分, 1900. */
gboolean
ts_date_scan_time (const char **p,
                   int         *hour,
                   int         *minute)
{
  const char *q = *p;
  int h, m = 0;
  guint digits = ts_date_scan_number (&q, 4, &h);

  if (digits == 0)
    return FALSE;
  if (digits <= 2 && ts_date_skip (&q, ":"))
    {
      if (ts_date_scan_number (&q, 2, &m) != 2)
        return FALSE;
    }
  else if (digits <= 2 && ts_date_skip (&q, "時"))
    {
      if (ts_date_scan_number (&q, 2, &m) && !ts_date_skip (&q, "分"))
        return FALSE;
    }
  else if (digits == 4)
    {
      m = h % 100;
      h /= 100;
    }
  else
    return FALSE;
  if (h > 23 || m > 59)
    return FALSE;
  *hour = h;
  *minute = m;
  *p = q;
  return TRUE;
}

static GDateTime *
now_or (GDateTime *today)
{
  return today != NULL ? g_date_time_ref (today) : g_date_time_new_now_local ();
}

/* The examples show this year, so that they can be copied. */
static void
set_day_error (GError    **error,
               const char *text,
               GDateTime  *today)
{
  int year = g_date_time_get_year (today);
  int month = g_date_time_get_month (today);
  int day = g_date_time_get_day_of_month (today);

  if (*text == '\0')
    /* Translators: an example date from today; Japanese may add
     * "%2$d月%3$d日" as a second example. */
    g_set_error (error, TS_DATE_PARSE_ERROR, TS_DATE_PARSE_ERROR_DAY,
                 _("Please enter the date, for example %1$d/%2$d/%3$d."), year, month, day);
  else
    /* Translators: %1$s is what was typed, then an example date from today. */
    g_set_error (error, TS_DATE_PARSE_ERROR, TS_DATE_PARSE_ERROR_DAY,
                 _("“%1$s” is not a date that exists. Write it as, for example, %2$d/%3$d/%4$d."),
                 text, year, month, day);
}

static void
set_time_error (GError    **error,
                const char *text)
{
  if (*text == '\0')
    g_set_error_literal (error, TS_DATE_PARSE_ERROR, TS_DATE_PARSE_ERROR_TIME,
                         _("Please enter the start time, for example 19:00."));
  else
    g_set_error (error, TS_DATE_PARSE_ERROR, TS_DATE_PARSE_ERROR_TIME,
                 _("“%s” is not a time. Write it as, for example, 19:00 or 1900."), text);
}

/* A whole date as typed, into @day; @today (NULL: now) dates a day typed
 * without its year. */
gboolean
ts_date_parse_day (const char  *text,
                   GDateTime   *today,
                   GDate       *day,
                   GError     **error)
{
  g_autofree char *clean = ts_date_normalize (text);
  g_autoptr(GDateTime) now = now_or (today);
  const char *p = clean;

  if (!scan_day (&p, now, day) || *p != '\0')
    {
      set_day_error (error, clean, now);
      return FALSE;
    }
  return TRUE;
}

/* A whole time of day as typed. */
gboolean
ts_date_parse_time (const char  *text,
                    int         *hour,
                    int         *minute,
                    GError     **error)
{
  g_autofree char *clean = ts_date_normalize (text);
  const char *p = clean;

  if (!ts_date_scan_time (&p, hour, minute) || *p != '\0')
    {
      set_time_error (error, clean);
      return FALSE;
    }
  return TRUE;
}

static char *
format_stored (GDate *day,
               int    hour,
               int    minute)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", g_date_get_year (day),
                          g_date_get_month (day), g_date_get_day (day), hour, minute);
}

/* A date and a time from two fields, as stored; the error's code says
 * which field is at fault. */
char *
ts_date_parse_input (const char  *day_text,
                     const char  *time_text,
                     GDateTime   *today,
                     GError     **error)
{
  GDate day;
  int hour, minute;

  g_date_clear (&day, 1);
  if (!ts_date_parse_day (day_text, today, &day, error) ||
      !ts_date_parse_time (time_text, &hour, &minute, error))
    return NULL;
  return format_stored (&day, hour, minute);
}

/* In one text, the whole of it is quoted: what the person typed. */
static void
set_one_error (GError          **error,
               TsDateParseError  code,
               const char       *text,
               GDateTime        *today)
{
  /* Translators: %1$s is what was typed, then an example from today. */
  g_set_error (error, TS_DATE_PARSE_ERROR, code,
               _("“%1$s” is not a date and time. Write it as, for example, “%2$d/%3$d/%4$d 19:00”."),
               text, g_date_time_get_year (today), g_date_time_get_month (today),
               g_date_time_get_day_of_month (today));
}

/* A date and a time in one text, as the command line takes them:
 * "2026/12/17 19:00", "12月17日19時", "2026-12-17T19:00". */
char *
ts_date_parse_one (const char  *text,
                   GDateTime   *today,
                   GError     **error)
{
  g_autofree char *clean = ts_date_normalize (text);
  g_autoptr(GDateTime) now = now_or (today);
  const char *p = clean;
  GDate day;
  int hour, minute;

  if (ts_date_is_valid (text))
    return g_strdup (text);
  g_date_clear (&day, 1);
  if (!scan_day (&p, now, &day))
    {
      set_one_error (error, TS_DATE_PARSE_ERROR_DAY, clean, now);
      return NULL;
    }
  if (*p == 'T')
    p++;
  while (*p == ' ')
    p++;
  if (*p == '\0')
    {
      g_set_error (error, TS_DATE_PARSE_ERROR, TS_DATE_PARSE_ERROR_TIME,
                   _("Please add the time to the date, for example “%1$d/%2$d/%3$d 19:00”."),
                   g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
      return NULL;
    }
  if (!ts_date_scan_time (&p, &hour, &minute) || *p != '\0')
    {
      set_one_error (error, TS_DATE_PARSE_ERROR_TIME, clean, now);
      return NULL;
    }
  return format_stored (&day, hour, minute);
}

/* An end: a time on the start's day ("21:00"), or a date and time as for
 * ts_date_parse_one(); "" for none. */
char *
ts_date_parse_end (const char  *text,
                   const char  *starts_at,
                   GDateTime   *today,
                   GError     **error)
{
  g_autofree char *clean = ts_date_normalize (text);
  g_autoptr(GDateTime) now = now_or (today);
  const char *p = clean;
  int hour, minute;
  GDate day;

  if (*clean == '\0')
    return g_strdup ("");
  if (ts_date_scan_time (&p, &hour, &minute) && *p == '\0' && ts_date_is_valid (starts_at))
    return g_strdup_printf ("%.10sT%02d:%02d", starts_at, hour, minute);
  /* With no date in front, it was meant as a time. */
  p = clean;
  g_date_clear (&day, 1);
  if (!scan_day (&p, now, &day))
    {
      set_time_error (error, clean);
      return NULL;
    }
  return ts_date_parse_one (text, now, error);
}

/* 令和8年11月: a month the era held some of. */
static gboolean
scan_era_month (const char **p,
                int         *year,
                int         *month)
{
  for (const TsDateEra *era = ts_date_eras; era->name != NULL; era++)
    {
      const char *q = *p;
      int era_year, key;

      if (!ts_date_skip (&q, era->name))
        continue;
      if (ts_date_skip (&q, "元"))
        era_year = 1;
      else if (!ts_date_scan_number (&q, 2, &era_year) || era_year < 1)
        return FALSE;
      if (!ts_date_skip (&q, "年") || !ts_date_scan_number (&q, 2, month) ||
          !ts_date_skip (&q, "月") || *month < 1 || *month > 12)
        return FALSE;
      *year = era->year + era_year - 1;
      key = *year * 100 + *month;
      if (key < era->year * 100 + era->month ||
          (era != ts_date_eras && key > era[-1].year * 100 + era[-1].month))
        return FALSE;
      *p = q;
      return TRUE;
    }
  return FALSE;
}

/* A whole month as typed: 2026-11, 2026/11, 2026年11月, 令和8年11月, in
 * any width. */
gboolean
ts_date_parse_month (const char *text,
                     int        *year,
                     int        *month)
{
  g_autofree char *clean = ts_date_normalize (text);
  const char *p = clean;

  if (!scan_era_month (&p, year, month))
    {
      if (ts_date_scan_number (&p, 4, year) != 4)
        return FALSE;
      if (ts_date_skip (&p, "年"))
        {
          if (!ts_date_scan_number (&p, 2, month) || !ts_date_skip (&p, "月"))
            return FALSE;
        }
      else if (!(ts_date_skip (&p, "-") || ts_date_skip (&p, "/")) ||
               !ts_date_scan_number (&p, 2, month))
        return FALSE;
      if (*month < 1 || *month > 12)
        return FALSE;
    }
  return *p == '\0';
}
