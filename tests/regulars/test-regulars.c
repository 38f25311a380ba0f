/* test-regulars.c: the regulars definitions against a dataset worked out by hand.
 *
 * See regulars-dataset.c for the events, the members and why each is there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "regulars-dataset.h"
#include "ts-regulars.h"
#include "ts-regulars-history.h"
#include "ts-test-support.h"

typedef DatasetFixture Fixture;

static TsRegulars *
analyse (Fixture *fixture,
         gint64   chapter_id,
         guint    k,
         guint    n,
         int      until_year,
         int      until_month,
         const char *today)
{
  TsRegularsOptions options;
  g_autoptr(GError) error = NULL;
  TsRegulars *result;

  ts_regulars_options_init (&options);
  options.min_present = k;
  options.window = n;
  options.until_year = until_year;
  options.until_month = until_month;
  g_strlcpy (options.today, today, sizeof options.today);
  result = ts_regulars_compute (fixture->repository, chapter_id, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static const TsRegularsMember *
find (const TsRegulars *result,
      gint64            id,
      guint            *position)
{
  for (guint i = 0; i < result->n_members; i++)
    if (result->members[i].id == id)
      {
        if (position != NULL)
          *position = i;
        return &result->members[i];
      }
  g_assert_not_reached ();
}

static void
assert_member (const TsRegulars *result,
               gint64            id,
               TsRegularsClass   klass,
               guint             times,
               guint             window_present,
               guint             current,
               guint             longest,
               int               first,
               int               last)
{
  const TsRegularsMember *member = find (result, id, NULL);

  g_test_message ("member %s", member->name);
  g_assert_cmpstr (ts_regulars_class_name (member->klass), ==, ts_regulars_class_name (klass));
  g_assert_cmpuint (member->times_present, ==, times);
  g_assert_cmpuint (member->window_present, ==, window_present);
  g_assert_cmpuint (member->current_streak, ==, current);
  g_assert_cmpuint (member->longest_streak, ==, longest);
  g_assert_cmpint (member->first_event, ==, first);
  g_assert_cmpint (member->last_event, ==, last);
}

static void
assert_month (const TsRegulars *result,
              int               year,
              int               month,
              guint             n_events,
              guint             headcount,
              guint             first,
              guint             first_network,
              guint             returning,
              guint             regulars,
              guint             walk_ins,
              guint             no_shows)
{
  const TsRegularsMonth *m = ts_regulars_find_month (result, year * 12 + month - 1);

  g_test_message ("month %d-%d", year, month);
  g_assert_nonnull (m);
  g_assert_cmpuint (m->n_events, ==, n_events);
  g_assert_cmpuint (m->headcount, ==, headcount);
  g_assert_cmpuint (m->first_timers, ==, first);
  g_assert_cmpuint (m->first_in_network, ==, first_network);
  g_assert_cmpuint (m->returning, ==, returning);
  g_assert_cmpuint (m->regulars, ==, regulars);
  g_assert_cmpuint (m->walk_ins, ==, walk_ins);
  g_assert_cmpuint (m->no_shows, ==, no_shows);
}

static void
test_events (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TsRegulars) result = analyse (fixture, fixture->d.chapter_a, 3, 6, 2017, 12,
                                          DATASET_TODAY);
  g_autoptr(TsRegulars) later = NULL;

  /* A3 is cancelled and A11 lies after the month analysed. */
  g_assert_cmpuint (result->n_events, ==, 9);
  g_assert_cmpstr (result->events[2].starts_at, ==, "2017-04-27T19:00");
  g_assert_cmpstr (result->events[5].starts_at, ==, "2017-06-22T19:00");
  g_assert_cmpuint (result->events[8].present, ==, 3);
  g_assert_cmpuint (result->n_months, ==, 12);
  g_assert_cmpuint (result->n_members, ==, 8);

  /* A11 is planned and only has registrations: not held before its date,
   * and still not held after it, since nobody was checked in — a meeting
   * that was never recorded must not make its registrants absent. */
  later = analyse (fixture, fixture->d.chapter_a, 3, 6, 2018, 2, DATASET_TODAY);
  g_assert_cmpuint (later->n_events, ==, 9);
  g_clear_pointer (&later, ts_regulars_free);
  later = analyse (fixture, fixture->d.chapter_a, 3, 6, 2018, 2, "2018-03-01T00:00");
  g_assert_cmpuint (later->n_events, ==, 9);
  g_assert_cmpuint (later->n_months, ==, 14);
  g_assert_cmpint (ts_regulars_cell (later, 0, 13), ==, TS_REGULARS_CELL_NONE);
}

