/* ts-sheet.h: where each card of a label sheet sits on the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TS_SHEET_BUSINESS_CARD_10,  /* A-One マルチカード 10面: 91 × 55 mm, 2 × 5 */
  TS_SHEET_A6_4,              /* A6 badges, 2 × 2 on A4 */
} TsSheetId;

/* All lengths in millimetres: they are the numbers printed on the packet. */
typedef struct {
  TsSheetId id;
  double    page_width;
  double    page_height;
  double    card_width;
  double    card_height;
  double    margin_left;
  double    margin_top;
  double    pitch_x;       /* from one card's left edge to the next one's */
  double    pitch_y;
  guint     columns;
  guint     rows;
} TsSheet;

typedef struct {
  double x;
  double y;
  double width;
  double height;
} TsRect;

/* Printers shift the page by a millimetre or two; more than this is a
 * mistake, and the offset is clamped to it. */
#define TS_SHEET_MAX_OFFSET_MM 5.0

const TsSheet *ts_sheet_get        (TsSheetId      id);
guint          ts_sheet_n_slots    (const TsSheet *sheet);
TsRect         ts_sheet_slot_rect  (const TsSheet *sheet,
                                    guint          slot,
                                    double         offset_x_mm,
                                    double         offset_y_mm);
guint          ts_sheet_n_pages    (const TsSheet *sheet,
                                    guint          first_slot,
                                    guint          n_cards);

G_END_DECLS
