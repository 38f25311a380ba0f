/* ts-render-receipts.h: receipts (領収書) and their stub list (控え).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ts-receipt.h"

G_BEGIN_DECLS

typedef enum {
  TS_RECEIPT_LAYOUT_A4_4,   /* four on an A4 sheet, with cut lines */
  TS_RECEIPT_LAYOUT_A6,     /* one on each A6 page, landscape */
  TS_RECEIPT_LAYOUT_STUBS,  /* the stub list: one line a receipt, A4 */
} TsReceiptLayout;

/* Receipts as issued, and how to print them; never changes once made,
 * so any thread can draw it. */
typedef struct {
  TsReceiptLayout layout;
  GPtrArray      *receipts;   /* TsReceipt, issued */
  char           *title;      /* "大田医介塾 2026年12月17日(木)": the stub list's heading */
} TsReceiptJob;

TsReceiptJob *ts_receipt_job_new            (TsReceiptLayout     layout,
                                             GPtrArray          *receipts,
                                             const char         *title);
void          ts_receipt_job_free           (TsReceiptJob       *job);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsReceiptJob, ts_receipt_job_free)

void          ts_render_receipt_page_size   (const TsReceiptJob *job,
                                             double             *width_pt,
                                             double             *height_pt);
guint         ts_render_receipts_n_pages    (const TsReceiptJob *job);
void          ts_render_receipts_page       (cairo_t            *cr,
                                             const TsReceiptJob *job,
                                             guint               page);
gboolean      ts_render_receipts_write_pdf  (const TsReceiptJob *job,
                                             const char         *path,
                                             GError            **error);

GPtrArray    *ts_render_receipts_issue_to_pdf (TsRepository     *repository,
                                              gint64            event_id,
                                              GPtrArray        *drafts,
                                              gboolean          reissue,
                                              TsReceiptLayout   layout,
                                              const char       *path,
                                              GError          **error);

G_END_DECLS