static void
test_members (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TsRegulars) result = analyse (fixture, fixture->d.chapter_a, 3, 6, 2017, 12,
                                          DATASET_TODAY);
  const Dataset *d = &fixture->d;
  gint64 order[] = { d->r, d->m, d->n, d->w, d->q, d->t, d->l, d->x };

  /*            id    class                             times win cur long first last */
  assert_member (result, d->r, TS_REGULARS_CLASS_REGULAR,     9, 6, 9, 9, 0, 8);
  assert_member (result, d->l, TS_REGULARS_CLASS_LAPSED,      4, 1, 0, 4, 0, 3);
  assert_member (result, d->q, TS_REGULARS_CLASS_LAPSED,      3, 1, 0, 2, 0, 5);
  assert_member (result, d->t, TS_REGULARS_CLASS_OCCASIONAL,  2, 2, 0, 2, 3, 4);
  assert_member (result, d->m, TS_REGULARS_CLASS_OCCASIONAL,  2, 2, 1, 1, 4, 8);
  assert_member (result, d->w, TS_REGULARS_CLASS_OCCASIONAL,  2, 2, 0, 2, 6, 7);
  assert_member (result, d->n, TS_REGULARS_CLASS_FIRST_TIMER, 1, 1, 1, 1, 8, 8);
  assert_member (result, d->x, TS_REGULARS_CLASS_NEVER,       0, 0, 0, 0, -1, -1);

  g_assert_cmpfloat_with_epsilon (find (result, d->r, NULL)->rate, 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (find (result, d->w, NULL)->rate, 2.0 / 6, 1e-9);
  g_assert_cmpuint (find (result, d->r, NULL)->window_size, ==, 6);
  g_assert_true (find (result, d->r, NULL)->regular);
  g_assert_false (find (result, d->l, NULL)->regular);
  g_assert_true (find (result, d->n, NULL)->first_in_network);
  g_assert_false (find (result, d->m, NULL)->first_this_month);
  g_assert_cmpstr (find (result, d->r, NULL)->name, ==, "常連\u3000太郎");
  g_assert_cmpstr (find (result, d->r, NULL)->email, ==, "r@example.jp");
  g_assert_cmpstr (find (result, d->l, NULL)->profession, ==, "介護福祉士");

  /* Regulars first, then by last presence, then by times present. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpint (result->members[i].id, ==, order[i]);
}

static void
test_cells (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TsRegulars) result = analyse (fixture, fixture->d.chapter_a, 3, 6, 2017, 12,
                                          DATASET_TODAY);
  guint r, l, t, w, x;

  find (result, fixture->d.r, &r);
  find (result, fixture->d.l, &l);
  find (result, fixture->d.t, &t);
  find (result, fixture->d.w, &w);
  find (result, fixture->d.x, &x);
  /* Months are January (0) to December (11) 2017. */
  g_assert_cmpint (ts_regulars_cell (result, r, 0), ==, TS_REGULARS_CELL_PRESENT);
  g_assert_cmpint (ts_regulars_cell (result, r, 2), ==, TS_REGULARS_CELL_NONE);   /* A3 cancelled */
  g_assert_cmpint (ts_regulars_cell (result, l, 9), ==, TS_REGULARS_CELL_ABSENT); /* no-show */
  g_assert_cmpint (ts_regulars_cell (result, l, 5), ==, TS_REGULARS_CELL_NONE);
  g_assert_cmpint (ts_regulars_cell (result, t, 4), ==, TS_REGULARS_CELL_PRESENT); /* attended beats walk-in */
  g_assert_cmpint (ts_regulars_cell (result, w, 8), ==, TS_REGULARS_CELL_WALK_IN);
  g_assert_cmpint (ts_regulars_cell (result, w, 9), ==, TS_REGULARS_CELL_PRESENT);
  g_assert_cmpint (ts_regulars_cell (result, x, 11), ==, TS_REGULARS_CELL_ABSENT);
}

