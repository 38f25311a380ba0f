/* test-dialog-fields.c: every editing dialog's refusals land on the field
 * they name (the mark and the focus), and go away when that field is
 * fixed; the event dialog reads dates as people type them, offers a
 * calendar, and starts a new event as the chapter's next usual one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ts-chapter-dialog.h"
#include "ts-date.h"
#include "ts-event-dialog.h"
#include "ts-member-dialog.h"
#include "ts-schedule.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"
#include "ts-ui-test-util.h"
#include "ts-walk-in-dialog.h"

typedef struct {
  TsTestDb   db;
  GtkWidget *parent;
  GtkWidget *dialog;
  const char *save_action;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ts_test_db_init (&f->db, "fields.db");
  f->parent = adw_application_window_new (NULL);
  f->save_action = "dialog.save";
  gtk_window_present (GTK_WINDOW (f->parent));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  g_clear_object (&f->dialog);
  gtk_window_destroy (GTK_WINDOW (f->parent));
  ts_test_wait_settled ();
  ts_test_db_clear (&f->db);
}

static void
show (Fixture   *f,
      GtkWidget *dialog)
{
  g_assert_nonnull (dialog);
  f->dialog = g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  TS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (dialog));
}

static GtkWidget *
row (Fixture    *f,
     const char *title)
{
  GtkWidget *found = ts_ui_test_find_row (f->dialog, title);

  g_assert_nonnull (found);
  return found;
}

/* The dialog's message: the one label styled as an error. */
static GtkWidget *
find_message (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_message (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
message_shown (Fixture *f)
{
  GtkWidget *label = find_message (f->dialog);
  GtkWidget *parent = gtk_widget_get_parent (label);

  if (GTK_IS_REVEALER (parent))
    return gtk_revealer_get_reveal_child (GTK_REVEALER (parent));
  return gtk_widget_get_visible (label);
}

static guint
count_marked (GtkWidget *widget)
{
  guint n = ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_has_css_class (widget, "error");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_marked (child);
  return n;
}

static gboolean
has_focus_in (GtkWidget *dialog,
              GtkWidget *target)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  return focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target));
}

/* Types @text into the field titled @title. */
static void
type (Fixture    *f,
      const char *title,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (f, title)), text);
}

/* Save is refused: the message (containing @part) is about the field
 * titled @title, which alone is marked, as invalid, and has the focus. */
static void
assert_refused_at (Fixture    *f,
                   const char *title,
                   const char *part)
{
  GtkWidget *marked = row (f, title);
  const char *message;

  /* Only the refusal can bring the focus to the field. */
  gtk_root_set_focus (GTK_ROOT (f->dialog), NULL);
  gtk_widget_activate_action (f->dialog, f->save_action, NULL);
  TS_TEST_WAIT_UNTIL (gtk_widget_has_css_class (marked, "error") && message_shown (f));
  TS_TEST_WAIT_UNTIL (has_focus_in (f->dialog, marked));
  g_assert_true (gtk_widget_get_visible (f->dialog));
  g_assert_cmpuint (count_marked (f->dialog), ==, 1);
  message = gtk_label_get_text (GTK_LABEL (find_message (f->dialog)));
  if (part != NULL && strstr (message, part) == NULL)
    g_error ("“%s” does not mention “%s”", message, part);
}

/* Fixing the marked field takes the mark and the message away, before
 * any other save. */
static void
assert_cleared_by (Fixture    *f,
                   const char *title,
                   const char *text)
{
  GtkWidget *marked = row (f, title);

  type (f, title, text);
  TS_TEST_WAIT_UNTIL (!gtk_widget_has_css_class (marked, "error") && !message_shown (f));
  g_assert_cmpuint (count_marked (f->dialog), ==, 0);
}

static void
test_member (Fixture       *f,
             gconstpointer  data)
{
  show (f, ts_member_dialog_new (GTK_WINDOW (f->parent), f->db.repository, 0));

  type (f, _("Family Name *"), "山田");
  type (f, _("Given Name"), "太郎");
  type (f, _("Given Name Reading"), "たろう");
  /* An empty family reading is the family reading's fault, not the
   * given one's (ts_text_is_kana ("") is TRUE). */
  assert_refused_at (f, _("Family Name Reading *"), "family");
  assert_cleared_by (f, _("Family Name Reading *"), "やまだ");

  type (f, _("Given Name Reading"), "Taro");
  assert_refused_at (f, _("Given Name Reading"), "given");
  assert_cleared_by (f, _("Given Name Reading"), "たろう");

  type (f, _("Family Name Reading *"), "Yamada");
  assert_refused_at (f, _("Family Name Reading *"), "family");
  assert_cleared_by (f, _("Family Name Reading *"), "ヤマダ");

  type (f, _("Family Name *"), "");
  assert_refused_at (f, _("Family Name *"), NULL);
  assert_cleared_by (f, _("Family Name *"), "山田");

  type (f, _("Email"), "090-1234-5678");
  assert_refused_at (f, _("Email"), "090-1234-5678");
  assert_cleared_by (f, _("Email"), "yamada@example.jp");
}

