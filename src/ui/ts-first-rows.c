/* ts-first-rows.c: a list's first rows in the page's first frame, the
 * rest right after it.
 *
 * GTK 4.8's list and grid views make and lay out widgets for dozens of
 * rows beyond those on screen as soon as their model changes (a grid
 * view some thirty rows of every column), and they make new ones when
 * the items are new, as they are for another event. Showing the page
 * waited for all of them. Here the view's model is a slice of the list:
 * only the first rows while the page is drawn, then, once its frame is
 * painted, all of them, so that the rows off screen are made while the
 * page is already there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-first-rows.h"

struct _TsFirstRows
{
  GObject            parent_instance;

  GtkSliceListModel *slice;
  GdkFrameClock     *clock;
  gulong             painted_handler;
  guint              expand_id;
};

G_DEFINE_FINAL_TYPE (TsFirstRows, ts_first_rows, G_TYPE_OBJECT)

/* A window's clock drops its handlers when the window goes. */
static void
cancel (TsFirstRows *self)
{
  if (self->clock != NULL && self->painted_handler != 0 &&
      g_signal_handler_is_connected (self->clock, self->painted_handler))
    g_signal_handler_disconnect (self->clock, self->painted_handler);
  self->painted_handler = 0;
  g_clear_object (&self->clock);
  g_clear_handle_id (&self->expand_id, g_source_remove);
}

static void
expand (TsFirstRows *self)
{
  cancel (self);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

static gboolean
expand_idle_cb (gpointer data)
{
  TsFirstRows *self = data;

  self->expand_id = 0;
  expand (self);
  return G_SOURCE_REMOVE;
}

/* After the frame, not in it: input waiting goes first. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   TsFirstRows   *self)
{
  g_signal_handler_disconnect (clock, self->painted_handler);
  self->painted_handler = 0;
  if (self->expand_id == 0)
    self->expand_id = g_idle_add (expand_idle_cb, self);
}

static void
ts_first_rows_dispose (GObject *object)
{
  TsFirstRows *self = TS_FIRST_ROWS (object);

  cancel (self);
  g_clear_object (&self->slice);
  G_OBJECT_CLASS (ts_first_rows_parent_class)->dispose (object);
}

static void
ts_first_rows_class_init (TsFirstRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ts_first_rows_dispose;
}

static void
ts_first_rows_init (TsFirstRows *self)
{
}

/* Every item of @model until ts_first_rows_limit() is called. */
TsFirstRows *
ts_first_rows_new (GListModel *model)
{
  TsFirstRows *self = g_object_new (TS_TYPE_FIRST_ROWS, NULL);

  self->slice = gtk_slice_list_model_new (model != NULL ? g_object_ref (model) : NULL, 0,
                                          G_MAXUINT);
  return self;
}

/* The model to show: the first items, or all of them. */
GListModel *
ts_first_rows_get_model (TsFirstRows *self)
{
  g_return_val_if_fail (TS_IS_FIRST_ROWS (self), NULL);

  return G_LIST_MODEL (self->slice);
}

/* The first @n_items only, up to the next frame that @widget's window
 * paints (one is asked for); every item at once when @widget has no
 * window to paint yet. */
void
ts_first_rows_limit (TsFirstRows *self,
                     GtkWidget   *widget,
                     guint        n_items)
{
  GdkFrameClock *clock;

  g_return_if_fail (TS_IS_FIRST_ROWS (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  cancel (self);
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    {
      expand (self);
      return;
    }
  gtk_slice_list_model_set_size (self->slice, n_items);
  self->clock = g_object_ref (clock);
  self->painted_handler = g_signal_connect (clock, "after-paint",
                                            G_CALLBACK (on_after_paint_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
}

/* How many items, @columns a row and rows at least @row_height pixels
 * high, @widget's window could show, or the most its scrolled window
 * shows; G_MAXUINT while the window has no size. */
guint
ts_first_rows_fitting (GtkWidget *widget,
                       int        row_height,
                       guint      columns)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  int height = root != NULL ? gtk_widget_get_height (GTK_WIDGET (root)) : 0;

  g_return_val_if_fail (row_height > 0, G_MAXUINT);

  if (height <= 0)
    return G_MAXUINT;
  if (scrolled != NULL &&
      gtk_scrolled_window_get_max_content_height (GTK_SCROLLED_WINDOW (scrolled)) > 0)
    height = MIN (height, gtk_scrolled_window_get_max_content_height (GTK_SCROLLED_WINDOW (scrolled)));
  return (guint) (height / row_height + 1) * columns;
}
