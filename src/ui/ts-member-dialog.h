/* ts-member-dialog.h: add or edit a member.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMBER_DIALOG (ts_member_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberDialog, ts_member_dialog, TS, MEMBER_DIALOG, AdwWindow)

/* @member_id: 0 for a new member. Returns NULL (after a toast) when the
 * member cannot be read. */
GtkWidget *ts_member_dialog_new (GtkWindow    *parent,
                                 TsRepository *repository,
                                 gint64        member_id);
/* A new member added from @event_id's page, registered for it when saved
 * (then "member-added" with their id); @text, what was typed in a search,
 * starts the name or the reading. */
GtkWidget *ts_member_dialog_new_for_event (GtkWindow    *parent,
                                           TsRepository *repository,
                                           gint64        event_id,
                                           const char   *text);

G_END_DECLS