static void
test_months (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TsRegulars) result = analyse (fixture, fixture->d.chapter_a, 3, 6, 2017, 12,
                                          DATASET_TODAY);
  const TsRegularsMonth *may;
  guint nurses = 0;

  /*                           ev head 1st net ret reg walk noshow */
  assert_month (result, 2017, 1,  1, 3, 3, 3, 0, 0, 0, 0);
  assert_month (result, 2017, 2,  1, 3, 0, 0, 0, 0, 0, 0);
  assert_month (result, 2017, 3,  0, 0, 0, 0, 0, 0, 0, 0);
  assert_month (result, 2017, 4,  1, 2, 0, 0, 0, 2, 0, 0);
  assert_month (result, 2017, 5,  2, 4, 2, 1, 0, 2, 1, 0);
  assert_month (result, 2017, 6,  1, 2, 0, 0, 1, 1, 0, 0);
  assert_month (result, 2017, 7,  0, 0, 0, 0, 0, 0, 0, 0);
  assert_month (result, 2017, 9,  1, 2, 1, 1, 0, 1, 1, 0);
  assert_month (result, 2017, 10, 1, 2, 0, 0, 0, 1, 0, 1);
  assert_month (result, 2017, 12, 1, 3, 1, 1, 1, 1, 0, 1);

  /* May: R and T are nurses (看護師), L a care worker, M a doctor. */
  may = ts_regulars_find_month (result, 2017 * 12 + 4);
  for (guint p = 0; p < result->n_professions; p++)
    if (g_str_equal (result->professions[p], "看護師"))
      nurses = result->profession_counts[(may - result->months) * result->n_professions + p];
  g_assert_cmpuint (nurses, ==, 2);
}

static void
test_other_chapter (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TsRegulars) result = analyse (fixture, fixture->d.chapter_b, 3, 6, 2017, 12,
                                          DATASET_TODAY);

  g_assert_cmpuint (result->n_events, ==, 2);
  g_assert_cmpuint (result->n_members, ==, 1);
  g_assert_cmpuint (result->n_months, ==, 10);
  /* New to the network at B in March; B did not meet in between, so
   * November is not a return. */
  assert_month (result, 2017, 3,  1, 1, 1, 1, 0, 0, 0, 0);
  assert_month (result, 2017, 11, 1, 1, 0, 0, 0, 0, 0, 0);
  assert_member (result, fixture->d.m, TS_REGULARS_CLASS_OCCASIONAL, 2, 2, 2, 2, 0, 1);
}

static void
test_window_larger_than_events (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(TsRegulars) loose = analyse (fixture, fixture->d.chapter_a, 2, 20, 2017, 12,
                                         DATASET_TODAY);
  g_autoptr(TsRegulars) strict = analyse (fixture, fixture->d.chapter_a, 10, 12, 2017, 12,
                                          DATASET_TODAY);
  const Dataset *d = &fixture->d;

  /* N = 20 over 9 events: the window is all of them. */
  g_assert_cmpuint (find (loose, d->r, NULL)->window_size, ==, 9);
  g_assert_cmpint (find (loose, d->r, NULL)->klass, ==, TS_REGULARS_CLASS_REGULAR);
  g_assert_cmpint (find (loose, d->m, NULL)->klass, ==, TS_REGULARS_CLASS_REGULAR);
  g_assert_cmpint (find (loose, d->w, NULL)->klass, ==, TS_REGULARS_CLASS_REGULAR);
  g_assert_cmpint (find (loose, d->l, NULL)->klass, ==, TS_REGULARS_CLASS_LAPSED);
  g_assert_cmpint (find (loose, d->q, NULL)->klass, ==, TS_REGULARS_CLASS_LAPSED);
  g_assert_cmpint (find (loose, d->t, NULL)->klass, ==, TS_REGULARS_CLASS_LAPSED);
  g_assert_cmpint (find (loose, d->n, NULL)->klass, ==, TS_REGULARS_CLASS_FIRST_TIMER);

  /* K = 10 with 9 events: nobody can be a regular, so nobody lapses. */
  for (guint i = 0; i < strict->n_members; i++)
    {
      g_assert_false (strict->members[i].regular);
      g_assert_false (strict->members[i].lapsed);
    }
  g_assert_cmpint (find (strict, d->r, NULL)->klass, ==, TS_REGULARS_CLASS_OCCASIONAL);
  g_assert_cmpfloat_with_epsilon (find (strict, d->r, NULL)->rate, 1.0, 1e-9);
  for (guint i = 0; i < strict->n_months; i++)
    g_assert_cmpuint (strict->months[i].regulars, ==, 0);
}

