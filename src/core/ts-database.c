/* ts-database.c: one Tsudoi SQLite file, opened, checked and migrated.
 *
 * Opening is careful not to write anything before the file has been
 * recognized: a file that is not SQLite, a SQLite file of another program,
 * or one written by a newer Tsudoi is refused and left byte for byte as it
 * was. Only then are WAL and the migrations applied.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-database"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gstdio.h>

#include "ts-database.h"
#include "ts-file-locks.h"
#include "ts-schema.h"
#include "ts-text.h"
#include "ts-vocabulary.h"

struct _TsDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  int         schema_version;
  gboolean    has_content;      /* any table at all when opened */
  guint       transaction_depth;
  char       *last_backup;

  gint64              busy_since;   /* when the current wait began */
  gboolean            busy_told;
  TsDatabaseWaitFunc  wait_func;
  gpointer            wait_data;
};

#define BUSY_GIVE_UP_USEC (60 * G_USEC_PER_SEC)

G_DEFINE_FINAL_TYPE (TsDatabase, ts_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (ts-database-error-quark, ts_database_error)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ts_database_finalize (GObject *object)
{
  TsDatabase *self = TS_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->last_backup);

  G_OBJECT_CLASS (ts_database_parent_class)->finalize (object);
}

static void
ts_database_class_init (TsDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_database_finalize;
}

static void
ts_database_init (TsDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
}

char *
ts_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tsudoi", "tsudoi.db", NULL);
}

/* --database FILE wins, then $TSUDOI_DATABASE, then the data folder. */
char *
ts_database_resolve_path (const char *option_path)
{
  const char *env;

  if (option_path != NULL && *option_path != '\0')
    return g_strdup (option_path);
  env = g_getenv ("TSUDOI_DATABASE");
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return ts_database_default_path ();
}

static int
error_code_for (int sqlite_code)
{
  switch (sqlite_code & 0xff)
    {
    case SQLITE_NOTADB:     return TS_DATABASE_ERROR_NOT_A_DATABASE;
    case SQLITE_CORRUPT:    return TS_DATABASE_ERROR_CORRUPT;
    case SQLITE_CONSTRAINT: return TS_DATABASE_ERROR_CONSTRAINT;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_PERM:       return TS_DATABASE_ERROR_IO;
    default:                return TS_DATABASE_ERROR_FAILED;
    }
}

/* A full disk needs room for the file and its log again: what a
 * checkpoint or a backup writes at most. */
static guint64
needed_space (TsDatabase *self)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  GStatBuf info;
  guint64 size = 8 * 1024 * 1024;

  if (g_stat (self->path, &info) == 0)
    size += info.st_size;
  if (g_stat (wal, &info) == 0)
    size += info.st_size;
  return size;
}

/* What an organizer can act on, for SQLite's result @code; SQLite's own
 * text goes to the debug log only. */
static char *
describe_failure (TsDatabase *self,
                  int         code)
{
  switch (code & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return g_strdup (_("Another program is writing to the database. "
                         "Please wait until it has finished, then try again."));
    case SQLITE_FULL:
      {
        g_autofree char *size = g_format_size (needed_space (self));
        /* Translators: %s is a size, such as “12.5 MB”. */
        return g_strdup_printf (_("The disk is full. Free at least %s on it, then try again. "
                                  "Nothing was changed."), size);
      }
    case SQLITE_READONLY:
      return g_strdup (_("The database file is read-only. Copy it to one of your folders "
                         "and open the copy, or make the file writable."));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return g_strdup (_("The database file is damaged. Restore it from a backup "
                         "(main menu, Restore From Backup…)."));
    case SQLITE_CONSTRAINT:
      return g_strdup (_("The change conflicts with data already saved, so it was not made."));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return g_strdup (_("The database file could not be read or written. Check that the "
                         "disk is connected and working, then try again."));
    default:
      /* Translators: %d is an error number, for whoever helps the organizer. */
      return g_strdup_printf (_("The database could not do this (error %d). "
                                "Nothing was changed."), code);
    }
}

