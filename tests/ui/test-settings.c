/* test-settings.c: the app's settings are found once, installed or not.
 *
 * Run as from the build folder by hand: no GSETTINGS_SCHEMA_DIR and no
 * schema in the data folders, so only the schema the build compiled can
 * be found. No display needed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include "ts-settings.h"
#include "ts-test-support.h"

static void
test_uninstalled (void)
{
  g_autoptr(GSettings) settings = ts_settings_new ();
  g_autoptr(GSettings) other = ts_settings_dup_for_widget (NULL);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  /* Two handles on one backend: what one writes, the other reads. */
  g_settings_set_uint (settings, "regulars-window", 9);
  g_assert_cmpuint (g_settings_get_uint (other, "regulars-window"), ==, 9);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *empty = ts_test_make_temp_dir ();
  int status;

  /* Before any GSettings: the default schema source is made once. */
  g_unsetenv ("GSETTINGS_SCHEMA_DIR");
  g_setenv ("XDG_DATA_DIRS", empty, TRUE);
  g_setenv ("XDG_DATA_HOME", empty, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ui/settings/uninstalled", test_uninstalled);
  status = g_test_run ();
  ts_test_remove_dir (empty);
  return status;
}
