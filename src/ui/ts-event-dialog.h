/* ts-event-dialog.h: create or edit an event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_EVENT_DIALOG (ts_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsEventDialog, ts_event_dialog, TS, EVENT_DIALOG, AdwWindow)

/* @event: a copy is edited; an id of 0 makes a new event. */
GtkWidget *ts_event_dialog_new (GtkWindow    *parent,
                                TsRepository *repository,
                                TsEvent      *event);

G_END_DECLS
