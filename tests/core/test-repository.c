/* test-repository.c: records in and out of a real SQLite file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-directory.h"
#include "ts-record.h"
#include "ts-test-support.h"

typedef struct {
  char         *dir;
  TsRepository *repository;
  gint64        chapter_id;
  gint64        event_id;
} Fixture;

static TsMember *
add_member (TsRepository *repository,
            const char   *family,
            const char   *given,
            const char   *family_reading,
            const char   *given_reading,
            const char   *organization)
{
  TsMember *member = ts_test_add_member (repository, "family-name", family, "given-name", given,
                                         "family-reading", family_reading,
                                         "given-reading", given_reading,
                                         "organization", organization,
                                         "profession", "看護師", NULL);

  g_assert_cmpint (member->id, >, 0);
  return member;
}

static gint64
add_event (TsRepository *repository,
           gint64        chapter_id,
           const char   *starts_at,
           TsEventStatus status)
{
  g_autoptr(TsEvent) event = ts_test_add_event (repository, "chapter-id", chapter_id,
                                                "starts-at", starts_at, "status", status,
                                                "title", "定例会", NULL);

  return event->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;

  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "repo.db");
  chapter = ts_test_add_chapter (fixture->repository, "name", "大田医介塾",
                                 "reading", "おおたいかいじゅく", "region", "東京都", NULL);
  fixture->chapter_id = chapter->id;
  fixture->event_id = add_event (fixture->repository, chapter->id, "2017-08-24T19:00", TS_EVENT_STATUS_HELD);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_directory (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) chapters = NULL;
  g_autoptr(TsChapter) first = NULL;
  g_autoptr(TsChapter) last = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;

  g_assert_true (ts_directory_load (fixture->repository, &added, &error));
  /* 大田医介塾 was there already: 32 in the directory, 31 new. */
  g_assert_cmpuint (added, ==, 31);
  g_assert_true (ts_directory_load (fixture->repository, &added, &error));
  g_assert_cmpuint (added, ==, 0);

  chapters = ts_repository_list_chapters (fixture->repository, &error);
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, 32);
  first = g_list_model_get_item (chapters, 0);
  last = g_list_model_get_item (chapters, 31);
  g_assert_cmpstr (first->name, ==, "札幌医介塾");
  g_assert_cmpstr (first->region, ==, "北海道");
  g_assert_cmpstr (last->region, ==, "九州・沖縄");
}

static void
test_search_members (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TsMember) yamada = add_member (fixture->repository, "山田", "太郎",
                                           "やまだ", "たろう", "さくら訪問看護ステーション");
  g_autoptr(TsMember) sato = add_member (fixture->repository, "佐藤", "花子",
                                         "サトウ", "ハナコ", "㈱ひまわり");
  const char *queries[] = { "ﾔﾏﾀﾞ", "ヤマダ", "やまだ", "山田", "山田 太郎", "さくら訪問" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GListModel) found = ts_repository_list_members (fixture->repository,
                                                                queries[i], NULL);
      g_autoptr(TsMember) first = NULL;

      g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
      first = g_list_model_get_item (found, 0);
      g_assert_cmpint (first->id, ==, yamada->id);
    }
  {
    g_autoptr(GListModel) found = ts_repository_list_members (fixture->repository, "さとう", NULL);
    g_autoptr(GListModel) company = ts_repository_list_members (fixture->repository, "(株)", NULL);
    g_autoptr(GListModel) all = ts_repository_list_members (fixture->repository, "", NULL);
    g_autoptr(GListModel) none = ts_repository_list_members (fixture->repository, "'; DROP TABLE member; --", NULL);
    g_autoptr(TsMember) first = g_list_model_get_item (all, 0);

    g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (company), ==, 1);
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
    g_assert_cmpint (first->id, ==, sato->id);   /* さとう before やまだ */
  }
}

