/* ts-event-page.c: one event: details, attendees by status, actions.
 *
 * Attendees come from one list model of the event's attendance; each
 * status group shows a filtered view of it, so a count and its rows
 * always agree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-attendee-picker.h"
#include "ts-check-in-window.h"
#include "ts-date.h"
#include "ts-event-close.h"
#include "ts-event-page.h"
#include "ts-print-dialog.h"
#include "ts-regulars-marks.h"
#include "ts-ui-util.h"
#include "ts-undo-toast.h"

struct _TsEventPage
{
  AdwBin          parent_instance;

  TsRepository   *repository;
  gint64          event_id;
  TsEvent        *event;
  GListModel     *attendance;
  TsRegulars     *regulars;   /* the chapter's, for the marks; may be NULL */
  guint           refresh_id;
  guint           expanded;   /* bit per status index: show every row */

  GtkStack       *stack;
  GtkWidget      *back_button;
  GtkLabel       *chapter_label;
  GtkLabel       *title_label;
  GtkLabel       *headcount_label;
  GtkListBox     *details_list;
  GtkBox         *attendees_box;
  GtkMenuButton  *more_button;
};

G_DEFINE_FINAL_TYPE (TsEventPage, ts_event_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The back button only makes sense when the list beside is folded away. */
static void
ts_event_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TsEventPage *self = (TsEventPage *) object;

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      gtk_widget_set_visible (self->back_button, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_event_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TsEventPage *self = (TsEventPage *) object;

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      g_value_set_boolean (value, gtk_widget_get_visible (self->back_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
status_filter (gpointer item,
               gpointer user_data)
{
  return TS_ATTENDANCE (item)->status == (TsAttendanceStatus) GPOINTER_TO_INT (user_data);
}

static void
save_attendance (GtkWidget    *widget,
                 TsAttendance *attendance,
                 const char   *property,
                 ...)
{
  TsEventPage *self = TS_EVENT_PAGE (gtk_widget_get_ancestor (widget, TS_TYPE_EVENT_PAGE));
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, property);
  g_object_set_valist (G_OBJECT (attendance), property, args);
  va_end (args);
  if (self != NULL && !ts_repository_save_attendance (self->repository, attendance, &error))
    ts_ui_show_error (widget, error);
}

static void
on_status_selected_cb (GtkDropDown  *drop_down,
                       GParamSpec   *pspec,
                       TsAttendance *attendance)
{
  int status = ts_ui_enum_selected (gtk_drop_down_get_selected_item (drop_down));

  if (status >= 0 && (TsAttendanceStatus) status != attendance->status)
    save_attendance (GTK_WIDGET (drop_down), attendance, "status", status, NULL);
}

static void
on_role_selected_cb (GtkDropDown  *drop_down,
                     GParamSpec   *pspec,
                     TsAttendance *attendance)
{
  int role = ts_ui_enum_selected (gtk_drop_down_get_selected_item (drop_down));

  if (role >= 0 && (TsAttendanceRole) role != attendance->role)
    save_attendance (GTK_WIDGET (drop_down), attendance, "role", role, NULL);
}

static void
on_paid_toggled_cb (GtkCheckButton *button,
                    TsAttendance   *attendance)
{
  gboolean paid = gtk_check_button_get_active (button);

  if (paid != attendance->paid)
    save_attendance (GTK_WIDGET (button), attendance, "paid", paid, NULL);
}

static GtkWidget *
drop_down_for (GType       enum_type,
               int         current,
               const char *accessible_label)
{
  GtkWidget *drop_down = ts_ui_enum_drop_down_new (enum_type, current);

  gtk_widget_set_valign (drop_down, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return drop_down;
}

static GtkWidget *
create_attendee_row (gpointer item,
                     gpointer user_data)
{
  TsAttendance *attendance = item;
  TsEventPage *self = user_data;
  TsMember *member = attendance->member;
  g_autofree char *name = member ? ts_member_dup_name (member) : g_strdup ("?");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status, *role, *paid, *mark = NULL;

  if (member != NULL && member->organization && *member->organization)
    g_string_append (subtitle, member->organization);
  if (member != NULL && member->profession && *member->profession)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? _(" · ") : "", member->profession);
  if (self->regulars != NULL && self->event != NULL)
    mark = ts_ui_regulars_mark_new (ts_regulars_mark (self->regulars, attendance->member_id,
                                                      self->event->starts_at));
  else if (attendance->first_time)
    mark = ts_ui_regulars_mark_new (TS_REGULARS_MARK_FIRST_TIMER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  status = drop_down_for (TS_TYPE_ATTENDANCE_STATUS, attendance->status, _("Status"));
  role = drop_down_for (TS_TYPE_ATTENDANCE_ROLE, attendance->role, _("Role"));
  paid = gtk_check_button_new_with_label (_("Paid"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (paid), attendance->paid);
  gtk_widget_set_valign (paid, GTK_ALIGN_CENTER);
  g_signal_connect_object (status, "notify::selected", G_CALLBACK (on_status_selected_cb),
                           attendance, 0);
  g_signal_connect_object (role, "notify::selected", G_CALLBACK (on_role_selected_cb),
                           attendance, 0);
  g_signal_connect_object (paid, "toggled", G_CALLBACK (on_paid_toggled_cb), attendance, 0);
  if (mark != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), role);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), paid);
  return row;
}

static gboolean refresh_idle_cb (gpointer user_data);

/* A row per person with its own drop-downs costs a few milliseconds; a
 * group of hundreds (a big sample file, an imported list) shows the
 * first ones and a button for the rest, so the page opens at once. */
#define GROUP_PREVIEW 60

/* event.show-all(bit): a capped group's "Show All" button. */
static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TsEventPage *self = TS_EVENT_PAGE (widget);

  self->expanded |= g_variant_get_uint32 (parameter);
  if (self->refresh_id == 0)
    self->refresh_id = ts_ui_idle_add (refresh_idle_cb, self);
}

static void
add_status_group (TsEventPage        *self,
                  TsAttendanceStatus  status)
{
  GtkFilter *filter = GTK_FILTER (gtk_custom_filter_new (status_filter, GINT_TO_POINTER (status), NULL));
  g_autoptr(GtkFilterListModel) model =
    gtk_filter_list_model_new (g_object_ref (self->attendance), filter);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  /* Translators: an attendance status and how many have it, e.g. "Registered (12)". */
  g_autofree char *title = g_strdup_printf (_("%1$s (%2$u)"), ts_attendance_status_to_label (status), n);

  if (n == 0)
    return;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  if (n > GROUP_PREVIEW && !(self->expanded & TS_ATTENDANCE_STATUS_FLAG (status)))
    {
      g_autoptr(GtkSliceListModel) slice =
        gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (model)), 0, GROUP_PREVIEW);
      /* Translators: %u is how many people the group has in all. */
      g_autofree char *label = g_strdup_printf (_("Show All %u"), n);
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (slice),
                               create_attendee_row, self, NULL);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "event.show-all");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", TS_ATTENDANCE_STATUS_FLAG (status));
      gtk_widget_add_css_class (button, "flat");
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), button);
    }
  else
    gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (model),
                             create_attendee_row, self, NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  gtk_box_append (self->attendees_box, group);
}

