/* ts-regulars-page.c: who keeps coming, who is new, who stopped.
 *
 * One chapter at a time: the headcount trend and the profession mix of
 * the last meeting on top, the members × months grid below, and on the
 * side the lists an organizer acts on (regulars, this month's
 * first-timers, lapsed regulars to follow up), each exportable to CSV.
 * Everything comes from one ts_regulars_compute() call, which takes a few
 * milliseconds, so the page recomputes on every change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-attendance-grid.h"
#include "ts-csv-writer.h"
#include "ts-date.h"
#include "ts-output-path.h"
#include "ts-regulars.h"
#include "ts-regulars-page.h"
#include "ts-render-report.h"
#include "ts-render-trend.h"
#include "ts-settings.h"

typedef enum {
  LIST_REGULARS,
  LIST_FIRST_TIMERS,
  LIST_LAPSED,
  N_LISTS,
} ListKind;

struct _TsRegularsPage
{
  AdwBin             parent_instance;

  TsRepository      *repository;
  GSettings         *settings;
  gint64             chapter_id;
  char              *today;
  TsRegulars        *regulars;
  GListModel        *chapters;
  gulong             changed_id;
  guint              refresh_id;
  gboolean           chapters_changed;
  gboolean           stale;          /* to recompute when next shown */
  gboolean           show_all[N_LISTS];

  GtkDropDown       *chapter_dropdown;
  GtkSpinButton     *min_spin;
  GtkSpinButton     *window_spin;
  GtkLabel          *help_label;
  GtkWidget         *report_button;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkLabel          *summary_label;
  GtkDrawingArea    *trend;
  GtkDrawingArea    *mix;
  GtkLabel          *mix_title;
  TsAttendanceGrid  *grid;
  GtkStack          *lists;
  GtkListBox        *list_boxes[N_LISTS];
  GtkWidget         *list_pages[N_LISTS];
};

G_DEFINE_FINAL_TYPE (TsRegularsPage, ts_regulars_page, ADW_TYPE_BIN)

static const char *list_names[N_LISTS] = { "regulars", "first-timers", "lapsed" };

static gboolean
in_list (const TsRegularsMember *member,
         ListKind                kind)
{
  switch (kind)
    {
    case LIST_REGULARS:     return member->klass == TS_REGULARS_CLASS_REGULAR;
    case LIST_FIRST_TIMERS: return member->first_this_month;
    case LIST_LAPSED:       return member->klass == TS_REGULARS_CLASS_LAPSED;
    default:                g_assert_not_reached ();
    }
}

static const char *
list_title (ListKind kind)
{
  switch (kind)
    {
    case LIST_REGULARS:     return C_("regulars list", "Regulars");
    case LIST_FIRST_TIMERS: return C_("regulars list", "New This Month");
    case LIST_LAPSED:       return C_("regulars list", "Follow Up");
    default:                g_assert_not_reached ();
    }
}

static char *
format_event_day (const TsRegulars *regulars,
                  int               event)
{
  g_autoptr(GDateTime) when = NULL;

  if (event < 0)
    return g_strdup ("");
  when = ts_date_parse (regulars->events[event].starts_at);
  return when ? ts_date_format_day (when) : g_strdup (regulars->events[event].starts_at);
}

static TsRegularsOptions
current_options (TsRegularsPage *self)
{
  TsRegularsOptions options;

  ts_regulars_options_init (&options);
  options.min_present = gtk_spin_button_get_value_as_int (self->min_spin);
  options.window = gtk_spin_button_get_value_as_int (self->window_spin);
  if (self->settings != NULL)
    options.lapse_after = g_settings_get_uint (self->settings, "regulars-lapse-after");
  if (self->today != NULL)
    g_strlcpy (options.today, self->today, sizeof options.today);
  return options;
}

/* ---- Lists --------------------------------------------------------------- */

