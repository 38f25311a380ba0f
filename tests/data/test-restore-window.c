/* test-restore-window.c: restoring a backup from the main window, under
 * Xvfb: the confirmation says which backup, the restore runs in a thread
 * with the window insensitive and its progress shown, and the members
 * list then shows the restored rows; a file that is no backup, or a
 * cancelled restore, changes nothing.
 *
 * Screenshots in Japanese:
 *   TSUDOI_JA=1 TSUDOI_SCREENSHOTS=/tmp/shots dbus-run-session -- xvfb-run -a \
 *     meson test -C _build restore-window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "ts-backup.h"
#include "ts-data-actions.h"
#include "ts-members-view.h"
#include "ts-progress-dialog.h"
#include "ts-test-support.h"
#include "ts-window.h"
#include "ts-test-gtk.h"

static TsApplication *application;

typedef struct {
  char         *dir;
  TsRepository *repository;
  TsWindow     *window;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ts_test_make_temp_dir ();
  f->repository = ts_test_open_repository (f->dir, "current.db");
  g_object_unref (ts_test_add_member (f->repository, "family-name", "今井", "given-name", "一郎", NULL));
  g_object_unref (ts_test_add_member (f->repository, "family-name", "今井", "given-name", "二郎", NULL));
  f->window = ts_window_new (application, f->repository);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  TS_TEST_WAIT_FRAMES (f->window, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ts_test_wait_settled ();
  g_clear_object (&f->repository);
  ts_test_remove_dir (f->dir);
  g_free (f->dir);
}

static guint
shown_members (Fixture *f)
{
  GtkWidget *view = ts_window_get_view (f->window, "members");

  return g_list_model_get_n_items (ts_members_view_get_model (TS_MEMBERS_VIEW (view)));
}

/* A backup of another database, with three members. */
static char *
make_backup (Fixture *f)
{
  g_autofree char *other_dir = g_build_filename (f->dir, "other", NULL);
  g_autoptr(TsRepository) other = NULL;
  char *backup = g_build_filename (f->dir, "tsudoi-backup-2017-08-24.db", NULL);
  const char *names[] = { "佐藤", "鈴木", "高橋" };

  g_mkdir_with_parents (other_dir, 0700);
  other = ts_test_open_repository (other_dir, "other.db");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (ts_test_add_member (other, "family-name", names[i], "given-name", "花子", NULL));
  g_assert_true (ts_backup_write (ts_repository_get_database (other), backup, NULL));
  return backup;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("TSUDOI_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  /* Mapped, laid out and drawn with what it shows now. */
  TS_TEST_WAIT_FRAMES (widget, 3);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_restore_reloads_views (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *backup = make_backup (f);
  g_autoptr(GListModel) members = NULL;
  GtkWidget *dialog;
  const char *body;
  guint asides = 0;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_cmpuint (shown_members (f), ==, 2);
  dialog = ts_data_actions_confirm_restore (ts_window_get_data_actions (f->window), backup);
  g_assert_nonnull (dialog);
  /* Which backup, and where the current data goes. */
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_nonnull (strstr (body, "tsudoi-backup-2017-08-24.db"));
  g_assert_nonnull (strstr (body, "3"));
  g_assert_nonnull (strstr (body, f->dir));
  save_screenshot (dialog, "restore-confirm.png");

  /* The dialog closes itself on a response. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ts_data_actions_is_busy (ts_window_get_data_actions (f->window)));
  /* No edit can race the restore. */
  g_assert_false (gtk_widget_is_sensitive (ts_window_get_view (f->window, "members")));
  TS_TEST_WAIT_UNTIL (!ts_data_actions_is_busy (ts_window_get_data_actions (f->window)));
  TS_TEST_WAIT_UNTIL (gtk_widget_is_sensitive (ts_window_get_view (f->window, "members")));

  /* The window's own repository and its members list show the backup. */
  members = ts_repository_list_members (f->repository, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 3);
  TS_TEST_WAIT_UNTIL (shown_members (f) == 3);
  save_screenshot (GTK_WIDGET (f->window), "restore-window-after.png");

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_suffix (name, ".restoring"));
      asides += strstr (name, ".before-restore-") != NULL;
    }
  g_assert_cmpuint (asides, ==, 1);
}

