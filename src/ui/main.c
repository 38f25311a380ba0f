/* main.c: starts the Tsudoi application.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ts-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(TsApplication) application = NULL;

  setlocale (LC_ALL, "");
  /* Tests and uninstalled runs point at the build's catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR") ? g_getenv ("TSUDOI_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = ts_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
