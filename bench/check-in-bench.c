/* check-in-bench.c: how fast the door is on a large file.
 *
 *   tsudoi-cli sample --members 50000 --database big.db
 *   xvfb-run -a _build/bench/check-in-bench big.db
 *
 * Opens the check-in window on the planned event with the most people
 * registered and times what an organizer waits for: the window with
 * its list, each keystroke in the search, a check-in (write, reload,
 * counter), and the walk-in form's duplicate and referrer searches.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "ts-check-in-window.h"
#include "ts-member-lookup.h"
#include "ts-test-gtk.h"
#include "ts-ui-test.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
busiest_event (TsRepository *repository)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (ts_repository_get_database (repository),
    "SELECT e.id FROM event e JOIN attendance a ON a.event_id = e.id"
    " WHERE e.status = 'planned' GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1", &error);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("No planned event with registrations");
  return sqlite3_column_int64 (stmt, 0);
}

/* Runs the main loop until nothing is pending: the list has been
 * filtered, laid out and drawn. */
static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
bench_typing (GtkWidget *window)
{
  GtkEditable *entry = GTK_EDITABLE (ts_ui_test_find_named (window, "search-entry"));
  GtkListView *list = GTK_LIST_VIEW (ts_ui_test_find_named (window, "guest-list"));
  const char *steps[] = { "ｻ", "ｻﾄ", "ｻﾄｳ", "ｻﾄ", "ｻ", "", "やまだ", "病院", NULL };

  for (guint i = 0; steps[i] != NULL; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double filtered;

      gtk_editable_set_text (entry, steps[i]);
      filtered = ms_since (start);
      settle ();
      g_print ("  type %-8s → %4u rows  filtered in %6.2f ms, drawn after %6.2f ms\n", steps[i],
               g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))),
               filtered, ms_since (start));
    }
}

static void
bench_check_in (GtkWidget    *window,
                TsRepository *repository)
{
  GtkEditable *entry = GTK_EDITABLE (ts_ui_test_find_named (window, "search-entry"));
  GtkLabel *counter = GTK_LABEL (ts_ui_test_find_named (window, "counter-label"));

  for (guint i = 0; i < 3; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GListModel) list = ts_repository_list_attendance (repository,
                                                                  busiest_event (repository),
                                                                  NULL);

      g_print ("  the event's list alone (%u rows)  %6.2f ms\n",
               g_list_model_get_n_items (list), ms_since (start));
    }
  for (guint i = 0; i < 5; i++)
    {
      gint64 start = g_get_monotonic_time ();

      gtk_editable_set_text (entry, "");
      g_signal_emit_by_name (entry, "activate");
      settle ();
      g_print ("  check-in (write, reload, counter %s)  %6.2f ms\n",
               gtk_label_get_text (counter), ms_since (start));
    }
}

static void
bench_walk_in_queries (TsRepository *repository)
{
  g_autoptr(TsMember) candidate = ts_member_new ();
  gint64 start;

  g_object_set (candidate, "family-name", "山田", "given-name", "花子",
                "family-reading", "やまだ", "given-reading", "はなこ",
                "organization", "さくら病院", NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GListModel) similar = NULL;

      start = g_get_monotonic_time ();
      similar = ts_repository_find_similar_members (repository, candidate, NULL);
      g_print ("  duplicate check over all members → %u  %6.2f ms\n",
               g_list_model_get_n_items (similar), ms_since (start));
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GListModel) found = NULL;

      start = g_get_monotonic_time ();
      found = ts_repository_lookup_members (repository, "やまだ", 5, NULL);
      g_print ("  referrer search “やまだ” (first 5) → %u  %6.2f ms\n",
               g_list_model_get_n_items (found), ms_since (start));
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;
  g_autoptr(TsRepository) repository = NULL;
  GtkWidget *window;
  gint64 event_id, start;

  if (argc != 2)
    {
      g_printerr ("Usage: check-in-bench DATABASE\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  database = ts_database_open (argv[1], &error);
  if (database == NULL)
    g_error ("%s", error->message);
  repository = ts_repository_new (database);
  event_id = busiest_event (repository);

  start = g_get_monotonic_time ();
  window = ts_check_in_window_new (NULL, repository, event_id);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  g_print ("window with list: %6.2f ms (counter %s)\n", ms_since (start),
           gtk_label_get_text (GTK_LABEL (ts_ui_test_find_named (window, "counter-label"))));
  /* Drawn, so that the first keystroke does not pay for the first frame. */
  TS_TEST_WAIT_FRAMES (window, 3);
  g_print ("search keystrokes:\n");
  bench_typing (window);
  g_print ("check-ins:\n");
  bench_check_in (window, repository);
  g_print ("walk-in form:\n");
  bench_walk_in_queries (repository);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
