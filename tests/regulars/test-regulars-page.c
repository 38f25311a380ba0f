/* test-regulars-page.c: the Regulars page in a real window under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include <sys/stat.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "regulars-dataset.h"
#include "ts-attendance-grid.h"
#include "ts-regulars-page.h"
#include "ts-report-dialog.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"

typedef struct {
  char         *dir;
  TsRepository *repository;
  Dataset       d;
  GtkWidget    *window;
  GtkWidget    *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "page.db");
  dataset_build (fixture->repository, &fixture->d);
  fixture->window = gtk_window_new ();
  fixture->page = ts_regulars_page_new (fixture->repository);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->page);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* The first descendant that the predicate accepts, depth first. */
static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*accept) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (accept (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, accept, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_lists_stack (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "lapsed");
}

static gboolean
is_pages_stack (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "choose");
}

static gboolean
is_type (GtkWidget *widget, gconstpointer data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data)) &&
         gtk_widget_get_mapped (widget);
}

/* Shown: a row without a contact hides its copy button. */
static gboolean
is_button_with_icon (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), data) == 0;
}

static const char *
list_title (Fixture    *fixture,
            const char *name)
{
  GtkWidget *stack = find_widget (fixture->page, is_lists_stack, NULL);

  g_assert_nonnull (stack);
  return gtk_stack_page_get_title (gtk_stack_get_page (GTK_STACK (stack),
    gtk_stack_get_child_by_name (GTK_STACK (stack), name)));
}

/* The lists follow the file when idle: waits for the title to say so. */
#define assert_list_title(fixture, name, expected)                                 \
  G_STMT_START {                                                                   \
    TS_TEST_WAIT_UNTIL (g_strcmp0 (list_title (fixture, name), expected) == 0);    \
    g_assert_cmpstr (list_title (fixture, name), ==, expected);                    \
  } G_STMT_END

static const char *
visible_page (Fixture *fixture)
{
  GtkWidget *stack = find_widget (fixture->page, is_pages_stack, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
show_chapter_a (Fixture *fixture)
{
  ts_regulars_page_set_today (TS_REGULARS_PAGE (fixture->page), DATASET_TODAY);
  ts_regulars_page_set_chapter (TS_REGULARS_PAGE (fixture->page), fixture->d.chapter_a);
  TS_TEST_WAIT_UNTIL (g_strcmp0 (visible_page (fixture), "content") == 0);
  TS_TEST_WAIT_FRAMES (fixture->page, 1);
}

static void
test_choose_then_show (Fixture       *fixture,
                       gconstpointer  data)
{
  TS_TEST_WAIT_FRAMES (fixture->page, 1);
  g_assert_cmpstr (visible_page (fixture), ==, "choose");
  show_chapter_a (fixture);
  g_assert_cmpstr (visible_page (fixture), ==, "content");
  /* On 31 January 2018 the last meeting was in December: N is new that
   * month; R is the regular, L and Q lapsed. */
  assert_list_title (fixture, "regulars", "Regulars (1)");
  assert_list_title (fixture, "first-timers", "New This Month (1)");
  assert_list_title (fixture, "lapsed", "Follow Up (2)");
}

static void
test_grid (Fixture       *fixture,
           gconstpointer  data)
{
  TsAttendanceGrid *grid;
  g_autofree char *first = NULL, *gap = NULL;

  show_chapter_a (fixture);
  /* Mapped and laid out: it has a width. */
  TS_TEST_WAIT_UNTIL ((grid = TS_ATTENDANCE_GRID (find_widget (fixture->page, is_type,
                         GSIZE_TO_POINTER (TS_TYPE_ATTENDANCE_GRID)))) != NULL &&
                      gtk_widget_get_width (GTK_WIDGET (grid)) > 0);
  /* Row 0 is R, the regular; months run January to December 2017. */
  first = ts_attendance_grid_describe (grid, 0, 0);
  g_assert_cmpstr (first, ==, "常連\u3000太郎 (Regular), 2017-01: present");
  gap = ts_attendance_grid_describe (grid, 0, 2);
  g_assert_cmpstr (gap, ==, "常連\u3000太郎 (Regular), 2017-03: no meeting");
}

static void
on_text_read_cb (GObject      *clipboard,
                 GAsyncResult *result,
                 gpointer      data)
{
  *(char **) data = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
}

static void
test_copy_contact (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *stack, *button;
  g_autofree char *text = NULL;

  show_chapter_a (fixture);
  stack = find_widget (fixture->page, is_lists_stack, NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "lapsed");
  /* Only L has a contact; Q has none, so there is one button. */
  TS_TEST_WAIT_UNTIL ((button = find_widget (stack, is_button_with_icon,
                                             "edit-copy-symbolic")) != NULL);
  g_signal_emit_by_name (button, "clicked");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (button), NULL, on_text_read_cb, &text);
  TS_TEST_WAIT_UNTIL (text != NULL);
  g_assert_cmpstr (text, ==, "離脱\u3000花子 <l@example.jp>");
  TS_TEST_WAIT_UNTIL (find_widget (stack, is_button_with_icon, "edit-copy-symbolic") == NULL);
}

static void
test_export_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "lapsed.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  mode_t old_umask = umask (022);
  GStatBuf st;

  show_chapter_a (fixture);
  g_assert_true (ts_regulars_page_save_list (TS_REGULARS_PAGE (fixture->page), "lapsed",
                                             file, &error));
  g_assert_no_error (error);
  umask (old_umask);
  /* Names and contact details: the owner's only. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFName,Organization,Profession,"));
  g_assert_nonnull (strstr (contents, ",Email,Phone\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n離脱\u3000花子,蒲田ケアセンター,介護福祉士,Lapsed,4,1,0,4,"
                                      "2017-01-26,2017-05-11,l@example.jp,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\n久保\u3000久,"));
  g_assert_null (strstr (contents, "常連"));
}

static void
test_thresholds (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *spins[2] = { NULL, NULL };
  GtkWidget *root;

  show_chapter_a (fixture);
  root = gtk_widget_get_first_child (fixture->page);
  /* The first spin button is N (meetings looked at), the second K. */
  TS_TEST_WAIT_UNTIL ((spins[0] = find_widget (root, is_type,
                                               GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON))) != NULL);
  spins[1] = find_widget (gtk_widget_get_next_sibling (gtk_widget_get_parent (spins[0])),
                          is_type, GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (spins[1]);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[0]), 20);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[1]), 2);
  /* K = 2 of N = 20 (all 9 meetings): R, M and W are regulars; L, Q and
   * T lapsed. */
  assert_list_title (fixture, "regulars", "Regulars (3)");
  assert_list_title (fixture, "lapsed", "Follow Up (3)");
}