static void
fill_attendees (TsEventPage *self)
{
  guint n = g_list_model_get_n_items (self->attendance);

  ts_ui_clear_box (GTK_WIDGET (self->attendees_box));
  if (n == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Nobody Registered Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Add the people who said they will come with Add Attendees…, or import the registrations from a form’s spreadsheet."));
      gtk_widget_add_css_class (status, "compact");
      gtk_box_append (self->attendees_box, status);
      return;
    }
  for (TsAttendanceStatus status = 0; status < TS_ATTENDANCE_STATUS_N; status++)
    add_status_group (self, status);
}

static void
fill_details (TsEventPage *self)
{
  TsEvent *event = self->event;
  g_autofree char *when = ts_event_format_when (event);
  g_autofree char *venue = NULL;
  g_autofree char *yen = ts_ui_format_number (event->fee);
  g_autofree char *fee = event->fee > 0
                         /* Translators: a fee in yen, e.g. ¥3,000; in Japanese 3,000円. */
                         ? g_strdup_printf (_("¥%s"), yen)
                         : g_strdup (_("Free"));
  g_autofree char *capacity = event->capacity > 0
                              ? g_strdup_printf (ngettext ("%d person", "%d people",
                                                           (gulong) event->capacity),
                                                 (int) event->capacity)
                              : g_strdup (_("No limit"));

  venue = event->address && *event->address
          ? g_strdup_printf ("%s\n%s", event->venue ? event->venue : "", event->address)
          : g_strdup (event->venue);
  ts_ui_clear_box (GTK_WIDGET (self->details_list));
  gtk_list_box_append (self->details_list, ts_ui_detail_row (_("When"), when));
  gtk_list_box_append (self->details_list, ts_ui_detail_row (_("Venue"), venue));
  gtk_list_box_append (self->details_list, ts_ui_detail_row (_("Fee"), fee));
  gtk_list_box_append (self->details_list, ts_ui_detail_row (_("Capacity"), capacity));
  gtk_list_box_append (self->details_list,
                       ts_ui_detail_row (_("Status"), ts_event_status_to_label (event->status)));
  if (event->notes && *event->notes)
    gtk_list_box_append (self->details_list, ts_ui_detail_row (_("Notes"), event->notes));
}

