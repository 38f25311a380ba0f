/* ts-undo-toast.h: a toast whose Undo runs a record's own undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Undoes what @record describes; FALSE with @error set when it could
 * not, e.g. because the rows changed since. */
typedef gboolean (*TsUndoFunc) (gpointer   record,
                                GError   **error);

void ts_undo_toast_show (GtkWidget  *widget,
                         const char *title,
                         gpointer    record,
                         TsUndoFunc  undo);
/* The same for a record that is not a GObject: the toast owns @record
 * and frees it with @free_record when it goes. */
void ts_undo_toast_show_full (GtkWidget      *widget,
                              const char     *title,
                              gpointer        record,
                              GDestroyNotify  free_record,
                              TsUndoFunc      undo);

G_END_DECLS