static void
test_until_month (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TsRegulars) result = analyse (fixture, fixture->d.chapter_a, 3, 6, 2017, 5,
                                          DATASET_TODAY);
  const Dataset *d = &fixture->d;

  g_assert_cmpuint (result->n_events, ==, 5);
  g_assert_cmpuint (result->n_months, ==, 5);
  g_assert_cmpint (find (result, d->t, NULL)->klass, ==, TS_REGULARS_CLASS_FIRST_TIMER);
  g_assert_cmpint (find (result, d->m, NULL)->klass, ==, TS_REGULARS_CLASS_FIRST_TIMER);
  g_assert_false (find (result, d->m, NULL)->first_in_network);
  g_assert_true (find (result, d->t, NULL)->first_in_network);
  g_assert_cmpint (find (result, d->l, NULL)->klass, ==, TS_REGULARS_CLASS_REGULAR);
  g_assert_cmpint (find (result, d->q, NULL)->klass, ==, TS_REGULARS_CLASS_OCCASIONAL);
}

static void
test_network (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsRegularsSource) source = ts_regulars_source_load (fixture->repository, 0, &error);
  g_autoptr(GArray) chapters = NULL;
  TsRegularsOptions options;
  guint total = 0;

  g_assert_no_error (error);
  ts_regulars_options_init (&options);
  g_strlcpy (options.today, DATASET_TODAY, sizeof options.today);
  options.until_year = 2017;
  options.until_month = 12;
  chapters = ts_regulars_source_chapters (source);
  g_assert_cmpuint (chapters->len, ==, 2);
  for (guint c = 0; c < chapters->len; c++)
    {
      g_autoptr(TsRegulars) result = ts_regulars_analyse (source,
                                                          g_array_index (chapters, gint64, c),
                                                          &options);
      for (guint i = 0; i < result->n_months; i++)
        total += result->months[i].first_in_network;
    }
  /* R, L, Q in January at A, M in March at B, T in May, W in September,
   * N in December: seven people new to the network. */
  g_assert_cmpuint (total, ==, 7);
}

static void
test_default_month (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TsRegulars) result = analyse (fixture, fixture->d.chapter_a, 3, 6, 0, 0,
                                          DATASET_TODAY);
  g_autoptr(TsRegulars) early = analyse (fixture, fixture->d.chapter_a, 3, 6, 0, 0,
                                         "2017-05-20T12:00");

  /* On 31 January 2018 the last meeting was A10 in December 2017. */
  g_assert_cmpint (result->options.until_year, ==, 2017);
  g_assert_cmpint (result->options.until_month, ==, 12);
  g_assert_cmpint (find (result, fixture->d.n, NULL)->klass, ==, TS_REGULARS_CLASS_FIRST_TIMER);
  /* On 20 May 2017, A5 (11 May) was the last meeting so far: May. A6
   * (25 May) is already marked held, so by the definition it counts. */
  g_assert_cmpint (early->options.until_month, ==, 5);
  g_assert_cmpuint (early->n_events, ==, 5);
}

