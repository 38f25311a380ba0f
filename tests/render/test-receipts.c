/* test-receipts.c: receipts and their stub list as PDF read back with
 * poppler, and tsudoi-cli receipts from start to finish, two processes
 * at once among them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "test-render-fixture.h"
#include "ts-receipt.h"
#include "ts-render-receipts.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"

typedef struct {
  TsTestDb db;
  gint64   chapter_id;
  gint64   event_id;
  gint64   members[4];
} Fixture;

/* Organization or not, and what each paid: one reaches the stamp. */
static const struct {
  const char *family, *given, *reading, *organization;
  gint64 paid;
} people[] = {
  { "佐藤", "花子", "さとう", "株式会社ケアサポート", 4000 },
  { "鈴木", "一郎", "すずき", "", 4000 },
  { "田中", "次郎", "たなか", "社会福祉法人 東京都大田区南六郷地域高齢者総合福祉支援センター 訪問介護事業所", 49999 },
  { "中村", "三郎", "なかむら", "医療法人 中村会", 50000 },
};

static void
set_paid (Fixture *fixture,
          gint64   member_id,
          gint64   amount)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE attendance SET paid = 1, paid_amount = %" G_GINT64_FORMAT
    " WHERE event_id = %" G_GINT64_FORMAT " AND member_id = %" G_GINT64_FORMAT,
    amount, fixture->event_id, member_id);

  g_assert_true (ts_database_exec (fixture->db.database, sql, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;

  ts_test_db_init (&fixture->db, "receipts.db");
  chapter = ts_test_add_chapter (fixture->db.repository, "name", "大田医介塾",
                                 "reading", "おおたいかいじゅく", "leader", "山田　太郎", NULL);
  fixture->chapter_id = chapter->id;
  event = ts_test_add_event (fixture->db.repository, "chapter-id", chapter->id,
                             "starts-at", "2026-12-17T19:00", "title", "第150回",
                             "fee", (gint64) 4000, NULL);
  fixture->event_id = event->id;
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(TsMember) member = ts_test_add_member (fixture->db.repository,
                                                       "family-name", people[i].family,
                                                       "given-name", people[i].given,
                                                       "family-reading", people[i].reading,
                                                       "organization", people[i].organization,
                                                       NULL);

      fixture->members[i] = member->id;
      ts_test_attend (fixture->db.repository, event->id, member->id, TS_ATTENDANCE_STATUS_ATTENDED);
      set_paid (fixture, member->id, people[i].paid);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (&fixture->db);
}

static GPtrArray *
issue (Fixture  *fixture,
       gint64    member_id,
       gboolean  reissue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = ts_repository_plan_receipts (fixture->db.repository,
                                                             fixture->event_id,
                                                             member_id > 0 ? &member_id : NULL,
                                                             member_id > 0, &error);
  GPtrArray *issued;

  g_assert_no_error (error);
  issued = ts_repository_issue_receipts (fixture->db.repository, fixture->event_id, drafts,
                                         reissue, NULL, &error);
  g_assert_no_error (error);
  return issued;
}

/* Writes @receipts as @layout and returns the text of each page. */
static GPtrArray *
write_and_read (Fixture         *fixture,
                GPtrArray       *receipts,
                TsReceiptLayout  layout,
                const char      *name,
                double          *width,
                double          *height)
{
  g_autofree char *path = g_build_filename (fixture->db.dir, name, NULL);
  g_autoptr(TsReceiptJob) job = ts_receipt_job_new (layout, receipts, "大田医介塾 第150回");
  g_autoptr(GError) error = NULL;
  g_autoptr(TestPdf) document = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);
  const char *keep = g_getenv ("TSUDOI_RENDER_KEEP");
  GStatBuf info;

  g_assert_true (ts_render_receipts_write_pdf (job, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  if (keep != NULL)
    {
      g_autofree char *copy = g_build_filename (keep, name, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = g_file_new_for_path (copy);

      g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
  document = ts_test_pdf_open (path);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);

      poppler_page_get_size (page, width, height);
      g_ptr_array_add (pages, poppler_page_get_text (page));
    }
  return pages;
}

static const char *
page_text (GPtrArray *pages,
           guint      i)
{
  g_assert_cmpuint (i, <, pages->len);
  return g_ptr_array_index (pages, i);
}

#define assert_has(text, part) g_assert_nonnull (strstr ((text), (part)))
#define assert_lacks(text, part) g_assert_null (strstr ((text), (part)))

static void
test_a4_sheet (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) issued = issue (fixture, 0, FALSE);
  g_autoptr(GPtrArray) pages = NULL;
  double width, height;
  const char *first;

  g_assert_cmpuint (issued->len, ==, 4);
  pages = write_and_read (fixture, issued, TS_RECEIPT_LAYOUT_A4_4, "a4.pdf", &width, &height);
  /* Four receipts, one A4 sheet. */
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (width, 595.3, 0.5);
  first = page_text (pages, 0);
  assert_has (first, "領収書");
  assert_has (first, "株式会社ケアサポート");
  assert_has (first, "鈴木");
  assert_has (first, "様");
  assert_has (first, "¥4,000-");
  assert_has (first, "¥50,000-");
  assert_has (first, "¥49,999-");
  assert_has (first, "2026-12-0001");
  assert_has (first, "2026-12-0004");
  assert_has (first, "2026年12月17日");
  assert_has (first, "懇親会費として");
  assert_has (first, "大田医介塾");
  assert_has (first, "山田");
  /* The long name is printed whole, over two lines if need be. */
  assert_has (first, "訪問介護事業所");
  assert_lacks (first, "再発行");
  assert_lacks (first, "登録番号");
  assert_lacks (first, "適格簡易請求書");
  /* One stamp box, for 50,000 and not for 49,999. */
  g_assert_nonnull (strstr (first, "収入印紙"));
  g_assert_null (strstr (strstr (first, "収入印紙") + 1, "収入印紙"));
}

/* One A6 page each: the stamp on the 50,000 one only; 再発行 on a reissue. */
static void
test_a6_reissue_and_stamp (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) first = issue (fixture, 0, FALSE);
  g_autoptr(GPtrArray) again = issue (fixture, fixture->members[3], TRUE);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) reissue_pages = NULL;
  double width, height;

  pages = write_and_read (fixture, first, TS_RECEIPT_LAYOUT_A6, "a6.pdf", &width, &height);
  g_assert_cmpuint (pages->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (width, 148.0 * 72 / 25.4, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 105.0 * 72 / 25.4, 0.5);
  /* 五十音順: さとう, すずき, たなか, なかむら. */
  for (guint i = 0; i < 3; i++)
    {
      assert_lacks (page_text (pages, i), "収入印紙");
      assert_lacks (page_text (pages, i), "再発行");
    }
  assert_has (page_text (pages, 3), "収入印紙");
  assert_has (page_text (pages, 3), "医療法人 中村会");

  reissue_pages = write_and_read (fixture, again, TS_RECEIPT_LAYOUT_A6, "reissue.pdf",
                                  &width, &height);
  g_assert_cmpuint (reissue_pages->len, ==, 1);
  assert_has (page_text (reissue_pages, 0), "再発行");
  assert_has (page_text (reissue_pages, 0), "2026-12-0005");
  assert_has (page_text (reissue_pages, 0), "¥50,000-");
}

