/* ts-regulars-history.h: one member's months across the chapters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-regulars.h"

G_BEGIN_DECLS

typedef struct {
  gint64            chapter_id;
  TsRegularsMember  stats;      /* times, rate, streaks at this chapter; its
                                 * first_event and last_event are not valid */
  char              first_presence[17];   /* starts_at, "" for never */
  char              last_presence[17];
} TsRegularsChapterStats;

typedef struct {
  gint64                  member_id;
  int                     first_month;   /* year * 12 + month - 1 */
  guint                   n_months;
  guint8                 *cells;         /* TsRegularsCell per month, any chapter */
  guint                   n_chapters;
  TsRegularsChapterStats *chapters;      /* most presences first */
  TsRegularsSource       *source;
} TsRegularsHistory;

TsRegularsHistory *ts_regulars_history_compute (TsRepository            *repository,
                                                gint64                   member_id,
                                                const TsRegularsOptions *options,
                                                GError                 **error);
void               ts_regulars_history_free    (TsRegularsHistory       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRegularsHistory, ts_regulars_history_free)

G_END_DECLS
