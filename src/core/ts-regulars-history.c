/* ts-regulars-history.c: one member's months across the chapters.
 *
 * For a member's page: a strip of months from their first meeting to the
 * month analysed, marked present, walk-in or absent at whichever chapter,
 * and their times, rate and streaks at each chapter, by the same rules as
 * the Regulars page (one query, see ts_regulars_source_load_member()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-regulars"

#include "config.h"

#include "ts-regulars-history.h"

static int
compare_chapters (gconstpointer a,
                  gconstpointer b)
{
  const TsRegularsChapterStats *x = a, *y = b;

  if (x->stats.times_present != y->stats.times_present)
    return (int) y->stats.times_present - (int) x->stats.times_present;
  return (x->chapter_id > y->chapter_id) - (x->chapter_id < y->chapter_id);
}

/* Lays one chapter's row of the member onto the strip: the strongest mark
 * of a month wins, as in the grid. */
static void
merge_cells (TsRegularsHistory *self,
             const TsRegulars  *result)
{
  for (guint mo = 0; mo < result->n_months; mo++)
    {
      int index = result->months[mo].month - self->first_month;
      TsRegularsCell cell = ts_regulars_cell (result, 0, mo);

      if (index >= 0 && (guint) index < self->n_months)
        self->cells[index] = MAX (self->cells[index], cell);
    }
}

TsRegularsHistory *
ts_regulars_history_compute (TsRepository             *repository,
                             gint64                    member_id,
                             const TsRegularsOptions  *options,
                             GError                  **error)
{
  g_autoptr(TsRegularsHistory) self = g_new0 (TsRegularsHistory, 1);
  g_autoptr(GArray) chapter_ids = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) ts_regulars_free);
  g_autoptr(GArray) stats = g_array_new (FALSE, FALSE, sizeof (TsRegularsChapterStats));
  int first = G_MAXINT, last = G_MININT;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  self->member_id = member_id;
  self->source = ts_regulars_source_load_member (repository, member_id, error);
  if (self->source == NULL)
    return NULL;
  chapter_ids = ts_regulars_source_chapters (self->source);
  for (guint c = 0; c < chapter_ids->len; c++)
    {
      TsRegulars *result = ts_regulars_analyse (self->source,
                                                g_array_index (chapter_ids, gint64, c), options);
      TsRegularsChapterStats entry = { result->chapter_id };

      g_ptr_array_add (results, result);
      if (result->n_members == 0)
        continue;
      entry.stats = result->members[0];
      if (entry.stats.first_event >= 0)
        {
          first = MIN (first, result->events[entry.stats.first_event].month);
          g_strlcpy (entry.first_presence, result->events[entry.stats.first_event].starts_at,
                     sizeof entry.first_presence);
          g_strlcpy (entry.last_presence, result->events[entry.stats.last_event].starts_at,
                     sizeof entry.last_presence);
        }
      g_array_append_val (stats, entry);
      for (guint mo = 0; mo < result->n_months; mo++)
        if (ts_regulars_cell (result, 0, mo) != TS_REGULARS_CELL_NONE)
          {
            first = MIN (first, result->months[mo].month);
            last = MAX (last, result->months[mo].month);
          }
      if (result->n_months > 0)
        last = MAX (last, result->months[result->n_months - 1].month);
    }
  g_array_sort (stats, compare_chapters);
  self->n_chapters = stats->len;
  self->chapters = (TsRegularsChapterStats *) g_array_free (g_steal_pointer (&stats), FALSE);

  if (first <= last)
    {
      self->first_month = first;
      self->n_months = last - first + 1;
      self->cells = g_new0 (guint8, self->n_months);
      for (guint i = 0; i < results->len; i++)
        merge_cells (self, g_ptr_array_index (results, i));
    }
  return g_steal_pointer (&self);
}

void
ts_regulars_history_free (TsRegularsHistory *self)
{
  if (self == NULL)
    return;
  g_free (self->cells);
  g_free (self->chapters);
  ts_regulars_source_free (self->source);
  g_free (self);
}
