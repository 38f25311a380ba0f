/* regulars-dataset.c: a small network whose regulars were worked out by hand.
 *
 * Chapter A's events (K = 3, N = 6, L = 2 unless a test says otherwise):
 *   idx  event  date        status
 *   0    A1     2017-01-26  held
 *   1    A2     2017-02-23  held
 *   -    A3     2017-03-23  cancelled (R's "attended" there must not count)
 *   2    A4     2017-04-27  held
 *   3    A5     2017-05-11  held       two events in May
 *   4    A6     2017-05-25  held
 *   5    A7     2017-06-22  planned, but dated before today and people
 *                           were checked in: held
 *   6    A8     2017-09-28  held       (no meetings in July and August)
 *   7    A9     2017-10-26  held
 *   8    A10    2017-12-14  held
 *   -    A11    2018-02-22  planned, after today, registrations only
 * Chapter B: B1 2017-03-15 and B2 2017-11-15, both held.
 *
 * Members and what they show:
 *   R  present at every held A event: the regular; attended the cancelled A3.
 *   L  A1 A2 A4 A5, no-show at A9: regular in spring, then lapsed.
 *   Q  A1 A2, then A7: returning in June, which also makes 3 of 6: lapsed.
 *   T  A5 and A6: two events in one month, counted once in May.
 *   M  B1 (March), then A6 and A10, and B2: moves between chapters; first-timer
 *      at A in May but not new to the network; returning at A in December.
 *   W  walk-in at A8, then registered and attended A9.
 *   N  first presence anywhere at A10: this month's first-timer.
 *   X  registered for A10 and did not come: a no-show, never present.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "regulars-dataset.h"
#include "ts-test-support.h"

static gint64
add_chapter (TsRepository *repository,
             const char   *name,
             const char   *reading)
{
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (repository, "name", name,
                                                      "reading", reading,
                                                      "region", "東京都", NULL);

  return chapter->id;
}

static gint64
add_event (TsRepository *repository,
           gint64        chapter_id,
           const char   *starts_at,
           TsEventStatus status)
{
  g_autoptr(TsEvent) event = ts_test_add_event (repository, "chapter-id", chapter_id,
                                                "starts-at", starts_at, "status", status,
                                                "title", "定例会", NULL);

  return event->id;
}

static gint64
add_member (TsRepository *repository,
            const char   *family,
            const char   *given,
            const char   *profession,
            const char   *email)
{
  g_autoptr(TsMember) member = ts_test_add_member (repository, "family-name", family,
                                                   "given-name", given,
                                                   "profession", profession, "email", email,
                                                   "organization", "蒲田ケアセンター", NULL);

  return member->id;
}

void
dataset_build (TsRepository *repository,
               Dataset      *d)
{
  gint64 a[12], b1, b2;
  const char *dates[] = { NULL, "2017-01-26T19:00", "2017-02-23T19:00", "2017-03-23T19:00",
                          "2017-04-27T19:00", "2017-05-11T19:00", "2017-05-25T19:00",
                          "2017-06-22T19:00", "2017-09-28T19:00", "2017-10-26T19:00",
                          "2017-12-14T19:00", "2018-02-22T19:00" };

  d->chapter_a = add_chapter (repository, "大田医介塾", "おおたいかいじゅく");
  d->chapter_b = add_chapter (repository, "品川医介塾", "しながわいかいじゅく");
  for (guint i = 1; i <= 11; i++)
    a[i] = add_event (repository, d->chapter_a, dates[i],
                      i == 3 ? TS_EVENT_STATUS_CANCELLED : i == 7 || i == 11 ? TS_EVENT_STATUS_PLANNED : TS_EVENT_STATUS_HELD);
  b1 = add_event (repository, d->chapter_b, "2017-03-15T19:00", TS_EVENT_STATUS_HELD);
  b2 = add_event (repository, d->chapter_b, "2017-11-15T19:00", TS_EVENT_STATUS_HELD);

  d->r = add_member (repository, "常連", "太郎", "看護師", "r@example.jp");
  d->l = add_member (repository, "離脱", "花子", "介護福祉士", "l@example.jp");
  d->q = add_member (repository, "久保", "久", "薬剤師", "");
  d->t = add_member (repository, "二度", "哲", "看護師", "");
  d->m = add_member (repository, "移動", "美紀", "医師", "");
  d->w = add_member (repository, "当日", "渉", "理学療法士", "");
  d->n = add_member (repository, "新人", "直子", "看護師", "");
  d->x = add_member (repository, "欠席", "健", "社会福祉士", "");

  for (guint i = 1; i <= 10; i++)
    ts_test_attend (repository, a[i], d->r, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[11], d->r, TS_ATTENDANCE_STATUS_REGISTERED);
  ts_test_attend (repository, a[1], d->l, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[2], d->l, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[4], d->l, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[5], d->l, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[9], d->l, TS_ATTENDANCE_STATUS_NO_SHOW);
  ts_test_attend (repository, a[1], d->q, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[2], d->q, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[7], d->q, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[5], d->t, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[6], d->t, TS_ATTENDANCE_STATUS_WALK_IN);
  ts_test_attend (repository, b1, d->m, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[6], d->m, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, b2, d->m, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[10], d->m, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[8], d->w, TS_ATTENDANCE_STATUS_WALK_IN);
  ts_test_attend (repository, a[9], d->w, TS_ATTENDANCE_STATUS_REGISTERED);
  ts_test_attend (repository, a[9], d->w, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[10], d->n, TS_ATTENDANCE_STATUS_ATTENDED);
  ts_test_attend (repository, a[10], d->x, TS_ATTENDANCE_STATUS_REGISTERED);
  ts_test_attend (repository, a[10], d->x, TS_ATTENDANCE_STATUS_NO_SHOW);
}

void
dataset_fixture_set_up (DatasetFixture *fixture,
                        gconstpointer   data)
{
  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "regulars.db");
  dataset_build (fixture->repository, &fixture->d);
}

void
dataset_fixture_tear_down (DatasetFixture *fixture,
                           gconstpointer   data)
{
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}
