/* ts-live-model.c: a sorted list of records that is updated in place.
 *
 * A view shows the model; the repository reads rows again when they
 * change and hands them over. A row read again that is equal to the one
 * shown keeps its object, and "items-changed" names only the stretches
 * that differ, so a list view rebinds the one row that changed and keeps
 * every other row widget, its selection and its scroll position.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-live-model"

#include "config.h"

#include "ts-attendance.h"
#include "ts-live-model.h"

struct _TsLiveModel
{
  GObject           parent_instance;

  GType             item_type;
  GCompareDataFunc  compare;
  TsLiveKeyFunc     key;
  GPtrArray        *items;    /* sorted by compare */
  GHashTable       *by_key;   /* key → item, borrowed from items */
  gpointer          source;   /* what keeps the model up to date */
  GDestroyNotify    destroy_source;
};

static void ts_live_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TsLiveModel, ts_live_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ts_live_model_list_model_init))

static GType
ts_live_model_get_item_type (GListModel *model)
{
  return TS_LIVE_MODEL (model)->item_type;
}

static guint
ts_live_model_get_n_items (GListModel *model)
{
  return TS_LIVE_MODEL (model)->items->len;
}

static gpointer
ts_live_model_get_item (GListModel *model,
                        guint       position)
{
  TsLiveModel *self = TS_LIVE_MODEL (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
ts_live_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ts_live_model_get_item_type;
  iface->get_n_items = ts_live_model_get_n_items;
  iface->get_item = ts_live_model_get_item;
}

static void
ts_live_model_dispose (GObject *object)
{
  TsLiveModel *self = TS_LIVE_MODEL (object);

  /* First: the source disconnects from the repository. */
  if (self->destroy_source != NULL)
    g_clear_pointer (&self->source, self->destroy_source);
  G_OBJECT_CLASS (ts_live_model_parent_class)->dispose (object);
}

static void
ts_live_model_finalize (GObject *object)
{
  TsLiveModel *self = TS_LIVE_MODEL (object);

  g_hash_table_unref (self->by_key);
  g_ptr_array_unref (self->items);
  G_OBJECT_CLASS (ts_live_model_parent_class)->finalize (object);
}

static void
ts_live_model_class_init (TsLiveModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ts_live_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = ts_live_model_finalize;
}

static void
ts_live_model_init (TsLiveModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_key = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* @compare must be a total order (end with the id), so that a row read
 * again without changes sorts where it was. */
TsLiveModel *
ts_live_model_new (GType            item_type,
                   GCompareDataFunc compare,
                   TsLiveKeyFunc    key)
{
  TsLiveModel *self = g_object_new (TS_TYPE_LIVE_MODEL, NULL);

  self->item_type = item_type;
  self->compare = compare;
  self->key = key;
  return self;
}

/* Every readable property equal, and for an attendance its member's too:
 * what a view could show differs only if this says so. */
gboolean
ts_live_model_same_record (gpointer a,
                           gpointer b)
{
  g_autofree GParamSpec **specs = NULL;
  guint n;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if (!(specs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&va, specs[i]->value_type);
      g_value_init (&vb, specs[i]->value_type);
      g_object_get_property (a, specs[i]->name, &va);
      g_object_get_property (b, specs[i]->name, &vb);
      if (g_param_values_cmp (specs[i], &va, &vb) != 0)
        return FALSE;
    }
  if (TS_IS_ATTENDANCE (a))
    return ts_live_model_same_record (TS_ATTENDANCE (a)->member, TS_ATTENDANCE (b)->member) &&
           ts_live_model_same_record (TS_ATTENDANCE (a)->event, TS_ATTENDANCE (b)->event);
  return TRUE;
}

static void
index_items (TsLiveModel *self)
{
  g_hash_table_remove_all (self->by_key);
  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);
      gint64 key = self->key (item);

      g_hash_table_insert (self->by_key, g_memdup2 (&key, sizeof key), item);
    }
}

static gpointer
ref_item (gconstpointer item,
          gpointer      unused)
{
  return g_object_ref ((gpointer) item);
}

/* Turns the current items into @wanted (sorted, holding the current
 * objects wherever a row is unchanged) with as few and as small
 * "items-changed" as the two orders allow. Kept objects appear in the
 * same order in both, so one walk finds each stretch that differs;
 * each stretch is applied before it is announced, so a handler always
 * sees the model as the signal describes it. */
