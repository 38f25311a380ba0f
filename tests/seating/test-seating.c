/* test-seating.c: the planner's promises, on people made up for each case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-seating.h"

static const char * const professions[] = {
  "看護師", "介護支援専門員", "医師", "薬剤師", "介護福祉士", "理学療法士",
  "社会福祉士", "弁護士", "歯科医師",
};

/* @n people; person i works at organization i % n_orgs ("" when 0) and
 * in profession i % n_professions. */
static TsSeatingPerson *
make_people (guint n,
             guint n_orgs,
             guint n_professions,
             GPtrArray *strings)
{
  TsSeatingPerson *people = g_new0 (TsSeatingPerson, n);

  for (guint i = 0; i < n; i++)
    {
      char *org = n_orgs ? g_strdup_printf ("org%u", i % n_orgs) : g_strdup ("");

      g_ptr_array_add (strings, org);
      people[i].member_id = 100 + i;
      people[i].organization_key = org;
      people[i].profession = professions[i % MIN (n_professions, G_N_ELEMENTS (professions))];
    }
  return people;
}

static void
quality_of (const TsSeatingPerson *people,
            const guint           *tables,
            guint                  n,
            guint                  n_tables,
            TsSeatingQuality      *quality)
{
  ts_seating_measure (people, tables, n, n_tables, quality);
  g_assert_cmpuint (quality->size_max - quality->size_min, <=, 1);
}

/* Six organizations of four at four tables: one of each at every table. */
static void
test_organizations_apart (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree TsSeatingPerson *people = make_people (24, 6, 3, strings);
  TsSeatingOptions options = { 4, 0, 1 };
  g_autofree guint *tables = ts_seating_plan (people, 24, &options, NULL);
  TsSeatingQuality quality;

  quality_of (people, tables, 24, 4, &quality);
  g_assert_cmpuint (quality.org_repeats, ==, 0);
  g_assert_cmpuint (quality.size_min, ==, 6);
  for (guint i = 0; i < 24; i++)
    g_assert_cmpuint (tables[i], >=, 1);
}

/* Seven of one organization at three tables: four must share, and no
 * more; the others never do. */
static void
test_organizations_unavoidable (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree TsSeatingPerson *people = make_people (15, 8, 4, strings);
  TsSeatingOptions options = { 3, 0, 5 };
  g_autofree guint *tables = NULL;
  TsSeatingQuality quality;

  for (guint i = 0; i < 7; i++)
    people[i].organization_key = "big";
  tables = ts_seating_plan (people, 15, &options, NULL);
  quality_of (people, tables, 15, 3, &quality);
  g_assert_cmpuint (quality.org_repeats_unavoidable, ==, 4);
  g_assert_cmpuint (quality.org_repeats, ==, 4);
}

/* Sizes within one for every count of people and tables up to 30 × 8,
 * with and without a seat limit. */
static void
test_sizes (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 0; n <= 30; n++)
    for (guint t = 1; t <= 8; t++)
      {
        g_autofree TsSeatingPerson *people = make_people (n, 5, 4, strings);
        TsSeatingOptions options = { t, (n + t - 1) / t, n * 7 + t };
        g_autofree guint *tables = ts_seating_plan (people, n, &options, NULL);
        TsSeatingQuality quality;

        g_assert_nonnull (tables);
        quality_of (people, tables, n, t, &quality);
        if (options.seats > 0)
          g_assert_cmpuint (quality.size_max, <=, options.seats);
        for (guint i = 0; i < n; i++)
          g_assert_cmpuint (tables[i], >=, 1);
      }
}

static void
test_no_room (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree TsSeatingPerson *people = make_people (10, 3, 3, strings);
  TsSeatingOptions options = { 2, 4, 1 };
  g_autoptr(GError) error = NULL;
  g_autofree guint *tables = ts_seating_plan (people, 10, &options, &error);

  g_assert_null (tables);
  g_assert_error (error, TS_SEATING_ERROR, TS_SEATING_ERROR_NO_ROOM);
  g_assert_nonnull (strstr (error->message, "10"));
  g_clear_error (&error);

  options.n_tables = 0;
  g_assert_null (ts_seating_plan (people, 10, &options, &error));
  g_assert_error (error, TS_SEATING_ERROR, TS_SEATING_ERROR_INVALID);
  g_clear_error (&error);

  options.n_tables = 2;
  options.seats = 5;
  tables = ts_seating_plan (people, 10, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tables);
}

