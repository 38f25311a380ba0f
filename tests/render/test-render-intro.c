/* test-render-intro.c: the MC sheet (司会用) read back from its PDF: the
 * order people speak in, walk-ins on it, what each person allowed and no
 * more, and the announcements at the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "test-render-fixture.h"
#include "ts-render.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"

/* Latin markers in the texts make a leak easy to find in the PDF's text,
 * whatever the language of the headings. */
static const struct {
  const char *family, *given, *reading_family, *reading_given;
  const char *consent, *status, *arrived;
  const char *organization, *profession, *introduction, *wish;
} people[] = {
  { "朝日", "一郎", "あさひ", "いちろう", "full", "attended", "2017-08-24T19:10:00",
    "ORGASAHI", "PROFASAHI", "INTROASAHI 訪問看護をしています。", "WISHASAHI 勉強会を開きます。" },
  { "秘密", "二郎", "ひみつ", "じろう", "none", "attended", "2017-08-24T19:05:00",
    "ORGSECRET", "PROFSECRET", "INTROSECRET", "WISHSECRET" },
  { "中間", "三郎", "なかま", "さぶろう", "name-organization", "walk-in", "2017-08-24T19:20:00",
    "ORGMIDDLE", "PROFMIDDLE", "INTROMIDDLE", "WISHMIDDLE" },
  { "遅刻", "四郎", "ちこく", "しろう", "full", "registered", NULL,
    "ORGLATE", "PROFLATE", "INTROLATE", NULL },
  { "早瀬", "五郎", "はやせ", "ごろう", "full", "walk-in", "2017-08-24T19:01:00",
    "ORGEARLY", "PROFEARLY", "INTROEARLY", "WISHEARLY" },
};

/* In order of arrival, who has not arrived last. */
static const char * const checkin_order[] = {
  "早瀬五郎", "秘密二郎", "朝日一郎", "中間三郎", "遅刻四郎",
};

typedef struct {
  char         *dir;
  TsRepository *repository;
  gint64        event_id;
} Fixture;

