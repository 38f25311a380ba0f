/* test-soak.c: the app's write paths and tsudoi-cli writing one file at
 * the same time, for a bounded while (TSUDOI_SOAK_SECONDS, 20 by
 * default). Every write either side was told succeeded must be in the
 * file afterwards, and the file must pass `tsudoi-cli check`.
 *
 * The app's side is this process as the app is: one repository on the
 * main thread, imports on a worker thread with a connection of their own,
 * and GIO looking at the files (as a file chooser does). The CLI's side
 * is two real tsudoi-cli processes at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <gio/gio.h>

#include "ts-import.h"
#include "ts-test-support.h"

typedef struct {
  char        *dir;
  char        *path;
  GHashTable  *acknowledged;   /* email of every member a write was acknowledged for */
  guint        app_writes;
  guint        cli_writes;
  guint        cli_runs;
  guint        imports;
  guint        next;
} Soak;

static char *
next_email (Soak       *soak,
            const char *side)
{
  return g_strdup_printf ("%s%u@soak.example.jp", side, soak->next++);
}

/* A member as the member dialog saves one, and an attendance as the
 * event page marks one. */
static void
app_write (Soak         *soak,
           TsRepository *repository,
           gint64        event_id)
{
  g_autofree char *reading = ts_test_kana_number (soak->next);
  g_autofree char *given = g_strdup_printf ("太郎%u", soak->next);
  g_autofree char *email = next_email (soak, "app");
  g_autoptr(TsMember) member = ts_member_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (member, "family-name", "アプリ", "given-name", given,
                "family-reading", "あぷり", "given-reading", reading, "email", email, NULL);
  if (!ts_repository_save_member (repository, member, &error))
    {
      /* Refused with a message is no loss; only a success must stay. */
      g_test_message ("app write refused: %s", error->message);
      return;
    }
  g_object_unref (ts_repository_set_attendance (repository, event_id, member->id,
                                                TS_ATTENDANCE_STATUS_REGISTERED, NULL));
  g_hash_table_add (soak->acknowledged, g_steal_pointer (&email));
  soak->app_writes++;
}

static char *
write_import_file (Soak  *soak,
                   GPtrArray *emails)
{
  g_autoptr(GString) csv = g_string_new ("氏名,ふりがな,メールアドレス\n");
  char *path = g_build_filename (soak->dir, "soak.csv", NULL);

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *reading = ts_test_kana_number (soak->next);
      char *email = next_email (soak, "import");
      g_string_append_printf (csv, "取込 花子%u,とりこみ %s,%s\n", soak->next, reading, email);
      g_ptr_array_add (emails, email);
    }
  g_assert_true (g_file_set_contents_full (path, csv->str, csv->len, 0, 0600, NULL));
  return path;
}

/* The import dialog's work: its own connection, in a thread. */
static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Soak *soak = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = ts_database_open (soak->path, &error);
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *file = write_import_file (soak, emails);
  g_autoptr(TsImport) import = NULL;

  if (database != NULL &&
      (import = ts_import_new_from_file (file, TS_CSV_ENCODING_AUTO, NULL, &error)) != NULL &&
      ts_import_preview (import, database, NULL, NULL, NULL, &error) &&
      ts_import_run (import, database, 0, NULL, NULL, NULL, NULL, &error))
    g_task_return_pointer (task, g_steal_pointer (&emails), (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
app_import (Soak *soak)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  g_autoptr(GPtrArray) emails = NULL;
  g_autoptr(GError) error = NULL;

  g_task_set_task_data (task, soak, NULL);
  g_task_run_in_thread_sync (task, import_thread);
  emails = g_task_propagate_pointer (task, &error);
  if (emails == NULL)
    {
      g_test_message ("app import refused: %s", error->message);
      return;
    }
  for (guint i = 0; i < emails->len; i++)
    g_hash_table_add (soak->acknowledged, g_strdup (emails->pdata[i]));
  soak->imports++;
}

static void
look_at_files (Soak *soak)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (soak->path, suffixes[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (name);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
    }
}

typedef struct {
  GPid  pid;
  char *email;
} CliWrite;

static void
cli_start (Soak     *soak,
           CliWrite *write)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("端末 次郎%u", soak->next);
  g_autofree char *kana = ts_test_kana_number (soak->next);
  g_autofree char *reading = g_strconcat ("たんまつ ", kana, NULL);
  const char *argv[] = { g_getenv ("TSUDOI_CLI"), "member", "add", "--name", name,
                         "--reading", reading, "--email", NULL, "--database",
                         soak->path, NULL };

  write->email = next_email (soak, "cli");
  argv[8] = write->email;
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &write->pid, &error));
  g_assert_no_error (error);
}

