/* ts-import-preview-row.c: one row of an import's preview: its line in
 * the file, who it is, why, and what the import will do with it.
 *
 * Built in code rather than a template: the preview's list view makes
 * one per visible row and rebinds it as the list scrolls. The row keeps
 * which preview row it shows, so the dialog learns from the signal which
 * row a choice is for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-import"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-import-preview-row.h"

struct _TsImportPreviewRow
{
  GtkBox       parent_instance;

  guint        index;     /* of the preview's row shown */
  gboolean     showing;   /* the drop-down set by show(), not a person */

  GtkLabel    *line_label;
  GtkLabel    *name_label;
  GtkLabel    *details_label;
  GtkWidget   *error_label;
  GtkWidget   *mark;
  GtkDropDown *choice;
};

G_DEFINE_FINAL_TYPE (TsImportPreviewRow, ts_import_preview_row, GTK_TYPE_BOX)

enum {
  ACTION_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The actions the drop-down offers, in its order. */
static const TsImportAction choices[] = {
  TS_IMPORT_ACTION_NEW, TS_IMPORT_ACTION_UPDATE, TS_IMPORT_ACTION_SKIP,
};

static void
on_choice_selected_cb (GtkDropDown        *choice,
                       GParamSpec         *pspec,
                       TsImportPreviewRow *self)
{
  guint selected = gtk_drop_down_get_selected (choice);

  if (self->showing || selected >= G_N_ELEMENTS (choices))
    return;
  g_signal_emit (self, signals[ACTION_CHOSEN], 0, self->index, (guint) choices[selected]);
}

static void
ts_import_preview_row_class_init (TsImportPreviewRowClass *klass)
{
  /* A person chose what to do with preview row @index: a TsImportAction. */
  signals[ACTION_CHOSEN] = g_signal_new ("action-chosen", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static GtkLabel *
new_label (GtkWidget  *box,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, style_class);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static GtkWidget *
new_choice (TsImportPreviewRow *self)
{
  const char *labels[G_N_ELEMENTS (choices) + 1] = { NULL };
  GtkWidget *choice;

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    labels[i] = ts_import_action_label (choices[i]);
  choice = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_valign (choice, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (choice, 150, -1);
  g_signal_connect (choice, "notify::selected", G_CALLBACK (on_choice_selected_cb), self);
  return choice;
}

static void
ts_import_preview_row_init (TsImportPreviewRow *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_set_spacing (GTK_BOX (self), 12);
  g_object_set (self, "margin-start", 12, "margin-end", 12, "margin-top", 6,
                "margin-bottom", 6, NULL);

  self->line_label = new_label (GTK_WIDGET (self), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->line_label), "numeric");
  gtk_label_set_width_chars (self->line_label, 6);
  gtk_label_set_xalign (self->line_label, 1);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (self), texts);
  self->name_label = new_label (texts, "heading");
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  self->details_label = new_label (texts, "dim-label");
  gtk_label_set_wrap (self->details_label, TRUE);

  self->mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (self->mark, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->mark, "warning");
  gtk_widget_set_tooltip_text (self->mark, _("Please check this line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Please check this line"), -1);
  gtk_box_append (GTK_BOX (self), self->mark);

  self->error_label = gtk_label_new (_("Error"));
  gtk_widget_set_valign (self->error_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_box_append (GTK_BOX (self), self->error_label);

  self->choice = GTK_DROP_DOWN (new_choice (self));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->choice));
}

GtkWidget *
ts_import_preview_row_new (void)
{
  return g_object_new (TS_TYPE_IMPORT_PREVIEW_ROW, NULL);
}

static char *
row_text (TsImportRow *row)
{
  g_autofree char *name = ts_member_dup_name (row->member);
  g_autofree char *reading = ts_member_dup_reading (row->member);
  GString *text = g_string_new (*name ? name : _("(no name)"));

  if (*reading)
    /* Translators: a reading after a name, in Japanese "（%s）". */
    g_string_append_printf (text, _(" (%s)"), reading);
  return g_string_free (text, FALSE);
}

/* The organization, then why the row is who it is, a line each. */
static char *
row_details (TsImportRow *row)
{
  g_autofree char *reason = ts_import_row_describe (row);

  if (*row->member->organization && *reason)
    return g_strconcat (row->member->organization, "\n", reason, NULL);
  return g_strconcat (row->member->organization, reason, NULL);
}

void
ts_import_preview_row_show (TsImportPreviewRow *self,
                            guint               index,
                            TsImportRow        *row)
{
  g_autofree char *line = NULL;
  g_autofree char *text = NULL;
  g_autofree char *details = NULL;
  gboolean failed;

  g_return_if_fail (TS_IS_IMPORT_PREVIEW_ROW (self));
  g_return_if_fail (row != NULL);

  line = g_strdup_printf ("%u", row->line);
  text = row_text (row);
  details = row_details (row);
  failed = row->action == TS_IMPORT_ACTION_ERROR;
  self->index = index;
  gtk_label_set_text (self->line_label, line);
  gtk_label_set_text (self->name_label, text);
  gtk_label_set_text (self->details_label, details);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), *details != '\0');
  gtk_widget_set_visible (self->error_label, failed);
  gtk_widget_set_visible (self->mark, !failed && (row->warnings != 0 ||
                                                  (row->doubt && row->same_as_line == 0)));
  gtk_widget_set_visible (GTK_WIDGET (self->choice), !failed);

  self->showing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    if (choices[i] == row->action)
      gtk_drop_down_set_selected (self->choice, i);
  self->showing = FALSE;
}
