/* test-backup.c: consistent backups of an open database, the daily
 * automatic ones, and restoring with the current file kept aside.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include <unistd.h>

#include "ts-backup.h"
#include "ts-output-path.h"
#include "ts-schema.h"
#include "ts-test-support.h"

typedef TsTestDb Fixture;

static void
add_member (Fixture    *fixture,
            const char *family)
{
  g_autoptr(TsMember) member = ts_test_add_member (fixture->repository, "family-name", family,
                                                   "given-name", "花子", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ts_test_db_init (fixture, "tsudoi.db");
  add_member (fixture, "山田");
  add_member (fixture, "鈴木");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (fixture);
}

/* Another connection is in the middle of a write: the backup holds what
 * was committed, and nothing of the unfinished transaction. */
static void
test_consistent_while_writing (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *committed = ts_test_dump_database (fixture->path);
  g_autofree char *copied = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *writer = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer,
    "BEGIN IMMEDIATE;"
    "INSERT INTO member (uuid, family_name, created_at, updated_at)"
    " VALUES ('x', '途中', '2017-01-01', '2017-01-01');", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (ts_backup_write (fixture->database, backup, &error));
  g_assert_no_error (error);
  sqlite3_exec (writer, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (writer);

  copied = ts_test_dump_database (backup);
  g_assert_cmpstr (copied, ==, committed);
  g_assert_true (ts_backup_check_file (backup, &error));
  partial = g_strconcat (backup, ".partial", NULL);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
}

static void
test_auto_once_a_day (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *folder = ts_backup_default_folder (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) names = NULL;

  for (guint day = 1; day <= 20; day++)
    {
      g_autofree char *name = g_strdup_printf ("tsudoi-backup-2017-08-%02u-190000.db", day);
      g_autofree char *old = g_build_filename (folder, name, NULL);

      g_mkdir_with_parents (folder, 0700);
      g_assert_true (g_file_set_contents (old, "old", -1, NULL));
    }
  first = ts_backup_auto (fixture->database, folder, 14, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_true (ts_backup_check_file (first, &error));
  second = ts_backup_auto (fixture->database, folder, 14, &error);
  g_assert_no_error (error);
  g_assert_null (second);

  names = ts_backup_list (folder);
  g_assert_cmpuint (names->len, ==, 14);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "tsudoi-backup-2017-08-08-190000.db");
  g_assert_true (g_str_has_suffix (first, g_ptr_array_index (names, 13)));
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "before.db", NULL);
  g_autofree char *saved = NULL, *changed = NULL, *restored = NULL, *aside_dump = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) members = NULL;

  g_assert_true (ts_backup_write (fixture->database, backup, &error));
  saved = ts_test_dump_database (backup);
  add_member (fixture, "後から");
  changed = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (saved, !=, changed);

  g_assert_true (ts_backup_restore (fixture->database, backup, &aside, &error));
  g_assert_no_error (error);
  restored = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (restored, ==, saved);
  aside_dump = ts_test_dump_database (aside);
  g_assert_cmpstr (aside_dump, ==, changed);

  /* The open database sees the restored content at once. */
  members = ts_repository_list_members (fixture->repository, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);
  add_member (fixture, "復元後");
}

