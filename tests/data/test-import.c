/* test-import.c: every fixture through the preview and the transaction,
 * into a real SQLite file; on any error the file is unchanged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-import.h"
#include "ts-test-support.h"

typedef TsTestDb Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  ts_test_db_init (fixture, "import.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (fixture);
}

static TsImport *
preview_fixture (Fixture     *fixture,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *path = ts_test_fixture_path (name);
  g_autoptr(TsImport) import = ts_import_new_from_file (path, TS_CSV_ENCODING_AUTO, NULL, error);

  if (import == NULL || !ts_import_preview (import, fixture->database, NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&import);
}

static TsMember *
find_member (Fixture    *fixture,
             const char *search)
{
  g_autoptr(GListModel) members = ts_repository_list_members (fixture->repository, search, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 1);
  return g_list_model_get_item (members, 0);
}

static guint
count_members (Fixture *fixture)
{
  g_autoptr(GListModel) members = ts_repository_list_members (fixture->repository, NULL, NULL);
  return g_list_model_get_n_items (members);
}

static void
import_fixture (Fixture    *fixture,
                const char *name,
                guint       expected_new)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = preview_fixture (fixture, name, &error);
  TsImportResult result;

  g_assert_no_error (error);
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, expected_new);
  g_assert_cmpuint (count_members (fixture), ==, expected_new);
}

/* The same three people in four encodings give the same members. */
static void
check_three_people (Fixture *fixture)
{
  g_autoptr(TsMember) takahashi = find_member (fixture, "ichiro@example.jp");
  g_autoptr(TsMember) yamasaki = find_member (fixture, "hanako@example.jp");
  g_autoptr(TsMember) sato = find_member (fixture, "北－南");

  g_assert_cmpstr (takahashi->family_name, ==, "髙橋");
  g_assert_cmpstr (takahashi->given_name, ==, "一郎");
  g_assert_cmpstr (takahashi->family_reading, ==, "たかはし");
  g_assert_cmpstr (takahashi->organization, ==, "㈱ケアサポート①");
  g_assert_cmpstr (yamasaki->family_name, ==, "山﨑");
  g_assert_cmpstr (yamasaki->family_reading, ==, "ヤマサキ");     /* stored as given */
  g_assert_cmpstr (yamasaki->organization, ==, "訪問看護ステーション～みらい～");
  g_assert_cmpstr (sato->family_name, ==, "佐藤");                /* split on U+3000 */
  g_assert_cmpstr (sato->given_name, ==, "次郎");
  g_assert_cmpstr (sato->family_reading, ==, "ｻﾄｳ");
  g_assert_cmpstr (sato->given_reading, ==, "ｼﾞﾛｳ");
  g_assert_cmpstr (sato->organization, ==, "北－南クリニック");
  g_assert_cmpstr (sato->profession, ==, "理学療法士");
}

static void
test_encoding (Fixture       *fixture,
               gconstpointer  data)
{
  const char *name = data;

  import_fixture (fixture, name, 3);
  check_three_people (fixture);
}

/* A second encoding of the same file finds everyone already there. */
static void
test_reimport_is_all_skips (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autofree char *before = NULL, *after = NULL;
  guint counts[TS_IMPORT_N_ACTIONS];

  import_fixture (fixture, "cp932.csv", 3);
  before = ts_test_dump_database (fixture->path);
  import = preview_fixture (fixture, "utf16le.txt", &error);
  g_assert_no_error (error);
  ts_import_count (import, counts);
  g_assert_cmpuint (counts[TS_IMPORT_ACTION_SKIP], ==, 3);
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, NULL, &error));
  after = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_quoted_newlines (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TsMember) suzuki = NULL;
  g_autoptr(TsMember) tanaka = NULL;

  import_fixture (fixture, "quoted-newlines.csv", 3);
  suzuki = find_member (fixture, "すずきクリニック");
  tanaka = find_member (fixture, "たなか薬局");
  g_assert_cmpstr (suzuki->introduction, ==,
                   "訪問診療をしています。\n在宅の相談は\"何でも\"どうぞ。");
  g_assert_cmpstr (tanaka->introduction, ==, "一行目\n二行目\n三行目");
}

