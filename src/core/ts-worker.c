/* ts-worker.c: the thread behind every _async/_finish pair of the engine.
 *
 * ts_worker_run() does for an operation what each dialog used to do by
 * hand: it runs the work in a thread, and back on the caller's main
 * context it shows the progress's last values, announces the tables that
 * changed on the repository (the task's source object) and only then
 * returns the task, so that the caller's callback sees views already
 * told. A task cancelled before its work started fails with
 * G_IO_ERROR_CANCELLED; afterwards the work decides, since only it knows
 * whether stopping now leaves nothing behind: its result is the task's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-worker"

#include "config.h"

#include "ts-repository.h"
#include "ts-worker.h"

typedef struct {
  GTask              *task;      /* the caller's */
  TsWorkerFunc        func;
  TsProgress         *progress;
  const char * const *changed;   /* static: table names, NULL-terminated */
} Worker;

static void
worker_free (Worker *worker)
{
  g_clear_object (&worker->task);
  g_clear_object (&worker->progress);
  g_free (worker);
}

static void
worker_thread (GTask        *inner,
               gpointer      source,
               gpointer      data,
               GCancellable *unused)
{
  Worker *worker = data;
  GCancellable *cancellable = g_task_get_cancellable (worker->task);
  GError *error = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !worker->func (g_task_get_task_data (worker->task), worker->progress, cancellable, &error))
    g_task_return_error (inner, error);
  else
    g_task_return_boolean (inner, TRUE);
}

static void
worker_done (GObject      *unused,
             GAsyncResult *result,
             gpointer      user_data)
{
  Worker *worker = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (worker->progress != NULL)
    {
      if (ok)
        ts_progress_set_fraction (worker->progress, 1.0);
      ts_progress_flush (worker->progress);
    }
  for (guint i = 0; ok && worker->changed != NULL && worker->changed[i] != NULL; i++)
    ts_repository_emit_changed (g_task_get_source_object (worker->task), worker->changed[i]);
  if (ok)
    g_task_return_boolean (worker->task, TRUE);
  else
    g_task_return_error (worker->task, error);
}

/* Runs @func on @task's data in a thread and returns @task on the
 * context it was made on. @changed names the tables to announce after
 * success, on the TsRepository that is @task's source object. */
void
ts_worker_run (GTask              *task,
               TsWorkerFunc        func,
               TsProgress         *progress,
               const char * const *changed)
{
  g_autoptr(GTask) inner = NULL;
  Worker *worker;

  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);
  g_return_if_fail (progress == NULL || TS_IS_PROGRESS (progress));
  g_return_if_fail (changed == NULL || TS_IS_REPOSITORY (g_task_get_source_object (task)));

  worker = g_new0 (Worker, 1);
  worker->task = g_object_ref (task);
  worker->func = func;
  worker->progress = progress != NULL ? g_object_ref (progress) : NULL;
  worker->changed = changed;
  /* The work's own result, even if cancelled after it was done. */
  g_task_set_check_cancellable (task, FALSE);
  inner = g_task_new (NULL, NULL, worker_done, NULL);
  g_task_set_source_tag (inner, ts_worker_run);
  g_task_set_task_data (inner, worker, (GDestroyNotify) worker_free);
  g_task_run_in_thread (inner, worker_thread);
}
