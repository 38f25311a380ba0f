/* ts-attendee-picker.c: register members for an event by search.
 *
 * When nobody matches, the picker offers to add the person as a new
 * member, with what was typed: they are registered for the event and
 * belong to its chapter, without a detour through the Members view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-attendee-picker.h"
#include "ts-member-dialog.h"
#include "ts-text.h"
#include "ts-ui-util.h"

struct _TsAttendeePicker
{
  AdwWindow           parent_instance;

  TsRepository       *repository;
  gint64              event_id;
  GHashTable         *registered;   /* member ids already on the event */
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  char               *query_key;

  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (TsAttendeePicker, ts_attendee_picker, ADW_TYPE_WINDOW)

/* Construct-only: g_object_new (or GtkBuilder) makes a ready dialog. */
enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
filter_member (gpointer item,
               gpointer user_data)
{
  TsAttendeePicker *self = user_data;

  return ts_text_search_matches (TS_MEMBER (item)->search_key, self->query_key);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            TsAttendeePicker         *self)
{
  TsMember *member = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *name = ts_member_dup_name (member);
  g_autofree char *reading = ts_member_dup_reading (member);
  /* Translators: a member's name and its reading, in Japanese "%s（%s）". */
  g_autofree char *title = g_strdup_printf (_("%s (%s)"), name, reading);
  g_autofree char *subtitle = NULL;
  gboolean done = g_hash_table_contains (self->registered, &member->id);

  subtitle = g_strdup_printf ("%s%s%s%s",
                              done ? _("Already on this event") : "",
                              done ? _(" · ") : "",
                              member->organization ? member->organization : "",
                              member->profession && *member->profession ? _(" · ") : "");
  if (member->profession && *member->profession)
    {
      char *full = g_strconcat (subtitle, member->profession, NULL);

      g_free (subtitle);
      subtitle = full;
    }
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), subtitle);
  gtk_widget_set_sensitive (box, !done);
}

static void
load_registered (TsAttendeePicker *self)
{
  g_autoptr(GListModel) attendance = ts_repository_list_attendance (self->repository,
                                                                    self->event_id, NULL);
  guint n = attendance ? g_list_model_get_n_items (attendance) : 0;

  g_hash_table_remove_all (self->registered);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsAttendance) item = g_list_model_get_item (attendance, i);

      g_hash_table_add (self->registered, g_memdup2 (&item->member_id, sizeof (gint64)));
    }
}

static void
show_registered (TsAttendeePicker *self,
                 gint64            member_id,
                 const char       *name)
{
  /* Translators: %s is a member's name. */
  g_autofree char *message = g_strdup_printf (_("%s registered"), name);

  g_hash_table_add (self->registered, g_memdup2 (&member_id, sizeof (gint64)));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
register_member (TsAttendeePicker *self,
                 TsMember         *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsAttendance) attendance = NULL;
  g_autofree char *name = ts_member_dup_name (member);

  if (g_hash_table_contains (self->registered, &member->id))
    return FALSE;
  attendance = ts_repository_set_attendance (self->repository, self->event_id, member->id,
                                             TS_ATTENDANCE_STATUS_REGISTERED, &error);
  if (attendance == NULL)
    {
      ts_ui_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  show_registered (self, member->id, name);
  return TRUE;
}

static void
on_member_added_cb (TsMemberDialog   *dialog,
                    gint64            member_id,
                    TsAttendeePicker *self)
{
  g_autoptr(TsMember) member = ts_repository_get_member (self->repository, member_id, NULL);
  g_autofree char *name = member != NULL ? ts_member_dup_name (member) : g_strdup ("");

  show_registered (self, member_id, name);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_new_member (TsAttendeePicker *self)
{
  GtkWidget *dialog = ts_member_dialog_new_for_event (GTK_WINDOW (self), self->repository,
                                                      self->event_id,
                                                      gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (dialog == NULL)
    return;
  g_signal_connect_object (dialog, "member-added", G_CALLBACK (on_member_added_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_new_member_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  add_new_member (TS_ATTENDEE_PICKER (widget));
}

static gboolean
nothing_matches (TsAttendeePicker *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0;
}

static void
update_stack (TsAttendeePicker *self)
{
  gtk_stack_set_visible_child_name (self->list_stack, nothing_matches (self) ? "empty" : "list");
}

static void
on_list_activate_cb (TsAttendeePicker *self,
                     guint             position)
{
  g_autoptr(TsMember) member = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);

  if (member != NULL)
    register_member (self, member);
}

static void
on_search_changed_cb (TsAttendeePicker *self,
                      GtkSearchEntry   *entry)
{
  g_free (self->query_key);
  self->query_key = ts_text_search_key (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
}

static void
on_search_activate_cb (TsAttendeePicker *self,
                       GtkSearchEntry   *entry)
{
  /* Enter may come before the entry's delayed "search-changed": the
   * search is made on what is typed now. */
  on_search_changed_cb (self, entry);
  /* Nobody matches: what was typed starts a new member. */
  if (nothing_matches (self))
    add_new_member (self);
  else if (ts_attendee_picker_register_first (self))
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
ts_attendee_picker_dispose (GObject *object)
{
  TsAttendeePicker *self = TS_ATTENDEE_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_ATTENDEE_PICKER);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->registered, g_hash_table_unref);
  g_clear_pointer (&self->query_key, g_free);
  G_OBJECT_CLASS (ts_attendee_picker_parent_class)->dispose (object);
}

static void
ts_attendee_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TsAttendeePicker *self = TS_ATTENDEE_PICKER (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_attendee_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TsAttendeePicker *self = TS_ATTENDEE_PICKER (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_attendee_picker_class_init (TsAttendeePickerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_attendee_picker_dispose;
  G_OBJECT_CLASS (klass)->get_property = ts_attendee_picker_get_property;
  G_OBJECT_CLASS (klass)->set_property = ts_attendee_picker_set_property;
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-attendee-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, TsAttendeePicker, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsAttendeePicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TsAttendeePicker, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TsAttendeePicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_install_action (widget_class, "picker.add-new-member", NULL,
                                   add_new_member_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ts_attendee_picker_init (TsAttendeePicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->registered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

GtkWidget *
ts_attendee_picker_new (GtkWindow    *parent,
                        TsRepository *repository,
                        gint64        event_id)
{
  TsAttendeePicker *self = g_object_new (TS_TYPE_ATTENDEE_PICKER,
                                         "transient-for", parent,
                                         "repository", repository, NULL);
  g_autoptr(GListModel) members = ts_repository_list_members (repository, NULL, NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  self->event_id = event_id;
  load_registered (self);
  self->filter = gtk_custom_filter_new (filter_member, self, NULL);
  self->filter_model = gtk_filter_list_model_new (members ? g_object_ref (members) : NULL,
                                                  g_object_ref (GTK_FILTER (self->filter)));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (selection);
  g_object_unref (factory);
  update_stack (self);
  return GTK_WIDGET (self);
}

void
ts_attendee_picker_set_search (TsAttendeePicker *self,
                               const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  on_search_changed_cb (self, self->search_entry);
}

/* Registers the first match that is not on the event yet. */
gboolean
ts_attendee_picker_register_first (TsAttendeePicker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (!g_hash_table_contains (self->registered, &member->id))
        return register_member (self, member);
    }
  return FALSE;
}
