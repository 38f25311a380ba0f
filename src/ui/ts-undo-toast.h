/* ts-undo-toast.h: a toast whose Undo runs a record's own undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Undoes what @record (a GObject) describes; FALSE with @error set when
 * it could not, e.g. because the rows changed since. */
typedef gboolean (*TsUndoFunc) (gpointer   record,
                                GError   **error);

void ts_undo_toast_show (GtkWidget  *widget,
                         const char *title,
                         gpointer    record,
                         TsUndoFunc  undo);

G_END_DECLS
