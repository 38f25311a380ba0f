/* test-async.c: backup, restore, export and import through the engine's
 * _async/_finish pairs: the same result as the synchronous calls, on a
 * real file; cancelled, nothing written; progress told on the main
 * thread; the repository, not the caller, announcing a restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "ts-backup.h"
#include "ts-backup-async.h"
#include "ts-schema.h"
#include "ts-export-async.h"
#include "ts-import-async.h"
#include "ts-output-path.h"
#include "ts-sample.h"
#include "ts-worker.h"
#include "ts-test-support.h"

static GThread *main_thread;

typedef struct {
  TsTestDb      db;
  gint64        event_id;
  gint64        chapter_id;
  GAsyncResult *result;
  GPtrArray    *changed;       /* table names, as announced */
  guint         changed_at_callback;
  TsProgress   *progress;
  guint         n_notify;
} Fixture;

/* The table a "changed" names, its detail. */
static const char *
table_of (TsRepository *repository)
{
  return g_quark_to_string (g_signal_get_invocation_hint (repository)->detail);
}

static void
on_changed (TsRepository *repository,
            GArray       *ids,
            Fixture      *fixture)
{
  g_assert_true (g_thread_self () == main_thread);
  g_ptr_array_add (fixture->changed, g_strdup (table_of (repository)));
}

static void
on_progress_notify (TsProgress *progress,
                    GParamSpec *pspec,
                    Fixture    *fixture)
{
  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  fixture->n_notify++;
}

static void
first_held_event (Fixture *fixture)
{
  g_autoptr(GListModel) events = ts_repository_list_events (fixture->db.repository, 0, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);

      if (event->status == TS_EVENT_STATUS_HELD && event->present > 0)
        {
          fixture->chapter_id = event->chapter_id;
          fixture->event_id = event->id;
          return;
        }
    }
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TsSampleOptions options;
  g_autoptr(GError) error = NULL;

  ts_test_db_init (&fixture->db, "async.db");
  ts_sample_options_init (&options);
  options.n_members = 80;
  options.end_year = 2017;
  options.end_month = 8;
  g_assert_true (ts_sample_generate (fixture->db.repository, &options, &error));
  g_assert_no_error (error);
  first_held_event (fixture);
  fixture->changed = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (fixture->db.repository, "changed", G_CALLBACK (on_changed), fixture);
  fixture->progress = ts_progress_new ();
  g_signal_connect (fixture->progress, "notify", G_CALLBACK (on_progress_notify), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->result);
  g_clear_object (&fixture->progress);
  g_clear_pointer (&fixture->changed, g_ptr_array_unref);
  ts_test_db_clear (&fixture->db);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_true (g_thread_self () == main_thread);
  g_assert_null (fixture->result);
  fixture->result = g_object_ref (result);
  fixture->changed_at_callback = fixture->changed->len;
}

static gboolean
has_result (gpointer data)
{
  return ((Fixture *) data)->result != NULL;
}

static GAsyncResult *
wait_for_result (Fixture *fixture)
{
  g_assert_true (ts_test_wait_for (has_result, fixture, 60000));
  return fixture->result;
}

static char *
temp_path (Fixture    *fixture,
           const char *name)
{
  return g_build_filename (fixture->db.dir, name, NULL);
}

/* Nothing but the database's own files and the ones named. */
static void
assert_no_stray_files (Fixture    *fixture,
                       const char *allowed)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->db.dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "async.db") && g_strcmp0 (name, allowed) != 0)
      g_error ("Left behind: %s", name);
}

/* ---- backup ---------------------------------------------------------------- */

