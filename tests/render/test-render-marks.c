/* test-render-marks.c: 初参加 / 久しぶり / 常連 on the printed roster.
 *
 * A chapter with seven held monthly meetings (January to July 2017) and
 * the August meeting to print. Worked out by hand with K = 3, N = 6:
 *  - 常見: present February to July: 6 of the last 6 → 常連;
 *  - 新井: never present before, comes as a walk-in → 初参加;
 *  - 久保: present in January and February only, then missed five
 *    meetings; last presence 6 months before → 久しぶり;
 *  - 時田: present in June only, 2 months before → no mark;
 *  - 中井: present March to July (a regular), but allows only name and
 *    organization → no mark for others, 常連 on the organizer copy.
 * The roster is rendered in Japanese, in process and through tsudoi-cli,
 * and read back with poppler: each mark must sit on its person's row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "test-render-fixture.h"
#include "ts-render.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"

#define REGULAR   "常連"
#define FIRST     "初参加"
#define RETURNING "久しぶり"

typedef struct {
  const char *family;
  const char *given;
  const char *family_reading;
  const char *given_reading;
  const char *consent;
  const char *present;      /* one letter per meeting, January to July */
  const char *august;       /* status at the meeting printed */
} Person;

static const Person people[] = {
  { "常見", "太郎", "つねみ", "たろう", "full", "-xxxxxx", "registered" },
  { "新井", "花子", "あらい", "はなこ", "full", "-------", "walk-in" },
  { "久保", "次郎", "くぼ", "じろう", "full", "xx-----", "registered" },
  { "時田", "三郎", "ときた", "さぶろう", "full", "-----x-", "registered" },
  { "中井", "秘子", "なかい", "ひでこ", "name-organization", "--xxxxx", "attended" },
};

typedef struct {
  char         *dir;
  char         *database;
  TsRepository *repository;
  gint64        event_id;
} Fixture;

static gint64
add_event (TsRepository *repository,
           gint64        chapter_id,
           int           month,
           TsEventStatus status)
{
  g_autofree char *starts_at = g_strdup_printf ("2017-%02d-24T19:00", month);
  g_autofree char *title = g_strdup_printf ("第%d回 試験の会", month);
  g_autoptr(TsEvent) event = ts_test_add_event (repository, "chapter-id", chapter_id,
                                                "title", title, "starts-at", starts_at,
                                                "venue", "区民センター", "status", status,
                                                NULL);

  return event->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;
  gint64 held[7];

  fixture->dir = ts_test_make_temp_dir ();
  fixture->database = g_build_filename (fixture->dir, "marks.db", NULL);
  fixture->repository = ts_test_open_repository (fixture->dir, "marks.db");
  chapter = ts_test_add_chapter (fixture->repository, "name", "試験医介塾",
                                 "reading", "しけんいかいじゅく", NULL);
  for (int m = 0; m < 7; m++)
    held[m] = add_event (fixture->repository, chapter->id, m + 1, TS_EVENT_STATUS_HELD);
  fixture->event_id = add_event (fixture->repository, chapter->id, 8, TS_EVENT_STATUS_PLANNED);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const Person *p = &people[i];
      g_autoptr(TsMember) member =
        ts_test_add_member (fixture->repository, "family-name", p->family,
                            "given-name", p->given, "family-reading", p->family_reading,
                            "given-reading", p->given_reading,
                            "organization", "つどい訪問看護ステーション",
                            "profession", "看護師", "consent", ts_enum_parse_nick (TS_TYPE_CONSENT, p->consent), NULL);

      for (int m = 0; m < 7; m++)
        if (p->present[m] == 'x')
          ts_test_attend (fixture->repository, held[m], member->id, TS_ATTENDANCE_STATUS_ATTENDED);
      ts_test_attend (fixture->repository, fixture->event_id, member->id,
                      ts_enum_parse_nick (TS_TYPE_ATTENDANCE_STATUS, p->august));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->database);
  g_free (fixture->dir);
}

static char *
write_pdf (Fixture              *fixture,
           const TsPrintOptions *options,
           const char           *name)
{
  return test_fixture_write_pdf (fixture->repository, fixture->event_id, options,
                                 fixture->dir, name, NULL);
}

/* The first page's text and one box per character. */
static void
page_text_load (TsTestPdfText *page_text,
                const char    *path)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  ts_test_pdf_text_load (page_text, document, 0);
}

/* Vertical centre of the first character of each occurrence of needle. */
static GArray *
find_rows (const TsTestPdfText *page_text,
           const char     *needle)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (double));
  const char *found = page_text->text;

  while ((found = strstr (found, needle)) != NULL)
    {
      glong index = g_utf8_pointer_to_offset (page_text->text, found);
      double y;

      g_assert_cmpuint (index, <, page_text->n_boxes);
      y = (page_text->boxes[index].y1 + page_text->boxes[index].y2) / 2;
      g_array_append_val (rows, y);
      found += strlen (needle);
    }
  return rows;
}

