/* test-fees.c: fee classes, payments and their undo, an event's fee
 * summary and its cash count, on a real SQLite file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-fees.h"
#include "ts-test-support.h"

typedef struct {
  TsTestDb db;
  gint64   event_id;
  gint64   members[5];
} Fixture;

static const char *names[][2] = {
  { "青木", "あおき" }, { "井上", "いのうえ" }, { "上田", "うえだ" },
  { "江口", "えぐち" }, { "大野", "おおの" },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;

  ts_test_db_init (&fixture->db, "fees.db");
  chapter = ts_test_add_chapter (fixture->db.repository, "name", "大田医介塾", NULL);
  event = ts_test_add_event (fixture->db.repository, "chapter-id", chapter->id,
                             "starts-at", "2026-12-17T19:00", "fee", (gint64) 4000, NULL);
  fixture->event_id = event->id;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TsMember) member = ts_test_add_member (fixture->db.repository,
                                                       "family-name", names[i][0],
                                                       "given-name", "一郎",
                                                       "family-reading", names[i][1],
                                                       "given-reading", "いちろう", NULL);
      fixture->members[i] = member->id;
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (&fixture->db);
}

static TsAttendance *
find (Fixture *fixture,
      guint    i)
{
  g_autoptr(GListModel) list = ts_repository_list_attendance (fixture->db.repository,
                                                              fixture->event_id, NULL);

  for (guint n = 0; n < g_list_model_get_n_items (list); n++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, n);

      if (attendance->member_id == fixture->members[i])
        return g_steal_pointer (&attendance);
    }
  g_assert_not_reached ();
}

/* The payment columns of member @i's row as stored, "amount|at|flag". */
static char *
payment_text (Fixture *fixture,
              guint    i)
{
  g_autoptr(TsAttendance) attendance = find (fixture, i);

  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%d", attendance->paid_amount,
                          attendance->paid_at, attendance->paid);
}

/* Three present (one a student, one a walk-in), one registered, one
 * cancelled who paid ahead. */
static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  g_autoptr(TsFeeClass) student = NULL;
  g_autoptr(TsFeeSummary) summary = NULL;
  g_autoptr(TsPayment) paid = NULL;
  g_autoptr(GError) error = NULL;
  TsFeeLine *line;

  ts_test_attend (repository, fixture->event_id, fixture->members[0], TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, fixture->event_id, fixture->members[1], TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, fixture->event_id, fixture->members[2], TS_ATTENDANCE_STATUS_WALK_IN);
  ts_test_attend (repository, fixture->event_id, fixture->members[3], TS_ATTENDANCE_STATUS_REGISTERED);
  ts_test_attend (repository, fixture->event_id, fixture->members[4], TS_ATTENDANCE_STATUS_CANCELLED);
  student = ts_repository_add_fee_class (repository, fixture->event_id, " 学生 ", 2000, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (student->name, ==, "学生");
  g_assert_true (ts_repository_set_fee_class (repository, fixture->event_id,
                                              fixture->members[1], student->id, &error));
  paid = ts_repository_record_payment (repository, fixture->event_id, fixture->members[0], -1,
                                       &error);
  g_assert_no_error (error);
  g_clear_pointer (&paid, ts_payment_free);
  paid = ts_repository_record_payment (repository, fixture->event_id, fixture->members[1], 500,
                                       &error);
  g_clear_pointer (&paid, ts_payment_free);
  paid = ts_repository_record_payment (repository, fixture->event_id, fixture->members[4], 4000,
                                       &error);
  g_assert_no_error (error);

  summary = ts_repository_get_fee_summary (repository, fixture->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->expected, ==, 4000 + 2000 + 4000);
  g_assert_cmpint (summary->collected, ==, 4000 + 500 + 4000);
  g_assert_cmpint (summary->outstanding, ==, 1500 + 4000);
  g_assert_cmpuint (summary->lines->len, ==, 3);
  line = g_ptr_array_index (summary->lines, 1);
  g_assert_cmpstr (line->name, ==, "井上\u3000一郎");
  g_assert_cmpstr (line->class_name, ==, "学生");
  g_assert_cmpint (line->due, ==, 2000);
  g_assert_cmpint (ts_fee_line_get_owed (line), ==, 1500);
  line = g_ptr_array_index (summary->lines, 2);
  g_assert_cmpint (line->member_id, ==, fixture->members[2]);
  g_assert_cmpint (line->paid, ==, 0);

  /* The listing shows the same figures on each row. */
  {
    g_autoptr(TsAttendance) inoue = find (fixture, 1);

    g_assert_cmpint (inoue->fee_due, ==, 2000);
    g_assert_cmpint (inoue->paid_amount, ==, 500);
    g_assert_true (inoue->paid);
    g_assert_cmpstr (inoue->fee_class_name, ==, "学生");
    g_assert_cmpint (ts_attendance_get_owed (inoue), ==, 1500);
  }
}

