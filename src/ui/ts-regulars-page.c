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

#include "ts-accessible.h"
#include "ts-attendance-grid.h"
#include "ts-csv-writer.h"
#include "ts-date.h"
#include "ts-output-path.h"
#include "ts-regulars.h"
#include "ts-regulars-entry.h"
#include "ts-regulars-marks.h"
#include "ts-regulars-page.h"
#include "ts-render-trend.h"
#include "ts-report-dialog.h"
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
  GListModel        *chapters;       /* the repository's live model */
  gboolean           chapters_changing; /* the drop-down moves by itself */
  gulong             changed_id;
  guint              refresh_id;
  gboolean           stale;          /* to recompute when next shown */
  GListStore        *entries[N_LISTS];   /* TsRegularsEntry, what each list shows */
  ListKind           export_kind;    /* what the open file chooser saves */

  GtkDropDown       *chapter_dropdown;
  GtkAdjustment     *min_adjustment;
  GtkAdjustment     *window_adjustment;
  GtkLabel          *help_label;
  GtkWidget         *report_button;
  GtkStack          *stack;
  AdwStatusPage     *empty_page;
  GtkLabel          *summary_label;
  GtkDrawingArea    *trend;
  GtkDrawingArea    *mix;
  GtkLabel          *mix_title;
  TsAttendanceGrid  *grid;
  GtkListView       *list_views[N_LISTS];
  GtkWidget         *nobody_labels[N_LISTS];
  GtkStackPage      *list_pages[N_LISTS];
};

G_DEFINE_FINAL_TYPE (TsRegularsPage, ts_regulars_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  /* The spin buttons are bound to the settings: those are K and N. */
  ts_ui_regulars_options_from_settings (self->settings, &options);
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

/* The row's own entry: the list item is rebound as the list scrolls. */
static void
on_copy_clicked_cb (GtkButton   *button,
                    GtkListItem *item)
{
  TsRegularsEntry *entry = gtk_list_item_get_item (item);

  if (entry == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)),
                          ts_regulars_entry_get_contact (entry));
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

static TsRegularsEntry *
member_entry (const TsRegulars       *regulars,
              const TsRegularsMember *member,
              ListKind                kind)
{
  g_autofree char *subtitle = member_subtitle (regulars, member, kind);
  g_autofree char *contact = NULL;

  /* Contacts are for following up the lapsed. */
  if (kind == LIST_LAPSED && (member->email[0] != '\0' || member->phone[0] != '\0'))
    contact = member_contact (member);
  return ts_regulars_entry_new (member->id, member->name, subtitle, contact);
}

/* A row: name and subtitle, the copy button of a contact, and the arrow
 * that says a click opens the person's page. Built once per row widget
 * the list view keeps, a few screens' worth, however long the list. */
static void
on_setup_row_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  g_object_set (grid, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, NULL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_lines (GTK_LABEL (subtitle), 2);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (copy, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy Contact"), -1);
  g_signal_connect_object (copy, "clicked", G_CALLBACK (on_copy_clicked_cb), item, 0);
  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), subtitle, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), copy, 1, 0, 1, 2);
  gtk_grid_attach (GTK_GRID (grid), gtk_image_new_from_icon_name ("go-next-symbolic"),
                   2, 0, 1, 2);
  gtk_list_item_set_child (item, grid);
}

static void
on_bind_row_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  TsRegularsEntry *entry = gtk_list_item_get_item (item);
  GtkGrid *grid = GTK_GRID (gtk_list_item_get_child (item));
  GtkWidget *copy = gtk_grid_get_child_at (grid, 1, 0);
  const char *name = ts_regulars_entry_get_name (entry);
  const char *subtitle = ts_regulars_entry_get_subtitle (entry);
  g_autofree char *spoken = ts_accessible_join (name, subtitle, NULL);

  gtk_label_set_text (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 0)), name);
  gtk_label_set_text (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 1)), subtitle);
  /* A reused row may show "Copied" from the person it showed before. */
  gtk_button_set_icon_name (GTK_BUTTON (copy), "edit-copy-symbolic");
  gtk_widget_set_tooltip_text (copy, _("Copy Contact"));
  gtk_widget_set_visible (copy, *ts_regulars_entry_get_contact (entry) != '\0');
  ts_accessible_list_item (item, spoken);
}

/* A person's row opens their page, as from the Members view. */
static void
on_list_activate_cb (GtkListView    *view,
                     guint           position,
                     TsRegularsPage *self)
{
  g_autoptr(TsRegularsEntry) entry = g_list_model_get_item (G_LIST_MODEL (
                                       gtk_list_view_get_model (view)), position);

  if (entry != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-member", "x",
                                ts_regulars_entry_get_member_id (entry));
}

static gboolean
same_entry (GListModel      *model,
            guint            position,
            TsRegularsEntry *entry)
{
  g_autoptr(TsRegularsEntry) old = g_list_model_get_item (model, position);

  return ts_regulars_entry_get_member_id (old) == ts_regulars_entry_get_member_id (entry) &&
         g_str_equal (ts_regulars_entry_get_name (old), ts_regulars_entry_get_name (entry)) &&
         g_str_equal (ts_regulars_entry_get_subtitle (old),
                      ts_regulars_entry_get_subtitle (entry)) &&
         g_str_equal (ts_regulars_entry_get_contact (old), ts_regulars_entry_get_contact (entry));
}

