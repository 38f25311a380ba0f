/* ts-print-job.c: what one printout shows, as plain data.
 *
 * Privacy is decided here, once: a field a member did not allow, or a
 * contact field outside the organizer copy, is never copied into the job,
 * so no drawing code can print it by mistake.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ts-date.h"
#include "ts-print-job.h"
#include "ts-text.h"

G_DEFINE_QUARK (ts-print-error-quark, ts_print_error)

void
ts_print_options_init (TsPrintOptions *options,
                       TsPrintKind     kind)
{
  memset (options, 0, sizeof *options);
  options->kind = kind;
  options->sort = TS_PRINT_SORT_READING;
  /* The addendum is read out for the introductions: it says what they do.
   * Both carry the marks (TS_ROSTER_ALL has them): at the reception desk
   * they tell who to welcome, introduce or greet as an old friend. */
  options->columns = kind == TS_PRINT_ADDENDUM ? TS_ROSTER_ALL
                                               : TS_ROSTER_ALL & ~TS_ROSTER_INTRODUCTION;
  options->statuses = TS_PRINT_DEFAULT_STATUSES;
  options->start_slot = 1;
  options->badge_sheet = TS_SHEET_BUSINESS_CARD_10;
}

static const char * const kind_names[] = { "roster", "cards", "badges", "addendum" };

gboolean
ts_print_kind_from_name (const char  *name,
                         TsPrintKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = (TsPrintKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ts_print_kind_title (TsPrintKind kind)
{
  switch (kind)
    {
    case TS_PRINT_ROSTER:
      return _("Participant Roster");
    case TS_PRINT_CARDS:
      return _("Introduction Cards");
    case TS_PRINT_BADGES:
      return _("Name Badges");
    case TS_PRINT_ADDENDUM:
      return _("Walk-in Addendum");
    default:
      g_return_val_if_reached ("");
    }
}

static const struct {
  const char *name;
  guint       column;
} column_names[] = {
  { "reading", TS_ROSTER_READING },
  { "organization", TS_ROSTER_ORGANIZATION },
  { "profession", TS_ROSTER_PROFESSION },
  { "referrer", TS_ROSTER_REFERRER },
  { "first-time", TS_ROSTER_FIRST_TIME },
  { "introduction", TS_ROSTER_INTRODUCTION },
  { "marks", TS_ROSTER_MARKS },
};

/* "organization,profession,introduction" or "all". */
gboolean
ts_print_columns_parse (const char  *text,
                        guint       *columns,
                        GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *columns = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      gboolean known = FALSE;

      if (*part == '\0')
        continue;
      if (g_str_equal (part, "all"))
        {
          *columns = TS_ROSTER_ALL;
          continue;
        }
      for (guint j = 0; j < G_N_ELEMENTS (column_names); j++)
        if (g_str_equal (part, column_names[j].name))
          {
            *columns |= column_names[j].column;
            known = TRUE;
          }
      if (!known)
        {
          g_set_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_NOT_FOUND,
                       /* Translators: the list of names is not translated. */
                       _("Unknown column “%s”. Use reading, organization, profession, referrer, first-time, introduction, marks or all."),
                       part);
          return FALSE;
        }
    }
  return TRUE;
}

static void
entry_free (TsPrintEntry *entry)
{
  g_free (entry->name);
  g_free (entry->reading);
  g_free (entry->organization);
  g_free (entry->profession);
  g_free (entry->referrer);
  g_free (entry->introduction);
  g_free (entry->email);
  g_free (entry->phone);
  g_free (entry->checked_in_at);
  g_free (entry);
}

void
ts_print_job_free (TsPrintJob *job)
{
  if (job == NULL)
    return;
  g_free (job->document_title);
  g_free (job->chapter);
  g_free (job->event_title);
  g_free (job->when);
  g_free (job->venue);
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_free (job);
}

static guint
status_flag (const char *status)
{
  static const char * const names[] = { "registered", "attended", "walk-in",
                                        "no-show", "cancelled" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (status, names[i]) == 0)
      return 1u << i;
  return 0;
}

/* Referrers are looked up once each: many people are brought by the same
 * few regulars. */
