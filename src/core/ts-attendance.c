/* ts-attendance.c: one member at one event, with a status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-attendance.h"
#include "ts-record.h"

static const TsField attendance_fields[] = {
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "id",            id),
  TS_FIELD (TsAttendance, TS_FIELD_STRING,  "uuid",          uuid),
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "event-id",      event_id),
  TS_FIELD (TsAttendance, TS_FIELD_INT64,   "member-id",     member_id),
  TS_FIELD (TsAttendance, TS_FIELD_STRING,  "status",        status),
  TS_FIELD (TsAttendance, TS_FIELD_STRING,  "role",          role),
  TS_FIELD (TsAttendance, TS_FIELD_STRING,  "checked-in-at", checked_in_at),
  TS_FIELD (TsAttendance, TS_FIELD_BOOLEAN, "paid",          paid),
  TS_FIELD (TsAttendance, TS_FIELD_TEXT,    "note",          note),
  TS_FIELD (TsAttendance, TS_FIELD_BOOLEAN, "first-time",    first_time),
};

TS_DEFINE_RECORD (TsAttendance, ts_attendance, attendance_fields)

static const char *statuses[] = {
  "registered", "attended", "walk-in", "no-show", "cancelled", NULL
};
static const char *roles[] = {
  "participant", "presenter", "organizer", "guest", NULL
};

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
  g_free (self->status);
  self->status = g_strdup ("registered");
  g_free (self->role);
  self->role = g_strdup ("participant");
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

/* Walk-ins were there too: both count as present. */
gboolean
ts_attendance_is_present (TsAttendance *self)
{
  g_return_val_if_fail (TS_IS_ATTENDANCE (self), FALSE);
  return g_strcmp0 (self->status, "attended") == 0 ||
         g_strcmp0 (self->status, "walk-in") == 0;
}

const char *
ts_attendance_status_label (const char *status)
{
  if (g_strcmp0 (status, "registered") == 0)
    return C_("attendance status", "Registered");
  if (g_strcmp0 (status, "attended") == 0)
    return C_("attendance status", "Attended");
  if (g_strcmp0 (status, "walk-in") == 0)
    return C_("attendance status", "Walk-in");
  if (g_strcmp0 (status, "no-show") == 0)
    return C_("attendance status", "No-show");
  if (g_strcmp0 (status, "cancelled") == 0)
    return C_("attendance status", "Cancelled");
  return status;
}

gboolean
ts_attendance_status_is_valid (const char *status)
{
  return status != NULL && g_strv_contains (statuses, status);
}

const char *
ts_attendance_role_label (const char *role)
{
  if (g_strcmp0 (role, "participant") == 0)
    return C_("attendance role", "Participant");
  if (g_strcmp0 (role, "presenter") == 0)
    return C_("attendance role", "Presenter");
  if (g_strcmp0 (role, "organizer") == 0)
    return C_("attendance role", "Organizer");
  if (g_strcmp0 (role, "guest") == 0)
    return C_("attendance role", "Guest");
  return role;
}

gboolean
ts_attendance_role_is_valid (const char *role)
{
  return role != NULL && g_strv_contains (roles, role);
}

const char **
ts_attendance_statuses (void)
{
  return statuses;
}

const char **
ts_attendance_roles (void)
{
  return roles;
}