/* The first widget of @type, and with @label if it is a button. */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

/* Cancel pressed while the restore runs: its progress was shown, and the
 * database, its views and its folder stay as they were. Another
 * connection holds the write lock meanwhile, so that the restore has
 * read the backup but not yet begun to replace anything when Cancel is
 * pressed, on any machine however fast. */
static void
test_restore_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *backup = make_backup (f);
  const char *path = ts_database_get_path (ts_repository_get_database (f->repository));
  g_autofree char *before = ts_test_dump_database (path);
  g_autofree char *after = NULL;
  g_autoptr(GDir) dir = NULL;
  GtkWidget *dialog;
  GtkWidget *progress = NULL;
  GtkWidget *bar;
  GtkWidget *cancel;
  sqlite3 *writer = NULL;
  const char *name;

  g_assert_cmpint (sqlite3_open (path, &writer), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  dialog = ts_data_actions_confirm_restore (ts_window_get_data_actions (f->window), backup);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  TS_TEST_WAIT_UNTIL ((progress = find_toplevel (TS_TYPE_PROGRESS_DIALOG)) != NULL);
  g_object_add_weak_pointer (G_OBJECT (progress), (gpointer *) &progress);
  bar = find_widget (progress, GTK_TYPE_PROGRESS_BAR, NULL);
  /* The backup read and migrated: half of the work. */
  TS_TEST_WAIT_UNTIL (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) >= 0.5);
  save_screenshot (progress, "restore-progress.png");
  cancel = find_widget (progress, GTK_TYPE_BUTTON, _("_Cancel"));
  g_assert_nonnull (cancel);
  g_signal_emit_by_name (cancel, "clicked");
  g_assert_false (gtk_widget_get_sensitive (cancel));
  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (writer);
  TS_TEST_WAIT_UNTIL (!ts_data_actions_is_busy (ts_window_get_data_actions (f->window)));

  g_assert_null (progress);
  after = ts_test_dump_database (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_is_sensitive (ts_window_get_view (f->window, "members")));
  g_assert_cmpuint (shown_members (f), ==, 2);
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_suffix (name, ".restoring"));
      g_assert_null (strstr (name, ".before-restore-"));
    }
}

static AdwMessageDialog *
find_message_dialog (GListModel *toplevels)
{
  AdwMessageDialog *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        found = ADW_MESSAGE_DIALOG (window);
    }
  return found;
}

static void
test_garbage_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *garbage = ts_test_fixture_path ("garbage.bin");
  const char *path = ts_database_get_path (ts_repository_get_database (f->repository));
  g_autofree char *before = ts_test_dump_database (path);
  g_autofree char *after = NULL;

  GListModel *toplevels = gtk_window_get_toplevels ();  /* not ours */
  AdwMessageDialog *refusal = NULL;

  g_assert_null (ts_data_actions_confirm_restore (ts_window_get_data_actions (f->window),
                                                  garbage));
  g_assert_false (ts_data_actions_is_busy (ts_window_get_data_actions (f->window)));
  /* The organizer is told why, in a dialog over the window. */
  TS_TEST_WAIT_UNTIL ((refusal = find_message_dialog (toplevels)) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==,
                   _("This File Cannot Be Restored"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "garbage.bin"));
  save_screenshot (GTK_WIDGET (refusal), "restore-refused.png");
  gtk_window_destroy (GTK_WINDOW (refusal));
  after = ts_test_dump_database (path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (shown_members (f), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_FROM_ENV);
  application = ts_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));
  g_application_set_default (G_APPLICATION (application));
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/restore-window/restore-reloads-views", test_restore_reloads_views);
  ADD ("/restore-window/garbage-refused", test_garbage_refused);
  ADD ("/restore-window/restore-cancelled", test_restore_cancelled);
  return g_test_run ();
}
