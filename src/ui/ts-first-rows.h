/* ts-first-rows.h: a list's first rows in the page's first frame, the
 * rest right after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TS_TYPE_FIRST_ROWS (ts_first_rows_get_type ())
G_DECLARE_FINAL_TYPE (TsFirstRows, ts_first_rows, TS, FIRST_ROWS, GObject)

TsFirstRows *ts_first_rows_new       (GListModel  *model);
GListModel  *ts_first_rows_get_model (TsFirstRows *self);
void         ts_first_rows_limit     (TsFirstRows *self,
                                      GtkWidget   *widget,
                                      guint        n_items);
guint        ts_first_rows_fitting   (GtkWidget   *widget,
                                      int          row_height,
                                      guint        columns);

G_END_DECLS
