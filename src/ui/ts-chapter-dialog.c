/* ts-chapter-dialog.c: add or edit a chapter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-chapter-dialog.h"
#include "ts-form.h"
#include "ts-record.h"
#include "ts-ui-util.h"
#include "ts-validate.h"

struct _TsChapterDialog
{
  AdwWindow     parent_instance;

  TsRepository *repository;
  TsChapter    *chapter;      /* as read from the database */
  TsChapter    *shown;        /* the form's values when loaded */

  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  AdwEntryRow  *name_row;
  AdwEntryRow  *reading_row;
  AdwComboRow  *region_row;
  GPtrArray    *regions;      /* stored values, [0] "" for none */
  AdwEntryRow  *prefecture_row;
  AdwEntryRow  *area_row;
  AdwEntryRow  *venue_row;
  AdwEntryRow  *schedule_row;
  AdwEntryRow  *leader_row;
  AdwEntryRow  *invoice_number_row;
  AdwEntryRow  *founded_row;
  AdwEntryRow  *notes_row;
};

G_DEFINE_FINAL_TYPE (TsChapterDialog, ts_chapter_dialog, ADW_TYPE_WINDOW)

/* Construct-only: g_object_new (or GtkBuilder) makes a ready dialog. */
enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Property names in the same order as the rows in rows_of(). */
static const char *fields[] = {
  "name", "reading", "prefecture", "area",
  "venue", "schedule", "leader", "invoice-number", "founded", "notes",
};

/* Everything read_fields() sets. */
static const char * const form_fields[] = {
  "name", "reading", "prefecture", "area",
  "venue", "schedule", "leader", "invoice-number", "founded", "notes", "region", NULL
};

static void
rows_of (TsChapterDialog *self,
         AdwEntryRow     *rows[G_N_ELEMENTS (fields)])
{
  AdwEntryRow *all[] = {
    self->name_row, self->reading_row, self->prefecture_row,
    self->area_row, self->venue_row, self->schedule_row, self->leader_row,
    self->invoice_number_row, self->founded_row, self->notes_row,
  };

  memcpy (rows, all, sizeof all);
}

/* The network's regions in their usual order (ts_region_nth()), shown
 * by their labels and stored by their Japanese names. A value typed in an
 * older version or imported stays choosable so that saving keeps it. */
static void
fill_regions (TsChapterDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *current = self->chapter->region ? self->chapter->region : "";
  guint selected = 0;

  self->regions = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->regions, g_strdup (""));
  gtk_string_list_append (labels, _("Not set"));
  for (guint i = 0; i < ts_region_count (); i++)
    {
      const char *region = ts_region_nth (i);

      if (strcmp (current, region) == 0)
        selected = self->regions->len;
      g_ptr_array_add (self->regions, g_strdup (region));
      gtk_string_list_append (labels, ts_region_label (region));
    }
  if (*current != '\0' && selected == 0)
    {
      selected = self->regions->len;
      g_ptr_array_add (self->regions, g_strdup (current));
      gtk_string_list_append (labels, current);
    }
  adw_combo_row_set_model (self->region_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->region_row, selected);
}

static void read_fields (TsChapterDialog *self, TsChapter *into);

/* Fills the form and remembers what it showed, so that a save writes
 * only what the person changed. */
static void
load_chapter (TsChapterDialog *self)
{
  AdwEntryRow *rows[G_N_ELEMENTS (fields)];

  rows_of (self, rows);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->chapter, fields[i], &value, NULL);
      ts_form_set_text (rows[i], value);
    }
  g_clear_object (&self->shown);
  self->shown = ts_record_dup (self->chapter);
  read_fields (self, self->shown);
}

static void
read_fields (TsChapterDialog *self,
             TsChapter       *into)
{
  AdwEntryRow *rows[G_N_ELEMENTS (fields)];

  rows_of (self, rows);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = ts_form_get_text (rows[i]);

      g_object_set (into, fields[i], value, NULL);
    }
  {
    guint selected = adw_combo_row_get_selected (self->region_row);
    const char *region = selected < self->regions->len
                         ? g_ptr_array_index (self->regions, selected) : "";

    g_object_set (into, "region", region, NULL);
  }
}

