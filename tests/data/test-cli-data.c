/* test-cli-data.c: tsudoi-cli import, export, backup and restore, run as
 * an organizer would, with their exit codes and messages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-test-support.h"

typedef struct {
  char *dir;
  char *database;
} Fixture;

static void
cli (Fixture    *fixture,
     TsTestRun  *run,
     const char *first,
     ...)
{
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "TSUDOI_DATABASE",
                                        fixture->database, TRUE);
  va_list args;

  va_start (args, first);
  run->status = ts_test_run_cli_valist (env, NULL, &run->out, &run->err, first, args);
  va_end (args);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(TsTestRun) run = { 0 };

  fixture->dir = ts_test_make_temp_dir ();
  fixture->database = g_build_filename (fixture->dir, "cli.db", NULL);
  cli (fixture, &run, "init", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->database);
}

static void
test_dry_run_writes_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *file = ts_test_fixture_path ("cp932.csv");
  g_autofree char *before = ts_test_dump_database (fixture->database);
  g_autofree char *after = NULL;
  g_auto(TsTestRun) run = { 0 };

  cli (fixture, &run, "import", "members", "--dry-run", file, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Encoding: Shift_JIS (CP932); separator: comma"));
  g_assert_nonnull (strstr (run.out, "Column “氏名”: Full name"));
  g_assert_nonnull (strstr (run.out, "髙橋　一郎"));
  g_assert_nonnull (strstr (run.out, "New: 3, updates: 0, skipped: 0, errors: 0"));
  after = ts_test_dump_database (fixture->database);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_then_again (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *file = ts_test_fixture_path ("utf16le.txt");
  g_auto(TsTestRun) first = { 0 };
  g_auto(TsTestRun) second = { 0 };

  cli (fixture, &first, "import", "members", file, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpstr (first.out, ==, "Imported: 3 new, 0 updated, 0 skipped, 0 with errors.\n");
  cli (fixture, &second, "import", "members", "--encoding", "utf-16", file, NULL);
  g_assert_cmpstr (second.out, ==, "Imported: 0 new, 0 updated, 3 skipped, 0 with errors.\n");
}

/* Only a line with no name is an error, and it stops the whole file. */
static void
test_errors_refuse_the_file (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "nameless.csv", NULL);
  g_autofree char *before = ts_test_dump_database (fixture->database);
  g_autofree char *after = NULL;
  g_auto(TsTestRun) run = { 0 };
  g_auto(TsTestRun) skipping = { 0 };

  g_assert_true (g_file_set_contents (file, "氏名,所属\n小林 誠,こばやし医院\n,かとう薬局\n",
                                      -1, NULL));
  cli (fixture, &run, "import", "members", file, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==,
                   "Line 3: This line has no name, so it is not imported.\n"
                   "tsudoi-cli: Nothing was imported: 1 line has an error. Correct the file, "
                   "or add --skip-errors to import the other lines.\n");
  after = ts_test_dump_database (fixture->database);
  g_assert_cmpstr (before, ==, after);

  cli (fixture, &skipping, "import", "members", "--skip-errors", file, NULL);
  g_assert_cmpint (skipping.status, ==, 0);
  g_assert_cmpstr (skipping.out, ==, "Imported: 1 new, 0 updated, 0 skipped, 1 with errors.\n");
}

/* A bad email or extra cells never cost the person: they come in, and the
 * output says what was left out, in the organizer's language. */
static void
test_bad_details_import_the_person (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *ragged = ts_test_fixture_path ("ragged.csv");
  g_autofree char *form = g_build_filename (fixture->dir, "form.csv", NULL);
  g_auto(GStrv) env = g_environ_setenv (ts_test_cli_environ ("ja_JP.UTF-8"),
                                        "TSUDOI_DATABASE", fixture->database, TRUE);
  g_auto(TsTestRun) run = { 0 };
  g_auto(TsTestRun) ja = { 0 };
  g_auto(TsTestRun) members = { 0 };

  cli (fixture, &run, "import", "members", ragged, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "Imported: 4 new, 0 updated, 0 skipped, 0 with errors.\n"
                   "1 person was imported without the extra cells of their line.\n"
                   "Line 4: This line has 5 cells, but the first line names only 3 columns; "
                   "the extra cells are left out.\n");

  g_assert_true (g_file_set_contents (form, "お名前,メールアドレス\n山田 翔,sho@example\n",
                                      -1, NULL));
  ja.status = ts_test_run_cli (env, NULL, &ja.out, &ja.err, "import", "members", form, NULL);
  g_assert_cmpint (ja.status, ==, 0);
  g_assert_nonnull (strstr (ja.out, "1 人はメールアドレスを空にして取り込みました。\n"));
  g_assert_nonnull (strstr (ja.out, "2 行目: 「sho@example」"));
  cli (fixture, &members, "members", "--search", "山田", NULL);
  g_assert_nonnull (strstr (members.out, "山田　翔"));
}

