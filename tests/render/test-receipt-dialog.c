/* test-receipt-dialog.c: the print menu's 領収書 in a real window: the
 * 宛名 edited per person, those left out, and the reissues counted before
 * they are issued; the PDF read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ts-print-dialog.h"
#include "ts-receipt.h"
#include "ts-test-gtk.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* Kept as a PNG for looking at when TSUDOI_RENDER_KEEP names a folder. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *keep = g_getenv ("TSUDOI_RENDER_KEEP");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (keep == NULL)
    return;
  TS_TEST_WAIT_FRAMES (window, 3);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (keep, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static GtkWidget *
find_dialog (void)
{
  GtkWidget *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();  /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "TsReceiptDialog") &&
          gtk_widget_get_visible (window))
        dialog = window;
    }
  return dialog;
}

static AdwPreferencesGroup *
people_group (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  collect (dialog, ADW_TYPE_PREFERENCES_GROUP, groups);
  return g_ptr_array_index (groups, 0);
}

static void
add_paid (TsRepository *repository,
          gint64        event_id,
          const char   *family,
          const char   *reading,
          const char   *organization,
          gint64        amount)
{
  g_autoptr(TsMember) member = ts_test_add_member (repository, "family-name", family,
                                                   "given-name", "太郎", "family-reading", reading,
                                                   "organization", organization, NULL);
  g_autofree char *sql = g_strdup_printf (
    "UPDATE attendance SET paid = 1, paid_amount = %" G_GINT64_FORMAT
    " WHERE event_id = %" G_GINT64_FORMAT " AND member_id = %" G_GINT64_FORMAT,
    amount, event_id, member->id);

  ts_test_attend (repository, event_id, member->id, TS_ATTENDANCE_STATUS_ATTENDED);
  g_assert_true (ts_database_exec (ts_repository_get_database (repository), sql, NULL));
}

static guint
n_receipts (TsRepository *repository,
            gint64        event_id)
{
  g_autoptr(GPtrArray) receipts = ts_repository_list_receipts (repository, event_id, NULL);

  return receipts->len;
}

/* The rows are made again after an issue: collects them anew. */
static gboolean
first_check_is_off (GtkWidget *dialog,
                    GPtrArray *checks)
{
  g_ptr_array_set_size (checks, 0);
  collect (dialog, GTK_TYPE_CHECK_BUTTON, checks);
  return checks->len > 0 &&
         !gtk_check_button_get_active (g_ptr_array_index (checks, 0));
}

static void
test_issue (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "receipts.db");
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (repository, "name", "大田医介塾",
                                                      "reading", "おおた", NULL);
  g_autoptr(TsEvent) event = ts_test_add_event (repository, "chapter-id", chapter->id,
                                                "starts-at", "2026-12-17T19:00",
                                                "title", "第150回", NULL);
  g_autofree char *first = g_build_filename (dir, "first.pdf", NULL);
  g_autofree char *second = g_build_filename (dir, "second.pdf", NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autofree char *text = NULL;
  GtkWidget *dialog = NULL;
  guint n_pages;

  add_paid (repository, event->id, "青木", "あおき", "株式会社ケアサポート", 4000);
  add_paid (repository, event->id, "井上", "いのうえ", "", 4000);
  add_paid (repository, event->id, "上田", "うえだ", "", 50000);

  ts_print_dialog_present (NULL, repository, event->id, "receipts");
  TS_TEST_WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  collect (dialog, ADW_TYPE_ENTRY_ROW, rows);
  collect (dialog, GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (checks->len, ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, 0)), ==,
                   "株式会社ケアサポート\u3000様");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (rows, 1)), ==,
                   "井上\u3000太郎\u3000様");
  g_assert_null (strstr (adw_preferences_group_get_description (people_group (dialog)), "再発行"));

  /* 宛名 edited; the third person left out. */
  gtk_editable_set_text (g_ptr_array_index (rows, 0), "株式会社ケアサポート 東京支店 御中");
  gtk_check_button_set_active (g_ptr_array_index (checks, 2), FALSE);
  g_assert_true (gtk_widget_activate_action (dialog, "receipts.issue-to", "s", first));
  TS_TEST_WAIT_UNTIL (n_receipts (repository, event->id) == 2 &&
                      g_file_test (first, G_FILE_TEST_EXISTS));
  text = ts_test_pdf_text (first, 0, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_nonnull (strstr (text, "株式会社ケアサポート東京支店御中"));
  g_assert_nonnull (strstr (text, "井上太郎様"));
  g_assert_null (strstr (text, "上田"));
  g_assert_null (strstr (text, "再発行"));

  /* Read again: the two who have one are left out unless chosen, so
   * that issuing again without looking reissues nothing. */
  TS_TEST_WAIT_UNTIL (first_check_is_off (dialog, checks));
  g_assert_cmpuint (checks->len, ==, 3);
  g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, 1)));
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 2)));
  g_assert_null (strstr (adw_preferences_group_get_description (people_group (dialog)), "再発行"));

  /* Chosen again, they are counted as reissues, before. */
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (people_group (dialog)), "再発行"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (people_group (dialog)), "2"));
  save_screenshot (dialog, "receipt-dialog.png");
  g_assert_true (gtk_widget_activate_action (dialog, "receipts.issue-to", "s", second));
  TS_TEST_WAIT_UNTIL (n_receipts (repository, event->id) == 5 &&
                      g_file_test (second, G_FILE_TEST_EXISTS));
  g_clear_pointer (&text, g_free);
  text = ts_test_pdf_text (second, 0, &n_pages);
  g_assert_nonnull (strstr (text, "再発行"));
  g_assert_nonnull (strstr (text, "収入印紙"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  ts_test_wait_settled ();
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_JAPANESE);
  g_test_add_func ("/render/receipt-dialog/issue", test_issue);
  return g_test_run ();
}