static void
update_menu (TsEventPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) data = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;

  item = g_menu_item_new (_("_Edit Event…"), NULL);
  g_menu_item_set_action_and_target (item, "win.edit-event", "x", self->event_id);
  g_menu_append_item (edit, item);
  g_clear_object (&item);
  g_menu_append (edit, _("_Duplicate as Next Month’s"), "event.duplicate");
  g_menu_append (edit, _("_Wrap Up After the Meeting"), "event.close");
  item = g_menu_item_new (_("_Import Registrations…"), NULL);
  g_menu_item_set_action_and_target (item, "data.import-registrations", "x", self->event_id);
  g_menu_append_item (data, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("E_xport Attendees…"), NULL);
  g_menu_item_set_action_and_target (item, "data.export-attendees", "x", self->event_id);
  g_menu_append_item (data, item);
  g_menu_append (danger, _("De_lete Event"), "event.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (data));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (danger));
  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (menu));
}

static void
update_headcount (TsEventPage *self)
{
  guint n = g_list_model_get_n_items (self->attendance);
  guint present = 0, expected = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (self->attendance, i);

      if (ts_attendance_is_present (attendance))
        present++;
      if (attendance->status == TS_ATTENDANCE_STATUS_REGISTERED || ts_attendance_is_present (attendance))
        expected++;
    }
  /* Translators: %1$u people expected or present, %2$u checked in. */
  text = g_strdup_printf (_("%1$u coming · %2$u present"), expected, present);
  gtk_label_set_text (self->headcount_label, text);
}

/* Once per load, for every row's mark: one query for the whole chapter. */
static void
load_regulars (TsEventPage *self)
{
  TsRegularsOptions options;
  g_autoptr(GError) error = NULL;

  ts_ui_regulars_options_init (GTK_WIDGET (self), &options);
  self->regulars = ts_regulars_compute (self->repository, self->event->chapter_id,
                                        &options, &error);
  if (self->regulars == NULL)
    g_warning ("Could not compute the marks: %s", error->message);
}

static void
refresh (TsEventPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->event);
  g_clear_object (&self->attendance);
  g_clear_pointer (&self->regulars, ts_regulars_free);
  if (self->repository == NULL || self->event_id == 0 ||
      (self->event = ts_repository_get_event (self->repository, self->event_id, NULL)) == NULL)
    {
      self->event_id = 0;
      gtk_stack_set_visible_child_name (self->stack, "none");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.check-in", FALSE);
      return;
    }
  self->attendance = ts_repository_list_attendance (self->repository, self->event_id, &error);
  if (self->attendance == NULL)
    {
      ts_ui_show_error (GTK_WIDGET (self), error);
      self->attendance = G_LIST_MODEL (g_list_store_new (TS_TYPE_ATTENDANCE));
    }
  load_regulars (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.check-in", TRUE);
  gtk_label_set_text (self->chapter_label, self->event->chapter_name ? self->event->chapter_name : "");
  gtk_label_set_text (self->title_label, self->event->title);
  fill_details (self);
  update_headcount (self);
  fill_attendees (self);
  update_menu (self);
  gtk_stack_set_visible_child_name (self->stack, "event");
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  TsEventPage *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Deferred: the change may come from a drop-down inside a row that the
 * refresh is about to destroy. */
static void
on_repository_changed_cb (TsRepository *repository,
                          const char   *table,
                          TsEventPage  *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = ts_ui_idle_add (refresh_idle_cb, self);
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TsEventPage *self = TS_EVENT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkApplication *application = GTK_IS_WINDOW (root)
                                ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  GtkWidget *window;

  if (application == NULL)
    application = GTK_APPLICATION (g_application_get_default ());
  window = ts_check_in_window_new (application, self->repository, self->event_id);
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TsEventPage *self = TS_EVENT_PAGE (widget);

  ts_print_dialog_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->repository,
                           self->event_id, g_variant_get_string (parameter, NULL));
}

static void
add_attendees_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TsEventPage *self = TS_EVENT_PAGE (widget);
  GtkWidget *picker = ts_attendee_picker_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                              self->repository, self->event_id);

  gtk_window_present (GTK_WINDOW (picker));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsEventPage *self = TS_EVENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = ts_event_page_duplicate (self, &error);

  if (id == 0)
    {
      ts_ui_show_error (widget, error);
      return;
    }
  ts_ui_add_toast (widget, adw_toast_new (_("Next month’s event created")));
  gtk_widget_activate_action (widget, "win.show-event", "x", id);
}

