/* ts-render-receipts.c: receipts (領収書) and their stub list (控え).
 *
 * A receipt is drawn in its own box, origin at its top left, clipped to
 * it: a quarter of an A4 sheet (210 × 74.25 mm, the shape of a receipt
 * pad's page, cut along dashed lines) or a landscape A6 page. The left
 * two thirds say what was received (宛名, amount, 但し書き); the right
 * third who received it (the issuer, and the revenue stamp's place).
 *
 * Tax (インボイス制度). A chapter registered as a 適格請求書発行事業者 has
 * chosen to treat the fee as its own taxable sale, the dinner it resells;
 * its receipt is then a 適格簡易請求書, which may be given without the
 * payer's name and must carry the issuer's name and registration number,
 * the date of the transaction, what was sold, the amount by tax rate and
 * the rate or the tax. A dinner at a restaurant is 外食, at the standard
 * 10 %, so it says "10%対象 ¥4,000（内消費税等 ¥363）": the tax included
 * in the amount, rounded down once per receipt as the rules allow. A
 * chapter without a number is a voluntary group collecting the fee on
 * its members' behalf (不課税, or a tax-exempt business): a plain
 * 領収書 with no tax line, which would otherwise suggest a tax it does not
 * charge. A revenue stamp (収入印紙, 第17号文書) is due from 50,000 円,
 * so that is where the box for it appears; a group whose receipts are
 * not for business (営業に関しない受取書) may leave it empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <cairo-pdf.h>

#include "ts-pdf-output.h"
#include "ts-render-private.h"
#include "ts-render-receipts.h"

#define MM TS_PT_PER_MM
#define A6_WIDTH      (148.0 * MM)
#define A6_HEIGHT     (105.0 * MM)
#define STRIP_HEIGHT  (TS_A4_HEIGHT / 4)
#define PER_SHEET     4
#define MARGIN        (7.0 * MM)
#define TITLE_PT      20.0
#define ADDRESSEE_PT  15.0
#define AMOUNT_PT     24.0
#define TEXT_PT       10.0
#define SMALL_PT      8.5
#define STAMP_SIZE    (20.0 * MM)
/* 外食 is taxed at the standard rate. */
#define TAX_RATE_PERCENT 10

TsReceiptJob *
ts_receipt_job_new (TsReceiptLayout  layout,
                    GPtrArray       *receipts,
                    const char      *title)
{
  TsReceiptJob *job = g_new0 (TsReceiptJob, 1);

  job->layout = layout;
  job->receipts = g_ptr_array_ref (receipts);
  job->title = g_strdup (title ? title : "");
  return job;
}

void
ts_receipt_job_free (TsReceiptJob *job)
{
  if (job == NULL)
    return;
  g_ptr_array_unref (job->receipts);
  g_free (job->title);
  g_free (job);
}

void
ts_render_receipt_page_size (const TsReceiptJob *job,
                             double             *width_pt,
                             double             *height_pt)
{
  gboolean a6 = job->layout == TS_RECEIPT_LAYOUT_A6;

  *width_pt = a6 ? A6_WIDTH : TS_A4_WIDTH;
  *height_pt = a6 ? A6_HEIGHT : TS_A4_HEIGHT;
}

/* ---- one receipt ------------------------------------------------------- */

static void
set_grey (cairo_t *cr,
          double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
}

/* Draws @text in one line at (x, y), shrunk to @width if need be; @align
 * 0 left, 0.5 centred, 1 right of the box. Returns the height used. */
static double
draw_line (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           double        size_pt,
           PangoWeight   weight,
           double        x,
           double        y,
           double        width,
           double        align)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (text == NULL || *text == '\0')
    return 0;
  layout = ts_render_text_new (context, text, size_pt, weight);
  ts_render_text_fit (layout, size_pt, size_pt * 0.6, width);
  ts_render_text_draw (cr, layout, x + (width - ts_render_text_width (layout)) * align, y);
  return ts_render_text_height (layout);
}

