/* ts-repository.c: every read and write of records, as list models.
 *
 * The repository is given its database (construct-only) rather than
 * reaching for a global, so tests, the CLI and the app each pass their own.
 * Every statement is prepared once and bound; no SQL is built from values.
 * Members and attendance live in files of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-record.h"
#include "ts-repository-private.h"
#include "ts-schema.h"
#include "ts-text-clean.h"

struct _TsRepository
{
  GObject     parent_instance;
  TsDatabase *database;
  GSource    *watch;          /* polls data_version, see watch_other_writers */
  gint64      data_version;
  GHashTable *live_models;    /* see ts-repository-live.c */
};

G_DEFINE_QUARK (ts-repository-error-quark, ts_repository_error)

G_DEFINE_FINAL_TYPE (TsRepository, ts_repository, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stop_watching (TsRepository *self)
{
  if (self->watch == NULL)
    return;
  g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);
}

static void
ts_repository_dispose (GObject *object)
{
  TsRepository *self = TS_REPOSITORY (object);

  stop_watching (self);
  g_clear_pointer (&self->live_models, g_hash_table_unref);
  g_clear_object (&self->database);
  G_OBJECT_CLASS (ts_repository_parent_class)->dispose (object);
}

static void
ts_repository_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TsRepository *self = TS_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_repository_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TsRepository *self = TS_REPOSITORY (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_repository_class_init (TsRepositoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_repository_dispose;
  object_class->get_property = ts_repository_get_property;
  object_class->set_property = ts_repository_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, TS_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TsRepository::changed:
   * @ids: (nullable): the ids (gint64) of the rows written, or NULL when
   *   any row may have changed (an import, another program's write)
   *
   * Emitted after a write, with the table as its detail: "chapter",
   * "event", "member", "attendance" or "profession". The live models
   * read the rows named again; views never poll. Connect to
   * "changed::attendance" and the like; a handler of every table finds
   * it in g_signal_get_invocation_hint()->detail. Writes by other
   * programs are announced too once ts_repository_watch_other_writers()
   * is on.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ARRAY);
}

/* Every row of @table may have changed. */
void
ts_repository_emit_changed (TsRepository *self,
                            const char   *table)
{
  g_return_if_fail (TS_IS_REPOSITORY (self));
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), NULL);
}

/* The rows @ids of @table changed, were added or were deleted. */
void
ts_repository_emit_rows_changed (TsRepository *self,
                                 const char   *table,
                                 const gint64 *ids,
                                 guint         n_ids)
{
  g_autoptr(GArray) array = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);

  g_return_if_fail (TS_IS_REPOSITORY (self));

  g_array_append_vals (array, ids, n_ids);
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), array);
}

static void
ts_repository_init (TsRepository *self)
{
  self->live_models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GHashTable *
ts_repository_get_live_models (TsRepository *self)
{
  return self->live_models;
}

static gboolean
query_data_version (TsRepository *self,
                    gint64       *version)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self, "PRAGMA data_version", NULL);

  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *version = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* data_version moves when another connection (tsudoi-cli, a second app,
 * the app's own import thread) commits: then nobody knows which rows
 * changed, so every table is announced and the views reload. */
static gboolean
on_watch_timeout_cb (gpointer data)
{
  const char * const *tables = ts_schema_get_tables ();
  TsRepository *self = data;
  gint64 version;

  if (!query_data_version (self, &version) || version == self->data_version)
    return G_SOURCE_CONTINUE;
  g_debug ("Another program wrote to the database");
  self->data_version = version;
  for (guint i = 0; tables[i] != NULL; i++)
    ts_repository_emit_changed (self, tables[i]);
  return G_SOURCE_CONTINUE;
}

/* Checks every @interval_ms, on the thread-default main context, whether
 * another program wrote to the file, and emits "changed" when it did.
 * A query of one page counter: cheap enough to run twice a second. */
void
ts_repository_watch_other_writers (TsRepository *self,
                                   guint         interval_ms)
{
  g_return_if_fail (TS_IS_REPOSITORY (self));

  stop_watching (self);
  if (!query_data_version (self, &self->data_version))
    g_warning ("Cannot read the data version: %s",
               sqlite3_errmsg (ts_database_get_handle (self->database)));
  self->watch = g_timeout_source_new (interval_ms);
  g_source_set_callback (self->watch, on_watch_timeout_cb, self, NULL);
  g_source_set_static_name (self->watch, "[tsudoi] other writers");
  g_source_attach (self->watch, g_main_context_get_thread_default ());
}

TsRepository *
ts_repository_new (TsDatabase *database)
{
  g_return_val_if_fail (TS_IS_DATABASE (database), NULL);
  return g_object_new (TS_TYPE_REPOSITORY, "database", database, NULL);
}

TsDatabase *
ts_repository_get_database (TsRepository *self)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);
  return self->database;
}

