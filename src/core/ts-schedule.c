/* ts-schedule.c: a chapter's usual schedule and the next event it gives.
 *
 * Chapters store their schedule as the organizer wrote it: 毎月第4木曜
 * 19:00, 第2土曜 14:00, 最終金曜, 毎月15日 19時. A new event starts from
 * the next such day, numbered and placed like the last one, so that the
 * organizer only checks it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-date"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-date.h"
#include "ts-date-private.h"
#include "ts-schedule.h"

static void
skip_spaces (const char **p)
{
  while (**p == ' ')
    (*p)++;
}

/* 第4 or 第四. */
static int
scan_week (const char **p)
{
  static const char * const kanji[] = { "一", "二", "三", "四", "五", NULL };
  int week = 0;

  if (ts_date_scan_number (p, 1, &week))
    return week;
  for (guint i = 0; kanji[i] != NULL; i++)
    if (ts_date_skip (p, kanji[i]))
      return i + 1;
  return 0;
}

/* Reads the day part and an optional time; what follows (〜21:00, a
 * note) is not part of the schedule's day and is left alone. */
gboolean
ts_schedule_parse (const char *text,
                   TsSchedule *schedule)
{
  g_autofree char *clean = ts_date_normalize (text);
  const char *p = clean;
  TsSchedule s = { .hour = -1 };

  ts_date_skip (&p, "毎月");
  skip_spaces (&p);
  if (ts_date_skip (&p, "第"))
    {
      s.week = scan_week (&p);
      if (s.week < 1 || s.week > 5)
        return FALSE;
    }
  else if (ts_date_skip (&p, "最終"))
    s.week = -1;
  if (s.week != 0)
    {
      if ((s.weekday = ts_date_scan_weekday (&p)) == 0)
        return FALSE;
      ts_date_skip (&p, "曜");
      ts_date_skip (&p, "日");
    }
  else if (!ts_date_scan_number (&p, 2, &s.day) || s.day < 1 || s.day > 31 ||
           !ts_date_skip (&p, "日"))
    return FALSE;
  skip_spaces (&p);
  if (!ts_date_scan_time (&p, &s.hour, &s.minute))
    s.hour = -1;
  *schedule = s;
  return TRUE;
}

/* The schedule's day in a month, or 0 when the month has none (a 5th
 * Thursday). A 31st in a short month is its last day. */
static int
day_in_month (const TsSchedule *schedule,
              int               year,
              int               month)
{
  int days = g_date_get_days_in_month (month, year);
  GDate first;
  int day;

  if (schedule->week == 0)
    return MIN (schedule->day, days);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  day = 1 + (schedule->weekday - (int) g_date_get_weekday (&first) + 7) % 7;
  if (schedule->week > 0)
    {
      day += (schedule->week - 1) * 7;
      return day <= days ? day : 0;
    }
  while (day + 7 <= days)
    day += 7;
  return day;
}

/* The first meeting day after @after's day, at the schedule's time (or
 * midnight when it has none). */
