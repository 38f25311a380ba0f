/* ts-fees-section.c: an event's 会費 on its page: expected, collected,
 * outstanding, the cash counted, and the people who have not paid.
 *
 * The figures come from the event's attendance live model (the one the
 * page and the door show), so a payment recorded at the door or by
 * tsudoi-cli shows here without a reload; the cash count follows
 * "changed::cash_count". Each unpaid person is a button that records
 * their fee, with Undo. The unpaid are the attendance filtered, in a
 * grid view that scrolls: a busy evening has hundreds of them, and a
 * flow box made, measured and laid out a button for each before the
 * page could show (two thirds of the time to open the busiest event).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cash-count-dialog.h"
#include "ts-fee-classes-dialog.h"
#include "ts-fees.h"
#include "ts-fees-section.h"
#include "ts-first-rows.h"
#include "ts-ui-util.h"
#include "ts-undo-toast.h"

struct _TsFeesSection
{
  GtkBox        parent_instance;

  TsRepository *repository;
  gint64        event_id;
  GListModel   *attendance;
  guint         update_id;
  gulong        cash_handler;

  GtkLabel     *expected_label;
  GtkLabel     *collected_label;
  GtkLabel     *outstanding_label;
  GtkLabel     *cash_label;
  GtkLabel     *cash_caption;
  GtkWidget    *unpaid_box;
  GtkGridView  *unpaid_list;
  GtkFilterListModel *unpaid;   /* the attendance of those who owe */
  TsFirstRows  *shown;          /* of unpaid, for the first frame */
};

G_DEFINE_FINAL_TYPE (TsFeesSection, ts_fees_section, GTK_TYPE_BOX)

static void
set_yen (GtkLabel *label,
         gint64    amount)
{
  g_autofree char *text = ts_fees_format_yen (amount);

  gtk_label_set_text (label, text);
}

/* As in the summary: a present person whose fee is not paid in full. */
static gboolean
owes (gpointer item,
      gpointer user_data)
{
  TsAttendance *row = item;

  return ts_attendance_is_present (row) && row->fee_due > row->paid_amount;
}

/* Asked for when shown: setting a tooltip's text makes GTK ask the X
 * server where the pointer is, for every button made. */
static gboolean
on_unpaid_query_tooltip_cb (GtkWidget  *button,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip,
                            gpointer    unused)
{
  gtk_tooltip_set_text (tooltip, _("Mark as Paid"));
  return TRUE;
}

static void
on_setup_unpaid_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    TsFeesSection            *self)
{
  GtkWidget *button = gtk_button_new ();

  /* The target before the name: a button is checked against its action
   * as soon as it has both. Bound rows give the person's id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "fees.pay");
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (on_unpaid_query_tooltip_cb), NULL);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_child (item, button);
}

static void
on_bind_unpaid_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   TsFeesSection            *self)
{
  TsAttendance *row = gtk_list_item_get_item (item);
  GtkWidget *button = gtk_list_item_get_child (item);
  g_autofree char *name = row->member != NULL ? ts_member_dup_name (row->member) : g_strdup ("");
  g_autofree char *owed = ts_fees_format_yen (row->fee_due - row->paid_amount);
  /* Translators: a person who has not paid, and what they owe: 山田　太郎 4,000円. */
  g_autofree char *text = g_strdup_printf (_("%1$s %2$s"), name, owed);
  /* Translators: read by a screen reader for a name in the unpaid list. */
  g_autofree char *spoken = g_strdup_printf (_("Mark %s as paid"), name);

  gtk_button_set_label (GTK_BUTTON (button), text);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", row->member_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
}

static void
show_cash (TsFeesSection *self,
           gint64         collected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsCashCount) count = ts_repository_get_cash_count (self->repository, self->event_id,
                                                               &error);
  g_autofree char *difference = NULL;
  g_autofree char *caption = NULL;
  gint64 total;

  if (count == NULL || *count->counted_at == '\0')
    {
      gtk_label_set_text (self->cash_label, "—");
      gtk_label_set_text (self->cash_caption, _("Cash not counted"));
      return;
    }
  total = ts_cash_count_total (count);
  set_yen (self->cash_label, total);
  difference = ts_fees_format_yen (total - collected);
  if (total - collected > 0)
    {
      g_autofree char *plus = g_strconcat ("+", difference, NULL);
      g_free (difference);
      difference = g_steal_pointer (&plus);
    }
  /* Translators: under the cash counted: how it differs from the payments
   * recorded, e.g. "Cash counted (difference +500円)". */
  caption = g_strdup_printf (_("Cash counted (difference %s)"), difference);
  gtk_label_set_text (self->cash_caption, caption);
}

static gboolean
update_idle_cb (gpointer data)
{
  TsFeesSection *self = data;
  g_autoptr(TsFeeSummary) summary = NULL;

  self->update_id = 0;
  if (self->attendance == NULL)
    return G_SOURCE_REMOVE;
  summary = ts_fee_summary_compute (self->attendance);
  set_yen (self->expected_label, summary->expected);
  set_yen (self->collected_label, summary->collected);
  set_yen (self->outstanding_label, summary->outstanding);
  show_cash (self, summary->collected);
  gtk_widget_set_visible (self->unpaid_box,
                          g_list_model_get_n_items (G_LIST_MODEL (self->unpaid)) > 0);
  return G_SOURCE_REMOVE;
}

/* A burst of changes (a whole list read again) is shown once. */
static void
queue_update (TsFeesSection *self)
{
  if (self->update_id == 0)
    self->update_id = ts_ui_idle_add (update_idle_cb, self);
}

