/* ts-print-settings.h: the print dialog's options, bound to GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-print-job.h"

G_BEGIN_DECLS

#define TS_TYPE_PRINT_SETTINGS (ts_print_settings_get_type ())
G_DECLARE_FINAL_TYPE (TsPrintSettings, ts_print_settings, TS, PRINT_SETTINGS, GObject)

/* The badge-size property. */
typedef enum {
  TS_BADGE_SIZE_CARD,   /* business cards, 10 per sheet */
  TS_BADGE_SIZE_A6,     /* A6, 4 per sheet */
} TsBadgeSize;

TsPrintSettings *ts_print_settings_new         (TsPrintKind      kind,
                                                GSettings       *settings);
TsPrintKind      ts_print_settings_get_kind    (TsPrintSettings *self);
void             ts_print_settings_get_options (TsPrintSettings *self,
                                                TsPrintOptions  *options);

G_END_DECLS
