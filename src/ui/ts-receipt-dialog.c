/* ts-receipt-dialog.c: issue an event's receipts (領収書), with the 宛名
 * of each checked before printing.
 *
 * One row per person who paid: a check to include them, their 宛名 to
 * edit (an employer may want its branch, or 御中), and 再発行 when they
 * already hold a receipt; those are not chosen until the organizer
 * ticks them. The group's description says how many of those
 * chosen would be reissues, before anything is issued. Issuing and
 * writing the PDF is one transaction (ts_render_receipts_issue_to_pdf()):
 * the few pages of receipts are written on this thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ts-output-path.h"
#include "ts-receipt.h"
#include "ts-receipt-dialog.h"
#include "ts-render-receipts.h"

#define TS_TYPE_RECEIPT_DIALOG (ts_receipt_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsReceiptDialog, ts_receipt_dialog, TS, RECEIPT_DIALOG, AdwWindow)

struct _TsReceiptDialog
{
  AdwWindow            parent_instance;

  TsRepository        *repository;
  gint64               event_id;
  GPtrArray           *drafts;      /* TsReceipt, one a row */
  GPtrArray           *rows;        /* AdwEntryRow, as drafts */
  GPtrArray           *checks;      /* GtkCheckButton, as drafts */

  AdwToastOverlay     *toasts;
  AdwPreferencesGroup *people_group;
  GtkWidget           *issue_button;
  GtkSwitch           *a6_switch;
};

G_DEFINE_FINAL_TYPE (TsReceiptDialog, ts_receipt_dialog, ADW_TYPE_WINDOW)

static void
toast (TsReceiptDialog *self,
       const char      *text)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
}

/* "3 people chosen; 1 already has a receipt and gets a reissue (再発行)." */
static void
update_summary (TsReceiptDialog *self)
{
  guint chosen = 0, reissues = 0;
  g_autofree char *people = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        chosen++;
        if (ts_receipt_is_reissue (g_ptr_array_index (self->drafts, i)))
          reissues++;
      }
  people = g_strdup_printf (ngettext ("%u person chosen.", "%u people chosen.", chosen), chosen);
  if (reissues == 0)
    text = g_steal_pointer (&people);
  else
    text = g_strdup_printf (ngettext ("%1$s %2$u of them already has a receipt and gets a reissue (marked 再発行).",
                                      "%1$s %2$u of them already have a receipt and get a reissue (marked 再発行).",
                                      reissues),
                            people, reissues);
  adw_preferences_group_set_description (self->people_group, text);
  gtk_widget_set_sensitive (self->issue_button, chosen > 0);
}

static GtkWidget *
make_row (TsReceiptDialog *self,
          TsReceipt       *draft)
{
  g_autoptr(TsMember) member = ts_repository_get_member (self->repository, draft->member_id, NULL);
  g_autofree char *amount = ts_receipt_format_amount (draft->amount);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  /* Translators: a person's row in the receipts dialog: name · amount. */
  title = g_strdup_printf (_("%1$s %2$s · %3$s"), member ? member->family_name : "",
                           member ? member->given_name : "", amount);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), draft->addressee);
  /* Who already holds a receipt is left out unless chosen: issuing
   * without looking must not reissue. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !ts_receipt_is_reissue (draft));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), check);
  if (ts_receipt_is_reissue (draft))
    {
      /* Translators: beside a person who already has a receipt; %s is its number. */
      g_autofree char *text = g_strdup_printf (_("Reissue of %s"), draft->reissue_of_number);
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);
    }
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->checks, check);
  return row;
}

static void
clear_rows (TsReceiptDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->people_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->checks, 0);
}

/* Those who paid, read again: after an issue, everyone is a reissue. */
static void
reload (TsReceiptDialog *self)
{
  g_autoptr(GError) error = NULL;

  clear_rows (self);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  self->drafts = ts_repository_plan_receipts (self->repository, self->event_id, NULL, 0, &error);
  if (self->drafts == NULL)
    {
      self->drafts = g_ptr_array_new_with_free_func (g_object_unref);
      adw_preferences_group_set_description (self->people_group, error->message);
      gtk_widget_set_sensitive (self->issue_button, FALSE);
      return;
    }
  for (guint i = 0; i < self->drafts->len; i++)
    {
      GtkWidget *row = make_row (self, g_ptr_array_index (self->drafts, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->people_group, row);
    }
  update_summary (self);
}

/* The chosen drafts with the 宛名 as edited. */
static GPtrArray *
chosen_drafts (TsReceiptDialog *self)
{
  GPtrArray *chosen = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->drafts->len; i++)
    {
      TsReceipt *draft = g_ptr_array_index (self->drafts, i);

      if (!gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
        continue;
      g_object_set (draft, "addressee",
                    gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (self->rows, i))), NULL);
      g_ptr_array_add (chosen, g_object_ref (draft));
    }
  return chosen;
}

