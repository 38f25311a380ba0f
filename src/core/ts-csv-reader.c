/* ts-csv-reader.c: CSV and tab-separated text from Excel and web forms,
 * in whatever encoding they came, as rows of UTF-8 cells.
 *
 * Japanese Excel writes plain "CSV" in CP932, "CSV UTF-8" with a BOM and
 * "Unicode text" as UTF-16LE with a BOM and tabs; web forms write UTF-8,
 * sometimes without a BOM. Anything that is not UTF-16 and not valid
 * UTF-8 is taken as CP932 (never "SHIFT_JIS": iconv's SHIFT_JIS lacks
 * ①, ㈱, 髙, 﨑, ～ and －). The cells themselves are split by libcsv, which
 * knows RFC 4180 quoting and line breaks inside quoted cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-csv"

#include "config.h"

#include <string.h>
#include <csv.h>
#include <glib/gi18n-lib.h>

#include "ts-csv-reader.h"

/* Larger than any list of people; a file past it is surely something
 * else, and reading it would only take the memory. */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

G_DEFINE_QUARK (ts-csv-error-quark, ts_csv_error)

TsCsvTable *
ts_csv_table_new (void)
{
  TsCsvTable *table = g_new0 (TsCsvTable, 1);

  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->encoding = TS_CSV_ENCODING_UTF8;
  table->separator = ',';
  return table;
}

void
ts_csv_table_free (TsCsvTable *table)
{
  if (table == NULL)
    return;
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_free (table);
}

const char *
ts_csv_encoding_label (TsCsvEncoding encoding)
{
  switch (encoding)
    {
    case TS_CSV_ENCODING_UTF8:  return _("UTF-8");
    case TS_CSV_ENCODING_UTF16: return _("UTF-16 (Excel Unicode text)");
    case TS_CSV_ENCODING_CP932: return _("Shift_JIS (CP932)");
    case TS_CSV_ENCODING_AUTO:
    default:                    return _("Automatic");
    }
}

/* The names tsudoi-cli takes for --encoding. */
gboolean
ts_csv_encoding_from_name (const char    *name,
                           TsCsvEncoding *encoding)
{
  static const struct { const char *name; TsCsvEncoding encoding; } names[] = {
    { "auto", TS_CSV_ENCODING_AUTO },
    { "utf-8", TS_CSV_ENCODING_UTF8 }, { "utf8", TS_CSV_ENCODING_UTF8 },
    { "utf-16", TS_CSV_ENCODING_UTF16 }, { "utf16", TS_CSV_ENCODING_UTF16 },
    { "cp932", TS_CSV_ENCODING_CP932 }, { "shift_jis", TS_CSV_ENCODING_CP932 },
    { "sjis", TS_CSV_ENCODING_CP932 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (name != NULL && g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        *encoding = names[i].encoding;
        return TRUE;
      }
  return FALSE;
}

TsCsvEncoding
ts_csv_detect_encoding (const guint8 *data,
                        gsize         length)
{
  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) ||
                      (data[0] == 0xFE && data[1] == 0xFF)))
    return TS_CSV_ENCODING_UTF16;
  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    return TS_CSV_ENCODING_UTF8;
  if (g_utf8_validate_len ((const char *) data, length, NULL))
    return TS_CSV_ENCODING_UTF8;
  return TS_CSV_ENCODING_CP932;
}

static guint
line_of_offset (const guint8 *data,
                gsize         offset,
                gsize         unit)
{
  guint line = 1;

  for (gsize i = 0; i + unit <= offset; i += unit)
    if (data[i] == '\n' && (unit == 1 || data[i + 1] == 0))
      line++;
  return line;
}

/* Random bytes and spreadsheets in their native format hold NUL bytes or
 * many control characters; text never does. */
static gboolean
looks_binary (const char *text,
              gsize       length)
{
  gsize controls = 0;

  if (memchr (text, '\0', length) != NULL)
    return TRUE;
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
        controls++;
    }
  return controls > 0 && controls * 100 >= length;
}

static char *
decode_utf8 (const guint8  *data,
             gsize          length,
             GError       **error)
{
  const char *end = NULL;

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }
  if (!g_utf8_validate_len ((const char *) data, length, &end))
    {
      g_set_error (error, TS_CSV_ERROR, TS_CSV_ERROR_ENCODING,
                   _("Line %u is not UTF-8 text. Choose the encoding Shift_JIS (CP932) "
                     "and try again."),
                   line_of_offset (data, (const guint8 *) end - data, 1));
      return NULL;
    }
  return g_strndup ((const char *) data, length);
}