static void
set_arrival (TsRepository *repository,
             gint64        event_id,
             gint64        member_id,
             const char   *arrived)
{
  g_autoptr(GListModel) list = ts_repository_list_attendance (repository, event_id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);
      g_autoptr(GError) error = NULL;

      if (attendance->member_id != member_id)
        continue;
      g_free (attendance->checked_in_at);
      attendance->checked_in_at = g_strdup (arrived ? arrived : "");
      g_assert_true (ts_repository_save_attendance (repository, attendance, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "intro.db");
  fixture->event_id = test_fixture_event (fixture->repository, "第1回 自己紹介の会");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(TsMember) member =
        ts_test_add_member (fixture->repository, "family-name", people[i].family,
                            "given-name", people[i].given,
                            "family-reading", people[i].reading_family,
                            "given-reading", people[i].reading_given,
                            "organization", people[i].organization,
                            "profession", people[i].profession,
                            "introduction", people[i].introduction,
                            "wish", people[i].wish,
                            "consent", ts_enum_parse_nick (TS_TYPE_CONSENT, people[i].consent),
                            NULL);

      ts_test_attend (fixture->repository, fixture->event_id, member->id,
                      ts_enum_parse_nick (TS_TYPE_ATTENDANCE_STATUS, people[i].status));
      set_arrival (fixture->repository, fixture->event_id, member->id, people[i].arrived);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The sheet's text, without the furigana and the small tags (under
 * 10.5 pt): names, professions, organizations, introductions, wishes. */
static char *
sheet_text (Fixture     *fixture,
            TsPrintSort  sort,
            const char  *name)
{
  TsPrintOptions options;
  g_autofree char *path = NULL;
  guint n_pages;

  ts_print_options_init (&options, TS_PRINT_INTRO_SHEET);
  options.sort = sort;
  path = test_fixture_write_pdf (fixture->repository, fixture->event_id, &options,
                                 fixture->dir, name, NULL);
  return ts_test_pdf_text (path, 10.5, &n_pages);
}

/* What the table planner stores: the table of each person (family
 * name), 0 for not seated. */
static void
seat (Fixture    *fixture,
      const char *family,
      guint       table)
{
  TsDatabase *database = ts_repository_get_database (fixture->repository);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (database,
    "UPDATE attendance SET seat_table = ?1 WHERE event_id = ?2"
    "  AND member_id = (SELECT id FROM member WHERE family_name = ?3)", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, table);
  sqlite3_bind_int64 (stmt, 2, fixture->event_id);
  sqlite3_bind_text (stmt, 3, family, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (ts_database_get_handle (database)), ==, 1);
}

/* Where the list of announcements starts: after the last person's
 * block, whose introduction is the last one printed. */
static const char *
announcements (const char *text)
{
  const char *late = strstr (text, "INTROLATE");

  g_assert_nonnull (late);
  return late + strlen ("INTROLATE");
}

static void
assert_in_order (const char         *text,
                 const char * const *names,
                 guint               n)
{
  const char *at = text;

  for (guint i = 0; i < n; i++)
    {
      const char *found = strstr (at, names[i]);

      if (found == NULL)
        g_error ("%s is missing or out of order in: %s", names[i], text);
      at = found + strlen (names[i]);
    }
}

/* Everyone who is coming, walk-ins too, as they came in; whoever has
 * not arrived last. With nobody seated, table order is the same. */
static void
test_intro_order (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *by_arrival = sheet_text (fixture, TS_PRINT_SORT_CHECK_IN, "arrival.pdf");
  g_autofree char *by_table = sheet_text (fixture, TS_PRINT_SORT_TABLE, "table.pdf");

  assert_in_order (by_arrival, checkin_order, G_N_ELEMENTS (checkin_order));
  assert_in_order (by_table, checkin_order, G_N_ELEMENTS (checkin_order));
  g_assert_true (strstr (by_arrival, "遅刻四郎") < announcements (by_arrival));
}

/* Seated people table by table, each table in order of arrival, under
 * its heading; the unseated last. In arrival order the tables are only
 * tags, and the order is the arrival's. */
static void
test_intro_tables (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *by_table = NULL;
  g_autofree char *by_arrival = NULL;
  g_autofree char *table_1 = g_strdup_printf (_("Table %u"), 1);
  g_autofree char *table_2 = g_strdup_printf (_("Table %u"), 2);
  g_auto(GStrv) heading_1 = g_strsplit (table_1, " ", -1);
  g_auto(GStrv) heading_2 = g_strsplit (table_2, " ", -1);
  g_autofree char *plain_1 = g_strjoinv ("", heading_1);
  g_autofree char *plain_2 = g_strjoinv ("", heading_2);
  const char * const expected[] = {
    plain_1, "秘密二郎", "中間三郎", plain_2, "早瀬五郎", "朝日一郎",
    C_("intro sheet", "Not seated yet"), "遅刻四郎",
  };

  seat (fixture, "朝日", 2);
  seat (fixture, "秘密", 1);
  seat (fixture, "早瀬", 2);
  seat (fixture, "中間", 1);
  by_table = sheet_text (fixture, TS_PRINT_SORT_TABLE, "tables.pdf");
  assert_in_order (by_table, expected, G_N_ELEMENTS (expected));
  by_arrival = sheet_text (fixture, TS_PRINT_SORT_CHECK_IN, "tables-arrival.pdf");
  assert_in_order (by_arrival, checkin_order, G_N_ELEMENTS (checkin_order));
  g_assert_null (strstr (by_arrival, plain_1));
}

/* The sheet is read aloud: consent none is the name only, name and
 * organization is only those. */
static void
test_intro_consent (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *text = sheet_text (fixture, TS_PRINT_SORT_CHECK_IN, "consent.pdf");
  const char * const never[] = {
    "ORGSECRET", "PROFSECRET", "INTROSECRET", "WISHSECRET",
    "PROFMIDDLE", "INTROMIDDLE", "WISHMIDDLE",
  };

  g_assert_nonnull (strstr (text, "秘密二郎"));
  g_assert_nonnull (strstr (text, "中間三郎"));
  g_assert_nonnull (strstr (text, "ORGMIDDLE"));
  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    if (strstr (text, never[i]) != NULL)
      g_error ("%s printed on the MC sheet: %s", never[i], text);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (g_str_equal (people[i].consent, "full"))
      {
        g_assert_nonnull (strstr (text, people[i].organization));
        g_assert_nonnull (strstr (text, people[i].profession));
      }
}

/* Whoever has a wish is called up again after the round, in the order
 * of the round; only wishes they allowed to be shown. */
static void
test_intro_announcements (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *text = sheet_text (fixture, TS_PRINT_SORT_CHECK_IN, "announce.pdf");
  const char *end = announcements (text);
  const char * const expected[] = { "早瀬五郎", "WISHEARLY", "朝日一郎", "WISHASAHI" };

  assert_in_order (end, expected, G_N_ELEMENTS (expected));
  g_assert_null (strstr (end, "秘密二郎"));
  g_assert_null (strstr (end, "中間三郎"));
  g_assert_null (strstr (end, "遅刻四郎"));
}

/* Forty people and a long name and introduction: every name is there,
 * each once in the round, and nothing spills off its page. */
static void
test_intro_many (Fixture       *fixture,
                 gconstpointer  data)
{
  TsPrintOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TsMember) member = NULL;
  guint n_pages;

  test_fixture_add_many (fixture->repository, fixture->event_id, 40);
  member = ts_test_add_member (fixture->repository,
                               "family-name", "長谷川＝ウィリアムズ", "given-name", "アレクサンドラ・キャサリン",
                               "family-reading", "はせがわうぃりあむず", "given-reading", "あれくさんどら・きゃさりん",
                               "organization", "社会福祉法人つどい会 特別養護老人ホームつどいの里 在宅介護支援センター",
                               "profession", "介護支援専門員（ケアマネジャー）",
                               "introduction", "LONGINTRO 在宅で暮らし続けたい方とそのご家族を支えるため、医師、訪問看護師、ヘルパー、福祉用具の事業者と毎日のように連絡を取り合っています。最近は看取りまで支える事例が増え、多職種で話し合う場の大切さを感じています。休日は地域の子ども食堂を手伝っています。ENDOFINTRO",
                               NULL);
  ts_test_attend (fixture->repository, fixture->event_id, member->id,
                  TS_ATTENDANCE_STATUS_WALK_IN);
  ts_print_options_init (&options, TS_PRINT_INTRO_SHEET);
  path = test_fixture_write_pdf (fixture->repository, fixture->event_id, &options,
                                 fixture->dir, "many.pdf", NULL);
  text = ts_test_pdf_text (path, 10.5, &n_pages);
  g_assert_cmpuint (n_pages, >=, 4);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *given = g_strdup_printf ("%u号", i + 1);

      g_assert_nonnull (strstr (text, given));
    }
  g_assert_nonnull (strstr (text, "LONGINTRO"));
  g_assert_nonnull (strstr (text, "長谷川"));
}

