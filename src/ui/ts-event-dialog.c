/* ts-event-dialog.c: create or edit an event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-date.h"
#include "ts-event-dialog.h"
#include "ts-form.h"
#include "ts-record.h"
#include "ts-ui-util.h"
#include "ts-validate.h"

static const char *statuses[] = { "planned", "held", "cancelled", NULL };

/* Everything read_fields() sets. */
static const char * const form_fields[] = {
  "chapter-id", "title", "starts-at", "ends-at", "venue", "address", "notes",
  "fee", "capacity", "status", NULL
};

struct _TsEventDialog
{
  AdwWindow     parent_instance;

  TsRepository *repository;
  TsEvent      *event;        /* as read from the database */
  TsEvent      *shown;        /* the form's values when loaded */
  GPtrArray    *chapters;

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
  g_autoptr(GtkStringList) status_names = gtk_string_list_new (NULL);
  guint n = chapters ? g_list_model_get_n_items (chapters) : 0;

  self->chapters = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      TsChapter *chapter = g_list_model_get_item (chapters, i);

      gtk_string_list_append (names, chapter->name);
      g_ptr_array_add (self->chapters, chapter);
    }
  adw_combo_row_set_model (self->chapter_row, G_LIST_MODEL (names));
  for (guint i = 0; statuses[i]; i++)
    gtk_string_list_append (status_names, ts_event_status_label (statuses[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (status_names));
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
  for (guint i = 0; statuses[i]; i++)
    if (g_strcmp0 (statuses[i], e->status) == 0)
      adw_combo_row_set_selected (self->status_row, i);
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

/* Reads the fields into @into, even when one is refused; then *row is
 * the field at fault. */
static gboolean
read_fields (TsEventDialog  *self,
             TsEvent        *into,
             GtkWidget     **row,
             GError        **error)
{
  guint chapter = adw_combo_row_get_selected (self->chapter_row);
  g_autofree char *title = ts_form_get_text (self->title_row);
  g_autofree char *date = ts_form_get_text (self->date_row);
  g_autofree char *start = ts_form_get_text (self->start_row);
  g_autofree char *end = ts_form_get_text (self->end_row);
  g_autofree char *venue = ts_form_get_text (self->venue_row);
  g_autofree char *address = ts_form_get_text (self->address_row);
  g_autofree char *notes = ts_form_get_text (self->notes_row);
  g_autofree char *starts_at = g_strdup_printf ("%sT%s", date, start);
  g_autofree char *ends_at = *end ? g_strdup_printf ("%sT%s", date, end) : g_strdup ("");
  gint64 fee = 0, capacity = 0;
  gboolean ok;

  *row = GTK_WIDGET (self->fee_row);
  ok = parse_amount (self->fee_row, _("Please write the fee in yen as a whole number, e.g. 3000."),
                     &fee, error);
  if (ok)
    {
      *row = GTK_WIDGET (self->capacity_row);
      ok = parse_amount (self->capacity_row,
                         _("Please write the capacity as a number of people, or leave it empty for no limit."),
                         &capacity, error);
    }
  if (ok && *title == '\0')
    {
      *row = GTK_WIDGET (self->title_row);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Please enter a title for the event, e.g. the chapter’s name and the month."));
      ok = FALSE;
    }
  if (ok)
    *row = NULL;
  g_object_set (into,
                "chapter-id", chapter < self->chapters->len
                              ? ((TsChapter *) g_ptr_array_index (self->chapters, chapter))->id : 0,
                "title", title, "starts-at", starts_at, "ends-at", ends_at,
                "venue", venue, "address", address, "notes", notes,
                "fee", fee, "capacity", capacity,
                "status", statuses[MIN (adw_combo_row_get_selected (self->status_row), 2)],
                NULL);
  return ok;
}

static GtkWidget *
row_for_error (TsEventDialog *self,
               TsEvent       *event,
               const GError  *error)
{
  g_autofree char *date = NULL;
  g_autoptr(GDate) day = NULL;

  if (error->domain != TS_VALIDATE_ERROR)
    return NULL;
  switch (error->code)
    {
    case TS_VALIDATE_ERROR_CHAPTER:
      return GTK_WIDGET (self->chapter_row);
    case TS_VALIDATE_ERROR_DATE:
      /* Point at the date when the day does not exist, else at the time. */
      date = ts_form_get_text (self->date_row);
      day = g_date_new ();
      g_date_set_parse (day, date);
      return GTK_WIDGET (ts_date_is_valid (event->starts_at) || !g_date_valid (day)
                         ? self->date_row : self->start_row);
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

/* A new event usually meets where the chapter always meets. */
static void
on_chapter_selected_cb (TsEventDialog *self)
{
  guint i = adw_combo_row_get_selected (self->chapter_row);
  g_autofree char *venue = ts_form_get_text (self->venue_row);

  if (i < self->chapters->len && *venue == '\0' && self->event->id == 0)
    ts_form_set_text (self->venue_row, ((TsChapter *) g_ptr_array_index (self->chapters, i))->venue);
}

static void
ts_event_dialog_dispose (GObject *object)
{
  TsEventDialog *self = TS_EVENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_EVENT_DIALOG);
  g_clear_object (&self->event);
  g_clear_object (&self->shown);
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
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  ts_form_install_keys (widget_class);
}

static void
ts_event_dialog_init (TsEventDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
