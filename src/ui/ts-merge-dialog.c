/* ts-merge-dialog.c: the likely duplicates, side by side, merged.
 *
 * One pair at a time: the two people in two columns, and for each field
 * where they differ a choice between the two values, the kept member's
 * when set, else the other's (as tsudoi-cli member merge does). Merging
 * shows a toast with Undo on the main window, so that the Undo outlives
 * this dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-member-duplicates.h"
#include "ts-member-merge.h"
#include "ts-merge-dialog.h"
#include "ts-ui-util.h"
#include "ts-undo-toast.h"

struct _TsMergeDialog
{
  AdwWindow       parent_instance;

  TsRepository   *repository;
  GListModel     *pairs;
  guint           position;
  GArray         *choices;    /* FieldChoice, per differing field */
  guint           reload_id;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkLabel       *reason_label;
  GtkGrid        *grid;
};

G_DEFINE_FINAL_TYPE (TsMergeDialog, ts_merge_dialog, ADW_TYPE_WINDOW)

/* A differing field and the button that takes the other's value; the
 * grid owns the button and clear_grid() forgets it with the grid's rows. */
typedef struct {
  const char     *field;   /* static, from ts_member_merge_fields() */
  GtkCheckButton *other;
} FieldChoice;

static TsMemberPair *
current_pair (TsMergeDialog *self)
{
  if (self->pairs == NULL || self->position >= g_list_model_get_n_items (self->pairs))
    return NULL;
  return g_list_model_get_item (self->pairs, self->position);
}

static void
clear_grid (TsMergeDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_array_set_size (self->choices, 0);
}

/* A person's column head: the name, then number, visits and last visit. */
static GtkWidget *
person_heading (TsMember *member)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *name = ts_member_dup_name (member);
  g_autofree char *last = ts_ui_format_day (member->last_attended);
  g_autofree char *details = NULL;
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, member->id);
  GtkWidget *title, *subtitle;

  if (member->times_attended > 0)
    /* Translators: a member's number, how many times present, and the
     * last time. */
    details = g_strdup_printf (ngettext ("No. %1$s · present %2$u time, last on %3$s",
                                         "No. %1$s · present %2$u times, last on %3$s",
                                         (gulong) member->times_attended),
                               number, (guint) member->times_attended, last);
  else
    details = g_strdup_printf (_("No. %s · never present"), number);
  title = gtk_label_new (name);
  subtitle = gtk_label_new (details);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_hexpand (box, TRUE);
  return box;
}

