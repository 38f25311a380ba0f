/* test-tampered.c: files changed by another program are refused, and
 * left byte for byte as they were: planted triggers, views and tables, a
 * -wal of another database beside ours. The app's library and tsudoi-cli
 * (a real process) alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "ts-test-support.h"

typedef struct {
  TsTestDb db;
  gint64   member_id;
} Fixture;

/* A file of ours with a member who attended an event, closed. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(TsMember) member = NULL;

  ts_test_db_init (&fixture->db, "ours.db");
  chapter = ts_test_add_chapter (fixture->db.repository, "name", "大田医介塾", NULL);
  event = ts_test_add_event (fixture->db.repository, "chapter-id", chapter->id,
                             "starts-at", "2017-08-24T19:00", NULL);
  member = ts_test_add_member (fixture->db.repository, "family-name", "山田",
                               "family-reading", "やまだ", NULL);
  ts_test_attend (fixture->db.repository, event->id, member->id, TS_ATTENDANCE_STATUS_ATTENDED);
  fixture->member_id = member->id;
  g_clear_object (&fixture->db.repository);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (&fixture->db);
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static GBytes *
read_if_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS) ? ts_test_read_file (path) : NULL;
}

static void
assert_same_bytes (GBytes     *before,
                   const char *path)
{
  g_autoptr(GBytes) after = read_if_exists (path);

  if (before == NULL)
    g_assert_null (after);
  else
    g_assert_true (after != NULL && g_bytes_equal (before, after));
}

/* Refused by the library, by `tsudoi-cli member add` and by `check`,
 * with the object named, and no byte of the file changed. */
static void
assert_refused_everywhere (const char *path,
                           const char *object)
{
  g_autoptr(GBytes) before = ts_test_read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = ts_database_open (path, &error);
  g_autofree char *err = NULL;

  g_assert_null (database);
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, object));
  g_assert_nonnull (strstr (error->message, "another program"));

  g_assert_cmpint (ts_test_run_cli (NULL, path, NULL, &err, "member", "add",
                                    "--name", "佐藤 花子", "--reading", "さとう はなこ",
                                    NULL), ==, 1);
  g_assert_nonnull (strstr (err, object));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ts_test_run_cli (NULL, path, NULL, &err, "check", NULL), ==, 1);
  g_assert_nonnull (strstr (err, object));
  assert_same_bytes (before, path);
  /* Nothing beside it either: the refused file was closed, and stays so. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  }
}

static void
test_planted_trigger (Fixture       *fixture,
                      gconstpointer  data)
{
  run_sql (fixture->db.path,
           "CREATE TRIGGER wipe AFTER INSERT ON member BEGIN DELETE FROM attendance; END;");
  assert_refused_everywhere (fixture->db.path, "wipe");
  /* Nothing ran: the attendance is still there. */
  run_sql (fixture->db.path, "DROP TRIGGER wipe;");
  g_assert_cmpint (ts_test_run_cli (NULL, fixture->db.path, NULL, NULL, "check", NULL), ==, 0);
  {
    g_autoptr(TsRepository) repository = ts_test_open_repository (fixture->db.dir, "ours.db");
    g_autoptr(GListModel) history = ts_repository_list_member_history (repository,
                                                                        fixture->member_id,
                                                                        NULL);
    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
  }
}

static void
test_planted_view_and_table (Fixture       *fixture,
                             gconstpointer  data)
{
  run_sql (fixture->db.path, "CREATE VIEW everyone AS SELECT * FROM member;");
  assert_refused_everywhere (fixture->db.path, "everyone");
  run_sql (fixture->db.path, "DROP VIEW everyone; CREATE TABLE harvest (email TEXT);");
  assert_refused_everywhere (fixture->db.path, "harvest");
  run_sql (fixture->db.path, "DROP TABLE harvest; CREATE INDEX sneaky ON member (email);");
  assert_refused_everywhere (fixture->db.path, "sneaky");
}

/* SQLite's own statistics are no tampering. */
static void
test_statistics_allowed (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;

  run_sql (fixture->db.path, "ANALYZE;");
  database = ts_database_open (fixture->db.path, &error);
  g_assert_no_error (error);
}

/* Another database's -wal beside ours: recognizing the file must not
 * copy that log into it, and both stay as they were. */
static void
test_foreign_wal_left_alone (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->db.dir, "other.db", NULL);
  g_autofree char *other_wal = g_strconcat (other, "-wal", NULL);
  g_autofree char *wal = g_strconcat (fixture->db.path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->db.path, "-shm", NULL);
  g_autoptr(GBytes) before = ts_test_read_file (fixture->db.path);
  g_autoptr(GBytes) foreign = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;
  sqlite3 *db = NULL;

  /* Another program's database with its log still open. */
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; "
                                     "CREATE TABLE contacts (name TEXT, email TEXT);"
                                     "INSERT INTO contacts VALUES ('x', 'x@example.jp');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  foreign = ts_test_read_file (other_wal);
  g_assert_cmpuint (g_bytes_get_size (foreign), >, 0);
  sqlite3_close (db);
  g_assert_true (g_file_set_contents_full (wal, g_bytes_get_data (foreign, NULL),
                                           g_bytes_get_size (foreign),
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));

  database = ts_database_open (fixture->db.path, &error);
  g_assert_null (database);
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "unchanged"));
  assert_same_bytes (before, fixture->db.path);
  assert_same_bytes (foreign, wal);

  /* tsudoi-cli as well, as a process of its own. */
  g_assert_cmpint (ts_test_run_cli (NULL, fixture->db.path, NULL, NULL, "members", NULL), ==, 1);
  assert_same_bytes (before, fixture->db.path);
  assert_same_bytes (foreign, wal);

  /* Once the stray log is gone the file opens with its data. */
  g_unlink (wal);
  g_unlink (shm);
  g_assert_cmpint (ts_test_run_cli (NULL, fixture->db.path, NULL, NULL, "check", NULL), ==, 0);
}

/* Personal data: the database and its log are for their owner only. */
static void
test_created_private (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "new.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;
  GStatBuf info;
  mode_t saved = umask (022);

  database = ts_database_open (path, &error);
  umask (saved);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  g_clear_object (&database);
  ts_test_remove_dir (folder);
  ts_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/tampered/planted-trigger", test_planted_trigger);
  ADD ("/tampered/planted-view-and-table", test_planted_view_and_table);
  ADD ("/tampered/statistics-allowed", test_statistics_allowed);
  ADD ("/tampered/foreign-wal-left-alone", test_foreign_wal_left_alone);
  g_test_add_func ("/tampered/created-private", test_created_private);
  return g_test_run ();
}