static void
set_failure (TsDatabase  *self,
             int          code,
             const char  *detail,
             GError     **error)
{
  g_autofree char *message = describe_failure (self, code);

  g_debug ("SQLite error %d: %s", code, detail);
  g_set_error_literal (error, TS_DATABASE_ERROR, error_code_for (code), message);
}

void
ts_database_set_error (TsDatabase  *self,
                       GError     **error)
{
  set_failure (self, sqlite3_extended_errcode (self->handle),
               sqlite3_errmsg (self->handle), error);
}

/* A cached statement for @sql, with its TS_SQL_* status parameters
 * (ts-vocabulary.h) bound; release it with ts_statement_release(). */
sqlite3_stmt *
ts_database_prepare (TsDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (TS_IS_DATABASE (self), NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
                              &stmt, NULL) != SQLITE_OK)
        {
          ts_database_set_error (self, error);
          return NULL;
        }
      /* The key must live as long as the statement: sqlite keeps a copy. */
      g_hash_table_insert (self->statements, (char *) sqlite3_sql (stmt), stmt);
    }
  /* Every time: ts_statement_release() cleared the last caller's values. */
  ts_bind_vocabulary (stmt);
  return stmt;
}

void
ts_statement_release (sqlite3_stmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
ts_database_step_done (TsDatabase   *self,
                       sqlite3_stmt *stmt,
                       GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      ts_database_set_error (self, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_database_exec (TsDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->handle, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      set_failure (self, sqlite3_extended_errcode (self->handle),
                   message ? message : sqlite3_errmsg (self->handle), error);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Transactions nest through savepoints, so a unit of work (an import, a
 * walk-in) can call others that open their own. */
gboolean
ts_database_begin (TsDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  if (self->transaction_depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT ts_%u", self->transaction_depth);
  if (!ts_database_exec (self, sql, error))
    return FALSE;
  self->transaction_depth++;
  return TRUE;
}

gboolean
ts_database_commit (TsDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (self->transaction_depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE ts_%u", self->transaction_depth - 1);
  if (!ts_database_exec (self, sql, error))
    {
      ts_database_rollback (self);
      return FALSE;
    }
  self->transaction_depth--;
  return TRUE;
}

void
ts_database_rollback (TsDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (self->transaction_depth > 0);

  self->transaction_depth--;
  if (self->transaction_depth == 0)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO ts_%u; RELEASE ts_%u",
                           self->transaction_depth, self->transaction_depth);
  if (!ts_database_exec (self, sql, NULL))
    g_warning ("Rollback failed: %s", sqlite3_errmsg (self->handle));
}

static gboolean
query_int (TsDatabase  *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      ts_database_set_error (self, error);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      ts_database_set_error (self, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* Tsudoi knows every table, index, view and trigger it creates; anything
 * else came from another program, and a trigger would run with our next
 * write. Such a file is refused before anything runs. */
static gboolean
refuse_foreign_objects (TsDatabase  *self,
                        GError     **error)
{
  g_autofree char *foreign = NULL;

  if (!self->has_content)
    return TRUE;
  foreign = ts_schema_find_foreign (self->handle, self->schema_version);
  if (foreign == NULL)
    return TRUE;
  g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE,
               _("“%1$s” was changed by another program: it holds “%2$s”, which Tsudoi "
                 "did not create. To protect your data it is not opened. The file was "
                 "left unchanged."), self->path, foreign);
  return FALSE;
}

/* Reads the header without writing: SQLite only touches the file for
 * these once journal_mode or a write asks it to. */
static gboolean
recognize (TsDatabase  *self,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int app_id = 0, objects = 0;

  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &objects, &local_error) ||
      !query_int (self, "PRAGMA application_id", &app_id, &local_error) ||
      !query_int (self, "PRAGMA user_version", &self->schema_version, &local_error))
    {
      if (local_error->code == TS_DATABASE_ERROR_NOT_A_DATABASE ||
          local_error->code == TS_DATABASE_ERROR_CORRUPT)
        g_set_error (error, TS_DATABASE_ERROR, local_error->code,
                     _("“%s” is not a Tsudoi database, or it is damaged. "
                       "It was left unchanged."), self->path);
      else
        g_set_error (error, TS_DATABASE_ERROR, local_error->code,
                     _("“%s” could not be read: %s"), self->path,
                     local_error->message);
      return FALSE;
    }

  self->has_content = objects > 0;
  if (objects > 0 && app_id != TS_DATABASE_APPLICATION_ID)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not of Tsudoi. "
                     "It was left unchanged."), self->path);
      return FALSE;
    }

  if (self->schema_version > ts_schema_latest_version ())
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tsudoi. "
                     "Please update Tsudoi to open it. The file was left unchanged."),
                   self->path);
      return FALSE;
    }
  return refuse_foreign_objects (self, error);
}