sqlite3_stmt *
ts_repository_prepare (TsRepository  *self,
                       const char    *sql,
                       GError       **error)
{
  return ts_database_prepare (self->database, sql, error);
}

GListModel *
ts_repository_collect (TsRepository  *self,
                       sqlite3_stmt  *stmt,
                       GType          type,
                       TsRowReader    read,
                       GError       **error)
{
  g_autoptr(GListStore) store = g_list_store_new (type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = read (stmt);
      g_list_store_append (store, item);
    }
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (self->database, error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* Reads every row of @stmt with @read and appends it to @rows. */
gboolean
ts_repository_collect_rows (TsRepository  *self,
                            sqlite3_stmt  *stmt,
                            TsRowReader    read,
                            GPtrArray     *rows,
                            GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read (stmt));
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (self->database, error);
      return FALSE;
    }
  return TRUE;
}

/* The rows @ids (all of them when NULL), each read with @stmt bound to
 * the id at @index; @stmt is reset between ids. */
GPtrArray *
ts_repository_read_rows (TsRepository  *self,
                         sqlite3_stmt  *stmt,
                         int            index,
                         GArray        *ids,
                         TsRowReader    read,
                         GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < (ids != NULL ? ids->len : 1); i++)
    {
      sqlite3_reset (stmt);
      ts_bind_id (stmt, index, ids != NULL ? g_array_index (ids, gint64, i) : 0);
      if (!ts_repository_collect_rows (self, stmt, read, rows, error))
        return NULL;
    }
  return g_steal_pointer (&rows);
}

gboolean
ts_repository_step_done (TsRepository  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  return ts_database_step_done (self->database, stmt, error);
}

void
ts_repository_set_not_found (GError     **error,
                             const char  *table,
                             gint64       id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *message = NULL;

  if (g_strcmp0 (table, "chapter") == 0)
    message = g_strdup_printf (_("There is no chapter with the number %s."), number);
  else if (g_strcmp0 (table, "event") == 0)
    message = g_strdup_printf (_("There is no event with the number %s."), number);
  else
    message = g_strdup_printf (_("There is no member with the number %s."), number);
  g_set_error_literal (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND, message);
}

/* ---- updates of edited rows --------------------------------------------- */

static void
set_refused (GError     **error,
             const char  *table,
             int          code)
{
  const char *message;

  /* One sentence each, so that translators see whole sentences. */
  if (code == TS_REPOSITORY_ERROR_CHANGED)
    message = g_str_equal (table, "chapter")
              ? _("This chapter was changed by another program while you were editing it.")
              : g_str_equal (table, "event")
              ? _("This event was changed by another program while you were editing it.")
              : _("This member was changed by another program while you were editing them.");
  else
    message = g_str_equal (table, "chapter")
              ? _("This chapter was deleted or replaced by another program while you were editing it, so your changes were not saved.")
              : g_str_equal (table, "event")
              ? _("This event was deleted or replaced by another program while you were editing it, so your changes were not saved.")
              : _("This member was deleted or replaced by another program while you were editing them, so your changes were not saved.");
  g_set_error_literal (error, TS_REPOSITORY_ERROR, code, message);
}

/* Reads the row @loaded came from, inside the write transaction, and
 * refuses when it is no longer what the person saw: gone, another row
 * under the same number (a restore: compare the uuid), or any stored
 * value different. Comparing every value, not a time stamp, cannot miss
 * a change made within the same second. */
