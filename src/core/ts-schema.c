/* ts-schema.c: the schema, one migration per version.
 *
 * Each migration runs in one transaction (see ts-database.c). Tables are
 * STRICT, every row has an integer key for joins and a UUID so that two
 * organizers' files can later be merged. Deletes are soft (deleted_at) so
 * that an Undo toast can bring a row back even after the app restarts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-schema"

#include "ts-schema.h"

/* Every object of a schema as one string, and its name. */
#define OBJECTS_QUERY \
  "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || ifnull (sql, ''), name " \
  "FROM sqlite_schema"

static const char schema_v1[] =
  "CREATE TABLE chapter ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  reading     TEXT NOT NULL DEFAULT '',"
  "  region      TEXT NOT NULL DEFAULT '',"
  "  prefecture  TEXT NOT NULL DEFAULT '',"
  "  area        TEXT NOT NULL DEFAULT '',"
  "  venue       TEXT NOT NULL DEFAULT '',"
  "  schedule    TEXT NOT NULL DEFAULT '',"
  "  leader      TEXT NOT NULL DEFAULT '',"
  "  founded     TEXT NOT NULL DEFAULT '',"
  "  notes       TEXT NOT NULL DEFAULT '',"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  deleted_at  TEXT,"
  "  created_at  TEXT NOT NULL,"
  "  updated_at  TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE profession ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  name        TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  position    INTEGER NOT NULL"
  ") STRICT;"

  "CREATE TABLE event ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  chapter_id  INTEGER NOT NULL REFERENCES chapter (id),"
  "  title       TEXT NOT NULL DEFAULT '',"
  "  starts_at   TEXT NOT NULL CHECK (starts_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),"
  "  ends_at     TEXT NOT NULL DEFAULT '',"
  "  venue       TEXT NOT NULL DEFAULT '',"
  "  address     TEXT NOT NULL DEFAULT '',"
  "  fee         INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),"
  "  capacity    INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),"
  "  status      TEXT NOT NULL DEFAULT 'planned'"
  "              CHECK (status IN ('planned', 'held', 'cancelled')),"
  "  notes       TEXT NOT NULL DEFAULT '',"
  "  deleted_at  TEXT,"
  "  created_at  TEXT NOT NULL,"
  "  updated_at  TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX event_by_chapter ON event (chapter_id, starts_at);"
  "CREATE INDEX event_by_date ON event (starts_at);"

  "CREATE TABLE member ("
  "  id             INTEGER PRIMARY KEY,"
  "  uuid           TEXT NOT NULL UNIQUE,"
  "  family_name    TEXT NOT NULL CHECK (family_name <> ''),"
  "  given_name     TEXT NOT NULL DEFAULT '',"
  "  family_reading TEXT NOT NULL DEFAULT '',"
  "  given_reading  TEXT NOT NULL DEFAULT '',"
  "  organization   TEXT NOT NULL DEFAULT '',"
  "  profession     TEXT NOT NULL DEFAULT '',"
  "  job_title      TEXT NOT NULL DEFAULT '',"
  "  email          TEXT NOT NULL DEFAULT '',"
  "  phone          TEXT NOT NULL DEFAULT '',"
  "  introduction   TEXT NOT NULL DEFAULT '',"
  "  wish           TEXT NOT NULL DEFAULT '',"
  "  referred_by    INTEGER REFERENCES member (id) ON DELETE SET NULL,"
  "  home_chapter_id INTEGER REFERENCES chapter (id) ON DELETE SET NULL,"
  "  consent        TEXT NOT NULL DEFAULT 'full'"
  "                 CHECK (consent IN ('full', 'name-organization', 'none')),"
  "  notes          TEXT NOT NULL DEFAULT '',"
  "  search_key     TEXT NOT NULL DEFAULT '',"
  "  sort_key       BLOB NOT NULL DEFAULT x'',"
  "  name_key       TEXT NOT NULL DEFAULT '',"
  "  reading_key    TEXT NOT NULL DEFAULT '',"
  "  deleted_at     TEXT,"
  "  created_at     TEXT NOT NULL,"
  "  updated_at     TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX member_by_sort_key ON member (sort_key);"
  /* Who may already be in the list: same name, or same reading, whatever
   * the script or width it was typed in (see ts_text_search_key()). */
  "CREATE INDEX member_by_name_key ON member (name_key);"
  "CREATE INDEX member_by_reading_key ON member (reading_key) WHERE reading_key <> '';"
  "CREATE INDEX member_by_email ON member (email COLLATE NOCASE) WHERE email <> '';"
  "CREATE INDEX member_by_referrer ON member (referred_by) WHERE referred_by IS NOT NULL;"

  "CREATE TABLE attendance ("
  "  id            INTEGER PRIMARY KEY,"
  "  uuid          TEXT NOT NULL UNIQUE,"
  "  event_id      INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,"
  "  member_id     INTEGER NOT NULL REFERENCES member (id) ON DELETE CASCADE,"
  "  status        TEXT NOT NULL DEFAULT 'registered'"
  "                CHECK (status IN ('registered', 'attended', 'walk-in', 'no-show', 'cancelled')),"
  "  role          TEXT NOT NULL DEFAULT 'participant'"
  "                CHECK (role IN ('participant', 'presenter', 'organizer', 'guest')),"
  "  checked_in_at TEXT NOT NULL DEFAULT '',"
  "  paid          INTEGER NOT NULL DEFAULT 0 CHECK (paid IN (0, 1)),"
  "  note          TEXT NOT NULL DEFAULT '',"
  "  created_at    TEXT NOT NULL,"
  "  updated_at    TEXT NOT NULL,"
  "  UNIQUE (event_id, member_id)"
  ") STRICT;"
  /* Covering indexes: headcounts per event and presence per member are
   * read from the index alone, without touching the rows. */
  "CREATE INDEX attendance_by_event ON attendance (event_id, status, member_id);"
  "CREATE INDEX attendance_by_member ON attendance (member_id, status, event_id);"

  /* The medical and care professions an organizer meets most; the list
   * is editable, these are only the seed. */
  "INSERT INTO profession (uuid, name, position) VALUES"
  "  (lower(hex(randomblob(16))), '医師', 1),"
  "  (lower(hex(randomblob(16))), '歯科医師', 2),"
  "  (lower(hex(randomblob(16))), '薬剤師', 3),"
  "  (lower(hex(randomblob(16))), '看護師', 4),"
  "  (lower(hex(randomblob(16))), '保健師', 5),"
  "  (lower(hex(randomblob(16))), '助産師', 6),"
  "  (lower(hex(randomblob(16))), '理学療法士', 7),"
  "  (lower(hex(randomblob(16))), '作業療法士', 8),"
  "  (lower(hex(randomblob(16))), '言語聴覚士', 9),"
  "  (lower(hex(randomblob(16))), '管理栄養士', 10),"
  "  (lower(hex(randomblob(16))), '歯科衛生士', 11),"
  "  (lower(hex(randomblob(16))), '介護支援専門員(ケアマネジャー)', 12),"
  "  (lower(hex(randomblob(16))), '主任介護支援専門員', 13),"
  "  (lower(hex(randomblob(16))), '介護福祉士', 14),"
  "  (lower(hex(randomblob(16))), '社会福祉士', 15),"
  "  (lower(hex(randomblob(16))), '精神保健福祉士', 16),"
  "  (lower(hex(randomblob(16))), '医療ソーシャルワーカー', 17),"
  "  (lower(hex(randomblob(16))), '訪問介護員(ヘルパー)', 18),"
  "  (lower(hex(randomblob(16))), '救急救命士', 19),"
  "  (lower(hex(randomblob(16))), '福祉用具専門相談員', 20),"
  "  (lower(hex(randomblob(16))), '行政職員', 21),"
  "  (lower(hex(randomblob(16))), '弁護士', 22),"
  "  (lower(hex(randomblob(16))), '司法書士', 23),"
  "  (lower(hex(randomblob(16))), '行政書士', 24),"
  "  (lower(hex(randomblob(16))), '事務職', 25),"
  "  (lower(hex(randomblob(16))), '経営者', 26),"
  "  (lower(hex(randomblob(16))), '学生', 27),"
  "  (lower(hex(randomblob(16))), 'その他', 28);";