/* One value to choose, its text wrapped (an introduction is long). */
static GtkWidget *
value_choice (const char *field,
              TsMember   *member,
              const char *side)
{
  g_autofree char *text = ts_member_merge_field_text (field, member);
  g_autofree char *name = g_strdup_printf ("%s:%s", side, field);
  g_autofree char *accessible = NULL;
  const char *shown = *text != '\0' ? text : _("(empty)");
  GtkWidget *button = gtk_check_button_new ();
  GtkWidget *label = gtk_label_new (shown);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (*text == '\0')
    gtk_widget_add_css_class (label, "dim-label");
  gtk_check_button_set_child (GTK_CHECK_BUTTON (button), label);
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_name (button, name);
  /* Translators: a field and one of its two values, read by a screen reader. */
  accessible = g_strdup_printf (C_("field and value", "%1$s: %2$s"),
                                ts_member_merge_field_label (field), shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

static void
add_field_row (TsMergeDialog *self,
               const char    *field,
               TsMember      *keep,
               TsMember      *other,
               int            row)
{
  GtkWidget *label = gtk_label_new (ts_member_merge_field_label (field));
  GtkWidget *keep_choice = value_choice (field, keep, "keep");
  GtkWidget *other_choice = value_choice (field, other, "other");
  gboolean take_other = !ts_member_merge_field_is_set (field, keep) &&
                        ts_member_merge_field_is_set (field, other);
  FieldChoice choice;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_check_button_set_group (GTK_CHECK_BUTTON (other_choice), GTK_CHECK_BUTTON (keep_choice));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (take_other ? other_choice : keep_choice), TRUE);
  choice.field = field;
  choice.other = GTK_CHECK_BUTTON (other_choice);
  g_array_append_val (self->choices, choice);
  gtk_grid_attach (self->grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->grid, keep_choice, 1, row, 1, 1);
  gtk_grid_attach (self->grid, other_choice, 2, row, 1, 1);
}

static void
show_pair (TsMergeDialog *self)
{
  g_autoptr(TsMemberPair) pair = current_pair (self);
  guint n = self->pairs ? g_list_model_get_n_items (self->pairs) : 0;
  g_autofree char *reasons = NULL;
  g_autofree char *subtitle = NULL;
  TsMember *keep, *other;
  const char * const *fields = ts_member_merge_fields ();
  int row = 1;

  clear_grid (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge", pair != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.previous", self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.next", self->position + 1 < n);
  if (pair == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* Translators: which pair of likely duplicates is shown, of how many. */
  subtitle = g_strdup_printf (_("Pair %1$u of %2$u"), self->position + 1, n);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  reasons = ts_duplicate_reasons_label (ts_member_pair_get_reasons (pair));
  gtk_label_set_text (self->reason_label, reasons);

  keep = ts_member_pair_get_first (pair);
  other = ts_member_pair_get_second (pair);
  gtk_grid_attach (self->grid, person_heading (keep), 1, 0, 1, 1);
  gtk_grid_attach (self->grid, person_heading (other), 2, 0, 1, 1);
  for (guint i = 0; fields[i] != NULL; i++)
    if (ts_member_merge_field_differs (fields[i], keep, other))
      add_field_row (self, fields[i], keep, other, row++);
  if (row == 1)
    {
      GtkWidget *same = gtk_label_new (_("Every field is the same."));

      gtk_label_set_xalign (GTK_LABEL (same), 0);
      gtk_grid_attach (self->grid, same, 0, row, 3, 1);
    }
  gtk_stack_set_visible_child_name (self->stack, "pair");
}

static void
reload (TsMergeDialog *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *pairs = ts_repository_find_duplicates (self->repository, &error);

  if (pairs == NULL)
    {
      ts_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  g_set_object (&self->pairs, pairs);
  g_object_unref (pairs);
  if (self->position >= g_list_model_get_n_items (pairs) && self->position > 0)
    self->position = MAX (g_list_model_get_n_items (pairs), 1) - 1;
  show_pair (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  TsMergeDialog *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A merge here, its Undo, or another program: the pairs are read again. */
static void
on_members_changed_cb (TsRepository  *repository,
                       GArray        *ids,
                       TsMergeDialog *self)
{
  if (self->reload_id == 0)
    self->reload_id = ts_ui_idle_add (reload_idle_cb, self);
}

static GStrv
chosen_from_other (TsMergeDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->choices->len; i++)
    {
      FieldChoice *choice = &g_array_index (self->choices, FieldChoice, i);

      if (gtk_check_button_get_active (choice->other))
        g_strv_builder_add (builder, choice->field);
    }
  return g_strv_builder_end (builder);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TsMergeDialog *self = TS_MERGE_DIALOG (widget);
  g_autoptr(TsMemberPair) pair = current_pair (self);
  g_auto(GStrv) from_other = NULL;
  g_autoptr(TsMemberMerge) merge = NULL;
  g_autoptr(TsMember) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (pair == NULL)
    return;
  from_other = chosen_from_other (self);
  merge = ts_repository_merge_members (self->repository,
                                       ts_member_pair_get_first (pair)->id,
                                       ts_member_pair_get_second (pair)->id,
                                       (const char * const *) from_other,
                                       TS_MEMBER_MERGE_NONE, &error);
  if (merge == NULL)
    {
      ts_ui_show_error (widget, error);
      return;
    }
  merged = ts_repository_get_member (self->repository, ts_member_merge_get_keep_id (merge), NULL);
  name = merged ? ts_member_dup_name (merged) : g_strdup ("");
  /* Translators: %s is the name of the member the two became. */
  title = g_strdup_printf (_("Merged into one member, “%s”"), name);
  ts_undo_toast_show (widget, title, merge, (TsUndoFunc) ts_member_merge_undo);
  reload (self);
  if (g_list_model_get_n_items (self->pairs) == 0)
    gtk_window_close (GTK_WINDOW (self));
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsMergeDialog *self = TS_MERGE_DIALOG (widget);
  guint n = g_list_model_get_n_items (self->pairs);

  if (g_str_equal (action_name, "merge.next") && self->position + 1 < n)
    self->position++;
  else if (g_str_equal (action_name, "merge.previous") && self->position > 0)
    self->position--;
  show_pair (self);
}

static void
ts_merge_dialog_dispose (GObject *object)
{
  TsMergeDialog *self = TS_MERGE_DIALOG (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->repository != NULL)
    g_signal_handlers_disconnect_by_data (self->repository, self);
  g_clear_object (&self->repository);
  g_clear_object (&self->pairs);
  g_clear_pointer (&self->choices, g_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_MERGE_DIALOG);
  G_OBJECT_CLASS (ts_merge_dialog_parent_class)->dispose (object);
}

static void
ts_merge_dialog_class_init (TsMergeDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_merge_dialog_dispose;
  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TsMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TsMergeDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, TsMergeDialog, grid);
  gtk_widget_class_install_action (widget_class, "merge.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "merge.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "merge.previous", NULL, step_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "merge.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "merge.previous", NULL);
}

static void
ts_merge_dialog_init (TsMergeDialog *self)
{
  self->choices = g_array_new (FALSE, FALSE, sizeof (FieldChoice));
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ts_merge_dialog_new (GtkWindow    *parent,
                     TsRepository *repository)
{
  TsMergeDialog *self;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (TS_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  g_signal_connect_object (repository, "changed::member", G_CALLBACK (on_members_changed_cb),
                           self, 0);
  reload (self);
  return GTK_WIDGET (self);
}

guint
ts_merge_dialog_get_n_pairs (TsMergeDialog *self)
{
  g_return_val_if_fail (TS_IS_MERGE_DIALOG (self), 0);
  return self->pairs ? g_list_model_get_n_items (self->pairs) : 0;
}