/* 終了処理: who registered and never came is a no-show, the event is
 * held; one toast says how many, with Undo. */
static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TsEventPage *self = TS_EVENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsEventClose) close = ts_repository_close_event (self->repository,
                                                             self->event_id, &error);
  g_autofree char *title = NULL;
  guint n;

  if (close == NULL)
    {
      ts_ui_show_error (widget, error);
      return;
    }
  n = ts_event_close_get_n_no_shows (close);
  if (n == 0)
    title = g_strdup (_("Nobody was left waiting; the event is marked as held"));
  else
    title = g_strdup_printf (ngettext ("%u person marked as a no-show",
                                       "%u people marked as no-shows", n), n);
  ts_undo_toast_show (widget, title, close, (TsUndoFunc) ts_event_close_undo);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsEventPage *self = TS_EVENT_PAGE (widget);
  g_autofree char *title = NULL;

  if (self->event == NULL)
    return;
  title = g_strdup (self->event->title);
  ts_ui_delete_with_undo (widget, self->repository, "event", self->event_id, title);
}

static void
ts_event_page_dispose (GObject *object)
{
  TsEventPage *self = TS_EVENT_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* AdwBin unparents its child itself; disposing the template too
   * would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->event);
  g_clear_object (&self->attendance);
  g_clear_pointer (&self->regulars, ts_regulars_free);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_event_page_parent_class)->dispose (object);
}

static void
ts_event_page_class_init (TsEventPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_event_page_dispose;
  G_OBJECT_CLASS (klass)->set_property = ts_event_page_set_property;
  G_OBJECT_CLASS (klass)->get_property = ts_event_page_get_property;
  properties[PROP_SHOW_BACK] =
    g_param_spec_boolean ("show-back", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, chapter_label);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, headcount_label);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, attendees_box);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, more_button);
  gtk_widget_class_install_action (widget_class, "event.check-in", NULL, check_in_action);
  gtk_widget_class_install_action (widget_class, "event.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "event.add-attendees", NULL,
                                   add_attendees_action);
  gtk_widget_class_install_action (widget_class, "event.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "event.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "event.show-all", "u", show_all_action);
  gtk_widget_class_install_action (widget_class, "event.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "event.check-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "event.print", "s", "roster");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "event.add-attendees", NULL);
}

static void
ts_event_page_init (TsEventPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
ts_event_page_set_repository (TsEventPage  *self,
                              TsRepository *repository)
{
  g_return_if_fail (TS_IS_EVENT_PAGE (self));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  g_signal_connect_object (repository, "changed", G_CALLBACK (on_repository_changed_cb),
                           self, 0);
}

void
ts_event_page_set_event (TsEventPage *self,
                         gint64       event_id)
{
  g_return_if_fail (TS_IS_EVENT_PAGE (self));

  if (self->event_id != event_id)
    self->expanded = 0;
  self->event_id = event_id;
  refresh (self);
}

gint64
ts_event_page_get_event_id (TsEventPage *self)
{
  return self->event_id;
}

gint64
ts_event_page_duplicate (TsEventPage  *self,
                         GError      **error)
{
  g_autoptr(TsEvent) copy = ts_event_new ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  TsEvent *event = self->event;

  g_return_val_if_fail (event != NULL, 0);

  start = ts_event_get_start (event);
  if (start == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This event has no valid date to repeat from."));
      return 0;
    }
  next = ts_date_same_weekday_next_month (start);
  starts_at = ts_date_format_stored (next);
  if (event->ends_at && *event->ends_at)
    {
      g_autoptr(GDateTime) end = ts_date_parse (event->ends_at);
      g_autoptr(GDateTime) next_end = end
        ? g_date_time_add (next, g_date_time_difference (end, start)) : NULL;

      ends_at = next_end ? ts_date_format_stored (next_end) : g_strdup ("");
    }
  g_object_set (copy,
                "chapter-id", event->chapter_id,
                "title", event->title,
                "starts-at", starts_at,
                "ends-at", ends_at ? ends_at : "",
                "venue", event->venue,
                "address", event->address,
                "fee", event->fee,
                "capacity", event->capacity,
                "status", TS_EVENT_STATUS_PLANNED,
                NULL);
  if (!ts_repository_save_event (self->repository, copy, error))
    return 0;
  return copy->id;
}