static void
test_backup_like_sync (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *sync_path = temp_path (fixture, "sync.db");
  g_autofree char *async_path = temp_path (fixture, "async-copy.db");
  g_autofree char *sync_dump = NULL;
  g_autofree char *async_dump = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (ts_backup_write (fixture->db.database, sync_path, &error));
  ts_backup_write_async (fixture->db.repository, async_path, fixture->progress, NULL,
                         on_done, fixture);
  g_assert_true (ts_backup_write_finish (fixture->db.repository, wait_for_result (fixture),
                                         &error));
  g_assert_no_error (error);

  sync_dump = ts_test_dump_database (sync_path);
  async_dump = ts_test_dump_database (async_path);
  g_assert_cmpstr (async_dump, ==, sync_dump);
  g_assert_true (ts_backup_check_file (async_path, &error));
  g_assert_cmpint (g_stat (async_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Done means done: 1.0 is shown before the callback runs. */
  g_assert_cmpfloat (ts_progress_get_fraction (fixture->progress), ==, 1.0);
  g_assert_cmpuint (fixture->n_notify, >=, 1);
  g_assert_cmpuint (fixture->changed->len, ==, 0);
  g_unlink (sync_path);
  assert_no_stray_files (fixture, "async-copy.db");
}

static void
test_backup_cancelled_before (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = temp_path (fixture, "copy.db");
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ts_backup_write_async (fixture->db.repository, path, fixture->progress, cancellable,
                         on_done, fixture);
  g_assert_false (ts_backup_write_finish (fixture->db.repository, wait_for_result (fixture),
                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_stray_files (fixture, NULL);
}

/* Written under another name first, the backup must still never be
 * renamed over the database or its log. */
static void
test_backup_over_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->db.path, "-wal", NULL);
  const char *targets[] = { fixture->db.path, wal };
  g_autofree char *before = ts_test_dump_database (fixture->db.path);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;

      g_clear_object (&fixture->result);
      ts_backup_write_async (fixture->db.repository, targets[i], NULL, NULL, on_done, fixture);
      g_assert_false (ts_backup_write_finish (fixture->db.repository, wait_for_result (fixture),
                                              &error));
      g_assert_error (error, TS_OUTPUT_PATH_ERROR, TS_OUTPUT_PATH_ERROR_DATABASE);
      after = ts_test_dump_database (fixture->db.path);
      g_assert_cmpstr (after, ==, before);
      assert_no_stray_files (fixture, NULL);
    }
}

/* ---- export ------------------------------------------------------------------ */

static GString *
export_sync (Fixture      *fixture,
             TsExportKind  kind)
{
  g_autoptr(GError) error = NULL;
  GString *csv = NULL;

  switch (kind)
    {
    case TS_EXPORT_MEMBERS:
      csv = ts_export_members (fixture->db.repository, &error);
      break;
    case TS_EXPORT_ATTENDEES:
      csv = ts_export_attendees (fixture->db.repository, fixture->event_id, &error);
      break;
    case TS_EXPORT_GRID:
      csv = ts_export_grid (fixture->db.repository, fixture->chapter_id, &error);
      break;
    }
  g_assert_no_error (error);
  return csv;
}

static void
test_export_like_sync (Fixture       *fixture,
                       gconstpointer  data)
{
  TsExportKind kind = GPOINTER_TO_INT (data);
  gint64 id = kind == TS_EXPORT_GRID ? fixture->chapter_id : fixture->event_id;
  g_autofree char *sync_path = temp_path (fixture, "sync.csv");
  g_autofree char *async_path = temp_path (fixture, "async.csv");
  g_autoptr(GString) csv = export_sync (fixture, kind);
  g_autoptr(GBytes) sync_bytes = NULL;
  g_autoptr(GBytes) async_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_export_write_file (sync_path, csv, TS_EXPORT_CP932, &error));
  ts_export_write_async (fixture->db.repository, kind, id, async_path, TS_EXPORT_CP932,
                         fixture->progress, NULL, on_done, fixture);
  g_assert_true (ts_export_write_finish (fixture->db.repository, wait_for_result (fixture),
                                         &error));
  g_assert_no_error (error);

  sync_bytes = ts_test_read_file (sync_path);
  async_bytes = ts_test_read_file (async_path);
  g_assert_cmpuint (g_bytes_get_size (async_bytes), >, 100);
  g_assert_true (g_bytes_equal (async_bytes, sync_bytes));
  g_assert_cmpfloat (ts_progress_get_fraction (fixture->progress), ==, 1.0);
  g_assert_cmpuint (fixture->changed->len, ==, 0);
}