static gboolean
path_allowed (TsReceiptDialog *self,
              const char      *path)
{
  g_autoptr(GError) error = NULL;
  TsDatabase *database = ts_repository_get_database (self->repository);

  if (ts_output_path_check (ts_database_get_path (database), path, &error))
    return TRUE;
  toast (self, error->message);
  return FALSE;
}

/* receipts.issue-to("/path/file.pdf"): what the file chooser leads to. */
static void
issue_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TsReceiptDialog *self = TS_RECEIPT_DIALOG (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) chosen = chosen_drafts (self);
  g_autoptr(GPtrArray) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (chosen->len == 0 || !path_allowed (self, path))
    return;
  /* The rows said who gets a reissue: that is the asking. */
  issued = ts_render_receipts_issue_to_pdf (self->repository, self->event_id, chosen, TRUE,
                                            gtk_switch_get_active (self->a6_switch)
                                            ? TS_RECEIPT_LAYOUT_A6 : TS_RECEIPT_LAYOUT_A4_4,
                                            path, &error);
  if (issued == NULL)
    {
      toast (self, error->message);
      return;
    }
  text = g_strdup_printf (ngettext ("%u receipt issued and saved", "%u receipts issued and saved",
                                    issued->len), issued->len);
  toast (self, text);
  reload (self);
}

/* receipts.stubs-to("/path/file.pdf") */
static void
stubs_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TsReceiptDialog *self = TS_RECEIPT_DIALOG (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(TsEvent) event = NULL;
  g_autoptr(TsReceiptJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  if (!path_allowed (self, path))
    return;
  if ((event = ts_repository_get_event (self->repository, self->event_id, &error)) == NULL ||
      (receipts = ts_repository_list_receipts (self->repository, self->event_id, &error)) == NULL)
    {
      toast (self, error->message);
      return;
    }
  when = ts_event_format_when (event);
  title = g_strdup_printf ("%s %s %s", event->chapter_name, event->title, when);
  job = ts_receipt_job_new (TS_RECEIPT_LAYOUT_STUBS, receipts, title);
  if (!ts_render_receipts_write_pdf (job, path, &error))
    toast (self, error->message);
  else
    toast (self, _("PDF saved"));
}

typedef struct {
  TsReceiptDialog *self;
  const char      *action;
} ChooserData;

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        ChooserData     *data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (data->self), data->action, "s", path);
    }
  g_object_unref (data->self);
  g_free (data);
  g_object_unref (chooser);
}

static void
choose_file (TsReceiptDialog *self,
             const char      *name,
             const char      *action)
{
  GtkFileChooserNative *chooser;
  ChooserData *data = g_new0 (ChooserData, 1);

  chooser = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  data->self = g_object_ref (self);
  data->action = action;
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_issue_clicked_cb (TsReceiptDialog *self)
{
  /* Translators: the file name offered for the receipts' PDF. */
  choose_file (self, _("receipts.pdf"), "receipts.issue-to");
}

static void
on_stubs_clicked_cb (TsReceiptDialog *self)
{
  /* Translators: the file name offered for the stub list's PDF. */
  choose_file (self, _("receipt-stubs.pdf"), "receipts.stubs-to");
}

static void
ts_receipt_dialog_dispose (GObject *object)
{
  TsReceiptDialog *self = TS_RECEIPT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_RECEIPT_DIALOG);
  g_clear_pointer (&self->drafts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_receipt_dialog_parent_class)->dispose (object);
}

static void
ts_receipt_dialog_class_init (TsReceiptDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_receipt_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-receipt-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsReceiptDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, TsReceiptDialog, people_group);
  gtk_widget_class_bind_template_child (widget_class, TsReceiptDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, TsReceiptDialog, a6_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_issue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stubs_clicked_cb);
  gtk_widget_class_install_action (widget_class, "receipts.issue-to", "s", issue_to_action);
  gtk_widget_class_install_action (widget_class, "receipts.stubs-to", "s", stubs_to_action);
}

static void
ts_receipt_dialog_init (TsReceiptDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
}

void
ts_receipt_dialog_present (GtkWindow    *parent,
                           TsRepository *repository,
                           gint64        event_id)
{
  TsReceiptDialog *self;

  g_return_if_fail (TS_IS_REPOSITORY (repository));

  self = g_object_new (TS_TYPE_RECEIPT_DIALOG, "transient-for", parent, NULL);
  self->repository = g_object_ref (repository);
  self->event_id = event_id;
  reload (self);
  gtk_window_present (GTK_WINDOW (self));
}
