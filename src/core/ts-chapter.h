/* ts-chapter.h: a chapter (塾) of the network, meeting once a month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TS_TYPE_CHAPTER (ts_chapter_get_type ())
G_DECLARE_FINAL_TYPE (TsChapter, ts_chapter, TS, CHAPTER, GObject)

/* Fields are for reading; write through properties or the repository. */
struct _TsChapter
{
  GObject parent_instance;

  gint64  id;
  char   *uuid;
  char   *name;
  char   *reading;
  char   *region;       /* 北海道, 東京都, 東京都下, 関東, 中部, 近畿, 九州・沖縄 … */
  char   *prefecture;
  char   *area;         /* city or ward */
  char   *venue;        /* usual venue */
  char   *schedule;     /* usual schedule, e.g. 毎月第4木曜 19:00 */
  char   *leader;       /* 塾長 */
  char   *founded;
  char   *notes;
  gint64  position;     /* order within the network's directory */
  char   *invoice_number; /* '' or T + 13 digits (適格請求書発行事業者 登録番号) */
  /* Filled by listings, not stored. */
  gint64  event_count;
  char   *next_event;
};

TsChapter *ts_chapter_new         (void);
int         ts_region_order        (const char *region);
guint       ts_region_count        (void);
const char *ts_region_nth          (guint       index);
const char *ts_region_label        (const char *region);

G_END_DECLS
