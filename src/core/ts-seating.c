/* ts-seating.c: who sits at which table (席決め), as a pure computation.
 *
 * A plan is scored by a cost that each table adds up from counts, so that
 * moving one person changes it in constant time:
 *  - every pair of people of one organization at a table costs most: the
 *    evening is for meeting people one does not work with;
 *  - every first-timer at a table without a regular or an organizer costs
 *    almost as much: nobody new should sit among strangers only;
 *  - every pair of one profession at a table costs a little, which spreads
 *    each profession as evenly as the tables allow (the sum of pairs is
 *    smallest when the counts differ by at most one);
 *  - pairs of first-timers, and of hosts, cost a little too, so that both
 *    spread and a walk-in later finds a host at most tables.
 * Table sizes are kept within one of each other by construction: the
 * people are dealt into sizes fixed beforehand, and the search only swaps
 * two people or moves one from a larger table to a smaller one.
 *
 * The search: a seeded greedy start (hosts first, then first-timers, then
 * people of large organizations, each to the table where they add least,
 * ties drawn at random), then swaps and moves while any lowers the cost,
 * from a few starts; the best plan wins. Everything random comes from one
 * GRand seeded by the caller, so a seed always gives the same plan, and
 * another seed another plan of the same quality.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-seating"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-seating.h"
#include "ts-text.h"

G_DEFINE_QUARK (ts-seating-error-quark, ts_seating_error)

#define W_ORGANIZATION 1000
#define W_HOSTLESS      800
#define W_PROFESSION     10
#define W_FIRST_PAIR      3
#define W_HOST_PAIR       2
#define NO_TABLE G_MAXUINT
#define MAX_PASSES 100

typedef struct {
  guint    n_people;
  guint    n_tables;
  guint    n_orgs;        /* ids from 1; 0 is none */
  guint    n_profs;
  guint   *org;
  guint   *prof;
  guint8  *first;         /* a first-timer who is not a host */
  guint8  *host;
  guint   *locked;        /* 0-based table, or NO_TABLE */
  guint   *table;         /* 0-based, or NO_TABLE while not placed */
  guint   *capacity;      /* per table: the size it is dealt */
  guint   *size;
  guint   *org_count;     /* n_tables × n_orgs */
  guint   *prof_count;
  guint   *org_pairs;     /* per table */
  guint   *prof_pairs;
  guint   *firsts;
  guint   *hosts;
} Plan;

static guint
intern (GHashTable *ids,
        const char *text)
{
  gpointer id;

  if (text == NULL || *text == '\0')
    return 0;
  if (!g_hash_table_lookup_extended (ids, text, NULL, &id))
    {
      id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
      g_hash_table_insert (ids, (gpointer) text, id);
    }
  return GPOINTER_TO_UINT (id);
}

static void
plan_init (Plan                  *plan,
           const TsSeatingPerson *people,
           guint                  n_people,
           guint                  n_tables)
{
  g_autoptr(GHashTable) orgs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) profs = g_hash_table_new (g_str_hash, g_str_equal);

  memset (plan, 0, sizeof *plan);
  plan->n_people = n_people;
  plan->n_tables = n_tables;
  plan->org = g_new0 (guint, MAX (n_people, 1));
  plan->prof = g_new0 (guint, MAX (n_people, 1));
  plan->first = g_new0 (guint8, MAX (n_people, 1));
  plan->host = g_new0 (guint8, MAX (n_people, 1));
  plan->locked = g_new0 (guint, MAX (n_people, 1));
  plan->table = g_new0 (guint, MAX (n_people, 1));
  for (guint i = 0; i < n_people; i++)
    {
      plan->org[i] = intern (orgs, people[i].organization_key);
      plan->prof[i] = intern (profs, people[i].profession);
      plan->host[i] = people[i].host != FALSE;
      plan->first[i] = people[i].first_timer && !people[i].host;
      plan->locked[i] = people[i].locked_table > 0 ? people[i].locked_table - 1 : NO_TABLE;
      plan->table[i] = NO_TABLE;
    }
  plan->n_orgs = g_hash_table_size (orgs) + 1;
  plan->n_profs = g_hash_table_size (profs) + 1;
  plan->capacity = g_new0 (guint, n_tables);
  plan->size = g_new0 (guint, n_tables);
  plan->org_count = g_new0 (guint, (gsize) n_tables * plan->n_orgs);
  plan->prof_count = g_new0 (guint, (gsize) n_tables * plan->n_profs);
  plan->org_pairs = g_new0 (guint, n_tables);
  plan->prof_pairs = g_new0 (guint, n_tables);
  plan->firsts = g_new0 (guint, n_tables);
  plan->hosts = g_new0 (guint, n_tables);
}

