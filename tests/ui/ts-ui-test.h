/* ts-ui-test.h: small helpers for driving real windows in tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *ts_ui_test_find_named       (GtkWidget  *root,
                                        const char *name);
GtkWidget *ts_ui_test_find_toplevel    (GType       type);
void       ts_ui_test_close_all        (void);

G_END_DECLS
