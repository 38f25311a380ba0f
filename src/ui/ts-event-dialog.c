/* ts-event-dialog.c: create or edit an event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-date.h"
#include "ts-date-parse.h"
#include "ts-event-dialog.h"
#include "ts-form.h"
#include "ts-record.h"
#include "ts-schedule.h"
#include "ts-ui-util.h"
#include "ts-validate.h"

/* Everything read_fields() sets. */
static const char * const form_fields[] = {
  "chapter-id", "title", "starts-at", "ends-at", "venue", "address", "notes",
  "fee", "capacity", "status", "receipt-note", NULL
};

struct _TsEventDialog
{
  AdwWindow     parent_instance;

  TsRepository *repository;
  TsEvent      *event;        /* as read from the database */
  TsEvent      *shown;        /* the form's values when loaded */
  TsEvent      *suggested;    /* a new event's values from its chapter */
  GPtrArray    *chapters;
  gboolean      picking_day;  /* the calendar is being set from the field */

  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  AdwComboRow  *chapter_row;
  AdwEntryRow  *title_row;
  AdwComboRow  *status_row;
  AdwEntryRow  *date_row;
  AdwEntryRow  *start_row;
  AdwEntryRow  *end_row;
  AdwEntryRow  *venue_row;
  AdwEntryRow  *address_row;
  AdwEntryRow  *fee_row;
  AdwEntryRow  *capacity_row;
  AdwEntryRow  *notes_row;
  AdwEntryRow  *receipt_note_row;
  AdwPreferencesGroup *when_group;
  GtkMenuButton *calendar_button;
  GtkCalendar  *calendar;
};

G_DEFINE_FINAL_TYPE (TsEventDialog, ts_event_dialog, ADW_TYPE_WINDOW)

/* Construct-only: g_object_new (or GtkBuilder) makes a ready dialog. */
enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill_choices (TsEventDialog *self)
{
  g_autoptr(GListModel) chapters = ts_repository_list_chapters (self->repository, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = chapters ? g_list_model_get_n_items (chapters) : 0;

  self->chapters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      TsChapter *chapter = g_list_model_get_item (chapters, i);

      gtk_string_list_append (names, chapter->name);
      g_ptr_array_add (self->chapters, chapter);
    }
  adw_combo_row_set_model (self->chapter_row, G_LIST_MODEL (names));
  ts_ui_enum_combo_row_setup (self->status_row, TS_TYPE_EVENT_STATUS);
}

static void
split_stored (const char *stored,
              char      **date,
              char      **time)
{
  const char *t = stored ? strchr (stored, 'T') : NULL;

  *date = t ? g_strndup (stored, t - stored) : g_strdup (stored ? stored : "");
  *time = t ? g_strdup (t + 1) : g_strdup ("");
}

static gboolean read_fields (TsEventDialog *self, TsEvent *into, GtkWidget **row,
                             GError **error);

/* Fills the form and remembers what it showed, so that a save writes
 * only what the person changed (a start time the form fills in for a
 * date without one is no change). */
static void
load_event (TsEventDialog *self)
{
  TsEvent *e = self->event;
  g_autofree char *date = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end_date = NULL;
  g_autofree char *end = NULL;
  g_autofree char *fee = e->fee ? g_strdup_printf ("%" G_GINT64_FORMAT, e->fee) : g_strdup ("");
  g_autofree char *capacity = e->capacity ? g_strdup_printf ("%" G_GINT64_FORMAT, e->capacity)
                                          : g_strdup ("");
  GtkWidget *ignored = NULL;

  split_stored (e->starts_at, &date, &start);
  split_stored (e->ends_at, &end_date, &end);
  ts_form_set_text (self->title_row, e->title);
  ts_form_set_text (self->date_row, date);
  ts_form_set_text (self->start_row, *start ? start : "19:00");
  ts_form_set_text (self->end_row, end);
  ts_form_set_text (self->venue_row, e->venue);
  ts_form_set_text (self->address_row, e->address);
  ts_form_set_text (self->fee_row, fee);
  ts_form_set_text (self->capacity_row, capacity);
  ts_form_set_text (self->notes_row, e->notes);
  ts_form_set_text (self->receipt_note_row, e->receipt_note);
  ts_ui_enum_combo_row_select (self->status_row, e->status);
  for (guint i = 0; i < self->chapters->len; i++)
    if (((TsChapter *) g_ptr_array_index (self->chapters, i))->id == e->chapter_id)
      adw_combo_row_set_selected (self->chapter_row, i);
  g_clear_object (&self->shown);
  self->shown = ts_record_dup (self->event);
  read_fields (self, self->shown, &ignored, NULL);
}

