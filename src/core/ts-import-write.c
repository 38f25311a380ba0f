/* ts-import-write.c: writing a previewed import, in one transaction.
 *
 * The preview may be minutes old, and another process (tsudoi-cli, a
 * second window, a restore) may have written since. So, once the write
 * lock is held, who each row is gets decided again against the members
 * as they are then; the organizer's own choices in the preview are kept,
 * and an update goes to the member found now, never to a row id seen
 * earlier. Then every row is written as decided: new members inserted,
 * known ones merged (a cell that is empty never erases what is known),
 * referrers named in the file linked once everyone is in, and for an
 * event everyone the file names registered. Any error, or a cancel,
 * rolls it all back and leaves the preview as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-import-private.h"
#include "ts-repository-private.h"
#include "ts-text.h"

static void
merge_into (TsImportRow *row,
            TsMember    *target)
{
  const TsImportField *fields = ts_import_text_fields;

  for (guint i = 0; i < TS_IMPORT_N_TEXT_FIELDS; i++)
    {
      const char *value = *ts_import_member_text (row->member, fields[i]);

      if (*value != '\0' && !ts_import_same_value (fields[i], value, *ts_import_member_text (target, fields[i])))
        ts_import_take_text (ts_import_member_text (target, fields[i]), g_strdup (value));
    }
  if (row->consent_given)
    target->consent = row->member->consent;
  if (row->member->home_chapter_id != 0)
    target->home_chapter_id = row->member->home_chapter_id;
  if (row->referrer_id != 0)
    target->referred_by = row->referrer_id;
}

/* What saving needs of a member, copied: a failed transaction must leave
 * the preview as it was, ready to try again. */
static TsMember *
copy_member (TsMember *member)
{
  TsMember *copy = ts_member_new ();
  const TsImportField *fields = ts_import_text_fields;

  for (guint i = 0; i < TS_IMPORT_N_TEXT_FIELDS; i++)
    ts_import_take_text (ts_import_member_text (copy, fields[i]), g_strdup (*ts_import_member_text (member, fields[i])));
  ts_import_take_text (&copy->uuid, g_strdup (member->uuid));
  copy->consent = member->consent;
  copy->id = member->id;
  copy->referred_by = member->referred_by;
  copy->home_chapter_id = member->home_chapter_id;
  return copy;
}

/* Sets *id to the member the row stands for, 0 for none. A new member
 * with no home chapter in the file gets @home_chapter_id (the chapter of
 * the event they register for, or 0). */
static gboolean
write_row (TsRepository  *repository,
           TsImportRow   *row,
           gint64         home_chapter_id,
           gint64        *id,
           GError       **error)
{
  g_autoptr(TsMember) member = NULL;

  *id = 0;
  switch (row->action)
    {
    case TS_IMPORT_ACTION_NEW:
      member = copy_member (row->member);
      member->id = 0;
      g_free (member->uuid);
      member->uuid = g_strdup ("");
      member->referred_by = row->referrer_id;
      if (member->home_chapter_id == 0)
        member->home_chapter_id = home_chapter_id;
      break;
    case TS_IMPORT_ACTION_UPDATE:
      member = copy_member (row->existing);
      merge_into (row, member);
      break;
    case TS_IMPORT_ACTION_SKIP:
      /* A skipped namesake is not registered in the member's place. */
      if (row->same_as_line == 0 && row->existing != NULL && !row->doubt)
        *id = row->existing->id;
      return TRUE;
    case TS_IMPORT_ACTION_ERROR:
    default:
      return TRUE;
    }
  if (!ts_repository_save_member (repository, member, error))
    {
      g_prefix_error (error, _("Line %u: "), row->line);
      return FALSE;
    }
  *id = member->id;
  return TRUE;
}

/* Referrers named in the file who are new in it get their id once every
 * row is written. */
