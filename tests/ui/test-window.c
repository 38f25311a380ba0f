/* test-window.c: the organizer's window driven like a person would:
 * create a chapter, an event and three members through the dialogs,
 * register them, change a status, delete and undo; then look in the
 * database to see that it all happened.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "ts-attendee-picker.h"
#include "ts-attendee-row.h"
#include "ts-chapter-dialog.h"
#include "ts-check-in-window.h"
#include "ts-event-dialog.h"
#include "ts-event-page.h"
#include "ts-events-view.h"
#include "ts-member-dialog.h"
#include "ts-member-page.h"
#include "ts-member-row.h"
#include "ts-member-table-header.h"
#include "ts-member-table-row.h"
#include "ts-members-view.h"
#include "ts-regulars.h"
#include "ts-test-support.h"
#include "ts-ui-test-util.h"
#include "ts-window.h"
#include "ts-test-gtk.h"

/* One application for the whole run, as in the real program: windows
 * such as the check-in window belong to it. */
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
  f->repository = ts_test_open_repository (f->dir, "test.db");
  f->window = ts_window_new (application, f->repository);
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

static GtkWidget *
open_dialog (Fixture    *f,
             const char *action,
             GVariant   *parameter,
             GType       type)
{
  GtkWindow *dialog;

  gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter);
  TS_TEST_WAIT_UNTIL ((dialog = ts_ui_test_top_dialog (type)) != NULL);
  return GTK_WIDGET (dialog);
}

/* Saves what was typed: the dialog closes. */
static void
save_closes (GtkWidget *dialog)
{
  g_autoptr(GtkWidget) ref = g_object_ref (dialog);

  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  TS_TEST_WAIT_UNTIL (!gtk_widget_get_visible (dialog));
}

/* Saves a mistake: the dialog stays open with the reason. Whatever the
 * save queued has run before it is looked at. */
static void
save_refused (GtkWidget *dialog)
{
  g_autoptr(GtkWidget) ref = g_object_ref (dialog);

  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  ts_test_wait_settled ();
  g_assert_true (gtk_widget_get_visible (dialog));
}

static gint64
create_chapter (Fixture *f)
{
  GtkWidget *dialog = open_dialog (f, "win.new-chapter", NULL, TS_TYPE_CHAPTER_DIALOG);
  g_autoptr(GListModel) chapters = NULL;
  g_autoptr(TsChapter) chapter = NULL;

  ts_ui_test_type (dialog, _("Name *"), "蒲田医介塾");
  ts_ui_test_type (dialog, _("Reading *"), "kamata");
  save_refused (dialog);  /* a reading in romaji is refused */
  chapters = ts_repository_list_chapters (f->repository, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, 0);

  ts_ui_test_type (dialog, _("Reading *"), "カマタイカイジュク");
  ts_ui_test_type (dialog, _("Usual Schedule"), "毎月第4木曜 19:00");
  ts_ui_test_type (dialog, _("Usual Venue"), "蒲田区民ホール");
  {
    /* The region is picked from the network's list, not typed; the list
     * shows labels ("Tokyo" in English) and stores the Japanese name. */
    GtkWidget *region = ts_ui_test_find_row (dialog, _("Region"));
    GListModel *choices;
    guint tokyo = G_MAXUINT;

    g_assert_true (ADW_IS_COMBO_ROW (region));
    choices = adw_combo_row_get_model (ADW_COMBO_ROW (region));
    g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 11);
    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i),
                     ts_region_label ("東京都")) == 0)
        tokyo = i;
    g_assert_cmpuint (tokyo, !=, G_MAXUINT);
    adw_combo_row_set_selected (ADW_COMBO_ROW (region), tokyo);
  }
  save_closes (dialog);
  g_clear_object (&chapters);
  chapters = ts_repository_list_chapters (f->repository, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (chapters), ==, 1);
  chapter = g_list_model_get_item (chapters, 0);
  g_assert_cmpstr (chapter->name, ==, "蒲田医介塾");
  g_assert_cmpstr (chapter->schedule, ==, "毎月第4木曜 19:00");
  g_assert_cmpstr (chapter->region, ==, "東京都");
  return chapter->id;
}

