/* ts-event-page.c: one event: details, attendees by status, actions.
 *
 * Attendees are the repository's live model of the event's attendance,
 * sorted by status and reading, in a one-column grid view: the model
 * follows every write (a check-in at the door, tsudoi-cli), the view
 * rebinds the rows that changed and makes widgets only for the rows on
 * screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ts-accessible.h"
#include "ts-attendee-picker.h"
#include "ts-check-in-window.h"
#include "ts-date.h"
#include "ts-event-close.h"
#include "ts-event-page.h"
#include "ts-fees-section.h"
#include "ts-first-rows.h"
#include "ts-intro-window.h"
#include "ts-attendee-row.h"
#include "ts-print-dialog.h"
#include "ts-regulars-marks.h"
#include "ts-seating-section.h"
#include "ts-ui-util.h"
#include "ts-undo-toast.h"

struct _TsEventPage
{
  AdwBin          parent_instance;

  TsRepository     *repository;
  gint64            event_id;
  TsEvent          *event;
  GListModel       *attendance;  /* the repository's live model */
  GtkSortListModel *sorted;      /* by status, then reading */
  TsFirstRows      *shown;       /* of sorted, for the first frame */
  TsRegulars       *regulars;    /* for the marks of this list; may be NULL */
  gint64            regulars_event_id; /* the event they were read for */
  TsRegularsOptions regulars_options;  /* what they were computed with */
  gboolean          regulars_stale;    /* the history changed since */

  GtkStack         *stack;
  GtkWidget        *back_button;
  GtkLabel         *chapter_label;
  GtkLabel         *title_label;
  GtkLabel         *headcount_label;
  GtkLabel         *statuses_label;
  GtkGrid          *details_list;
  GtkStack         *attendees_stack;
  GtkGridView      *attendees_view;
  GtkMenuButton    *more_button;
  TsFeesSection    *fees_section;
  TsSeatingSection *seating_section;
};

G_DEFINE_FINAL_TYPE (TsEventPage, ts_event_page, ADW_TYPE_BIN)

static void load_regulars (TsEventPage *self);

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

/* The enum's order is the groups' order. */
static guint
status_index (TsAttendance *attendance)
{
  return (guint) attendance->status;
}

/* The groups in the order of the statuses, each in 五十音順 as the
 * repository sorts them (by the precomputed sort key). */
static int
compare_attendees (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  TsAttendance *x = (TsAttendance *) a, *y = (TsAttendance *) b;
  guint sx = status_index (x), sy = status_index (y);
  GBytes *kx = x->member != NULL ? x->member->sort_key : NULL;
  GBytes *ky = y->member != NULL ? y->member->sort_key : NULL;
  int order;

  if (sx != sy)
    return sx < sy ? -1 : 1;
  order = kx != NULL && ky != NULL ? g_bytes_compare (kx, ky) : (kx != NULL) - (ky != NULL);
  if (order != 0)
    return order < 0 ? -1 : 1;
  return x->member_id < y->member_id ? -1 : x->member_id > y->member_id;
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 TsEventPage              *self)
{
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, ts_attendee_row_new (self->repository));
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                TsEventPage              *self)
{
  TsAttendance *attendance = gtk_list_item_get_item (item);
  TsRegularsMark mark = TS_REGULARS_MARK_NONE;

  /* Someone new on the list (a walk-in at the door) has a history too. */
  if (self->regulars_stale && self->event != NULL)
    load_regulars (self);
  if (self->regulars != NULL && self->event != NULL)
    mark = ts_regulars_mark (self->regulars, attendance->member_id, self->event->starts_at);
  else if (attendance->first_time)
    mark = TS_REGULARS_MARK_FIRST_TIMER;
  ts_attendee_row_bind (TS_ATTENDEE_ROW (gtk_list_item_get_child (item)), attendance, mark);
}

/* Three details a line, the notes alone on the last. A grid measures
 * each once; a homogeneous flow box measured them hundreds of times a
 * frame, trying every number of lines, and the page took a third of a
 * second to show. */
