/* ts-backup.c: consistent copies of the database, made while it is open,
 * and putting one back.
 *
 * Copies go through SQLite's online backup API, which reads one
 * consistent snapshot even while the app writes (WAL). A copy is written
 * beside its final name and renamed when complete, so a crash never
 * leaves half a backup under a good name. Restoring copies the backup's
 * pages into the open database, after the current content was copied
 * aside, so that a restore can itself be undone by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-backup"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ts-backup.h"
#include "ts-schema.h"

#define AUTO_PREFIX "tsudoi-backup-"
#define AUTO_SUFFIX ".db"

/* Beside the database: <data folder>/tsudoi/backups. */
char *
ts_backup_default_folder (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

static gboolean
copy_pages (sqlite3     *dest,
            sqlite3     *source,
            const char  *dest_path,
            GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  guint busy = 0;
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, sqlite3_errmsg (dest));
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  /* Another writer gets ten seconds to finish, not forever. */
  while (rc == SQLITE_OK || ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busy < 200));
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_backup_write (TsDatabase  *database,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *partial = g_strconcat (dest_path, ".partial", NULL);
  g_autofree char *dir = g_path_get_dirname (dest_path);
  sqlite3 *dest = NULL;
  gboolean ok;

  g_return_val_if_fail (TS_IS_DATABASE (database), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  g_unlink (partial);
  if (sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  ok = copy_pages (dest, ts_database_get_handle (database), dest_path, error);
  /* A backup is one self-contained file, not a WAL pair. */
  if (ok)
    sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);
  if (ok && g_rename (partial, dest_path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The automatic backups in @folder, oldest first (their names hold the
 * date and time). */
GPtrArray *
ts_backup_list (const char *folder)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, AUTO_PREFIX) && g_str_has_suffix (name, AUTO_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return names;
}

static void
prune (const char *folder,
       guint       keep)
{
  g_autoptr(GPtrArray) names = ts_backup_list (folder);

  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_unlink (path) != 0)
        g_warning ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
}

/* At most one a day: returns the new backup's path, or NULL (and no
 * error) when today's backup exists already. Keeps the @keep newest. */
char *
ts_backup_auto (TsDatabase  *database,
                const char  *folder,
                guint        keep,
                GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, AUTO_PREFIX "%Y-%m-%d");
  g_autofree char *stamp = g_date_time_format (now, AUTO_PREFIX "%Y-%m-%d-%H%M%S" AUTO_SUFFIX);
  g_autoptr(GPtrArray) names = ts_backup_list (folder);
  g_autofree char *path = NULL;

  g_return_val_if_fail (TS_IS_DATABASE (database), NULL);

  for (guint i = 0; i < names->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (names, i), today))
      return NULL;
  path = g_build_filename (folder, stamp, NULL);
  if (!ts_backup_write (database, path, error))
    return NULL;
  prune (folder, MAX (keep, 1));
  return g_steal_pointer (&path);
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* A Tsudoi database that this version can read, and not damaged. */
gboolean
ts_backup_check_file (const char  *path,
                      GError     **error)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int app_id = 0, version = 0, objects = 0;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *foreign = NULL;
  gboolean intact = FALSE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no file “%s”."), path);
      return FALSE;
    }
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &objects) ||
      !query_int (db, "PRAGMA application_id", &app_id) ||
      !query_int (db, "PRAGMA user_version", &version) ||
      objects == 0 || app_id != TS_DATABASE_APPLICATION_ID)
    {
      sqlite3_close (db);
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Tsudoi database or backup."), path);
      return FALSE;
    }
  if (version > ts_schema_latest_version ())
    {
      sqlite3_close (db);
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tsudoi. "
                     "Please update Tsudoi to restore it."), path);
      return FALSE;
    }
  if ((foreign = ts_schema_find_foreign (db, version)) != NULL)
    {
      sqlite3_close (db);
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%1$s” was changed by another program: it holds “%2$s”, which Tsudoi "
                     "did not create. It cannot be restored."), path, foreign);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    intact = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  if (!intact)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged and cannot be restored."), path);
      return FALSE;
    }
  return TRUE;
}

/* The same file, even through another name or a link. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A name no earlier kept-aside copy has: two restores within the same
 * second must not overwrite the first one's copy. */
