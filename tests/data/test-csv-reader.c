/* test-csv-reader.c: encodings, separators, quoting and header mapping.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-csv-reader.h"
#include "ts-import-mapping.h"
#include "ts-test-support.h"

static TsCsvTable *
read_text (const char     *text,
           gsize           length,
           TsCsvEncoding   encoding,
           GError        **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  return ts_csv_read_bytes (bytes, encoding, NULL, error);
}

static const char *
cell (TsCsvTable *table,
      guint       row,
      guint       column)
{
  GStrv cells = g_ptr_array_index (table->rows, row);
  g_assert_cmpuint (column, <, g_strv_length (cells));
  return cells[column];
}

static guint
line (TsCsvTable *table,
      guint       row)
{
  return g_array_index (table->lines, guint, row);
}

static void
test_detect_encoding (void)
{
  const char cp932[] = "\x8e\x81\x96\xbc";   /* 氏名 */

  g_assert_cmpint (ts_csv_detect_encoding ((const guint8 *) "\xff\xfe" "a\0", 4), ==,
                   TS_CSV_ENCODING_UTF16);
  g_assert_cmpint (ts_csv_detect_encoding ((const guint8 *) "\xef\xbb\xbf" "a", 4), ==,
                   TS_CSV_ENCODING_UTF8);
  g_assert_cmpint (ts_csv_detect_encoding ((const guint8 *) "氏名", strlen ("氏名")), ==,
                   TS_CSV_ENCODING_UTF8);
  g_assert_cmpint (ts_csv_detect_encoding ((const guint8 *) cp932, 4), ==,
                   TS_CSV_ENCODING_CP932);
}

/* The characters iconv's SHIFT_JIS lacks, read from real CP932 bytes. */
static void
test_cp932_characters (void)
{
  /* ① ㈱ 髙 﨑 ～ － in CP932. */
  const char bytes[] = "\x87\x40,\x87\x8a,\xee\xe0,\xed\x95,\x81\x60,\x81\x7c\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TsCsvTable) table = read_text (bytes, strlen (bytes), TS_CSV_ENCODING_AUTO, &error);

  g_assert_no_error (error);
  g_assert_cmpint (table->encoding, ==, TS_CSV_ENCODING_CP932);
  g_assert_cmpstr (cell (table, 0, 0), ==, "①");
  g_assert_cmpstr (cell (table, 0, 1), ==, "㈱");
  g_assert_cmpstr (cell (table, 0, 2), ==, "髙");
  g_assert_cmpstr (cell (table, 0, 3), ==, "﨑");
  g_assert_cmpstr (cell (table, 0, 4), ==, "～");
  g_assert_cmpstr (cell (table, 0, 5), ==, "－");
}

static void
test_separators (void)
{
  g_assert_cmpint (ts_csv_detect_separator ("a,b,c\n1;2,3"), ==, ',');
  g_assert_cmpint (ts_csv_detect_separator ("a\tb\tc\n"), ==, '\t');
  g_assert_cmpint (ts_csv_detect_separator ("a;b;\"x,y,z\"\n"), ==, ';');
  g_assert_cmpint (ts_csv_detect_separator ("name\n"), ==, ',');
}

static void
test_quoted_line_breaks (void)
{
  const char text[] = "a,b\r\n\"one\r\ntwo\",\"say \"\"hi\"\"\"\r\n\r\nlast,row";
  g_autoptr(GError) error = NULL;
  g_autoptr(TsCsvTable) table = read_text (text, strlen (text), TS_CSV_ENCODING_AUTO, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 3);
  g_assert_cmpstr (cell (table, 1, 0), ==, "one\r\ntwo");
  g_assert_cmpstr (cell (table, 1, 1), ==, "say \"hi\"");
  g_assert_cmpuint (line (table, 0), ==, 1);
  g_assert_cmpuint (line (table, 1), ==, 2);
  g_assert_cmpuint (line (table, 2), ==, 5);
  g_assert_cmpstr (cell (table, 2, 1), ==, "row");
}

