/* test-member-model.c: the members list read from SQLite on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-member-model.h"
#include "ts-test-support.h"
#include "ts-text.h"

/* More than two windows of members (see WINDOW_SIZE), so that reading,
 * order and search cross window boundaries. */
#define N_MEMBERS 450

static const char * const organizations[] = { "", "大森クリニック", "蒲田訪問看護ステーション", "ｶﾏﾀ薬局" };
static const char * const professions[] = { "看護師", "", "薬剤師", "介護福祉士", "医師" };

typedef struct {
  TsTestDb db;
  gint64   chapter_id;
  gint64   event_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(TsEvent) later = NULL;
  gint64 referrer = 0;
  TsRepository *repository;

  ts_test_db_init (&fixture->db, "members.db");
  repository = fixture->db.repository;
  chapter = ts_test_add_chapter (repository, "name", "蒲田医介塾", "reading", "かまたいかいじゅく", NULL);
  event = ts_test_add_event (repository, "chapter-id", chapter->id, "starts-at", "2017-08-24T19:00", NULL);
  /* Some come twice: the figures count and date both. */
  later = ts_test_add_event (repository, "chapter-id", chapter->id, "starts-at", "2017-09-21T19:00", NULL);
  fixture->chapter_id = chapter->id;
  fixture->event_id = event->id;
  g_assert_true (ts_database_begin (fixture->db.database, NULL));
  /* Saved out of reading order: the order must come from the keys. */
  for (guint n = 0; n < N_MEMBERS; n++)
    {
      guint i = (n * 7) % N_MEMBERS;
      g_autofree char *reading = ts_test_kana_number (i);
      g_autofree char *name = g_strdup_printf ("会員%u", i);
      g_autoptr(TsMember) member = NULL;

      member = ts_test_add_member (repository, "family-name", name, "family-reading", reading,
                                   "organization", organizations[i % G_N_ELEMENTS (organizations)],
                                   "profession", professions[i % G_N_ELEMENTS (professions)],
                                   "home-chapter-id", i % 3 == 0 ? chapter->id : 0,
                                   "referred-by", i % 5 == 0 ? referrer : 0, NULL);
      for (guint k = 0; k < i % 4; k++)
        ts_test_attend (repository, event->id, member->id, TS_ATTENDANCE_STATUS_ATTENDED);
      if (i % 4 == 3)
        ts_test_attend (repository, later->id, member->id, TS_ATTENDANCE_STATUS_WALK_IN);
      referrer = member->id;
    }
  g_assert_true (ts_database_commit (fixture->db.database, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_db_clear (&fixture->db);
}

static TsMember *
item (GListModel *model,
      guint       position)
{
  TsMember *member = g_list_model_get_item (model, position);

  g_assert_nonnull (member);
  g_object_unref (member);   /* the model's windows keep it */
  return member;
}

/* Everyone, in the order and with the figures of the full listing, read
 * window by window in any order. */
static void
test_reads_windows (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TsMemberModel) model = ts_member_model_new (fixture->db.repository);
  g_autoptr(GListModel) all = ts_repository_list_members (fixture->db.repository, NULL, NULL);
  const guint positions[] = { 449, 0, 250, 199, 200, 399, 400, 1 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_MEMBERS);
  g_assert_cmpuint (ts_member_model_get_total (model), ==, N_MEMBERS);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_MEMBERS));
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(TsMember) expected = g_list_model_get_item (all, positions[i]);
      TsMember *member = item (G_LIST_MODEL (model), positions[i]);

      g_assert_cmpint (member->id, ==, expected->id);
      g_assert_cmpstr (member->home_chapter_name, ==, expected->home_chapter_name);
      g_assert_cmpint (member->times_attended, ==, expected->times_attended);
      g_assert_cmpstr (member->last_attended, ==, expected->last_attended);
      g_assert_cmpstr (member->referrer_name, ==, expected->referrer_name);
      g_assert_cmpstr (member->search_key, ==, expected->search_key);
    }
  for (guint i = 0; i < N_MEMBERS; i++)
    {
      g_autoptr(TsMember) expected = g_list_model_get_item (all, i);

      g_assert_cmpint (item (G_LIST_MODEL (model), i)->id, ==, expected->id);
    }
}

static guint
count_matching (GListModel *all,
                const char *text)
{
  g_autofree char *key = ts_text_search_key (text);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (all, i);

      n += ts_text_search_matches (member->search_key, key);
    }
  return n;
}

/* Short queries are scanned; longer ones go through the trigram index,
 * or through the scan once a short query read the keys (as typing does):
 * every way finds what a plain substring search finds, whatever kana. */
static void
check_search (TsMemberModel *model,
              GListModel    *all,
              const char    *query)
{
  guint expected = count_matching (all, query);
  guint n;
  g_autofree char *key = ts_text_search_key (query);

  ts_member_model_set_search (model, query);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, ==, expected);
  g_assert_cmpuint (ts_member_model_get_total (model), ==, N_MEMBERS);
  for (guint i = 0; i < n; i++)
    g_assert_true (ts_text_search_matches (item (G_LIST_MODEL (model), i)->search_key, key));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  const char *queries[] = { "ク", "くり", "クリニック", "ｸﾘﾆｯｸ", "かまた", "看護", "訪問看護ステ",
                            "会員1", "会員12", "会員123", "nothing", "\"", NULL };
  g_autoptr(TsMemberModel) model = ts_member_model_new (fixture->db.repository);
  g_autoptr(GListModel) all = ts_repository_list_members (fixture->db.repository, NULL, NULL);

  /* Each query alone, in a model that never scanned: the index. */
  for (guint q = 0; queries[q] != NULL; q++)
    {
      g_autoptr(TsMemberModel) fresh = ts_member_model_new (fixture->db.repository);

      check_search (fresh, all, queries[q]);
    }
  /* One after the other, as typed: the scan, once "ク" read the keys. */
  for (guint q = 0; queries[q] != NULL; q++)
    check_search (model, all, queries[q]);
  g_assert_cmpuint (count_matching (all, "クリニック"), >, 100);
  ts_member_model_set_search (model, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_MEMBERS);
}