static gint64
create_event (Fixture *f,
              gint64   chapter_id)
{
  GtkWidget *dialog = open_dialog (f, "win.new-event", g_variant_new_int64 (chapter_id),
                                   TS_TYPE_EVENT_DIALOG);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(TsEvent) event = NULL;

  ts_ui_test_type (dialog, _("Title *"), "第1回 蒲田医介塾");
  ts_ui_test_type (dialog, _("Date *"), "2026-02-30");
  save_refused (dialog);  /* that day does not exist */
  ts_ui_test_type (dialog, _("Date *"), "2026-12-24");
  ts_ui_test_type (dialog, _("Fee (yen)"), "三千");
  save_refused (dialog);
  ts_ui_test_type (dialog, _("Fee (yen)"), "3000");
  ts_ui_test_type (dialog, _("Ends At"), "21:00");
  save_closes (dialog);

  events = ts_repository_list_events (f->repository, chapter_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  event = g_list_model_get_item (events, 0);
  g_assert_cmpstr (event->starts_at, ==, "2026-12-24T19:00");
  g_assert_cmpstr (event->ends_at, ==, "2026-12-24T21:00");
  g_assert_cmpint (event->fee, ==, 3000);
  /* The venue came from the chapter's usual one. */
  g_assert_cmpstr (event->venue, ==, "蒲田区民ホール");
  return event->id;
}

static void
create_member (Fixture    *f,
               const char *family,
               const char *given,
               const char *family_reading,
               const char *given_reading,
               const char *email)
{
  GtkWidget *dialog = open_dialog (f, "win.new-member", NULL, TS_TYPE_MEMBER_DIALOG);

  ts_ui_test_type (dialog, _("Family Name *"), family);
  ts_ui_test_type (dialog, _("Given Name"), given);
  ts_ui_test_type (dialog, _("Family Name Reading *"), family_reading);
  ts_ui_test_type (dialog, _("Given Name Reading"), given_reading);
  ts_ui_test_type (dialog, _("Organization"), "蒲田訪問看護ステーション");
  ts_ui_test_type (dialog, _("Email"), "not an address");
  save_refused (dialog);
  ts_ui_test_type (dialog, _("Email"), email);
  save_closes (dialog);
}

static guint
count_attendance (Fixture    *f,
                  gint64      event_id,
                  const char *status)
{
  g_autoptr(GListModel) list = ts_repository_list_attendance (f->repository, event_id, NULL);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);

      if (status == NULL ||
          g_strcmp0 (ts_enum_get_nick (TS_TYPE_ATTENDANCE_STATUS, attendance->status), status) == 0)
        n++;
    }
  return n;
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

/* Types into a search entry and waits for its search to have run: the
 * entry waits a moment for more typing before it says "search-changed"
 * (at once for an empty field, which replacing the text passes through),
 * and this runs after the window's own handler. */
static void
type_search (GtkWidget  *entry,
             const char *text)
{
  Search search = { text, FALSE };
  gulong id;

  /* The same text again changes nothing and searches nothing. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0)
    return;
  id = g_signal_connect_after (entry, "search-changed", G_CALLBACK (on_search_done_cb), &search);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  TS_TEST_WAIT_UNTIL (search.done);
  g_signal_handler_disconnect (entry, id);
}

static void
register_all (Fixture *f,
              gint64   event_id)
{
  TsEventPage *page = TS_EVENT_PAGE (ts_events_view_get_page (
    TS_EVENTS_VIEW (ts_window_get_view (f->window, "events"))));
  GtkWidget *picker;
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-event", "x", event_id);
  TS_TEST_WAIT_UNTIL (ts_event_page_get_event_id (page) == event_id);
  gtk_widget_activate_action (GTK_WIDGET (page), "event.add-attendees", NULL);
  TS_TEST_WAIT_UNTIL ((picker = GTK_WIDGET (ts_ui_test_top_dialog (TS_TYPE_ATTENDEE_PICKER))) != NULL);
  TS_TEST_WAIT_UNTIL ((entry = ts_ui_test_find_type (picker, GTK_TYPE_SEARCH_ENTRY)) != NULL);
  /* Katakana typed, hiragana stored: they match. */
  type_search (entry, "ヤマダ");
  g_signal_emit_by_name (entry, "activate");
  TS_TEST_WAIT_UNTIL (count_attendance (f, event_id, "registered") == 1);
  for (guint i = 0; i < 2; i++)
    {
      type_search (entry, "");
      g_signal_emit_by_name (entry, "activate");
      TS_TEST_WAIT_UNTIL (count_attendance (f, event_id, "registered") == 2 + i);
    }
  /* Nobody is left to add: Enter does nothing more. */
  g_signal_emit_by_name (entry, "activate");
  ts_test_wait_settled ();
  g_assert_cmpuint (count_attendance (f, event_id, NULL), ==, 3);
  gtk_window_close (GTK_WINDOW (picker));
  TS_TEST_WAIT_UNTIL (ts_ui_test_top_dialog (TS_TYPE_ATTENDEE_PICKER) == NULL);
}