static GSubprocess *
spawn_import (Fixture    *fixture,
              const char *file)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_setenv (launcher, "TSUDOI_DATABASE", fixture->database, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("TSUDOI_CLI"),
                                         "import", "members", file, NULL);
  g_assert_no_error (error);
  return process;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* One file imported twice at the same moment by two processes: each
 * decides inside its own write transaction, so the people land once. */
static void
test_two_imports_at_once (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "many.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("氏名,ふりがな,所属,メールアドレス\n");
  g_auto(TsTestRun) members = { 0 };
  g_autofree char *uniques = NULL;
  const guint n = 400;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "試験 太郎%u,しけん たろう,第%u事業所,user%u@example.jp\n",
                            i, i % 7, i);
  g_assert_true (g_file_set_contents (file, csv->str, csv->len, NULL));

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GSubprocess) first = spawn_import (fixture, file);
      g_autoptr(GSubprocess) second = spawn_import (fixture, file);
      GSubprocess *both[] = { first, second };
      g_auto(TsTestRun) list = { 0 };

      for (guint i = 0; i < G_N_ELEMENTS (both); i++)
        {
          g_autofree char *out = NULL, *err = NULL;
          g_autoptr(GError) error = NULL;

          g_assert_true (g_subprocess_communicate_utf8 (both[i], NULL, NULL, &out, &err, &error));
          g_assert_no_error (error);
          /* The second may say it waits for the first; it fails in nothing. */
          g_assert_null (strstr (err, "tsudoi-cli:"));
          g_assert_true (g_subprocess_get_if_exited (both[i]));
          g_assert_cmpint (g_subprocess_get_exit_status (both[i]), ==, 0);
        }
      cli (fixture, &list, "members", NULL);
      g_assert_cmpint (list.status, ==, 0);
      /* A header line, then one line per member. */
      g_assert_cmpuint (count_lines (list.out), ==, n + 1);
    }
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { const char *name; const char *err; } cases[] = {
    { "empty.csv", "tsudoi-cli: empty.csv: The file is empty.\n" },
    { "header-only.csv", "tsudoi-cli: The file has a line of column names but no one to import.\n" },
    { "garbage.bin", "tsudoi-cli: garbage.bin: This is not a text file. Save the list from "
                     "Excel as “CSV” or “Unicode text” and import that file.\n" },
  };
  g_autofree char *before = ts_test_dump_database (fixture->database);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *file = ts_test_fixture_path (cases[i].name);
      g_autofree char *after = NULL;
      g_auto(TsTestRun) run = { 0 };

      cli (fixture, &run, "import", "members", file, NULL);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, ==, cases[i].err);
      after = ts_test_dump_database (fixture->database);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *file = ts_test_fixture_path ("form.csv");
  g_auto(TsTestRun) no_event = { 0 };
  g_auto(TsTestRun) bad_encoding = { 0 };
  g_auto(TsTestRun) no_output = { 0 };

  cli (fixture, &no_event, "import", "registrations", file, NULL);
  g_assert_cmpint (no_event.status, ==, 2);
  g_assert_true (g_str_has_prefix (no_event.err,
                                   "tsudoi-cli: Please give the event with --event ID.\n"));
  cli (fixture, &bad_encoding, "import", "members", "--encoding", "latin1", file, NULL);
  g_assert_cmpint (bad_encoding.status, ==, 2);
  cli (fixture, &no_output, "export", "members", NULL);
  g_assert_cmpint (no_output.status, ==, 2);
}

