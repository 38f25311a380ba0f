/* ts-member-page.c: one member: profile, consent, history, referrals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-member-page.h"
#include "ts-regulars-history.h"
#include "ts-regulars-marks.h"
#include "ts-render-trend.h"
#include "ts-ui-util.h"

struct _TsMemberPage
{
  AdwBin        parent_instance;

  TsRepository *repository;
  gint64        member_id;

  GtkLabel     *reading_label;
  GtkLabel     *name_label;
  GtkLabel     *summary_label;
  GtkButton    *edit_button;
  GtkListBox   *profile_list;
  GtkListBox   *history_list;
  GtkListBox   *referral_list;
  AdwPreferencesGroup *history_group;
  AdwPreferencesGroup *strip_group;
  GtkDrawingArea      *strip_area;
  GtkListBox          *stats_list;
  TsRegularsHistory   *strip;     /* months across chapters; may be NULL */
};

G_DEFINE_FINAL_TYPE (TsMemberPage, ts_member_page, ADW_TYPE_BIN)

static void
fill_profile (TsMemberPage *self,
              TsMember     *member)
{
  g_autofree char *since = ts_ui_format_day (member->created_at);
  /* always: shown even when empty, as "—", because a gap there matters
   * (no consent, no organization on the roster); the rest only when set. */
  struct { const char *title; const char *value; gboolean always; } rows[] = {
    { _("Roster Consent"), ts_consent_to_label (member->consent), TRUE },
    { _("Organization"), member->organization, TRUE },
    { _("Profession"), member->profession, TRUE },
    { _("Job Title"), member->job_title, FALSE },
    { _("Home Chapter"), member->home_chapter_name, TRUE },
    { _("What I Do"), member->introduction, FALSE },
    { _("What I Want to Try or Announce"), member->wish, FALSE },
    { _("Email"), member->email, FALSE },
    { _("Phone"), member->phone, FALSE },
    { _("Notes"), member->notes, FALSE },
    { _("Member Since"), since, FALSE },
  };

  ts_ui_clear_box (GTK_WIDGET (self->profile_list));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].always || (rows[i].value != NULL && *rows[i].value != '\0'))
      gtk_list_box_append (self->profile_list, ts_ui_detail_row (rows[i].title, rows[i].value));
}

static void
fill_history (TsMemberPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = ts_repository_list_member_history (self->repository,
                                                                     self->member_id, &error);
  guint n = history ? g_list_model_get_n_items (history) : 0;
  g_autofree char *description = NULL;

  ts_ui_clear_box (GTK_WIDGET (self->history_list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (history, i);
      TsEvent *event = attendance->event;
      g_autofree char *day = ts_ui_format_day (event ? event->starts_at : NULL);
      g_autofree char *title = g_strdup_printf ("%s　%s", day,
                                                event && event->chapter_name ? event->chapter_name : "");
      g_autofree char *subtitle = g_strdup_printf ("%s · %s",
                                                   ts_attendance_status_to_label (attendance->status),
                                                   ts_attendance_role_to_label (attendance->role));

      gtk_list_box_append (self->history_list,
                           ts_ui_link_row (title, subtitle, NULL, attendance->event_id));
    }
  if (n == 0)
    gtk_list_box_append (self->history_list,
                         ts_ui_link_row (_("Has not attended an event yet"), NULL, NULL, 0));
  description = g_strdup_printf (ngettext ("%u event, newest first", "%u events, newest first", n), n);
  adw_preferences_group_set_description (self->history_group, description);
}

/* ---- Month strip -------------------------------------------------------- */

/* The strip shows the last months that fit at this width or more per
 * month, so that ten years stay readable rather than shrink to dots. */
#define STRIP_MIN_SLOT 7.0
#define STRIP_MAX_SLOT 16.0

static guint
strip_visible_months (TsMemberPage *self,
                      int           width)
{
  guint fit = (guint) MAX (width / STRIP_MIN_SLOT, 1);

  return self->strip ? MIN (self->strip->n_months, fit) : 0;
}

static void
draw_strip (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  TsMemberPage *self = user_data;
  GdkRGBA color;
  double fg[4];
  guint n = strip_visible_months (self, width);
  guint skip;

  if (n == 0)
    return;
  skip = self->strip->n_months - n;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  fg[0] = color.red;
  fg[1] = color.green;
  fg[2] = color.blue;
  fg[3] = color.alpha;
  ts_render_month_strip (cr, self->strip->cells + skip, n, self->strip->first_month + (int) skip,
                         width, height, fg);
}

static const char *
cell_description (TsRegularsCell cell)
{
  switch (cell)
    {
    case TS_REGULARS_CELL_PRESENT: return _("present");
    case TS_REGULARS_CELL_WALK_IN: return _("present, walked in");
    case TS_REGULARS_CELL_ABSENT:  return _("registered, did not come");
    case TS_REGULARS_CELL_NONE:
    default:                       return _("not registered");
    }
}

static gboolean
on_strip_query_tooltip_cb (TsMemberPage *self,
                           int           x,
                           int           y,
                           gboolean      keyboard,
                           GtkTooltip   *tooltip)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->strip_area));
  guint n = strip_visible_months (self, width);
  double slot;
  guint index;
  g_autofree char *month = NULL;
  g_autofree char *text = NULL;

  if (n == 0 || keyboard)
    return FALSE;
  /* The same slot width ts_render_month_strip() uses. */
  slot = MIN ((double) width / n, STRIP_MAX_SLOT);
  index = (guint) (x / slot);
  if (x < 0 || index >= n)
    return FALSE;
  index += self->strip->n_months - n;
  month = ts_regulars_format_month (self->strip->first_month + (int) index);
  /* Translators: a month and what the member did in it, e.g. "2017-08: present". */
  text = g_strdup_printf (_("%1$s: %2$s"), month, cell_description (self->strip->cells[index]));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static char *
