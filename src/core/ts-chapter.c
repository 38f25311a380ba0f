/* ts-chapter.c: a chapter (塾) of the network, meeting once a month.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-chapter"

#include "config.h"

#include <glib/gi18n-lib.h>

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
  TS_FIELD (TsChapter, TS_FIELD_TEXT,   "notes",        notes),
  TS_FIELD (TsChapter, TS_FIELD_INT64,  "position",     position),
  TS_FIELD (TsChapter, TS_FIELD_STRING, "invoice-number", invoice_number),
  TS_FIELD (TsChapter, TS_FIELD_INT64,  "event-count",  event_count),
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

/* The network's regions, north to south with Tokyo first among equals.
 * The stored value is the Japanese proper name; the label is what a
 * person reads, translated (in Japanese, the same name again). */
static const struct {
  const char *stored;
  const char *label;
} regions[] = {
  { "北海道",     NC_("region", "Hokkaido") },
  { "東北",       NC_("region", "Tohoku") },
  { "東京都",     NC_("region", "Tokyo") },
  { "東京都下",   NC_("region", "Tokyo (Tama)") },
  { "関東",       NC_("region", "Kanto") },
  { "中部",       NC_("region", "Chubu") },
  { "近畿",       NC_("region", "Kinki") },
  { "中国",       NC_("region", "Chugoku") },
  { "四国",       NC_("region", "Shikoku") },
  { "九州・沖縄", NC_("region", "Kyushu and Okinawa") },
};

/* Unknown regions go last. */
int
ts_region_order (const char *region)
{
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_strcmp0 (region, regions[i].stored) == 0)
      return i;
  return G_N_ELEMENTS (regions);
}

guint
ts_region_count (void)
{
  return G_N_ELEMENTS (regions);
}

/* The stored name of the @index-th region in the network's order. */
const char *
ts_region_nth (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (regions), NULL);
  return regions[index].stored;
}

/* What to show for a stored region: its translated label when it is one
 * of the network's, else the text as stored. */
const char *
ts_region_label (const char *region)
{
  int index = ts_region_order (region);

  if (index < (int) G_N_ELEMENTS (regions))
    return g_dpgettext2 (GETTEXT_PACKAGE, "region", regions[index].label);
  return region ? region : "";
}