static void
draw_title (cairo_t      *cr,
            PangoContext *context,
            TsReceipt    *receipt,
            double        width,
            double        y)
{
  double height;

  /* Translators: the title of a receipt (領収書). */
  height = draw_line (cr, context, _("Receipt"), TITLE_PT, PANGO_WEIGHT_BOLD,
                      0, y, width, 0.5);
  if (*receipt->invoice_number != '\0')
    /* Translators: under the title of a receipt from a registered
     * issuer of qualified invoices (適格簡易請求書). */
    draw_line (cr, context, _("Qualified simplified invoice"), SMALL_PT, PANGO_WEIGHT_NORMAL,
               0, y + height, width, 0.5);
}

/* 再発行 in a red frame at the top left: a copy that replaces a lost one. */
static void
draw_reissue_mark (cairo_t      *cr,
                   PangoContext *context,
                   double        x,
                   double        y)
{
  /* Translators: the mark on a receipt issued again (再発行). */
  g_autoptr(PangoLayout) layout = ts_render_text_new (context, _("Reissue"), 11.0, PANGO_WEIGHT_BOLD);
  double pad = 3.0;
  double width = ts_render_text_width (layout), height = ts_render_text_height (layout);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.75, 0.1, 0.1);
  cairo_set_line_width (cr, 1.2);
  cairo_rectangle (cr, x, y, width + 2 * pad, height + pad);
  cairo_stroke (cr);
  ts_render_text_draw (cr, layout, x + pad, y + pad / 2);
  cairo_restore (cr);
}

static void
draw_number_and_date (cairo_t      *cr,
                      PangoContext *context,
                      TsReceipt    *receipt,
                      double        right,
                      double        y,
                      double        width)
{
  /* Translators: the receipt's number, as "No. 2026-12-0001". */
  g_autofree char *number = g_strdup_printf (_("No. %s"), receipt->number);
  g_autofree char *date = ts_receipt_format_date (receipt->issued_on);
  double height;

  height = draw_line (cr, context, number, 9.0, PANGO_WEIGHT_NORMAL, right - width, y, width, 1.0);
  draw_line (cr, context, date, 9.0, PANGO_WEIGHT_NORMAL, right - width, y + height, width, 1.0);
}

/* The addressee above a rule, on up to two lines and shrunk to fit: a
 * long company name is printed whole, never cut. */
static double
draw_addressee (cairo_t      *cr,
                PangoContext *context,
                TsReceipt    *receipt,
                double        x,
                double        y,
                double        width)
{
  g_autoptr(PangoLayout) layout = ts_render_text_new (context, receipt->addressee,
                                                      ADDRESSEE_PT, PANGO_WEIGHT_BOLD);
  double room = ADDRESSEE_PT * TS_RENDER_LINE_HEIGHT * 2;
  double height;

  ts_render_text_fill_box (layout, ADDRESSEE_PT, 8.0, width, room);
  height = ts_render_text_height (layout);
  ts_render_text_draw (cr, layout, x, y + room - height);
  ts_render_rule (cr, x, y + room + 2, x + width, y + room + 2, 0.8, 0.0);
  return room + 2;
}

/* The amount large in a shaded band: ¥4,000- */
static double
draw_amount (cairo_t      *cr,
             PangoContext *context,
             TsReceipt    *receipt,
             double        x,
             double        y,
             double        width)
{
  g_autofree char *amount = ts_receipt_format_amount (receipt->amount);
  double band = AMOUNT_PT * 1.6;

  cairo_save (cr);
  set_grey (cr, 0.92);
  cairo_rectangle (cr, x, y, width, band);
  cairo_fill (cr);
  cairo_restore (cr);
  /* Translators: the label before the amount on a receipt (金額). */
  draw_line (cr, context, _("Amount"), TEXT_PT, PANGO_WEIGHT_NORMAL,
             x + 6, y + (band - TEXT_PT * TS_RENDER_LINE_HEIGHT) / 2, width * 0.2, 0.0);
  draw_line (cr, context, amount, AMOUNT_PT, PANGO_WEIGHT_BOLD,
             x + width * 0.2, y + (band - AMOUNT_PT * TS_RENDER_LINE_HEIGHT) / 2,
             width * 0.7, 0.5);
  return band;
}

