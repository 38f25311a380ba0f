/* ts-backup.c: consistent copies of the database, made while it is open,
 * and putting one back.
 *
 * Copies go through SQLite's online backup API, which reads one
 * consistent snapshot even while the app writes (WAL). A copy is written
 * beside its final name and renamed when complete, so a crash never
 * leaves half a backup under a good name. Restoring copies the backup's
 * pages into the open database, after the current content was copied
 * aside, so that a restore can itself be undone by hand. A watched copy
 * goes a slice of pages at a time, telling how far it has come and
 * stopping, with nothing written, when cancelled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-backup"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ts-backup.h"
#include "ts-output-path.h"
#include "ts-schema.h"

#define AUTO_PREFIX "tsudoi-backup-"
#define PAGES_PER_STEP 256        /* 1 MiB of 4 KiB pages between looks */
#define AUTO_SUFFIX ".db"

/* Read only, and trusting that nobody changes the file meanwhile, which
 * is what lets SQLite read it without a lock or a -shm beside it. */
#define SET_URI_PARAMETERS(uri) \
  G_STMT_START { char *with = g_strconcat (uri, "?immutable=1", NULL); \
                 g_free (uri); uri = with; } G_STMT_END

/* Beside the database: <data folder>/tsudoi/backups. */
char *
ts_backup_default_folder (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

/* A watch, and the part of the whole work a step covers. */
typedef struct {
  const TsBackupWatch *watch;
  double               from;
  double               to;
} Stage;

static void
stage_report (const Stage *stage,
              double       done)
{
  if (stage != NULL && stage->watch != NULL && stage->watch->progress != NULL)
    stage->watch->progress (stage->from + (stage->to - stage->from) * done,
                            stage->watch->user_data);
}

static gboolean
stage_cancelled (const Stage  *stage,
                 GError      **error)
{
  return stage != NULL && stage->watch != NULL &&
         g_cancellable_set_error_if_cancelled (stage->watch->cancellable, error);
}

/* Unwatched, in one step, as it always was; watched, a slice at a time.
 * Stopping before the last step leaves @dest as it was. */
static gboolean
copy_pages (sqlite3      *dest,
            sqlite3      *source,
            const char   *dest_path,
            const Stage  *stage,
            GError      **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int pages = stage != NULL && stage->watch != NULL ? PAGES_PER_STEP : -1;
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
      rc = sqlite3_backup_step (backup, pages);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
      else if (rc == SQLITE_OK || rc == SQLITE_DONE)
        {
          int total = sqlite3_backup_pagecount (backup);

          stage_report (stage, total > 0 ? 1.0 - (double) sqlite3_backup_remaining (backup) / total
                                         : 1.0);
        }
      if (rc == SQLITE_OK && stage_cancelled (stage, error))
        {
          sqlite3_backup_finish (backup);
          return FALSE;
        }
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

static gboolean
write_copy (sqlite3      *source,
            const char   *dest_path,
            const Stage  *stage,
            GError      **error)
{
  g_autofree char *partial = g_strconcat (dest_path, ".partial", NULL);
  g_autofree char *dir = g_path_get_dirname (dest_path);
  sqlite3 *dest = NULL;
  gboolean ok;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  g_unlink (partial);
  if (!ts_database_create_private_file (partial, error))
    return FALSE;
  if (sqlite3_open_v2 (partial, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not write “%s”: %s"), dest_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      return FALSE;
    }
  ok = copy_pages (dest, source, dest_path, stage, error);
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

/* Never over the database or its -wal and -shm (a backup onto itself
 * replaced the database with a copy behind SQLite's back), from the app's
 * Back Up Now, tsudoi-cli backup or anything else. */
gboolean
ts_backup_write (TsDatabase  *database,
                 const char  *dest_path,
                 GError     **error)
{
  return ts_backup_write_watched (database, dest_path, NULL, error);
}

/* The same, telling @watch how far it has come; cancelled, it leaves no
 * file (and an older one of that name as it was). */
gboolean
ts_backup_write_watched (TsDatabase          *database,
                         const char          *dest_path,
                         const TsBackupWatch *watch,
                         GError             **error)
{
  Stage stage = { watch, 0.0, 1.0 };

  g_return_val_if_fail (TS_IS_DATABASE (database), FALSE);

  if (!ts_output_path_check (ts_database_get_path (database), dest_path, error))
    return FALSE;
  return write_copy (ts_database_get_handle (database), dest_path, &stage, error);
}

/* What is committed in the file at @database_path, read through a
 * connection of its own: the one that holds the write lock cannot be
 * the source of a copy, but nobody can commit while it holds it. */
static gboolean
write_committed_copy (const char   *database_path,
                      const char   *dest_path,
                      const Stage  *stage,
                      GError      **error)
{
  sqlite3 *source = NULL;
  gboolean ok;

  if (sqlite3_open_v2 (database_path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not read “%s”: %s"), database_path, sqlite3_errmsg (source));
      sqlite3_close (source);
      return FALSE;
    }
  ok = write_copy (source, dest_path, stage, error);
  sqlite3_close (source);
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

/* A backup open for reading. Reading one writes nothing beside it: a file
 * without a log is opened immutable (no -shm, no locks, no journal); one
 * with a -wal beside it, a copy of a database in use, is read from a
 * private copy of the pair. */
typedef struct {
  sqlite3 *db;
  char    *copy_dir;
} BackupReader;

static void
backup_reader_close (BackupReader *reader)
{
  sqlite3_close (reader->db);
  reader->db = NULL;
  if (reader->copy_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (reader->copy_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (reader->copy_dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (reader->copy_dir);
      g_clear_pointer (&reader->copy_dir, g_free);
    }
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (from, &contents, &length, NULL) &&
         g_file_set_contents_full (to, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, NULL);
}

static gboolean
backup_reader_open (BackupReader *reader,
                    const char   *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = NULL;

  reader->db = NULL;
  reader->copy_dir = NULL;
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *copy = NULL;
      g_autofree char *copy_wal = NULL;

      if ((reader->copy_dir = g_dir_make_tmp ("tsudoi-backup-XXXXXX", NULL)) == NULL)
        return FALSE;
      copy = g_build_filename (reader->copy_dir, "backup.db", NULL);
      copy_wal = g_strconcat (copy, "-wal", NULL);
      if (!copy_file (path, copy) || !copy_file (wal, copy_wal))
        return FALSE;
      return sqlite3_open_v2 (copy, &reader->db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
    }
  if ((uri = g_filename_to_uri (absolute, NULL, NULL)) == NULL)
    return FALSE;
  SET_URI_PARAMETERS (uri);
  return sqlite3_open_v2 (uri, &reader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                          NULL) == SQLITE_OK;
}

/* A Tsudoi database that this version can read, not damaged and not
 * changed by another program. */
static gboolean
check_open_backup (sqlite3     *db,
                   const char  *path,
                   GError     **error)
{
  int app_id = 0, version = 0, objects = 0;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *foreign = NULL;
  gboolean intact = FALSE;

  if (db == NULL ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &objects) ||
      !query_int (db, "PRAGMA application_id", &app_id) ||
      !query_int (db, "PRAGMA user_version", &version) ||
      objects == 0 || app_id != TS_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Tsudoi database or backup."), path);
      return FALSE;
    }
  if (version > ts_schema_latest_version ())
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tsudoi. "
                     "Please update Tsudoi to restore it."), path);
      return FALSE;
    }
  if ((foreign = ts_schema_find_foreign (db, version)) != NULL)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%1$s” was changed by another program: it holds “%2$s”, which Tsudoi "
                     "did not create. It cannot be restored."), path, foreign);
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    intact = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  if (!intact)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CORRUPT,
                   _("The backup “%s” is damaged and cannot be restored."), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_backup_check_file (const char  *path,
                      GError     **error)
{
  BackupReader reader;
  gboolean ok;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND,
                   _("There is no file “%s”."), path);
      return FALSE;
    }
  backup_reader_open (&reader, path);
  ok = check_open_backup (reader.db, path, error);
  backup_reader_close (&reader);
  return ok;
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

/* A copy of the backup in a file of our own beside the database, brought
 * up to the current schema by ts_database_open(), which refuses what it
 * cannot migrate. The backup itself is only read. */
static char *
prepare_migrated_copy (const char   *database_path,
                       const char   *backup_path,
                       const Stage  *stage,
                       GError      **error)
{
  g_autofree char *temp = g_strconcat (database_path, ".restoring", NULL);
  g_autoptr(TsDatabase) migrated = NULL;
  BackupReader reader;
  sqlite3 *dest = NULL;
  gboolean ok;

  remove_database_files (temp);
  if (!backup_reader_open (&reader, backup_path) ||
      !ts_database_create_private_file (temp, NULL) ||
      sqlite3_open_v2 (temp, &dest, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not read “%s”: %s"), backup_path,
                   dest != NULL ? sqlite3_errmsg (dest) : g_strerror (errno));
      backup_reader_close (&reader);
      sqlite3_close (dest);
      remove_database_files (temp);
      return NULL;
    }
  ok = copy_pages (dest, reader.db, temp, stage, error);
  backup_reader_close (&reader);
  sqlite3_close (dest);
  if (ok && (stage_cancelled (stage, error) ||
             (migrated = ts_database_open (temp, error)) == NULL))
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

static gboolean
attach_restored (TsDatabase  *database,
                 const char  *path,
                 GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (ts_database_get_handle (database), "ATTACH ?1 AS restored",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      ts_database_set_error (database, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, path, -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    ts_database_set_error (database, error);
  sqlite3_finalize (stmt);
  return ok;
}

/* Under one write transaction, so that no other process writes between
 * the copy kept aside and the restore: the current content is copied to
 * @aside, then every table takes the content of @migrated. */
static gboolean
restore_locked (TsDatabase          *database,
                const char          *migrated,
                const char          *aside,
                const TsBackupWatch *watch,
                GError             **error)
{
  Stage copy = { watch, 0.5, 0.9 };
  Stage last = { watch, 0.9, 1.0 };
  gboolean ok;

  if (!attach_restored (database, migrated, error))
    return FALSE;
  ok = ts_database_begin (database, error);
  if (ok)
    {
      /* The last look at the cancellable is before the commit: the
       * restore lands whole or not at all. */
      ok = write_committed_copy (ts_database_get_path (database), aside, &copy, error) &&
           !stage_cancelled (&last, error) &&
           ts_database_exec (database, "PRAGMA defer_foreign_keys = ON", error) &&
           ts_database_exec (database, ts_schema_get_restore_sql (), error);
      if (ok)
        stage_report (&last, 0.5);
      ok = ok && !stage_cancelled (&last, error);
      if (ok)
        ok = ts_database_commit (database, error);
      else
        ts_database_rollback (database);
    }
  ts_database_exec (database, "DETACH restored", NULL);
  if (!ok)
    g_unlink (aside);
  return ok;
}

/* Replaces the content of @database with the backup, in place, so that
 * the open database (and every process holding it) sees the restored data
 * at its next read. The backup is checked, copied and migrated first, so
 * that a newer, damaged or foreign file is refused with the database
 * untouched; the current content is copied to a file beside the
 * database, named in @kept_aside. */
static gboolean
restore_watched (TsDatabase          *database,
                 const char          *backup_path,
                 const TsBackupWatch *watch,
                 char               **kept_aside,
                 GError             **error)
{
  const char *database_path = ts_database_get_path (database);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = NULL;
  g_autofree char *migrated = NULL;
  Stage prepare = { watch, 0.0, 0.5 };
  gboolean ok;

  if (!ts_backup_check_file (backup_path, error))
    return FALSE;
  if (same_file (backup_path, database_path))
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_FAILED,
                   _("“%s” is the database itself, not a backup of it."), backup_path);
      return FALSE;
    }
  if ((migrated = prepare_migrated_copy (database_path, backup_path, &prepare, error)) == NULL)
    return FALSE;
  aside = aside_name (database_path, stamp);
  ok = restore_locked (database, migrated, aside, watch, error);
  remove_database_files (migrated);
  if (ok && kept_aside != NULL)
    *kept_aside = g_steal_pointer (&aside);
  return ok;
}

gboolean
ts_backup_restore (TsDatabase  *database,
                   const char  *backup_path,
                   char       **kept_aside,
                   GError     **error)
{
  g_return_val_if_fail (TS_IS_DATABASE (database), FALSE);
  return restore_watched (database, backup_path, NULL, kept_aside, error);
}

/* The whole restore, as the CLI and the app do it, on a connection of
 * its own. Other connections to @database_path see the restored data at
 * their next read. */
gboolean
ts_backup_restore_file (const char  *database_path,
                        const char  *backup_path,
                        char       **kept_aside,
                        GError     **error)
{
  return ts_backup_restore_file_watched (database_path, backup_path, NULL, kept_aside, error);
}

/* The same, telling @watch how far it has come; cancelled before its
 * commit, it leaves the database and the backup as they were, and no
 * copy aside. */
gboolean
ts_backup_restore_file_watched (const char          *database_path,
                                const char          *backup_path,
                                const TsBackupWatch *watch,
                                char               **kept_aside,
                                GError             **error)
{
  g_autoptr(TsDatabase) database = NULL;

  g_return_val_if_fail (database_path != NULL && backup_path != NULL, FALSE);

  database = ts_database_open (database_path, error);
  return database != NULL && restore_watched (database, backup_path, watch, kept_aside, error);
}

/* What the confirmation tells: the members in a backup, without
 * opening it as a database (it may be of an older schema). */
gboolean
ts_backup_count_members (const char *backup_path,
                         int        *n_members)
{
  BackupReader reader;
  gboolean ok;

  ok = backup_reader_open (&reader, backup_path) &&
       query_int (reader.db, "SELECT count(*) FROM member WHERE deleted_at IS NULL", n_members);
  backup_reader_close (&reader);
  return ok;
}
