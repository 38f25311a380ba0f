/* ts-accessible.h: what a screen reader needs from a row: a name to read
 * and an action to open it, as Enter does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void ts_accessible_list_item (GtkListItem   *item,
                              const char    *label);
void ts_accessible_row       (GtkListBoxRow *row,
                              const char    *label);
void ts_accessible_label_toggle       (GtkWidget *popup,
                                       const char *label);
void ts_accessible_name_popup_buttons (GtkWidget *root);
void ts_accessible_focus_when_shown (GtkWidget *widget);
char *ts_accessible_join     (const char    *first,
                              ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
