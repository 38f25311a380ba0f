/* ts-member-rows.c: the members table's model: a TsMemberRow per position.
 *
 * GTK 4.8's list views key their row widgets by item: when a search
 * replaces the shown members, every visible row is torn down and about a
 * hundred rows of seven cells are built again, 35-50 ms with 50,000
 * members. Here the item at a position stays the same object and only
 * its "member" changes, so the view keeps its rows and relabels them;
 * it is told only that the list got shorter or longer at the end.
 *
 * A row lives as long as the view holds it: the array keeps weak
 * pointers, so scrolling through 50,000 members leaves no row behind, and
 * a change relabels only the rows on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-member-rows.h"

struct _TsMemberRows
{
  GObject       parent_instance;

  GListModel   *members;
  GPtrArray    *rows;   /* TsMemberRow held by the view, or NULL; one per position */
};

static void ts_member_rows_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TsMemberRows, ts_member_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ts_member_rows_model_init))

static GType
get_item_type (GListModel *model)
{
  return TS_TYPE_MEMBER_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return TS_MEMBER_ROWS (model)->rows->len;
}

/* The view let go of the row: the position gets a new one when asked. */
static void
on_row_finalized (gpointer  data,
                  GObject  *row)
{
  TsMemberRows *self = data;
  guint position;

  if (g_ptr_array_find (self->rows, row, &position))
    g_ptr_array_index (self->rows, position) = NULL;
}

static void
forget_row (TsMemberRows *self,
            guint         position)
{
  GObject *row = g_ptr_array_index (self->rows, position);

  if (row != NULL)
    g_object_weak_unref (row, on_row_finalized, self);
  g_ptr_array_index (self->rows, position) = NULL;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  TsMemberRows *self = TS_MEMBER_ROWS (model);
  TsMemberRow *row;

  if (position >= self->rows->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  if (row != NULL)
    return g_object_ref (row);
  {
    g_autoptr(TsMember) member = g_list_model_get_item (self->members, position);

    row = ts_member_row_new (member);
  }
  g_object_weak_ref (G_OBJECT (row), on_row_finalized, self);
  g_ptr_array_index (self->rows, position) = row;
  return row;
}

static void
ts_member_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* The rows on screen take their new member; the length change is
 * reported at the end only. */
static void
on_members_changed_cb (GListModel   *members,
                       guint         position,
                       guint         removed,
                       guint         added,
                       TsMemberRows *self)
{
  guint old_n = self->rows->len;
  guint new_n = g_list_model_get_n_items (members);

  for (guint i = new_n; i < old_n; i++)
    forget_row (self, i);
  if (new_n < old_n)
    g_ptr_array_set_size (self->rows, new_n);
  for (guint i = position; i < self->rows->len && i < position + added; i++)
    {
      TsMemberRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(TsMember) member = NULL;

      if (row == NULL)
        continue;
      member = g_list_model_get_item (members, i);
      ts_member_row_set_member (row, member);
    }
  if (new_n > old_n)
    g_ptr_array_set_size (self->rows, new_n);
  if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
  else if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
}

static void
ts_member_rows_dispose (GObject *object)
{
  TsMemberRows *self = TS_MEMBER_ROWS (object);

  for (guint i = 0; i < self->rows->len; i++)
    forget_row (self, i);
  if (self->members != NULL)
    g_signal_handlers_disconnect_by_data (self->members, self);
  g_clear_object (&self->members);
  G_OBJECT_CLASS (ts_member_rows_parent_class)->dispose (object);
}

static void
ts_member_rows_finalize (GObject *object)
{
  g_ptr_array_unref (TS_MEMBER_ROWS (object)->rows);
  G_OBJECT_CLASS (ts_member_rows_parent_class)->finalize (object);
}

static void
ts_member_rows_class_init (TsMemberRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ts_member_rows_dispose;
  G_OBJECT_CLASS (klass)->finalize = ts_member_rows_finalize;
}

static void
ts_member_rows_init (TsMemberRows *self)
{
  self->rows = g_ptr_array_new ();
}

TsMemberRows *
ts_member_rows_new (GListModel *members)
{
  TsMemberRows *self = g_object_new (TS_TYPE_MEMBER_ROWS, NULL);

  self->members = g_object_ref (members);
  g_ptr_array_set_size (self->rows, g_list_model_get_n_items (members));
  g_signal_connect (members, "items-changed", G_CALLBACK (on_members_changed_cb), self);
  return self;
}