static char *
without_bar (char *amount)
{
  if (g_str_has_suffix (amount, "-"))
    amount[strlen (amount) - 1] = '\0';
  return amount;
}

/* 但し書き, the acknowledgement, and the tax line of a qualified invoice. */
static void
draw_details (cairo_t      *cr,
              PangoContext *context,
              TsReceipt    *receipt,
              double        x,
              double        y,
              double        width)
{
  /* Translators: the 但し書き line of a receipt, "但し 懇親会費として". */
  g_autofree char *purpose = g_strdup_printf (_("For: %s"), receipt->purpose);

  y += draw_line (cr, context, purpose, TEXT_PT, PANGO_WEIGHT_NORMAL, x, y, width, 0.0);
  /* Translators: on a receipt, 上記正に領収いたしました。 */
  y += draw_line (cr, context, _("Received with thanks as above."), SMALL_PT,
                  PANGO_WEIGHT_NORMAL, x, y + 2, width, 0.0) + 2;
  if (*receipt->invoice_number != '\0')
    {
      /* The bar after a figure belongs to the big amount only. */
      g_autofree char *total = without_bar (ts_receipt_format_amount (receipt->amount));
      g_autofree char *tax = without_bar (ts_receipt_format_amount (receipt->amount * TAX_RATE_PERCENT /
                                                                   (100 + TAX_RATE_PERCENT)));
      /* Translators: the tax line of a qualified invoice: the rate, the
       * amount at that rate and the consumption tax it includes; in
       * Japanese "%1$d%%対象 %2$s（内消費税等 %3$s）". */
      g_autofree char *line = g_strdup_printf (_("%1$d%% rate: %2$s (including consumption tax %3$s)"),
                                               TAX_RATE_PERCENT, total, tax);

      draw_line (cr, context, line, SMALL_PT, PANGO_WEIGHT_NORMAL, x, y + 2, width, 0.0);
    }
}

static void
draw_stamp_box (cairo_t      *cr,
                PangoContext *context,
                double        x,
                double        y)
{
  double dash = 2.0;

  cairo_save (cr);
  set_grey (cr, 0.45);
  cairo_set_line_width (cr, 0.6);
  cairo_set_dash (cr, &dash, 1, 0);
  cairo_rectangle (cr, x, y, STAMP_SIZE, STAMP_SIZE);
  cairo_stroke (cr);
  /* Translators: in the box for the revenue stamp on a receipt (収入印紙). */
  draw_line (cr, context, _("Revenue stamp"), 7.5, PANGO_WEIGHT_NORMAL,
             x, y + (STAMP_SIZE - 7.5 * TS_RENDER_LINE_HEIGHT) / 2, STAMP_SIZE, 0.5);
  cairo_restore (cr);
}

/* Chapter, leader and registration number, from @bottom upwards. */
static void
draw_issuer (cairo_t      *cr,
             PangoContext *context,
             TsReceipt    *receipt,
             double        x,
             double        bottom,
             double        width)
{
  g_auto(GStrv) lines = g_strsplit (receipt->issuer, "\n", 2);
  double y = bottom;

  if (*receipt->invoice_number != '\0')
    {
      /* Translators: the issuer's invoice registration number on a
       * receipt, "登録番号 T1234567890123". */
      g_autofree char *number = g_strdup_printf (_("Registration number %s"),
                                                 receipt->invoice_number);

      y -= SMALL_PT * TS_RENDER_LINE_HEIGHT;
      draw_line (cr, context, number, SMALL_PT, PANGO_WEIGHT_NORMAL, x, y, width, 0.0);
    }
  if (lines[0] != NULL && lines[1] != NULL)
    {
      y -= TEXT_PT * TS_RENDER_LINE_HEIGHT + 1;
      draw_line (cr, context, lines[1], TEXT_PT, PANGO_WEIGHT_NORMAL, x, y, width, 0.0);
    }
  if (lines[0] != NULL)
    {
      y -= 12.0 * TS_RENDER_LINE_HEIGHT + 1;
      draw_line (cr, context, lines[0], 12.0, PANGO_WEIGHT_BOLD, x, y, width, 0.0);
    }
  ts_render_rule (cr, x, y - 3, x + width, y - 3, 0.5, TS_RENDER_GREY);
}

