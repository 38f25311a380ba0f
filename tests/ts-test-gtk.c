/* ts-test-gtk.c: GTK set up the same way for every test that opens windows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ts-test-gtk.h"

/* Run without dbus-run-session, GTK warns once that it has no session
 * bus; that is the machine, not a failure. Every other warning and every
 * critical stays fatal. */
static gboolean
fatal_unless_no_bus (const char     *domain,
                     GLogLevelFlags  level,
                     const char     *message,
                     gpointer        data)
{
  return !(level & G_LOG_LEVEL_WARNING) || message == NULL ||
         strstr (message, "session bus") == NULL;
}

static void
use_japanese (void)
{
  if (setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    return;
  g_setenv ("LANGUAGE", "ja", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

void
ts_test_gtk_init (int            *argc,
                  char         ***argv,
                  TsTestLanguage  language)
{
  /* No accessibility bus under Xvfb. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() sets an English locale: Japanese comes after it. */
  if (language == TS_TEST_LANGUAGE_JAPANESE ||
      (language == TS_TEST_LANGUAGE_FROM_ENV && g_getenv ("TSUDOI_JA") != NULL))
    use_japanese ();
  g_test_log_set_fatal_handler (fatal_unless_no_bus, NULL);
  adw_init ();
  /* A test acts at once, where a person takes a quarter of a second at
   * least. libadwaita 1.2 frees a toast that is dismissed while it is
   * still sliding in (an Undo clicked at once on a toast that replaced
   * another, which slides in for 500 ms and fades out in 300), and then
   * crashes when the slide ends. With animations off a toast is shown
   * and hidden at once, as the tests expect. */
  ts_test_gtk_no_animations ();
}

/* For screenshots: a page switch or a revealer ends at once, so that a
 * few drawn frames show where it ends rather than half way. */
void
ts_test_gtk_no_animations (void)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

typedef struct {
  guint ticks;
} FrameCount;

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  ((FrameCount *) data)->ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
drawable (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 &&
         gtk_widget_get_height (widget) > 0;
}

/* Waits until @widget is mapped with a size, then until the frame clock
 * ran @n_frames frames (layout and paint) after that: what is on
 * screen then is what the widget's state says. A tick callback makes the
 * clock run even when nothing else asks for a frame. */
gboolean
ts_test_wait_frames (GtkWidget *widget,
                     guint      n_frames,
                     guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * G_TIME_SPAN_MILLISECOND;
  FrameCount count = { 0 };
  guint id;

  while (!drawable (widget))
    if (!ts_test_wait_step (deadline))
      return drawable (widget);
  id = gtk_widget_add_tick_callback (widget, count_tick_cb, &count, NULL);
  while (count.ticks < n_frames && ts_test_wait_step (deadline))
    ;
  gtk_widget_remove_tick_callback (widget, id);
  return count.ticks >= n_frames;
}

const char *
ts_test_widget_text (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return text != NULL ? text : (GTK_IS_LABEL (widget) || GTK_IS_INSCRIPTION (widget) ? "" : NULL);
}
