/* ts-import-dialog.h: the preview of an import, row by row, with the
 * file's encoding and column mapping, and the import itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-import.h"
#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_IMPORT_DIALOG (ts_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsImportDialog, ts_import_dialog, TS, IMPORT_DIALOG, AdwWindow)

TsImportDialog *ts_import_dialog_new        (GtkWindow      *parent,
                                             TsRepository   *repository,
                                             const char     *path,
                                             gint64          event_id);
TsImport       *ts_import_dialog_get_import (TsImportDialog *self);
gboolean        ts_import_dialog_is_busy    (TsImportDialog *self);
void            ts_import_dialog_import     (TsImportDialog *self);

G_END_DECLS
