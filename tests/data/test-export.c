/* test-export.c: exports that Excel opens, and that import back to the
 * same database without a single change, in every encoding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-export.h"
#include "ts-import.h"
#include "ts-sample.h"
#include "ts-test-support.h"

typedef TsTestDb Fixture;

static TsMember *
add_member (Fixture    *fixture,
            const char *family,
            const char *organization,
            const char *phone,
            const char *introduction)
{
  return ts_test_add_member (fixture->repository, "family-name", family, "given-name", "テスト",
                             "organization", organization, "phone", phone,
                             "introduction", introduction, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TsSampleOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMember) formula = NULL;

  ts_test_db_init (fixture, "export.db");
  ts_sample_options_init (&options);
  options.n_members = 60;
  options.end_year = 2017;
  options.end_month = 8;
  g_assert_true (ts_sample_generate (fixture->repository, &options, &error));
  g_assert_no_error (error);
  formula = add_member (fixture, "数式", "=HYPERLINK(\"http://example.com\",\"x\")",
                        "+81-90-1234-5678", "一行目, \"引用\"\r\n二行目");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (fixture);
}

static void
test_members_for_excel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = ts_export_members (fixture->repository, &error);
  g_autofree char *file = g_build_filename (fixture->dir, "members.csv", NULL);
  g_autoptr(GBytes) bytes = NULL;
  const char *text;
  gsize length;

  g_assert_no_error (error);
  g_assert_true (ts_export_write_file (file, csv, TS_EXPORT_UTF8_BOM, &error));
  bytes = ts_test_read_file (file);
  text = g_bytes_get_data (bytes, &length);
  g_assert_cmpmem (text, 3, "\xEF\xBB\xBF", 3);
  g_assert_true (g_str_has_prefix (text + 3, "Family name,Given name,"));
  g_assert_true (g_str_has_suffix (csv->str, "\r\n"));
  /* Every line ends in CRLF: no bare LF outside the quoted cell. */
  g_assert_nonnull (strstr (csv->str, "\"'=HYPERLINK(\"\"http://example.com\"\",\"\"x\"\")\""));
  g_assert_nonnull (strstr (csv->str, "\"'+81-90-1234-5678\""));
  /* The note was saved with CRLF; stored, and so exported, with LF as
   * Excel writes a line break in a cell. */
  g_assert_nonnull (strstr (csv->str, "\"一行目, \"\"引用\"\"\n二行目\""));
}

static void
round_trip (Fixture          *fixture,
            TsExportEncoding  encoding,
            TsCsvEncoding     expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = ts_export_members (fixture->repository, &error);
  g_autofree char *file = g_build_filename (fixture->dir, "round-trip.csv", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(TsImport) import = NULL;
  guint counts[TS_IMPORT_N_ACTIONS];
  TsImportResult result;

  g_assert_true (ts_export_write_file (file, csv, encoding, &error));
  g_assert_no_error (error);
  before = ts_test_dump_database (fixture->path);
  import = ts_import_new_from_file (file, TS_CSV_ENCODING_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_import_get_encoding (import), ==, expected);
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ts_import_count (import, counts);
  for (guint i = 0; i < ts_import_get_n_rows (import); i++)
    {
      TsImportRow *row = ts_import_get_row (import, i);
      g_autofree char *why = ts_import_row_describe (row);

      if (row->action != TS_IMPORT_ACTION_SKIP)
        g_test_message ("line %u: %s", row->line, why);
    }
  g_assert_cmpuint (counts[TS_IMPORT_ACTION_SKIP], ==, 61);
  g_assert_cmpuint (ts_import_get_n_rows (import), ==, 61);
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  after = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_round_trip_utf8_bom (Fixture *fixture, gconstpointer data)
{
  round_trip (fixture, TS_EXPORT_UTF8_BOM, TS_CSV_ENCODING_UTF8);
}

static void
test_round_trip_utf8 (Fixture *fixture, gconstpointer data)
{
  round_trip (fixture, TS_EXPORT_UTF8, TS_CSV_ENCODING_UTF8);
}

static void
test_round_trip_cp932 (Fixture *fixture, gconstpointer data)
{
  g_autoptr(TsMember) member = add_member (fixture, "髙﨑", "㈱ケア①～－", "", "");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) csv = ts_export_members (fixture->repository, &error);
    g_autofree char *file = g_build_filename (fixture->dir, "cp932.csv", NULL);
    g_autofree char *before = ts_test_dump_database (fixture->path);
    g_autofree char *after = NULL;
    g_autoptr(TsImport) import = NULL;
    guint counts[TS_IMPORT_N_ACTIONS];

    g_assert_true (ts_export_write_file (file, csv, TS_EXPORT_CP932, &error));
    import = ts_import_new_from_file (file, TS_CSV_ENCODING_AUTO, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (ts_import_get_encoding (import), ==, TS_CSV_ENCODING_CP932);
    g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
    ts_import_count (import, counts);
    g_assert_cmpuint (counts[TS_IMPORT_ACTION_SKIP], ==, 62);
    g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, NULL, &error));
    after = ts_test_dump_database (fixture->path);
    g_assert_cmpstr (before, ==, after);
  }
}

