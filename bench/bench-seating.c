/* bench-seating.c: how well the seating planner mixes people, against
 * people dealt to the same tables at random.
 *
 * Two events, each planned and dealt at random with seeds 1…S:
 *  - the largest event of the sample data (ts-sample.c, 150 members,
 *    until 2017-08), at tables of about six;
 *  - a made-up meeting of N people (40 by default) as a 医介塾 evening
 *    has them: a hospital that sends six, offices that send two to four,
 *    people on their own; a quarter regulars from six earlier meetings,
 *    some first-timers, one organizer; at tables of about eight.
 * For each: people of one organization who share a table (beyond the
 * first; and the fewest any plan could have), distinct professions per
 * table (mean over tables, and the least mixed table), first-timers at a
 * table without a regular or organizer, and the time a plan takes.
 *
 *   bench-seating [--people 40] [--seeds 20] [--long-names] [--keep FILE]
 *
 * --keep writes the made-up meeting to FILE (event 7 of chapter 1), for
 * looking at its printouts with tsudoi-cli seating.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-bench"

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>

#include "ts-database.h"
#include "ts-sample.h"
#include "ts-seating-guests.h"

static int n_people = 40, n_seeds = 20;
static gboolean long_names = FALSE;
static char *keep_path = NULL;

typedef struct { const char *name; const char *professions[6]; } Office;

/* Forty people of a meeting in 大田区, office by office. */
static const Office offices[] = {
  { "総合病院", { "看護師", "看護師", "医師", "医療ソーシャルワーカー", "理学療法士", "薬剤師" } },
  { "訪問看護ステーション", { "看護師", "看護師", "看護師", "理学療法士" } },
  { "居宅介護支援事業所", { "介護支援専門員", "介護支援専門員", "介護支援専門員", "介護支援専門員" } },
  { "デイサービス", { "介護福祉士", "介護福祉士", "社会福祉士" } },
  { "地域包括支援センター", { "社会福祉士", "社会福祉士", "介護支援専門員" } },
  { "クリニック", { "医師", "看護師", "看護師" } },
  { "訪問介護", { "訪問介護員", "訪問介護員", "訪問介護員" } },
  { "薬局", { "薬剤師", "薬剤師" } },
  { "消防署", { "救急救命士", "救急救命士" } },
  { "法律事務所", { "弁護士", "司法書士" } },
  { "福祉用具", { "福祉用具専門相談員", "福祉用具専門相談員" } },
  { "区役所 高齢福祉課", { "行政職員", "行政職員" } },
  { "歯科医院", { "歯科医師", "歯科衛生士" } },
  { "看護大学", { "学生", "学生" } },
};
static const char * const areas[] = { "大田", "品川", "目黒", "世田谷", "川崎" };
static const struct { const char *name, *reading; } families[] = {
  { "佐藤", "さとう" }, { "鈴木", "すずき" }, { "高橋", "たかはし" }, { "田中", "たなか" },
  { "伊藤", "いとう" }, { "渡辺", "わたなべ" }, { "山本", "やまもと" }, { "中村", "なかむら" },
  { "小林", "こばやし" }, { "加藤", "かとう" }, { "吉田", "よしだ" }, { "山田", "やまだ" },
}, givens[] = {
  { "太郎", "たろう" }, { "花子", "はなこ" }, { "健", "けん" }, { "直子", "なおこ" },
  { "亮", "りょう" }, { "美穂", "みほ" }, { "誠", "まこと" }, { "彩", "あや" },
}, long_families[] = {
  { "勘解由小路", "かでのこうじ" }, { "左衛門三郎", "さえもんさぶろう" },
}, long_givens[] = {
  { "寿限無太郎左衛門", "じゅげむたろうざえもん" }, { "Alexandra-Catherine", "あれくさんどら" },
};

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static gint64
add_event (TsRepository *repository,
           gint64        chapter_id,
           const char   *starts_at,
           TsEventStatus status)
{
  g_autoptr(TsEvent) event = ts_event_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (event, "chapter-id", chapter_id, "title", "大田医介塾 例会", "starts-at", starts_at,
                "venue", "居酒屋 つどい", "status", status, NULL);
  check (ts_repository_save_event (repository, event, &error), error);
  return event->id;
}

