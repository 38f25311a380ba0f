/* ts-import-dialog.c: the preview of an import, row by row, with the
 * file's encoding and column mapping, and the import itself.
 *
 * Reading, previewing and writing are the engine's _async calls
 * (ts-import-async.c), which own their thread and connection and
 * announce what changed; the window never freezes. While one runs, the
 * dialog's progress bar is bound to their TsProgress and Cancel stops
 * it, leaving the database as it was. The import decides again who each
 * row is once it holds the write lock (ts-import-write.c): the preview
 * may be old by then, and the organizer's choices in it are kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-import"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "ts-import-async.h"
#include "ts-import-dialog.h"
#include "ts-import-preview-row.h"

struct _TsImportDialog
{
  AdwWindow             parent_instance;

  TsRepository         *repository;
  char                 *path;
  gint64                event_id;
  TsImport             *import;
  TsProgress           *progress;        /* of the engine's call, bound to the bar */
  GCancellable         *cancellable;     /* set while the engine works */
  gboolean              close_when_done;
  gboolean              disposed;        /* the callback must touch nothing */
  gboolean              filling;         /* widgets being set, not by a person */
  GPtrArray            *column_rows;
  GtkStringList        *row_indexes;

  GtkButton            *cancel_button;
  GtkButton            *import_button;
  GtkStack             *stack;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *error_page;
  GtkDropDown          *retry_encoding;
  AdwComboRow          *encoding_row;
  GtkStringList        *encodings;
  AdwActionRow         *separator_row;
  AdwPreferencesGroup  *columns_group;
  AdwComboRow          *duplicates_row;
  GtkStringList        *duplicate_choices;
  GtkLabel             *summary_label;
  GtkListView          *rows_view;
};

G_DEFINE_FINAL_TYPE (TsImportDialog, ts_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The encodings offered, in the order of the encoding row. */
static const TsCsvEncoding encoding_choices[] = {
  TS_CSV_ENCODING_AUTO, TS_CSV_ENCODING_UTF8, TS_CSV_ENCODING_UTF16, TS_CSV_ENCODING_CP932,
};

/* ---- work in the engine ---------------------------------------------------- */

/* The engine's call runs; the dialog shows its progress, and Cancel (or
 * closing) cancels it. The dialog is held until the callback. */
static GCancellable *
begin_work (TsImportDialog *self)
{
  g_assert (self->cancellable == NULL);
  self->cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  g_object_ref (self);
  return self->cancellable;
}

/* Whether the dialog still wants the result: not when it was closed
 * meanwhile. */
static gboolean
end_work (TsImportDialog *self)
{
  g_clear_object (&self->cancellable);
  if (self->disposed)
    return FALSE;
  if (!self->close_when_done)
    return TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
  return FALSE;
}

static void show_preview (TsImportDialog *self, gboolean loaded);
static void show_error (TsImportDialog *self, const GError *error);
static void finish_import (TsImportDialog *self, const TsImportResult *result);

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = ts_import_open_finish (TS_REPOSITORY (source), result, &error);

  if (!end_work (self))
    return;
  if (import == NULL)
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->import, import);
  show_preview (self, TRUE);
}

static void
open_file (TsImportDialog *self,
           TsCsvEncoding   encoding)
{
  GCancellable *cancellable = begin_work (self);

  ts_import_open_async (self->repository, self->path, encoding, self->progress,
                        cancellable, opened_cb, self);
}

static void
previewed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = ts_import_preview_finish (TS_REPOSITORY (source), result, &error);

  if (!end_work (self))
    return;
  if (ok)
    show_preview (self, FALSE);
  else
    show_error (self, error);
}