static gboolean
same_stat (const GStatBuf *a,
           const GStatBuf *b)
{
  return a->st_ino == b->st_ino && a->st_size == b->st_size &&
         a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* A file at rest (no -wal beside it, so nobody has it open in WAL mode)
 * is first recognized through an immutable read-only connection, which
 * leaves no -wal, -shm or journal beside a file that is then refused.
 * Another process may open and write the file meanwhile, and an immutable
 * read does not see that: a refusal counts only when the file is still
 * at rest and unchanged afterwards; otherwise the locked open decides. */
static gboolean
recognize_at_rest (TsDatabase  *self,
                   GError     **error)
{
  g_autofree char *wal = g_strconcat (self->path, "-wal", NULL);
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  g_autoptr(GError) refusal = NULL;
  GStatBuf before, after;

  if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR) || g_file_test (wal, G_FILE_TEST_EXISTS) ||
      g_stat (self->path, &before) != 0)
    return TRUE;
  absolute = g_canonicalize_filename (self->path, NULL);
  if ((uri = g_filename_to_uri (absolute, NULL, NULL)) == NULL)
    return TRUE;
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  /* What cannot be opened so is left to the real open to report. */
  if (sqlite3_open_v2 (immutable, &self->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                       NULL) == SQLITE_OK)
    recognize (self, &refusal);
  sqlite3_close (self->handle);
  self->handle = NULL;
  if (refusal == NULL || g_file_test (wal, G_FILE_TEST_EXISTS) ||
      g_stat (self->path, &after) != 0 || !same_stat (&before, &after))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&refusal));
  return FALSE;
}

gboolean
ts_database_backup_to (TsDatabase  *self,
                       const char  *dest_path,
                       GError     **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  if (!g_file_test (dest_path, G_FILE_TEST_EXISTS) &&
      !ts_database_create_private_file (dest_path, error))
    return FALSE;
  rc = sqlite3_open_v2 (dest_path, &dest,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->handle, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close (dest);
      return FALSE;
    }
  sqlite3_close (dest);
  return TRUE;
}

static gboolean
same_contents (const char *a,
               const char *b)
{
  g_autoptr(GMappedFile) x = g_mapped_file_new (a, FALSE, NULL);
  g_autoptr(GMappedFile) y = g_mapped_file_new (b, FALSE, NULL);

  return x != NULL && y != NULL &&
         g_mapped_file_get_length (x) == g_mapped_file_get_length (y) &&
         memcmp (g_mapped_file_get_contents (x), g_mapped_file_get_contents (y),
                 g_mapped_file_get_length (x)) == 0;
}

/* An earlier copy of exactly this content, left by a migration that
 * failed: a file that fails to migrate at every start must not fill the
 * folder with copies. */
static char *
find_same_backup (TsDatabase *self,
                  const char *fresh)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *prefix = g_strdup_printf ("%s.v%d-", base, self->schema_version);
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".bak"))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (same_contents (path, fresh))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/* A copy of the file as it was, beside it, before any migration touches
 * an existing database. */
