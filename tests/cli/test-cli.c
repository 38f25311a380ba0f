/* test-cli.c: tsudoi-cli end to end, as a person at a terminal would use it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>

#include "ts-test-support.h"

/* Runs tsudoi-cli with @args (NULL-terminated) and an optional locale. */
static void
run_cli (TsTestRun   *run,
         const char  *locale,
         const char  *first,
         ...)
{
  g_auto(GStrv) env = ts_test_cli_environ (locale);
  va_list args;

  ts_test_run_clear (run);
  va_start (args, first);
  run->status = ts_test_run_cli_valist (env, NULL, &run->out, &run->err, first, args);
  va_end (args);
}

static char *
first_line (const char *text)
{
  return g_strstrip (g_strndup (text, strcspn (text, "\n")));
}

static void
test_end_to_end (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (dir, "e2e.db", NULL);
  g_autofree char *chapter = NULL, *event = NULL, *m1 = NULL, *m2 = NULL, *m3 = NULL;
  TsTestRun run = { 0 };

  run_cli (&run, NULL, "init", "--database", db, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "32 chapters"));

  run_cli (&run, NULL, "chapter", "add", "--database", db, "--name", "蒲田医介塾",
           "--reading", "かまたいかいじゅく", "--region", "東京都",
           "--schedule", "毎月第4木曜 19:00", NULL);
  g_assert_cmpint (run.status, ==, 0);
  chapter = first_line (run.out);

  run_cli (&run, NULL, "event", "add", "-d", db, "--chapter", chapter,
           "--date", "2017-08-24T19:00", "--end", "2017-08-24T21:00",
           "--venue", "居酒屋 つどい", "--fee", "4000", NULL);
  g_assert_cmpint (run.status, ==, 0);
  event = first_line (run.out);

  run_cli (&run, NULL, "member", "add", "-d", db, "--name", "渡辺 裕子",
           "--reading", "わたなべ ゆうこ", "--organization", "さくら訪問看護ステーション",
           "--profession", "看護師", NULL);
  m1 = first_line (run.out);
  run_cli (&run, NULL, "member", "add", "-d", db, "--name", "和田　誠",
           "--reading", "ワダ マコト", "--organization", "城南クリニック", NULL);
  m2 = first_line (run.out);
  run_cli (&run, NULL, "member", "add", "-d", db, "--family", "後藤", "--given", "健一",
           "--family-reading", "ｺﾞﾄｳ", "--given-reading", "ｹﾝｲﾁ", "--email", "goto@example.jp",
           NULL);
  m3 = first_line (run.out);
  g_assert_cmpint (run.status, ==, 0);

  run_cli (&run, NULL, "attend", "-d", db, "--event", event, "--member", m1, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "attend", "-d", db, "--event", event, "--member", m2,
           "--status", "attended", NULL);
  run_cli (&run, NULL, "attend", "-d", db, "--event", event, "--member", m3,
           "--status", "walk-in", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* 五十音順: ごとう, わだ, わたなべ. */
  run_cli (&run, NULL, "members", "-d", db, "--format", "csv", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    const char *goto_ = strstr (run.out, "後藤");
    const char *wada = strstr (run.out, "和田");
    const char *watanabe = strstr (run.out, "渡辺");

    g_assert_true (g_str_has_prefix (run.out, "ID,Name,Reading,"));
    g_assert_true (goto_ && wada && watanabe && goto_ < wada && wada < watanabe);
  }

  run_cli (&run, NULL, "members", "-d", db, "--search", "ﾜﾀﾅﾍﾞ", NULL);
  g_assert_nonnull (strstr (run.out, "渡辺"));
  g_assert_null (strstr (run.out, "和田"));

  run_cli (&run, NULL, "events", "-d", db, "--chapter", chapter, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Thu, 24 August 2017, 19:00–21:00"));

  run_cli (&run, "ja_JP.UTF-8", "events", "-d", db, "--chapter", chapter, NULL);
  g_assert_nonnull (strstr (run.out, "2017年8月24日(木) 19:00〜21:00"));
  g_assert_nonnull (strstr (run.out, "予定"));

  run_cli (&run, NULL, "check", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 0);

  ts_test_run_clear (&run);
  ts_test_remove_dir (dir);
}

static void
test_errors_change_nothing (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (dir, "err.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) garbage_before = NULL, garbage_after = NULL;
  TsTestRun run = { 0 };

  run_cli (&run, NULL, "init", "-d", db, NULL);
  before = ts_test_dump_database (db);

  /* Usage errors: 2, one line, nothing written. */
  run_cli (&run, NULL, "member", "add", "-d", db, "--name", "山田 太郎", "--reading", "山田", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "kana"));
  run_cli (&run, NULL, "event", "add", "-d", db, "--chapter", "1", "--date", "2017-02-30T19:00", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "2017-02-30T19:00"));
  /* A date with more after it is not a date. */
  run_cli (&run, NULL, "event", "add", "-d", db, "--chapter", "1", "--date", "2017-08-24T19:00xyz", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "2017-08-24T19:00xyz"));
  run_cli (&run, NULL, "event", "add", "-d", db, "--chapter", "1", "--date", "2017-08-24 garbage", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "event", "add", "-d", db, "--chapter", "1", "--date", "2017-08-24T19:00",
           "--end", "2017-08-24T21:00 garbage", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "sample", "-d", db, "--until", "2017-08xyz", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "attend", "-d", db, "--event", "1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "members", "-d", db, "--format", "xml", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* Failures: 1. */
  run_cli (&run, NULL, "event", "add", "-d", db, "--chapter", "999", "--date", "2017-08-24T19:00", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "does not exist"));
  run_cli (&run, NULL, "attend", "-d", db, "--event", "5", "--member", "6", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (strlen (run.err), >, 0);

  after = ts_test_dump_database (db);
  g_assert_cmpstr (before, ==, after);

  /* A listing never creates a database that is not there. */
  run_cli (&run, NULL, "members", "-d", missing, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Garbage is refused and left as it was. */
  g_assert_true (g_file_set_contents (garbage, "\x89PNG\r\n\x1a\n not a database at all", -1, NULL));
  garbage_before = ts_test_read_file (garbage);
  run_cli (&run, NULL, "check", "-d", garbage, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "not a Tsudoi database"));
  garbage_after = ts_test_read_file (garbage);
  g_assert_true (g_bytes_equal (garbage_before, garbage_after));

  ts_test_run_clear (&run);
  ts_test_remove_dir (dir);
}

