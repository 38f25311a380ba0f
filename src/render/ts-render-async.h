/* ts-render-async.h: a PDF export in a thread, for the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-progress.h"
#include "ts-render.h"

G_BEGIN_DECLS

void      ts_render_write_pdf_async  (TsPrintJob           *job,
                                      const char           *path,
                                      TsProgress           *progress,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
gboolean  ts_render_write_pdf_finish (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