static guint
count_paid (Fixture *f,
            gint64   event_id)
{
  g_autoptr(GListModel) list = ts_repository_list_attendance (f->repository, event_id, NULL);
  guint n_paid = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);

      n_paid += attendance->paid;
    }
  return n_paid;
}

static void
mark_first_attended (Fixture *f,
                     gint64   event_id)
{
  GtkWidget *page = ts_events_view_get_page (TS_EVENTS_VIEW (ts_window_get_view (f->window,
                                                                                 "events")));
  GtkWidget *row = NULL;

  /* The first attendee row's status menu, as a person picks from it. */
  TS_TEST_WAIT_UNTIL ((row = ts_ui_test_find_type (page, TS_TYPE_ATTENDEE_ROW)) != NULL);
  g_assert_true (gtk_widget_activate_action (row, "attendee.status", "s", "attended"));
  TS_TEST_WAIT_UNTIL (count_attendance (f, event_id, "attended") == 1);
  ts_test_wait_settled ();
  g_assert_cmpuint (count_attendance (f, event_id, "registered"), ==, 2);

  /* Tick "Paid" on the first row. */
  {
    GtkWidget *paid = NULL;

    TS_TEST_WAIT_UNTIL ((paid = ts_ui_test_find_type (page, GTK_TYPE_CHECK_BUTTON)) != NULL);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (paid), TRUE);
    TS_TEST_WAIT_UNTIL (count_paid (f, event_id) == 1);
    ts_test_wait_settled ();
    g_assert_cmpuint (count_paid (f, event_id), ==, 1);
  }
}

static guint
count_members (Fixture *f)
{
  g_autoptr(GListModel) members = ts_repository_list_members (f->repository, NULL, NULL);

  return g_list_model_get_n_items (members);
}

/* Whether the Members list holds the member now. */
static gboolean
list_shows_member (GtkWidget *view,
                   gint64     id)
{
  GtkWidget *list = ts_ui_test_find_type (view, GTK_TYPE_GRID_VIEW);
  GListModel *model = list != NULL ? G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list))) : NULL;

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TsMemberRow) row = g_list_model_get_item (model, i);
      TsMember *member = ts_member_row_get_member (row);

      if (member != NULL && member->id == id)
        return TRUE;
    }
  return FALSE;
}

