/* bench-data.c: importing 50,000 rows with the preview (goal: under 5 s)
 * and exporting them (goal: under 1 s), on a real SQLite file.
 *
 * Usage: bench-data [N]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdlib.h>
#include <glib/gstdio.h>

#include "ts-export.h"
#include "ts-import.h"

static const char * const families[] = { "佐藤", "鈴木", "髙橋", "田中", "伊藤", "渡辺",
                                          "山本", "中村", "小林", "加藤", "吉田", "山﨑" };
static const char * const readings[] = { "さとう", "すずき", "たかはし", "たなか", "いとう",
                                         "わたなべ", "やまもと", "なかむら", "こばやし",
                                         "かとう", "よしだ", "やまさき" };

static GString *
make_csv (guint n)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF" "氏名,ふりがな,所属,職種,メールアドレス,電話,自己紹介\r\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv,
      "%s 太郎%u,%s たろう,第%u訪問看護ステーション,看護師,user%u@example.jp,"
      "03-%04u-%04u,\"在宅医療と介護の連携について話したいです。\r\nよろしくお願いします。\"\r\n",
      families[i % G_N_ELEMENTS (families)], i, readings[i % G_N_ELEMENTS (readings)],
      i % 300, i, i % 10000, (i * 7) % 10000);
  return csv;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 50000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tsudoi-bench-XXXXXX", &error);
  g_autofree char *db_path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "members.csv", NULL);
  g_autofree char *out_path = g_build_filename (dir, "export.csv", NULL);
  g_autoptr(GString) csv = make_csv (n);
  g_autoptr(TsDatabase) database = NULL;
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autoptr(TsImport) again = NULL;
  g_autoptr(GString) exported = NULL;
  double read_s, preview_s, write_s, export_s, again_s;
  TsImportResult result;
  gint64 start;

  check (g_file_set_contents (csv_path, csv->str, csv->len, &error), error);
  database = ts_database_open (db_path, &error);
  check (database != NULL, error);
  repository = ts_repository_new (database);

  start = g_get_monotonic_time ();
  import = ts_import_new_from_file (csv_path, TS_CSV_ENCODING_AUTO, NULL, &error);
  check (import != NULL, error);
  read_s = seconds_since (start);
  start = g_get_monotonic_time ();
  check (ts_import_preview (import, database, NULL, NULL, NULL, &error), error);
  preview_s = seconds_since (start);
  start = g_get_monotonic_time ();
  check (ts_import_run (import, database, 0, NULL, NULL, NULL, &result, &error), error);
  write_s = seconds_since (start);

  start = g_get_monotonic_time ();
  exported = ts_export_members (repository, &error);
  check (exported != NULL, error);
  check (ts_export_write_file (out_path, exported, TS_EXPORT_UTF8_BOM, &error), error);
  export_s = seconds_since (start);

  /* The same file again: every row is someone already known. */
  start = g_get_monotonic_time ();
  again = ts_import_new_from_file (out_path, TS_CSV_ENCODING_AUTO, NULL, &error);
  check (again != NULL, error);
  check (ts_import_preview (again, database, NULL, NULL, NULL, &error), error);
  again_s = seconds_since (start);

  g_print ("rows:                         %u (%.1f MB)\n", n, csv->len / 1e6);
  g_print ("import, read and decode:      %.2f s\n", read_s);
  g_print ("import, preview:              %.2f s\n", preview_s);
  g_print ("import, write (1 transaction):%.2f s\n", write_s);
  g_print ("import, total:                %.2f s  (goal < 5 s)  created %u\n",
           read_s + preview_s + write_s, result.created);
  g_print ("export members (UTF-8, BOM):  %.2f s  (goal < 1 s)\n", export_s);
  g_print ("re-import preview, all known: %.2f s\n", again_s);

  g_unlink (csv_path);
  g_unlink (out_path);
  g_unlink (db_path);
  {
    g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
