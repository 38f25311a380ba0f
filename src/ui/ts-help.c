/* ts-help.c: where F1 and the menu's Help go.
 *
 * With yelp installed, help:tsudoi: the Mallard pages gnome.yelp put under
 * datadir/help/<lang>/tsudoi, in the desktop's language. Without yelp
 * (a minimal desktop, another distribution's help browser missing), the
 * same pages as HTML, which yelp-build wrote at build time into
 * datadir/tsudoi/help/<lang>, open in the browser: the first of the
 * user's languages that has them, else the English ones.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ts-help.h"

/* A pure function of its inputs, so that a test needs neither yelp nor a
 * browser. @languages as g_get_language_names() gives them: most
 * specific first ("ja_JP.UTF-8", "ja_JP", "ja"), "C" last. */
char *
ts_help_pick_uri (const char *const *languages,
                  const char        *html_dir,
                  gboolean           have_yelp)
{
  if (have_yelp)
    return g_strdup (TS_HELP_URI);
  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      g_autofree char *index = g_build_filename (html_dir, languages[i], "index.html", NULL);

      if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
        return g_filename_to_uri (index, NULL, NULL);
    }
  {
    g_autofree char *index = g_build_filename (html_dir, "C", "index.html", NULL);

    if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
      return g_filename_to_uri (index, NULL, NULL);
  }
  /* No HTML either: let the desktop try, and say so if it cannot. */
  return g_strdup (TS_HELP_URI);
}

/* Uninstalled runs and tests point $TSUDOI_HELP_DIR at the build's
 * help/html. */
char *
ts_help_html_dir (void)
{
  const char *dir = g_getenv ("TSUDOI_HELP_DIR");

  return g_strdup (dir != NULL && *dir != '\0' ? dir : PKGDATADIR "/help");
}

static void
on_shown_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (source), _("The Help Cannot Be Shown"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ts_help_show (GtkWindow *parent)
{
  g_autofree char *yelp = g_find_program_in_path ("yelp");
  g_autofree char *html_dir = ts_help_html_dir ();
  g_autofree char *uri = ts_help_pick_uri (g_get_language_names (), html_dir, yelp != NULL);

  g_debug ("Help: %s", uri);
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, on_shown_cb, NULL);
}
