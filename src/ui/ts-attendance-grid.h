/* ts-attendance-grid.h: members × months, drawn with Cairo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-regulars.h"

G_BEGIN_DECLS

#define TS_TYPE_ATTENDANCE_GRID (ts_attendance_grid_get_type ())
G_DECLARE_FINAL_TYPE (TsAttendanceGrid, ts_attendance_grid, TS, ATTENDANCE_GRID, GtkWidget)

GtkWidget *ts_attendance_grid_new          (void);
/* The grid reads the analysis but does not own it; set NULL before
 * freeing it. */
void       ts_attendance_grid_set_regulars (TsAttendanceGrid *self,
                                            const TsRegulars *regulars);
char      *ts_attendance_grid_describe     (TsAttendanceGrid *self,
                                            guint             member,
                                            guint             month);
void       ts_attendance_grid_set_cursor   (TsAttendanceGrid *self,
                                            guint             member,
                                            guint             month);

G_END_DECLS