static char *
decode_with_iconv (const guint8  *data,
                   gsize          length,
                   const char    *charset,
                   gsize          unit,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize bytes_read = 0, written = 0;
  char *text;

  text = g_convert ((const char *) data, length, "UTF-8", charset, &bytes_read,
                    &written, &local_error);
  if (text != NULL && strlen (text) != written)
    {
      /* A U+0000 inside: binary data that happened to convert. */
      g_free (text);
      g_set_error_literal (error, TS_CSV_ERROR, TS_CSV_ERROR_BINARY,
                           _("This is not a text file. Save the list from Excel as "
                             "“CSV” or “Unicode text” and import that file."));
      return NULL;
    }
  if (text != NULL)
    return text;
  if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    g_set_error (error, TS_CSV_ERROR, TS_CSV_ERROR_ENCODING,
                 _("This system cannot read the encoding %s."), charset);
  else if (unit == 2)
    g_set_error (error, TS_CSV_ERROR, TS_CSV_ERROR_ENCODING,
                 _("Line %u is not UTF-16 text. Choose another encoding and try again."),
                 line_of_offset (data, bytes_read, 2));
  else
    g_set_error (error, TS_CSV_ERROR, TS_CSV_ERROR_ENCODING,
                 _("Line %u cannot be read as Shift_JIS (CP932). Choose another "
                   "encoding and try again."),
                 line_of_offset (data, bytes_read, 1));
  return NULL;
}

/* The whole file as UTF-8 without a BOM. @used is set to the encoding
 * chosen, which for AUTO is the one detected. */
