/* ts-test-gtk.h: GTK set up the same way for every test that opens windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TS_TEST_LANGUAGE_DEFAULT,   /* gtk_test_init()'s English */
  TS_TEST_LANGUAGE_JAPANESE,  /* as organizers see it */
  TS_TEST_LANGUAGE_FROM_ENV,  /* Japanese when $TSUDOI_JA is set */
} TsTestLanguage;

void ts_test_gtk_init (int            *argc,
                       char         ***argv,
                       TsTestLanguage  language);

G_END_DECLS