static char *
member_contact (const TsRegularsMember *member)
{
  g_autoptr(GString) text = g_string_new (member->name);

  if (member->email[0] != '\0')
    g_string_append_printf (text, " <%s>", member->email);
  if (member->phone[0] != '\0')
    g_string_append_printf (text, " %s", member->phone);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
on_copy_clicked_cb (GtkButton *button,
                    gpointer   data)
{
  const char *contact = g_object_get_data (G_OBJECT (button), "contact");

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), contact);
  gtk_button_set_icon_name (button, "object-select-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

static char *
member_subtitle (const TsRegulars       *regulars,
                 const TsRegularsMember *member,
                 ListKind                kind)
{
  g_autofree char *last = format_event_day (regulars, member->last_event);
  g_autoptr(GString) text = g_string_new (NULL);

  if (member->organization[0] != '\0')
    g_string_append (text, member->organization);
  if (member->profession[0] != '\0')
    g_string_append_printf (text, "%s%s", text->len ? _(" · ") : "", member->profession);
  if (text->len > 0)
    g_string_append_c (text, '\n');
  if (kind == LIST_LAPSED)
    /* Translators: %s is a date. */
    g_string_append_printf (text, _("Last came on %s"), last);
  else if (kind == LIST_REGULARS)
    /* Translators: %1$u presences out of the %2$u last events; %3$u in a row. */
    g_string_append_printf (text, _("%1$u of the last %2$u, %3$u in a row"),
                            member->window_present, member->window_size,
                            member->current_streak);
  else
    g_string_append (text, member->first_in_network ? _("New to the network")
                                                     : _("Came to other chapters before"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
member_row (const TsRegulars       *regulars,
            const TsRegularsMember *member,
            ListKind                kind)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = member_subtitle (regulars, member, kind);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if (kind == LIST_LAPSED && (member->email[0] != '\0' || member->phone[0] != '\0'))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("edit-copy-symbolic");
      g_autofree char *contact = member_contact (member);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Copy Contact"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Copy Contact"), -1);
      g_object_set_data_full (G_OBJECT (button), "contact", g_steal_pointer (&contact), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_copy_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

/* A list shows its first LIST_LIMIT people and a row to show the rest:
 * on a very large chapter, hundreds of rows would take a second to build,
 * and the whole list is one click (or one CSV export) away. */
#define LIST_LIMIT 100

static void fill_lists (TsRegularsPage *self);

static void
on_show_all_activated_cb (GtkListBox     *box,
                          GtkListBoxRow  *row,
                          TsRegularsPage *self)
{
  gpointer kind = g_object_get_data (G_OBJECT (row), "show-all");

  if (kind == NULL)
    return;
  self->show_all[GPOINTER_TO_UINT (kind) - 1] = TRUE;
  fill_lists (self);
}

static GtkWidget *
show_all_row (ListKind kind,
              guint    total)
{
  GtkWidget *row = adw_action_row_new ();
  /* Translators: the last row of a long list; %u is how many there are. */
  g_autofree char *title = g_strdup_printf (_("Show All %u"), total);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
  g_object_set_data (G_OBJECT (row), "show-all", GUINT_TO_POINTER (kind + 1));
  return row;
}

static void
fill_lists (TsRegularsPage *self)
{
  for (ListKind kind = 0; kind < N_LISTS; kind++)
    {
      GtkListBox *box = self->list_boxes[kind];
      GtkWidget *child;
      guint count = 0;
      g_autofree char *title = NULL;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
        gtk_list_box_remove (box, child);
      for (guint i = 0; self->regulars != NULL && i < self->regulars->n_members; i++)
        if (in_list (&self->regulars->members[i], kind))
          {
            if (count < LIST_LIMIT || self->show_all[kind])
              gtk_list_box_append (box, member_row (self->regulars, &self->regulars->members[i],
                                                    kind));
            count++;
          }
      if (count > LIST_LIMIT && !self->show_all[kind])
        gtk_list_box_append (box, show_all_row (kind, count));
      /* Translators: a list's title and its count, in Japanese "%1$s (%2$u名)". */
      title = g_strdup_printf (_("%1$s (%2$u)"), list_title (kind), count);
      gtk_stack_page_set_title (gtk_stack_get_page (self->lists, self->list_pages[kind]), title);
    }
}

/* ---- CSV export ------------------------------------------------------------ */

static GBytes *
list_csv (TsRegularsPage *self,
          ListKind        kind)
{
  const TsRegulars *r = self->regulars;
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");   /* a BOM, for Excel */
  g_autofree char *window = g_strdup_printf (_("Of the last %u"), r->options.window);
  /* Contacts only in the follow-up list, which is for calling people:
   * elsewhere the row ends (NULL) before them. */
  const char *headers[] = { _("Name"), _("Organization"), _("Profession"), _("Class"),
                            _("Presences"), window, _("Streak"), _("Longest streak"),
                            _("First presence"), _("Last presence"),
                            kind == LIST_LAPSED ? _("Email") : NULL, _("Phone"), NULL };

  ts_csv_writer_append_row (out, headers, "\r\n");
  for (guint i = 0; i < r->n_members; i++)
    {
      const TsRegularsMember *m = &r->members[i];
      g_autofree char *times = NULL, *in_window = NULL, *streak = NULL, *longest = NULL;
      g_autofree char *first = NULL, *last = NULL;

      if (!in_list (m, kind))
        continue;
      times = g_strdup_printf ("%u", m->times_present);
      in_window = g_strdup_printf ("%u", m->window_present);
      streak = g_strdup_printf ("%u", m->current_streak);
      longest = g_strdup_printf ("%u", m->longest_streak);
      first = m->first_event >= 0 ? g_strndup (r->events[m->first_event].starts_at, 10) : g_strdup ("");
      last = m->last_event >= 0 ? g_strndup (r->events[m->last_event].starts_at, 10) : g_strdup ("");
      {
        const char *row[] = { m->name, m->organization, m->profession,
                              ts_regulars_class_label (m->klass), times, in_window, streak,
                              longest, first, last,
                              kind == LIST_LAPSED ? m->email : NULL, m->phone, NULL };
        ts_csv_writer_append_row (out, row, "\r\n");
      }
    }
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static void
show_error (TsRegularsPage *self,
            const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Save"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       TsRegularsPage  *self)
{
  ListKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "kind"));
  gboolean report = g_object_get_data (G_OBJECT (dialog), "report") != NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (response == GTK_RESPONSE_ACCEPT && self->regulars != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_peek_path (file)) != NULL &&
      ts_output_path_check (ts_database_get_path (ts_repository_get_database (self->repository)),
                            path, &error))
    {
      if (report)
        {
          g_autoptr(TsChapter) chapter = ts_repository_get_chapter (self->repository,
                                                                    self->chapter_id, &error);
          if (chapter != NULL)
            ts_render_report_pdf (self->regulars, chapter->name, path, &error);
        }
      else
        ts_regulars_page_save_list (self, list_names[kind], file, &error);
    }
  if (error != NULL)
    show_error (self, error->message);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (TsRegularsPage *self,
             const char     *title,
             const char     *name,
             ListKind        kind,
             gboolean        report)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data (G_OBJECT (dialog), "kind", GUINT_TO_POINTER (kind));
  g_object_set_data (G_OBJECT (dialog), "report", report ? self : NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_export_clicked_cb (GtkButton      *button,
                      TsRegularsPage *self)
{
  ListKind kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));
  g_autofree char *name = g_strdup_printf ("%s.csv", list_title (kind));

  choose_file (self, _("Export List"), name, kind, FALSE);
}

static void
on_report_clicked_cb (GtkButton      *button,
                      TsRegularsPage *self)
{
  g_autofree char *month = ts_regulars_format_month (ts_regulars_until_index (&self->regulars->options));
  /* Translators: the suggested file name of the monthly report, %s is the month. */
  g_autofree char *name = g_strdup_printf (_("Monthly report %s.pdf"), month);

  choose_file (self, _("Save Monthly Report"), name, 0, TRUE);
}

/* ---- Charts and summary ---------------------------------------------------- */

static void
get_fg (GtkWidget *widget,
        double     fg[4])
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fg[0] = color.red;
  fg[1] = color.green;
  fg[2] = color.blue;
  fg[3] = color.alpha;
}

static void
draw_trend (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  TsRegularsPage *self = data;
  double fg[4];

  if (self->regulars == NULL)
    return;
  get_fg (GTK_WIDGET (area), fg);
  /* The chart's sizes are made for points on paper; a little larger on
   * screen reads better. */
  cairo_scale (cr, 1.3, 1.3);
  ts_render_trend (cr, self->regulars, 24, width / 1.3, height / 1.3, fg);
}

/* The month of the last meeting, as an index into months; -1 for none. */
static int
last_meeting_month (const TsRegulars *r)
{
  if (r == NULL || r->n_events == 0)
    return -1;
  return r->events[r->n_events - 1].month - r->months[0].month;
}

static void
draw_mix (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  TsRegularsPage *self = data;
  int month = last_meeting_month (self->regulars);
  double fg[4];

  if (month < 0)
    return;
  get_fg (GTK_WIDGET (area), fg);
  cairo_scale (cr, 1.2, 1.2);
  ts_render_profession_mix (cr, self->regulars, month, (guint) (height / 1.2 / 13),
                            width / 1.2, fg);
}

static void
update_summary (TsRegularsPage *self)
{
  const TsRegulars *r = self->regulars;
  int until = ts_regulars_until_index (&r->options);
  const TsRegularsMonth *m = ts_regulars_find_month (r, until);
  g_autofree char *month = ts_regulars_format_month (until);
  g_autofree char *text = NULL;
  g_autofree char *last = format_event_day (r, (int) r->n_events - 1);
  g_autofree char *mix = NULL;

  if ((m == NULL || m->n_events == 0) && r->n_planned > 0)
    {
      g_autoptr(GDateTime) when = ts_date_parse (r->planned[0].starts_at);
      g_autofree char *day = when ? ts_date_format_day (when) : g_strdup (r->planned[0].starts_at);

      /* Same words as the monthly report: the meeting is still to come. */
      text = g_strdup_printf (_("The meeting on %s is planned; there are no figures yet."), day);
    }
  else if (m == NULL || m->n_events == 0)
    /* Translators: %s is a month. */
    text = g_strdup_printf (_("No meeting in %s yet."), month);
  else
    /* Translators: the month's counts; keep the order of the numbers. */
    text = g_strdup_printf (_("%1$s: %2$u present, %3$u first-timers, %4$u returning, "
                              "%5$u regulars, %6$u walk-ins, %7$u no-shows"),
                            month, m->headcount, m->first_timers, m->returning, m->regulars,
                            m->walk_ins, m->no_shows);
  gtk_label_set_text (self->summary_label, text);
  /* Translators: %s is the date of the last meeting. */
  mix = g_strdup_printf (_("Professions on %s"), last);
  gtk_label_set_text (self->mix_title, mix);
}

/* A popover sizes itself without asking a wrapping label for its height
 * at the width it gets, which cut the Japanese text off: ask the label
 * for its height at a fixed width and request exactly that. */
static void
size_help (GtkLabel   *label,
           const char *text)
{
  const int width = 360;
  int height;

  gtk_label_set_wrap_mode (label, PANGO_WRAP_WORD_CHAR);
  /* Keep the natural width under the request, so the request decides. */
  gtk_label_set_max_width_chars (label, 10);
  gtk_widget_set_size_request (GTK_WIDGET (label), -1, -1);
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_VERTICAL, width, NULL, &height,
                      NULL, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (label), width, height);
}

