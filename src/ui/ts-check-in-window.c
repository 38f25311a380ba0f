/* ts-check-in-window.c: the door: check people in, add walk-ins.
 *
 * Made for a queue: the search field has the focus all the time, the
 * first match is selected as the organizer types, Enter checks in and
 * clears the field for the next person. Arrived people stay in the list
 * (after those still expected) with their time, so a mistake can be
 * undone from the row as well as from the toast.
 *
 * The fee goes with the same gesture when the setting 受付と同時に会費受領
 * is on (one transaction, one Undo for both); otherwise arrived people
 * who owe it carry a 未払い mark, and Ctrl+P or the row's button records
 * it, undone from the toast like a check-in.
 *
 * The list is the repository's live model of the event's attendance,
 * the same one the event page shows, sorted and filtered here: a
 * check-in made at another window or by tsudoi-cli moves one row and
 * leaves the others, and the organizer's selection, alone. Below the
 * expected guests who match, under a heading, come the first members
 * who match and are not on the list (a regular who did not register):
 * Enter checks them in as walk-ins. They are looked up in the member
 * search's index, so that typing stays quick on a file of any size.
 *
 * Every change made here (a check-in, a walk-in, a check-in taken back
 * from its row) shows one toast whose Undo puts back the row as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-accessible.h"
#include "ts-check-in-row.h"
#include "ts-check-in-window.h"
#include "ts-intro-window.h"
#include "ts-date.h"
#include "ts-fees.h"
#include "ts-live-model.h"
#include "ts-member-model.h"
#include "ts-record.h"
#include "ts-settings.h"
#include "ts-text.h"
#include "ts-ui-util.h"
#include "ts-walk-in-dialog.h"

/* Members not on the list shown for a search: a search result, not a
 * directory; typing more finds the one meant. */
#define MAX_OTHERS 20

/* What the Undo of a toast puts back: the member's attendance as it was
 * before the change, or no attendance at all. */
typedef struct {
  gint64        member_id;
  TsAttendance *before;         /* a copy, its fee too; NULL: not on the list */
  gboolean      delete_member;  /* a member made by the walk-in form */
} UndoData;

struct _TsCheckInWindow
{
  AdwWindow           parent_instance;

  TsRepository       *repository;
  gint64              event_id;
  GListModel         *attendance;  /* the repository's live model */
  GtkSortListModel   *sorted;
  gint64              selected_member;
  gboolean            updating;    /* the list is changing under the selection */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  TsMemberModel      *members;    /* everyone, searched */
  GListStore         *heading;    /* the others' heading, when there are any */
  GListStore         *others;     /* TsMember: matching, not on the list */
  GtkFlattenListModel *shown;     /* filtered, heading, others */
  GtkSingleSelection *selection;
  char               *query;
  AdwToast           *toast;      /* the one shown, weak */
  gint64              toast_shown_at;
  guint               toast_timeout_id;
  UndoData           *undo;       /* what its Undo button does */
  GSettings          *settings;
  gboolean            collect_fee; /* the setting: check-in records the payment */

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkSearchEntry     *search_entry;
  GtkLabel           *counter_label;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkSwitch          *collect_fee_switch;
  GtkLabel           *unpaid_label;
};

G_DEFINE_FINAL_TYPE (TsCheckInWindow, ts_check_in_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_EVENT_ID,
  PROP_COLLECT_FEE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


static void
undo_data_free (UndoData *undo)
{
  g_clear_object (&undo->before);
  g_free (undo);
}

/* The member a row of the list stands for; 0 for the heading. */
static gint64
item_member_id (gpointer item)
{
  if (TS_IS_ATTENDANCE (item))
    return TS_ATTENDANCE (item)->member_id;
  if (TS_IS_MEMBER (item))
    return TS_MEMBER (item)->id;
  return 0;
}

static gint64
member_id_at (TsCheckInWindow *self,
              guint            position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  return item != NULL ? item_member_id (item) : 0;
}

/* Order of the list: still expected, then arrived, then the rest
 * (no-shows, cancellations), each in 五十音順 as the query returned it. */
static int
status_group (TsAttendance *attendance)
{
  if (attendance->status == TS_ATTENDANCE_STATUS_REGISTERED)
    return 0;
  if (ts_attendance_is_present (attendance))
    return 1;
  return 2;
}

/* In the list's order: the group, then 五十音順 by the precomputed key. */
static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  TsAttendance *x = (TsAttendance *) a, *y = (TsAttendance *) b;
  int gx = status_group (x), gy = status_group (y);
  GBytes *kx = x->member != NULL ? x->member->sort_key : NULL;
  GBytes *ky = y->member != NULL ? y->member->sort_key : NULL;
  int order;

  if (gx != gy)
    return gx < gy ? -1 : 1;
  order = kx != NULL && ky != NULL ? g_bytes_compare (kx, ky) : (kx != NULL) - (ky != NULL);
  if (order != 0)
    return order < 0 ? -1 : 1;
  return x->member_id < y->member_id ? -1 : x->member_id > y->member_id;
}