static char *
aside_name (const char *database_path,
            const char *stamp)
{
  char *name = g_strdup_printf ("%s.before-restore-%s.db", database_path, stamp);

  for (guint n = 2; g_file_test (name, G_FILE_TEST_EXISTS); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s.before-restore-%s-%u.db", database_path, stamp, n);
    }
  return name;
}

/* Replaces the content of @database with the backup, in place, so that
 * the open database (and the app holding it) sees the restored data. The
 * current content is first copied to a file beside the database, named in
 * @kept_aside. */
gboolean
ts_backup_restore (TsDatabase  *database,
                   const char  *backup_path,
                   char       **kept_aside,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = NULL;
  sqlite3 *source = NULL;
  gboolean ok;

  g_return_val_if_fail (TS_IS_DATABASE (database), FALSE);

  if (!ts_backup_check_file (backup_path, error))
    return FALSE;
  if (same_file (backup_path, ts_database_get_path (database)))
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_FAILED,
                   _("“%s” is the database itself, not a backup of it."), backup_path);
      return FALSE;
    }
  aside = aside_name (ts_database_get_path (database), stamp);
  if (!ts_backup_write (database, aside, error))
    return FALSE;

  if (sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not read “%s”: %s"), backup_path, sqlite3_errmsg (source));
      sqlite3_close (source);
      return FALSE;
    }
  ok = copy_pages (ts_database_get_handle (database), source,
                   ts_database_get_path (database), error);
  sqlite3_close (source);
  if (ok && kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  return ok;
}

static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);
      g_unlink (name);
    }
}

/* A copy of the backup in a file of our own, brought up to the current
 * schema by ts_database_open(), which refuses what it cannot migrate. */
static char *
prepare_migrated_copy (const char  *database_path,
                       const char  *backup_path,
                       GError     **error)
{
  g_autofree char *temp = g_strconcat (database_path, ".restoring", NULL);
  g_autoptr(TsDatabase) migrated = NULL;
  sqlite3 *source = NULL, *dest = NULL;
  gboolean ok;

  remove_database_files (temp);
  if (sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_open_v2 (temp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not read “%s”: %s"), backup_path,
                   sqlite3_errmsg (dest != NULL ? dest : source));
      sqlite3_close (source);
      sqlite3_close (dest);
      remove_database_files (temp);
      return NULL;
    }
  ok = copy_pages (dest, source, temp, error);
  sqlite3_close (source);
  sqlite3_close (dest);
  if (ok && (migrated = ts_database_open (temp, error)) == NULL)
    ok = FALSE;
  /* Its own pre-migration copy is of the backup, which stays as it was. */
  if (migrated != NULL && ts_database_get_last_backup (migrated) != NULL)
    g_unlink (ts_database_get_last_backup (migrated));
  g_clear_object (&migrated);
  if (!ok)
    {
      remove_database_files (temp);
      return NULL;
    }
  return g_steal_pointer (&temp);
}

/* The whole restore, as the CLI and the app do it, on a connection of
 * its own: the backup is checked, copied and migrated first, so that a
 * newer, damaged or foreign file is refused with the database untouched;
 * only then is the current content kept aside and replaced. Other
 * connections to @database_path see the restored data at their next read. */
gboolean
ts_backup_restore_file (const char  *database_path,
                        const char  *backup_path,
                        char       **kept_aside,
                        GError     **error)
{
  g_autoptr(TsDatabase) database = NULL;
  g_autofree char *migrated = NULL;
  gboolean ok;

  g_return_val_if_fail (database_path != NULL && backup_path != NULL, FALSE);

  if (!ts_backup_check_file (backup_path, error))
    return FALSE;
  if (same_file (backup_path, database_path))
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_FAILED,
                   _("“%s” is the database itself, not a backup of it."), backup_path);
      return FALSE;
    }
  if ((migrated = prepare_migrated_copy (database_path, backup_path, error)) == NULL)
    return FALSE;
  database = ts_database_open (database_path, error);
  ok = database != NULL && ts_backup_restore (database, migrated, kept_aside, error);
  g_clear_object (&database);
  remove_database_files (migrated);
  return ok;
}

/* What the confirmation tells: the members in a backup, without
 * opening it as a database (it may be of an older schema). */
gboolean
ts_backup_count_members (const char *backup_path,
                         int        *n_members)
{
  sqlite3 *db = NULL;
  gboolean ok;

  ok = sqlite3_open_v2 (backup_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
       query_int (db, "SELECT count(*) FROM member WHERE deleted_at IS NULL", n_members);
  sqlite3_close (db);
  return ok;
}
