/* ts-cli.c: what the tsudoi-cli commands share.
 *
 * Errors are one line on stderr; 2 means the command was used wrongly,
 * 1 that it failed. A command that fails has changed nothing: writes are
 * transactions, and a database that is missing is not created except by
 * init and sample.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-csv-writer.h"
#include "ts-output-path.h"
#include "ts-text-clean.h"

char *ts_cli_database_option = NULL;

static const GOptionEntry database_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &ts_cli_database_option,
    N_("The database file (default: $TSUDOI_DATABASE, then the data folder)"),
    N_("FILE") },
  { NULL }
};

GOptionContext *
ts_cli_option_context (const char         *command,
                       const char         *parameters,
                       const char         *summary,
                       const GOptionEntry *entries)
{
  g_autofree char *program = g_strdup_printf ("tsudoi-cli %s", command);
  GOptionContext *context = NULL;

  /* The usage line reads "tsudoi-cli members [OPTION…]". */
  g_set_prgname (program);
  context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

int
ts_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return ts_cli_usage_error ("%s", error->message);
  return TS_CLI_OK;
}

/* ts_cli_parse() for the commands that take options only. */
int
ts_cli_parse_no_arguments (GOptionContext   *context,
                           int              *argc,
                           char           ***argv)
{
  int status = ts_cli_parse (context, argc, argv);

  if (status == TS_CLI_OK && *argc > 1)
    return ts_cli_usage_error (_("Unexpected argument “%s”."), (*argv)[1]);
  return status;
}

/* ts_cli_parse() for the commands that take one file, left in (*argv)[1]. */
int
ts_cli_parse_one_file (GOptionContext   *context,
                       const char       *command,
                       int              *argc,
                       char           ***argv)
{
  int status = ts_cli_parse (context, argc, argv);

  if (status == TS_CLI_OK && *argc != 2)
    return ts_cli_usage_error (_("“%s” takes one file."), command);
  return status;
}

static void
on_database_wait (TsDatabase *database,
                  gpointer    user_data)
{
  g_printerr ("%s\n", _("Waiting for another program to finish writing to the database…"));
}

TsRepository *
ts_cli_open (gboolean create)
{
  g_autofree char *path = ts_database_resolve_path (ts_cli_database_option);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = NULL;

  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("There is no database at “%s”. Create one with “tsudoi-cli init”."),
                  path);
      g_printerr ("\n");
      return NULL;
    }
  database = ts_database_open (path, &error);
  if (database == NULL)
    {
      ts_cli_fail (error);
      return NULL;
    }
  ts_database_set_wait_func (database, on_database_wait, NULL);
  return ts_repository_new (database);
}

/* Refuses an output file that is the database, or one of the files
 * SQLite keeps beside it, before anything is opened: such a command would
 * replace the data it writes out. */
gboolean
ts_cli_output_allowed (const char *output)
{
  g_autofree char *database = ts_database_resolve_path (ts_cli_database_option);
  g_autoptr(GError) error = NULL;

  if (ts_output_path_check (database, output, &error))
    return TRUE;
  ts_cli_fail (error);
  return FALSE;
}

int
ts_cli_fail (const GError *error)
{
  g_printerr ("tsudoi-cli: %s\n", error->message);
  return TS_CLI_FAILED;
}

int
ts_cli_usage_error (const char *format,
                    ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("tsudoi-cli: %s\n", message);
  g_printerr (_("Try “tsudoi-cli --help”."));
  g_printerr ("\n");
  return TS_CLI_USAGE;
}

/* --format text or csv: TS_CLI_OK, or a usage error already reported. */
int
ts_cli_parse_format (const char *format,
                     gboolean   *csv)
{
  if (format == NULL || g_str_equal (format, "text"))
    *csv = FALSE;
  else if (g_str_equal (format, "csv"))
    *csv = TRUE;
  else
    return ts_cli_usage_error (_("--format takes text or csv."));
  return TS_CLI_OK;
}

/* ---- tables ------------------------------------------------------------ */

struct _TsCliTable
{
  gboolean   csv;
  guint      n_columns;
  GPtrArray *rows;    /* GStrv */
};

TsCliTable *
ts_cli_table_new (gboolean            csv,
                  const char * const *headers)
{
  TsCliTable *table = g_new0 (TsCliTable, 1);

  table->csv = csv;
  table->n_columns = g_strv_length ((GStrv) headers);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  ts_cli_table_add (table, headers);
  return table;
}

/* Cells go to a terminal: cleaned again of control characters, for text
 * stored before Tsudoi cleaned it or written by another program. A table
 * for people has one line per row; a CSV cell may hold several. */
void
ts_cli_table_add (TsCliTable         *table,
                  const char * const *cells)
{
  GStrv row = g_new0 (char *, table->n_columns + 1);

  for (guint c = 0; c < table->n_columns && cells[c] != NULL; c++)
    row[c] = ts_text_clean (cells[c], table->csv);
  for (guint c = 0; c < table->n_columns; c++)
    if (row[c] == NULL)
      row[c] = g_strdup ("");
  g_ptr_array_add (table->rows, row);
}

/* Columns on a terminal: a kanji or kana takes two cells. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static void
print_text (TsCliTable *table)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);
      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], display_width (row[c]));
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < table->n_columns)
            for (guint pad = display_width (row[c]); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

static void
print_csv (TsCliTable *table)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    ts_csv_writer_append_row (out, g_ptr_array_index (table->rows, r), "\n");
  fwrite (out->str, 1, out->len, stdout);
}

void
ts_cli_table_print (TsCliTable *table)
{
  if (table->csv)
    print_csv (table);
  else
    print_text (table);
}

void
ts_cli_table_free (TsCliTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table);
}
