/* ts-repository-members.c: members: listings, search, duplicates, saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-repository"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-record.h"
#include "ts-repository-private.h"
#include "ts-text.h"

TsMember *
ts_repository_read_member (sqlite3_stmt *stmt,
                           int           first)
{
  TsMember *member = ts_member_new ();
  char **texts[] = { &member->uuid, &member->family_name, &member->given_name,
                     &member->family_reading, &member->given_reading,
                     &member->organization, &member->profession,
                     &member->job_title, &member->email, &member->phone,
                     &member->introduction, &member->wish };
  char **tail[] = { NULL, &member->notes, &member->created_at,
                    &member->updated_at, &member->search_key };

  member->id = sqlite3_column_int64 (stmt, first);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (*texts[i]);
      *texts[i] = ts_column_text (stmt, first + 1 + i);
    }
  member->referred_by = sqlite3_column_int64 (stmt, first + 13);
  member->home_chapter_id = sqlite3_column_int64 (stmt, first + 14);
  member->consent = ts_column_enum (stmt, first + 15, TS_TYPE_CONSENT);
  for (guint i = 1; i < G_N_ELEMENTS (tail); i++)
    {
      g_free (*tail[i]);
      *tail[i] = ts_column_text (stmt, first + 15 + i);
    }
  member->sort_key = g_bytes_new (sqlite3_column_blob (stmt, first + 20),
                                  sqlite3_column_bytes (stmt, first + 20));
  return member;
}

#define MEMBER_LISTING_SQL \
  TS_MEMBER_LISTING_COLUMNS TS_MEMBER_LISTING_JOINS " WHERE m.deleted_at IS NULL"

/* Every member at once: one grouped pass over attendance beats 50,000
 * correlated lookups. */
#define MEMBER_LISTING_ALL_SQL \
  "SELECT " TS_MEMBER_COLUMNS ", coalesce(c.name, '')," \
  "  coalesce(r.family_name || ' ' || r.given_name, ''), coalesce(s.last, '')," \
  "  coalesce(s.times, 0)" \
  TS_MEMBER_LISTING_JOINS \
  " LEFT JOIN (SELECT a.member_id, count(*) AS times, max(e.starts_at) AS last" \
  "   FROM attendance a JOIN event e ON e.id = a.event_id" \
  "   WHERE e.deleted_at IS NULL AND " TS_PRESENT_SQL \
  "   GROUP BY a.member_id) s ON s.member_id = m.id" \
  " WHERE m.deleted_at IS NULL ORDER BY m.sort_key, m.id"

gpointer
ts_repository_read_member_listing (sqlite3_stmt *stmt)
{
  TsMember *member = ts_repository_read_member (stmt, 0);
  int first = TS_MEMBER_N_COLUMNS;

  g_free (member->home_chapter_name);
  member->home_chapter_name = ts_column_text (stmt, first);
  g_free (member->referrer_name);
  member->referrer_name = g_strstrip (ts_column_text (stmt, first + 1));
  g_free (member->last_attended);
  member->last_attended = ts_column_text (stmt, first + 2);
  member->times_attended = sqlite3_column_int64 (stmt, first + 3);
  return member;
}

static GListModel *
collect_members (TsRepository  *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  return ts_repository_collect (self, stmt, TS_TYPE_MEMBER, ts_repository_read_member_listing, error);
}

GListModel *
ts_repository_list_members (TsRepository  *self,
                            const char    *search,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *query = ts_text_search_key (search);

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  if (*query == '\0')
    stmt = ts_repository_prepare (self, MEMBER_LISTING_ALL_SQL, error);
  else if (ts_repository_search_uses_index (query))
    stmt = ts_repository_prepare (self,
      MEMBER_LISTING_SQL TS_MEMBER_INDEXED_SEARCH_SQL " ORDER BY m.sort_key, m.id", error);
  else
    stmt = ts_repository_prepare (self,
      MEMBER_LISTING_SQL TS_MEMBER_SCANNED_SEARCH_SQL " ORDER BY m.sort_key, m.id", error);
  if (stmt == NULL)
    return NULL;
  if (*query != '\0')
    ts_repository_bind_search (stmt, query);
  return collect_members (self, stmt, error);
}

/* The people of a chapter: everyone present at one of its events, the
 * most recently seen first. */
