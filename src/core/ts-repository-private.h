/* ts-repository-private.h: shared between the repository's files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

/* Columns of member, in the order read_member() expects; a query that
 * selects them from "m" may add the listing columns after them. */
#define TS_MEMBER_COLUMNS \
  "m.id, m.uuid, m.family_name, m.given_name, m.family_reading, " \
  "m.given_reading, m.organization, m.profession, m.job_title, m.email, " \
  "m.phone, m.introduction, m.wish, m.referred_by, m.home_chapter_id, " \
  "m.consent, m.notes, m.created_at, m.updated_at, m.search_key, m.sort_key"
#define TS_MEMBER_N_COLUMNS 21

/* What a listing adds after the member's own columns: home chapter,
 * referrer, last presence and times present. The presence figures are
 * correlated subqueries over a covering index, so a search that keeps a
 * few members computes them for those few only. */
#define TS_MEMBER_LISTING_COLUMNS \
  "SELECT " TS_MEMBER_COLUMNS ", coalesce(c.name, '')," \
  "  coalesce(r.family_name || ' ' || r.given_name, '')," \
  "  coalesce((SELECT max(e.starts_at) FROM attendance a JOIN event e ON e.id = a.event_id" \
  "    WHERE a.member_id = m.id AND " TS_PRESENT_SQL " AND e.deleted_at IS NULL), '')," \
  "  (SELECT count(*) FROM attendance a JOIN event e ON e.id = a.event_id" \
  "    WHERE a.member_id = m.id AND " TS_PRESENT_SQL " AND e.deleted_at IS NULL)"
#define TS_MEMBER_LISTING_REFERENCES \
  " LEFT JOIN chapter c ON c.id = m.home_chapter_id AND c.deleted_at IS NULL" \
  " LEFT JOIN member r ON r.id = m.referred_by AND r.deleted_at IS NULL"
#define TS_MEMBER_LISTING_JOINS " FROM member m" TS_MEMBER_LISTING_REFERENCES

/* Conditions on member "m" for a search, bound by
 * ts_repository_bind_search(): through the trigram index when
 * ts_repository_search_uses_index(), else by reading every key. */
#define TS_MEMBER_INDEXED_SEARCH_SQL \
  " AND m.id IN (SELECT rowid FROM member_search WHERE member_search MATCH ?2)" \
  " AND instr(m.search_key, ?1) > 0"
#define TS_MEMBER_SCANNED_SEARCH_SQL " AND instr(m.search_key, ?1) > 0"

#define TS_EVENT_COLUMNS \
  "e.id, e.uuid, e.chapter_id, e.title, e.starts_at, e.ends_at, e.venue, " \
  "e.address, e.fee, e.capacity, e.status, e.notes, e.receipt_note"
#define TS_EVENT_N_COLUMNS 13

/* Present means attended or walked in, at an event not cancelled. */
#define TS_PRESENT_SQL "a.status IN (" TS_SQL_ATTENDED ", " TS_SQL_WALK_IN ")"

TsMember *ts_repository_read_member (sqlite3_stmt *stmt,
                                     int           first);
/* A row of TS_MEMBER_LISTING_COLUMNS. */
gpointer  ts_repository_read_member_listing (sqlite3_stmt *stmt);
gboolean  ts_repository_search_uses_index   (const char   *query);
void      ts_repository_bind_search         (sqlite3_stmt *stmt,
                                             const char   *query);
TsEvent  *ts_repository_read_event  (sqlite3_stmt *stmt,
                                     int           first);
sqlite3_stmt *ts_repository_prepare (TsRepository *self,
                                     const char   *sql,
                                     GError      **error);
/* Reads every row of @stmt with @read into a list of @type. */
typedef gpointer (*TsRowReader) (sqlite3_stmt *stmt);
GListModel *ts_repository_collect   (TsRepository *self,
                                     sqlite3_stmt *stmt,
                                     GType         type,
                                     TsRowReader   read,
                                     GError      **error);
gboolean  ts_repository_collect_rows (TsRepository *self,
                                      sqlite3_stmt *stmt,
                                      TsRowReader   read,
                                      GPtrArray    *rows,
                                      GError      **error);
GPtrArray *ts_repository_read_rows  (TsRepository *self,
                                     sqlite3_stmt *stmt,
                                     int           index,
                                     GArray       *ids,
                                     TsRowReader   read,
                                     GError      **error);
gboolean  ts_repository_step_done   (TsRepository *self,
                                     sqlite3_stmt *stmt,
                                     GError      **error);
/* TS_DATABASE_ERROR_NOT_FOUND for the chapter, event or member @id. */
void      ts_repository_set_not_found (GError    **error,
                                     const char   *table,
                                     gint64        id);

/* What ts_repository_update_record() needs to know of a table. */
typedef struct {
  const char          *table;    /* as in "changed" */
  const char * const  *stored;   /* properties the row stores, "uuid" among them */
  gpointer           (*get)      (TsRepository *self, gint64 id, GError **error);
  gboolean           (*write)    (TsRepository *self, gpointer record, GError **error);
} TsRecordTable;

gboolean  ts_repository_update_record (TsRepository        *self,
                                       const TsRecordTable *table,
                                       gpointer             loaded,
                                       gpointer             edited,
                                       GError             **error);

/* Live models by kind and id, weak: see ts-repository-live.c. */
GHashTable *ts_repository_get_live_models   (TsRepository *self);
/* Rows for the live models, in no particular order; NULL @ids: all. */
GPtrArray  *ts_repository_read_chapter_rows (TsRepository *self,
                                             GArray       *ids,
                                             GError      **error);
GPtrArray  *ts_repository_read_event_rows   (TsRepository *self,
                                             gint64        chapter_id,
                                             GArray       *ids,
                                             GError      **error);
TsAttendance *ts_repository_get_attendance (TsRepository *self,
                                            gint64        event_id,
                                            gint64        member_id,
                                            GError      **error);
GPtrArray  *ts_repository_read_attendance_rows (TsRepository *self,
                                             gint64        event_id,
                                             GArray       *member_ids,
                                             GError      **error);
int         ts_repository_compare_chapters  (gconstpointer a,
                                             gconstpointer b,
                                             gpointer      user_data);
int         ts_repository_compare_events    (gconstpointer a,
                                             gconstpointer b,
                                             gpointer      user_data);
int         ts_repository_compare_attendance (gconstpointer a,
                                             gconstpointer b,
                                             gpointer      user_data);

G_END_DECLS
