/* ts-progress-dialog.c: a long operation's progress, with Cancel.
 *
 * A small modal window over the main one while the engine works: its
 * bar and label are bound to the operation's TsProgress, and Cancel,
 * Escape or closing it cancel the operation's GCancellable. It stays
 * until the caller destroys it in the operation's callback, since only
 * the engine knows when stopping has left nothing half done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-progress"

#include "config.h"


#include "ts-progress-dialog.h"

struct _TsProgressDialog
{
  AdwWindow       parent_instance;

  GCancellable   *cancellable;

  GtkLabel       *text_label;
  GtkProgressBar *progress_bar;
  GtkButton      *cancel_button;
};

G_DEFINE_FINAL_TYPE (TsProgressDialog, ts_progress_dialog, ADW_TYPE_WINDOW)

static void
cancel (TsProgressDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

static void
on_cancel_clicked_cb (TsProgressDialog *self)
{
  cancel (self);
}

/* Closing asks to stop; the window goes when the operation has. */
static gboolean
ts_progress_dialog_close_request (GtkWindow *window)
{
  cancel (TS_PROGRESS_DIALOG (window));
  return TRUE;
}

static void
ts_progress_dialog_dispose (GObject *object)
{
  TsProgressDialog *self = TS_PROGRESS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PROGRESS_DIALOG);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (ts_progress_dialog_parent_class)->dispose (object);
}

static void
ts_progress_dialog_class_init (TsProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ts_progress_dialog_dispose;
  window_class->close_request = ts_progress_dialog_close_request;

  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsProgressDialog, text_label);
  gtk_widget_class_bind_template_child (widget_class, TsProgressDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TsProgressDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ts_progress_dialog_init (TsProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* Shows @progress; Cancel cancels @cancellable. */
TsProgressDialog *
ts_progress_dialog_new (GtkWindow    *parent,
                        const char   *title,
                        TsProgress   *progress,
                        GCancellable *cancellable)
{
  TsProgressDialog *self;

  g_return_val_if_fail (TS_IS_PROGRESS (progress), NULL);
  g_return_val_if_fail (G_IS_CANCELLABLE (cancellable), NULL);

  self = g_object_new (TS_TYPE_PROGRESS_DIALOG, "transient-for", parent, "title", title, NULL);
  self->cancellable = g_object_ref (cancellable);
  g_object_bind_property (progress, "fraction", self->progress_bar, "fraction",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (progress, "text", self->text_label, "label", G_BINDING_SYNC_CREATE);
  return self;
}