GDateTime *
ts_schedule_next (const TsSchedule *schedule,
                  GDateTime        *after)
{
  int year = g_date_time_get_year (after);
  int month = g_date_time_get_month (after);
  int after_key = year * 10000 + month * 100 + g_date_time_get_day_of_month (after);

  for (int i = 0; i < 14; i++)
    {
      int day = day_in_month (schedule, year, month);

      if (day > 0 && year * 10000 + month * 100 + day > after_key)
        return g_date_time_new_local (year, month, day, MAX (schedule->hour, 0),
                                      schedule->hour < 0 ? 0 : schedule->minute, 0);
      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
  return NULL;
}

/* N in 第N回, or 0. */
static int
meeting_number (const char *title)
{
  g_autofree char *clean = ts_date_normalize (title);

  for (const char *p = strstr (clean, "第"); p != NULL; p = strstr (p + 1, "第"))
    {
      const char *q = p + strlen ("第");
      int number;

      if (ts_date_scan_number (&q, 4, &number) && ts_date_skip (&q, "回"))
        return number;
    }
  return 0;
}

/* The next day: from the schedule, else the last event's weekday of the
 * month; after today and after the last event. */
static GDateTime *
next_start (TsChapter *chapter,
            TsEvent   *last,
            GDateTime *now)
{
  g_autoptr(GDateTime) last_start = last != NULL ? ts_date_parse (last->starts_at) : NULL;
  GDateTime *after = last_start != NULL && g_date_time_compare (last_start, now) > 0
                     ? last_start : now;
  TsSchedule schedule;
  GDateTime *next = NULL;

  if (ts_schedule_parse (chapter->schedule, &schedule))
    {
      next = ts_schedule_next (&schedule, after);
      if (next != NULL && schedule.hour < 0)
        {
          GDateTime *timed = g_date_time_add_full (next, 0, 0, 0,
                                                   last_start ? g_date_time_get_hour (last_start) : 19,
                                                   last_start ? g_date_time_get_minute (last_start) : 0,
                                                   0);
          g_date_time_unref (next);
          next = timed;
        }
      return next;
    }
  if (last_start == NULL)
    return NULL;
  next = ts_date_same_weekday_next_month (last_start);
  for (int i = 0; i < 24 && g_date_time_compare (next, now) <= 0; i++)
    {
      GDateTime *later = ts_date_same_weekday_next_month (next);
      g_date_time_unref (next);
      next = later;
    }
  return next;
}

/* The last event's length, when it had an end on its day. */
static char *
end_like (TsEvent   *last,
          GDateTime *start)
{
  g_autoptr(GDateTime) last_start = NULL;
  g_autoptr(GDateTime) last_end = NULL;
  g_autoptr(GDateTime) end = NULL;
  GTimeSpan length;

  if (last == NULL || (last_end = ts_date_parse (last->ends_at)) == NULL)
    return g_strdup ("");
  last_start = ts_date_parse (last->starts_at);
  length = last_start ? g_date_time_difference (last_end, last_start) : -1;
  if (length <= 0 || length >= G_TIME_SPAN_DAY)
    return g_strdup ("");
  end = g_date_time_add (start, length);
  if (g_date_time_get_day_of_month (end) != g_date_time_get_day_of_month (start))
    return g_strdup ("");
  return ts_date_format_stored (end);
}

/* A new event of @chapter as it usually is: the next usual day, the
 * title 第N回 with the number after @last's, and @last's venue, address,
 * fee and capacity (the chapter's venue when there is no last event).
 * What cannot be known is left empty. */
TsEvent *
ts_schedule_suggest_event (TsChapter *chapter,
                           TsEvent   *last,
                           GDateTime *now)
{
  TsEvent *event = ts_event_new ();
  g_autoptr(GDateTime) start = next_start (chapter, last, now);
  g_autofree char *starts_at = start ? ts_date_format_stored (start) : g_strdup ("");
  g_autofree char *ends_at = start ? end_like (last, start) : g_strdup ("");
  int number = last != NULL ? meeting_number (last->title) : 0;
  g_autofree char *title = NULL;

  if (last == NULL || number > 0)
    /* Translators: the title of a chapter's Nth meeting; Japanese
     * "第%1$d回 %2$s". */
    title = g_strdup_printf (_("Meeting %1$d, %2$s"), number + 1, chapter->name);
  g_object_set (event, "chapter-id", chapter->id, "title", title,
                "starts-at", starts_at, "ends-at", ends_at, NULL);
  if (last != NULL)
    g_object_set (event, "venue", last->venue, "address", last->address, "fee", last->fee,
                  "capacity", last->capacity, NULL);
  else
    g_object_set (event, "venue", chapter->venue, NULL);
  return event;
}

/* As ts_schedule_suggest_event(), for the chapter numbered @chapter_id
 * as stored, after its latest event. */
TsEvent *
ts_schedule_suggest_for_chapter (TsRepository  *repository,
                                 gint64         chapter_id,
                                 GDateTime     *now,
                                 GError       **error)
{
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(TsEvent) last = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  chapter = ts_repository_get_chapter (repository, chapter_id, error);
  if (chapter == NULL)
    return NULL;
  events = ts_repository_list_events (repository, chapter_id, error);
  if (events == NULL)
    return NULL;
  /* Listed newest first. */
  if (g_list_model_get_n_items (events) > 0)
    last = g_list_model_get_item (events, 0);
  return ts_schedule_suggest_event (chapter, last, now);
}