strip_summary (const TsRegularsHistory *strip)
{
  guint present = 0, absent = 0;

  for (guint i = 0; i < strip->n_months; i++)
    {
      present += strip->cells[i] == TS_REGULARS_CELL_PRESENT ||
                 strip->cells[i] == TS_REGULARS_CELL_WALK_IN;
      absent += strip->cells[i] == TS_REGULARS_CELL_ABSENT;
    }
  /* Translators: the accessible description of the month strip. */
  return g_strdup_printf (_("Present in %1$u of %2$u months, registered but absent in %3$u"),
                          present, strip->n_months, absent);
}

static GtkWidget *
chapter_stats_row (TsMemberPage                 *self,
                   const TsRegularsChapterStats *entry)
{
  g_autoptr(TsChapter) chapter = ts_repository_get_chapter (self->repository,
                                                            entry->chapter_id, NULL);
  const TsRegularsMember *m = &entry->stats;
  g_autofree char *first = ts_ui_format_day (entry->first_presence);
  g_autofree char *last = ts_ui_format_day (entry->last_presence);
  g_autofree char *times = g_strdup_printf (ngettext ("Present %u time", "Present %u times",
                                                      m->times_present), m->times_present);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (m->times_present == 0)
    subtitle = g_strdup (_("Registered, not present yet"));
  else
    /* Translators: %1$s "Present 12 times", %2$u of the last %3$u meetings,
     * %4$.0f the rate in percent, %5$u and %6$u streaks in meetings in a
     * row, %7$s and %8$s the first and last days present. */
    subtitle = g_strdup_printf (_("%1$s · %2$u of the last %3$u (%4$.0f%%) · streak %5$u, longest %6$u\n"
                                  "First %7$s · last %8$s"),
                                times, m->window_present, m->window_size, m->rate * 100.0,
                                m->current_streak, m->longest_streak, first, last);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 chapter ? chapter->name : _("Deleted chapter"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (m->regular)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               ts_ui_regulars_mark_new (TS_REGULARS_MARK_REGULAR));
  return row;
}

static void
fill_strip (TsMemberPage *self)
{
  TsRegularsOptions options;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;

  g_clear_pointer (&self->strip, ts_regulars_history_free);
  ts_ui_clear_box (GTK_WIDGET (self->stats_list));
  ts_ui_regulars_options_init (GTK_WIDGET (self), &options);
  self->strip = ts_regulars_history_compute (self->repository, self->member_id, &options, &error);
  if (self->strip == NULL)
    g_warning ("Could not compute the member's history: %s", error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->strip_group),
                          self->strip != NULL && self->strip->n_months > 0);
  if (self->strip == NULL || self->strip->n_months == 0)
    return;
  for (guint i = 0; i < self->strip->n_chapters; i++)
    gtk_list_box_append (self->stats_list, chapter_stats_row (self, &self->strip->chapters[i]));
  summary = strip_summary (self->strip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->strip_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attendance by month"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->strip_area));
}

