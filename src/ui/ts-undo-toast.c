/* ts-undo-toast.c: a toast whose Undo runs a record's own undo.
 *
 * Deletes come back with ts_ui_delete_with_undo(); writes that touch many
 * rows at once (a merge of two members, an event closed) return a record
 * of what they changed, and this toast keeps that record alive until the
 * toast goes, so that Undo still works after the dialog that made the
 * change has closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-ui-util.h"
#include "ts-undo-toast.h"

typedef struct {
  gpointer        record;
  GDestroyNotify  free_record;
  TsUndoFunc      undo;
  GWeakRef        overlay;   /* where a failed undo says why */
} UndoData;

static void
undo_data_free (gpointer data,
                GClosure *closure)
{
  UndoData *undo = data;

  undo->free_record (undo->record);
  g_weak_ref_clear (&undo->overlay);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    UndoData *undo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkWidget) overlay = NULL;

  if (undo->undo (undo->record, &error))
    return;
  overlay = g_weak_ref_get (&undo->overlay);
  if (overlay != NULL)
    ts_ui_show_error (overlay, error);
  else
    g_warning ("Undo failed: %s", error->message);
}

/* The overlay ts_ui_add_toast() will use: the nearest one up from
 * @widget, else its window's content, else the window it belongs to. */
static GtkWidget *
find_overlay (GtkWidget *widget)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  GtkWidget *content = NULL;

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_TOAST_OVERLAY (w))
      return w;
  if (ADW_IS_APPLICATION_WINDOW (root))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (root));
  else if (GTK_IS_WINDOW (root) && gtk_window_get_transient_for (GTK_WINDOW (root)) != NULL)
    return find_overlay (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (root))));
  return ADW_IS_TOAST_OVERLAY (content) ? content : NULL;
}

/* Shows @title with an Undo button on the overlay nearest @widget (the
 * main window's for a dialog without one); @record is a GObject. */
void
ts_undo_toast_show (GtkWidget  *widget,
                    const char *title,
                    gpointer    record,
                    TsUndoFunc  undo)
{
  g_return_if_fail (G_IS_OBJECT (record));

  ts_undo_toast_show_full (widget, title, g_object_ref (record), g_object_unref, undo);
}

void
ts_undo_toast_show_full (GtkWidget      *widget,
                         const char     *title,
                         gpointer        record,
                         GDestroyNotify  free_record,
                         TsUndoFunc      undo)
{
  AdwToast *toast = adw_toast_new (title);
  UndoData *data = g_new0 (UndoData, 1);

  data->record = record;
  data->free_record = free_record;
  data->undo = undo;
  g_weak_ref_init (&data->overlay, find_overlay (widget));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                         data, undo_data_free, 0);
  ts_ui_add_toast (widget, toast);
}
