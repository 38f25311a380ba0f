/* ts-print-dialog.c: options, preview, PDF export and printing for one event.
 *
 * The preview, the PDF and the printer all draw through ts_render_page():
 * what the organizer sees is what comes out. The job is loaded from the
 * database on the main thread whenever an option changes (it is only
 * data); writing a big PDF happens in a worker thread with a progress bar,
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
#include "ts-regulars-marks.h"
#include "ts-settings.h"
#include "ts-render.h"
#include "ts-render-text.h"

#define TS_TYPE_PRINT_DIALOG (ts_print_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsPrintDialog, ts_print_dialog, TS, PRINT_DIALOG, AdwWindow)

struct _TsPrintDialog
{
  AdwWindow        parent_instance;

  TsRepository    *repository;
  gint64           event_id;
  TsPrintOptions   options;
  TsPrintJob      *job;          /* NULL when there is nothing to print */
  GCancellable    *cancellable;  /* cancelled when the window closes */
  GCancellable    *export_cancellable; /* the running export; NULL when none */
  GSettings       *settings;     /* NULL without the installed schema */

  AdwToastOverlay *toasts;
  GtkStack        *preview_stack;
  GtkWidget       *preview;
  AdwStatusPage   *empty_page;
  GtkLabel        *pages_label;
  GtkProgressBar  *progress;
  GtkWidget       *progress_box;
  GtkWidget       *cancel_button;
  GtkSpinButton   *slot_spin;    /* NULL unless cards or badges */
  GtkWidget       *export_button;
  GtkWidget       *print_button;
  GtkWidget       *first_time_row; /* NULL unless a roster or addendum */
};

G_DEFINE_FINAL_TYPE (TsPrintDialog, ts_print_dialog, ADW_TYPE_WINDOW)

/* ---- the job and the preview ------------------------------------------- */

/* Every change is remembered at once: closing the window any way keeps it. */
static void
options_changed (TsPrintDialog *self)
{
  ts_print_settings_save (self->settings, &self->options);
}

static void
reload (TsPrintDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ready;

  g_clear_pointer (&self->job, ts_print_job_free);
  self->job = ts_print_job_load (self->repository, self->event_id, &self->options, &error);
  ready = self->job != NULL;
  gtk_widget_set_sensitive (self->export_button, ready);
  gtk_widget_set_sensitive (self->print_button, ready);
  if (!ready)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      gtk_label_set_text (self->pages_label, "");
      return;
    }
  {
    guint n = ts_render_n_pages (self->job);
    /* Translators: under the preview of the first page. */
    g_autofree char *text = g_strdup_printf (ngettext ("%u page in all", "%u pages in all", n), n);

    gtk_label_set_text (self->pages_label, text);
  }
  gtk_stack_set_visible_child_name (self->preview_stack, "preview");
  gtk_widget_queue_draw (self->preview);
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

/* ---- option rows --------------------------------------------------------- */

/* The marks column says 初参加 too and replaces the first-time column
 * while it is on; the switch shows that instead of doing nothing. */
static void
update_first_time_row (TsPrintDialog *self)
{
  if (self->first_time_row != NULL)
    gtk_widget_set_sensitive (self->first_time_row,
                              (self->options.columns & TS_ROSTER_MARKS) == 0);
}

static void
on_flag_switch_active_cb (GtkSwitch     *widget,
                          GParamSpec    *pspec,
                          TsPrintDialog *self)
{
  guint *field = g_object_get_data (G_OBJECT (widget), "field");
  guint flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "flag"));

  if (gtk_switch_get_active (widget))
    *field |= flag;
  else
    *field &= ~flag;
  update_first_time_row (self);
  options_changed (self);
  reload (self);
}

static GtkWidget *
add_switch (TsPrintDialog       *self,
            AdwPreferencesGroup *group,
            const char          *title,
            guint               *field,
            guint                flag)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), (*field & flag) != 0);
  g_object_set_data (G_OBJECT (toggle), "field", field);
  g_object_set_data (G_OBJECT (toggle), "flag", GUINT_TO_POINTER (flag));
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_flag_switch_active_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  adw_preferences_group_add (group, row);
  return row;
}

static void
on_sort_selected_cb (AdwComboRow   *row,
                     GParamSpec    *pspec,
                     TsPrintDialog *self)
{
  self->options.sort = (TsPrintSort) adw_combo_row_get_selected (row);
  options_changed (self);
  reload (self);
}

