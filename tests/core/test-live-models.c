/* test-live-models.c: the repository's shared list models follow every
 * write in place: a check-in replaces one row and keeps every other
 * row's object, and another program's write shows up through the
 * data_version watch.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-support.h"

typedef struct {
  TsTestDb      db;
  TsRepository *other;     /* a second connection: "another program" */
  gint64        chapter_id;
  gint64        event_id;
  gint64        members[4];
  guint         n_changes;  /* items-changed emissions seen */
  guint         n_touched;  /* removed + added in them */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char *readings[] = { "あおき", "いとう", "うえだ", "えんどう" };
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;

  ts_test_db_init (&f->db, "live.db");
  f->other = ts_test_open_repository (f->db.dir, "live.db");
  chapter = ts_test_add_chapter (f->db.repository, "name", "大田医介塾",
                                 "reading", "おおたいかいじゅく", NULL);
  event = ts_test_add_event (f->db.repository, "chapter-id", chapter->id, "title", "定例会",
                             "starts-at", "2017-08-24T19:00", NULL);
  f->chapter_id = chapter->id;
  f->event_id = event->id;
  for (guint i = 0; i < G_N_ELEMENTS (readings); i++)
    {
      g_autoptr(TsMember) member = ts_test_add_member (f->db.repository,
                                                       "family-name", "名前",
                                                       "family-reading", readings[i], NULL);

      f->members[i] = member->id;
      ts_test_attend (f->db.repository, f->event_id, member->id, TS_ATTENDANCE_STATUS_REGISTERED);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->other);
  ts_test_db_clear (&f->db);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *f)
{
  f->n_changes++;
  f->n_touched += removed + added;
}

static GPtrArray *
snapshot (GListModel *model)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static const char *
status_at (GListModel *model,
           guint       position)
{
  g_autoptr(TsAttendance) attendance = g_list_model_get_item (model, position);

  return ts_enum_get_nick (TS_TYPE_ATTENDANCE_STATUS, attendance->status);
}

/* Everyone asking for an event's attendance gets the same list. */
static void
test_shared (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GListModel) a = ts_repository_get_attendance_model (f->db.repository, f->event_id);
  g_autoptr(GListModel) b = ts_repository_get_attendance_model (f->db.repository, f->event_id);
  g_autoptr(GListModel) c = ts_repository_get_chapters_model (f->db.repository);
  g_autoptr(GListModel) d = ts_repository_get_chapters_model (f->db.repository);

  g_assert_true (a == b);
  g_assert_true (c == d);
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (c), ==, 1);
}

/* A check-in: one row replaced in one "items-changed", the other rows
 * the same objects as before; counts in the chapters and events lists. */
static void
test_check_in_in_place (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) model = ts_repository_get_attendance_model (f->db.repository,
                                                                     f->event_id);
  g_autoptr(GListModel) events = ts_repository_get_events_model (f->db.repository, 0);
  g_autoptr(GListModel) chapters = ts_repository_get_chapters_model (f->db.repository);
  g_autoptr(GPtrArray) before = snapshot (model);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_assert_true (ts_repository_check_in (f->db.repository, f->event_id, f->members[2], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_changes, ==, 1);
  g_assert_cmpuint (f->n_touched, ==, 2);
  after = snapshot (model);
  g_assert_cmpuint (after->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    if (i != 2)
      g_assert_true (g_ptr_array_index (after, i) == g_ptr_array_index (before, i));
  g_assert_false (g_ptr_array_index (after, 2) == g_ptr_array_index (before, 2));
  g_assert_cmpstr (status_at (model, 2), ==, "attended");

  event = g_list_model_get_item (events, 0);
  g_assert_cmpint (event->present, ==, 1);
  /* The chapter's row is read again (its counts were named with it). */
  chapter = g_list_model_get_item (chapters, 0);
  g_assert_cmpint (chapter->event_count, ==, 1);
}

/* Writing the same again changes nothing a view would see. */
static void
test_unchanged_write_is_quiet (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GListModel) model = ts_repository_get_attendance_model (f->db.repository,
                                                                     f->event_id);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  ts_repository_emit_changed (f->db.repository, "attendance");
  ts_repository_emit_changed (f->db.repository, "member");
  g_assert_cmpuint (f->n_changes, ==, 0);
}

/* Removed, added back, a member renamed so that they sort elsewhere. */
static void
test_rows_come_and_go (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GListModel) model = ts_repository_get_attendance_model (f->db.repository,
                                                                     f->event_id);
  g_autoptr(TsAttendance) first = g_list_model_get_item (model, 0);
  g_autoptr(TsMember) member = ts_repository_get_member (f->db.repository, f->members[0], NULL);
  g_autoptr(TsAttendance) last = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_repository_remove_attendance (f->db.repository, first->id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  ts_test_attend (f->db.repository, f->event_id, f->members[0], TS_ATTENDANCE_STATUS_REGISTERED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);

  g_object_set (member, "family-reading", "わだ", NULL);
  g_assert_true (ts_repository_save_member (f->db.repository, member, &error));
  g_assert_no_error (error);
  last = g_list_model_get_item (model, 3);
  g_assert_cmpint (last->member_id, ==, f->members[0]);
  g_assert_true (ts_repository_delete (f->db.repository, "member", f->members[0], &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

/* tsudoi-cli or a second window writes: the watch announces every table
 * and the model reads itself again, keeping the unchanged rows. */
static void
test_other_program (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) model = ts_repository_get_attendance_model (f->db.repository,
                                                                     f->event_id);
  g_autoptr(GPtrArray) before = snapshot (model);
  g_autoptr(GError) error = NULL;

  ts_repository_watch_other_writers (f->db.repository, 20);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), f);
  g_assert_true (ts_repository_check_in (f->other, f->event_id, f->members[1], &error));
  g_assert_no_error (error);
  TS_TEST_WAIT_UNTIL (g_strcmp0 (status_at (model, 1), "attended") == 0);
  g_assert_cmpuint (f->n_touched, ==, 2);
  g_assert_true (g_list_model_get_item (model, 0) == g_ptr_array_index (before, 0));
  g_object_unref (g_ptr_array_index (before, 0));
  g_assert_true (g_list_model_get_item (model, 3) == g_ptr_array_index (before, 3));
  g_object_unref (g_ptr_array_index (before, 3));
}

/* Nobody holds the list: it is gone, and a new one is read afresh. */
static void
test_released (Fixture       *f,
               gconstpointer  data)
{
  GListModel *model = ts_repository_get_attendance_model (f->db.repository, f->event_id);
  GListModel *weak = model;

  g_object_add_weak_pointer (G_OBJECT (model), (gpointer *) &weak);
  g_object_unref (model);
  g_assert_null (weak);
  ts_test_attend (f->db.repository, f->event_id, f->members[0], TS_ATTENDANCE_STATUS_ATTENDED);
  model = ts_repository_get_attendance_model (f->db.repository, f->event_id);
  g_assert_cmpstr (status_at (model, 0), ==, "attended");
  g_object_unref (model);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/live-models/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("shared", test_shared);
  ADD ("check-in-in-place", test_check_in_in_place);
  ADD ("unchanged-write-is-quiet", test_unchanged_write_is_quiet);
  ADD ("rows-come-and-go", test_rows_come_and_go);
  ADD ("other-program", test_other_program);
  ADD ("released", test_released);
#undef ADD
  return g_test_run ();
}
