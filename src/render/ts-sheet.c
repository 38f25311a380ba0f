/* ts-sheet.c: where each card of a label sheet sits on the page.
 *
 * A pure table and arithmetic, in millimetres, so that it can be tested
 * for every slot and offset without drawing anything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "ts-sheet.h"

static const TsSheet sheets[] = {
  /* A-One マルチカード 10面 (e.g. 51002): no gap between the cards. */
  { TS_SHEET_BUSINESS_CARD_10, 210.0, 297.0, 91.0, 55.0, 14.0, 11.0, 91.0, 55.0, 2, 5 },
  /* Four A6 badges; the leftover half millimetre goes to the bottom. */
  { TS_SHEET_A6_4, 210.0, 297.0, 105.0, 148.0, 0.0, 0.5, 105.0, 148.0, 2, 2 },
};

const TsSheet *
ts_sheet_get (TsSheetId id)
{
  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    if (sheets[i].id == id)
      return &sheets[i];
  g_return_val_if_reached (&sheets[0]);
}

guint
ts_sheet_n_slots (const TsSheet *sheet)
{
  return sheet->columns * sheet->rows;
}

/* Slots count across, then down, from the top left. The offset moves the
 * whole grid; the result is clipped to the page, so a badge sheet with no
 * margin loses a sliver of its blank padding rather than running off. */
TsRect
ts_sheet_slot_rect (const TsSheet *sheet,
                    guint          slot,
                    double         offset_x_mm,
                    double         offset_y_mm)
{
  TsRect rect;
  double right, bottom;

  g_return_val_if_fail (slot < ts_sheet_n_slots (sheet), (TsRect) { 0 });

  offset_x_mm = CLAMP (offset_x_mm, -TS_SHEET_MAX_OFFSET_MM, TS_SHEET_MAX_OFFSET_MM);
  offset_y_mm = CLAMP (offset_y_mm, -TS_SHEET_MAX_OFFSET_MM, TS_SHEET_MAX_OFFSET_MM);
  rect.x = sheet->margin_left + (slot % sheet->columns) * sheet->pitch_x + offset_x_mm;
  rect.y = sheet->margin_top + (slot / sheet->columns) * sheet->pitch_y + offset_y_mm;
  right = MIN (rect.x + sheet->card_width, sheet->page_width);
  bottom = MIN (rect.y + sheet->card_height, sheet->page_height);
  rect.x = MAX (rect.x, 0.0);
  rect.y = MAX (rect.y, 0.0);
  rect.width = right - rect.x;
  rect.height = bottom - rect.y;
  return rect;
}

/* Pages needed for n_cards when the first sheet starts at first_slot
 * (0-based): the used slots of a partly used sheet are skipped. */
guint
ts_sheet_n_pages (const TsSheet *sheet,
                  guint          first_slot,
                  guint          n_cards)
{
  guint slots = ts_sheet_n_slots (sheet);

  if (n_cards == 0)
    return 0;
  first_slot = MIN (first_slot, slots - 1);
  return (first_slot + n_cards + slots - 1) / slots;
}
