/* ts-print-dialog.c: options, preview, PDF export and printing for one event.
 *
 * The preview, the PDF and the printer all draw through ts_render_page():
 * what the organizer sees is what comes out. The options are a
 * TsPrintSettings, bound to the app's settings and to the rows of the
 * template; the job is loaded from the database on the main thread
 * whenever an option changes (it is only data). Writing a big PDF runs
 * through ts_render_write_pdf_async() with its progress bound to the bar,
 * so the window never freezes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ts-output-path.h"
#include "ts-print-dialog.h"
#include "ts-print-operation.h"
#include "ts-print-settings.h"
#include "ts-receipt-dialog.h"
#include "ts-regulars-marks.h"
#include "ts-render.h"
#include "ts-render-async.h"
#include "ts-render-text.h"
#include "ts-settings.h"

#define TS_TYPE_PRINT_DIALOG (ts_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsPrintDialog, ts_print_dialog, TS, PRINT_DIALOG, AdwWindow)

struct _TsPrintDialog
{
  AdwWindow            parent_instance;

  TsRepository        *repository;
  gint64               event_id;
  TsPrintSettings     *options;
  TsRegularsOptions    regulars;      /* K and N for the 常連 mark */
  TsPrintJob          *job;           /* NULL when there is nothing to print */
  GCancellable        *export_cancellable; /* the running export; NULL when none */
  gboolean             closed;        /* disposed: the widgets are gone */
  TsProgress          *export_progress;
  char                *export_path;

  AdwToastOverlay     *toasts;
  AdwPreferencesPage  *options_page;
  AdwPreferencesGroup *general_group;
  AdwPreferencesGroup *columns_group;
  AdwPreferencesGroup *include_group;
  AdwPreferencesGroup *sheet_group;
  GtkStack            *preview_stack;
  GtkWidget           *preview;
  AdwStatusPage       *empty_page;
  GtkLabel            *pages_label;
  GtkProgressBar      *progress_bar;
  GtkWidget           *progress_box;
  GtkWidget           *cancel_button;
  GtkWidget           *export_button;
  GtkWidget           *print_button;

  AdwComboRow         *sort_row;
  GtkSwitch           *copy_switch;
  GtkWidget           *compact_row;
  GtkSwitch           *compact_switch;
  GtkWidget           *wareki_row;
  GtkSwitch           *wareki_switch;
  GtkSwitch           *reading_switch;
  GtkSwitch           *organization_switch;
  GtkSwitch           *profession_switch;
  GtkSwitch           *referrer_switch;
  GtkWidget           *first_time_row;
  GtkSwitch           *first_time_switch;
  GtkSwitch           *marks_switch;
  GtkSwitch           *introduction_switch;
  GtkWidget           *size_row;
  GtkAdjustment       *slot_adjustment;
  GtkAdjustment       *offset_x_adjustment;
  GtkAdjustment       *offset_y_adjustment;
  GtkSwitch           *cut_marks_switch;
};

G_DEFINE_FINAL_TYPE (TsPrintDialog, ts_print_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_EVENT_ID,
  PROP_OPTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the job and the preview ------------------------------------------- */

static void
current_options (TsPrintDialog  *self,
                 TsPrintOptions *options)
{
  ts_print_settings_get_options (self->options, options);
  options->regulars_min_present = self->regulars.min_present;
  options->regulars_window = self->regulars.window;
}

static TsPrintJob *
load_job (TsPrintDialog  *self,
          GError        **error)
{
  TsPrintOptions options;

  current_options (self, &options);
  /* The plan stored with the event, as the event page shows it. */
  if (ts_print_kind_is_seating (options.kind))
    return ts_print_job_load_seating (self->repository, self->event_id, &options, NULL, error);
  return ts_print_job_load (self->repository, self->event_id, &options, error);
}

static void
reload (TsPrintDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ready;
  guint n;

  g_clear_pointer (&self->job, ts_print_job_free);
  self->job = load_job (self, &error);
  ready = self->job != NULL;
  gtk_widget_set_sensitive (self->export_button, ready && self->export_cancellable == NULL);
  gtk_widget_set_sensitive (self->print_button, ready);
  if (!ready)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      gtk_label_set_text (self->pages_label, "");
      return;
    }
  n = ts_render_n_pages (self->job);
  /* Translators: under the preview of the first page. */
  text = g_strdup_printf (ngettext ("%u page in all", "%u pages in all", n), n);
  gtk_label_set_text (self->pages_label, text);
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  gtk_widget_queue_draw (self->preview);
}

