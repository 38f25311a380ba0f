/* ts-date-private.h: the tables that printing and parsing dates share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Japanese era: its name and its first day. */
typedef struct {
  const char *name;
  int         year, month, day;
} TsDateEra;

/* Newest first, ending with a NULL name. */
extern const TsDateEra ts_date_eras[];

/* 月 … 日, Monday first as GDateTime counts, then NULL. */
extern const char * const ts_date_weekdays_ja[];

char    *ts_date_normalize    (const char  *text);
guint    ts_date_scan_number  (const char **p,
                               guint        max_digits,
                               int         *value);
gboolean ts_date_skip         (const char **p,
                               const char  *literal);
int      ts_date_scan_weekday (const char **p);
gboolean ts_date_scan_time    (const char **p,
                               int         *hour,
                               int         *minute);

G_END_DECLS