static void
test_restore_refuses_other_files (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.sqlite", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *before = ts_test_dump_database (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "not a database", -1, NULL));
  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL);
  sqlite3_close (db);

  g_assert_false (ts_backup_restore (fixture->database, text, NULL, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_false (ts_backup_restore (fixture->database, other, NULL, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_false (ts_backup_restore (fixture->database, missing, NULL, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND);
  after = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* A backup written by an older Tsudoi (schema 0 here: ours, with one
 * table of its own) is brought up to the current schema before it
 * replaces anything; one written by a newer Tsudoi is refused. */
static void
test_restore_file_migrates_older (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *old = g_build_filename (fixture->dir, "old.db", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "newer.db", NULL);
  g_autofree char *before = ts_test_dump_database (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) reopened = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("CREATE TABLE future (x); PRAGMA application_id = %d; "
                         "PRAGMA user_version = 999;", TS_DATABASE_APPLICATION_ID);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_false (ts_backup_restore_file (fixture->path, newer, NULL, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_TOO_NEW);
  g_clear_error (&error);
  after = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (after, ==, before);

  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  g_free (sql);
  sql = g_strdup_printf ("ANALYZE; PRAGMA application_id = %d;",
                         TS_DATABASE_APPLICATION_ID);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (ts_backup_restore_file (fixture->path, old, &aside, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));

  /* The open connection reads the migrated, restored content. */
  members = ts_repository_list_members (fixture->repository, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 0);
  reopened = ts_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_database_get_schema_version (reopened), ==, ts_schema_latest_version ());
  g_assert_null (ts_database_get_last_backup (reopened));
  /* The backup itself is left as it was, and no work files remain. */
  g_assert_cmpint (sqlite3_open (old, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT * FROM member", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_null (strstr (name, ".restoring"));
}

/* Never onto itself, and two restores in one second keep both copies. */
static void
test_restore_file_self_and_asides (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "b.db", NULL);
  g_autofree char *first = NULL, *second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ts_backup_restore_file (fixture->path, fixture->path, NULL, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (ts_backup_restore (fixture->database, fixture->path, NULL, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_FAILED);
  g_clear_error (&error);
  /* Nor a backup onto the database, through any name of it. */
  {
    g_autofree char *dump = ts_test_dump_database (fixture->path);
    g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
    g_autofree char *link = g_build_filename (fixture->dir, "link.db", NULL);
    g_autofree char *after = NULL;

    g_assert_cmpint (symlink (fixture->path, link), ==, 0);
    g_assert_false (ts_backup_write (fixture->database, fixture->path, &error));
    g_assert_error (error, TS_OUTPUT_PATH_ERROR, TS_OUTPUT_PATH_ERROR_DATABASE);
    g_clear_error (&error);
    g_assert_false (ts_backup_write (fixture->database, link, &error));
    g_assert_error (error, TS_OUTPUT_PATH_ERROR, TS_OUTPUT_PATH_ERROR_DATABASE);
    g_clear_error (&error);
    g_assert_false (ts_backup_write (fixture->database, wal, &error));
    g_assert_error (error, TS_OUTPUT_PATH_ERROR, TS_OUTPUT_PATH_ERROR_DATABASE);
    g_clear_error (&error);
    after = ts_test_dump_database (fixture->path);
    g_assert_cmpstr (after, ==, dump);
  }

  g_assert_true (ts_backup_write (fixture->database, backup, &error));
  g_assert_true (ts_backup_restore (fixture->database, backup, &first, &error));
  g_assert_true (ts_backup_restore (fixture->database, backup, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (char *) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A copy of a database in use (with its -wal) and a plain backup are
 * checked, counted and restored without a byte written beside them. */
static void
test_reading_writes_nothing_beside (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "usb", NULL);
  g_autofree char *plain = g_build_filename (folder, "plain.db", NULL);
  g_autofree char *in_use = g_build_filename (folder, "in-use.db", NULL);
  g_autofree char *in_use_wal = g_strconcat (in_use, "-wal", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) wal = NULL;
  sqlite3 *db = NULL;
  int n = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_true (ts_backup_write (fixture->database, plain, &error));
  /* The raw pair a file manager copies while the app runs. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL), ==, SQLITE_OK);
  add_member (fixture, "ログ");
  {
    g_autofree char *live_wal = g_strconcat (fixture->path, "-wal", NULL);
    wal = ts_test_read_file (live_wal);
  }
  g_assert_true (g_file_set_contents_full (in_use_wal, g_bytes_get_data (wal, NULL),
                                           g_bytes_get_size (wal), 0, 0600, NULL));
  {
    g_autoptr(GBytes) main_file = ts_test_read_file (fixture->path);
    g_assert_true (g_file_set_contents_full (in_use, g_bytes_get_data (main_file, NULL),
                                             g_bytes_get_size (main_file), 0, 0600, NULL));
  }
  sqlite3_close (db);

  before = list_folder (folder);
  g_assert_true (ts_backup_check_file (plain, &error));
  g_assert_true (ts_backup_check_file (in_use, &error));
  g_assert_true (ts_backup_count_members (plain, &n));
  g_assert_cmpint (n, ==, 2);
  g_assert_true (ts_backup_count_members (in_use, &n));
  g_assert_cmpint (n, ==, 3);
  g_assert_true (ts_backup_restore (fixture->database, in_use, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ts_backup_restore (fixture->database, plain, NULL, &error));
  g_assert_no_error (error);
  after = list_folder (folder);
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr(GBytes) wal_after = ts_test_read_file (in_use_wal);
    g_assert_true (g_bytes_equal (wal, wal_after));
  }
}

/* Backups and the copy kept aside hold personal data: owner only, and
 * the backups folder too. Every table comes back whole. */
static void
test_restore_private_and_whole (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *folder = ts_backup_default_folder (fixture->path);
  g_autofree char *backup = NULL, *aside = NULL;
  g_autofree char *saved = NULL, *restored = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;
  mode_t mask = umask (022);

  g_assert_cmpint (ts_test_run_cli (NULL, fixture->path, NULL, NULL, "sample", "--members", "40",
                                    NULL), ==, 0);
  backup = ts_backup_auto (fixture->database, folder, 3, &error);
  g_assert_no_error (error);
  saved = ts_test_dump_database (backup);
  g_assert_cmpint (ts_test_run_cli (NULL, fixture->path, NULL, NULL, "member", "add", "--name",
                                    "後から 入る", NULL), ==, 0);
  g_assert_true (ts_backup_restore (fixture->database, backup, &aside, &error));
  umask (mask);
  g_assert_no_error (error);
  restored = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (restored, ==, saved);

  g_assert_cmpint (g_stat (folder, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (backup, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (aside, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

/* Some megabytes of members, so that a watched copy takes several slices. */
static void
grow (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_database_exec (fixture->database,
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000)"
    " INSERT INTO member (uuid, family_name, created_at, updated_at)"
    " SELECT 'grown-' || i, printf('%0600d', i), '2017-01-01', '2017-01-01' FROM n",
    &error));
  g_assert_no_error (error);
}

typedef struct {
  GCancellable *cancellable;
  double        cancel_at;    /* cancels once this far; above 1 never */
  double        last;
  guint         n_calls;
} Watching;

static void
on_copied (double   fraction,
           gpointer user_data)
{
  Watching *watching = user_data;

  g_assert_cmpfloat (fraction, >=, watching->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  watching->last = fraction;
  watching->n_calls++;
  if (fraction >= watching->cancel_at)
    g_cancellable_cancel (watching->cancellable);
}

/* A watched backup tells how far it has come, slice by slice, and makes
 * the same copy; cancelled halfway, it leaves no file at all. */
static void
test_watched_backup (Fixture       *fixture,
                     gconstpointer  data)
{
  gboolean cancel = GPOINTER_TO_INT (data);
  g_autofree char *backup = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Watching watching = { cancellable, cancel ? 0.0 : 2.0, 0.0, 0 };
  TsBackupWatch watch = { cancellable, on_copied, &watching };
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *copied = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  grow (fixture);
  expected = ts_test_dump_database (fixture->path);
  if (!cancel)
    {
      g_assert_true (ts_backup_write_watched (fixture->database, backup, &watch, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (watching.n_calls, >, 2);
      g_assert_cmpfloat (watching.last, ==, 1.0);
      copied = ts_test_dump_database (backup);
      g_assert_cmpstr (copied, ==, expected);
      return;
    }
  g_assert_false (ts_backup_write_watched (fixture->database, backup, &watch, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (watching.n_calls, ==, 1);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_true (g_str_has_prefix (name, "tsudoi.db"));
}

/* Cancelled while the backup is read, while the current content is kept
 * aside, or just before the commit: the database, and everything beside
 * it, as it was. */
static void
test_watched_restore_cancelled (Fixture       *fixture,
                                gconstpointer  data)
{
  static const double stages[] = { 0.0, 0.3, 0.5, 0.9, 0.95 };
  g_autofree char *backup = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  grow (fixture);
  g_assert_true (ts_backup_write (fixture->database, backup, &error));
  add_member (fixture, "追加");
  before = ts_test_dump_database (fixture->path);
  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      Watching watching = { cancellable, stages[i], 0.0, 0 };
      TsBackupWatch watch = { cancellable, on_copied, &watching };
      g_autofree char *after = NULL;
      g_autofree char *aside = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_clear_error (&error);
      g_assert_false (ts_backup_restore_file_watched (fixture->path, backup, &watch, &aside,
                                                      &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (aside);
      after = ts_test_dump_database (fixture->path);
      g_assert_cmpstr (after, ==, before);
      dir = g_dir_open (fixture->dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_true (g_str_has_prefix (name, "tsudoi.db") || g_str_equal (name, "copy.db"));
      g_assert_true (strstr (after, "before-restore") == NULL);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backup/consistent-while-writing", test_consistent_while_writing);
  ADD ("/backup/auto-once-a-day", test_auto_once_a_day);
  ADD ("/backup/restore", test_restore);
  ADD ("/backup/restore-refuses-other-files", test_restore_refuses_other_files);
  ADD ("/backup/restore-file-migrates-older", test_restore_file_migrates_older);
  ADD ("/backup/restore-file-self-and-asides", test_restore_file_self_and_asides);
  ADD ("/backup/reading-writes-nothing-beside", test_reading_writes_nothing_beside);
  ADD ("/backup/restore-private-and-whole", test_restore_private_and_whole);
  g_test_add ("/backup/watched/copy", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_watched_backup, fixture_tear_down);
  g_test_add ("/backup/watched/copy-cancelled", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_watched_backup, fixture_tear_down);
  ADD ("/backup/watched/restore-cancelled", test_watched_restore_cancelled);
  return g_test_run ();
}