/* Search and paging for tens of thousands of members.
 *
 * member_search holds every member's search key (see ts_member_update_keys())
 * under the member's id, indexed by trigrams: a query of three characters
 * or more finds its members through the index instead of reading every
 * key. It keeps its own copy of the keys, so the repository writes it in
 * the transaction that writes the member (triggers cannot: a virtual table
 * is not usable from a trigger under trusted_schema = OFF), and a stale
 * row is harmless: searches join back to member and check the key.
 *
 * The partial indexes hold the members listed, in each order the members
 * table offers, so that a window of rows deep in the list is found by
 * stepping through one index, never by reading or sorting the table. */
static const char schema_v2[] =
  "CREATE VIRTUAL TABLE member_search USING fts5 (search_key, tokenize = 'trigram');"
  "INSERT INTO member_search (rowid, search_key) SELECT id, search_key FROM member;"
  /* With the search keys, for the searches too short for trigrams. */
  "CREATE INDEX member_listed_by_sort_key ON member (sort_key, id, search_key)"
  "  WHERE deleted_at IS NULL;"
  "CREATE INDEX member_listed_by_organization"
  "  ON member (organization = '', organization, sort_key, id) WHERE deleted_at IS NULL;"
  "CREATE INDEX member_listed_by_profession"
  "  ON member (profession = '', profession, sort_key, id) WHERE deleted_at IS NULL;"
  /* The window purges old soft deletes at every start: find them
   * without reading every member. */
  "CREATE INDEX member_deleted ON member (deleted_at) WHERE deleted_at IS NOT NULL;";

