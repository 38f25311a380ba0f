/* ts-member-model.c: every member as a list read from SQLite on demand.
 *
 * A GtkSortListModel or GtkFilterListModel would hold every member in
 * memory; with 50,000 of them the window would pay for all of them before
 * its first frame. Here the number of items is a COUNT, and get_item()
 * reads the window of rows around the position asked for (WINDOW_SIZE
 * members), keeping the last few windows. Order and search are SQL: the
 * order is one of the precomputed keys, stepped through in an index of
 * the listed members (see ts-schema.c), and a query of three characters
 * or more is looked up in the trigram index of search keys. Shorter
 * queries, which trigrams cannot match, are matched in memory against
 * every listed member's search key, read once (in the current order,
 * from an index that holds them) when the first short query comes: a
 * pass over a few megabytes beats SQLite reading 50,000 rows at every
 * keystroke.
 *
 * The model follows the repository's "changed" signal: on the next idle
 * it counts again, reads again the windows it had, and announces only
 * from the first position that differs (the rest of the list keeps its
 * rows in the view).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem() */
#define G_LOG_DOMAIN "tsudoi-repository"

#include "config.h"

#include <string.h>

#include "ts-member-model.h"
#include "ts-repository-private.h"
#include "ts-text.h"

#define WINDOW_SIZE 50
#define MAX_WINDOWS 12

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
  gboolean      total_known;   /* until the next change of the data */
  guint         n_items;
  guint         total;
  GPtrArray    *windows;     /* Window */

  /* For short queries: every listed member's id and search key in the
   * current order (keys each followed by '\n', which no key or query
   * holds), read when first needed; found holds the ids matching. */
  GArray       *scan_ids;
  GArray       *scan_offsets;
  GString      *scan_keys;
  GArray       *found;
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

/* Typing a search starts with one character, which reads every key
 * into memory for the scan; from then on the scan answers the longer
 * queries too, faster than the index (a few milliseconds against 15 to
 * 50 at 50,000 members, where the index finds thousands). The index
 * serves a long query while the keys are not in memory: a pasted name,
 * the first search after an edit. Both find a query in the search key. */
static gboolean
scans (TsMemberModel *self)
{
  return *self->query != '\0' &&
         (self->scan_keys != NULL || !ts_repository_search_uses_index (self->query));
}

/* The members listed, or those the trigram index finds: the index is
 * read first (CROSS JOIN keeps that order), so that a query matching few
 * members never walks an index of all of them. */
static const char *
members_from (gboolean searched)
{
  if (!searched)
    return " FROM member m";
  return " FROM member_search s CROSS JOIN member m ON m.id = s.rowid";
}

static const char *
members_where (gboolean searched)
{
  if (!searched)
    return " WHERE m.deleted_at IS NULL";
  return " WHERE member_search MATCH ?2 AND m.deleted_at IS NULL"
         " AND instr(m.search_key, ?1) > 0";
}

static void
append_order (TsMemberModel *self,
              GString       *sql)
{
  const char *separator = " ORDER BY ";

  for (guint i = 0; orders[self->sort].terms[i] != NULL; i++)
    {
      g_string_append (sql, separator);
      g_string_append (sql, orders[self->sort].terms[i]);
      if (self->descending)
        g_string_append (sql, " DESC");
      separator = ", ";
    }
}

static void
forget_scan (TsMemberModel *self)
{
  g_clear_pointer (&self->scan_ids, g_array_unref);
  g_clear_pointer (&self->scan_offsets, g_array_unref);
  if (self->scan_keys != NULL)
    g_string_free (g_steal_pointer (&self->scan_keys), TRUE);
  g_clear_pointer (&self->found, g_array_unref);
}

static void
read_scan_keys (TsMemberModel *self)
{
  g_autoptr(GString) sql = g_string_new ("SELECT m.id, m.search_key FROM member m");
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_string_append (sql, orders[self->sort].join);
  g_string_append (sql, " WHERE m.deleted_at IS NULL");
  append_order (self, sql);
  self->scan_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->scan_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->scan_keys = g_string_sized_new (64 * 1024);
  stmt = ts_repository_prepare (self->repository, sql->str, &error);
  if (stmt == NULL)
    g_warning ("Cannot read search keys: %s", error->message);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (self->scan_ids, id);
      g_array_append_val (self->scan_offsets, self->scan_keys->len);
      g_string_append_len (self->scan_keys, (const char *) sqlite3_column_text (stmt, 1),
                           sqlite3_column_bytes (stmt, 1));
      g_string_append_c (self->scan_keys, '\n');
    }
  g_array_append_val (self->scan_offsets, self->scan_keys->len);
}

