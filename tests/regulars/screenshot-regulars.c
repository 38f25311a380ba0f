/* screenshot-regulars.c: the Regulars page on sample data, saved as PNGs.
 *
 * Run under Xvfb in a Japanese locale, for looking at the page:
 *   LANG=ja_JP.UTF-8 xvfb-run -a _build/tests/regulars/screenshot-regulars OUTDIR
 * The sample ends in August 2017 and the page looks at the data as of
 * 31 August 2017, so the pictures do not change with the calendar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "ts-directory.h"
#include "ts-regulars-page.h"
#include "ts-sample.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"

static void
save (GtkWidget  *window,
      const char *path)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (window);
  int width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  GskRenderNode *node = NULL;
  GdkTexture *texture;
  GtkSnapshot *snapshot;

  /* The paintable is empty until the window has drawn its new state. */
  TS_TEST_WAIT_FRAMES (window, 3);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert (node != NULL);
  {
    /* A popover draws its shadow outside its allocation: take the node's
     * own bounds so nothing is cut off. */
    graphene_rect_t bounds;

    gsk_render_node_get_bounds (node, &bounds);
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                           &bounds);
  }
  gdk_texture_save_to_png (texture, path);
  g_print ("%s\n", path);
  g_object_unref (texture);
  gsk_render_node_unref (node);
  g_object_unref (paintable);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TsSampleOptions options;
  GtkWidget *window, *page;
  const char *out = argc > 1 ? argv[1] : ".";

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR") ? g_getenv ("TSUDOI_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  ts_test_gtk_no_animations ();

  repository = ts_test_open_repository (dir, "sample.db");
  if (!ts_directory_load (repository, NULL, &error))
    g_error ("%s", error->message);
  ts_sample_options_init (&options);
  options.n_members = argc > 2 ? atoi (argv[2]) : 300;
  options.end_year = 2017;
  options.end_month = 8;
  options.n_months = argc > 3 ? atoi (argv[3]) : 36;
  if (!ts_sample_generate (repository, &options, &error))
    g_error ("%s", error->message);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 820);
  page = ts_regulars_page_new (repository);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  path = g_build_filename (out, "regulars-choose.png", NULL);
  save (window, path);

  ts_regulars_page_set_today (TS_REGULARS_PAGE (page), "2017-08-31T23:59");
  ts_regulars_page_set_chapter (TS_REGULARS_PAGE (page), 1);
  g_free (path);
  path = g_build_filename (out, "regulars-page.png", NULL);
  save (window, path);

  /* The follow-up list. */
  {
    GtkWidget *stack = NULL;
    GtkWidget *w = page;
    /* Find the lists' GtkStack by its named child. */
    GPtrArray *todo = g_ptr_array_new ();
    g_ptr_array_add (todo, w);
    while (todo->len > 0 && stack == NULL)
      {
        GtkWidget *cur = g_ptr_array_steal_index (todo, todo->len - 1);
        if (GTK_IS_STACK (cur) && gtk_stack_get_child_by_name (GTK_STACK (cur), "lapsed"))
          stack = cur;
        for (GtkWidget *c = gtk_widget_get_first_child (cur); c; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (todo, c);
      }
    g_ptr_array_unref (todo);
    if (stack != NULL)
      gtk_stack_set_visible_child_name (GTK_STACK (stack), "lapsed");
  }
  g_free (path);
  path = g_build_filename (out, "regulars-lapsed.png", NULL);
  save (window, path);

  /* The help text, in its popover (a surface of its own). */
  {
    GtkWidget *button = page;
    while (button != NULL && !GTK_IS_MENU_BUTTON (button))
      {
        GtkWidget *next = gtk_widget_get_first_child (button);
        /* Depth first through the toolbar, which comes first. */
        while (next == NULL && button != page)
          {
            next = gtk_widget_get_next_sibling (button);
            if (next == NULL)
              button = gtk_widget_get_parent (button);
          }
        button = next;
      }
    if (button != NULL)
      {
        GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
        gtk_menu_button_popup (GTK_MENU_BUTTON (button));
        TS_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
              g_free (path);
        path = g_build_filename (out, "regulars-help.png", NULL);
        save (GTK_WIDGET (popover), path);
        gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
      }
  }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  g_free (path);
  path = g_build_filename (out, "regulars-dark.png", NULL);
  save (window, path);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
  return 0;
}