static gboolean
parse_amount (AdwEntryRow  *row,
              const char   *message,
              gint64       *value,
              GError      **error)
{
  g_autofree char *text = ts_form_get_text (row);
  guint64 number = 0;

  if (*text == '\0')
    {
      *value = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT32, &number, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
      return FALSE;
    }
  *value = (gint64) number;
  return TRUE;
}

/* The start and end as stored, from the three fields as typed; on a
 * refusal, *row is the field at fault and the values are "". */
static gboolean
read_when (TsEventDialog  *self,
           char          **starts_at,
           char          **ends_at,
           GtkWidget     **row,
           GError        **error)
{
  g_autofree char *date = ts_form_get_text (self->date_row);
  g_autofree char *start = ts_form_get_text (self->start_row);
  g_autofree char *end = ts_form_get_text (self->end_row);
  g_autoptr(GError) local = NULL;

  *starts_at = ts_date_parse_input (date, start, NULL, &local);
  if (*starts_at != NULL)
    *ends_at = ts_date_parse_end (end, *starts_at, NULL, &local);
  if (local == NULL)
    return TRUE;
  if (*starts_at == NULL)
    *row = GTK_WIDGET (local->code == TS_DATE_PARSE_ERROR_DAY ? self->date_row
                                                              : self->start_row);
  else
    *row = GTK_WIDGET (self->end_row);
  g_free (*starts_at);
  *starts_at = g_strdup ("");
  *ends_at = g_strdup ("");
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Reads the fields into @into, even when one is refused; then *row is
 * the field at fault, checked in the order the form shows them. */
static gboolean
read_fields (TsEventDialog  *self,
             TsEvent        *into,
             GtkWidget     **row,
             GError        **error)
{
  guint chapter = adw_combo_row_get_selected (self->chapter_row);
  g_autofree char *title = ts_form_get_text (self->title_row);
  g_autofree char *venue = ts_form_get_text (self->venue_row);
  g_autofree char *address = ts_form_get_text (self->address_row);
  g_autofree char *notes = ts_form_get_text (self->notes_row);
  g_autofree char *receipt_note = ts_form_get_text (self->receipt_note_row);
  g_autofree char *starts_at = NULL;
  g_autofree char *ends_at = NULL;
  g_autoptr(GError) when_error = NULL;
  GtkWidget *when_row = NULL;
  gint64 fee = 0, capacity = 0;
  gboolean ok = TRUE;

  *row = NULL;
  if (*title == '\0')
    {
      *row = GTK_WIDGET (self->title_row);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Please enter a title for the event, e.g. the chapter’s name and the month."));
      ok = FALSE;
    }
  if (!read_when (self, &starts_at, &ends_at, &when_row, &when_error) && ok)
    {
      *row = when_row;
      g_propagate_error (error, g_steal_pointer (&when_error));
      ok = FALSE;
    }
  if (ok)
    {
      *row = GTK_WIDGET (self->fee_row);
      ok = parse_amount (self->fee_row, _("Please write the fee in yen as a whole number, e.g. 3000."),
                         &fee, error);
    }
  if (ok)
    {
      *row = GTK_WIDGET (self->capacity_row);
      ok = parse_amount (self->capacity_row,
                         _("Please write the capacity as a number of people, or leave it empty for no limit."),
                         &capacity, error);
    }
  if (ok)
    *row = NULL;
  g_object_set (into,
                "chapter-id", chapter < self->chapters->len
                              ? ((TsChapter *) g_ptr_array_index (self->chapters, chapter))->id : 0,
                "title", title, "starts-at", starts_at, "ends-at", ends_at,
                "venue", venue, "address", address, "notes", notes,
                "receipt-note", receipt_note, "fee", fee, "capacity", capacity,
                "status", MAX (ts_ui_enum_selected (adw_combo_row_get_selected_item (self->status_row)),
                               TS_EVENT_STATUS_PLANNED),
                NULL);
  return ok;
}

static GtkWidget *
row_for_error (TsEventDialog *self,
               TsEvent       *event,
               const GError  *error)
{
  if (error->domain != TS_VALIDATE_ERROR)
    return NULL;
  switch (error->code)
    {
    case TS_VALIDATE_ERROR_CHAPTER:
      return GTK_WIDGET (self->chapter_row);
    case TS_VALIDATE_ERROR_DATE:
      return GTK_WIDGET (self->date_row);
    case TS_VALIDATE_ERROR_END:
      return GTK_WIDGET (self->end_row);
    case TS_VALIDATE_ERROR_STATUS:
      return GTK_WIDGET (self->status_row);
    default:
      return NULL;
    }
}

/* The event as read, with the fields the person changed in the form;
 * NULL when a field is refused. */
static TsEvent *
read_edits (TsEventDialog  *self,
            GtkWidget     **row,
            GError        **error)
{
  g_autoptr(TsEvent) form = ts_record_dup (self->event);
  g_autoptr(TsEvent) edited = ts_record_dup (self->event);
  g_auto(GStrv) changed = NULL;

  if (!read_fields (self, form, row, error))
    return NULL;
  changed = ts_record_diff (self->shown, form, form_fields);
  ts_record_copy (form, edited, (const char * const *) changed);
  return g_steal_pointer (&edited);
}

static void
on_reload_cb (TsEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsEvent) event = ts_repository_get_event (self->repository, self->event->id, &error);

  if (event == NULL)
    {
      ts_form_show_error (self->error_revealer, self->error_label, NULL, error->message);
      return;
    }
  g_set_object (&self->event, event);
  load_event (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsEventDialog *self = TS_EVENT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsEvent) edited = NULL;
  GtkWidget *row = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  ts_form_clear_error (self->error_revealer, widget);
  edited = read_edits (self, &row, &error);
  if (edited == NULL)
    {
      ts_form_show_error (self->error_revealer, self->error_label, row, error->message);
      return;
    }
  if (!ts_validate_event (edited, &error) ||
      !(self->event->id == 0
        ? ts_repository_save_event (self->repository, edited, &error)
        : ts_repository_update_event (self->repository, self->event, edited, &error)))
    {
      if (g_error_matches (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_CHANGED))
        ts_form_offer_reload (GTK_WINDOW (self), error->message, G_CALLBACK (on_reload_cb));
      else
        ts_form_show_error (self->error_revealer, self->error_label,
                            row_for_error (self, edited, error), error->message);
      return;
    }
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-event", "x", edited->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated_cb (TsEventDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

/* Sets @row to @value unless the person typed something of their own
 * there: what it shows is empty, or what the last suggestion put. */
static void
suggest_text (AdwEntryRow *row,
              const char  *previous,
              const char  *value)
{
  g_autofree char *text = ts_form_get_text (row);

  if (*text == '\0' || g_strcmp0 (text, previous) == 0)
    ts_form_set_text (row, value);
}

static char *
amount_text (gint64 amount)
{
  return amount > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, amount) : g_strdup ("");
}

