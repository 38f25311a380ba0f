/* ts-fees.c: fee classes, payments, the summary and the cash count as data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-fees"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-fees.h"
#include "ts-record.h"

static const TsField fee_class_fields[] = {
  TS_FIELD (TsFeeClass, TS_FIELD_INT64,  "id",       id),
  TS_FIELD (TsFeeClass, TS_FIELD_STRING, "uuid",     uuid),
  TS_FIELD (TsFeeClass, TS_FIELD_INT64,  "event-id", event_id),
  TS_FIELD (TsFeeClass, TS_FIELD_STRING, "name",     name),
  TS_FIELD (TsFeeClass, TS_FIELD_INT64,  "amount",   amount),
  TS_FIELD (TsFeeClass, TS_FIELD_INT64,  "position", position),
};

TS_DEFINE_RECORD (TsFeeClass, ts_fee_class, fee_class_fields)

static void
ts_fee_class_finalize (GObject *object)
{
  ts_fee_class_finalize_fields (object);
  G_OBJECT_CLASS (ts_fee_class_parent_class)->finalize (object);
}

static void
ts_fee_class_class_init (TsFeeClassClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_fee_class_finalize;
  ts_fee_class_install (G_OBJECT_CLASS (klass));
}

static void
ts_fee_class_init (TsFeeClass *self)
{
  ts_fee_class_init_fields (self);
}

TsFeeClass *
ts_fee_class_new (void)
{
  return g_object_new (TS_TYPE_FEE_CLASS, NULL);
}

void
ts_payment_free (TsPayment *payment)
{
  if (payment == NULL)
    return;
  g_free (payment->paid_at);
  g_free (payment);
}

void
ts_fee_line_free (TsFeeLine *line)
{
  if (line == NULL)
    return;
  g_free (line->name);
  g_free (line->class_name);
  g_free (line);
}

void
ts_fee_summary_free (TsFeeSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->lines, g_ptr_array_unref);
  g_free (summary);
}

gint64
ts_fee_line_get_owed (const TsFeeLine *line)
{
  return MAX (line->due - line->paid, 0);
}

/**
 * ts_fee_summary_compute:
 * @attendance: an event's TsAttendance, members filled in, in 五十音順
 *   (a listing or the repository's live model)
 *
 * Expected is what present people owe, their class's amount or the
 * event's fee; collected counts every payment of the event, also of
 * someone not (or no longer) present: it is money in the envelope;
 * outstanding is what present people still owe. A line per present
 * person, in the list's order.
 */
TsFeeSummary *
ts_fee_summary_compute (GListModel *attendance)
{
  TsFeeSummary *summary = g_new0 (TsFeeSummary, 1);
  guint n = g_list_model_get_n_items (attendance);

  summary->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) ts_fee_line_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsAttendance) row = g_list_model_get_item (attendance, i);
      TsFeeLine *line;

      summary->event_id = row->event_id;
      summary->collected += row->paid_amount;
      if (!ts_attendance_is_present (row))
        continue;
      line = g_new0 (TsFeeLine, 1);
      line->attendance_id = row->id;
      line->member_id = row->member_id;
      line->name = row->member != NULL ? ts_member_dup_name (row->member) : g_strdup ("");
      line->class_name = g_strdup (row->fee_class_name);
      line->due = row->fee_due;
      line->paid = row->paid_amount;
      summary->expected += line->due;
      summary->outstanding += ts_fee_line_get_owed (line);
      g_ptr_array_add (summary->lines, line);
    }
  return summary;
}

const gint64 *
ts_cash_denominations (void)
{
  static const gint64 denominations[TS_N_DENOMINATIONS] = {
    10000, 5000, 1000, 500, 100, 50, 10
  };

  return denominations;
}

void
ts_cash_count_free (TsCashCount *count)
{
  if (count == NULL)
    return;
  g_free (count->counted_at);
  g_free (count);
}

gint64
ts_cash_count_total (const TsCashCount *count)
{
  const gint64 *denominations = ts_cash_denominations ();
  gint64 total = 0;

  for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
    total += denominations[i] * count->counts[i];
  return total;
}

/* Japanese amounts group by thousands with commas, as 4,000円 does; the
 * C library's grouping depends on the locale, so it is done here. */
char *
ts_fees_format_number (gint64 amount)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (amount));
  GString *out = g_string_new (amount < 0 ? "-" : "");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

char *
ts_fees_format_yen (gint64 amount)
{
  g_autofree char *number = ts_fees_format_number (ABS (amount));
  /* Translators: an amount of yen; %s is the number grouped by thousands
   * (4,000). In Japanese write it as 4,000円. */
  g_autofree char *yen = g_strdup_printf (_("¥%s"), number);

  /* A shortfall reads -¥500 (-500円), the sign before the currency. */
  return amount < 0 ? g_strconcat ("-", yen, NULL) : g_steal_pointer (&yen);
}

/* An amount as people type it: 4000, 4,000, ¥4,000, 4000円, in full-width
 * digits too. */
gboolean
ts_fees_parse_amount (const char *text,
                      gint64     *amount)
{
  g_autofree char *normal = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  guint64 value;

  g_return_val_if_fail (amount != NULL, FALSE);

  if (text == NULL || (normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL)) == NULL)
    return FALSE;
  p = g_strstrip (normal);
  if (g_str_has_prefix (p, "¥"))
    p += strlen ("¥");
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == ',' && digits->len > 0)
        continue;
      else if (g_str_equal (p, "円"))
        break;
      else
        return FALSE;
    }
  if (digits->len == 0 || digits->len > 12 ||
      !g_ascii_string_to_unsigned (digits->str, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  *amount = (gint64) value;
  return TRUE;
}
