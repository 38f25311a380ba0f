/* ts-walk-in-dialog.h: the short form for a person nobody expected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_WALK_IN_DIALOG (ts_walk_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsWalkInDialog, ts_walk_in_dialog, TS, WALK_IN_DIALOG, AdwWindow)

/* @prefill is what the organizer had typed in the search field: kana
 * goes into the reading, anything else into the name.
 *
 * Signals: "walk-in-added" (gint64 member_id) after a new member and
 * their walk-in attendance were saved; "use-member" (gint64 member_id)
 * when the organizer chose an existing member instead, for the caller
 * to check in. The dialog closes itself after either. */
GtkWidget *ts_walk_in_dialog_new (GtkWindow    *parent,
                                  TsRepository *repository,
                                  gint64        event_id,
                                  const char   *prefill);

G_END_DECLS
