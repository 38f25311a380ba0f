/* ts-settings.c: the app's GSettings, found once at start-up.
 *
 * Installed, the schema is in the system's schema folders. Run from the
 * build folder (tests, build-aux/run, or the binary started by hand), it
 * is the one the build compiled into _build/data: looked for there when
 * the system has none, so no widget needs a "schema missing" branch.
 * The application owns one GSettings (ts_application_get_settings) and
 * widgets bind to it with g_settings_bind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-application.h"
#include "ts-settings.h"

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) built = NULL;
  GSettingsSchema *schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    return schema;
  /* Not installed: the schema this build compiled. */
  built = g_settings_schema_source_new_from_directory (BUILD_SCHEMA_DIR, source, FALSE, NULL);
  if (built != NULL)
    schema = g_settings_schema_source_lookup (built, APP_ID, FALSE);
  if (schema == NULL)
    g_error ("The settings schema %s is neither installed nor in %s; "
             "install Tsudoi or run it with build-aux/run", APP_ID, BUILD_SCHEMA_DIR);
  return schema;
}

/* The schema is looked up once per process; every GSettings made from it
 * shares the default backend, so they all see the same values. */
GSettings *
ts_settings_new (void)
{
  static GSettingsSchema *schema;

  if (g_once_init_enter (&schema))
    g_once_init_leave (&schema, lookup_schema ());
  return g_settings_new_full (schema, NULL, NULL);
}

/* The application of @widget's window, or of the window it is a dialog of. */
static GtkApplication *
find_application (GtkWidget *widget)
{
  GtkRoot *root = widget != NULL ? gtk_widget_get_root (widget) : NULL;

  for (GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL; window != NULL;
       window = gtk_window_get_transient_for (window))
    if (gtk_window_get_application (window) != NULL)
      return gtk_window_get_application (window);
  return NULL;
}

/* The settings of the application @widget's window belongs to; a widget
 * shown without a TsApplication (a test building one dialog) gets its
 * own, on the same schema and backend, so it sees the same values. */
GSettings *
ts_settings_dup_for_widget (GtkWidget *widget)
{
  GtkApplication *application = find_application (widget);

  if (TS_IS_APPLICATION (application))
    return g_object_ref (ts_application_get_settings (TS_APPLICATION (application)));
  return ts_settings_new ();
}
