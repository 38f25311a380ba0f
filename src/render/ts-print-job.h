/* ts-print-job.h: what one printout shows, as plain data.
 *
 * A job is loaded from the repository on the caller's thread and never
 * changes after that, so it can be drawn in a worker thread, page by page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-regulars.h"
#include "ts-repository.h"
#include "ts-sheet.h"
#include "ts-render-enums.h"

G_BEGIN_DECLS

#define TS_PRINT_ERROR (ts_print_error_quark ())
GQuark ts_print_error_quark (void);

typedef enum /*< skip >*/ {
  TS_PRINT_ERROR_EMPTY,      /* nobody to print */
  TS_PRINT_ERROR_NOT_FOUND,  /* no such event */
  TS_PRINT_ERROR_WRITE,      /* the PDF could not be written */
} TsPrintError;               /* a cancel is G_IO_ERROR_CANCELLED */

/* Registered (ts-render-enums.h); the nicks name a kind on the command
 * line and in the print settings' keys. */
typedef enum {
  TS_PRINT_ROSTER,   /*< nick=roster >*/
  TS_PRINT_CARDS,    /*< nick=cards >*/
  TS_PRINT_BADGES,   /*< nick=badges >*/
  TS_PRINT_ADDENDUM, /*< nick=addendum >*/
  /* 席次表 and テーブル札: loaded with ts_print_job_load_seating(). */
  TS_PRINT_TABLE_PLAN,  /*< nick=table-plan >*/
  TS_PRINT_TABLE_CARDS, /*< nick=table-cards >*/
  TS_PRINT_INTRO_SHEET, /*< nick=intro-sheet >*/
} TsPrintKind;

typedef enum /*< skip >*/ {
  TS_PRINT_SORT_READING,      /* 五十音順 */
  TS_PRINT_SORT_PROFESSION,   /* profession, then reading */
  TS_PRINT_SORT_CHECK_IN,     /* time of arrival; not yet arrived last */
  TS_PRINT_SORT_TABLE,        /* by table, unseated last; each in arrival order */
} TsPrintSort;

/* Roster columns; the number and the name are always there. Registered
 * as flags whose nicks name them on the command line (--columns). */
typedef enum {
  TS_ROSTER_READING      = 1 << 0, /*< nick=reading >*/
  TS_ROSTER_ORGANIZATION = 1 << 1, /*< nick=organization >*/
  TS_ROSTER_PROFESSION   = 1 << 2, /*< nick=profession >*/
  TS_ROSTER_REFERRER     = 1 << 3, /*< nick=referrer >*/
  TS_ROSTER_FIRST_TIME   = 1 << 4, /*< nick=first-time >*/
  TS_ROSTER_INTRODUCTION = 1 << 5, /*< nick=introduction >*/
  /* 初参加 / 久しぶり / 常連 from the chapter's history (ts-regulars.h).
   * It says what the first-time column says and more, so when both are
   * chosen only the marks column is drawn. */
  TS_ROSTER_MARKS        = 1 << 6, /*< nick=marks >*/
  TS_ROSTER_ALL          = (1 << 7) - 1, /*< nick=all >*/
} TsRosterColumns;

/* Attendance statuses to include: one bit per TsAttendanceStatus. */
typedef enum /*< skip >*/ {
  TS_PRINT_REGISTERED = TS_ATTENDANCE_STATUS_FLAG (TS_ATTENDANCE_STATUS_REGISTERED),
  TS_PRINT_ATTENDED   = TS_ATTENDANCE_STATUS_FLAG (TS_ATTENDANCE_STATUS_ATTENDED),
  TS_PRINT_WALK_IN    = TS_ATTENDANCE_STATUS_FLAG (TS_ATTENDANCE_STATUS_WALK_IN),
  TS_PRINT_NO_SHOW    = TS_ATTENDANCE_STATUS_FLAG (TS_ATTENDANCE_STATUS_NO_SHOW),
  TS_PRINT_CANCELLED  = TS_ATTENDANCE_STATUS_FLAG (TS_ATTENDANCE_STATUS_CANCELLED),
  TS_PRINT_DEFAULT_STATUSES = TS_PRINT_REGISTERED | TS_PRINT_ATTENDED | TS_PRINT_WALK_IN,
} TsPrintStatuses;