/* Eight first-timers, three regulars and an organizer among forty at six
 * tables: every first-timer sits with one of the four. */
static void
test_first_timers_hosted (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autofree TsSeatingPerson *people = make_people (40, 14, 9, strings);
      TsSeatingOptions options = { 6, 0, seed };
      g_autofree guint *tables = NULL;
      TsSeatingQuality quality;

      for (guint i = 0; i < 8; i++)
        people[i * 5].first_timer = TRUE;
      for (guint i = 0; i < 4; i++)
        people[i * 5 + 2].host = TRUE;
      tables = ts_seating_plan (people, 40, &options, NULL);
      quality_of (people, tables, 40, 6, &quality);
      g_assert_cmpuint (quality.hostless_first_timers, ==, 0);
      g_assert_cmpuint (quality.org_repeats, ==, quality.org_repeats_unavoidable);
    }
}

/* Ten nurses at five tables: two at each. */
static void
test_professions_even (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree TsSeatingPerson *people = make_people (30, 0, 3, strings);
  TsSeatingOptions options = { 5, 0, 3 };
  g_autofree guint *tables = ts_seating_plan (people, 30, &options, NULL);
  guint nurses[6] = { 0 };
  TsSeatingQuality quality;

  for (guint i = 0; i < 30; i++)
    if (g_str_equal (people[i].profession, "看護師"))
      nurses[tables[i]]++;
  for (guint t = 1; t <= 5; t++)
    g_assert_cmpuint (nurses[t], ==, 2);
  quality_of (people, tables, 30, 5, &quality);
  g_assert_cmpuint (quality.professions_min, ==, 3);
}

static gboolean
same_plan (const guint *a,
           const guint *b,
           guint        n)
{
  return memcmp (a, b, n * sizeof *a) == 0;
}

/* The same people and seed give the same plan; another seed another plan,
 * as good. */
static void
test_deterministic (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree TsSeatingPerson *people = make_people (40, 20, 9, strings);
  TsSeatingOptions options = { 5, 8, 42 };
  g_autofree guint *a = ts_seating_plan (people, 40, &options, NULL);
  g_autofree guint *b = ts_seating_plan (people, 40, &options, NULL);
  g_autofree guint *c = NULL;
  TsSeatingQuality qa, qc;

  g_assert_true (same_plan (a, b, 40));
  options.seed = 43;
  c = ts_seating_plan (people, 40, &options, NULL);
  g_assert_false (same_plan (a, c, 40));
  quality_of (people, a, 40, 5, &qa);
  quality_of (people, c, 40, 5, &qc);
  g_assert_cmpuint (qa.org_repeats, ==, 0);
  g_assert_cmpuint (qc.org_repeats, ==, 0);
  g_assert_cmpuint (qa.professions_min, ==, qc.professions_min);
}

/* Locked people stay where they are, whatever the seed; a lock that the
 * sizes cannot hold is refused. */
static void
test_locked (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree TsSeatingPerson *people = make_people (20, 4, 4, strings);
  g_autoptr(GError) error = NULL;

  /* Three of one organization locked together: the planner would never
   * put them there itself. */
  people[0].locked_table = 3;
  people[4].locked_table = 3;
  people[8].locked_table = 3;
  people[1].locked_table = 1;
  for (guint32 seed = 1; seed <= 10; seed++)
    {
      TsSeatingOptions options = { 4, 0, seed };
      g_autofree guint *tables = ts_seating_plan (people, 20, &options, &error);
      TsSeatingQuality quality;

      g_assert_no_error (error);
      g_assert_cmpuint (tables[0], ==, 3);
      g_assert_cmpuint (tables[4], ==, 3);
      g_assert_cmpuint (tables[8], ==, 3);
      g_assert_cmpuint (tables[1], ==, 1);
      quality_of (people, tables, 20, 4, &quality);
    }

  for (guint i = 0; i < 6; i++)
    people[i].locked_table = 2;
  {
    TsSeatingOptions options = { 4, 0, 1 };

    g_assert_null (ts_seating_plan (people, 20, &options, &error));
    g_assert_error (error, TS_SEATING_ERROR, TS_SEATING_ERROR_INVALID);
    g_clear_error (&error);
  }
  people[0].locked_table = 9;
  {
    TsSeatingOptions options = { 4, 0, 1 };

    g_assert_null (ts_seating_plan (people, 20, &options, &error));
    g_assert_error (error, TS_SEATING_ERROR, TS_SEATING_ERROR_INVALID);
  }
}

