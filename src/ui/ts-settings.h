/* ts-settings.h: the app's GSettings, found once at start-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GSettings *ts_settings_new            (void);
GSettings *ts_settings_dup_for_widget (GtkWidget *widget);

G_END_DECLS