static gboolean
link_new_referrers (GArray        *plan,
                    TsDatabase    *database,
                    GArray        *ids,
                    GError       **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      TsImportRow *row = &g_array_index (plan, TsImportRow, i);
      gint64 id = g_array_index (ids, gint64, i);

      if (row->action == TS_IMPORT_ACTION_NEW && id != 0)
        {
          g_autofree char *family = ts_text_search_key (row->member->family_name);
          g_autofree char *given = ts_text_search_key (row->member->given_name);

          g_hash_table_insert (names, g_strconcat (family, given, NULL),
                               &g_array_index (ids, gint64, i));
        }
    }
  for (guint i = 0; i < plan->len; i++)
    {
      TsImportRow *row = &g_array_index (plan, TsImportRow, i);
      gint64 id = g_array_index (ids, gint64, i);
      g_autofree char *key = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 *referrer;

      if (id == 0 || row->referrer_id != 0 || row->referrer == NULL ||
          *row->referrer == '\0' ||
          (row->action != TS_IMPORT_ACTION_NEW && row->action != TS_IMPORT_ACTION_UPDATE))
        continue;
      key = ts_text_search_key (row->referrer);
      referrer = g_hash_table_lookup (names, key);
      if (referrer == NULL || *referrer == id)
        continue;
      stmt = ts_database_prepare (database,
                                  "UPDATE member SET referred_by = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, *referrer);
      if (!ts_database_step_done (database, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Registered unless already on the event's list in any status: an
 * import never turns someone who attended back into a registration. */
static gboolean
register_member (TsDatabase  *database,
                 gint64       event_id,
                 gint64       member_id,
                 const char  *now,
                 guint       *registered,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();

  stmt = ts_database_prepare (database,
    "INSERT INTO attendance (uuid, event_id, member_id, status, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, " TS_SQL_REGISTERED ", ?4, ?4)"
    " ON CONFLICT (event_id, member_id) DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  ts_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, event_id);
  sqlite3_bind_int64 (stmt, 3, member_id);
  ts_bind_text (stmt, 4, now);
  if (!ts_database_step_done (database, stmt, error))
    return FALSE;
  *registered += sqlite3_changes (ts_database_get_handle (database));
  return TRUE;
}

/* Sets *chapter_id to the event's chapter. */
static gboolean
check_event (TsDatabase  *database,
             gint64       event_id,
             gint64      *chapter_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = ts_database_prepare (database,
    "SELECT chapter_id FROM event WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_repository_set_not_found (error, "event", event_id);
      return FALSE;
    }
  *chapter_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The organizer's choices over the decision made now: "for all of them"
 * for everyone known now, then each row's own choice. An update chosen for
 * someone no longer there imports the row's person as new. */
static void
apply_choices (TsImport    *self,
               TsImportRow *row)
{
  if (self->duplicates != TS_IMPORT_N_ACTIONS &&
      ts_import_duplicates_apply (row, self->duplicates))
    row->action = self->duplicates;
  if (row->chosen == TS_IMPORT_N_ACTIONS)
    return;
  if (ts_import_action_allowed (row, row->chosen))
    row->action = row->chosen;
  else if (row->chosen == TS_IMPORT_ACTION_UPDATE)
    row->action = TS_IMPORT_ACTION_NEW;
}

/* The rows decided again, in the transaction, against the members of the
 * database as they are now. The preview's rows stay as they were, so that
 * a failed or cancelled write leaves it ready to try again. */
static GArray *
plan_rows (TsImport      *self,
           TsDatabase    *database,
           GError       **error)
{
  g_autoptr(TsImportMatcher) matcher = ts_import_matcher_new ();
  g_autoptr(GArray) plan = g_array_sized_new (FALSE, TRUE, sizeof (TsImportRow),
                                              self->rows->len);

  g_array_set_clear_func (plan, (GDestroyNotify) ts_import_row_clear);
  if (!ts_import_matcher_load (matcher, database, error))
    return NULL;
  for (guint i = 0; i < self->rows->len; i++)
    {
      TsImportRow *row = ts_import_get_row (self, i);
      TsImportRow copy = {
        .line = row->line,
        .member = g_object_ref (row->member),
        .same_as_line = row->same_as_line,
        .same_as_index = row->same_as_index,
        .consent_given = row->consent_given,
        .action = row->action,
        .chosen = row->chosen,
        .warnings = row->warnings,
        .referrer = g_strdup (row->referrer),
      };

      g_array_append_val (plan, copy);
      if (row->action == TS_IMPORT_ACTION_ERROR)
        continue;
      ts_import_matcher_decide_again (matcher, self->matcher, plan, i);
      apply_choices (self, &g_array_index (plan, TsImportRow, i));
    }
  return g_steal_pointer (&plan);
}

static gboolean
write_all (GArray            *plan,
           TsDatabase        *database,
           gint64             event_id,
           gint64             chapter_id,
           GCancellable      *cancellable,
           TsImportProgress   progress,
           gpointer           user_data,
           TsImportResult    *result,
           GError           **error)
{
  g_autoptr(TsRepository) repository = ts_repository_new (database);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), plan->len);
  g_autofree char *now = ts_now_iso8601 ();

  g_array_set_size (ids, plan->len);
  for (guint i = 0; i < plan->len; i++)
    {
      TsImportRow *row = &g_array_index (plan, TsImportRow, i);

      if (!write_row (repository, row, chapter_id, &g_array_index (ids, gint64, i), error))
        return FALSE;
      if (row->action == TS_IMPORT_ACTION_SKIP && row->same_as_line != 0)
        g_array_index (ids, gint64, i) = g_array_index (ids, gint64, row->same_as_index);
      if ((i & 255) == 255)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (i + 1, plan->len, user_data);
        }
    }
  if (!link_new_referrers (plan, database, ids, error))
    return FALSE;
  for (guint i = 0; event_id > 0 && i < plan->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (id != 0 && !register_member (database, event_id, id, now, &result->registered, error))
        return FALSE;
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
count_written (GArray         *plan,
               TsImportResult *result)
{
  for (guint i = 0; i < plan->len; i++)
    {
      TsImportRow *row = &g_array_index (plan, TsImportRow, i);
      gboolean written = row->action == TS_IMPORT_ACTION_NEW ||
                         row->action == TS_IMPORT_ACTION_UPDATE;

      switch (row->action)
        {
        case TS_IMPORT_ACTION_NEW:    result->created++; break;
        case TS_IMPORT_ACTION_UPDATE: result->updated++; break;
        case TS_IMPORT_ACTION_SKIP:   result->skipped++; break;
        case TS_IMPORT_ACTION_ERROR:
        default:                      result->failed++; break;
        }
      result->namesakes += row->action == TS_IMPORT_ACTION_NEW && row->doubt;
      for (guint w = 0; written && w < TS_IMPORT_N_WARNINGS; w++)
        result->warned[w] += (row->warnings >> w) & 1;
    }
}

/* Decides every row again and writes it, in one transaction: on an error
 * or a cancel nothing at all is written. @event_id > 0 also registers
 * everyone the file names (new, updated or already known) for that
 * event, and new members belong to its chapter unless the file says. */
gboolean
ts_import_run (TsImport          *self,
               TsDatabase        *database,
               gint64             event_id,
               GCancellable      *cancellable,
               TsImportProgress   progress,
               gpointer           user_data,
               TsImportResult    *result,
               GError           **error)
{
  TsImportResult local_result = { 0 };
  g_autoptr(GArray) plan = NULL;
  gint64 chapter_id = 0;

  g_return_val_if_fail (TS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (TS_IS_DATABASE (database), FALSE);

  if (!self->previewed)
    {
      g_set_error_literal (error, TS_IMPORT_ERROR, TS_IMPORT_ERROR_NOT_PREVIEWED,
                           _("The import must be previewed again before it is written."));
      return FALSE;
    }
  if (result == NULL)
    result = &local_result;
  memset (result, 0, sizeof *result);

  if (!ts_database_begin (database, error))
    return FALSE;
  if ((event_id > 0 && !check_event (database, event_id, &chapter_id, error)) ||
      (plan = plan_rows (self, database, error)) == NULL ||
      !write_all (plan, database, event_id, chapter_id, cancellable, progress, user_data, result,
                  error))
    {
      ts_database_rollback (database);
      result->registered = 0;
      return FALSE;
    }
  /* A failed commit rolls back by itself. */
  if (!ts_database_commit (database, error))
    {
      result->registered = 0;
      return FALSE;
    }

  count_written (plan, result);
  if (progress != NULL)
    progress (plan->len, plan->len, user_data);
  return TRUE;
}
