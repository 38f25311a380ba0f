/* ts-file-locks.c: SQLite's file locks held by the open file, not the process.
 *
 * SQLite's unix VFS locks the database, its -wal and its -shm with POSIX
 * record locks. Those belong to the process, and the kernel drops every one
 * of them when the process closes *any* descriptor of the file, even one
 * SQLite never saw. A GTK file chooser showing the database's folder does
 * exactly that: GIO opens each file to sniff its content type and closes
 * it. From then on another process (tsudoi-cli) believes it is alone, and
 * when it closes it checkpoints and deletes the -wal and -shm that the app
 * is still writing to: every later edit of the app is lost.
 *
 * Open file description locks (F_OFD_SETLK, Linux 3.15) conflict with POSIX
 * locks exactly as POSIX locks do between processes, so other programs
 * (the sqlite3 shell, older builds) still see ours, but they belong to one
 * open file and are not dropped by somebody else's close(). SQLite lets an
 * application replace the system calls of its VFS; we replace fcntl(), and
 * open() and close() to know which descriptors are SQLite's.
 *
 * SQLite takes a lock through the descriptor of whichever connection asks
 * and may release it through another one, relying on the process owning
 * the lock. To keep that, all locks on one file go through one duplicated
 * descriptor per file (one owner, as the process was), kept while SQLite
 * has the file open at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-file-locks"
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sqlite3.h>

#include "ts-file-locks.h"

typedef int (*OpenFunc)  (const char *path, int flags, int mode);
typedef int (*CloseFunc) (int fd);
typedef int (*FcntlFunc) (int fd, int command, ...);

typedef struct {
  dev_t device;
  ino_t inode;
} FileKey;

typedef struct {
  FileKey key;
  int     lock_fd;     /* one owner for every lock on this file, or -1 */
  guint   users;       /* SQLite's descriptors open on it */
} LockedFile;

static GMutex      files_mutex;
static GHashTable *files_by_key;   /* FileKey → LockedFile */
static GHashTable *files_by_fd;    /* fd → LockedFile, SQLite's descriptors only */
static OpenFunc    real_open;
static CloseFunc   real_close;
static FcntlFunc   real_fcntl;

static guint
file_key_hash (gconstpointer data)
{
  const FileKey *key = data;

  return (guint) key->inode ^ (guint) key->device;
}

static gboolean
file_key_equal (gconstpointer a,
                gconstpointer b)
{
  const FileKey *x = a, *y = b;

  return x->device == y->device && x->inode == y->inode;
}

static void
track (int fd)
{
  struct stat info;
  FileKey key;
  LockedFile *file;

  if (fstat (fd, &info) != 0)
    return;
  key.device = info.st_dev;
  key.inode = info.st_ino;
  g_mutex_lock (&files_mutex);
  file = g_hash_table_lookup (files_by_key, &key);
  if (file == NULL)
    {
      file = g_new0 (LockedFile, 1);
      file->key = key;
      file->lock_fd = -1;
      g_hash_table_insert (files_by_key, &file->key, file);
    }
  file->users++;
  g_hash_table_insert (files_by_fd, GINT_TO_POINTER (fd), file);
  g_mutex_unlock (&files_mutex);
}

/* SQLite closes a descriptor only when the process holds no lock on the
 * file any more (it keeps it pending otherwise), so dropping the shared
 * owner with the last descriptor releases nothing SQLite still counts on. */
static void
untrack (int fd)
{
  LockedFile *file;

  g_mutex_lock (&files_mutex);
  file = g_hash_table_lookup (files_by_fd, GINT_TO_POINTER (fd));
  if (file != NULL)
    {
      g_hash_table_remove (files_by_fd, GINT_TO_POINTER (fd));
      if (--file->users == 0)
        {
          if (file->lock_fd >= 0)
            real_close (file->lock_fd);
          g_hash_table_remove (files_by_key, &file->key);
          g_free (file);
        }
    }
  g_mutex_unlock (&files_mutex);
}

static int
locks_open (const char *path,
            int         flags,
            int         mode)
{
  int fd = real_open (path, flags, mode);

  if (fd >= 0)
    track (fd);
  return fd;
}

