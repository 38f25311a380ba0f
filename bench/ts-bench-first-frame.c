/* ts-bench-first-frame.c: the main window's first frame, empty file vs big.
 *
 *   xvfb-run -a -s "-screen 0 1280x1024x24" \
 *     _build/bench/ts-bench-first-frame --cli _build/src/cli/tsudoi-cli [--members 50000]
 *
 * Makes two files, one with only the chapter directory (`tsudoi-cli init`)
 * and one with sample data (`tsudoi-cli sample --members N`), then starts
 * itself again for each case, in turns, several times: a bare libadwaita
 * window, the main window on the empty file and on the big one, each
 * showing the chapters view (the default) and the members view. A child
 * measures from its start to the window's first frame, wall and CPU time,
 * and reports its peak memory (VmHWM); the parent prints the medians side
 * by side. The
 * cairo renderer is used (GSK_RENDERER=cairo) unless set otherwise.
 * --keep DIR keeps the files there (and reuses them on the next run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-bench"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "ts-window.h"

#define RUNS 5

static gint64 process_start;

/* Peak resident memory of this process so far, in KiB. */
static long
peak_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? atol (line + strlen ("VmHWM:")) : -1;
}

/* CPU time of the process so far: on a shared machine it says what the
 * work costs better than the wall clock does. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gint64        *first_frame)
{
  if (*first_frame == 0)
    *first_frame = g_get_monotonic_time ();
}

static void
wait_first_frame (GtkWindow *window)
{
  gint64 first_frame = 0;

  gtk_widget_realize (GTK_WIDGET (window));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint_cb), &first_frame);
  gtk_window_present (window);
  while (first_frame == 0)
    g_main_context_iteration (NULL, TRUE);
  printf ("%.1f %ld %.1f\n", (first_frame - process_start) / 1000.0, peak_kib (), cpu_ms ());
}

static GtkWindow *
bare_window (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), adw_status_page_new ());
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
  return GTK_WINDOW (window);
}

/* What TsApplication does on activation: open, then the window. */
static GtkWindow *
main_window (const char *path,
             const char *view)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsDatabase) database = ts_database_open (path, &error);
  g_autoptr(TsRepository) repository = NULL;
  GtkWidget *window;

  if (database == NULL)
    g_error ("%s", error->message);
  repository = ts_repository_new (database);
  window = g_object_new (TS_TYPE_WINDOW, "repository", repository, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 750);
  gtk_widget_activate_action (window, "win.show-view", "s", view);
  return GTK_WINDOW (window);
}

static int
run_child (const char *path,
           const char *view)
{
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* The view asked for, not the one the last session left in the
   * user's settings (which a failed write would also put back). */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  adw_init ();
  wait_first_frame (g_str_equal (path, "bare") ? bare_window () : main_window (path, view));
  return 0;
}

static void
run_cli (const char *cli,
         const char *path,
         const char *command,
         const char *members)
{
  const char *argv[] = { cli, command, "--database", path, members ? "--members" : NULL,
                         members, members ? "--until" : NULL, "2017-08", NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("tsudoi-cli %s: %s", command, error->message);
}

typedef struct {
  const char *label;
  const char *path;
  const char *view;
  double      ms[RUNS];
  double      cpu[RUNS];
  long        kib[RUNS];
} Case;

static void
measure (const char *self_path,
         Case       *c,
         guint       run)
{
  const char *argv[] = { self_path, "--child", c->path, c->view, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      sscanf (out, "%lf %ld %lf", &c->ms[run], &c->kib[run], &c->cpu[run]) != 3)
    g_error ("%s: %s", c->label, error ? error->message : out);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (const double *values)
{
  double sorted[RUNS];

  memcpy (sorted, values, sizeof sorted);
  qsort (sorted, RUNS, sizeof (double), compare_doubles);
  return sorted[RUNS / 2];
}

static double
median_mib (const long *kib)
{
  double values[RUNS];

  for (guint i = 0; i < RUNS; i++)
    values[i] = kib[i] / 1024.0;
  return median (values);
}

int
main (int    argc,
      char **argv)
{
  const char *cli = "tsudoi-cli", *members = "50000", *keep = NULL;
  g_autofree char *dir = NULL, *empty = NULL, *big = NULL;
  Case cases[5];

  process_start = g_get_monotonic_time ();
  if (argc == 4 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3]);
  for (int i = 1; i + 1 < argc; i += 2)
    if (g_str_equal (argv[i], "--cli"))
      cli = argv[i + 1];
    else if (g_str_equal (argv[i], "--members"))
      members = argv[i + 1];
    else if (g_str_equal (argv[i], "--keep"))
      keep = argv[i + 1];

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  dir = keep ? g_strdup (keep) : g_dir_make_tmp ("tsudoi-bench-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);
  empty = g_build_filename (dir, "empty.db", NULL);
  big = g_strdup_printf ("%s/members-%s.db", dir, members);
  if (!g_file_test (empty, G_FILE_TEST_EXISTS))
    run_cli (cli, empty, "init", NULL);
  if (!g_file_test (big, G_FILE_TEST_EXISTS))
    run_cli (cli, big, "sample", members);

  cases[0] = (Case) { "bare libadwaita window", "bare", "-" };
  cases[1] = (Case) { "empty file, chapters view", empty, "chapters" };
  cases[2] = (Case) { "big file, chapters view", big, "chapters" };
  cases[3] = (Case) { "empty file, members view", empty, "members" };
  cases[4] = (Case) { "big file, members view", big, "members" };
  /* In turns, so that a busy moment of the machine hits every case. */
  for (guint run = 0; run < RUNS; run++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      measure (argv[0], &cases[i], run);

  printf ("first frame, median of %d runs (%s members; renderer %s)\n", RUNS, members,
          g_getenv ("GSK_RENDERER"));
  printf ("%-28s %9s %9s %10s %9s %9s %8s\n", "case", "wall ms", "CPU ms", "peak MiB",
          "× wall", "× CPU", "+MiB");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* Each big case against the empty case of the same view. */
      const Case *base = i == 2 ? &cases[1] : i == 4 ? &cases[3] : NULL;

      printf ("%-28s %9.1f %9.1f %10.1f", cases[i].label, median (cases[i].ms),
              median (cases[i].cpu), median_mib (cases[i].kib));
      if (base != NULL)
        printf (" %9.2f %9.2f %+8.1f", median (cases[i].ms) / median (base->ms),
                median (cases[i].cpu) / median (base->cpu),
                median_mib (cases[i].kib) - median_mib (base->kib));
      printf ("\n");
    }
  if (keep == NULL)
    {
      g_unlink (empty);
      g_unlink (big);
      g_rmdir (dir);
    }
  return 0;
}
