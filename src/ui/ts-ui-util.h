/* ts-ui-util.h: small helpers shared by the views: toasts, undoable
 * deletes, rows of details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

void       ts_ui_add_toast         (GtkWidget    *widget,
                                    AdwToast     *toast);
void       ts_ui_show_error        (GtkWidget    *widget,
                                    const GError *error);
gboolean   ts_ui_delete_with_undo  (GtkWidget    *widget,
                                    TsRepository *repository,
                                    const char   *table,
                                    gint64        id,
                                    const char   *what);
void       ts_ui_clear_box         (GtkWidget    *box);
void       ts_ui_toggle_fullscreen (GtkWidget    *window,
                                    const char   *action_name,
                                    GVariant     *parameter);
GtkWidget *ts_ui_link_row          (const char   *title,
                                    const char   *subtitle,
                                    const char   *suffix,
                                    gint64        id);
gint64     ts_ui_link_row_id       (GtkListBoxRow *row);
char      *ts_ui_format_day        (const char   *starts_at);
char      *ts_ui_format_number     (gint64        number);
GtkWidget *ts_ui_detail_row        (const char   *title,
                                    const char   *value);
guint      ts_ui_idle_add          (GSourceFunc   function,
                                    gpointer      data);
gboolean   ts_ui_purge_old_deletes (TsRepository *repository,
                                    GError      **error);

/* Choosing a value of a registered enum (ts-vocabulary.h): its values in
 * an AdwEnumListModel, shown by their labels. */
GtkExpression *ts_ui_enum_label_expression (GType          enum_type);
GtkWidget     *ts_ui_enum_drop_down_new    (GType          enum_type,
                                            int            selected);
int            ts_ui_enum_selected         (GObject       *item);
void           ts_ui_enum_combo_row_setup  (AdwComboRow   *row,
                                            GType          enum_type);
void           ts_ui_enum_combo_row_select (AdwComboRow   *row,
                                            int            value);

G_END_DECLS