/* Replaces what differs only: a recompute after any change in the file
 * mostly finds the same people, and their rows (with the focus and the
 * scroll position) stay as they are. */
static void
replace_entries (GListStore *store,
                 GPtrArray  *entries)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n_old = g_list_model_get_n_items (model);
  guint head = 0, tail = 0;

  while (head < n_old && head < entries->len &&
         same_entry (model, head, entries->pdata[head]))
    head++;
  while (tail < n_old - head && tail < entries->len - head &&
         same_entry (model, n_old - 1 - tail, entries->pdata[entries->len - 1 - tail]))
    tail++;
  g_list_store_splice (store, head, n_old - head - tail, entries->pdata + head,
                       entries->len - head - tail);
}

/* Every person of each list is in its model; the list view builds rows
 * for what is on screen only, so even a chapter of thousands needs no
 * "Show All". */
static void
fill_lists (TsRegularsPage *self)
{
  for (ListKind kind = 0; kind < N_LISTS; kind++)
    {
      g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *title = NULL;

      for (guint i = 0; self->regulars != NULL && i < self->regulars->n_members; i++)
        if (in_list (&self->regulars->members[i], kind))
          g_ptr_array_add (entries, member_entry (self->regulars, &self->regulars->members[i],
                                                  kind));
      replace_entries (self->entries[kind], entries);
      gtk_widget_set_visible (self->nobody_labels[kind], entries->len == 0);
      /* Translators: a list's title and its count, in Japanese "%1$s (%2$u 人)". */
      title = g_strdup_printf (_("%1$s (%2$u)"), list_title (kind), entries->len);
      gtk_stack_page_set_title (self->list_pages[kind], title);
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
  ListKind kind = self->export_kind;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (response == GTK_RESPONSE_ACCEPT && self->regulars != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_peek_path (file)) != NULL &&
      ts_output_path_check (ts_database_get_path (ts_repository_get_database (self->repository)),
                            path, &error))
    ts_regulars_page_save_list (self, list_names[kind], file, &error);
  if (error != NULL)
    show_error (self, error->message);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_file (TsRegularsPage *self,
             const char     *title,
             const char     *name,
             ListKind        kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  /* The chooser is modal: one at a time. */
  self->export_kind = kind;
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* regulars.export-list("lapsed"): the Export CSV button under a list. */
static void
export_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  const char *list = g_variant_get_string (parameter, NULL);

  for (ListKind kind = 0; kind < N_LISTS; kind++)
    if (g_str_equal (list, list_names[kind]))
      {
        g_autofree char *name = g_strdup_printf ("%s.csv", list_title (kind));

        choose_file (TS_REGULARS_PAGE (widget), _("Export List"), name, kind);
      }
}

/* The report opens on a preview with its month to choose, not on a
 * save dialog: the organizer sees what is handed out before saving. */
static void
on_report_clicked_cb (TsRegularsPage *self)
{
  TsRegularsOptions options = current_options (self);
  TsReportDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->regulars == NULL)
    return;
  options.until_year = self->regulars->options.until_year;
  options.until_month = self->regulars->options.until_month;
  dialog = ts_report_dialog_new (self->repository, self->chapter_id, &options);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
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

  /* While the model changes, the drop-down moves its selection by itself
   * (to a neighbour when the chapter goes): on_chapters_changed_cb sorts
   * that out. */
  if (self->chapters_changing || id == self->chapter_id)
    return;
  self->chapter_id = id;
  refresh (self);
}

