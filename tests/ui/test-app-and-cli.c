/* test-app-and-cli.c: the organizer's window and tsudoi-cli on one file,
 * as an organizer does it: import a form in the app through the file
 * chooser, run tsudoi-cli (a real process) on the same database, make
 * more edits in the app, quit. Everything is in the file afterwards.
 * And at the door: tsudoi-cli checks someone in while the event page and
 * the check-in window are open; both show it, changing only that row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-attendee-row.h"
#include "ts-check-in-row.h"
#include "ts-check-in-window.h"
#include "ts-event-page.h"
#include "ts-events-view.h"
#include "ts-import-dialog.h"
#include "ts-member-dialog.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"
#include "ts-ui-test-util.h"
#include "ts-window.h"

static TsApplication *application;

static gboolean
file_chooser_shown (gpointer data)
{
  return ts_ui_test_top_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
import_dialog_ready (gpointer data)
{
  GtkWindow *dialog = ts_ui_test_top_dialog (TS_TYPE_IMPORT_DIALOG);

  return dialog != NULL && !ts_import_dialog_is_busy (TS_IMPORT_DIALOG (dialog)) &&
         ts_import_dialog_get_import (TS_IMPORT_DIALOG (dialog)) != NULL;
}

static gboolean
import_dialog_gone (gpointer data)
{
  return ts_ui_test_top_dialog (TS_TYPE_IMPORT_DIALOG) == NULL;
}

static gboolean
member_dialog_shown (gpointer data)
{
  return ts_ui_test_top_dialog (TS_TYPE_MEMBER_DIALOG) != NULL;
}

static gboolean
member_dialog_gone (gpointer data)
{
  return ts_ui_test_top_dialog (TS_TYPE_MEMBER_DIALOG) == NULL;
}

/* What GTK's file chooser does to a folder it shows: GIO opens every
 * file to sniff its type, and closes it. Done here as well, so that the
 * test does not depend on when the chooser gets round to it. */
static void
sniff_folder (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) files = g_file_enumerate_children (folder,
                                                                G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;

  g_assert_nonnull (files);
  while ((info = g_file_enumerator_next_file (files, NULL, NULL)) != NULL)
    {
      g_assert_nonnull (g_file_info_get_content_type (info));
      g_object_unref (info);
    }
}

/* The menu's Import Members… shows the file chooser on the folder with
 * the form and the database; the form is then imported as the chosen
 * file is. */
static void
import_through_file_chooser (TsWindow     *window,
                             TsRepository *repository,
                             const char   *csv)
{
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  GtkWindow *chooser;

  gtk_widget_activate_action (GTK_WIDGET (window), "data.import-members", NULL);
  TS_TEST_WAIT_FOR (file_chooser_shown, NULL);
  chooser = ts_ui_test_top_dialog (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  sniff_folder (g_file_peek_path (folder));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  gtk_window_present (GTK_WINDOW (ts_import_dialog_new (GTK_WINDOW (window), repository, csv, 0)));

  TS_TEST_WAIT_FOR (import_dialog_ready, NULL);
  ts_import_dialog_import (TS_IMPORT_DIALOG (ts_ui_test_top_dialog (TS_TYPE_IMPORT_DIALOG)));
  TS_TEST_WAIT_FOR (import_dialog_gone, NULL);
}

static void
add_member_in_app (TsWindow   *window,
                   const char *family,
                   const char *reading)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-member", NULL);
  TS_TEST_WAIT_FOR (member_dialog_shown, NULL);
  dialog = GTK_WIDGET (ts_ui_test_top_dialog (TS_TYPE_MEMBER_DIALOG));
  ts_ui_test_type (dialog, _("Family Name *"), family);
  ts_ui_test_type (dialog, _("Family Name Reading *"), reading);
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  TS_TEST_WAIT_FOR (member_dialog_gone, NULL);
}

static char *
members_in_file (const char *path)
{
  char *out = NULL;

  g_assert_cmpint (ts_test_run_cli (NULL, path, &out, NULL, "members", "--format", "csv", NULL),
                   ==, 0);
  return out;
}

static void
test_import_cli_edit_quit (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *form = ts_test_fixture_path ("form.csv");
  g_autofree char *csv = g_build_filename (dir, "form.csv", NULL);
  g_autoptr(GBytes) contents = ts_test_read_file (form);
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "tsudoi.db");
  g_autofree char *path = g_strdup (ts_database_get_path (ts_repository_get_database (repository)));
  g_autofree char *listed = NULL;
  TsWindow *window;
  const char *expected[] = { "伊藤", "渡辺", "松本", "佐藤", "田中", "鈴木" };

  /* The form's answers saved beside the database, as people do. */
  g_assert_true (g_file_set_contents_full (csv, g_bytes_get_data (contents, NULL),
                                           g_bytes_get_size (contents), 0, 0600, NULL));
  window = ts_window_new (application, repository);
  gtk_window_present (GTK_WINDOW (window));

  import_through_file_chooser (window, repository, csv);
  sniff_folder (dir);
  g_free (members_in_file (path));
  g_assert_cmpint (ts_test_run_cli (NULL, path, NULL, NULL, "member", "add", "--name", "佐藤 花子",
                                    "--reading", "さとう はなこ", NULL), ==, 0);
  add_member_in_app (window, "田中", "たなか");
  sniff_folder (dir);
  g_free (members_in_file (path));
  add_member_in_app (window, "鈴木", "すずき");

  /* Quit. */
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&repository);
  listed = members_in_file (path);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (strstr (listed, expected[i]));
  ts_test_remove_dir (dir);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget under @root of @type with a label reading @text. */
