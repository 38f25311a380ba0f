/* test-cli-output.c: files tsudoi-cli writes: never over the database,
 * and readable by their owner only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "ts-test-support.h"

typedef struct {
  char *dir;
  char *db;
  char *event;     /* an event with registrations and a walk-in */
} Fixture;

/* Every command that writes a file, with -o added after these. */
static const char * const commands[][7] = {
  { "export", "members", NULL },
  { "export", "attendees", "--event", "@event", NULL },
  { "export", "grid", "--chapter", "1", NULL },
  { "roster", "--event", "@event", NULL },
  { "cards", "--event", "@event", NULL },
  { "badges", "--event", "@event", NULL },
  { "addendum", "--event", "@event", NULL },
  { "intro-sheet", "--event", "@event", NULL },
  { "report", "--chapter", "1", "--month", "2017-08", NULL },
  { "backup", NULL },   /* last: not in the test of modes */
};

static int
run (const Fixture  *fixture,
     char          **err,
     const char     *first,
     ...)
{
  g_auto(GStrv) env = ts_test_cli_environ (NULL);
  va_list args;
  int status;

  va_start (args, first);
  status = ts_test_run_cli_valist (env, fixture->db, NULL, err, first, args);
  va_end (args);
  return status;
}

/* Runs command @i of the table writing @output. */
static int
run_command (const Fixture  *fixture,
             guint           i,
             const char     *output,
             char          **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = ts_test_cli_environ (NULL);
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("TSUDOI_CLI"));
  for (guint j = 0; commands[i][j] != NULL; j++)
    g_ptr_array_add (argv, (char *) (g_str_equal (commands[i][j], "@event")
                                     ? fixture->event : commands[i][j]));
  if (!g_str_equal (commands[i][0], "backup"))
    g_ptr_array_add (argv, "-o");
  g_ptr_array_add (argv, (char *) output);
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, fixture->db);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, err, &wait_status, &error));
  g_assert_no_error (error);
  return g_spawn_check_wait_status (wait_status, NULL) ? 0 : WEXITSTATUS (wait_status);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *out = NULL;

  fixture->dir = ts_test_make_temp_dir ();
  fixture->db = g_build_filename (fixture->dir, "tsudoi.db", NULL);
  g_assert_cmpint (run (fixture, NULL, "sample", "--members", "30", "--until", "2017-08", NULL),
                   ==, 0);
  /* The newest event of 大田医介塾 (chapter 1), planned, people registered. */
  {
    g_auto(GStrv) env = ts_test_cli_environ (NULL);
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (ts_test_run_cli (env, fixture->db, &out, NULL, "events", "--chapter", "1",
                                      "--format", "csv", NULL), ==, 0);
    lines = g_strsplit (out, "\n", 3);
    fixture->event = g_strndup (lines[1], strcspn (lines[1], ","));
  }
  g_assert_cmpint (run (fixture, NULL, "attend", "--event", fixture->event, "--member", "1",
                        "--status", "walk-in", NULL), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
  g_free (fixture->event);
}

static void
assert_refused (const Fixture *fixture,
                GBytes        *before,
                const char    *output)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *err = NULL;
      g_autoptr(GBytes) after = NULL;
      int status = run_command (fixture, i, output, &err);

      if (status == 0 || strstr (err, "database") == NULL)
        g_error ("“%s -o %s” was not refused: %d, %s", commands[i][0], output, status, err);
      after = ts_test_read_file (fixture->db);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* The database under every name it can have: the command fails, says
 * why, and the file is byte for byte what it was, and still opens. */
static void
test_database_refused (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) before = ts_test_read_file (fixture->db);
  g_autofree char *dotted = g_build_filename (fixture->dir, ".", "tsudoi.db", NULL);
  g_autofree char *soft = g_build_filename (fixture->dir, "soft.db", NULL);
  g_autofree char *hard = g_build_filename (fixture->dir, "hard.db", NULL);
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->db, "-shm", NULL);
  g_autofree char *journal = g_strconcat (fixture->db, "-journal", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (symlink (fixture->db, soft), ==, 0);
  g_assert_cmpint (link (fixture->db, hard), ==, 0);
  assert_refused (fixture, before, fixture->db);
  assert_refused (fixture, before, dotted);
  assert_refused (fixture, before, soft);
  assert_refused (fixture, before, hard);
  /* Not there now, but SQLite would take them for its own. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  assert_refused (fixture, before, wal);
  assert_refused (fixture, before, shm);
  assert_refused (fixture, before, journal);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run (fixture, &err, "check", NULL), ==, 0);
  g_assert_cmpint (run (fixture, NULL, "members", NULL), ==, 0);
}

/* With the database open here, its -wal and -shm exist: writing them
 * would feed SQLite another file's bytes. */
static void
test_open_companions_refused (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->db, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = ts_database_open (fixture->db, &error);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) wal_after = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = ts_test_read_file (fixture->db);
  wal_before = ts_test_read_file (wal);
  assert_refused (fixture, before, wal);
  assert_refused (fixture, before, shm);
  wal_after = ts_test_read_file (wal);
  g_assert_true (g_bytes_equal (wal_before, wal_after));
}

/* With the umask most systems have (022), every file written is 0600,
 * also one that replaced an older file of the same name made 0644.
 * (Backups are the database's business, tested with it.) */
static void
test_files_are_private (Fixture       *fixture,
                        gconstpointer  data)
{
  mode_t old_umask = umask (022);

  for (guint i = 0; i < G_N_ELEMENTS (commands) - 1; i++)
    {
      g_autofree char *name = g_strdup_printf ("out-%u", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autofree char *err = NULL;
      GStatBuf st;

      for (guint pass = 0; pass < 2; pass++)
        {
          if (pass == 1)
            g_assert_cmpint (g_chmod (path, 0644), ==, 0);
          if (run_command (fixture, i, path, &err) != 0)
            g_error ("%s failed: %s", commands[i][0], err);
          g_clear_pointer (&err, g_free);
          g_assert_cmpint (g_stat (path, &st), ==, 0);
          if ((st.st_mode & 0777) != 0600)
            g_error ("%s wrote %s with mode %o", commands[i][0], name, st.st_mode & 0777);
        }
    }
  umask (old_umask);
}

/* The data folder Tsudoi makes for its database is its owner's only. */
static void
test_data_folder_is_private (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *data_home = g_build_filename (dir, "share", NULL);
  g_autofree char *folder = g_build_filename (data_home, "tsudoi", NULL);
  g_auto(GStrv) env = ts_test_cli_environ (NULL);
  mode_t old_umask = umask (022);
  GStatBuf st;

  env = g_environ_unsetenv (env, "TSUDOI_DATABASE");
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  g_assert_cmpint (ts_test_run_cli (env, NULL, NULL, NULL, "init", NULL), ==, 0);
  umask (old_umask);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  ts_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-output/database-refused", Fixture, NULL,
              fixture_set_up, test_database_refused, fixture_tear_down);
  g_test_add ("/cli-output/open-companions-refused", Fixture, NULL,
              fixture_set_up, test_open_companions_refused, fixture_tear_down);
  g_test_add ("/cli-output/files-are-private", Fixture, NULL,
              fixture_set_up, test_files_are_private, fixture_tear_down);
  g_test_add_func ("/cli-output/data-folder-is-private", test_data_folder_is_private);
  return g_test_run ();
}