/* Fills the rows that @event has values for, over the ones @before put. */
static void
suggest_event (TsEventDialog *self,
               TsEvent       *before,
               TsEvent       *event)
{
  AdwEntryRow *rows[] = { self->title_row, self->date_row, self->start_row, self->end_row,
                          self->venue_row, self->address_row, self->fee_row };
  char *old[G_N_ELEMENTS (rows)] = { NULL }, *new[G_N_ELEMENTS (rows)] = { NULL };
  TsEvent *events[] = { before, event };
  char **values[] = { old, new };

  for (guint e = 0; e < G_N_ELEMENTS (events); e++)
    {
      char **v = values[e];
      g_autofree char *end_date = NULL;

      if (events[e] == NULL)
        continue;
      v[0] = g_strdup (events[e]->title);
      split_stored (events[e]->starts_at, &v[1], &v[2]);
      if (*v[2] == '\0')
        {
          g_free (v[2]);
          v[2] = g_strdup ("19:00");
        }
      split_stored (events[e]->ends_at, &end_date, &v[3]);
      v[4] = g_strdup (events[e]->venue);
      v[5] = g_strdup (events[e]->address);
      v[6] = amount_text (events[e]->fee);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      /* The start time the form fills in (19:00) counts as untouched. */
      if (i == 2 && before == NULL)
        ts_form_set_text (rows[i], new[i]);
      else
        suggest_text (rows[i], old[i], new[i]);
      g_free (old[i]);
      g_free (new[i]);
    }
}

