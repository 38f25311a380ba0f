/* ts-regulars.h: who keeps coming, who is new, who stopped.
 *
 * The definitions are written out in docs/regulars.md. In short, over a
 * chapter's held events (status held, or dated before "today" and not
 * cancelled), with attended and walk-in counted as present:
 *  - first-timer: the member's first presence at this chapter (and, as a
 *    separate flag, their first presence anywhere in the network);
 *  - regular: present at >= K of the chapter's last N held events;
 *  - lapsed: a regular at some event of the last 12 months, and absent
 *    from the chapter's last L held events;
 *  - returning: present again 3 or more calendar months after their
 *    previous presence at the chapter.
 *
 * ts_regulars_source_load() reads everything with ONE query into compact
 * arrays; ts_regulars_analyse() then works in memory only, so one chapter
 * or the whole network is analysed without a query per member.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_REGULARS_DEFAULT_MIN_PRESENT  3
#define TS_REGULARS_DEFAULT_WINDOW       6
#define TS_REGULARS_DEFAULT_LAPSE_AFTER  2
#define TS_REGULARS_LAPSED_MONTHS       12
#define TS_REGULARS_RETURN_MONTHS        3

typedef struct {
  guint min_present;    /* K */
  guint window;         /* N */
  guint lapse_after;    /* L */
  char  today[17];      /* "2017-08-31T23:59"; "" for now */
  int   until_year;     /* last month analysed; 0 for the month of the
                         * chapter's last meeting (the result has it set) */
  int   until_month;
} TsRegularsOptions;

/* One member × month of the grid. */
typedef enum {
  TS_REGULARS_CELL_NONE,
  TS_REGULARS_CELL_ABSENT,     /* registered or no-show, not present */
  TS_REGULARS_CELL_WALK_IN,
  TS_REGULARS_CELL_PRESENT,
} TsRegularsCell;

/* One label per member; the first that applies wins, in this order. */
typedef enum {
  TS_REGULARS_CLASS_NEVER,       /* registered, never present */
  TS_REGULARS_CLASS_FIRST_TIMER, /* first presence in the month analysed */
  TS_REGULARS_CLASS_LAPSED,
  TS_REGULARS_CLASS_REGULAR,
  TS_REGULARS_CLASS_OCCASIONAL,
} TsRegularsClass;

/* The mark printed beside a name on the roster and the event page. */
typedef enum {
  TS_REGULARS_MARK_NONE,
  TS_REGULARS_MARK_FIRST_TIMER,  /* 初参加 */
  TS_REGULARS_MARK_RETURNING,    /* 久しぶり */
  TS_REGULARS_MARK_REGULAR,      /* 常連 */
} TsRegularsMark;

typedef struct {
  gint64  id;
  char    starts_at[17];
  int     month;             /* year * 12 + month - 1 */
  guint   present;
} TsRegularsEvent;

typedef struct {
  gint64           id;
  const char      *name;          /* owned by the source */
  const char      *organization;
  const char      *profession;
  const char      *email;
  const char      *phone;
  TsRegularsClass  klass;
  gboolean         regular;       /* K of the last N */
  gboolean         lapsed;
  gboolean         first_this_month;
  gboolean         first_in_network; /* first presence anywhere was this month, here */
  guint            times_present;
  guint            window_present;
  guint            window_size;   /* min (N, held events) */
  double           rate;          /* window_present / window_size */
  guint            current_streak;
  guint            longest_streak;
  int              first_event;   /* index into events, -1 for never */
  int              last_event;
} TsRegularsMember;

typedef struct {
  int    month;                   /* year * 12 + month - 1 */
  guint  n_events;
  /* Distinct members. first_timers + returning + regulars + others is the
   * headcount: each present member counts once, in the first of these
   * kinds that applies. */
  guint  headcount;
  guint  first_timers;
  guint  returning;
  guint  regulars;
  guint  first_in_network;        /* among first_timers */
  guint  walk_ins;
  guint  no_shows;
} TsRegularsMonth;

typedef struct _TsRegularsSource TsRegularsSource;

typedef struct {
  TsRegularsOptions  options;
  gint64             chapter_id;
  guint              n_events;
  TsRegularsEvent   *events;      /* held, oldest first */
  guint              n_planned;
  TsRegularsEvent   *planned;     /* of the month analysed, neither held nor
                                   * cancelled yet, oldest first */
  guint              n_members;
  TsRegularsMember  *members;     /* regulars first, then by last presence */
  guint              n_months;
  TsRegularsMonth   *months;      /* every month from the first event to until */
  guint8            *cells;       /* n_members × n_months TsRegularsCell */
  guint              n_professions;
  const char       **professions; /* owned by the source */
  guint             *profession_counts; /* n_months × n_professions */
  TsRegularsSource  *source;
  gboolean           owns_source;
  guint8            *presence;    /* n_members × n_events, 1 for present */
} TsRegulars;

void              ts_regulars_options_init    (TsRegularsOptions *options);
int               ts_regulars_until_index     (const TsRegularsOptions *options);

TsRegularsSource *ts_regulars_source_load     (TsRepository      *repository,
                                               gint64             chapter_id,
                                               GError           **error);
TsRegularsSource *ts_regulars_source_load_member (TsRepository   *repository,
                                                  gint64          member_id,
                                                  GError        **error);
void              ts_regulars_source_free     (TsRegularsSource  *source);
GArray           *ts_regulars_source_chapters (TsRegularsSource  *source);

TsRegulars       *ts_regulars_analyse         (TsRegularsSource  *source,
                                               gint64             chapter_id,
                                               const TsRegularsOptions *options);
TsRegulars       *ts_regulars_compute         (TsRepository      *repository,
                                               gint64             chapter_id,
                                               const TsRegularsOptions *options,
                                               GError           **error);
TsRegulars       *ts_regulars_compute_for_event (TsRepository    *repository,
                                                 gint64           chapter_id,
                                                 gint64           event_id,
                                                 const TsRegularsOptions *options,
                                                 GError         **error);
void              ts_regulars_free            (TsRegulars        *self);

TsRegularsCell    ts_regulars_cell            (const TsRegulars  *self,
                                               guint              member,
                                               guint              month);
const TsRegularsMonth *ts_regulars_find_month (const TsRegulars  *self,
                                               int                month);
int               ts_regulars_find_member     (const TsRegulars  *self,
                                               gint64             member_id);
TsRegularsMark    ts_regulars_mark            (const TsRegulars  *self,
                                               gint64             member_id,
                                               const char        *starts_at);
const char       *ts_regulars_mark_label      (TsRegularsMark     mark);
const char       *ts_regulars_class_label     (TsRegularsClass    klass);
const char       *ts_regulars_class_name      (TsRegularsClass    klass);
char             *ts_regulars_format_month    (int                month);
gboolean          ts_regulars_parse_month     (const char        *text,
                                               int               *month);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRegularsSource, ts_regulars_source_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRegulars, ts_regulars_free)

G_END_DECLS