/* Undo puts back the very amount, time and flag, also over an earlier
 * part payment; the check-in's own payment undoes the same way. */
static void
test_payment_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  g_autoptr(TsPayment) first = NULL;
  g_autoptr(TsPayment) second = NULL;
  g_autoptr(TsPayment) door = NULL;
  g_autoptr(TsAttendance) checked_in = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *part = NULL;
  g_autofree char *after = NULL;

  ts_test_attend (repository, fixture->event_id, fixture->members[0], TS_ATTENDANCE_STATUS_ATTENDED);
  nothing = payment_text (fixture, 0);
  g_assert_cmpstr (nothing, ==, "0||0");

  first = ts_repository_record_payment (repository, fixture->event_id, fixture->members[0], 1000,
                                        &error);
  g_assert_no_error (error);
  part = payment_text (fixture, 0);
  g_assert_true (g_str_has_prefix (part, "1000|2"));
  second = ts_repository_record_payment (repository, fixture->event_id, fixture->members[0], -1,
                                         &error);
  g_assert_no_error (error);
  after = payment_text (fixture, 0);
  g_assert_true (g_str_has_prefix (after, "4000|"));

  /* Nothing more is owed, so a payment needs an amount. */
  g_assert_null (ts_repository_record_payment (repository, fixture->event_id,
                                               fixture->members[0], -1, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_true (ts_repository_undo_payment (repository, second, &error));
  g_clear_pointer (&after, g_free);
  after = payment_text (fixture, 0);
  g_assert_cmpstr (after, ==, part);
  g_assert_true (ts_repository_undo_payment (repository, first, &error));
  g_clear_pointer (&after, g_free);
  after = payment_text (fixture, 0);
  g_assert_cmpstr (after, ==, nothing);

  /* At the door: a registered person checked in and paid at once. */
  ts_test_attend (repository, fixture->event_id, fixture->members[1], TS_ATTENDANCE_STATUS_REGISTERED);
  door = ts_repository_check_in_and_pay (repository, fixture->event_id, fixture->members[1], &error);
  g_assert_no_error (error);
  checked_in = find (fixture, 1);
  g_assert_cmpint (checked_in->status, ==, TS_ATTENDANCE_STATUS_ATTENDED);
  g_assert_cmpint (checked_in->paid_amount, ==, 4000);
  g_assert_true (ts_repository_undo_payment (repository, door, &error));
  g_clear_pointer (&after, g_free);
  after = payment_text (fixture, 1);
  g_assert_cmpstr (after, ==, "0||0");
}

/* Deleting a class puts its people back on the event's fee. */
static void
test_class_removed (Fixture       *fixture,
                    gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  g_autoptr(TsFeeClass) student = NULL;
  g_autoptr(TsFeeClass) first_timer = NULL;
  g_autoptr(TsAttendance) row = NULL;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GError) error = NULL;

  ts_test_attend (repository, fixture->event_id, fixture->members[0], TS_ATTENDANCE_STATUS_ATTENDED);
  student = ts_repository_add_fee_class (repository, fixture->event_id, "学生", 2000, &error);
  first_timer = ts_repository_add_fee_class (repository, fixture->event_id, "初参加", 0, &error);
  g_assert_no_error (error);
  g_assert_null (ts_repository_add_fee_class (repository, fixture->event_id, "学生", 1000, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (ts_repository_edit_fee_class (repository, student->id, "学生", 2500, &error));
  g_assert_true (ts_repository_set_fee_class (repository, fixture->event_id,
                                              fixture->members[0], student->id, &error));
  row = find (fixture, 0);
  g_assert_cmpint (row->fee_class_id, ==, student->id);
  g_assert_cmpint (row->fee_due, ==, 2500);
  g_clear_object (&row);

  g_assert_true (ts_repository_remove_fee_class (repository, student->id, &error));
  g_assert_no_error (error);
  row = find (fixture, 0);
  g_assert_cmpint (row->fee_class_id, ==, 0);
  g_assert_cmpint (row->fee_due, ==, 4000);
  g_assert_cmpstr (row->fee_class_name, ==, "");
  classes = ts_repository_list_fee_classes (repository, fixture->event_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 1);

  /* Its Undo: the class with its number, and its people in it. */
  {
    g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_array_append_val (members, fixture->members[0]);
    student->amount = 2500;
    g_assert_true (ts_repository_restore_fee_class (repository, student, members, &error));
    g_assert_no_error (error);
    g_clear_object (&row);
    row = find (fixture, 0);
    g_assert_cmpint (row->fee_class_id, ==, student->id);
    g_assert_cmpint (row->fee_due, ==, 2500);
  }
}

/* A class's new amount reaches the shared live model without a reload. */
static void
test_live_model_follows (Fixture       *fixture,
                         gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  g_autoptr(GListModel) live = NULL;
  g_autoptr(TsAttendance) row = NULL;
  g_autoptr(TsFeeClass) student = NULL;
  g_autoptr(TsPayment) paid = NULL;
  g_autoptr(GError) error = NULL;

  ts_test_attend (repository, fixture->event_id, fixture->members[0], TS_ATTENDANCE_STATUS_ATTENDED);
  student = ts_repository_add_fee_class (repository, fixture->event_id, "学生", 2000, &error);
  g_assert_true (ts_repository_set_fee_class (repository, fixture->event_id,
                                              fixture->members[0], student->id, &error));
  live = ts_repository_get_attendance_model (repository, fixture->event_id);
  g_assert_true (ts_repository_edit_fee_class (repository, student->id, "学生", 1500, &error));
  row = g_list_model_get_item (live, 0);
  g_assert_cmpint (row->fee_due, ==, 1500);
  g_clear_object (&row);
  paid = ts_repository_record_payment (repository, fixture->event_id, fixture->members[0], -1,
                                       &error);
  row = g_list_model_get_item (live, 0);
  g_assert_cmpint (row->paid_amount, ==, 1500);
}

/* The flag the event page ticks records the fee, and unticking clears it. */
static void
test_paid_flag (Fixture       *fixture,
                gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  g_autoptr(TsAttendance) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  ts_test_attend (repository, fixture->event_id, fixture->members[0], TS_ATTENDANCE_STATUS_ATTENDED);
  row = find (fixture, 0);
  g_object_set (row, "paid", TRUE, NULL);
  g_assert_true (ts_repository_save_attendance (repository, row, &error));
  text = payment_text (fixture, 0);
  g_assert_true (g_str_has_prefix (text, "4000|2"));
  g_assert_true (g_str_has_suffix (text, "|1"));
  g_object_set (row, "paid", FALSE, NULL);
  g_assert_true (ts_repository_save_attendance (repository, row, &error));
  g_clear_pointer (&text, g_free);
  text = payment_text (fixture, 0);
  g_assert_cmpstr (text, ==, "0||0");
}

static void
test_cash_count (Fixture       *fixture,
                 gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  const gint64 counts[TS_N_DENOMINATIONS] = { 2, 3, 4, 1, 6, 0, 3 };
  const gint64 bad[TS_N_DENOMINATIONS] = { -1 };
  g_autoptr(TsCashCount) empty = NULL;
  g_autoptr(TsCashCount) count = NULL;
  g_autoptr(GError) error = NULL;

  empty = ts_repository_get_cash_count (repository, fixture->event_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_cash_count_total (empty), ==, 0);
  g_assert_cmpstr (empty->counted_at, ==, "");

  g_assert_true (ts_repository_save_cash_count (repository, fixture->event_id, counts, &error));
  count = ts_repository_get_cash_count (repository, fixture->event_id, &error);
  g_assert_cmpint (ts_cash_count_total (count), ==, 20000 + 15000 + 4000 + 500 + 600 + 30);
  g_assert_cmpint (count->counts[4], ==, 6);
  g_assert_cmpuint (strlen (count->counted_at), >, 0);

  g_assert_false (ts_repository_save_cash_count (repository, fixture->event_id, bad, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT);
}

static void
test_amounts (void)
{
  struct { const char *text; gint64 amount; } good[] = {
    { "4000", 4000 }, { "4,000", 4000 }, { "¥4,000", 4000 }, { "４０００円", 4000 },
    { "￥12,500", 12500 }, { " 0 ", 0 },
  };
  const char *bad[] = { "", "-1", "4,000ドル", "abc", ",400", "1e3", NULL };
  g_autofree char *yen = ts_fees_format_yen (1234567);
  g_autofree char *small = ts_fees_format_number (500);
  g_autofree char *short_of = ts_fees_format_yen (-1500);

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      gint64 amount = -1;

      g_assert_true (ts_fees_parse_amount (good[i].text, &amount));
      g_assert_cmpint (amount, ==, good[i].amount);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      gint64 amount;

      g_assert_false (ts_fees_parse_amount (bad[i], &amount));
    }
  g_assert_cmpstr (yen, ==, "¥1,234,567");
  g_assert_cmpstr (small, ==, "500");
  g_assert_cmpstr (short_of, ==, "-¥1,500");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/fees/summary", Fixture, NULL, fixture_set_up, test_summary, fixture_tear_down);
  g_test_add ("/fees/payment-undo", Fixture, NULL, fixture_set_up, test_payment_undo,
              fixture_tear_down);
  g_test_add ("/fees/class-removed", Fixture, NULL, fixture_set_up, test_class_removed,
              fixture_tear_down);
  g_test_add ("/fees/live-model", Fixture, NULL, fixture_set_up, test_live_model_follows,
              fixture_tear_down);
  g_test_add ("/fees/paid-flag", Fixture, NULL, fixture_set_up, test_paid_flag,
              fixture_tear_down);
  g_test_add ("/fees/cash-count", Fixture, NULL, fixture_set_up, test_cash_count,
              fixture_tear_down);
  g_test_add_func ("/fees/amounts", test_amounts);
  return g_test_run ();
}