/* With the chapter's registration number: the qualified invoice's items. */
static void
test_invoice (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = ts_repository_get_chapter (fixture->db.repository,
                                                            fixture->chapter_id, NULL);
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  double width, height;

  g_object_set (chapter, "invoice-number", "T7010705000725", NULL);
  g_assert_true (ts_repository_save_chapter (fixture->db.repository, chapter, NULL));
  issued = issue (fixture, fixture->members[0], FALSE);
  pages = write_and_read (fixture, issued, TS_RECEIPT_LAYOUT_A6, "invoice.pdf", &width, &height);
  assert_has (page_text (pages, 0), "適格簡易請求書");
  assert_has (page_text (pages, 0), "登録番号 T7010705000725");
  assert_has (page_text (pages, 0), "10%対象");
  /* 4,000 × 10 / 110, rounded down. */
  assert_has (page_text (pages, 0), "内消費税等 ¥363");
  assert_has (page_text (pages, 0), "2026年12月17日");
}

static void
test_stubs (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) first = issue (fixture, 0, FALSE);
  g_autoptr(GPtrArray) again = issue (fixture, fixture->members[1], TRUE);
  g_autoptr(GPtrArray) listed = ts_repository_list_receipts (fixture->db.repository,
                                                             fixture->event_id, NULL);
  g_autoptr(GPtrArray) pages = NULL;
  double width, height;

  pages = write_and_read (fixture, listed, TS_RECEIPT_LAYOUT_STUBS, "stubs.pdf", &width, &height);
  g_assert_cmpuint (pages->len, ==, 1);
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *number = g_strdup_printf ("2026-12-%04u", i);

      assert_has (page_text (pages, 0), number);
    }
  assert_has (page_text (pages, 0), "領収書 控え");
  assert_has (page_text (pages, 0), "再発行元");
  /* The reissued one counts once: 4 in force, 4,000 + 4,000 + 49,999 + 50,000. */
  assert_has (page_text (pages, 0), "有効な領収書 4 枚、合計 ¥107,999-");
}

/* ---- tsudoi-cli -------------------------------------------------------- */

