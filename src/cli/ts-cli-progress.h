/* ts-cli-progress.h: a progress bar on the terminal for long commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TsCliProgress TsCliProgress;

TsCliProgress *ts_cli_progress_new      (const char    *text);
TsCliProgress *ts_cli_progress_new_writing (const char *path);
void           ts_cli_progress_stage    (TsCliProgress *self,
                                         const char    *text);
void           ts_cli_progress_set      (TsCliProgress *self,
                                         double         fraction);
void           ts_cli_progress_clear    (TsCliProgress *self);
void           ts_cli_progress_free     (TsCliProgress *self);

/* For the engine's callbacks: rows or pages done of a total (an import,
 * a PDF), or a fraction (a backup, a restore). */
void           ts_cli_progress_count    (guint          done,
                                         guint          total,
                                         gpointer       self);
void           ts_cli_progress_fraction (double         fraction,
                                         gpointer       self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsCliProgress, ts_cli_progress_free)

G_END_DECLS
