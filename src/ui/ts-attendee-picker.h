/* ts-attendee-picker.h: register existing members for an event by search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_ATTENDEE_PICKER (ts_attendee_picker_get_type ())
G_DECLARE_FINAL_TYPE (TsAttendeePicker, ts_attendee_picker, TS, ATTENDEE_PICKER, AdwWindow)

GtkWidget *ts_attendee_picker_new        (GtkWindow        *parent,
                                          TsRepository     *repository,
                                          gint64            event_id);
void       ts_attendee_picker_set_search (TsAttendeePicker *self,
                                          const char       *text);
gboolean   ts_attendee_picker_register_first (TsAttendeePicker *self);

G_END_DECLS
