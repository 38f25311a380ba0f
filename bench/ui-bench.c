/* ui-bench.c: how the organizer's window copes with many members.
 *
 *   tsudoi-cli sample --database big.db --members 50000 --until 2017-08
 *   GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x1024x24" \
 *     _build/bench/tsudoi-ui-bench big.db
 *
 * Measures the time from creating the window to its first frame with the
 * members table filled, the time each search keystroke takes to update
 * the filter, and frame times while scrolling the table. Not a test: it
 * prints figures for people to compare.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-bench"

#include "config.h"

#include <adwaita.h>
#include <time.h>

#include "ts-member-model.h"
#include "ts-members-view.h"
#include "ts-text.h"
#include "ts-window.h"

/* The machine is shared: CPU time of this thread shows what the work
 * costs, wall time what a person would have waited here today. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

typedef struct {
  gint64   start;
  gint64   first_frame;
  gint64   start_cpu;
  gint64   first_frame_cpu;
  GArray  *frames;     /* gint64 µs timestamps of scrolling frames */
  GtkAdjustment *adjustment;
  guint    steps;
  gboolean done;
} Bench;

static void
on_first_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  if (bench->first_frame == 0)
    {
      bench->first_frame = g_get_monotonic_time ();
      bench->first_frame_cpu = cpu_time ();
    }
}

static void
run_until (const gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  Bench *bench = user_data;
  double value = gtk_adjustment_get_value (bench->adjustment);
  double step = gtk_adjustment_get_page_size (bench->adjustment) / 3;
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (bench->frames, now);
  gtk_adjustment_set_value (bench->adjustment, value + step);
  if (++bench->steps >= 300)
    {
      bench->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}


static void
report_frames (Bench *bench)
{
  g_autoptr(GArray) intervals = g_array_new (FALSE, FALSE, sizeof (double));
  double sum = 0;

  for (guint i = 1; i < bench->frames->len; i++)
    {
      double ms = (g_array_index (bench->frames, gint64, i) -
                   g_array_index (bench->frames, gint64, i - 1)) / 1000.0;

      g_array_append_val (intervals, ms);
      sum += ms;
    }
  g_array_sort (intervals, compare_doubles);
  g_print ("scrolling: %u frames, %.1f fps; mean %.1f ms, median %.1f ms, 95th %.1f ms, max %.1f ms\n",
           intervals->len, 1000.0 * intervals->len / sum, sum / intervals->len,
           g_array_index (intervals, double, intervals->len / 2),
           g_array_index (intervals, double, intervals->len * 95 / 100),
           g_array_index (intervals, double, intervals->len - 1));
}

/* The members model alone, with no widget: a search's count and the
 * first window of rows. */
static void
bench_model_only (TsRepository *repository)
{
  const char *queries[] = { "や", "やま", "やまだ", "訪問看護", NULL };
  g_autoptr(TsMemberModel) model = ts_member_model_new (repository);

  g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; queries[i] != NULL; i++)
    {
      gint64 start = cpu_time ();
      g_autoptr(TsMember) first = NULL;

      ts_member_model_set_search (model, queries[i]);
      first = g_list_model_get_item (G_LIST_MODEL (model), 0);
      g_print ("members model alone, “%s”: %.2f ms CPU, %u found\n", queries[i],
               (cpu_time () - start) / 1000.0, g_list_model_get_n_items (G_LIST_MODEL (model)));
    }
}

static void
on_painted_cb (GdkFrameClock *clock,
               gint64        *painted)
{
  if (*painted == 0)
    *painted = g_get_monotonic_time ();
}

/* From the keystroke to the end of the frame that shows its result: the
 * search itself, then relabelling, layout and drawing. */
static double
time_to_frame (TsMembersView *view,
               const char    *query,
               double        *cpu)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (view));
  gint64 painted = 0, wall = g_get_monotonic_time ();
  gint64 start = cpu_time ();
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted_cb), &painted);

  ts_members_view_set_search (view, query);
  *cpu = (cpu_time () - start) / 1000.0;
  gtk_widget_queue_draw (GTK_WIDGET (view));
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  return (painted - wall) / 1000.0;
}

/* Each query typed after clearing the field, several times: the machine
 * is shared, so the best and the median say more than one run. */