/* From the spin buttons, or from another window: they share the settings. */
static void
on_threshold_changed_cb (GSettings      *settings,
                         const char     *key,
                         TsRegularsPage *self)
{
  refresh (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  TsRegularsPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* The shared chapters model changes in place (here, in another window
 * or by tsudoi-cli): the drop-down follows by itself, with this before
 * and on_chapters_changed_cb after its own handlers. */
static void
on_chapters_changing_cb (GListModel     *chapters,
                         guint           position,
                         guint           removed,
                         guint           added,
                         TsRegularsPage *self)
{
  self->chapters_changing = TRUE;
}

/* The chapter shown stays chosen, even when its row was replaced; when it
 * is gone, the page asks for another rather than show a neighbour. */
static void
on_chapters_changed_cb (GListModel     *chapters,
                        guint           position,
                        guint           removed,
                        guint           added,
                        TsRegularsPage *self)
{
  self->chapters_changing = FALSE;
  select_chapter_in_dropdown (self);
  if (self->chapter_id != 0 && gtk_drop_down_get_selected_item (self->chapter_dropdown) == NULL)
    {
      self->chapter_id = 0;
      refresh (self);
    }
}

/* An import or a check-in session changes thousands of rows in a row:
 * recompute once, when they are done. */
static void
on_repository_changed_cb (TsRepository   *repository,
                          GArray         *ids,
                          TsRegularsPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* ---- Construction ---------------------------------------------------------- */

static void
bind_settings (TsRegularsPage *self)
{
  const char *keys[] = { "changed::regulars-min-present", "changed::regulars-window",
                         "changed::regulars-lapse-after" };

  if (self->settings == NULL)
    self->settings = ts_settings_new ();
  g_settings_bind (self->settings, "regulars-min-present", self->min_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "regulars-window", self->window_adjustment, "value",
                   G_SETTINGS_BIND_DEFAULT);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_signal_connect_object (self->settings, keys[i], G_CALLBACK (on_threshold_changed_cb), self,
                             0);
}

static void
ts_regulars_page_constructed (GObject *object)
{
  TsRegularsPage *self = TS_REGULARS_PAGE (object);

  G_OBJECT_CLASS (ts_regulars_page_parent_class)->constructed (object);
  g_assert (self->repository != NULL);
  bind_settings (self);
  self->chapters = ts_repository_get_chapters_model (self->repository);
  g_signal_connect_object (self->chapters, "items-changed", G_CALLBACK (on_chapters_changing_cb),
                           self, 0);
  gtk_drop_down_set_model (self->chapter_dropdown, self->chapters);
  g_signal_connect_object (self->chapters, "items-changed", G_CALLBACK (on_chapters_changed_cb),
                           self, G_CONNECT_AFTER);
  gtk_drop_down_set_selected (self->chapter_dropdown, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->chapter_dropdown, "notify::selected",
                    G_CALLBACK (on_chapter_selected_cb), self);
  self->changed_id = g_signal_connect (self->repository, "changed",
                                       G_CALLBACK (on_repository_changed_cb), self);
  refresh (self);
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
  for (ListKind kind = 0; kind < N_LISTS; kind++)
    g_clear_object (&self->entries[kind]);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_REGULARS_PAGE);
  G_OBJECT_CLASS (ts_regulars_page_parent_class)->dispose (object);
}

static void
ts_regulars_page_finalize (GObject *object)
{
  g_free (TS_REGULARS_PAGE (object)->today);
  G_OBJECT_CLASS (ts_regulars_page_parent_class)->finalize (object);
}

static void
ts_regulars_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TsRegularsPage *self = TS_REGULARS_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_regulars_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TsRegularsPage *self = TS_REGULARS_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  const char *lists[N_LISTS] = { "regulars", "first_timers", "lapsed" };

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-regulars-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, chapter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, min_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, window_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, help_label);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, report_button);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, trend);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, mix);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, mix_title);
  gtk_widget_class_bind_template_child (widget_class, TsRegularsPage, grid);
  for (ListKind kind = 0; kind < N_LISTS; kind++)
    {
      /* The ids are static strings: the class keeps them. */
      g_autofree char *list = g_strconcat (lists[kind], "_list", NULL);
      g_autofree char *page = g_strconcat (lists[kind], "_page", NULL);
      g_autofree char *nobody = g_strconcat (lists[kind], "_nobody", NULL);

      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (list), FALSE,
                                                 G_STRUCT_OFFSET (TsRegularsPage,
                                                                  list_views[kind]));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (nobody), FALSE,
                                                 G_STRUCT_OFFSET (TsRegularsPage,
                                                                  nobody_labels[kind]));
      gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (page), FALSE,
                                                 G_STRUCT_OFFSET (TsRegularsPage,
                                                                  list_pages[kind]));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_clicked_cb);
}

static void
ts_regulars_page_class_init (TsRegularsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_regulars_page_constructed;
  object_class->dispose = ts_regulars_page_dispose;
  object_class->finalize = ts_regulars_page_finalize;
  object_class->get_property = ts_regulars_page_get_property;
  object_class->set_property = ts_regulars_page_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The app's; without one (a test showing the page alone), a new one. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TS_TYPE_ATTENDANCE_GRID);
  g_type_ensure (TS_TYPE_CHAPTER);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "regulars.export-list", "s", export_list_action);
}

static void
ts_regulars_page_init (TsRegularsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ts_accessible_name_popup_buttons (GTK_WIDGET (self));
  ts_accessible_label_toggle (GTK_WIDGET (self->chapter_dropdown), _("Chapter"));
  gtk_drawing_area_set_draw_func (self->trend, draw_trend, self, NULL);
  gtk_drawing_area_set_draw_func (self->mix, draw_mix, self, NULL);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), self);
  for (ListKind kind = 0; kind < N_LISTS; kind++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkNoSelection) selection = NULL;

      self->entries[kind] = g_list_store_new (TS_TYPE_REGULARS_ENTRY);
      selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->entries[kind])));
      g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row_cb), NULL);
      gtk_list_view_set_factory (self->list_views[kind], factory);
      gtk_list_view_set_model (self->list_views[kind], GTK_SELECTION_MODEL (selection));
    }
}

GtkWidget *
ts_regulars_page_new (TsRepository *repository)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  return g_object_new (TS_TYPE_REGULARS_PAGE, "repository", repository, NULL);
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