/* A new event starts as its chapter's next usual one (ts-schedule.c):
 * the next usual day, 第N回 after the last, the last venue and fee.
 * Choosing another chapter suggests again, over what was suggested but
 * never over what the person typed. */
static void
on_chapter_selected_cb (TsEventDialog *self)
{
  guint i = adw_combo_row_get_selected (self->chapter_row);
  TsChapter *chapter;
  g_autoptr(TsEvent) next = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  if (i >= self->chapters->len || self->event->id != 0)
    return;
  chapter = g_ptr_array_index (self->chapters, i);
  next = ts_schedule_suggest_for_chapter (self->repository, chapter->id, now, &error);
  if (next == NULL)
    {
      g_warning ("Cannot read the chapter’s events: %s", error->message);
      return;
    }
  suggest_event (self, self->suggested, next);
  g_set_object (&self->suggested, next);
}

/* ---- The calendar beside the date ----------------------------------------- */

/* Opens on the day in the field, or today. */
static void
on_calendar_show_cb (TsEventDialog *self)
{
  g_autofree char *text = ts_form_get_text (self->date_row);
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (ts_date_parse_day (text, NULL, &date, NULL))
    day = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 0, 0, 0);
  else
    day = g_date_time_new_now_local ();
  self->picking_day = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->picking_day = FALSE;
}

static void
on_calendar_day_selected_cb (TsEventDialog *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (self->picking_day)
    return;
  day = gtk_calendar_get_date (self->calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  ts_form_set_text (self->date_row, text);
  gtk_menu_button_popdown (self->calendar_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->start_row));
}

/* The examples show this year's dates, so that they can be copied. */
static void
describe_when (TsEventDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: how to type dates and times; an example from today.
   * Japanese may add %2$d月%3$d日 and 19時. */
  g_autofree char *text = g_strdup_printf (_("The date as %1$d/%2$d/%3$d, times as 19:00."),
                                           g_date_time_get_year (now),
                                           g_date_time_get_month (now),
                                           g_date_time_get_day_of_month (now));

  adw_preferences_group_set_description (self->when_group, text);
}

static void
ts_event_dialog_dispose (GObject *object)
{
  TsEventDialog *self = TS_EVENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_EVENT_DIALOG);
  g_clear_object (&self->event);
  g_clear_object (&self->shown);
  g_clear_object (&self->suggested);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->chapters, g_ptr_array_unref);
  G_OBJECT_CLASS (ts_event_dialog_parent_class)->dispose (object);
}

static void
ts_event_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TsEventDialog *self = TS_EVENT_DIALOG (object);

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
ts_event_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TsEventDialog *self = TS_EVENT_DIALOG (object);

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
ts_event_dialog_class_init (TsEventDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_event_dialog_dispose;
  G_OBJECT_CLASS (klass)->get_property = ts_event_dialog_get_property;
  G_OBJECT_CLASS (klass)->set_property = ts_event_dialog_set_property;
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-event-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, chapter_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, venue_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, fee_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, receipt_note_row);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, when_group);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, TsEventDialog, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  ts_form_install_keys (widget_class);
}

static void
ts_event_dialog_init (TsEventDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  describe_when (self);
}

GtkWidget *
ts_event_dialog_new (GtkWindow    *parent,
                     TsRepository *repository,
                     TsEvent      *event)
{
  TsEventDialog *self = g_object_new (TS_TYPE_EVENT_DIALOG,
                                      "transient-for", parent,
                                      "title", event->id ? _("Edit Event") : _("New Event"),
                                      "repository", repository,
                                      NULL);

  /* The page's copy may be a moment old: edit the row as it is now. */
  if (event->id != 0)
    self->event = ts_repository_get_event (repository, event->id, NULL);
  if (self->event == NULL)
    self->event = ts_record_dup (event);
  fill_choices (self);
  load_event (self);
  g_signal_connect_swapped (self->chapter_row, "notify::selected",
                            G_CALLBACK (on_chapter_selected_cb), self);
  on_chapter_selected_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}
