/* ts-output-path.h: files the person asks Tsudoi to write: never over the
 * database, and private to their owner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TS_OUTPUT_PATH_ERROR (ts_output_path_error_quark ())

typedef enum {
  TS_OUTPUT_PATH_ERROR_DATABASE,   /* the output is the database or one of its files */
  TS_OUTPUT_PATH_ERROR_WRITE,      /* the file could not be created or written */
} TsOutputPathError;

GQuark   ts_output_path_error_quark  (void);
gboolean ts_output_path_check        (const char  *database_path,
                                      const char  *output_path,
                                      GError     **error);
gboolean ts_output_file_set_contents (const char  *path,
                                      const char  *data,
                                      gsize        length,
                                      GError     **error);
int      ts_output_file_create       (const char  *path,
                                      GError     **error);

G_END_DECLS
