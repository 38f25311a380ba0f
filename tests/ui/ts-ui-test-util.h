/* ts-ui-test-util.h: driving real widgets in GUI tests: find a row by
 * its title, type into it, save a window as PNG. Waits are in ts-test-gtk.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *ts_ui_test_find_row        (GtkWidget  *root,
                                       const char *title);
GtkWidget *ts_ui_test_find_button     (GtkWidget  *root,
                                       const char *label);
GtkWidget *ts_ui_test_find_type       (GtkWidget  *root,
                                       GType       type);
void       ts_ui_test_type            (GtkWidget  *root,
                                       const char *title,
                                       const char *text);
GtkWindow *ts_ui_test_top_dialog      (GType       type);
gboolean   ts_ui_test_save_png        (GtkWidget  *widget,
                                       const char *path,
                                       GError    **error);
gboolean   ts_ui_test_press_shortcut  (GtkWidget       *widget,
                                       guint            keyval,
                                       GdkModifierType  modifiers);

G_END_DECLS
