/* test-event-context.c: what the organizer was looking at is kept: a
 * person added from an event's page belongs to its chapter and is on its
 * list, and a name in the Regulars lists opens that person's page. In
 * the real window, on a real SQLite file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-application.h"
#include "ts-attendance-grid.h"
#include "ts-attendee-picker.h"
#include "ts-event-page.h"
#include "ts-events-view.h"
#include "ts-member-dialog.h"
#include "ts-member-page.h"
#include "ts-regulars-page.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"
#include "ts-ui-test-util.h"
#include "ts-window.h"

static TsApplication *application;

typedef struct {
  char         *dir;
  TsRepository *repository;
  gint64        chapter_id;
  gint64        event_id;
  gint64        yamada;
  TsWindow     *window;
} Fixture;

static gint64
add_event (Fixture       *f,
           const char    *starts_at,
           TsEventStatus  status)
{
  g_autoptr(TsEvent) event = ts_test_add_event (f->repository, "chapter-id", f->chapter_id,
                                                "starts-at", starts_at, "status", status,
                                                "title", starts_at, NULL);

  return event->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TsChapter) first = NULL;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsMember) yamada = NULL;

  f->dir = ts_test_make_temp_dir ();
  f->repository = ts_test_open_repository (f->dir, "context.db");
  /* Listed before the event's chapter: a form that picked the first
   * chapter, or none, would show. */
  first = ts_test_add_chapter (f->repository, "name", "札幌医介塾", "reading", "さっぽろいかいじゅく",
                               "region", "北海道", NULL);
  chapter = ts_test_add_chapter (f->repository, "name", "大田医介塾",
                                 "reading", "おおたいかいじゅく", "region", "東京都", NULL);
  f->chapter_id = chapter->id;
  f->event_id = add_event (f, "2026-12-17T19:00", TS_EVENT_STATUS_PLANNED);
  yamada = ts_test_add_member (f->repository, "family-name", "山田", "given-name", "花子",
                               "family-reading", "やまだ", "given-reading", "はなこ",
                               "organization", "さくら病院", NULL);
  f->yamada = yamada->id;
  f->window = ts_window_new (application, f->repository);
  gtk_window_present (GTK_WINDOW (f->window));
  TS_TEST_WAIT_FRAMES (f->window, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = ts_ui_test_top_dialog (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (f->window));
  ts_test_wait_settled ();
  g_clear_object (&f->repository);
  ts_test_remove_dir (f->dir);
  g_free (f->dir);
}

typedef struct {
  const char *text;
  gboolean    done;
} Search;

static void
on_search_done_cb (GtkSearchEntry *entry,
                   Search         *search)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), search->text) == 0)
    search->done = TRUE;
}

/* Types into a search entry and waits for its delayed search to run. */
static void
type_search (GtkWidget  *entry,
             const char *text)
{
  Search search = { text, FALSE };
  gulong id = g_signal_connect_after (entry, "search-changed", G_CALLBACK (on_search_done_cb),
                                      &search);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  TS_TEST_WAIT_UNTIL (search.done);
  g_signal_handler_disconnect (entry, id);
}

/* With $TSUDOI_SCREENSHOTS set to a folder (and $TSUDOI_JA for Japanese),
 * the windows are saved there as PNGs for people to look at. */
static void
capture (GtkWidget  *widget,
         const char *name)
{
  const char *dir = g_getenv ("TSUDOI_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    return;
  TS_TEST_WAIT_FRAMES (widget, 3);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_mkdir_with_parents (dir, 0755);
  if (!ts_ui_test_save_png (widget, path, &error))
    g_error ("%s", error->message);
}

static GtkWidget *
open_picker (Fixture *f)
{
  GtkWidget *page = ts_events_view_get_page (TS_EVENTS_VIEW (ts_window_get_view (f->window,
                                                                                 "events")));
  GtkWidget *picker;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-event", "x", f->event_id);
  TS_TEST_WAIT_UNTIL (ts_event_page_get_event_id (TS_EVENT_PAGE (page)) == f->event_id);
  gtk_widget_activate_action (page, "event.add-attendees", NULL);
  TS_TEST_WAIT_UNTIL ((picker = GTK_WIDGET (ts_ui_test_top_dialog (TS_TYPE_ATTENDEE_PICKER))) != NULL);
  return picker;
}

static const char *
row_text (GtkWidget  *dialog,
          const char *title)
{
  GtkWidget *row = ts_ui_test_find_row (dialog, title);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The member as stored, with their attendance at the event. */
static void
assert_registered (Fixture    *f,
                   const char *family_name,
                   const char *given_name,
                   const char *family_reading)
{
  TsDatabase *database = ts_repository_get_database (f->repository);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (database,
    "SELECT m.given_name, m.family_reading, m.home_chapter_id, a.status"
    " FROM member m LEFT JOIN attendance a ON a.member_id = m.id AND a.event_id = ?1"
    " WHERE m.family_name = ?2 AND m.deleted_at IS NULL", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, f->event_id);
  sqlite3_bind_text (stmt, 2, family_name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, given_name);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, family_reading);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 2), ==, f->chapter_id);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "registered");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