static void
plan_clear (Plan *plan)
{
  g_free (plan->org);
  g_free (plan->prof);
  g_free (plan->first);
  g_free (plan->host);
  g_free (plan->locked);
  g_free (plan->table);
  g_free (plan->capacity);
  g_free (plan->size);
  g_free (plan->org_count);
  g_free (plan->prof_count);
  g_free (plan->org_pairs);
  g_free (plan->prof_pairs);
  g_free (plan->firsts);
  g_free (plan->hosts);
}

static void
add (Plan  *plan,
     guint  person,
     guint  t)
{
  guint org = plan->org[person], prof = plan->prof[person];

  plan->table[person] = t;
  plan->size[t]++;
  if (org != 0)
    plan->org_pairs[t] += plan->org_count[t * plan->n_orgs + org]++;
  if (prof != 0)
    plan->prof_pairs[t] += plan->prof_count[t * plan->n_profs + prof]++;
  plan->firsts[t] += plan->first[person];
  plan->hosts[t] += plan->host[person];
}

static void
take_out (Plan  *plan,
          guint  person)
{
  guint t = plan->table[person], org = plan->org[person], prof = plan->prof[person];

  g_assert (t != NO_TABLE);
  plan->table[person] = NO_TABLE;
  plan->size[t]--;
  if (org != 0)
    plan->org_pairs[t] -= --plan->org_count[t * plan->n_orgs + org];
  if (prof != 0)
    plan->prof_pairs[t] -= --plan->prof_count[t * plan->n_profs + prof];
  plan->firsts[t] -= plan->first[person];
  plan->hosts[t] -= plan->host[person];
}

static gint64
pairs (guint n)
{
  return n > 1 ? (gint64) n * (n - 1) / 2 : 0;
}

static gint64
table_cost (const Plan *plan,
            guint       t)
{
  return W_ORGANIZATION * (gint64) plan->org_pairs[t] +
         W_PROFESSION * (gint64) plan->prof_pairs[t] +
         (plan->hosts[t] == 0 ? W_HOSTLESS * (gint64) plan->firsts[t] : 0) +
         W_FIRST_PAIR * pairs (plan->firsts[t]) +
         W_HOST_PAIR * pairs (plan->hosts[t]);
}

static gint64
plan_cost (const Plan *plan)
{
  gint64 cost = 0;

  for (guint t = 0; t < plan->n_tables; t++)
    cost += table_cost (plan, t);
  return cost;
}

/* What @person adds to @t, without keeping them there. */
static gint64
added_cost (Plan  *plan,
            guint  person,
            guint  t)
{
  gint64 before = table_cost (plan, t), after;

  add (plan, person, t);
  after = table_cost (plan, t);
  take_out (plan, person);
  return after - before;
}

/* The sizes: as even as can be, the larger ones at the tables with most
 * people locked to them. A lock that cannot fit is an error. */
static gboolean
deal_capacities (Plan   *plan,
                 guint   seats,
                 GError **error)
{
  g_autofree guint *locked = g_new0 (guint, plan->n_tables);
  g_autofree guint *order = g_new0 (guint, plan->n_tables);
  guint base = plan->n_people / plan->n_tables, extra = plan->n_people % plan->n_tables;

  for (guint i = 0; i < plan->n_people; i++)
    if (plan->locked[i] != NO_TABLE)
      {
        if (plan->locked[i] >= plan->n_tables)
          {
            g_set_error (error, TS_SEATING_ERROR, TS_SEATING_ERROR_INVALID,
                         _("Someone is locked to table %1$u, but there are only %2$u tables."),
                         plan->locked[i] + 1, plan->n_tables);
            return FALSE;
          }
        locked[plan->locked[i]]++;
      }
  for (guint t = 0; t < plan->n_tables; t++)
    order[t] = t;
  /* A stable insertion sort, most locked first: n_tables is small. */
  for (guint t = 1; t < plan->n_tables; t++)
    for (guint k = t; k > 0 && locked[order[k]] > locked[order[k - 1]]; k--)
      {
        guint swap = order[k];

        order[k] = order[k - 1];
        order[k - 1] = swap;
      }
  for (guint k = 0; k < plan->n_tables; k++)
    plan->capacity[order[k]] = base + (k < extra ? 1 : 0);
  for (guint t = 0; t < plan->n_tables; t++)
    if (locked[t] > plan->capacity[t] || (seats > 0 && locked[t] > seats))
      {
        g_set_error (error, TS_SEATING_ERROR, TS_SEATING_ERROR_INVALID,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%1$u person is locked to table %2$u, but it seats %3$u in a plan with table sizes within one of each other.",
                                  "%1$u people are locked to table %2$u, but it seats %3$u in a plan with table sizes within one of each other.",
                                  locked[t]),
                     locked[t], t + 1, MIN (plan->capacity[t], seats > 0 ? seats : G_MAXUINT));
        return FALSE;
      }
  return TRUE;
}

