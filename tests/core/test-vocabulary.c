/* test-vocabulary.c: the registered enums against the database's text
 * and their labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "ts-schema.h"
#include "ts-test-support.h"
#include "ts-vocabulary.h"

typedef struct {
  const char *table;
  const char *column;
  GType     (*get_type) (void);
} Vocabulary;

static const Vocabulary vocabularies[] = {
  { "attendance", "status",  ts_attendance_status_get_type },
  { "attendance", "role",    ts_attendance_role_get_type },
  { "member",     "consent", ts_consent_get_type },
  { "event",      "status",  ts_event_status_get_type },
};

static const char *
label_of (guint v,
          int   value)
{
  switch (v)
    {
    case 0: return ts_attendance_status_to_label (value);
    case 1: return ts_attendance_role_to_label (value);
    case 2: return ts_consent_to_label (value);
    case 3: return ts_event_status_to_label (value);
    default: g_assert_not_reached ();
    }
}

/* The words of "@column ... CHECK (@column IN ('a', 'b'))" in the
 * schema's CREATE TABLE of @table, as it stands after every migration. */
static GStrv
schema_words (sqlite3    *db,
              const char *table,
              const char *column)
{
  g_autofree char *pattern = g_strdup_printf ("CHECK \\(%s IN \\(([^)]*)\\)\\)", column);
  g_autoptr(GRegex) check = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GRegex) quoted = g_regex_new ("'([^']*)'", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GMatchInfo) words = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *list = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (g_regex_match (check, (const char *) sqlite3_column_text (stmt, 0), 0, &match));
  list = g_match_info_fetch (match, 1);
  sqlite3_finalize (stmt);

  for (g_regex_match (quoted, list, 0, &words); g_match_info_matches (words);
       g_match_info_next (words, NULL))
    {
      g_autofree char *word = g_match_info_fetch (words, 1);

      g_strv_builder_add (builder, word);
    }
  return g_strv_builder_end (builder);
}

static sqlite3 *
open_schema (void)
{
  sqlite3 *db = NULL;
  guint n = 0;
  const TsMigration *migrations = ts_schema_get_migrations (&n);

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (sqlite3_exec (db, migrations[i].sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

/* Every value's nick is a word the schema allows, in the same order, and
 * the schema allows no other: text read from any file turns into a value. */
static void
test_nicks_are_schema_words (void)
{
  sqlite3 *db = open_schema ();

  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      g_auto(GStrv) words = schema_words (db, vocabularies[v].table, vocabularies[v].column);
      g_autoptr(GEnumClass) klass = g_type_class_ref (vocabularies[v].get_type ());

      g_assert_cmpuint (g_strv_length (words), ==, klass->n_values);
      for (guint i = 0; i < klass->n_values; i++)
        {
          GEnumValue *value = &klass->values[i];

          g_assert_cmpint (value->value, ==, i);
          g_assert_cmpstr (value->value_nick, ==, words[i]);
          g_assert_cmpstr (ts_enum_get_nick (vocabularies[v].get_type (), value->value), ==, words[i]);
          g_assert_cmpint (ts_enum_parse_nick (vocabularies[v].get_type (), words[i]), ==, value->value);
        }
      g_assert_cmpint (ts_enum_parse_nick (vocabularies[v].get_type (), "walk_in"), ==, -1);
      g_assert_cmpint (ts_enum_parse_nick (vocabularies[v].get_type (), NULL), ==, -1);
      g_assert_null (ts_enum_get_nick (vocabularies[v].get_type (), (int) klass->n_values));
    }
  sqlite3_close (db);
}

/* The text in @column of the row @id of @table, as the file holds it. */
static char *
stored_text (TsDatabase *database,
             const char *table,
             const char *column,
             gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, table);
  g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (database, sql, NULL);

  g_assert_nonnull (stmt);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return ts_column_text (stmt, 0);
}

/* Records carry the enum; the file holds the nick, as it did when the
 * fields were strings, and reads back as the same value. */
static void
test_repository_round_trip (void)
{
  TsTestDb db;
  g_autoptr(TsChapter) chapter = NULL;

  ts_test_db_init (&db, "vocabulary.db");
  chapter = ts_test_add_chapter (db.repository, "name", "語彙医介塾", "reading", "ごいいかいじゅく", NULL);
  for (TsEventStatus s = TS_EVENT_STATUS_PLANNED; s <= TS_EVENT_STATUS_CANCELLED; s++)
    {
      g_autoptr(TsEvent) event = ts_test_add_event (db.repository, "chapter-id", chapter->id,
                                                    "starts-at", "2017-08-24T19:00",
                                                    "status", s, NULL);
      g_autoptr(TsEvent) read = ts_repository_get_event (db.repository, event->id, NULL);
      g_autofree char *text = stored_text (db.database, "event", "status", event->id);

      g_assert_cmpstr (text, ==, ts_enum_get_nick (TS_TYPE_EVENT_STATUS, s));
      g_assert_cmpint (read->status, ==, s);
    }
  for (TsConsent c = TS_CONSENT_FULL; c <= TS_CONSENT_NONE; c++)
    {
      g_autoptr(TsMember) member = ts_test_add_member (db.repository, "family-name", "語彙",
                                                       "consent", c, NULL);
      g_autoptr(TsMember) read = ts_repository_get_member (db.repository, member->id, NULL);
      g_autofree char *text = stored_text (db.database, "member", "consent", member->id);
      g_autoptr(TsEvent) event = ts_test_add_event (db.repository, "chapter-id", chapter->id,
                                                    "starts-at", "2017-09-28T19:00", NULL);

      g_assert_cmpstr (text, ==, ts_enum_get_nick (TS_TYPE_CONSENT, c));
      g_assert_cmpint (read->consent, ==, c);

      /* Every status and role on this member at this event in turn. */
      for (TsAttendanceStatus s = 0; s < TS_ATTENDANCE_STATUS_N; s++)
        {
          g_autoptr(TsAttendance) attendance =
            ts_repository_set_attendance (db.repository, event->id, member->id, s, NULL);
          TsAttendanceRole role = s % (TS_ATTENDANCE_ROLE_GUEST + 1);
          g_autoptr(GListModel) list = NULL;
          g_autoptr(TsAttendance) read_attendance = NULL;
          g_autofree char *status_text = NULL;
          g_autofree char *role_text = NULL;

          g_object_set (attendance, "role", role, NULL);
          g_assert_true (ts_repository_save_attendance (db.repository, attendance, NULL));
          status_text = stored_text (db.database, "attendance", "status", attendance->id);
          role_text = stored_text (db.database, "attendance", "role", attendance->id);
          g_assert_cmpstr (status_text, ==, ts_enum_get_nick (TS_TYPE_ATTENDANCE_STATUS, s));
          g_assert_cmpstr (role_text, ==, ts_enum_get_nick (TS_TYPE_ATTENDANCE_ROLE, role));
          list = ts_repository_list_attendance (db.repository, event->id, NULL);
          read_attendance = g_list_model_get_item (list, 0);
          g_assert_cmpint (read_attendance->status, ==, s);
          g_assert_cmpint (read_attendance->role, ==, role);
        }
    }
  ts_test_db_clear (&db);
}

/* The untranslated label of every value, distinct within its enum. */
/* SQL names statuses by TS_SQL_* parameters; every statement the
 * database hands out has them bound to the nicks, also the second time
 * a cached statement is handed out after its values were cleared. */
static void
test_sql_parameters (void)
{
  static const char sql[] =
    "SELECT " TS_SQL_REGISTERED ", " TS_SQL_ATTENDED ", " TS_SQL_WALK_IN ", "
    TS_SQL_NO_SHOW ", " TS_SQL_ATTENDANCE_CANCELLED ", "
    TS_SQL_PLANNED ", " TS_SQL_HELD ", " TS_SQL_EVENT_CANCELLED;
  TsTestDb db;

  ts_test_db_init (&db, "vocabulary-sql.db");
  for (int round = 0; round < 2; round++)
    {
      g_autoptr(sqlite3_stmt) stmt = ts_database_prepare (db.database, sql, NULL);

      g_assert_nonnull (stmt);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      for (int s = 0; s < TS_ATTENDANCE_STATUS_N; s++)
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, s), ==,
                         ts_enum_get_nick (TS_TYPE_ATTENDANCE_STATUS, s));
      for (int s = 0; s <= TS_EVENT_STATUS_CANCELLED; s++)
        g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, TS_ATTENDANCE_STATUS_N + s),
                         ==, ts_enum_get_nick (TS_TYPE_EVENT_STATUS, s));
    }
  ts_test_db_clear (&db);
}

