/* test-application.c: the application as a whole, on one database file:
 * opening a CSV file (`tsudoi FILE.csv`, Files' Open With) shows its
 * import preview and Ctrl+Return imports it; what tsudoi-cli, a real
 * second process, writes shows up in the open window by itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ts-application.h"
#include "ts-import-dialog.h"
#include "ts-members-view.h"
#include "ts-test-gtk.h"
#include "ts-ui-test-util.h"
#include "ts-test-support.h"
#include "ts-window.h"

static TsApplication *application;
static char *database_path;

static GtkWindow *
find_window (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static TsImportDialog *
find_import_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (TS_IS_IMPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TS_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
preview_shown (gpointer data)
{
  TsImportDialog *dialog = find_import_dialog ();

  return dialog != NULL && !ts_import_dialog_is_busy (dialog) &&
         ts_import_dialog_get_import (dialog) != NULL;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static guint
count_members (void)
{
  g_autofree char *dir = g_path_get_dirname (database_path);
  g_autofree char *name = g_path_get_basename (database_path);
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, name);
  g_autoptr(GListModel) members = ts_repository_list_members (repository, "", NULL);

  return g_list_model_get_n_items (members);
}

static void
test_open_csv (void)
{
  g_autofree char *dir = g_path_get_dirname (database_path);
  g_autofree char *path = g_build_filename (dir, "申込.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TsImportDialog *dialog;
  guint before = count_members ();

  g_assert_true (g_file_set_contents (path,
    "お名前（フルネーム）,ふりがな,ご所属（勤務先）,メールアドレス\n"
    "伊藤 由美,いとう ゆみ,大田区地域包括支援センター,yumi@example.jp\n"
    "渡辺 大輔,わたなべ だいすけ,わたなべ福祉用具,daisuke@example.jp\n", -1, NULL));

  g_application_open (G_APPLICATION (application), &file, 1, "");
  g_assert_nonnull (find_window (TS_TYPE_WINDOW));
  TS_TEST_WAIT_FOR (preview_shown, NULL);
  dialog = find_import_dialog ();
  g_assert_cmpuint (ts_import_get_n_rows (ts_import_dialog_get_import (dialog)), ==, 2);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) ==
                 find_window (TS_TYPE_WINDOW));
  g_assert_cmpuint (count_members (), ==, before);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (ts_ui_test_press_shortcut (GTK_WIDGET (dialog), GDK_KEY_Return, GDK_CONTROL_MASK));
  TS_TEST_WAIT_FOR (pointer_cleared, &dialog);
  g_assert_cmpuint (count_members (), ==, before + 2);
}

/* Whether a shown label under @widget contains @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (ts_test_widget_text (widget) != NULL && strstr (ts_test_widget_text (widget), text) != NULL)
    return TRUE;
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (shows_text (w, text))
      return TRUE;
  return FALSE;
}

static gboolean
members_view_shows_kato (gpointer data)
{
  return shows_text (data, "加藤");
}

static gboolean
views_shown (gpointer data)
{
  return gtk_widget_get_mapped (ts_window_get_view (data, "chapters"));
}

/* tsudoi-cli writes while the window is open, as an organizer would from
 * a terminal: the window shows it without being told. */
static void
test_notices_cli (void)
{
  TsWindow *window;
  GtkWidget *view;

  g_application_activate (G_APPLICATION (application));
  window = TS_WINDOW (find_window (TS_TYPE_WINDOW));
  g_assert_nonnull (window);
  g_assert_cmpint (ts_test_run_cli (NULL, database_path, NULL, NULL, "chapter", "add",
                                    "--name", "蒲田医介塾", "--reading", "かまたいかいじゅく",
                                    NULL), ==, 0);
  /* The first chapter turns the welcome page into the views. */
  TS_TEST_WAIT_FOR (views_shown, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "members");
  view = ts_window_get_view (window, "members");
  g_assert_false (shows_text (view, "加藤"));

  g_assert_cmpint (ts_test_run_cli (NULL, database_path, NULL, NULL, "member", "add",
                                    "--name", "加藤 誠", "--reading", "かとう まこと", NULL),
                   ==, 0);
  TS_TEST_WAIT_FOR (members_view_shows_kato, view);
}

/* Whether @model, or a section of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static GtkMenuButton *
find_main_menu_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found;

      if (GTK_IS_MENU_BUTTON (child) &&
          g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (child)),
                     "open-menu-symbolic") == 0)
        return GTK_MENU_BUTTON (child);
      if ((found = find_main_menu_button (child)) != NULL)
        return found;
    }
  return NULL;
}

/* F1 and the main menu's Help lead to app.help (activating it would start
 * yelp or a browser: ts_help_pick_uri() is tested on its own). */
static void
test_help (void)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (application), "help");
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                               "app.help");
  GtkMenuButton *button;

  g_assert_nonnull (action);
  g_assert_true (g_action_get_enabled (action));
  g_assert_true (g_strv_contains ((const char *const *) accels, "F1"));

  g_application_activate (G_APPLICATION (application));
  g_assert_nonnull (find_window (TS_TYPE_WINDOW));
  button = find_main_menu_button (GTK_WIDGET (find_window (TS_TYPE_WINDOW)));
  g_assert_nonnull (button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (button), "app.help"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int status;

  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);
  dir = ts_test_make_temp_dir ();
  database_path = g_build_filename (dir, "app.db", NULL);
  g_setenv ("TSUDOI_DATABASE", database_path, TRUE);
  application = ts_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));
  g_application_set_default (G_APPLICATION (application));

  g_test_add_func ("/ui/application/open-csv", test_open_csv);
  g_test_add_func ("/ui/application/notices-cli", test_notices_cli);
  g_test_add_func ("/ui/application/help", test_help);
  status = g_test_run ();

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (application)))
    gtk_window_destroy (l->data);
  g_clear_object (&application);
  ts_test_remove_dir (dir);
  g_free (database_path);
  return status;
}
