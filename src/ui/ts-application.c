/* ts-application.c: the Tsudoi application: one database, its windows.
 *
 * The database is opened once, at activation; a file that cannot be used
 * is reported in words an organizer understands and left untouched.
 * `tsudoi FILE.csv` (and Files' Open With) shows the import preview of
 * the file; on the usual database, in the instance already running.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-application.h"
#include "ts-help.h"
#include "ts-settings.h"
#include "ts-window.h"

struct _TsApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  TsRepository   *repository;
  GSettings      *settings;       /* the one every window binds to */
};

G_DEFINE_FINAL_TYPE (TsApplication, ts_application, ADW_TYPE_APPLICATION)

/* How often to look for writes by other programs: what they wrote shows
 * within a second. */
#define WATCH_INTERVAL_MS 500

static void
ts_application_finalize (GObject *object)
{
  TsApplication *self = TS_APPLICATION (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->settings);
  g_free (self->database_path);
  G_OBJECT_CLASS (ts_application_parent_class)->finalize (object);
}

static int
ts_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  TsApplication *self = TS_APPLICATION (application);
  const char *path = NULL;
  g_autofree char *default_path = ts_database_default_path ();

  g_variant_dict_lookup (options, "database", "^&ay", &path);
  self->database_path = ts_database_resolve_path (path);
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("tsudoi %s\n", PACKAGE_VERSION);
      return 0;
    }
  /* One instance owns the usual database, so that a second `tsudoi
   * FILE.csv` hands the file to it; one on another file (--database,
   * $TSUDOI_DATABASE) runs on its own, as no name on the bus says which
   * file an instance has open. */
  if (g_strcmp0 (self->database_path, default_path) == 0)
    g_application_set_flags (application,
                             g_application_get_flags (application) & ~G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
on_error_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      GApplication     *application)
{
  g_application_release (application);
}

static void
show_open_error (TsApplication *self,
                 const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, _("The database cannot be opened"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ensure_repository (TsApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;

  if (self->repository != NULL)
    return TRUE;
  /* Activated without a command line (tests): the usual resolution. */
  if (self->database_path == NULL)
    self->database_path = ts_database_resolve_path (NULL);
  database = ts_database_open (self->database_path, &error);
  if (database == NULL)
    {
      show_open_error (self, error);
      return FALSE;
    }
  self->repository = ts_repository_new (database);
  ts_repository_watch_other_writers (self->repository, WATCH_INTERVAL_MS);
  return TRUE;
}

/* The main window, made when there is none; NULL when the database
 * cannot be opened. The active window may be a check-in window. */
static TsWindow *
ensure_window (TsApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (TS_IS_WINDOW (l->data))
      return l->data;
  if (!ensure_repository (self))
    return NULL;
  return ts_window_new (self, self->repository);
}

static void
ts_application_activate (GApplication *application)
{
  TsApplication *self = TS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ensure_window (self));
  if (window != NULL)
    gtk_window_present (window);
}

/* Each file opens its import preview over the main window. */
static void
ts_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  TsWindow *window = ensure_window (TS_APPLICATION (application));

  if (window == NULL)
    return;
  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < n_files; i++)
    ts_window_import_file (window, files[i]);
}

static void
on_about_activate_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  GtkApplication *application = user_data;
  const char *developers[] = { _("The Tsudoi developers"), NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (application),
                "application-name", _("Tsudoi"),
                "application-icon", APP_ID,
                "developer-name", _("The Tsudoi developers"),
                "version", PACKAGE_VERSION,
                "comments", _("Rosters, introduction cards and check-in for monthly meetups"),
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                /* Translators: put your names here, one per line. */
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
on_help_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  ts_help_show (gtk_application_get_active_window (user_data));
}

static void
on_quit_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
ts_application_startup (GApplication *application)
{
  static const GActionEntry entries[] = {
    { "about", on_about_activate_cb },
    { "help", on_help_activate_cb },
    { "quit", on_quit_activate_cb },
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (ts_application_parent_class)->startup (application);
  /* Found once, here: a missing schema stops the start, not a dialog. */
  ts_application_get_settings (TS_APPLICATION (application));
  g_action_map_add_action_entries (G_ACTION_MAP (application), entries,
                                   G_N_ELEMENTS (entries), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.help",
                                         help_accels);
}

static void
ts_application_class_init (TsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ts_application_finalize;
  app_class->handle_local_options = ts_application_handle_local_options;
  app_class->startup = ts_application_startup;
  app_class->activate = ts_application_activate;
  app_class->open = ts_application_open;
}

static void
ts_application_init (TsApplication *self)
{
  const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The database file (default: $TSUDOI_DATABASE, then the data folder)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

TsApplication *
ts_application_new (void)
{
  /* Unique only on the usual database: see handle_local_options. */
  return g_object_new (TS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/tsudoi/Tsudoi",
                       NULL);
}

TsRepository *
ts_application_get_repository (TsApplication *self)
{
  g_return_val_if_fail (TS_IS_APPLICATION (self), NULL);
  return self->repository;
}

/* The app's settings: window size, last view, thresholds, print options. */
GSettings *
ts_application_get_settings (TsApplication *self)
{
  g_return_val_if_fail (TS_IS_APPLICATION (self), NULL);
  if (self->settings == NULL)
    self->settings = ts_settings_new ();
  return self->settings;
}
