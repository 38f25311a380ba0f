/* ts-attendance.c: one member at one event, with a status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-attendance"

#include "config.h"

#include "ts-attendance.h"
#include "ts-record.h"

static const TsField attendance_fields[] = {
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "id",            id),
  TS_FIELD (TsAttendance, TS_FIELD_STRING,  "uuid",          uuid),
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "event-id",      event_id),
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "member-id",     member_id),
  TS_FIELD_OF_ENUM (TsAttendance, ts_attendance_status_get_type, "status", status),
  TS_FIELD_OF_ENUM (TsAttendance, ts_attendance_role_get_type,   "role",   role),
  TS_FIELD (TsAttendance, TS_FIELD_STRING,  "checked-in-at", checked_in_at),
  TS_FIELD (TsAttendance, TS_FIELD_BOOLEAN, "paid",          paid),
  TS_FIELD (TsAttendance, TS_FIELD_TEXT,    "note",          note),
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "seat-table",    seat_table),
  TS_FIELD (TsAttendance, TS_FIELD_BOOLEAN, "first-time",    first_time),
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "fee-class-id",  fee_class_id),
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "paid-amount",   paid_amount),
  TS_FIELD (TsAttendance, TS_FIELD_STRING,  "paid-at",       paid_at),
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "fee-due",       fee_due),
  TS_FIELD (TsAttendance, TS_FIELD_STRING,  "fee-class-name", fee_class_name),
};

TS_DEFINE_RECORD (TsAttendance, ts_attendance, attendance_fields)

static void
ts_attendance_finalize (GObject *object)
{
  TsAttendance *self = TS_ATTENDANCE (object);

  g_clear_object (&self->member);
  g_clear_object (&self->event);
  ts_attendance_finalize_fields (object);
  G_OBJECT_CLASS (ts_attendance_parent_class)->finalize (object);
}

static void
ts_attendance_class_init (TsAttendanceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_attendance_finalize;
  ts_attendance_install (G_OBJECT_CLASS (klass));
}

static void
ts_attendance_init (TsAttendance *self)
{
  ts_attendance_init_fields (self);
}

TsAttendance *
ts_attendance_new (void)
{
  return g_object_new (TS_TYPE_ATTENDANCE, NULL);
}

void
ts_attendance_set_member (TsAttendance *self,
                          TsMember     *member)
{
  g_return_if_fail (TS_IS_ATTENDANCE (self));
  g_set_object (&self->member, member);
}

void
ts_attendance_set_event (TsAttendance *self,
                         TsEvent      *event)
{
  g_return_if_fail (TS_IS_ATTENDANCE (self));
  g_set_object (&self->event, event);
}

gboolean
ts_attendance_is_present (TsAttendance *self)
{
  g_return_val_if_fail (TS_IS_ATTENDANCE (self), FALSE);
  return ts_attendance_status_is_present (self->status);
}

/* What is still to be paid: the fee due less what was received. */
gint64
ts_attendance_get_owed (TsAttendance *self)
{
  g_return_val_if_fail (TS_IS_ATTENDANCE (self), 0);
  return MAX (self->fee_due - self->paid_amount, 0);
}
