/* ts-member-table-header.h: the titles of the members table, which sort it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-member-columns.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMBER_TABLE_HEADER (ts_member_table_header_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberTableHeader, ts_member_table_header, TS, MEMBER_TABLE_HEADER,
                      GtkWidget)

TsMemberColumn ts_member_table_header_get_column     (TsMemberTableHeader *self);
gboolean       ts_member_table_header_get_descending (TsMemberTableHeader *self);
/* For tests. */
GtkWidget     *ts_member_table_header_get_button     (TsMemberTableHeader *self,
                                                      TsMemberColumn       column);

G_END_DECLS