static void
attach_detail (TsEventPage *self,
               guint        position,
               const char  *title,
               const char  *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *text = gtk_label_new (value != NULL && *value != '\0' ? value : "—");

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), text);
  gtk_grid_attach (self->details_list, box,
                   position % 3, position / 3, position < 6 ? 1 : 3, 1);
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
  attach_detail (self, 0, _("When"), when);
  attach_detail (self, 1, _("Venue"), venue);
  attach_detail (self, 2, _("Fee"), fee);
  attach_detail (self, 3, _("Capacity"), capacity);
  attach_detail (self, 4, _("Status"), ts_event_status_to_label (event->status));
  if (event->notes && *event->notes)
    attach_detail (self, 6, _("Notes"), event->notes);
}

static void
update_menu (TsEventPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) data = g_menu_new ();
  g_autoptr(GMenu) danger = g_menu_new ();
  g_autoptr(GMenu) evening = g_menu_new ();
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
  /* Translators: opens the full-screen view for the round of
   * self-introductions: "紹介". */
  g_menu_append (evening, _("I_ntroductions"), "event.introductions");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (evening));
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

/* How many have each status, where the list's groups used to say it. */
static void
update_statuses (TsEventPage *self)
{
  guint counts[TS_ATTENDANCE_STATUS_N] = { 0 };
  guint n = g_list_model_get_n_items (self->attendance);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (self->attendance, i);
      guint index = status_index (attendance);

      if (index < G_N_ELEMENTS (counts))
        counts[index]++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (counts[i] > 0)
      {
        if (text->len > 0)
          g_string_append (text, _(" · "));
        /* Translators: an attendance status and how many have it, e.g. "Registered (12)". */
        g_string_append_printf (text, _("%1$s (%2$u)"), ts_attendance_status_to_label (i),
                                counts[i]);
      }
  gtk_label_set_text (self->statuses_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->statuses_label), text->len > 0);
  gtk_stack_set_visible_child_name (self->attendees_stack, n > 0 ? "list" : "empty");
}

static void
on_attendance_changed_cb (GListModel  *model,
                          guint        position,
                          guint        removed,
                          guint        added,
                          TsEventPage *self)
{
  update_headcount (self);
  update_statuses (self);
}

/* For every row's mark: the chapter's history of the people on this
 * event's list (half a busy chapter's whole history), read when the
 * event is shown, and again at the next row bound after a change. */
static void
load_regulars (TsEventPage *self)
{
  TsRegularsOptions options;
  g_autoptr(GError) error = NULL;

  memset (&options, 0, sizeof options);
  ts_ui_regulars_options_init (GTK_WIDGET (self), &options);
  if (self->regulars != NULL && !self->regulars_stale &&
      self->regulars_event_id == self->event->id &&
      memcmp (&options, &self->regulars_options, sizeof options) == 0)
    return;
  g_clear_pointer (&self->regulars, ts_regulars_free);
  self->regulars_options = options;
  self->regulars_stale = FALSE;
  self->regulars_event_id = self->event->id;
  self->regulars = ts_regulars_compute_for_event (self->repository, self->event->chapter_id,
                                                  self->event->id, &options, &error);
  if (self->regulars == NULL)
    g_warning ("Could not compute the marks: %s", error->message);
}

static void
on_history_changed_cb (TsRepository *repository,
                       GArray       *ids,
                       TsEventPage  *self)
{
  self->regulars_stale = TRUE;
}

static void
show_none (TsEventPage *self)
{
  self->event_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "none");
  ts_fees_section_set_event (self->fees_section, NULL, 0, NULL);
  ts_seating_section_set_event (self->seating_section, NULL, 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.check-in", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.introductions", FALSE);
}

/* The event's own values: its details, title and menu. */
static gboolean
show_event (TsEventPage *self)
{
  g_clear_object (&self->event);
  if (self->repository == NULL || self->event_id == 0 ||
      (self->event = ts_repository_get_event (self->repository, self->event_id, NULL)) == NULL)
    return FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.check-in", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "event.introductions", TRUE);
  gtk_label_set_text (self->chapter_label, self->event->chapter_name ? self->event->chapter_name : "");
  gtk_label_set_text (self->title_label, self->event->title);
  fill_details (self);
  update_menu (self);
  gtk_stack_set_visible_child_name (self->stack, "event");
  return TRUE;
}

