/* test-receipts.c: receipts issued for what was paid, numbered once and
 * never again, on a real file; and the invoice registration number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-member-merge.h"
#include "ts-receipt.h"
#include "ts-test-support.h"
#include "ts-validate.h"

typedef struct {
  TsTestDb db;
  gint64   chapter_id;
  gint64   event_id;
  gint64   company;      /* with an organization, paid 4,000 at the door */
  gint64   person;       /* no organization, paid 5,000 */
  gint64   unpaid;
} Fixture;

/* What the fees helper's API will write; plain SQL until then. */
static void
set_paid (Fixture    *fixture,
          gint64      member_id,
          gint64      amount,
          const char *paid_at)
{
  g_autofree char *sql = g_strdup_printf (
    "UPDATE attendance SET paid = 1, paid_amount = %" G_GINT64_FORMAT ", paid_at = '%s'"
    " WHERE event_id = %" G_GINT64_FORMAT " AND member_id = %" G_GINT64_FORMAT,
    amount, paid_at, fixture->event_id, member_id);
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_database_exec (fixture->db.database, sql, &error));
  g_assert_no_error (error);
}

static gint64
add_attendee (Fixture    *fixture,
              const char *family,
              const char *given,
              const char *reading,
              const char *organization)
{
  g_autoptr(TsMember) member = ts_test_add_member (fixture->db.repository,
                                                   "family-name", family, "given-name", given,
                                                   "family-reading", reading,
                                                   "organization", organization, NULL);

  ts_test_attend (fixture->db.repository, fixture->event_id, member->id,
                  TS_ATTENDANCE_STATUS_ATTENDED);
  return member->id;
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
  fixture->company = add_attendee (fixture, "佐藤", "花子", "さとう", "株式会社ケアサポート");
  fixture->person = add_attendee (fixture, "鈴木", "一郎", "すずき", "");
  fixture->unpaid = add_attendee (fixture, "田中", "次郎", "たなか", "");
  set_paid (fixture, fixture->company, 4000, "2026-12-17T19:05:00");
  set_paid (fixture, fixture->person, 5000, "");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (&fixture->db);
}

static GDateTime *
at (int year,
    int month,
    int day)
{
  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static GPtrArray *
issue (Fixture    *fixture,
       gint64      member_id,
       gboolean    reissue,
       GDateTime  *now,
       GError    **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

  drafts = ts_repository_plan_receipts (fixture->db.repository, fixture->event_id,
                                        member_id > 0 ? &member_id : NULL, member_id > 0,
                                        error);
  if (drafts == NULL)
    return NULL;
  return ts_repository_issue_receipts (fixture->db.repository, fixture->event_id, drafts,
                                       reissue, now, error);
}

static TsReceipt *
nth (GPtrArray *receipts,
     guint      i)
{
  g_assert_cmpuint (i, <, receipts->len);
  return g_ptr_array_index (receipts, i);
}

static void
test_what_a_receipt_says (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) now = at (2026, 12, 17);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue (fixture, 0, FALSE, now, &error);
  TsReceipt *company, *person;

  g_assert_no_error (error);
  /* Those who paid, in 五十音順: さとう, すずき; not たなか. */
  g_assert_cmpuint (issued->len, ==, 2);
  company = nth (issued, 0);
  person = nth (issued, 1);
  g_assert_cmpint (company->member_id, ==, fixture->company);
  g_assert_cmpstr (company->addressee, ==, "株式会社ケアサポート\u3000様");
  g_assert_cmpstr (person->addressee, ==, "鈴木\u3000一郎\u3000様");
  g_assert_cmpint (company->amount, ==, 4000);
  g_assert_cmpint (person->amount, ==, 5000);
  /* The payment's day, else the event's. */
  g_assert_cmpstr (company->issued_on, ==, "2026-12-17");
  g_assert_cmpstr (person->issued_on, ==, "2026-12-17");
  g_assert_cmpstr (company->purpose, ==, ts_receipt_default_purpose ());
  g_assert_cmpstr (company->issuer, ==, "大田医介塾\n山田\u3000太郎");
  g_assert_cmpstr (company->invoice_number, ==, "");
  g_assert_false (ts_receipt_is_reissue (company));
  g_assert_cmpstr (company->number, ==, "2026-12-0001");
  g_assert_cmpstr (person->number, ==, "2026-12-0002");
}

