/* ts-help.h: where F1 and the menu's Help go.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TS_HELP_URI "help:tsudoi"

char *ts_help_pick_uri (const char *const *languages,
                        const char        *html_dir,
                        gboolean           have_yelp);
char *ts_help_html_dir (void);
void  ts_help_show     (GtkWindow         *parent);

G_END_DECLS
