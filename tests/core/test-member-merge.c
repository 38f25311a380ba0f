/* test-member-merge.c: likely duplicates found, two members made one,
 * and the merge undone, on a real SQLite file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-fees.h"
#include "ts-member-duplicates.h"
#include "ts-member-merge.h"
#include "ts-record.h"
#include "ts-test-support.h"

typedef struct {
  TsTestDb db;
  gint64   chapter_id;
  gint64   events[7];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;
  const char *dates[] = { "2026-07-23T19:00", "2026-08-27T19:00", "2026-09-24T19:00",
                          "2026-10-22T19:00", "2026-11-26T19:00",
                          "2026-12-17T19:00", "2027-01-28T19:00" };

  ts_test_db_init (&fixture->db, "merge.db");
  chapter = ts_test_add_chapter (fixture->db.repository, "name", "大田医介塾",
                                 "reading", "おおたいかいじゅく", NULL);
  fixture->chapter_id = chapter->id;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(TsEvent) event = ts_test_add_event (fixture->db.repository,
                                                    "chapter-id", chapter->id,
                                                    "starts-at", dates[i], "status", TS_EVENT_STATUS_HELD,
                                                    NULL);
      fixture->events[i] = event->id;
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (&fixture->db);
}

static gint64
add (Fixture    *fixture,
     const char *family,
     const char *given,
     const char *family_reading,
     const char *given_reading,
     const char *email)
{
  g_autoptr(TsMember) member = ts_test_add_member (fixture->db.repository,
                                                   "family-name", family, "given-name", given,
                                                   "family-reading", family_reading,
                                                   "given-reading", given_reading,
                                                   "email", email, NULL);
  return member->id;
}

/* The pairs found, as "first:second:reasons" lines. */
static char *
pairs_text (TsRepository *repository)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pairs = ts_repository_find_duplicates (repository, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (pairs); i++)
    {
      g_autoptr(TsMemberPair) pair = g_list_model_get_item (pairs, i);

      g_string_append_printf (text, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%u\n",
                              ts_member_pair_get_first (pair)->id,
                              ts_member_pair_get_second (pair)->id,
                              ts_member_pair_get_reasons (pair));
    }
  return g_string_free (text, FALSE);
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  gint64 saito = add (fixture, "斎藤", "太郎", "さいとう", "たろう", "");
  gint64 saito2 = add (fixture, "斉藤", "太郎", "サイトウ", "タロウ", "Taro@Example.JP");
  gint64 kana = add (fixture, "ｻｲﾄｳ", "ﾀﾛｳ", "", "", "");
  gint64 yamada = add (fixture, "山田", "花子", "やまだ", "はなこ", "taro@example.jp");
  gint64 takahashi = add (fixture, "髙橋", "一郎", "", "", "");
  gint64 takahashi2 = add (fixture, "高橋", "一郎", "", "", "");
  gint64 other = add (fixture, "鈴木", "次郎", "すずき", "じろう", "");
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;

  (void) other;
  /* 斎藤 and 斉藤: the same reading, and one name in two kanji forms;
   * ｻｲﾄｳ ﾀﾛｳ is their reading typed as a name; the email differs in case. */
  expected = g_strdup_printf (
    "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%u\n"
    "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%u\n"
    "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%u\n"
    "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%u\n"
    "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%u\n",
    saito, saito2, TS_DUPLICATE_READING | TS_DUPLICATE_NAME,
    saito, kana, TS_DUPLICATE_NAME_READING,
    saito2, kana, TS_DUPLICATE_NAME_READING,
    saito2, yamada, TS_DUPLICATE_EMAIL,
    takahashi, takahashi2, TS_DUPLICATE_NAME);
  found = pairs_text (repository);
  g_assert_cmpstr (found, ==, expected);

  /* A deleted member is no one's duplicate. */
  g_assert_true (ts_repository_delete (repository, "member", kana, &error));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf (
    "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%u\n"
    "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%u\n"
    "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%u\n",
    saito, saito2, TS_DUPLICATE_READING | TS_DUPLICATE_NAME,
    saito2, yamada, TS_DUPLICATE_EMAIL,
    takahashi, takahashi2, TS_DUPLICATE_NAME);
  g_clear_pointer (&found, g_free);
  found = pairs_text (repository);
  g_assert_cmpstr (found, ==, expected);

  {
    g_autofree char *key = ts_duplicate_name_key ("齋藤 ﾀﾛｳ");
    g_assert_cmpstr (key, ==, "斉藤たろう");
  }
}
static TsAttendance *
find_attendance (TsRepository *repository,
                 gint64        event_id,
                 gint64        member_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = ts_repository_list_attendance (repository, event_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);

      if (attendance->member_id == member_id)
        return g_steal_pointer (&attendance);
    }
  return NULL;
}

static guint
count_rows (Fixture    *fixture,
            gint64      event_id)
{
  g_autoptr(GListModel) list = ts_repository_list_attendance (fixture->db.repository,
                                                              event_id, NULL);
  return g_list_model_get_n_items (list);
}