static gboolean
backup_before_migration (TsDatabase  *self,
                         GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *dest = g_strdup_printf ("%s.v%d-%s.bak", self->path,
                                           self->schema_version, stamp);
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  g_autofree char *earlier = NULL;

  g_unlink (partial);
  if (!ts_database_backup_to (self, partial, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  earlier = find_same_backup (self, partial);
  if (earlier != NULL)
    {
      g_unlink (partial);
      g_clear_pointer (&dest, g_free);
      dest = g_steal_pointer (&earlier);
    }
  else if (g_rename (partial, dest) != 0)
    {
      int saved_errno = errno;
      g_unlink (partial);
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not write the backup “%s”: %s"), dest, g_strerror (saved_errno));
      return FALSE;
    }
  g_free (self->last_backup);
  self->last_backup = g_steal_pointer (&dest);
  return TRUE;
}

static gboolean
migrate (TsDatabase  *self,
         GError     **error)
{
  const TsMigration *migrations;
  guint n_migrations;

  migrations = ts_schema_get_migrations (&n_migrations);
  for (guint i = 0; i < n_migrations; i++)
    {
      g_autofree char *pragmas = NULL;

      if (migrations[i].version <= self->schema_version)
        continue;
      if (self->has_content && self->last_backup == NULL &&
          !backup_before_migration (self, error))
        return FALSE;

      pragmas = g_strdup_printf ("PRAGMA user_version = %d;"
                                 "PRAGMA application_id = %d;",
                                 migrations[i].version,
                                 TS_DATABASE_APPLICATION_ID);
      if (!ts_database_begin (self, error))
        return FALSE;
      if (!ts_database_exec (self, migrations[i].sql, error) ||
          !ts_database_exec (self, pragmas, error) ||
          !ts_database_commit (self, error))
        {
          if (self->transaction_depth > 0)
            ts_database_rollback (self);
          g_prefix_error (error, _("Could not upgrade the database to version %d: "),
                          migrations[i].version);
          return FALSE;
        }
      self->schema_version = migrations[i].version;
    }
  return TRUE;
}

/* ts_search_key(text) in SQL, so that duplicate checks compare names the
 * way search does (katakana and hiragana alike, spaces ignored). */
static void
sql_search_key (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *key = ts_text_search_key (text);

  sqlite3_result_text (context, key, -1, g_free);
}

/* Another process holds the write lock (an import of thousands of rows
 * takes seconds): wait for it, saying so after a second, rather than fail
 * after a few seconds. Gives up after a minute. */
static int
on_busy (gpointer data,
         int      count)
{
  TsDatabase *self = data;
  gint64 now = g_get_monotonic_time ();

  if (count == 0)
    {
      self->busy_since = now;
      self->busy_told = FALSE;
    }
  if (now - self->busy_since > BUSY_GIVE_UP_USEC)
    return 0;
  if (!self->busy_told && now - self->busy_since > G_USEC_PER_SEC && self->wait_func != NULL)
    {
      self->busy_told = TRUE;
      self->wait_func (self, self->wait_data);
    }
  sqlite3_sleep (count < 10 ? 5 : 25);
  return 1;
}

/* @func is called (in the waiting thread) once a wait for another
 * program's write has lasted a second. */
void
ts_database_set_wait_func (TsDatabase         *self,
                           TsDatabaseWaitFunc  func,
                           gpointer            user_data)
{
  g_return_if_fail (TS_IS_DATABASE (self));
  self->wait_func = func;
  self->wait_data = user_data;
}

static gboolean
configure (TsDatabase  *self,
           GError     **error)
{
  sqlite3_create_function (self->handle, "ts_search_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_search_key, NULL, NULL);
  return ts_database_exec (self,
                           "PRAGMA journal_mode = WAL;"
                           "PRAGMA synchronous = NORMAL;"
                           "PRAGMA foreign_keys = ON;"
                           "PRAGMA trusted_schema = OFF;"
                           /* Listings with counts read the attendance table
                            * all over: a larger cache. No mapped reads: every
                            * page a query touches (and its neighbours, which
                            * the kernel maps along) would stay in the app's
                            * resident memory, 80 MiB more before the first
                            * frame on a 50,000-member file. */
                           "PRAGMA cache_size = -32768;"
                           "PRAGMA mmap_size = 0;",
                           error);
}

/* Personal data: the file is its owner's alone, and SQLite gives its
 * -wal and -shm the same mode. */
gboolean
ts_database_create_private_file (const char  *path,
                                 GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  g_close (fd, NULL);
  return TRUE;
}

static gboolean
open_handle (TsDatabase  *self,
             GError     **error)
{
  gboolean exists = g_file_test (self->path, G_FILE_TEST_EXISTS);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
  int rc;

  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                       _("Could not create the folder “%s”: %s"), dir,
                       g_strerror (saved_errno));
          return FALSE;
        }
      if (!ts_database_create_private_file (self->path, error))
        return FALSE;
    }
  else if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a Tsudoi database."), self->path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (self->path, &self->handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_IO,
                   _("Could not open “%s”: %s"), self->path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_extended_result_codes (self->handle, 1);
  /* Before the first read: another program may hold the file locked for
   * a moment (the last connection of a restore folding the log back in),
   * and recognizing the file must wait for it like any read. */
  sqlite3_busy_handler (self->handle, on_busy, self);
  /* Until the file is recognized as ours, closing the connection must not
   * checkpoint: a -wal of another database beside ours would be copied
   * into it. And no schema of another program may write through us. */
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  return TRUE;
}