/* Slots run from 1 to the number on the chosen sheet: 10 business cards,
 * 4 A6 badges. Narrowing the range clamps the value (and saves it). */
static void
update_slot_range (TsPrintDialog *self)
{
  TsSheetId id = self->options.kind == TS_PRINT_BADGES ? self->options.badge_sheet
                                                       : TS_SHEET_BUSINESS_CARD_10;

  if (self->slot_spin != NULL)
    gtk_spin_button_set_range (self->slot_spin, 1, ts_sheet_n_slots (ts_sheet_get (id)));
}

static void
on_sheet_selected_cb (AdwComboRow   *row,
                      GParamSpec    *pspec,
                      TsPrintDialog *self)
{
  self->options.badge_sheet = adw_combo_row_get_selected (row) == 0 ? TS_SHEET_BUSINESS_CARD_10
                                                                    : TS_SHEET_A6_4;
  update_slot_range (self);
  options_changed (self);
  reload (self);
}

static GtkWidget *
add_combo (AdwPreferencesGroup *group,
           const char          *title,
           const char * const  *items,
           guint                selected)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (group, row);
  return row;
}

static void
on_spin_value_changed_cb (GtkSpinButton *spin,
                          TsPrintDialog *self)
{
  const char *which = g_object_get_data (G_OBJECT (spin), "which");
  double value = gtk_spin_button_get_value (spin);

  if (g_str_equal (which, "slot"))
    self->options.start_slot = (guint) value;
  else if (g_str_equal (which, "x"))
    self->options.offset_x_mm = value;
  else
    self->options.offset_y_mm = value;
  options_changed (self);
  reload (self);
}

static GtkSpinButton *
add_spin (TsPrintDialog       *self,
          AdwPreferencesGroup *group,
          const char          *title,
          const char          *subtitle,
          const char          *which,
          double               min,
          double               max,
          double               step,
          double               value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (spin), "which", (gpointer) which);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_value_changed_cb), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  return GTK_SPIN_BUTTON (spin);
}

static AdwPreferencesGroup *
new_group (GtkWidget  *page,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static void
add_roster_rows (TsPrintDialog *self,
                 GtkWidget     *page)
{
  AdwPreferencesGroup *columns = new_group (page, _("Columns"));
  AdwPreferencesGroup *include = NULL;

  add_switch (self, columns, _("_Reading"), &self->options.columns, TS_ROSTER_READING);
  add_switch (self, columns, _("_Organization"), &self->options.columns, TS_ROSTER_ORGANIZATION);
  add_switch (self, columns, _("_Profession"), &self->options.columns, TS_ROSTER_PROFESSION);
  add_switch (self, columns, _("Referred _By"), &self->options.columns, TS_ROSTER_REFERRER);
  self->first_time_row = add_switch (self, columns, _("_First-Time Mark"),
                                     &self->options.columns, TS_ROSTER_FIRST_TIME);
  add_switch (self, columns, _("_Marks: First Time, Welcome Back, Regular"),
              &self->options.columns, TS_ROSTER_MARKS);
  update_first_time_row (self);
  add_switch (self, columns, _("_Introduction"), &self->options.columns, TS_ROSTER_INTRODUCTION);
  if (self->options.kind != TS_PRINT_ROSTER)
    return;
  include = new_group (page, _("Include"));
  /* The same order as TsPrintStatuses. */
  for (guint i = 0; ts_attendance_statuses ()[i] != NULL && i < 5; i++)
    add_switch (self, include, ts_attendance_status_label (ts_attendance_statuses ()[i]),
                &self->options.statuses, 1u << i);
}

static void
add_sheet_rows (TsPrintDialog *self,
                GtkWidget     *page)
{
  AdwPreferencesGroup *sheet = new_group (page, _("Sheet"));
  const char *sizes[] = { _("Business card, 10 per sheet"), _("A6, 4 per sheet"), NULL };
  GtkWidget *row;

  if (self->options.kind == TS_PRINT_BADGES)
    {
      row = add_combo (sheet, _("Size"), sizes, self->options.badge_sheet == TS_SHEET_A6_4);
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_sheet_selected_cb), self);
    }
  self->slot_spin = add_spin (self, sheet, _("Start at Slot"),
                              _("To use the rest of a partly used sheet"),
                              "slot", 1, 10, 1, self->options.start_slot);
  update_slot_range (self);
  add_spin (self, sheet, _("Move Right"), _("Millimetres, for printers that shift the page"),
            "x", -TS_SHEET_MAX_OFFSET_MM, TS_SHEET_MAX_OFFSET_MM, 0.5, self->options.offset_x_mm);
  add_spin (self, sheet, _("Move Down"), _("Millimetres, for printers that shift the page"),
            "y", -TS_SHEET_MAX_OFFSET_MM, TS_SHEET_MAX_OFFSET_MM, 0.5, self->options.offset_y_mm);
  add_switch (self, sheet, _("_Cut Marks"), (guint *) &self->options.cut_marks, TRUE);
}

