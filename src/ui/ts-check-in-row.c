/* ts-check-in-row.c: one expected guest in the check-in list.
 *
 * Built in code rather than a template: the list view makes one per
 * visible row and rebinds it as the list scrolls, so it stays small.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-accessible.h"
#include "ts-check-in-row.h"
#include "ts-fees.h"

struct _TsCheckInRow
{
  GtkBox     parent_instance;

  GtkWidget *reading_label;
  GtkWidget *name_label;
  GtkWidget *detail_label;
  GtkWidget *first_time_label;
  GtkWidget *status_label;
  GtkWidget *check_in_button;
  GtkWidget *undo_button;
  GtkWidget *unpaid_label;
  GtkWidget *pay_button;
  char      *summary;  /* what a screen reader reads for the row */
};

G_DEFINE_FINAL_TYPE (TsCheckInRow, ts_check_in_row, GTK_TYPE_BOX)

static GtkWidget *
add_label (GtkBox     *box,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  gtk_box_append (box, label);
  return label;
}

static void
ts_check_in_row_finalize (GObject *object)
{
  g_free (TS_CHECK_IN_ROW (object)->summary);
  G_OBJECT_CLASS (ts_check_in_row_parent_class)->finalize (object);
}

static void
ts_check_in_row_class_init (TsCheckInRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_check_in_row_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "checkinrow");
}

static void
ts_check_in_row_init (TsCheckInRow *self)
{
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_set_spacing (GTK_BOX (self), 18);
  gtk_widget_set_size_request (names, 260, -1);
  self->reading_label = add_label (GTK_BOX (names), "reading");
  gtk_widget_add_css_class (self->reading_label, "dim-label");
  self->name_label = add_label (GTK_BOX (names), "guest-name");
  gtk_box_append (GTK_BOX (self), names);

  self->detail_label = add_label (GTK_BOX (self), "guest-detail");
  gtk_widget_set_hexpand (self->detail_label, TRUE);

  /* Translators: a mark next to a person coming to this chapter for the first time. */
  self->first_time_label = add_label (GTK_BOX (self), "first-time");
  gtk_label_set_text (GTK_LABEL (self->first_time_label), _("First time"));
  gtk_widget_set_valign (self->first_time_label, GTK_ALIGN_CENTER);

  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  self->unpaid_label = add_label (GTK_BOX (status), "unpaid");
  /* The amount is what the organizer reads: never cut. */
  gtk_label_set_ellipsize (GTK_LABEL (self->unpaid_label), PANGO_ELLIPSIZE_NONE);
  self->pay_button = gtk_button_new_with_label (_("Fee Received"));
  gtk_widget_add_css_class (self->pay_button, "pay");
  gtk_widget_set_tooltip_text (self->pay_button, _("Mark as Paid (Ctrl+P)"));
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (self->pay_button),
                                           "win.mark-paid(int64 0)");
  gtk_box_append (GTK_BOX (status), self->pay_button);
  self->status_label = add_label (GTK_BOX (status), "guest-status");
  self->check_in_button = gtk_button_new_with_label (_("Check In"));
  /* The target first: an int64 action must never see a NULL target. */
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (self->check_in_button),
                                           "win.check-in(int64 0)");
  gtk_box_append (GTK_BOX (status), self->check_in_button);
  self->undo_button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  gtk_widget_add_css_class (self->undo_button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Undo Check-In"), -1);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (self->undo_button),
                                           "win.undo-check-in(int64 0)");
  gtk_box_append (GTK_BOX (status), self->undo_button);
  gtk_box_append (GTK_BOX (self), status);
}

GtkWidget *
ts_check_in_row_new (void)
{
  return g_object_new (TS_TYPE_CHECK_IN_ROW, NULL);
}

static char *
dup_detail (TsMember *member)
{
  if (*member->organization != '\0' && *member->profession != '\0')
    /* Translators: organization and profession of a guest, e.g. さくら病院 · 看護師. */
    return g_strdup_printf (_("%1$s · %2$s"), member->organization, member->profession);
  return g_strdup (*member->organization != '\0' ? member->organization : member->profession);
}

/* "2017-08-24T19:05:12" → "19:05". */
static char *
dup_time (const char *checked_in_at)
{
  const char *t = strchr (checked_in_at, 'T');

  return t != NULL ? g_strndup (t + 1, 5) : g_strdup ("");
}

/* 未払い with the amount on an arrived guest who owes the fee, and the
 * button that records it. */
static void
show_fee (TsCheckInRow *self,
          TsAttendance *attendance)
{
  gint64 owed = ts_attendance_get_owed (attendance);
  gboolean unpaid = ts_attendance_is_present (attendance) && owed > 0;

  if (unpaid)
    {
      g_autofree char *amount = ts_fees_format_yen (owed);
      /* Translators: the mark on an arrived guest who has not paid,
       * with what they owe; %s is an amount such as 4,000円. */
      g_autofree char *text = g_strdup_printf (_("Unpaid %s"), amount);

      gtk_label_set_text (GTK_LABEL (self->unpaid_label), text);
    }
  gtk_widget_set_visible (self->unpaid_label, unpaid);
  gtk_widget_set_visible (self->pay_button, unpaid);
}

/* The status as a screen reader says it: the marks on the row are not
 * words. */