static gpointer
read_unchanged (TsRepository        *self,
                const TsRecordTable *table,
                gpointer             loaded,
                GError             **error)
{
  const char *uuid_only[] = { "uuid", NULL };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GObject) current = NULL;
  gint64 id = 0;

  g_object_get (loaded, "id", &id, NULL);
  current = table->get (self, id, &local_error);
  if (current == NULL &&
      !g_error_matches (local_error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (current == NULL || !ts_record_equal (loaded, current, uuid_only))
    {
      set_refused (error, table->table, TS_REPOSITORY_ERROR_GONE);
      return NULL;
    }
  if (!ts_record_equal (loaded, current, table->stored))
    {
      set_refused (error, table->table, TS_REPOSITORY_ERROR_CHANGED);
      return NULL;
    }
  return g_steal_pointer (&current);
}

/* Writes to the row @loaded was read from the values in which @edited
 * differs from it, and nothing else; see read_unchanged() for when it
 * refuses. On success @edited holds the row as stored. */
gboolean
ts_repository_update_record (TsRepository        *self,
                             const TsRecordTable *table,
                             gpointer             loaded,
                             gpointer             edited,
                             GError             **error)
{
  g_auto(GStrv) changes = ts_record_diff (loaded, edited, table->stored);
  g_autoptr(GObject) current = NULL;
  gint64 id = 0;

  /* Nothing to write, nothing to overwrite: no reason to refuse. */
  if (changes[0] == NULL)
    return TRUE;
  if (!ts_database_begin (self->database, error))
    return FALSE;
  current = read_unchanged (self, table, loaded, error);
  if (current == NULL)
    goto fail;
  ts_record_copy (edited, current, (const char * const *) changes);
  if (!table->write (self, current, error))
    goto fail;
  if (!ts_database_commit (self->database, error))
    return FALSE;
  ts_record_copy (current, edited, table->stored);
  g_object_get (edited, "id", &id, NULL);
  ts_repository_emit_rows_changed (self, table->table, &id, 1);
  return TRUE;

fail:
  ts_database_rollback (self->database);
  return FALSE;
}

/* ---- chapters ---------------------------------------------------------- */

#define CHAPTER_COLUMNS \
  "c.id, c.uuid, c.name, c.reading, c.region, c.prefecture, c.area, c.venue, " \
  "c.schedule, c.leader, c.founded, c.notes, c.position, c.invoice_number"

static TsChapter *
read_chapter (sqlite3_stmt *stmt)
{
  TsChapter *chapter = ts_chapter_new ();
  char **texts[] = { &chapter->uuid, &chapter->name, &chapter->reading,
                     &chapter->region, &chapter->prefecture, &chapter->area,
                     &chapter->venue, &chapter->schedule, &chapter->leader,
                     &chapter->founded, &chapter->notes };

  chapter->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (*texts[i]);
      *texts[i] = ts_column_text (stmt, i + 1);
    }
  chapter->position = sqlite3_column_int64 (stmt, 12);
  g_free (chapter->invoice_number);
  chapter->invoice_number = ts_column_text (stmt, 13);
  return chapter;
}

static gpointer
read_chapter_listing (sqlite3_stmt *stmt)
{
  TsChapter *chapter = read_chapter (stmt);

  chapter->event_count = sqlite3_column_int64 (stmt, 14);
  g_free (chapter->next_event);
  chapter->next_event = ts_column_text (stmt, 15);
  return chapter;
}

int
ts_repository_compare_chapters (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const TsChapter *ca = a, *cb = b;
  int ra = ts_region_order (ca->region), rb = ts_region_order (cb->region);

  if (ra != rb)
    return ra - rb;
  if (ca->position != cb->position)
    return ca->position < cb->position ? -1 : 1;
  return ca->id < cb->id ? -1 : ca->id > cb->id;
}