static int
cli (Fixture  *fixture,
     char    **out,
     char    **err,
     ...)
{
  g_auto(GStrv) env = ts_test_cli_environ ("ja_JP.UTF-8");
  va_list args;
  const char *first;
  int status;

  va_start (args, err);
  first = va_arg (args, const char *);
  status = ts_test_run_cli_valist (env, fixture->db.path, out, err, first, args);
  va_end (args);
  return status;
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *event = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->event_id);
  g_autofree char *chapter = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->chapter_id);
  g_autofree char *member = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->members[0]);
  g_autofree char *pdf = g_build_filename (fixture->db.dir, "cli.pdf", NULL);
  g_autofree char *again = g_build_filename (fixture->db.dir, "again.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL, *csv = NULL, *text = NULL;
  guint n_pages;

  g_assert_cmpint (cli (fixture, NULL, &err, "chapter", "edit", chapter,
                        "--invoice-number", "T12", NULL), ==, 2);
  assert_has (err, "T12");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli (fixture, NULL, NULL, "chapter", "edit", chapter,
                        "--invoice-number", "T7010705000725", NULL), ==, 0);
  g_assert_cmpint (cli (fixture, NULL, NULL, "event", "edit", event,
                        "--receipt-note", "第150回例会 会費として", NULL), ==, 0);

  g_assert_cmpint (cli (fixture, &out, NULL, "receipts", "--event", event, "-o", pdf, NULL), ==, 0);
  assert_has (out, "2026-");
  text = ts_test_pdf_text (pdf, 0, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  /* ts_test_pdf_text() leaves out the spaces. */
  assert_has (text, "第150回例会会費として");
  assert_has (text, "登録番号T7010705000725");

  /* Again without --reissue: refused, and no file, no receipt. */
  g_assert_cmpint (cli (fixture, NULL, &err, "receipts", "--event", event, "--member", member,
                        "-o", again, NULL), ==, 1);
  assert_has (err, "再発行");
  g_assert_false (g_file_test (again, G_FILE_TEST_EXISTS));

  g_assert_cmpint (cli (fixture, NULL, NULL, "receipts", "--event", event, "--member", member,
                        "--reissue", "--a6", "--addressee", "株式会社ケアサポート 御中",
                        "-o", again, NULL), ==, 0);
  g_clear_pointer (&text, g_free);
  text = ts_test_pdf_text (again, 0, &n_pages);
  assert_has (text, "再発行");
  assert_has (text, "株式会社ケアサポート御中");

  g_assert_cmpint (cli (fixture, &csv, NULL, "receipts", "--event", event, "--list",
                        "--format", "csv", NULL), ==, 0);
  assert_has (csv, "number,date,member,addressee,amount,reissue_of");
  assert_has (csv, "株式会社ケアサポート 御中");
  /* The header, four receipts and one reissue. */
  {
    g_auto(GStrv) lines = g_strsplit (g_strstrip (csv), "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 6);
  }
}

/* Several tsudoi-cli processes issuing at the same moment: every number
 * given once, none skipped. */
static void
test_two_processes (Fixture       *fixture,
                    gconstpointer  data)
{
  enum { N_PROCESSES = 4 };
  g_autofree char *event = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->event_id);
  g_auto(GStrv) env = ts_test_cli_environ (NULL);
  GSubprocess *processes[N_PROCESSES];
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < N_PROCESSES; i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
      g_autofree char *pdf = g_strdup_printf ("%s/p%u.pdf", fixture->db.dir, i);
      g_autoptr(GError) error = NULL;

      g_subprocess_launcher_set_environ (launcher, env);
      processes[i] = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("TSUDOI_CLI"),
                                                  "receipts", "--event", event, "--reissue",
                                                  "-o", pdf, "--database", fixture->db.path,
                                                  NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_PROCESSES; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (g_subprocess_wait_check (processes[i], NULL, &error));
      g_assert_no_error (error);
      g_object_unref (processes[i]);
    }
  listed = ts_repository_list_receipts (fixture->db.repository, fixture->event_id, NULL);
  g_assert_cmpuint (listed->len, ==, N_PROCESSES * G_N_ELEMENTS (people));
  for (guint i = 0; i < listed->len; i++)
    {
      TsReceipt *receipt = g_ptr_array_index (listed, i);

      g_assert_true (g_hash_table_add (numbers, receipt->number));
    }
  /* 1 … 16 in this month, whatever the month is. */
  for (guint i = 0; i < listed->len; i++)
    {
      const char *number = ((TsReceipt *) g_ptr_array_index (listed, i))->number;
      g_autofree char *expected = g_strdup_printf ("%.8s%04u", number, i + 1);

      g_assert_true (g_hash_table_contains (numbers, expected));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  test_fixture_use_japanese ();

#define ADD(path, func) \
  g_test_add ("/receipts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("a4-sheet", test_a4_sheet);
  ADD ("a6-reissue-and-stamp", test_a6_reissue_and_stamp);
  ADD ("invoice", test_invoice);
  ADD ("stubs", test_stubs);
  ADD ("cli", test_cli);
  ADD ("two-processes", test_two_processes);
#undef ADD
  return g_test_run ();
}