/* Every option, whichever row changed it. */
static void
on_options_notify_cb (TsPrintDialog *self)
{
  reload (self);
}

/* A4 scaled into the area, on a white sheet with a thin edge. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  TsPrintDialog *self = user_data;
  double margin = 12;
  double scale = MIN ((width - 2 * margin) / TS_A4_WIDTH, (height - 2 * margin) / TS_A4_HEIGHT);

  if (self->job == NULL || scale <= 0)
    return;
  cairo_translate (cr, (width - TS_A4_WIDTH * scale) / 2, (height - TS_A4_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, TS_A4_WIDTH, TS_A4_HEIGHT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1 / scale);
  cairo_stroke (cr);
  ts_render_page (cr, self->job, 0);
}

/* ---- binding the rows ---------------------------------------------------- */

static gboolean
flag_to_active (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      flag)
{
  g_value_set_boolean (to, (g_value_get_uint (from) & GPOINTER_TO_UINT (flag)) != 0);
  return TRUE;
}

static gboolean
active_to_flag (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      flag)
{
  g_autoptr(GObject) source = g_binding_dup_source (binding);
  guint flags = 0;

  if (source == NULL)
    return FALSE;
  g_object_get (source, g_binding_get_source_property (binding), &flags, NULL);
  if (g_value_get_boolean (from))
    flags |= GPOINTER_TO_UINT (flag);
  else
    flags &= ~GPOINTER_TO_UINT (flag);
  g_value_set_uint (to, flags);
  return TRUE;
}

/* One bit of a set of flags ("columns", "statuses") ↔ a switch. */
static void
bind_flag (TsPrintDialog *self,
           const char    *property,
           guint          flag,
           GtkSwitch     *toggle)
{
  g_object_bind_property_full (self->options, property, toggle, "active",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               flag_to_active, active_to_flag, GUINT_TO_POINTER (flag), NULL);
}