/* Chapters with their counts; ?1 a chapter's id, or NULL for every one. */
#define CHAPTER_LISTING_SQL \
  "SELECT " CHAPTER_COLUMNS "," \
  "  (SELECT count(*) FROM event e WHERE e.chapter_id = c.id AND e.deleted_at IS NULL)," \
  "  (SELECT min(e.starts_at) FROM event e WHERE e.chapter_id = c.id" \
  "    AND e.deleted_at IS NULL AND e.status = " TS_SQL_PLANNED \
  "    AND e.starts_at >= strftime('%Y-%m-%dT%H:%M', 'now', 'localtime'))" \
  " FROM chapter c WHERE c.deleted_at IS NULL AND (?1 IS NULL OR c.id = ?1)"

GListModel *
ts_repository_list_chapters (TsRepository  *self,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GListModel *chapters;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self, CHAPTER_LISTING_SQL, error);
  if (stmt == NULL)
    return NULL;
  chapters = ts_repository_collect (self, stmt, TS_TYPE_CHAPTER, read_chapter_listing, error);
  if (chapters != NULL)
    g_list_store_sort (G_LIST_STORE (chapters), ts_repository_compare_chapters, NULL);
  return chapters;
}

/* The listings of the chapters @ids that are not deleted, or of every
 * chapter when @ids is NULL, in no particular order. */
GPtrArray *
ts_repository_read_chapter_rows (TsRepository  *self,
                                 GArray        *ids,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self, CHAPTER_LISTING_SQL, error);

  if (stmt == NULL)
    return NULL;
  return ts_repository_read_rows (self, stmt, 1, ids, read_chapter_listing, error);
}

TsChapter *
ts_repository_get_chapter (TsRepository  *self,
                           gint64         id,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    "SELECT " CHAPTER_COLUMNS " FROM chapter c WHERE c.id = ?1 AND c.deleted_at IS NULL",
    error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_repository_set_not_found (error, "chapter", id);
      return NULL;
    }
  return read_chapter (stmt);
}

static gboolean
write_chapter (TsRepository  *self,
               gpointer       record,
               GError       **error)
{
  TsChapter *chapter = record;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();
  const char *texts[10];

  /* Cleaned first: the pointers change. */
  ts_record_clean (chapter);
  texts[0] = chapter->name;
  texts[1] = chapter->reading;
  texts[2] = chapter->region;
  texts[3] = chapter->prefecture;
  texts[4] = chapter->area;
  texts[5] = chapter->venue;
  texts[6] = chapter->schedule;
  texts[7] = chapter->leader;
  texts[8] = chapter->founded;
  texts[9] = chapter->notes;

  if (*chapter->uuid == '\0')
    {
      g_free (chapter->uuid);
      chapter->uuid = g_uuid_string_random ();
    }
  stmt = ts_repository_prepare (self,
    "INSERT INTO chapter (id, uuid, name, reading, region, prefecture, area, venue,"
    "  schedule, leader, founded, notes, position, created_at, updated_at, invoice_number)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15)"
    " ON CONFLICT (id) DO UPDATE SET name = ?3, reading = ?4, region = ?5,"
    "  prefecture = ?6, area = ?7, venue = ?8, schedule = ?9, leader = ?10,"
    "  founded = ?11, notes = ?12, position = ?13, updated_at = ?14, invoice_number = ?15"
    " RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  ts_bind_id (stmt, 1, chapter->id);
  ts_bind_text (stmt, 2, chapter->uuid);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    ts_bind_text (stmt, i + 3, texts[i]);
  sqlite3_bind_int64 (stmt, 13, chapter->position);
  ts_bind_text (stmt, 14, now);
  ts_bind_text (stmt, 15, chapter->invoice_number);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_database_set_error (self->database, error);
      return FALSE;
    }
  chapter->id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
ts_repository_save_chapter (TsRepository  *self,
                            TsChapter     *chapter,
                            GError       **error)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (TS_IS_CHAPTER (chapter), FALSE);

  if (!write_chapter (self, chapter, error))
    return FALSE;
  ts_repository_emit_rows_changed (self, "chapter", &chapter->id, 1);
  return TRUE;
}