static TsMember *
read_member (const char *dir,
             gint64      id)
{
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "edit.db");

  return ts_repository_get_member (repository, id, NULL);
}

/* member add takes the job title and the wish; member edit changes the
 * fields given and leaves the others; a wrong number changes nothing. */
static void
test_member_edit (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (dir, "edit.db", NULL);
  g_autofree char *id = NULL;
  g_autoptr(TsMember) member = NULL;
  TsTestRun run = { 0 };

  run_cli (&run, NULL, "init", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "member", "add", "-d", db, "--name", "高崎 健一", "--job-title", "主任",
           "--wish", "認知症カフェを開きます", "--organization", "つどい病院", NULL);
  g_assert_cmpint (run.status, ==, 0);
  id = first_line (run.out);
  run_cli (&run, NULL, "member", "edit", "-d", db, id, "--job-title", "課長",
           "--introduction", "在宅医療をしています", NULL);
  g_assert_cmpint (run.status, ==, 0);
  member = read_member (dir, g_ascii_strtoll (id, NULL, 10));
  g_assert_cmpstr (member->job_title, ==, "課長");
  g_assert_cmpstr (member->introduction, ==, "在宅医療をしています");
  g_assert_cmpstr (member->wish, ==, "認知症カフェを開きます");
  g_assert_cmpstr (member->organization, ==, "つどい病院");
  g_assert_cmpstr (member->family_name, ==, "高崎");

  run_cli (&run, NULL, "member", "edit", "-d", db, "999", "--wish", "x", NULL);
  g_assert_cmpint (run.status, ==, 1);
  run_cli (&run, NULL, "member", "edit", "-d", db, id, "--consent", "maybe", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, NULL, "member", "edit", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_clear_object (&member);
  member = read_member (dir, g_ascii_strtoll (id, NULL, 10));
  g_assert_cmpint (member->consent, ==, TS_CONSENT_FULL);
  g_assert_cmpstr (member->wish, ==, "認知症カフェを開きます");
  ts_test_run_clear (&run);
  ts_test_remove_dir (dir);
}

static void
test_help_is_translated (void)
{
  TsTestRun run = { 0 };

  run_cli (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "member add"));
  run_cli (&run, "ja_JP.UTF-8", "member", "add", "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "メンバーを追加します。"));
  g_assert_nonnull (strstr (run.out, "--reading"));
  ts_test_run_clear (&run);
}

static void
test_sample (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (dir, "sample.db", NULL);
  TsTestRun run = { 0 };

  run_cli (&run, NULL, "sample", "-d", db, "--members", "60", "--until", "2017-08", NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, NULL, "members", "-d", db, "--format", "csv", NULL);
  /* A header and 60 members. */
  {
    g_auto(GStrv) lines = g_strsplit (run.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 62);
  }
  run_cli (&run, NULL, "sample", "-d", db, "--until", "2017-13", NULL);
  g_assert_cmpint (run.status, ==, 2);
  ts_test_run_clear (&run);
  ts_test_remove_dir (dir);
}

/* A name made to retitle the terminal, with CR LF and a right-to-left
 * override, typed at the command line and in a CSV file: stored clean,
 * and nothing printed carries an ESC. */
static void
test_control_characters (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *db = g_build_filename (dir, "ctl.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "ctl.csv", NULL);
  g_autofree char *id = NULL;
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsMember) typed = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  TsTestRun run = { 0 };

  run_cli (&run, NULL, "init", "-d", db, NULL);
  run_cli (&run, NULL, "member", "add", "-d", db,
           "--family", "\x1b]0;pwned\x07\x1b[2J山田", "--given", "太郎\r\n",
           "--reading", "やまだ たろう", "--organization", "\u202eンクリニック",
           "--introduction", "一行目\r\n二行目\x1b[5m", NULL);
  g_assert_cmpint (run.status, ==, 0);
  id = first_line (run.out);

  /* Among other people: a file mostly of control characters is refused
   * as not text before anything else. */
  g_assert_true (g_file_set_contents (csv,
    "姓,名,よみがな,所属,自己紹介\r\n"
    "\"\x1b[31m佐藤\",\"花子\r\n\",さとう はなこ,\"\u202e院病A\",\"訪問看護\r\nです\x1b[0m\"\r\n"
    "田中,一,たなか はじめ,たなか薬局,薬剤師をしています。\r\n"
    "中村,健,なかむら けん,なかむら整骨院,柔道整復師をしています。\r\n"
    "小林,優子,こばやし ゆうこ,こばやし訪問看護ステーション,看護師をしています。\r\n"
    "加藤,誠,かとう まこと,かとう介護センター,ケアマネジャーをしています。\r\n"
    "吉田,恵,よしだ めぐみ,よしだ歯科,歯科衛生士をしています。\r\n",
    -1, NULL));
  run_cli (&run, NULL, "import", "members", "-d", db, csv, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strchr (run.out, '\x1b'));

  run_cli (&run, NULL, "members", "-d", db, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strchr (run.out, '\x1b'));
  g_assert_null (strstr (run.out, "\u202e"));
  g_assert_nonnull (strstr (run.out, "]0;pwned[2J山田"));
  run_cli (&run, NULL, "members", "-d", db, "--format", "csv", NULL);
  g_assert_null (strchr (run.out, '\x1b'));

  repository = ts_test_open_repository (dir, "ctl.db");
  typed = ts_repository_get_member (repository, g_ascii_strtoll (id, NULL, 10), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (typed->family_name, ==, "]0;pwned[2J山田");
  g_assert_cmpstr (typed->given_name, ==, "太郎");
  g_assert_cmpstr (typed->organization, ==, "ンクリニック");
  g_assert_cmpstr (typed->introduction, ==, "一行目\n二行目[5m");
  found = ts_repository_list_members (repository, "さとう", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  {
    g_autoptr(TsMember) imported = g_list_model_get_item (found, 0);
    g_autoptr(TsMember) full = ts_repository_get_member (repository, imported->id, &error);

    g_assert_cmpstr (full->family_name, ==, "[31m佐藤");
    g_assert_cmpstr (full->given_name, ==, "花子");
    g_assert_cmpstr (full->organization, ==, "院病A");
    g_assert_cmpstr (full->introduction, ==, "訪問看護\nです[0m");
  }
  g_clear_object (&repository);
  ts_test_run_clear (&run);
  ts_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/end-to-end", test_end_to_end);
  g_test_add_func ("/cli/errors-change-nothing", test_errors_change_nothing);
  g_test_add_func ("/cli/help", test_help_is_translated);
  g_test_add_func ("/cli/member-edit", test_member_edit);
  g_test_add_func ("/cli/sample", test_sample);
  g_test_add_func ("/cli/control-characters", test_control_characters);
  return g_test_run ();
}
