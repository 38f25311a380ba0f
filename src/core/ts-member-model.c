/* ts-member-model.c: every member as a list read from SQLite on demand.
 *
 * A GtkSortListModel or GtkFilterListModel would hold every member in
 * memory; with 50,000 of them the window would pay for all of them before
 * its first frame. Here the number of items is a COUNT, and get_item()
 * reads the window of rows around the position asked for (WINDOW_SIZE
 * members), keeping the last few windows. Order and search are SQL: the
 * order is one of the precomputed keys, stepped through in an index of
 * the listed members (see ts-schema.c), and a query of three characters
 * or more is looked up in the trigram index of search keys.
 *
 * The model follows the repository's "changed" signal: on the next idle
 * it counts again, reads again the windows it had, and announces only
 * from the first position that differs (the rest of the list keeps its
 * rows in the view).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-repository"

#include "config.h"

#include "ts-member-model.h"
#include "ts-repository-private.h"
#include "ts-text.h"

#define WINDOW_SIZE 200
#define MAX_WINDOWS 8

typedef struct {
  guint      start;
  GPtrArray *members;   /* TsMember, owned */
  guint64    used;      /* when last read from, for dropping the oldest */
} Window;

struct _TsMemberModel
{
  GObject       parent_instance;

  TsRepository *repository;
  char         *query;       /* a search key, "" for everyone */
  TsMemberSort  sort;
  gboolean      descending;

  gboolean      counted;
  guint         n_items;
  guint         total;
  GPtrArray    *windows;     /* Window */
  guint64       clock;
  guint         refresh_id;
};

static void ts_member_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TsMemberModel, ts_member_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ts_member_model_list_init))

static void
window_free (gpointer data)
{
  Window *window = data;

  g_ptr_array_unref (window->members);
  g_free (window);
}

/* The presence figures of every member in one grouped pass, for the
 * orders that need them all. */
#define PRESENCE_JOIN \
  " LEFT JOIN (SELECT a.member_id, count(*) AS times, max(e.starts_at) AS last" \
  "   FROM attendance a JOIN event e ON e.id = a.event_id" \
  "   WHERE e.deleted_at IS NULL AND " TS_PRESENT_SQL \
  "   GROUP BY a.member_id) s ON s.member_id = m.id"
#define CHAPTER_JOIN \
  " LEFT JOIN chapter c ON c.id = m.home_chapter_id AND c.deleted_at IS NULL"

/* Ascending terms; a descending order turns each one round, as the
 * column view's sorter turns the whole comparison round. Empty cells go
 * after filled ones, and ties go by reading. */
static const struct {
  const char *join;
  const char *terms[5];
} orders[TS_MEMBER_N_SORTS] = {
  [TS_MEMBER_SORT_READING] = { "", { "m.sort_key", "m.id" } },
  [TS_MEMBER_SORT_ORGANIZATION] = {
    "", { "m.organization = ''", "m.organization", "m.sort_key", "m.id" } },
  [TS_MEMBER_SORT_PROFESSION] = {
    "", { "m.profession = ''", "m.profession", "m.sort_key", "m.id" } },
  [TS_MEMBER_SORT_CHAPTER] = {
    CHAPTER_JOIN, { "coalesce(c.name, '') = ''", "c.name", "m.sort_key", "m.id" } },
  [TS_MEMBER_SORT_LAST_ATTENDED] = {
    PRESENCE_JOIN, { "coalesce(s.last, '') = ''", "s.last", "m.sort_key", "m.id" } },
  [TS_MEMBER_SORT_TIMES] = {
    PRESENCE_JOIN, { "coalesce(s.times, 0)", "m.sort_key", "m.id" } },
};

static const char *
search_condition (TsMemberModel *self)
{
  if (*self->query == '\0')
    return "";
  return ts_repository_search_uses_index (self->query) ? TS_MEMBER_INDEXED_SEARCH_SQL
                                                       : TS_MEMBER_SCANNED_SEARCH_SQL;
}

static sqlite3_stmt *
prepare_filtered (TsMemberModel  *self,
                  const char     *sql,
                  GError        **error)
{
  sqlite3_stmt *stmt = ts_repository_prepare (self->repository, sql, error);

  if (stmt != NULL && *self->query != '\0')
    ts_repository_bind_search (stmt, self->query);
  return stmt;
}

static guint
count_members (TsMemberModel *self,
               const char    *condition)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*) FROM member m"
                                      " WHERE m.deleted_at IS NULL", condition, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = prepare_filtered (self, sql, &error);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_warning ("Cannot count members: %s", error ? error->message : "no row");
      return 0;
    }
  return sqlite3_column_int (stmt, 0);
}

static void
count (TsMemberModel *self)
{
  self->n_items = count_members (self, search_condition (self));
  self->total = *self->query == '\0' ? self->n_items : count_members (self, "");
  self->counted = TRUE;
}

