/* ts-print-operation.h: a GtkPrintOperation that draws a print job.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-print-job.h"

G_BEGIN_DECLS

GtkPrintOperation *ts_print_operation_new (TsPrintJob *job);

G_END_DECLS
