/* ts-check-in-row.h: one expected guest in the check-in list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-attendance.h"

G_BEGIN_DECLS

#define TS_TYPE_CHECK_IN_ROW (ts_check_in_row_get_type ())
G_DECLARE_FINAL_TYPE (TsCheckInRow, ts_check_in_row, TS, CHECK_IN_ROW, GtkBox)

GtkWidget *ts_check_in_row_new            (void);
/* Shows @attendance (NULL to clear). Its buttons fire the window's
 * "win.check-in" and "win.undo-check-in" actions with the member id. */
void       ts_check_in_row_set_attendance (TsCheckInRow *self,
                                           TsAttendance *attendance);
/* Shows a member not on the event's list; "win.check-in" makes them a
 * walk-in. */
void       ts_check_in_row_set_member     (TsCheckInRow *self,
                                           TsMember     *member);
const char *ts_check_in_row_get_summary   (TsCheckInRow *self);

G_END_DECLS