static char *
window_ids_sql (TsMemberModel *self)
{
  GString *sql = g_string_new ("SELECT m.id FROM member m");
  const char *separator = " ORDER BY ";

  g_string_append (sql, orders[self->sort].join);
  g_string_append (sql, " WHERE m.deleted_at IS NULL");
  g_string_append (sql, search_condition (self));
  for (guint i = 0; orders[self->sort].terms[i] != NULL; i++)
    {
      g_string_append (sql, separator);
      g_string_append (sql, orders[self->sort].terms[i]);
      if (self->descending)
        g_string_append (sql, " DESC");
      separator = ", ";
    }
  g_string_append (sql, " LIMIT ?3 OFFSET ?4");
  return g_string_free (sql, FALSE);
}

/* The ids of the window at @start, in order, as a JSON array. */
static char *
read_window_ids (TsMemberModel  *self,
                 guint           start,
                 GError        **error)
{
  g_autofree char *sql = window_ids_sql (self);
  g_autoptr(sqlite3_stmt) stmt = prepare_filtered (self, sql, error);
  GString *ids = g_string_new ("[");
  int rc;

  if (stmt == NULL)
    return g_string_free (ids, TRUE);
  sqlite3_bind_int (stmt, 3, WINDOW_SIZE);
  sqlite3_bind_int (stmt, 4, start);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (ts_repository_get_database (self->repository), error);
      return g_string_free (ids, TRUE);
    }
  g_string_append_c (ids, ']');
  return g_string_free (ids, FALSE);
}

/* The order is found on ids alone; the listing columns (with presence
 * figures from correlated subqueries) are then read for these rows only. */
static GPtrArray *
read_window (TsMemberModel *self,
             guint          start)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = read_window_ids (self, start, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *members = g_ptr_array_new_with_free_func (g_object_unref);

  if (ids != NULL)
    stmt = ts_repository_prepare (self->repository,
      TS_MEMBER_LISTING_COLUMNS " FROM json_each(?1) j JOIN member m ON m.id = j.value"
      TS_MEMBER_LISTING_REFERENCES " ORDER BY j.key", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read members: %s", error->message);
      return members;
    }
  ts_bind_text (stmt, 1, ids);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (members, ts_repository_read_member_listing (stmt));
  return members;
}

static Window *
find_window (TsMemberModel *self,
             guint          start)
{
  for (guint i = 0; i < self->windows->len; i++)
    {
      Window *window = g_ptr_array_index (self->windows, i);

      if (window->start == start)
        return window;
    }
  return NULL;
}

static Window *
get_window (TsMemberModel *self,
            guint          start)
{
  Window *window = find_window (self, start);

  if (window == NULL)
    {
      if (self->windows->len >= MAX_WINDOWS)
        {
          guint oldest = 0;

          for (guint i = 1; i < self->windows->len; i++)
            if (((Window *) g_ptr_array_index (self->windows, i))->used <
                ((Window *) g_ptr_array_index (self->windows, oldest))->used)
              oldest = i;
          g_ptr_array_remove_index_fast (self->windows, oldest);
        }
      window = g_new0 (Window, 1);
      window->start = start;
      window->members = read_window (self, start);
      g_ptr_array_add (self->windows, window);
    }
  window->used = ++self->clock;
  return window;
}

static GType
get_item_type (GListModel *model)
{
  return TS_TYPE_MEMBER;
}

static guint
get_n_items (GListModel *model)
{
  TsMemberModel *self = TS_MEMBER_MODEL (model);

  if (!self->counted)
    count (self);
  return self->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  TsMemberModel *self = TS_MEMBER_MODEL (model);
  Window *window;

  if (position >= get_n_items (model))
    return NULL;
  window = get_window (self, position - position % WINDOW_SIZE);
  /* Rows deleted by another program since the count: an empty member
   * stands in until the refresh that is on its way. */
  if (position - window->start >= window->members->len)
    return ts_member_new ();
  return g_object_ref (g_ptr_array_index (window->members, position - window->start));
}

