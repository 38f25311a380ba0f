/* ts-intro-window.h: the round of introductions (紹介), full screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_INTRO_WINDOW (ts_intro_window_get_type ())
G_DECLARE_FINAL_TYPE (TsIntroWindow, ts_intro_window, TS, INTRO_WINDOW, AdwWindow)

/* A window of its own, so it can go full screen on a projector or a
 * tablet while the organizer's window stays as it was. */
GtkWidget *ts_intro_window_new      (GtkApplication *application,
                                     TsRepository   *repository,
                                     gint64          event_id);
void       ts_intro_window_present  (GtkWidget      *parent,
                                     TsRepository   *repository,
                                     gint64          event_id);
guint      ts_intro_window_get_position (TsIntroWindow *self);

G_END_DECLS
