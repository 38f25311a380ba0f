/* ts-member-list.h: all members in one array, filtered and sorted in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-member.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMBER_LIST (ts_member_list_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberList, ts_member_list, TS, MEMBER_LIST, GObject)

TsMemberList *ts_member_list_new          (void);
void          ts_member_list_set_members  (TsMemberList     *self,
                                           GListModel       *members);
void          ts_member_list_set_query    (TsMemberList     *self,
                                           const char       *normalized_query);
void          ts_member_list_sort         (TsMemberList     *self,
                                           GCompareDataFunc  compare,
                                           gpointer          user_data);
guint         ts_member_list_get_total    (TsMemberList     *self);

G_END_DECLS