static void
test_marks (Fixture       *fixture,
            gconstpointer  data)
{
  /* As of the end of February 2018, so that A11 is still to come. */
  g_autoptr(TsRegulars) result = analyse (fixture, fixture->d.chapter_a, 3, 6, 2018, 2,
                                          DATASET_TODAY);
  const Dataset *d = &fixture->d;
  const char *a9 = "2017-10-26T19:00", *a10 = "2017-12-14T19:00", *a11 = "2018-02-22T19:00";

  g_assert_cmpint (ts_regulars_mark (result, d->n, a10), ==, TS_REGULARS_MARK_FIRST_TIMER);
  g_assert_cmpint (ts_regulars_mark (result, d->m, a10), ==, TS_REGULARS_MARK_RETURNING);
  g_assert_cmpint (ts_regulars_mark (result, d->r, a10), ==, TS_REGULARS_MARK_REGULAR);
  g_assert_cmpint (ts_regulars_mark (result, d->w, a9), ==, TS_REGULARS_MARK_NONE);
  g_assert_cmpint (ts_regulars_mark (result, d->w, "2017-09-28T19:00"), ==,
                   TS_REGULARS_MARK_FIRST_TIMER);
  /* The upcoming A11: X never came, R is a regular, L comes back after
   * nine months, somebody unknown is new. */
  g_assert_cmpint (ts_regulars_mark (result, d->x, a11), ==, TS_REGULARS_MARK_FIRST_TIMER);
  g_assert_cmpint (ts_regulars_mark (result, d->r, a11), ==, TS_REGULARS_MARK_REGULAR);
  g_assert_cmpint (ts_regulars_mark (result, d->l, a11), ==, TS_REGULARS_MARK_RETURNING);
  g_assert_cmpint (ts_regulars_mark (result, 999999, a11), ==, TS_REGULARS_MARK_FIRST_TIMER);
  g_assert_cmpstr (ts_regulars_mark_label (TS_REGULARS_MARK_RETURNING), ==, "Welcome back");
}

/* Every person on every list of @chapter_id gets from the figures of
 * their event's list the mark the whole chapter's give them. */
static void
assert_event_marks (Fixture                 *fixture,
                    gint64                   chapter_id,
                    const TsRegularsOptions *options,
                    guint                   *n_marks)
{
  g_autoptr(GListModel) events = ts_repository_list_events (fixture->repository, chapter_id, NULL);
  g_autoptr(TsRegulars) whole = ts_regulars_compute (fixture->repository, chapter_id, options,
                                                     NULL);

  g_assert_nonnull (whole);
  g_assert_cmpuint (g_list_model_get_n_items (events), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, i);
      g_autoptr(GListModel) list = ts_repository_list_attendance (fixture->repository, event->id,
                                                                  NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(TsRegulars) part = ts_regulars_compute_for_event (fixture->repository, chapter_id,
                                                                  event->id, options, &error);

      g_assert_no_error (error);
      g_assert_nonnull (part);
      for (guint j = 0; j < g_list_model_get_n_items (list); j++)
        {
          g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, j);
          TsRegularsMark mark = ts_regulars_mark (whole, attendance->member_id, event->starts_at);

          g_test_message ("event %s, member %" G_GINT64_FORMAT, event->starts_at,
                          attendance->member_id);
          g_assert_cmpint (ts_regulars_mark (part, attendance->member_id, event->starts_at), ==,
                           mark);
          n_marks[mark]++;
        }
    }
}

