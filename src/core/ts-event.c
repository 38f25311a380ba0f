/* ts-event.c: one meeting (会) of a chapter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-event"

#include "config.h"

#include "ts-date.h"
#include "ts-event.h"
#include "ts-record.h"

static const TsField event_fields[] = {
  TS_FIELD (TsEvent, TS_FIELD_INT64,  "id",           id),
  TS_FIELD (TsEvent, TS_FIELD_STRING, "uuid",         uuid),
  TS_FIELD (TsEvent, TS_FIELD_INT64,  "chapter-id",   chapter_id),
  TS_FIELD (TsEvent, TS_FIELD_STRING, "title",        title),
  TS_FIELD (TsEvent, TS_FIELD_STRING, "starts-at",    starts_at),
  TS_FIELD (TsEvent, TS_FIELD_STRING, "ends-at",      ends_at),
  TS_FIELD (TsEvent, TS_FIELD_STRING, "venue",        venue),
  TS_FIELD (TsEvent, TS_FIELD_STRING, "address",      address),
  TS_FIELD (TsEvent, TS_FIELD_INT64,  "fee",          fee),
  TS_FIELD (TsEvent, TS_FIELD_INT64,  "capacity",     capacity),
  TS_FIELD_OF_ENUM (TsEvent, ts_event_status_get_type, "status", status),
  TS_FIELD (TsEvent, TS_FIELD_TEXT,   "notes",        notes),
  TS_FIELD (TsEvent, TS_FIELD_STRING, "receipt-note", receipt_note),
  TS_FIELD (TsEvent, TS_FIELD_STRING, "chapter-name", chapter_name),
  TS_FIELD (TsEvent, TS_FIELD_INT64,  "headcount",    headcount),
  TS_FIELD (TsEvent, TS_FIELD_INT64,  "present",      present),
};

TS_DEFINE_RECORD (TsEvent, ts_event, event_fields)

static void
ts_event_finalize (GObject *object)
{
  ts_event_finalize_fields (object);
  G_OBJECT_CLASS (ts_event_parent_class)->finalize (object);
}

static void
ts_event_class_init (TsEventClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_event_finalize;
  ts_event_install (G_OBJECT_CLASS (klass));
}

static void
ts_event_init (TsEvent *self)
{
  ts_event_init_fields (self);
}

TsEvent *
ts_event_new (void)
{
  return g_object_new (TS_TYPE_EVENT, NULL);
}

GDateTime *
ts_event_get_start (TsEvent *self)
{
  g_return_val_if_fail (TS_IS_EVENT (self), NULL);
  return ts_date_parse (self->starts_at);
}

/* "2017年8月24日(木) 19:00〜21:00" in Japanese. */
char *
ts_event_format_when (TsEvent *self)
{
  g_return_val_if_fail (TS_IS_EVENT (self), NULL);
  return ts_date_format_range (self->starts_at, self->ends_at);
}
