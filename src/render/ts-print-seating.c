/* ts-print-seating.c: the table plan (席次表) and table cards (テーブル札)
 * as print jobs.
 *
 * The people and what each allowed come from ts_print_job_load(), as for
 * the roster (consent is applied there, once); this adds each person's
 * table, from a plan just made or from the one stored with the event, and
 * puts the entries in table order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-print-job.h"

gboolean
ts_print_kind_is_seating (TsPrintKind kind)
{
  return kind == TS_PRINT_TABLE_PLAN || kind == TS_PRINT_TABLE_CARDS;
}

/* By table, not seated last; in a table, by the person's number. */
static int
compare_seats (gconstpointer a,
               gconstpointer b)
{
  const TsPrintEntry *x = *(TsPrintEntry * const *) a, *y = *(TsPrintEntry * const *) b;
  guint tx = x->table ? x->table : G_MAXUINT, ty = y->table ? y->table : G_MAXUINT;

  if (tx != ty)
    return tx < ty ? -1 : 1;
  return (int) x->number - (int) y->number;
}

static void
seat_entries (TsPrintJob           *job,
              const TsPrintSeating *seating)
{
  g_autoptr(GHashTable) tables = g_hash_table_new (g_int64_hash, g_int64_equal);

  job->n_tables = seating->n_tables;
  for (guint i = 0; i < seating->n_people; i++)
    if (seating->tables[i] >= 1 && seating->tables[i] <= seating->n_tables)
      g_hash_table_insert (tables, (gpointer) &seating->member_ids[i],
                           GUINT_TO_POINTER (seating->tables[i]));
  for (guint i = 0; i < job->entries->len; i++)
    {
      TsPrintEntry *entry = g_ptr_array_index (job->entries, i);

      entry->table = GPOINTER_TO_UINT (g_hash_table_lookup (tables, &entry->member_id));
    }
  g_ptr_array_sort (job->entries, compare_seats);
  /* Everyone counted is on the plan, by name at least. */
  job->n_unlisted = 0;
}

/* The plan stored with the event, as TsPrintSeating. */
static gboolean
seat_as_stored (TsPrintJob    *job,
                TsRepository  *repository,
                gint64         event_id,
                GError       **error)
{
  g_autoptr(GArray) seats = NULL;
  g_autofree gint64 *ids = NULL;
  g_autofree guint *tables = NULL;
  TsPrintSeating seating = { 0 };
  guint seats_per_table;

  if (!ts_repository_get_seating_size (repository, event_id, &seating.n_tables,
                                       &seats_per_table, error) ||
      (seats = ts_repository_read_seating (repository, event_id, error)) == NULL)
    return FALSE;
  ids = g_new0 (gint64, MAX (seats->len, 1));
  tables = g_new0 (guint, MAX (seats->len, 1));
  for (guint i = 0; i < seats->len; i++)
    {
      const TsSeat *seat = &g_array_index (seats, TsSeat, i);

      ids[i] = seat->member_id;
      tables[i] = seat->table;
      seating.n_tables = MAX (seating.n_tables, seat->table);
    }
  seating.n_people = seats->len;
  seating.member_ids = ids;
  seating.tables = tables;
  seat_entries (job, &seating);
  return TRUE;
}

/* Nobody at any table: a plan of empty boxes, or cards with no names,
 * would print a page that looks like a fault. */
static gboolean
anyone_seated (const TsPrintJob *job)
{
  for (guint i = 0; i < job->entries->len; i++)
    if (((TsPrintEntry *) g_ptr_array_index (job->entries, i))->table != 0)
      return TRUE;
  return FALSE;
}

/* A table plan or table cards for @seating, or for the plan stored with
 * the event when @seating is NULL: TS_PRINT_ERROR_EMPTY when the event
 * has none yet, which the print dialog shows instead of a preview. */
TsPrintJob *
ts_print_job_load_seating (TsRepository         *repository,
                           gint64                event_id,
                           const TsPrintOptions *options,
                           const TsPrintSeating *seating,
                           GError              **error)
{
  g_autoptr(TsPrintJob) job = NULL;

  g_return_val_if_fail (ts_print_kind_is_seating (options->kind), NULL);

  if ((job = ts_print_job_load (repository, event_id, options, error)) == NULL)
    return NULL;
  if (seating != NULL)
    seat_entries (job, seating);
  else if (!seat_as_stored (job, repository, event_id, error))
    return NULL;
  else if (!anyone_seated (job))
    {
      g_set_error_literal (error, TS_PRINT_ERROR, TS_PRINT_ERROR_EMPTY,
                           _("No tables have been planned for this event yet. Plan them on the event page first."));
      return NULL;
    }
  return g_steal_pointer (&job);
}