static GtkWidget *
find_showing (GtkWidget  *root,
              GType       type,
              const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      find_label (root, text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_showing (child, type, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row's status by its nick, as tsudoi-cli spells it. */
static gboolean
has_status (GtkWidget  *row,
            const char *status)
{
  int current = -1;

  if (row == NULL)
    return FALSE;
  g_object_get (row, "status", &current, NULL);
  return g_strcmp0 (ts_enum_get_nick (TS_TYPE_ATTENDANCE_STATUS, current), status) == 0;
}

static void
test_cli_check_in_live (void)
{
  const char *names[][2] = { { "青木", "あおき" }, { "伊藤", "いとう" }, { "上田", "うえだ" } };
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "tsudoi.db");
  g_autofree char *path = g_strdup (ts_database_get_path (ts_repository_get_database (repository)));
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (repository, "name", "大田医介塾",
                                                      "reading", "おおたいかいじゅく", NULL);
  g_autoptr(TsEvent) event = ts_test_add_event (repository, "chapter-id", chapter->id,
                                                "title", "定例会",
                                                "starts-at", "2017-08-24T19:00", NULL);
  g_autofree char *event_arg = g_strdup_printf ("%" G_GINT64_FORMAT, event->id);
  g_autofree char *member_arg = NULL;
  gint64 ids[3];
  TsWindow *window;
  GtkWidget *page, *door, *page_row, *door_row, *arrived;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TsMember) member = ts_test_add_member (repository, "family-name", names[i][0],
                                                       "family-reading", names[i][1], NULL);

      ids[i] = member->id;
      ts_test_attend (repository, event->id, member->id, TS_ATTENDANCE_STATUS_REGISTERED);
    }
  member_arg = g_strdup_printf ("%" G_GINT64_FORMAT, ids[1]);
  ts_repository_watch_other_writers (repository, 100);
  window = ts_window_new (application, repository);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-event", "x", event->id);
  page = ts_events_view_get_page (TS_EVENTS_VIEW (ts_window_get_view (window, "events")));
  door = ts_check_in_window_new (GTK_APPLICATION (application), repository, event->id);
  gtk_window_present (GTK_WINDOW (door));
  TS_TEST_WAIT_UNTIL ((page_row = ts_ui_test_find_row (page, "青木")) != NULL &&
                      ts_ui_test_find_row (page, "伊藤") != NULL &&
                      (door_row = find_showing (door, TS_TYPE_CHECK_IN_ROW, "青木")) != NULL &&
                      find_showing (door, TS_TYPE_CHECK_IN_ROW, "伊藤") != NULL);
  g_assert_true (has_status (ts_ui_test_find_row (page, "伊藤"), "registered"));
  g_object_add_weak_pointer (G_OBJECT (page_row), (gpointer *) &page_row);
  g_object_add_weak_pointer (G_OBJECT (door_row), (gpointer *) &door_row);

  /* Another program, a real process, checks 伊藤 in. */
  g_assert_cmpint (ts_test_run_cli (NULL, path, NULL, NULL, "attend", "--event", event_arg,
                                    "--member", member_arg, "--status", "attended", NULL), ==, 0);
  TS_TEST_WAIT_UNTIL (has_status (ts_ui_test_find_row (page, "伊藤"), "attended") &&
                      find_label (door, "1 / 3") != NULL);
  arrived = find_showing (door, TS_TYPE_CHECK_IN_ROW, "伊藤");
  g_assert_nonnull (arrived);

  /* Nothing was rebuilt: 青木's rows are the very widgets they were. */
  g_assert_true (page_row == ts_ui_test_find_row (page, "青木"));
  g_assert_true (door_row == find_showing (door, TS_TYPE_CHECK_IN_ROW, "青木"));
  g_assert_true (TS_IS_ATTENDEE_ROW (page_row));

  g_object_remove_weak_pointer (G_OBJECT (page_row), (gpointer *) &page_row);
  g_object_remove_weak_pointer (G_OBJECT (door_row), (gpointer *) &door_row);
  gtk_window_destroy (GTK_WINDOW (door));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);
  application = ts_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, NULL));
  g_application_set_default (G_APPLICATION (application));

  g_test_add_func ("/app-and-cli/import-cli-edit-quit", test_import_cli_edit_quit);
  g_test_add_func ("/app-and-cli/cli-check-in-live", test_cli_check_in_live);
  return g_test_run ();
}
