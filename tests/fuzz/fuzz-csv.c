/* fuzz-csv.c: libFuzzer harness for the CSV reader and header mapping.
 *
 * The first byte picks the encoding to ask for (automatic, UTF-8, UTF-16,
 * CP932); the rest is the file. Whatever the bytes, reading must either
 * fail with an error or give rows whose cells are valid UTF-8, one line
 * number per row, never decreasing; every header maps to some field.
 * Built and run by build-aux/fuzz.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <stdlib.h>

#include "ts-csv-reader.h"
#include "ts-import-mapping.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_table (TsCsvTable *table)
{
  guint previous = 0;

  if (table->rows->len != table->lines->len)
    abort ();
  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (table->rows, r);
      guint line = g_array_index (table->lines, guint, r);

      if (line < previous || line == 0)
        abort ();
      previous = line;
      for (guint c = 0; cells[c] != NULL; c++)
        {
          if (!g_utf8_validate (cells[c], -1, NULL))
            abort ();
          if (r < 2 && ts_import_field_for_header (cells[c]) >= TS_IMPORT_N_FIELDS)
            abort ();
          if (r == 1)
            (void) ts_import_consent_for (cells[c]);
        }
    }
  if (table->rows->len > 0)
    {
      GArray *mapping = ts_import_map_headers (g_ptr_array_index (table->rows, 0));
      (void) ts_import_mapping_has_name (mapping);
      g_array_unref (mapping);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  GBytes *bytes;
  GError *error = NULL;
  TsCsvTable *table;
  TsCsvEncoding encoding;

  if (size < 1)
    return 0;
  encoding = data[0] % 4;
  bytes = g_bytes_new_static (data + 1, size - 1);
  table = ts_csv_read_bytes (bytes, encoding, NULL, &error);
  if (table != NULL)
    {
      if (error != NULL)
        abort ();
      check_table (table);
      ts_csv_table_free (table);
    }
  else if (error == NULL || error->message == NULL || *error->message == '\0')
    abort ();
  g_clear_error (&error);
  g_bytes_unref (bytes);
  return 0;
}