static void
test_note_and_invoice_number (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = ts_repository_get_chapter (fixture->db.repository,
                                                            fixture->chapter_id, NULL);
  g_autoptr(TsEvent) event = ts_repository_get_event (fixture->db.repository,
                                                      fixture->event_id, NULL);
  g_autoptr(TsChapter) chapter_read = NULL;
  g_autoptr(TsEvent) event_read = NULL;
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GDateTime) now = at (2026, 12, 18);
  g_autoptr(GError) error = NULL;

  g_object_set (chapter, "invoice-number", "Ｔ７０１０７０５０００７２５", NULL);
  g_assert_true (ts_validate_chapter (chapter, &error));
  g_assert_true (ts_repository_save_chapter (fixture->db.repository, chapter, &error));
  g_object_set (event, "receipt-note", "第150回例会 懇親会費として", NULL);
  g_assert_true (ts_repository_save_event (fixture->db.repository, event, &error));
  g_assert_no_error (error);

  chapter_read = ts_repository_get_chapter (fixture->db.repository, fixture->chapter_id, NULL);
  event_read = ts_repository_get_event (fixture->db.repository, fixture->event_id, NULL);
  g_assert_cmpstr (chapter_read->invoice_number, ==, "T7010705000725");
  g_assert_cmpstr (event_read->receipt_note, ==, "第150回例会 懇親会費として");

  issued = issue (fixture, fixture->person, FALSE, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nth (issued, 0)->invoice_number, ==, "T7010705000725");
  g_assert_cmpstr (nth (issued, 0)->purpose, ==, "第150回例会 懇親会費として");
}

/* Someone who has a receipt gets another only as a reissue: a new row,
 * a new number, pointing at the old one, which stays. */
static void
test_reissue (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GDateTime) now = at (2026, 12, 17);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = issue (fixture, 0, FALSE, now, &error);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) reissued = NULL;
  g_autoptr(GPtrArray) listed = NULL;

  g_assert_no_error (error);
  again = issue (fixture, fixture->company, FALSE, now, &error);
  g_assert_null (again);
  g_assert_error (error, TS_RECEIPT_ERROR, TS_RECEIPT_ERROR_ALREADY_ISSUED);
  g_assert_nonnull (strstr (error->message, "2026-12-0001"));
  g_clear_error (&error);

  reissued = issue (fixture, fixture->company, TRUE, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reissued->len, ==, 1);
  g_assert_true (ts_receipt_is_reissue (nth (reissued, 0)));
  g_assert_cmpint (nth (reissued, 0)->reissue_of, ==, nth (first, 0)->id);
  g_assert_cmpstr (nth (reissued, 0)->number, ==, "2026-12-0003");

  /* A second reissue replaces the first reissue. */
  g_clear_pointer (&reissued, g_ptr_array_unref);
  reissued = issue (fixture, fixture->company, TRUE, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nth (reissued, 0)->number, ==, "2026-12-0004");

  listed = ts_repository_list_receipts (fixture->db.repository, fixture->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 4);
  g_assert_cmpstr (nth (listed, 0)->number, ==, "2026-12-0001");
  g_assert_cmpstr (nth (listed, 2)->reissue_of_number, ==, "2026-12-0001");
  g_assert_cmpstr (nth (listed, 3)->reissue_of_number, ==, "2026-12-0003");
}

/* The sequence starts again each month, and a number is never given
 * twice even when the highest of a month is a reissue. */