static void
bind (TsPrintDialog *self,
      const char    *property,
      gpointer       target,
      const char    *target_property)
{
  g_object_bind_property (self->options, property, target, target_property,
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

/* The marks column says 初参加 too and replaces the first-time column
 * while it is on; the switch shows that instead of doing nothing. */
static gboolean
marks_off (GBinding     *binding,
           const GValue *from,
           GValue       *to,
           gpointer      user_data)
{
  g_value_set_boolean (to, (g_value_get_uint (from) & TS_ROSTER_MARKS) == 0);
  return TRUE;
}

static void
bind_columns (TsPrintDialog *self)
{
  const struct { GtkSwitch *toggle; TsRosterColumns column; } columns[] = {
    { self->reading_switch, TS_ROSTER_READING },
    { self->organization_switch, TS_ROSTER_ORGANIZATION },
    { self->profession_switch, TS_ROSTER_PROFESSION },
    { self->referrer_switch, TS_ROSTER_REFERRER },
    { self->first_time_switch, TS_ROSTER_FIRST_TIME },
    { self->marks_switch, TS_ROSTER_MARKS },
    { self->introduction_switch, TS_ROSTER_INTRODUCTION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    bind_flag (self, "columns", columns[i].column, columns[i].toggle);
  g_object_bind_property_full (self->options, "columns", self->first_time_row, "sensitive",
                               G_BINDING_SYNC_CREATE, marks_off, NULL, NULL, NULL);
}

/* A row per attendance status, in the order of TsPrintStatuses. */
static void
add_status_rows (TsPrintDialog *self)
{
  for (TsAttendanceStatus status = 0; status < TS_ATTENDANCE_STATUS_N; status++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     ts_attendance_status_to_label (status));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->include_group, row);
      bind_flag (self, "statuses", TS_ATTENDANCE_STATUS_FLAG (status), GTK_SWITCH (toggle));
    }
}

/* The table plan and cards go table by table, with the sizes of A4: no
 * order, column or sheet to choose. The plan has a date and, as an
 * organizer copy, the reading and profession of people who did not
 * consent; a table card has only names, the same in every copy. */
static void
remove_seating_rows (TsPrintDialog *self,
                     TsPrintKind    kind)
{
  adw_preferences_group_remove (self->general_group, GTK_WIDGET (self->sort_row));
  adw_preferences_group_remove (self->general_group, self->compact_row);
  adw_preferences_page_remove (self->options_page, self->columns_group);
  adw_preferences_page_remove (self->options_page, self->include_group);
  adw_preferences_page_remove (self->options_page, self->sheet_group);
  self->compact_row = self->first_time_row = self->size_row = NULL;
  self->columns_group = self->include_group = self->sheet_group = NULL;
  if (kind == TS_PRINT_TABLE_PLAN)
    {
      adw_preferences_group_set_description (self->general_group,
        _("Table by table, as planned on the event page; people not seated yet in a box of their own. People who did not consent appear with their name only, except in the organizer copy."));
      return;
    }
  adw_preferences_group_remove (self->general_group,
                                gtk_widget_get_ancestor (GTK_WIDGET (self->copy_switch),
                                                         ADW_TYPE_ACTION_ROW));
  adw_preferences_group_remove (self->general_group, self->wareki_row);
  self->wareki_row = NULL;
  adw_preferences_group_set_description (self->general_group,
    _("One A4 sheet a table, folded in half into a tent: the table’s number and the names seated there, as planned on the event page. Names only, so there is no organizer copy."));
}

/* Only what this kind of printout has: a row that is not there cannot
 * look as if it did something. */
static void
remove_rows (TsPrintDialog *self,
             TsPrintKind    kind)
{
  gboolean list = kind == TS_PRINT_ROSTER || kind == TS_PRINT_ADDENDUM;

  if (ts_print_kind_is_seating (kind))
    {
      remove_seating_rows (self, kind);
      return;
    }
  if (kind == TS_PRINT_INTRO_SHEET)
    {
      adw_preferences_group_remove (self->general_group, GTK_WIDGET (self->sort_row));
      adw_preferences_group_remove (self->general_group,
                                    gtk_widget_get_ancestor (GTK_WIDGET (self->copy_switch),
                                                             ADW_TYPE_ACTION_ROW));
      adw_preferences_group_remove (self->general_group, self->compact_row);
      adw_preferences_page_remove (self->options_page, self->columns_group);
      adw_preferences_page_remove (self->options_page, self->include_group);
      adw_preferences_page_remove (self->options_page, self->sheet_group);
      self->compact_row = self->first_time_row = self->size_row = NULL;
      self->columns_group = self->include_group = self->sheet_group = NULL;
      /* What the rows would have said, for a sheet with no choice. */
      adw_preferences_group_set_description (self->general_group,
        _("Table by table, or in order of arrival when nobody is seated yet. It is read aloud: people who did not consent appear with their name only."));
      return;
    }
  if (!list)
    {
      adw_preferences_group_remove (self->general_group, self->wareki_row);
      adw_preferences_group_remove (self->general_group, self->compact_row);
      self->compact_row = NULL;
      adw_preferences_page_remove (self->options_page, self->columns_group);
      adw_preferences_page_remove (self->options_page, self->include_group);
      self->wareki_row = self->first_time_row = NULL;
      self->columns_group = self->include_group = NULL;
      if (kind != TS_PRINT_BADGES)
        {
          adw_preferences_group_remove (self->sheet_group, self->size_row);
          self->size_row = NULL;
        }
      return;
    }
  adw_preferences_page_remove (self->options_page, self->sheet_group);
  self->sheet_group = NULL;
  self->size_row = NULL;
  if (kind != TS_PRINT_ROSTER)
    {
      adw_preferences_page_remove (self->options_page, self->include_group);
      self->include_group = NULL;
    }
}

static void
bind_rows (TsPrintDialog *self)
{
  TsPrintKind kind = ts_print_settings_get_kind (self->options);

  remove_rows (self, kind);
  if (kind == TS_PRINT_TABLE_CARDS)
    return;
  if (kind == TS_PRINT_TABLE_PLAN)
    {
      bind (self, "organizer-copy", self->copy_switch, "active");
      bind (self, "wareki", self->wareki_switch, "active");
      return;
    }
  if (kind == TS_PRINT_INTRO_SHEET)
    {
      bind (self, "wareki", self->wareki_switch, "active");
      return;
    }
  bind (self, "sort", self->sort_row, "selected");
  bind (self, "organizer-copy", self->copy_switch, "active");
  if (kind == TS_PRINT_ROSTER || kind == TS_PRINT_ADDENDUM)
    {
      bind (self, "wareki", self->wareki_switch, "active");
      bind (self, "compact", self->compact_switch, "active");
      bind_columns (self);
      if (kind == TS_PRINT_ROSTER)
        add_status_rows (self);
      return;
    }
  if (kind == TS_PRINT_BADGES)
    bind (self, "badge-size", self->size_row, "selected");
  /* The range first: slots run from 1 to the number on the sheet. */
  g_object_bind_property (self->options, "n-slots", self->slot_adjustment, "upper",
                          G_BINDING_SYNC_CREATE);
  bind (self, "start-slot", self->slot_adjustment, "value");
  bind (self, "offset-x", self->offset_x_adjustment, "value");
  bind (self, "offset-y", self->offset_y_adjustment, "value");
  bind (self, "cut-marks", self->cut_marks_switch, "active");
}

/* ---- export -------------------------------------------------------------- */

static void
end_export (TsPrintDialog *self)
{
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export_progress);
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_widget_set_sensitive (self->export_button, self->job != NULL);
}

/* @user_data: a weak reference to the dialog, which the export must not
 * keep alive: closing the window cancels the export (dispose). */
static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(TsPrintDialog) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_weak_ref_clear (weak);
  g_free (weak);
  ts_render_write_pdf_finish (result, &error);
  /* Closed while writing: the export was cancelled, nothing is left to
   * show it on. */
  if (self == NULL || self->closed)
    return;
  end_export (self);
  if (error != NULL)
    {
      /* Cancel pressed: the old file (if any) is as it was. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Export cancelled")));
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  uri = g_filename_to_uri (self->export_path, NULL, NULL);
  toast = adw_toast_new (_("PDF saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_detailed_action_name (toast, "print.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
start_export (TsPrintDialog *self,
              const char    *path)
{
  g_autoptr(GError) error = NULL;
  /* The worker gets its own copy of the data: options may change while
   * it writes. */
  TsPrintJob *job = NULL;
  GWeakRef *weak;

  if (self->export_cancellable != NULL)
    return;  /* one export at a time */
  if (!ts_output_path_check (ts_database_get_path (ts_repository_get_database (self->repository)),
                             path, &error) ||
      (job = load_job (self, &error)) == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  g_free (self->export_path);
  self->export_path = g_strdup (path);
  /* Its own cancellable, for the Cancel button; closing the window
   * cancels it too (dispose). */
  self->export_cancellable = g_cancellable_new ();
  self->export_progress = ts_progress_new ();
  g_object_bind_property (self->export_progress, "fraction", self->progress_bar, "fraction",
                          G_BINDING_SYNC_CREATE);
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  ts_render_write_pdf_async (job, path, self->export_progress, self->export_cancellable,
                             on_written_cb, weak);
}

static void
on_cancel_clicked_cb (TsPrintDialog *self)
{
  if (self->export_cancellable == NULL)
    return;
  g_cancellable_cancel (self->export_cancellable);
  gtk_widget_set_sensitive (self->cancel_button, FALSE);
}

/* print.export-to("/path/file.pdf"): what the file chooser leads to. */
static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  start_export (TS_PRINT_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

/* print.open("file:///…"): the toast's button after an export. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        TsPrintDialog   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "print.export-to", "s", path);
    }
  g_object_unref (chooser);
}

static void
on_export_clicked_cb (TsPrintDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->job == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = g_strdelimit (g_strconcat (self->job->document_title, ".pdf", NULL), "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- printing ------------------------------------------------------------ */

static void
on_print_clicked_cb (TsPrintDialog *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  TsPrintJob *job = load_job (self, &error);

  if (job == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  operation = ts_print_operation_new (job);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

/* ---- the window ---------------------------------------------------------- */

static void
ts_print_dialog_constructed (GObject *object)
{
  TsPrintDialog *self = TS_PRINT_DIALOG (object);

  G_OBJECT_CLASS (ts_print_dialog_parent_class)->constructed (object);
  g_assert (self->options != NULL && self->repository != NULL);
  gtk_window_set_title (GTK_WINDOW (self),
                        ts_print_kind_title (ts_print_settings_get_kind (self->options)));
  /* The 常連 mark counts as the Regulars page does. */
  ts_ui_regulars_options_init (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))),
                               &self->regulars);
  bind_rows (self);
  g_signal_connect_object (self->options, "notify", G_CALLBACK (on_options_notify_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
}

/* Closed: the export stops now, not when the last reference to the
 * window goes, which a preview being drawn can hold for a while. */
static void
ts_print_dialog_unmap (GtkWidget *widget)
{
  TsPrintDialog *self = TS_PRINT_DIALOG (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  GTK_WIDGET_CLASS (ts_print_dialog_parent_class)->unmap (widget);
}

static void
ts_print_dialog_dispose (GObject *object)
{
  TsPrintDialog *self = TS_PRINT_DIALOG (object);

  self->closed = TRUE;
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PRINT_DIALOG);
  G_OBJECT_CLASS (ts_print_dialog_parent_class)->dispose (object);
}

static void
ts_print_dialog_finalize (GObject *object)
{
  TsPrintDialog *self = TS_PRINT_DIALOG (object);

  g_clear_pointer (&self->job, ts_print_job_free);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export_progress);
  g_free (self->export_path);
  g_clear_object (&self->options);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_print_dialog_parent_class)->finalize (object);
}

static void
ts_print_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TsPrintDialog *self = TS_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    case PROP_EVENT_ID:
      self->event_id = g_value_get_int64 (value);
      break;
    case PROP_OPTIONS:
      self->options = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_print_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TsPrintDialog *self = TS_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    case PROP_OPTIONS:
      g_value_set_object (value, self->options);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_template_children (GtkWidgetClass *widget_class)
{
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, TsPrintDialog, name)
  CHILD (toasts);
  CHILD (options_page);
  CHILD (general_group);
  CHILD (columns_group);
  CHILD (include_group);
  CHILD (sheet_group);
  CHILD (preview_stack);
  CHILD (preview);
  CHILD (empty_page);
  CHILD (pages_label);
  CHILD (progress_bar);
  CHILD (progress_box);
  CHILD (cancel_button);
  CHILD (export_button);
  CHILD (print_button);
  CHILD (sort_row);
  CHILD (copy_switch);
  CHILD (compact_row);
  CHILD (compact_switch);
  CHILD (wareki_row);
  CHILD (wareki_switch);
  CHILD (reading_switch);
  CHILD (organization_switch);
  CHILD (profession_switch);
  CHILD (referrer_switch);
  CHILD (first_time_row);
  CHILD (first_time_switch);
  CHILD (marks_switch);
  CHILD (introduction_switch);
  CHILD (size_row);
  CHILD (slot_adjustment);
  CHILD (offset_x_adjustment);
  CHILD (offset_y_adjustment);
  CHILD (cut_marks_switch);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
}

static void
ts_print_dialog_class_init (TsPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_print_dialog_constructed;
  object_class->dispose = ts_print_dialog_dispose;
  object_class->finalize = ts_print_dialog_finalize;
  object_class->get_property = ts_print_dialog_get_property;
  object_class->set_property = ts_print_dialog_set_property;
  widget_class->unmap = ts_print_dialog_unmap;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTIONS] =
    g_param_spec_object ("options", NULL, NULL, TS_TYPE_PRINT_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-print-dialog.ui");
  bind_template_children (widget_class);
  gtk_widget_class_install_action (widget_class, "print.export-to", "s", export_to_action);
  gtk_widget_class_install_action (widget_class, "print.open", "s", open_action);
}

static void
ts_print_dialog_init (TsPrintDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
}

void
ts_print_dialog_present (GtkWindow    *parent,
                         TsRepository *repository,
                         gint64        event_id,
                         const char   *kind)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(TsPrintSettings) options = NULL;
  TsPrintKind print_kind;

  g_return_if_fail (TS_IS_REPOSITORY (repository));
  /* Receipts are issued, not only drawn: a dialog of their own, with
   * each person's 宛名 to check (ts-receipt-dialog.c). */
  if (g_strcmp0 (kind, "receipts") == 0)
    {
      ts_receipt_dialog_present (parent, repository, event_id);
      return;
    }
  if (!ts_print_kind_from_name (kind, &print_kind))
    {
      g_critical ("Unknown printout “%s”", kind);
      return;
    }
  settings = ts_settings_dup_for_widget (GTK_WIDGET (parent));
  options = ts_print_settings_new (print_kind, settings);
  gtk_window_present (g_object_new (TS_TYPE_PRINT_DIALOG,
                                    "transient-for", parent,
                                    "repository", repository,
                                    "event-id", event_id,
                                    "options", options,
                                    NULL));
}