static void
draw_receipt (cairo_t      *cr,
              PangoContext *context,
              TsReceipt    *receipt,
              double        width,
              double        height)
{
  double inner = width - 2 * MARGIN;
  double left_width = inner * 0.62;
  double right_x = MARGIN + inner * 0.67, right_width = inner * 0.33;
  /* A taller box (A6) keeps the same sizes, with the room between. */
  double extra = MAX (0, height - STRIP_HEIGHT) / 3;
  double y = MARGIN - 3;

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  set_grey (cr, 0.0);
  draw_title (cr, context, receipt, width, y);
  if (ts_receipt_is_reissue (receipt))
    draw_reissue_mark (cr, context, MARGIN, y + 2);
  draw_number_and_date (cr, context, receipt, width - MARGIN, y, right_width);
  y += TITLE_PT * TS_RENDER_LINE_HEIGHT + SMALL_PT + extra;
  y += draw_addressee (cr, context, receipt, MARGIN, y, left_width) + 6;
  y += draw_amount (cr, context, receipt, MARGIN, y, left_width) + 5 + extra / 2;
  draw_details (cr, context, receipt, MARGIN, y, left_width);
  if (receipt->amount >= TS_RECEIPT_STAMP_AMOUNT)
    draw_stamp_box (cr, context, right_x, TITLE_PT * TS_RENDER_LINE_HEIGHT + MARGIN + extra);
  draw_issuer (cr, context, receipt, right_x, height - MARGIN + 3, right_width);
  cairo_restore (cr);
}

