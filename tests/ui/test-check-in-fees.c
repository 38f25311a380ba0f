/* test-check-in-fees.c: the fee at the door, in a real check-in window on
 * a real SQLite file: collected with the check-in when the setting is
 * on, marked with Ctrl+P otherwise, and every change undone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include <adwaita.h>

#include "ts-check-in-window.h"
#include "ts-settings.h"
#include "ts-test-gtk.h"
#include "ts-ui-test-util.h"
#include "ts-test-support.h"
#include "ts-ui-test.h"

typedef struct {
  char         *dir;
  TsRepository *repository;
  gint64        event_id;
  gint64        yamada, sato;
  GtkWidget    *window;
  GSettings    *settings;
} Fixture;

static gint64
add_registered (Fixture    *fixture,
                const char *family,
                const char *reading)
{
  g_autoptr(TsMember) member = ts_test_add_member (fixture->repository, "family-name", family,
                                                   "given-name", "太郎",
                                                   "family-reading", reading,
                                                   "given-reading", "たろう", NULL);

  ts_test_attend (fixture->repository, fixture->event_id, member->id,
                  TS_ATTENDANCE_STATUS_REGISTERED);
  return member->id;
}

static void
open_window (Fixture *fixture)
{
  fixture->window = ts_check_in_window_new (NULL, fixture->repository, fixture->event_id);
  gtk_window_present (GTK_WINDOW (fixture->window));
  TS_TEST_WAIT_FRAMES (fixture->window, 1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;

  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "door-fees.db");
  chapter = ts_test_add_chapter (fixture->repository, "name", "大田医介塾", NULL);
  event = ts_test_add_event (fixture->repository, "chapter-id", chapter->id,
                             "starts-at", "2017-08-24T19:00", "fee", (gint64) 4000,
                             "title", "第62回 大田医介塾", NULL);
  fixture->event_id = event->id;
  fixture->yamada = add_registered (fixture, "山田", "やまだ");
  fixture->sato = add_registered (fixture, "佐藤", "さとう");
  fixture->settings = ts_settings_new ();
  g_settings_set_boolean (fixture->settings, "check-in-collects-fee", FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_ui_test_close_all ();
  g_settings_reset (fixture->settings, "check-in-collects-fee");
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static GtkWidget *
find (GtkWidget  *root,
      const char *name)
{
  GtkWidget *widget = ts_ui_test_find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named %s", name);
  return widget;
}

/* One attendance straight from the file: "status amount flag stamped". */
static char *
query_row (Fixture *fixture,
           gint64   member_id)
{
  TsDatabase *database = ts_repository_get_database (fixture->repository);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (database,
    "SELECT status, paid_amount, paid, paid_at <> '' FROM attendance"
    " WHERE event_id = ?1 AND member_id = ?2", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, fixture->event_id);
  sqlite3_bind_int64 (stmt, 2, member_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup_printf ("%s %" G_GINT64_FORMAT " %d %d", sqlite3_column_text (stmt, 0),
                          (gint64) sqlite3_column_int64 (stmt, 1), sqlite3_column_int (stmt, 2),
                          sqlite3_column_int (stmt, 3));
}

typedef struct {
  Fixture    *fixture;
  gint64      member_id;
  const char *expected;
} RowWait;

static gboolean
row_is (gpointer data)
{
  RowWait *wait = data;
  g_autofree char *row = query_row (wait->fixture, wait->member_id);

  return g_strcmp0 (row, wait->expected) == 0;
}

/* The window writes on the key press; under ASan it may be later. */
#define assert_row(fixture, member_id, expected_text)                   \
  G_STMT_START {                                                        \
    RowWait wait_ = { (fixture), (member_id), (expected_text) };        \
    g_autofree char *row_ = NULL;                                       \
    ts_test_wait_for (row_is, &wait_, TS_TEST_WAIT_MS);                 \
    row_ = query_row ((fixture), (member_id));                          \
    g_assert_cmpstr (row_, ==, (expected_text));                        \
  } G_STMT_END

static void
type_and_enter (Fixture    *fixture,
                const char *text)
{
  GtkWidget *entry = find (fixture->window, "search-entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  ts_test_wait_settled ();
  g_signal_emit_by_name (entry, "activate");
  ts_test_wait_settled ();
}

/* Whether a shown label under @widget reads @text exactly. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_collect_at_check_in (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *toggle;

  g_settings_set_boolean (fixture->settings, "check-in-collects-fee", TRUE);
  open_window (fixture);
  toggle = find (fixture->window, "collect-fee-switch");
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));

  /* One Enter: in and paid, in the file. */
  type_and_enter (fixture, "やまだ");
  assert_row (fixture, fixture->yamada, "attended 4000 1 1");
  TS_TEST_WAIT_UNTIL (!shows_label (fixture->window, "Unpaid ¥4,000"));
  g_assert_false (gtk_widget_get_visible (find (fixture->window, "unpaid-label")));

  /* One Undo puts back both. */
  gtk_widget_activate_action (fixture->window, "win.undo-last", NULL);
  assert_row (fixture, fixture->yamada, "registered 0 0 0");

  /* The switch is the setting: off, a check-in leaves the fee unpaid. */
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  g_assert_false (g_settings_get_boolean (fixture->settings, "check-in-collects-fee"));
  type_and_enter (fixture, "さとう");
  assert_row (fixture, fixture->sato, "attended 0 0 0");
}

static void
test_mark_paid (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *unpaid;

  open_window (fixture);
  unpaid = find (fixture->window, "unpaid-label");
  type_and_enter (fixture, "やまだ");
  assert_row (fixture, fixture->yamada, "attended 0 0 0");
  /* The arrived guest carries the mark, and the counter says so. */
  TS_TEST_WAIT_UNTIL (shows_label (fixture->window, "Unpaid ¥4,000"));
  TS_TEST_WAIT_UNTIL (gtk_widget_get_visible (unpaid));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (unpaid)), ==, "1 unpaid");

  /* Ctrl+P on the selected row (the search is empty again: select them). */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture->window, "search-entry")), "やまだ");
  ts_test_wait_settled ();
  g_assert_true (ts_ui_test_press_shortcut (fixture->window, GDK_KEY_p, GDK_CONTROL_MASK));
  assert_row (fixture, fixture->yamada, "attended 4000 1 1");
  TS_TEST_WAIT_UNTIL (!gtk_widget_get_visible (unpaid));
  g_assert_false (shows_label (fixture->window, "Unpaid ¥4,000"));

  /* Undo takes the payment back and leaves the check-in. */
  gtk_widget_activate_action (fixture->window, "win.undo-last", NULL);
  assert_row (fixture, fixture->yamada, "attended 0 0 0");
  TS_TEST_WAIT_UNTIL (gtk_widget_get_visible (unpaid));

  /* Paid again; a second Ctrl+P records nothing more. */
  g_assert_true (ts_ui_test_press_shortcut (fixture->window, GDK_KEY_p, GDK_CONTROL_MASK));
  assert_row (fixture, fixture->yamada, "attended 4000 1 1");
  g_assert_true (ts_ui_test_press_shortcut (fixture->window, GDK_KEY_p, GDK_CONTROL_MASK));
  ts_test_wait_settled ();
  assert_row (fixture, fixture->yamada, "attended 4000 1 1");
}

/* The row's button and the toast's Undo, the way a mouse user goes. */
static void
test_button_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  open_window (fixture);
  type_and_enter (fixture, "さとう");
  assert_row (fixture, fixture->sato, "attended 0 0 0");
  gtk_widget_activate_action (fixture->window, "win.mark-paid", "x", fixture->sato);
  assert_row (fixture, fixture->sato, "attended 4000 1 1");
  gtk_widget_activate_action (fixture->window, "win.undo-last", NULL);
  assert_row (fixture, fixture->sato, "attended 0 0 0");
  TS_TEST_WAIT_UNTIL (shows_label (fixture->window, "Unpaid ¥4,000"));
}

int
main (int    argc,
      char **argv)
{
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);

#define ADD(path, func) \
  g_test_add ("/check-in-fees/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("collect-at-check-in", test_collect_at_check_in);
  ADD ("mark-paid", test_mark_paid);
  ADD ("button-and-undo", test_button_and_undo);
#undef ADD
  return g_test_run ();
}