static char *
lookup_referrer (TsRepository *repository,
                 GHashTable   *cache,
                 gint64        member_id)
{
  const char *name = g_hash_table_lookup (cache, &member_id);
  g_autoptr(TsMember) referrer = NULL;
  gint64 *key;

  if (name != NULL)
    return g_strdup (name);
  referrer = ts_repository_get_member (repository, member_id, NULL);
  key = g_new (gint64, 1);
  *key = member_id;
  /* A referrer who did not consent is not named to others either. */
  if (referrer == NULL || g_strcmp0 (referrer->consent, TS_CONSENT_NONE) == 0)
    g_hash_table_insert (cache, key, g_strdup (""));
  else
    g_hash_table_insert (cache, key, ts_member_dup_name (referrer));
  return g_strdup (g_hash_table_lookup (cache, key));
}

/* Blank lines cost a whole line on a card; one line break is enough. */
static char *
squeeze_blank_lines (const char *text)
{
  g_autoptr(GRegex) blank = g_regex_new ("\\n[ \\t\u3000]*(\\n[ \\t\u3000]*)+", 0, 0, NULL);

  if (text == NULL)
    return NULL;
  return g_strstrip (g_regex_replace_literal (blank, text, -1, 0, "\n", 0, NULL));
}

static TsPrintEntry *
make_entry (TsRepository         *repository,
            GHashTable           *referrers,
            TsAttendance         *attendance,
            const TsPrintOptions *options,
            const TsRegulars     *regulars,
            const char           *starts_at)
{
  TsMember *member = attendance->member;
  TsPrintEntry *entry = g_new0 (TsPrintEntry, 1);
  gboolean full = options->organizer_copy ||
                  g_strcmp0 (member->consent, TS_CONSENT_FULL) == 0;

  entry->unlisted = g_strcmp0 (member->consent, TS_CONSENT_NONE) == 0;
  entry->name = ts_member_dup_name (member);
  entry->reading = ts_member_dup_reading (member);
  entry->organization = g_strdup (member->organization ? member->organization : "");
  entry->checked_in_at = g_strdup (attendance->checked_in_at ? attendance->checked_in_at : "");
  if (full)
    {
      entry->profession = g_strdup (member->profession);
      entry->introduction = squeeze_blank_lines (member->introduction);
      entry->first_time = attendance->first_time;
      /* The mark is attendance history, like the first-time flag: only for
       * those who let others see more than their name. */
      if (regulars != NULL)
        entry->mark = ts_regulars_mark (regulars, member->id, starts_at);
      if (member->referred_by != 0)
        entry->referrer = lookup_referrer (repository, referrers, member->referred_by);
    }
  if (options->organizer_copy)
    {
      entry->email = g_strdup (member->email);
      entry->phone = g_strdup (member->phone);
    }
  return entry;
}

typedef struct {
  TsPrintEntry *entry;
  GBytes       *key;
  guint         index;
} SortItem;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const SortItem *x = a, *y = b;
  int result = x->key && y->key ? ts_text_compare_keys (x->key, y->key) : 0;

  return result != 0 ? result : (int) x->index - (int) y->index;
}

/* The repository lists in 五十音順 already; the other orders are stable
 * sorts on top of it, so ties stay in reading order. */
static void
sort_entries (GPtrArray   *entries,
              TsPrintSort  sort)
{
  g_autofree SortItem *items = NULL;

  if (sort == TS_PRINT_SORT_READING || entries->len == 0)
    return;
  items = g_new0 (SortItem, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      TsPrintEntry *entry = g_ptr_array_index (entries, i);
      const char *field = sort == TS_PRINT_SORT_PROFESSION ? entry->profession
                                                           : entry->checked_in_at;

      items[i].entry = entry;
      items[i].index = i;
      /* Empty values (no profession, not arrived yet) go last. */
      if (field == NULL || *field == '\0')
        items[i].key = g_bytes_new ("\xff", 1);
      else if (sort == TS_PRINT_SORT_PROFESSION)
        items[i].key = ts_text_sort_key (NULL, field);
      else
        items[i].key = g_bytes_new (field, strlen (field));
    }
  qsort (items, entries->len, sizeof *items, compare_items);
  for (guint i = 0; i < entries->len; i++)
    {
      entries->pdata[i] = items[i].entry;
      g_bytes_unref (items[i].key);
    }
}

