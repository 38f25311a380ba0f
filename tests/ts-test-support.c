/* ts-test-support.c: temporary folders and databases, records and
 * tsudoi-cli runs for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-support.h"

#include <sys/wait.h>
#include <glib/gstdio.h>

char *
ts_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tsudoi-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
ts_test_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        ts_test_remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

TsRepository *
ts_test_open_repository (const char *dir,
                         const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = ts_database_open (path, &error);

  g_assert_no_error (error);
  return ts_repository_new (database);
}

GBytes *
ts_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* A file of tests/data/fixtures, as named by $TSUDOI_FIXTURES
 * (tests/data/meson.build sets it). */
char *
ts_test_fixture_path (const char *name)
{
  const char *dir = g_getenv ("TSUDOI_FIXTURES");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Every row of every table, as text: compare before and after to prove
 * that a failed operation changed nothing. */
/* A form's export with @n_rows different people, for work long enough
 * to be watched and cancelled halfway. */
void
ts_test_write_members_csv (const char *path,
                           guint       n_rows)
{
  g_autoptr(GString) csv = g_string_new ("氏名,ふりがな,所属,メールアドレス\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "試験%05u 花子,しけん はなこ,病院%u,p%u@example.jp\n",
                            i, i % 50, i);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, &error));
  g_assert_no_error (error);
}

char *
ts_test_dump_database (const char *path)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *list = NULL;

  /* Every table of the file, whatever the schema version has; a search
   * index (a virtual table and its shadow tables) only repeats them. */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_list"
                                           " WHERE schema = 'main' AND type = 'table'"
                                           " AND name NOT LIKE 'sqlite%' ORDER BY name",
                                       -1, &list, NULL), ==, SQLITE_OK);
  while (sqlite3_step (list) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (list, 0)));
  sqlite3_finalize (list);
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY id",
                                              (char *) tables->pdata[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const unsigned char *text = sqlite3_column_text (stmt, c);
              g_string_append_printf (dump, "%s|", text ? (const char *) text : "∅");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

void
ts_test_db_init (TsTestDb   *db,
                 const char *name)
{
  db->dir = ts_test_make_temp_dir ();
  db->repository = ts_test_open_repository (db->dir, name);
  db->database = ts_repository_get_database (db->repository);
  db->path = g_strdup (ts_database_get_path (db->database));
}

void
ts_test_db_clear (TsTestDb *db)
{
  g_clear_object (&db->repository);
  db->database = NULL;
  ts_test_remove_dir (db->dir);
  g_clear_pointer (&db->dir, g_free);
  g_clear_pointer (&db->path, g_free);
}

TsChapter *
ts_test_add_chapter (TsRepository *repository,
                     const char   *first_property,
                     ...)
{
  g_autoptr(TsChapter) chapter = ts_chapter_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (chapter), first_property, args);
  va_end (args);
  g_assert_true (ts_repository_save_chapter (repository, chapter, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&chapter);
}

TsEvent *
ts_test_add_event (TsRepository *repository,
                   const char   *first_property,
                   ...)
{
  g_autoptr(TsEvent) event = ts_event_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (event), first_property, args);
  va_end (args);
  g_assert_true (ts_repository_save_event (repository, event, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&event);
}

TsMember *
ts_test_add_member (TsRepository *repository,
                    const char   *first_property,
                    ...)
{
  g_autoptr(TsMember) member = ts_member_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (member), first_property, args);
  va_end (args);
  g_assert_true (ts_repository_save_member (repository, member, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&member);
}

void
ts_test_attend (TsRepository *repository,
                gint64        event_id,
                gint64        member_id,
                TsAttendanceStatus status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsAttendance) attendance =
    ts_repository_set_attendance (repository, event_id, member_id, status, &error);

  g_assert_no_error (error);
  g_assert_nonnull (attendance);
}

void
ts_test_run_clear (TsTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* This process's environment, with the locale and a Japanese catalog
 * when @locale is given. */
char **
ts_test_cli_environ (const char *locale)
{
  char **env = g_get_environ ();

  if (locale != NULL)
    {
      env = g_environ_setenv (env, "LC_ALL", locale, TRUE);
      env = g_environ_setenv (env, "LANGUAGE", "ja", TRUE);
    }
  return env;
}

/* Runs tsudoi-cli with the arguments from @first on, then `--database
 * @database` when it is given, in @env (NULL: this process's). Standard
 * output goes to @out, or nowhere when @out is NULL; standard error to
 * @err, or to the test's own when @err is NULL. Returns the exit status,
 * or -1 when the program did not exit. */
int
ts_test_run_cli_valist (char       **env,
                        const char  *database,
                        char       **out,
                        char       **err,
                        const char  *first,
                        va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSpawnFlags flags = out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : G_SPAWN_DEFAULT;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("TSUDOI_CLI"));
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  if (database != NULL)
    {
      g_ptr_array_add (argv, "--database");
      g_ptr_array_add (argv, (char *) database);
    }
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, env, flags, NULL, NULL,
                               out, err, &wait_status, &error));
  g_assert_no_error (error);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

int
ts_test_run_cli (char       **env,
                 const char  *database,
                 char       **out,
                 char       **err,
                 const char  *first,
                 ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = ts_test_run_cli_valist (env, database, out, err, first, args);
  va_end (args);
  return status;
}

/* @n written in kana, one kana a decimal digit: readings that differ for
 * every number, for tests that need many distinct people. */
char *
ts_test_kana_number (guint n)
{
  static const char * const kana[] = { "あ", "い", "う", "え", "お", "か", "き", "く", "け", "こ" };
  GString *text = g_string_new (NULL);

  do
    {
      g_string_prepend (text, kana[n % 10]);
      n /= 10;
    }
  while (n > 0);
  return g_string_free (text, FALSE);
}
