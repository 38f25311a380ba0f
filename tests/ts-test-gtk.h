/* ts-test-gtk.h: GTK set up the same way for every test that opens windows,
 * and waiting for what a test expects with a deadline, never a fixed time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-test-wait.h"

G_BEGIN_DECLS

typedef enum {
  TS_TEST_LANGUAGE_DEFAULT,   /* gtk_test_init()'s English */
  TS_TEST_LANGUAGE_JAPANESE,  /* as organizers see it */
  TS_TEST_LANGUAGE_FROM_ENV,  /* Japanese when $TSUDOI_JA is set */
} TsTestLanguage;

void ts_test_gtk_init (int            *argc,
                       char         ***argv,
                       TsTestLanguage  language);

void ts_test_gtk_no_animations (void);

/* The text @widget shows, when it is a label or an inscription (a list's
 * cell); NULL otherwise. */
const char *ts_test_widget_text (GtkWidget *widget);

gboolean ts_test_wait_frames     (GtkWidget       *widget,
                                  guint            n_frames,
                                  guint            timeout_ms);


/* Waits until @widget is mapped, has a size and @n frames were drawn. */
#define TS_TEST_WAIT_FRAMES(widget, n)                                           \
  G_STMT_START {                                                                 \
    if (!ts_test_wait_frames (GTK_WIDGET (widget), (n), TS_TEST_WAIT_MS))        \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,          \
                           "timed out waiting for " #n " frames of " #widget);  \
  } G_STMT_END

G_END_DECLS
