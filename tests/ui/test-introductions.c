/* test-introductions.c: the round of introductions opened from the event
 * page, driven with the keys an MC presses, on a real SQLite file.
 *
 * TSUDOI_TEST_SCREENSHOTS=DIR saves what the view shows as PNGs there
 * (with TSUDOI_JA set, in Japanese).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ts-event-page.h"
#include "ts-events-view.h"
#include "ts-intro-window.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"
#include "ts-ui-test.h"
#include "ts-ui-test-util.h"
#include "ts-window.h"

static TsApplication *application;

typedef struct {
  char         *dir;
  TsRepository *repository;
  gint64        event_id;
  gint64        late;      /* registered, not arrived yet */
  TsWindow     *window;
  GtkWidget    *intro;
} Fixture;

static gint64
add_person (Fixture    *f,
            const char *family,
            const char *given,
            const char *reading_family,
            const char *reading_given,
            TsConsent   consent,
            TsAttendanceStatus status,
            const char *arrived)
{
  g_autoptr(TsMember) member =
    ts_test_add_member (f->repository, "family-name", family, "given-name", given,
                        "family-reading", reading_family, "given-reading", reading_given,
                        "organization", consent == TS_CONSENT_NONE ? "ORGSECRET" : "大森訪問看護ステーション",
                        "profession", consent == TS_CONSENT_NONE ? "PROFSECRET" : "看護師",
                        "introduction", consent == TS_CONSENT_NONE ? "INTROSECRET"
                                        : "訪問看護をしています。在宅での看取りにも関わっています。",
                        "wish", consent == TS_CONSENT_NONE ? "WISHSECRET" : "勉強会の仲間を募集しています。",
                        "consent", consent, NULL);
  g_autoptr(GListModel) list = NULL;

  ts_test_attend (f->repository, f->event_id, member->id, status);
  list = ts_repository_list_attendance (f->repository, f->event_id, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);
      g_autoptr(GError) error = NULL;

      if (attendance->member_id != member->id)
        continue;
      g_free (attendance->checked_in_at);
      attendance->checked_in_at = g_strdup (arrived ? arrived : "");
      g_assert_true (ts_repository_save_attendance (f->repository, attendance, &error));
      g_assert_no_error (error);
    }
  return member->id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;

  f->dir = ts_test_make_temp_dir ();
  f->repository = ts_test_open_repository (f->dir, "intro.db");
  chapter = ts_test_add_chapter (f->repository, "name", "大田医介塾",
                                 "reading", "おおたいかいじゅく", "region", "東京都", NULL);
  event = ts_test_add_event (f->repository, "chapter-id", chapter->id,
                             "title", "第62回 大田医介塾", "starts-at", "2017-08-24T19:00",
                             "status", TS_EVENT_STATUS_PLANNED, NULL);
  f->event_id = event->id;
  /* In order of arrival: 朝日, 秘密 (no consent), 夕日 (a walk-in). */
  add_person (f, "夕日", "三郎", "ゆうひ", "さぶろう", TS_CONSENT_FULL,
              TS_ATTENDANCE_STATUS_WALK_IN, "2017-08-24T19:20:00");
  add_person (f, "朝日", "一郎", "あさひ", "いちろう", TS_CONSENT_FULL,
              TS_ATTENDANCE_STATUS_ATTENDED, "2017-08-24T19:01:00");
  add_person (f, "秘密", "二郎", "ひみつ", "じろう", TS_CONSENT_NONE,
              TS_ATTENDANCE_STATUS_ATTENDED, "2017-08-24T19:05:00");
  f->late = add_person (f, "遅刻", "四郎", "ちこく", "しろう", TS_CONSENT_FULL,
                        TS_ATTENDANCE_STATUS_REGISTERED, NULL);
  f->window = ts_window_new (application, f->repository);
  gtk_window_present (GTK_WINDOW (f->window));
  TS_TEST_WAIT_FRAMES (f->window, 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ts_ui_test_close_all ();
  g_clear_object (&f->repository);
  ts_test_remove_dir (f->dir);
  g_free (f->dir);
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

static const char *
label_text (Fixture    *f,
            const char *name)
{
  GtkWidget *label = ts_ui_test_find_named (f->intro, name);

  g_assert_nonnull (label);
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : "";
}

static gboolean
shows_name (Fixture    *f,
            const char *name)
{
  return g_str_equal (label_text (f, "intro-name"), name);
}

/* A key press as the window's key controller receives it, before any
 * button could take it. */
static void
press_key (Fixture *f,
           guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (f->intro);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

static void
open_introductions (Fixture *f)
{
  TsEventPage *page = TS_EVENT_PAGE (ts_events_view_get_page (
    TS_EVENTS_VIEW (ts_window_get_view (f->window, "events"))));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-event", "x", f->event_id);
  TS_TEST_WAIT_UNTIL (ts_event_page_get_event_id (page) == f->event_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "event.introductions", NULL));
  TS_TEST_WAIT_UNTIL ((f->intro = ts_ui_test_find_toplevel (TS_TYPE_INTRO_WINDOW)) != NULL);
  TS_TEST_WAIT_FRAMES (f->intro, 1);
}

/* The people present, in order of arrival, walk-in included; Space goes
 * on, Left goes back; who did not consent is their name only. */
static void
test_round (Fixture       *f,
            gconstpointer  data)
{
  open_introductions (f);
  TS_TEST_WAIT_UNTIL (shows_name (f, "朝日\u3000一郎"));
  g_assert_cmpstr (label_text (f, "intro-reading"), ==, "あさひ\u3000いちろう");
  g_assert_nonnull (strstr (label_text (f, "intro-details"), "看護師"));
  g_assert_cmpstr (label_text (f, "intro-organization"), ==, "大森訪問看護ステーション");
  g_assert_nonnull (strstr (label_text (f, "intro-introduction"), "訪問看護"));
  g_assert_nonnull (strstr (label_text (f, "intro-next"), "秘密\u3000二郎"));
  save_screenshot (f->intro, "introductions.png");

  press_key (f, GDK_KEY_space);
  TS_TEST_WAIT_UNTIL (shows_name (f, "秘密\u3000二郎"));
  g_assert_cmpstr (label_text (f, "intro-details"), ==, "");
  g_assert_cmpstr (label_text (f, "intro-organization"), ==, "");
  g_assert_cmpstr (label_text (f, "intro-introduction"), ==, "");
  g_assert_null (strstr (label_text (f, "intro-wish"), "SECRET"));
  save_screenshot (f->intro, "introductions-name-only.png");

  press_key (f, GDK_KEY_Page_Down);
  TS_TEST_WAIT_UNTIL (shows_name (f, "夕日\u3000三郎"));
  /* The last one present: nobody who has not arrived comes next. */
  g_assert_null (strstr (label_text (f, "intro-next"), "遅刻"));
  press_key (f, GDK_KEY_space);
  g_assert_true (shows_name (f, "夕日\u3000三郎"));

  press_key (f, GDK_KEY_Left);
  TS_TEST_WAIT_UNTIL (shows_name (f, "秘密\u3000二郎"));
}

/* Someone checked in at the door during the round joins it at the end,
 * and the person on screen stays on screen. */
static void
test_late_arrival (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(TsAttendance) attendance = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *position = NULL;

  open_introductions (f);
  TS_TEST_WAIT_UNTIL (shows_name (f, "朝日\u3000一郎"));
  press_key (f, GDK_KEY_Right);
  TS_TEST_WAIT_UNTIL (shows_name (f, "秘密\u3000二郎"));
  attendance = ts_repository_set_attendance (f->repository, f->event_id, f->late,
                                             TS_ATTENDANCE_STATUS_ATTENDED, &error);
  g_assert_no_error (error);
  /* The second of four now; 秘密 is No. 3 on every printout (after
   * あさひ and ちこく, registrants in 五十音順, before the walk-in). */
  position = g_strdup_printf (_("%1$u of %2$u · No. %3$u"), 2, 4, 3);
  TS_TEST_WAIT_UNTIL (g_str_equal (label_text (f, "intro-position"), position));
  g_assert_true (shows_name (f, "秘密\u3000二郎"));
  press_key (f, GDK_KEY_space);
  press_key (f, GDK_KEY_space);
  TS_TEST_WAIT_UNTIL (shows_name (f, "遅刻\u3000四郎"));
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

  g_test_add ("/ui/introductions/round", Fixture, NULL, fixture_set_up, test_round,
              fixture_tear_down);
  g_test_add ("/ui/introductions/late-arrival", Fixture, NULL, fixture_set_up,
              test_late_arrival, fixture_tear_down);
  return g_test_run ();
}
