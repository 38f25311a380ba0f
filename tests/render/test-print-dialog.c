/* test-print-dialog.c: the print dialog's preview, in a real window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "test-render-fixture.h"
#include "ts-test-pdf.h"
#include "ts-print-dialog.h"
#include "ts-print-operation.h"
#include "ts-test-support.h"
#include "ts-test-gtk.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
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
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);

  if (keep == NULL)
    return;
  /* Mapped, laid out and drawn with what the dialog shows now. */
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

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "TsPrintDialog"))
        dialog = window;
    }
  return dialog;
}

static GtkWidget *
open_dialog (TsRepository *repository,
             gint64        event_id,
             const char   *kind)
{
  GtkWidget *dialog = NULL;

  ts_print_dialog_present (NULL, repository, event_id, kind);
  TS_TEST_WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  return dialog;
}

static void
test_preview_and_empty (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "dialog.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  gint64 empty_id = test_fixture_event (repository, "誰もいない会");
  const char *kinds[] = { "roster", "cards", "badges", "addendum", "intro-sheet" };
  GtkWidget *dialog;
  GtkStack *stack;

  test_fixture_add_people (repository, event_id);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = g_strdup_printf ("dialog-%s.png", kinds[i]);

      dialog = open_dialog (repository, event_id, kinds[i]);
      stack = GTK_STACK (find_widget (dialog, GTK_TYPE_STACK));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "preview");
      save_screenshot (dialog, name);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  dialog = open_dialog (repository, empty_id, "roster");
  stack = GTK_STACK (find_widget (dialog, GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  save_screenshot (dialog, "dialog-empty.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ts_test_wait_settled ();
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* The box with the export's progress bar and its Cancel button. */
static GtkWidget *
progress_box (GtkWidget *dialog)
{
  return gtk_widget_get_parent (find_widget (dialog, GTK_TYPE_PROGRESS_BAR));
}

/* Export through the dialog: written in a thread, the window stays alive,
 * and the file appears complete (no .part left). */
static void
test_export_in_thread (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "export.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  g_autofree char *path = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  guint n_pages;

  test_fixture_add_many (repository, event_id, 120);
  dialog = open_dialog (repository, event_id, "cards");
  g_assert_true (gtk_widget_activate_action (dialog, "print.export-to", "s", path));
  /* Written, and the dialog heard so. */
  TS_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS) &&
                      !gtk_widget_get_visible (progress_box (dialog)));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  text = ts_test_pdf_text (path, 16, &n_pages);
  g_assert_cmpuint (n_pages, ==, 12);
  g_assert_nonnull (strstr (text, "120号"));
  save_screenshot (dialog, "dialog-exported.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ts_test_wait_settled ();
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* The print operation, exported to a file instead of a printer: the same
 * names on A4 pages as the PDF export. */
static void
test_print_operation_export (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "print.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TsPrintOptions options;
  TsPrintJob *job;
  guint n_pages;

  test_fixture_add_people (repository, event_id);
  ts_print_options_init (&options, TS_PRINT_ROSTER);
  job = ts_print_job_load (repository, event_id, &options, &error);
  g_assert_no_error (error);
  operation = ts_print_operation_new (job);
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  text = ts_test_pdf_text (path, 10, &n_pages);
  g_assert_cmpuint (n_pages, ==, 3);   /* the default roster shows introductions */
  if (g_getenv ("TSUDOI_RENDER_KEEP") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("TSUDOI_RENDER_KEEP"), "printed.pdf", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }
  for (guint i = 0; i < test_n_people; i++)
    {
      /* Both halves: the extraction may order two rows' words by x. */
      if (strstr (text, test_people[i].family) == NULL ||
          strstr (text, test_people[i].given) == NULL)
        g_error ("%s%s missing: %s", test_people[i].family, test_people[i].given, text);
    }
  g_assert_null (strstr (text, "非公開"));
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* The action row with this title, searched through the whole window. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The marks switch is on by default, and the first-time switch, whose
 * column the marks replace, is greyed out until the marks are off. */
static void
test_marks_switch (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "dialog.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  const char *kinds[] = { "roster", "addendum" };

  test_fixture_add_people (repository, event_id);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *dialog = open_dialog (repository, event_id, kinds[i]);
      GtkWidget *marks = find_row (dialog, "初参加・久しぶり・常連の印(_M)");
      GtkWidget *first = find_row (dialog, _("_First-Time Mark"));
      GtkSwitch *toggle;
      GtkStack *stack;

      g_assert_nonnull (marks);
      g_assert_nonnull (first);
      toggle = GTK_SWITCH (find_widget (marks, GTK_TYPE_SWITCH));
      g_assert_true (gtk_switch_get_active (toggle));
      g_assert_false (gtk_widget_get_sensitive (first));
      if (i == 0)
        save_screenshot (dialog, "dialog-marks.png");
      gtk_switch_set_active (toggle, FALSE);
      g_assert_true (gtk_widget_get_sensitive (first));
      stack = GTK_STACK (find_widget (dialog, GTK_TYPE_STACK));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "preview");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  ts_test_wait_settled ();
  {
    /* The switch was remembered; the next tests start from defaults. */
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_assert_cmpuint (g_settings_get_uint (settings, "print-roster-columns") & TS_ROSTER_MARKS, ==, 0);
    g_settings_reset (settings, "print-roster-columns");
    g_settings_reset (settings, "print-addendum-columns");
  }
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

static GtkSpinButton *
find_spin (GtkWidget  *dialog,
           const char *title)
{
  GtkWidget *row = find_row (dialog, title);

  g_assert_nonnull (row);
  return GTK_SPIN_BUTTON (find_widget (row, GTK_TYPE_SPIN_BUTTON));
}

/* The printer offset belongs to the organizer's printer: set once for
 * cards, it is there when cards or badges are printed again. The start
 * slot is shared too, within what the sheet has. */
static void
test_options_remembered (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "dialog.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *dialog;
  GtkSpinButton *slot;
  double min, max;

  test_fixture_add_people (repository, event_id);
  dialog = open_dialog (repository, event_id, "cards");
  gtk_spin_button_set_value (find_spin (dialog, _("Move Right")), 1.5);
  gtk_spin_button_set_value (find_spin (dialog, _("Move Down")), -2);
  slot = find_spin (dialog, _("Start at Slot"));
  gtk_spin_button_get_range (slot, &min, &max);
  g_assert_cmpfloat (max, ==, 10);
  gtk_spin_button_set_value (slot, 7);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ts_test_wait_settled ();
  g_assert_cmpfloat (g_settings_get_double (settings, "print-offset-x"), ==, 1.5);

  dialog = open_dialog (repository, event_id, "cards");
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (dialog, _("Move Right"))), ==, 1.5);
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (dialog, _("Move Down"))), ==, -2);
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (dialog, _("Start at Slot"))), ==, 7);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Badges share the printer; on an A6 sheet of four, slot 7 is slot 4. */
  g_settings_set_string (settings, "print-badge-size", "a6");
  dialog = open_dialog (repository, event_id, "badges");
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (dialog, _("Move Right"))), ==, 1.5);
  slot = find_spin (dialog, _("Start at Slot"));
  gtk_spin_button_get_range (slot, &min, &max);
  g_assert_cmpfloat (max, ==, 4);
  g_assert_cmpfloat (gtk_spin_button_get_value (slot), ==, 4);
  save_screenshot (dialog, "dialog-badges-remembered.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ts_test_wait_settled ();
  g_settings_reset (settings, "print-offset-x");
  g_settings_reset (settings, "print-offset-y");
  g_settings_reset (settings, "print-start-slot");
  g_settings_reset (settings, "print-badge-size");
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* The 和暦 switch is remembered and shows in the preview's job. */
static void
test_wareki_switch (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "dialog.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *dialog;
  GtkWidget *row;

  test_fixture_add_people (repository, event_id);
  dialog = open_dialog (repository, event_id, "roster");
  row = find_row (dialog, _("Japanese _Era Dates"));
  g_assert_nonnull (row);
  gtk_switch_set_active (GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "print-wareki"));
  save_screenshot (dialog, "dialog-wareki.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = open_dialog (repository, event_id, "addendum");
  row = find_row (dialog, _("Japanese _Era Dates"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* Cards carry no date: no switch. */
  dialog = open_dialog (repository, event_id, "cards");
  g_assert_null (find_row (dialog, _("Japanese _Era Dates")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ts_test_wait_settled ();
  g_settings_reset (settings, "print-wareki");
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* The compact roster is a roster's option, remembered; cards have none. */
static void
test_compact_switch (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "dialog.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *dialog;
  GtkWidget *row;

  test_fixture_add_people (repository, event_id);
  dialog = open_dialog (repository, event_id, "roster");
  row = find_row (dialog, _("Co_mpact"));
  g_assert_nonnull (row);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH))));
  gtk_switch_set_active (GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "print-roster-compact"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = open_dialog (repository, event_id, "roster");
  row = find_row (dialog, _("Co_mpact"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH))));
  save_screenshot (dialog, "dialog-compact.png");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = open_dialog (repository, event_id, "cards");
  g_assert_null (find_row (dialog, _("Co_mpact")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ts_test_wait_settled ();
  g_settings_reset (settings, "print-roster-compact");
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* Cancel stops the export and leaves the old file as it was, with no
 * .part beside it. */
static void
test_export_cancel (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "export.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  g_autofree char *path = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *contents = NULL;
  GtkWidget *dialog, *progress_box, *cancel;

  test_fixture_add_many (repository, event_id, 5000);
  g_assert_true (g_file_set_contents (path, "old file", -1, NULL));
  dialog = open_dialog (repository, event_id, "cards");
  progress_box = gtk_widget_get_parent (find_widget (dialog, GTK_TYPE_PROGRESS_BAR));
  cancel = gtk_widget_get_last_child (progress_box);
  g_assert_true (GTK_IS_BUTTON (cancel));
  if (g_getenv ("TSUDOI_RENDER_KEEP") != NULL)
    {
      /* Only for looking at the bar and its button: the export itself
       * is over too soon to catch. */
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (find_widget (dialog, GTK_TYPE_PROGRESS_BAR)), 0.4);
      gtk_widget_set_visible (progress_box, TRUE);
      save_screenshot (dialog, "dialog-exporting.png");
      gtk_widget_set_visible (progress_box, FALSE);
    }
  g_assert_true (gtk_widget_activate_action (dialog, "print.export-to", "s", path));
  g_assert_true (gtk_widget_get_visible (progress_box));
  /* The bar follows the pages written while the window keeps running;
   * 500 pages leave time to cancel after the first. */
  TS_TEST_WAIT_UNTIL (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (
                        find_widget (dialog, GTK_TYPE_PROGRESS_BAR))) > 0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (
                       find_widget (dialog, GTK_TYPE_PROGRESS_BAR))), <, 0.5);
  g_signal_emit_by_name (cancel, "clicked");
  TS_TEST_WAIT_UNTIL (!gtk_widget_get_visible (progress_box));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old file");
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
  ts_test_wait_settled ();
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* Closing the window while it writes stops the export: no file and no
 * .part are left. */
static void
test_export_close (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "export.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  g_autofree char *path = g_build_filename (dir, "closed.pdf", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  GtkWidget *dialog;
  gpointer alive;

  test_fixture_add_many (repository, event_id, 5000);
  dialog = open_dialog (repository, event_id, "cards");
  alive = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &alive);
  g_assert_true (gtk_widget_activate_action (dialog, "print.export-to", "s", path));
  TS_TEST_WAIT_UNTIL (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (
                        find_widget (dialog, GTK_TYPE_PROGRESS_BAR))) > 0);
  /* Still writing when closed: the test means nothing otherwise. */
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (
                       find_widget (dialog, GTK_TYPE_PROGRESS_BAR))), <, 0.5);
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The export does not keep the dialog; its .part, made before the
   * first page, goes when the worker stops, renamed or removed. */
  TS_TEST_WAIT_UNTIL (alive == NULL && !g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  ts_test_wait_settled ();
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* Export PDF over the open database, or its -wal: refused on the spot
 * (the window stays as it was, nothing is written), never done. */
static void
test_export_over_database (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "export.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  g_autofree char *db = g_build_filename (dir, "export.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  const char *targets[] = { db, wal };
  GtkWidget *dialog, *progress_box;

  test_fixture_add_people (repository, event_id);
  dialog = open_dialog (repository, event_id, "roster");
  progress_box = gtk_widget_get_parent (find_widget (dialog, GTK_TYPE_PROGRESS_BAR));
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GBytes) before = ts_test_read_file (targets[i]);
      g_autoptr(GBytes) after = NULL;
      g_autofree char *part = g_strconcat (targets[i], ".part", NULL);

      g_assert_true (gtk_widget_activate_action (dialog, "print.export-to", "s", targets[i]));
      /* Had it started, wait for it to end, to see what it did. */
      TS_TEST_WAIT_UNTIL (!gtk_widget_get_visible (progress_box));
      after = ts_test_read_file (targets[i]);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* Seats everyone coming round three tables in the order of the list, but
 * 鰐淵, who is left for the box of those not seated yet; returns the
 * family name of someone at table 1. */
static const char *
seat_round_tables (TsRepository *repository,
                   gint64        event_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = ts_repository_list_attendance (repository, event_id, &error);
  g_autoptr(GArray) seats = g_array_new (FALSE, TRUE, sizeof (TsSeat));
  const char *at_one = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);
      TsSeat seat = { attendance->member->id, seats->len % 3 + 1, FALSE };

      if (!ts_attendance_is_present (attendance) &&
          attendance->status != TS_ATTENDANCE_STATUS_REGISTERED)
        continue;
      if (g_strcmp0 (attendance->member->family_name, "鰐淵") == 0)
        continue;
      if (seat.table == 1 && at_one == NULL)
        for (guint k = 0; k < test_n_people; k++)
          if (g_str_equal (test_people[k].family, attendance->member->family_name))
            at_one = test_people[k].family;
      g_array_append_val (seats, seat);
    }
  g_assert_true (ts_repository_save_seating (repository, event_id, 3, 0,
                                             (TsSeat *) seats->data, seats->len, &error));
  g_assert_no_error (error);
  g_assert_nonnull (at_one);
  return at_one;
}