/* Exported under a Japanese desktop, imported under another language:
 * the Japanese headers and consent labels still map. */
static void
test_round_trip_across_languages (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "ja.csv", NULL);
  g_autofree char *before = ts_test_dump_database (fixture->path);
  g_autofree char *after = NULL;
  g_autoptr(TsImport) import = NULL;
  guint counts[TS_IMPORT_N_ACTIONS];

  if (g_getenv ("TSUDOI_LOCALEDIR") == NULL || setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("no ja_JP.UTF-8 locale or no built catalog");
      return;
    }
  g_setenv ("LANGUAGE", "ja", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  csv = ts_export_members (fixture->repository, &error);
  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
  g_assert_true (g_str_has_prefix (csv->str, "姓,名,姓のよみがな,名のよみがな,所属,"));
  g_assert_nonnull (strstr (csv->str, "すべて掲載"));

  g_assert_true (ts_export_write_file (file, csv, TS_EXPORT_UTF8_BOM, &error));
  import = ts_import_new_from_file (file, TS_CSV_ENCODING_AUTO, NULL, &error);
  g_assert_cmpstr (ts_import_field_label (ts_import_get_field (import, 2)), ==,
                   "Reading of the family name");
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  ts_import_count (import, counts);
  g_assert_cmpuint (counts[TS_IMPORT_ACTION_SKIP], ==, 61);
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, NULL, &error));
  after = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_cp932_refuses (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TsMember) member = add_member (fixture, "𠮷田", "カフェ🙂", "", "");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = ts_export_members (fixture->repository, &error);
  g_autofree char *file = g_build_filename (fixture->dir, "refused.csv", NULL);

  g_assert_false (ts_export_write_file (file, csv, TS_EXPORT_CP932, &error));
  g_assert_error (error, TS_EXPORT_ERROR, TS_EXPORT_ERROR_UNREPRESENTABLE);
  g_assert_cmpstr (error->message, ==,
                   "Shift_JIS (CP932) cannot hold these characters: “𠮷” (U+20BB7), "
                   "“🙂” (U+1F642). Nothing was written; export in UTF-8 instead.");
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
}

static gint64
first_held_event (Fixture *fixture,
                  gint64  *chapter_id)
{
  g_autoptr(GListModel) events = ts_repository_list_events (fixture->repository, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);

      if (event->status == TS_EVENT_STATUS_HELD && event->present > 0)
        {
          *chapter_id = event->chapter_id;
          return event->id;
        }
    }
  g_assert_not_reached ();
}

static guint
count_lines (const char *csv)
{
  guint n = 0;
  gboolean quoted = FALSE;

  for (const char *p = csv; *p; p++)
    if (*p == '"')
      quoted = !quoted;
    else if (*p == '\n' && !quoted)
      n++;
  return n;
}

static void
test_attendees (Fixture       *fixture,
                gconstpointer  data)
{
  gint64 chapter_id = 0;
  gint64 event_id = first_held_event (fixture, &chapter_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = ts_export_attendees (fixture->repository, event_id, &error);
  g_autoptr(GListModel) attendance = ts_repository_list_attendance (fixture->repository,
                                                                    event_id, NULL);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv->str, "Family name,Given name,Reading of the family name,"));
  g_assert_nonnull (strstr (csv->str, ",Status,Checked in\r\n"));
  g_assert_cmpuint (count_lines (csv->str), ==, g_list_model_get_n_items (attendance) + 1);
  g_assert_null (ts_export_attendees (fixture->repository, 999999, &error) );
}

static void
test_grid (Fixture       *fixture,
           gconstpointer  data)
{
  gint64 chapter_id = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GListModel) members = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;

  first_held_event (fixture, &chapter_id);
  csv = ts_export_grid (fixture->repository, chapter_id, &error);
  g_assert_no_error (error);
  members = ts_repository_list_chapter_members (fixture->repository, chapter_id, NULL);
  g_assert_cmpuint (count_lines (csv->str), ==, g_list_model_get_n_items (members) + 1);
  lines = g_strsplit (csv->str, "\r\n", -1);
  header = g_strsplit (lines[0], ",", -1);
  /* Six member columns, then dates oldest first, then the count. */
  g_assert_cmpstr (header[6], <, header[7]);
  g_assert_cmpstr (header[g_strv_length (header) - 1], ==, "Times present");
  g_assert_nonnull (strstr (csv->str, "○"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/export/members-for-excel", test_members_for_excel);
  ADD ("/export/round-trip-utf8-bom", test_round_trip_utf8_bom);
  ADD ("/export/round-trip-utf8", test_round_trip_utf8);
  ADD ("/export/round-trip-cp932", test_round_trip_cp932);
  ADD ("/export/round-trip-across-languages", test_round_trip_across_languages);
  ADD ("/export/cp932-refuses", test_cp932_refuses);
  ADD ("/export/attendees", test_attendees);
  ADD ("/export/grid", test_grid);
  return g_test_run ();
}
