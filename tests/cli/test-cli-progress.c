/* test-cli-progress.c: tsudoi-cli's progress bar, on a real terminal (a
 * pseudo-terminal) and through pipes: one line redrawn in place while a
 * long import reads and then writes, erased before the result; nothing at
 * all when standard error is no terminal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <pty.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ts-test-support.h"

/* The bar is shown from the start (TSUDOI_PROGRESS_AFTER_MS=0, set in
 * main), so a short import is enough: a long one took minutes under
 * ASan on a busy machine. */
#define N_ROWS 3000

typedef struct {
  char *dir;
  char *database;
  char *csv;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ts_test_make_temp_dir ();
  fixture->database = g_build_filename (fixture->dir, "tsudoi.db", NULL);
  fixture->csv = g_build_filename (fixture->dir, "large.csv", NULL);
  g_assert_cmpint (ts_test_run_cli (NULL, fixture->database, NULL, NULL, "init", NULL), ==, 0);
  ts_test_write_members_csv (fixture->csv, N_ROWS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->database);
  g_free (fixture->csv);
}

/* Everything the program wrote to the terminal, standard output and
 * error alike, until it exited. */
static GString *
run_on_terminal (Fixture *fixture,
                 int     *status)
{
  const char *argv[] = { g_getenv ("TSUDOI_CLI"), "import", "members", "--database",
                         fixture->database, fixture->csv, NULL };
  GString *output = g_string_new (NULL);
  int master = -1;
  pid_t pid = forkpty (&master, NULL, NULL, NULL);
  char buffer[4096];
  ssize_t n;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      execv (argv[0], (char **) argv);
      _exit (127);
    }
  /* EIO once the program has exited and the terminal is gone. */
  while ((n = read (master, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (output, buffer, n);
  close (master);
  g_assert_cmpint (waitpid (pid, status, 0), ==, pid);
  return output;
}

static void
test_bar_on_terminal (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GString) output = NULL;
  const char *result;
  const char *erase;
  int status = 0;

  output = run_on_terminal (fixture, &status);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  result = strstr (output->str, "Imported: 3000 new");
  g_assert_nonnull (result);
  /* Drawn in place, several times, with how far it has come. */
  g_assert_true (g_str_has_prefix (output->str, "\r"));
  g_assert_nonnull (strstr (output->str, "%\033[K\r"));
  g_assert_nonnull (strstr (output->str, "] 100%"));
  g_assert_nonnull (strstr (output->str, "\rImporting… ["));
  /* Erased just before the result, and never drawn after it. */
  erase = g_strrstr (output->str, "\r\033[K");
  g_assert_nonnull (erase);
  g_assert_true (erase + strlen ("\r\033[K") == result);
  g_assert_null (strchr (result, '['));
}

/* Through pipes, as scripts and the other tests run it: the output is
 * the same as before the bar existed. */
static void
test_nothing_through_pipes (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (ts_test_run_cli (NULL, fixture->database, &out, &err, "import", "members",
                                    fixture->csv, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpstr (out, ==, "Imported: 3000 new, 0 updated, 0 skipped, 0 with errors.\n");
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  g_setenv ("TSUDOI_PROGRESS_AFTER_MS", "0", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/cli-progress/bar-on-terminal", Fixture, NULL, fixture_set_up,
              test_bar_on_terminal, fixture_tear_down);
  g_test_add ("/cli-progress/nothing-through-pipes", Fixture, NULL, fixture_set_up,
              test_nothing_through_pipes, fixture_tear_down);
  return g_test_run ();
}