static void
test_numbers_by_month (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GDateTime) december = at (2026, 12, 31);
  g_autoptr(GDateTime) january = at (2027, 1, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = issue (fixture, fixture->company, FALSE, december, &error);
  g_autoptr(GPtrArray) b = issue (fixture, fixture->person, FALSE, january, &error);
  g_autoptr(GPtrArray) c = issue (fixture, fixture->company, TRUE, january, &error);
  g_autoptr(GPtrArray) d = issue (fixture, fixture->person, TRUE, december, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (nth (a, 0)->number, ==, "2026-12-0001");
  g_assert_cmpstr (nth (b, 0)->number, ==, "2027-01-0001");
  g_assert_cmpstr (nth (c, 0)->number, ==, "2027-01-0002");
  g_assert_cmpstr (nth (d, 0)->number, ==, "2026-12-0002");
}

static void
test_not_paid (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue (fixture, fixture->unpaid, FALSE, NULL, &error);
  g_autoptr(GPtrArray) listed = NULL;

  g_assert_null (issued);
  g_assert_error (error, TS_RECEIPT_ERROR, TS_RECEIPT_ERROR_NOT_PAID);
  g_assert_nonnull (strstr (error->message, "田中"));
  listed = ts_repository_list_receipts (fixture->db.repository, fixture->event_id, NULL);
  g_assert_cmpuint (listed->len, ==, 0);
}

/* An addressee typed at print time is kept; blank means the default. */
static void
test_edited_addressee (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = ts_repository_plan_receipts (fixture->db.repository,
                                                             fixture->event_id, NULL, 0, &error);
  g_autoptr(GPtrArray) issued = NULL;

  g_assert_no_error (error);
  g_object_set (nth (drafts, 0), "addressee", "株式会社ケアサポート 東京支店 御中", NULL);
  g_object_set (nth (drafts, 1), "addressee", "  ", NULL);
  issued = ts_repository_issue_receipts (fixture->db.repository, fixture->event_id, drafts,
                                         FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nth (issued, 0)->addressee, ==, "株式会社ケアサポート 東京支店 御中");
  g_assert_cmpstr (nth (issued, 1)->addressee, ==, "鈴木\u3000一郎\u3000様");

  /* A reissue starts from what the lost receipt said. */
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = ts_repository_plan_receipts (fixture->db.repository, fixture->event_id, NULL, 0, &error);
  g_assert_cmpstr (nth (drafts, 0)->addressee, ==, "株式会社ケアサポート 東京支店 御中");
  g_assert_cmpstr (nth (drafts, 0)->reissue_of_number, ==, nth (issued, 0)->number);
}

/* Receipts outlive a deleted event: purging it keeps what they need. */
static void
test_purge_keeps_receipts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue (fixture, 0, FALSE, NULL, &error);
  g_autoptr(GPtrArray) listed = NULL;

  g_assert_no_error (error);
  g_assert_true (ts_repository_delete (fixture->db.repository, "event", fixture->event_id, &error));
  g_assert_true (ts_repository_delete (fixture->db.repository, "chapter", fixture->chapter_id, &error));
  g_assert_true (ts_repository_purge_deleted (fixture->db.repository, "9999-12-31T00:00:00", &error));
  g_assert_no_error (error);
  listed = ts_repository_list_receipts (fixture->db.repository, fixture->event_id, &error);
  g_assert_cmpuint (listed->len, ==, 2);
}

/* Two records of one person merged: the receipt the other held is the
 * kept member's, so a second one is a reissue; undone, it goes back. */
