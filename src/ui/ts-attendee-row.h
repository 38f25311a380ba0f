/* ts-attendee-row.h: one person on an event page, with their status,
 * role and payment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-regulars.h"
#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_ATTENDEE_ROW (ts_attendee_row_get_type ())
G_DECLARE_FINAL_TYPE (TsAttendeeRow, ts_attendee_row, TS, ATTENDEE_ROW, AdwActionRow)

GtkWidget *ts_attendee_row_new  (TsRepository  *repository);
void       ts_attendee_row_bind (TsAttendeeRow *self,
                                 TsAttendance  *attendance,
                                 TsRegularsMark mark);

G_END_DECLS
