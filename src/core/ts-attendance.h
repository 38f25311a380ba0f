/* ts-attendance.h: one member at one event, with a status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ts-event.h"
#include "ts-member.h"
#include "ts-vocabulary.h"

G_BEGIN_DECLS

#define TS_TYPE_ATTENDANCE (ts_attendance_get_type ())
G_DECLARE_FINAL_TYPE (TsAttendance, ts_attendance, TS, ATTENDANCE, GObject)

struct _TsAttendance
{
  GObject   parent_instance;

  gint64    id;
  char     *uuid;
  gint64    event_id;
  gint64    member_id;
  TsAttendanceStatus status;
  TsAttendanceRole   role;
  char     *checked_in_at;  /* "" or "2017-08-24T19:05:12" */
  gboolean  paid;
  char     *note;
  gint64    seat_table;     /* the table, from 1; 0: not seated */
  gint64    fee_class_id;   /* 0: the event's own fee */
  gint64    paid_amount;    /* yen received, 0 when nothing */
  char     *paid_at;        /* "" or when it was received */
  /* Filled by listings, not stored. */
  gboolean  first_time;     /* first presence at this chapter */
  gint64    fee_due;        /* the class's amount, else the event's fee */
  char     *fee_class_name; /* "" for the event's fee */
  TsMember *member;
  TsEvent  *event;          /* only in a member's history */
};

TsAttendance *ts_attendance_new              (void);
void          ts_attendance_set_member       (TsAttendance *self,
                                              TsMember     *member);
void          ts_attendance_set_event        (TsAttendance *self,
                                              TsEvent      *event);
gboolean      ts_attendance_is_present       (TsAttendance *self);
gint64        ts_attendance_get_owed         (TsAttendance *self);

G_END_DECLS
