/* test-event-fees.c: the event page's 会費 on a real file: its figures
 * follow a payment tsudoi-cli records (another process), a name in the
 * unpaid list records that person's fee, the fee classes dialog adds a
 * class and the cash count dialog keeps its count with the event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cash-count-dialog.h"
#include "ts-event-page.h"
#include "ts-fee-classes-dialog.h"
#include "ts-fees.h"
#include "ts-fees-section.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"
#include "ts-ui-test-util.h"

typedef struct {
  char         *dir;
  TsRepository *repository;
  char         *path;
  gint64        event_id;
  gint64        members[3];
  GtkWidget    *window;
  GtkWidget    *section;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *names[][2] = { { "青木", "あおき" }, { "伊藤", "いとう" }, { "上田", "うえだ" } };
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page;

  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "fees.db");
  fixture->path = g_strdup (ts_database_get_path (ts_repository_get_database (fixture->repository)));
  chapter = ts_test_add_chapter (fixture->repository, "name", "大田医介塾", NULL);
  event = ts_test_add_event (fixture->repository, "chapter-id", chapter->id, "title", "定例会",
                             "starts-at", "2017-08-24T19:00", "fee", (gint64) 4000, NULL);
  fixture->event_id = event->id;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TsMember) member = ts_test_add_member (fixture->repository,
                                                       "family-name", names[i][0],
                                                       "given-name", "一郎",
                                                       "family-reading", names[i][1], NULL);

      fixture->members[i] = member->id;
      ts_test_attend (fixture->repository, event->id, member->id, TS_ATTENDANCE_STATUS_ATTENDED);
    }
  /* As the app does: another program's writes are noticed. */
  ts_repository_watch_other_writers (fixture->repository, 100);

  page = g_object_new (TS_TYPE_EVENT_PAGE, NULL);
  ts_event_page_set_repository (TS_EVENT_PAGE (page), fixture->repository);
  ts_event_page_set_event (TS_EVENT_PAGE (page), event->id);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  TS_TEST_WAIT_FRAMES (fixture->window, 1);
  fixture->section = ts_ui_test_find_type (fixture->window, TS_TYPE_FEES_SECTION);
  g_assert_nonnull (fixture->section);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = ts_ui_test_top_dialog (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ts_test_wait_settled ();
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
figure (Fixture    *fixture,
        const char *name)
{
  GtkWidget *label = find_named (fixture->section, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
figures_are (Fixture    *fixture,
             const char *expected,
             const char *collected,
             const char *outstanding)
{
  return g_str_equal (figure (fixture, "fees-expected"), expected) &&
         g_str_equal (figure (fixture, "fees-collected"), collected) &&
         g_str_equal (figure (fixture, "fees-outstanding"), outstanding);
}

/* Waits for the three figures, then says which differs on time-out. */
#define assert_figures(fixture, e, c, o)                                  \
  G_STMT_START {                                                          \
    TS_TEST_WAIT_UNTIL (figures_are ((fixture), (e), (c), (o)));          \
    g_assert_cmpstr (figure ((fixture), "fees-expected"), ==, (e));       \
    g_assert_cmpstr (figure ((fixture), "fees-collected"), ==, (c));      \
    g_assert_cmpstr (figure ((fixture), "fees-outstanding"), ==, (o));    \
  } G_STMT_END

static guint
unpaid_buttons (Fixture *fixture)
{
  GtkWidget *list = find_named (fixture->section, "fees-unpaid");
  guint n = 0;

  if (!gtk_widget_get_mapped (list))
    return 0;
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
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
test_follows_cli (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *event_arg = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->event_id);
  g_autofree char *member_arg = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->members[1]);

  assert_figures (fixture, "¥12,000", "¥0", "¥12,000");
  g_assert_cmpuint (unpaid_buttons (fixture), ==, 3);

  /* Another program, a real process, records 伊藤's fee. */
  g_assert_cmpint (ts_test_run_cli (NULL, fixture->path, NULL, NULL, "attend",
                                    "--event", event_arg, "--member", member_arg, "--paid",
                                    NULL), ==, 0);
  assert_figures (fixture, "¥12,000", "¥4,000", "¥8,000");
  TS_TEST_WAIT_UNTIL (unpaid_buttons (fixture) == 2);

  /* A name in the unpaid list records that person's fee. */
  gtk_widget_activate_action (fixture->section, "fees.pay", "x", fixture->members[0]);
  assert_figures (fixture, "¥12,000", "¥8,000", "¥4,000");
  TS_TEST_WAIT_UNTIL (unpaid_buttons (fixture) == 1);

  /* Its toast's Undo takes that payment back, and only that one. */
  click (fixture->window, _("_Undo"));
  assert_figures (fixture, "¥12,000", "¥4,000", "¥8,000");
  TS_TEST_WAIT_UNTIL (unpaid_buttons (fixture) == 2);
}

/* The fee class of @member_id at the fixture's event (0: the event's own). */
static gint64
class_of (Fixture *fixture,
          gint64   member_id)
{
  g_autoptr(GListModel) attendance = ts_repository_list_attendance (fixture->repository,
                                                                    fixture->event_id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(TsAttendance) row = g_list_model_get_item (attendance, i);

      if (row->member_id == member_id)
        return row->fee_class_id;
    }
  g_assert_not_reached ();
}

static guint
n_classes (Fixture *fixture)
{
  g_autoptr(GListModel) classes = ts_repository_list_fee_classes (fixture->repository,
                                                                  fixture->event_id, NULL);

  return g_list_model_get_n_items (classes);
}

static GtkWidget *
find_tooltip (GtkWidget  *root,
              const char *tooltip)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A class's row changes its amount in place and removes it; the toast's
 * Undo brings the class back with the people who were in it. */
static void
edit_and_remove_class (Fixture   *fixture,
                       GtkWidget *dialog,
                       gint64     class_id)
{
  GtkWidget *list = find_named (dialog, "fee-classes-list");
  g_autoptr(GListModel) classes = NULL;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (ts_ui_test_find_type (list, GTK_TYPE_SPIN_BUTTON)),
                             3000);
  classes = ts_repository_list_fee_classes (fixture->repository, fixture->event_id, NULL);
  {
    g_autoptr(TsFeeClass) student = g_list_model_get_item (classes, 0);

    g_assert_cmpint (student->amount, ==, 3000);
  }
  g_assert_cmpint (class_of (fixture, fixture->members[2]), ==, class_id);

  g_signal_emit_by_name (find_tooltip (list, _("Remove")), "clicked");
  g_assert_cmpuint (n_classes (fixture), ==, 0);
  g_assert_cmpint (class_of (fixture, fixture->members[2]), ==, 0);
  click (dialog, _("_Undo"));
  TS_TEST_WAIT_UNTIL (n_classes (fixture) == 1);
  g_assert_cmpint (class_of (fixture, fixture->members[2]), ==, class_id);
}

/* Picks item @position in the drop-down of the person titled @name. */
static gboolean
choose_class (Fixture    *fixture,
              GtkWidget  *dialog,
              const char *name,
              guint       position)
{
  GtkWidget *list = find_named (dialog, "fee-class-people");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_COMBO_ROW (row) &&
        g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name))
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
        return TRUE;
      }
  return FALSE;
}