/* The chapter row shows the event's chapter, not the first or none. */
static void
assert_chapter_chosen (GtkWidget  *dialog,
                       const char *name)
{
  GtkWidget *row = ts_ui_test_find_row (dialog, _("Home Chapter"));
  GListModel *choices;
  guint selected;

  g_assert_true (ADW_IS_COMBO_ROW (row));
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), selected), ==, name);
}

static void
test_picker_adds_new_member (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *picker = open_picker (f);
  GtkWidget *entry = ts_ui_test_find_type (picker, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *button;
  GtkWidget *dialog;

  /* Someone who is a member already: no offer to add them again. */
  type_search (entry, "やまだ");
  button = ts_ui_test_find_button (picker, _("_Add New Member…"));
  g_assert_true (button == NULL || !gtk_widget_get_mapped (button));

  /* Nobody matches: the picker offers to add them, with what was typed. */
  type_search (entry, "比嘉 優");
  TS_TEST_WAIT_UNTIL ((button = ts_ui_test_find_button (picker, _("_Add New Member…"))) != NULL &&
                      gtk_widget_get_mapped (button));
  capture (picker, "picker-no-match");
  g_signal_emit_by_name (button, "clicked");
  TS_TEST_WAIT_UNTIL ((dialog = GTK_WIDGET (ts_ui_test_top_dialog (TS_TYPE_MEMBER_DIALOG))) != NULL);
  capture (dialog, "member-for-event");
  g_assert_cmpstr (row_text (dialog, _("Family Name *")), ==, "比嘉");
  g_assert_cmpstr (row_text (dialog, _("Given Name")), ==, "優");
  assert_chapter_chosen (dialog, "大田医介塾");
  ts_ui_test_type (dialog, _("Family Name Reading *"), "ひが");
  ts_ui_test_type (dialog, _("Given Name Reading"), "ゆう");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  TS_TEST_WAIT_UNTIL (ts_ui_test_top_dialog (TS_TYPE_MEMBER_DIALOG) == NULL);
  assert_registered (f, "比嘉", "優", "ひが");
  /* The picker is still there for the next person, its field empty. */
  g_assert_true (ts_ui_test_top_dialog (TS_TYPE_ATTENDEE_PICKER) == GTK_WINDOW (picker));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  /* A reading typed, then Enter at once: the form starts with it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "キンジョウ　マイ");
  g_signal_emit_by_name (entry, "activate");
  TS_TEST_WAIT_UNTIL ((dialog = GTK_WIDGET (ts_ui_test_top_dialog (TS_TYPE_MEMBER_DIALOG))) != NULL);
  g_assert_cmpstr (row_text (dialog, _("Family Name Reading *")), ==, "きんじょう");
  g_assert_cmpstr (row_text (dialog, _("Given Name Reading")), ==, "まい");
  ts_ui_test_type (dialog, _("Family Name *"), "金城");
  ts_ui_test_type (dialog, _("Given Name"), "舞");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  TS_TEST_WAIT_UNTIL (ts_ui_test_top_dialog (TS_TYPE_MEMBER_DIALOG) == NULL);
  assert_registered (f, "金城", "舞", "きんじょう");
}

/* 山田 came to the last six meetings, 佐藤 to the last one only. */
static gint64
make_history (Fixture *f)
{
  g_autoptr(TsMember) sato = ts_test_add_member (f->repository, "family-name", "佐藤",
                                                 "given-name", "一郎", "family-reading", "さとう",
                                                 "given-reading", "いちろう", NULL);
  gint64 event_id = 0;

  for (int month = 6; month <= 11; month++)
    {
      g_autofree char *starts_at = g_strdup_printf ("2026-%02d-19T19:00", month);
      g_autoptr(TsAttendance) a = NULL;

      event_id = add_event (f, starts_at, TS_EVENT_STATUS_HELD);
      a = ts_repository_set_attendance (f->repository, event_id, f->yamada,
                                        TS_ATTENDANCE_STATUS_ATTENDED, NULL);
      g_assert_nonnull (a);
    }
  g_assert_nonnull (ts_repository_set_attendance (f->repository, event_id, sato->id,
                                                  TS_ATTENDANCE_STATUS_ATTENDED, NULL));
  return sato->id;
}

/* The name of @name's row in a list view, shown or not. */
static GtkWidget *
find_list_row_name (GtkWidget  *widget,
                    const char *name)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_VIEW) != NULL &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_row_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Shows the list (a page of the lists' stack) that holds @row, as its
 * switcher button does. */
static void
show_list_of (GtkWidget *row)
{
  GtkWidget *page = row;
  GtkWidget *stack = gtk_widget_get_ancestor (row, GTK_TYPE_STACK);

  g_assert_nonnull (stack);
  while (gtk_widget_get_parent (page) != stack)
    page = gtk_widget_get_parent (page);
  gtk_stack_set_visible_child (GTK_STACK (stack), page);
}

/* The row opens the person's page through the row's own action, the one
 * a screen reader offers and that Enter and a click run. */
static void
open_from_regulars (Fixture    *f,
                    const char *name,
                    gint64      member_id)
{
  GtkWidget *regulars = ts_window_get_view (f->window, "regulars");
  GtkWidget *members = ts_window_get_view (f->window, "members");
  GtkWidget *label = NULL;
  GtkWidget *page = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "regulars");
  TS_TEST_WAIT_UNTIL ((label = find_list_row_name (regulars, name)) != NULL);
  show_list_of (label);
  TS_TEST_WAIT_UNTIL ((label = find_list_row_name (regulars, name)) != NULL &&
                      gtk_widget_get_mapped (label));
  g_assert_true (gtk_widget_activate_action (label, "row.activate", NULL));
  TS_TEST_WAIT_UNTIL ((page = ts_ui_test_find_type (members, TS_TYPE_MEMBER_PAGE)) != NULL &&
                      ts_member_page_get_member_id (TS_MEMBER_PAGE (page)) == member_id &&
                      gtk_widget_get_mapped (page));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget holds it */
    }
  g_assert_not_reached ();
}

