/* ts-export.h: members, an event's attendees and a chapter's attendance
 * grid as CSV files that Japanese Excel opens with a double-click.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_EXPORT_ERROR (ts_export_error_quark ())

typedef enum {
  TS_EXPORT_ERROR_UNREPRESENTABLE,   /* a character CP932 cannot hold */
} TsExportError;

typedef enum {
  TS_EXPORT_UTF8_BOM,    /* the default: Excel reads it as UTF-8 */
  TS_EXPORT_UTF8,
  TS_EXPORT_CP932,
} TsExportEncoding;

GQuark    ts_export_error_quark     (void);
gboolean  ts_export_encoding_from_name (const char        *name,
                                        TsExportEncoding  *encoding);
GString  *ts_export_members         (TsRepository      *repository,
                                     GError           **error);
GString  *ts_export_attendees       (TsRepository      *repository,
                                     gint64             event_id,
                                     GError           **error);
GString  *ts_export_grid            (TsRepository      *repository,
                                     gint64             chapter_id,
                                     GError           **error);
GBytes   *ts_export_encode          (const char        *text,
                                     gsize              length,
                                     TsExportEncoding   encoding,
                                     GError           **error);
gboolean  ts_export_write_file      (const char        *path,
                                     GString           *csv,
                                     TsExportEncoding   encoding,
                                     GError           **error);

G_END_DECLS