static void
test_export_cancelled_before (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = temp_path (fixture, "members.csv");
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ts_export_write_async (fixture->db.repository, TS_EXPORT_MEMBERS, 0, path,
                         TS_EXPORT_UTF8_BOM, fixture->progress, cancellable, on_done, fixture);
  g_assert_false (ts_export_write_finish (fixture->db.repository, wait_for_result (fixture),
                                          &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_stray_files (fixture, NULL);
}

/* The engine, not each caller, refuses to write over the database. */
static void
test_export_over_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *before = ts_test_dump_database (fixture->db.path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  ts_export_write_async (fixture->db.repository, TS_EXPORT_MEMBERS, 0, fixture->db.path,
                         TS_EXPORT_UTF8_BOM, fixture->progress, NULL, on_done, fixture);
  g_assert_false (ts_export_write_finish (fixture->db.repository, wait_for_result (fixture),
                                          &error));
  g_assert_error (error, TS_OUTPUT_PATH_ERROR, TS_OUTPUT_PATH_ERROR_DATABASE);
  after = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after, ==, before);
}

/* ---- restore ----------------------------------------------------------------- */

static void
add_member (Fixture    *fixture,
            const char *family)
{
  g_autoptr(TsMember) member = ts_test_add_member (fixture->db.repository,
                                                   "family-name", family,
                                                   "given-name", "花子", NULL);
}

static guint
count_members (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) members = ts_repository_list_members (fixture->db.repository, NULL,
                                                              &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (members);
}

static void
test_restore_like_sync (Fixture       *fixture,
                        gconstpointer  data)
{
  const char * const *tables = ts_schema_get_tables ();
  guint n_tables = g_strv_length ((char **) tables);
  g_autofree char *backup = temp_path (fixture, "backup.db");
  g_autofree char *async_dump = NULL;
  g_autofree char *sync_dump = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *sync_aside = NULL;
  g_autoptr(GError) error = NULL;
  guint n_saved = count_members (fixture);

  g_assert_true (ts_backup_write (fixture->db.database, backup, &error));
  add_member (fixture, "追加");
  g_assert_cmpuint (count_members (fixture), ==, n_saved + 1);
  g_ptr_array_set_size (fixture->changed, 0);

  ts_backup_restore_async (fixture->db.repository, backup, fixture->progress, NULL,
                           on_done, fixture);
  g_assert_true (ts_backup_restore_finish (fixture->db.repository, wait_for_result (fixture),
                                           &aside, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
  /* Every table announced once, by the engine, before the callback. */
  g_assert_cmpuint (fixture->changed->len, ==, n_tables);
  g_assert_cmpuint (fixture->changed_at_callback, ==, n_tables);
  for (guint i = 0; i < n_tables; i++)
    g_assert_cmpstr (g_ptr_array_index (fixture->changed, i), ==, tables[i]);
  g_assert_cmpfloat (ts_progress_get_fraction (fixture->progress), ==, 1.0);
  /* The window's own connection reads the restored rows. */
  g_assert_cmpuint (count_members (fixture), ==, n_saved);

  async_dump = ts_test_dump_database (fixture->db.path);
  g_assert_true (ts_backup_restore_file (fixture->db.path, backup, &sync_aside, &error));
  sync_dump = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (async_dump, ==, sync_dump);
}

static void
test_restore_cancelled_before (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *backup = temp_path (fixture, "backup.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_backup_write (fixture->db.database, backup, &error));
  add_member (fixture, "追加");
  g_ptr_array_set_size (fixture->changed, 0);
  before = ts_test_dump_database (fixture->db.path);
  g_cancellable_cancel (cancellable);
  ts_backup_restore_async (fixture->db.repository, backup, NULL, cancellable, on_done, fixture);
  g_assert_false (ts_backup_restore_finish (fixture->db.repository, wait_for_result (fixture),
                                            NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changed->len, ==, 0);
  assert_no_stray_files (fixture, "backup.db");
}

static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *garbage = temp_path (fixture, "garbage.db");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (garbage, "not a database", -1, NULL));
  ts_backup_restore_async (fixture->db.repository, garbage, fixture->progress, NULL,
                           on_done, fixture);
  g_assert_false (ts_backup_restore_finish (fixture->db.repository, wait_for_result (fixture),
                                            NULL, &error));
  g_assert_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_cmpuint (fixture->changed->len, ==, 0);
}

/* ---- import ------------------------------------------------------------------ */

static TsImport *
open_import (Fixture    *fixture,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  TsImport *import;

  ts_import_open_async (fixture->db.repository, path, TS_CSV_ENCODING_AUTO, fixture->progress,
                        NULL, on_done, fixture);
  import = ts_import_open_finish (fixture->db.repository, wait_for_result (fixture), &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);
  g_clear_object (&fixture->result);
  return import;
}

/* The file read, previewed and written in the worker, like tsudoi-cli
 * does it; the repository tells the members changed, once. */
static void
test_import_like_sync (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 event_id = GPOINTER_TO_INT (data) ? fixture->event_id : 0;
  g_autofree char *file = ts_test_fixture_path ("utf8-bom.csv");
  g_autoptr(TsImport) import = NULL;
  g_autoptr(GError) error = NULL;
  TsImportResult result;
  guint n_before = count_members (fixture);

  import = open_import (fixture, file);
  g_assert_cmpuint (ts_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (fixture->changed->len, ==, 0);
  /* Previewed again after a column changed, on the same import. */
  ts_import_set_field (import, 0, ts_import_get_field (import, 0));
  ts_import_preview_async (fixture->db.repository, import, fixture->progress, NULL,
                           on_done, fixture);
  g_assert_true (ts_import_preview_finish (fixture->db.repository, wait_for_result (fixture),
                                           &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->result);

  ts_import_apply_async (fixture->db.repository, import, event_id, fixture->progress, NULL,
                         on_done, fixture);
  g_assert_true (ts_import_apply_finish (fixture->db.repository, wait_for_result (fixture),
                                         &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.created, ==, 3);
  g_assert_cmpuint (result.registered, ==, event_id > 0 ? 3 : 0);
  g_assert_cmpuint (count_members (fixture), ==, n_before + 3);
  g_assert_cmpfloat (ts_progress_get_fraction (fixture->progress), ==, 1.0);
  /* Told by the engine, before the callback. */
  g_assert_cmpuint (fixture->changed_at_callback, ==, event_id > 0 ? 2 : 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->changed, 0), ==, "member");
  if (event_id > 0)
    g_assert_cmpstr (g_ptr_array_index (fixture->changed, 1), ==, "attendance");
}

static void
test_import_open_refused (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *file = ts_test_fixture_path ("garbage.bin");
  g_autoptr(TsImport) import = NULL;
  g_autoptr(GError) error = NULL;

  ts_import_open_async (fixture->db.repository, file, TS_CSV_ENCODING_AUTO, NULL, NULL,
                        on_done, fixture);
  import = ts_import_open_finish (fixture->db.repository, wait_for_result (fixture), &error);
  g_assert_null (import);
  g_assert_nonnull (error);
  g_assert_cmpuint (fixture->changed->len, ==, 0);
}

static void
cancel_once_writing (TsProgress   *progress,
                     GParamSpec   *pspec,
                     GCancellable *cancellable)
{
  double fraction = ts_progress_get_fraction (progress);

  if (fraction > 0.0 && fraction < 1.0)
    g_cancellable_cancel (cancellable);
}

/* Cancelled while thousands of rows are being written: not one of them
 * lands, and nothing is announced. */
static void
test_import_cancelled_while_writing (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *file = temp_path (fixture, "large.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TsImport) import = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  ts_test_write_members_csv (file, 12000);
  import = open_import (fixture, file);
  before = ts_test_dump_database (fixture->db.path);
  g_signal_connect (fixture->progress, "notify::fraction", G_CALLBACK (cancel_once_writing),
                    cancellable);
  ts_import_apply_async (fixture->db.repository, import, 0, fixture->progress, cancellable,
                         on_done, fixture);
  g_assert_false (ts_import_apply_finish (fixture->db.repository, wait_for_result (fixture),
                                          NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  after = ts_test_dump_database (fixture->db.path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (fixture->changed->len, ==, 0);
  g_unlink (file);
  assert_no_stray_files (fixture, NULL);
}

static void
test_import_cancelled_before (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *file = ts_test_fixture_path ("utf8-bom.csv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TsImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  ts_import_open_async (fixture->db.repository, file, TS_CSV_ENCODING_AUTO, NULL, cancellable,
                        on_done, fixture);
  import = ts_import_open_finish (fixture->db.repository, wait_for_result (fixture), &error);
  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ---- the worker behind them all ----------------------------------------------- */

/* A work that tells it started, then waits for the test to open the gate:
 * whatever the test does meanwhile happens while the work runs. */
typedef struct {
  GMutex   lock;
  GCond    cond;
  gboolean open;
  gboolean honour_cancel;   /* stop, or finish what was begun */
} Gate;

static gboolean
gated_work (gpointer       task_data,
            TsProgress    *progress,
            GCancellable  *cancellable,
            GError       **error)
{
  Gate *gate = task_data;

  g_assert_false (g_thread_self () == main_thread);
  ts_progress_set (progress, 0.5, "started");
  g_mutex_lock (&gate->lock);
  while (!gate->open)
    g_cond_wait (&gate->cond, &gate->lock);
  g_mutex_unlock (&gate->lock);
  return !gate->honour_cancel || !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
work_started (gpointer data)
{
  return g_strcmp0 (ts_progress_get_text (data), "started") == 0;
}

/* Cancelled while the work runs: the work's own answer is the task's. A
 * work that stops gives G_IO_ERROR_CANCELLED and announces nothing; one
 * that finished what it began succeeds and announces its change. */
static void
test_worker_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const tables[] = { "member", NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = g_task_new (fixture->db.repository, cancellable, on_done, fixture);
  g_autoptr(GError) error = NULL;
  Gate gate = { .honour_cancel = GPOINTER_TO_INT (data) };
  gboolean ok;

  g_mutex_init (&gate.lock);
  g_cond_init (&gate.cond);
  g_task_set_task_data (task, &gate, NULL);
  ts_worker_run (task, gated_work, fixture->progress, tables);
  g_assert_true (ts_test_wait_for (work_started, fixture->progress, 60000));
  g_cancellable_cancel (cancellable);
  g_mutex_lock (&gate.lock);
  gate.open = TRUE;
  g_cond_signal (&gate.cond);
  g_mutex_unlock (&gate.lock);

  ok = g_task_propagate_boolean (G_TASK (wait_for_result (fixture)), &error);
  if (gate.honour_cancel)
    {
      g_assert_false (ok);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (fixture->changed->len, ==, 0);
      g_assert_cmpfloat (ts_progress_get_fraction (fixture->progress), ==, 0.5);
    }
  else
    {
      g_assert_true (ok);
      g_assert_no_error (error);
      g_assert_cmpuint (fixture->changed_at_callback, ==, 1);
      g_assert_cmpstr (g_ptr_array_index (fixture->changed, 0), ==, "member");
      g_assert_cmpfloat (ts_progress_get_fraction (fixture->progress), ==, 1.0);
    }
  g_mutex_clear (&gate.lock);
  g_cond_clear (&gate.cond);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/async/backup/like-sync", test_backup_like_sync, NULL);
  ADD ("/async/backup/cancelled-before", test_backup_cancelled_before, NULL);
  ADD ("/async/backup/over-database", test_backup_over_database, NULL);
  ADD ("/async/export/members", test_export_like_sync, GINT_TO_POINTER (TS_EXPORT_MEMBERS));
  ADD ("/async/export/attendees", test_export_like_sync, GINT_TO_POINTER (TS_EXPORT_ATTENDEES));
  ADD ("/async/export/grid", test_export_like_sync, GINT_TO_POINTER (TS_EXPORT_GRID));
  ADD ("/async/export/cancelled-before", test_export_cancelled_before, NULL);
  ADD ("/async/export/over-database", test_export_over_database, NULL);
  ADD ("/async/restore/like-sync", test_restore_like_sync, NULL);
  ADD ("/async/restore/cancelled-before", test_restore_cancelled_before, NULL);
  ADD ("/async/restore/refused", test_restore_refused, NULL);
  ADD ("/async/import/members", test_import_like_sync, GINT_TO_POINTER (FALSE));
  ADD ("/async/import/registrations", test_import_like_sync, GINT_TO_POINTER (TRUE));
  ADD ("/async/import/open-refused", test_import_open_refused, NULL);
  ADD ("/async/import/cancelled-while-writing", test_import_cancelled_while_writing, NULL);
  ADD ("/async/import/cancelled-before", test_import_cancelled_before, NULL);
  ADD ("/async/worker/cancelled-while-running", test_worker_cancelled, GINT_TO_POINTER (TRUE));
  ADD ("/async/worker/done-before-cancel", test_worker_cancelled, GINT_TO_POINTER (FALSE));
#undef ADD
  return g_test_run ();
}
