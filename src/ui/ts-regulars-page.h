/* ts-regulars-page.h: who keeps coming, who is new, who stopped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_REGULARS_PAGE (ts_regulars_page_get_type ())
G_DECLARE_FINAL_TYPE (TsRegularsPage, ts_regulars_page, TS, REGULARS_PAGE, AdwBin)

GtkWidget *ts_regulars_page_new         (TsRepository   *repository);
void       ts_regulars_page_set_chapter (TsRegularsPage *self,
                                         gint64          chapter_id);
/* "2017-08-31T23:59" to look at the data as of that moment (screenshots,
 * tests); NULL for now. */
void       ts_regulars_page_set_today   (TsRegularsPage *self,
                                         const char     *today);
gboolean   ts_regulars_page_save_list   (TsRegularsPage *self,
                                         const char     *list,
                                         GFile          *file,
                                         GError        **error);

G_END_DECLS