/* Dashed lines across the sheet where it is cut into four. */
static void
draw_cut_lines (cairo_t *cr)
{
  double dash = 3.0;

  cairo_save (cr);
  set_grey (cr, 0.55);
  cairo_set_line_width (cr, 0.4);
  cairo_set_dash (cr, &dash, 1, 0);
  for (guint i = 1; i < PER_SHEET; i++)
    {
      cairo_move_to (cr, 0, i * STRIP_HEIGHT);
      cairo_line_to (cr, TS_A4_WIDTH, i * STRIP_HEIGHT);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* ---- the stub list ----------------------------------------------------- */

#define STUB_MARGIN     (15.0 * MM)
#define STUB_HEADER     56.0
#define STUB_ROW        19.0
#define STUB_FOOTER     24.0

static guint
stubs_per_page (void)
{
  return (guint) ((TS_A4_HEIGHT - 2 * STUB_MARGIN - STUB_HEADER - STUB_FOOTER) / STUB_ROW);
}

/* Whether a later receipt replaces @receipt: it then counts in no total. */
static gboolean
is_replaced (const TsReceiptJob *job,
             TsReceipt          *receipt)
{
  for (guint i = 0; i < job->receipts->len; i++)
    if (((TsReceipt *) g_ptr_array_index (job->receipts, i))->reissue_of == receipt->id)
      return TRUE;
  return FALSE;
}

static void
draw_stub_row (cairo_t      *cr,
               PangoContext *context,
               const double *columns,
               const char  **cells,
               guint         n_cells,
               double        y,
               PangoWeight   weight)
{
  for (guint c = 0; c < n_cells; c++)
    draw_line (cr, context, cells[c], 9.5, weight, columns[c], y,
               columns[c + 1] - columns[c] - 6, c == 3 ? 1.0 : 0.0);
}

static void
draw_stubs_page (cairo_t            *cr,
                 PangoContext       *context,
                 const TsReceiptJob *job,
                 guint               page)
{
  double left = STUB_MARGIN, right = TS_A4_WIDTH - STUB_MARGIN, w = right - left;
  double columns[] = { left, left + w * 0.17, left + w * 0.34, left + w * 0.66,
                       left + w * 0.80, right };
  const char *headers[] = {
    /* Translators: the stub list's columns: receipt number, date, addressee, amount, reissue. */
    C_("receipt stubs", "Number"), C_("receipt stubs", "Date"),
    C_("receipt stubs", "Addressee"), C_("receipt stubs", "Amount"),
    C_("receipt stubs", "Reissue of"),
  };
  guint per_page = stubs_per_page ();
  guint n_pages = ts_render_receipts_n_pages (job);
  g_autofree char *page_text = NULL;
  double y = STUB_MARGIN;

  set_grey (cr, 0.0);
  /* Translators: the title of the list of receipts issued (控え). */
  y += draw_line (cr, context, _("Receipts issued (stubs)"), 16.0, PANGO_WEIGHT_BOLD, left, y, w, 0.0);
  draw_line (cr, context, job->title, 10.0, PANGO_WEIGHT_NORMAL, left, y + 2, w, 0.0);
  y = STUB_MARGIN + STUB_HEADER - STUB_ROW;
  draw_stub_row (cr, context, columns, headers, G_N_ELEMENTS (headers), y, PANGO_WEIGHT_BOLD);
  ts_render_rule (cr, left, y + STUB_ROW - 3, right, y + STUB_ROW - 3, 0.8, 0.0);
  for (guint i = page * per_page; i < job->receipts->len && i < (page + 1) * per_page; i++)
    {
      TsReceipt *receipt = g_ptr_array_index (job->receipts, i);
      g_autofree char *date = ts_receipt_format_date (receipt->issued_on);
      g_autofree char *amount = ts_receipt_format_amount (receipt->amount);
      const char *cells[] = { receipt->number, date, receipt->addressee, amount,
                              receipt->reissue_of_number };

      y += STUB_ROW;
      set_grey (cr, 0.0);
      draw_stub_row (cr, context, columns, cells, G_N_ELEMENTS (cells), y, PANGO_WEIGHT_NORMAL);
      ts_render_rule (cr, left, y + STUB_ROW - 3, right, y + STUB_ROW - 3, 0.3, TS_RENDER_GREY);
    }
  if (page + 1 == n_pages)
    {
      gint64 total = 0;
      guint count = 0;
      g_autofree char *amount = NULL;
      g_autofree char *line = NULL;

      for (guint i = 0; i < job->receipts->len; i++)
        if (!is_replaced (job, g_ptr_array_index (job->receipts, i)))
          {
            total += ((TsReceipt *) g_ptr_array_index (job->receipts, i))->amount;
            count++;
          }
      amount = ts_receipt_format_amount (total);
      set_grey (cr, 0.0);
      /* Translators: the last line of the stub list: receipts in force
       * (a reissued one counts once) and their total. */
      line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u receipt in force, total %2$s",
                                           "%1$u receipts in force, total %2$s", count),
                              count, amount);
      draw_line (cr, context, line, 10.0, PANGO_WEIGHT_BOLD, left, y + STUB_ROW + 4, w, 1.0);
    }
  page_text = g_strdup_printf ("%u / %u", page + 1, n_pages);
  set_grey (cr, 0.0);
  draw_line (cr, context, page_text, 8.0, PANGO_WEIGHT_NORMAL, left,
             TS_A4_HEIGHT - STUB_MARGIN, w, 0.5);
}

/* ---- pages and the file ------------------------------------------------ */

