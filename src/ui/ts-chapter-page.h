/* ts-chapter-page.h: one chapter: details, events, people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_CHAPTER_PAGE (ts_chapter_page_get_type ())
G_DECLARE_FINAL_TYPE (TsChapterPage, ts_chapter_page, TS, CHAPTER_PAGE, AdwBin)

void   ts_chapter_page_set_repository (TsChapterPage *self,
                                       TsRepository  *repository);
void   ts_chapter_page_set_chapter    (TsChapterPage *self,
                                       gint64         chapter_id);
gint64 ts_chapter_page_get_chapter_id (TsChapterPage *self);

G_END_DECLS
