/* test-first-rows.c: a list's first rows in the first frame, every row
 * right after it (ts-first-rows.c), in a real window under Xvfb.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include "ts-first-rows.h"
#include "ts-test-gtk.h"

#define N_ITEMS 500

typedef struct {
  GtkStringList *strings;
  TsFirstRows   *rows;
  GtkWidget     *view;
  GtkWidget     *scrolled;
  GtkWidget     *window;
} Fixture;

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  f->strings = gtk_string_list_new (NULL);
  for (guint i = 0; i < N_ITEMS; i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", i);

      gtk_string_list_append (f->strings, text);
    }
  f->rows = ts_first_rows_new (G_LIST_MODEL (f->strings));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  f->view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (
                                 g_object_ref (ts_first_rows_get_model (f->rows)))), factory);
  f->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (f->scrolled), f->view);
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 400, 300);
  gtk_window_set_child (GTK_WINDOW (f->window), f->scrolled);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  ts_test_wait_settled ();
  g_clear_object (&f->rows);
  g_clear_object (&f->strings);
}

static guint
shown (Fixture *f)
{
  return g_list_model_get_n_items (ts_first_rows_get_model (f->rows));
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

/* Another list in a shown window: its first rows only, so that the view
 * makes widgets for no more, then every row once a frame is painted. */
static void
test_rest_after_frame (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GtkStringObject) last = NULL;
  guint fitting;

  gtk_window_present (GTK_WINDOW (f->window));
  TS_TEST_WAIT_FRAMES (f->window, 1);
  g_assert_cmpuint (shown (f), ==, N_ITEMS);

  /* The window's height in rows at least 20 pixels high. */
  fitting = ts_first_rows_fitting (f->view, 20, 1);
  g_assert_cmpuint (fitting, ==, gtk_widget_get_height (f->window) / 20 + 1);
  g_assert_cmpuint (fitting, <, N_ITEMS);
  gtk_string_list_splice (f->strings, 0, 1, (const char *[]) { "first", NULL });
  ts_first_rows_limit (f->rows, f->view, fitting);
  g_assert_cmpuint (shown (f), ==, fitting);
  g_assert_cmpuint (n_children (f->view), <=, fitting);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (
                     gtk_widget_get_first_child (f->view)))), ==, "first");

  TS_TEST_WAIT_UNTIL (shown (f) == N_ITEMS);
  last = g_list_model_get_item (ts_first_rows_get_model (f->rows), N_ITEMS - 1);
  g_assert_cmpstr (gtk_string_object_get_string (last), ==, "499");
}

/* No window drawn yet: nothing to wait for, every row at once. */
static void
test_not_shown (Fixture       *f,
                gconstpointer  data)
{
  g_assert_cmpuint (ts_first_rows_fitting (f->view, 20, 1), ==, G_MAXUINT);
  ts_first_rows_limit (f->rows, f->view, 10);
  g_assert_cmpuint (shown (f), ==, N_ITEMS);
}

/* A list that scrolls past a few rows shows no more than those. */
static void
test_fitting_scrolled (Fixture       *f,
                       gconstpointer  data)
{
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (f->scrolled), 100);
  gtk_window_present (GTK_WINDOW (f->window));
  TS_TEST_WAIT_FRAMES (f->window, 1);
  g_assert_cmpuint (ts_first_rows_fitting (f->view, 30, 4), ==, (100 / 30 + 1) * 4);
}

int
main (int    argc,
      char **argv)
{
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);

#define ADD(path, func) \
  g_test_add ("/first-rows/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("rest-after-frame", test_rest_after_frame);
  ADD ("not-shown", test_not_shown);
  ADD ("fitting-scrolled", test_fitting_scrolled);
#undef ADD
  return g_test_run ();
}