static gboolean
validate (TsChapterDialog  *self,
          TsChapter        *chapter,
          GtkWidget       **row,
          GError          **error)
{
  *row = NULL;
  if (!ts_validate_chapter (chapter, error))
    {
      if ((*error)->domain == TS_VALIDATE_ERROR)
        *row = GTK_WIDGET ((*error)->code == TS_VALIDATE_ERROR_NAME ? self->name_row
                           : (*error)->code == TS_VALIDATE_ERROR_INVOICE_NUMBER
                           ? self->invoice_number_row : self->reading_row);
      return FALSE;
    }
  /* The list is ordered by reading within a region: a chapter typed in
   * here needs one. */
  if (*chapter->reading == '\0')
    {
      *row = GTK_WIDGET (self->reading_row);
      g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_READING,
                           _("Please enter the reading of the chapter’s name in kana."));
      return FALSE;
    }
  return TRUE;
}

/* The chapter as read, with the fields the person changed in the form. */
static TsChapter *
read_edits (TsChapterDialog *self)
{
  g_autoptr(TsChapter) form = ts_record_dup (self->chapter);
  g_auto(GStrv) changed = NULL;
  TsChapter *edited = ts_record_dup (self->chapter);

  read_fields (self, form);
  changed = ts_record_diff (self->shown, form, form_fields);
  ts_record_copy (form, edited, (const char * const *) changed);
  return edited;
}

static void
on_reload_cb (TsChapterDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsChapter) chapter = ts_repository_get_chapter (self->repository, self->chapter->id,
                                                            &error);

  if (chapter == NULL)
    {
      ts_form_show_error (self->error_revealer, self->error_label, NULL, error->message);
      return;
    }
  g_set_object (&self->chapter, chapter);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  fill_regions (self);
  load_chapter (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsChapterDialog *self = TS_CHAPTER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsChapter) edited = read_edits (self);
  GtkWidget *row = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  ts_form_clear_error (self->error_revealer, widget);
  if (!validate (self, edited, &row, &error) ||
      !(self->chapter->id == 0
        ? ts_repository_save_chapter (self->repository, edited, &error)
        : ts_repository_update_chapter (self->repository, self->chapter, edited, &error)))
    {
      if (g_error_matches (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_CHANGED))
        ts_form_offer_reload (GTK_WINDOW (self), error->message, G_CALLBACK (on_reload_cb));
      else
        ts_form_show_error (self->error_revealer, self->error_label, row, error->message);
      return;
    }
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-chapter", "x", edited->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated_cb (TsChapterDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
ts_chapter_dialog_dispose (GObject *object)
{
  TsChapterDialog *self = TS_CHAPTER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_CHAPTER_DIALOG);
  g_clear_object (&self->chapter);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_chapter_dialog_parent_class)->dispose (object);
}

static void
ts_chapter_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TsChapterDialog *self = TS_CHAPTER_DIALOG (object);

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
ts_chapter_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TsChapterDialog *self = TS_CHAPTER_DIALOG (object);

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
ts_chapter_dialog_class_init (TsChapterDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_chapter_dialog_dispose;
  G_OBJECT_CLASS (klass)->get_property = ts_chapter_dialog_get_property;
  G_OBJECT_CLASS (klass)->set_property = ts_chapter_dialog_set_property;
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-chapter-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, reading_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, prefecture_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, venue_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, leader_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, invoice_number_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, founded_row);
  gtk_widget_class_bind_template_child (widget_class, TsChapterDialog, notes_row);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  ts_form_install_keys (widget_class);
}

static void
ts_chapter_dialog_init (TsChapterDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ts_chapter_dialog_new (GtkWindow    *parent,
                       TsRepository *repository,
                       gint64        chapter_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsChapter) chapter = chapter_id ? ts_repository_get_chapter (repository, chapter_id,
                                                                         &error)
                                            : ts_chapter_new ();
  TsChapterDialog *self;

  if (chapter == NULL)
    {
      ts_ui_show_error (GTK_WIDGET (parent), error);
      return NULL;
    }
  self = g_object_new (TS_TYPE_CHAPTER_DIALOG,
                       "transient-for", parent,
                       "title", chapter_id ? _("Edit Chapter") : _("New Chapter"),
                       "repository", repository,
                       NULL);
  self->chapter = g_steal_pointer (&chapter);
  fill_regions (self);
  load_chapter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
