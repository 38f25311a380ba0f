/* ts-print-settings.c: print options remembered in GSettings.
 *
 * Some options belong to one kind of printout (the roster's columns are
 * not the walk-in page's); the printer offset and the start slot belong
 * to the organizer's printer and sheets, so cards and badges share them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-print-settings.h"

static const char * const kind_keys[] = { "roster", "cards", "badges", "addendum" };

static char *
kind_key (TsPrintKind  kind,
          const char  *what)
{
  return g_strdup_printf ("print-%s-%s", kind_keys[kind], what);
}

static gboolean
is_sheet (TsPrintKind kind)
{
  return kind == TS_PRINT_CARDS || kind == TS_PRINT_BADGES;
}

void
ts_print_settings_load (GSettings      *settings,
                        TsPrintOptions *options)
{
  TsPrintKind kind = options->kind;
  g_autofree char *sort = kind_key (kind, "sort");
  g_autofree char *copy = kind_key (kind, "organizer-copy");

  if (settings == NULL)
    return;
  options->sort = (TsPrintSort) g_settings_get_uint (settings, sort);
  options->organizer_copy = g_settings_get_boolean (settings, copy);
  options->wareki = g_settings_get_boolean (settings, "print-wareki");
  if (!is_sheet (kind))
    {
      g_autofree char *columns = kind_key (kind, "columns");

      options->columns = g_settings_get_uint (settings, columns);
      if (kind == TS_PRINT_ROSTER)
        options->statuses = g_settings_get_uint (settings, "print-roster-statuses");
      return;
    }
  {
    g_autofree char *cut = kind_key (kind, "cut-marks");
    g_autofree char *size = g_settings_get_string (settings, "print-badge-size");
    guint n_slots;

    options->cut_marks = g_settings_get_boolean (settings, cut);
    if (kind == TS_PRINT_BADGES && g_str_equal (size, "a6"))
      options->badge_sheet = TS_SHEET_A6_4;
    n_slots = ts_sheet_n_slots (ts_sheet_get (kind == TS_PRINT_BADGES ? options->badge_sheet
                                                                      : TS_SHEET_BUSINESS_CARD_10));
    /* The last slot of ten means nothing on a sheet of four. */
    options->start_slot = CLAMP (g_settings_get_uint (settings, "print-start-slot"), 1, n_slots);
    options->offset_x_mm = g_settings_get_double (settings, "print-offset-x");
    options->offset_y_mm = g_settings_get_double (settings, "print-offset-y");
  }
}

void
ts_print_settings_save (GSettings            *settings,
                        const TsPrintOptions *options)
{
  TsPrintKind kind = options->kind;
  g_autofree char *sort = kind_key (kind, "sort");
  g_autofree char *copy = kind_key (kind, "organizer-copy");

  if (settings == NULL)
    return;
  g_settings_delay (settings);
  g_settings_set_uint (settings, sort, options->sort);
  g_settings_set_boolean (settings, copy, options->organizer_copy);
  if (!is_sheet (kind))
    {
      g_autofree char *columns = kind_key (kind, "columns");

      g_settings_set_uint (settings, columns, options->columns & TS_ROSTER_ALL);
      if (kind == TS_PRINT_ROSTER && options->statuses != 0)
        g_settings_set_uint (settings, "print-roster-statuses", options->statuses);
      /* Cards and badges carry no date. */
      g_settings_set_boolean (settings, "print-wareki", options->wareki);
    }
  else
    {
      g_autofree char *cut = kind_key (kind, "cut-marks");

      g_settings_set_boolean (settings, cut, options->cut_marks);
      if (kind == TS_PRINT_BADGES)
        g_settings_set_string (settings, "print-badge-size",
                               options->badge_sheet == TS_SHEET_A6_4 ? "a6" : "card");
      g_settings_set_uint (settings, "print-start-slot", options->start_slot);
      g_settings_set_double (settings, "print-offset-x", options->offset_x_mm);
      g_settings_set_double (settings, "print-offset-y", options->offset_y_mm);
    }
  g_settings_apply (settings);
}
