/* ts-attendee-row.c: one person on an event page, with their status,
 * role and payment.
 *
 * A list makes rows for what is on screen and binds them to the
 * attendance they show, so the row is built once and only its values
 * change. It must be cheap to build: the status and the role are menu
 * buttons whose menus are made when first opened (a drop-down builds
 * its popover, list and factory at once, ten times the cost of the rest
 * of the row), and the menus act on the row's "status" and "role"
 * properties, so that the current value shows as the chosen item.
 *
 * A change made here is saved from a copy of the attendance: the one
 * shown belongs to the repository's live model, which replaces it with
 * the row as stored. The save waits for an idle: the model's update
 * moves the row (a new status sorts elsewhere) and rebinds it, which
 * must not happen inside the menu's or check button's own signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-attendee-row.h"
#include "ts-record.h"
#include "ts-regulars-marks.h"
#include "ts-ui-util.h"

struct _TsAttendeeRow
{
  AdwActionRow    parent_instance;

  TsRepository   *repository;
  TsAttendance   *attendance;
  TsAttendanceStatus status;
  TsAttendanceRole   role;
  gboolean        binding;     /* values set by bind, not by a person */
  TsAttendance   *pending;     /* a person's change, saved on idle */
  guint           save_id;
  GtkWidget      *mark;
  GtkMenuButton  *role_button;
  GtkMenuButton  *status_button;
  GtkCheckButton *paid;
};

G_DEFINE_FINAL_TYPE (TsAttendeeRow, ts_attendee_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
save_idle_cb (gpointer data)
{
  TsAttendeeRow *self = data;
  g_autoptr(TsAttendance) pending = g_steal_pointer (&self->pending);
  g_autoptr(GError) error = NULL;

  self->save_id = 0;
  if (pending != NULL && !ts_repository_save_attendance (self->repository, pending, &error))
    ts_ui_show_error (GTK_WIDGET (self), error);
  return G_SOURCE_REMOVE;
}

/* The change is kept on a copy of the attendance shown now, so that it
 * is saved for this person even if the row shows another by then. */
static void
changed_by_person (TsAttendeeRow *self)
{
  if (self->binding || self->attendance == NULL)
    return;
  if (self->pending == NULL)
    self->pending = ts_record_dup (self->attendance);
  g_object_set (self->pending, "status", self->status, "role", self->role,
                "paid", gtk_check_button_get_active (self->paid), NULL);
  if (self->save_id == 0)
    self->save_id = ts_ui_idle_add (save_idle_cb, self);
}

static void
set_status (TsAttendeeRow      *self,
            TsAttendanceStatus  status)
{
  if (self->status == status && gtk_menu_button_get_label (self->status_button) != NULL)
    return;
  self->status = status;
  gtk_menu_button_set_label (self->status_button, ts_attendance_status_to_label (status));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  changed_by_person (self);
}

static void
set_role (TsAttendeeRow    *self,
          TsAttendanceRole  role)
{
  if (self->role == role && gtk_menu_button_get_label (self->role_button) != NULL)
    return;
  self->role = role;
  gtk_menu_button_set_label (self->role_button, ts_attendance_role_to_label (role));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
  changed_by_person (self);
}

/* Every value of the enum, by its label, acting with its nick (which
 * the property action turns back into the value). */
static GMenuModel *
menu_for (GType       type,
          const char *action)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; i < klass->n_values; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (ts_enum_to_label (type, klass->values[i].value),
                                                   NULL);

      g_menu_item_set_action_and_target (item, action, "s", klass->values[i].value_nick);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static void
create_status_menu (GtkMenuButton *button,
                    gpointer       unused)
{
  g_autoptr(GMenuModel) menu = menu_for (TS_TYPE_ATTENDANCE_STATUS, "attendee.status");

  gtk_menu_button_set_menu_model (button, menu);
}

static void
create_role_menu (GtkMenuButton *button,
                  gpointer       unused)
{
  g_autoptr(GMenuModel) menu = menu_for (TS_TYPE_ATTENDANCE_ROLE, "attendee.role");

  gtk_menu_button_set_menu_model (button, menu);
}

static void
on_paid_toggled_cb (TsAttendeeRow *self)
{
  changed_by_person (self);
}

static GtkMenuButton *
menu_button_new (GtkMenuButtonCreatePopupFunc  create,
                 const char                   *accessible_label)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return GTK_MENU_BUTTON (button);
}

