/* ts-print-dialog.c: options, preview, PDF export and printing for one event.
 *
 * A placeholder until the printing work lands: it says so plainly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ts-print-dialog.h"

void
ts_print_dialog_present (GtkWindow    *parent,
                         TsRepository *repository,
                         gint64        event_id,
                         const char   *kind)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Printing Is Not Available Yet"),
                                              _("This version of Tsudoi cannot print yet."));

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
