/* ts-fee-classes-dialog.c: an event's fee classes (一般 / 学生 / 初参加),
 * their amounts changed in place, added and removed with Undo.
 *
 * Below, each person coming (registered or present) with the class
 * they pay, from the event's attendance live model.
 *
 * The lists are made again when "changed::fee_class" or the live model
 * say so (here, at another window, or by tsudoi-cli), except while this
 * dialog writes: the spin button or drop-down in use stays where it is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-fee-classes-dialog.h"
#include "ts-fees.h"
#include "ts-ui-util.h"
#include "ts-undo-toast.h"

struct _TsFeeClassesDialog
{
  AdwWindow       parent_instance;

  TsRepository   *repository;
  gint64          event_id;
  gboolean        writing;     /* a change from here: keep the rows */
  GListModel     *attendance;  /* the event's live model */
  GListModel     *classes;     /* TsFeeClass, as the drop-downs list them */

  AdwToastOverlay *toast_overlay;
  GtkListBox     *classes_list;
  AdwEntryRow    *name_row;
  GtkSpinButton  *amount_spin;
  GtkListBox     *people_list;
};

G_DEFINE_FINAL_TYPE (TsFeeClassesDialog, ts_fee_classes_dialog, ADW_TYPE_WINDOW)

static void fill (TsFeeClassesDialog *self);

/* What a class row's spin button and remove button act on. The dialog
 * owns the rows, so it outlives them. */
typedef struct {
  TsFeeClassesDialog *self;
  TsFeeClass         *fee_class;
} ClassRow;

static ClassRow *
class_row_new (TsFeeClassesDialog *self,
               TsFeeClass         *fee_class)
{
  ClassRow *row = g_new0 (ClassRow, 1);

  row->self = self;
  row->fee_class = g_object_ref (fee_class);
  return row;
}

static void
class_row_free (gpointer  data,
                GClosure *closure)
{
  ClassRow *row = data;

  g_object_unref (row->fee_class);
  g_free (row);
}

/* Whose fee class a person's drop-down sets. */
typedef struct {
  TsFeeClassesDialog *self;
  gint64              member_id;
} PersonRow;

static void
on_amount_changed_cb (GtkSpinButton *spin,
                      ClassRow      *row)
{
  TsFeeClassesDialog *self = row->self;
  TsFeeClass *fee_class = row->fee_class;
  g_autoptr(GError) error = NULL;
  gint64 amount = (gint64) gtk_spin_button_get_value (spin);

  if (amount == fee_class->amount)
    return;
  self->writing = TRUE;
  if (ts_repository_edit_fee_class (self->repository, fee_class->id, fee_class->name, amount,
                                    &error))
    fee_class->amount = amount;
  else
    ts_ui_show_error (GTK_WIDGET (self), error);
  self->writing = FALSE;
}

/* What removing a class takes away, for its Undo: the class, and who
 * was in it. */
static GArray *
members_in (TsFeeClassesDialog *self,
            gint64              fee_class_id)
{
  g_autoptr(GListModel) attendance = ts_repository_get_attendance_model (self->repository,
                                                                         self->event_id);
  GArray *members = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(TsAttendance) row = g_list_model_get_item (attendance, i);

      if (row->fee_class_id == fee_class_id)
        g_array_append_val (members, row->member_id);
    }
  return members;
}

/* The record the toast's Undo keeps: the class, and who was in it. */
typedef struct {
  TsRepository *repository;
  TsFeeClass   *fee_class;
  GArray       *members;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *removal = data;

  g_object_unref (removal->repository);
  g_object_unref (removal->fee_class);
  g_array_unref (removal->members);
  g_free (removal);
}

