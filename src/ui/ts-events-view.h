/* ts-events-view.h: every event, newest first, beside the chosen one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_EVENTS_VIEW (ts_events_view_get_type ())
G_DECLARE_FINAL_TYPE (TsEventsView, ts_events_view, TS, EVENTS_VIEW, AdwBin)

void       ts_events_view_set_repository (TsEventsView *self,
                                          TsRepository *repository);
void       ts_events_view_show_event     (TsEventsView *self,
                                          gint64        event_id);
GtkWidget *ts_events_view_get_page       (TsEventsView *self);

G_END_DECLS
