/* ts-receipt-dialog.h: issue an event's receipts (領収書), with the 宛名
 * of each checked before printing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-repository.h"

G_BEGIN_DECLS

void ts_receipt_dialog_present (GtkWindow    *parent,
                                TsRepository *repository,
                                gint64        event_id);

G_END_DECLS
