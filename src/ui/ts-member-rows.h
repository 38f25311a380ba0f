/* ts-member-rows.h: the members table's model: a TsMemberRow per position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-member-row.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMBER_ROWS (ts_member_rows_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberRows, ts_member_rows, TS, MEMBER_ROWS, GObject)

TsMemberRows *ts_member_rows_new (GListModel *members);

G_END_DECLS
