/* ts-chapter-dialog.h: add or edit a chapter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_CHAPTER_DIALOG (ts_chapter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsChapterDialog, ts_chapter_dialog, TS, CHAPTER_DIALOG, AdwWindow)

/* @chapter_id: 0 for a new chapter. */
GtkWidget *ts_chapter_dialog_new (GtkWindow    *parent,
                                  TsRepository *repository,
                                  gint64        chapter_id);

G_END_DECLS
