/* ts-database.h: one Tsudoi SQLite file, opened, checked and migrated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define TS_DATABASE_ERROR (ts_database_error_quark ())

typedef enum {
  TS_DATABASE_ERROR_NOT_A_DATABASE,  /* not SQLite, or SQLite but not ours */
  TS_DATABASE_ERROR_TOO_NEW,         /* written by a newer Tsudoi */
  TS_DATABASE_ERROR_CORRUPT,
  TS_DATABASE_ERROR_IO,
  TS_DATABASE_ERROR_CONSTRAINT,      /* a write broke a rule of the schema */
  TS_DATABASE_ERROR_NOT_FOUND,
  TS_DATABASE_ERROR_FAILED,
} TsDatabaseError;

/* 'TSDI', stored in PRAGMA application_id so that we never migrate
 * somebody else's SQLite file. */
#define TS_DATABASE_APPLICATION_ID 0x54534449

#define TS_TYPE_DATABASE (ts_database_get_type ())
G_DECLARE_FINAL_TYPE (TsDatabase, ts_database, TS, DATABASE, GObject)

typedef void (*TsDatabaseWaitFunc) (TsDatabase *database,
                                    gpointer    user_data);

GQuark        ts_database_error_quark        (void);
char         *ts_database_default_path       (void);
char         *ts_database_resolve_path       (const char  *option_path);
TsDatabase   *ts_database_open               (const char  *path,
                                              GError     **error);
gboolean      ts_database_create_private_file (const char *path,
                                               GError    **error);
const char   *ts_database_get_path           (TsDatabase  *self);
sqlite3      *ts_database_get_handle         (TsDatabase  *self);
int           ts_database_get_schema_version (TsDatabase  *self);
const char   *ts_database_get_last_backup    (TsDatabase  *self);
void          ts_database_set_wait_func      (TsDatabase         *self,
                                              TsDatabaseWaitFunc  func,
                                              gpointer            user_data);

sqlite3_stmt *ts_database_prepare            (TsDatabase  *self,
                                              const char  *sql,
                                              GError     **error);
gboolean      ts_database_exec               (TsDatabase  *self,
                                              const char  *sql,
                                              GError     **error);
gboolean      ts_database_begin              (TsDatabase  *self,
                                              GError     **error);
gboolean      ts_database_commit             (TsDatabase  *self,
                                              GError     **error);
void          ts_database_rollback           (TsDatabase  *self);
gboolean      ts_database_step_done          (TsDatabase   *self,
                                              sqlite3_stmt *stmt,
                                              GError      **error);
void          ts_database_set_error          (TsDatabase  *self,
                                              GError     **error);
gboolean      ts_database_check              (TsDatabase  *self,
                                              GString     *report);
gboolean      ts_database_backup_to          (TsDatabase  *self,
                                              const char  *dest_path,
                                              GError     **error);

/* Statements handed out by ts_database_prepare() are cached and reset
 * for the caller; this clears bindings when the caller is done. */
void          ts_statement_release           (sqlite3_stmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, ts_statement_release)

void          ts_bind_text                   (sqlite3_stmt *stmt,
                                              int           index,
                                              const char   *text);
void          ts_bind_text_take              (sqlite3_stmt *stmt,
                                              int           index,
                                              char         *text);
void          ts_bind_id                     (sqlite3_stmt *stmt,
                                              int           index,
                                              gint64        id);
char         *ts_column_text                 (sqlite3_stmt *stmt,
                                              int           column);
char         *ts_now_iso8601                 (void);

G_END_DECLS