TsDatabase *
ts_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(TsDatabase) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ts_file_locks_install ();
  self = g_object_new (TS_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (!recognize_at_rest (self, error) ||
      !open_handle (self, error) ||
      !recognize (self, error) ||
      !configure (self, error) ||
      !migrate (self, error))
    return NULL;
  /* Ours: the last connection to close folds the log back in. */
  sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);

  return g_steal_pointer (&self);
}

const char *
ts_database_get_path (TsDatabase *self)
{
  g_return_val_if_fail (TS_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
ts_database_get_handle (TsDatabase *self)
{
  g_return_val_if_fail (TS_IS_DATABASE (self), NULL);
  return self->handle;
}

int
ts_database_get_schema_version (TsDatabase *self)
{
  g_return_val_if_fail (TS_IS_DATABASE (self), 0);
  return self->schema_version;
}

const char *
ts_database_get_last_backup (TsDatabase *self)
{
  g_return_val_if_fail (TS_IS_DATABASE (self), NULL);
  return self->last_backup;
}

/* integrity_check and foreign_key_check, written into @report for a person
 * to read. Returns FALSE when anything is wrong. */
gboolean
ts_database_check (TsDatabase *self,
                   GString    *report)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rows = 0;

  g_return_val_if_fail (TS_IS_DATABASE (self), FALSE);

  g_string_append_printf (report, _("Schema version: %d (this Tsudoi writes %d)"),
                          self->schema_version, ts_schema_latest_version ());
  g_string_append_c (report, '\n');

  sqlite3_prepare_v2 (self->handle, "PRAGMA integrity_check", -1, &stmt, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);
      if (g_strcmp0 (line, "ok") != 0)
        {
          ok = FALSE;
          g_string_append_printf (report, "%s\n", line);
        }
    }
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (self->handle, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    rows++;
  sqlite3_finalize (stmt);
  if (rows > 0)
    {
      ok = FALSE;
      g_string_append_printf (report, _("%d rows point to rows that do not exist."), rows);
      g_string_append_c (report, '\n');
    }

  {
    g_autofree char *foreign = ts_schema_find_foreign (self->handle, self->schema_version);

    if (foreign != NULL)
      {
        ok = FALSE;
        /* Translators: %s names a table, view or trigger. */
        g_string_append_printf (report, _("“%s” was not created by Tsudoi."), foreign);
        g_string_append_c (report, '\n');
      }
  }

  g_string_append (report, ok ? _("The database is in good order.")
                              : _("The database has problems."));
  g_string_append_c (report, '\n');
  return ok;
}

void
ts_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  sqlite3_bind_text (stmt, index, text ? text : "", -1, SQLITE_TRANSIENT);
}

/* Binds @text and hands it to SQLite, which frees it. */
void
ts_bind_text_take (sqlite3_stmt *stmt,
                   int           index,
                   char         *text)
{
  if (text == NULL)
    sqlite3_bind_text (stmt, index, "", 0, SQLITE_STATIC);
  else
    sqlite3_bind_text (stmt, index, text, -1, g_free);
}

/* 0 stands for "none" and binds NULL, so that optional references work. */
void
ts_bind_id (sqlite3_stmt *stmt,
            int           index,
            gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

char *
ts_column_text (sqlite3_stmt *stmt,
                int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);
  return g_strdup (text ? (const char *) text : "");
}

char *
ts_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}