static gboolean
undo_remove (gpointer   record,
             GError   **error)
{
  Removal *removal = record;

  return ts_repository_restore_fee_class (removal->repository, removal->fee_class,
                                          removal->members, error);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      ClassRow  *row)
{
  TsFeeClassesDialog *self = row->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  Removal *removal;

  removal = g_new0 (Removal, 1);
  removal->repository = g_object_ref (self->repository);
  removal->fee_class = g_object_ref (row->fee_class);
  removal->members = members_in (self, row->fee_class->id);
  if (!ts_repository_remove_fee_class (self->repository, removal->fee_class->id, &error))
    {
      removal_free (removal);
      ts_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  /* Translators: %s is a fee class such as 学生. */
  title = g_strdup_printf (_("Fee class “%s” removed"), removal->fee_class->name);
  ts_undo_toast_show_full (GTK_WIDGET (self->toast_overlay), title, removal, removal_free,
                           undo_remove);
}

static GtkWidget *
class_row (TsFeeClassesDialog *self,
           TsFeeClass         *fee_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 10000000, 500);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: read by a screen reader for a fee class's delete button. */
  g_autofree char *spoken = g_strdup_printf (_("Remove %s"), fee_class->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fee_class->name);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) fee_class->amount);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fee_class->name, -1);
  g_signal_connect_data (spin, "value-changed", G_CALLBACK (on_amount_changed_cb),
                         class_row_new (self, fee_class), class_row_free, 0);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
  g_signal_connect_data (remove, "clicked", G_CALLBACK (on_remove_clicked_cb),
                         class_row_new (self, fee_class), class_row_free, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* "学生 (2,000円)", with the event's own fee first as 一般. */
static GListModel *
class_labels (TsFeeClassesDialog *self,
              gint64              event_fee)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autofree char *fee = ts_fees_format_yen (event_fee);
  /* Translators: a fee class in a drop-down and its amount: 学生 (2,000円). */
  g_autofree char *standard = g_strdup_printf (_("%1$s (%2$s)"), _("Standard"), fee);

  gtk_string_list_append (labels, standard);
  for (guint i = 0; i < g_list_model_get_n_items (self->classes); i++)
    {
      g_autoptr(TsFeeClass) fee_class = g_list_model_get_item (self->classes, i);
      g_autofree char *amount = ts_fees_format_yen (fee_class->amount);
      g_autofree char *label = g_strdup_printf (_("%1$s (%2$s)"), fee_class->name, amount);

      gtk_string_list_append (labels, label);
    }
  return G_LIST_MODEL (labels);
}

static void
on_person_class_cb (AdwComboRow *row,
                    GParamSpec  *pspec,
                    PersonRow   *person)
{
  TsFeeClassesDialog *self = person->self;
  gint64 member_id = person->member_id;
  guint selected = adw_combo_row_get_selected (row);
  g_autoptr(TsFeeClass) fee_class = NULL;
  g_autoptr(GError) error = NULL;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0)
    fee_class = g_list_model_get_item (self->classes, selected - 1);
  self->writing = TRUE;
  if (!ts_repository_set_fee_class (self->repository, self->event_id, member_id,
                                    fee_class != NULL ? fee_class->id : 0, &error))
    ts_ui_show_error (GTK_WIDGET (self), error);
  self->writing = FALSE;
}

static guint
class_position (TsFeeClassesDialog *self,
                gint64              fee_class_id)
{
  for (guint i = 0; fee_class_id != 0 && i < g_list_model_get_n_items (self->classes); i++)
    {
      g_autoptr(TsFeeClass) fee_class = g_list_model_get_item (self->classes, i);

      if (fee_class->id == fee_class_id)
        return i + 1;
    }
  return 0;
}

static void
fill_people (TsFeeClassesDialog *self,
             gint64              event_fee)
{
  g_autoptr(GListModel) labels = class_labels (self, event_fee);

  ts_ui_clear_box (GTK_WIDGET (self->people_list));
  for (guint i = 0; i < g_list_model_get_n_items (self->attendance); i++)
    {
      g_autoptr(TsAttendance) row = g_list_model_get_item (self->attendance, i);
      g_autofree char *name = NULL;
      GtkWidget *combo;
      PersonRow *person;

      if (row->member == NULL ||
          (row->status != TS_ATTENDANCE_STATUS_REGISTERED && !ts_attendance_is_present (row)))
        continue;
      name = ts_member_dup_name (row->member);
      combo = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), name);
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), labels);
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), class_position (self, row->fee_class_id));
      person = g_new0 (PersonRow, 1);
      person->self = self;
      person->member_id = row->member_id;
      g_signal_connect_data (combo, "notify::selected", G_CALLBACK (on_person_class_cb),
                             person, (GClosureNotify) G_CALLBACK (g_free), 0);
      gtk_list_box_append (self->people_list, combo);
    }
}