static void
update_help (TsRegularsPage *self)
{
  TsRegularsOptions options = current_options (self);
  /* Translators: the definitions shown by the page's help button; keep
   * the numbers' order. */
  g_autofree char *text = g_strdup_printf (
    _("Counted over the chapter’s held meetings (held, or past, not cancelled and with "
      "someone checked in); "
      "attended and walk-in count as present.\n\n"
      "• Regular: present at %1$u or more of the last %2$u meetings.\n"
      "• First-timer: first time at this chapter; “new to the network” if also the "
      "first time at any chapter.\n"
      "• Returning: back after 3 or more months away, having missed a meeting.\n"
      "• Follow up (lapsed): a regular in the last 12 months who missed the last %3$u "
      "meetings.\n\n"
      "In the grid, a filled circle is present, a diamond a walk-in, a ring registered "
      "but absent; shaded months had no meeting."),
    options.min_present, options.window, options.lapse_after);

  gtk_label_set_text (self->help_label, text);
  size_help (self->help_label, text);
}

static void
compute (TsRegularsPage *self)
{
  TsRegularsOptions options = current_options (self);
  g_autoptr(GError) error = NULL;
  TsRegulars *old = self->regulars;

  update_help (self);
  ts_attendance_grid_set_regulars (self->grid, NULL);
  self->regulars = NULL;
  g_clear_pointer (&old, ts_regulars_free);
  if (self->chapter_id <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "choose");
      gtk_widget_set_sensitive (self->report_button, FALSE);
      fill_lists (self);
      return;
    }
  self->regulars = ts_regulars_compute (self->repository, self->chapter_id, &options, &error);
  if (self->regulars == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Could Not Read the Attendance"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_widget_set_sensitive (self->report_button, TRUE);
  fill_lists (self);
  if (self->regulars->n_events == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Meetings Held Yet"));
      adw_status_page_set_description (self->empty_page,
        _("Regulars, first-timers and lapsed regulars appear here once the chapter has "
          "held a meeting and attendance is recorded."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  ts_attendance_grid_set_regulars (self->grid, self->regulars);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->trend));
  gtk_widget_queue_draw (GTK_WIDGET (self->mix));
  gtk_stack_set_visible_child_name (self->stack, "content");
}

/* The page sits in a stack: while it is not on screen, a chapter chosen
 * elsewhere or a change in the database only marks it stale, and the
 * analysis runs when it is shown. */
static void
refresh (TsRegularsPage *self)
{
  for (guint kind = 0; kind < N_LISTS; kind++)
    self->show_all[kind] = FALSE;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  compute (self);
}

static void
on_map_cb (GtkWidget      *widget,
           TsRegularsPage *self)
{
  if (self->stale)
    {
      self->stale = FALSE;
      compute (self);
    }
}

/* ---- Chapters and settings ------------------------------------------------- */

static void
select_chapter_in_dropdown (TsRegularsPage *self)
{
  for (guint i = 0; self->chapters != NULL && i < g_list_model_get_n_items (self->chapters); i++)
    {
      g_autoptr(TsChapter) chapter = g_list_model_get_item (self->chapters, i);
      if (chapter->id == self->chapter_id)
        {
          gtk_drop_down_set_selected (self->chapter_dropdown, i);
          return;
        }
    }
  gtk_drop_down_set_selected (self->chapter_dropdown, GTK_INVALID_LIST_POSITION);
}

static void
on_chapter_selected_cb (GtkDropDown    *dropdown,
                        GParamSpec     *pspec,
                        TsRegularsPage *self)
{
  TsChapter *chapter = gtk_drop_down_get_selected_item (dropdown);
  gint64 id = chapter != NULL ? chapter->id : 0;

  if (id == self->chapter_id)
    return;
  self->chapter_id = id;
  refresh (self);
}

static void
on_threshold_changed_cb (GtkSpinButton  *spin,
                         TsRegularsPage *self)
{
  if (self->settings != NULL)
    {
      g_settings_set_uint (self->settings, "regulars-min-present",
                           gtk_spin_button_get_value_as_int (self->min_spin));
      g_settings_set_uint (self->settings, "regulars-window",
                           gtk_spin_button_get_value_as_int (self->window_spin));
    }
  refresh (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  TsRegularsPage *self = data;

  self->refresh_id = 0;
  if (self->chapters_changed)
    {
      g_autoptr(GListModel) chapters = ts_repository_list_chapters (self->repository, NULL);

      self->chapters_changed = FALSE;
      if (chapters != NULL)
        {
          g_set_object (&self->chapters, chapters);
          g_signal_handlers_block_by_func (self->chapter_dropdown, on_chapter_selected_cb, self);
          gtk_drop_down_set_model (self->chapter_dropdown, chapters);
          select_chapter_in_dropdown (self);
          g_signal_handlers_unblock_by_func (self->chapter_dropdown, on_chapter_selected_cb, self);
        }
    }
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* An import or a check-in session changes thousands of rows in a row:
 * recompute once, when they are done. */
static void
on_repository_changed_cb (TsRepository   *repository,
                          const char     *table,
                          TsRegularsPage *self)
{
  if (g_strcmp0 (table, "chapter") == 0)
    self->chapters_changed = TRUE;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* ---- Construction ---------------------------------------------------------- */

static GtkWidget *
spin_with_label (const char     *label,
                 const char     *tooltip,
                 GtkSpinButton **spin,
                 guint           value,
                 guint           max)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, max, 1));
  gtk_spin_button_set_value (*spin, value);
  gtk_widget_set_tooltip_text (GTK_WIDGET (*spin), tooltip);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), GTK_WIDGET (*spin));
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*spin));
  return box;
}

