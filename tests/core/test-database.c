/* test-database.c: opening, refusing and migrating database files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "ts-schema.h"
#include "ts-text.h"
#include "ts-test-support.h"

static void
test_create_migrates_to_latest (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "new.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = ts_database_open (path, &error);
  g_auto(GStrv) professions = NULL;
  g_autoptr(TsRepository) repository = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (ts_database_get_schema_version (database), ==, ts_schema_latest_version ());
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  /* A new file has nothing to back up. */
  g_assert_null (ts_database_get_last_backup (database));

  repository = ts_repository_new (database);
  professions = ts_repository_list_professions (repository, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (professions), ==, 28);
  g_assert_cmpstr (professions[0], ==, "医師");
  g_assert_cmpstr (professions[11], ==, "介護支援専門員(ケアマネジャー)");
  g_assert_cmpstr (professions[27], ==, "その他");

  g_clear_object (&repository);
  g_clear_object (&database);
  /* Opening again changes nothing and migrates nothing. */
  database = ts_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (ts_database_get_last_backup (database));
  g_clear_object (&database);
  ts_test_remove_dir (dir);
}

static void
assert_refused (const char  *path,
                int          code)
{
  g_autoptr(GBytes) before = ts_test_read_file (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = ts_database_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (database);
  g_assert_error (error, TS_DATABASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, "unchanged"));
  after = ts_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuses_garbage (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "garbage.db", NULL);
  g_autoptr(GString) garbage = g_string_new (NULL);

  for (int i = 0; i < 5000; i++)
    g_string_append_c (garbage, (char) (i * 7919 % 251));
  g_assert_true (g_file_set_contents (path, garbage->str, garbage->len, NULL));
  assert_refused (path, TS_DATABASE_ERROR_NOT_A_DATABASE);

  g_assert_true (g_file_set_contents (path, "name,reading\n山田,やまだ\n", -1, NULL));
  assert_refused (path, TS_DATABASE_ERROR_NOT_A_DATABASE);
  ts_test_remove_dir (dir);
}

static void
make_sqlite_file (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuses_newer_version (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *sql = g_strdup_printf (
    "CREATE TABLE future (x); PRAGMA application_id = %d; PRAGMA user_version = %d;",
    TS_DATABASE_APPLICATION_ID, ts_schema_latest_version () + 1);

  make_sqlite_file (path, sql);
  assert_refused (path, TS_DATABASE_ERROR_TOO_NEW);
  ts_test_remove_dir (dir);
}

static void
test_refuses_other_programs_database (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);

  make_sqlite_file (path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  assert_refused (path, TS_DATABASE_ERROR_NOT_A_DATABASE);
  ts_test_remove_dir (dir);
}

static void
test_foreign_keys_enforced (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "fk.db");
  g_autoptr(TsEvent) event = ts_event_new ();
  g_autoptr(TsAttendance) attendance = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (event, "chapter-id", (gint64) 999, "starts-at", "2017-08-24T19:00", NULL);
  g_assert_false (ts_repository_save_event (repository, event, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  attendance = ts_repository_set_attendance (repository, 5, 6, TS_ATTENDANCE_STATUS_REGISTERED, &error);
  g_assert_null (attendance);
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT);
  ts_test_remove_dir (dir);
}

static void
test_wal_and_check (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "wal.db");
  TsDatabase *database = ts_repository_get_database (repository);
  g_autoptr(GString) report = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (ts_database_get_handle (database), "PRAGMA journal_mode", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);

  g_assert_true (ts_database_check (database, report));
  {
    g_autofree char *version = g_strdup_printf ("version: %d", ts_schema_latest_version ());

    g_assert_nonnull (strstr (report->str, version));
  }
  ts_test_remove_dir (dir);
}

