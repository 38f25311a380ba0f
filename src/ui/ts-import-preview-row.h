/* ts-import-preview-row.h: one row of an import's preview.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-import.h"

G_BEGIN_DECLS

#define TS_TYPE_IMPORT_PREVIEW_ROW (ts_import_preview_row_get_type ())
G_DECLARE_FINAL_TYPE (TsImportPreviewRow, ts_import_preview_row, TS, IMPORT_PREVIEW_ROW, GtkBox)

GtkWidget *ts_import_preview_row_new  (void);
/* Shows @row, the preview's row @index. A person's choice in its
 * drop-down emits "action-chosen" with @index and the TsImportAction;
 * showing a row never does. */
void       ts_import_preview_row_show (TsImportPreviewRow *self,
                                       guint               index,
                                       TsImportRow        *row);

G_END_DECLS