/* The mark printed on the row of the person with this family name, or
 * NULL. Rows are 27 pt apart; the badge is centred on the name's line. */
static const char *
mark_of (const TsTestPdfText *page_text,
         const char     *family)
{
  static const char * const marks[] = { REGULAR, FIRST, RETURNING };
  g_autoptr(GArray) names = find_rows (page_text, family);
  const char *result = NULL;
  double name_y;

  g_assert_cmpuint (names->len, ==, 1);
  name_y = g_array_index (names, double, 0);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autoptr(GArray) rows = find_rows (page_text, marks[i]);

      for (guint j = 0; j < rows->len; j++)
        if (fabs (g_array_index (rows, double, j) - name_y) < 8)
          {
            g_assert_null (result);   /* one mark per row */
            result = marks[i];
          }
    }
  return result;
}

static void
assert_marks (const char *path,
              const char *expected[G_N_ELEMENTS (people)])
{
  TsTestPdfText page_text = { 0 };

  page_text_load (&page_text, path);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const char *mark = mark_of (&page_text, people[i].family);

      if (g_strcmp0 (mark, expected[i]) != 0)
        g_error ("%s: expected mark %s, found %s (text: %s)", people[i].family,
                 expected[i] ? expected[i] : "none", mark ? mark : "none", page_text.text);
    }
  ts_test_pdf_text_clear (&page_text);
}

static void
test_marks_by_default (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *expected[] = { REGULAR, FIRST, RETURNING, NULL, NULL };
  TsPrintOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  ts_print_options_init (&options, TS_PRINT_ROSTER);
  g_assert_true (options.columns & TS_ROSTER_MARKS);
  path = write_pdf (fixture, &options, "roster.pdf");
  assert_marks (path, expected);
  text = ts_test_pdf_text (path, 0, &n_pages);
  g_assert_nonnull (strstr (text, "参加歴"));      /* the column's heading */
  /* The marks replace the first-time column (whose heading is 初参加
   * too): the word is printed once, on 新井's row. */
  {
    TsTestPdfText page_text = { 0 };
    g_autoptr(GArray) firsts = NULL;

    page_text_load (&page_text, path);
    firsts = find_rows (&page_text, FIRST);
    g_assert_cmpuint (firsts->len, ==, 1);
    ts_test_pdf_text_clear (&page_text);
  }
}

static void
test_marks_organizer_copy (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *expected[] = { REGULAR, FIRST, RETURNING, NULL, REGULAR };
  TsPrintOptions options;
  g_autofree char *path = NULL;

  ts_print_options_init (&options, TS_PRINT_ROSTER);
  options.organizer_copy = TRUE;
  path = write_pdf (fixture, &options, "organizer.pdf");
  assert_marks (path, expected);
}

static void
test_marks_off (Fixture       *fixture,
                gconstpointer  data)
{
  const char *none[] = { NULL, NULL, NULL, NULL, NULL };
  const char *first_only[] = { NULL, FIRST, NULL, NULL, NULL };
  TsPrintOptions options;
  g_autofree char *path = NULL;
  g_autofree char *with_first = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  ts_print_options_init (&options, TS_PRINT_ROSTER);
  options.columns &= ~(TS_ROSTER_MARKS | TS_ROSTER_FIRST_TIME);
  path = write_pdf (fixture, &options, "plain.pdf");
  assert_marks (path, none);
  text = ts_test_pdf_text (path, 0, &n_pages);
  g_assert_null (strstr (text, "参加歴"));
  g_assert_nonnull (strstr (text, "常見"));

  /* The first-time column alone still works as before. */
  options.columns |= TS_ROSTER_FIRST_TIME;
  with_first = write_pdf (fixture, &options, "first.pdf");
  assert_marks (with_first, first_only);
}

static void
test_marks_addendum (Fixture       *fixture,
                     gconstpointer  data)
{
  TsPrintOptions options;
  g_autofree char *path = NULL;
  TsTestPdfText page_text = { 0 };

  ts_print_options_init (&options, TS_PRINT_ADDENDUM);
  path = write_pdf (fixture, &options, "addendum.pdf");
  page_text_load (&page_text, path);
  g_assert_cmpstr (mark_of (&page_text, "新井"), ==, FIRST);
  g_assert_null (strstr (page_text.text, "常見"));   /* not a walk-in */
  ts_test_pdf_text_clear (&page_text);
}

