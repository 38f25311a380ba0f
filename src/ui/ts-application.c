/* ts-application.c: the Tsudoi application: one database, its windows.
 *
 * The database is opened once, at activation; a file that cannot be used
 * is reported in words an organizer understands and left untouched.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-application.h"
#include "ts-window.h"

struct _TsApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  TsRepository   *repository;
};

G_DEFINE_FINAL_TYPE (TsApplication, ts_application, ADW_TYPE_APPLICATION)

static void
ts_application_finalize (GObject *object)
{
  TsApplication *self = TS_APPLICATION (object);

  g_clear_object (&self->repository);
  g_free (self->database_path);
  G_OBJECT_CLASS (ts_application_parent_class)->finalize (object);
}

static int
ts_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  TsApplication *self = TS_APPLICATION (application);
  const char *path = NULL;

  g_variant_dict_lookup (options, "database", "^&ay", &path);
  self->database_path = ts_database_resolve_path (path);
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("tsudoi %s\n", PACKAGE_VERSION);
      return 0;
    }
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

static void
ts_application_activate (GApplication *application)
{
  TsApplication *self = TS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->repository == NULL)
    {
      g_autoptr(TsDatabase) database = ts_database_open (self->database_path, &error);

      if (database == NULL)
        {
          show_open_error (self, error);
          return;
        }
      self->repository = ts_repository_new (database);
    }
  window = GTK_WINDOW (ts_window_new (self, self->repository));
  gtk_window_present (window);
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
    { "quit", on_quit_activate_cb },
  };
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (ts_application_parent_class)->startup (application);
  g_action_map_add_action_entries (G_ACTION_MAP (application), entries,
                                   G_N_ELEMENTS (entries), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
}

static void
ts_application_class_init (TsApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = ts_application_finalize;
  app_class->handle_local_options = ts_application_handle_local_options;
  app_class->startup = ts_application_startup;
  app_class->activate = ts_application_activate;
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
  /* One instance per database file would need D-Bus names per file;
   * NON_UNIQUE keeps --database honest when two are open. */
  return g_object_new (TS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/tsudoi/Tsudoi",
                       NULL);
}

TsRepository *
ts_application_get_repository (TsApplication *self)
{
  g_return_val_if_fail (TS_IS_APPLICATION (self), NULL);
  return self->repository;
}