static void
test_merge_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  gint64 keep = add (fixture, "斎藤", "太郎", "さいとう", "たろう", "");
  gint64 other = add (fixture, "斉藤", "太郎", "さいとう", "たろう", "taro@example.jp");
  gint64 friend = 0;
  const char *from_other[] = { "name", NULL };
  /* Per event: keep's status, other's status, the status after. */
  const char *cases[][3] = {
    { "registered", "attended",   "attended" },
    { "no-show",    "walk-in",    "walk-in" },
    { "attended",   "registered", "attended" },
    { "cancelled",  "no-show",    "no-show" },
    { NULL,         "walk-in",    "walk-in" },
    { "walk-in",    "attended",   "attended" },
    { "no-show",    "registered", "registered" },
  };
  g_autoptr(TsMemberMerge) merge = NULL;
  g_autoptr(TsMember) merged = NULL;
  g_autoptr(TsMember) gone = NULL;
  g_autoptr(TsMember) referred = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;

  {
    g_autoptr(TsMember) m = ts_test_add_member (repository, "family-name", "鈴木",
                                                "referred-by", other, NULL);
    g_autoptr(TsMember) k = ts_repository_get_member (repository, keep, NULL);
    g_autoptr(TsMember) edited = ts_record_dup (k);

    friend = m->id;
    /* The kept member was brought by the other: after the merge that
     * would be themselves. */
    g_object_set (edited, "referred-by", other, "organization", "大田病院", NULL);
    g_assert_true (ts_repository_update_member (repository, k, edited, &error));
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i][0] != NULL)
        ts_test_attend (repository, fixture->events[i], keep,
                        ts_enum_parse_nick (TS_TYPE_ATTENDANCE_STATUS, cases[i][0]));
      ts_test_attend (repository, fixture->events[i], other,
                      ts_enum_parse_nick (TS_TYPE_ATTENDANCE_STATUS, cases[i][1]));
    }
  before = ts_test_dump_database (fixture->db.path);

  merge = ts_repository_merge_members (repository, keep, other, from_other,
                                       TS_MEMBER_MERGE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merge);
  g_assert_cmpuint (ts_member_merge_get_n_joined (merge), ==, 6);
  g_assert_cmpuint (ts_member_merge_get_n_moved (merge), ==, 1);

  /* One person: the chosen name, keep's organization, other's email
   * (empty on keep, so taken by default only by callers that ask). */
  merged = ts_repository_get_member (repository, keep, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (merged->family_name, ==, "斉藤");
  g_assert_cmpstr (merged->organization, ==, "大田病院");
  g_assert_cmpstr (merged->email, ==, "");
  g_assert_cmpint (merged->referred_by, ==, 0);
  g_assert_cmpint (merged->times_attended, ==, 5);
  gone = ts_repository_get_member (repository, other, &error);
  g_assert_null (gone);
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TsAttendance) row = find_attendance (repository, fixture->events[i], keep);

      g_assert_nonnull (row);
      g_assert_cmpstr (ts_enum_get_nick (TS_TYPE_ATTENDANCE_STATUS, row->status), ==, cases[i][2]);
      g_assert_cmpuint (count_rows (fixture, fixture->events[i]), ==, 2 - 1);
    }
  referred = ts_repository_get_member (repository, friend, &error);
  g_assert_cmpint (referred->referred_by, ==, keep);

  /* Undo: the file is byte for byte the one before, numbers and stamps. */
  g_assert_true (ts_member_merge_undo (merge, &error));
  g_assert_no_error (error);
  after_undo = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after_undo, ==, before);

  /* Twice is refused: the other is back, no longer as the merge left it. */
  g_assert_false (ts_member_merge_undo (merge, &error));
  g_assert_error (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_CHANGED);
  g_clear_pointer (&after_undo, g_free);
  after_undo = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after_undo, ==, before);
}