static void
shuffle (guint *items,
         guint  n,
         GRand *rand)
{
  for (guint i = n; i > 1; i--)
    {
      guint k = g_rand_int_range (rand, 0, i), swap = items[i - 1];

      items[i - 1] = items[k];
      items[k] = swap;
    }
}

/* Whom to place first: hosts, so that they spread; then first-timers,
 * while hosts' tables have room; then people of large organizations,
 * while there is still a choice of tables. */
static guint
priority (const Plan  *plan,
          const guint *org_sizes,
          guint        person)
{
  if (plan->host[person])
    return G_MAXUINT;
  if (plan->first[person])
    return G_MAXUINT - 1;
  return plan->org[person] != 0 ? org_sizes[plan->org[person]] : 0;
}

static void
order_people (const Plan *plan,
              GRand      *rand,
              GArray     *order)
{
  g_autofree guint *org_sizes = g_new0 (guint, plan->n_orgs);
  g_autofree guint *keys = g_new0 (guint, MAX (plan->n_people, 1));
  guint *items;

  for (guint i = 0; i < plan->n_people; i++)
    {
      org_sizes[plan->org[i]]++;
      if (plan->locked[i] == NO_TABLE)
        g_array_append_val (order, i);
    }
  items = (guint *) (gpointer) order->data;
  shuffle (items, order->len, rand);
  for (guint i = 0; i < plan->n_people; i++)
    keys[i] = priority (plan, org_sizes, i);
  /* Stable: the shuffle decides among equals. */
  for (guint i = 1; i < order->len; i++)
    for (guint k = i; k > 0 && keys[items[k]] > keys[items[k - 1]]; k--)
      {
        guint swap = items[k];

        items[k] = items[k - 1];
        items[k - 1] = swap;
      }
}

/* The table with room where @person adds least; equals drawn at random. */
static guint
best_table (Plan  *plan,
            guint  person,
            GRand *rand)
{
  guint best = NO_TABLE, ties = 0;
  gint64 best_cost = G_MAXINT64;

  for (guint t = 0; t < plan->n_tables; t++)
    {
      gint64 cost;

      if (plan->size[t] >= plan->capacity[t])
        continue;
      cost = added_cost (plan, person, t);
      if (cost < best_cost)
        {
          best = t;
          best_cost = cost;
          ties = 1;
        }
      else if (cost == best_cost && g_rand_int_range (rand, 0, ++ties) == 0)
        best = t;
    }
  g_assert (best != NO_TABLE);
  return best;
}

static void
place_greedily (Plan  *plan,
                GRand *rand)
{
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < plan->n_people; i++)
    if (plan->table[i] != NO_TABLE)
      take_out (plan, i);
  for (guint i = 0; i < plan->n_people; i++)
    if (plan->locked[i] != NO_TABLE)
      add (plan, i, plan->locked[i]);
  order_people (plan, rand, order);
  for (guint k = 0; k < order->len; k++)
    {
      guint person = g_array_index (order, guint, k);

      add (plan, person, best_table (plan, person, rand));
    }
}

/* Swaps @a and @b when that lowers the cost; says whether it did. */
static gboolean
try_swap (Plan  *plan,
          guint  a,
          guint  b)
{
  guint ta = plan->table[a], tb = plan->table[b];
  gint64 before = table_cost (plan, ta) + table_cost (plan, tb);

  take_out (plan, a);
  take_out (plan, b);
  add (plan, a, tb);
  add (plan, b, ta);
  if (table_cost (plan, ta) + table_cost (plan, tb) < before)
    return TRUE;
  take_out (plan, a);
  take_out (plan, b);
  add (plan, a, ta);
  add (plan, b, tb);
  return FALSE;
}

/* Moves @person from a larger table to a smaller one when that lowers the
 * cost: the two sizes trade places, so they stay within one. */
static gboolean
try_move (Plan  *plan,
          guint  person,
          guint  t)
{
  guint from = plan->table[person];
  gint64 before;

  if (plan->size[from] != plan->size[t] + 1)
    return FALSE;
  before = table_cost (plan, from) + table_cost (plan, t);
  take_out (plan, person);
  add (plan, person, t);
  if (table_cost (plan, from) + table_cost (plan, t) < before)
    return TRUE;
  take_out (plan, person);
  add (plan, person, from);
  return FALSE;
}

