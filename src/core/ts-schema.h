/* ts-schema.h: the schema, one migration per version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct {
  int         version;
  const char *sql;
} TsMigration;

const TsMigration *ts_schema_get_migrations (guint *n_migrations);
int                ts_schema_latest_version (void);
const char        *ts_schema_get_restore_sql (void);
const char * const *ts_schema_get_tables    (void);
char              *ts_schema_find_foreign   (sqlite3 *db,
                                             int      version);

G_END_DECLS
