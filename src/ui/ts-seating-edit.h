/* ts-seating-edit.h: the writes the event page's tables make: a plan, a
 * shuffle, latecomers seated, one person moved or locked; each undoable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

/* The seats a write replaced, for the toast's Undo. */
typedef struct _TsSeatingUndo TsSeatingUndo;

gboolean ts_seating_edit_plan       (TsRepository  *repository,
                                     gint64         event_id,
                                     guint          n_tables,
                                     guint          seats,
                                     guint32       *seed,
                                     gboolean       differ,
                                     TsSeatingUndo **undo,
                                     GError       **error);
gboolean ts_seating_edit_latecomers (TsRepository  *repository,
                                     gint64         event_id,
                                     guint         *n_seated,
                                     TsSeatingUndo **undo,
                                     GError       **error);
gboolean ts_seating_edit_set_seat   (TsRepository  *repository,
                                     gint64         event_id,
                                     const TsSeat  *seat,
                                     TsSeatingUndo **undo,
                                     GError       **error);

/* A TsUndoFunc for the records the three above return. */
gboolean ts_seating_edit_undo       (gpointer       record,
                                     GError       **error);
void     ts_seating_undo_free       (TsSeatingUndo *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsSeatingUndo, ts_seating_undo_free)

G_END_DECLS
