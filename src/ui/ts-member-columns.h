/* ts-member-columns.h: the columns of the members table, and where they go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-member.h"
#include "ts-member-model.h"

G_BEGIN_DECLS

typedef enum {
  TS_MEMBER_COLUMN_NAME,
  TS_MEMBER_COLUMN_READING,
  TS_MEMBER_COLUMN_ORGANIZATION,
  TS_MEMBER_COLUMN_PROFESSION,
  TS_MEMBER_COLUMN_CHAPTER,
  TS_MEMBER_COLUMN_LAST_ATTENDED,
  TS_MEMBER_COLUMN_TIMES,
  TS_MEMBER_N_COLUMNS
} TsMemberColumn;

const char  *ts_member_column_title   (TsMemberColumn  column);
TsMemberSort ts_member_column_sort    (TsMemberColumn  column);
gboolean     ts_member_column_numeric (TsMemberColumn  column);
char        *ts_member_column_text    (TsMemberColumn  column,
                                       TsMember       *member);

/* For a widget whose children are the columns' cells, in order. */
/* The header's and the rows' GtkWidget measure and size_allocate. */
void ts_member_columns_measure  (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline);
void ts_member_columns_allocate (GtkWidget      *widget,
                                 int             width,
                                 int             height,
                                 int             baseline);
/* Their dispose: the cells are their children. */
void ts_member_columns_unparent (GtkWidget      *widget);

G_END_DECLS