static void
test_classes_dialog (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWindow *dialog;
  g_autoptr(GListModel) classes = NULL;

  gtk_widget_activate_action (fixture->section, "fees.edit-classes", NULL);
  TS_TEST_WAIT_UNTIL ((dialog = ts_ui_test_top_dialog (TS_TYPE_FEE_CLASSES_DIALOG)) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (dialog), "fee-class-name")), "学生");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (dialog), "fee-class-amount")),
                             2000);
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "fee-class-add"), "clicked");
  classes = ts_repository_list_fee_classes (fixture->repository, fixture->event_id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, 1);
  {
    g_autoptr(TsFeeClass) student = g_list_model_get_item (classes, 0);

    g_assert_cmpstr (student->name, ==, "学生");
    g_assert_cmpint (student->amount, ==, 2000);
    /* 上田 put in it from the dialog owes less: the page follows. */
    g_assert_true (choose_class (fixture, GTK_WIDGET (dialog), "上田\u3000一郎", 1));
    assert_figures (fixture, "¥10,000", "¥0", "¥10,000");
    {
      g_autoptr(TsPayment) before = ts_repository_record_payment (fixture->repository,
                                                                  fixture->event_id,
                                                                  fixture->members[2], -1, NULL);

      g_assert_cmpint (before->paid_amount, ==, 0);
    }
    assert_figures (fixture, "¥10,000", "¥2,000", "¥8,000");
    g_assert_cmpint (student->id, >, 0);
    edit_and_remove_class (fixture, GTK_WIDGET (dialog), student->id);
  }
}

static void
test_cash_count_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  const int counts[TS_N_DENOMINATIONS] = { 0, 1, 2, 1, 4, 1, 3 };
  g_autoptr(TsPayment) paid = NULL;
  g_autoptr(TsCashCount) stored = NULL;
  GtkWindow *dialog;

  paid = ts_repository_record_payment (fixture->repository, fixture->event_id,
                                       fixture->members[0], -1, NULL);
  gtk_widget_activate_action (fixture->section, "fees.cash-count", NULL);
  TS_TEST_WAIT_UNTIL ((dialog = ts_ui_test_top_dialog (TS_TYPE_CASH_COUNT_DIALOG)) != NULL);
  for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
    {
      g_autofree char *name = g_strdup_printf ("cash-%" G_GINT64_FORMAT,
                                               ts_cash_denominations ()[i]);

      gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (dialog), name)),
                                 counts[i]);
    }
  /* 5,000 + 2,000 + 500 + 400 + 50 + 30: 3,980 over the 4,000 recorded. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "cash-total"))),
                   ==, "¥7,980");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_named (GTK_WIDGET (dialog), "cash-difference"))),
                   ==, "+¥3,980");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "cash.save", NULL);
  TS_TEST_WAIT_UNTIL (ts_ui_test_top_dialog (TS_TYPE_CASH_COUNT_DIALOG) == NULL);
  stored = ts_repository_get_cash_count (fixture->repository, fixture->event_id, NULL);
  g_assert_cmpint (ts_cash_count_total (stored), ==, 7980);
  g_assert_cmpint (stored->counts[4], ==, 4);
  TS_TEST_WAIT_UNTIL (g_str_equal (figure (fixture, "fees-cash"), "¥7,980"));
}

int
main (int    argc,
      char **argv)
{
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);

#define ADD(path, func) \
  g_test_add ("/event-fees/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("follows-cli", test_follows_cli);
  ADD ("classes-dialog", test_classes_dialog);
  ADD ("cash-count-dialog", test_cash_count_dialog);
#undef ADD
  return g_test_run ();
}
