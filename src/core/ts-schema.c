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

/* The evening itself: fees, receipts and tables.
 *
 * A fee class is one of an event's prices (一般, 学生, 初参加); an
 * attendee without one owes the event's fee. What an attendee paid is an
 * amount and a time, so that the collected total is a sum and not a count
 * of flags; paid stays the flag the door sets (会費受領済み). The first
 * payments are the flags of version 2 at the event's fee.
 *
 * A receipt is never deleted and its number never reused: a reissue is a
 * new row that points at the receipt it replaces. The cash count is the
 * organizer's count of the envelope, one row a denomination.
 *
 * seat_table numbers an attendee's table from 1 (0: not seated); a locked
 * seat is kept when the tables are planned again. */
static const char schema_v3[] =
  "ALTER TABLE chapter ADD COLUMN invoice_number TEXT NOT NULL DEFAULT ''"
  "  CHECK (invoice_number = '' OR invoice_number GLOB 'T[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]');"
  "ALTER TABLE event ADD COLUMN receipt_note TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE event ADD COLUMN seat_tables INTEGER NOT NULL DEFAULT 0 CHECK (seat_tables >= 0);"
  "ALTER TABLE event ADD COLUMN seats_per_table INTEGER NOT NULL DEFAULT 0 CHECK (seats_per_table >= 0);"
  "ALTER TABLE event ADD COLUMN cash_counted_at TEXT NOT NULL DEFAULT '';"

  "CREATE TABLE fee_class ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  event_id    INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  amount      INTEGER NOT NULL CHECK (amount >= 0),"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (event_id, name)"
  ") STRICT;"

  "ALTER TABLE attendance ADD COLUMN fee_class_id INTEGER"
  "  REFERENCES fee_class (id) ON DELETE SET NULL;"
  "ALTER TABLE attendance ADD COLUMN paid_amount INTEGER NOT NULL DEFAULT 0 CHECK (paid_amount >= 0);"
  "ALTER TABLE attendance ADD COLUMN paid_at TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE attendance ADD COLUMN seat_table INTEGER NOT NULL DEFAULT 0 CHECK (seat_table >= 0);"
  "ALTER TABLE attendance ADD COLUMN seat_locked INTEGER NOT NULL DEFAULT 0 CHECK (seat_locked IN (0, 1));"
  "UPDATE attendance SET paid_amount = (SELECT fee FROM event WHERE event.id = attendance.event_id),"
  "                      paid_at = updated_at"
  "  WHERE paid = 1;"

  "CREATE TABLE cash_count ("
  "  id           INTEGER PRIMARY KEY,"
  "  event_id     INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,"
  "  denomination INTEGER NOT NULL"
  "               CHECK (denomination IN (10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1)),"
  "  count        INTEGER NOT NULL CHECK (count >= 0),"
  "  UNIQUE (event_id, denomination)"
  ") STRICT;"

  "CREATE TABLE receipt ("
  "  id          INTEGER PRIMARY KEY,"
  "  uuid        TEXT NOT NULL UNIQUE,"
  "  number      TEXT NOT NULL UNIQUE CHECK (number <> ''),"
  "  event_id    INTEGER NOT NULL REFERENCES event (id),"
  "  member_id   INTEGER REFERENCES member (id) ON DELETE SET NULL,"
  "  addressee   TEXT NOT NULL CHECK (addressee <> ''),"
  "  amount      INTEGER NOT NULL CHECK (amount > 0),"
  "  purpose     TEXT NOT NULL DEFAULT '',"
  "  issued_on   TEXT NOT NULL,"
  "  issuer      TEXT NOT NULL DEFAULT '',"
  "  invoice_number TEXT NOT NULL DEFAULT '',"
  "  reissue_of  INTEGER REFERENCES receipt (id),"
  "  created_at  TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX receipt_by_event ON receipt (event_id, member_id);"
  "CREATE INDEX receipt_by_reissue ON receipt (reissue_of) WHERE reissue_of IS NOT NULL;";

/* Puts the content of the attached database "restored" (of the latest
 * version) in place of main's, inside the caller's transaction with
 * foreign keys deferred. Every table of the latest schema is named here:
 * a test compares this with the schema. */
static const char restore_latest[] =
  "DELETE FROM main.receipt;"
  "DELETE FROM main.cash_count;"
  "DELETE FROM main.attendance;"
  "DELETE FROM main.fee_class;"
  "DELETE FROM main.member;"
  "DELETE FROM main.event;"
  "DELETE FROM main.profession;"
  "DELETE FROM main.chapter;"
  "INSERT INTO main.chapter SELECT * FROM restored.chapter;"
  "INSERT INTO main.profession SELECT * FROM restored.profession;"
  "INSERT INTO main.event SELECT * FROM restored.event;"
  "INSERT INTO main.member SELECT * FROM restored.member;"
  "INSERT INTO main.fee_class SELECT * FROM restored.fee_class;"
  "INSERT INTO main.attendance SELECT * FROM restored.attendance;"
  "INSERT INTO main.cash_count SELECT * FROM restored.cash_count;"
  "INSERT INTO main.receipt SELECT * FROM restored.receipt;"
  /* Derived from member, so rebuilt from what was restored. */
  "DELETE FROM main.member_search;"
  "INSERT INTO main.member_search (rowid, search_key) SELECT id, search_key FROM main.member;";

/* Every table of the latest schema by the name "changed" announces it,
 * for those who cannot know which one was written (a restore, another
 * program). */
const char * const *
ts_schema_get_tables (void)
{
  static const char * const tables[] = {
    "chapter", "event", "member", "attendance", "profession",
    "fee_class", "cash_count", "receipt", NULL
  };

  return tables;
}

const char *
ts_schema_get_restore_sql (void)
{
  return restore_latest;
}

/* One entry a version, in order; a new version appends its own. */
static const TsMigration migrations[] = {
  { 1, schema_v1 },
  { 2, schema_v2 },
  { 3, schema_v3 },
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
