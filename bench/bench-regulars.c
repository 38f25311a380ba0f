/* bench-regulars.c: how fast the regulars analytics are on a big network.
 *
 * Writes a network of 30 chapters × 10 years of monthly meetings with
 * about 40 people present at each (about 150,000 attendance rows) straight
 * into a fresh database with prepared statements in one transaction, then
 * times one chapter's analysis (grid and lists) and the whole network's
 * monthly counts.
 *
 *   bench-regulars [--chapters 30] [--years 10] [--present 40] [--runs 5] [--keep FILE]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-bench"

#include "config.h"

#include <locale.h>
#include <time.h>
#include <glib/gstdio.h>

#include "ts-database.h"
#include "ts-regulars.h"
#include "ts-repository.h"

static int n_chapters = 30, n_years = 10, n_present = 40, n_runs = 5;
static char *keep_path = NULL;

static const char *professions[] = {
  "看護師", "介護支援専門員(ケアマネジャー)", "介護福祉士", "医師", "薬剤師",
  "理学療法士", "社会福祉士", "訪問介護員(ヘルパー)", "弁護士", "福祉用具専門相談員",
};
static const char *families[] = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村" };
static const char *givens[] = { "太郎", "花子", "健", "直子", "亮", "美穂", "誠", "彩" };

static void
step (TsDatabase   *db,
      sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;

  if (!ts_database_step_done (db, stmt, &error))
    g_error ("%s", error->message);
}

static gint64
insert_chapter (TsDatabase *db,
                int         c)
{
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (db,
    "INSERT INTO chapter (uuid, name, reading, position, created_at, updated_at)"
    " VALUES (lower(hex(randomblob(16))), ?1, '', ?2, ?3, ?3)", NULL);
  g_autofree char *name = g_strdup_printf ("第%d医介塾", c + 1);

  ts_bind_text (stmt, 1, name);
  sqlite3_bind_int (stmt, 2, c);
  ts_bind_text (stmt, 3, "2026-01-01T00:00:00");
  step (db, stmt);
  return sqlite3_last_insert_rowid (ts_database_get_handle (db));
}

static gint64
insert_member (TsDatabase *db,
               GRand      *rand,
               gint64      chapter_id)
{
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (db,
    "INSERT INTO member (uuid, family_name, given_name, profession, email, home_chapter_id,"
    "  created_at, updated_at)"
    " VALUES (lower(hex(randomblob(16))), ?1, ?2, ?3, ?4, ?5, ?6, ?6)", NULL);

  ts_bind_text (stmt, 1, families[g_rand_int_range (rand, 0, G_N_ELEMENTS (families))]);
  ts_bind_text (stmt, 2, givens[g_rand_int_range (rand, 0, G_N_ELEMENTS (givens))]);
  ts_bind_text (stmt, 3, professions[g_rand_int_range (rand, 0, G_N_ELEMENTS (professions))]);
  ts_bind_text (stmt, 4, "someone@example.jp");
  sqlite3_bind_int64 (stmt, 5, chapter_id);
  ts_bind_text (stmt, 6, "2026-01-01T00:00:00");
  step (db, stmt);
  return sqlite3_last_insert_rowid (ts_database_get_handle (db));
}

static gint64
insert_event (TsDatabase *db,
              gint64      chapter_id,
              int         year,
              int         month)
{
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (db,
    "INSERT INTO event (uuid, chapter_id, title, starts_at, status, created_at, updated_at)"
    " VALUES (lower(hex(randomblob(16))), ?1, '定例会', ?2, 'held', ?3, ?3)", NULL);
  g_autofree char *starts = g_strdup_printf ("%04d-%02d-%02dT19:00", year, month,
                                             22 + (int) (chapter_id % 6));

  sqlite3_bind_int64 (stmt, 1, chapter_id);
  ts_bind_text (stmt, 2, starts);
  ts_bind_text (stmt, 3, "2026-01-01T00:00:00");
  step (db, stmt);
  return sqlite3_last_insert_rowid (ts_database_get_handle (db));
}

static void
insert_attendance (TsDatabase *db,
                   gint64      event_id,
                   gint64      member_id,
                   const char *status)
{
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (db,
    "INSERT INTO attendance (uuid, event_id, member_id, status, created_at, updated_at)"
    " VALUES (lower(hex(randomblob(16))), ?1, ?2, ?3, ?4, ?4)", NULL);

  sqlite3_bind_int64 (stmt, 1, event_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  ts_bind_text (stmt, 3, status);
  ts_bind_text (stmt, 4, "2026-01-01T00:00:00");
  step (db, stmt);
}

/* Each chapter has a pool of people, each with a chance of coming that
 * makes about n_present come to a meeting; one in fifty also visits a
 * neighbouring chapter now and then. */