static void
test_labels (void)
{
  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (vocabularies[v].get_type ());
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *label = label_of (v, klass->values[i].value);

          g_assert_nonnull (label);
          g_assert_cmpstr (label, !=, "");
          g_assert_true (g_hash_table_add (seen, (gpointer) label));
        }
    }
  g_assert_cmpstr (ts_attendance_status_to_label (TS_ATTENDANCE_STATUS_WALK_IN), ==, "Walk-in");
}

/* Every label has a Japanese translation in the built catalog. */
static void
test_labels_in_japanese (void)
{
  if (g_getenv ("TSUDOI_LOCALEDIR") == NULL || setlocale (LC_ALL, "ja_JP.UTF-8") == NULL)
    {
      g_test_skip ("no ja_JP.UTF-8 locale or no built catalog");
      return;
    }
  g_setenv ("LANGUAGE", "ja", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  for (guint v = 0; v < G_N_ELEMENTS (vocabularies); v++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (vocabularies[v].get_type ());

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *label = label_of (v, klass->values[i].value);

          /* Japanese labels hold no ASCII letters: an English one did not
           * come through the catalog. */
          for (const char *c = label; *c != '\0'; c++)
            if (g_ascii_isalpha (*c))
              g_error ("%s %s: “%s” is not translated", g_type_name (vocabularies[v].get_type ()),
                       klass->values[i].value_nick, label);
        }
    }
  g_assert_cmpstr (ts_attendance_status_to_label (TS_ATTENDANCE_STATUS_WALK_IN), ==, "当日参加");

  setlocale (LC_ALL, "C.UTF-8");
  g_unsetenv ("LANGUAGE");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/vocabulary/nicks-are-schema-words", test_nicks_are_schema_words);
  g_test_add_func ("/vocabulary/repository-round-trip", test_repository_round_trip);
  g_test_add_func ("/vocabulary/sql-parameters", test_sql_parameters);
  g_test_add_func ("/vocabulary/labels", test_labels);
  g_test_add_func ("/vocabulary/labels-in-japanese", test_labels_in_japanese);
  return g_test_run ();
}
