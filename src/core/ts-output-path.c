/* ts-output-path.c: files the person asks Tsudoi to write: never over
 * the database.
 *
 * Every command and dialog that writes a file someone named (CSV, PDF,
 * backup) asks ts_output_path_check() first. A name that is the database,
 * or its -wal, -shm or -journal, would replace the very data being
 * written out; writing there behind SQLite's back would also drop this
 * process's locks on the file, and another process would then delete a
 * WAL still in use. "The same file" means the same device and inode, so
 * other names for it (a symbolic or hard link, "./x.db", another spelling
 * of the folder) are caught; a -wal or -shm that does not exist right now
 * is caught by folder and name, because SQLite would take a file created
 * there for its own. The writers stage their output in "NAME.part" or a
 * temporary name beside it, so "NAME.part" is checked too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-output"

#include "config.h"

#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ts-output-path.h"

G_DEFINE_QUARK (ts-output-path-error-quark, ts_output_path_error)

/* The files SQLite keeps beside the database, as suffixes of its name. */
static const char * const companions[] = { "-wal", "-shm", "-journal" };

static gboolean
same_inode (const GStatBuf *a,
            const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The folder of @path (which must exist) and the last part of its name
 * (which need not). */
static gboolean
locate (const char  *path,
        GStatBuf    *folder,
        char       **base)
{
  g_autofree char *dir = g_path_get_dirname (path);

  *base = g_path_get_basename (path);
  return g_stat (dir, folder) == 0;
}

/* Whether @a and @b name one file, or would once either is created. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf stat_a, stat_b;
  g_autofree char *base_a = NULL;
  g_autofree char *base_b = NULL;

  if (g_stat (a, &stat_a) == 0 && g_stat (b, &stat_b) == 0)
    return same_inode (&stat_a, &stat_b);
  if (!locate (a, &stat_a, &base_a) || !locate (b, &stat_b, &base_b))
    return FALSE;
  return same_inode (&stat_a, &stat_b) && g_str_equal (base_a, base_b);
}

static gboolean
refuse (const char  *database_path,
        const char  *output_path,
        gboolean     itself,
        GError     **error)
{
  g_autofree char *output = g_filename_display_name (output_path);
  g_autofree char *database = g_filename_display_name (database_path);

  if (itself)
    g_set_error (error, TS_OUTPUT_PATH_ERROR, TS_OUTPUT_PATH_ERROR_DATABASE,
                 _("“%s” is the database itself. Choose another file name."), output);
  else
    g_set_error (error, TS_OUTPUT_PATH_ERROR, TS_OUTPUT_PATH_ERROR_DATABASE,
                 /* Translators: %1$s is the file chosen, %2$s the database. */
                 _("Writing “%1$s” would overwrite a file of the database “%2$s”. "
                   "Choose another file name."), output, database);
  return FALSE;
}

/* TRUE when @output_path may be written while @database_path is in use;
 * FALSE with a message saying why not. Looks at the files (stat), never
 * opens them. */
gboolean
ts_output_path_check (const char  *database_path,
                      const char  *output_path,
                      GError     **error)
{
  g_autofree char *part = NULL;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);

  part = g_strconcat (output_path, ".part", NULL);
  if (same_file (output_path, database_path))
    return refuse (database_path, output_path, TRUE, error);
  if (same_file (part, database_path))
    return refuse (database_path, output_path, FALSE, error);
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (database_path, companions[i], NULL);

      if (same_file (output_path, companion) || same_file (part, companion))
        return refuse (database_path, output_path, FALSE, error);
    }
  return TRUE;
}