static gpointer
get_chapter (TsRepository  *self,
             gint64         id,
             GError       **error)
{
  return ts_repository_get_chapter (self, id, error);
}

gboolean
ts_repository_update_chapter (TsRepository  *self,
                              TsChapter     *loaded,
                              TsChapter     *edited,
                              GError       **error)
{
  static const char * const stored[] = {
    "uuid", "name", "reading", "region", "prefecture", "area", "venue",
    "schedule", "leader", "founded", "notes", "position", "invoice-number", NULL
  };
  static const TsRecordTable table = { "chapter", stored, get_chapter, write_chapter };

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (TS_IS_CHAPTER (loaded) && TS_IS_CHAPTER (edited), FALSE);

  return ts_repository_update_record (self, &table, loaded, edited, error);
}

gboolean
ts_repository_count_chapters (TsRepository  *self,
                              gint64        *count,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ts_repository_prepare (self,
    "SELECT count(*) FROM chapter WHERE deleted_at IS NULL", error);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (stmt != NULL)
        ts_database_set_error (self->database, error);
      return FALSE;
    }
  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* ---- events ------------------------------------------------------------ */

TsEvent *
ts_repository_read_event (sqlite3_stmt *stmt,
                          int           first)
{
  TsEvent *event = ts_event_new ();
  char **texts[] = { &event->title, &event->starts_at, &event->ends_at,
                     &event->venue, &event->address };

  event->id = sqlite3_column_int64 (stmt, first);
  g_free (event->uuid);
  event->uuid = ts_column_text (stmt, first + 1);
  event->chapter_id = sqlite3_column_int64 (stmt, first + 2);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (*texts[i]);
      *texts[i] = ts_column_text (stmt, first + 3 + i);
    }
  event->fee = sqlite3_column_int64 (stmt, first + 8);
  event->capacity = sqlite3_column_int64 (stmt, first + 9);
  event->status = ts_column_enum (stmt, first + 10, TS_TYPE_EVENT_STATUS);
  g_free (event->notes);
  event->notes = ts_column_text (stmt, first + 11);
  g_free (event->receipt_note);
  event->receipt_note = ts_column_text (stmt, first + 12);
  return event;
}

#define EVENT_LISTING_SQL \
  "SELECT " TS_EVENT_COLUMNS ", c.name," \
  "  (SELECT count(*) FROM attendance a WHERE a.event_id = e.id" \
  "    AND a.status IN (" TS_SQL_REGISTERED ", " TS_SQL_ATTENDED ", " TS_SQL_WALK_IN "))," \
  "  (SELECT count(*) FROM attendance a WHERE a.event_id = e.id AND " TS_PRESENT_SQL ")" \
  " FROM event e JOIN chapter c ON c.id = e.chapter_id" \
  " WHERE e.deleted_at IS NULL AND c.deleted_at IS NULL"

static gpointer
read_event_listing (sqlite3_stmt *stmt)
{
  TsEvent *event = ts_repository_read_event (stmt, 0);

  g_free (event->chapter_name);
  event->chapter_name = ts_column_text (stmt, TS_EVENT_N_COLUMNS);
  event->headcount = sqlite3_column_int64 (stmt, TS_EVENT_N_COLUMNS + 1);
  event->present = sqlite3_column_int64 (stmt, TS_EVENT_N_COLUMNS + 2);
  return event;
}

/* The listings of the events @ids of @chapter_id (any chapter when 0)
 * that are not deleted, or all of them when @ids is NULL. */
GPtrArray *
ts_repository_read_event_rows (TsRepository  *self,
                               gint64         chapter_id,
                               GArray        *ids,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self,
    EVENT_LISTING_SQL " AND (?1 IS NULL OR e.chapter_id = ?1) AND (?2 IS NULL OR e.id = ?2)",
    error);

  if (stmt == NULL)
    return NULL;
  ts_bind_id (stmt, 1, chapter_id);
  return ts_repository_read_rows (self, stmt, 2, ids, read_event_listing, error);
}