static void
test_form_export (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TsMember) ito = NULL, watanabe = NULL, matsumoto = NULL;

  import_fixture (fixture, "form.csv", 3);
  ito = find_member (fixture, "yumi@example.jp");
  watanabe = find_member (fixture, "daisuke@example.jp");
  matsumoto = find_member (fixture, "sakura@example.jp");
  g_assert_cmpstr (ito->family_name, ==, "伊藤");
  g_assert_cmpstr (ito->organization, ==, "大田区地域包括支援センター");
  g_assert_cmpstr (ito->introduction, ==, "地域のケアマネです。");
  g_assert_cmpint (ito->consent, ==, TS_CONSENT_FULL);
  g_assert_cmpint (watanabe->consent, ==, TS_CONSENT_NONE);
  g_assert_cmpint (matsumoto->consent, ==, TS_CONSENT_NAME_ORGANIZATION);
  /* The referrer is in the same file. */
  g_assert_cmpint (watanabe->referred_by, ==, ito->id);
  /* The timestamp is nowhere. */
  g_assert_null (strstr (ito->notes, "2017"));
}

static void
test_ragged_row (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = preview_fixture (fixture, "ragged.csv", &error);
  TsImportRow *row;
  TsImportResult result;

  g_assert_no_error (error);
  g_assert_cmpuint (ts_import_get_n_rows (import), ==, 4);
  row = ts_import_get_row (import, 1);      /* fewer cells: fine */
  g_assert_cmpint (row->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_cmpstr (row->member->profession, ==, "");
  /* More cells: the person comes in, the extra cells stay out. */
  row = ts_import_get_row (import, 2);
  g_assert_cmpint (row->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_cmpuint (row->line, ==, 4);
  g_assert_cmpuint (row->warnings, ==, 1u << TS_IMPORT_WARNING_EXTRA_CELLS);
  g_assert_cmpstr (row->message, ==,
                   "This line has 5 cells, but the first line names only 3 columns; "
                   "the extra cells are left out.");
  g_assert_cmpstr (row->member->profession, ==, "看護師");

  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.created, ==, 4);
  g_assert_cmpuint (result.failed, ==, 0);
  g_assert_cmpuint (result.warned[TS_IMPORT_WARNING_EXTRA_CELLS], ==, 1);
}

typedef struct {
  const char *fixture;
  GQuark      domain;
  int         code;
  const char *message;
} BadFile;

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  const BadFile *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autofree char *before = NULL, *after = NULL;

  import_fixture (fixture, "utf8.csv", 3);
  before = ts_test_dump_database (fixture->path);
  import = preview_fixture (fixture, bad->fixture, &error);
  g_assert_null (import);
  g_assert_error (error, bad->domain, bad->code);
  g_assert_cmpstr (error->message, ==, bad->message);
  after = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
cancel_on_progress (guint    done,
                    guint    total,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* A cancel halfway rolls back the rows already written. */
static void
test_cancel_rolls_back (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("氏名,所属\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *before = NULL, *after = NULL;

  import_fixture (fixture, "utf8.csv", 3);
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "試験 %u,事業所%u\n", i, i);
  bytes = g_bytes_new (csv->str, csv->len);
  import = ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  before = ts_test_dump_database (fixture->path);

  g_assert_false (ts_import_run (import, fixture->database, 0, cancellable,
                                 cancel_on_progress, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_members (fixture), ==, 3);

  /* The same preview can still be written afterwards. */
  g_clear_error (&error);
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_members (fixture), ==, 2003);
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  const char text[] =
    "氏名,ふりがな,所属,メール,電話\n"
    "髙橋 一郎,たかはし いちろう,㈱ケアサポート①,ICHIRO@example.jp,03-1111-2222\n"  /* email */
    "山﨑 花子,やまさき はなこ,別の病院,,\n"                     /* reading and name */
    "佐藤 次郎,,北－南クリニック,,\n"                            /* name and organization */
    "佐藤 次郎,,よその会社,,\n"                                  /* a namesake: new */
    "新人 さん,しんじん さん,,new@example.jp,\n"
    "新人 さん,,,new@example.jp,\n";                             /* same as line 6 */
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autoptr(TsMember) takahashi = NULL;
  TsImportResult result;

  import_fixture (fixture, "utf8.csv", 3);
  import = ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_cmpint (ts_import_get_row (import, 0)->action, ==, TS_IMPORT_ACTION_UPDATE);
  /* Reading and name, but another organization: a question, new by default. */
  g_assert_cmpint (ts_import_get_row (import, 1)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_true (ts_import_get_row (import, 1)->doubt);
  g_assert_nonnull (ts_import_get_row (import, 1)->existing);
  g_assert_cmpint (ts_import_get_row (import, 2)->action, ==, TS_IMPORT_ACTION_SKIP);
  g_assert_nonnull (ts_import_get_row (import, 2)->existing);
  g_assert_false (ts_import_get_row (import, 2)->doubt);
  g_assert_cmpint (ts_import_get_row (import, 3)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_true (ts_import_get_row (import, 3)->doubt);
  g_assert_cmpint (ts_import_get_row (import, 4)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_cmpint (ts_import_get_row (import, 5)->action, ==, TS_IMPORT_ACTION_SKIP);
  g_assert_cmpuint (ts_import_get_row (import, 5)->same_as_line, ==, 6);

  /* The organizer knows it is her, and keeps her organization as it was. */
  g_assert_true (ts_import_set_action (import, 1, TS_IMPORT_ACTION_SKIP));
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.created, ==, 2);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (count_members (fixture), ==, 5);
  takahashi = find_member (fixture, "ichiro@example.jp");
  g_assert_cmpstr (takahashi->phone, ==, "03-1111-2222");
  g_assert_cmpstr (takahashi->email, ==, "ichiro@example.jp");  /* not overwritten by case */
}

static void
test_skip_all_duplicates (Fixture       *fixture,
                          gconstpointer  data)
{
  const char text[] = "氏名,メール,電話\n髙橋 一郎,ichiro@example.jp,000\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autofree char *before = NULL, *after = NULL;

  import_fixture (fixture, "utf8.csv", 3);
  before = ts_test_dump_database (fixture->path);
  import = ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_cmpint (ts_import_get_row (import, 0)->action, ==, TS_IMPORT_ACTION_UPDATE);
  g_assert_cmpuint (ts_import_set_duplicates (import, TS_IMPORT_ACTION_SKIP), ==, 1);
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, NULL, &error));
  after = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static gint64
max_member_id (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (fixture->database,
                                                      "SELECT max(id) FROM member", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_registrations (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (fixture->repository,
                                                      "name", "大田医介塾", NULL);
  g_autoptr(TsEvent) event = ts_test_add_event (fixture->repository, "chapter-id", chapter->id,
                                                "starts-at", "2017-08-24T19:00", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autoptr(TsImport) again = NULL;
  g_autoptr(GListModel) attendance = NULL;
  g_autoptr(TsMember) ito = NULL;
  TsImportResult result;
  gint64 max_before;

  import_fixture (fixture, "utf8.csv", 3);
  max_before = max_member_id (fixture);
  /* Someone already present stays present. */
  ito = find_member (fixture, "ichiro@example.jp");
  g_assert_true (ts_repository_check_in (fixture->repository, event->id, ito->id, &error));

  import = preview_fixture (fixture, "form.csv", &error);
  g_assert_true (ts_import_run (import, fixture->database, event->id, NULL, NULL, NULL,
                                &result, &error));
  g_assert_cmpuint (result.registered, ==, 3);
  again = preview_fixture (fixture, "utf8-bom.csv", &error);
  g_assert_true (ts_import_run (again, fixture->database, event->id, NULL, NULL, NULL,
                                &result, &error));
  g_assert_cmpuint (result.created, ==, 0);
  g_assert_cmpuint (result.registered, ==, 2);
  attendance = ts_repository_list_attendance (fixture->repository, event->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(TsAttendance) item = g_list_model_get_item (attendance, i);
      g_autoptr(TsMember) member = ts_repository_get_member (fixture->repository,
                                                             item->member_id, &error);

      g_assert_cmpint (item->status, ==, item->member_id == ito->id ? TS_ATTENDANCE_STATUS_WALK_IN
                                                                    : TS_ATTENDANCE_STATUS_REGISTERED);
      /* New from the event's form: of its chapter; known before: as they were. */
      g_assert_cmpint (member->home_chapter_id, ==, member->id > max_before ? chapter->id : 0);
    }
}

static void
test_unknown_event (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = preview_fixture (fixture, "utf8.csv", &error);
  g_autofree char *before = ts_test_dump_database (fixture->path);
  g_autofree char *after = NULL;

  g_assert_false (ts_import_run (import, fixture->database, 42, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no event with the number 42.");
  after = ts_test_dump_database (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_no_name_column (Fixture       *fixture,
                     gconstpointer  data)
{
  const char text[] = "所属,職種\nこばやし医院,医師\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import =
    ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));

  g_assert_false (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_error (error, TS_IMPORT_ERROR, TS_IMPORT_ERROR_NO_NAME_COLUMN);
  g_clear_error (&error);
  /* Mapping the column by hand makes it importable. */
  ts_import_set_field (import, 0, TS_IMPORT_FIELD_FULL_NAME);
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_cmpstr (ts_import_get_row (import, 0)->member->family_name, ==, "こばやし医院");
}

static void
test_title_rows (Fixture       *fixture,
                 gconstpointer  data)
{
  const char text[] = "第12回 大田医介塾 参加者名簿,,\n"
                      "2017年8月24日(木),,\n"
                      "氏名,所属,職種\n"
                      "小林 誠,こばやし医院,医師\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import =
    ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));

  g_assert_cmpstr (ts_import_get_header (import, 0), ==, "氏名");
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_cmpuint (ts_import_get_n_rows (import), ==, 1);
  g_assert_cmpuint (ts_import_get_row (import, 0)->line, ==, 4);
  g_assert_cmpstr (ts_import_get_row (import, 0)->member->profession, ==, "医師");
}

/* A detail that cannot be stored never costs the person: only a line
 * without a name is left out. */
static void
test_bad_values (Fixture       *fixture,
                 gconstpointer  data)
{
  const char text[] = "氏名,ふりがな,メール,掲載\n"
                      "山田 太郎,Yamada,,はい\n"
                      "山田 花子,,sho@example,はい\n"
                      "山田 次郎,,,たぶん\n"
                      ",,,はい\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import =
    ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_autoptr(TsMember) taro = NULL, hanako = NULL, jiro = NULL;
  g_auto(GStrv) notes = NULL;
  TsImportResult result;
  guint n_warned, n_doubts;

  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_cmpuint (ts_import_get_n_rows (import), ==, 4);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (ts_import_get_row (import, i)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_cmpint (ts_import_get_row (import, 3)->action, ==, TS_IMPORT_ACTION_ERROR);
  g_assert_cmpstr (ts_import_get_row (import, 0)->message, ==,
                   "The reading “Yamada” is not written in kana; it is left empty.");
  g_assert_cmpstr (ts_import_get_row (import, 1)->message, ==,
                   "“sho@example” does not look like an email address; it is left empty.");
  g_assert_cmpstr (ts_import_get_row (import, 2)->message, ==,
                   "“たぶん” in the consent column is not understood; a new member is not "
                   "listed on rosters until you set their consent.");
  g_assert_cmpstr (ts_import_get_row (import, 3)->message, ==,
                   "This line has no name, so it is not imported.");
  ts_import_count_notes (import, &n_warned, &n_doubts);
  g_assert_cmpuint (n_warned, ==, 3);
  g_assert_cmpuint (n_doubts, ==, 0);

  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 3);
  g_assert_cmpuint (result.failed, ==, 1);
  taro = find_member (fixture, "山田太郎");
  hanako = find_member (fixture, "山田花子");
  jiro = find_member (fixture, "山田次郎");
  g_assert_cmpstr (taro->family_reading, ==, "");
  g_assert_cmpstr (hanako->email, ==, "");
  g_assert_cmpint (jiro->consent, ==, TS_CONSENT_NONE);
  notes = ts_import_result_notes (&result);
  g_assert_cmpuint (g_strv_length (notes), ==, 3);
  g_assert_cmpstr (notes[0], ==, "1 person was imported with the email address left empty.");
  g_assert_cmpstr (notes[1], ==, "1 person was imported with the reading left empty.");
  g_assert_cmpstr (notes[2], ==, "1 person was imported without a roster consent that could "
                                 "be read; please set it.");
}

/* 佐藤 花子 of A病院 is a member; three more 佐藤 花子 write in. */
static void
test_namesakes (Fixture       *fixture,
                gconstpointer  data)
{
  const char text[] =
    "氏名,ふりがな,所属,メール\n"
    "佐藤 花子,さとう はなこ,A病院,hanako.a@x.jp\n"      /* her */
    "佐藤 花子,さとう はなこ,B薬局,hanako.b@y.jp\n"      /* another email: new */
    "佐藤 花子,さとう はなこ,C診療所,hanako.c@z.jp\n"    /* and another: new */
    "佐藤 花子,さとう はなこ,,HANAKO.B@y.jp\n";          /* B again */
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autoptr(TsMember) a = ts_test_add_member (fixture->repository,
                                              "family-name", "佐藤", "given-name", "花子",
                                              "family-reading", "さとう", "given-reading", "はなこ",
                                              "organization", "A病院", "email", "hanako.a@x.jp",
                                              NULL);
  g_autoptr(TsMember) a_after = NULL;
  g_autofree char *described = NULL;
  TsImportResult result;
  TsImportRow *row;

  import = ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  row = ts_import_get_row (import, 0);
  g_assert_cmpint (row->action, ==, TS_IMPORT_ACTION_SKIP);
  g_assert_false (row->doubt);
  g_assert_cmpint (row->existing->id, ==, a->id);
  for (guint i = 1; i <= 2; i++)
    {
      row = ts_import_get_row (import, i);
      g_assert_cmpint (row->action, ==, TS_IMPORT_ACTION_NEW);
      g_assert_true (row->doubt);
      g_assert_cmpuint (row->same_as_line, ==, 0);
    }
  described = ts_import_row_describe (ts_import_get_row (import, 1));
  g_assert_cmpstr (described, ==,
                   "Maybe a different person with the same name: the list has 佐藤　花子 (A病院).");
  row = ts_import_get_row (import, 3);
  g_assert_cmpint (row->action, ==, TS_IMPORT_ACTION_SKIP);
  g_assert_cmpuint (row->same_as_line, ==, 3);

  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 2);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.namesakes, ==, 2);
  g_assert_cmpuint (count_members (fixture), ==, 3);
  a_after = find_member (fixture, "hanako.a@x.jp");
  g_assert_cmpstr (a_after->organization, ==, "A病院");
  g_clear_object (&a_after);
  a_after = find_member (fixture, "hanako.b@y.jp");
  g_assert_cmpstr (a_after->organization, ==, "B薬局");
}

/* A name-only match is a question the organizer answers: here, it is her,
 * at a new workplace. */
static void
test_namesake_is_her (Fixture       *fixture,
                      gconstpointer  data)
{
  const char text[] = "氏名,ふりがな,所属\n佐藤 花子,さとう はなこ,B薬局\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autoptr(TsMember) a = ts_test_add_member (fixture->repository,
                                              "family-name", "佐藤", "given-name", "花子",
                                              "family-reading", "さとう", "given-reading", "はなこ",
                                              "organization", "A病院", NULL);
  g_autoptr(TsMember) after = NULL;
  TsImportResult result;

  import = ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_true (ts_import_get_row (import, 0)->doubt);
  g_assert_cmpint (ts_import_get_row (import, 0)->action, ==, TS_IMPORT_ACTION_NEW);
  /* "Update all" is for the people known for sure, not for questions. */
  g_assert_cmpuint (ts_import_set_duplicates (import, TS_IMPORT_ACTION_UPDATE), ==, 0);
  g_assert_cmpint (ts_import_get_row (import, 0)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_true (ts_import_set_action (import, 0, TS_IMPORT_ACTION_UPDATE));
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (count_members (fixture), ==, 1);
  after = find_member (fixture, "佐藤");
  g_assert_cmpint (after->id, ==, a->id);
  g_assert_cmpstr (after->organization, ==, "B薬局");
}

/* Two people of one file with one name and two emails are two people. */
static void
test_namesakes_in_one_file (Fixture       *fixture,
                            gconstpointer  data)
{
  const char text[] = "氏名,ふりがな,所属,メール\n"
                      "佐藤 花子,さとう はなこ,A病院,hanako.a@x.jp\n"
                      "佐藤 花子,さとう はなこ,B薬局,hanako.b@y.jp\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  TsImportResult result;

  import = ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_cmpint (ts_import_get_row (import, 1)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_cmpuint (ts_import_get_row (import, 1)->same_as_line, ==, 0);
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.created, ==, 2);
  g_assert_cmpuint (count_members (fixture), ==, 2);
}

static void
run_cli (Fixture    *fixture,
         const char *first,
         ...)
{
  g_autofree char *err = NULL;
  va_list args;
  int status;

  va_start (args, first);
  status = ts_test_run_cli_valist (NULL, fixture->path, NULL, &err, first, args);
  va_end (args);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
}

/* The preview is taken, then another process adds one of the people:
 * the import finds her as it writes, and adds her no second time. */
static void
test_decides_when_writing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = preview_fixture (fixture, "utf8.csv", &error);
  g_autoptr(TsImport) skipped = preview_fixture (fixture, "form.csv", &error);
  TsImportResult result;

  g_assert_no_error (error);
  g_assert_cmpint (ts_import_get_row (import, 0)->action, ==, TS_IMPORT_ACTION_NEW);
  /* The organizer says no to 伊藤, whoever comes in meanwhile. */
  g_assert_true (ts_import_set_action (skipped, 0, TS_IMPORT_ACTION_SKIP));
  run_cli (fixture, "member", "add", "--name", "髙橋 一郎", "--reading", "たかはし いちろう",
           "--email", "ichiro@example.jp", NULL);
  run_cli (fixture, "member", "add", "--name", "伊藤 由美", "--email", "yumi@example.jp", NULL);

  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 2);
  g_assert_cmpuint (result.updated, ==, 1);     /* the file knows his organization */
  g_assert_cmpuint (count_members (fixture), ==, 4);
  /* The preview is still what the organizer saw. */
  g_assert_cmpint (ts_import_get_row (import, 0)->action, ==, TS_IMPORT_ACTION_NEW);

  g_assert_true (ts_import_run (skipped, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.created, ==, 2);
  g_assert_cmpuint (result.skipped, ==, 1);
  g_assert_cmpuint (count_members (fixture), ==, 6);
}

/* The member the preview would update is deleted and added again by
 * someone else: the update goes to the one there now, not to the old
 * row. */
static void
test_updates_who_is_there (Fixture       *fixture,
                           gconstpointer  data)
{
  const char text[] = "氏名,メール,電話\n髙橋 一郎,ichiro@example.jp,03-1111-2222\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autoptr(TsMember) old = NULL, now = NULL;
  g_autoptr(TsRepository) other = ts_test_open_repository (fixture->dir, "import.db");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  TsImportResult result;

  import_fixture (fixture, "utf8.csv", 3);
  old = find_member (fixture, "ichiro@example.jp");
  import = ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_cmpint (ts_import_get_row (import, 0)->existing->id, ==, old->id);

  g_assert_true (ts_repository_delete (other, "member", old->id, &error));
  g_assert_no_error (error);
  run_cli (fixture, "member", "add", "--name", "髙橋 一郎", "--email", "ichiro@example.jp", NULL);

  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.updated, ==, 1);
  now = find_member (fixture, "ichiro@example.jp");
  g_assert_cmpint (now->id, !=, old->id);
  g_assert_cmpstr (now->phone, ==, "03-1111-2222");
  stmt = ts_database_prepare (fixture->database,
                              "SELECT phone, deleted_at IS NOT NULL FROM member WHERE id = ?1",
                              &error);
  sqlite3_bind_int64 (stmt, 1, old->id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
}

/* Ten megabytes, made here rather than committed. */
static void
test_ten_megabytes (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF氏名,ふりがな,所属,職種,メールアドレス,自己紹介\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  TsImportResult result;
  guint n = 0;

  while (csv->len < 10 * 1024 * 1024)
    {
      g_string_append_printf (csv, "試験 太郎%u,しけん たろう,第%u訪問看護ステーション,看護師,"
                              "user%u@example.jp,\"在宅医療と介護の連携について、"
                              "地域の皆さんと話したいと思っています。\r\nよろしくお願いします。"
                              "%u\"\r\n", n, n % 97, n, n);
      n++;
    }
  bytes = g_bytes_new (csv->str, csv->len);
  import = ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_cmpuint (ts_import_get_n_rows (import), ==, n);
  g_assert_cmpuint (ts_import_get_row (import, n - 1)->line, ==, 2 * n);
  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_cmpuint (result.created, ==, n);
  g_assert_cmpuint (count_members (fixture), ==, n);
}

/* The organizer said "update her", and she is deleted before the import
 * is written: her line is not lost, it comes in as a new member. */
static void
test_chosen_update_of_someone_gone (Fixture       *fixture,
                                    gconstpointer  data)
{
  const char text[] = "氏名,所属,電話\n佐藤 次郎,北－南クリニック,03-1111-2222\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsImport) import = NULL;
  g_autoptr(TsMember) sato = NULL, now = NULL;
  g_autoptr(TsRepository) other = ts_test_open_repository (fixture->dir, "import.db");
  TsImportResult result;

  import_fixture (fixture, "utf8.csv", 3);
  sato = find_member (fixture, "北－南");
  import = ts_import_new (ts_csv_read_bytes (bytes, TS_CSV_ENCODING_AUTO, NULL, &error));
  g_assert_true (ts_import_preview (import, fixture->database, NULL, NULL, NULL, &error));
  g_assert_true (ts_import_set_action (import, 0, TS_IMPORT_ACTION_UPDATE));
  g_assert_true (ts_repository_delete (other, "member", sato->id, &error));

  g_assert_true (ts_import_run (import, fixture->database, 0, NULL, NULL, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 1);
  g_assert_cmpuint (result.updated, ==, 0);
  now = find_member (fixture, "北－南");
  g_assert_cmpint (now->id, !=, sato->id);
  g_assert_cmpstr (now->phone, ==, "03-1111-2222");
}

int
main (int    argc,
      char **argv)
{
  static BadFile empty = { "empty.csv", 0, TS_CSV_ERROR_EMPTY,
                                 "empty.csv: The file is empty." };
  static BadFile header_only = { "header-only.csv", 0, TS_IMPORT_ERROR_NO_ROWS,
                                       "The file has a line of column names but no one to import." };
  static BadFile garbage = { "garbage.bin", 0, TS_CSV_ERROR_BINARY,
                                   "garbage.bin: This is not a text file. Save the list from "
                                   "Excel as “CSV” or “Unicode text” and import that file." };

  g_test_init (&argc, &argv, NULL);
#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/import/cp932", test_encoding, "cp932.csv");
  ADD ("/import/utf8-bom", test_encoding, "utf8-bom.csv");
  ADD ("/import/utf8", test_encoding, "utf8.csv");
  ADD ("/import/utf16le", test_encoding, "utf16le.txt");
  ADD ("/import/reimport-is-all-skips", test_reimport_is_all_skips, NULL);
  ADD ("/import/quoted-newlines", test_quoted_newlines, NULL);
  ADD ("/import/form-export", test_form_export, NULL);
  ADD ("/import/ragged-row", test_ragged_row, NULL);
  /* Quarks are not constants: set at run time. */
  empty.domain = TS_CSV_ERROR;
  header_only.domain = TS_IMPORT_ERROR;
  garbage.domain = TS_CSV_ERROR;
  ADD ("/import/empty-file", test_bad_file, &empty);
  ADD ("/import/header-only", test_bad_file, &header_only);
  ADD ("/import/binary-garbage", test_bad_file, &garbage);
  ADD ("/import/cancel-rolls-back", test_cancel_rolls_back, NULL);
  ADD ("/import/duplicates", test_duplicates, NULL);
  ADD ("/import/skip-all-duplicates", test_skip_all_duplicates, NULL);
  ADD ("/import/registrations", test_registrations, NULL);
  ADD ("/import/unknown-event", test_unknown_event, NULL);
  ADD ("/import/no-name-column", test_no_name_column, NULL);
  ADD ("/import/bad-values", test_bad_values, NULL);
  ADD ("/import/namesakes", test_namesakes, NULL);
  ADD ("/import/namesake-is-her", test_namesake_is_her, NULL);
  ADD ("/import/namesakes-in-one-file", test_namesakes_in_one_file, NULL);
  ADD ("/import/decides-when-writing", test_decides_when_writing, NULL);
  ADD ("/import/updates-who-is-there", test_updates_who_is_there, NULL);
  ADD ("/import/chosen-update-of-someone-gone", test_chosen_update_of_someone_gone, NULL);
  ADD ("/import/title-rows", test_title_rows, NULL);
  ADD ("/import/ten-megabytes", test_ten_megabytes, NULL);
  return g_test_run ();
}
