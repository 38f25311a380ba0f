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

G_END_DECLS