/* Exports through the dialog's action, as the file chooser does, and
 * reads the PDF back. */
static char *
export_text (GtkWidget  *dialog,
             const char *path,
             guint      *n_pages)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);

  g_unlink (path);
  g_assert_true (gtk_widget_activate_action (dialog, "print.export-to", "s", path));
  TS_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS) &&
                      !gtk_widget_get_visible (progress_box (dialog)));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  if (g_getenv ("TSUDOI_RENDER_KEEP") != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *copy = g_build_filename (g_getenv ("TSUDOI_RENDER_KEEP"), base, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (copy, contents, length, NULL));
    }
  return ts_test_pdf_text (path, 0, n_pages);
}

static void
assert_contains (const char *text,
                 const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” missing: %s", what, text);
}

/* The table plan and the table cards from the event page's Print menu:
 * nothing to print, and said so, until tables are planned; then the
 * stored plan, each person with only what they allowed. */
static void
test_seating_export (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "seating.db");
  gint64 event_id = test_fixture_event (repository, "第1回 試験の会");
  g_autofree char *plan_path = g_build_filename (dir, "table-plan.pdf", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "table-plan-organizer.pdf", NULL);
  g_autofree char *cards_path = g_build_filename (dir, "table-cards.pdf", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *kinds[] = { "table-plan", "table-cards" };
  g_autofree char *text = NULL;
  const char *at_one;
  GtkWidget *dialog, *row;
  guint n_pages;

  test_fixture_add_people (repository, event_id);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GtkWidget *empty;

      dialog = open_dialog (repository, event_id, kinds[i]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_widget (dialog, GTK_TYPE_STACK))),
                       ==, "empty");
      empty = find_widget (dialog, ADW_TYPE_STATUS_PAGE);
      g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (empty)),
                                "まだ席決めをしていません"));
      /* Nor is an empty page written when asked anyway. */
      g_assert_true (gtk_widget_activate_action (dialog, "print.export-to", "s", plan_path));
      g_assert_false (gtk_widget_get_visible (progress_box (dialog)));
      g_assert_false (g_file_test (plan_path, G_FILE_TEST_EXISTS));
      if (i == 0)
        save_screenshot (dialog, "dialog-table-plan-none.png");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  at_one = seat_round_tables (repository, event_id);
  dialog = open_dialog (repository, event_id, "table-plan");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_widget (dialog, GTK_TYPE_STACK))),
                   ==, "preview");
  /* Table by table, whatever the order or the columns: no such rows. */
  g_assert_null (find_row (dialog, _("Co_mpact")));
  g_assert_null (find_row (dialog, _("Start at Slot")));
  g_assert_null (find_widget (dialog, ADW_TYPE_COMBO_ROW));
  save_screenshot (dialog, "dialog-table-plan.png");
  text = export_text (dialog, plan_path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  assert_contains (text, "テーブル1");
  assert_contains (text, "テーブル3");
  assert_contains (text, at_one);
  assert_contains (text, "あおき");
  assert_contains (text, "席未定");
  assert_contains (text, "鰐淵");
  /* Not listed: on the plan by name alone, without reading or work. */
  assert_contains (text, test_unlisted.family);
  assert_contains (text, test_unlisted.given);
  g_assert_null (strstr (text, "ひこうかい"));
  g_assert_null (strstr (text, "職種900"));
  g_assert_null (strstr (text, "取消"));
  g_assert_null (strstr (text, "欠席"));
  g_clear_pointer (&text, g_free);

  /* The organizer's own copy says more of them, and is remembered. */
  row = find_row (dialog, _("Organizer _Copy"));
  g_assert_nonnull (row);
  gtk_switch_set_active (GTK_SWITCH (find_widget (row, GTK_TYPE_SWITCH)), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "print-table-plan-organizer-copy"));
  text = export_text (dialog, copy_path, &n_pages);
  assert_contains (text, "ひこうかい");
  assert_contains (text, "職種900");
  g_clear_pointer (&text, g_free);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ts_test_wait_settled ();
  g_settings_reset (settings, "print-table-plan-organizer-copy");

  /* A card a table, names only, whoever prints them. */
  dialog = open_dialog (repository, event_id, "table-cards");
  g_assert_null (find_row (dialog, _("Organizer _Copy")));
  g_assert_null (find_row (dialog, _("Japanese _Era Dates")));
  save_screenshot (dialog, "dialog-table-cards.png");
  text = export_text (dialog, cards_path, &n_pages);
  g_assert_cmpuint (n_pages, ==, 3);
  assert_contains (text, "テーブル");
  assert_contains (text, at_one);
  assert_contains (text, test_unlisted.family);
  g_assert_null (strstr (text, "ひこうかい"));
  g_assert_null (strstr (text, "職種"));
  g_assert_null (strstr (text, "鰐淵"));
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
  g_test_add_func ("/render/print-dialog/preview", test_preview_and_empty);
  g_test_add_func ("/render/print-operation/export", test_print_operation_export);
  g_test_add_func ("/render/print-dialog/export", test_export_in_thread);
  g_test_add_func ("/render/print-dialog/marks-switch", test_marks_switch);
  g_test_add_func ("/render/print-dialog/remembered", test_options_remembered);
  g_test_add_func ("/render/print-dialog/wareki-switch", test_wareki_switch);
  g_test_add_func ("/render/print-dialog/compact-switch", test_compact_switch);
  g_test_add_func ("/render/print-dialog/export-cancel", test_export_cancel);
  g_test_add_func ("/render/print-dialog/export-over-database", test_export_over_database);
  g_test_add_func ("/render/print-dialog/export-close", test_export_close);
  g_test_add_func ("/render/print-dialog/seating", test_seating_export);
  return g_test_run ();
}