static void
test_follows_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(TsMember) member = ts_member_new ();
  g_autoptr(TsAttendance) attendance = NULL;
  g_autoptr(GError) error = NULL;
  gint64 a10 = 0;

  show_chapter_a (fixture);
  events = ts_repository_list_events (fixture->repository, fixture->d.chapter_a, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);
      if (g_str_equal (event->starts_at, "2017-12-14T19:00"))
        a10 = event->id;
    }
  g_assert_cmpint (a10, >, 0);

  /* A second newcomer walks in at A10: the lists follow once idle. */
  g_object_set (member, "family-name", "飛入", "given-name", "明", NULL);
  g_assert_true (ts_repository_save_member (fixture->repository, member, &error));
  attendance = ts_repository_set_attendance (fixture->repository, a10, member->id, TS_ATTENDANCE_STATUS_WALK_IN,
                                             &error);
  g_assert_no_error (error);
  assert_list_title (fixture, "first-timers", "New This Month (2)");
}

static gboolean
is_report_button (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), "Monthly _Report…") == 0;
}

static TsReportDialog *
find_report_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (TS_IS_REPORT_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return TS_REPORT_DIALOG (window);
    }
  return NULL;
}

/* The report opens on a preview of the month shown, another month can be
 * chosen, and it saves as a PDF only its owner reads. */
static void
test_report_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  TsReportDialog *dialog;
  GtkDropDown *months;
  GtkWidget *button;
  int shown, earlier;
  gsize length;
  GStatBuf st;

  show_chapter_a (fixture);
  button = find_widget (fixture->page, is_report_button, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  TS_TEST_WAIT_UNTIL ((dialog = find_report_dialog ()) != NULL);
  /* No file chooser first: the month the page shows, in the preview. */
  shown = ts_report_dialog_get_month (dialog);
  g_assert_cmpint (shown, >, 0);
  months = GTK_DROP_DOWN (find_widget (GTK_WIDGET (dialog), is_type,
                                       GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN)));
  g_assert_nonnull (months);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (months)), >=, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (months), ==, 0);
  gtk_drop_down_set_selected (months, 1);
  earlier = ts_report_dialog_get_month (dialog);
  g_assert_cmpint (earlier, <, shown);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.save-to", "s", path));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Saved over the open database by mistake: refused, the file intact. */
  {
    g_autofree char *database = g_build_filename (fixture->dir, "page.db", NULL);
    g_autoptr(GBytes) before = ts_test_read_file (database);
    g_autoptr(GBytes) after = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.save-to", "s",
                                               database));
    after = ts_test_read_file (database);
    g_assert_true (g_bytes_equal (before, after));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The name says whose report it is and for when. */
  name = ts_report_dialog_file_name ("大田/医介塾", 2026 * 12 + 10);
  g_assert_cmpstr (name, ==, "大田-医介塾 Monthly Report November 2026.pdf");
}

static const char *
selected_chapter_name (GtkWidget *dropdown)
{
  TsChapter *chapter = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown));

  return chapter != NULL ? chapter->name : NULL;
}

/* The chapter drop-down is the repository's live chapters model: a
 * chapter added shows up, the one shown, renamed, stays chosen with its
 * analysis on screen, and deleted, leaves the page asking for another. */
