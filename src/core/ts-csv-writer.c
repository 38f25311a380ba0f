/* ts-csv-writer.c: RFC 4180 CSV cells that spreadsheets open safely.
 *
 * A cell that starts with = + - @ tab or carriage return would be run as a
 * formula by Excel; it is prefixed with a quote so it stays text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-csv"

#include <string.h>

#include "ts-csv-writer.h"

void
ts_csv_writer_append_cell (GString    *out,
                           const char *cell)
{
  gboolean formula, quote;

  if (cell == NULL)
    cell = "";
  formula = strchr ("=+-@\t\r", cell[0]) != NULL && cell[0] != '\0';
  quote = formula || strpbrk (cell, ",\"\r\n") != NULL;

  if (!quote)
    {
      g_string_append (out, cell);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
ts_csv_writer_append_row (GString            *out,
                          const char * const *cells,
                          const char         *line_end)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ts_csv_writer_append_cell (out, cells[i]);
    }
  g_string_append (out, line_end);
}