/* Forty people at five tables: every page that goes on with a table
 * begins with its heading, marked as continued. */
static void
test_intro_tables_continued (Fixture       *fixture,
                             gconstpointer  data)
{
  TsDatabase *database = ts_repository_get_database (fixture->repository);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *continued = g_strdup_printf (C_("intro sheet", "%s (continued)"), "");
  g_auto(GStrv) table = g_strsplit (_("Table %u"), "%", 2);
  g_auto(GStrv) pages = NULL;
  guint n_continued = 0;

  test_fixture_add_many (fixture->repository, fixture->event_id, 40);
  stmt = ts_database_prepare (database,
    "UPDATE attendance SET seat_table = member_id % 5 + 1 WHERE event_id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, fixture->event_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  text = sheet_text (fixture, TS_PRINT_SORT_TABLE, "continued.pdf");
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 1; pages[i] != NULL && *pages[i] != '\0'; i++)
    {
      g_autofree char *heading = g_strdup (g_strstrip (table[0]));

      if (strstr (pages[i], heading) == NULL)
        g_error ("Page %u has no table heading: %s", i + 1, pages[i]);
      n_continued += strstr (pages[i], continued) != NULL;
    }
  g_assert_cmpuint (n_continued, >=, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  test_fixture_use_japanese ();
  g_test_add ("/render/intro/order", Fixture, NULL, fixture_set_up, test_intro_order,
              fixture_tear_down);
  g_test_add ("/render/intro/tables", Fixture, NULL, fixture_set_up, test_intro_tables,
              fixture_tear_down);
  g_test_add ("/render/intro/tables-continued", Fixture, NULL, fixture_set_up,
              test_intro_tables_continued, fixture_tear_down);
  g_test_add ("/render/intro/consent", Fixture, NULL, fixture_set_up, test_intro_consent,
              fixture_tear_down);
  g_test_add ("/render/intro/announcements", Fixture, NULL, fixture_set_up,
              test_intro_announcements, fixture_tear_down);
  g_test_add ("/render/intro/many", Fixture, NULL, fixture_set_up, test_intro_many,
              fixture_tear_down);
  return g_test_run ();
}