static void
test_follows_chapters (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TsChapter) added = NULL;
  g_autoptr(TsChapter) chapter_a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lapsed = NULL;
  GtkWidget *dropdown;
  GListModel *chapters;
  guint n;

  show_chapter_a (fixture);
  dropdown = find_widget (fixture->page, is_type, GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (dropdown);
  chapters = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  n = g_list_model_get_n_items (chapters);
  lapsed = g_strdup (list_title (fixture, "lapsed"));
  added = ts_test_add_chapter (fixture->repository, "name", "蒲田医介塾", NULL);
  TS_TEST_WAIT_UNTIL (g_list_model_get_n_items (chapters) == n + 1);
  g_assert_cmpstr (selected_chapter_name (dropdown), ==, "大田医介塾");

  chapter_a = ts_repository_get_chapter (fixture->repository, fixture->d.chapter_a, &error);
  g_assert_no_error (error);
  g_object_set (chapter_a, "name", "大田医介塾本会", NULL);
  g_assert_true (ts_repository_save_chapter (fixture->repository, chapter_a, &error));
  g_assert_no_error (error);
  TS_TEST_WAIT_UNTIL (g_strcmp0 (selected_chapter_name (dropdown), "大田医介塾本会") == 0);
  TS_TEST_WAIT_UNTIL (g_strcmp0 (visible_page (fixture), "content") == 0);
  /* The same analysis (the thresholds are the earlier tests' settings). */
  assert_list_title (fixture, "lapsed", lapsed);

  /* Deleted, it is no longer there to analyse: the page asks for one. */
  g_assert_true (ts_repository_delete (fixture->repository, "chapter", fixture->d.chapter_a,
                                       &error));
  g_assert_no_error (error);
  TS_TEST_WAIT_UNTIL (g_strcmp0 (visible_page (fixture), "choose") == 0);
  g_assert_null (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (dropdown)));
}

static guint
count_rows (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) ==
         GTK_ACCESSIBLE_ROLE_LIST_ITEM;
  return n;
}

static gboolean
is_visible_list_view (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_LIST_VIEW (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_label_with_text (GtkWidget *widget, gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A chapter whose one meeting brought 300 people, all new: the list has
 * every one of them (no "Show All" cap) and builds rows for a few
 * screens only; the last person is there when scrolled to. */
static void
test_long_list (Fixture       *fixture,
                gconstpointer  data)
{
  const guint n = 300;
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (fixture->repository, "name", "大森医介塾",
                                                      NULL);
  g_autoptr(TsEvent) event = ts_test_add_event (fixture->repository, "chapter-id", chapter->id,
                                                "starts-at", "2018-01-18T19:00",
                                                "status", TS_EVENT_STATUS_HELD, NULL);
  g_autofree char *last_name = NULL;
  GtkWidget *stack, *list = NULL;
  g_autofree char *title = g_strdup_printf ("New This Month (%u)", n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *given = ts_test_kana_number (i);
      g_autoptr(TsMember) member = ts_test_add_member (fixture->repository,
                                                       "family-name", "初参加",
                                                       "given-name", given, NULL);

      ts_test_attend (fixture->repository, event->id, member->id,
                      TS_ATTENDANCE_STATUS_ATTENDED);
      if (i == n - 1)
        last_name = ts_member_dup_name (member);
    }
  ts_regulars_page_set_today (TS_REGULARS_PAGE (fixture->page), DATASET_TODAY);
  ts_regulars_page_set_chapter (TS_REGULARS_PAGE (fixture->page), chapter->id);
  TS_TEST_WAIT_UNTIL (g_strcmp0 (visible_page (fixture), "content") == 0);
  assert_list_title (fixture, "first-timers", title);

  stack = find_widget (fixture->page, is_lists_stack, NULL);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "first-timers");
  TS_TEST_WAIT_UNTIL ((list = find_widget (stack, is_visible_list_view, NULL)) != NULL &&
                      count_rows (list) > 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (list)))), ==, n);
  g_assert_cmpuint (count_rows (list), <, n);
  g_assert_null (find_widget (stack, is_label_with_text, "Show All 300"));

  /* Sorted by name, the last one made is the last row. */
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", n - 1);
  TS_TEST_WAIT_UNTIL (find_widget (list, is_label_with_text, last_name) != NULL);
  g_assert_cmpuint (count_rows (list), <, n);
}

int
main (int    argc,
      char **argv)
{
  /* As every window test: no accessibility bus (parallel sessions share
   * its socket, and a vanished one is a critical), no fatal warning for a
   * missing session bus. */
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);
#define ADD(path, func) \
  g_test_add ("/regulars-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("choose-then-show", test_choose_then_show);
  ADD ("grid", test_grid);
  ADD ("copy-contact", test_copy_contact);
  ADD ("export-csv", test_export_csv);
  ADD ("thresholds", test_thresholds);
  ADD ("follows-changes", test_follows_changes);
  ADD ("report-preview", test_report_preview);
  ADD ("long-list", test_long_list);
  ADD ("follows-chapters", test_follows_chapters);
  return g_test_run ();
}