static void
delete_and_undo (Fixture *f)
{
  g_autoptr(GListModel) members = ts_repository_list_members (f->repository, NULL, NULL);
  g_autoptr(TsMember) member = g_list_model_get_item (members, 0);
  GtkWidget *view = ts_window_get_view (f->window, "members");
  GtkWidget *page = NULL;
  GtkWidget *undo = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-member", "x", member->id);
  TS_TEST_WAIT_UNTIL ((page = ts_ui_test_find_type (view, TS_TYPE_MEMBER_PAGE)) != NULL &&
                      ts_member_page_get_member_id (TS_MEMBER_PAGE (page)) == member->id);
  gtk_widget_activate_action (page, "member.delete", NULL);
  TS_TEST_WAIT_UNTIL (count_members (f) == 2);
  g_assert_null (ts_repository_get_member (f->repository, member->id, NULL));

  TS_TEST_WAIT_UNTIL ((undo = ts_ui_test_find_button (GTK_WIDGET (f->window), _("_Undo"))) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  TS_TEST_WAIT_UNTIL (count_members (f) == 3);
  /* Undo brings the person back where the organizer looks: the list. */
  TS_TEST_WAIT_UNTIL (list_shows_member (view, member->id));

  /* The same with a search that finds them. */
  {
    GtkWidget *search = ts_ui_test_find_type (view, GTK_TYPE_SEARCH_ENTRY);

    g_assert_nonnull (search);
    gtk_editable_set_text (GTK_EDITABLE (search), member->family_name);
    TS_TEST_WAIT_UNTIL (list_shows_member (view, member->id));
    g_assert_true (ts_repository_delete (f->repository, "member", member->id, NULL));
    TS_TEST_WAIT_UNTIL (!list_shows_member (view, member->id));
    g_assert_true (ts_repository_restore (f->repository, "member", member->id, NULL));
    TS_TEST_WAIT_UNTIL (list_shows_member (view, member->id));
    gtk_editable_set_text (GTK_EDITABLE (search), "");
  }
}

static guint
count_events (Fixture *f,
              gint64   chapter_id)
{
  g_autoptr(GListModel) events = ts_repository_list_events (f->repository, chapter_id, NULL);

  return g_list_model_get_n_items (events);
}

static void
duplicate_event (Fixture *f,
                 gint64   chapter_id)
{
  GtkWidget *page = ts_events_view_get_page (TS_EVENTS_VIEW (ts_window_get_view (f->window,
                                                                                 "events")));
  g_autoptr(GListModel) events = NULL;
  g_autoptr(TsEvent) newest = NULL;

  gtk_widget_activate_action (page, "event.duplicate", NULL);
  TS_TEST_WAIT_UNTIL (count_events (f, chapter_id) == 2);
  events = ts_repository_list_events (f->repository, chapter_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 2);
  newest = g_list_model_get_item (events, 0);
  /* 24 December 2026 is the 4th Thursday; so is 28 January 2027. */
  g_assert_cmpstr (newest->starts_at, ==, "2027-01-28T19:00");
  g_assert_cmpstr (newest->ends_at, ==, "2027-01-28T21:00");
  g_assert_cmpstr (newest->venue, ==, "蒲田区民ホール");
  g_assert_cmpint (newest->status, ==, TS_EVENT_STATUS_PLANNED);
  /* The page now shows the new one. */
  TS_TEST_WAIT_UNTIL (ts_event_page_get_event_id (TS_EVENT_PAGE (page)) == newest->id);
}

/* Escape (window.close) leaves the database as it was. */
static void
cancel_member_dialog (Fixture *f)
{
  GtkWidget *dialog = open_dialog (f, "win.new-member", NULL, TS_TYPE_MEMBER_DIALOG);
  guint before = count_members (f);

  ts_ui_test_type (dialog, _("Family Name *"), "取消");
  ts_ui_test_type (dialog, _("Family Name Reading *"), "とりけし");
  gtk_widget_activate_action (dialog, "window.close", NULL);
  TS_TEST_WAIT_UNTIL (ts_ui_test_top_dialog (TS_TYPE_MEMBER_DIALOG) == NULL);
  ts_test_wait_settled ();
  g_assert_cmpuint (count_members (f), ==, before);
}

/* The Check In button opens the door's own window on this event. */
static void
open_check_in (Fixture *f,
               gint64   event_id)
{
  GtkWidget *page = ts_events_view_get_page (TS_EVENTS_VIEW (ts_window_get_view (f->window,
                                                                                 "events")));
  GtkWindow *check_in;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-event", "x", event_id);
  TS_TEST_WAIT_UNTIL (ts_event_page_get_event_id (TS_EVENT_PAGE (page)) == event_id &&
                      ts_ui_test_find_button (page, _("_Check In")) != NULL);
  g_assert_null (ts_ui_test_top_dialog (TS_TYPE_CHECK_IN_WINDOW));
  gtk_widget_activate_action (page, "event.check-in", NULL);
  TS_TEST_WAIT_UNTIL ((check_in = ts_ui_test_top_dialog (TS_TYPE_CHECK_IN_WINDOW)) != NULL);
  gtk_window_destroy (check_in);
  ts_test_wait_settled ();
}

static void
delete_event_and_undo (Fixture *f,
                       gint64   chapter_id)
{
  GtkWidget *page = ts_events_view_get_page (TS_EVENTS_VIEW (ts_window_get_view (f->window,
                                                                                 "events")));
  g_autoptr(GListModel) before = ts_repository_list_events (f->repository, chapter_id, NULL);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) restored = NULL;
  GtkWidget *undo;

  gtk_widget_activate_action (page, "event.delete", NULL);
  TS_TEST_WAIT_UNTIL (count_events (f, chapter_id) == g_list_model_get_n_items (before) - 1);
  after = ts_repository_list_events (f->repository, chapter_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) - 1);
  undo = NULL;
  TS_TEST_WAIT_UNTIL ((undo = ts_ui_test_find_button (GTK_WIDGET (f->window), _("_Undo"))) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  TS_TEST_WAIT_UNTIL (count_events (f, chapter_id) == g_list_model_get_n_items (before));
  restored = ts_repository_list_events (f->repository, chapter_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (restored), ==, g_list_model_get_n_items (before));
}

static gint64
member_id_by_reading (Fixture    *f,
                      const char *search)
{
  g_autoptr(GListModel) found = ts_repository_list_members (f->repository, search, NULL);
  g_autoptr(TsMember) member = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  member = g_list_model_get_item (found, 0);
  return member->id;
}

static gint64
referrer_of (Fixture *f,
             gint64   member_id)
{
  g_autoptr(TsMember) member = ts_repository_get_member (f->repository, member_id, NULL);

  return member->referred_by;
}

/* Open the "Referred By" popover and type as a person would; returns
 * the result list. */
