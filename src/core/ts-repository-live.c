/* ts-repository-live.c: long-lived list models that follow every write.
 *
 * There is one model per list (the chapters, the events of a chapter, an
 * event's attendance), shared by every view that shows it and kept while
 * one of them holds it. A model listens to the "changed" details of the
 * tables it shows and reads again only the rows named, or everything
 * when the signal names none (another program wrote, an import). A
 * change that cannot be traced to rows (an attendance deleted at another
 * event) reads everything too: the model keeps the objects of the rows
 * that are the same, so a view notices only what differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-repository"

#include "config.h"

#include "ts-live-model.h"
#include "ts-repository-private.h"

/* Reading a few rows one by one is cheaper than reading all, up to here. */
#define MAX_ROWS_ONE_BY_ONE 64

typedef struct _LiveSource LiveSource;

typedef struct {
  const char        *name;
  GType            (*item_type) (void);
  GCompareDataFunc   compare;
  TsLiveKeyFunc      key;
  const char * const *tables;  /* "changed" details it follows */
  /* Rows of @source for @ids (all of them when NULL). */
  GPtrArray       *(*read)    (LiveSource *source, GArray *ids, GError **error);
  /* Keys of the rows a change to @ids of @table touches; NULL: any row. */
  GArray          *(*touched) (LiveSource *source, GQuark table, GArray *ids);
} LiveKind;

struct _LiveSource
{
  const LiveKind *kind;
  TsRepository   *repository;
  TsLiveModel    *model;      /* the owner */
  gint64          id;         /* the event or chapter, 0 for all */
  char           *cache_key;
  GArray         *handlers;
};

static gint64
record_id (gpointer item)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id;
}

static gint64
attendance_key (gpointer item)
{
  return TS_ATTENDANCE (item)->member_id;
}

/* The first column of @sql, run with ?1 bound to each of @ids; NULL
 * when one of them finds no row (it was deleted). */
static GArray *
map_ids (LiveSource *source,
         const char *sql,
         GArray     *ids)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (source->repository, sql, NULL);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 key;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return NULL;
      key = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (keys, key);
    }
  return g_steal_pointer (&keys);
}

static GArray *
copy_ids (GArray *ids)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);

  g_array_append_vals (copy, ids->data, ids->len);
  return copy;
}

/* ---- chapters ----------------------------------------------------------- */

static GPtrArray *
read_chapters (LiveSource  *source,
               GArray      *ids,
               GError     **error)
{
  return ts_repository_read_chapter_rows (source->repository, ids, error);
}

/* A chapter's counts move with its events' attendance. */
static GArray *
chapters_touched (LiveSource *source,
                  GQuark      table,
                  GArray     *ids)
{
  if (table == g_quark_from_static_string ("chapter"))
    return copy_ids (ids);
  if (table == g_quark_from_static_string ("attendance"))
    return map_ids (source, "SELECT e.chapter_id FROM attendance a"
                            " JOIN event e ON e.id = a.event_id WHERE a.id = ?1", ids);
  return NULL;
}

static const char * const chapter_tables[] = { "chapter", "event", "attendance", NULL };

static const LiveKind chapters_kind = {
  "chapters", ts_chapter_get_type, ts_repository_compare_chapters, record_id,
  chapter_tables, read_chapters, chapters_touched,
};

/* ---- events ------------------------------------------------------------- */

static GPtrArray *
read_events (LiveSource  *source,
             GArray      *ids,
             GError     **error)
{
  return ts_repository_read_event_rows (source->repository, source->id, ids, error);
}

/* An event's headcount moves with its attendance; a chapter's new name
 * shows on its events, so a chapter change reads them all. */
static GArray *
events_touched (LiveSource *source,
                GQuark      table,
                GArray     *ids)
{
  if (table == g_quark_from_static_string ("event"))
    return copy_ids (ids);
  if (table == g_quark_from_static_string ("attendance"))
    return map_ids (source, "SELECT event_id FROM attendance WHERE id = ?1", ids);
  return NULL;
}

static const char * const event_tables[] = { "event", "chapter", "attendance", NULL };

static const LiveKind events_kind = {
  "events", ts_event_get_type, ts_repository_compare_events, record_id,
  event_tables, read_events, events_touched,
};

/* ---- attendance --------------------------------------------------------- */

static GPtrArray *
read_attendance (LiveSource  *source,
                 GArray      *member_ids,
                 GError     **error)
{
  return ts_repository_read_attendance_rows (source->repository, source->id, member_ids, error);
}

/* The member of the attendance @id: from the database, or from the list
 * when the row is gone; 0 when it is gone and was never on this list. */
static gint64
member_of_attendance (LiveSource *source,
                      gint64      id)
{
  GListModel *model = G_LIST_MODEL (source->model);
  g_autoptr(GArray) one = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) members = NULL;

  g_array_append_val (one, id);
  members = map_ids (source, "SELECT member_id FROM attendance WHERE id = ?1", one);
  if (members != NULL)
    return g_array_index (members, gint64, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (model, i);

      if (attendance->id == id)
        return attendance->member_id;
    }
  return 0;
}

