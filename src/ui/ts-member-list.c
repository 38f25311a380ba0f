/* ts-member-list.c: all members in one array, filtered and sorted in place.
 *
 * GtkFilterListModel over GtkSortListModel over GListStore asks for every
 * item through two layers of get_item() and a GSequence lookup, with a
 * reference taken and dropped each time: with 50,000 members a keystroke
 * cost far more than a frame. Here the search runs over one buffer of
 * all the precomputed search keys and the view is told once what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem() */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <string.h>

#include "ts-member-list.h"
#include "ts-text.h"

struct _TsMemberList
{
  GObject    parent_instance;

  GPtrArray *all;     /* TsMember, owned, in the current sort order */
  GPtrArray *shown;   /* borrowed from all: the ones matching the query */
  char      *query;
  /* Every search key in one buffer, in the order of all, each followed
   * by '\n' (never in a key or a query, so no match spans two members);
   * offsets[i] is where member i's key starts, offsets[n] the end. */
  GString   *keys;
  GArray    *offsets;
};

static void ts_member_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TsMemberList, ts_member_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ts_member_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return TS_TYPE_MEMBER;
}

static guint
get_n_items (GListModel *model)
{
  return TS_MEMBER_LIST (model)->shown->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  TsMemberList *self = TS_MEMBER_LIST (model);

  if (position >= self->shown->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->shown, position));
}

static void
ts_member_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
ts_member_list_finalize (GObject *object)
{
  TsMemberList *self = TS_MEMBER_LIST (object);

  g_ptr_array_unref (self->shown);
  g_ptr_array_unref (self->all);
  g_string_free (self->keys, TRUE);
  g_array_unref (self->offsets);
  g_free (self->query);
  G_OBJECT_CLASS (ts_member_list_parent_class)->finalize (object);
}

static void
ts_member_list_class_init (TsMemberListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_member_list_finalize;
}

static void
ts_member_list_init (TsMemberList *self)
{
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_ptr_array_new ();
  self->keys = g_string_new (NULL);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
}

TsMemberList *
ts_member_list_new (void)
{
  return g_object_new (TS_TYPE_MEMBER_LIST, NULL);
}

static void
rebuild_keys (TsMemberList *self)
{
  g_string_truncate (self->keys, 0);
  g_array_set_size (self->offsets, 0);
  for (guint i = 0; i < self->all->len; i++)
    {
      TsMember *member = g_ptr_array_index (self->all, i);

      g_array_append_val (self->offsets, self->keys->len);
      if (member->search_key != NULL)
        g_string_append (self->keys, member->search_key);
      g_string_append_c (self->keys, '\n');
    }
  g_array_append_val (self->offsets, self->keys->len);
}

/* The member whose key holds byte @offset of the buffer. */
static guint
member_at (TsMemberList *self,
           gsize         offset)
{
  const gsize *offsets = (const gsize *) (gpointer) self->offsets->data;
  guint low = 0, high = self->all->len;

  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (offsets[middle] <= offset)
        low = middle;
      else
        high = middle;
    }
  return low;
}

/* One memmem() pass over the buffer, jumping from a hit to the next
 * member: far faster than a strstr() per member object, whose keys lie
 * all over the heap. */
static void
filter_keys (TsMemberList *self)
{
  const gsize *offsets = (const gsize *) (gpointer) self->offsets->data;
  const char *start = self->keys->str;
  const char *end = start + self->keys->len;
  const char *at = start;
  gsize query_len = strlen (self->query);
  const char *hit;

  while (at < end && (hit = memmem (at, end - at, self->query, query_len)) != NULL)
    {
      guint i = member_at (self, hit - start);

      g_ptr_array_add (self->shown, g_ptr_array_index (self->all, i));
      at = start + offsets[i + 1];
    }
}

/* Recomputes the shown rows and tells the view in one change. */
static void
refilter (TsMemberList *self)
{
  guint old_n = self->shown->len;

  g_ptr_array_set_size (self->shown, 0);
  if (self->query == NULL || *self->query == '\0')
    for (guint i = 0; i < self->all->len; i++)
      g_ptr_array_add (self->shown, g_ptr_array_index (self->all, i));
  else
    filter_keys (self);
  if (old_n > 0 || self->shown->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->shown->len);
}

void
ts_member_list_set_members (TsMemberList *self,
                            GListModel   *members)
{
  guint n = members ? g_list_model_get_n_items (members) : 0;

  g_return_if_fail (TS_IS_MEMBER_LIST (self));

  /* Keep the old ones alive until the view has let go of them. */
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->all);

  self->all = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->all, g_list_model_get_item (members, i));
  rebuild_keys (self);
  refilter (self);
}

void
ts_member_list_set_query (TsMemberList *self,
                          const char   *normalized_query)
{
  g_return_if_fail (TS_IS_MEMBER_LIST (self));

  if (g_strcmp0 (self->query, normalized_query) == 0)
    return;
  g_free (self->query);
  self->query = g_strdup (normalized_query);
  refilter (self);
}

typedef struct {
  GCompareDataFunc compare;
  gpointer         user_data;
} SortData;

/* g_ptr_array_sort_with_data() hands over pointers to the elements. */
static int
compare_elements (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  SortData *data = user_data;

  return data->compare (*(gconstpointer *) a, *(gconstpointer *) b, data->user_data);
}

void
ts_member_list_sort (TsMemberList     *self,
                     GCompareDataFunc  compare,
                     gpointer          user_data)
{
  SortData data = { compare, user_data };

  g_return_if_fail (TS_IS_MEMBER_LIST (self));

  g_ptr_array_sort_with_data (self->all, compare_elements, &data);
  rebuild_keys (self);
  refilter (self);
}

guint
ts_member_list_get_total (TsMemberList *self)
{
  return self->all->len;
}