static GtkWidget *
search_referrer (GtkWidget  *dialog,
                 const char *text)
{
  GtkWidget *row = ts_ui_test_find_row (dialog, _("Referred By"));
  GtkWidget *button = ts_ui_test_find_type (row, GTK_TYPE_MENU_BUTTON);
  GtkWidget *entry = NULL, *list;

  g_assert_nonnull (button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  TS_TEST_WAIT_UNTIL ((entry = ts_ui_test_find_type (button, GTK_TYPE_SEARCH_ENTRY)) != NULL);
  list = gtk_widget_get_next_sibling (entry);  /* hidden while empty */
  g_assert_nonnull (list);
  g_assert_true (GTK_IS_LIST_BOX (list));
  type_search (entry, text);
  return list;
}

static void
pick_referrer (Fixture *f)
{
  gint64 sato = member_id_by_reading (f, "さとう");
  gint64 yamada = member_id_by_reading (f, "やまだ");
  GtkWidget *dialog = open_dialog (f, "win.edit-member", g_variant_new_int64 (sato),
                                   TS_TYPE_MEMBER_DIALOG);
  GtkWidget *list;
  GtkListBoxRow *first;

  /* Nobody can refer themselves: searching for 佐藤 finds nobody. */
  list = search_referrer (dialog, "さとう");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  list = search_referrer (dialog, "ヤマダ");
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (first);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
  gtk_widget_activate (GTK_WIDGET (first));
  ts_test_wait_settled ();
  save_closes (dialog);
  g_assert_cmpint (referrer_of (f, sato), ==, yamada);

  /* The clear button takes it away again. */
  dialog = open_dialog (f, "win.edit-member", g_variant_new_int64 (sato), TS_TYPE_MEMBER_DIALOG);
  {
    GtkWidget *row = ts_ui_test_find_row (dialog, _("Referred By"));
    GtkWidget *clear = NULL;

    for (GtkWidget *w = ts_ui_test_find_type (row, GTK_TYPE_BUTTON); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (w)),
                                          "edit-clear-symbolic") == 0)
        clear = w;
    g_assert_nonnull (clear);
    g_assert_true (gtk_widget_get_visible (clear));
    g_signal_emit_by_name (clear, "clicked");
  }
  save_closes (dialog);
  g_assert_cmpint (referrer_of (f, sato), ==, 0);
}

static gint64
held_event (Fixture    *f,
            gint64      chapter_id,
            const char *starts_at,
            TsEventStatus status)
{
  g_autoptr(TsEvent) event = ts_event_new ();

  g_object_set (event, "chapter-id", chapter_id, "title", starts_at, "starts-at", starts_at,
                "status", status, NULL);
  g_assert_true (ts_repository_save_event (f->repository, event, NULL));
  return event->id;
}

/* The mark shown: a row keeps its mark's label hidden while it has none. */
static GtkWidget *
find_mark (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "regulars-mark") &&
      gtk_widget_get_visible (widget))
    return widget;
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = find_mark (w);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
mark_in_row (GtkWidget  *page,
             const char *name)
{
  GtkWidget *row = ts_ui_test_find_row (page, name);

  g_assert_nonnull (row);
  return find_mark (row);
}

/* 山田 came last month, 佐藤 never: on this month's page 佐藤 is the
 * first-timer and 山田 has no mark. 鈴木, who also came last month, walks
 * in while the page shows: no mark either. */
static void
marks_on_event_page (Fixture *f,
                     gint64   chapter_id)
{
  gint64 sato = member_id_by_reading (f, "さとう");
  gint64 yamada = member_id_by_reading (f, "やまだ");
  gint64 suzuki = member_id_by_reading (f, "すずき");
  gint64 last = held_event (f, chapter_id, "2026-10-22T19:00", TS_EVENT_STATUS_HELD);
  gint64 now = held_event (f, chapter_id, "2026-11-19T19:00", TS_EVENT_STATUS_HELD);
  g_autoptr(TsAttendance) a = ts_repository_set_attendance (f->repository, last, yamada,
                                                           TS_ATTENDANCE_STATUS_ATTENDED, NULL);
  g_autoptr(TsAttendance) b = ts_repository_set_attendance (f->repository, now, yamada,
                                                           TS_ATTENDANCE_STATUS_ATTENDED, NULL);
  g_autoptr(TsAttendance) c = ts_repository_set_attendance (f->repository, now, sato,
                                                           TS_ATTENDANCE_STATUS_ATTENDED, NULL);
  g_autoptr(TsAttendance) d = ts_repository_set_attendance (f->repository, last, suzuki,
                                                           TS_ATTENDANCE_STATUS_ATTENDED, NULL);
  g_autoptr(TsAttendance) walk_in = NULL;
  GtkWidget *page, *mark;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-event", "x", now);
  page = ts_events_view_get_page (TS_EVENTS_VIEW (ts_window_get_view (f->window, "events")));
  TS_TEST_WAIT_UNTIL (ts_event_page_get_event_id (TS_EVENT_PAGE (page)) == now &&
                      ts_ui_test_find_row (page, "佐藤　一郎") != NULL &&
                      ts_ui_test_find_row (page, "山田　花子") != NULL);
  mark = mark_in_row (page, "佐藤　一郎");
  g_assert_nonnull (mark);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (mark)), ==,
                   ts_regulars_mark_label (TS_REGULARS_MARK_FIRST_TIMER));
  g_assert_true (gtk_widget_has_css_class (mark, "first-timer"));
  g_assert_null (mark_in_row (page, "山田　花子"));

  walk_in = ts_repository_set_attendance (f->repository, now, suzuki,
                                          TS_ATTENDANCE_STATUS_WALK_IN, NULL);
  TS_TEST_WAIT_UNTIL (ts_ui_test_find_row (page, "鈴木　次郎") != NULL);
  g_assert_null (mark_in_row (page, "鈴木　次郎"));
}

