/* ts-csv-writer.h: RFC 4180 CSV cells that spreadsheets open safely.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ts_csv_writer_append_cell (GString            *out,
                                const char         *cell);
void ts_csv_writer_append_row  (GString            *out,
                                const char * const *cells,
                                const char         *line_end);

G_END_DECLS