static void
fill_referrals (TsMemberPage *self,
                TsMember     *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) referred = ts_repository_list_referred (self->repository,
                                                                self->member_id, &error);
  guint n = referred ? g_list_model_get_n_items (referred) : 0;

  ts_ui_clear_box (GTK_WIDGET (self->referral_list));
  gtk_list_box_append (self->referral_list,
                       ts_ui_link_row (_("Referred By"),
                                       member->referred_by > 0 && member->referrer_name
                                       ? member->referrer_name : _("Nobody"),
                                       NULL, member->referred_by));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsMember) other = g_list_model_get_item (referred, i);
      g_autofree char *name = ts_member_dup_name (other);

      gtk_list_box_append (self->referral_list,
                           ts_ui_link_row (_("Referred"), name, NULL, other->id));
    }
}

static void
refresh (TsMemberPage *self)
{
  g_autoptr(TsMember) member = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reading = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);

  if (self->repository == NULL || self->member_id == 0)
    return;
  member = ts_repository_get_member (self->repository, self->member_id, NULL);
  if (member == NULL)
    {
      /* Deleted meanwhile: leave the page rather than show a ghost. */
      gtk_widget_activate_action (GTK_WIDGET (self), "view.back", NULL);
      return;
    }
  name = ts_member_dup_name (member);
  reading = ts_member_dup_reading (member);
  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->reading_label, reading);
  if (member->organization && *member->organization)
    g_string_append (summary, member->organization);
  if (member->profession && *member->profession)
    g_string_append_printf (summary, "%s%s", summary->len ? _(" · ") : "", member->profession);
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", self->member_id);
  fill_profile (self, member);
  fill_strip (self);
  fill_history (self);
  fill_referrals (self, member);
}

/* Their history (attendance, events, chapters) or themselves; an edit
 * of somebody else leaves the page alone. */
static void
on_repository_changed_cb (TsRepository *repository,
                          GArray       *ids,
                          TsMemberPage *self)
{
  gboolean mine = TRUE;

  if (g_signal_get_invocation_hint (repository)->detail == g_quark_from_static_string ("member") &&
      ids != NULL)
    {
      mine = FALSE;
      for (guint i = 0; i < ids->len; i++)
        mine |= g_array_index (ids, gint64, i) == self->member_id;
    }
  if (mine && gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

static void
on_history_row_activated_cb (TsMemberPage  *self,
                             GtkListBoxRow *row)
{
  if (ts_ui_link_row_id (row) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-event", "x", ts_ui_link_row_id (row));
}

static void
on_referral_row_activated_cb (TsMemberPage  *self,
                              GtkListBoxRow *row)
{
  if (ts_ui_link_row_id (row) > 0)
    ts_member_page_set_member (self, self->repository, ts_ui_link_row_id (row));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsMemberPage *self = TS_MEMBER_PAGE (widget);
  const char *name = gtk_label_get_text (self->name_label);
  g_autofree char *what = g_strdup (name);

  if (ts_ui_delete_with_undo (widget, self->repository, "member", self->member_id, what))
    gtk_widget_activate_action (widget, "view.back", NULL);
}

static void
ts_member_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ts_member_page_parent_class)->map (widget);
  refresh (TS_MEMBER_PAGE (widget));
}

static void
ts_member_page_dispose (GObject *object)
{
  TsMemberPage *self = TS_MEMBER_PAGE (object);

  /* AdwBin unparents its child itself; disposing the template too
   * would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->strip, ts_regulars_history_free);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_member_page_parent_class)->dispose (object);
}

static void
ts_member_page_class_init (TsMemberPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_member_page_dispose;
  widget_class->map = ts_member_page_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-member-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, reading_label);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, profile_list);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, referral_list);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, strip_group);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, strip_area);
  gtk_widget_class_bind_template_child (widget_class, TsMemberPage, stats_list);
  gtk_widget_class_bind_template_callback (widget_class, on_strip_query_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_referral_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "member.delete", NULL, delete_action);
}

static void
ts_member_page_init (TsMemberPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->strip_area, draw_strip, self, NULL);
}

void
ts_member_page_set_member (TsMemberPage *self,
                           TsRepository *repository,
                           gint64        member_id)
{
  static const char * const tables[] = { "member", "attendance", "event", "chapter" };

  g_return_if_fail (TS_IS_MEMBER_PAGE (self));

  if (self->repository != repository)
    {
      g_clear_object (&self->repository);
      self->repository = g_object_ref (repository);
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *signal = g_strconcat ("changed::", tables[i], NULL);

          g_signal_connect_object (repository, signal, G_CALLBACK (on_repository_changed_cb),
                                   self, 0);
        }
    }
  self->member_id = member_id;
  refresh (self);
}

gint64
ts_member_page_get_member_id (TsMemberPage *self)
{
  return self->member_id;
}
