/* test-merge-dialog.c: two people who are one, merged through the dialog
 * from the main menu and brought back with the toast's Undo; an event
 * wrapped up from its page and undone the same way. The database is
 * looked at after each step.
 *
 * Set TSUDOI_TEST_SCREENSHOTS to a folder to also save the dialog as PNG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-event-page.h"
#include "ts-events-view.h"
#include "ts-merge-dialog.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"
#include "ts-ui-test-util.h"
#include "ts-window.h"

static TsApplication *application;

typedef struct {
  TsTestDb  db;
  TsWindow *window;
  gint64    events[2];
  gint64    keep;
  gint64    other;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  TsRepository *repository;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsMember) keep = NULL;
  g_autoptr(TsMember) other = NULL;

  ts_test_db_init (&f->db, "merge-dialog.db");
  repository = f->db.repository;
  chapter = ts_test_add_chapter (repository, "name", "大田医介塾", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (f->events); i++)
    {
      g_autoptr(TsEvent) event = ts_test_add_event (repository, "chapter-id", chapter->id,
                                                    "title", i ? "第2回" : "第1回",
                                                    "starts-at", i ? "2026-11-26T19:00"
                                                                   : "2026-10-22T19:00",
                                                    NULL);
      f->events[i] = event->id;
    }
  keep = ts_test_add_member (repository, "family-name", "斎藤", "given-name", "太郎",
                             "family-reading", "さいとう", "given-reading", "たろう",
                             "organization", "大田病院", "profession", "看護師", NULL);
  other = ts_test_add_member (repository, "family-name", "斉藤", "given-name", "太郎",
                              "family-reading", "サイトウ", "given-reading", "タロウ",
                              "organization", "蒲田クリニック",
                              "email", "saito@example.jp", NULL);
  f->keep = keep->id;
  f->other = other->id;
  /* Registered on a form as one, walked in as the other. */
  ts_test_attend (repository, f->events[0], keep->id, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, f->events[0], other->id, TS_ATTENDANCE_STATUS_REGISTERED);
  ts_test_attend (repository, f->events[1], other->id, TS_ATTENDANCE_STATUS_WALK_IN);

  f->window = ts_window_new (application, repository);
  gtk_window_present (GTK_WINDOW (f->window));
  TS_TEST_WAIT_FRAMES (f->window, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ts_test_wait_settled ();
  ts_test_db_clear (&f->db);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static guint
count_members (Fixture *f)
{
  g_autoptr(GListModel) members = ts_repository_list_members (f->db.repository, NULL, NULL);

  return g_list_model_get_n_items (members);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = NULL;

  TS_TEST_WAIT_UNTIL ((button = ts_ui_test_find_button (root, label)) != NULL);
  g_signal_emit_by_name (button, "clicked");
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("TSUDOI_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  TS_TEST_WAIT_FRAMES (widget, 2);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (ts_ui_test_save_png (widget, path, &error));
}

static void
test_merge_and_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *before = ts_test_dump_database (f->db.path);
  g_autofree char *after_undo = NULL;
  g_autoptr(GtkWidget) dialog = NULL;
  g_autoptr(TsMember) merged = NULL;
  g_autoptr(GListModel) history = NULL;
  GtkWidget *take_organization = NULL;
  GtkWidget *email = NULL;
  GtkWindow *top = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find-duplicates", NULL);
  TS_TEST_WAIT_UNTIL ((top = ts_ui_test_top_dialog (TS_TYPE_MERGE_DIALOG)) != NULL);
  dialog = g_object_ref (GTK_WIDGET (top));
  g_assert_cmpuint (ts_merge_dialog_get_n_pairs (TS_MERGE_DIALOG (dialog)), ==, 1);

  /* Differing fields only; the kept member's value where set, else the
   * other's: the email comes from the other by default. */
  TS_TEST_WAIT_UNTIL ((take_organization = find_named (dialog, "other:organization")) != NULL);
  TS_TEST_WAIT_UNTIL ((email = find_named (dialog, "other:email")) != NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (email)));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (take_organization)));
  g_assert_nonnull (find_named (dialog, "keep:reading"));
  g_assert_nonnull (find_named (dialog, "keep:name"));
  g_assert_null (find_named (dialog, "keep:phone"));  /* the same: nothing to choose */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (take_organization), TRUE);
  save_screenshot (dialog, "merge-dialog.png");

  click (dialog, _("_Merge"));
  TS_TEST_WAIT_UNTIL (count_members (f) == 1);
  /* The last pair merged, the dialog has nothing more to show. */
  TS_TEST_WAIT_UNTIL (!gtk_widget_get_visible (dialog));

  merged = ts_repository_get_member (f->db.repository, f->keep, NULL);
  g_assert_nonnull (merged);
  g_assert_cmpstr (merged->family_name, ==, "斎藤");
  g_assert_cmpstr (merged->organization, ==, "蒲田クリニック");
  g_assert_cmpstr (merged->email, ==, "saito@example.jp");
  g_assert_cmpstr (merged->profession, ==, "看護師");
  g_assert_cmpint (merged->times_attended, ==, 2);
  history = ts_repository_list_member_history (f->db.repository, f->keep, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  g_assert_null (ts_repository_get_member (f->db.repository, f->other, NULL));

  /* The toast is on the main window, and its Undo brings both back as
   * they were, rows, numbers and time stamps. */
  click (GTK_WIDGET (f->window), _("_Undo"));
  TS_TEST_WAIT_UNTIL (count_members (f) == 2);
  after_undo = ts_test_dump_database (f->db.path);
  g_assert_cmpstr (after_undo, ==, before);
}