static void
update_counter (TsCheckInWindow *self)
{
  guint n = g_list_model_get_n_items (self->attendance);
  guint arrived = 0, expected = 0, unpaid = 0;
  g_autofree char *text = NULL;
  g_autofree char *unpaid_text = NULL;
  g_autofree char *spoken = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (self->attendance, i);

      if (status_group (attendance) < 2)
        expected++;
      if (ts_attendance_is_present (attendance))
        arrived++;
      if (ts_attendance_is_present (attendance) && ts_attendance_get_owed (attendance) > 0)
        unpaid++;
    }
  /* Translators: under the counter: arrived people who have not paid. */
  unpaid_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unpaid", "%u unpaid", unpaid),
                                 unpaid);
  gtk_label_set_text (self->unpaid_label, unpaid_text);
  gtk_widget_set_visible (GTK_WIDGET (self->unpaid_label), unpaid > 0);
  text = g_strdup_printf ("%u / %u", arrived, expected);
  gtk_label_set_text (self->counter_label, text);
  /* Translators: read out by a screen reader for the counter "12 / 40". */
  spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u guest arrived",
                                         "%1$u of %2$u guests arrived", expected),
                            arrived, expected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->counter_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}

static void
update_stack (TsCheckInWindow *self)
{
  const char *page = "list";

  if (g_list_model_get_n_items (self->attendance) == 0 && *self->query == '\0')
    page = "nobody";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    page = "empty";
  gtk_stack_set_visible_child_name (self->list_stack, page);
}

/* The heading is not a person to check in: the selection steps over it,
 * the way the arrow keys were going. */
static void
select_position (TsCheckInWindow *self,
                 guint            position,
                 gboolean         upward)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  if (n == 0)
    return;
  position = MIN (position, n - 1);
  if (member_id_at (self, position) == 0)
    position = upward && position > 0 ? position - 1 : MIN (position + 1, n - 1);
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item",
                              "u", position);
}

/* A check-in made in another window must not move the selection from
 * under the organizer's arrow keys: the row they had selected stays so
 * when others move, are added or leave. */
static void
restore_selection (TsCheckInWindow *self,
                   gint64           member_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));

  for (guint i = 0; i < n && member_id != 0; i++)
    if (member_id_at (self, i) == member_id)
      {
        select_position (self, i, FALSE);
        return;
      }
  select_position (self, 0, FALSE);
}

static void
on_selected_cb (TsCheckInWindow *self)
{
  gpointer selected = gtk_single_selection_get_selected_item (self->selection);

  if (!self->updating)
    self->selected_member = selected != NULL ? item_member_id (selected) : 0;
}

/* After the list changed under it: the row the organizer had chosen
 * stays chosen. */
static void
keep_selection (TsCheckInWindow *self)
{
  gpointer selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected == NULL || item_member_id (selected) != self->selected_member)
    restore_selection (self, self->selected_member);
}

static gboolean
same_members (GListModel *shown,
              GPtrArray  *found)
{
  if (g_list_model_get_n_items (shown) != found->len)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (shown, i);

      if (!ts_live_model_same_record (member, g_ptr_array_index (found, i)))
        return FALSE;
    }
  return TRUE;
}