static gint64
add_member (TsRepository *repository,
            GRand        *rand,
            guint         index,
            const char   *organization,
            const char   *profession)
{
  g_autoptr(TsMember) member = ts_member_new ();
  g_autoptr(GError) error = NULL;
  gboolean is_long = long_names && index % 17 == 3;
  guint f = g_rand_int_range (rand, 0, G_N_ELEMENTS (families));
  guint g = g_rand_int_range (rand, 0, G_N_ELEMENTS (givens));
  double consent = g_rand_double (rand);

  g_object_set (member,
                "family-name", is_long ? long_families[index % 2].name : families[f].name,
                "family-reading", is_long ? long_families[index % 2].reading : families[f].reading,
                "given-name", is_long ? long_givens[index % 2].name : givens[g].name,
                "given-reading", is_long ? long_givens[index % 2].reading : givens[g].reading,
                "organization", organization, "profession", profession,
                "consent", consent < 0.85 ? TS_CONSENT_FULL
                           : consent < 0.95 ? TS_CONSENT_NAME_ORGANIZATION : TS_CONSENT_NONE,
                NULL);
  check (ts_repository_save_member (repository, member, &error), error);
  return member->id;
}

/* The meeting of @n people, event 7, after six held ones. */
static gint64
make_meeting (TsRepository *repository,
              guint         n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2012);
  g_autoptr(TsChapter) chapter = ts_chapter_new ();
  g_autoptr(GError) error = NULL;
  gint64 past[6], event_id;
  guint made = 0;

  g_object_set (chapter, "name", "大田医介塾", "reading", "おおたいかいじゅく", "region", "東京都", NULL);
  check (ts_repository_save_chapter (repository, chapter, &error), error);
  for (guint m = 0; m < 6; m++)
    {
      g_autofree char *date = g_strdup_printf ("2026-%02u-19T19:00", m + 6);

      past[m] = add_event (repository, chapter->id, date, TS_EVENT_STATUS_HELD);
    }
  event_id = add_event (repository, chapter->id, "2026-12-17T19:00", TS_EVENT_STATUS_PLANNED);
  for (guint a = 0; made < n; a++)
    for (guint o = 0; o < G_N_ELEMENTS (offices) && made < n; o++)
      for (guint p = 0; p < G_N_ELEMENTS (offices[o].professions) &&
                        offices[o].professions[p] != NULL && made < n; p++)
        {
          g_autofree char *organization = g_strconcat (areas[a % G_N_ELEMENTS (areas)],
                                                       offices[o].name, NULL);
          gint64 id = add_member (repository, rand, made, organization, offices[o].professions[p]);
          double habit = g_rand_double (rand);
          g_autoptr(TsAttendance) attendance = NULL;

          /* A quarter regulars, a sixth first-timers, the rest now and then. */
          for (guint m = 0; m < 6 && habit >= 0.17; m++)
            if (g_rand_double (rand) < (habit < 0.42 ? 0.9 : 0.2))
              {
                g_autoptr(TsAttendance) earlier = ts_repository_set_attendance (
                  repository, past[m], id, TS_ATTENDANCE_STATUS_ATTENDED, &error);

                check (earlier != NULL, error);
              }
          attendance = ts_repository_set_attendance (repository, event_id, id,
                                                     TS_ATTENDANCE_STATUS_REGISTERED, &error);
          check (attendance != NULL, error);
          if (made == 0)
            {
              attendance->role = TS_ATTENDANCE_ROLE_ORGANIZER;
              check (ts_repository_save_attendance (repository, attendance, &error), error);
            }
          made++;
        }
  return event_id;
}

typedef struct {
  double org_repeats;
  guint  org_repeats_max;
  guint  unavoidable;
  double professions_mean;
  double professions_min;   /* mean over seeds of the least mixed table */
  guint  professions_worst; /* the least mixed table of any seed */
  double hostless;
  double seconds;
} Figures;

static void
add_quality (Figures                *figures,
             const TsSeatingQuality *quality)
{
  figures->org_repeats += quality->org_repeats;
  figures->org_repeats_max = MAX (figures->org_repeats_max, quality->org_repeats);
  figures->unavoidable = quality->org_repeats_unavoidable;
  figures->professions_mean += quality->professions_mean;
  figures->professions_min += quality->professions_min;
  figures->professions_worst = MIN (figures->professions_worst, quality->professions_min);
  figures->hostless += quality->hostless_first_timers;
}