static gboolean
fill_event (TsPrintJob   *job,
            TsRepository *repository,
            gint64        event_id,
            TsEvent     **event_out,
            GError      **error)
{
  g_autoptr(TsEvent) event = ts_repository_get_event (repository, event_id, NULL);
  g_autoptr(TsChapter) chapter = NULL;
  g_autofree char *day = NULL;

  if (event == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, event_id);

      g_set_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_NOT_FOUND,
                   _("There is no event number %s."), number);
      return FALSE;
    }
  chapter = ts_repository_get_chapter (repository, event->chapter_id, NULL);
  job->chapter = g_strdup (chapter ? chapter->name : "");
  job->event_title = g_strdup (event->title ? event->title : "");
  job->when = ts_date_format_range_wareki (event->starts_at, event->ends_at,
                                           job->options.wareki);
  job->venue = g_strdup (event->venue ? event->venue : "");
  {
    g_autoptr(GDateTime) start = ts_date_parse (event->starts_at);

    if (start == NULL)
      day = g_strdup ("");
    else if (job->options.wareki && ts_date_wareki_available ())
      day = ts_date_format_day_wareki (start);
    else
      day = ts_date_format_day (start);
  }
  /* Translators: the PDF title: kind of printout, chapter, day. */
  job->document_title = g_strdup_printf (_("%1$s %2$s %3$s"),
                                         ts_print_kind_title (job->options.kind),
                                         job->chapter, day);
  *event_out = g_steal_pointer (&event);
  return TRUE;
}

/* The chapter's history, read once for the whole job (one query), so each
 * row's mark is a lookup in memory. NULL with no error when the marks are
 * not printed. */
static TsRegulars *
load_regulars (TsRepository         *repository,
               const TsEvent        *event,
               const TsPrintOptions *options,
               GError              **error)
{
  TsRegularsOptions analysis;

  if ((options->columns & TS_ROSTER_MARKS) == 0 ||
      (options->kind != TS_PRINT_ROSTER && options->kind != TS_PRINT_ADDENDUM) ||
      event->starts_at == NULL)
    return NULL;
  ts_regulars_options_init (&analysis);
  if (options->regulars_min_present > 0)
    analysis.min_present = options->regulars_min_present;
  if (options->regulars_window > 0)
    analysis.window = options->regulars_window;
  return ts_regulars_compute (repository, event->chapter_id, &analysis, error);
}

static void
set_empty_error (const TsPrintOptions *options,
                 GError              **error)
{
  if (options->kind == TS_PRINT_ADDENDUM)
    g_set_error_literal (error, TS_PRINT_ERROR, TS_PRINT_ERROR_EMPTY,
                         _("There are no walk-ins at this event yet, so there is no addendum to print."));
  else
    g_set_error_literal (error, TS_PRINT_ERROR, TS_PRINT_ERROR_EMPTY,
                         _("There is nobody to print for this event. Register attendees first, or include more statuses."));
}

TsPrintJob *
ts_print_job_load (TsRepository         *repository,
                   gint64                event_id,
                   const TsPrintOptions *options,
                   GError              **error)
{
  g_autoptr(TsPrintJob) job = g_new0 (TsPrintJob, 1);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(TsRegulars) regulars = NULL;
  g_autoptr(GError) regulars_error = NULL;
  g_autoptr(GHashTable) referrers = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free, g_free);
  guint statuses = options->kind == TS_PRINT_ADDENDUM ? TS_PRINT_WALK_IN : options->statuses;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  job->options = *options;
  job->options.start_slot = MAX (options->start_slot, 1);
  job->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  if (!fill_event (job, repository, event_id, &event, error))
    return NULL;
  regulars = load_regulars (repository, event, options, &regulars_error);
  if (regulars_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&regulars_error));
      return NULL;
    }
  list = ts_repository_list_attendance (repository, event_id, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0, n = g_list_model_get_n_items (list); i < n; i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);

      if ((status_flag (attendance->status) & statuses) == 0)
        continue;
      job->headcount++;
      if (g_strcmp0 (attendance->member->consent, TS_CONSENT_NONE) == 0 &&
          !options->organizer_copy)
        continue;
      g_ptr_array_add (job->entries, make_entry (repository, referrers, attendance, options,
                                                  regulars, event->starts_at));
    }
  if (job->entries->len == 0)
    {
      set_empty_error (options, error);
      return NULL;
    }
  sort_entries (job->entries, options->sort);
  for (guint i = 0; i < job->entries->len; i++)
    ((TsPrintEntry *) g_ptr_array_index (job->entries, i))->number = i + 1;
  return g_steal_pointer (&job);
}
