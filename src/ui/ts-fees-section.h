/* ts-fees-section.h: an event's 会費 on its page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_FEES_SECTION (ts_fees_section_get_type ())
G_DECLARE_FINAL_TYPE (TsFeesSection, ts_fees_section, TS, FEES_SECTION, GtkBox)

/* Shows @event_id's fees from @attendance, its live model (NULL: none). */
void ts_fees_section_set_event (TsFeesSection *self,
                                TsRepository  *repository,
                                gint64         event_id,
                                GListModel    *attendance);

G_END_DECLS
