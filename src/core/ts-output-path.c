/* ts-output-path.c: files the person asks Tsudoi to write: never over the
 * database, and private to their owner.
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
 * What these files hold is personal data: they are created 0600 whatever
 * the umask, and replace a file of the same name only when complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-output"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ts-output-path.h"

G_DEFINE_QUARK (ts-output-path-error-quark, ts_output_path_error)

#define PRIVATE_MODE 0600

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

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, TS_OUTPUT_PATH_ERROR, TS_OUTPUT_PATH_ERROR_WRITE,
               _("Could not write “%1$s”: %2$s"), name, g_strerror (saved_errno));
}

/* The whole file at once: written to a new file beside @path, created
 * 0600, and renamed over it once complete. */
gboolean
ts_output_file_set_contents (const char  *path,
                             const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                   PRIVATE_MODE, error);
}

/* Opens @path for writing, emptied, and readable by its owner only, also
 * when it was there already with a wider mode. A symbolic link is not
 * followed. Returns the descriptor, or -1 with @error set. */
int
ts_output_file_create (const char  *path,
                       GError     **error)
{
  int fd;

  g_return_val_if_fail (path != NULL, -1);

  do
    fd = open (path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, PRIVATE_MODE);
  while (fd < 0 && errno == EINTR);
  if (fd < 0 || fchmod (fd, PRIVATE_MODE) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      set_write_error (error, path, saved_errno);
      return -1;
    }
  return fd;
}