static GtkWidget *
build_options (TsPrintDialog *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *general = new_group (page, _("Order and Privacy"));
  const char *orders[] = { _("By reading (五十音順)"), _("By profession"), _("By check-in time"), NULL };
  GtkWidget *row = add_combo (general, _("Order"), orders, self->options.sort);

  g_signal_connect (row, "notify::selected", G_CALLBACK (on_sort_selected_cb), self);
  add_switch (self, general, _("Organizer _Copy"), (guint *) &self->options.organizer_copy, TRUE);
  if (self->options.kind == TS_PRINT_ROSTER || self->options.kind == TS_PRINT_ADDENDUM)
    {
      /* Cards and badges carry no date, so only here. */
      row = add_switch (self, general, _("Japanese _Era Dates"),
                        (guint *) &self->options.wareki, TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Dates such as Reiwa 1 (2019); English printouts keep the Western date"));
      add_roster_rows (self, page);
    }
  else
    add_sheet_rows (self, page);
  gtk_widget_set_size_request (page, 340, -1);
  return page;
}

/* ---- export -------------------------------------------------------------- */

typedef struct {
  TsPrintDialog *self;
  guint          page;
  guint          n_pages;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;

  /* The window may have closed (and cancelled) since the page was done. */
  if (!g_cancellable_is_cancelled (progress->self->cancellable))
    gtk_progress_bar_set_fraction (progress->self->progress,
                                 (double) progress->page / MAX (progress->n_pages, 1));
  g_object_unref (progress->self);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* Called in the worker thread: hands the number to the main loop. */
static void
on_page_written (guint    page,
                 guint    n_pages,
                 gpointer user_data)
{
  Progress *progress = g_new (Progress, 1);

  progress->self = g_object_ref (user_data);
  progress->page = page;
  progress->n_pages = n_pages;
  g_idle_add (show_progress, progress);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TsPrintJob *job = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "path");
  GError *error = NULL;

  if (ts_render_write_pdf (job, path, on_page_written, source, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_open_clicked_cb (AdwToast      *toast,
                    TsPrintDialog *self)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  TsPrintDialog *self = TS_PRINT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  const char *path = g_object_get_data (G_OBJECT (result), "path");

  /* Closed while writing: the widgets are gone, and nothing was written. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  g_clear_object (&self->export_cancellable);
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_widget_set_sensitive (self->export_button, TRUE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancel pressed: the old file (if any) is as it was. */
      if (g_error_matches (error, TS_PRINT_ERROR, TS_PRINT_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Export cancelled")));
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  toast = adw_toast_new (_("PDF saved"));
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_filename_to_uri (path, NULL, NULL), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), self);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
start_export (TsPrintDialog *self,
              const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  /* The thread gets its own copy of the data: options may change while
   * it writes. */
  TsPrintJob *job = NULL;

  if (self->export_cancellable != NULL)
    return;  /* one export at a time */
  if (!ts_output_path_check (ts_database_get_path (ts_repository_get_database (self->repository)),
                             path, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  job = ts_print_job_load (self->repository, self->event_id, &self->options, &error);
  if (job == NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  /* Its own cancellable, for the Cancel button; closing the window
   * cancels it too (dispose). */
  self->export_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->export_cancellable, on_written_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) ts_print_job_free);
  g_object_set_data_full (G_OBJECT (task), "path", g_strdup (path), g_free);
  gtk_progress_bar_set_fraction (self->progress, 0);
  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  gtk_widget_set_sensitive (self->export_button, FALSE);
  g_task_run_in_thread (task, write_in_thread);
}

static void
on_cancel_clicked_cb (GtkButton     *button,
                      TsPrintDialog *self)
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
on_export_clicked_cb (GtkButton     *button,
                      TsPrintDialog *self)
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
on_print_clicked_cb (GtkButton     *button,
                     TsPrintDialog *self)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  TsPrintJob *job = ts_print_job_load (self->repository, self->event_id, &self->options, &error);

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
ts_print_dialog_dispose (GObject *object)
{
  TsPrintDialog *self = TS_PRINT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  G_OBJECT_CLASS (ts_print_dialog_parent_class)->dispose (object);
}

static void
ts_print_dialog_finalize (GObject *object)
{
  TsPrintDialog *self = TS_PRINT_DIALOG (object);

  g_clear_pointer (&self->job, ts_print_job_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_print_dialog_parent_class)->finalize (object);
}

static void
ts_print_dialog_class_init (TsPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_print_dialog_dispose;
  object_class->finalize = ts_print_dialog_finalize;
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "print.export-to", "s",
                                   export_to_action);
}

static void
ts_print_dialog_init (TsPrintDialog *self)
{
  self->cancellable = g_cancellable_new ();
}

static GtkWidget *
build_header (TsPrintDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();

  self->export_button = gtk_button_new_with_mnemonic (_("_Export PDF…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  self->print_button = gtk_button_new_with_mnemonic (_("_Print…"));
  g_signal_connect (self->print_button, "clicked", G_CALLBACK (on_print_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->print_button);
  return header;
}

static GtkWidget *
build_preview (TsPrintDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *empty = adw_status_page_new ();

  self->preview = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->preview), draw_preview, self, NULL);
  gtk_widget_set_hexpand (self->preview, TRUE);
  gtk_widget_set_vexpand (self->preview, TRUE);
  self->empty_page = ADW_STATUS_PAGE (empty);
  adw_status_page_set_icon_name (self->empty_page, "document-print-symbolic");
  adw_status_page_set_title (self->empty_page, _("Nothing to Print"));
  self->preview_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->preview_stack, self->preview, "preview");
  gtk_stack_add_named (self->preview_stack, empty, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview_stack));
  self->pages_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_add_css_class (GTK_WIDGET (self->pages_label), "dim-label");
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->pages_label), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pages_label));
  self->progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_visible (self->progress_box, FALSE);
  gtk_widget_set_margin_start (self->progress_box, 12);
  gtk_widget_set_margin_end (self->progress_box, 12);
  gtk_widget_set_margin_bottom (self->progress_box, 12);
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->progress_box), GTK_WIDGET (self->progress));
  /* Translators: stops writing the PDF; the file is left as it was. */
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_tooltip_text (self->cancel_button, _("Stop writing the PDF"));
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (self->progress_box), self->cancel_button);
  gtk_box_append (GTK_BOX (box), self->progress_box);
  return box;
}

