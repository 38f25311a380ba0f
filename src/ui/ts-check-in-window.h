/* ts-check-in-window.h: the door: check people in, add walk-ins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_CHECK_IN_WINDOW (ts_check_in_window_get_type ())
G_DECLARE_FINAL_TYPE (TsCheckInWindow, ts_check_in_window, TS, CHECK_IN_WINDOW, AdwWindow)

/* A window of its own, so it can go full screen on the laptop at the
 * door while the main window stays as it was. Writes go through
 * @repository, whose "changed" signal updates the other views. */
GtkWidget *ts_check_in_window_new (GtkApplication *application,
                                   TsRepository   *repository,
                                   gint64          event_id);

G_END_DECLS
