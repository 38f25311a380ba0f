/* ts-event-close.h: after the meeting, in one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_EVENT_CLOSE (ts_event_close_get_type ())
G_DECLARE_FINAL_TYPE (TsEventClose, ts_event_close, TS, EVENT_CLOSE, GObject)

/* In one transaction: everyone still only registered for @event_id (never
 * checked in) becomes a no-show, and the event is marked held. Refuses a
 * cancelled event. Returns what undoes it. */
TsEventClose *ts_repository_close_event     (TsRepository  *self,
                                             gint64         event_id,
                                             GError       **error);
gint64        ts_event_close_get_event_id   (TsEventClose  *self);
guint         ts_event_close_get_n_no_shows (TsEventClose  *self);
/* Puts the no-shows back to registered and the event's status back, in
 * one transaction; a row changed since (someone checked in late) is
 * left as it is now. */
gboolean      ts_event_close_undo           (TsEventClose  *self,
                                             GError       **error);

G_END_DECLS
