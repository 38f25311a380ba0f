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

static void
wait_for (gboolean (*done) (CliRun *), CliRun *run)
{
  gint64 deadline = g_get_monotonic_time () + 50 * G_USEC_PER_SEC;

  while (!done (run))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
cli_says_waiting (CliRun *run)
{
  return strstr (run->err->str, "Waiting for another program") != NULL;
}

static gboolean
cli_exited (CliRun *run)
{
  return run->exited;
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
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
  guint ticker = g_timeout_add (50, wake_up, NULL);

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

  wait_for (cli_says_waiting, &run);
  g_assert_false (run.exited);
  /* Past the old limit, still waiting rather than failed. */
  while (g_get_monotonic_time () - started < 6 * G_USEC_PER_SEC)
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_false (run.exited);
    }
  g_assert_true (ts_database_commit (db.database, &error));
  wait_for (cli_exited, &run);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_members_in_cli (db.path), ==, 1);

  g_source_remove (ticker);
  g_string_free (run.err, TRUE);
  ts_test_db_clear (&db);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shared-file/foreign-close-keeps-writes", test_foreign_close_keeps_writes);
  g_test_add_func ("/shared-file/busy-waits-and-says-so", test_busy_waits_and_says_so);
  return g_test_run ();
}