static GtkWidget *
build_toolbar (TsRegularsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkExpression *name = gtk_property_expression_new (TS_TYPE_CHAPTER, NULL, "name");
  GtkWidget *help = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  guint k = TS_REGULARS_DEFAULT_MIN_PRESENT, n = TS_REGULARS_DEFAULT_WINDOW;

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);

  self->chapter_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, name));
  gtk_drop_down_set_enable_search (self->chapter_dropdown, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chapter_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chapter"), -1);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->chapter_dropdown));

  if (self->settings != NULL)
    {
      k = g_settings_get_uint (self->settings, "regulars-min-present");
      n = g_settings_get_uint (self->settings, "regulars-window");
    }
  gtk_box_append (GTK_BOX (bar),
                  spin_with_label (_("Last _meetings"), _("Meetings looked at for regulars"),
                                   &self->window_spin, n, 100));
  gtk_box_append (GTK_BOX (bar),
                  spin_with_label (_("Present at _least"),
                                   _("Presences among them that make a regular"),
                                   &self->min_spin, k, 100));
  g_signal_connect (self->window_spin, "value-changed", G_CALLBACK (on_threshold_changed_cb), self);
  g_signal_connect (self->min_spin, "value-changed", G_CALLBACK (on_threshold_changed_cb), self);

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  self->help_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->help_label, TRUE);
  gtk_label_set_xalign (self->help_label, 0);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->help_label));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (help), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (help), "help-about-symbolic");
  gtk_widget_set_tooltip_text (help, _("How Is This Counted?"));
  gtk_box_append (GTK_BOX (bar), help);

  self->report_button = gtk_button_new_with_mnemonic (_("Monthly _Report…"));
  g_signal_connect (self->report_button, "clicked", G_CALLBACK (on_report_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->report_button);
  return bar;
}