/* The first MAX_OTHERS members who match the search and are not on the
 * event's list, in 五十音順, with their heading when there are any. */
static void
update_others (TsCheckInWindow *self)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *members = G_LIST_MODEL (self->members);
  guint n = *self->query != '\0' ? g_list_model_get_n_items (members) : 0;
  guint headings = g_list_model_get_n_items (G_LIST_MODEL (self->heading));

  for (guint i = 0; i < n && found->len < MAX_OTHERS; i++)
    {
      TsMember *member = g_list_model_get_item (members, i);

      if (member->id != 0 &&
          ts_live_model_lookup (TS_LIVE_MODEL (self->attendance), member->id) == NULL)
        g_ptr_array_add (found, member);
      else
        g_object_unref (member);
    }
  if (same_members (G_LIST_MODEL (self->others), found))
    return;
  self->updating = TRUE;
  g_list_store_splice (self->others, 0, g_list_model_get_n_items (G_LIST_MODEL (self->others)),
                       found->pdata, found->len);
  if ((found->len > 0) != (headings > 0))
    {
      /* Translators: the heading at the door over the members who match
       * the search and are not on the event's list. */
      g_autoptr(GtkStringObject) heading = gtk_string_object_new (_("Not Registered"));

      g_list_store_splice (self->heading, 0, headings,
                           found->len > 0 ? (gpointer *) &heading : NULL, found->len > 0);
    }
  self->updating = FALSE;
  update_stack (self);
  keep_selection (self);
}

static void
on_members_changed_cb (TsCheckInWindow *self)
{
  update_others (self);
}

/* Runs before the sorted and filtered models follow the change. */
static void
on_attendance_changing_cb (TsCheckInWindow *self)
{
  self->updating = TRUE;
}

/* Runs after them. */
static void
on_attendance_changed_cb (TsCheckInWindow *self)
{
  self->updating = FALSE;
  update_counter (self);
  /* Someone checked in from below the heading is on the list now. */
  update_others (self);
  update_stack (self);
  keep_selection (self);
}

