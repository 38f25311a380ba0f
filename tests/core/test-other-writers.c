/* test-other-writers.c: two connections on one file, as the app and
 * tsudoi-cli are: an edited row is written only where the person changed
 * it, refused when another program changed or replaced it meanwhile, and
 * the repository notices the other program's commits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-record.h"
#include "ts-test-support.h"

typedef struct {
  TsTestDb      db;
  TsRepository *other;     /* a second connection: "another program" */
  TsMember     *member;    /* as the app read it */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TsMember) saved = NULL;
  g_autoptr(GError) error = NULL;

  ts_test_db_init (&f->db, "writers.db");
  f->other = ts_test_open_repository (f->db.dir, "writers.db");
  saved = ts_test_add_member (f->db.repository, "family-name", "佐藤", "given-name", "花子",
                              "family-reading", "さとう", "given-reading", "はなこ",
                              "profession", "看護師", NULL);
  f->member = ts_repository_get_member (f->db.repository, saved->id, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->member);
  g_clear_object (&f->other);
  ts_test_db_clear (&f->db);
}

static TsMember *
reread (TsRepository *repository,
        gint64        id)
{
  g_autoptr(GError) error = NULL;
  TsMember *member = ts_repository_get_member (repository, id, &error);

  g_assert_no_error (error);
  return member;
}

static void
test_saves_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TsMember) edited = ts_record_dup (f->member);
  g_autoptr(TsMember) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (edited, "phone", "03-1234-5678", NULL);
  g_assert_true (ts_repository_update_member (f->db.repository, f->member, edited, &error));
  g_assert_no_error (error);
  stored = reread (f->other, f->member->id);
  g_assert_cmpstr (stored->phone, ==, "03-1234-5678");
  g_assert_cmpstr (stored->family_name, ==, "佐藤");
  g_assert_cmpstr (stored->profession, ==, "看護師");
  g_assert_cmpstr (stored->uuid, ==, f->member->uuid);
  /* The search key follows the changed fields. */
  g_assert_nonnull (strstr (stored->search_key, "さとう"));
}

/* Another program changes the row within the same second: a time stamp
 * would not tell, the values do. */
static void
test_refuses_changed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TsMember) theirs = reread (f->other, f->member->id);
  g_autoptr(TsMember) edited = ts_record_dup (f->member);
  g_autoptr(TsMember) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (theirs, "organization", "A病院", "email", "hanako@example.jp", NULL);
  g_assert_true (ts_repository_save_member (f->other, theirs, NULL));
  g_object_set (edited, "phone", "03-1234-5678", NULL);
  g_assert_false (ts_repository_update_member (f->db.repository, f->member, edited, &error));
  g_assert_error (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_CHANGED);
  g_assert_nonnull (strstr (error->message, "another program"));

  stored = reread (f->other, f->member->id);
  g_assert_cmpstr (stored->organization, ==, "A病院");
  g_assert_cmpstr (stored->email, ==, "hanako@example.jp");
  g_assert_cmpstr (stored->phone, ==, "");
}

/* Saving without a change writes nothing, so it has nothing to refuse
 * and leaves the other program's values alone. */
static void
test_unchanged_writes_nothing (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(TsMember) theirs = reread (f->other, f->member->id);
  g_autoptr(TsMember) edited = ts_record_dup (f->member);
  g_autoptr(TsMember) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (theirs, "organization", "A病院", NULL);
  g_assert_true (ts_repository_save_member (f->other, theirs, NULL));
  g_assert_true (ts_repository_update_member (f->db.repository, f->member, edited, &error));
  g_assert_no_error (error);
  stored = reread (f->other, f->member->id);
  g_assert_cmpstr (stored->organization, ==, "A病院");
}

/* After a restore, the same number is somebody else. */
static void
test_refuses_replaced (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TsMember) theirs = reread (f->other, f->member->id);
  g_autoptr(TsMember) edited = ts_record_dup (f->member);
  g_autoptr(TsMember) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  sqlite3 *handle = ts_database_get_handle (ts_repository_get_database (f->other));
  sqlite3_stmt *stmt = NULL;

  /* The same values but another person's uuid: only the uuid tells. */
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "UPDATE member SET uuid = ?1 WHERE id = ?2",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, theirs->id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  g_object_set (edited, "given-name", "花", NULL);
  g_assert_false (ts_repository_update_member (f->db.repository, f->member, edited, &error));
  g_assert_error (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_GONE);
  stored = reread (f->other, f->member->id);
  g_assert_cmpstr (stored->given_name, ==, "花子");
}

