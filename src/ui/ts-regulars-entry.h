/* ts-regulars-entry.h: one person in a list of the Regulars page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TS_TYPE_REGULARS_ENTRY (ts_regulars_entry_get_type ())
G_DECLARE_FINAL_TYPE (TsRegularsEntry, ts_regulars_entry, TS, REGULARS_ENTRY, GObject)

TsRegularsEntry *ts_regulars_entry_new          (gint64           member_id,
                                                 const char      *name,
                                                 const char      *subtitle,
                                                 const char      *contact);
gint64           ts_regulars_entry_get_member_id (TsRegularsEntry *self);
const char      *ts_regulars_entry_get_name      (TsRegularsEntry *self);
const char      *ts_regulars_entry_get_subtitle  (TsRegularsEntry *self);
const char      *ts_regulars_entry_get_contact   (TsRegularsEntry *self);

G_END_DECLS
