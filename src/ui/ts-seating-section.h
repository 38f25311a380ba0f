/* ts-seating-section.h: an event's tables (席決め) on its page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_SEATING_SECTION (ts_seating_section_get_type ())
G_DECLARE_FINAL_TYPE (TsSeatingSection, ts_seating_section, TS, SEATING_SECTION, GtkBox)

/* Shows @event_id's tables (@repository NULL: none). */
void ts_seating_section_set_event (TsSeatingSection *self,
                                   TsRepository     *repository,
                                   gint64            event_id);

G_END_DECLS