static guint
generate (TsDatabase *db,
          GArray     *chapter_ids)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  int pool = n_present * 3;
  GArray **members = g_new0 (GArray *, n_chapters);
  guint rows = 0;

  if (!ts_database_begin (db, &error))
    g_error ("%s", error->message);
  for (int c = 0; c < n_chapters; c++)
    {
      gint64 id = insert_chapter (db, c);
      g_array_append_val (chapter_ids, id);
      members[c] = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (int m = 0; m < pool; m++)
        {
          gint64 member = insert_member (db, rand, id);
          g_array_append_val (members[c], member);
        }
    }
  for (int c = 0; c < n_chapters; c++)
    for (int i = 0; i < n_years * 12; i++)
      {
        gint64 event = insert_event (db, g_array_index (chapter_ids, gint64, c),
                                     2016 + i / 12, i % 12 + 1);
        for (int m = 0; m < pool; m++)
          {
            /* A third come almost always, the rest now and then. */
            double chance = m < pool / 3 ? 0.62 : 0.19;
            double draw = g_rand_double (rand);
            gint64 member = g_array_index (members[c], gint64, m);

            if (draw < chance)
              insert_attendance (db, event, member, draw < chance * 0.9 ? "attended" : "walk-in");
            else if (draw < chance + 0.02)
              insert_attendance (db, event, member, "no-show");
            else
              continue;
            rows++;
          }
        if (g_rand_double (rand) < 0.5)
          {
            /* A visitor from the next chapter. */
            GArray *next = members[(c + 1) % n_chapters];
            insert_attendance (db, event, g_array_index (next, gint64,
                                                         g_rand_int_range (rand, 0, pool)),
                               "attended");
            rows++;
          }
      }
  if (!ts_database_commit (db, &error))
    g_error ("%s", error->message);
  for (int c = 0; c < n_chapters; c++)
    g_array_unref (members[c]);
  g_free (members);
  return rows;
}

/* CPU time of this process, in ms: steadier than the wall clock on a
 * machine that others share. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
report (const char *what,
        GArray     *ms,
        GArray     *cpu)
{
  g_array_sort (ms, compare_doubles);
  g_array_sort (cpu, compare_doubles);
  g_print ("%-36s wall min %6.1f / median %6.1f / max %6.1f ms; CPU median %6.1f ms\n", what,
           g_array_index (ms, double, 0), g_array_index (ms, double, ms->len / 2),
           g_array_index (ms, double, ms->len - 1), g_array_index (cpu, double, cpu->len / 2));
}

int
main (int    argc,
      char **argv)
{
  const GOptionEntry entries[] = {
    { "chapters", 0, 0, G_OPTION_ARG_INT, &n_chapters, "Chapters (30)", "N" },
    { "years", 0, 0, G_OPTION_ARG_INT, &n_years, "Years of monthly meetings (10)", "N" },
    { "present", 0, 0, G_OPTION_ARG_INT, &n_present, "People present per meeting (40)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Timed runs (5)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep_path, "Keep the database in FILE", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL;
  g_autoptr(TsDatabase) db = NULL;
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GArray) chapters = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) chapter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) network_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) chapter_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) network_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  double cpu;
  TsRegularsOptions options;
  gint64 start;
  guint rows;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  dir = g_dir_make_tmp ("tsudoi-bench-XXXXXX", &error);
  path = keep_path ? g_strdup (keep_path) : g_build_filename (dir, "bench.db", NULL);
  g_unlink (path);
  if ((db = ts_database_open (path, &error)) == NULL)
    g_error ("%s", error->message);
  repository = ts_repository_new (db);

  start = g_get_monotonic_time ();
  rows = generate (db, chapters);
  g_print ("Generated %d chapters × %d years, %u attendance rows in %.1f s\n",
           n_chapters, n_years, rows, (g_get_monotonic_time () - start) / 1e6);

  ts_regulars_options_init (&options);
  g_strlcpy (options.today, "2026-01-01T00:00", sizeof options.today);
  options.until_year = 2016 + n_years - 1;
  options.until_month = 12;

  for (int run = 0; run < n_runs; run++)
    {
      gint64 chapter = g_array_index (chapters, gint64, n_chapters / 2);
      TsRegulars *result;
      double ms;

      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      result = ts_regulars_compute (repository, chapter, &options, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      cpu = cpu_ms () - cpu;
      g_array_append_val (chapter_cpu, cpu);
      if (result == NULL)
        g_error ("%s", error->message);
      if (run == 0)
        g_print ("One chapter: %u members, %u events, %u months\n",
                 result->n_members, result->n_events, result->n_months);
      g_array_append_val (chapter_ms, ms);
      ts_regulars_free (result);
    }
  report ("One chapter (grid + lists)", chapter_ms, chapter_cpu);

  for (int run = 0; run < n_runs; run++)
    {
      g_autoptr(TsRegularsSource) source = NULL;
      g_autoptr(GArray) ids = NULL;
      guint headcount = 0;
      double ms;

      start = g_get_monotonic_time ();
      cpu = cpu_ms ();
      source = ts_regulars_source_load (repository, 0, &error);
      if (source == NULL)
        g_error ("%s", error->message);
      ids = ts_regulars_source_chapters (source);
      for (guint c = 0; c < ids->len; c++)
        {
          g_autoptr(TsRegulars) result = ts_regulars_analyse (source,
                                                              g_array_index (ids, gint64, c),
                                                              &options);
          for (guint m = 0; m < result->n_months; m++)
            headcount += result->months[m].headcount;
        }
      ms = (g_get_monotonic_time () - start) / 1e3;
      cpu = cpu_ms () - cpu;
      g_array_append_val (network_cpu, cpu);
      if (run == 0)
        g_print ("Network: %u chapters, %u member-months present\n", ids->len, headcount);
      g_array_append_val (network_ms, ms);
    }
  report ("Whole network monthly counts", network_ms, network_cpu);

  g_clear_object (&repository);
  g_clear_object (&db);
  if (keep_path == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_unlink (path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (dir);
  return 0;
}