static void
test_merge_refusals (Fixture       *fixture,
                     gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  gint64 keep = add (fixture, "斎藤", "太郎", "さいとう", "たろう", "");
  gint64 other = add (fixture, "斉藤", "太郎", "さいとう", "たろう", "saito@example.jp");
  const char *bad[] = { "email", "shoe-size", NULL };
  g_autoptr(TsMemberMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  ts_test_attend (repository, fixture->events[0], other, TS_ATTENDANCE_STATUS_ATTENDED);
  before = ts_test_dump_database (fixture->db.path);

  g_assert_null (ts_repository_merge_members (repository, keep, keep, NULL, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (ts_repository_merge_members (repository, keep, other, bad, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (ts_repository_merge_members (repository, keep, 9999, NULL, 0, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after, ==, before);

  /* An edit of the kept member after the merge is not undone under it. */
  merge = ts_repository_merge_members (repository, keep, other, NULL,
                                       TS_MEMBER_MERGE_FILL_EMPTY, &error);
  g_assert_no_error (error);
  {
    /* Filled where the kept member had nothing; the name stays keep's. */
    g_autoptr(TsMember) merged = ts_repository_get_member (repository, keep, NULL);

    g_assert_cmpstr (merged->email, ==, "saito@example.jp");
    g_assert_cmpstr (merged->family_name, ==, "斎藤");
  }
  {
    g_autoptr(TsMember) loaded = ts_repository_get_member (repository, keep, NULL);
    g_autoptr(TsMember) edited = ts_record_dup (loaded);

    g_object_set (edited, "phone", "03-1234-5678", NULL);
    g_assert_true (ts_repository_update_member (repository, loaded, edited, &error));
  }
  g_assert_false (ts_member_merge_undo (merge, &error));
  g_assert_error (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_CHANGED);
}

static void
test_default_fields (void)
{
  g_autoptr(TsMember) keep = ts_member_new ();
  g_autoptr(TsMember) other = ts_member_new ();
  g_auto(GStrv) fields = NULL;
  g_autofree char *joined = NULL;

  g_object_set (keep, "family-name", "斎藤", "organization", "大田病院", NULL);
  g_object_set (other, "family-name", "斉藤", "organization", "蒲田病院",
                "email", "saito@example.jp", "home-chapter-id", (gint64) 3,
                "consent", TS_CONSENT_NONE, NULL);
  fields = ts_member_merge_default_fields (keep, other);
  joined = g_strjoinv (",", fields);
  /* Keep's where set (name, organization, consent), else other's. */
  g_assert_cmpstr (joined, ==, "email,home-chapter");
  g_assert_true (ts_member_merge_field_differs ("name", keep, other));
  g_assert_false (ts_member_merge_field_differs ("phone", keep, other));
}

static void
pay (TsRepository *repository,
     gint64        event_id,
     gint64        member_id,
     gint64        amount)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsPayment) before = ts_repository_record_payment (repository, event_id, member_id,
                                                              amount, &error);

  g_assert_no_error (error);
}

/* Where both rows of one event join, what each received stays received:
 * the money is in the envelope whichever row wins. */
static void
test_merge_keeps_payments (Fixture       *fixture,
                           gconstpointer  data)
{
  TsRepository *repository = fixture->db.repository;
  gint64 keep = add (fixture, "斎藤", "花子", "さいとう", "はなこ", "");
  gint64 other = add (fixture, "斉藤", "花子", "さいとう", "はなこ", "");
  gint64 *events = fixture->events;
  g_autoptr(TsFeeClass) student = NULL;
  g_autoptr(TsMemberMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  struct { gint64 paid; gint64 fee_class_id; } expected[3];

  student = ts_repository_add_fee_class (repository, events[2], "学生", 2000, &error);
  g_assert_no_error (error);
  /* The other row wins and brings its payment. */
  ts_test_attend (repository, events[0], keep, TS_ATTENDANCE_STATUS_REGISTERED);
  ts_test_attend (repository, events[0], other, TS_ATTENDANCE_STATUS_ATTENDED);
  pay (repository, events[0], other, 4000);
  /* Both paid: a duplicate registration paid ahead, then at the door. */
  ts_test_attend (repository, events[1], keep, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, events[1], other, TS_ATTENDANCE_STATUS_REGISTERED);
  pay (repository, events[1], keep, 3000);
  pay (repository, events[1], other, 1000);
  /* The kept row wins; the lost row had the payment, the kept one the class. */
  ts_test_attend (repository, events[2], keep, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, events[2], other, TS_ATTENDANCE_STATUS_WALK_IN);
  g_assert_true (ts_repository_set_fee_class (repository, events[2], keep, student->id, &error));
  pay (repository, events[2], other, 2000);
  expected[0].paid = 4000; expected[0].fee_class_id = 0;
  expected[1].paid = 4000; expected[1].fee_class_id = 0;
  expected[2].paid = 2000; expected[2].fee_class_id = student->id;
  before = ts_test_dump_database (fixture->db.path);

  merge = ts_repository_merge_members (repository, keep, other, NULL, TS_MEMBER_MERGE_NONE,
                                       &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(TsAttendance) row = find_attendance (repository, events[i], keep);

      g_assert_cmpint (row->paid_amount, ==, expected[i].paid);
      g_assert_true (row->paid);
      g_assert_cmpstr (row->paid_at, !=, "");
      g_assert_cmpint (row->fee_class_id, ==, expected[i].fee_class_id);
    }

  g_assert_true (ts_member_merge_undo (merge, &error));
  after_undo = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after_undo, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/member-merge/duplicates", Fixture, NULL,
              fixture_set_up, test_duplicates, fixture_tear_down);
  g_test_add ("/member-merge/merge-and-undo", Fixture, NULL,
              fixture_set_up, test_merge_and_undo, fixture_tear_down);
  g_test_add ("/member-merge/refusals", Fixture, NULL,
              fixture_set_up, test_merge_refusals, fixture_tear_down);
  g_test_add ("/member-merge/payments", Fixture, NULL,
              fixture_set_up, test_merge_keeps_payments, fixture_tear_down);
  g_test_add_func ("/member-merge/default-fields", test_default_fields);
  return g_test_run ();
}
