/* ts-test-support.h: temporary folders and databases, records and
 * tsudoi-cli runs for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"
#include "ts-test-wait.h"

G_BEGIN_DECLS

char         *ts_test_make_temp_dir   (void);
void          ts_test_remove_dir      (const char *path);
TsRepository *ts_test_open_repository (const char *dir,
                                       const char *name);
GBytes       *ts_test_read_file       (const char *path);
char         *ts_test_fixture_path    (const char *name);
char         *ts_test_dump_database   (const char *path);
char         *ts_test_kana_number     (guint       n);
void          ts_test_write_members_csv (const char *path,
                                         guint       n_rows);

/* A temporary folder with one database file in it, opened. */
typedef struct {
  char         *dir;
  char         *path;
  TsRepository *repository;
  TsDatabase   *database;     /* the repository's */
} TsTestDb;

void          ts_test_db_init         (TsTestDb   *db,
                                       const char *name);
void          ts_test_db_clear        (TsTestDb   *db);

/* Records saved with the properties given (a NULL-terminated list of
 * name/value pairs, as for g_object_set), failing the test on error. */
TsChapter    *ts_test_add_chapter     (TsRepository *repository,
                                       const char   *first_property,
                                       ...) G_GNUC_NULL_TERMINATED;
TsEvent      *ts_test_add_event       (TsRepository *repository,
                                       const char   *first_property,
                                       ...) G_GNUC_NULL_TERMINATED;
TsMember     *ts_test_add_member      (TsRepository *repository,
                                       const char   *first_property,
                                       ...) G_GNUC_NULL_TERMINATED;
void          ts_test_attend          (TsRepository *repository,
                                       gint64        event_id,
                                       gint64        member_id,
                                       TsAttendanceStatus status);

/* One run of tsudoi-cli ($TSUDOI_CLI): its exit status and output. */
typedef struct {
  int   status;
  char *out;
  char *err;
} TsTestRun;

void          ts_test_run_clear       (TsTestRun  *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TsTestRun, ts_test_run_clear)

char        **ts_test_cli_environ     (const char *locale);
int           ts_test_run_cli_valist  (char       **env,
                                       const char  *database,
                                       char       **out,
                                       char       **err,
                                       const char  *first,
                                       va_list      args);
int           ts_test_run_cli         (char       **env,
                                       const char  *database,
                                       char       **out,
                                       char       **err,
                                       const char  *first,
                                       ...) G_GNUC_NULL_TERMINATED;


G_END_DECLS