GListModel *
ts_repository_list_chapter_members (TsRepository  *self,
                                    gint64         chapter_id,
                                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    "SELECT " TS_MEMBER_COLUMNS ", coalesce(c.name, ''), '', p.last, p.times"
    " FROM member m"
    " JOIN (SELECT a.member_id, count(*) AS times, max(e.starts_at) AS last"
    "   FROM attendance a JOIN event e ON e.id = a.event_id"
    "   WHERE e.chapter_id = ?1 AND e.deleted_at IS NULL AND " TS_PRESENT_SQL
    "   GROUP BY a.member_id) p ON p.member_id = m.id"
    " LEFT JOIN chapter c ON c.id = m.home_chapter_id"
    " WHERE m.deleted_at IS NULL ORDER BY p.last DESC, m.sort_key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, chapter_id);
  return collect_members (self, stmt, error);
}

GListModel *
ts_repository_list_referred (TsRepository  *self,
                             gint64         member_id,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    MEMBER_LISTING_SQL " AND m.referred_by = ?1 ORDER BY m.sort_key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, member_id);
  return collect_members (self, stmt, error);
}

/* A trigram index finds only what is three characters or longer. */
gboolean
ts_repository_search_uses_index (const char *query)
{
  return g_utf8_strlen (query, -1) >= 3;
}

/* ?1 the search key (checked against the key itself: the index folds
 * letters its own way), ?2 the same as one FTS5 phrase. */
void
ts_repository_bind_search (sqlite3_stmt *stmt,
                           const char   *query)
{
  g_autoptr(GString) phrase = g_string_new ("\"");

  for (const char *p = query; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (phrase, '"');
      g_string_append_c (phrase, *p);
    }
  g_string_append_c (phrase, '"');
  ts_bind_text (stmt, 1, query);
  ts_bind_text (stmt, 2, phrase->str);
}

/* The keys duplicates are found by: the whole name and the whole reading,
 * folded like search keys, so ヤマダ タロウ finds やまだ たろう. */
static char *
name_key (const char *family,
          const char *given)
{
  g_autofree char *joined = g_strconcat (family ? family : "", given ? given : "", NULL);
  return ts_text_search_key (joined);
}

/* Who @candidate may already be: the same email, the same reading, or the
 * same name and organization. Used for walk-ins and imports; indexed, so
 * it answers at once on 50,000 members. */
GListModel *
ts_repository_find_similar_members (TsRepository  *self,
                                    TsMember      *candidate,
                                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *reading_key = name_key (candidate->family_reading,
                                           candidate->given_reading);
  g_autofree char *full_name_key = name_key (candidate->family_name, candidate->given_name);
  g_autofree char *organization_key = ts_text_search_key (candidate->organization);

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    MEMBER_LISTING_SQL " AND m.id IS NOT ?5 AND m.id IN ("
    "   SELECT id FROM member WHERE ?1 <> '' AND email <> '' AND email = ?1 COLLATE NOCASE"
    "   UNION SELECT id FROM member WHERE ?2 <> '' AND reading_key = ?2"
    "   UNION SELECT id FROM member WHERE name_key = ?3"
    "     AND (?4 = '' OR ts_search_key(organization) = ?4))"
    " ORDER BY m.sort_key", error);
  if (stmt == NULL)
    return NULL;
  ts_bind_text (stmt, 1, candidate->email);
  ts_bind_text (stmt, 2, reading_key);
  ts_bind_text (stmt, 3, full_name_key);
  ts_bind_text (stmt, 4, organization_key);
  ts_bind_id (stmt, 5, candidate->id);
  return collect_members (self, stmt, error);
}

TsMember *
ts_repository_get_member (TsRepository  *self,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self, MEMBER_LISTING_SQL " AND m.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_repository_set_not_found (error, "member", id);
      return NULL;
    }
  return ts_repository_read_member_listing (stmt);
}

static void
bind_member (sqlite3_stmt *stmt,
             TsMember     *member,
             const char   *now)
{
  const char *texts[] = { member->family_name, member->given_name,
                          member->family_reading, member->given_reading,
                          member->organization, member->profession,
                          member->job_title, member->email, member->phone,
                          member->introduction, member->wish };

  ts_bind_id (stmt, 1, member->id);
  ts_bind_text (stmt, 2, member->uuid);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    ts_bind_text (stmt, 3 + i, texts[i]);
  ts_bind_id (stmt, 14, member->referred_by);
  ts_bind_id (stmt, 15, member->home_chapter_id);
  ts_bind_enum (stmt, 16, TS_TYPE_CONSENT, member->consent);
  ts_bind_text (stmt, 17, member->notes);
  ts_bind_text (stmt, 18, member->search_key);
  sqlite3_bind_blob (stmt, 19, g_bytes_get_data (member->sort_key, NULL),
                     g_bytes_get_size (member->sort_key), SQLITE_TRANSIENT);
  ts_bind_text (stmt, 20, now);
  ts_bind_text_take (stmt, 21, name_key (member->family_name, member->given_name));
  ts_bind_text_take (stmt, 22, name_key (member->family_reading, member->given_reading));
}