/* TRUE once the run ended (and was counted); waits for it to end when
 * @block. */
static gboolean
cli_finished (Soak     *soak,
              CliWrite *write,
              gboolean  block)
{
  int wait_status = 0;
  pid_t done = waitpid (write->pid, &wait_status, block ? 0 : WNOHANG);

  if (done == 0)
    return FALSE;
  g_assert_cmpint (done, ==, write->pid);
  soak->cli_runs++;
  if (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0)
    {
      g_hash_table_add (soak->acknowledged, g_steal_pointer (&write->email));
      soak->cli_writes++;
    }
  g_clear_pointer (&write->email, g_free);
  return TRUE;
}

static GHashTable *
emails_in_file (const char *path)
{
  GHashTable *found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT email FROM member WHERE deleted_at IS NULL",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (found, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return found;
}

static void
test_soak (void)
{
  const char *seconds_text = g_getenv ("TSUDOI_SOAK_SECONDS");
  guint seconds = seconds_text != NULL ? (guint) g_ascii_strtoull (seconds_text, NULL, 10) : 20;
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  Soak soak = { 0 };
  CliWrite cli[2] = { { 0 } };
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(GHashTable) found = NULL;
  GHashTableIter iter;
  gpointer email;
  guint missing = 0;

  soak.dir = ts_test_make_temp_dir ();
  soak.acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  repository = ts_test_open_repository (soak.dir, "soak.db");
  soak.path = g_strdup (ts_database_get_path (ts_repository_get_database (repository)));
  chapter = ts_test_add_chapter (repository, "name", "大田医介塾", NULL);
  event = ts_test_add_event (repository, "chapter-id", chapter->id,
                             "starts-at", "2017-08-24T19:00", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cli); i++)
    cli_start (&soak, &cli[i]);

  for (guint round = 0; g_get_monotonic_time () < end; round++)
    {
      app_write (&soak, repository, event->id);
      if (round % 25 == 0)
        app_import (&soak);
      if (round % 10 == 0)
        look_at_files (&soak);
      for (guint i = 0; i < G_N_ELEMENTS (cli); i++)
        if (cli_finished (&soak, &cli[i], FALSE))
          cli_start (&soak, &cli[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cli); i++)
    cli_finished (&soak, &cli[i], TRUE);

  /* The app quits; then the file alone speaks. */
  g_clear_object (&repository);
  g_assert_cmpint (ts_test_run_cli (NULL, soak.path, NULL, NULL, "check", NULL), ==, 0);
  found = emails_in_file (soak.path);
  g_hash_table_iter_init (&iter, soak.acknowledged);
  while (g_hash_table_iter_next (&iter, &email, NULL))
    if (!g_hash_table_contains (found, email))
      {
        g_test_message ("lost: %s", (char *) email);
        missing++;
      }
  g_printerr ("# soak: %u s, %u app writes, %u app imports, %u tsudoi-cli runs "
              "(%u writes), %u acknowledged, %u found, %u lost\n", seconds, soak.app_writes,
              soak.imports, soak.cli_runs, soak.cli_writes,
              g_hash_table_size (soak.acknowledged),
              g_hash_table_size (soak.acknowledged) - missing, missing);
  g_assert_cmpuint (missing, ==, 0);
  g_assert_cmpuint (soak.cli_writes, >, 0);
  g_assert_cmpuint (soak.app_writes, >, 0);

  g_hash_table_unref (soak.acknowledged);
  ts_test_remove_dir (soak.dir);
  g_free (soak.dir);
  g_free (soak.path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/soak/app-and-cli", test_soak);
  return g_test_run ();
}
