/* test-shared-file.c: the app's process and tsudoi-cli on one database
 * file, as real processes. Nothing either of them writes may be lost,
 * whatever else the app's process does with the files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <unistd.h>
#include <gio/gio.h>
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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/shared-file/foreign-close-keeps-writes", test_foreign_close_keeps_writes);
  return g_test_run ();
}