static gboolean
event_is (Fixture    *f,
          const char *status)
{
  g_autoptr(TsEvent) event = ts_repository_get_event (f->db.repository, f->events[1], NULL);

  return g_strcmp0 (ts_enum_get_nick (TS_TYPE_EVENT_STATUS, event->status), status) == 0;
}

static void
test_wrap_up_and_undo (Fixture       *f,
                       gconstpointer  data)
{
  TsRepository *repository = f->db.repository;
  GtkWidget *page;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_autoptr(GListModel) attendance = NULL;
  guint no_shows = 0;

  ts_test_attend (repository, f->events[1], f->keep, TS_ATTENDANCE_STATUS_REGISTERED);
  {
    g_autoptr(TsMember) third = ts_test_add_member (repository, "family-name", "鈴木", NULL);
    ts_test_attend (repository, f->events[1], third->id, TS_ATTENDANCE_STATUS_REGISTERED);
  }
  before = ts_test_dump_database (f->db.path);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-event", "x", f->events[1]);
  page = ts_events_view_get_page (TS_EVENTS_VIEW (ts_window_get_view (f->window, "events")));
  TS_TEST_WAIT_UNTIL (ts_event_page_get_event_id (TS_EVENT_PAGE (page)) == f->events[1] &&
                      gtk_widget_get_mapped (page));
  gtk_widget_activate_action (page, "event.close", NULL);
  TS_TEST_WAIT_UNTIL (event_is (f, "held"));

  attendance = ts_repository_list_attendance (repository, f->events[1], NULL);
  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(TsAttendance) row = g_list_model_get_item (attendance, i);

      if (row->member_id == f->other)
        g_assert_cmpint (row->status, ==, TS_ATTENDANCE_STATUS_WALK_IN);
      else
        no_shows += row->status == TS_ATTENDANCE_STATUS_NO_SHOW;
    }
  g_assert_cmpuint (no_shows, ==, 2);
  {
    g_autofree char *toast = g_strdup_printf (ngettext ("%u person marked as a no-show",
                                                        "%u people marked as no-shows", 2), 2);
    TS_TEST_WAIT_UNTIL (has_label (GTK_WIDGET (f->window), toast));
  }
  save_screenshot (GTK_WIDGET (f->window), "event-wrapped-up.png");

  click (GTK_WIDGET (f->window), _("_Undo"));
  TS_TEST_WAIT_UNTIL (event_is (f, "planned"));
  after_undo = ts_test_dump_database (f->db.path);
  g_assert_cmpstr (after_undo, ==, before);
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

  g_test_add ("/ui/merge-dialog/merge-and-undo", Fixture, NULL, fixture_set_up,
              test_merge_and_undo, fixture_tear_down);
  g_test_add ("/ui/merge-dialog/wrap-up-and-undo", Fixture, NULL, fixture_set_up,
              test_wrap_up_and_undo, fixture_tear_down);
  return g_test_run ();
}
