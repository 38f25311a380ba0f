/* test-shared-file.c: the app's process and tsudoi-cli on one database
 * file, as real processes. Nothing either of them writes may be lost,
 * whatever else the app's process does with the files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "ts-test-support.h"

static void
add_member_in_cli (const char *path,
                   const char *name,
                   const char *reading)
{
  g_assert_cmpint (ts_test_run_cli (NULL, path, NULL, NULL, "member", "add",
                                    "--name", name, "--reading", reading, NULL), ==, 0);
}

static guint
count_members_in_cli (const char *path)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (ts_test_run_cli (NULL, path, &out, NULL, "members", "--format", "csv",
                                    NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* The header line, then one line a member, then the empty end. */
  return g_strv_length (lines) - 2;
}

/* What a GTK file chooser showing the folder does to every file in it:
 * GIO opens it to sniff its type and closes it again. */
static void
look_at_files_like_a_file_chooser (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (name);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
      int fd = g_open (name, O_RDONLY | O_CLOEXEC, 0);

      g_assert_nonnull (info);
      g_assert_cmpint (fd, >=, 0);
      g_close (fd, NULL);
    }
}

/* The app's connection stays open while its process opens and closes
 * the database files behind SQLite's back (as GIO does), and tsudoi-cli
 * reads and writes the file: every write of both is there afterwards. */
static void
test_foreign_close_keeps_writes (void)
{
  TsTestDb db;
  g_autofree char *wal = NULL;

  ts_test_db_init (&db, "shared.db");
  wal = g_strconcat (db.path, "-wal", NULL);
  g_object_unref (ts_test_add_member (db.repository, "family-name", "山田",
                                      "family-reading", "やまだ", NULL));
  look_at_files_like_a_file_chooser (db.path);

  g_assert_cmpuint (count_members_in_cli (db.path), ==, 1);
  add_member_in_cli (db.path, "佐藤 花子", "さとう はなこ");
  /* The app's write-ahead log is still the one on disk. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_object_unref (ts_test_add_member (db.repository, "family-name", "鈴木",
                                      "family-reading", "すずき", NULL));
  look_at_files_like_a_file_chooser (db.path);
  add_member_in_cli (db.path, "高橋 一郎", "たかはし いちろう");
  g_object_unref (ts_test_add_member (db.repository, "family-name", "田中",
                                      "family-reading", "たなか", NULL));

  /* The app quits; the file alone must hold all five. */
  g_clear_object (&db.repository);
  g_assert_cmpuint (count_members_in_cli (db.path), ==, 5);
  ts_test_db_clear (&db);
}

typedef struct {
  GString *err;
  gboolean exited;
  int      status;
} CliRun;

static gboolean
on_cli_stderr (int           fd,
               GIOCondition  condition,
               gpointer      data)
{
  CliRun *run = data;
  char buffer[512];
  gssize n = read (fd, buffer, sizeof buffer);

  if (n <= 0)
    {
      close (fd);
      return G_SOURCE_REMOVE;
    }
  g_string_append_len (run->err, buffer, n);
  return G_SOURCE_CONTINUE;
}

static void
on_cli_exit (GPid     pid,
             int      wait_status,
             gpointer data)
{
  CliRun *run = data;

  run->exited = TRUE;
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  g_spawn_close_pid (pid);
}

static gboolean
cli_says_waiting (gpointer data)
{
  CliRun *run = data;

  return strstr (run->err->str, "Waiting for another program") != NULL;
}

static gboolean
cli_exited (gpointer data)
{
  CliRun *run = data;

  return run->exited;
}

/* A write of tsudoi-cli while the app holds the write lock longer than
 * the old five-second limit: it says it waits, then lands. */
static void
test_busy_waits_and_says_so (void)
{
  TsTestDb db;
  CliRun run = { g_string_new (NULL), FALSE, 0 };
  const char *argv[] = { g_getenv ("TSUDOI_CLI"), "member", "add", "--name", "佐藤 花子",
                         "--reading", "さとう はなこ", "--database", NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 started;
  GPid pid;
  int err_fd;

  ts_test_db_init (&db, "busy.db");
  argv[8] = db.path;
  g_assert_true (ts_database_begin (db.database, &error));
  started = g_get_monotonic_time ();
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                           G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                                           NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, on_cli_exit, &run);
  g_unix_fd_add (err_fd, G_IO_IN | G_IO_HUP, on_cli_stderr, &run);

  g_assert_true (ts_test_wait_for (cli_says_waiting, &run, 50000));
  g_assert_false (run.exited);
  /* Past the old limit, still waiting rather than failed. */
  while (g_get_monotonic_time () - started < 6 * G_USEC_PER_SEC)
    {
      ts_test_wait_step (started + 6 * G_USEC_PER_SEC);
      g_assert_false (run.exited);
    }
  g_assert_true (ts_database_commit (db.database, &error));
  g_assert_true (ts_test_wait_for (cli_exited, &run, 50000));
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_members_in_cli (db.path), ==, 1);

  g_string_free (run.err, TRUE);
  ts_test_db_clear (&db);
}

