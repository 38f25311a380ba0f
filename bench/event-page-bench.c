/* event-page-bench.c: how long the busiest event page takes to open.
 *
 *   tsudoi-cli sample --database big.db --members 50000 --until 2017-08
 *   xvfb-run -a _build/bench/event-page-bench big.db
 *
 * Puts an event page alone in a window, then shows the event with the
 * most people on its list and times it up to the first frame painted
 * with the page filled (marks, headcount, rows on screen), several times,
 * showing the event with the fewest people in between so that each
 * opening starts from another event; "settled" adds what the page puts
 * off past that frame and one more frame. Not a test: it prints figures for
 * people to compare. The machine may be shared: CPU time of this thread
 * says what the work costs, wall time what a person would have waited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-bench"

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "ts-event-page.h"
#include "ts-repository-private.h"

#define RUNS 9

typedef struct {
  double wall[RUNS];
  double cpu[RUNS];
  double settled_cpu[RUNS];
} Figures;

static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* The events with the most and the fewest people on their lists. */
static void
pick_events (TsRepository *repository,
             gint64       *busiest,
             gint64       *n_people,
             gint64       *smallest)
{
  g_autoptr(sqlite3_stmt) most = ts_repository_prepare (repository,
    "SELECT event_id, count(*) FROM attendance GROUP BY event_id ORDER BY 2 DESC LIMIT 1",
    NULL);
  g_autoptr(sqlite3_stmt) least = ts_repository_prepare (repository,
    "SELECT event_id FROM attendance GROUP BY event_id ORDER BY count(*), event_id LIMIT 1",
    NULL);

  if (sqlite3_step (most) != SQLITE_ROW || sqlite3_step (least) != SQLITE_ROW)
    g_error ("The file has no attendance to show");
  *busiest = sqlite3_column_int64 (most, 0);
  *n_people = sqlite3_column_int64 (most, 1);
  *smallest = sqlite3_column_int64 (least, 0);
}

/* Runs what is pending, then up to one more frame painted, then what
 * that left: the work a page puts off past its first frame. */
static void
settle (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler;

  while (g_main_context_iteration (NULL, FALSE));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  while (g_main_context_iteration (NULL, FALSE));
}

/* Shows @event_id and runs the main loop up to the first frame painted
 * after it; returns the wall and CPU milliseconds that took, and the CPU
 * milliseconds up to when the page has settled (rows off screen made). */
static void
show_event (GtkWidget   *window,
            TsEventPage *page,
            gint64       event_id,
            double      *wall_ms,
            double      *cpu_ms,
            double      *settled_cpu_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb),
                                     &painted);
  gint64 start = g_get_monotonic_time (), start_cpu = cpu_time ();

  ts_event_page_set_event (page, event_id);
  if (g_getenv ("TSUDOI_BENCH_VERBOSE"))
    g_print ("  set_event: %.0f ms CPU\n", (cpu_time () - start_cpu) / 1000.0);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  *wall_ms = (g_get_monotonic_time () - start) / 1000.0;
  *cpu_ms = (cpu_time () - start_cpu) / 1000.0;
  g_signal_handler_disconnect (clock, handler);
  settle (window);
  *settled_cpu_ms = (cpu_time () - start_cpu) / 1000.0;
}

/* TSUDOI_BENCH_PNG=file.png: the busiest page as drawn, to check that a
 * faster page still looks the same. */
static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
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
        Figures    *figures)
{
  qsort (figures->wall, RUNS, sizeof (double), compare_doubles);
  qsort (figures->cpu, RUNS, sizeof (double), compare_doubles);
  qsort (figures->settled_cpu, RUNS, sizeof (double), compare_doubles);
  g_print ("%s: wall best %.0f ms, median %.0f ms; CPU best %.0f ms, median %.0f ms;"
           " settled CPU median %.0f ms\n", what, figures->wall[0], figures->wall[RUNS / 2],
           figures->cpu[0], figures->cpu[RUNS / 2], figures->settled_cpu[RUNS / 2]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;
  g_autoptr(TsRepository) repository = NULL;
  g_autofree char *busiest_label = NULL;
  Figures busy = { 0 }, small = { 0 };
  gint64 busiest, n_people, smallest;
  GtkWidget *window, *page;

  if (argc < 2)
    {
      g_printerr ("usage: %s DATABASE (make one with tsudoi-cli sample --members 50000)\n",
                  argv[0]);
      return 2;
    }
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* Settings of this run only: the user's (the last view shown) are
   * shared with every other Tsudoi running, which would switch views
   * under the bench. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  adw_init ();
  database = ts_database_open (argv[1], &error);
  if (database == NULL)
    g_error ("%s", error->message);
  repository = ts_repository_new (database);
  pick_events (repository, &busiest, &n_people, &smallest);

  window = gtk_window_new ();
  page = g_object_new (TS_TYPE_EVENT_PAGE, NULL);
  ts_event_page_set_repository (TS_EVENT_PAGE (page), repository);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 750);
  gtk_window_present (GTK_WINDOW (window));
  show_event (window, TS_EVENT_PAGE (page), smallest, &small.wall[0], &small.cpu[0],
              &small.settled_cpu[0]);

  for (guint run = 0; run < RUNS; run++)
    {
      show_event (window, TS_EVENT_PAGE (page), busiest, &busy.wall[run], &busy.cpu[run],
                  &busy.settled_cpu[run]);
      if (run == 0 && g_getenv ("TSUDOI_BENCH_PNG") != NULL)
        save_png (window, g_getenv ("TSUDOI_BENCH_PNG"));
      show_event (window, TS_EVENT_PAGE (page), smallest, &small.wall[run], &small.cpu[run],
                  &small.settled_cpu[run]);
    }
  busiest_label = g_strdup_printf ("busiest event page (%" G_GINT64_FORMAT " people)", n_people);
  report (busiest_label, &busy);
  report ("smallest event page", &small);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
