/* test-regulars-cli.c: tsudoi-cli regulars and report on the hand-checked dataset.
 *
 * The CLI runs as a real process on a real SQLite file; the report PDF is
 * read back with poppler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "regulars-dataset.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"

typedef struct {
  char    *dir;
  char    *db;
  Dataset  d;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsRepository) repository = NULL;

  fixture->dir = ts_test_make_temp_dir ();
  fixture->db = g_build_filename (fixture->dir, "cli.db", NULL);
  repository = ts_test_open_repository (fixture->dir, "cli.db");
  dataset_build (repository, &fixture->d);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

/* Runs tsudoi-cli on the fixture's database and returns its exit status. */
static int
run_cli (Fixture     *fixture,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = ts_test_run_cli_valist (NULL, fixture->db, out, err, first, args);
  va_end (args);
  return status;
}

static void
test_regulars_csv (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *chapter = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->d.chapter_a);
  g_autofree char *out = NULL, *err = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_cli (fixture, &out, &err, "regulars", "--chapter", chapter,
                            "--month", "2017-12", "--format", "csv", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* A header, then the eight members in the page's order. */
  g_assert_cmpuint (g_strv_length (lines), >=, 9);
  g_assert_true (g_str_has_prefix (lines[0], "ID,Name,Class,Presences"));
  g_assert_true (g_str_has_suffix (lines[1], ",常連\u3000太郎,regular,9,6/6,9,2017-12-14"));
  g_assert_true (g_str_has_suffix (lines[3], ",新人\u3000直子,first-timer,1,1/6,1,2017-12-14"));
  g_assert_true (g_str_has_suffix (lines[5], ",久保\u3000久,lapsed,3,1/6,0,2017-06-22"));
  g_assert_true (g_str_has_suffix (lines[7], ",離脱\u3000花子,lapsed,4,1/6,0,2017-05-11"));
  g_assert_true (g_str_has_suffix (lines[8], ",欠席\u3000健,never,0,0/6,0,"));
}

static void
test_regulars_thresholds (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *chapter = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->d.chapter_a);
  g_autofree char *out = NULL, *err = NULL;

  /* --min 2 --months 20: everyone present twice is a regular or lapsed. */
  g_assert_cmpint (run_cli (fixture, &out, &err, "regulars", "--chapter", chapter,
                            "--month", "2017-12", "--min", "2", "--months", "20",
                            "--format", "csv", NULL), ==, 0);
  g_assert_nonnull (strstr (out, ",当日\u3000渉,regular,2,2/9,"));
  g_assert_nonnull (strstr (out, ",二度\u3000哲,lapsed,2,2/9,"));
}

static void
test_regulars_errors (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;
  g_autofree char *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (run_cli (fixture, &out, &err, "regulars", "--chapter", "999", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "999"));
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (run_cli (fixture, &out2, &err2, "regulars", "--chapter", "1",
                            "--month", "2017/13", NULL), ==, 2);
  g_assert_nonnull (strstr (err2, "2017/13"));
  g_assert_cmpint (run_cli (fixture, &out3, &err3, "regulars", NULL), ==, 2);
  g_assert_nonnull (strstr (err3, "--chapter"));
}

