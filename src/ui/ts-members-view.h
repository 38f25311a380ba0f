/* ts-members-view.h: every member in a sortable table, searched as you type.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMBERS_VIEW (ts_members_view_get_type ())
G_DECLARE_FINAL_TYPE (TsMembersView, ts_members_view, TS, MEMBERS_VIEW, AdwBin)

void        ts_members_view_set_repository (TsMembersView *self,
                                            TsRepository  *repository);
void        ts_members_view_show_member    (TsMembersView *self,
                                            gint64         member_id);
void        ts_members_view_focus_search   (TsMembersView *self);
/* For tests and the benchmark. */
void        ts_members_view_set_search     (TsMembersView *self,
                                            const char    *text);
GListModel *ts_members_view_get_model      (TsMembersView *self);
GtkWidget  *ts_members_view_get_scrolled_window (TsMembersView *self);

G_END_DECLS
