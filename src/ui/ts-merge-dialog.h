/* ts-merge-dialog.h: the likely duplicates, side by side, merged.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_MERGE_DIALOG (ts_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsMergeDialog, ts_merge_dialog, TS, MERGE_DIALOG, AdwWindow)

GtkWidget *ts_merge_dialog_new         (GtkWindow     *parent,
                                        TsRepository  *repository);
guint      ts_merge_dialog_get_n_pairs (TsMergeDialog *self);

G_END_DECLS