static void
apply (TsLiveModel *self,
       GPtrArray   *wanted)
{
  g_autoptr(GPtrArray) old = g_ptr_array_copy (self->items, ref_item, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) was = g_hash_table_new (NULL, NULL);
  guint i = 0, j = 0;

  g_ptr_array_set_free_func (old, g_object_unref);
  for (guint k = 0; k < old->len; k++)
    g_hash_table_add (was, g_ptr_array_index (old, k));
  for (guint k = 0; k < wanted->len; k++)
    if (g_hash_table_contains (was, g_ptr_array_index (wanted, k)))
      g_hash_table_add (kept, g_ptr_array_index (wanted, k));

  while (i < old->len || j < wanted->len)
    {
      guint start = j, removed = 0, added = 0;

      if (i < old->len && j < wanted->len &&
          g_ptr_array_index (old, i) == g_ptr_array_index (wanted, j))
        {
          i++, j++;
          continue;
        }
      while (i < old->len && !g_hash_table_contains (kept, g_ptr_array_index (old, i)))
        i++, removed++;
      while (j < wanted->len && !g_hash_table_contains (was, g_ptr_array_index (wanted, j)))
        j++, added++;
      /* Only with an order that contradicts itself: replace the rest. */
      if (removed == 0 && added == 0)
        {
          removed = old->len - i, added = wanted->len - j;
          i = old->len, j = wanted->len;
        }
      g_ptr_array_remove_range (self->items, start, removed);
      for (guint k = 0; k < added; k++)
        {
          gpointer item = g_ptr_array_index (wanted, start + k);

          g_ptr_array_insert (self->items, start + k, g_object_ref (item));
        }
      index_items (self);
      g_list_model_items_changed (G_LIST_MODEL (self), start, removed, added);
    }
}

/* The object to show for @fresh: the current one when nothing differs. */
static gpointer
keep_if_same (TsLiveModel *self,
              gpointer     fresh)
{
  gint64 key = self->key (fresh);
  gpointer current = g_hash_table_lookup (self->by_key, &key);

  return current != NULL && ts_live_model_same_record (current, fresh) ? current : fresh;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  TsLiveModel *self = user_data;

  return self->compare (*(gpointer *) a, *(gpointer *) b, NULL);
}

/* Replaces every row with @rows, in any order. */
void
ts_live_model_set_rows (TsLiveModel *self,
                        GPtrArray   *rows)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  g_return_if_fail (TS_IS_LIVE_MODEL (self));

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (wanted, keep_if_same (self, g_ptr_array_index (rows, i)));
  g_ptr_array_sort_with_data (wanted, compare_items, self);
  apply (self, wanted);
}

/* Replaces the rows whose keys are among @keys with @rows (read again
 * for those keys): a key without a row in @rows leaves the list. */
void
ts_live_model_update_rows (TsLiveModel *self,
                           GArray      *keys,
                           GPtrArray   *rows)
{
  g_autoptr(GHashTable) gone = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  g_return_if_fail (TS_IS_LIVE_MODEL (self));

  for (guint i = 0; i < keys->len; i++)
    g_hash_table_add (gone, g_memdup2 (&g_array_index (keys, gint64, i), sizeof (gint64)));
  for (guint i = 0; i < rows->len; i++)
    {
      gpointer row = g_ptr_array_index (rows, i);
      gint64 key = self->key (row);

      g_hash_table_add (gone, g_memdup2 (&key, sizeof key));
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);
      gint64 key = self->key (item);

      if (!g_hash_table_contains (gone, &key))
        g_ptr_array_add (wanted, item);
    }
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (wanted, keep_if_same (self, g_ptr_array_index (rows, i)));
  g_ptr_array_sort_with_data (wanted, compare_items, self);
  apply (self, wanted);
}

/* The row shown for @key, or NULL; borrowed. */
gpointer
ts_live_model_lookup (TsLiveModel *self,
                      gint64       key)
{
  g_return_val_if_fail (TS_IS_LIVE_MODEL (self), NULL);
  return g_hash_table_lookup (self->by_key, &key);
}

/* @source lives as long as the model: it holds what connects the model
 * to the repository, and @destroy disconnects it. */
void
ts_live_model_set_source (TsLiveModel    *self,
                          gpointer        source,
                          GDestroyNotify  destroy)
{
  g_return_if_fail (TS_IS_LIVE_MODEL (self));
  g_return_if_fail (self->source == NULL);

  self->source = source;
  self->destroy_source = destroy;
}

gpointer
ts_live_model_get_source (TsLiveModel *self)
{
  g_return_val_if_fail (TS_IS_LIVE_MODEL (self), NULL);
  return self->source;
}
