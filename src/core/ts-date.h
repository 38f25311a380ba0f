/* ts-date.h: event dates as stored ("2017-08-24T19:00") and as printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *ts_date_parse                  (const char *text);
gboolean   ts_date_is_valid               (const char *text);
char      *ts_date_format_day             (GDateTime  *when);
char      *ts_date_format_time            (GDateTime  *when);
char      *ts_date_format_month           (int         year,
                                           int         month);
char      *ts_date_format_range           (const char *starts_at,
                                           const char *ends_at);
char      *ts_date_format_day_wareki      (GDateTime  *when);
gboolean   ts_date_wareki_available       (void);
char      *ts_date_format_range_wareki    (const char *starts_at,
                                           const char *ends_at,
                                           gboolean    wareki);
char      *ts_date_format_stored          (GDateTime  *when);
GDateTime *ts_date_same_weekday_next_month (GDateTime *when);

G_END_DECLS