static void
test_whole_month (Fixture       *f,
                  gconstpointer  data)
{
  gint64 chapter_id, event_id;

  /* The application gave the window its shortcuts window (Ctrl+?). */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f->window)));
  /* First start: the empty state says what to do. */
  g_assert_nonnull (ts_ui_test_find_button (GTK_WIDGET (f->window),
                                            _("Load the _Chapter Directory")));
  chapter_id = create_chapter (f);
  TS_TEST_WAIT_UNTIL (ts_ui_test_find_button (GTK_WIDGET (f->window),
                                              _("Load the _Chapter Directory")) == NULL);
  event_id = create_event (f, chapter_id);
  create_member (f, "山田", "花子", "やまだ", "はなこ", "hanako@example.jp");
  create_member (f, "佐藤", "一郎", "さとう", "いちろう", "ichiro@example.jp");
  create_member (f, "鈴木", "次郎", "スズキ", "ジロウ", "jiro@example.jp");
  g_assert_cmpuint (count_members (f), ==, 3);
  pick_referrer (f);

  register_all (f, event_id);
  mark_first_attended (f, event_id);
  delete_and_undo (f);
  cancel_member_dialog (f);
  open_check_in (f, event_id);
  duplicate_event (f, chapter_id);
  delete_event_and_undo (f, chapter_id);
  marks_on_event_page (f, chapter_id);
}

/* Whether a shown label of the table reads @text. */
static gboolean
table_shows (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (g_strcmp0 (ts_test_widget_text (widget), text) == 0)
    return TRUE;
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (table_shows (w, text))
      return TRUE;
  return FALSE;
}

static void
test_members_search (Fixture       *f,
                     gconstpointer  data)
{
  TsMembersView *view = TS_MEMBERS_VIEW (ts_window_get_view (f->window, "members"));
  const char *names[][3] = {
    { "山田", "やまだ", "看護師" }, { "山本", "やまもと", "医師" }, { "佐藤", "さとう", "看護師" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TsMember) member = ts_member_new ();

      g_object_set (member, "family-name", names[i][0], "family-reading", names[i][1],
                    "profession", names[i][2], NULL);
      g_assert_true (ts_repository_save_member (f->repository, member, NULL));
    }
  TS_TEST_WAIT_UNTIL (g_list_model_get_n_items (ts_members_view_get_model (view)) == 3);
  /* Half-width katakana finds the hiragana reading. */
  ts_members_view_set_search (view, "ﾔﾏ");
  g_assert_cmpuint (g_list_model_get_n_items (ts_members_view_get_model (view)), ==, 2);
  ts_members_view_set_search (view, "看護師");
  g_assert_cmpuint (g_list_model_get_n_items (ts_members_view_get_model (view)), ==, 2);
  {
    /* With a chapter the window shows its views instead of the welcome. */
    g_autoptr(TsChapter) chapter = ts_chapter_new ();

    g_object_set (chapter, "name", "蒲田医介塾", "reading", "かまたいかいじゅく", NULL);
    g_assert_true (ts_repository_save_chapter (f->repository, chapter, NULL));
    ts_test_wait_settled ();
  }
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "members");
  TS_TEST_WAIT_UNTIL (table_shows (GTK_WIDGET (view), "佐藤"));
  ts_members_view_set_search (view, "ヤマモト");
  g_assert_cmpuint (g_list_model_get_n_items (ts_members_view_get_model (view)), ==, 1);
  /* The rows stay and change their members: the first one now shows 山本. */
  TS_TEST_WAIT_UNTIL (table_shows (GTK_WIDGET (view), "山本") &&
                      !table_shows (GTK_WIDGET (view), "佐藤"));
  ts_members_view_set_search (view, "");
  g_assert_cmpuint (g_list_model_get_n_items (ts_members_view_get_model (view)), ==, 3);
}

