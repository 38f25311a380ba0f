/* ts-report-dialog.c: the monthly report, previewed before it is saved.
 *
 * The organizer picks the month (the chapter's months with a meeting,
 * newest first, the one the Regulars page shows chosen), sees the page as
 * it will print, drawn by the same ts_render_report_page() as the PDF,
 * and saves it under a name that says what it is:
 * "大田医介塾 月次レポート 2026年11月.pdf".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-date.h"
#include "ts-output-path.h"
#include "ts-render-report.h"
#include "ts-render-text.h"
#include "ts-report-dialog.h"

struct _TsReportDialog
{
  AdwWindow          parent_instance;

  TsRepository      *repository;
  gint64             chapter_id;
  char              *chapter_name;
  TsRegularsOptions  options;      /* thresholds; the month is chosen here */
  GArray            *months;       /* int, year * 12 + month - 1, newest first */
  TsRegulars        *regulars;     /* of the chosen month */

  AdwToastOverlay   *toasts;
  AdwWindowTitle    *window_title;
  GtkDropDown       *month_dropdown;
  GtkDrawingArea    *preview;
};

G_DEFINE_FINAL_TYPE (TsReportDialog, ts_report_dialog, ADW_TYPE_WINDOW)

static void
show_message (TsReportDialog *self,
              const char     *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

int
ts_report_dialog_get_month (TsReportDialog *self)
{
  guint selected;

  g_return_val_if_fail (TS_IS_REPORT_DIALOG (self), 0);

  selected = gtk_drop_down_get_selected (self->month_dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->months->len)
    return 0;
  return g_array_index (self->months, int, selected);
}

/* "大田医介塾 月次レポート 2026年11月.pdf": the chapter, what, and when. */
char *
ts_report_dialog_file_name (const char *chapter_name,
                            int         month)
{
  g_autofree char *when = ts_date_format_month (month / 12, month % 12 + 1);
  g_autofree char *name = NULL;

  /* Translators: the file name of a monthly report: the chapter, then
   * the month ("大田医介塾 月次レポート 2026年11月"). */
  name = g_strdup_printf (_("%1$s Monthly Report %2$s"), chapter_name, when);
  /* A chapter named with a slash must not make a folder of it. */
  g_strdelimit (name, "/\\", '-');
  return g_strconcat (name, ".pdf", NULL);
}

/* The chosen month in the title, the preview redrawn. */
static void
show_month (TsReportDialog *self)
{
  int month = ts_report_dialog_get_month (self);
  g_autofree char *subtitle = NULL;

  subtitle = month > 0 ? ts_date_format_month (month / 12, month % 12 + 1) : NULL;
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.save", self->regulars != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
compute (TsReportDialog *self)
{
  TsRegularsOptions options = self->options;
  int month = ts_report_dialog_get_month (self);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->regulars, ts_regulars_free);
  if (month > 0)
    {
      options.until_year = month / 12;
      options.until_month = month % 12 + 1;
    }
  self->regulars = ts_regulars_compute (self->repository, self->chapter_id, &options, &error);
  if (self->regulars == NULL)
    show_message (self, error->message);
  show_month (self);
}

/* The A4 page scaled into the area, on a sheet with a thin edge. */
static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  TsReportDialog *self = user_data;
  double scale = MIN (width / TS_A4_WIDTH, height / TS_A4_HEIGHT);
  double x = (width - TS_A4_WIDTH * scale) / 2, y = (height - TS_A4_HEIGHT * scale) / 2;

  if (self->regulars == NULL || scale <= 0)
    return;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, TS_A4_WIDTH, TS_A4_HEIGHT);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1 / scale);
  cairo_stroke (cr);
  ts_render_report_page (cr, self->regulars, self->chapter_name);
  cairo_restore (cr);
}

static gboolean
save_to (TsReportDialog *self,
         const char     *path)
{
  g_autoptr(GError) error = NULL;
  const char *database = ts_database_get_path (ts_repository_get_database (self->repository));

  if (self->regulars == NULL)
    return FALSE;
  if (!ts_output_path_check (database, path, &error) ||
      !ts_render_report_pdf (self->regulars, self->chapter_name, path, &error))
    {
      show_message (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_save_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(TsReportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL &&
      g_file_peek_path (file) != NULL && save_to (self, g_file_peek_path (file)))
    gtk_window_destroy (GTK_WINDOW (self));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* report.save: where to, under the name that says what it is. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsReportDialog *self = TS_REPORT_DIALOG (widget);
  g_autofree char *name = ts_report_dialog_file_name (self->chapter_name,
                                                      ts_report_dialog_get_month (self));
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Save Monthly Report"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* report.save-to("/path.pdf"): saves there without asking (tests). */
static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_to (TS_REPORT_DIALOG (widget), g_variant_get_string (parameter, NULL));
}

/* The chapter's months with a meeting held or planned, newest first,
 * from the months the Regulars page looked at; returns their analysis,
 * which is the chosen month's. */
static TsRegulars *
fill_months (TsReportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  TsRegulars *all = NULL;
  int chosen = ts_regulars_until_index (&self->options);
  guint selected = 0;

  all = ts_regulars_compute (self->repository, self->chapter_id, &self->options, &error);
  for (guint i = all ? all->n_months : 0; i > 0; i--)
    {
      const TsRegularsMonth *month = &all->months[i - 1];
      g_autofree char *label = NULL;

      if (month->n_events == 0 && !(i == all->n_months && all->n_planned > 0))
        continue;
      if (month->month == chosen)
        selected = self->months->len;
      label = ts_date_format_month (month->month / 12, month->month % 12 + 1);
      gtk_string_list_append (labels, label);
      g_array_append_val (self->months, month->month);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->month_dropdown, selected);
  return all;
}

TsReportDialog *
ts_report_dialog_new (TsRepository            *repository,
                      gint64                   chapter_id,
                      const TsRegularsOptions *options)
{
  TsReportDialog *self;
  g_autoptr(TsChapter) chapter = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self = g_object_new (TS_TYPE_REPORT_DIALOG, NULL);
  self->repository = g_object_ref (repository);
  self->chapter_id = chapter_id;
  self->options = *options;
  chapter = ts_repository_get_chapter (repository, chapter_id, NULL);
  self->chapter_name = g_strdup (chapter != NULL ? chapter->name : "");
  self->regulars = fill_months (self);
  /* Already the chosen month's, unless that month had no meeting. */
  if (self->regulars == NULL ||
      ts_regulars_until_index (&self->regulars->options) != ts_report_dialog_get_month (self))
    compute (self);
  else
    show_month (self);
  g_signal_connect_swapped (self->month_dropdown, "notify::selected", G_CALLBACK (compute), self);
  return self;
}

static void
ts_report_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TS_TYPE_REPORT_DIALOG);
  G_OBJECT_CLASS (ts_report_dialog_parent_class)->dispose (object);
}

static void
ts_report_dialog_finalize (GObject *object)
{
  TsReportDialog *self = TS_REPORT_DIALOG (object);

  g_clear_pointer (&self->regulars, ts_regulars_free);
  g_array_unref (self->months);
  g_free (self->chapter_name);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_report_dialog_parent_class)->finalize (object);
}

static void
ts_report_dialog_class_init (TsReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_report_dialog_dispose;
  object_class->finalize = ts_report_dialog_finalize;

  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsReportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, TsReportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TsReportDialog, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TsReportDialog, preview);
  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "report.save-to", "s", save_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "report.save", NULL);
}

static void
ts_report_dialog_init (TsReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->months = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
}