static void
print_figures (const char    *what,
               const Figures *figures)
{
  g_print ("  %-8s  same org at a table %5.2f (max %u, unavoidable %u)  "
           "professions/table mean %4.2f, min %4.2f (worst %u)  "
           "hostless first-timers %4.2f",
           what, figures->org_repeats / n_seeds, figures->org_repeats_max, figures->unavoidable,
           figures->professions_mean / n_seeds, figures->professions_min / n_seeds,
           figures->professions_worst, figures->hostless / n_seeds);
  if (figures->seconds > 0)
    g_print ("  %.1f ms a plan", figures->seconds * 1000 / n_seeds);
  g_print ("\n");
}

static void
measure (TsRepository *repository,
         gint64        event_id,
         guint         n_tables,
         const char   *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsSeatingGuests) guests = ts_seating_guests_load (repository, event_id, &error);
  Figures plan = { .professions_worst = G_MAXUINT }, chance = { .professions_worst = G_MAXUINT };
  guint first = 0, hosts = 0;

  check (guests != NULL, error);
  for (guint i = 0; i < guests->n_guests; i++)
    {
      first += guests->people[i].first_timer;
      hosts += guests->people[i].host;
    }
  g_print ("%s: event %" G_GINT64_FORMAT ", %u people (%u first-timers, %u regulars or organizers)"
           " at %u tables, seeds 1–%d\n",
           title, event_id, guests->n_guests, first, hosts, n_tables, n_seeds);
  for (int seed = 1; seed <= n_seeds; seed++)
    {
      TsSeatingOptions options = { n_tables, 0, (guint32) seed };
      gint64 start = g_get_monotonic_time ();
      g_autofree guint *tables = ts_seating_plan (guests->people, guests->n_guests, &options, &error);
      g_autofree guint *random = NULL;
      TsSeatingQuality quality;

      plan.seconds += (g_get_monotonic_time () - start) / 1e6;
      check (tables != NULL, error);
      ts_seating_measure (guests->people, tables, guests->n_guests, n_tables, &quality);
      add_quality (&plan, &quality);
      random = ts_seating_random_plan (guests->n_guests, &options);
      ts_seating_measure (guests->people, random, guests->n_guests, n_tables, &quality);
      add_quality (&chance, &quality);
    }
  print_figures ("planned", &plan);
  print_figures ("random", &chance);
}

/* The sample event with the most people to seat. */
static gint64
largest_sample_event (TsRepository *repository,
                      guint        *n_guests)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = ts_repository_list_events (repository, 0, &error);
  gint64 best = 0;

  check (events != NULL, error);
  *n_guests = 0;
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);
      g_autoptr(TsSeatingGuests) guests = ts_seating_guests_load (repository, event->id, &error);

      check (guests != NULL, error);
      if (guests->n_guests > *n_guests || (guests->n_guests == *n_guests && event->id < best))
        {
          *n_guests = guests->n_guests;
          best = event->id;
        }
    }
  return best;
}

static TsRepository *
open_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;

  g_unlink (path);
  database = ts_database_open (path, &error);
  check (database != NULL, error);
  return ts_repository_new (database);
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People at the made-up meeting (40)", "N" },
    { "seeds", 0, 0, G_OPTION_ARG_INT, &n_seeds, "Plans per event (20)", "S" },
    { "long-names", 0, 0, G_OPTION_ARG_NONE, &long_names, "Give a few people very long names", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_path, "Write the made-up meeting to FILE", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- seating quality");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-seating-XXXXXX", NULL);
  g_autofree char *sample_path = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *meeting_path = NULL;
  TsSampleOptions sample;
  guint n_sample;
  gint64 event_id;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_people < 1 || n_seeds < 1)
    {
      g_printerr ("%s\n", error ? error->message : "--people and --seeds take a number from 1");
      return 2;
    }
  meeting_path = keep_path ? g_strdup (keep_path) : g_build_filename (dir, "meeting.db", NULL);
  {
    g_autoptr(TsRepository) repository = open_file (sample_path);

    ts_sample_options_init (&sample);
    sample.end_year = 2017;
    sample.end_month = 8;
    check (ts_sample_generate (repository, &sample, &error), error);
    event_id = largest_sample_event (repository, &n_sample);
    measure (repository, event_id, MAX ((n_sample + 5) / 6, 1), "Sample data, largest event");
  }
  {
    g_autoptr(TsRepository) repository = open_file (meeting_path);

    event_id = make_meeting (repository, (guint) n_people);
    g_print ("\n");
    measure (repository, event_id, MAX (((guint) n_people + 7) / 8, 1), "Made-up meeting");
  }
  g_unlink (sample_path);
  if (keep_path == NULL)
    g_unlink (meeting_path);
  g_rmdir (dir);
  return 0;
}
