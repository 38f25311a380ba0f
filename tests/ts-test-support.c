/* ts-test-support.c: temporary folders and databases for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-support.h"

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

/* Every row of every table, as text: compare before and after to prove
 * that a failed operation changed nothing. */
char *
ts_test_dump_database (const char *path)
{
  static const char * const tables[] = { "chapter", "event", "member", "attendance",
                                         "profession" };
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY id", tables[t]);
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