/* The row of the members table that shows @text, on screen. */
static GtkWidget *
find_table_row (GtkWidget  *widget,
                const char *text)
{
  if (TS_IS_MEMBER_TABLE_ROW (widget) && table_shows (widget, text))
    return widget;
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = find_table_row (w, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static double
row_y (TsMembersView *view,
       GtkWidget     *row)
{
  graphene_rect_t bounds;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (view), &bounds));
  return bounds.origin.y;
}

/* Each cell of @row starts and ends where its column's title does. */
static void
assert_under_titles (TsMembersView *view,
                     GtkWidget     *row)
{
  GtkWidget *header = ts_ui_test_find_type (GTK_WIDGET (view), TS_TYPE_MEMBER_TABLE_HEADER);
  GtkWidget *cell = gtk_widget_get_first_child (row);

  g_assert_nonnull (header);
  for (TsMemberColumn i = 0; i < TS_MEMBER_N_COLUMNS; i++, cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *title = ts_member_table_header_get_button (TS_MEMBER_TABLE_HEADER (header), i);
      graphene_rect_t a, b;

      g_assert_nonnull (cell);
      g_assert_true (gtk_widget_compute_bounds (title, GTK_WIDGET (view), &a));
      g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (view), &b));
      g_assert_cmpfloat (a.origin.x, ==, b.origin.x);
      g_assert_cmpfloat (a.size.width, ==, b.size.width);
    }
  g_assert_null (cell);
}

/* A click on a title of the members table, as a person makes it. */
static void
click_title (TsMembersView  *view,
             TsMemberColumn  column)
{
  GtkWidget *header = ts_ui_test_find_type (GTK_WIDGET (view), TS_TYPE_MEMBER_TABLE_HEADER);

  g_assert_nonnull (header);
  g_signal_emit_by_name (ts_member_table_header_get_button (TS_MEMBER_TABLE_HEADER (header), column),
                         "clicked");
}

static const char *
organization_at (TsMembersView *view,
                 guint          position)
{
  g_autoptr(TsMember) member = g_list_model_get_item (ts_members_view_get_model (view), position);

  g_assert_nonnull (member);
  /* The model's windows keep the member while the test looks at it. */
  return member->organization;
}

/* A header click orders the rows in SQL (empty cells after filled ones,
 * the whole order turned round when descending), and a member written
 * meanwhile shows up without any reload by the view. */
static void
test_members_sort_and_follow (Fixture       *f,
                              gconstpointer  data)
{
  TsMembersView *view = TS_MEMBERS_VIEW (ts_window_get_view (f->window, "members"));
  const char *names[][3] = {
    { "山田", "やまだ", "B病院" }, { "山本", "やまもと", "" }, { "佐藤", "さとう", "A医院" },
  };
  g_autoptr(TsChapter) chapter = ts_chapter_new ();
  g_autoptr(TsMember) newcomer = ts_member_new ();
  GtkWidget *row = NULL;
  GtkWidget *page = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TsMember) member = ts_member_new ();

      g_object_set (member, "family-name", names[i][0], "family-reading", names[i][1],
                    "organization", names[i][2], NULL);
      g_assert_true (ts_repository_save_member (f->repository, member, NULL));
    }
  g_object_set (chapter, "name", "蒲田医介塾", "reading", "かまたいかいじゅく", NULL);
  g_assert_true (ts_repository_save_chapter (f->repository, chapter, NULL));
  ts_test_wait_settled ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "members");
  TS_TEST_WAIT_UNTIL (table_shows (GTK_WIDGET (view), "佐藤"));

  click_title (view, TS_MEMBER_COLUMN_ORGANIZATION);
  g_assert_cmpstr (organization_at (view, 0), ==, "A医院");
  g_assert_cmpstr (organization_at (view, 1), ==, "B病院");
  g_assert_cmpstr (organization_at (view, 2), ==, "");
  /* A second click on the same title turns the order round. */
  click_title (view, TS_MEMBER_COLUMN_ORGANIZATION);
  g_assert_cmpstr (organization_at (view, 0), ==, "");
  g_assert_cmpstr (organization_at (view, 1), ==, "B病院");
  /* The rows on screen follow, in that order, cells under their titles. */
  TS_TEST_WAIT_UNTIL ((row = find_table_row (GTK_WIDGET (view), "山本")) != NULL &&
                      table_shows (row, "やまもと") &&
                      row_y (view, row) < row_y (view, find_table_row (GTK_WIDGET (view), "山田")));
  assert_under_titles (view, row);

  g_object_set (newcomer, "family-name", "鈴木", "family-reading", "すずき",
                "organization", "C薬局", NULL);
  g_assert_true (ts_repository_save_member (f->repository, newcomer, NULL));
  TS_TEST_WAIT_UNTIL (table_shows (GTK_WIDGET (view), "鈴木"));
  g_assert_cmpuint (g_list_model_get_n_items (ts_members_view_get_model (view)), ==, 4);
  g_assert_cmpstr (organization_at (view, 1), ==, "C薬局");

  /* Enter on a row opens the member, as a double click does. */
  TS_TEST_WAIT_UNTIL ((row = find_table_row (GTK_WIDGET (view), "鈴木")) != NULL);
  g_assert_true (gtk_widget_activate (gtk_widget_get_parent (row)));
  TS_TEST_WAIT_UNTIL ((page = ts_ui_test_find_type (GTK_WIDGET (view), TS_TYPE_MEMBER_PAGE)) != NULL &&
                      ts_member_page_get_member_id (TS_MEMBER_PAGE (page)) == newcomer->id &&
                      gtk_widget_get_mapped (page));
}

