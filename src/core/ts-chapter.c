/* ts-chapter.c: a chapter (塾) of the network, meeting once a month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-chapter"

#include "ts-chapter.h"
#include "ts-record.h"

static const TsField chapter_fields[] = {
  TS_FIELD (TsChapter, TS_FIELD_INT64,  "id",           id),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "uuid",         uuid),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "name",         name),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "reading",      reading),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "region",       region),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "prefecture",   prefecture),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "area",         area),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "venue",        venue),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "schedule",     schedule),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "leader",       leader),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "founded",      founded),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "notes",        notes),
  TS_FIELD (TsChapter, TS_FIELD_INT64,  "position",     position),
  TS_FIELD (TsChapter, TS_FIELD_INT64,  "event-count",  event_count),
  TS_FIELD (TsChapter, TS_FIELD_INT64,  "member-count", member_count),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "next-event",   next_event),
};

TS_DEFINE_RECORD (TsChapter, ts_chapter, chapter_fields)

static void
ts_chapter_finalize (GObject *object)
{
  ts_chapter_finalize_fields (object);
  G_OBJECT_CLASS (ts_chapter_parent_class)->finalize (object);
}

static void
ts_chapter_class_init (TsChapterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_chapter_finalize;
  ts_chapter_install (G_OBJECT_CLASS (klass));
}

static void
ts_chapter_init (TsChapter *self)
{
  ts_chapter_init_fields (self);
}

TsChapter *
ts_chapter_new (void)
{
  return g_object_new (TS_TYPE_CHAPTER, NULL);
}

/* The network's own order of regions, north to south with Tokyo first
 * among equals; unknown regions go last. */
int
ts_region_order (const char *region)
{
  static const char * const regions[] = {
    "北海道", "東北", "東京都", "東京都下", "関東", "中部", "近畿",
    "中国", "四国", "九州・沖縄",
  };

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_strcmp0 (region, regions[i]) == 0)
      return i;
  return G_N_ELEMENTS (regions);
}
