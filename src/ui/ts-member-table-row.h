/* ts-member-table-row.h: one member's cells in the members table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-member.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMBER_TABLE_ROW (ts_member_table_row_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberTableRow, ts_member_table_row, TS, MEMBER_TABLE_ROW, GtkWidget)

GtkWidget *ts_member_table_row_new        (void);
void       ts_member_table_row_set_member (TsMemberTableRow *self,
                                           TsMember         *member);

G_END_DECLS
