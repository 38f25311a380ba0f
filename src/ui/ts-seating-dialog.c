/* ts-seating-dialog.c: how many tables, and a plan for them (席決め).
 *
 * The organizer gives the number of tables and, for a restaurant whose
 * tables hold so many, the seats at each; the dialog says what that
 * gives (how many at each table) before anything is written, and Plan
 * seats everyone registered or present, the locked where they are
 * (ts_seating_edit_plan), with Undo on the page's toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-seating-dialog.h"
#include "ts-seating-edit.h"
#include "ts-seating-guests.h"
#include "ts-ui-util.h"
#include "ts-undo-toast.h"

/* A table for about this many when the event was never planned. */
#define DEFAULT_TABLE_SIZE 8

struct _TsSeatingDialog
{
  AdwWindow            parent_instance;

  TsRepository        *repository;
  gint64               event_id;
  guint                n_people;
  guint                n_locked;

  AdwPreferencesGroup *people_group;
  GtkSpinButton       *tables_spin;
  GtkSwitch           *seats_switch;
  GtkSpinButton       *seats_spin;
  GtkLabel            *preview_label;
};

G_DEFINE_FINAL_TYPE (TsSeatingDialog, ts_seating_dialog, ADW_TYPE_WINDOW)

static guint
seats_per_table (TsSeatingDialog *self)
{
  if (!gtk_switch_get_active (self->seats_switch))
    return 0;
  return (guint) gtk_spin_button_get_value_as_int (self->seats_spin);
}

/* "5 to 6 people at each table", or why they do not fit. */
static char *
preview_text (TsSeatingDialog *self,
              gboolean        *fits)
{
  guint n_tables = (guint) gtk_spin_button_get_value_as_int (self->tables_spin);
  guint seats = seats_per_table (self);
  guint least = self->n_people / n_tables;
  guint most = least + (self->n_people % n_tables > 0);

  *fits = seats == 0 || self->n_people <= n_tables * seats;
  if (!*fits)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%1$u person does not fit at %2$u tables of %3$u seats: add tables or seats.",
                                         "%1$u people do not fit at %2$u tables of %3$u seats: add tables or seats.",
                                         self->n_people),
                            self->n_people, n_tables, seats);
  if (least == most)
    /* Translators: how a plan will seat people, before it is made. */
    return g_strdup_printf (ngettext ("%u person at each table.", "%u people at each table.",
                                      most), most);
  /* Translators: how a plan will seat people, e.g. "5 to 6 people at each table." */
  return g_strdup_printf (_("%1$u to %2$u people at each table."), least, most);
}

static void
on_size_changed_cb (TsSeatingDialog *self)
{
  gboolean fits;
  g_autofree char *text = preview_text (self, &fits);

  gtk_label_set_text (self->preview_label, text);
  if (fits)
    gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seating.plan", fits && self->n_people > 0);
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsSeatingDialog *self = TS_SEATING_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  TsSeatingUndo *undo = NULL;
  g_autofree char *title = NULL;
  guint n_tables, seats;
  guint32 seed = 1;

  gtk_spin_button_update (self->tables_spin);
  gtk_spin_button_update (self->seats_spin);
  n_tables = (guint) gtk_spin_button_get_value_as_int (self->tables_spin);
  seats = seats_per_table (self);
  if (!ts_seating_edit_plan (self->repository, self->event_id, n_tables, seats, &seed, FALSE,
                             &undo, &error))
    {
      gtk_label_set_text (self->preview_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "error");
      return;
    }
  /* Translators: a toast after a plan: "26 people seated at 5 tables". */
  title = g_strdup_printf (ngettext ("%1$u person seated at %2$u tables",
                                     "%1$u people seated at %2$u tables", self->n_people),
                           self->n_people, n_tables);
  ts_undo_toast_show_full (widget, title, undo, (GDestroyNotify) ts_seating_undo_free,
                           ts_seating_edit_undo);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
describe_people (TsSeatingDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text,
                          /* Translators: at the top of the plan dialog. */
                          ngettext ("%u person is coming (registered or present).",
                                    "%u people are coming (registered or present).",
                                    self->n_people),
                          self->n_people);
  if (self->n_locked > 0)
    {
      g_string_append (text, " ");
      g_string_append_printf (text,
                              ngettext ("The %u person locked to a table stays there.",
                                        "The %u people locked to a table stay there.",
                                        self->n_locked),
                              self->n_locked);
    }
  adw_preferences_group_set_description (self->people_group, text->str);
}

static void
load (TsSeatingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsSeatingGuests) guests = ts_seating_guests_load (self->repository, self->event_id,
                                                              &error);

  if (guests == NULL)
    {
      g_warning ("Could not read the event’s people: %s", error->message);
      return;
    }
  self->n_people = guests->n_guests;
  for (guint i = 0; i < guests->n_guests; i++)
    self->n_locked += guests->guests[i].locked;
  gtk_spin_button_set_value (self->tables_spin,
                             guests->n_tables > 0
                             ? guests->n_tables
                             : MAX (1, (guests->n_guests + DEFAULT_TABLE_SIZE - 1) / DEFAULT_TABLE_SIZE));
  if (guests->seats > 0)
    gtk_spin_button_set_value (self->seats_spin, guests->seats);
  gtk_switch_set_active (self->seats_switch, guests->seats > 0);
  describe_people (self);
}

static void
ts_seating_dialog_dispose (GObject *object)
{
  TsSeatingDialog *self = TS_SEATING_DIALOG (object);

  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_SEATING_DIALOG);
  G_OBJECT_CLASS (ts_seating_dialog_parent_class)->dispose (object);
}

static void
ts_seating_dialog_class_init (TsSeatingDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_seating_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-seating-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsSeatingDialog, people_group);
  gtk_widget_class_bind_template_child (widget_class, TsSeatingDialog, tables_spin);
  gtk_widget_class_bind_template_child (widget_class, TsSeatingDialog, seats_switch);
  gtk_widget_class_bind_template_child (widget_class, TsSeatingDialog, seats_spin);
  gtk_widget_class_bind_template_child (widget_class, TsSeatingDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, on_size_changed_cb);
  gtk_widget_class_install_action (widget_class, "seating.plan", NULL, plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "seating.plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "seating.plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ts_seating_dialog_init (TsSeatingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ts_seating_dialog_new (GtkWindow    *parent,
                       TsRepository *repository,
                       gint64        event_id)
{
  TsSeatingDialog *self;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (TS_TYPE_SEATING_DIALOG, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->event_id = event_id;
  load (self);
  on_size_changed_cb (self);
  return GTK_WIDGET (self);
}
