/* ts-check-in-window.c: the door: check people in, add walk-ins.
 *
 * A placeholder until the check-in work lands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-check-in-window.h"

struct _TsCheckInWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (TsCheckInWindow, ts_check_in_window, ADW_TYPE_WINDOW)

static void
ts_check_in_window_class_init (TsCheckInWindowClass *klass)
{
}

static void
ts_check_in_window_init (TsCheckInWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Check-In Is Not Available Yet"));
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), status);
  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_title (GTK_WINDOW (self), _("Check-In"));
}

GtkWidget *
ts_check_in_window_new (GtkApplication *application,
                        TsRepository   *repository,
                        gint64          event_id)
{
  return g_object_new (TS_TYPE_CHECK_IN_WINDOW, "application", application, NULL);
}