/* Newest first, the newest created first on the same day. */
int
ts_repository_compare_events (gconstpointer a,
                              gconstpointer b,
                              gpointer      user_data)
{
  const TsEvent *ea = a, *eb = b;
  int order = g_strcmp0 (eb->starts_at, ea->starts_at);

  if (order != 0)
    return order;
  return ea->id < eb->id ? 1 : ea->id > eb->id ? -1 : 0;
}

GListModel *
ts_repository_list_events (TsRepository  *self,
                           gint64         chapter_id,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    EVENT_LISTING_SQL " AND (?1 IS NULL OR e.chapter_id = ?1)"
    " ORDER BY e.starts_at DESC, e.id DESC", error);
  if (stmt == NULL)
    return NULL;
  ts_bind_id (stmt, 1, chapter_id);
  return ts_repository_collect (self, stmt, TS_TYPE_EVENT, read_event_listing, error);
}

TsEvent *
ts_repository_get_event (TsRepository  *self,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self, EVENT_LISTING_SQL " AND e.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_repository_set_not_found (error, "event", id);
      return NULL;
    }
  return read_event_listing (stmt);
}

static gboolean
write_event (TsRepository  *self,
             gpointer       record,
             GError       **error)
{
  TsEvent *event = record;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();

  ts_record_clean (event);
  if (*event->uuid == '\0')
    {
      g_free (event->uuid);
      event->uuid = g_uuid_string_random ();
    }
  stmt = ts_repository_prepare (self,
    "INSERT INTO event (id, uuid, chapter_id, title, starts_at, ends_at, venue,"
    "  address, fee, capacity, status, notes, created_at, updated_at, receipt_note)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)"
    " ON CONFLICT (id) DO UPDATE SET chapter_id = ?3, title = ?4, starts_at = ?5,"
    "  ends_at = ?6, venue = ?7, address = ?8, fee = ?9, capacity = ?10,"
    "  status = ?11, notes = ?12, updated_at = ?13, receipt_note = ?14"
    " RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  ts_bind_id (stmt, 1, event->id);
  ts_bind_text (stmt, 2, event->uuid);
  sqlite3_bind_int64 (stmt, 3, event->chapter_id);
  ts_bind_text (stmt, 4, event->title);
  ts_bind_text (stmt, 5, event->starts_at);
  ts_bind_text (stmt, 6, event->ends_at);
  ts_bind_text (stmt, 7, event->venue);
  ts_bind_text (stmt, 8, event->address);
  sqlite3_bind_int64 (stmt, 9, event->fee);
  sqlite3_bind_int64 (stmt, 10, event->capacity);
  ts_bind_enum (stmt, 11, TS_TYPE_EVENT_STATUS, event->status);
  ts_bind_text (stmt, 12, event->notes);
  ts_bind_text (stmt, 13, now);
  ts_bind_text (stmt, 14, event->receipt_note);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_database_set_error (self->database, error);
      return FALSE;
    }
  event->id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
ts_repository_save_event (TsRepository  *self,
                          TsEvent       *event,
                          GError       **error)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (TS_IS_EVENT (event), FALSE);

  if (!write_event (self, event, error))
    return FALSE;
  ts_repository_emit_rows_changed (self, "event", &event->id, 1);
  return TRUE;
}

static gpointer
get_event (TsRepository  *self,
           gint64         id,
           GError       **error)
{
  return ts_repository_get_event (self, id, error);
}

gboolean
ts_repository_update_event (TsRepository  *self,
                            TsEvent       *loaded,
                            TsEvent       *edited,
                            GError       **error)
{
  static const char * const stored[] = {
    "uuid", "chapter-id", "title", "starts-at", "ends-at", "venue", "address",
    "fee", "capacity", "status", "notes", "receipt-note", NULL
  };
  static const TsRecordTable table = { "event", stored, get_event, write_event };

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (TS_IS_EVENT (loaded) && TS_IS_EVENT (edited), FALSE);

  return ts_repository_update_record (self, &table, loaded, edited, error);
}

/* ---- soft deletes ------------------------------------------------------ */

