/* ts-csv-reader.h: CSV and tab-separated text from Excel and web forms,
 * in whatever encoding they came, as rows of UTF-8 cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TS_CSV_ERROR (ts_csv_error_quark ())

typedef enum {
  TS_CSV_ERROR_EMPTY,        /* nothing in the file, or only blank lines */
  TS_CSV_ERROR_BINARY,       /* not text at all */
  TS_CSV_ERROR_ENCODING,     /* not text in the encoding asked for */
  TS_CSV_ERROR_SYNTAX,       /* a quote never closed */
  TS_CSV_ERROR_TOO_BIG,
} TsCsvError;

typedef enum {
  TS_CSV_ENCODING_AUTO,
  TS_CSV_ENCODING_UTF8,      /* with or without a BOM */
  TS_CSV_ENCODING_UTF16,     /* UTF-16LE with a BOM: Excel's "Unicode text" */
  TS_CSV_ENCODING_CP932,     /* Excel's plain CSV on Japanese Windows */
} TsCsvEncoding;

/* Rows of cells, each row with the line of the file where it starts (a
 * quoted cell may hold line breaks, so rows and lines differ). */
typedef struct {
  GPtrArray     *rows;       /* of GStrv */
  GArray        *lines;      /* guint, one per row */
  TsCsvEncoding  encoding;   /* the one used, never AUTO */
  char           separator;  /* ',', '\t' or ';' */
} TsCsvTable;

GQuark         ts_csv_error_quark        (void);
TsCsvTable    *ts_csv_table_new          (void);
void           ts_csv_table_free         (TsCsvTable     *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsCsvTable, ts_csv_table_free)

TsCsvEncoding  ts_csv_detect_encoding    (const guint8   *data,
                                          gsize           length);
char          *ts_csv_decode             (const guint8   *data,
                                          gsize           length,
                                          TsCsvEncoding   encoding,
                                          TsCsvEncoding  *used,
                                          GError        **error);
char           ts_csv_detect_separator   (const char     *text);
gboolean       ts_csv_parse_text         (const char     *text,
                                          gsize           length,
                                          char            separator,
                                          TsCsvTable     *table,
                                          GCancellable   *cancellable,
                                          GError        **error);
TsCsvTable    *ts_csv_read_bytes         (GBytes         *bytes,
                                          TsCsvEncoding   encoding,
                                          GCancellable   *cancellable,
                                          GError        **error);
TsCsvTable    *ts_csv_read_file          (const char     *path,
                                          TsCsvEncoding   encoding,
                                          GCancellable   *cancellable,
                                          GError        **error);

const char    *ts_csv_encoding_label     (TsCsvEncoding   encoding);
gboolean       ts_csv_encoding_from_name (const char     *name,
                                          TsCsvEncoding  *encoding);

G_END_DECLS
