/* screenshots.c: a PNG of every view, from fixed sample data, for people
 * to look at. Run it under Xvfb, once per language:
 *
 *   xvfb-run -a tests/ui/tsudoi-screenshots OUTDIR
 *   LANG=ja_JP.UTF-8 LANGUAGE=ja TSUDOI_LOCALEDIR=_build/po xvfb-run -a ...
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-screenshots"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "ts-chapters-view.h"
#include "ts-cash-count-dialog.h"
#include "ts-check-in-window.h"
#include "ts-fee-classes-dialog.h"
#include "ts-fees-section.h"
#include "ts-fees.h"
#include "ts-events-view.h"
#include "ts-event-page.h"
#include "ts-import-dialog.h"
#include "ts-intro-window.h"
#include "ts-members-view.h"
#include "ts-print-dialog.h"
#include "ts-sample.h"
#include "ts-seating-dialog.h"
#include "ts-seating-edit.h"
#include "ts-seating-section.h"
#include "ts-settings.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"
#include "ts-ui-test-util.h"
#include "ts-window.h"

static const char *out_dir;
static const char *lang;

static void
shoot (GtkWidget  *widget,
       const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang);
  g_autofree char *path = g_build_filename (out_dir, file, NULL);

  /* Mapped, laid out with the rows of what was just shown, drawn. */
  TS_TEST_WAIT_FRAMES (widget, 3);
  if (!ts_ui_test_save_png (widget, path, &error))
    g_printerr ("%s\n", error->message);
  else
    g_print ("%s\n", path);
}

/* The members table's columns in a wide window and a narrow one, where
 * they shrink together and then scroll sideways under their titles. */
static void
shoot_members_widths (TsWindow *window)
{
  const struct { int width; const char *name; } sizes[] = {
    { 1280, "members-wide" }, { 720, "members-narrow" }, { 420, "members-phone" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), sizes[i].width, 750);
      shoot (GTK_WIDGET (window), sizes[i].name);
    }
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
}

