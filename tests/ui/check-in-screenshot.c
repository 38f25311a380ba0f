/* check-in-screenshot.c: PNGs of the check-in window and the walk-in form
 * with a duplicate warning, on sample data, for people to look at.
 *
 *   check-in-screenshot OUTDIR TAG
 *
 * writes OUTDIR/check-in-TAG.png, check-in-search-TAG.png,
 * check-in-others-TAG.png (a regular who did not register, found under
 * the heading), check-in-undo-TAG.png (a check-in taken back from its
 * row), check-in-nobody-TAG.png and walk-in-TAG.png. Run it under Xvfb, once per language:
 *   LC_ALL=ja_JP.UTF-8 LANGUAGE=ja TSUDOI_LOCALEDIR=_build/po \
 *     xvfb-run -a _build/tests/ui/check-in-screenshot /tmp/shots ja
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "ts-check-in-window.h"
#include "ts-sample.h"
#include "ts-test-support.h"
#include "ts-test-gtk.h"
#include "ts-ui-test.h"
#include "ts-walk-in-dialog.h"

static void
save_png (GtkWidget  *window,
          const char *path)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Cannot write %s", path);
  g_print ("%s\n", path);
}

/* Rows are laid out and drawn a frame or two after the model changed. */
static void
wait_drawn (GtkWidget *window)
{
  TS_TEST_WAIT_FRAMES (window, 3);
}

/* The planned event with the most people registered. */
static gint64
pick_event (TsRepository *repository)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (ts_repository_get_database (repository),
    "SELECT e.id FROM event e JOIN attendance a ON a.event_id = e.id"
    " WHERE e.status = 'planned' GROUP BY e.id ORDER BY count(*) DESC, e.id LIMIT 1", &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* Someone who came before and is not on @event_id's list. */
static TsMember *
pick_unregistered (TsRepository *repository,
                   gint64        event_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (ts_repository_get_database (repository),
    "SELECT m.id FROM member m WHERE m.family_reading <> '' AND m.given_reading <> ''"
    " AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = ?1 AND a.member_id = m.id)"
    " AND EXISTS (SELECT 1 FROM attendance a WHERE a.member_id = m.id)"
    " ORDER BY m.id LIMIT 1", &error);
  TsMember *member;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, event_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  member = ts_repository_get_member (repository, sqlite3_column_int64 (stmt, 0), &error);
  g_assert_no_error (error);
  return member;
}

/* A few people have arrived already, one of them twice as a walk-in. */
static TsMember *
check_some_in (TsRepository *repository,
               gint64        event_id)
{
  g_autoptr(GListModel) list = ts_repository_list_attendance (repository, event_id, NULL);
  g_autoptr(GListModel) members = ts_repository_list_members (repository, NULL, NULL);
  g_autoptr(TsAttendance) last = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i += 2)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);

      if (i < 16)
        g_assert_true (ts_repository_check_in (repository, event_id, attendance->member_id, NULL));
    }
  last = g_list_model_get_item (list, g_list_model_get_n_items (list) - 1);
  return g_object_ref (last->member);
}

static void
fill (GtkWidget  *dialog,
      const char *name,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (ts_ui_test_find_named (dialog, name)), text);
}

static void
shoot (const char *dir,
       const char *tag)
{
  g_autofree char *temp = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (temp, "sample.db");
  TsSampleOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMember) known = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reading = NULL;
  GtkWidget *window, *dialog;
  gint64 event_id;

  ts_sample_options_init (&options);
  options.end_year = 2026;
  options.end_month = 11;
  if (!ts_sample_generate (repository, &options, &error))
    g_error ("%s", error->message);
  event_id = pick_event (repository);
  known = check_some_in (repository, event_id);

  window = ts_check_in_window_new (NULL, repository, event_id);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_present (GTK_WINDOW (window));
  wait_drawn (window);
  path = g_strdup_printf ("%s/check-in-%s.png", dir, tag);
  save_png (window, path);

  gtk_editable_set_text (GTK_EDITABLE (ts_ui_test_find_named (window, "search-entry")), "ｻ");
  wait_drawn (window);
  g_free (path);
  path = g_strdup_printf ("%s/check-in-search-%s.png", dir, tag);
  save_png (window, path);
  /* A regular who did not register, found by their reading. */
  {
    g_autoptr(TsMember) other = pick_unregistered (repository, event_id);
    g_autofree char *other_reading = g_strconcat (other->family_reading, other->given_reading,
                                                  NULL);

    gtk_editable_set_text (GTK_EDITABLE (ts_ui_test_find_named (window, "search-entry")),
                           other_reading);
    wait_drawn (window);
    g_free (path);
    path = g_strdup_printf ("%s/check-in-others-%s.png", dir, tag);
    save_png (window, path);
  }
  /* A check-in taken back from its row says so, with Undo. */
  {
    g_autoptr(GListModel) list = ts_repository_list_attendance (repository, event_id, NULL);
    g_autoptr(TsAttendance) first = g_list_model_get_item (list, 0);

    gtk_editable_set_text (GTK_EDITABLE (ts_ui_test_find_named (window, "search-entry")), "");
    gtk_widget_activate_action (window, "win.undo-check-in", "x", first->member_id);
    wait_drawn (window);
    g_free (path);
    path = g_strdup_printf ("%s/check-in-undo-%s.png", dir, tag);
    save_png (window, path);
    gtk_widget_activate_action (window, "win.undo-last", NULL);
  }
  /* Nobody matches: the empty state offers the walk-in form. */
  gtk_editable_set_text (GTK_EDITABLE (ts_ui_test_find_named (window, "search-entry")), "ぬぬぬ");
  wait_drawn (window);
  g_free (path);
  path = g_strdup_printf ("%s/check-in-nobody-%s.png", dir, tag);
  save_png (window, path);
  gtk_editable_set_text (GTK_EDITABLE (ts_ui_test_find_named (window, "search-entry")), "");

  /* The same person again, as someone at the door would give them. */
  gtk_widget_activate_action (window, "win.walk-in", NULL);
  TS_TEST_WAIT_UNTIL ((dialog = ts_ui_test_find_toplevel (TS_TYPE_WALK_IN_DIALOG)) != NULL);
  name = g_strdup_printf ("%s %s", known->family_name, known->given_name);
  reading = g_strdup_printf ("%s %s", known->family_reading, known->given_reading);
  fill (dialog, "name-row", name);
  fill (dialog, "reading-row", reading);
  fill (dialog, "organization-row", known->organization);
  g_signal_emit_by_name (ts_ui_test_find_named (dialog, "save-button"), "clicked");
  /* The warning slides in: wait until it is all there. */
  TS_TEST_WAIT_UNTIL (gtk_revealer_get_child_revealed (
    GTK_REVEALER (ts_ui_test_find_named (dialog, "duplicate-warning"))));
  wait_drawn (dialog);
  g_free (path);
  path = g_strdup_printf ("%s/walk-in-%s.png", dir, tag);
  save_png (dialog, path);

  ts_ui_test_close_all ();
  g_clear_object (&repository);
  ts_test_remove_dir (temp);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR") ? g_getenv ("TSUDOI_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (argc != 3)
    {
      g_printerr ("Usage: check-in-screenshot OUTDIR TAG\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  ts_test_gtk_no_animations ();
  g_mkdir_with_parents (argv[1], 0755);
  shoot (argv[1], argv[2]);
  return 0;
}
