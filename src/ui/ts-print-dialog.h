/* ts-print-dialog.h: options, preview, PDF export and printing for one event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-repository.h"

G_BEGIN_DECLS

/* @kind: "roster", "cards", "badges", "addendum" or "receipts". */
void ts_print_dialog_present (GtkWindow    *parent,
                              TsRepository *repository,
                              gint64        event_id,
                              const char   *kind);

G_END_DECLS