static void
test_refuses_deleted (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TsMember) edited = ts_record_dup (f->member);
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_repository_delete (f->other, "member", f->member->id, NULL));
  g_object_set (edited, "given-name", "花", NULL);
  g_assert_false (ts_repository_update_member (f->db.repository, f->member, edited, &error));
  g_assert_error (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_GONE);
}

static void
test_chapter_and_event (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (f->db.repository, "name", "大田医介塾",
                                                      "reading", "おおたいかいじゅく", NULL);
  g_autoptr(TsEvent) event = ts_test_add_event (f->db.repository, "chapter-id", chapter->id,
                                                "title", "定例会",
                                                "starts-at", "2017-08-24T19:00", NULL);
  g_autoptr(TsChapter) chapter_edited = ts_record_dup (chapter);
  g_autoptr(TsEvent) event_edited = ts_record_dup (event);
  g_autoptr(TsChapter) theirs = ts_repository_get_chapter (f->other, chapter->id, NULL);
  g_autoptr(TsEvent) their_event = ts_repository_get_event (f->other, event->id, NULL);
  g_autoptr(TsChapter) stored = NULL;
  g_autoptr(GError) error = NULL;

  /* Unchanged underneath: saved. */
  g_object_set (event_edited, "venue", "居酒屋 つどい", NULL);
  g_assert_true (ts_repository_update_event (f->db.repository, event, event_edited, &error));
  g_assert_no_error (error);
  g_clear_object (&their_event);
  their_event = ts_repository_get_event (f->other, event->id, NULL);
  g_assert_cmpstr (their_event->venue, ==, "居酒屋 つどい");
  g_assert_cmpstr (their_event->title, ==, "定例会");

  /* The event as loaded is now stale. */
  g_object_set (event_edited, "venue", "別の店", NULL);
  g_assert_false (ts_repository_update_event (f->db.repository, event, event_edited, &error));
  g_assert_error (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_CHANGED);
  g_clear_error (&error);

  g_object_set (theirs, "leader", "山田", NULL);
  g_assert_true (ts_repository_save_chapter (f->other, theirs, NULL));
  g_object_set (chapter_edited, "venue", "蒲田区民ホール", NULL);
  g_assert_false (ts_repository_update_chapter (f->db.repository, chapter, chapter_edited,
                                                &error));
  g_assert_error (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_CHANGED);
  stored = ts_repository_get_chapter (f->other, chapter->id, NULL);
  g_assert_cmpstr (stored->leader, ==, "山田");
  g_assert_cmpstr (stored->venue, ==, "");
}

/* The table a "changed" names, its detail. */
static const char *
table_of (TsRepository *repository)
{
  return g_quark_to_string (g_signal_get_invocation_hint (repository)->detail);
}

static void
on_changed (TsRepository *repository,
            GArray       *ids,
            GHashTable   *seen)
{
  g_hash_table_add (seen, g_strdup (table_of (repository)));
}

/* Another connection commits: the watching repository says so within a
 * deadline, for every table. Its own writes it announces itself. */
static void
test_watch (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TsMember) theirs = reread (f->other, f->member->id);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  ts_repository_watch_other_writers (f->db.repository, 20);
  g_signal_connect (f->db.repository, "changed", G_CALLBACK (on_changed), seen);
  g_object_set (theirs, "organization", "A病院", NULL);
  g_assert_true (ts_repository_save_member (f->other, theirs, NULL));
  while (!g_hash_table_contains (seen, "attendance"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_true (g_hash_table_contains (seen, "member"));
  g_assert_true (g_hash_table_contains (seen, "chapter"));
  g_assert_true (g_hash_table_contains (seen, "event"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/other-writers/saves-changes", Fixture, NULL, fixture_set_up,
              test_saves_changes, fixture_tear_down);
  g_test_add ("/other-writers/refuses-changed", Fixture, NULL, fixture_set_up,
              test_refuses_changed, fixture_tear_down);
  g_test_add ("/other-writers/unchanged-writes-nothing", Fixture, NULL, fixture_set_up,
              test_unchanged_writes_nothing, fixture_tear_down);
  g_test_add ("/other-writers/refuses-replaced", Fixture, NULL, fixture_set_up,
              test_refuses_replaced, fixture_tear_down);
  g_test_add ("/other-writers/refuses-deleted", Fixture, NULL, fixture_set_up,
              test_refuses_deleted, fixture_tear_down);
  g_test_add ("/other-writers/chapter-and-event", Fixture, NULL, fixture_set_up,
              test_chapter_and_event, fixture_tear_down);
  g_test_add ("/other-writers/watch", Fixture, NULL, fixture_set_up,
              test_watch, fixture_tear_down);
  return g_test_run ();
}
