/* test-import-dialog.c: the import dialog and the data actions in a real
 * GTK window under Xvfb: preview, per-row decision, import in a thread,
 * one "changed" signal, and the automatic backup at window creation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "ts-backup.h"
#include "ts-data-actions.h"
#include "ts-import-dialog.h"
#include "ts-import-preview-row.h"
#include "ts-test-support.h"
#include "ts-test-gtk.h"

typedef struct {
  char         *dir;
  TsRepository *repository;
  guint         member_changes;
  char         *imported;
} Fixture;

static void
on_member_changed (TsRepository *repository,
                   GArray       *ids,
                   Fixture      *fixture)
{
  fixture->member_changes++;
}

static void
on_imported (TsImportDialog *dialog,
             const char     *summary,
             Fixture        *fixture)
{
  g_free (fixture->imported);
  fixture->imported = g_strdup (summary);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "ui.db");
  g_signal_connect (fixture->repository, "changed::member", G_CALLBACK (on_member_changed),
                    fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->imported);
}

static gboolean
dialog_idle (gpointer data)
{
  return !ts_import_dialog_is_busy (data);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
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
  /* Until the window is mapped and drawn, with the list's rows laid out. */
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
test_preview_and_import (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *file = ts_test_fixture_path ("form.csv");
  GtkWidget *parent = adw_application_window_new (NULL);
  TsImportDialog *dialog;
  TsImport *import;
  g_autoptr(GListModel) members = NULL;

  gtk_window_present (GTK_WINDOW (parent));
  dialog = ts_import_dialog_new (GTK_WINDOW (parent), fixture->repository, file, 0);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 600);
  gtk_window_present (GTK_WINDOW (dialog));
  TS_TEST_WAIT_FOR (dialog_idle, dialog);

  import = ts_import_dialog_get_import (dialog);
  g_assert_nonnull (import);
  g_assert_cmpuint (ts_import_get_n_rows (import), ==, 3);
  g_assert_cmpint (ts_import_get_field (import, 0), ==, TS_IMPORT_FIELD_TIMESTAMP);
  g_assert_cmpuint (fixture->member_changes, ==, 0);
  save_screenshot (GTK_WIDGET (dialog), "import-dialog.png");

  /* The organizer decides not to take the third person. */
  g_assert_true (ts_import_set_action (import, 2, TS_IMPORT_ACTION_SKIP));
  ts_import_dialog_import (dialog);
  TS_TEST_WAIT_FOR (pointer_cleared, &dialog);

  members = ts_repository_list_members (fixture->repository, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 2);
  g_assert_cmpuint (fixture->member_changes, ==, 1);
  g_assert_nonnull (fixture->imported);
  gtk_window_destroy (GTK_WINDOW (parent));
}