static void
test_attendance_flow (Fixture       *fixture,
                      gconstpointer  data)
{
  TsRepository *repository = fixture->repository;
  g_autoptr(TsMember) a = add_member (repository, "和田", "誠", "わだ", "まこと", "");
  g_autoptr(TsMember) b = add_member (repository, "渡辺", "裕子", "わたなべ", "ゆうこ", "");
  g_autoptr(TsAttendance) registered = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 next = add_event (repository, fixture->chapter_id, "2017-09-28T19:00", TS_EVENT_STATUS_PLANNED);

  registered = ts_repository_set_attendance (repository, fixture->event_id, a->id,
                                             TS_ATTENDANCE_STATUS_REGISTERED, &error);
  g_assert_no_error (error);
  g_assert_cmpint (registered->status, ==, TS_ATTENDANCE_STATUS_REGISTERED);
  g_assert_cmpstr (registered->checked_in_at, ==, "");

  g_assert_true (ts_repository_check_in (repository, fixture->event_id, a->id, &error));
  /* b was not registered: checked in as a walk-in. */
  g_assert_true (ts_repository_check_in (repository, fixture->event_id, b->id, &error));
  g_assert_true (ts_repository_set_attendance (repository, next, a->id, TS_ATTENDANCE_STATUS_REGISTERED, &error) != NULL);

  list = ts_repository_list_attendance (repository, fixture->event_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  {
    g_autoptr(TsAttendance) first = g_list_model_get_item (list, 0);
    g_autoptr(TsAttendance) second = g_list_model_get_item (list, 1);

    g_assert_cmpstr (first->member->family_name, ==, "和田");   /* わだ before わたなべ */
    g_assert_cmpint (first->status, ==, TS_ATTENDANCE_STATUS_ATTENDED);
    g_assert_cmpuint (strlen (first->checked_in_at), ==, 19);
    g_assert_true (first->first_time);
    g_assert_cmpint (second->status, ==, TS_ATTENDANCE_STATUS_WALK_IN);
  }
  g_clear_object (&list);

  /* At the next event, 和田 is no longer new. */
  list = ts_repository_list_attendance (repository, next, &error);
  {
    g_autoptr(TsAttendance) only = g_list_model_get_item (list, 0);
    g_assert_false (only->first_time);
  }

  event = ts_repository_get_event (repository, fixture->event_id, &error);
  g_assert_cmpint (event->headcount, ==, 2);
  g_assert_cmpint (event->present, ==, 2);
  g_assert_cmpstr (event->chapter_name, ==, "大田医介塾");

  {
    g_autoptr(TsMember) again = ts_repository_get_member (repository, a->id, &error);
    g_autoptr(GListModel) history = ts_repository_list_member_history (repository, a->id, &error);
    g_autoptr(TsAttendance) newest = g_list_model_get_item (history, 0);

    g_assert_cmpint (again->times_attended, ==, 1);
    g_assert_cmpstr (again->last_attended, ==, "2017-08-24T19:00");
    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
    g_assert_cmpstr (newest->event->starts_at, ==, "2017-09-28T19:00");
    g_assert_cmpstr (newest->event->chapter_name, ==, "大田医介塾");
  }
}

static void
test_walk_in_and_similar (Fixture       *fixture,
                          gconstpointer  data)
{
  TsRepository *repository = fixture->repository;
  g_autoptr(TsMember) known = add_member (repository, "山田", "太郎", "やまだ", "たろう",
                                          "さくら薬局");
  g_autoptr(TsMember) candidate = ts_member_new ();
  g_autoptr(TsMember) stranger = ts_member_new ();
  g_autoptr(GListModel) similar = NULL;
  g_autoptr(TsAttendance) walk_in = NULL;
  g_autoptr(GError) error = NULL;

  /* Same reading in katakana: probably the same person. */
  g_object_set (candidate, "family-name", "山田", "given-name", "太朗",
                "family-reading", "ヤマダ", "given-reading", "タロウ", NULL);
  similar = ts_repository_find_similar_members (repository, candidate, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (similar), ==, 1);
  g_clear_object (&similar);

  /* Same name and organization, no reading. */
  g_object_set (candidate, "given-name", "太郎", "family-reading", "", "given-reading", "",
                "organization", "さくら薬局", NULL);
  similar = ts_repository_find_similar_members (repository, candidate, &error);
  g_assert_cmpuint (g_list_model_get_n_items (similar), ==, 1);
  g_clear_object (&similar);

  g_object_set (stranger, "family-name", "比嘉", "family-reading", "ひが",
                "organization", "宮古島病院", NULL);
  similar = ts_repository_find_similar_members (repository, stranger, &error);
  g_assert_cmpuint (g_list_model_get_n_items (similar), ==, 0);

  walk_in = ts_repository_add_walk_in (repository, fixture->event_id, stranger, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stranger->id, >, 0);
  g_assert_cmpint (walk_in->status, ==, TS_ATTENDANCE_STATUS_WALK_IN);
  g_assert_cmpuint (strlen (walk_in->checked_in_at), ==, 19);
}

static void
test_soft_delete_and_restore (Fixture       *fixture,
                              gconstpointer  data)
{
  TsRepository *repository = fixture->repository;
  g_autoptr(TsMember) member = add_member (repository, "森", "亮", "もり", "りょう", "");
  g_autoptr(GListModel) before = NULL, during = NULL, after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (ts_repository_set_attendance (repository, fixture->event_id, member->id,
                                                  TS_ATTENDANCE_STATUS_ATTENDED, &error));
  g_assert_true (ts_repository_delete (repository, "member", member->id, &error));
  during = ts_repository_list_members (repository, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (during), ==, 0);
  g_assert_null (ts_repository_get_member (repository, member->id, NULL));

  g_assert_true (ts_repository_restore (repository, "member", member->id, &error));
  after = ts_repository_list_members (repository, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, 1);
  before = ts_repository_list_attendance (repository, fixture->event_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (before), ==, 1);   /* attendance kept */

  /* Purged for good only once deleted before the cut-off. */
  g_assert_true (ts_repository_delete (repository, "event", fixture->event_id, &error));
  g_assert_true (ts_repository_purge_deleted (repository, "9999-12-31T00:00:00", &error));
  g_assert_false (ts_repository_restore (repository, "event", fixture->event_id, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND);
}

/* Fields filled directly, as the importer does, or through properties,
 * as the dialogs do: either way what is stored has no control character,
 * and the record in hand shows what was stored. */
static void
test_text_is_cleaned (Fixture       *fixture,
                      gconstpointer  data)
{
  TsRepository *repository = fixture->repository;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMember) member = ts_member_new ();
  g_autoptr(TsMember) stored = NULL;
  g_autoptr(TsEvent) event = NULL;

  g_free (member->family_name);
  member->family_name = g_strdup ("\x1b]0;x\x07\u202e佐藤");
  g_object_set (member, "given-name", "花子\r\n", "family-reading", "\u200fさとう",
                "given-reading", "はなこ", "organization", "A病院\x1b[2J",
                "introduction", "一行目\r\n二行目\x1b[1m", NULL);
  g_assert_cmpstr (member->given_name, ==, "花子");
  g_assert_true (ts_repository_save_member (repository, member, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (member->family_name, ==, "]0;x佐藤");

  stored = ts_repository_get_member (repository, member->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->family_name, ==, "]0;x佐藤");
  g_assert_cmpstr (stored->given_name, ==, "花子");
  g_assert_cmpstr (stored->family_reading, ==, "さとう");
  g_assert_cmpstr (stored->organization, ==, "A病院[2J");
  g_assert_cmpstr (stored->introduction, ==, "一行目\n二行目[1m");

  event = ts_repository_get_event (repository, fixture->event_id, &error);
  g_assert_no_error (error);
  g_free (event->title);
  event->title = g_strdup ("第1回\n\u202eつどい");
  g_free (event->notes);
  event->notes = g_strdup ("持ち物:\r\n名刺\x07");
  g_assert_true (ts_repository_save_event (repository, event, &error));
  g_clear_object (&event);
  event = ts_repository_get_event (repository, fixture->event_id, &error);
  g_assert_cmpstr (event->title, ==, "第1回 つどい");
  g_assert_cmpstr (event->notes, ==, "持ち物:\n名刺");
}

static void
assert_restored (TsRepository *repository,
                 TsAttendance *snapshot,
                 gboolean      same_row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TsAttendance) back = NULL;

  g_assert_true (ts_repository_restore_attendance (repository, snapshot, &error));
  g_assert_no_error (error);
  list = ts_repository_list_attendance (repository, snapshot->event_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  back = g_list_model_get_item (list, 0);
  if (same_row)
    g_assert_cmpstr (back->uuid, ==, snapshot->uuid);
  g_assert_cmpint (back->status, ==, TS_ATTENDANCE_STATUS_WALK_IN);
  g_assert_cmpint (back->role, ==, TS_ATTENDANCE_ROLE_PRESENTER);
  g_assert_cmpstr (back->checked_in_at, ==, "2017-08-24T18:52:10");
  g_assert_true (back->paid);
  g_assert_cmpstr (back->note, ==, "領収書希望");
}

static void
set_seat_and_payment (TsRepository *repository,
                      gint64        attendance_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (ts_repository_get_database (repository),
    "UPDATE attendance SET seat_table = 3, paid_amount = 3000 WHERE id = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, attendance_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static char *
seat_and_payment (TsRepository *repository,
                  const char   *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (ts_repository_get_database (repository),
    "SELECT seat_table || ' ' || paid_amount FROM attendance WHERE uuid = ?1", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/* An Undo puts an attendance back exactly as it was read, whether the
 * row was changed or deleted since. */
static void
test_restore_attendance (Fixture       *fixture,
                         gconstpointer  data)
{
  TsRepository *repository = fixture->repository;
  g_autoptr(TsMember) member = add_member (repository, "比嘉", "優", "ひが", "ゆう", "");
  g_autoptr(TsAttendance) stored = NULL;
  g_autoptr(TsAttendance) changed = NULL;
  g_autoptr(TsAttendance) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *seats = NULL;

  stored = ts_repository_set_attendance (repository, fixture->event_id, member->id,
                                         TS_ATTENDANCE_STATUS_WALK_IN, &error);
  g_assert_no_error (error);
  g_object_set (stored, "checked-in-at", "2017-08-24T18:52:10", "paid", TRUE,
                "note", "領収書希望", "role", TS_ATTENDANCE_ROLE_PRESENTER, NULL);
  g_assert_true (ts_repository_save_attendance (repository, stored, &error));
  snapshot = ts_record_dup (stored);

  changed = ts_repository_set_attendance (repository, fixture->event_id, member->id,
                                          TS_ATTENDANCE_STATUS_REGISTERED, &error);
  g_assert_no_error (error);
  assert_restored (repository, snapshot, TRUE);

  /* Removed, with a column the record does not hold (its table): it
   * comes back too. What was paid is the record's own since the fees
   * (paid-amount): it comes back as the snapshot read it. */
  set_seat_and_payment (repository, stored->id);
  g_object_set (snapshot, "paid-amount", (gint64) 3000, NULL);
  g_assert_true (ts_repository_remove_attendance (repository, stored->id, &error));
  g_assert_no_error (error);
  assert_restored (repository, snapshot, TRUE);
  seats = seat_and_payment (repository, snapshot->uuid);
  g_assert_cmpstr (seats, ==, "3 3000");

  /* Removed and its place taken meanwhile: the snapshot's fields win. */
  g_assert_true (ts_repository_remove_attendance (repository, stored->id, &error));
  g_clear_object (&changed);
  changed = ts_repository_set_attendance (repository, fixture->event_id, member->id,
                                          TS_ATTENDANCE_STATUS_REGISTERED, &error);
  g_assert_no_error (error);
  assert_restored (repository, snapshot, FALSE);
}

/* A member made for an event belongs to its chapter and is on its list;
 * one given another chapter keeps it. */
static void
test_members_made_for_an_event (Fixture       *fixture,
                                gconstpointer  data)
{
  TsRepository *repository = fixture->repository;
  g_autoptr(TsChapter) other = ts_test_add_chapter (repository, "name", "品川医介塾",
                                                    "reading", "しながわいかいじゅく",
                                                    "region", "東京都", NULL);
  g_autoptr(TsMember) registrant = ts_member_new ();
  g_autoptr(TsMember) walk_in = ts_member_new ();
  g_autoptr(TsMember) visitor = ts_member_new ();
  g_autoptr(TsAttendance) attendance = NULL;
  g_autoptr(TsMember) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (registrant, "family-name", "金城", "family-reading", "きんじょう", NULL);
  attendance = ts_repository_add_registrant (repository, fixture->event_id, registrant, &error);
  g_assert_no_error (error);
  g_assert_cmpint (attendance->status, ==, TS_ATTENDANCE_STATUS_REGISTERED);
  g_assert_cmpstr (attendance->checked_in_at, ==, "");
  stored = ts_repository_get_member (repository, registrant->id, &error);
  g_assert_cmpint (stored->home_chapter_id, ==, fixture->chapter_id);
  g_clear_object (&stored);
  g_clear_object (&attendance);

  g_object_set (walk_in, "family-name", "新垣", "family-reading", "あらかき", NULL);
  attendance = ts_repository_add_walk_in (repository, fixture->event_id, walk_in, &error);
  g_assert_no_error (error);
  stored = ts_repository_get_member (repository, walk_in->id, &error);
  g_assert_cmpint (stored->home_chapter_id, ==, fixture->chapter_id);
  g_clear_object (&stored);
  g_clear_object (&attendance);

  g_object_set (visitor, "family-name", "宮城", "family-reading", "みやぎ",
                "home-chapter-id", other->id, NULL);
  attendance = ts_repository_add_registrant (repository, fixture->event_id, visitor, &error);
  g_assert_no_error (error);
  stored = ts_repository_get_member (repository, visitor->id, &error);
  g_assert_cmpint (stored->home_chapter_id, ==, other->id);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("directory", test_directory);
  ADD ("search", test_search_members);
  ADD ("attendance", test_attendance_flow);
  ADD ("walk-in", test_walk_in_and_similar);
  ADD ("soft-delete", test_soft_delete_and_restore);
  ADD ("text-cleaned", test_text_is_cleaned);
  ADD ("restore-attendance", test_restore_attendance);
  ADD ("members-made-for-an-event", test_members_made_for_an_event);
  return g_test_run ();
}
