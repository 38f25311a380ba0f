/* ts-fees.h: an event's fees (会費): fee classes, payments at the door,
 * the summary of what was expected and collected, and the cash count.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ts-repository.h"

G_BEGIN_DECLS

/* ---- fee classes (一般 / 学生 / 初参加) ----------------------------------- */

#define TS_TYPE_FEE_CLASS (ts_fee_class_get_type ())
G_DECLARE_FINAL_TYPE (TsFeeClass, ts_fee_class, TS, FEE_CLASS, GObject)

struct _TsFeeClass
{
  GObject parent_instance;

  gint64  id;
  char   *uuid;
  gint64  event_id;
  char   *name;
  gint64  amount;      /* yen */
  gint64  position;
};

TsFeeClass *ts_fee_class_new (void);

/* ---- payments -------------------------------------------------------------- */

/* What an attendance held before a payment was recorded: its undo puts
 * exactly this back. */
typedef struct {
  gint64    event_id;
  gint64    member_id;
  gint64    attendance_id;
  gint64    paid_amount;
  char     *paid_at;
  gboolean  paid;
} TsPayment;

void ts_payment_free (TsPayment *payment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsPayment, ts_payment_free)

/* ---- the summary ------------------------------------------------------------ */

/* One present person: what they owe and what they gave. */
typedef struct {
  gint64    attendance_id;
  gint64    member_id;
  char     *name;          /* family and given name */
  char     *class_name;    /* "" for the event's fee */
  gint64    due;
  gint64    paid;
} TsFeeLine;

typedef struct {
  gint64     event_id;
  gint64     expected;     /* present people × their fee */
  gint64     collected;    /* everything received, present or not */
  gint64     outstanding;  /* what present people still owe */
  GPtrArray *lines;        /* TsFeeLine, present people, in the list's order */
} TsFeeSummary;

void ts_fee_summary_free (TsFeeSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsFeeSummary, ts_fee_summary_free)

TsFeeSummary *ts_fee_summary_compute (GListModel *attendance);
void   ts_fee_line_free     (TsFeeLine *line);
gint64 ts_fee_line_get_owed (const TsFeeLine *line);

/* ---- the cash count (金種) ---------------------------------------------------- */

#define TS_N_DENOMINATIONS 7

/* 10,000 / 5,000 / 1,000 円 notes, then 500 / 100 / 50 / 10 円 coins. */
const gint64 *ts_cash_denominations (void);

typedef struct {
  gint64  counts[TS_N_DENOMINATIONS];  /* in the order of ts_cash_denominations() */
  char   *counted_at;                  /* "" when never counted */
} TsCashCount;

void   ts_cash_count_free  (TsCashCount *count);
gint64 ts_cash_count_total (const TsCashCount *count);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsCashCount, ts_cash_count_free)

/* "¥4,000" (in Japanese "4,000円"): an amount of yen for people. */
char  *ts_fees_format_yen  (gint64 amount);
/* "1,234": digits grouped by thousands, whatever the locale. */
char  *ts_fees_format_number (gint64 amount);
gboolean ts_fees_parse_amount (const char *text,
                               gint64     *amount);

/* ---- reads and writes (ts-repository-fees.c) ------------------------------------ */

GListModel   *ts_repository_list_fee_classes  (TsRepository  *self,
                                               gint64         event_id,
                                               GError       **error);
TsFeeClass   *ts_repository_add_fee_class     (TsRepository  *self,
                                               gint64         event_id,
                                               const char    *name,
                                               gint64         amount,
                                               GError       **error);
gboolean      ts_repository_edit_fee_class    (TsRepository  *self,
                                               gint64         id,
                                               const char    *name,
                                               gint64         amount,
                                               GError       **error);
gboolean      ts_repository_remove_fee_class  (TsRepository  *self,
                                               gint64         id,
                                               GError       **error);
gboolean      ts_repository_restore_fee_class (TsRepository *self,
                                               TsFeeClass    *fee_class,
                                               GArray        *member_ids,
                                               GError       **error);
gboolean      ts_repository_set_fee_class     (TsRepository  *self,
                                               gint64         event_id,
                                               gint64         member_id,
                                               gint64         fee_class_id,
                                               GError       **error);

TsPayment    *ts_repository_record_payment    (TsRepository  *self,
                                               gint64         event_id,
                                               gint64         member_id,
                                               gint64         amount,
                                               GError       **error);
TsPayment    *ts_repository_check_in_and_pay  (TsRepository  *self,
                                               gint64         event_id,
                                               gint64         member_id,
                                               GError       **error);
gboolean      ts_repository_undo_payment      (TsRepository  *self,
                                               const TsPayment *before,
                                               GError       **error);

TsFeeSummary *ts_repository_get_fee_summary   (TsRepository  *self,
                                               gint64         event_id,
                                               GError       **error);

TsCashCount  *ts_repository_get_cash_count    (TsRepository  *self,
                                               gint64         event_id,
                                               GError       **error);
gboolean      ts_repository_save_cash_count   (TsRepository  *self,
                                               gint64         event_id,
                                               const gint64  *counts,
                                               GError       **error);

G_END_DECLS