char *
ts_csv_decode (const guint8   *data,
               gsize           length,
               TsCsvEncoding   encoding,
               TsCsvEncoding  *used,
               GError        **error)
{
  g_autofree char *text = NULL;

  if (encoding == TS_CSV_ENCODING_AUTO)
    encoding = ts_csv_detect_encoding (data, length);
  if (used != NULL)
    *used = encoding;

  if (encoding != TS_CSV_ENCODING_UTF16 && memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, TS_CSV_ERROR, TS_CSV_ERROR_BINARY,
                           _("This is not a text file. Save the list from Excel as "
                             "“CSV” or “Unicode text” and import that file."));
      return NULL;
    }

  switch (encoding)
    {
    case TS_CSV_ENCODING_UTF16:
      /* Excel writes little-endian; a big-endian BOM is honoured too. */
      if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
        text = decode_with_iconv (data + 2, length - 2, "UTF-16BE", 2, error);
      else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
        text = decode_with_iconv (data + 2, length - 2, "UTF-16LE", 2, error);
      else
        text = decode_with_iconv (data, length, "UTF-16LE", 2, error);
      break;
    case TS_CSV_ENCODING_CP932:
      text = decode_with_iconv (data, length, "CP932", 1, error);
      break;
    case TS_CSV_ENCODING_UTF8:
    case TS_CSV_ENCODING_AUTO:
    default:
      text = decode_utf8 (data, length, error);
      break;
    }
  if (text == NULL)
    return NULL;
  if (looks_binary (text, strlen (text)))
    {
      g_set_error_literal (error, TS_CSV_ERROR, TS_CSV_ERROR_BINARY,
                           _("This is not a text file. Save the list from Excel as "
                             "“CSV” or “Unicode text” and import that file."));
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* The separator that occurs most often on the first line, outside quotes:
 * a comma, a tab or a semicolon (European Excel). Comma when none does. */
char
ts_csv_detect_separator (const char *text)
{
  static const char candidates[] = { ',', '\t', ';' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        {
          if (counts[0] + counts[1] + counts[2] > 0)
            break;
        }
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }
  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;
  return candidates[best];
}

typedef struct {
  TsCsvTable *table;
  GPtrArray  *row;        /* cells of the row being read */
  guint       row_line;   /* where it started */
  guint       line;       /* being read */
} ParseState;

static void
on_field (void   *field,
          size_t  length,
          void   *data)
{
  ParseState *state = data;

  /* A lone carriage return also ends a row (old Mac files), so a row can
   * start in the middle of a line. */
  if (state->row_line == 0)
    state->row_line = state->line;
  g_ptr_array_add (state->row, g_strndup (field ? field : "", length));
}

static void
on_row_end (int   terminator,
            void *data)
{
  ParseState *state = data;

  g_ptr_array_add (state->row, NULL);
  g_ptr_array_add (state->table->rows, g_ptr_array_free (state->row, FALSE));
  g_array_append_val (state->table->lines, state->row_line);
  state->row = g_ptr_array_new_with_free_func (g_free);
  state->row_line = 0;
}

/* Fed to libcsv a line at a time, so that each row knows the line it
 * starts on for error messages. */
gboolean
ts_csv_parse_text (const char    *text,
                   gsize          length,
                   char           separator,
                   TsCsvTable    *table,
                   GCancellable  *cancellable,
                   GError       **error)
{
  struct csv_parser parser;
  ParseState state = { table, g_ptr_array_new_with_free_func (g_free), 0, 0 };
  gsize offset = 0;
  guint line = 0;
  gboolean ok = TRUE;

  if (csv_init (&parser, CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    g_error ("libcsv could not start");
  csv_set_delim (&parser, (unsigned char) separator);
  table->separator = separator;

  while (offset < length && ok)
    {
      const char *start = text + offset;
      const char *newline = memchr (start, '\n', length - offset);
      gsize chunk = newline ? (gsize) (newline - start) + 1 : length - offset;

      state.line = ++line;
      if (state.row_line == 0 && strspn (start, "\r\n") < chunk)
        state.row_line = line;
      if (csv_parse (&parser, start, chunk, on_field, on_row_end, &state) != chunk)
        {
          g_set_error (error, TS_CSV_ERROR, TS_CSV_ERROR_SYNTAX,
                       _("Line %u could not be read: %s"), line,
                       csv_strerror (csv_error (&parser)));
          ok = FALSE;
        }
      offset += chunk;
      if ((line & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
    }
  /* libcsv reports an unclosed quote at the end only in its strict mode,
   * which would also refuse the stray quotes that forms write; its state
   * says it as well: a quoted field still open (FIELD_BEGUN). */
  if (ok && ((parser.pstate == 2 && parser.quoted) ||
             csv_fini (&parser, on_field, on_row_end, &state) != 0))
    {
      g_set_error (error, TS_CSV_ERROR, TS_CSV_ERROR_SYNTAX,
                   _("The quoted cell that starts on line %u is never closed: "
                     "a double quote (\") is missing."), state.row_line);
      ok = FALSE;
    }
  csv_free (&parser);
  g_ptr_array_unref (state.row);
  return ok;
}

TsCsvTable *
ts_csv_read_bytes (GBytes         *bytes,
                   TsCsvEncoding   encoding,
                   GCancellable   *cancellable,
                   GError        **error)
{
  g_autoptr(TsCsvTable) table = ts_csv_table_new ();
  g_autofree char *text = NULL;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  if (length > MAX_FILE_SIZE)
    {
      g_set_error_literal (error, TS_CSV_ERROR, TS_CSV_ERROR_TOO_BIG,
                           _("The file is larger than 256 MB, too large for a list of people."));
      return NULL;
    }
  if (data == NULL)
    data = (const guint8 *) "";
  text = ts_csv_decode (data, length, encoding, &table->encoding, error);
  if (text == NULL)
    return NULL;
  if (text[strspn (text, " \t\r\n")] == '\0')
    {
      g_set_error_literal (error, TS_CSV_ERROR, TS_CSV_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }
  if (!ts_csv_parse_text (text, strlen (text), ts_csv_detect_separator (text),
                          table, cancellable, error))
    return NULL;
  return g_steal_pointer (&table);
}

TsCsvTable *
ts_csv_read_file (const char     *path,
                  TsCsvEncoding   encoding,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  TsCsvTable *table;

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not read “%s”: %s"), path, local_error->message);
      return NULL;
    }
  table = ts_csv_read_bytes (bytes, encoding, cancellable, error);
  if (table == NULL && error != NULL && *error != NULL &&
      (*error)->domain == TS_CSV_ERROR)
    {
      g_autofree char *name = g_path_get_basename (path);
      g_prefix_error (error, "%s: ", name);
    }
  return table;
}
