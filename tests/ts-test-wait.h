/* ts-test-wait.h: tests wait for what they check, with a deadline, never
 * for a fixed time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Long enough for ASan on a busy 2-core machine; a test that passes
 * waits only as long as the condition takes. */
#define TS_TEST_WAIT_MS 20000

typedef gboolean (*TsTestPredicate) (gpointer data);

gboolean ts_test_wait_for        (TsTestPredicate  predicate,
                                  gpointer         data,
                                  guint            timeout_ms);
gboolean ts_test_wait_step       (gint64           deadline);
void     ts_test_wait_settled    (void);

/* Fails the test, naming what it waited for, when @predicate (@data)
 * does not hold within TS_TEST_WAIT_MS. */
#define TS_TEST_WAIT_FOR(predicate, data)                                        \
  G_STMT_START {                                                                 \
    if (!ts_test_wait_for ((TsTestPredicate) (predicate), (data), TS_TEST_WAIT_MS)) \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,          \
                           "timed out waiting for " #predicate " (" #data ")");  \
  } G_STMT_END

/* The same for a condition written in place: @expr is evaluated again
 * after every main loop iteration until it holds or time is up. */
#define TS_TEST_WAIT_UNTIL(expr)                                                 \
  G_STMT_START {                                                                 \
    gint64 ts_deadline_ = g_get_monotonic_time () +                             \
                          (gint64) TS_TEST_WAIT_MS * G_TIME_SPAN_MILLISECOND;   \
    while (!(expr))                                                              \
      if (!ts_test_wait_step (ts_deadline_))                                     \
        {                                                                        \
          if (expr)                                                              \
            break;                                                               \
          g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,      \
                               "timed out waiting for " #expr);                  \
        }                                                                        \
  } G_STMT_END

G_END_DECLS