/* Puts the content of the attached database "restored" (of the latest
 * version) in place of main's, inside the caller's transaction with
 * foreign keys deferred. Every table of the latest schema is named here:
 * a test compares this with the schema. */
static const char restore_latest[] =
  "DELETE FROM main.attendance;"
  "DELETE FROM main.member;"
  "DELETE FROM main.event;"
  "DELETE FROM main.profession;"
  "DELETE FROM main.chapter;"
  "INSERT INTO main.chapter SELECT * FROM restored.chapter;"
  "INSERT INTO main.profession SELECT * FROM restored.profession;"
  "INSERT INTO main.event SELECT * FROM restored.event;"
  "INSERT INTO main.member SELECT * FROM restored.member;"
  "INSERT INTO main.attendance SELECT * FROM restored.attendance;"
  /* Derived from member, so rebuilt from what was restored. */
  "DELETE FROM main.member_search;"
  "INSERT INTO main.member_search (rowid, search_key) SELECT id, search_key FROM main.member;";

const char *
ts_schema_get_restore_sql (void)
{
  return restore_latest;
}

/* One entry a version, in order; a new version appends its own. */
static const TsMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
};

const TsMigration *
ts_schema_get_migrations (guint *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

int
ts_schema_latest_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}

/* What a file of @version holds when Tsudoi made it: the migrations up
 * to it applied to an empty database in memory, one "type name sql"
 * string an object. */
static GHashTable *
expected_objects (int version)
{
  GHashTable *objects = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    g_error ("Could not open a database in memory");
  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    if (migrations[i].version <= version &&
        sqlite3_exec (db, migrations[i].sql, NULL, NULL, NULL) != SQLITE_OK)
      g_error ("Migration %d does not apply: %s", migrations[i].version, sqlite3_errmsg (db));
  sqlite3_prepare_v2 (db, OBJECTS_QUERY, -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (objects, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return objects;
}

/* The name of a table, index, view or trigger in @db that Tsudoi's schema
 * of @version does not have, or NULL when there is none. A trigger or a
 * view planted by another program would run with our writes; we refuse
 * the file instead. SQLite's own statistics tables are allowed. */
char *
ts_schema_find_foreign (sqlite3 *db,
                        int      version)
{
  static GHashTable *by_version[16];
  static GMutex mutex;
  GHashTable *expected;
  sqlite3_stmt *stmt = NULL;
  char *foreign = NULL;

  g_return_val_if_fail (version >= 0 && version < (int) G_N_ELEMENTS (by_version), NULL);

  g_mutex_lock (&mutex);
  if (by_version[version] == NULL)
    by_version[version] = expected_objects (version);
  expected = by_version[version];
  g_mutex_unlock (&mutex);

  if (sqlite3_prepare_v2 (db, OBJECTS_QUERY, -1, &stmt, NULL) != SQLITE_OK)
    return g_strdup (sqlite3_errmsg (db));
  while (foreign == NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *object = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (!g_hash_table_contains (expected, object) && !g_str_has_prefix (name, "sqlite_stat"))
        foreign = g_strdup (name);
    }
  sqlite3_finalize (stmt);
  return foreign;
}
