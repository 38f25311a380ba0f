/* ts-live-model.h: a sorted list of records that is updated in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TS_TYPE_LIVE_MODEL (ts_live_model_get_type ())
G_DECLARE_FINAL_TYPE (TsLiveModel, ts_live_model, TS, LIVE_MODEL, GObject)

/* What identifies a row across reads: an attendance is its member at
 * the event, a chapter or event its id. */
typedef gint64 (*TsLiveKeyFunc) (gpointer item);

TsLiveModel *ts_live_model_new         (GType             item_type,
                                        GCompareDataFunc  compare,
                                        TsLiveKeyFunc     key);
void         ts_live_model_set_rows    (TsLiveModel      *self,
                                        GPtrArray        *rows);
void         ts_live_model_update_rows (TsLiveModel      *self,
                                        GArray           *keys,
                                        GPtrArray        *rows);
gpointer     ts_live_model_lookup      (TsLiveModel      *self,
                                        gint64            key);
void         ts_live_model_set_source  (TsLiveModel      *self,
                                        gpointer          source,
                                        GDestroyNotify    destroy);
gpointer     ts_live_model_get_source  (TsLiveModel      *self);
gboolean     ts_live_model_same_record (gpointer          a,
                                        gpointer          b);

G_END_DECLS
