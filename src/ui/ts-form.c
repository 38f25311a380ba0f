/* ts-form.c: what the editing dialogs share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-form.h"

/* Trimmed, so that a stray space never makes a name or a reading. */
char *
ts_form_get_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

void
ts_form_set_text (AdwEntryRow *row,
                  const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
unmark (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
}

/* The person fixed the field the message was about: the mark and the
 * message go, rather than staying to contradict what they now see. */
static void
on_marked_row_changed_cb (GtkWidget   *row,
                          GParamSpec  *pspec,
                          GtkRevealer *revealer)
{
  g_signal_handlers_disconnect_by_func (row, on_marked_row_changed_cb, revealer);
  unmark (row);
  gtk_revealer_set_reveal_child (revealer, FALSE);
}

static void
on_marked_entry_changed_cb (GtkWidget   *row,
                            GtkRevealer *revealer)
{
  g_signal_handlers_disconnect_by_func (row, on_marked_entry_changed_cb, revealer);
  on_marked_row_changed_cb (row, NULL, revealer);
}

/* Shows @message and marks @row (when given), the field it is about,
 * and moves the focus there; both clear when that field changes. */
void
ts_form_show_error (GtkRevealer *revealer,
                    GtkLabel    *label,
                    GtkWidget   *row,
                    const char  *message)
{
  gtk_label_set_text (label, message);
  gtk_revealer_set_reveal_child (revealer, TRUE);
  if (row == NULL)
    return;
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_widget_grab_focus (row);
  if (GTK_IS_EDITABLE (row))
    g_signal_connect_object (row, "changed", G_CALLBACK (on_marked_entry_changed_cb),
                             revealer, 0);
  else if (ADW_IS_COMBO_ROW (row))
    g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_marked_row_changed_cb),
                             revealer, 0);
}

static void
clear_marks (GtkWidget   *widget,
             GtkRevealer *revealer)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child) && gtk_widget_has_css_class (child, "error"))
        {
          g_signal_handlers_disconnect_by_func (child, on_marked_entry_changed_cb, revealer);
          g_signal_handlers_disconnect_by_func (child, on_marked_row_changed_cb, revealer);
          unmark (child);
        }
      clear_marks (child, revealer);
    }
}

void
ts_form_clear_error (GtkRevealer *revealer,
                     GtkWidget   *container)
{
  gtk_revealer_set_reveal_child (revealer, FALSE);
  clear_marks (container, revealer);
}

/* Ctrl+S and Ctrl+Enter save, Escape cancels; Enter in a field saves
 * through each dialog's entry-activated handler. */
void
ts_form_install_keys (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* Another program changed the row being edited: the person decides
 * whether to see its values (@reload, called swapped with @dialog) or to
 * go on looking at their own, e.g. to copy them. */
void
ts_form_offer_reload (GtkWindow  *dialog,
                      const char *message,
                      GCallback   reload)
{
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", message,
                                           _("Reload to see the changes? What you typed here will be lost."));
  AdwMessageDialog *ask = ADW_MESSAGE_DIALOG (adw_message_dialog_new (dialog, _("Changed Elsewhere"),
                                                                      body));

  adw_message_dialog_add_responses (ask, "cancel", _("_Keep Editing"), "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ask, "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ask, "reload");
  adw_message_dialog_set_close_response (ask, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (ask), TRUE);
  g_signal_connect_object (ask, "response::reload", reload, dialog, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (ask));
}
