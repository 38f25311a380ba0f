/* ts-regulars-marks.h: the regulars settings and marks as the views show them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-regulars.h"

G_BEGIN_DECLS

/* The defaults, with K, N and L from @settings, or from the settings of
 * @widget's app. */
void       ts_ui_regulars_options_from_settings (GSettings         *settings,
                                                 TsRegularsOptions *options);
void       ts_ui_regulars_options_init          (GtkWidget         *widget,
                                                 TsRegularsOptions *options);

/* A small pill with the mark's label (初参加, 久しぶり, 常連), NULL for
 * no mark; its accessible label says what the mark means. */
GtkWidget *ts_ui_regulars_mark_new     (TsRegularsMark     mark);

/* The same pill for a row that shows one person after another: made
 * once, hidden while there is no mark, and set at each bind. */
GtkWidget *ts_ui_regulars_mark_label_new (void);
void       ts_ui_regulars_mark_label_set (GtkWidget         *label,
                                          TsRegularsMark     mark);

G_END_DECLS
