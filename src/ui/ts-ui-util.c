/* ts-ui-util.c: small helpers shared by the views.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-date.h"
#include "ts-link-row.h"
#include "ts-ui-util.h"

/* Deleted rows stay restorable for this long, then startup purges them. */
#define TS_UI_UNDO_DAYS 30

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  GtkWidget *w = widget;

  /* The nearest overlay: a dialog has its own, the window has one. */
  for (; w != NULL; w = gtk_widget_get_parent (w))
    if (ADW_IS_TOAST_OVERLAY (w))
      return ADW_TOAST_OVERLAY (w);
  w = GTK_WIDGET (gtk_widget_get_root (widget));
  if (ADW_IS_APPLICATION_WINDOW (w))
    {
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (w));

      if (ADW_IS_TOAST_OVERLAY (content))
        return ADW_TOAST_OVERLAY (content);
    }
  /* A dialog without an overlay of its own shows it on its parent. */
  if (GTK_IS_WINDOW (w) && gtk_window_get_transient_for (GTK_WINDOW (w)) != NULL)
    return find_overlay (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (w))));
  return NULL;
}

void
ts_ui_add_toast (GtkWidget *widget,
                 AdwToast  *toast)
{
  AdwToastOverlay *overlay = find_overlay (widget);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
ts_ui_show_error (GtkWidget    *widget,
                  const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 8);
  ts_ui_add_toast (widget, toast);
}

typedef struct {
  TsRepository *repository;
  char         *table;
  gint64        id;
} UndoData;

static void
undo_data_free (gpointer data)
{
  UndoData *undo = data;

  g_object_unref (undo->repository);
  g_free (undo->table);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  if (!ts_repository_restore (undo->repository, undo->table, undo->id, &error))
    g_warning ("Undo failed: %s", error->message);
}

gboolean
ts_ui_delete_with_undo (GtkWidget    *widget,
                        TsRepository *repository,
                        const char   *table,
                        gint64        id,
                        const char   *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  UndoData *undo;

  /* Find the overlay before the delete: the widget may go away with the row. */
  AdwToastOverlay *overlay = find_overlay (widget);

  if (!ts_repository_delete (repository, table, id, &error))
    {
      ts_ui_show_error (widget, error);
      return FALSE;
    }
  /* Translators: %s is what was deleted, e.g. a member's name. */
  title = g_strdup_printf (_("“%s” deleted"), what);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  undo = g_new0 (UndoData, 1);
  undo->repository = g_object_ref (repository);
  undo->table = g_strdup (table);
  undo->id = id;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                         undo, (GClosureNotify) (void (*) (void)) undo_data_free, 0);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
  return TRUE;
}

void
ts_ui_clear_box (GtkWidget *box)
{
  GtkWidget *child;

  if (GTK_IS_LIST_BOX (box))
    {
      /* Rows only: headers belong to their rows and go with them. */
      GtkListBoxRow *row;

      while ((row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (box), 0)) != NULL)
        gtk_list_box_remove (GTK_LIST_BOX (box), GTK_WIDGET (row));
      return;
    }
  while ((child = gtk_widget_get_first_child (box)) != NULL)
    if (GTK_IS_FLOW_BOX (box))
      gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
    else if (GTK_IS_GRID (box))
      gtk_grid_remove (GTK_GRID (box), child);
    else
      gtk_box_remove (GTK_BOX (box), child);
}

char *
ts_ui_format_day (const char *starts_at)
{
  g_autoptr(GDateTime) when = NULL;

  if (starts_at == NULL || *starts_at == '\0')
    return g_strdup ("");
  when = ts_date_parse (starts_at);
  if (when == NULL)
    return g_strdup (starts_at);
  return ts_date_format_day (when);
}

/* 12345 → "12,345": yen amounts read at a glance. */
char *
ts_ui_format_number (gint64 number)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, number < 0 ? -number : number);
  GString *out = g_string_new (number < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

GtkWidget *
ts_ui_detail_row (const char *title,
                  const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               value != NULL && *value != '\0' ? value : "—");
  gtk_widget_add_css_class (row, "property");
  return row;
}