static GtkWidget *
build_list_page (TsRegularsPage *self,
                 ListKind        kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  GtkWidget *placeholder = gtk_label_new (C_("regulars list", "Nobody"));

  self->list_boxes[kind] = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list_boxes[kind], GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_boxes[kind]), "boxed-list");
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list_boxes[kind], placeholder);
  g_signal_connect (self->list_boxes[kind], "row-activated",
                    G_CALLBACK (on_show_all_activated_cb), self);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_box_append (GTK_BOX (clamp), GTK_WIDGET (self->list_boxes[kind]));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  g_object_set_data (G_OBJECT (export), "kind", GUINT_TO_POINTER (kind));
  g_signal_connect (export, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  gtk_widget_set_halign (export, GTK_ALIGN_END);
  gtk_widget_set_margin_end (export, 12);
  gtk_widget_set_margin_bottom (export, 12);
  gtk_box_append (GTK_BOX (box), export);
  return box;
}

static GtkWidget *
build_lists (TsRegularsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *switcher = gtk_stack_switcher_new ();

  self->lists = GTK_STACK (gtk_stack_new ());
  for (ListKind kind = 0; kind < N_LISTS; kind++)
    {
      self->list_pages[kind] = build_list_page (self, kind);
      gtk_stack_add_titled (self->lists, self->list_pages[kind], list_names[kind],
                            list_title (kind));
    }
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->lists);
  gtk_widget_set_margin_start (switcher, 12);
  gtk_widget_set_margin_end (switcher, 12);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_widget_set_vexpand (GTK_WIDGET (self->lists), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->lists));
  gtk_widget_set_size_request (box, 380, -1);
  return box;
}

