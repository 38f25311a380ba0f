/* ts-import-async.h: reading, previewing and writing an import in a
 * thread, for the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-import.h"
#include "ts-progress.h"
#include "ts-repository.h"

G_BEGIN_DECLS

void      ts_import_open_async     (TsRepository         *repository,
                                    const char           *path,
                                    TsCsvEncoding         encoding,
                                    TsProgress           *progress,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
TsImport *ts_import_open_finish    (TsRepository         *repository,
                                    GAsyncResult         *result,
                                    GError              **error);
void      ts_import_preview_async  (TsRepository         *repository,
                                    TsImport             *import,
                                    TsProgress           *progress,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  ts_import_preview_finish (TsRepository         *repository,
                                    GAsyncResult         *result,
                                    GError              **error);
void      ts_import_apply_async    (TsRepository         *repository,
                                    TsImport             *import,
                                    gint64                event_id,
                                    TsProgress           *progress,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  ts_import_apply_finish   (TsRepository         *repository,
                                    GAsyncResult         *result,
                                    TsImportResult       *import_result,
                                    GError              **error);

G_END_DECLS