static void
ts_attendee_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TsAttendeeRow *self = TS_ATTENDEE_ROW (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_attendee_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TsAttendeeRow *self = TS_ATTENDEE_ROW (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      set_status (self, g_value_get_enum (value));
      break;
    case PROP_ROLE:
      set_role (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_attendee_row_dispose (GObject *object)
{
  TsAttendeeRow *self = TS_ATTENDEE_ROW (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_object (&self->pending);
  g_clear_object (&self->attendance);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_attendee_row_parent_class)->dispose (object);
}

static void
ts_attendee_row_class_init (TsAttendeeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_attendee_row_dispose;
  object_class->get_property = ts_attendee_row_get_property;
  object_class->set_property = ts_attendee_row_set_property;
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, TS_TYPE_ATTENDANCE_STATUS, TS_ATTENDANCE_STATUS_REGISTERED,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL, TS_TYPE_ATTENDANCE_ROLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_install_property_action (widget_class, "attendee.status", "status");
  gtk_widget_class_install_property_action (widget_class, "attendee.role", "role");
}

/* "organization · profession", "" when neither is known. */
static char *
dup_subtitle (TsAttendance *attendance)
{
  TsMember *member = attendance->member;
  GString *subtitle = g_string_new (NULL);

  if (member != NULL && member->organization && *member->organization)
    g_string_append (subtitle, member->organization);
  if (member != NULL && member->profession && *member->profession)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? _(" · ") : "", member->profession);
  return g_string_free (subtitle, FALSE);
}

/* One line each (see init): the whole subtitle on hover. It is made
 * when asked for: setting a tooltip's text at every bind made GTK ask
 * the X server where the pointer was, twice a row, and that was most
 * of the time the rows of the busiest event page took to bind. */
static gboolean
on_query_tooltip_cb (TsAttendeeRow *self,
                     int            x,
                     int            y,
                     gboolean       keyboard,
                     GtkTooltip    *tooltip,
                     gpointer       unused)
{
  g_autofree char *subtitle = NULL;

  if (self->attendance == NULL)
    return FALSE;
  subtitle = dup_subtitle (self->attendance);
  if (*subtitle == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, subtitle);
  return TRUE;
}

/* Suffixes in this order: mark, role, status, paid. */
static void
ts_attendee_row_init (TsAttendeeRow *self)
{
  self->mark = ts_ui_regulars_mark_label_new ();
  self->role_button = menu_button_new (create_role_menu, _("Role"));
  self->status_button = menu_button_new (create_status_menu, _("Status"));
  self->paid = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Paid")));
  gtk_widget_set_valign (GTK_WIDGET (self->paid), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->paid, "toggled", G_CALLBACK (on_paid_toggled_cb), self);
  /* Wrapping text is measured again at every width a row is offered,
   * dozens of times a frame; one line each halved the time the busiest
   * event page took to show. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), self->mark);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->role_button));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->status_button));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->paid));
}

GtkWidget *
ts_attendee_row_new (TsRepository *repository)
{
  TsAttendeeRow *self = g_object_new (TS_TYPE_ATTENDEE_ROW, NULL);

  self->repository = g_object_ref (repository);
  return GTK_WIDGET (self);
}

void
ts_attendee_row_bind (TsAttendeeRow  *self,
                      TsAttendance   *attendance,
                      TsRegularsMark  mark)
{
  TsMember *member = attendance->member;
  g_autofree char *name = member != NULL ? ts_member_dup_name (member) : g_strdup ("?");
  g_autofree char *subtitle = dup_subtitle (attendance);

  g_return_if_fail (TS_IS_ATTENDEE_ROW (self));

  g_set_object (&self->attendance, attendance);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  ts_ui_regulars_mark_label_set (self->mark, mark);
  self->binding = TRUE;
  set_status (self, attendance->status);
  set_role (self, attendance->role);
  gtk_check_button_set_active (self->paid, attendance->paid);
  self->binding = FALSE;
}