static void
test_merge_keeps_receipts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue (fixture, fixture->person, FALSE, NULL, &error);
  g_autoptr(TsMember) twin = ts_test_add_member (fixture->db.repository,
                                                 "family-name", "鈴木", "given-name", "一郎",
                                                 "family-reading", "すずき", NULL);
  g_autoptr(TsMemberMerge) merge = NULL;
  g_autoptr(GPtrArray) again = NULL;

  g_assert_no_error (error);
  merge = ts_repository_merge_members (fixture->db.repository, twin->id, fixture->person,
                                       NULL, 0, &error);
  g_assert_no_error (error);
  again = issue (fixture, twin->id, FALSE, NULL, &error);
  g_assert_null (again);
  g_assert_error (error, TS_RECEIPT_ERROR, TS_RECEIPT_ERROR_ALREADY_ISSUED);
  g_clear_error (&error);

  g_assert_true (ts_member_merge_undo (merge, &error));
  g_assert_no_error (error);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = issue (fixture, fixture->person, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nth (again, 0)->reissue_of, ==, nth (issued, 0)->id);
}

static void
test_formats (void)
{
  g_autofree char *small = ts_receipt_format_amount (500);
  g_autofree char *fee = ts_receipt_format_amount (4000);
  g_autofree char *big = ts_receipt_format_amount (1234567);
  g_autofree char *day = NULL;

  g_assert_cmpstr (small, ==, "¥500-");
  g_assert_cmpstr (fee, ==, "¥4,000-");
  g_assert_cmpstr (big, ==, "¥1,234,567-");
  day = ts_receipt_format_date ("2026-12-17");
  g_assert_cmpstr (day, ==, "17 December 2026");
}

static void
test_invoice_number (void)
{
  const struct { const char *typed, *stored; gboolean valid, corporate; } cases[] = {
    { "T7010705000725", "T7010705000725", TRUE, TRUE },
    { "t-7010-7050-0072-5", "T7010705000725", TRUE, TRUE },
    { "Ｔ４０１１００１０９８９９３", "T4011001098993", TRUE, TRUE },
    /* One digit off: still the form of a number, not a 法人番号. */
    { "T7010705000726", "T7010705000726", TRUE, FALSE },
    { "T1234567890123", "T1234567890123", TRUE, FALSE },
    { "7010705000725", "7010705000725", FALSE, FALSE },
    { "T701070500072", "T701070500072", FALSE, FALSE },
    { "T70107050007250", "T70107050007250", FALSE, FALSE },
    { "TA010705000725", "TA010705000725", FALSE, FALSE },
    { "", "", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = ts_invoice_number_normalize (cases[i].typed);

      g_assert_cmpstr (number, ==, cases[i].stored);
      g_assert_cmpint (ts_invoice_number_is_valid (number), ==, cases[i].valid);
      g_assert_cmpint (ts_invoice_number_has_corporate_check_digit (number), ==, cases[i].corporate);
    }
}

static void
test_chapter_validation (void)
{
  g_autoptr(TsChapter) chapter = ts_chapter_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (chapter, "name", "大田医介塾", "invoice-number", "T12345", NULL);
  g_assert_false (ts_validate_chapter (chapter, &error));
  g_assert_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_INVOICE_NUMBER);
  g_clear_error (&error);
  /* An individual's number need not carry a corporate check digit. */
  g_object_set (chapter, "invoice-number", "T 1234567890123", NULL);
  g_assert_true (ts_validate_chapter (chapter, &error));
  g_assert_cmpstr (chapter->invoice_number, ==, "T1234567890123");
  g_object_set (chapter, "invoice-number", "", NULL);
  g_assert_true (ts_validate_chapter (chapter, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/receipts/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("what-a-receipt-says", test_what_a_receipt_says);
  ADD ("note-and-invoice-number", test_note_and_invoice_number);
  ADD ("reissue", test_reissue);
  ADD ("numbers-by-month", test_numbers_by_month);
  ADD ("not-paid", test_not_paid);
  ADD ("edited-addressee", test_edited_addressee);
  ADD ("purge-keeps-receipts", test_purge_keeps_receipts);
  ADD ("merge-keeps-receipts", test_merge_keeps_receipts);
#undef ADD
  g_test_add_func ("/receipts/formats", test_formats);
  g_test_add_func ("/receipts/invoice-number", test_invoice_number);
  g_test_add_func ("/receipts/chapter-validation", test_chapter_validation);
  return g_test_run ();
}
