/* ts-export-async.h: a CSV export in a thread, for the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-export.h"
#include "ts-progress.h"

G_BEGIN_DECLS

typedef enum {
  TS_EXPORT_MEMBERS,     /* ts_export_members(); the id is unused */
  TS_EXPORT_ATTENDEES,   /* ts_export_attendees() of an event */
  TS_EXPORT_GRID,        /* ts_export_grid() of a chapter */
} TsExportKind;

void      ts_export_write_async  (TsRepository         *repository,
                                  TsExportKind          kind,
                                  gint64                id,
                                  const char           *path,
                                  TsExportEncoding      encoding,
                                  TsProgress           *progress,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
gboolean  ts_export_write_finish (TsRepository         *repository,
                                  GAsyncResult         *result,
                                  GError              **error);

G_END_DECLS