/* Table names cannot be bound, so each has its own fixed statement. */
static const char *
soft_delete_sql (const char *table,
                 gboolean    restore)
{
  static const struct { const char *table, *delete_sql, *restore_sql; } sql[] = {
    { "chapter",
      "UPDATE chapter SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
      "UPDATE chapter SET deleted_at = NULL WHERE id = ?1" },
    { "event",
      "UPDATE event SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
      "UPDATE event SET deleted_at = NULL WHERE id = ?1" },
    { "member",
      "UPDATE member SET deleted_at = ?2 WHERE id = ?1 AND deleted_at IS NULL",
      "UPDATE member SET deleted_at = NULL WHERE id = ?1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    if (g_strcmp0 (table, sql[i].table) == 0)
      return restore ? sql[i].restore_sql : sql[i].delete_sql;
  g_return_val_if_reached (NULL);
}

static gboolean
set_deleted (TsRepository  *self,
             const char    *table,
             gint64         id,
             gboolean       restore,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();
  const char *sql = soft_delete_sql (table, restore);

  g_return_val_if_fail (sql != NULL, FALSE);

  stmt = ts_repository_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!restore)
    ts_bind_text (stmt, 2, now);
  if (!ts_repository_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (ts_database_get_handle (self->database)) == 0)
    {
      ts_repository_set_not_found (error, table, id);
      return FALSE;
    }
  ts_repository_emit_rows_changed (self, table, &id, 1);
  return TRUE;
}

gboolean
ts_repository_delete (TsRepository  *self,
                      const char    *table,
                      gint64         id,
                      GError       **error)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  return set_deleted (self, table, id, FALSE, error);
}

gboolean
ts_repository_restore (TsRepository  *self,
                       const char    *table,
                       gint64         id,
                       GError       **error)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  return set_deleted (self, table, id, TRUE, error);
}

/* Rows deleted before @older_than (an ISO 8601 time) are removed for good,
 * with what hangs on them, in one transaction. */
gboolean
ts_repository_purge_deleted (TsRepository  *self,
                             const char    *older_than,
                             GError       **error)
{
  /* Receipts are never deleted (ts-receipt.c): an event that issued
   * some stays, hidden, and so does its chapter. */
  static const char * const purges[] = {
    "DELETE FROM attendance WHERE event_id IN"
    " (SELECT id FROM event WHERE deleted_at < ?1"
    "  OR chapter_id IN (SELECT id FROM chapter WHERE deleted_at < ?1))",
    "DELETE FROM event WHERE (deleted_at < ?1"
    " OR chapter_id IN (SELECT id FROM chapter WHERE deleted_at < ?1))"
    " AND id NOT IN (SELECT event_id FROM receipt)",
    "DELETE FROM member_search WHERE rowid IN (SELECT id FROM member WHERE deleted_at < ?1)",
    "DELETE FROM member WHERE deleted_at < ?1",
    "DELETE FROM chapter WHERE deleted_at < ?1"
    " AND id NOT IN (SELECT chapter_id FROM event)",
  };

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);

  if (!ts_database_begin (self->database, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (purges); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self, purges[i], error);

      if (stmt == NULL)
        goto fail;
      ts_bind_text (stmt, 1, older_than);
      if (!ts_repository_step_done (self, stmt, error))
        goto fail;
    }
  return ts_database_commit (self->database, error);

fail:
  ts_database_rollback (self->database);
  return FALSE;
}

/* ---- professions ------------------------------------------------------- */

GStrv
ts_repository_list_professions (TsRepository  *self,
                                GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    "SELECT name FROM profession ORDER BY position, id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  return g_strv_builder_end (builder);
}

gboolean
ts_repository_add_profession (TsRepository  *self,
                              const char    *name,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *clean = ts_text_clean (name, FALSE);

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);

  stmt = ts_repository_prepare (self,
    "INSERT INTO profession (uuid, name, position)"
    " VALUES (?1, ?2, (SELECT coalesce(max(position), 0) + 1 FROM profession))"
    " ON CONFLICT (name) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  ts_bind_text (stmt, 1, uuid);
  ts_bind_text (stmt, 2, clean);
  return ts_repository_step_done (self, stmt, error);
}
