/* ts-progress-dialog.h: a long operation's progress, with Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-progress.h"

G_BEGIN_DECLS

#define TS_TYPE_PROGRESS_DIALOG (ts_progress_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsProgressDialog, ts_progress_dialog, TS, PROGRESS_DIALOG, AdwWindow)

TsProgressDialog *ts_progress_dialog_new (GtkWindow    *parent,
                                          const char   *title,
                                          TsProgress   *progress,
                                          GCancellable *cancellable);

G_END_DECLS