/* A walk-in goes to one of the smallest tables, where nobody of their
 * organization sits and, for a first-timer, a host does. */
static void
test_walk_in (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree TsSeatingPerson *people = make_people (17, 17, 9, strings);
  guint tables[17];
  TsSeatingPerson walk_in = { 999, "org0", "", TRUE, FALSE, 0 };
  TsSeatingOptions options = { 3, 6, 1 };
  g_autoptr(GError) error = NULL;
  guint table;

  /* Six, six and five with six seats: the only table with room. */
  for (guint i = 0; i < 17; i++)
    tables[i] = i < 6 ? 1 : i < 12 ? 2 : 3;
  table = ts_seating_place_walk_in (people, tables, 17, &walk_in, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table, ==, 3);

  /* Five at each, two not seated: never with org0 (table 1), and with
   * the host, wherever they are. */
  for (guint i = 0; i < 17; i++)
    tables[i] = i < 5 ? 1 : i < 10 ? 2 : i < 15 ? 3 : 0;
  options.seats = 0;
  people[13].host = TRUE;
  table = ts_seating_place_walk_in (people, tables, 17, &walk_in, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table, ==, 3);
  people[13].host = FALSE;
  people[7].host = TRUE;
  table = ts_seating_place_walk_in (people, tables, 17, &walk_in, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table, ==, 2);

  /* Every seat taken. */
  options.seats = 5;
  g_assert_cmpuint (ts_seating_place_walk_in (people, tables, 17, &walk_in, &options, &error), ==, 0);
  g_assert_error (error, TS_SEATING_ERROR, TS_SEATING_ERROR_NO_ROOM);
}

/* Better than chance on a mixed crowd: fewer people of one organization
 * together, more professions at the least mixed table. */
static void
test_better_than_random (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autofree TsSeatingPerson *people = make_people (40, 12, 9, strings);
  TsSeatingOptions options = { 5, 0, 7 };
  g_autofree guint *plan = ts_seating_plan (people, 40, &options, NULL);
  g_autofree guint *random = ts_seating_random_plan (40, &options);
  TsSeatingQuality good, chance;

  quality_of (people, plan, 40, 5, &good);
  quality_of (people, random, 40, 5, &chance);
  g_assert_cmpuint (good.org_repeats, <, chance.org_repeats);
  g_assert_cmpuint (good.org_repeats, ==, good.org_repeats_unavoidable);
  g_assert_cmpuint (good.professions_min, >=, chance.professions_min);
}

static void
test_organization_key (void)
{
  const char *same[] = { "(株)つどい", "株式会社 ツドイ", "㈱つどい", "ﾂﾄﾞｲ", "つどい　" };
  g_autofree char *first = ts_seating_organization_key (same[0]);
  g_autofree char *other = ts_seating_organization_key ("つどい病院");
  g_autofree char *empty = ts_seating_organization_key (NULL);

  for (guint i = 1; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *key = ts_seating_organization_key (same[i]);

      g_assert_cmpstr (key, ==, first);
    }
  g_assert_cmpstr (other, !=, first);
  g_assert_cmpstr (empty, ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/seating/organizations-apart", test_organizations_apart);
  g_test_add_func ("/seating/organizations-unavoidable", test_organizations_unavoidable);
  g_test_add_func ("/seating/sizes", test_sizes);
  g_test_add_func ("/seating/no-room", test_no_room);
  g_test_add_func ("/seating/first-timers-hosted", test_first_timers_hosted);
  g_test_add_func ("/seating/professions-even", test_professions_even);
  g_test_add_func ("/seating/deterministic", test_deterministic);
  g_test_add_func ("/seating/locked", test_locked);
  g_test_add_func ("/seating/walk-in", test_walk_in);
  g_test_add_func ("/seating/better-than-random", test_better_than_random);
  g_test_add_func ("/seating/organization-key", test_organization_key);
  return g_test_run ();
}
