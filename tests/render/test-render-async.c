/* test-render-async.c: a PDF written through ts_render_write_pdf_async():
 * the same pages as the synchronous call, progress told on the main
 * thread up to 1.0, and a cancel that leaves no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ts-render-async.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"
#include "test-render-fixture.h"

static GThread *main_thread;

typedef struct {
  char          *dir;
  TsRepository  *repository;
  gint64         event_id;
  TsProgress    *progress;
  guint          n_fraction;
  GCancellable  *cancel_on_progress;
  GAsyncResult  *result;
} Fixture;

static void
on_fraction (TsProgress *progress,
             GParamSpec *pspec,
             Fixture    *fixture)
{
  g_assert_true (g_thread_self () == main_thread);
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  fixture->n_fraction++;
  if (fixture->cancel_on_progress != NULL && ts_progress_get_fraction (progress) > 0)
    g_cancellable_cancel (fixture->cancel_on_progress);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "render.db");
  fixture->event_id = test_fixture_event (fixture->repository, "第1回 試験の会");
  test_fixture_add_people (fixture->repository, fixture->event_id);
  fixture->progress = ts_progress_new ();
  g_signal_connect (fixture->progress, "notify::fraction", G_CALLBACK (on_fraction), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->result);
  g_clear_object (&fixture->progress);
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static TsPrintJob *
load_job (Fixture     *fixture,
          TsPrintKind  kind)
{
  g_autoptr(GError) error = NULL;
  TsPrintOptions options;
  TsPrintJob *job;

  ts_print_options_init (&options, kind);
  job = ts_print_job_load (fixture->repository, fixture->event_id, &options, &error);
  g_assert_no_error (error);
  return job;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *fixture = user_data;

  g_assert_true (g_thread_self () == main_thread);
  fixture->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((Fixture *) data)->result != NULL;
}

static void
test_like_sync (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *sync_path = g_build_filename (fixture->dir, "sync.pdf", NULL);
  g_autofree char *async_path = g_build_filename (fixture->dir, "async.pdf", NULL);
  g_autoptr(TsPrintJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sync_text = NULL;
  g_autofree char *async_text = NULL;
  guint sync_pages = 0, async_pages = 0;

  test_fixture_add_many (fixture->repository, fixture->event_id, 40);
  job = load_job (fixture, TS_PRINT_CARDS);
  g_assert_true (ts_render_write_pdf (job, sync_path, NULL, NULL, NULL, &error));
  ts_render_write_pdf_async (g_steal_pointer (&job), async_path, fixture->progress, NULL,
                             on_done, fixture);
  g_assert_true (ts_test_wait_for (has_result, fixture, 120000));
  g_assert_true (ts_render_write_pdf_finish (fixture->result, &error));
  g_assert_no_error (error);

  sync_text = ts_test_pdf_text (sync_path, 0, &sync_pages);
  async_text = ts_test_pdf_text (async_path, 0, &async_pages);
  g_assert_cmpuint (async_pages, >, 1);
  g_assert_cmpuint (async_pages, ==, sync_pages);
  g_assert_cmpstr (async_text, ==, sync_text);
  g_assert_cmpfloat (ts_progress_get_fraction (fixture->progress), ==, 1.0);
  g_assert_cmpuint (fixture->n_fraction, >=, 1);
}

static void
assert_cancelled_keeps_old (Fixture    *fixture,
                            const char *path)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_test_wait_for (has_result, fixture, 120000));
  g_assert_false (ts_render_write_pdf_finish (fixture->result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_cmpfloat (ts_progress_get_fraction (fixture->progress), <, 1.0);
}

static void
test_cancelled_before (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "old.pdf", NULL);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  ts_render_write_pdf_async (load_job (fixture, TS_PRINT_ROSTER), path, fixture->progress,
                             cancellable, on_done, fixture);
  assert_cancelled_keeps_old (fixture, path);
}

/* Cancelled from the main thread on the first page told: hundreds of
 * pages are still to come, and none of them is written. */
static void
test_cancelled_while_running (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "old.pdf", NULL);

  test_fixture_add_many (fixture->repository, fixture->event_id, 5000);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  fixture->cancel_on_progress = cancellable;
  ts_render_write_pdf_async (load_job (fixture, TS_PRINT_CARDS), path, fixture->progress,
                             cancellable, on_done, fixture);
  assert_cancelled_keeps_old (fixture, path);
  g_assert_cmpfloat (ts_progress_get_fraction (fixture->progress), >, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();
  g_test_add ("/render-async/like-sync", Fixture, NULL,
              fixture_set_up, test_like_sync, fixture_tear_down);
  g_test_add ("/render-async/cancelled-before", Fixture, NULL,
              fixture_set_up, test_cancelled_before, fixture_tear_down);
  g_test_add ("/render-async/cancelled-while-running", Fixture, NULL,
              fixture_set_up, test_cancelled_while_running, fixture_tear_down);
  return g_test_run ();
}