static TsWindow *
open_window (TsRepository *repository)
{
  TsWindow *window = g_object_new (TS_TYPE_WINDOW, "repository", repository, NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
show (TsWindow   *window,
      const char *action,
      gint64      id)
{
  if (id != 0)
    gtk_widget_activate_action (GTK_WIDGET (window), action, "x", id);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", action);
}

static gint64
first_id (GListModel *model)
{
  g_autoptr(GObject) item = model ? g_list_model_get_item (model, 0) : NULL;
  gint64 id = 0;

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

static void
shoot_empty (const char *dir)
{
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "empty.db");
  TsWindow *window = open_window (repository);

  shoot (GTK_WIDGET (window), "empty");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The event with the most people among the held ones: a lively page. */
/* The event dialog's calendar beside the date (its own surface, shot on
 * its own), and a date it refuses. */
static void
shoot_calendar (GtkWidget *dialog)
{
  GtkWidget *row = ts_ui_test_find_row (dialog, _("Date *"));
  GtkWidget *button = row ? ts_ui_test_find_type (row, GTK_TYPE_MENU_BUTTON) : NULL;
  GtkPopover *popover;

  if (button == NULL)
    return;
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  TS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  shoot (GTK_WIDGET (popover), "event-dialog-calendar");
  gtk_popover_popdown (popover);
  ts_ui_test_type (dialog, _("Date *"), "2/30");
  gtk_widget_activate_action (dialog, "dialog.save", NULL);
  shoot (dialog, "event-dialog-error");
}

/* The round of introductions opened from the event page, on its first
 * person and on the next, at a projector's 1024 × 768. */
static void
shoot_introductions (TsWindow *window)
{
  GtkWidget *page = ts_events_view_get_page (TS_EVENTS_VIEW (ts_window_get_view (window, "events")));
  GtkWindow *intro;

  gtk_widget_activate_action (page, "event.introductions", NULL);
  TS_TEST_WAIT_UNTIL ((intro = ts_ui_test_top_dialog (TS_TYPE_INTRO_WINDOW)) != NULL);
  if (intro == NULL)
    return;
  gtk_window_unfullscreen (intro);
  gtk_window_set_default_size (intro, 1024, 768);
  shoot (GTK_WIDGET (intro), "introductions");
  gtk_widget_activate_action (GTK_WIDGET (intro), "intro.next", NULL);
  shoot (GTK_WIDGET (intro), "introductions-next");
  gtk_window_destroy (intro);
}

/* The "Referred By" row, scrolled to, and its search popover with a
 * few matches (a popover is its own surface: shot on its own). */
static void
shoot_referrer (GtkWidget *dialog)
{
  GtkWidget *row = ts_ui_test_find_row (dialog, _("Referred By"));
  GtkWidget *button = row ? ts_ui_test_find_type (row, GTK_TYPE_MENU_BUTTON) : NULL;
  GtkPopover *popover;
  GtkWidget *entry;

  if (button == NULL)
    return;
  gtk_widget_grab_focus (button);
  shoot (dialog, "member-dialog-referrer-row");
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  TS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  entry = ts_ui_test_find_type (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "やま");
  shoot (GTK_WIDGET (popover), "member-dialog-referrer");
  gtk_popover_popdown (popover);
}

static gint64
busiest_event (TsRepository *repository)
{
  g_autoptr(GListModel) events = ts_repository_list_events (repository, 0, NULL);
  guint n = g_list_model_get_n_items (events);
  gint64 best = 0, most = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);

      if (event->headcount > most && event->status == TS_EVENT_STATUS_HELD)
        {
          most = event->headcount;
          best = event->id;
        }
    }
  return best;
}

/* The preview of a form's answers, one with a doubtful email among them. */
static const char form_csv[] =
  "タイムスタンプ,お名前（フルネーム）,ふりがな,ご所属（勤務先）,職種,メールアドレス,名簿への掲載に同意しますか？\n"
  "2017/08/01 12:34:56,伊藤 由美,いとう ゆみ,大田区地域包括支援センター,介護支援専門員(ケアマネジャー),yumi@example.jp,はい\n"
  "2017/08/02 9:05:10,渡辺 大輔,わたなべ だいすけ,わたなべ福祉用具,福祉用具専門相談員,daisuke@example.jp,いいえ\n"
  "2017/08/03 21:00:00,松本 さくら,まつもと さくら,まつもと法律事務所,弁護士,sakura@example.jp,氏名と所属のみ\n"
  "2017/08/04 8:15:00,小林 翔,こばやし しょう,こばやし薬局,薬剤師,sho@example,はい\n";

static gboolean
import_preview_shown (gpointer data)
{
  TsImportDialog *dialog = TS_IMPORT_DIALOG (ts_ui_test_top_dialog (TS_TYPE_IMPORT_DIALOG));

  return dialog != NULL && !ts_import_dialog_is_busy (dialog) &&
         ts_import_dialog_get_import (dialog) != NULL;
}

static void
shoot_import (TsWindow   *window,
              const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "form.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;

  if (!g_file_set_contents (path, form_csv, -1, NULL))
    return;
  ts_window_import_file (window, file);
  if (!ts_test_wait_for (import_preview_shown, NULL, TS_TEST_WAIT_MS))
    return;
  dialog = GTK_WIDGET (ts_ui_test_top_dialog (TS_TYPE_IMPORT_DIALOG));
  shoot (dialog, "import");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The header bar's ☰ button, found by its icon. */
static GtkWidget *
find_main_menu_button (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_MENU_BUTTON (child) &&
          g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (child)),
                     "open-menu-symbolic") == 0)
        return child;
      if ((found = find_main_menu_button (child)) != NULL)
        return found;
    }
  return NULL;
}

/* The main menu, with Help (a popover is its own surface: shot on its own). */
static void
shoot_main_menu (TsWindow *window)
{
  GtkWidget *button = find_main_menu_button (GTK_WIDGET (window));
  GtkPopover *popover;

  if (button == NULL)
    return;
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  TS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  shoot (GTK_WIDGET (popover), "main-menu");
  gtk_popover_popdown (popover);
}