static void
on_cash_count_changed_cb (TsRepository  *repository,
                          GArray        *ids,
                          TsFeesSection *self)
{
  queue_update (self);
}

/* A payment put back by the toast's Undo: the record it keeps. */
typedef struct {
  TsRepository *repository;
  TsPayment    *payment;
} PaymentUndo;

static void
payment_undo_free (gpointer data)
{
  PaymentUndo *undo = data;

  g_object_unref (undo->repository);
  ts_payment_free (undo->payment);
  g_free (undo);
}

static gboolean
undo_payment (gpointer   record,
              GError   **error)
{
  PaymentUndo *undo = record;

  return ts_repository_undo_payment (undo->repository, undo->payment, error);
}

static void
pay_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TsFeesSection *self = TS_FEES_SECTION (widget);
  gint64 member_id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMember) member = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  TsPayment *payment;
  PaymentUndo *undo;

  payment = ts_repository_record_payment (self->repository, self->event_id, member_id, -1,
                                          &error);
  if (payment == NULL)
    {
      ts_ui_show_error (widget, error);
      return;
    }
  member = ts_repository_get_member (self->repository, member_id, NULL);
  name = member != NULL ? ts_member_dup_name (member) : g_strdup ("");
  /* Translators: %s is a name. */
  title = g_strdup_printf (_("%s marked as paid"), name);
  undo = g_new0 (PaymentUndo, 1);
  undo->repository = g_object_ref (self->repository);
  undo->payment = payment;
  ts_undo_toast_show_full (widget, title, undo, payment_undo_free, undo_payment);
}

static void
edit_classes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TsFeesSection *self = TS_FEES_SECTION (widget);
  GtkWidget *dialog = ts_fee_classes_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                 self->repository, self->event_id);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cash_count_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TsFeesSection *self = TS_FEES_SECTION (widget);
  GtkWidget *dialog = ts_cash_count_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                self->repository, self->event_id);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
disconnect (TsFeesSection *self)
{
  if (self->attendance != NULL)
    g_signal_handlers_disconnect_by_data (self->attendance, self);
  g_clear_object (&self->attendance);
  if (self->unpaid != NULL)
    gtk_filter_list_model_set_model (self->unpaid, NULL);
  if (self->repository != NULL && self->cash_handler != 0)
    g_signal_handler_disconnect (self->repository, self->cash_handler);
  self->cash_handler = 0;
  g_clear_object (&self->repository);
  g_clear_handle_id (&self->update_id, g_source_remove);
}

static void
ts_fees_section_dispose (GObject *object)
{
  TsFeesSection *self = TS_FEES_SECTION (object);

  disconnect (self);
  g_clear_object (&self->shown);
  g_clear_object (&self->unpaid);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_FEES_SECTION);
  G_OBJECT_CLASS (ts_fees_section_parent_class)->dispose (object);
}

static void
ts_fees_section_class_init (TsFeesSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_fees_section_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-fees-section.ui");
  gtk_widget_class_bind_template_child (widget_class, TsFeesSection, expected_label);
  gtk_widget_class_bind_template_child (widget_class, TsFeesSection, collected_label);
  gtk_widget_class_bind_template_child (widget_class, TsFeesSection, outstanding_label);
  gtk_widget_class_bind_template_child (widget_class, TsFeesSection, cash_label);
  gtk_widget_class_bind_template_child (widget_class, TsFeesSection, cash_caption);
  gtk_widget_class_bind_template_child (widget_class, TsFeesSection, unpaid_box);
  gtk_widget_class_bind_template_child (widget_class, TsFeesSection, unpaid_list);
  gtk_widget_class_install_action (widget_class, "fees.pay", "x", pay_action);
  gtk_widget_class_install_action (widget_class, "fees.edit-classes", NULL, edit_classes_action);
  gtk_widget_class_install_action (widget_class, "fees.cash-count", NULL, cash_count_action);
}

static void
ts_fees_section_init (TsFeesSection *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkFilter *filter = GTK_FILTER (gtk_custom_filter_new (owes, NULL, NULL));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->unpaid = gtk_filter_list_model_new (NULL, filter);
  self->shown = ts_first_rows_new (G_LIST_MODEL (self->unpaid));
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_unpaid_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_unpaid_cb), self);
  gtk_grid_view_set_factory (self->unpaid_list, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->unpaid_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (
                             g_object_ref (ts_first_rows_get_model (self->shown)))));
}

void
ts_fees_section_set_event (TsFeesSection *self,
                           TsRepository  *repository,
                           gint64         event_id,
                           GListModel    *attendance)
{
  g_return_if_fail (TS_IS_FEES_SECTION (self));

  disconnect (self);
  self->event_id = event_id;
  if (repository == NULL || attendance == NULL)
    return;
  self->repository = g_object_ref (repository);
  self->attendance = g_object_ref (attendance);
  /* The list scrolls past a few rows of four (see the .ui): the first
   * frame shows those, buttons at least 30 pixels high. */
  ts_first_rows_limit (self->shown, GTK_WIDGET (self->unpaid_list),
                       ts_first_rows_fitting (GTK_WIDGET (self->unpaid_list), 30, 4));
  gtk_filter_list_model_set_model (self->unpaid, attendance);
  g_signal_connect_swapped (attendance, "items-changed", G_CALLBACK (queue_update), self);
  self->cash_handler = g_signal_connect (repository, "changed::cash_count",
                                         G_CALLBACK (on_cash_count_changed_cb), self);
  /* At once: the page is being shown. */
  queue_update (self);
  g_clear_handle_id (&self->update_id, g_source_remove);
  update_idle_cb (self);
}