typedef struct {
  TsPrintKind kind;
  TsPrintSort sort;
  guint       columns;         /* TsRosterColumns */
  guint       statuses;        /* TsPrintStatuses */
  gboolean    organizer_copy;  /* contact fields, and members not listed */
  gboolean    compact;         /* roster: two columns, two lines a person */
  gboolean    cut_marks;
  guint       start_slot;      /* 1-based slot of the first card */
  double      offset_x_mm;
  double      offset_y_mm;
  TsSheetId   badge_sheet;     /* business-card or A6 badges */
  guint       regulars_min_present; /* K for the 常連 mark; 0 for the default */
  guint       regulars_window;      /* N for the 常連 mark; 0 for the default */
  gboolean    wareki;          /* 令和元年5月1日(水), where the UI is Japanese */
} TsPrintOptions;

typedef struct {
  /* The same for this person in every document of the event: registrants
   * first in 五十音順, then walk-ins in order of arrival (see
   * ts-print-job.c), whatever the sort, the statuses or the copy. */
  guint     number;
  char     *name;          /* family name first, U+3000 between */
  char     *family_name;   /* the parts, for furigana over each */
  char     *given_name;
  char     *reading;       /* full-width hiragana, whatever was typed */
  char     *family_reading;
  char     *given_reading;
  char     *organization;
  char     *profession;
  char     *job_title;
  char     *referrer;
  char     *introduction;
  char     *wish;          /* やってみたいこと・お知らせ */
  char     *email;         /* organizer copy only */
  char     *phone;         /* organizer copy only */
  char     *checked_in_at;
  gboolean  first_time;
  TsRegularsMark mark;     /* only with TS_ROSTER_MARKS, and as first_time */
  gboolean  unlisted;      /* no consent: only in the organizer copy, and
                            * on their own card and badge (name only) */
  gboolean  walk_in;
  gint64    member_id;
  guint     table;         /* 1-based, 0 not seated: the stored seat, or
                            * the plan being printed (table plan, cards) */
  gboolean  present;       /* checked in: attended or walk-in */
} TsPrintEntry;

typedef struct {
  TsPrintOptions options;
  char          *document_title;  /* PDF title: "参加者名簿 大田医介塾 2017年8月24日(木)" */
  char          *chapter;
  char          *event_title;
  char          *when;
  char          *venue;
  guint          headcount;       /* everyone with a chosen status, listed or not */
  guint          n_unlisted;      /* of those, how many are not on the roster */
  GPtrArray     *entries;         /* TsPrintEntry */
  guint          n_tables;        /* table plan and cards */
  /* What the renderer works out once per job (column widths, page
   * breaks), made on first use by whichever thread draws first. */
  gpointer       render_cache;
  GDestroyNotify render_cache_free;
} TsPrintJob;

void        ts_print_options_init   (TsPrintOptions       *options,
                                     TsPrintKind           kind);
gboolean    ts_print_kind_from_name (const char           *name,
                                     TsPrintKind          *kind);
const char *ts_print_kind_title     (TsPrintKind           kind);
gboolean    ts_print_columns_parse  (const char           *text,
                                     guint                *columns,
                                     GError              **error);

TsPrintJob *ts_print_job_load       (TsRepository         *repository,
                                     gint64                event_id,
                                     const TsPrintOptions *options,
                                     GError              **error);
void        ts_print_job_free       (TsPrintJob           *job);

/* A seating plan to print (ts-print-seating.c): each member's table,
 * 1-based, 0 for not seated. */
typedef struct {
  guint         n_tables;
  guint         n_people;
  const gint64 *member_ids;
  const guint  *tables;
} TsPrintSeating;

TsPrintJob *ts_print_job_load_seating (TsRepository         *repository,
                                       gint64                event_id,
                                       const TsPrintOptions *options,
                                       const TsPrintSeating *seating,
                                       GError              **error);
gboolean    ts_print_kind_is_seating  (TsPrintKind           kind);
gconstpointer ts_print_job_get_render_cache (const TsPrintJob  *job,
                                             gpointer         (*make) (const TsPrintJob *job),
                                             GDestroyNotify     free_func);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsPrintJob, ts_print_job_free)

G_END_DECLS
