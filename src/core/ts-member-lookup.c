/* ts-member-lookup.c: quick member look-ups for pickers.
 *
 * ts_repository_list_members() adds each member's attendance counts,
 * which means aggregating every attendance row; a picker (who referred
 * this walk-in?) needs a handful of names per keystroke instead. Walking
 * the sort-key index and stopping at @limit matches keeps that fast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-repository"

#include "config.h"

#include "ts-member-lookup.h"
#include "ts-repository-private.h"
#include "ts-text.h"

GListModel *
ts_repository_lookup_members (TsRepository  *self,
                              const char    *search,
                              guint          limit,
                              GError       **error)
{
  g_autoptr(GListStore) store = g_list_store_new (TS_TYPE_MEMBER);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *query = ts_text_search_key (search);
  int rc;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    "SELECT " TS_MEMBER_COLUMNS " FROM member m"
    " WHERE m.deleted_at IS NULL AND instr(m.search_key, ?1) > 0"
    " ORDER BY m.sort_key, m.id LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  ts_bind_text (stmt, 1, query);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(TsMember) member = ts_repository_read_member (stmt, 0);

      g_list_store_append (store, member);
    }
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (ts_repository_get_database (self), error);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