static gboolean
improve_person (Plan  *plan,
                guint  a)
{
  gboolean improved = FALSE;

  for (guint b = 0; b < plan->n_people; b++)
    if (b != a && plan->locked[b] == NO_TABLE && plan->table[b] != plan->table[a])
      improved |= try_swap (plan, a, b);
  for (guint t = 0; t < plan->n_tables; t++)
    if (t != plan->table[a])
      improved |= try_move (plan, a, t);
  return improved;
}

static void
improve (Plan  *plan,
         GRand *rand)
{
  g_autoptr(GArray) movable = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean improved = TRUE;

  for (guint i = 0; i < plan->n_people; i++)
    if (plan->locked[i] == NO_TABLE)
      g_array_append_val (movable, i);
  for (guint pass = 0; pass < MAX_PASSES && improved; pass++)
    {
      improved = FALSE;
      shuffle ((guint *) (gpointer) movable->data, movable->len, rand);
      for (guint k = 0; k < movable->len; k++)
        improved |= improve_person (plan, g_array_index (movable, guint, k));
    }
}

/* Fewer starts for a crowd: each pass costs the square of the people. */
static guint
n_starts (guint n_people)
{
  if (n_people <= 150)
    return 8;
  return n_people <= 500 ? 3 : 1;
}

static gboolean
check_room (guint                   n_people,
            const TsSeatingOptions *options,
            GError                **error)
{
  if (options->n_tables == 0)
    {
      g_set_error_literal (error, TS_SEATING_ERROR, TS_SEATING_ERROR_INVALID,
                           _("A seating plan needs at least one table."));
      return FALSE;
    }
  if (options->seats > 0 && n_people > (guint64) options->n_tables * options->seats)
    {
      g_set_error (error, TS_SEATING_ERROR, TS_SEATING_ERROR_NO_ROOM,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%1$u person does not fit at %2$u tables of %3$u seats: add tables or seats.",
                                "%1$u people do not fit at %2$u tables of %3$u seats: add tables or seats.",
                                n_people),
                   n_people, options->n_tables, options->seats);
      return FALSE;
    }
  return TRUE;
}

/* A table for each person, 1-based, in the order given; NULL with @error
 * set when they do not fit or a lock cannot hold. */
guint *
ts_seating_plan (const TsSeatingPerson   *people,
                 guint                    n_people,
                 const TsSeatingOptions  *options,
                 GError                 **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autofree guint *best = NULL;
  gint64 best_cost = G_MAXINT64;
  Plan plan;

  g_return_val_if_fail (people != NULL || n_people == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_room (n_people, options, error))
    return NULL;
  plan_init (&plan, people, n_people, options->n_tables);
  if (!deal_capacities (&plan, options->seats, error))
    {
      plan_clear (&plan);
      return NULL;
    }
  rand = g_rand_new_with_seed (options->seed);
  best = g_new0 (guint, MAX (n_people, 1));
  for (guint start = 0, n = n_starts (n_people); start < n; start++)
    {
      gint64 cost;

      place_greedily (&plan, rand);
      improve (&plan, rand);
      cost = plan_cost (&plan);
      if (cost < best_cost)
        {
          best_cost = cost;
          for (guint i = 0; i < n_people; i++)
            best[i] = plan.table[i] + 1;
        }
    }
  g_debug ("plan of %u people at %u tables, seed %u: cost %" G_GINT64_FORMAT,
           n_people, options->n_tables, options->seed, best_cost);
  plan_clear (&plan);
  return g_steal_pointer (&best);
}

/* The table, 1-based, where @walk_in fits best among those seated
 * (@tables, 1-based, 0 for someone not seated), moving nobody: one of the
 * smallest tables, so sizes stay within one, and with a free seat when
 * the seats are counted. 0 with @error set when every table is full. */
