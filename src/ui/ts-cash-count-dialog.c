/* ts-cash-count-dialog.c: the cash box counted by denomination (金種) at
 * the end of the evening: a count per note and coin, the total, and how
 * it differs from the payments recorded. Saved with the event.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cash-count-dialog.h"
#include "ts-fees.h"
#include "ts-ui-util.h"

struct _TsCashCountDialog
{
  AdwWindow       parent_instance;

  TsRepository   *repository;
  gint64          event_id;
  gint64          recorded;     /* payments recorded, as the dialog opened */
  GtkSpinButton  *spins[TS_N_DENOMINATIONS];
  AdwActionRow   *rows[TS_N_DENOMINATIONS];   /* each with its subtotal */

  AdwPreferencesGroup *counts_group;
  GtkLabel       *total_label;
  GtkLabel       *recorded_label;
  GtkLabel       *difference_label;
};

G_DEFINE_FINAL_TYPE (TsCashCountDialog, ts_cash_count_dialog, ADW_TYPE_WINDOW)

static void
read_counts (TsCashCountDialog *self,
             gint64            *counts)
{
  for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
    counts[i] = (gint64) gtk_spin_button_get_value (self->spins[i]);
}

/* "+500円" over, "-500円" short, "0円" even. */
static char *
format_difference (gint64 difference)
{
  g_autofree char *amount = ts_fees_format_yen (difference);

  return difference > 0 ? g_strconcat ("+", amount, NULL) : g_steal_pointer (&amount);
}

static void
update_total (TsCashCountDialog *self)
{
  TsCashCount count = { { 0 }, NULL };
  g_autofree char *total = NULL;
  g_autofree char *difference = NULL;

  read_counts (self, count.counts);
  for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
    {
      g_autofree char *subtotal = ts_fees_format_yen (count.counts[i] * ts_cash_denominations ()[i]);

      adw_action_row_set_subtitle (self->rows[i], count.counts[i] > 0 ? subtotal : "");
    }
  total = ts_fees_format_yen (ts_cash_count_total (&count));
  difference = format_difference (ts_cash_count_total (&count) - self->recorded);
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->difference_label, difference);
  if (ts_cash_count_total (&count) == self->recorded)
    gtk_widget_remove_css_class (GTK_WIDGET (self->difference_label), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->difference_label), "error");
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsCashCountDialog *self = TS_CASH_COUNT_DIALOG (widget);
  gint64 counts[TS_N_DENOMINATIONS];
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
    gtk_spin_button_update (self->spins[i]);
  read_counts (self, counts);
  if (!ts_repository_save_cash_count (self->repository, self->event_id, counts, &error))
    {
      ts_ui_show_error (widget, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* "10,000円札", "500円玉". */
static char *
denomination_title (gint64 denomination)
{
  g_autofree char *yen = ts_fees_format_yen (denomination);

  /* Translators: %s is an amount such as 1,000円; in Japanese 1,000円札. */
  return denomination >= 1000 ? g_strdup_printf (_("%s note"), yen)
                              /* Translators: %s is an amount such as 500円; in Japanese 500円玉. */
                              : g_strdup_printf (_("%s coin"), yen);
}

static void
add_rows (TsCashCountDialog *self)
{
  const gint64 *denominations = ts_cash_denominations ();

  for (guint i = 0; i < TS_N_DENOMINATIONS; i++)
    {
      g_autofree char *title = denomination_title (denominations[i]);
      g_autofree char *name = g_strdup_printf ("cash-%" G_GINT64_FORMAT, denominations[i]);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0, 100000, 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_widget_set_name (spin, name);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      g_signal_connect_swapped (spin, "value-changed", G_CALLBACK (update_total), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
      adw_preferences_group_add (self->counts_group, row);
      self->spins[i] = GTK_SPIN_BUTTON (spin);
      self->rows[i] = ADW_ACTION_ROW (row);
    }
}

static void
load (TsCashCountDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsCashCount) count = ts_repository_get_cash_count (self->repository, self->event_id,
                                                               &error);
  g_autoptr(TsFeeSummary) summary = ts_repository_get_fee_summary (self->repository,
                                                                   self->event_id, NULL);
  g_autofree char *recorded = NULL;

  self->recorded = summary != NULL ? summary->collected : 0;
  recorded = ts_fees_format_yen (self->recorded);
  gtk_label_set_text (self->recorded_label, recorded);
  for (guint i = 0; count != NULL && i < TS_N_DENOMINATIONS; i++)
    gtk_spin_button_set_value (self->spins[i], (double) count->counts[i]);
  update_total (self);
}

static void
ts_cash_count_dialog_dispose (GObject *object)
{
  TsCashCountDialog *self = TS_CASH_COUNT_DIALOG (object);

  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_CASH_COUNT_DIALOG);
  G_OBJECT_CLASS (ts_cash_count_dialog_parent_class)->dispose (object);
}

static void
ts_cash_count_dialog_class_init (TsCashCountDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_cash_count_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-cash-count-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsCashCountDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, TsCashCountDialog, total_label);
  gtk_widget_class_bind_template_child (widget_class, TsCashCountDialog, recorded_label);
  gtk_widget_class_bind_template_child (widget_class, TsCashCountDialog, difference_label);
  gtk_widget_class_install_action (widget_class, "cash.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "cash.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ts_cash_count_dialog_init (TsCashCountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_rows (self);
}

GtkWidget *
ts_cash_count_dialog_new (GtkWindow    *parent,
                          TsRepository *repository,
                          gint64        event_id)
{
  TsCashCountDialog *self;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (TS_TYPE_CASH_COUNT_DIALOG, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->event_id = event_id;
  load (self);
  return GTK_WIDGET (self);
}
