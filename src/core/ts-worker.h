/* ts-worker.h: the thread behind every _async/_finish pair of the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-progress.h"

G_BEGIN_DECLS

/* Runs in a worker thread with the task's data. It may open connections
 * of its own (never the caller's), reports to @progress (may be NULL),
 * and looks at @cancellable wherever stopping leaves nothing half done. */
typedef gboolean (*TsWorkerFunc) (gpointer       task_data,
                                  TsProgress    *progress,
                                  GCancellable  *cancellable,
                                  GError       **error);

void ts_worker_run (GTask              *task,
                    TsWorkerFunc        func,
                    TsProgress         *progress,
                    const char * const *changed);

G_END_DECLS
