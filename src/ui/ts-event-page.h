/* ts-event-page.h: one event: details, attendees by status, actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_EVENT_PAGE (ts_event_page_get_type ())
G_DECLARE_FINAL_TYPE (TsEventPage, ts_event_page, TS, EVENT_PAGE, AdwBin)

void   ts_event_page_set_repository (TsEventPage  *self,
                                     TsRepository *repository);
void   ts_event_page_set_event      (TsEventPage  *self,
                                     gint64        event_id);
gint64 ts_event_page_get_event_id   (TsEventPage  *self);
/* Creates next month's event from this one and returns its id, 0 on error. */
gint64 ts_event_page_duplicate      (TsEventPage  *self,
                                     GError      **error);

G_END_DECLS