static GtkWidget *
build_charts (TsRegularsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *mix_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->trend = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_content_height (self->trend, 200);
  gtk_drawing_area_set_draw_func (self->trend, draw_trend, self, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->trend), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->trend), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Headcount per month, by regulars, returning members, "
                                    "first-timers and others"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->trend));

  self->mix_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->mix_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->mix_title), "heading");
  gtk_box_append (GTK_BOX (mix_box), GTK_WIDGET (self->mix_title));
  self->mix = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_content_width (self->mix, 300);
  gtk_drawing_area_set_content_height (self->mix, 170);
  gtk_drawing_area_set_draw_func (self->mix, draw_mix, self, NULL);
  gtk_box_append (GTK_BOX (mix_box), GTK_WIDGET (self->mix));
  gtk_box_append (GTK_BOX (box), mix_box);
  return box;
}

static GtkWidget *
build_content (TsRegularsPage *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *main = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_margin_start (main, 12);
  gtk_widget_set_margin_end (main, 12);
  gtk_widget_set_margin_bottom (main, 12);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_selectable (self->summary_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
  gtk_box_append (GTK_BOX (main), GTK_WIDGET (self->summary_label));
  gtk_box_append (GTK_BOX (main), build_charts (self));

  self->grid = TS_ATTENDANCE_GRID (ts_attendance_grid_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->grid));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  gtk_box_append (GTK_BOX (main), frame);

  gtk_paned_set_start_child (GTK_PANED (paned), main);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), TRUE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), build_lists (self));
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  return paned;
}

