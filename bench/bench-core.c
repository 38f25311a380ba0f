/* bench-core.c: how long the core takes for what the window shows first.
 *
 * usage: bench-core DATABASE   (e.g. made by `tsudoi-cli sample --members 50000`)
 * Prints the median of several runs of each operation, in milliseconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "ts-repository.h"
#include "ts-text.h"

#define RUNS 5

typedef GListModel *(*Operation) (TsRepository *repository, gpointer data);

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
measure (const char   *name,
         TsRepository *repository,
         Operation     operation,
         gpointer      data)
{
  double times[RUNS];
  guint n = 0;

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GListModel) model = operation (repository, data);

      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      n = model ? g_list_model_get_n_items (model) : 0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  printf ("%-36s %8.1f ms  (%u items)\n", name, times[RUNS / 2], n);
}

static GListModel *
all_members (TsRepository *repository, gpointer data)
{
  return ts_repository_list_members (repository, data, NULL);
}

static GListModel *
all_chapters (TsRepository *repository, gpointer data)
{
  return ts_repository_list_chapters (repository, NULL);
}

static GListModel *
all_events (TsRepository *repository, gpointer data)
{
  return ts_repository_list_events (repository, 0, NULL);
}

static GListModel *
one_event (TsRepository *repository, gpointer data)
{
  return ts_repository_list_attendance (repository, GPOINTER_TO_INT (data), NULL);
}

static GListModel *
similar_members (TsRepository *repository, gpointer data)
{
  g_autoptr(TsMember) candidate = ts_member_new ();

  g_object_set (candidate, "family-name", "山田", "given-name", "太郎",
                "family-reading", "ヤマダ", "given-reading", "タロウ",
                "organization", "さくら薬局", "email", "member00042@example.jp", NULL);
  return ts_repository_find_similar_members (repository, candidate, NULL);
}

/* What a search-as-you-type filter does per keystroke in memory: match
 * every loaded member's key. */
static void
measure_in_memory_filter (TsRepository *repository,
                          const char   *query)
{
  g_autoptr(GListModel) members = ts_repository_list_members (repository, NULL, NULL);
  g_autofree char *key = ts_text_search_key (query);
  guint n = g_list_model_get_n_items (members), hits = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (members, i);
      hits += ts_text_search_matches (member->search_key, key);
    }
  printf ("%-36s %8.1f ms  (%u of %u)\n", "filter loaded members in memory",
          (g_get_monotonic_time () - start) / 1000.0, hits, n);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;
  g_autoptr(TsRepository) repository = NULL;
  gint64 start;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DATABASE\n", argv[0]);
      return 2;
    }
  start = g_get_monotonic_time ();
  database = ts_database_open (argv[1], &error);
  if (database == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%-36s %8.1f ms\n", "open database", (g_get_monotonic_time () - start) / 1000.0);
  repository = ts_repository_new (database);

  measure ("list chapters", repository, all_chapters, NULL);
  measure ("list events", repository, all_events, NULL);
  measure ("list members", repository, all_members, NULL);
  measure ("search members (やまだ)", repository, all_members, (gpointer) "ﾔﾏﾀﾞ");
  measure ("event attendance (event 1)", repository, one_event, GINT_TO_POINTER (1));
  measure ("duplicates of a walk-in", repository, similar_members, NULL);
  measure_in_memory_filter (repository, "やまだ");
  return 0;
}