static void
test_registrations_and_exports (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *form = ts_test_fixture_path ("form.csv");
  g_autofree char *members = g_build_filename (fixture->dir, "members.csv", NULL);
  g_autofree char *attendees = g_build_filename (fixture->dir, "attendees.csv", NULL);
  g_autofree char *grid = g_build_filename (fixture->dir, "grid.csv", NULL);
  g_autofree char *event_id = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(TsTestRun) import = { 0 };
  g_auto(TsTestRun) export = { 0 };
  g_auto(TsTestRun) export_attendees = { 0 };
  g_auto(TsTestRun) export_grid = { 0 };
  g_auto(TsTestRun) unknown = { 0 };

  /* The event is made through core: this test is about the data
   * commands, not "event add". */
  {
    g_autoptr(TsRepository) repository = ts_test_open_repository (fixture->dir, "cli.db");
    g_autoptr(TsEvent) made = ts_event_new ();
    g_autoptr(GError) error = NULL;

    g_object_set (made, "chapter-id", (gint64) 1, "starts-at", "2017-08-24T19:00", NULL);
    g_assert_true (ts_repository_save_event (repository, made, &error));
    g_assert_no_error (error);
    event_id = g_strdup_printf ("%" G_GINT64_FORMAT, made->id);
  }
  cli (fixture, &import, "import", "registrations", "--event", event_id, form, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_nonnull (strstr (import.out, "3 people newly registered for the event."));

  cli (fixture, &export, "export", "members", "-o", members, "--encoding", "cp932", NULL);
  g_assert_cmpint (export.status, ==, 0);
  bytes = ts_test_read_file (members);
  g_assert_false (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  cli (fixture, &export_attendees, "export", "attendees", "--event", event_id, "-o", attendees, NULL);
  g_assert_cmpint (export_attendees.status, ==, 0);
  g_assert_true (g_file_test (attendees, G_FILE_TEST_IS_REGULAR));
  cli (fixture, &export_grid, "export", "grid", "--chapter", "1", "-o", grid, NULL);
  g_assert_cmpint (export_grid.status, ==, 0);
  cli (fixture, &unknown, "export", "attendees", "--event", "999", "-o", attendees, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
}

static void
test_backup_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *file = ts_test_fixture_path ("utf8.csv");
  g_autofree char *backup = g_build_filename (fixture->dir, "saved.db", NULL);
  g_autofree char *saved = NULL, *restored = NULL;
  g_auto(TsTestRun) run_backup = { 0 };
  g_auto(TsTestRun) run_import = { 0 };
  g_auto(TsTestRun) run_restore = { 0 };
  g_auto(TsTestRun) run_bad = { 0 };
  g_auto(TsTestRun) run_self = { 0 };
  g_autofree char *before_self = NULL, *after_self = NULL;

  cli (fixture, &run_backup, "backup", backup, NULL);
  g_assert_cmpint (run_backup.status, ==, 0);
  saved = ts_test_dump_database (backup);
  cli (fixture, &run_import, "import", "members", file, NULL);
  g_assert_cmpint (run_import.status, ==, 0);
  cli (fixture, &run_restore, "restore", backup, NULL);
  g_assert_cmpint (run_restore.status, ==, 0);
  g_assert_nonnull (strstr (run_restore.out, ".before-restore-"));
  restored = ts_test_dump_database (fixture->database);
  g_assert_cmpstr (restored, ==, saved);

  cli (fixture, &run_bad, "restore", file, NULL);
  g_assert_cmpint (run_bad.status, ==, 1);
  g_assert_nonnull (strstr (run_bad.err, "is not a Tsudoi database or backup."));

  /* Never onto itself: nothing changes, not even a kept-aside copy. */
  before_self = ts_test_dump_database (fixture->database);
  cli (fixture, &run_self, "restore", fixture->database, NULL);
  g_assert_cmpint (run_self.status, ==, 1);
  g_assert_nonnull (strstr (run_self.err, "is the database itself"));
  after_self = ts_test_dump_database (fixture->database);
  g_assert_cmpstr (after_self, ==, before_self);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-data/dry-run-writes-nothing", test_dry_run_writes_nothing);
  ADD ("/cli-data/import-then-again", test_import_then_again);
  ADD ("/cli-data/errors-refuse-the-file", test_errors_refuse_the_file);
  ADD ("/cli-data/bad-details-import-the-person", test_bad_details_import_the_person);
  ADD ("/cli-data/two-imports-at-once", test_two_imports_at_once);
  ADD ("/cli-data/bad-files", test_bad_files);
  ADD ("/cli-data/usage-errors", test_usage_errors);
  ADD ("/cli-data/registrations-and-exports", test_registrations_and_exports);
  ADD ("/cli-data/backup-and-restore", test_backup_and_restore);
  return g_test_run ();
}