static void
test_registrations (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *file = ts_test_fixture_path ("utf8-bom.csv");
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (fixture->repository,
                                                      "name", "大田医介塾", NULL);
  g_autoptr(TsEvent) event = ts_test_add_event (fixture->repository, "chapter-id", chapter->id,
                                                "starts-at", "2017-08-24T19:00", NULL);
  g_autoptr(GListModel) attendance = NULL;
  TsImportDialog *dialog;

  dialog = ts_import_dialog_new (NULL, fixture->repository, file, event->id);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  TS_TEST_WAIT_FOR (dialog_idle, dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import Registrations");
  ts_import_dialog_import (dialog);
  TS_TEST_WAIT_FOR (pointer_cleared, &dialog);

  g_assert_cmpstr (fixture->imported, ==,
                   "Imported: 3 new, 0 updated, 0 skipped. 3 people newly registered.");
  attendance = ts_repository_list_attendance (fixture->repository, event->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (attendance), ==, 3);
}

static void
test_bad_file_shows_error (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *file = ts_test_fixture_path ("garbage.bin");
  TsImportDialog *dialog = ts_import_dialog_new (NULL, fixture->repository, file, 0);

  gtk_window_set_default_size (GTK_WINDOW (dialog), 700, 480);
  gtk_window_present (GTK_WINDOW (dialog));
  TS_TEST_WAIT_FOR (dialog_idle, dialog);
  g_assert_null (ts_import_dialog_get_import (dialog));
  save_screenshot (GTK_WIDGET (dialog), "import-dialog-error.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Someone known with new details, someone known as is, a repeated line,
 * an error and a newcomer, as the organizer sees them. */
static void
test_decisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *known = ts_test_fixture_path ("utf8.csv");
  g_autofree char *file = g_build_filename (fixture->dir, "mixed.csv", NULL);
  const char text[] =
    "氏名,ふりがな,所属,メールアドレス,電話\n"
    "髙橋 一郎,たかはし いちろう,㈱ケアサポート①,ichiro@example.jp,03-1111-2222\n"
    "山﨑 花子,ヤマサキ ハナコ,訪問看護ステーション～みらい～,hanako@example.jp,\n"
    "山﨑 花子,やまさき はなこ,,hanako@example.jp,\n"
    "田中 美咲,Tanaka,たなか薬局,,\n"
    "新井 翔太,あらい しょうた,あらい居宅介護支援事業所,arai@example.jp,\n";
  g_autoptr(TsImport) first = ts_import_new_from_file (known, TS_CSV_ENCODING_AUTO, NULL, NULL);
  TsImportDialog *dialog;
  TsImport *import;

  g_assert_true (ts_import_preview (first, ts_repository_get_database (fixture->repository),
                                    NULL, NULL, NULL, NULL));
  g_assert_true (ts_import_run (first, ts_repository_get_database (fixture->repository), 0,
                                NULL, NULL, NULL, NULL, NULL));
  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  dialog = ts_import_dialog_new (NULL, fixture->repository, file, 0);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 520);
  gtk_window_present (GTK_WINDOW (dialog));
  TS_TEST_WAIT_FOR (dialog_idle, dialog);
  import = ts_import_dialog_get_import (dialog);
  g_assert_cmpint (ts_import_get_row (import, 0)->action, ==, TS_IMPORT_ACTION_UPDATE);
  g_assert_cmpint (ts_import_get_row (import, 1)->action, ==, TS_IMPORT_ACTION_SKIP);
  g_assert_cmpint (ts_import_get_row (import, 2)->action, ==, TS_IMPORT_ACTION_SKIP);
  /* A reading that is no kana: she comes in, without it. */
  g_assert_cmpint (ts_import_get_row (import, 3)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_cmpuint (ts_import_get_row (import, 3)->warnings, ==, 1u << TS_IMPORT_WARNING_READING);
  g_assert_cmpint (ts_import_get_row (import, 4)->action, ==, TS_IMPORT_ACTION_NEW);
  save_screenshot (GTK_WIDGET (dialog), "import-dialog-decisions.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

typedef struct {
  GtkWidget  *root;
  const char *text;
  guint       n_marks;
} Find;

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static guint
count_marks (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_IMAGE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "dialog-warning-symbolic") == 0)
    return 1;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_marks (child);
  return n;
}

static gboolean
label_and_marks_shown (gpointer data)
{
  Find *find = data;

  return has_label (find->root, find->text) && count_marks (find->root) == find->n_marks;
}

/* The first widget below @root, itself included, that @match accepts. */
static GtkWidget *
find_matching (GtkWidget *root,
             gboolean (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_preview_row_of (GtkWidget     *widget,
                   gconstpointer  name)
{
  return TS_IS_IMPORT_PREVIEW_ROW (widget) && has_label (widget, name);
}

static gboolean
is_drop_down (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget);
}

static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* A choice in a row's drop-down is that row's, whichever widget the list
 * shows it in; "Update" for a newcomer is refused and the row shows what
 * it was. A column's field chosen is that column's. */
static void
test_row_and_column_choices (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "choices.csv", NULL);
  const char text[] =
    "氏名,ふりがな,所属,電話\n"
    "新井 翔太,あらい しょうた,あらい居宅介護支援事業所,03-1111-2222\n"
    "田中 美咲,たなか みさき,たなか薬局,\n";
  TsImportDialog *dialog;
  TsImport *import;
  GtkWidget *row = NULL;
  GtkWidget *column = NULL;
  GtkDropDown *choice;

  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  dialog = ts_import_dialog_new (NULL, fixture->repository, file, 0);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 700);
  gtk_window_present (GTK_WINDOW (dialog));
  TS_TEST_WAIT_FOR (dialog_idle, dialog);
  import = ts_import_dialog_get_import (dialog);
  g_assert_cmpint (ts_import_get_row (import, 1)->action, ==, TS_IMPORT_ACTION_NEW);

  TS_TEST_WAIT_UNTIL ((row = find_matching (GTK_WIDGET (dialog), is_preview_row_of, "田中")) != NULL);
  choice = GTK_DROP_DOWN (find_matching (row, is_drop_down, NULL));
  gtk_drop_down_set_selected (choice, 2);  /* Skip */
  g_assert_cmpint (ts_import_get_row (import, 1)->action, ==, TS_IMPORT_ACTION_SKIP);
  g_assert_cmpint (ts_import_get_row (import, 0)->action, ==, TS_IMPORT_ACTION_NEW);
  gtk_drop_down_set_selected (choice, 1);  /* Update: she is no one yet */
  g_assert_cmpint (ts_import_get_row (import, 1)->action, ==, TS_IMPORT_ACTION_SKIP);
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 2);
  gtk_drop_down_set_selected (choice, 0);  /* New again */
  g_assert_cmpint (ts_import_get_row (import, 1)->action, ==, TS_IMPORT_ACTION_NEW);

  g_assert_cmpint (ts_import_get_field (import, 3), ==, TS_IMPORT_FIELD_PHONE);
  column = find_matching (GTK_WIDGET (dialog), is_combo_row_titled, "電話");
  g_assert_nonnull (column);
  adw_combo_row_set_selected (ADW_COMBO_ROW (column), TS_IMPORT_FIELD_IGNORE);
  TS_TEST_WAIT_FOR (dialog_idle, dialog);
  import = ts_import_dialog_get_import (dialog);
  g_assert_cmpint (ts_import_get_field (import, 3), ==, TS_IMPORT_FIELD_IGNORE);
  g_assert_cmpint (ts_import_get_field (import, 2), ==, TS_IMPORT_FIELD_ORGANIZATION);
  g_assert_cmpstr (ts_import_get_row (import, 0)->member->phone, ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Another process adds one of the people while the preview is open: the
 * import, deciding again as it writes, adds her no second time. And a bad
 * email or a namesake are marked in the preview, and said in the result. */
static void
test_decides_again_and_tells (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "form.csv", NULL);
  const char *database = ts_database_get_path (ts_repository_get_database (fixture->repository));
  const char text[] =
    "氏名,ふりがな,所属,メールアドレス\n"
    "伊藤 由美,いとう ゆみ,大田区地域包括支援センター,yumi@example.jp\n"
    "山田 翔,やまだ しょう,やまだ薬局,sho@example\n"
    "佐藤 花子,さとう はなこ,B薬局,hanako.b@y.jp\n";
  g_autoptr(TsMember) hanako = ts_test_add_member (fixture->repository,
                                                   "family-name", "佐藤", "given-name", "花子",
                                                   "family-reading", "さとう",
                                                   "given-reading", "はなこ",
                                                   "organization", "A病院",
                                                   "email", "hanako.a@x.jp", NULL);
  g_autoptr(GListModel) members = NULL;
  TsImportDialog *dialog;
  TsImport *import;
  g_autofree char *doubts = NULL;
  g_autofree char *warned = NULL;
  Find find = { 0 };

  g_assert_true (g_file_set_contents (file, text, -1, NULL));
  dialog = ts_import_dialog_new (NULL, fixture->repository, file, 0);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), fixture);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 1100, 600);
  gtk_window_present (GTK_WINDOW (dialog));
  TS_TEST_WAIT_FOR (dialog_idle, dialog);
  import = ts_import_dialog_get_import (dialog);
  g_assert_cmpint (ts_import_get_row (import, 0)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_cmpint (ts_import_get_row (import, 1)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_cmpint (ts_import_get_row (import, 2)->action, ==, TS_IMPORT_ACTION_NEW);
  g_assert_true (ts_import_get_row (import, 2)->doubt);
  /* In the language of the test run, for the screenshot in Japanese. */
  doubts = g_strdup_printf (ngettext ("%u person may be a different person with the same "
                                      "name as a member: imported as new unless you choose "
                                      "Update.",
                                      "%u people may be different people with the same name "
                                      "as members: imported as new unless you choose "
                                      "Update.", 1), 1);
  warned = g_strdup_printf (ngettext ("%u line is imported without a detail that cannot be "
                                      "stored; see the marked line.",
                                      "%u lines are imported without details that cannot be "
                                      "stored; see the marked lines.", 1), 1);
  find.root = GTK_WIDGET (dialog);
  find.text = doubts;
  find.n_marks = 2;
  TS_TEST_WAIT_FOR (label_and_marks_shown, &find);
  g_assert_true (has_label (GTK_WIDGET (dialog), warned));
  save_screenshot (GTK_WIDGET (dialog), "import-dialog-notes.png");

  g_assert_cmpint (ts_test_run_cli (NULL, database, NULL, NULL, "member", "add",
                                    "--name", "伊藤 由美", "--email", "yumi@example.jp",
                                    NULL), ==, 0);
  ts_import_dialog_import (dialog);
  TS_TEST_WAIT_FOR (pointer_cleared, &dialog);

  members = ts_repository_list_members (fixture->repository, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 4);
  if (g_getenv ("TSUDOI_JA") == NULL)
    g_assert_cmpstr (fixture->imported, ==,
                     "Imported: 2 new, 1 updated, 0 skipped.\n"
                     "1 person was imported with the email address left empty.\n"
                     "1 person with the same name as a member was added as a new member.");
  else
    g_assert_nonnull (strstr (fixture->imported, "1 人はメールアドレスを空にして取り込みました。"));
}

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

static gboolean
bar_moved (gpointer data)
{
  double fraction = gtk_progress_bar_get_fraction (data);

  return fraction > 0.0 && fraction < 1.0;
}

/* Cancel pressed while thousands of rows are being written: the bar
 * showed the engine's progress, and not one row landed. */
static void
test_cancel_while_importing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *file = g_build_filename (fixture->dir, "large.csv", NULL);
  const char *database = ts_database_get_path (ts_repository_get_database (fixture->repository));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TsImportDialog *dialog;
  GtkWidget *bar;
  GtkWidget *cancel;

  ts_test_write_members_csv (file, 12000);
  dialog = ts_import_dialog_new (NULL, fixture->repository, file, 0);
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), fixture);
  gtk_window_present (GTK_WINDOW (dialog));
  bar = find_widget (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR, NULL);
  cancel = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, _("_Cancel"));
  g_assert_nonnull (bar);
  g_assert_nonnull (cancel);
  TS_TEST_WAIT_FOR (dialog_idle, dialog);
  g_assert_cmpuint (ts_import_get_n_rows (ts_import_dialog_get_import (dialog)), ==, 12000);
  before = ts_test_dump_database (database);

  ts_import_dialog_import (dialog);
  TS_TEST_WAIT_FOR (bar_moved, bar);
  g_assert_true (ts_import_dialog_is_busy (dialog));
  g_signal_emit_by_name (cancel, "clicked");
  TS_TEST_WAIT_FOR (dialog_idle, dialog);

  after = ts_test_dump_database (database);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->member_changes, ==, 0);
  g_assert_null (fixture->imported);
  /* The preview stands, ready to import after all. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (ts_import_get_n_rows (ts_import_dialog_get_import (dialog)), ==, 12000);

  /* Closed while writing: it goes once the import has rolled back. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ts_import_dialog_import (dialog);
  TS_TEST_WAIT_FOR (bar_moved, bar);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_nonnull (dialog);
  TS_TEST_WAIT_FOR (pointer_cleared, &dialog);
  g_free (after);
  after = ts_test_dump_database (database);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->member_changes, ==, 0);
  g_assert_null (fixture->imported);
}

static gboolean
backup_written (gpointer data)
{
  g_autoptr(GPtrArray) names = ts_backup_list (data);
  return names->len == 1;
}

static void
test_actions_and_daily_backup (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *path = ts_database_get_path (ts_repository_get_database (fixture->repository));
  g_autofree char *folder = ts_backup_default_folder (path);
  static const struct { const char *name; gboolean with_id; } actions[] = {
    { "data.import-members", FALSE }, { "data.export-members", FALSE },
    { "data.back-up", FALSE }, { "data.restore", FALSE },
    { "data.import-registrations", TRUE }, { "data.export-attendees", TRUE },
    { "data.export-grid", TRUE }, { "data.no-such-action", FALSE },
  };
  GtkWidget *window = adw_application_window_new (NULL);
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *buttons[G_N_ELEMENTS (actions)];

  /* Buttons as the menus would hold them: sensitive only when the
   * window has the action, with the right parameter type. */
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      buttons[i] = gtk_button_new_with_label (actions[i].name);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (buttons[i]), actions[i].name);
      if (actions[i].with_id)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (buttons[i]),
                                                g_variant_new_int64 (1));
      gtk_box_append (GTK_BOX (box), buttons[i]);
    }
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), box);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), overlay);
  g_assert_false (gtk_widget_get_sensitive (buttons[0]));
  ts_data_actions_install (window, fixture->repository);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_cmpint (gtk_widget_get_sensitive (buttons[i]), ==,
                     !g_str_equal (actions[i].name, "data.no-such-action"));
  TS_TEST_WAIT_FOR (backup_written, folder);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_FROM_ENV);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/import-dialog/preview-and-import", test_preview_and_import);
  ADD ("/import-dialog/registrations", test_registrations);
  ADD ("/import-dialog/bad-file-shows-error", test_bad_file_shows_error);
  ADD ("/import-dialog/decisions", test_decisions);
  ADD ("/import-dialog/row-and-column-choices", test_row_and_column_choices);
  ADD ("/import-dialog/decides-again-and-tells", test_decides_again_and_tells);
  ADD ("/import-dialog/cancel-while-importing", test_cancel_while_importing);
  ADD ("/import-dialog/actions-and-daily-backup", test_actions_and_daily_backup);
  return g_test_run ();
}
