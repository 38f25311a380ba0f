/* ts-form.h: what the editing dialogs share: reading fields, pointing at
 * the field a rule rejected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *ts_form_get_text    (AdwEntryRow *row);
void  ts_form_set_text    (AdwEntryRow *row,
                           const char  *text);
void  ts_form_show_error  (GtkRevealer *revealer,
                           GtkLabel    *label,
                           GtkWidget   *row,
                           const char  *message);
void  ts_form_clear_error (GtkRevealer *revealer,
                           GtkWidget   *container);
void  ts_form_install_keys (GtkWidgetClass *widget_class);
void  ts_form_offer_reload (GtkWindow      *dialog,
                            const char     *message,
                            GCallback       reload);

G_END_DECLS
