/* test-sample.c: the sample data is deterministic and lively.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-sample.h"
#include "ts-test-support.h"

static char *
generate (const char *dir,
          const char *name,
          guint       n_members)
{
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, name);
  g_autoptr(GError) error = NULL;
  TsSampleOptions options;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *dump = NULL;
  GString *stable = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  ts_sample_options_init (&options);
  options.n_members = n_members;
  options.end_year = 2017;
  options.end_month = 8;
  g_assert_true (ts_sample_generate (repository, &options, &error));
  g_assert_no_error (error);
  g_clear_object (&repository);

  /* UUIDs and timestamps differ run to run; names and statuses must not. */
  dump = ts_test_dump_database (path);
  lines = g_strsplit (dump, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "|", -1);
      guint n = g_strv_length (cells);
      for (guint c = 0; c < n; c++)
        if (c != 1 && !g_str_has_prefix (cells[c], "20") && !g_str_has_suffix (cells[c], "Z"))
          g_string_append_printf (stable, "%s|", cells[c]);
      g_string_append_c (stable, '\n');
    }
  return g_string_free (stable, FALSE);
}

static void
test_deterministic (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *a = generate (dir, "a.db", 150);
  g_autofree char *b = generate (dir, "b.db", 150);

  g_assert_cmpstr (a, ==, b);
  ts_test_remove_dir (dir);
}

static void
test_lively (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autofree char *dump = generate (dir, "c.db", 150);
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "c.db");
  g_autoptr(GListModel) members = ts_repository_list_members (repository, NULL, NULL);
  g_autoptr(GListModel) events = ts_repository_list_events (repository, 0, NULL);
  guint statuses[TS_ATTENDANCE_STATUS_N] = { 0 }, held = 0, planned = 0, regulars = 0;

  g_assert_cmpuint (g_list_model_get_n_items (members), ==, 150);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, 3 * 15);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);
      g_autoptr(GListModel) list = ts_repository_list_attendance (repository, event->id, NULL);

      held += event->status == TS_EVENT_STATUS_HELD;
      planned += event->status == TS_EVENT_STATUS_PLANNED;
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, j);
          statuses[attendance->status]++;
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (members); i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (members, i);
      regulars += member->times_attended >= 8;
    }
  g_assert_cmpuint (held, ==, 3 * 14);
  g_assert_cmpuint (planned, ==, 3);
  for (guint s = 0; s < TS_ATTENDANCE_STATUS_N; s++)
    g_assert_cmpuint (statuses[s], >, 0);
  g_assert_cmpuint (regulars, >, 10);
  g_assert_nonnull (strstr (dump, "no-show"));
  ts_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sample/deterministic", test_deterministic);
  g_test_add_func ("/sample/lively", test_lively);
  return g_test_run ();
}