/* The member whose key holds byte @offset of the keys. */
static guint
member_at (TsMemberModel *self,
           gsize          offset)
{
  const gsize *offsets = (const gsize *) (gpointer) self->scan_offsets->data;
  guint low = 0, high = self->scan_ids->len;

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

/* One memmem() pass, jumping from a hit to the next member's key. */
static void
scan (TsMemberModel *self)
{
  const char *start, *end, *at, *hit;
  gsize length = strlen (self->query);

  if (self->scan_keys == NULL)
    read_scan_keys (self);
  g_clear_pointer (&self->found, g_array_unref);
  self->found = g_array_new (FALSE, FALSE, sizeof (gint64));
  start = at = self->scan_keys->str;
  end = start + self->scan_keys->len;
  while (at < end && (hit = memmem (at, end - at, self->query, length)) != NULL)
    {
      guint i = member_at (self, hit - start);

      g_array_append_val (self->found, g_array_index (self->scan_ids, gint64, i));
      at = start + g_array_index (self->scan_offsets, gsize, i + 1);
    }
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
               gboolean       searched)
{
  g_autofree char *sql = g_strconcat ("SELECT count(*)", members_from (searched),
                                      members_where (searched), NULL);
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
  if (scans (self))
    {
      scan (self);
      self->n_items = self->found->len;
      self->total = self->scan_ids->len;
    }
  else
    {
      if (!self->total_known)
        self->total = count_members (self, FALSE);
      self->n_items = *self->query == '\0' ? self->total : count_members (self, TRUE);
    }
  self->counted = TRUE;
  self->total_known = TRUE;
}

static char *
window_ids_sql (TsMemberModel *self)
{
  GString *sql = g_string_new ("SELECT m.id");

  g_string_append (sql, members_from (*self->query != '\0'));
  g_string_append (sql, orders[self->sort].join);
  g_string_append (sql, members_where (*self->query != '\0'));
  append_order (self, sql);
  g_string_append (sql, " LIMIT ?3 OFFSET ?4");
  return g_string_free (sql, FALSE);
}

static char *
found_ids (TsMemberModel *self,
           guint          start)
{
  GString *ids = g_string_new ("[");

  for (guint i = start; i < self->found->len && i < start + WINDOW_SIZE; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > start ? "," : "",
                            g_array_index (self->found, gint64, i));
  g_string_append_c (ids, ']');
  return g_string_free (ids, FALSE);
}

/* The ids of the window at @start, in order, as a JSON array. */
static char *
read_window_ids (TsMemberModel  *self,
                 guint           start,
                 GError        **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *ids;
  int rc;

  if (self->found != NULL)
    return found_ids (self, start);
  sql = window_ids_sql (self);
  stmt = prepare_filtered (self, sql, error);
  ids = g_string_new ("[");
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

/* The listing columns (TS_MEMBER_LISTING_COLUMNS) of the members in the
 * JSON array ?1, in its order. Both presence figures come from one pass
 * over each member's attendance, grouped, where the listing's two
 * correlated subqueries walk it twice: a window read in 0.7 ms instead
 * of 1.2 (a keystroke reads three or four). */
#define WINDOW_SQL \
  "SELECT " TS_MEMBER_COLUMNS ", coalesce(c.name, '')," \
  "  coalesce(r.family_name || ' ' || r.given_name, '')," \
  "  coalesce(s.last, ''), coalesce(s.times, 0)" \
  " FROM json_each(?1) j JOIN member m ON m.id = j.value" \
  TS_MEMBER_LISTING_REFERENCES \
  " LEFT JOIN (SELECT a.member_id, max(e.starts_at) AS last, count(*) AS times" \
  "   FROM attendance a JOIN event e ON e.id = a.event_id" \
  "   WHERE a.member_id IN (SELECT value FROM json_each(?1))" \
  "     AND " TS_PRESENT_SQL " AND e.deleted_at IS NULL" \
  "   GROUP BY a.member_id) s ON s.member_id = m.id" \
  " ORDER BY j.key"

/* The order is found on ids alone; the listing columns are then read
 * for these rows only. */
static GPtrArray *
read_window (TsMemberModel *self,
             guint          start)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = read_window_ids (self, start, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *members = g_ptr_array_new_with_free_func (g_object_unref);

  if (ids != NULL)
    stmt = ts_repository_prepare (self->repository, WINDOW_SQL, &error);
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
  g_clear_pointer (&self->found, g_array_unref);
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
  forget_scan (self);
  self->total_known = FALSE;
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
                          GArray        *ids,
                          TsMemberModel *self)
{
  if (self->refresh_id != 0)
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
  forget_scan (self);
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
  /* A member's row shows their own fields and their attendance figures;
   * events decide which attendance counts. */
  g_signal_connect (repository, "changed::member", G_CALLBACK (on_repository_changed_cb), self);
  g_signal_connect (repository, "changed::attendance", G_CALLBACK (on_repository_changed_cb), self);
  g_signal_connect (repository, "changed::event", G_CALLBACK (on_repository_changed_cb), self);
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
  forget_scan (self);
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