static int
locks_close (int fd)
{
  untrack (fd);
  return real_close (fd);
}

/* The one descriptor that owns every lock on @fd's file; -1 for a
 * descriptor SQLite did not open through us. */
static int
lock_owner (int fd)
{
  LockedFile *file;
  int owner = -1;

  g_mutex_lock (&files_mutex);
  file = g_hash_table_lookup (files_by_fd, GINT_TO_POINTER (fd));
  if (file != NULL)
    {
      if (file->lock_fd < 0)
        file->lock_fd = real_fcntl (fd, F_DUPFD_CLOEXEC, 3);
      owner = file->lock_fd;
    }
  g_mutex_unlock (&files_mutex);
  return owner;
}

static int
ofd_command (int command)
{
  switch (command)
    {
    case F_SETLK:  return F_OFD_SETLK;
    case F_SETLKW: return F_OFD_SETLKW;
    case F_GETLK:  return F_OFD_GETLK;
    default:       return 0;
    }
}

static int
lock_record (int           fd,
             int           command,
             struct flock *lock)
{
  int owner = lock_owner (fd);
  struct flock ofd_lock = *lock;
  int result;

  if (owner < 0)
    return real_fcntl (fd, command, lock);
  ofd_lock.l_pid = 0;   /* the kernel insists, for open file locks */
  result = real_fcntl (owner, ofd_command (command), &ofd_lock);
  if (result == 0 && command == F_GETLK)
    *lock = ofd_lock;
  return result;
}

static int
locks_fcntl (int fd,
             int command,
             ...)
{
  va_list args;
  void *argument;

  va_start (args, command);
  argument = va_arg (args, void *);
  va_end (args);

  if (ofd_command (command) != 0)
    return lock_record (fd, command, argument);
  return real_fcntl (fd, command, argument);
}

static gboolean
probe_ofd_locks (void)
{
  struct flock probe = { .l_type = F_RDLCK, .l_whence = SEEK_SET };
  int fd = open ("/dev/null", O_RDONLY | O_CLOEXEC);
  int result;

  if (fd < 0)
    return FALSE;
  result = fcntl (fd, F_OFD_GETLK, &probe);
  close (fd);
  return result == 0;
}

static gpointer
install_once (gpointer data)
{
  sqlite3_vfs *vfs;

  /* A kernel without them keeps SQLite's own locks, as before. */
  if (!probe_ofd_locks ())
    {
      g_warning ("Open file description locks are not available: %s", g_strerror (errno));
      return GINT_TO_POINTER (FALSE);
    }
  vfs = sqlite3_vfs_find (NULL);
  if (vfs == NULL || vfs->iVersion < 3 || vfs->xGetSystemCall == NULL)
    return GINT_TO_POINTER (FALSE);

  files_by_key = g_hash_table_new (file_key_hash, file_key_equal);
  files_by_fd = g_hash_table_new_full (NULL, NULL, NULL, NULL);
  real_open = (OpenFunc) vfs->xGetSystemCall (vfs, "open");
  real_close = (CloseFunc) vfs->xGetSystemCall (vfs, "close");
  real_fcntl = (FcntlFunc) vfs->xGetSystemCall (vfs, "fcntl");
  if (real_open == NULL || real_close == NULL || real_fcntl == NULL)
    return GINT_TO_POINTER (FALSE);
  vfs->xSetSystemCall (vfs, "open", (sqlite3_syscall_ptr) locks_open);
  vfs->xSetSystemCall (vfs, "close", (sqlite3_syscall_ptr) locks_close);
  vfs->xSetSystemCall (vfs, "fcntl", (sqlite3_syscall_ptr) locks_fcntl);
  return GINT_TO_POINTER (TRUE);
}

/* Call before the first database is opened in the process: files SQLite
 * opened earlier keep process-owned locks. */
gboolean
ts_file_locks_install (void)
{
  static GOnce once = G_ONCE_INIT;

  return GPOINTER_TO_INT (g_once (&once, install_once, NULL));
}
