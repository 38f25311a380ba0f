/* ts-link-row.h: a row that stands for one record (an event, a member).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TS_TYPE_LINK_ROW (ts_link_row_get_type ())
G_DECLARE_FINAL_TYPE (TsLinkRow, ts_link_row, TS, LINK_ROW, AdwActionRow)

GtkWidget *ts_link_row_new       (gint64     record_id);
gint64     ts_link_row_get_record_id (TsLinkRow *self);

G_END_DECLS