static void
ts_member_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Everything changed: a new search or order. */
static void
reset (TsMemberModel *self)
{
  guint old_n = self->n_items;

  g_ptr_array_set_size (self->windows, 0);
  if (!self->counted)
    return;
  count (self);
  if (old_n > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

/* updated_at moves by seconds only: what the row shows is compared too
 * (the search key holds names, readings, organization and profession). */
static gboolean
same_row (TsMember *a,
          TsMember *b)
{
  return a->id == b->id && g_strcmp0 (a->updated_at, b->updated_at) == 0 &&
         g_strcmp0 (a->search_key, b->search_key) == 0 &&
         a->times_attended == b->times_attended &&
         g_strcmp0 (a->last_attended, b->last_attended) == 0 &&
         g_strcmp0 (a->home_chapter_name, b->home_chapter_name) == 0 &&
         g_strcmp0 (a->referrer_name, b->referrer_name) == 0;
}

/* Widens [*first, *last) to the positions of @old that now hold another
 * row or another version of it. */
static void
compare_window (TsMemberModel *self,
                Window        *old,
                guint         *first,
                guint         *last)
{
  Window *fresh = get_window (self, old->start);
  guint n = MAX (old->members->len, fresh->members->len);

  for (guint i = 0; i < n; i++)
    if (i >= old->members->len || i >= fresh->members->len ||
        !same_row (g_ptr_array_index (old->members, i), g_ptr_array_index (fresh->members, i)))
      {
        *first = MIN (*first, old->start + i);
        *last = MAX (*last, old->start + i + 1);
      }
}

void
ts_member_model_refresh (TsMemberModel *self)
{
  g_autoptr(GPtrArray) old = NULL;
  guint old_n = self->n_items, first = G_MAXUINT, last = 0, end = 0;

  g_return_if_fail (TS_IS_MEMBER_MODEL (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (!self->counted)
    return;
  old = g_steal_pointer (&self->windows);
  self->windows = g_ptr_array_new_with_free_func (window_free);
  count (self);
  /* Only what was read before can be held by a view: compare it. */
  for (guint i = 0; i < old->len; i++)
    {
      Window *window = g_ptr_array_index (old, i);

      end = MAX (end, window->start + window->members->len);
      if (window->start < self->n_items)
        compare_window (self, window, &first, &last);
    }
  g_debug ("refresh: %u windows, first %u last %u, %u → %u", old->len, first, last, old_n, self->n_items);
  if (old_n != self->n_items)
    {
      /* Rows came or went: from the first change (or from the end of
       * what was read, when that is unchanged) to the end. */
      first = MIN (first, MIN (end, MIN (old_n, self->n_items)));
      g_list_model_items_changed (G_LIST_MODEL (self), first, old_n - first,
                                  self->n_items - first);
    }
  else if (first != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last - first, last - first);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  TsMemberModel *self = data;

  self->refresh_id = 0;
  ts_member_model_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Names, chapters, attendance and events all show in a member's row;
 * a burst of changes (an import) is read once. */
static void
on_repository_changed_cb (TsRepository  *repository,
                          const char    *table,
                          TsMemberModel *self)
{
  if (g_strcmp0 (table, "profession") == 0 || self->refresh_id != 0)
    return;
  self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
ts_member_model_dispose (GObject *object)
{
  TsMemberModel *self = TS_MEMBER_MODEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->repository != NULL)
    g_signal_handlers_disconnect_by_data (self->repository, self);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_member_model_parent_class)->dispose (object);
}

static void
ts_member_model_finalize (GObject *object)
{
  TsMemberModel *self = TS_MEMBER_MODEL (object);

  g_ptr_array_unref (self->windows);
  g_free (self->query);
  G_OBJECT_CLASS (ts_member_model_parent_class)->finalize (object);
}

static void
ts_member_model_class_init (TsMemberModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ts_member_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = ts_member_model_finalize;
}

static void
ts_member_model_init (TsMemberModel *self)
{
  self->query = g_strdup ("");
  self->windows = g_ptr_array_new_with_free_func (window_free);
}

/* Nothing is read until the model is first asked. */
TsMemberModel *
ts_member_model_new (TsRepository *repository)
{
  TsMemberModel *self;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (TS_TYPE_MEMBER_MODEL, NULL);
  self->repository = g_object_ref (repository);
  g_signal_connect (repository, "changed", G_CALLBACK (on_repository_changed_cb), self);
  return self;
}

/* @text as typed: matched like ts_text_search_key(), so that hiragana,
 * katakana and half-width kana all find each other. */
void
ts_member_model_set_search (TsMemberModel *self,
                            const char    *text)
{
  g_autofree char *key = ts_text_search_key (text);

  g_return_if_fail (TS_IS_MEMBER_MODEL (self));

  if (g_str_equal (key, self->query))
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&key);
  reset (self);
}

void
ts_member_model_set_sort (TsMemberModel *self,
                          TsMemberSort   sort,
                          gboolean       descending)
{
  g_return_if_fail (TS_IS_MEMBER_MODEL (self));
  g_return_if_fail (sort < TS_MEMBER_N_SORTS);

  if (sort == self->sort && descending == self->descending)
    return;
  self->sort = sort;
  self->descending = descending;
  reset (self);
}

/* Every member listed, whatever the search. */
guint
ts_member_model_get_total (TsMemberModel *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_MODEL (self), 0);

  if (!self->counted)
    count (self);
  return self->total;
}