static void
test_columns_parse (void)
{
  g_autoptr(GError) error = NULL;
  guint columns = 0;

  g_assert_true (ts_print_columns_parse ("reading, marks", &columns, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (columns, ==, TS_ROSTER_READING | TS_ROSTER_MARKS);
  g_assert_true (ts_print_columns_parse ("all", &columns, &error));
  g_assert_true (columns & TS_ROSTER_MARKS);
  g_assert_false (ts_print_columns_parse ("mark", &columns, &error));
  g_assert_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "marks"));
}

/* Kinds and columns are registered with the names the command line and
 * the settings' keys use; "all" is every column, and each kind has a
 * title. The status flags are the attendance statuses' bits. */
static void
test_print_vocabulary (void)
{
  g_autoptr(GFlagsClass) columns = g_type_class_ref (TS_TYPE_ROSTER_COLUMNS);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (TS_TYPE_PRINT_KIND);
  guint every = 0;
  TsPrintKind kind;

  for (guint i = 0; i < columns->n_values; i++)
    if (columns->values[i].value != TS_ROSTER_ALL)
      every |= columns->values[i].value;
  g_assert_cmpuint (every, ==, TS_ROSTER_ALL);
  g_assert_cmpuint (g_flags_get_value_by_nick (columns, "first-time")->value, ==, TS_ROSTER_FIRST_TIME);

  g_assert_cmpuint (kinds->n_values, ==, TS_PRINT_INTRO_SHEET + 1);
  for (guint i = 0; i < kinds->n_values; i++)
    {
      g_assert_true (ts_print_kind_from_name (kinds->values[i].value_nick, &kind));
      g_assert_cmpint (kind, ==, kinds->values[i].value);
      g_assert_cmpstr (ts_print_kind_title (kind), !=, "");
    }
  g_assert_true (ts_print_kind_from_name ("badges", &kind));
  g_assert_cmpint (kind, ==, TS_PRINT_BADGES);
  g_assert_false (ts_print_kind_from_name ("badge", &kind));

  g_assert_cmpuint (TS_PRINT_WALK_IN, ==, 1u << TS_ATTENDANCE_STATUS_WALK_IN);
  g_assert_cmpuint (TS_PRINT_DEFAULT_STATUSES, ==,
                    TS_ATTENDANCE_STATUS_FLAG (TS_ATTENDANCE_STATUS_REGISTERED) |
                    TS_ATTENDANCE_STATUS_FLAG (TS_ATTENDANCE_STATUS_ATTENDED) |
                    TS_ATTENDANCE_STATUS_FLAG (TS_ATTENDANCE_STATUS_WALK_IN));
}

/* tsudoi-cli in Japanese on the same database file. */
static int
run_cli (Fixture    *fixture,
         const char *columns,
         const char *output,
         char      **err)
{
  g_autofree char *event = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->event_id);
  g_auto(GStrv) envp = ts_test_cli_environ ("ja_JP.UTF-8");

  return ts_test_run_cli (envp, fixture->database, NULL, err, "roster", "--event", event,
                          "-o", output, "--columns", columns, NULL);
}

static void
test_marks_cli (Fixture       *fixture,
                gconstpointer  data)
{
  const char *expected[] = { REGULAR, FIRST, RETURNING, NULL, NULL };
  const char *none[] = { NULL, NULL, NULL, NULL, NULL };
  g_autofree char *marks = g_build_filename (fixture->dir, "cli-marks.pdf", NULL);
  g_autofree char *plain = g_build_filename (fixture->dir, "cli-plain.pdf", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "cli-bad.pdf", NULL);
  g_autofree char *err = NULL;

  /* The repository of the fixture holds no lock the CLI would wait for. */
  g_clear_object (&fixture->repository);
  g_assert_cmpint (run_cli (fixture, "reading,marks", marks, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_marks (marks, expected);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fixture, "reading,organization", plain, &err), ==, 0);
  assert_marks (plain, none);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (fixture, "reading,mark", bad, &err), ==, 2);
  g_assert_nonnull (strstr (err, "marks"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  test_fixture_use_japanese ();
  g_setenv ("LANGUAGE", "ja", TRUE);

  g_test_add ("/render/marks/by-default", Fixture, NULL, fixture_set_up,
              test_marks_by_default, fixture_tear_down);
  g_test_add ("/render/marks/organizer-copy", Fixture, NULL, fixture_set_up,
              test_marks_organizer_copy, fixture_tear_down);
  g_test_add ("/render/marks/off", Fixture, NULL, fixture_set_up,
              test_marks_off, fixture_tear_down);
  g_test_add ("/render/marks/addendum", Fixture, NULL, fixture_set_up,
              test_marks_addendum, fixture_tear_down);
  g_test_add ("/render/marks/cli", Fixture, NULL, fixture_set_up,
              test_marks_cli, fixture_tear_down);
  g_test_add_func ("/render/marks/columns-parse", test_columns_parse);
  g_test_add_func ("/render/marks/print-vocabulary", test_print_vocabulary);
  return g_test_run ();
}
