/* test-window-opens.c: the real application opens its window on a new
 * database, and refuses a broken one with a message instead of a window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "ts-application.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"

typedef struct {
  gboolean  saw_window;
  char     *title;
  gboolean  saw_refusal;
} Seen;

/* What the application shows once it has decided: its main window,
 * drawn, or the refusal. */
static gboolean
shown (gpointer data)
{
  for (GList *l = gtk_application_get_windows (data); l != NULL; l = l->next)
    if ((ADW_IS_APPLICATION_WINDOW (l->data) && gtk_widget_get_mapped (l->data)) ||
        ADW_IS_MESSAGE_DIALOG (l->data))
      return TRUE;
  return FALSE;
}

static void
inspect_and_quit (GApplication *application)
{
  Seen *seen = g_object_get_data (G_OBJECT (application), "seen");
  /* A copy: destroying a window removes it from the application's list. */
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (application)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWindow *window = l->data;

      if (ADW_IS_APPLICATION_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          seen->saw_window = TRUE;
          seen->title = g_strdup (gtk_window_get_title (window));
        }
      if (ADW_IS_MESSAGE_DIALOG (window))
        seen->saw_refusal = TRUE;
      gtk_window_destroy (window);
    }
  g_list_free (windows);
  g_application_quit (application);
}

/* Waits inside "activate" (the application's main loop is the default
 * context) until the window is on screen or the refusal is up. */
static void
on_activate_cb (GApplication *application)
{
  TS_TEST_WAIT_FOR (shown, application);
  inspect_and_quit (application);
}

static Seen
run_app_on (const char *path)
{
  g_autoptr(TsApplication) application = ts_application_new ();
  char *argv[] = { (char *) "tsudoi", (char *) "--database", (char *) path, NULL };
  Seen seen = { 0 };

  g_object_set_data (G_OBJECT (application), "seen", &seen);
  g_signal_connect_after (application, "activate", G_CALLBACK (on_activate_cb), NULL);
  g_application_run (G_APPLICATION (application), 3, argv);
  return seen;
}

static void
test_opens_on_new_database (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "new.db", NULL);
  Seen seen = run_app_on (path);

  g_assert_true (seen.saw_window);
  g_assert_false (seen.saw_refusal);
  g_assert_cmpstr (seen.title, ==, "Tsudoi");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_free (seen.title);
  ts_test_remove_dir (dir);
}

static void
test_refuses_garbage (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);
  g_autoptr(GBytes) before = NULL, after = NULL;
  Seen seen;

  g_assert_true (g_file_set_contents (path, "this is a spreadsheet, not a database", -1, NULL));
  before = ts_test_read_file (path);
  seen = run_app_on (path);
  g_assert_false (seen.saw_window);
  g_assert_true (seen.saw_refusal);
  after = ts_test_read_file (path);
  g_assert_true (g_bytes_equal (before, after));
  ts_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);
  g_test_add_func ("/window/opens", test_opens_on_new_database);
  g_test_add_func ("/window/refuses-garbage", test_refuses_garbage);
  return g_test_run ();
}