static void
load_event (TsCheckInWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsEvent) event = ts_repository_get_event (self->repository, self->event_id, &error);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  if (event == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, error->message);
      return;
    }
  when = ts_date_format_range (event->starts_at, event->ends_at);
  /* Translators: under the check-in window's title: the chapter, then the date. */
  subtitle = g_strdup_printf (_("%1$s · %2$s"), event->chapter_name ? event->chapter_name : "",
                              when);
  adw_window_title_set_title (self->window_title,
                              *event->title != '\0' ? event->title : _("Check-In"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static TsAttendance *
find_attendance (TsCheckInWindow *self,
                 gint64           member_id)
{
  TsAttendance *attendance = ts_live_model_lookup (TS_LIVE_MODEL (self->attendance), member_id);

  return attendance != NULL ? g_object_ref (attendance) : NULL;
}

static void
ready_for_next (TsCheckInWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  select_position (self, 0, FALSE);
}

/* One toast at a time, the newest: with a queue at the door, toasts
 * waiting their turn would report people long gone, and an Undo must
 * always mean the check-in just made. */
static void
on_toast_dismissed_cb (AdwToast        *toast,
                       TsCheckInWindow *self)
{
  if (toast != self->toast)
    return;
  g_clear_pointer (&self->undo, undo_data_free);
  g_clear_weak_pointer (&self->toast);
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
}

static void
on_toast_timeout_cb (gpointer data)
{
  TsCheckInWindow *self = data;

  self->toast_timeout_id = 0;
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);
}

/* The window times its toasts itself. libadwaita starts a toast's clock
 * once, when it is shown: a young toast rewritten in place below would
 * go on the old toast's clock and take the new Undo with it, 2.5 s after
 * a check-in that follows an "arrived already" message. */
static void
restart_toast_clock (TsCheckInWindow *self,
                     guint            seconds)
{
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  self->toast_timeout_id = g_timeout_add_once (seconds * 1000, on_toast_timeout_cb, self);
}

/* libadwaita 1.2 can crash when a toast is dismissed while it is still
 * sliding in and another replaces it; two check-ins a second apart do
 * just that. A toast that young is rewritten in place instead. */
#define TOAST_SETTLE_USEC (1500 * G_TIME_SPAN_MILLISECOND)

static gboolean
rewrite_young_toast (TsCheckInWindow *self,
                     AdwToast        *toast)
{
  if (self->toast == NULL ||
      g_get_monotonic_time () - self->toast_shown_at > TOAST_SETTLE_USEC)
    return FALSE;
  adw_toast_set_title (self->toast, adw_toast_get_title (toast));
  adw_toast_set_button_label (self->toast, adw_toast_get_button_label (toast));
  adw_toast_set_action_name (self->toast, adw_toast_get_action_name (toast));
  g_object_unref (toast);
  return TRUE;
}

static void
show_toast (TsCheckInWindow *self,
            AdwToast        *toast,
            UndoData        *undo)
{
  guint seconds = adw_toast_get_timeout (toast);

  adw_toast_set_timeout (toast, 0);
  if (!rewrite_young_toast (self, toast))
    {
      /* The old toast's "dismissed" forgets the old Undo: before the new
       * one is kept, not after. */
      if (self->toast != NULL)
        adw_toast_dismiss (self->toast);
      self->toast_shown_at = g_get_monotonic_time ();
      g_set_weak_pointer (&self->toast, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  g_clear_pointer (&self->undo, undo_data_free);
  self->undo = undo;
  restart_toast_clock (self, seconds);
}

static void
show_message (TsCheckInWindow *self,
              const char      *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 4);
  show_toast (self, toast, NULL);
}

/* Puts a member's attendance back as it was before the last change: the
 * row read then, time and all, or no row when they were not on the list. */
static void
put_back (TsCheckInWindow *self,
          UndoData        *undo)
{
  g_autoptr(TsAttendance) now = find_attendance (self, undo->member_id);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (undo->before != NULL)
    ok = ts_repository_restore_attendance (self->repository, undo->before, &error);
  else if (now != NULL)
    ok = ts_repository_remove_attendance (self->repository, now->id, &error);
  if (!ok)
    show_message (self, error->message);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The toast's Undo button. A member the walk-in form just made goes
 * too, as a soft delete like every other. */
static void
undo_last_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsCheckInWindow *self = TS_CHECK_IN_WINDOW (widget);
  UndoData *undo = g_steal_pointer (&self->undo);
  g_autoptr(GError) error = NULL;

  if (undo == NULL)
    return;
  put_back (self, undo);
  if (undo->delete_member &&
      !ts_repository_delete (self->repository, "member", undo->member_id, &error))
    show_message (self, error->message);
  undo_data_free (undo);
}

/* @before: a copy of the attendance before the change (owned), or NULL
 * when the member was not on the list. */
static void
show_undo_toast (TsCheckInWindow *self,
                 const char      *message,
                 gint64           member_id,
                 TsAttendance    *before,
                 gboolean         delete_member)
{
  AdwToast *toast = adw_toast_new (message);
  UndoData *undo = g_new0 (UndoData, 1);

  undo->member_id = member_id;
  undo->before = before;
  undo->delete_member = delete_member;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-last");
  adw_toast_set_timeout (toast, 6);
  show_toast (self, toast, undo);
}

/* From the list when the person is on it: the member listing query
 * costs more on a large file. */
static char *
dup_member_name (TsCheckInWindow *self,
                 gint64           member_id)
{
  g_autoptr(TsAttendance) attendance = find_attendance (self, member_id);
  g_autoptr(TsMember) member = NULL;

  if (attendance != NULL && attendance->member != NULL)
    return ts_member_dup_name (attendance->member);
  member = ts_repository_get_member (self->repository, member_id, NULL);
  return member != NULL ? ts_member_dup_name (member) : g_strdup ("");
}

static void check_in_and_pay (TsCheckInWindow *self,
                              gint64           member_id,
                              TsAttendance    *before,
                              const char      *name);

static void
check_in (TsCheckInWindow *self,
          gint64           member_id)
{
  g_autoptr(TsAttendance) before = find_attendance (self, member_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_member_name (self, member_id);
  g_autofree char *message = NULL;

  if (before != NULL && ts_attendance_is_present (before))
    {
      const char *t = strchr (before->checked_in_at, 'T');
      g_autofree char *time = t != NULL ? g_strndup (t + 1, 5) : g_strdup ("");

      /* Translators: %1$s is a name, %2$s a time such as 19:05. */
      message = g_strdup_printf (_("%1$s arrived already, at %2$s"), name, time);
      show_message (self, message);
      ready_for_next (self);
      return;
    }
  if (self->collect_fee)
    {
      check_in_and_pay (self, member_id, before, name);
      return;
    }
  if (!ts_repository_check_in (self->repository, self->event_id, member_id, &error))
    {
      show_message (self, error->message);
      return;
    }
  if (before != NULL)
    message = g_strdup_printf (_("%s checked in"), name);
  else
    message = g_strdup_printf (_("%s checked in as a walk-in"), name);
  show_undo_toast (self, message, member_id, before != NULL ? ts_record_dup (before) : NULL,
                   FALSE);
  ready_for_next (self);
}

/* ---- fees ------------------------------------------------------------------ */

/* What @member_id gave since @payment was their state: the live model
 * has the row as stored, updated by the write's "changed". */
static gint64
received_since (TsCheckInWindow *self,
                gint64           member_id,
                const TsPayment *payment)
{
  g_autoptr(TsAttendance) after = find_attendance (self, member_id);

  return after != NULL ? after->paid_amount - payment->paid_amount : 0;
}

/* With the setting on, the door's one gesture: in and paid, in one
 * transaction, and one Undo for both. */
static void
check_in_and_pay (TsCheckInWindow *self,
                  gint64           member_id,
                  TsAttendance    *before,
                  const char      *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsPayment) payment = NULL;
  g_autofree char *message = NULL;
  g_autofree char *amount = NULL;
  gint64 received;

  payment = ts_repository_check_in_and_pay (self->repository, self->event_id, member_id, &error);
  if (payment == NULL)
    {
      show_message (self, error->message);
      return;
    }
  received = received_since (self, member_id, payment);
  amount = ts_fees_format_yen (received);
  if (received <= 0)
    message = g_strdup_printf (before != NULL ? _("%s checked in") : _("%s checked in as a walk-in"),
                               name);
  else if (before != NULL)
    /* Translators: %1$s is a name, %2$s an amount such as 4,000円. */
    message = g_strdup_printf (_("%1$s checked in, %2$s received"), name, amount);
  else
    /* Translators: %1$s is a name, %2$s an amount such as 4,000円. */
    message = g_strdup_printf (_("%1$s checked in as a walk-in, %2$s received"), name, amount);
  /* The copy from before has the fee as it was: one Undo, both back. */
  show_undo_toast (self, message, member_id, before != NULL ? ts_record_dup (before) : NULL,
                   FALSE);
  ready_for_next (self);
}

/* The fee of someone on the list, received now: what they owe. */
static void
mark_paid (TsCheckInWindow *self,
           gint64           member_id)
{
  g_autoptr(TsAttendance) attendance = find_attendance (self, member_id);
  g_autoptr(TsPayment) payment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_member_name (self, member_id);
  g_autofree char *amount = NULL;
  g_autofree char *message = NULL;

  if (attendance == NULL)
    return;
  if (ts_attendance_get_owed (attendance) == 0)
    {
      /* Translators: %s is a name; said when the fee key is pressed again. */
      message = g_strdup_printf (_("%s has nothing to pay"), name);
      show_message (self, message);
      return;
    }
  amount = ts_fees_format_yen (ts_attendance_get_owed (attendance));
  payment = ts_repository_record_payment (self->repository, self->event_id, member_id, -1, &error);
  if (payment == NULL)
    {
      show_message (self, error->message);
      return;
    }
  /* Translators: %1$s is a name, %2$s an amount such as 4,000円. */
  message = g_strdup_printf (_("%2$s received from %1$s"), name, amount);
  /* The copy from before the payment: its Undo puts the fee back exactly. */
  show_undo_toast (self, message, member_id, ts_record_dup (attendance), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
mark_paid_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  mark_paid (TS_CHECK_IN_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* Ctrl+P: the selected row, as Enter checks it in; a plain P would be
 * typed into the search. */
static void
mark_selected_paid_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  TsCheckInWindow *self = TS_CHECK_IN_WINDOW (widget);
  TsAttendance *attendance = gtk_single_selection_get_selected_item (self->selection);

  if (attendance != NULL)
    mark_paid (self, attendance->member_id);
}

static void
check_in_selected (TsCheckInWindow *self)
{
  gpointer selected = gtk_single_selection_get_selected_item (self->selection);

  if (selected != NULL && item_member_id (selected) != 0)
    check_in (self, item_member_id (selected));
}

static void
open_walk_in (TsCheckInWindow *self);

static void
on_search_entry_activate_cb (TsCheckInWindow *self)
{
  /* Nobody matches: the person must be a walk-in, and what was typed
   * starts their form. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0 && *self->query != '\0')
    open_walk_in (self);
  else
    check_in_selected (self);
}

static void
on_search_entry_changed_cb (TsCheckInWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->query);
  self->query = ts_text_search_key (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* An empty field shows no others: the model keeps its last search
   * rather than count all 50,000 members between two guests. */
  if (*self->query != '\0')
    ts_member_model_set_search (self->members, text);
  update_others (self);
  update_stack (self);
  select_position (self, 0, FALSE);
}

static void
on_search_entry_stop_search_cb (TsCheckInWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_list_view_activate_cb (TsCheckInWindow *self,
                          guint            position)
{
  gint64 member_id = member_id_at (self, position);

  if (member_id != 0)
    check_in (self, member_id);
}

/* Arrow keys move the selection while the focus stays in the field,
 * so the organizer never has to leave it. */
static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          TsCheckInWindow       *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  int step;

  switch (keyval)
    {
    case GDK_KEY_Down: case GDK_KEY_KP_Down: step = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: step = -1; break;
    case GDK_KEY_Page_Down: case GDK_KEY_KP_Page_Down: step = 8; break;
    case GDK_KEY_Page_Up: case GDK_KEY_KP_Page_Up: step = -8; break;
    default: return FALSE;
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = 0;
  select_position (self, (guint) MAX (0, (int) selected + step), step < 0);
  return TRUE;
}

static gboolean
filter_attendance (gpointer item,
                   gpointer user_data)
{
  TsCheckInWindow *self = user_data;
  TsAttendance *attendance = item;

  return attendance->member != NULL &&
         ts_text_search_matches (attendance->member->search_key, self->query);
}

static void
on_walk_in_added_cb (TsWalkInDialog  *dialog,
                     gint64           member_id,
                     TsCheckInWindow *self)
{
  g_autofree char *name = dup_member_name (self, member_id);
  g_autofree char *message = g_strdup_printf (_("%s added as a walk-in"), name);

  show_undo_toast (self, message, member_id, NULL, TRUE);
  ready_for_next (self);
}

static void
on_use_member_cb (TsWalkInDialog  *dialog,
                  gint64           member_id,
                  TsCheckInWindow *self)
{
  check_in (self, member_id);
}

static void
open_walk_in (TsCheckInWindow *self)
{
  GtkWidget *dialog = ts_walk_in_dialog_new (GTK_WINDOW (self), self->repository,
                                             self->event_id,
                                             gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  g_signal_connect_object (dialog, "walk-in-added", G_CALLBACK (on_walk_in_added_cb), self, 0);
  g_signal_connect_object (dialog, "use-member", G_CALLBACK (on_use_member_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
walk_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_walk_in (TS_CHECK_IN_WINDOW (widget));
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  check_in (TS_CHECK_IN_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* The ↩ on an arrived guest's row: a walk-in was not expected and leaves
 * the list, anyone else is expected again. Like every change at the
 * door, its toast can undo it: the row comes back as it was, with the
 * time of the check-in. */
static void
undo_check_in_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TsCheckInWindow *self = TS_CHECK_IN_WINDOW (widget);
  gint64 member_id = g_variant_get_int64 (parameter);
  g_autoptr(TsAttendance) attendance = find_attendance (self, member_id);
  g_autoptr(TsAttendance) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (attendance == NULL || !ts_attendance_is_present (attendance))
    return;
  name = dup_member_name (self, member_id);
  if (attendance->status == TS_ATTENDANCE_STATUS_WALK_IN)
    ok = ts_repository_remove_attendance (self->repository, attendance->id, &error);
  else
    ok = (stored = ts_repository_set_attendance (self->repository, self->event_id, member_id,
                                                 TS_ATTENDANCE_STATUS_REGISTERED,
                                                 &error)) != NULL;
  if (!ok)
    {
      show_message (self, error->message);
      return;
    }
  /* Translators: a toast after the ↩ on a guest's row; %s is a name. */
  message = g_strdup_printf (_("%s is no longer checked in"), name);
  show_undo_toast (self, message, member_id, ts_record_dup (attendance), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* About an hour in, the same laptop runs the introductions. */
static void
introductions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TsCheckInWindow *self = TS_CHECK_IN_WINDOW (widget);

  ts_intro_window_present (widget, self->repository, self->event_id);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (TS_CHECK_IN_WINDOW (widget)->search_entry));
}

static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  gtk_list_item_set_child (item, ts_check_in_row_new ());
}

static GtkWidget *
heading_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "others-heading");
  return label;
}

/* The rows are of two kinds: a person, or the heading over those not on
 * the list, which cannot be chosen. A recycled row changes its kind. */
static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  gpointer object = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  gboolean person = item_member_id (object) != 0;

  gtk_list_item_set_selectable (item, person);
  gtk_list_item_set_activatable (item, person);
  if (person && !TS_IS_CHECK_IN_ROW (child))
    gtk_list_item_set_child (item, child = ts_check_in_row_new ());
  else if (!person && !GTK_IS_LABEL (child))
    gtk_list_item_set_child (item, child = heading_label_new ());
  if (TS_IS_ATTENDANCE (object))
    ts_check_in_row_set_attendance (TS_CHECK_IN_ROW (child), object);
  else if (TS_IS_MEMBER (object))
    ts_check_in_row_set_member (TS_CHECK_IN_ROW (child), object);
  else
    gtk_label_set_text (GTK_LABEL (child), gtk_string_object_get_string (object));
  /* A recycled row must not keep the name of the person it showed. */
  ts_accessible_list_item (item, person ? ts_check_in_row_get_summary (TS_CHECK_IN_ROW (child))
                                        : gtk_string_object_get_string (object));
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider,
                                       "/io/github/tsudoi/Tsudoi/ts-check-in-window.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
ts_check_in_window_constructed (GObject *object)
{
  TsCheckInWindow *self = TS_CHECK_IN_WINDOW (object);

  G_OBJECT_CLASS (ts_check_in_window_parent_class)->constructed (object);

  g_assert (TS_IS_REPOSITORY (self->repository));
  self->attendance = ts_repository_get_attendance_model (self->repository, self->event_id);
  /* Before the sorted model connects, and after every handler. */
  g_signal_connect_swapped (self->attendance, "items-changed",
                            G_CALLBACK (on_attendance_changing_cb), self);
  gtk_sort_list_model_set_model (self->sorted, self->attendance);
  g_signal_connect_data (self->attendance, "items-changed",
                         G_CALLBACK (on_attendance_changed_cb), self, NULL,
                         G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->members = ts_member_model_new (self->repository);
  g_signal_connect_swapped (self->members, "items-changed",
                            G_CALLBACK (on_members_changed_cb), self);
  self->settings = ts_settings_dup_for_widget (GTK_WIDGET (self));
  g_settings_bind (self->settings, "check-in-collects-fee", self, "collect-fee",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "check-in-collects-fee", self->collect_fee_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  load_event (self);
  update_counter (self);
  update_stack (self);
  select_position (self, 0, FALSE);
  ts_accessible_focus_when_shown (GTK_WIDGET (self->search_entry));
}

static void
ts_check_in_window_dispose (GObject *object)
{
  TsCheckInWindow *self = TS_CHECK_IN_WINDOW (object);

  if (self->attendance != NULL)
    g_signal_handlers_disconnect_by_data (self->attendance, self);
  g_clear_object (&self->attendance);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);
  g_clear_object (&self->members);
  g_clear_object (&self->repository);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->toast);
  g_clear_handle_id (&self->toast_timeout_id, g_source_remove);
  g_clear_pointer (&self->undo, undo_data_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_CHECK_IN_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->heading);
  g_clear_object (&self->others);
  G_OBJECT_CLASS (ts_check_in_window_parent_class)->dispose (object);
}

static void
ts_check_in_window_finalize (GObject *object)
{
  TsCheckInWindow *self = TS_CHECK_IN_WINDOW (object);

  g_free (self->query);
  G_OBJECT_CLASS (ts_check_in_window_parent_class)->finalize (object);
}

static void
ts_check_in_window_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TsCheckInWindow *self = TS_CHECK_IN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    case PROP_EVENT_ID:
      self->event_id = g_value_get_int64 (value);
      break;
    case PROP_COLLECT_FEE:
      if (self->collect_fee != g_value_get_boolean (value))
        {
          self->collect_fee = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_check_in_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TsCheckInWindow *self = TS_CHECK_IN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_COLLECT_FEE:
      g_value_set_boolean (value, self->collect_fee);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.walk-in", NULL, walk_in_action);
  gtk_widget_class_install_action (widget_class, "win.check-in", "x", check_in_action);
  gtk_widget_class_install_action (widget_class, "win.undo-check-in", "x", undo_check_in_action);
  gtk_widget_class_install_action (widget_class, "win.undo-last", NULL, undo_last_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, ts_ui_toggle_fullscreen);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (widget_class, "win.introductions", NULL, introductions_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.walk-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "win.mark-paid", "x", mark_paid_action);
  gtk_widget_class_install_action (widget_class, "win.mark-selected-paid", NULL,
                                   mark_selected_paid_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.mark-selected-paid", NULL);
}

static void
ts_check_in_window_class_init (TsCheckInWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_check_in_window_constructed;
  object_class->dispose = ts_check_in_window_dispose;
  object_class->finalize = ts_check_in_window_finalize;
  object_class->set_property = ts_check_in_window_set_property;
  object_class->get_property = ts_check_in_window_get_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Bound to the setting 受付と同時に会費受領. */
  properties[PROP_COLLECT_FEE] =
    g_param_spec_boolean ("collect-fee", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-check-in-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsCheckInWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsCheckInWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TsCheckInWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TsCheckInWindow, counter_label);
  gtk_widget_class_bind_template_child (widget_class, TsCheckInWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TsCheckInWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, TsCheckInWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TsCheckInWindow, collect_fee_switch);
  gtk_widget_class_bind_template_child (widget_class, TsCheckInWindow, unpaid_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  install_actions (widget_class);
}

/* The list: the expected guests sorted and filtered, then the heading
 * and the members not on the list, as one model to select in. */
static void
build_models (TsCheckInWindow *self)
{
  GListStore *sections = g_list_store_new (G_TYPE_LIST_MODEL);

  self->sorted = gtk_sort_list_model_new (NULL, GTK_SORTER (gtk_custom_sorter_new (compare_rows,
                                                                                NULL, NULL)));
  self->filter = gtk_custom_filter_new (filter_attendance, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->sorted)),
                                              GTK_FILTER (self->filter));
  self->heading = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->others = g_list_store_new (TS_TYPE_MEMBER);
  g_list_store_append (sections, self->filtered);
  g_list_store_append (sections, self->heading);
  g_list_store_append (sections, self->others);
  g_object_unref (self->filtered);   /* held by sections */
  self->shown = gtk_flatten_list_model_new (G_LIST_MODEL (sections));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->shown));
}

static void
ts_check_in_window_init (TsCheckInWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->query = g_strdup ("");
  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  build_models (self);
  g_signal_connect_swapped (self->selection, "notify::selected-item",
                            G_CALLBACK (on_selected_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Capture phase: the entry would otherwise move the cursor or the
   * focus with the arrow keys. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GtkWidget *
ts_check_in_window_new (GtkApplication *application,
                        TsRepository   *repository,
                        gint64          event_id)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  return g_object_new (TS_TYPE_CHECK_IN_WINDOW,
                       "application", application,
                       "repository", repository,
                       "event-id", event_id,
                       NULL);
}