static void
preview_again (TsImportDialog *self)
{
  GCancellable *cancellable = begin_work (self);

  ts_import_preview_async (self->repository, self->import, self->progress, cancellable,
                           previewed_cb, self);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  TsImportResult written;
  gboolean ok = ts_import_apply_finish (TS_REPOSITORY (source), result, &written, &error);

  /* Written is written, even if closed meanwhile: it is told. */
  if (ok && !self->disposed)
    {
      g_clear_object (&self->cancellable);
      finish_import (self, &written);
      return;
    }
  if (!end_work (self) || ok)
    return;
  /* Cancelled: nothing written, and the preview stands. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_preview (self, FALSE);
  else
    show_error (self, error);
}

static void
apply_import (TsImportDialog *self)
{
  GCancellable *cancellable = begin_work (self);

  ts_import_apply_async (self->repository, self->import, self->event_id, self->progress,
                         cancellable, applied_cb, self);
}

/* ---- showing the preview -------------------------------------------------- */

/* The lines the organizer should look at before importing. */
static void
append_notes (TsImportDialog *self,
              GString        *summary)
{
  guint n_warned, n_doubts;

  ts_import_count_notes (self->import, &n_warned, &n_doubts);
  if (n_warned > 0)
    {
      g_string_append_c (summary, '\n');
      g_string_append_printf (summary,
                              ngettext ("%u line is imported without a detail that cannot be "
                                        "stored; see the marked line.",
                                        "%u lines are imported without details that cannot be "
                                        "stored; see the marked lines.", n_warned), n_warned);
    }
  if (n_doubts > 0)
    {
      g_string_append_c (summary, '\n');
      g_string_append_printf (summary,
                              ngettext ("%u person may be a different person with the same "
                                        "name as a member: imported as new unless you choose "
                                        "Update.",
                                        "%u people may be different people with the same name "
                                        "as members: imported as new unless you choose "
                                        "Update.", n_doubts), n_doubts);
    }
}

static void
update_summary (TsImportDialog *self)
{
  guint counts[TS_IMPORT_N_ACTIONS];
  g_autoptr(GString) summary = g_string_new (NULL);

  ts_import_count (self->import, counts);
  /* Translators: the counts of an import preview. */
  g_string_printf (summary, _("New: %1$u · Updates: %2$u · Skipped: %3$u · Errors (not imported): %4$u"),
                   counts[TS_IMPORT_ACTION_NEW], counts[TS_IMPORT_ACTION_UPDATE],
                   counts[TS_IMPORT_ACTION_SKIP], counts[TS_IMPORT_ACTION_ERROR]);
  append_notes (self, summary);
  gtk_label_set_text (self->summary_label, summary->str);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            counts[TS_IMPORT_ACTION_NEW] + counts[TS_IMPORT_ACTION_UPDATE] > 0 ||
                            (self->event_id > 0 && counts[TS_IMPORT_ACTION_SKIP] > 0));
}

static void
reload_rows (TsImportDialog *self)
{
  guint n = ts_import_get_n_rows (self->import);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (indexes, g_strdup_printf ("%u", i));
  g_ptr_array_add (indexes, NULL);
  gtk_string_list_splice (self->row_indexes, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->row_indexes)),
                          (const char * const *) indexes->pdata);
  update_summary (self);
}

static void
on_column_selected_cb (AdwComboRow    *row,
                       GParamSpec     *pspec,
                       TsImportDialog *self)
{
  guint column;

  if (self->filling || self->cancellable != NULL)
    return;
  /* Rows are made in the order of the file's columns. */
  if (!g_ptr_array_find (self->column_rows, row, &column))
    g_return_if_reached ();
  ts_import_set_field (self->import, column, adw_combo_row_get_selected (row));
  preview_again (self);
}