/* A regular with a history to show, preferably one who referred someone. */
static gint64
busiest_member (TsRepository *repository,
                GListModel   *members)
{
  guint n = g_list_model_get_n_items (members);
  gint64 best = 0, most = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (members, i);
      gint64 score = member->times_attended + (member->referred_by ? 5 : 0);

      if (score > most)
        {
          most = score;
          best = member->id;
        }
    }
  return best;
}

/* The print dialog of the busiest event, with its preview. */
static void
shoot_print (TsWindow     *window,
             TsRepository *repository,
             const char   *kind)
{
  g_autofree char *name = g_strdup_printf ("print-dialog-%s", kind);
  GtkWidget *dialog;

  ts_print_dialog_present (GTK_WINDOW (window), repository, busiest_event (repository), kind);
  TS_TEST_WAIT_UNTIL ((dialog = GTK_WIDGET (ts_ui_test_top_dialog (ADW_TYPE_WINDOW))) != NULL);
  shoot (dialog, name);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The fees of @event_id as the door and the event page show them: a
 * student class, a few people still to pay, one part payment. */
static void
prepare_fees (TsRepository *repository,
              gint64        event_id)
{
  g_autoptr(GListModel) attendance = ts_repository_list_attendance (repository, event_id, NULL);
  g_autoptr(TsFeeClass) student = ts_repository_add_fee_class (repository, event_id, "学生",
                                                               2000, NULL);
  guint unpaid = 0;

  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(TsAttendance) row = g_list_model_get_item (attendance, i);
      g_autoptr(TsPayment) payment = NULL;

      if (!ts_attendance_is_present (row))
        continue;
      if (i % 5 == 1 && student != NULL)
        ts_repository_set_fee_class (repository, event_id, row->member_id, student->id, NULL);
      if (i % 3 == 0 && unpaid++ < 4)
        {
          g_object_set (row, "paid", FALSE, NULL);
          ts_repository_save_attendance (repository, row, NULL);
          if (unpaid == 4)
            payment = ts_repository_record_payment (repository, event_id, row->member_id, 1000,
                                                    NULL);
        }
      else if (!row->paid)
        payment = ts_repository_record_payment (repository, event_id, row->member_id, -1, NULL);
    }
}

static void
shoot_check_in_fees (TsRepository *repository,
                     gint64        event_id)
{
  GtkWidget *door = ts_check_in_window_new (NULL, repository, event_id);
  g_autoptr(GSettings) settings = ts_settings_new ();

  g_settings_set_boolean (settings, "check-in-collects-fee", TRUE);
  gtk_window_set_default_size (GTK_WINDOW (door), 1100, 750);
  gtk_window_present (GTK_WINDOW (door));
  /* The arrived come after the expected: show them. */
  gtk_widget_activate_action (ts_ui_test_find_type (door, GTK_TYPE_LIST_VIEW), "list.scroll-to-item",
                              "u", 12);
  shoot (door, "check-in-fees");
  g_settings_reset (settings, "check-in-collects-fee");
  gtk_window_destroy (GTK_WINDOW (door));
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

/* The event page's fee dialogs: the classes, and the cash counted with
 * a note short of what was recorded. */
static void
shoot_fee_dialogs (TsWindow *window)
{
  GtkWidget *section = ts_ui_test_find_type (GTK_WIDGET (window), TS_TYPE_FEES_SECTION);
  const double counts[TS_N_DENOMINATIONS] = { 5, 2, 18, 1, 0, 0, 0 };
  GtkWidget *dialog;

  if (section == NULL)
    return;
  gtk_widget_activate_action (section, "fees.edit-classes", NULL);
  TS_TEST_WAIT_UNTIL ((dialog = GTK_WIDGET (ts_ui_test_top_dialog (TS_TYPE_FEE_CLASSES_DIALOG))) != NULL);
  shoot (dialog, "fee-classes-dialog");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_widget_activate_action (section, "fees.cash-count", NULL);
  TS_TEST_WAIT_UNTIL ((dialog = GTK_WIDGET (ts_ui_test_top_dialog (TS_TYPE_CASH_COUNT_DIALOG))) != NULL);
  for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
    {
      g_autofree char *name = g_strdup_printf ("cash-%" G_GINT64_FORMAT, ts_cash_denominations ()[i]);
      GtkWidget *spin = find_named (dialog, name);

      if (spin != NULL)
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), counts[i]);
    }
  shoot (dialog, "cash-count-dialog");
  gtk_widget_activate_action (dialog, "cash.save", NULL);
  TS_TEST_WAIT_UNTIL (ts_ui_test_top_dialog (TS_TYPE_CASH_COUNT_DIALOG) == NULL);
  shoot (GTK_WIDGET (window), "event-page-fees");
}