static void
test_chapter (Fixture       *f,
              gconstpointer  data)
{
  show (f, ts_chapter_dialog_new (GTK_WINDOW (f->parent), f->db.repository, 0));

  type (f, _("Reading *"), "かまた");
  assert_refused_at (f, _("Name *"), NULL);
  assert_cleared_by (f, _("Name *"), "蒲田医介塾");

  type (f, _("Reading *"), "kamata");
  assert_refused_at (f, _("Reading *"), NULL);
  assert_cleared_by (f, _("Reading *"), "かまたいかいじゅく");

  type (f, _("Reading *"), "");
  assert_refused_at (f, _("Reading *"), NULL);
  assert_cleared_by (f, _("Reading *"), "かまた");

  /* The registration number printed on receipts: T and 13 digits. */
  type (f, _("Invoice Registration Number"), "T12345");
  assert_refused_at (f, _("Invoice Registration Number"), "T12345");
  assert_cleared_by (f, _("Invoice Registration Number"), "ｔ７０１０７０５０００７２５");
  gtk_widget_activate_action (f->dialog, f->save_action, NULL);
  TS_TEST_WAIT_UNTIL (!gtk_widget_get_visible (f->dialog));
  {
    g_autoptr(GListModel) chapters = ts_repository_list_chapters (f->db.repository, NULL);
    g_autoptr(TsChapter) saved = g_list_model_get_item (chapters, 0);

    g_assert_cmpstr (saved->invoice_number, ==, "T7010705000725");
  }
}

static TsChapter *
add_chapter (Fixture *f)
{
  return ts_test_add_chapter (f->db.repository, "name", "大田医介塾",
                              "reading", "おおたいかいじゅく",
                              "schedule", "毎月第4木曜 19:00", "venue", "区民センター", NULL);
}

static void
test_event (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = add_chapter (f);
  g_autoptr(TsEvent) event = ts_event_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_year = g_strdup_printf ("%d/", g_date_time_get_year (now));
  g_autoptr(GListModel) events = NULL;
  g_autoptr(TsEvent) saved = NULL;

  g_object_set (event, "chapter-id", chapter->id, NULL);
  show (f, ts_event_dialog_new (GTK_WINDOW (f->parent), f->db.repository, event));

  type (f, _("Title *"), "");
  assert_refused_at (f, _("Title *"), NULL);
  assert_cleared_by (f, _("Title *"), "第1回 大田医介塾");

  /* The day is wrong: the date is marked, not the time, and the message
   * shows neither the stored form nor another year. */
  type (f, _("Date *"), "2026/02/30");
  assert_refused_at (f, _("Date *"), this_year);
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (find_message (f->dialog))), "T19"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (find_message (f->dialog))), "2017"));
  assert_cleared_by (f, _("Date *"), "2026/12/17");

  type (f, _("Starts At *"), "25時");
  assert_refused_at (f, _("Starts At *"), "25時");
  assert_cleared_by (f, _("Starts At *"), "１９時");

  type (f, _("Ends At"), "18:00");
  assert_refused_at (f, _("Ends At"), NULL);
  assert_cleared_by (f, _("Ends At"), "2100");

  type (f, _("Fee (yen)"), "三千");
  assert_refused_at (f, _("Fee (yen)"), NULL);
  assert_cleared_by (f, _("Fee (yen)"), "3000");
  type (f, _("Receipt Note"), "第1回例会 懇親会費として");

  gtk_widget_activate_action (f->dialog, "dialog.save", NULL);
  TS_TEST_WAIT_UNTIL (!gtk_widget_get_visible (f->dialog));
  events = ts_repository_list_events (f->db.repository, chapter->id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 1);
  saved = g_list_model_get_item (events, 0);
  g_assert_cmpstr (saved->starts_at, ==, "2026-12-17T19:00");
  g_assert_cmpstr (saved->ends_at, ==, "2026-12-17T21:00");
  g_assert_cmpstr (saved->receipt_note, ==, "第1回例会 懇親会費として");
}

/* A new event is the chapter's next usual one: the next 4th Thursday
 * after today and after the last event, 第121回 after 第120回, the last
 * venue and fee. */
