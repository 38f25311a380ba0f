/* ts-schedule.h: a chapter's usual schedule (毎月第4木曜 19:00) and the
 * next event it gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-chapter.h"
#include "ts-event.h"
#include "ts-repository.h"

G_BEGIN_DECLS

typedef struct {
  int week;       /* 1 to 5 for 第N, -1 for 最終, 0 for a day of the month */
  int weekday;    /* 1 (Monday) to 7, with a week */
  int day;        /* 1 to 31, with week 0 */
  int hour;       /* -1 when the schedule says no time */
  int minute;
} TsSchedule;

gboolean   ts_schedule_parse         (const char       *text,
                                      TsSchedule       *schedule);
GDateTime *ts_schedule_next          (const TsSchedule *schedule,
                                      GDateTime        *after);
TsEvent   *ts_schedule_suggest_event (TsChapter        *chapter,
                                      TsEvent          *last,
                                      GDateTime        *now);
TsEvent   *ts_schedule_suggest_for_chapter (TsRepository *repository,
                                            gint64        chapter_id,
                                            GDateTime    *now,
                                            GError      **error);

G_END_DECLS
