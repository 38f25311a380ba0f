/* ts-bench-print.c: how fast tsudoi-cli writes cards and rosters.
 *
 * Builds a database with one event of N attendees (realistic names,
 * organizations and introductions), then times the whole tsudoi-cli
 * process under /usr/bin/time -v and reports wall time and peak memory.
 *
 *   bench/ts-bench-print --cli _build/src/cli/tsudoi-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-bench"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ts-repository.h"

static const char * const families[] = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "長谷川", "勅使河原" };
static const char * const family_readings[] = { "さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ", "やまもと", "なかむら", "こばやし", "かとう", "はせがわ", "てしがわら" };
static const char * const givens[] = { "陽翔", "結衣", "健", "さくら", "大輝", "誠", "美智子", "翔" };
static const char * const given_readings[] = { "はると", "ゆい", "けん", "さくら", "だいき", "まこと", "みちこ", "しょう" };
static const char * const professions[] = { "看護師", "介護福祉士", "介護支援専門員（ケアマネジャー）", "医師", "薬剤師", "理学療法士", "社会福祉士", "弁護士" };

static gint64
build_database (const char *path,
                guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = ts_database_open (path, &error);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(TsChapter) chapter = ts_chapter_new ();
  g_autoptr(TsEvent) event = ts_event_new ();

  if (database == NULL)
    g_error ("%s", error->message);
  repository = ts_repository_new (database);
  ts_database_begin (database, NULL);
  g_object_set (chapter, "name", "計測医介塾", "reading", "けいそくいかいじゅく", "region", "関東", NULL);
  ts_repository_save_chapter (repository, chapter, &error);
  g_object_set (event, "chapter-id", chapter->id, "title", "第1回 計測の会",
                "starts-at", "2017-08-24T19:00", "venue", "大ホール", "status", TS_EVENT_STATUS_PLANNED, NULL);
  ts_repository_save_event (repository, event, &error);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsMember) member = ts_member_new ();
      g_autoptr(TsAttendance) attendance = NULL;
      g_autofree char *given = g_strdup_printf ("%s%u", givens[i % 8], i);
      g_autofree char *organization = g_strdup_printf ("医療法人社団つどい会 第%u訪問看護ステーション", i % 97);
      g_autofree char *introduction = g_strdup_printf (
        "地域で在宅医療と介護の連携に取り組んでいます。\n退院前カンファレンスや多職種の勉強会にも参加しています。"
        "最近は認知症の方のご家族向けの相談会を開いています。お気軽にお声がけください。(%u)", i);

      g_object_set (member, "family-name", families[i % 12], "given-name", given,
                    "family-reading", family_readings[i % 12], "given-reading", given_readings[i % 8],
                    "organization", organization, "profession", professions[i % 8],
                    "introduction", introduction, "email", "someone@example.jp",
                    "consent", i % 20 == 0 ? TS_CONSENT_NONE : TS_CONSENT_FULL, NULL);
      if (!ts_repository_save_member (repository, member, &error))
        g_error ("%s", error->message);
      attendance = ts_repository_set_attendance (repository, event->id, member->id, TS_ATTENDANCE_STATUS_REGISTERED, &error);
      if (attendance == NULL)
        g_error ("%s", error->message);
    }
  ts_database_commit (database, NULL);
  return event->id;
}

/* Runs the command under /usr/bin/time -v; returns seconds and KiB. */
static void
run_timed (const char *cli,
           const char *database,
           const char *command,
           gint64      event_id,
           const char *output,
           double     *seconds,
           double     *cpu_seconds,
           long       *max_rss_kib)
{
  g_autofree char *event = g_strdup_printf ("%" G_GINT64_FORMAT, event_id);
  const char *argv[] = { "/usr/bin/time", "-v", cli, command, "--database", database,
                         "--event", event, "-o", output, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  const char *rss;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, &error))
    g_error ("%s", error->message);
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", command, err);
  rss = strstr (err, "Maximum resident set size (kbytes): ");
  *max_rss_kib = rss ? atol (rss + strlen ("Maximum resident set size (kbytes): ")) : -1;
  *cpu_seconds = 0;
  for (const char *key = "User time (seconds): "; key != NULL;
       key = g_str_equal (key, "User time (seconds): ") ? "System time (seconds): " : NULL)
    {
      const char *at = strstr (err, key);

      if (at != NULL)
        *cpu_seconds += g_ascii_strtod (at + strlen (key), NULL);
    }
}

int
main (int    argc,
      char **argv)
{
  const char *cli = "tsudoi-cli";
  const guint sizes[] = { 1000, 5000 };
  g_autofree char *dir = g_dir_make_tmp ("tsudoi-bench-XXXXXX", NULL);

  /* --make-database FILE N: only build the database, for profiling. */
  if (argc > 3 && g_str_equal (argv[1], "--make-database"))
    {
      printf ("%" G_GINT64_FORMAT "\n", build_database (argv[2], atoi (argv[3])));
      return 0;
    }
  if (argc > 2 && g_str_equal (argv[1], "--cli"))
    cli = argv[2];
  g_setenv ("LC_ALL", "ja_JP.UTF-8", TRUE);
  printf ("%-8s %6s %9s %9s %12s\n", "command", "people", "seconds", "CPU s", "max RSS MiB");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *database = g_strdup_printf ("%s/bench-%u.db", dir, sizes[s]);
      gint64 event_id = build_database (database, sizes[s]);
      const char *commands[] = { "cards", "roster" };

      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        {
          g_autofree char *output = g_strdup_printf ("%s/%s-%u.pdf", dir, commands[c], sizes[s]);
          double best = G_MAXDOUBLE, best_cpu = G_MAXDOUBLE, seconds, cpu;
          long rss = 0, run_rss;

          /* Best of three: the machine is shared. */
          for (int run = 0; run < 3; run++)
            {
              run_timed (cli, database, commands[c], event_id, output, &seconds, &cpu, &run_rss);
              best = MIN (best, seconds);
              best_cpu = MIN (best_cpu, cpu);
              rss = MAX (rss, run_rss);
            }
          printf ("%-8s %6u %9.3f %9.2f %12.1f\n", commands[c], sizes[s], best, best_cpu, rss / 1024.0);
          g_unlink (output);
        }
      g_unlink (database);
    }
  g_rmdir (dir);
  return 0;
}