static gint64
count_rows (TsRepository *repository,
            const char   *sql,
            gint64        id)
{
  sqlite3 *db = ts_database_get_handle (ts_repository_get_database (repository));
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A delete older than 30 days can no longer be undone: the next start
 * removes it for good, and keeps a recent one restorable. */
static void
test_purge_at_startup (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TsMember) old = ts_member_new ();
  g_autoptr(TsMember) recent = ts_member_new ();
  sqlite3 *db = ts_database_get_handle (ts_repository_get_database (f->repository));
  sqlite3_stmt *stmt = NULL;
  TsWindow *second;

  g_object_set (old, "family-name", "古川", "family-reading", "ふるかわ", NULL);
  g_object_set (recent, "family-name", "新井", "family-reading", "あらい", NULL);
  g_assert_true (ts_repository_save_member (f->repository, old, NULL));
  g_assert_true (ts_repository_save_member (f->repository, recent, NULL));
  g_assert_true (ts_repository_delete (f->repository, "member", old->id, NULL));
  g_assert_true (ts_repository_delete (f->repository, "member", recent->id, NULL));
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE member SET deleted_at = '2020-01-01T00:00:00'"
                                           " WHERE id = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, old->id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  second = g_object_new (TS_TYPE_WINDOW, "repository", f->repository, NULL);
  g_assert_cmpint (count_rows (f->repository, "SELECT count(*) FROM member WHERE id = ?1",
                               old->id), ==, 0);
  g_assert_cmpint (count_rows (f->repository, "SELECT count(*) FROM member WHERE id = ?1",
                               recent->id), ==, 1);
  gtk_window_destroy (GTK_WINDOW (second));
}

static void
test_settings_remembered (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.load-directory", NULL);
  ts_test_wait_settled ();
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "members");
  g_assert_cmpstr (g_settings_get_string (settings, "last-view"), ==, "members");
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 640);
  gtk_window_close (GTK_WINDOW (f->window));
  TS_TEST_WAIT_UNTIL (g_settings_get_int (settings, "window-width") == 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  /* close destroyed it; give the fixture a fresh one to tear down. */
  f->window = g_object_new (TS_TYPE_WINDOW, "repository", f->repository, NULL);
  g_assert_cmpint (gtk_window_get_resizable (GTK_WINDOW (f->window)), ==, TRUE);
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

  g_test_add ("/ui/window/whole-month", Fixture, NULL, fixture_set_up, test_whole_month,
              fixture_tear_down);
  g_test_add ("/ui/window/members-sort-and-follow", Fixture, NULL, fixture_set_up,
              test_members_sort_and_follow, fixture_tear_down);
  g_test_add ("/ui/window/members-search", Fixture, NULL, fixture_set_up, test_members_search,
              fixture_tear_down);
  g_test_add ("/ui/window/purge-at-startup", Fixture, NULL, fixture_set_up,
              test_purge_at_startup, fixture_tear_down);
  g_test_add ("/ui/window/settings", Fixture, NULL, fixture_set_up, test_settings_remembered,
              fixture_tear_down);
  return g_test_run ();
}