static void
test_backup_before_migration (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;",
                                          TS_DATABASE_APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;
  guint backups = 0;

  /* A file of ours at version 0 with a row that the v1 migration does not
   * know (in SQLite's statistics, the only table a file of ours may hold
   * before version 1): the migration must copy the file first. */
  make_sqlite_file (path, "ANALYZE; INSERT INTO sqlite_stat1 VALUES ('notes', NULL, 'keep me');");
  make_sqlite_file (path, sql);
  database = ts_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (ts_database_get_last_backup (database));
  g_assert_cmpint (ts_database_get_schema_version (database), ==, ts_schema_latest_version ());
  {
    /* The copy is the file as it was: version 0, with the row. */
    sqlite3 *copy = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (ts_database_get_last_backup (database), &copy,
                                      SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    sqlite3_prepare_v2 (copy, "SELECT stat, (SELECT user_version FROM pragma_user_version)"
                              " FROM sqlite_stat1", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "keep me");
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (copy);
  }
  g_clear_object (&database);

  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    backups += g_str_has_suffix (name, ".bak");
  g_assert_cmpuint (backups, ==, 1);
  ts_test_remove_dir (dir);
}

/* A file exactly as Tsudoi wrote version 1: the first migration's SQL,
 * then members inserted the way version 1 stored them, keys included. */
static void
make_version_1_file (const char  *path,
                     const char **names,
                     guint        n_names)
{
  const TsMigration *migrations;
  guint n_migrations;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA user_version = 1;"
                                              "PRAGMA application_id = %d;",
                                              TS_DATABASE_APPLICATION_ID);

  migrations = ts_schema_get_migrations (&n_migrations);
  g_assert_cmpint (migrations[0].version, ==, 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, migrations[0].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragmas, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "INSERT INTO member (uuid, family_name, given_name, family_reading, given_reading,"
    "  organization, search_key, sort_key, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '2017-08-01T10:00:00', '2017-08-01T10:00:00')",
    -1, &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < n_names; i++)
    {
      g_autoptr(TsMember) member = ts_member_new ();
      g_autofree char *uuid = g_uuid_string_random ();
      g_auto(GStrv) parts = g_strsplit (names[i], ",", 5);

      g_object_set (member, "family-name", parts[0], "given-name", parts[1],
                    "family-reading", parts[2], "given-reading", parts[3],
                    "organization", parts[4], NULL);
      ts_member_update_keys (member);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      for (int f = 0; f < 5; f++)
        sqlite3_bind_text (stmt, 2 + f, parts[f], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, member->search_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 8, g_bytes_get_data (member->sort_key, NULL),
                         g_bytes_get_size (member->sort_key), SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static guint
count_found (TsRepository *repository,
             const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = ts_repository_list_members (repository, query, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (found);
}

/* A version 1 file with members opens migrated, with a copy of it kept
 * aside, is recognized as ours at once (the search index's tables are
 * Tsudoi's), and finds every member it had by search. */
static void
test_migrates_version_1 (void)
{
  static const char *names[] = {
    "山田,太郎,やまだ,たろう,蒲田訪問看護ステーション",
    "山本,花子,ヤマモト,ハナコ,大森クリニック",
    "佐藤,一郎,ｻﾄｳ,ｲﾁﾛｳ,介護老人保健施設つどい",
    "髙橋,美咲,たかはし,みさき,Tsudoi Care",
  };
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GString) report = g_string_new (NULL);

  make_version_1_file (path, names, G_N_ELEMENTS (names));
  database = ts_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_database_get_schema_version (database), ==, ts_schema_latest_version ());
  g_assert_nonnull (ts_database_get_last_backup (database));
  g_assert_true (ts_database_check (database, report));
  repository = ts_repository_new (database);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(GStrv) parts = g_strsplit (names[i], ",", 5);
      /* Three characters or more go through the index, fewer are scanned;
       * kana of any kind and width match. */
      g_autofree char *reading = g_strconcat (parts[2], parts[3], NULL);
      g_autofree char *hiragana = ts_text_to_hiragana (reading);

      g_assert_cmpuint (count_found (repository, parts[4]), ==, 1);
      g_assert_cmpuint (count_found (repository, reading), ==, 1);
      g_assert_cmpuint (count_found (repository, hiragana), ==, 1);
      g_assert_cmpuint (count_found (repository, parts[0]), ==, 1);
    }
  g_assert_cmpuint (count_found (repository, "やま"), ==, 2);
  g_assert_cmpuint (count_found (repository, "ヤマモトハナ"), ==, 1);

  /* Opened again, the migrated file is accepted as it is. */
  g_clear_object (&repository);
  g_clear_object (&database);
  database = ts_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (ts_database_get_last_backup (database));
  g_clear_object (&database);
  ts_test_remove_dir (dir);
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A version 1 file with a meeting's attendance, some of it paid, becomes
 * a file of the latest version: the rows are all there, what was paid is
 * an amount (the event's fee), nobody is seated, and the file as it was
 * is kept aside. */
static void
test_migrates_version_1_attendance (void)
{
  static const char *names[] = {
    "山田,太郎,やまだ,たろう,蒲田訪問看護ステーション",
    "山本,花子,やまもと,はなこ,大森クリニック",
  };
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "v1.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  sqlite3 *db = NULL;

  make_version_1_file (path, names, G_N_ELEMENTS (names));
  make_sqlite_file (path,
    "INSERT INTO chapter (uuid, name, created_at, updated_at)"
    "  VALUES ('c1', '蒲田医介塾', '2017-08-01T10:00:00', '2017-08-01T10:00:00');"
    "INSERT INTO event (uuid, chapter_id, title, starts_at, fee, created_at, updated_at)"
    "  VALUES ('e1', 1, '第1回', '2017-08-24T19:00', 4000,"
    "          '2017-08-01T10:00:00', '2017-08-01T10:00:00');"
    "INSERT INTO attendance (uuid, event_id, member_id, status, paid, created_at, updated_at)"
    "  VALUES ('a1', 1, 1, 'attended', 1, '2017-08-24T19:05:00', '2017-08-24T19:05:00'),"
    "         ('a2', 1, 2, 'registered', 0, '2017-08-01T10:00:00', '2017-08-01T10:00:00');");

  database = ts_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_database_get_schema_version (database), ==, ts_schema_latest_version ());
  g_assert_true (ts_database_check (database, report));
  g_assert_nonnull (ts_database_get_last_backup (database));
  g_clear_object (&database);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM attendance"), ==, 2);
  g_assert_cmpint (query_int64 (db, "SELECT paid_amount FROM attendance WHERE uuid = 'a1'"), ==, 4000);
  g_assert_cmpint (query_int64 (db, "SELECT paid_at = '2017-08-24T19:05:00' FROM attendance"
                                    " WHERE uuid = 'a1'"), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT paid_amount FROM attendance WHERE uuid = 'a2'"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM attendance WHERE seat_table <> 0"
                                    " OR fee_class_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM member"), ==, 2);
  sqlite3_close (db);

  /* The copy is the version 1 file, with its rows. */
  {
    g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
    const char *name;
    guint backups = 0;

    while ((name = g_dir_read_name (folder)) != NULL)
      if (g_str_has_suffix (name, ".bak"))
        {
          g_autofree char *copy = g_build_filename (dir, name, NULL);

          backups++;
          g_assert_cmpint (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
          g_assert_cmpint (query_int64 (db, "PRAGMA user_version"), ==, 1);
          g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM attendance WHERE paid = 1"), ==, 1);
          sqlite3_close (db);
        }
    g_assert_cmpuint (backups, ==, 1);
  }
  ts_test_remove_dir (dir);
}

static gpointer
open_in_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  TsDatabase *database = ts_database_open (data, &error);

  g_assert_no_error (error);
  return database;
}

/* Another program holding the whole file for a moment (a connection in
 * exclusive locking mode, as the last one out is while it folds the log
 * back in) makes an open wait, not fail with "another program is
 * writing". The lock is held for a while on purpose, so that the open
 * meets it; released earlier, the test only proves less. */
static void
test_open_waits_for_lock (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "locked.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = ts_database_open (path, &error);
  TsDatabase *opened;
  GThread *opener;
  sqlite3 *holder = NULL;

  g_assert_no_error (error);
  g_clear_object (&database);
  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE;"
                                         "BEGIN EXCLUSIVE;", NULL, NULL, NULL), ==, SQLITE_OK);
  opener = g_thread_new ("opener", open_in_thread, path);
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (sqlite3_exec (holder, "COMMIT;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (holder);
  opened = g_thread_join (opener);
  g_assert_nonnull (opened);
  g_object_unref (opened);
  ts_test_remove_dir (dir);
}

static void
test_failed_transaction_leaves_nothing (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "tx.db");
  g_autofree char *path = g_build_filename (dir, "tx.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(TsMember) member = ts_member_new ();
  g_autoptr(TsAttendance) attendance = NULL;
  g_autoptr(GError) error = NULL;

  before = ts_test_dump_database (path);
  g_object_set (member, "family-name", "山田", "family-reading", "やまだ", NULL);
  /* Event 42 does not exist: the member must not be left behind. */
  attendance = ts_repository_add_walk_in (repository, 42, member, &error);
  g_assert_null (attendance);
  g_assert_nonnull (error);
  g_assert_cmpint (member->id, ==, 0);
  after = ts_test_dump_database (path);
  g_assert_cmpstr (before, ==, after);
  ts_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/database/create", test_create_migrates_to_latest);
  g_test_add_func ("/database/refuse-garbage", test_refuses_garbage);
  g_test_add_func ("/database/refuse-newer", test_refuses_newer_version);
  g_test_add_func ("/database/refuse-other-program", test_refuses_other_programs_database);
  g_test_add_func ("/database/foreign-keys", test_foreign_keys_enforced);
  g_test_add_func ("/database/wal-and-check", test_wal_and_check);
  g_test_add_func ("/database/backup-before-migration", test_backup_before_migration);
  g_test_add_func ("/database/migrate-version-1", test_migrates_version_1);
  g_test_add_func ("/database/migrate-version-1-attendance", test_migrates_version_1_attendance);
  g_test_add_func ("/database/open-waits-for-lock", test_open_waits_for_lock);
  g_test_add_func ("/database/rollback", test_failed_transaction_leaves_nothing);
  return g_test_run ();
}
