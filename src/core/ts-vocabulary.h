/* ts-vocabulary.h: the fixed words of the data, as registered enums.
 *
 * Attendance status and role, roster consent and event status. Each
 * value's nick is exactly the text the database stores (and its schema's
 * CHECK lists): the repository turns text into the enum as it reads a row
 * and back as it binds one, and everything else works with the enum.
 * What people read comes from the ts_*_to_label() functions here, one
 * place per enum. glib-mkenums registers the types (ts-core-enums.h), so
 * records carry them as typed properties and lists can be made of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "ts-core-enums.h"

G_BEGIN_DECLS

/* The order is the order of the event page's sections and of the bits in
 * a set of statuses (TS_ATTENDANCE_STATUS_FLAG): settings keep such sets,
 * so values are only ever appended. */
typedef enum {
  TS_ATTENDANCE_STATUS_REGISTERED, /*< nick=registered >*/
  TS_ATTENDANCE_STATUS_ATTENDED,   /*< nick=attended >*/
  TS_ATTENDANCE_STATUS_WALK_IN,    /*< nick=walk-in >*/
  TS_ATTENDANCE_STATUS_NO_SHOW,    /*< nick=no-show >*/
  TS_ATTENDANCE_STATUS_CANCELLED,  /*< nick=cancelled >*/
} TsAttendanceStatus;

#define TS_ATTENDANCE_STATUS_N (TS_ATTENDANCE_STATUS_CANCELLED + 1)

/* A status as one bit of a set of statuses. */
#define TS_ATTENDANCE_STATUS_FLAG(status) (1u << (status))

typedef enum {
  TS_ATTENDANCE_ROLE_PARTICIPANT, /*< nick=participant >*/
  TS_ATTENDANCE_ROLE_PRESENTER,   /*< nick=presenter >*/
  TS_ATTENDANCE_ROLE_ORGANIZER,   /*< nick=organizer >*/
  TS_ATTENDANCE_ROLE_GUEST,       /*< nick=guest >*/
} TsAttendanceRole;

/* What a member allowed others to see on a printed roster. */
typedef enum {
  TS_CONSENT_FULL,              /*< nick=full >*/
  TS_CONSENT_NAME_ORGANIZATION, /*< nick=name-organization >*/
  TS_CONSENT_NONE,              /*< nick=none >*/
} TsConsent;

typedef enum {
  TS_EVENT_STATUS_PLANNED,   /*< nick=planned >*/
  TS_EVENT_STATUS_HELD,      /*< nick=held >*/
  TS_EVENT_STATUS_CANCELLED, /*< nick=cancelled >*/
} TsEventStatus;

/* SQL names a status by these parameters, never by its stored text:
 * ts_database_prepare() binds each one a statement uses to its value's
 * nick (ts_bind_vocabulary()), so the words live here and in the
 * schema's CHECK lists only. They are numbered 101 + value (attendance)
 * and 111 + value (event), far above any statement's own ?1…?N, so the
 * two never meet; the number only names a slot, the plan is the one a
 * literal would get. */
#define TS_SQL_ATTENDANCE_STATUS_FIRST 101
#define TS_SQL_REGISTERED              "?101"
#define TS_SQL_ATTENDED                "?102"
#define TS_SQL_WALK_IN                 "?103"
#define TS_SQL_NO_SHOW                 "?104"
#define TS_SQL_ATTENDANCE_CANCELLED    "?105"
#define TS_SQL_EVENT_STATUS_FIRST      111
#define TS_SQL_PLANNED                 "?111"
#define TS_SQL_HELD                    "?112"
#define TS_SQL_EVENT_CANCELLED         "?113"

const char *ts_enum_get_nick                 (GType               type,
                                              int                 value);
int         ts_enum_parse_nick               (GType               type,
                                              const char         *nick);
void        ts_bind_enum                     (sqlite3_stmt       *stmt,
                                              int                 index,
                                              GType               type,
                                              int                 value);
int         ts_column_enum                   (sqlite3_stmt       *stmt,
                                              int                 column,
                                              GType               type);
void        ts_bind_vocabulary               (sqlite3_stmt       *stmt);

const char *ts_attendance_status_to_label    (TsAttendanceStatus  status);
gboolean    ts_attendance_status_is_present  (TsAttendanceStatus  status);
const char *ts_attendance_role_to_label      (TsAttendanceRole    role);
const char *ts_consent_to_label              (TsConsent           consent);
const char *ts_event_status_to_label         (TsEventStatus       status);
const char *ts_enum_to_label                 (GType               type,
                                              int                 value);

G_END_DECLS