static void
test_unclosed_quote (void)
{
  const char text[] = "a,b\n1,2\n\"never closed,3\n4,5\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TsCsvTable) table = read_text (text, strlen (text), TS_CSV_ENCODING_AUTO, &error);

  g_assert_null (table);
  g_assert_error (error, TS_CSV_ERROR, TS_CSV_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==,
                   "The quoted cell that starts on line 3 is never closed: "
                   "a double quote (\") is missing.");
}

static void
test_wrong_encoding (void)
{
  const char cp932[] = "a\n\x8e\x81\x96\xbc\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TsCsvTable) table = read_text (cp932, strlen (cp932), TS_CSV_ENCODING_UTF8, &error);

  g_assert_null (table);
  g_assert_error (error, TS_CSV_ERROR, TS_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "Line 2 is not UTF-8 text. Choose the encoding Shift_JIS (CP932) and try again.");
}

static void
test_utf16_without_bom (void)
{
  const char text[] = "a\0\t\0b\0\n\0";
  g_autoptr(GError) error = NULL;
  g_autoptr(TsCsvTable) table = read_text (text, sizeof text - 1, TS_CSV_ENCODING_UTF16, &error);

  g_assert_no_error (error);
  g_assert_cmpint (table->separator, ==, '\t');
  g_assert_cmpstr (cell (table, 0, 1), ==, "b");
}

static void
test_utf16_big_endian (void)
{
  const char text[] = "\xfe\xff\0a\0\t\x6c\x0f\0\n";   /* a<TAB>氏 */
  g_autoptr(GError) error = NULL;
  g_autoptr(TsCsvTable) table = read_text (text, sizeof text - 1, TS_CSV_ENCODING_AUTO, &error);

  g_assert_no_error (error);
  g_assert_cmpint (table->encoding, ==, TS_CSV_ENCODING_UTF16);
  g_assert_cmpstr (cell (table, 0, 1), ==, "氏");
}

static void
test_mapping (void)
{
  static const struct { const char *header; TsImportField field; } cases[] = {
    { "氏名", TS_IMPORT_FIELD_FULL_NAME }, { "お名前（フルネーム）", TS_IMPORT_FIELD_FULL_NAME },
    { "名前", TS_IMPORT_FIELD_FULL_NAME }, { "Name", TS_IMPORT_FIELD_FULL_NAME },
    { "姓", TS_IMPORT_FIELD_FAMILY_NAME }, { "名", TS_IMPORT_FIELD_GIVEN_NAME },
    { "ふりがな", TS_IMPORT_FIELD_READING }, { "フリガナ", TS_IMPORT_FIELD_READING },
    { "ﾌﾘｶﾞﾅ", TS_IMPORT_FIELD_READING }, { "よみがな", TS_IMPORT_FIELD_READING },
    { "お名前（ふりがな）", TS_IMPORT_FIELD_READING },
    { "姓（ふりがな）", TS_IMPORT_FIELD_FAMILY_READING }, { "セイ", TS_IMPORT_FIELD_FAMILY_READING },
    { "名（フリガナ）", TS_IMPORT_FIELD_GIVEN_READING }, { "メイ", TS_IMPORT_FIELD_GIVEN_READING },
    { "所属", TS_IMPORT_FIELD_ORGANIZATION }, { "勤務先", TS_IMPORT_FIELD_ORGANIZATION },
    { "事業所", TS_IMPORT_FIELD_ORGANIZATION }, { "ご所属（勤務先）", TS_IMPORT_FIELD_ORGANIZATION },
    { "職種", TS_IMPORT_FIELD_PROFESSION }, { "メール", TS_IMPORT_FIELD_EMAIL },
    { "メールアドレス", TS_IMPORT_FIELD_EMAIL }, { "E-mail", TS_IMPORT_FIELD_EMAIL },
    { "電話", TS_IMPORT_FIELD_PHONE }, { "電話番号（携帯可）", TS_IMPORT_FIELD_PHONE },
    { "紹介者", TS_IMPORT_FIELD_REFERRED_BY }, { "ご紹介者のお名前", TS_IMPORT_FIELD_REFERRED_BY },
    { "ひとこと", TS_IMPORT_FIELD_WISH }, { "自己紹介", TS_IMPORT_FIELD_INTRODUCTION },
    { "タイムスタンプ", TS_IMPORT_FIELD_TIMESTAMP }, { "Timestamp", TS_IMPORT_FIELD_TIMESTAMP },
    { "名簿への掲載に同意しますか？", TS_IMPORT_FIELD_CONSENT },
    { "お名前（必須）", TS_IMPORT_FIELD_FULL_NAME }, { "好きな食べ物", TS_IMPORT_FIELD_IGNORE },
    /* A Japanese export read under another language. */
    { "姓のよみがな", TS_IMPORT_FIELD_FAMILY_READING },
    { "名のよみがな", TS_IMPORT_FIELD_GIVEN_READING },
    { "名簿への掲載", TS_IMPORT_FIELD_CONSENT }, { "所属塾", TS_IMPORT_FIELD_HOME_CHAPTER },
    { "役職", TS_IMPORT_FIELD_JOB_TITLE }, { "電話番号", TS_IMPORT_FIELD_PHONE },
    { "", TS_IMPORT_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].header);
      g_assert_cmpint (ts_import_field_for_header (cases[i].header), ==, cases[i].field);
    }
}