/* The member's search key into the trigram index (see ts-schema.c),
 * replacing what the index held under its id. */
static gboolean
index_member (TsRepository  *self,
              TsMember      *member,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) remove = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  remove = ts_repository_prepare (self, "DELETE FROM member_search WHERE rowid = ?1", error);
  if (remove == NULL)
    return FALSE;
  sqlite3_bind_int64 (remove, 1, member->id);
  if (!ts_repository_step_done (self, remove, error))
    return FALSE;
  insert = ts_repository_prepare (self,
    "INSERT INTO member_search (rowid, search_key) VALUES (?1, ?2)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, member->id);
  ts_bind_text (insert, 2, member->search_key);
  return ts_repository_step_done (self, insert, error);
}

static gboolean
store_member (TsRepository  *self,
              TsMember      *member,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = ts_now_iso8601 ();

  if (*member->uuid == '\0')
    {
      g_free (member->uuid);
      member->uuid = g_uuid_string_random ();
    }
  ts_record_clean (member);
  ts_member_update_keys (member);

  stmt = ts_repository_prepare (self,
    "INSERT INTO member (id, uuid, family_name, given_name, family_reading,"
    "  given_reading, organization, profession, job_title, email, phone,"
    "  introduction, wish, referred_by, home_chapter_id, consent, notes,"
    "  search_key, sort_key, created_at, updated_at, name_key, reading_key)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
    "  ?16, ?17, ?18, ?19, ?20, ?20, ?21, ?22)"
    " ON CONFLICT (id) DO UPDATE SET family_name = ?3, given_name = ?4,"
    "  family_reading = ?5, given_reading = ?6, organization = ?7,"
    "  profession = ?8, job_title = ?9, email = ?10, phone = ?11,"
    "  introduction = ?12, wish = ?13, referred_by = ?14,"
    "  home_chapter_id = ?15, consent = ?16, notes = ?17, search_key = ?18,"
    "  sort_key = ?19, updated_at = ?20, name_key = ?21, reading_key = ?22"
    " RETURNING id, created_at", error);
  if (stmt == NULL)
    return FALSE;
  bind_member (stmt, member, now);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_database_set_error (ts_repository_get_database (self), error);
      return FALSE;
    }
  member->id = sqlite3_column_int64 (stmt, 0);
  g_free (member->created_at);
  member->created_at = ts_column_text (stmt, 1);
  g_free (member->updated_at);
  member->updated_at = g_strdup (now);
  return TRUE;
}

/* The row and its search index entry together, or neither. */
static gboolean
write_member (TsRepository  *self,
              gpointer       record,
              GError       **error)
{
  TsDatabase *database = ts_repository_get_database (self);

  if (!ts_database_begin (database, error))
    return FALSE;
  if (!store_member (self, record, error) || !index_member (self, record, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  return ts_database_commit (database, error);
}

gboolean
ts_repository_save_member (TsRepository  *self,
                           TsMember      *member,
                           GError       **error)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (TS_IS_MEMBER (member), FALSE);

  if (!write_member (self, member, error))
    return FALSE;
  ts_repository_emit_rows_changed (self, "member", &member->id, 1);
  return TRUE;
}

static gpointer
get_member (TsRepository  *self,
            gint64         id,
            GError       **error)
{
  return ts_repository_get_member (self, id, error);
}

/* Saves what a person changed in @edited since @loaded was read, and
 * refuses when another program changed or replaced the member meanwhile
 * (see ts_repository_update_record()). */
gboolean
ts_repository_update_member (TsRepository  *self,
                             TsMember      *loaded,
                             TsMember      *edited,
                             GError       **error)
{
  static const char * const stored[] = {
    "uuid", "family-name", "given-name", "family-reading", "given-reading",
    "organization", "profession", "job-title", "email", "phone",
    "introduction", "wish", "referred-by", "home-chapter-id", "consent",
    "notes", "created-at", "updated-at", NULL
  };
  static const TsRecordTable table = { "member", stored, get_member, write_member };

  g_return_val_if_fail (TS_IS_REPOSITORY (self), FALSE);
  g_return_val_if_fail (TS_IS_MEMBER (loaded) && TS_IS_MEMBER (edited), FALSE);

  return ts_repository_update_record (self, &table, loaded, edited, error);
}
