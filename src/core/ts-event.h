/* ts-event.h: one meeting (会) of a chapter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ts-vocabulary.h"

G_BEGIN_DECLS

#define TS_TYPE_EVENT (ts_event_get_type ())
G_DECLARE_FINAL_TYPE (TsEvent, ts_event, TS, EVENT, GObject)

struct _TsEvent
{
  GObject parent_instance;

  gint64  id;
  char   *uuid;
  gint64  chapter_id;
  char   *title;
  char   *starts_at;    /* local time, "2017-08-24T19:00" */
  char   *ends_at;      /* "" or the same form */
  char   *venue;
  char   *address;
  gint64  fee;          /* yen */
  gint64  capacity;     /* 0: no limit */
  TsEventStatus status;
  char   *notes;
  char   *receipt_note; /* 但し書き; '' for the default (ts-receipt.h) */
  /* Filled by listings, not stored. */
  char   *chapter_name;
  gint64  headcount;    /* registered + attended + walk-in */
  gint64  present;      /* attended + walk-in */
};

TsEvent    *ts_event_new             (void);
GDateTime  *ts_event_get_start       (TsEvent    *self);
char       *ts_event_format_when     (TsEvent    *self);

G_END_DECLS