static int
query_count (const char *path,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int count;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

static GPid
spawn_cli (const char *first,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  GPid pid;

  g_ptr_array_add (argv, (char *) g_getenv ("TSUDOI_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

static int
reap (GPid pid)
{
  int wait_status = 0;

  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static char *
write_people_csv (const char *dir,
                  guint       rows)
{
  g_autoptr(GString) csv = g_string_new ("氏名,ふりがな,所属,メールアドレス\n");
  char *path = g_build_filename (dir, "people.csv", NULL);

  for (guint i = 0; i < rows; i++)
    {
      g_autofree char *reading = ts_test_kana_number (i);
      g_string_append_printf (csv, "参加 %05u,さんか %s,レース病院,race%u@example.jp\n",
                              i, reading, i);
    }
  g_assert_true (g_file_set_contents_full (path, csv->str, csv->len, 0, 0600, NULL));
  return path;
}

static void
remove_asides (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (strstr (name, ".before-restore-") != NULL)
      {
        g_autofree char *aside = g_build_filename (dir_path, name, NULL);
        g_unlink (aside);
      }
}

#define RACE_ROWS 1200
#define IMPORTED "SELECT count(*) FROM member WHERE email LIKE 'race%'"
#define SAME_AS_BACKUP \
  "SELECT count(*) FROM member m JOIN b.member o ON o.uuid = m.uuid " \
  "WHERE m.id = o.id AND m.family_name = o.family_name AND m.given_name = o.given_name " \
  "AND m.email = o.email AND m.organization = o.organization"

/* tsudoi-cli import and tsudoi-cli restore started together, as real
 * processes: whichever runs first, the backup's members come back as
 * they were, and the imported people are in the restored file or in the
 * copy kept aside, all of them in exactly one. */
static void
test_restore_races_import (void)
{
  TsTestDb db;
  g_autofree char *backup = NULL, *csv = NULL, *aside_glob = NULL;
  g_autoptr(GError) error = NULL;

  ts_test_db_init (&db, "race.db");
  g_clear_object (&db.repository);
  backup = g_build_filename (db.dir, "b.db", NULL);
  csv = write_people_csv (db.dir, RACE_ROWS);
  g_assert_cmpint (ts_test_run_cli (NULL, db.path, NULL, NULL, "sample", "--members", "150",
                                    NULL), ==, 0);
  g_assert_cmpint (ts_test_run_cli (NULL, db.path, NULL, NULL, "backup", backup, NULL), ==, 0);

  for (guint trial = 0; trial < 4; trial++)
    {
      g_autofree char *attach = NULL;
      g_autoptr(GDir) dir = NULL;
      const char *name;
      int in_file, in_asides = 0, backup_members, same;
      GPid import, restore;

      /* Each trial from the backup: the people an earlier trial imported
       * into the file would otherwise be in this trial's copy kept aside
       * too, and be counted twice. */
      g_assert_cmpint (ts_test_run_cli (NULL, db.path, NULL, NULL, "restore", backup, NULL), ==, 0);
      remove_asides (db.dir);
      /* The members edited since the backup, as an organizer would. */
      g_assert_cmpint (ts_test_run_cli (NULL, db.path, NULL, NULL, "member", "add", "--name",
                                        "後から 入る", NULL), ==, 0);
      import = spawn_cli ("import", "members", csv, "--database", db.path, NULL);
      restore = spawn_cli ("restore", backup, "--database", db.path, NULL);
      g_assert_cmpint (reap (import), ==, 0);
      g_assert_cmpint (reap (restore), ==, 0);
      g_assert_cmpint (ts_test_run_cli (NULL, db.path, NULL, NULL, "check", NULL), ==, 0);

      /* Every member of the backup is there as the backup has them. */
      backup_members = query_count (backup, "SELECT count(*) FROM member");
      attach = g_strdup_printf ("file:%s?mode=ro", db.path);
      {
        sqlite3 *handle = NULL;
        sqlite3_stmt *stmt = NULL;

        g_assert_cmpint (sqlite3_open_v2 (db.path, &handle, SQLITE_OPEN_READONLY, NULL), ==,
                         SQLITE_OK);
        g_assert_cmpint (sqlite3_prepare_v2 (handle, "ATTACH ?1 AS b", -1, &stmt, NULL), ==,
                         SQLITE_OK);
        sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_STATIC);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        sqlite3_finalize (stmt);
        g_assert_cmpint (sqlite3_prepare_v2 (handle, SAME_AS_BACKUP, -1, &stmt, NULL), ==,
                         SQLITE_OK);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
        same = sqlite3_column_int (stmt, 0);
        sqlite3_finalize (stmt);
        sqlite3_close (handle);
      }
      g_assert_cmpint (same, ==, backup_members);

      /* Each imported person in exactly one place. */
      in_file = query_count (db.path, IMPORTED);
      dir = g_dir_open (db.dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (strstr (name, ".before-restore-") != NULL && g_str_has_suffix (name, ".db"))
          {
            g_autofree char *aside = g_build_filename (db.dir, name, NULL);
            in_asides += query_count (aside, IMPORTED);
            g_unlink (aside);
          }
      g_assert_true ((in_file == RACE_ROWS && in_asides == 0) ||
                     (in_file == 0 && in_asides == RACE_ROWS));
    }
  ts_test_db_clear (&db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shared-file/foreign-close-keeps-writes", test_foreign_close_keeps_writes);
  g_test_add_func ("/shared-file/busy-waits-and-says-so", test_busy_waits_and_says_so);
  g_test_add_func ("/shared-file/restore-races-import", test_restore_races_import);
  return g_test_run ();
}
