/* ts-test-gtk.c: GTK set up the same way for every test that opens windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ts-test-gtk.h"

/* Run without dbus-run-session, GTK warns once that it has no session
 * bus; that is the machine, not a failure. Every other warning and every
 * critical stays fatal. */
static gboolean
fatal_unless_no_bus (const char     *domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        data)
{
  return !(level & G_LOG_LEVEL_WARNING) || message == NULL ||
         strstr (message, "session bus") == NULL;
}

static void
use_japanese (void)
{
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    return;
  g_setenv ("LANGUAGE", "ja", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
ts_test_gtk_init (int            *argc,
                  char         ***argv,
                  TsTestLanguage  language)
{
  /* No accessibility bus under Xvfb. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() sets an English locale: Japanese comes after it. */
  if (language == TS_TEST_LANGUAGE_JAPANESE ||
      (language == TS_TEST_LANGUAGE_FROM_ENV && g_getenv ("TSUDOI_JA") != NULL))
    use_japanese ();
  g_test_log_set_fatal_handler (fatal_unless_no_bus, NULL);
  adw_init ();
}