/* Rows are keyed by member. An attendance at another event can change
 * whether someone here comes for the first time, so its member is read
 * again too. A member's edit changes their row. An event's new date
 * changes who comes for the first time: everything is read. */
static GArray *
attendance_touched (LiveSource *source,
                    GQuark      table,
                    GArray     *ids)
{
  g_autoptr(GArray) members = NULL;

  if (table == g_quark_from_static_string ("member"))
    return copy_ids (ids);
  if (table != g_quark_from_static_string ("attendance"))
    return NULL;
  members = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 member_id = member_of_attendance (source, g_array_index (ids, gint64, i));

      if (member_id == 0)
        return NULL;
      g_array_append_val (members, member_id);
    }
  return g_steal_pointer (&members);
}

/* A fee class's new amount or name shows on every row in it. */
static const char * const attendance_tables[] = {
  "attendance", "member", "event", "fee_class", NULL
};

static const LiveKind attendance_kind = {
  "attendance", ts_attendance_get_type, ts_repository_compare_attendance, attendance_key,
  attendance_tables, read_attendance, attendance_touched,
};

/* ---- one model per list -------------------------------------------------- */

static void
reload (LiveSource *source,
        GArray     *keys)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = source->kind->read (source, keys, &error);

  if (rows == NULL)
    {
      g_warning ("Could not read the %s again: %s", source->kind->name, error->message);
      return;
    }
  if (keys != NULL)
    ts_live_model_update_rows (source->model, keys, rows);
  else
    ts_live_model_set_rows (source->model, rows);
}

static void
on_changed_cb (TsRepository *repository,
               GArray       *ids,
               LiveSource   *source)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (repository);
  g_autoptr(GArray) keys = NULL;

  if (ids != NULL && ids->len <= MAX_ROWS_ONE_BY_ONE)
    keys = source->kind->touched (source, hint->detail, ids);
  reload (source, keys);
}

static void
live_source_free (LiveSource *source)
{
  GHashTable *cache = ts_repository_get_live_models (source->repository);

  for (guint i = 0; i < source->handlers->len; i++)
    g_signal_handler_disconnect (source->repository, g_array_index (source->handlers, gulong, i));
  if (cache != NULL)
    g_hash_table_remove (cache, source->cache_key);
  g_array_unref (source->handlers);
  g_free (source->cache_key);
  g_object_unref (source->repository);
  g_free (source);
}

static GListModel *
get_model (TsRepository   *self,
           const LiveKind *kind,
           gint64          id)
{
  GHashTable *cache = ts_repository_get_live_models (self);
  g_autofree char *cache_key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind->name, id);
  TsLiveModel *model = g_hash_table_lookup (cache, cache_key);
  LiveSource *source;

  if (model != NULL)
    return g_object_ref (G_LIST_MODEL (model));
  model = ts_live_model_new (kind->item_type (), kind->compare, kind->key);
  source = g_new0 (LiveSource, 1);
  source->kind = kind;
  source->repository = g_object_ref (self);
  source->model = model;
  source->id = id;
  source->cache_key = g_steal_pointer (&cache_key);
  source->handlers = g_array_new (FALSE, FALSE, sizeof (gulong));
  for (guint i = 0; kind->tables[i] != NULL; i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", kind->tables[i], NULL);
      gulong handler = g_signal_connect (self, signal, G_CALLBACK (on_changed_cb), source);

      g_array_append_val (source->handlers, handler);
    }
  ts_live_model_set_source (model, source, (GDestroyNotify) live_source_free);
  g_hash_table_insert (cache, g_strdup (source->cache_key), model);
  reload (source, NULL);
  return G_LIST_MODEL (model);
}

/**
 * ts_repository_get_chapters_model:
 *
 * Every chapter with its counts, in the network's order of regions:
 * the one model behind every chapter list and drop-down.
 */
GListModel *
ts_repository_get_chapters_model (TsRepository *self)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);
  return get_model (self, &chapters_kind, 0);
}

/**
 * ts_repository_get_events_model:
 * @chapter_id: a chapter, or 0 for every chapter's events
 *
 * Events with their headcounts, newest first.
 */
GListModel *
ts_repository_get_events_model (TsRepository *self,
                                gint64        chapter_id)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);
  return get_model (self, &events_kind, chapter_id);
}

/**
 * ts_repository_get_attendance_model:
 *
 * An event's attendance, each with its member, in 五十音順: the event
 * page, the check-in window and the attendance grid show this one list.
 */
GListModel *
ts_repository_get_attendance_model (TsRepository *self,
                                    gint64        event_id)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);
  return get_model (self, &attendance_kind, event_id);
}