guint
ts_seating_place_walk_in (const TsSeatingPerson   *people,
                          const guint             *tables,
                          guint                    n_people,
                          const TsSeatingPerson   *walk_in,
                          const TsSeatingOptions  *options,
                          GError                 **error)
{
  g_autofree TsSeatingPerson *everyone = g_new0 (TsSeatingPerson, n_people + 1);
  guint smallest = G_MAXUINT, best = NO_TABLE;
  gint64 best_cost = G_MAXINT64;
  Plan plan;

  g_return_val_if_fail (walk_in != NULL && options != NULL, 0);

  if (!check_room (0, options, error))
    return 0;
  if (n_people > 0)
    memcpy (everyone, people, n_people * sizeof *people);
  everyone[n_people] = *walk_in;
  plan_init (&plan, everyone, n_people + 1, options->n_tables);
  for (guint i = 0; i < n_people; i++)
    if (tables[i] >= 1 && tables[i] <= options->n_tables)
      add (&plan, i, tables[i] - 1);
  for (guint t = 0; t < options->n_tables; t++)
    smallest = MIN (smallest, plan.size[t]);
  for (guint t = 0; t < options->n_tables; t++)
    {
      gint64 cost;

      if (plan.size[t] != smallest || (options->seats > 0 && plan.size[t] >= options->seats))
        continue;
      cost = added_cost (&plan, n_people, t);
      if (cost < best_cost)
        {
          best_cost = cost;
          best = t;
        }
    }
  plan_clear (&plan);
  if (best == NO_TABLE)
    {
      g_set_error (error, TS_SEATING_ERROR, TS_SEATING_ERROR_NO_ROOM,
                   _("Every table is full: add a table or seats first."));
      return 0;
    }
  return best + 1;
}

/* The baseline a plan is measured against: people dealt at random into
 * tables of the same sizes. */
guint *
ts_seating_random_plan (guint                   n_people,
                        const TsSeatingOptions *options)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (options->seed);
  g_autofree guint *order = g_new0 (guint, MAX (n_people, 1));
  guint *tables = g_new0 (guint, MAX (n_people, 1));

  g_return_val_if_fail (options->n_tables > 0, tables);

  for (guint i = 0; i < n_people; i++)
    order[i] = i;
  shuffle (order, n_people, rand);
  for (guint k = 0; k < n_people; k++)
    tables[order[k]] = k % options->n_tables + 1;
  return tables;
}

void
ts_seating_measure (const TsSeatingPerson *people,
                    const guint           *tables,
                    guint                  n_people,
                    guint                  n_tables,
                    TsSeatingQuality      *quality)
{
  g_autofree guint *org_sizes = NULL;
  guint distinct_total = 0;
  Plan plan;

  memset (quality, 0, sizeof *quality);
  if (n_tables == 0)
    return;
  plan_init (&plan, people, n_people, n_tables);
  org_sizes = g_new0 (guint, plan.n_orgs);
  for (guint i = 0; i < n_people; i++)
    {
      org_sizes[plan.org[i]]++;
      if (tables[i] >= 1 && tables[i] <= n_tables)
        add (&plan, i, tables[i] - 1);
    }
  for (guint o = 1; o < plan.n_orgs; o++)
    quality->org_repeats_unavoidable += org_sizes[o] > n_tables ? org_sizes[o] - n_tables : 0;
  quality->professions_min = G_MAXUINT;
  quality->size_min = G_MAXUINT;
  for (guint t = 0; t < n_tables; t++)
    {
      guint distinct = 0;

      for (guint o = 1; o < plan.n_orgs; o++)
        quality->org_repeats += plan.org_count[t * plan.n_orgs + o] > 1
                                ? plan.org_count[t * plan.n_orgs + o] - 1 : 0;
      for (guint p = 1; p < plan.n_profs; p++)
        distinct += plan.prof_count[t * plan.n_profs + p] > 0;
      if (plan.hosts[t] == 0)
        quality->hostless_first_timers += plan.firsts[t];
      distinct_total += distinct;
      quality->professions_min = MIN (quality->professions_min, distinct);
      quality->size_min = MIN (quality->size_min, plan.size[t]);
      quality->size_max = MAX (quality->size_max, plan.size[t]);
    }
  quality->professions_mean = (double) distinct_total / n_tables;
  plan_clear (&plan);
}

/* Organizations as people type them: "(株)つどい", "株式会社 つどい" and
 * "ツドイ" are one. The search key folds width, kana and case; the legal
 * form says nothing about who works together, so it goes. */
char *
ts_seating_organization_key (const char *organization)
{
  static const char * const forms[] = {
    "株式会社", "(株)", "有限会社", "(有)", "合同会社", "(同)",
    "一般社団法人", "(一社)", "公益社団法人", "(公社)", "一般財団法人", "(一財)",
    "公益財団法人", "(公財)", "医療法人社団", "医療法人財団", "医療法人", "(医)",
    "社会福祉法人", "(福)", "特定非営利活動法人", "npo法人",
  };
  char *key = ts_text_search_key (organization);

  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (forms); i++)
    {
      char *found;

      while ((found = strstr (key, forms[i])) != NULL)
        memmove (found, found + strlen (forms[i]), strlen (found + strlen (forms[i])) + 1);
    }
  return key != NULL ? key : g_strdup ("");
}
