/* ts-receipt.h: receipts (領収書) for what attendees paid, and their numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_RECEIPT_ERROR (ts_receipt_error_quark ())

typedef enum {
  TS_RECEIPT_ERROR_ALREADY_ISSUED, /* a receipt exists; ask for a reissue */
  TS_RECEIPT_ERROR_NOT_PAID,       /* a chosen person has paid nothing */
  TS_RECEIPT_ERROR_NOBODY,         /* nobody at the event has paid */
} TsReceiptError;

/* Receipts reaching this amount (yen) carry a revenue stamp (収入印紙). */
#define TS_RECEIPT_STAMP_AMOUNT 50000

#define TS_TYPE_RECEIPT (ts_receipt_get_type ())
G_DECLARE_FINAL_TYPE (TsReceipt, ts_receipt, TS, RECEIPT, GObject)

/* A receipt as issued, or a draft of one (number "", id 0) as planned. */
struct _TsReceipt
{
  GObject parent_instance;

  gint64  id;
  char   *uuid;
  char   *number;          /* "2026-12-0001" */
  gint64  event_id;
  gint64  member_id;       /* 0 once the member is purged */
  char   *addressee;       /* 宛名, ending in 様 unless edited otherwise */
  gint64  amount;          /* yen, tax included */
  char   *purpose;         /* 但し書き */
  char   *issued_on;       /* "2026-12-17": the payment's day, or the event's */
  char   *issuer;          /* chapter name, a line break, the leader */
  char   *invoice_number;  /* the chapter's T number when issued, or "" */
  gint64  reissue_of;      /* the receipt replaced; in a draft, the one it would */
  char   *created_at;
  /* Filled by listings, not stored. */
  char   *reissue_of_number;
};

GQuark      ts_receipt_error_quark      (void);
TsReceipt  *ts_receipt_new              (void);
gboolean    ts_receipt_is_reissue       (TsReceipt    *self);
char       *ts_receipt_format_amount    (gint64        amount);
char       *ts_receipt_format_date      (const char   *issued_on);
const char *ts_receipt_default_purpose  (void);
char       *ts_receipt_default_addressee (const char  *family_name,
                                          const char  *given_name,
                                          const char  *organization);

/* The attendees of @event_id who paid, or the members @member_ids of
 * them (an error names one who has not paid), as drafts in 五十音順. */
GPtrArray  *ts_repository_plan_receipts  (TsRepository  *self,
                                          gint64         event_id,
                                          const gint64  *member_ids,
                                          guint          n_member_ids,
                                          GError       **error);
/* Issues a receipt for each of @drafts (their member and addressee are
 * used; the rest is read again) in one write transaction, numbered in
 * the month of @now (NULL: now). A person who already has one is an
 * error unless @reissue. */
GPtrArray  *ts_repository_issue_receipts (TsRepository  *self,
                                          gint64         event_id,
                                          GPtrArray     *drafts,
                                          gboolean       reissue,
                                          GDateTime     *now,
                                          GError       **error);
/* Every receipt of @event_id, by number: the stub list (控え). */
GPtrArray  *ts_repository_list_receipts  (TsRepository  *self,
                                          gint64         event_id,
                                          GError       **error);

G_END_DECLS