static GtkWidget *
ts_print_dialog_new (GtkWindow    *parent,
                     TsRepository *repository,
                     gint64        event_id,
                     TsPrintKind   kind)
{
  TsPrintDialog *self = g_object_new (TS_TYPE_PRINT_DIALOG, "transient-for", parent,
                                      "modal", TRUE, "default-width", 980,
                                      "default-height", 720, NULL);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->repository = g_object_ref (repository);
  self->event_id = event_id;
  ts_print_options_init (&self->options, kind);
  {
    /* The 常連 mark counts as the Regulars page does. */
    TsRegularsOptions regulars;

    ts_ui_regulars_options_init (GTK_WIDGET (parent), &regulars);
    self->options.regulars_min_present = regulars.min_present;
    self->options.regulars_window = regulars.window;
  }
  self->settings = ts_settings_dup_for_widget (GTK_WIDGET (parent));
  ts_print_settings_load (self->settings, &self->options);
  gtk_window_set_title (GTK_WINDOW (self), ts_print_kind_title (kind));
  gtk_box_append (GTK_BOX (outer), build_header (self));
  gtk_box_append (GTK_BOX (body), build_options (self));
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (body), build_preview (self));
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (outer), body);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, outer);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
  reload (self);
  return GTK_WIDGET (self);
}

void
ts_print_dialog_present (GtkWindow    *parent,
                         TsRepository *repository,
                         gint64        event_id,
                         const char   *kind)
{
  TsPrintKind print_kind;

  g_return_if_fail (TS_IS_REPOSITORY (repository));
  if (!ts_print_kind_from_name (kind, &print_kind))
    {
      g_critical ("Unknown printout “%s”", kind);
      return;
    }
  gtk_window_present (GTK_WINDOW (ts_print_dialog_new (parent, repository, event_id, print_kind)));
}
