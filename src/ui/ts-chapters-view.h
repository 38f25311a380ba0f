/* ts-chapters-view.h: the network's chapters by region, beside the chosen one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_CHAPTERS_VIEW (ts_chapters_view_get_type ())
G_DECLARE_FINAL_TYPE (TsChaptersView, ts_chapters_view, TS, CHAPTERS_VIEW, AdwBin)

void       ts_chapters_view_set_repository (TsChaptersView *self,
                                            TsRepository   *repository);
void       ts_chapters_view_show_chapter   (TsChaptersView *self,
                                            gint64          chapter_id);
gint64     ts_chapters_view_get_chapter_id (TsChaptersView *self);

G_END_DECLS