static void
wait_member_page (Fixture *f,
                  gint64   member_id)
{
  GtkWidget *members = ts_window_get_view (f->window, "members");
  GtkWidget *page = NULL;

  TS_TEST_WAIT_UNTIL ((page = ts_ui_test_find_type (members, TS_TYPE_MEMBER_PAGE)) != NULL &&
                      ts_member_page_get_member_id (TS_MEMBER_PAGE (page)) == member_id &&
                      gtk_widget_get_mapped (page));
}

/* The members × months grid: a click on a name, or Enter on a row, opens
 * the member's page too. Rows are 20 px under a 38 px header, 山田 first. */
static void
open_from_grid (Fixture *f,
                gint64   sato)
{
  GtkWidget *regulars = ts_window_get_view (f->window, "regulars");
  GtkWidget *grid = NULL;
  gboolean handled = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "regulars");
  TS_TEST_WAIT_UNTIL ((grid = ts_ui_test_find_type (regulars, TS_TYPE_ATTENDANCE_GRID)) != NULL);
  g_signal_emit_by_name (find_controller (grid, GTK_TYPE_GESTURE_CLICK), "pressed",
                         1, 10.0, 38.0 + 20.0 + 10.0);
  wait_member_page (f, sato);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "regulars");
  TS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (grid));
  ts_attendance_grid_set_cursor (TS_ATTENDANCE_GRID (grid), 0, 5);
  g_signal_emit_by_name (find_controller (grid, GTK_TYPE_EVENT_CONTROLLER_KEY), "key-pressed",
                         GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  wait_member_page (f, f->yamada);
}

static void
test_regulars_open_member (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *regulars = ts_window_get_view (f->window, "regulars");
  gint64 sato = make_history (f);

  ts_regulars_page_set_today (TS_REGULARS_PAGE (regulars), "2026-11-30T23:59");
  ts_regulars_page_set_chapter (TS_REGULARS_PAGE (regulars), f->chapter_id);
  /* A regular, then a first-timer from the next list. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "regulars");
  TS_TEST_WAIT_UNTIL (find_list_row_name (regulars, "山田　花子") != NULL);
  capture (GTK_WIDGET (f->window), "regulars-lists");
  open_from_regulars (f, "山田　花子", f->yamada);
  capture (GTK_WIDGET (f->window), "regulars-opened-member");
  open_from_regulars (f, "佐藤　一郎", sato);
  open_from_grid (f, sato);
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
  g_test_add ("/event-context/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("picker-adds-new-member", test_picker_adds_new_member);
  ADD ("regulars-open-member", test_regulars_open_member);
#undef ADD
  return g_test_run ();
}
