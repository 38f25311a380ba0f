/* ts-seating.h: who sits at which table (席決め), as a pure computation.
 *
 * The planner knows nothing of the database: it is given the people with
 * what matters for mixing them (organization, profession, first-timer,
 * regular or organizer, a table they are locked to) and returns a table
 * for each. ts-seating-guests.h reads those people for an event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TS_SEATING_ERROR (ts_seating_error_quark ())
GQuark ts_seating_error_quark (void);

typedef enum {
  TS_SEATING_ERROR_NO_ROOM,   /* more people than tables × seats */
  TS_SEATING_ERROR_INVALID,   /* no tables, or a lock that cannot hold */
} TsSeatingError;

typedef struct {
  gint64      member_id;
  const char *organization_key;  /* ts_seating_organization_key(); "" or NULL: none */
  const char *profession;        /* "" or NULL: none */
  gboolean    first_timer;
  gboolean    host;              /* a regular or an organizer */
  guint       locked_table;      /* 1…n_tables; 0 when free to move */
} TsSeatingPerson;

typedef struct {
  guint   n_tables;
  guint   seats;                 /* per table; 0 for no limit */
  guint32 seed;
} TsSeatingOptions;

/* How mixed a plan is, as the bench and the CLI report it. */
typedef struct {
  guint  org_repeats;            /* people beyond the first of their organization at a table */
  guint  org_repeats_unavoidable;/* the fewest any plan of these sizes can have */
  guint  hostless_first_timers;  /* first-timers at a table with no regular or organizer */
  double professions_mean;       /* distinct professions per table */
  guint  professions_min;
  guint  size_min;
  guint  size_max;
} TsSeatingQuality;

char  *ts_seating_organization_key (const char              *organization);

guint *ts_seating_plan             (const TsSeatingPerson   *people,
                                    guint                    n_people,
                                    const TsSeatingOptions  *options,
                                    GError                 **error);
guint  ts_seating_place_walk_in    (const TsSeatingPerson   *people,
                                    const guint             *tables,
                                    guint                    n_people,
                                    const TsSeatingPerson   *walk_in,
                                    const TsSeatingOptions  *options,
                                    GError                 **error);
guint *ts_seating_random_plan      (guint                    n_people,
                                    const TsSeatingOptions  *options);
void   ts_seating_measure          (const TsSeatingPerson   *people,
                                    const guint             *tables,
                                    guint                    n_people,
                                    guint                    n_tables,
                                    TsSeatingQuality        *quality);

G_END_DECLS