static guint
n_cards (GtkWidget *section)
{
  for (guint n = 0;; n++)
    {
      g_autofree char *name = g_strdup_printf ("seating-table-%u", n + 1);

      if (find_named (section, name) == NULL)
        return n;
    }
}

/* A plan of @n_tables for the screenshots, the locked where they are. */
static void
plan_tables (TsRepository *repository,
             gint64        event_id,
             guint         n_tables)
{
  g_autoptr(GError) error = NULL;
  guint32 seed = 1;

  if (!ts_seating_edit_plan (repository, event_id, n_tables, 0, &seed, FALSE, NULL, &error))
    g_printerr ("%s\n", error->message);
}

/* The event page's tables: before a plan, the plan dialog, the plan with
 * a locked person and a latecomer with a long name and organization,
 * then one table and eight. */
static void
shoot_seating (TsWindow     *window,
               TsRepository *repository,
               gint64        event_id)
{
  g_autoptr(TsMember) late = NULL;
  g_autoptr(GArray) seats = NULL;
  GtkWidget *section, *dialog;
  TsSeat lock;

  gtk_stack_set_visible_child_name (GTK_STACK (find_named (GTK_WIDGET (window), "event-lists")),
                                    "tables");
  TS_TEST_WAIT_UNTIL ((section = ts_ui_test_find_type (GTK_WIDGET (window),
                                                       TS_TYPE_SEATING_SECTION)) != NULL);
  shoot (GTK_WIDGET (window), "seating-empty");
  gtk_widget_activate_action (section, "seating.plan", NULL);
  TS_TEST_WAIT_UNTIL ((dialog = GTK_WIDGET (ts_ui_test_top_dialog (TS_TYPE_SEATING_DIALOG))) != NULL);
  shoot (dialog, "seating-dialog");
  gtk_widget_activate_action (dialog, "seating.plan", NULL);
  TS_TEST_WAIT_UNTIL (ts_ui_test_top_dialog (TS_TYPE_SEATING_DIALOG) == NULL);
  TS_TEST_WAIT_UNTIL (n_cards (section) > 0);
  seats = ts_repository_read_seating (repository, event_id, NULL);
  lock = g_array_index (seats, TsSeat, 0);
  lock.locked = TRUE;
  ts_repository_set_seat (repository, event_id, &lock, NULL);
  late = ts_test_add_member (repository, "family-name", "勅使河原", "given-name", "左近之丞",
                             "family-reading", "てしがわら", "given-reading", "さこんのじょう",
                             "organization", "社会福祉法人つどい福祉会 特別養護老人ホームさくらの里",
                             "profession", "介護支援専門員(ケアマネジャー)", NULL);
  ts_test_attend (repository, event_id, late->id, TS_ATTENDANCE_STATUS_WALK_IN);
  TS_TEST_WAIT_UNTIL (find_named (section, "seating-table-0") != NULL);
  shoot (GTK_WIDGET (window), "seating");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 1400);
  shoot (GTK_WIDGET (window), "seating-tall");
  plan_tables (repository, event_id, 8);
  TS_TEST_WAIT_UNTIL (n_cards (section) == 8);
  shoot (GTK_WIDGET (window), "seating-8");
  lock.locked = FALSE;
  ts_repository_set_seat (repository, event_id, &lock, NULL);
  plan_tables (repository, event_id, 1);
  TS_TEST_WAIT_UNTIL (n_cards (section) == 1);
  shoot (GTK_WIDGET (window), "seating-1");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
  gtk_stack_set_visible_child_name (GTK_STACK (find_named (GTK_WIDGET (window), "event-lists")),
                                    "attendees");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GListModel) chapters = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GError) error = NULL;
  TsSampleOptions options;
  TsWindow *window;
  GtkWidget *dialog;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR") ? g_getenv ("TSUDOI_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (argc < 2)
    {
      g_printerr ("usage: %s OUTDIR\n", argv[0]);
      return 2;
    }
  out_dir = argv[1];
  lang = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "ja") ? "ja" : "en";
  g_mkdir_with_parents (out_dir, 0755);
  adw_init ();
  ts_test_gtk_no_animations ();
  /* Uninstalled: the app's icon lives in the source tree. */
  if (g_getenv ("TSUDOI_SOURCE_DIR") != NULL)
    {
      g_autofree char *icons = g_build_filename (g_getenv ("TSUDOI_SOURCE_DIR"), "data", "icons",
                                                 NULL);

      gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                      icons);
    }

  dir = ts_test_make_temp_dir ();
  shoot_empty (dir);

  repository = ts_test_open_repository (dir, "sample.db");
  ts_sample_options_init (&options);
  options.end_year = 2017;
  options.end_month = 8;
  if (!ts_sample_generate (repository, &options, &error))
    g_error ("%s", error->message);
  chapters = ts_repository_list_chapters (repository, NULL);
  members = ts_repository_list_members (repository, NULL, NULL);

  window = open_window (repository);
  show (window, "chapters", 0);
  shoot (GTK_WIDGET (window), "chapters");
  shoot_main_menu (window);
  show (window, "win.show-chapter", first_id (chapters));
  shoot (GTK_WIDGET (window), "chapter-page");
  show (window, "events", 0);
  shoot (GTK_WIDGET (window), "events");
  prepare_fees (repository, busiest_event (repository));
  show (window, "win.show-event", busiest_event (repository));
  shoot (GTK_WIDGET (window), "event-page");
  shoot_introductions (window);
  shoot_fee_dialogs (window);
  shoot_seating (window, repository, busiest_event (repository));
  shoot_check_in_fees (repository, busiest_event (repository));
  show (window, "members", 0);
  shoot (GTK_WIDGET (window), "members");
  shoot_members_widths (window);
  shoot_import (window, dir);
  ts_members_view_set_search (TS_MEMBERS_VIEW (ts_window_get_view (window, "members")), "ヤマ");  /* katakana finds hiragana readings */
  shoot (GTK_WIDGET (window), "members-search");
  ts_members_view_set_search (TS_MEMBERS_VIEW (ts_window_get_view (window, "members")), "");
  show (window, "win.show-member", busiest_member (repository, members));
  shoot (GTK_WIDGET (window), "member-page");
  show (window, "regulars", 0);
  shoot (GTK_WIDGET (window), "regulars");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-member", "x", first_id (members));
  TS_TEST_WAIT_UNTIL ((dialog = GTK_WIDGET (ts_ui_test_top_dialog (ADW_TYPE_WINDOW))) != NULL);
  if (dialog != NULL)
    {
      shoot (dialog, "member-dialog");
      /* The same dialog, showing how it explains a mistake. */
      ts_ui_test_type (dialog, _("Family Name Reading *"), "Yamada");
      gtk_widget_activate_action (dialog, "dialog.save", NULL);
      shoot (dialog, "member-dialog-error");
      shoot_referrer (dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-chapter", "x", first_id (chapters));
  TS_TEST_WAIT_UNTIL ((dialog = GTK_WIDGET (ts_ui_test_top_dialog (ADW_TYPE_WINDOW))) != NULL);
  if (dialog != NULL)
    {
      shoot (dialog, "chapter-dialog");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-event", "x", first_id (chapters));
  TS_TEST_WAIT_UNTIL ((dialog = GTK_WIDGET (ts_ui_test_top_dialog (ADW_TYPE_WINDOW))) != NULL);
  if (dialog != NULL)
    {
      shoot (dialog, "event-dialog");
      shoot_calendar (dialog);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  shoot_print (window, repository, "roster");
  shoot_print (window, repository, "cards");
  shoot_print (window, repository, "badges");
  gtk_window_destroy (GTK_WINDOW (window));
  ts_test_wait_settled ();
  ts_test_remove_dir (dir);
  return 0;
}
