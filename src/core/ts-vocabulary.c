/* ts-vocabulary.c: the fixed words of the data, as registered enums.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-vocabulary.h"

/* Records keep these in an int (TS_FIELD_ENUM in ts-record.h). */
G_STATIC_ASSERT (sizeof (TsAttendanceStatus) == sizeof (int));
G_STATIC_ASSERT (sizeof (TsAttendanceRole) == sizeof (int));
G_STATIC_ASSERT (sizeof (TsConsent) == sizeof (int));
G_STATIC_ASSERT (sizeof (TsEventStatus) == sizeof (int));

/* The stored text of @value; NULL for a value @type does not have. */
const char *
ts_enum_get_nick (GType type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* Nicks are static strings of the registered type, which lives on. */
  return found != NULL ? found->value_nick : NULL;
}

/* The value whose stored text is @nick, or -1 when there is none. */
int
ts_enum_parse_nick (GType       type,
                    const char *nick)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  if (nick == NULL)
    return -1;
  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  return found != NULL ? found->value : -1;
}

/* The repository's boundary: a value is stored as its nick. */
void
ts_bind_enum (sqlite3_stmt *stmt,
              int           index,
              GType         type,
              int           value)
{
  const char *nick = ts_enum_get_nick (type, value);

  g_return_if_fail (nick != NULL);
  sqlite3_bind_text (stmt, index, nick, -1, SQLITE_STATIC);
}

/* The value a column's text names. The schema's CHECK lists hold only
 * nicks; anything else reads as the first value, the schema's default. */
int
ts_column_enum (sqlite3_stmt *stmt,
                int           column,
                GType         type)
{
  int value = ts_enum_parse_nick (type, (const char *) sqlite3_column_text (stmt, column));

  return MAX (value, 0);
}

static void
bind_statuses (sqlite3_stmt *stmt,
               int           first,
               GType         type,
               int           n_values)
{
  int count = sqlite3_bind_parameter_count (stmt);

  for (int value = 0; value < n_values && first + value <= count; value++)
    {
      /* A slot the statement does not use has no name: leave it empty. */
      if (sqlite3_bind_parameter_name (stmt, first + value) != NULL)
        ts_bind_enum (stmt, first + value, type, value);
    }
}

/* Binds the TS_SQL_* status parameters that @stmt uses to their nicks.
 * Statements without them (almost all) cost one call. */
void
ts_bind_vocabulary (sqlite3_stmt *stmt)
{
  if (sqlite3_bind_parameter_count (stmt) < TS_SQL_ATTENDANCE_STATUS_FIRST)
    return;
  bind_statuses (stmt, TS_SQL_ATTENDANCE_STATUS_FIRST, TS_TYPE_ATTENDANCE_STATUS,
                 TS_ATTENDANCE_STATUS_N);
  bind_statuses (stmt, TS_SQL_EVENT_STATUS_FIRST, TS_TYPE_EVENT_STATUS,
                 TS_EVENT_STATUS_CANCELLED + 1);
}

const char *
ts_attendance_status_to_label (TsAttendanceStatus status)
{
  switch (status)
    {
    case TS_ATTENDANCE_STATUS_REGISTERED:
      return C_("attendance status", "Registered");
    case TS_ATTENDANCE_STATUS_ATTENDED:
      return C_("attendance status", "Attended");
    case TS_ATTENDANCE_STATUS_WALK_IN:
      return C_("attendance status", "Walk-in");
    case TS_ATTENDANCE_STATUS_NO_SHOW:
      return C_("attendance status", "No-show");
    case TS_ATTENDANCE_STATUS_CANCELLED:
      return C_("attendance status", "Cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

/* Walk-ins were there too: both count as present. */
gboolean
ts_attendance_status_is_present (TsAttendanceStatus status)
{
  return status == TS_ATTENDANCE_STATUS_ATTENDED ||
         status == TS_ATTENDANCE_STATUS_WALK_IN;
}

const char *
ts_attendance_role_to_label (TsAttendanceRole role)
{
  switch (role)
    {
    case TS_ATTENDANCE_ROLE_PARTICIPANT:
      return C_("attendance role", "Participant");
    case TS_ATTENDANCE_ROLE_PRESENTER:
      return C_("attendance role", "Presenter");
    case TS_ATTENDANCE_ROLE_ORGANIZER:
      return C_("attendance role", "Organizer");
    case TS_ATTENDANCE_ROLE_GUEST:
      return C_("attendance role", "Guest");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
ts_consent_to_label (TsConsent consent)
{
  switch (consent)
    {
    case TS_CONSENT_FULL:
      return _("Listed in full");
    case TS_CONSENT_NAME_ORGANIZATION:
      return _("Name and organization only");
    case TS_CONSENT_NONE:
      return _("Not listed");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
ts_event_status_to_label (TsEventStatus status)
{
  switch (status)
    {
    case TS_EVENT_STATUS_PLANNED:
      return C_("event status", "Planned");
    case TS_EVENT_STATUS_HELD:
      return C_("event status", "Held");
    case TS_EVENT_STATUS_CANCELLED:
      return C_("event status", "Cancelled");
    default:
      g_return_val_if_reached ("");
    }
}

/* The label of a value of any of the enums here, for code that lists
 * values of a type it is handed (a drop-down over an enum's values). */
const char *
ts_enum_to_label (GType type,
                  int   value)
{
  if (type == TS_TYPE_ATTENDANCE_STATUS)
    return ts_attendance_status_to_label (value);
  if (type == TS_TYPE_ATTENDANCE_ROLE)
    return ts_attendance_role_to_label (value);
  if (type == TS_TYPE_CONSENT)
    return ts_consent_to_label (value);
  if (type == TS_TYPE_EVENT_STATUS)
    return ts_event_status_to_label (value);
  g_return_val_if_reached ("");
}
