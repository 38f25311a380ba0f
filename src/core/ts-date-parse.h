/* ts-date-parse.h: dates and times as people type them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TS_DATE_PARSE_ERROR (ts_date_parse_error_quark ())

/* The code names the part at fault, so a form can point at its field. */
typedef enum {
  TS_DATE_PARSE_ERROR_DAY,
  TS_DATE_PARSE_ERROR_TIME,
} TsDateParseError;

GQuark   ts_date_parse_error_quark (void);

gboolean ts_date_parse_day         (const char  *text,
                                    GDateTime   *today,
                                    GDate       *day,
                                    GError     **error);
gboolean ts_date_parse_time        (const char  *text,
                                    int         *hour,
                                    int         *minute,
                                    GError     **error);
char    *ts_date_parse_input       (const char  *day_text,
                                    const char  *time_text,
                                    GDateTime   *today,
                                    GError     **error);
char    *ts_date_parse_one         (const char  *text,
                                    GDateTime   *today,
                                    GError     **error);
char    *ts_date_parse_end         (const char  *text,
                                    const char  *starts_at,
                                    GDateTime   *today,
                                    GError     **error);
gboolean ts_date_parse_month       (const char  *text,
                                    int         *year,
                                    int         *month);

G_END_DECLS