static void
test_event_defaults (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = add_chapter (f);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) last_day = g_date_time_add_days (now, -20);
  g_autofree char *last_start = ts_date_format_stored (last_day);
  g_autoptr(TsEvent) last = ts_test_add_event (f->db.repository, "chapter-id", chapter->id,
                                               "title", "第120回 大田医介塾",
                                               "starts-at", last_start,
                                               "venue", "居酒屋 つどい", "fee", (gint64) 4000,
                                               NULL);
  g_autoptr(TsEvent) event = ts_event_new ();
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *expected_date = NULL;
  g_autofree char *expected_title = g_strdup_printf (_("Meeting %1$d, %2$s"), 121, "大田医介塾");
  TsSchedule schedule;

  g_assert_true (ts_schedule_parse (chapter->schedule, &schedule));
  next = ts_schedule_next (&schedule, now);
  expected_date = g_date_time_format (next, "%Y-%m-%d");
  g_object_set (event, "chapter-id", chapter->id, NULL);
  show (f, ts_event_dialog_new (GTK_WINDOW (f->parent), f->db.repository, event));

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, _("Title *")))), ==, expected_title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, _("Date *")))), ==, expected_date);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, _("Starts At *")))), ==, "19:00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, _("Venue")))), ==, "居酒屋 つどい");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (f, _("Fee (yen)")))), ==, "4000");
}

static gboolean
popover_mapped (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

/* The calendar beside the date opens on the typed day and writes the
 * day picked. */
static void
test_event_calendar (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = add_chapter (f);
  g_autoptr(TsEvent) event = ts_event_new ();
  g_autoptr(GDateTime) picked = g_date_time_new_local (2027, 1, 28, 0, 0, 0);
  GtkWidget *date;
  GtkMenuButton *button;
  GtkCalendar *calendar;

  g_object_set (event, "chapter-id", chapter->id, NULL);
  show (f, ts_event_dialog_new (GTK_WINDOW (f->parent), f->db.repository, event));
  date = row (f, _("Date *"));
  type (f, _("Date *"), "令和8年12月17日");
  button = GTK_MENU_BUTTON (ts_ui_test_find_type (date, GTK_TYPE_MENU_BUTTON));
  g_assert_nonnull (button);
  gtk_menu_button_popup (button);
  TS_TEST_WAIT_FOR (popover_mapped, button);
  calendar = GTK_CALENDAR (ts_ui_test_find_type (GTK_WIDGET (gtk_menu_button_get_popover (button)),
                                                 GTK_TYPE_CALENDAR));
  {
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);
    g_autofree char *text = g_date_time_format (shown, "%Y-%m-%d");

    g_assert_cmpstr (text, ==, "2026-12-17");
  }
  gtk_calendar_select_day (calendar, picked);
  TS_TEST_WAIT_UNTIL (!popover_mapped (button));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "2027-01-28");
}

static void
test_walk_in (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = add_chapter (f);
  g_autoptr(TsEvent) event = ts_test_add_event (f->db.repository, "chapter-id", chapter->id,
                                                "title", "第1回", "starts-at", "2026-12-17T19:00",
                                                NULL);

  f->save_action = "walk-in.save";
  show (f, ts_walk_in_dialog_new (GTK_WINDOW (f->parent), f->db.repository, event->id, ""));

  type (f, _("Reading in kana"), "やまだ たろう");
  assert_refused_at (f, _("Name (family name, space, given name)"), NULL);
  assert_cleared_by (f, _("Name (family name, space, given name)"), "山田 太郎");

  type (f, _("Reading in kana"), "yamada taro");
  assert_refused_at (f, _("Reading in kana"), NULL);
  assert_cleared_by (f, _("Reading in kana"), "やまだ たろう");
}

int
main (int    argc,
      char **argv)
{
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);
  g_test_add ("/ui/dialog-fields/member", Fixture, NULL, fixture_set_up, test_member,
              fixture_tear_down);
  g_test_add ("/ui/dialog-fields/chapter", Fixture, NULL, fixture_set_up, test_chapter,
              fixture_tear_down);
  g_test_add ("/ui/dialog-fields/event", Fixture, NULL, fixture_set_up, test_event,
              fixture_tear_down);
  g_test_add ("/ui/dialog-fields/event-defaults", Fixture, NULL, fixture_set_up,
              test_event_defaults, fixture_tear_down);
  g_test_add ("/ui/dialog-fields/event-calendar", Fixture, NULL, fixture_set_up,
              test_event_calendar, fixture_tear_down);
  g_test_add ("/ui/dialog-fields/walk-in", Fixture, NULL, fixture_set_up, test_walk_in,
              fixture_tear_down);
  return g_test_run ();
}
