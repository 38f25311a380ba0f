/* ts-seating-edit.h: the writes the event page's tables make: a plan, a
 * shuffle, latecomers seated, one person moved or locked; each undoable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

gboolean ts_seating_edit_plan       (TsRepository  *repository,
                                     gint64         event_id,
                                     guint          n_tables,
                                     guint          seats,
                                     guint32       *seed,
                                     gboolean       differ,
                                     GObject      **undo,
                                     GError       **error);
gboolean ts_seating_edit_latecomers (TsRepository  *repository,
                                     gint64         event_id,
                                     guint         *n_seated,
                                     GObject      **undo,
                                     GError       **error);
gboolean ts_seating_edit_set_seat   (TsRepository  *repository,
                                     gint64         event_id,
                                     const TsSeat  *seat,
                                     GObject      **undo,
                                     GError       **error);

/* A TsUndoFunc for the records the three above return. */
gboolean ts_seating_edit_undo       (gpointer       record,
                                     GError       **error);

G_END_DECLS