static char *
dup_spoken_status (TsAttendance *attendance)
{
  g_autofree char *time = NULL;

  if (!ts_attendance_is_present (attendance))
    return g_strdup (attendance->status == TS_ATTENDANCE_STATUS_REGISTERED
                     /* Translators: read out for a registered guest who has not arrived. */
                     ? _("not checked in yet")
                     : ts_attendance_status_to_label (attendance->status));
  time = dup_time (attendance->checked_in_at);
  if (attendance->status == TS_ATTENDANCE_STATUS_WALK_IN)
    /* Translators: read out for a walk-in, with the check-in time. */
    return g_strdup_printf (_("walk-in, checked in at %s"), time);
  /* Translators: read out for an arrived guest, with the check-in time. */
  return g_strdup_printf (_("checked in at %s"), time);
}

static void
show_status (TsCheckInRow *self,
             TsAttendance *attendance)
{
  gboolean present = ts_attendance_is_present (attendance);
  g_autofree char *text = NULL;

  if (present)
    {
      g_autofree char *time = dup_time (attendance->checked_in_at);

      /* Translators: shown on an arrived guest's row, with the check-in time. */
      text = g_strdup_printf (_("✓ %s"), time);
      if (attendance->status == TS_ATTENDANCE_STATUS_WALK_IN)
        {
          g_free (text);
          /* Translators: a walk-in's row: the check-in time and the word walk-in. */
          text = g_strdup_printf (_("✓ %s walk-in"), time);
        }
    }
  else if (attendance->status != TS_ATTENDANCE_STATUS_REGISTERED)
    text = g_strdup (ts_attendance_status_to_label (attendance->status));
  gtk_label_set_text (GTK_LABEL (self->status_label), text ? text : "");
  gtk_widget_set_visible (self->status_label, text != NULL);
  show_fee (self, attendance);
  gtk_widget_set_visible (self->check_in_button, !present);
  gtk_widget_set_visible (self->undo_button, present);
  if (present)
    gtk_widget_add_css_class (GTK_WIDGET (self), "arrived");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "arrived");
}

/* Who the row is about, and the member its buttons act on. */
static void
show_member (TsCheckInRow *self,
             TsMember     *member)
{
  g_autofree char *name = ts_member_dup_name (member);
  g_autofree char *reading = ts_member_dup_reading (member);
  g_autofree char *detail = dup_detail (member);
  g_autofree char *accessible = NULL;
  g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_int64 (member->id));

  gtk_label_set_text (GTK_LABEL (self->name_label), name);
  gtk_label_set_text (GTK_LABEL (self->reading_label), reading);
  gtk_label_set_text (GTK_LABEL (self->detail_label), detail);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->check_in_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->undo_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->pay_button), target);
  /* Translators: what a screen reader says for the button on a guest's row. */
  accessible = g_strdup_printf (_("Check in %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_in_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_free (accessible);
  /* Translators: what a screen reader says for the fee button on a guest's row. */
  accessible = g_strdup_printf (_("Mark %s as paid"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pay_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* Name, reading, status, first time, organization: what the row shows,
 * for the list to give the row as its name. */
static void
set_summary (TsCheckInRow *self,
             TsMember     *member,
             const char   *status,
             gboolean      first_time)
{
  g_autofree char *name = ts_member_dup_name (member);
  g_autofree char *reading = ts_member_dup_reading (member);
  g_autofree char *detail = dup_detail (member);

  g_free (self->summary);
  self->summary = ts_accessible_join (name, reading, status,
                                      /* Translators: read out after a first-timer's name. */
                                      first_time ? _("first time") : NULL,
                                      detail, NULL);
}

/* Name, reading, status, first time, organization: what the row shows,
 * for the list to give the row as its name. */
const char *
ts_check_in_row_get_summary (TsCheckInRow *self)
{
  g_return_val_if_fail (TS_IS_CHECK_IN_ROW (self), NULL);

  return self->summary;
}

void
ts_check_in_row_set_attendance (TsCheckInRow *self,
                                TsAttendance *attendance)
{
  g_autofree char *status = NULL;

  g_return_if_fail (TS_IS_CHECK_IN_ROW (self));

  if (attendance == NULL || attendance->member == NULL)
    return;
  show_member (self, attendance->member);
  gtk_widget_set_visible (self->first_time_label, attendance->first_time);
  show_status (self, attendance);
  status = dup_spoken_status (attendance);
  set_summary (self, attendance->member, status, attendance->first_time);
}

/* A member who is not on the event's list: the button checks them in
 * as a walk-in. */
void
ts_check_in_row_set_member (TsCheckInRow *self,
                            TsMember     *member)
{
  g_return_if_fail (TS_IS_CHECK_IN_ROW (self));
  g_return_if_fail (TS_IS_MEMBER (member));

  show_member (self, member);
  gtk_widget_set_visible (self->first_time_label, FALSE);
  gtk_widget_set_visible (self->status_label, FALSE);
  gtk_widget_set_visible (self->check_in_button, TRUE);
  gtk_widget_set_visible (self->undo_button, FALSE);
  gtk_widget_set_visible (self->unpaid_label, FALSE);
  gtk_widget_set_visible (self->pay_button, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "arrived");
  /* Translators: read out for a member who did not register for the event. */
  set_summary (self, member, _("not registered"), FALSE);
}