gboolean
ts_ui_purge_old_deletes (TsRepository  *repository,
                         GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) cutoff = g_date_time_add_days (now, -TS_UI_UNDO_DAYS);
  g_autofree char *older_than = g_date_time_format (cutoff, "%Y-%m-%dT%H:%M:%S");

  return ts_repository_purge_deleted (repository, older_than, error);
}

/* Above redraw: while something animates (a blinking cursor) under a
 * slow renderer, frames can be due all the time and a default idle
 * would never run, leaving a view showing old data. */
guint
ts_ui_idle_add (GSourceFunc function,
                gpointer    data)
{
  return g_idle_add_full (G_PRIORITY_HIGH_IDLE, function, data, NULL);
}


/* A row that leads to a record (event, member) when @id is set. Names and
 * organizations are plain text: "A&B" or "<仮>" must not be read as
 * markup. */
GtkWidget *
ts_ui_link_row (const char *title,
                const char *subtitle,
                const char *suffix,
                gint64      id)
{
  GtkWidget *row = ts_link_row_new (MAX (id, 0));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* One line each, the whole text on hover: a page of a hundred rows
   * that wrap is measured again at every width it is offered, and took
   * most of the first frame on a large file. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  if (subtitle != NULL && *subtitle != '\0')
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, subtitle);
    }
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (id > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return row;
}

/* The record a row made by ts_ui_link_row() leads to, or 0. */
gint64
ts_ui_link_row_id (GtkListBoxRow *row)
{
  return TS_IS_LINK_ROW (row) ? ts_link_row_get_record_id (TS_LINK_ROW (row)) : 0;
}

/* Called by the expression with the AdwEnumListItem; the closure's
 * marshaller takes the string it returns. */
static char *
enum_item_label (AdwEnumListItem *item,
                 gpointer         enum_type)
{
  if (item == NULL)
    return g_strdup ("");
  return g_strdup (ts_enum_to_label ((GType) GPOINTER_TO_SIZE (enum_type),
                                     adw_enum_list_item_get_value (item)));
}

GtkExpression *
ts_ui_enum_label_expression (GType enum_type)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (enum_item_label),
                                      GSIZE_TO_POINTER (enum_type), NULL);
}

GtkWidget *
ts_ui_enum_drop_down_new (GType enum_type,
                          int   selected)
{
  AdwEnumListModel *model = adw_enum_list_model_new (enum_type);
  guint position = adw_enum_list_model_find_position (model, selected);
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (model),
                                            ts_ui_enum_label_expression (enum_type));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), position);
  return drop_down;
}

/* The value of a drop-down's or combo row's selected item; -1 for none. */
int
ts_ui_enum_selected (GObject *item)
{
  return ADW_IS_ENUM_LIST_ITEM (item) ? adw_enum_list_item_get_value (ADW_ENUM_LIST_ITEM (item)) : -1;
}

void
ts_ui_enum_combo_row_setup (AdwComboRow *row,
                            GType        enum_type)
{
  g_autoptr(AdwEnumListModel) model = adw_enum_list_model_new (enum_type);
  g_autoptr(GtkExpression) expression = ts_ui_enum_label_expression (enum_type);

  adw_combo_row_set_expression (row, expression);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

void
ts_ui_enum_combo_row_select (AdwComboRow *row,
                             int          value)
{
  AdwEnumListModel *model = ADW_ENUM_LIST_MODEL (adw_combo_row_get_model (row));

  adw_combo_row_set_selected (row, adw_enum_list_model_find_position (model, value));
}

/* A window action (GtkWidgetActionActivateFunc): full screen and back,
 * for the door and the introductions on a projector. */
void
ts_ui_toggle_fullscreen (GtkWidget  *window,
                         const char *action_name,
                         GVariant   *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (window)))
    gtk_window_unfullscreen (GTK_WINDOW (window));
  else
    gtk_window_fullscreen (GTK_WINDOW (window));
}