static char *
pdf_text (const char *path,
          int        *n_pages)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);
  g_autoptr(TestPdfPage) page = NULL;

  *n_pages = poppler_document_get_n_pages (document);
  page = poppler_document_get_page (document, 0);
  return poppler_page_get_text (page);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *chapter = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->d.chapter_a);
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  int n_pages = 0;

  g_assert_cmpint (run_cli (fixture, &out, &err, "report", "--chapter", chapter,
                            "--month", "2017-12", "-o", pdf, NULL), ==, 0);
  text = pdf_text (pdf, &n_pages);
  g_test_message ("%s", text);
  g_assert_cmpint (n_pages, ==, 1);
  g_assert_nonnull (strstr (text, "大田医介塾"));
  /* December: R, M, N present; one first-timer, one returning, one
   * regular, X a no-show; L and Q to follow up. */
  g_assert_nonnull (strstr (text, "Regulars (1)"));
  g_assert_nonnull (strstr (text, "First-timers this month (1)"));
  g_assert_nonnull (strstr (text, "Lapsed regulars to follow up (2)"));
  g_assert_nonnull (strstr (text, "Of the first-timers, 1 are new to the network."));
  /* poppler splits a name at its full-width space: look for both parts. */
  g_assert_nonnull (strstr (text, "常連"));
  g_assert_nonnull (strstr (text, "太郎"));
  g_assert_nonnull (strstr (text, "直子"));
  g_assert_nonnull (strstr (text, "花子"));
  g_assert_nonnull (strstr (text, "久保"));
  /* T and W are neither regular, new nor lapsed in December. */
  g_assert_null (strstr (text, "二度"));
  g_assert_null (strstr (text, "当日"));
  /* The organizer's paper never prints contacts. */
  g_assert_null (strstr (text, "r@example.jp"));
  /* The PDF says which chapter and month it is about, and who made it. */
  {
    g_autoptr(TestPdf) document = ts_test_pdf_open (pdf);
    g_autofree char *title = poppler_document_get_title (document);
    g_autofree char *author = poppler_document_get_author (document);
    g_autofree char *creator = poppler_document_get_creator (document);

    g_assert_nonnull (strstr (title, "大田医介塾"));
    g_assert_nonnull (strstr (title, "2017"));
    g_assert_cmpstr (author, ==, "大田医介塾");
    g_assert_cmpstr (creator, ==, "Tsudoi " PACKAGE_VERSION);
  }
}

/* A month whose meeting is still planned is not a month without one: the
 * report says the meeting is planned. A cancelled meeting is no meeting. */
static void
test_report_planned (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *chapter = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->d.chapter_a);
  g_autofree char *pdf = g_build_filename (fixture->dir, "planned.pdf", NULL);
  g_autofree char *pdf2 = g_build_filename (fixture->dir, "cancelled.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL, *text2 = NULL;
  int n_pages = 0;

  /* A11 on 2018-02-22 is planned, with registrations only. */
  g_assert_cmpint (run_cli (fixture, &out, &err, "report", "--chapter", chapter,
                            "--month", "2018-02", "-o", pdf, NULL), ==, 0);
  text = pdf_text (pdf, &n_pages);
  g_test_message ("%s", text);
  g_assert_null (strstr (text, "No meeting was held this month."));
  g_assert_nonnull (strstr (text, "is planned; there are no figures yet."));
  g_assert_nonnull (strstr (text, "2018"));
  /* Every list still has its heading. */
  g_assert_nonnull (strstr (text, "Regulars ("));
  g_assert_nonnull (strstr (text, "First-timers this month (0)"));
  g_assert_nonnull (strstr (text, "Lapsed regulars to follow up ("));

  /* March 2017 had only the cancelled A3. */
  g_assert_cmpint (run_cli (fixture, &out2, &err2, "report", "--chapter", chapter,
                            "--month", "2017-03", "-o", pdf2, NULL), ==, 0);
  text2 = pdf_text (pdf2, &n_pages);
  g_assert_nonnull (strstr (text2, "No meeting was held this month."));
  g_assert_null (strstr (text2, "planned"));
}

static void
test_report_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "none.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (run_cli (fixture, &out, &err, "report", "--chapter", "1",
                            "--month", "2017-12", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "-o"));
  g_assert_cmpint (run_cli (fixture, &out2, &err2, "report", "--chapter", "999",
                            "--month", "2017-12", "-o", pdf, NULL), ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/regulars-cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("regulars-csv", test_regulars_csv);
  ADD ("regulars-thresholds", test_regulars_thresholds);
  ADD ("regulars-errors", test_regulars_errors);
  ADD ("report", test_report);
  ADD ("report-planned", test_report_planned);
  ADD ("report-errors", test_report_errors);
  return g_test_run ();
}
