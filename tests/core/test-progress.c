/* test-progress.c: a progress set from a worker thread notifies on the
 * main thread only, at most about 30 times a second, and ends on the
 * last value set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-progress.h"
#include "ts-test-support.h"

#define WORK_USEC (400 * 1000)

static GThread *main_thread;

typedef struct {
  TsProgress *progress;
  guint       n_fraction;   /* notifications of "fraction" */
  guint       n_text;
  double      last_seen;
  gboolean    went_back;    /* a notification showed a smaller fraction */
  gboolean    in_loop;      /* notified from a main loop iteration */
} Watch;

static void
on_notify (TsProgress *progress,
           GParamSpec *pspec,
           Watch      *watch)
{
  /* The whole point: a handler that touches widgets is on their thread. */
  g_assert_true (g_thread_self () == main_thread);
  if (watch->in_loop)
    g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (g_str_equal (pspec->name, "fraction"))
    {
      double fraction = ts_progress_get_fraction (progress);

      watch->went_back |= fraction < watch->last_seen;
      watch->last_seen = fraction;
      watch->n_fraction++;
    }
  else
    watch->n_text++;
}

/* A worker that reports on every step, far more often than a screen
 * can show, for WORK_USEC of work (each step is a short nap standing for
 * real work; nothing waits for anything here). */
static gpointer
work (gpointer data)
{
  TsProgress *progress = data;
  gint64 start = g_get_monotonic_time ();
  gint64 now;

  while ((now = g_get_monotonic_time ()) - start < WORK_USEC)
    {
      double fraction = (double) (now - start) / WORK_USEC;

      ts_progress_set_fraction (progress, fraction * 0.99);
      if (fraction > 0.5)
        ts_progress_set_text (progress, "second half");
      g_usleep (100);
    }
  ts_progress_set (progress, 1.0, "done");
  return NULL;
}

static gboolean
progress_done (gpointer data)
{
  Watch *watch = data;

  return ts_progress_get_fraction (watch->progress) == 1.0 &&
         g_strcmp0 (ts_progress_get_text (watch->progress), "done") == 0;
}

static void
test_worker_notifies_main_thread (void)
{
  g_autoptr(TsProgress) progress = ts_progress_new ();
  g_autoptr(TsProgress) bound = ts_progress_new ();
  Watch watch = { progress, 0, 0, 0.0, FALSE, TRUE };
  GThread *thread;
  gint64 start, elapsed;

  g_signal_connect (progress, "notify", G_CALLBACK (on_notify), &watch);
  g_object_bind_property (progress, "fraction", bound, "fraction", G_BINDING_SYNC_CREATE);
  start = g_get_monotonic_time ();
  thread = g_thread_new ("test-worker", work, progress);
  g_assert_true (ts_test_wait_for (progress_done, &watch, 60000));
  elapsed = g_get_monotonic_time () - start;
  g_thread_join (thread);

  g_assert_cmpfloat (ts_progress_get_fraction (bound), ==, 1.0);
  g_assert_false (watch.went_back);
  g_assert_cmpuint (watch.n_fraction, >=, 1);
  /* Thousands of values set; one notification a 30th of a second at
   * most (and one more for the first). */
  g_assert_cmpuint (watch.n_fraction, <=, elapsed * 30 / G_USEC_PER_SEC + 2);
  g_assert_cmpuint (watch.n_text, >=, 1);
  g_assert_cmpuint (watch.n_text, <=, 2);
}

/* The creator's own thread sees its values at once, even outside a loop
 * iteration, as with any GObject property (g_object_set() then notifies
 * after the context is let go again: only the thread is checked). */
static void
test_main_thread_sets_at_once (void)
{
  g_autoptr(TsProgress) progress = ts_progress_new ();
  Watch watch = { progress, 0, 0, 0.0, FALSE, FALSE };

  g_signal_connect (progress, "notify", G_CALLBACK (on_notify), &watch);
  g_object_set (progress, "fraction", 0.25, "text", "a", NULL);
  g_assert_cmpfloat (ts_progress_get_fraction (progress), ==, 0.25);
  g_assert_cmpstr (ts_progress_get_text (progress), ==, "a");
  g_assert_cmpuint (watch.n_fraction, ==, 1);
  g_assert_cmpuint (watch.n_text, ==, 1);
  ts_progress_set_fraction (progress, 7.0);
  g_assert_cmpfloat (ts_progress_get_fraction (progress), ==, 1.0);
}

static gpointer
set_once (gpointer data)
{
  ts_progress_set (data, 1.0, "done");
  g_object_unref (data);
  return NULL;
}

/* The worker drops its reference before the value is shown: the value
 * is still shown, and the pending publication holds no reference once
 * done. */
static void
test_outlives_worker (void)
{
  TsProgress *progress = ts_progress_new ();
  Watch watch = { progress, 0, 0, 0.0, FALSE, TRUE };
  GWeakRef weak;

  g_signal_connect (progress, "notify", G_CALLBACK (on_notify), &watch);
  g_weak_ref_init (&weak, progress);
  g_thread_join (g_thread_new ("test-worker", set_once, g_object_ref (progress)));
  g_assert_true (ts_test_wait_for (progress_done, &watch, 60000));
  g_object_unref (progress);
  g_assert_null (g_weak_ref_get (&weak));
  g_weak_ref_clear (&weak);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();
  g_test_add_func ("/progress/worker-notifies-main-thread", test_worker_notifies_main_thread);
  g_test_add_func ("/progress/main-thread-sets-at-once", test_main_thread_sets_at_once);
  g_test_add_func ("/progress/outlives-worker", test_outlives_worker);
  return g_test_run ();
}