static void
test_event_marks (Fixture       *fixture,
                  gconstpointer  data)
{
  TsRegularsOptions options;
  guint n_marks[TS_REGULARS_MARK_REGULAR + 1] = { 0 };

  /* As the event page asks: the chapter's last month, today's date. */
  ts_regulars_options_init (&options);
  g_strlcpy (options.today, DATASET_TODAY, sizeof options.today);
  assert_event_marks (fixture, fixture->d.chapter_a, &options, n_marks);
  assert_event_marks (fixture, fixture->d.chapter_b, &options, n_marks);
  /* Other thresholds, and a month asked for. */
  options.min_present = 2;
  options.window = 4;
  options.until_year = 2017;
  options.until_month = 10;
  assert_event_marks (fixture, fixture->d.chapter_a, &options, n_marks);
  /* Each kind of mark was compared. */
  for (guint i = 0; i < G_N_ELEMENTS (n_marks); i++)
    g_assert_cmpuint (n_marks[i], >, 0);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  TsRegularsOptions options;
  g_autoptr(TsRegularsHistory) m = NULL;
  g_autoptr(TsRegularsHistory) l = NULL;
  g_autoptr(GError) error = NULL;

  ts_regulars_options_init (&options);
  g_strlcpy (options.today, DATASET_TODAY, sizeof options.today);
  options.until_year = 2017;
  options.until_month = 12;

  /* M: B1 in March, A6 in May, B2 in November, A10 in December. */
  m = ts_regulars_history_compute (fixture->repository, fixture->d.m, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (m->first_month, ==, 2017 * 12 + 2);
  g_assert_cmpuint (m->n_months, ==, 10);
  g_assert_cmpint (m->cells[0], ==, TS_REGULARS_CELL_PRESENT);
  g_assert_cmpint (m->cells[1], ==, TS_REGULARS_CELL_NONE);
  g_assert_cmpint (m->cells[2], ==, TS_REGULARS_CELL_PRESENT);
  g_assert_cmpint (m->cells[8], ==, TS_REGULARS_CELL_PRESENT);
  g_assert_cmpint (m->cells[9], ==, TS_REGULARS_CELL_PRESENT);
  g_assert_cmpuint (m->n_chapters, ==, 2);
  /* Two presences each: the older chapter (A) first. */
  g_assert_cmpint (m->chapters[0].chapter_id, ==, fixture->d.chapter_a);
  g_assert_cmpuint (m->chapters[0].stats.times_present, ==, 2);
  g_assert_cmpuint (m->chapters[0].stats.longest_streak, ==, 1);
  g_assert_cmpstr (m->chapters[0].first_presence, ==, "2017-05-25T19:00");
  g_assert_cmpstr (m->chapters[0].last_presence, ==, "2017-12-14T19:00");
  g_assert_cmpint (m->chapters[1].chapter_id, ==, fixture->d.chapter_b);
  g_assert_cmpuint (m->chapters[1].stats.current_streak, ==, 2);
  g_assert_cmpfloat_with_epsilon (m->chapters[1].stats.rate, 1.0, 1e-9);

  /* L: January to December at A, a no-show in October. */
  l = ts_regulars_history_compute (fixture->repository, fixture->d.l, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (l->n_months, ==, 12);
  g_assert_cmpint (l->cells[9], ==, TS_REGULARS_CELL_ABSENT);
  g_assert_cmpuint (l->n_chapters, ==, 1);
  g_assert_true (l->chapters[0].stats.lapsed);
}

static void
test_month_text (void)
{
  int month = 0;

  g_assert_true (ts_regulars_parse_month ("2017-08", &month));
  g_assert_cmpint (month, ==, 2017 * 12 + 7);
  g_assert_false (ts_regulars_parse_month ("2017-13", &month));
  g_assert_false (ts_regulars_parse_month ("2017-8x", &month));
  /* As people type months, in any width; still the whole text. */
  g_assert_true (ts_regulars_parse_month ("2017/8", &month));
  g_assert_cmpint (month, ==, 2017 * 12 + 7);
  g_assert_true (ts_regulars_parse_month ("２０１７年８月", &month));
  g_assert_cmpint (month, ==, 2017 * 12 + 7);
  g_assert_true (ts_regulars_parse_month ("平成29年8月", &month));
  g_assert_cmpint (month, ==, 2017 * 12 + 7);
  g_assert_true (ts_regulars_parse_month ("令和元年5月", &month));
  g_assert_cmpint (month, ==, 2019 * 12 + 4);
  g_assert_false (ts_regulars_parse_month ("令和元年4月", &month));
  g_assert_false (ts_regulars_parse_month ("2017年8", &month));
  g_assert_false (ts_regulars_parse_month ("2017/8/24", &month));
  g_assert_false (ts_regulars_parse_month ("August", &month));
  g_assert_false (ts_regulars_parse_month (NULL, &month));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/regulars/" path, Fixture, NULL, dataset_fixture_set_up, func, \
              dataset_fixture_tear_down)
  ADD ("events", test_events);
  ADD ("members", test_members);
  ADD ("cells", test_cells);
  ADD ("months", test_months);
  ADD ("other-chapter", test_other_chapter);
  ADD ("window-larger-than-events", test_window_larger_than_events);
  ADD ("until-month", test_until_month);
  ADD ("network", test_network);
  ADD ("default-month", test_default_month);
  ADD ("marks", test_marks);
  ADD ("event-marks", test_event_marks);
  ADD ("history", test_history);
  g_test_add_func ("/regulars/month-text", test_month_text);
  return g_test_run ();
}