static void
set_attendance (TsEventPage *self,
                GListModel  *attendance)
{
  if (self->attendance != NULL)
    g_signal_handlers_disconnect_by_func (self->attendance, on_attendance_changed_cb, self);
  g_set_object (&self->attendance, attendance);
  gtk_sort_list_model_set_model (self->sorted, attendance);
  if (attendance == NULL)
    return;
  g_signal_connect (attendance, "items-changed", G_CALLBACK (on_attendance_changed_cb), self);
  update_headcount (self);
  update_statuses (self);
}

/* An edit of this event (its date, its title) or its deletion; the
 * attendance follows by itself. */
static void
on_events_changed_cb (TsRepository *repository,
                      GArray       *ids,
                      TsEventPage  *self)
{
  gboolean mine = ids == NULL;

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    mine |= g_array_index (ids, gint64, i) == self->event_id;
  if (mine && self->event_id != 0 && !show_event (self))
    {
      set_attendance (self, NULL);
      show_none (self);
    }
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
introductions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TsEventPage *self = TS_EVENT_PAGE (widget);

  ts_intro_window_present (widget, self->repository, self->event_id);
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

  /* AdwBin unparents its child itself; disposing the template too
   * would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  set_attendance (self, NULL);
  g_clear_object (&self->shown);
  g_clear_object (&self->sorted);
  g_clear_object (&self->event);
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
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, statuses_label);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, attendees_stack);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, attendees_view);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, more_button);
  g_type_ensure (TS_TYPE_FEES_SECTION);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, fees_section);
  g_type_ensure (TS_TYPE_SEATING_SECTION);
  gtk_widget_class_bind_template_child (widget_class, TsEventPage, seating_section);
  gtk_widget_class_install_action (widget_class, "event.check-in", NULL, check_in_action);
  gtk_widget_class_install_action (widget_class, "event.print", "s", print_action);
  gtk_widget_class_install_action (widget_class, "event.introductions", NULL,
                                   introductions_action);
  gtk_widget_class_install_action (widget_class, "event.add-attendees", NULL,
                                   add_attendees_action);
  gtk_widget_class_install_action (widget_class, "event.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "event.delete", NULL, delete_action);
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
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_attendees, NULL, NULL));

  gtk_widget_init_template (GTK_WIDGET (self));
  ts_accessible_name_popup_buttons (GTK_WIDGET (self));
  self->sorted = gtk_sort_list_model_new (NULL, sorter);
  self->shown = ts_first_rows_new (G_LIST_MODEL (self->sorted));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), self);
  gtk_grid_view_set_factory (self->attendees_view, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->attendees_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (ts_first_rows_get_model (self->shown)))));
}

void
ts_event_page_set_repository (TsEventPage  *self,
                              TsRepository *repository)
{
  g_return_if_fail (TS_IS_EVENT_PAGE (self));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  g_signal_connect_object (repository, "changed::event", G_CALLBACK (on_events_changed_cb),
                           self, 0);
  g_signal_connect_object (repository, "changed::event", G_CALLBACK (on_history_changed_cb),
                           self, 0);
  g_signal_connect_object (repository, "changed::attendance", G_CALLBACK (on_history_changed_cb),
                           self, 0);
  g_signal_connect_object (repository, "changed::member", G_CALLBACK (on_history_changed_cb),
                           self, 0);
}

/* The marks come from the chapter's history of the people on the list,
 * read when the event is shown (a check-in here does not change who was
 * a regular before it). */
void
ts_event_page_set_event (TsEventPage *self,
                         gint64       event_id)
{
  g_autoptr(GListModel) attendance = NULL;

  g_return_if_fail (TS_IS_EVENT_PAGE (self));

  self->event_id = event_id;
  if (!show_event (self))
    {
      set_attendance (self, NULL);
      show_none (self);
      return;
    }
  load_regulars (self);
  /* No more rows than the window could show, in the first frame: an
   * attendee row is at least 50 pixels high. */
  ts_first_rows_limit (self->shown, GTK_WIDGET (self->attendees_view),
                       ts_first_rows_fitting (GTK_WIDGET (self), 50, 1));
  attendance = ts_repository_get_attendance_model (self->repository, event_id);
  set_attendance (self, attendance);
  ts_fees_section_set_event (self->fees_section, self->repository, event_id, attendance);
  ts_seating_section_set_event (self->seating_section, self->repository, event_id);
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