static void
fill_columns (TsImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (TsImportField f = 0; f < TS_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (fields, ts_import_field_label (f));
  for (guint i = 0; i < ts_import_get_n_columns (self->import); i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      const char *header = ts_import_get_header (self->import, i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     *header ? header : _("(no name)"));
      adw_combo_row_set_model (row, G_LIST_MODEL (fields));
      adw_combo_row_set_selected (row, ts_import_get_field (self->import, i));
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
fill_file_details (TsImportDialog *self)
{
  TsCsvEncoding used = ts_import_get_encoding (self->import);
  g_autofree char *detected = g_strdup_printf (_("Read as %s"), ts_csv_encoding_label (used));
  char separator = ts_import_get_separator (self->import);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), detected);
  adw_action_row_set_subtitle (self->separator_row,
                               separator == '\t' ? _("Tab") :
                               separator == ';' ? _("Semicolon") : _("Comma"));
}

static void
show_preview (TsImportDialog *self,
              gboolean        loaded)
{
  self->filling = TRUE;
  if (loaded)
    {
      fill_file_details (self);
      fill_columns (self);
    }
  adw_combo_row_set_selected (self->duplicates_row, 0);
  self->filling = FALSE;
  reload_rows (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
show_error (TsImportDialog *self,
            const GError   *error)
{
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->retry_encoding, adw_combo_row_get_selected (self->encoding_row));
  self->filling = FALSE;
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
}

static void
finish_import (TsImportDialog       *self,
               const TsImportResult *result)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_auto(GStrv) notes = ts_import_result_notes (result);

  g_string_printf (summary, _("Imported: %1$u new, %2$u updated, %3$u skipped."),
                   result->created, result->updated, result->skipped);
  if (self->event_id > 0)
    {
      g_string_append_c (summary, ' ');
      g_string_append_printf (summary, ngettext ("%u person newly registered.",
                                                 "%u people newly registered.",
                                                 result->registered),
                              result->registered);
    }
  /* What was left out, one line each, so that nobody learns it at the
   * door. */
  for (guint i = 0; notes[i] != NULL; i++)
    g_string_append_printf (summary, "\n%s", notes[i]);
  g_signal_emit (self, signals[IMPORTED], 0, summary->str);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ---- rows of the preview ---------------------------------------------------- */

/* A person chose what to do with a row; "Update" for someone not in the
 * list is refused, and the row shows what it was again. */
static void
on_row_action_chosen_cb (TsImportPreviewRow *preview_row,
                         guint               index,
                         guint               action,
                         TsImportDialog     *self)
{
  if (self->filling || self->cancellable != NULL)
    return;
  if (!ts_import_set_action (self->import, index, action))
    {
      ts_import_preview_row_show (preview_row, index, ts_import_get_row (self->import, index));
      gtk_widget_error_bell (GTK_WIDGET (preview_row));
      return;
    }
  update_summary (self);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TsImportDialog           *self)
{
  GtkWidget *row = ts_import_preview_row_new ();

  g_signal_connect (row, "action-chosen", G_CALLBACK (on_row_action_chosen_cb), self);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             TsImportDialog           *self)
{
  GtkStringObject *index_object = gtk_list_item_get_item (item);
  guint index = (guint) strtoul (gtk_string_object_get_string (index_object), NULL, 10);

  ts_import_preview_row_show (TS_IMPORT_PREVIEW_ROW (gtk_list_item_get_child (item)), index,
                              ts_import_get_row (self->import, index));
}

/* ---- the controls ---------------------------------------------------------- */

static void
on_encoding_selected_cb (AdwComboRow    *row,
                         GParamSpec     *pspec,
                         TsImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->cancellable != NULL || selected >= G_N_ELEMENTS (encoding_choices))
    return;
  open_file (self, encoding_choices[selected]);
}

/* From the error page: the file read in another encoding. */
static void
on_retry_encoding_selected_cb (GtkDropDown    *drop_down,
                               GParamSpec     *pspec,
                               TsImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->filling || self->cancellable != NULL || selected >= G_N_ELEMENTS (encoding_choices))
    return;
  self->filling = TRUE;
  adw_combo_row_set_selected (self->encoding_row, selected);
  self->filling = FALSE;
  open_file (self, encoding_choices[selected]);
}

static void
on_duplicates_selected_cb (AdwComboRow    *row,
                           GParamSpec     *pspec,
                           TsImportDialog *self)
{
  static const TsImportAction actions[] = {
    TS_IMPORT_N_ACTIONS, TS_IMPORT_ACTION_UPDATE, TS_IMPORT_ACTION_SKIP, TS_IMPORT_ACTION_NEW,
  };
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->cancellable != NULL || self->import == NULL ||
      selected >= G_N_ELEMENTS (actions))
    return;
  if (actions[selected] == TS_IMPORT_N_ACTIONS)
    {
      /* Back to the preview's own decisions. */
      preview_again (self);
      return;
    }
  ts_import_set_duplicates (self->import, actions[selected]);
  reload_rows (self);
}

