/* ts-print-settings.h: print options remembered in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-print-job.h"

G_BEGIN_DECLS

void       ts_print_settings_load (GSettings      *settings,
                                   TsPrintOptions *options);
void       ts_print_settings_save (GSettings            *settings,
                                   const TsPrintOptions *options);

G_END_DECLS
