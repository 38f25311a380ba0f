/* ts-progress.h: how far a long operation has come, for a progress bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TS_TYPE_PROGRESS (ts_progress_get_type ())
G_DECLARE_FINAL_TYPE (TsProgress, ts_progress, TS, PROGRESS, GObject)

TsProgress *ts_progress_new          (void);
double      ts_progress_get_fraction (TsProgress *self);
void        ts_progress_set_fraction (TsProgress *self,
                                      double      fraction);
const char *ts_progress_get_text     (TsProgress *self);
void        ts_progress_set_text     (TsProgress *self,
                                      const char *text);
void        ts_progress_set          (TsProgress *self,
                                      double      fraction,
                                      const char *text);
void        ts_progress_flush        (TsProgress *self);

G_END_DECLS