static void
fill (TsFeeClassesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) classes = ts_repository_list_fee_classes (self->repository,
                                                                  self->event_id, &error);
  g_autoptr(TsEvent) event = ts_repository_get_event (self->repository, self->event_id, NULL);
  GtkWidget *standard = adw_action_row_new ();
  g_autofree char *fee = ts_fees_format_yen (event != NULL ? event->fee : 0);

  ts_ui_clear_box (GTK_WIDGET (self->classes_list));
  g_clear_object (&self->classes);
  self->classes = classes != NULL ? g_object_ref (classes)
                                  : G_LIST_MODEL (g_list_store_new (TS_TYPE_FEE_CLASS));
  /* The event's own fee first, as the class of everyone else. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (standard), _("Standard"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (standard), _("The event’s fee"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (standard), gtk_label_new (fee));
  gtk_list_box_append (self->classes_list, standard);
  for (guint i = 0; classes != NULL && i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(TsFeeClass) fee_class = g_list_model_get_item (classes, i);

      gtk_list_box_append (self->classes_list, class_row (self, fee_class));
    }
  if (classes == NULL)
    ts_ui_show_error (GTK_WIDGET (self), error);
  fill_people (self, event != NULL ? event->fee : 0);
}

static void
on_attendance_changed_cb (TsFeeClassesDialog *self)
{
  if (!self->writing)
    fill (self);
}

static void
on_fee_classes_changed_cb (TsRepository       *repository,
                           GArray             *ids,
                           TsFeeClassesDialog *self)
{
  if (!self->writing)
    fill (self);
}

static void
on_add_cb (TsFeeClassesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsFeeClass) added = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  gtk_spin_button_update (self->amount_spin);
  added = ts_repository_add_fee_class (self->repository, self->event_id, name,
                                       (gint64) gtk_spin_button_get_value (self->amount_spin),
                                       &error);
  if (added == NULL)
    {
      ts_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
ts_fee_classes_dialog_dispose (GObject *object)
{
  TsFeeClassesDialog *self = TS_FEE_CLASSES_DIALOG (object);

  if (self->repository != NULL)
    g_signal_handlers_disconnect_by_data (self->repository, self);
  if (self->attendance != NULL)
    g_signal_handlers_disconnect_by_data (self->attendance, self);
  g_clear_object (&self->attendance);
  g_clear_object (&self->classes);
  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_FEE_CLASSES_DIALOG);
  G_OBJECT_CLASS (ts_fee_classes_dialog_parent_class)->dispose (object);
}

static void
ts_fee_classes_dialog_class_init (TsFeeClassesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_fee_classes_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-fee-classes-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsFeeClassesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsFeeClassesDialog, classes_list);
  gtk_widget_class_bind_template_child (widget_class, TsFeeClassesDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TsFeeClassesDialog, amount_spin);
  gtk_widget_class_bind_template_child (widget_class, TsFeeClassesDialog, people_list);
  gtk_widget_class_bind_template_callback (widget_class, on_add_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ts_fee_classes_dialog_init (TsFeeClassesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ts_fee_classes_dialog_new (GtkWindow    *parent,
                           TsRepository *repository,
                           gint64        event_id)
{
  TsFeeClassesDialog *self;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (TS_TYPE_FEE_CLASSES_DIALOG, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->event_id = event_id;
  self->attendance = ts_repository_get_attendance_model (repository, event_id);
  g_signal_connect_swapped (self->attendance, "items-changed",
                            G_CALLBACK (on_attendance_changed_cb), self);
  g_signal_connect_object (repository, "changed::fee_class",
                           G_CALLBACK (on_fee_classes_changed_cb), self, 0);
  g_signal_connect_object (repository, "changed::event",
                           G_CALLBACK (on_fee_classes_changed_cb), self, 0);
  fill (self);
  return GTK_WIDGET (self);
}
