/* ts-test-wait.c: tests wait for what they check, with a deadline, never
 * for a fixed time. GLib only, for window tests and core tests alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-wait.h"

/* How often a wait looks again at its condition when no event comes:
 * conditions on files, threads and other processes wake nobody up. */
#define RECHECK_MS 10

static gboolean
wake_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* One blocking iteration of the default main context, woken after at
 * most RECHECK_MS. Returns FALSE once @deadline (monotonic time) passed. */
gboolean
ts_test_wait_step (gint64 deadline)
{
  gboolean woken = FALSE;
  guint id;

  if (g_get_monotonic_time () >= deadline)
    return FALSE;
  id = g_timeout_add (RECHECK_MS, wake_cb, &woken);
  g_main_context_iteration (NULL, TRUE);
  if (!woken)
    g_source_remove (id);
  return TRUE;
}

/* Runs the default main context until @predicate (@data) holds or
 * @timeout_ms passed; returns whether it holds. */
gboolean
ts_test_wait_for (TsTestPredicate predicate,
                  gpointer        data,
                  guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!predicate (data))
    if (!ts_test_wait_step (deadline))
      return predicate (data);
  return TRUE;
}

/* Dispatches what is ready now (events, idles, signals queued by
 * threads) until nothing is. For assertions that something did NOT
 * happen, after an action whose effects are all immediate or queued:
 * it waits for no clock. */
void
ts_test_wait_settled (void)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) TS_TEST_WAIT_MS * G_TIME_SPAN_MILLISECOND;

  /* The deadline only stops an idle that re-adds itself for ever. */
  while (g_main_context_iteration (NULL, FALSE) && g_get_monotonic_time () < deadline)
    ;
}