static int
compare_members (TsMember     *a,
                 TsMember     *b,
                 TsMemberSort  sort)
{
  const char *x = NULL, *y = NULL;
  int result = 0;

  switch (sort)
    {
    case TS_MEMBER_SORT_ORGANIZATION: x = a->organization; y = b->organization; break;
    case TS_MEMBER_SORT_PROFESSION: x = a->profession; y = b->profession; break;
    case TS_MEMBER_SORT_CHAPTER: x = a->home_chapter_name; y = b->home_chapter_name; break;
    case TS_MEMBER_SORT_LAST_ATTENDED: x = a->last_attended; y = b->last_attended; break;
    case TS_MEMBER_SORT_TIMES:
      result = (a->times_attended > b->times_attended) - (a->times_attended < b->times_attended);
      break;
    default:
      break;
    }
  if (x != NULL && y != NULL)
    result = (*x == '\0') != (*y == '\0') ? (*x == '\0') - (*y == '\0') : strcmp (x, y);
  if (result == 0)
    result = ts_text_compare_keys (a->sort_key, b->sort_key);
  return result;
}

/* Every order, both ways, as the old in-memory comparison had it: empty
 * cells after filled ones, ties by reading. */
static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TsMemberModel) model = ts_member_model_new (fixture->db.repository);

  for (TsMemberSort sort = 0; sort < TS_MEMBER_N_SORTS; sort++)
    for (int descending = 0; descending < 2; descending++)
      {
        ts_member_model_set_sort (model, sort, descending);
        ts_member_model_set_search (model, sort == TS_MEMBER_SORT_TIMES ? "会員" : "");
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_MEMBERS);
        for (guint i = 1; i < N_MEMBERS; i++)
          {
            int order = compare_members (item (G_LIST_MODEL (model), i - 1),
                                         item (G_LIST_MODEL (model), i), sort);

            if (descending ? order < 0 : order > 0)
              g_error ("order %d%s wrong at %u", sort, descending ? " descending" : "", i);
          }
      }
}

typedef struct {
  guint calls, position, removed, added;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Change     *change)
{
  change->calls++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

static gboolean
changed_once (gpointer data)
{
  return ((Change *) data)->calls > 0;
}

static void
wait_change (Change  *change,
             guint    position,
             guint    removed,
             guint    added)
{
  TS_TEST_WAIT_FOR (changed_once, change);
  g_assert_cmpuint (change->calls, ==, 1);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  *change = (Change) { 0 };
}

/* A write is announced from the first row that differs among those read,
 * and no further when the number of rows stays. */
static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TsMemberModel) model = ts_member_model_new (fixture->db.repository);
  TsRepository *repository = fixture->db.repository;
  g_autoptr(TsMember) edited = NULL;
  g_autoptr(TsMember) added = NULL;
  g_autoptr(TsEvent) later = NULL;
  g_autofree char *reading = NULL;
  Change change = { 0 };
  TsMember *third;

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &change);
  third = item (G_LIST_MODEL (model), 3);
  item (G_LIST_MODEL (model), 420);

  /* Same place in the order, new organization: that row only. */
  edited = ts_repository_get_member (repository, third->id, NULL);
  g_object_set (edited, "organization", "新しい所属", NULL);
  g_assert_true (ts_repository_save_member (repository, edited, NULL));
  wait_change (&change, 3, 1, 1);
  g_assert_cmpstr (item (G_LIST_MODEL (model), 3)->organization, ==, "新しい所属");

  /* A new member right after the third: rows from there on move. */
  reading = g_strconcat (item (G_LIST_MODEL (model), 3)->family_reading, "あ", NULL);
  added = ts_test_add_member (repository, "family-name", "新入", "family-reading", reading, NULL);
  wait_change (&change, 4, N_MEMBERS - 4, N_MEMBERS + 1 - 4);
  g_assert_cmpint (item (G_LIST_MODEL (model), 4)->id, ==, added->id);
  g_assert_cmpuint (ts_member_model_get_total (model), ==, N_MEMBERS + 1);

  /* Attendance changes a row's figures. */
  later = ts_test_add_event (repository, "chapter-id", fixture->chapter_id, "starts-at", "2017-09-28T19:00", NULL);
  ts_test_attend (repository, later->id, item (G_LIST_MODEL (model), 2)->id, TS_ATTENDANCE_STATUS_WALK_IN);
  wait_change (&change, 2, 1, 1);

  /* A deleted member leaves. */
  g_assert_true (ts_repository_delete (repository, "member", added->id, NULL));
  wait_change (&change, 4, N_MEMBERS + 1 - 4, N_MEMBERS - 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_MEMBERS);
  g_signal_handlers_disconnect_by_data (model, &change);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/member-model/windows", Fixture, NULL, fixture_set_up, test_reads_windows,
              fixture_tear_down);
  g_test_add ("/member-model/search", Fixture, NULL, fixture_set_up, test_search,
              fixture_tear_down);
  g_test_add ("/member-model/sort", Fixture, NULL, fixture_set_up, test_sort,
              fixture_tear_down);
  g_test_add ("/member-model/follows-changes", Fixture, NULL, fixture_set_up,
              test_follows_changes, fixture_tear_down);
  return g_test_run ();
}