static void
test_mapping_labels_round_trip (void)
{
  for (TsImportField f = TS_IMPORT_FIELD_FULL_NAME; f < TS_IMPORT_N_FIELDS; f++)
    g_assert_cmpint (ts_import_field_for_header (ts_import_field_label (f)), ==, f);
}

static void
test_mapping_one_column_per_field (void)
{
  const char * const headers[] = { "メール", "氏名", "メールアドレス", NULL };
  g_autoptr(GArray) mapping = ts_import_map_headers (headers);

  g_assert_cmpint (g_array_index (mapping, TsImportField, 0), ==, TS_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (g_array_index (mapping, TsImportField, 2), ==, TS_IMPORT_FIELD_IGNORE);
  g_assert_true (ts_import_mapping_has_name (mapping));
}

static void
test_consent_answers (void)
{
  g_assert_cmpint (ts_import_consent_for ("はい"), ==, TS_CONSENT_FULL);
  g_assert_cmpint (ts_import_consent_for (" いいえ "), ==, TS_CONSENT_NONE);
  g_assert_cmpint (ts_import_consent_for ("氏名と所属のみ"), ==, TS_CONSENT_NAME_ORGANIZATION);
  g_assert_cmpint (ts_import_consent_for ("Listed in full"), ==, TS_CONSENT_FULL);
  g_assert_cmpint (ts_import_consent_for ("すべて掲載"), ==, TS_CONSENT_FULL);
  g_assert_cmpint (ts_import_consent_for ("掲載しない"), ==, TS_CONSENT_NONE);
  g_assert_cmpint (ts_import_consent_for ("name-organization"), ==, TS_CONSENT_NAME_ORGANIZATION);
  g_assert_cmpint (ts_import_consent_for ("Not listed"), ==, TS_CONSENT_NONE);
  g_assert_cmpint (ts_import_consent_for (""), ==, TS_IMPORT_CONSENT_EMPTY);
  g_assert_cmpint (ts_import_consent_for ("たぶん"), ==, TS_IMPORT_CONSENT_UNKNOWN);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/detect-encoding", test_detect_encoding);
  g_test_add_func ("/csv/cp932-characters", test_cp932_characters);
  g_test_add_func ("/csv/separators", test_separators);
  g_test_add_func ("/csv/quoted-line-breaks", test_quoted_line_breaks);
  g_test_add_func ("/csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/csv/wrong-encoding", test_wrong_encoding);
  g_test_add_func ("/csv/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/csv/utf16-big-endian", test_utf16_big_endian);
  g_test_add_func ("/mapping/headers", test_mapping);
  g_test_add_func ("/mapping/labels-round-trip", test_mapping_labels_round_trip);
  g_test_add_func ("/mapping/one-column-per-field", test_mapping_one_column_per_field);
  g_test_add_func ("/mapping/consent", test_consent_answers);
  return g_test_run ();
}