static void
on_cancel_clicked_cb (TsImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
on_import_clicked_cb (TsImportDialog *self)
{
  ts_import_dialog_import (self);
}

/* Ctrl+Return: what the Import button does, when it can be pressed. */
static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsImportDialog *self = TS_IMPORT_DIALOG (widget);

  if (self->import != NULL && self->cancellable == NULL &&
      gtk_widget_get_sensitive (GTK_WIDGET (self->import_button)))
    ts_import_dialog_import (self);
}

static gboolean
ts_import_dialog_close_request (GtkWindow *window)
{
  TsImportDialog *self = TS_IMPORT_DIALOG (window);

  if (self->cancellable == NULL)
    return GTK_WINDOW_CLASS (ts_import_dialog_parent_class)->close_request (window);
  /* The engine still works: stop it, and close when it has rolled back. */
  self->close_when_done = TRUE;
  g_cancellable_cancel (self->cancellable);
  return TRUE;
}

static void
ts_import_dialog_dispose (GObject *object)
{
  TsImportDialog *self = TS_IMPORT_DIALOG (object);

  /* Destroyed with its parent while the engine works: stop it. */
  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->progress);
  g_clear_object (&self->repository);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->row_indexes);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->path, g_free);
  G_OBJECT_CLASS (ts_import_dialog_parent_class)->dispose (object);
}

static void
ts_import_dialog_class_init (TsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ts_import_dialog_dispose;
  window_class->close_request = ts_import_dialog_close_request;

  /**
   * TsImportDialog::imported:
   * @summary: what was written, for a toast
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, retry_encoding);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, encodings);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, duplicate_choices);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TsImportDialog, rows_view);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked_cb);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "import.run", NULL);
}

static void
ts_import_dialog_init (TsImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->progress = ts_progress_new ();
  g_object_bind_property (self->progress, "fraction", self->progress_bar, "fraction",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->progress, "text", self->progress_label, "label",
                          G_BINDING_SYNC_CREATE);
  self->column_rows = g_ptr_array_new ();
  self->row_indexes = gtk_string_list_new (NULL);

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (encoding_choices); i++)
    gtk_string_list_append (self->encodings, ts_csv_encoding_label (encoding_choices[i]));
  gtk_string_list_append (self->duplicate_choices, _("Update when the file has new details"));
  gtk_string_list_append (self->duplicate_choices, _("Update all"));
  gtk_string_list_append (self->duplicate_choices, _("Skip all"));
  gtk_string_list_append (self->duplicate_choices, _("Add all as new members"));
  self->filling = FALSE;
  g_signal_connect (self->encoding_row, "notify::selected",
                    G_CALLBACK (on_encoding_selected_cb), self);
  g_signal_connect (self->retry_encoding, "notify::selected",
                    G_CALLBACK (on_retry_encoding_selected_cb), self);
  g_signal_connect (self->duplicates_row, "notify::selected",
                    G_CALLBACK (on_duplicates_selected_cb), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->rows_view, factory);
  gtk_list_view_set_model (self->rows_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (G_LIST_MODEL (self->row_indexes)))));
}

/* Opens on @path and starts reading it at once; @event_id > 0 also
 * registers everyone for that event. */
TsImportDialog *
ts_import_dialog_new (GtkWindow    *parent,
                      TsRepository *repository,
                      const char   *path,
                      gint64        event_id)
{
  TsImportDialog *self = g_object_new (TS_TYPE_IMPORT_DIALOG,
                                       "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->path = g_strdup (path);
  self->event_id = event_id;
  gtk_window_set_title (GTK_WINDOW (self),
                        event_id > 0 ? _("Import Registrations") : _("Import Members"));
  open_file (self, TS_CSV_ENCODING_AUTO);
  return self;
}

TsImport *
ts_import_dialog_get_import (TsImportDialog *self)
{
  g_return_val_if_fail (TS_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

gboolean
ts_import_dialog_is_busy (TsImportDialog *self)
{
  g_return_val_if_fail (TS_IS_IMPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

void
ts_import_dialog_import (TsImportDialog *self)
{
  g_return_if_fail (TS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (self->import != NULL && self->cancellable == NULL);
  apply_import (self);
}