guint
ts_render_receipts_n_pages (const TsReceiptJob *job)
{
  guint n = job->receipts->len;

  switch (job->layout)
    {
    case TS_RECEIPT_LAYOUT_A4_4:
      return (n + PER_SHEET - 1) / PER_SHEET;
    case TS_RECEIPT_LAYOUT_A6:
      return n;
    case TS_RECEIPT_LAYOUT_STUBS:
      return MAX (1, (n + stubs_per_page () - 1) / stubs_per_page ());
    default:
      g_return_val_if_reached (0);
    }
}

void
ts_render_receipts_page (cairo_t            *cr,
                         const TsReceiptJob *job,
                         guint               page)
{
  PangoContext *context;

  g_return_if_fail (cr != NULL && job != NULL);
  g_return_if_fail (page < ts_render_receipts_n_pages (job));

  cairo_save (cr);
  context = ts_render_context_new (cr);
  if (job->layout == TS_RECEIPT_LAYOUT_A6)
    draw_receipt (cr, context, g_ptr_array_index (job->receipts, page), A6_WIDTH, A6_HEIGHT);
  else if (job->layout == TS_RECEIPT_LAYOUT_STUBS)
    draw_stubs_page (cr, context, job, page);
  else
    {
      draw_cut_lines (cr);
      for (guint i = 0; i < PER_SHEET && page * PER_SHEET + i < job->receipts->len; i++)
        {
          cairo_save (cr);
          cairo_translate (cr, 0, i * STRIP_HEIGHT);
          draw_receipt (cr, context, g_ptr_array_index (job->receipts, page * PER_SHEET + i),
                        TS_A4_WIDTH, STRIP_HEIGHT);
          cairo_restore (cr);
        }
    }
  g_object_unref (context);
  cairo_restore (cr);
}

/* Written beside @path and put in place when complete, 0600: receipts
 * carry names. */
gboolean
ts_render_receipts_write_pdf (const TsReceiptJob *job,
                              const char         *path,
                              GError            **error)
{
  TsPdfOutput *output;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (job != NULL && path != NULL, FALSE);

  if ((output = ts_pdf_output_new (path, error)) == NULL)
    return FALSE;
  surface = ts_pdf_output_get_surface (output);
  ts_render_receipt_page_size (job, &width, &height);
  cairo_pdf_surface_set_size (surface, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  job->layout == TS_RECEIPT_LAYOUT_STUBS ? _("Receipts issued (stubs)")
                                                                         : _("Receipt"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, job->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Tsudoi " PACKAGE_VERSION);
  cr = cairo_create (surface);
  n_pages = ts_render_receipts_n_pages (job);
  for (guint page = 0; page < n_pages; page++)
    {
      ts_render_receipts_page (cr, job, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  return ts_pdf_output_close (output, TRUE, error);
}

/* Issues receipts for @drafts and writes them to @path in one write
 * transaction: a PDF that cannot be written leaves no receipt numbered
 * that nobody holds. Returns the receipts issued. */
GPtrArray *
ts_render_receipts_issue_to_pdf (TsRepository     *repository,
                                 gint64            event_id,
                                 GPtrArray        *drafts,
                                 gboolean          reissue,
                                 TsReceiptLayout   layout,
                                 const char       *path,
                                 GError          **error)
{
  TsDatabase *database = ts_repository_get_database (repository);
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(TsReceiptJob) job = NULL;

  g_return_val_if_fail (layout != TS_RECEIPT_LAYOUT_STUBS, NULL);

  if (!ts_database_begin (database, error))
    return NULL;
  issued = ts_repository_issue_receipts (repository, event_id, drafts, reissue, NULL, error);
  if (issued != NULL)
    job = ts_receipt_job_new (layout, issued, NULL);
  if (job == NULL || !ts_render_receipts_write_pdf (job, path, error))
    {
      ts_database_rollback (database);
      return NULL;
    }
  if (!ts_database_commit (database, error))
    return NULL;
  return g_steal_pointer (&issued);
}