static void
bench_search (TsMembersView *view)
{
  const char *queries[] = { "や", "やま", "やまだ", "ヤマダ", "ｶﾝｺﾞ", "看護", "訪問看護", "さとう", NULL };
  GListModel *model = ts_members_view_get_model (view);

  for (guint i = 0; queries[i]; i++)
    {
      double times[7], frames[7];

      for (guint run = 0; run < G_N_ELEMENTS (times); run++)
        {
          double ignored;

          time_to_frame (view, "", &ignored);
          frames[run] = time_to_frame (view, queries[i], &times[run]);
        }
      qsort (times, G_N_ELEMENTS (times), sizeof (double),
             (int (*) (const void *, const void *)) compare_doubles);
      qsort (frames, G_N_ELEMENTS (frames), sizeof (double),
             (int (*) (const void *, const void *)) compare_doubles);
      g_print ("search “%s”: search CPU best %.2f ms, median %.2f ms; "
               "to the frame showing it: median %.1f ms wall; %u shown\n",
               queries[i], times[0], times[G_N_ELEMENTS (times) / 2],
               frames[G_N_ELEMENTS (frames) / 2], g_list_model_get_n_items (model));
    }
}

/* Opening a member and an event: what a click costs with a big file. */
static gint64
busiest_event (TsRepository *repository)
{
  g_autoptr(GListModel) events = ts_repository_list_events (repository, 0, NULL);
  gint64 best = 0, most = -1;

  for (guint i = 0; events != NULL && i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);

      if (event->headcount > most)
        {
          most = event->headcount;
          best = event->id;
        }
    }
  return best;
}

static void
bench_pages (TsWindow      *window,
             TsMembersView *view,
             TsRepository  *repository)
{
  g_autoptr(TsMember) member = g_list_model_get_item (ts_members_view_get_model (view), 100);
  struct { const char *what; const char *action; const char *view; gint64 id; } steps[] = {
    { "member page (with its month strip)", "win.show-member", NULL, member->id },
    { "busiest event page (with marks)", "win.show-event", NULL, busiest_event (repository) },
    { "events view, first showing", "win.show-view", "events", 0 },
    { "chapters view, first showing", "win.show-view", "chapters", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      gint64 start = cpu_time (), wall = g_get_monotonic_time ();

      if (steps[i].view != NULL)
        gtk_widget_activate_action (GTK_WIDGET (window), steps[i].action, "s", steps[i].view);
      else
        gtk_widget_activate_action (GTK_WIDGET (window), steps[i].action, "x", steps[i].id);
      while (g_main_context_iteration (NULL, FALSE));
      g_print ("%s: %.0f ms CPU, %.0f ms wall\n", steps[i].what,
               (cpu_time () - start) / 1000.0, (g_get_monotonic_time () - wall) / 1000.0);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "members");
  gtk_widget_activate_action (GTK_WIDGET (window), "view.back", NULL);
  while (g_main_context_iteration (NULL, FALSE));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;
  g_autoptr(TsRepository) repository = NULL;
  Bench bench = { 0 };
  TsWindow *window;
  TsMembersView *view;
  GtkWidget *scrolled;
  gulong handler;

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

  bench.start = g_get_monotonic_time ();
  bench.start_cpu = cpu_time ();
  window = g_object_new (TS_TYPE_WINDOW, "repository", repository, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "members");
  gtk_widget_realize (GTK_WIDGET (window));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (on_first_paint_cb), &bench);
  gtk_window_present (GTK_WINDOW (window));
  while (bench.first_frame == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);
  view = TS_MEMBERS_VIEW (ts_window_get_view (window, "members"));
  g_print ("members: %u\n", g_list_model_get_n_items (ts_members_view_get_model (view)));
  g_print ("window shown with data: %.0f ms wall, %.0f ms CPU\n",
           (bench.first_frame - bench.start) / 1000.0,
           (bench.first_frame_cpu - bench.start_cpu) / 1000.0);

  /* Let the first frames settle before timing keystrokes. */
  {
    gint64 until = g_get_monotonic_time () + 500000;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }

  bench_model_only (repository);
  if (g_getenv ("TSUDOI_BENCH_HIDDEN"))
    gtk_widget_set_visible (ts_members_view_get_scrolled_window (view), FALSE);
  bench_search (view);
  gtk_widget_set_visible (ts_members_view_get_scrolled_window (view), TRUE);
  /* For profiling the search alone: TSUDOI_BENCH_SEARCH_ROUNDS=20 perf record … */
  for (int round = 1; round < atoi (g_getenv ("TSUDOI_BENCH_SEARCH_ROUNDS") ?: "1"); round++)
    bench_search (view);

  bench_pages (window, view, repository);

  scrolled = ts_members_view_get_scrolled_window (view);
  bench.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  bench.frames = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_add_tick_callback (scrolled, scroll_tick_cb, &bench, NULL);
  run_until (&bench.done);
  report_frames (&bench);
  g_array_unref (bench.frames);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
