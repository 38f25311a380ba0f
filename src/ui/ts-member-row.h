/* ts-member-row.h: one position of the members table, whose member changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-member.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMBER_ROW (ts_member_row_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberRow, ts_member_row, TS, MEMBER_ROW, GObject)

TsMemberRow *ts_member_row_new        (TsMember    *member);
TsMember    *ts_member_row_get_member (TsMemberRow *self);
void         ts_member_row_set_member (TsMemberRow *self,
                                       TsMember    *member);

G_END_DECLS