static void
ts_regulars_page_dispose (GObject *object)
{
  TsRegularsPage *self = TS_REGULARS_PAGE (object);

  if (self->grid != NULL)
    ts_attendance_grid_set_regulars (self->grid, NULL);
  g_clear_pointer (&self->regulars, ts_regulars_free);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->repository);
  g_clear_object (&self->repository);
  g_clear_object (&self->settings);
  g_clear_object (&self->chapters);
  G_OBJECT_CLASS (ts_regulars_page_parent_class)->dispose (object);
}

static void
ts_regulars_page_finalize (GObject *object)
{
  g_free (TS_REGULARS_PAGE (object)->today);
  G_OBJECT_CLASS (ts_regulars_page_parent_class)->finalize (object);
}

static void
ts_regulars_page_class_init (TsRegularsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_regulars_page_dispose;
  object_class->finalize = ts_regulars_page_finalize;
}

static void
ts_regulars_page_init (TsRegularsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *choose = adw_status_page_new ();

  self->settings = ts_settings_new ();
  gtk_box_append (GTK_BOX (box), build_toolbar (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (choose), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (choose), _("Choose a Chapter"));
  adw_status_page_set_description (ADW_STATUS_PAGE (choose),
    _("See who keeps coming, who is new and who has not come for a while."));
  gtk_stack_add_named (self->stack, choose, "choose");
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (self->stack, build_content (self), "content");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
ts_regulars_page_new (TsRepository *repository)
{
  TsRegularsPage *self;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (TS_TYPE_REGULARS_PAGE, NULL);
  self->repository = g_object_ref (repository);
  self->chapters = ts_repository_list_chapters (repository, NULL);
  gtk_drop_down_set_model (self->chapter_dropdown, self->chapters);
  gtk_drop_down_set_selected (self->chapter_dropdown, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->chapter_dropdown, "notify::selected",
                    G_CALLBACK (on_chapter_selected_cb), self);
  self->changed_id = g_signal_connect (repository, "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
  refresh (self);
  return GTK_WIDGET (self);
}

void
ts_regulars_page_set_chapter (TsRegularsPage *self,
                              gint64          chapter_id)
{
  g_return_if_fail (TS_IS_REGULARS_PAGE (self));

  self->chapter_id = chapter_id;
  select_chapter_in_dropdown (self);
  refresh (self);
}

void
ts_regulars_page_set_today (TsRegularsPage *self,
                            const char     *today)
{
  g_return_if_fail (TS_IS_REGULARS_PAGE (self));

  g_free (self->today);
  self->today = g_strdup (today);
  refresh (self);
}

/* Writes one of the lists ("regulars", "first-timers", "lapsed") as CSV
 * that Excel opens as UTF-8: a BOM and CRLF line ends. A local file,
 * created 0600: it holds names, and for the lapsed, contact details. */
gboolean
ts_regulars_page_save_list (TsRegularsPage  *self,
                            const char      *list,
                            GFile           *file,
                            GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TS_IS_REGULARS_PAGE (self), FALSE);
  if (self->stale)
    on_map_cb (GTK_WIDGET (self), self);
  g_return_val_if_fail (self->regulars != NULL, FALSE);

  for (ListKind kind = 0; kind < N_LISTS; kind++)
    if (g_str_equal (list, list_names[kind]))
      {
        bytes = list_csv (self, kind);
        g_return_val_if_fail (g_file_peek_path (file) != NULL, FALSE);
        return ts_output_file_set_contents (g_file_peek_path (file),
                                            g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), error);
      }
  g_return_val_if_reached (FALSE);
}
