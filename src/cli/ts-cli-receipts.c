/* ts-cli-receipts.c: tsudoi-cli receipts, chapter edit and event edit.
 *
 * `receipts` issues receipts for those who paid and writes them as PDF,
 * in one write transaction (ts_render_receipts_issue_to_pdf()); `--list`
 * and `--stubs` show what was issued.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-date.h"
#include "ts-receipt.h"
#include "ts-render-receipts.h"
#include "ts-validate.h"

typedef struct {
  gint64    event_id;
  char     *output;
  char    **members;
  char     *addressee;
  char     *format;
  gboolean  a6;
  gboolean  reissue;
  gboolean  list;
  gboolean  stubs;
} ReceiptArgs;

static void
receipt_args_clear (ReceiptArgs *args)
{
  g_clear_pointer (&args->output, g_free);
  g_clear_pointer (&args->members, g_strfreev);
  g_clear_pointer (&args->addressee, g_free);
  g_clear_pointer (&args->format, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReceiptArgs, receipt_args_clear)

static gboolean
parse_members (char   **members,
               GArray  *ids)
{
  for (guint i = 0; members != NULL && members[i] != NULL; i++)
    {
      char *end = NULL;
      gint64 id = g_ascii_strtoll (members[i], &end, 10);

      if (id <= 0 || *end != '\0')
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/* "大田医介塾 2026年12月17日(木)": what the stub list is of. */
static char *
event_title (TsRepository  *repository,
             gint64         event_id,
             GError       **error)
{
  g_autoptr(TsEvent) event = ts_repository_get_event (repository, event_id, error);
  g_autofree char *when = NULL;

  if (event == NULL)
    return NULL;
  when = ts_event_format_when (event);
  return g_strdup_printf ("%s %s %s", event->chapter_name, event->title, when);
}

static int
list_receipts (TsRepository *repository,
               ReceiptArgs  *args)
{
  /* CSV keeps fixed column names for scripts; a table is for people. */
  static const char * const columns[] = {
    "number", "date", "member", "addressee", "amount", "reissue_of", NULL
  };
  const char *headers[] = {
    C_("receipt stubs", "Number"), C_("receipt stubs", "Date"), C_("receipt stubs", "Member"),
    C_("receipt stubs", "Addressee"), C_("receipt stubs", "Amount"),
    C_("receipt stubs", "Reissue of"), NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(TsCliTable) table = NULL;
  g_autofree char *title = NULL;
  gboolean csv;
  int status;

  if ((status = ts_cli_parse_format (args->format, &csv)) != TS_CLI_OK)
    return status;
  /* An event that does not exist is an error, not an empty list. */
  if ((title = event_title (repository, args->event_id, &error)) == NULL ||
      (receipts = ts_repository_list_receipts (repository, args->event_id, &error)) == NULL)
    return ts_cli_fail (error);
  table = ts_cli_table_new (csv, csv ? columns : headers);
  for (guint i = 0; i < receipts->len; i++)
    {
      TsReceipt *receipt = g_ptr_array_index (receipts, i);
      g_autofree char *member = receipt->member_id > 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT, receipt->member_id) : g_strdup ("");
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, receipt->amount);
      const char *cells[] = { receipt->number, receipt->issued_on, member, receipt->addressee,
                              amount, receipt->reissue_of_number, NULL };

      ts_cli_table_add (table, cells);
    }
  ts_cli_table_print (table);
  return TS_CLI_OK;
}

static int
write_stubs (TsRepository *repository,
             ReceiptArgs  *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) receipts = NULL;
  g_autoptr(TsReceiptJob) job = NULL;
  g_autofree char *title = event_title (repository, args->event_id, &error);

  if (title == NULL ||
      (receipts = ts_repository_list_receipts (repository, args->event_id, &error)) == NULL)
    return ts_cli_fail (error);
  job = ts_receipt_job_new (TS_RECEIPT_LAYOUT_STUBS, receipts, title);
  if (!ts_render_receipts_write_pdf (job, args->output, &error))
    return ts_cli_fail (error);
  return TS_CLI_OK;
}

static GPtrArray *
issue_and_write (TsRepository  *repository,
                 ReceiptArgs   *args,
                 GArray        *member_ids,
                 GError       **error)
{
  g_autoptr(GPtrArray) drafts = NULL;

  drafts = ts_repository_plan_receipts (repository, args->event_id,
                                        (const gint64 *) member_ids->data, member_ids->len, error);
  if (drafts == NULL)
    return NULL;
  if (args->addressee != NULL)
    g_object_set (g_ptr_array_index (drafts, 0), "addressee", args->addressee, NULL);
  return ts_render_receipts_issue_to_pdf (repository, args->event_id, drafts, args->reissue,
                                          args->a6 ? TS_RECEIPT_LAYOUT_A6 : TS_RECEIPT_LAYOUT_A4_4,
                                          args->output, error);
}

static int
issue_receipts (TsRepository *repository,
                ReceiptArgs  *args,
                GArray       *member_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = issue_and_write (repository, args, member_ids, &error);

  if (issued == NULL)
    return ts_cli_fail (error);
  /* One line a receipt: its number, whom it is for, and the amount. */
  for (guint i = 0; i < issued->len; i++)
    {
      TsReceipt *receipt = g_ptr_array_index (issued, i);
      g_autofree char *amount = ts_receipt_format_amount (receipt->amount);

      g_print ("%s\t%s\t%s%s%s\n", receipt->number, receipt->addressee, amount,
               ts_receipt_is_reissue (receipt) ? "\t" : "",
               /* Translators: after a receipt's line in tsudoi-cli receipts. */
               ts_receipt_is_reissue (receipt) ? _("reissue") : "");
    }
  return TS_CLI_OK;
}

int
ts_cli_receipts (int    argc,
                 char **argv)
{
  g_auto(ReceiptArgs) args = { 0 };
  const GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_INT64, &args.event_id, N_("Event number (required)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &args.output, N_("PDF file to write"), N_("FILE") },
    { "member", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &args.members,
      N_("Only this member (repeat for more; default: everyone who paid)"), N_("ID") },
    { "addressee", 0, 0, G_OPTION_ARG_STRING, &args.addressee,
      N_("Addressee (宛名) instead of the organization or name, with one --member"), N_("TEXT") },
    { "a6", 0, 0, G_OPTION_ARG_NONE, &args.a6, N_("One receipt on each A6 page instead of four on A4"), NULL },
    { "reissue", 0, 0, G_OPTION_ARG_NONE, &args.reissue,
      N_("Issue again for those who already have a receipt, marked as a reissue"), NULL },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &args.list, N_("List the receipts issued instead"), NULL },
    { "stubs", 0, 0, G_OPTION_ARG_NONE, &args.stubs,
      N_("Write the list of receipts issued (控え) as PDF instead"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &args.format, N_("With --list: text (default) or csv"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("receipts", NULL,
                           _("Issues receipts (領収書) to the attendees of an event who paid, and writes them as PDF. Each receipt gets a number of its own; a person who already has one gets another only with --reissue."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GArray) member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int status;

  if ((status = ts_cli_parse_no_arguments (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (args.event_id <= 0)
    return ts_cli_usage_error (_("Give the event with --event ID."));
  if (!parse_members (args.members, member_ids))
    return ts_cli_usage_error (_("--member takes a member’s number."));
  if (args.addressee != NULL && member_ids->len != 1)
    return ts_cli_usage_error (_("--addressee goes with exactly one --member."));
  if (!args.list && args.output == NULL)
    return ts_cli_usage_error (_("Give the PDF file to write with -o FILE."));
  if (args.output != NULL && !ts_cli_output_allowed (args.output))
    return TS_CLI_FAILED;
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if (args.list)
    return list_receipts (repository, &args);
  if (args.stubs)
    return write_stubs (repository, &args);
  return issue_receipts (repository, &args, member_ids);
}

/* ---- chapter edit, event edit ----------------------------------------- */

static gint64
parse_id (int    argc,
          char **argv)
{
  char *end = NULL;
  gint64 id;

  if (argc != 2 || (id = g_ascii_strtoll (argv[1], &end, 10)) <= 0 || *end != '\0')
    return 0;
  return id;
}

/* How `chapter edit` and `event edit` reach their kind of record: both
 * change text fields of one record and share the rest. */
typedef gpointer (*RecordGet)      (TsRepository *repository, gint64 id, GError **error);
typedef gboolean (*RecordValidate) (gpointer record, GError **error);
typedef gboolean (*RecordSave)     (TsRepository *repository, gpointer record, GError **error);

typedef struct {
  RecordGet      get;
  RecordValidate validate;
  RecordSave     save;
} RecordKind;

/* The functions differ from these types only in the record's pointer
 * type, as GLib's own callbacks do. */
static const RecordKind chapter_kind = {
  (RecordGet) ts_repository_get_chapter,
  (RecordValidate) ts_validate_chapter,
  (RecordSave) ts_repository_save_chapter,
};

static const RecordKind event_kind = {
  (RecordGet) ts_repository_get_event,
  (RecordValidate) ts_validate_event,
  (RecordSave) ts_repository_save_event,
};

/* Reads the record, sets the given property when its value was given,
 * validates and writes it, all in one write transaction, so that a
 * change by another program between the read and the write is not lost.
 * Returns the record as written, or NULL. */
static gpointer
edit_record (TsRepository      *repository,
             const RecordKind  *kind,
             gint64             id,
             const char        *property,
             const char        *value,
             GError           **error)
{
  TsDatabase *database = ts_repository_get_database (repository);
  g_autoptr(GObject) record = NULL;

  if (!ts_database_begin (database, error))
    return NULL;
  if ((record = kind->get (repository, id, error)) == NULL)
    {
      ts_database_rollback (database);
      return NULL;
    }
  if (value != NULL)
    g_object_set (record, property, value, NULL);
  if (!kind->validate (record, error) || !kind->save (repository, record, error))
    {
      ts_database_rollback (database);
      return NULL;
    }
  if (!ts_database_commit (database, error))
    return NULL;
  return g_steal_pointer (&record);
}

static gboolean
edit_chapter (TsRepository  *repository,
              gint64         id,
              const char    *invoice_number,
              GError       **error)
{
  g_autoptr(TsChapter) chapter =
    edit_record (repository, &chapter_kind, id, "invoice-number", invoice_number, error);

  if (chapter == NULL)
    return FALSE;
  if (*chapter->invoice_number != '\0' &&
      !ts_invoice_number_has_corporate_check_digit (chapter->invoice_number))
    g_printerr ("tsudoi-cli: %s\n",
                _("Note: this number does not have the check digit of a corporate number (法人番号). That is right for an individual or an unincorporated group; a corporation should check it on the National Tax Agency’s site."));
  return TRUE;
}

int
ts_cli_chapter_edit (int    argc,
                     char **argv)
{
  g_autofree char *invoice_number = NULL;
  const GOptionEntry entries[] = {
    { "invoice-number", 0, 0, G_OPTION_ARG_STRING, &invoice_number,
      N_("Invoice registration number (適格請求書発行事業者 登録番号): T and 13 digits, or \"\" for none"),
      N_("NUMBER") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("chapter edit", _("ID"),
                           _("Changes the given fields of a chapter, and leaves the others."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if ((id = parse_id (argc, argv)) == 0)
    return ts_cli_usage_error (_("Give the number of the chapter to change."));
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  if (!edit_chapter (repository, id, invoice_number, &error))
    return g_error_matches (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_INVOICE_NUMBER)
           ? ts_cli_usage_error ("%s", error->message) : ts_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return TS_CLI_OK;
}

int
ts_cli_event_edit (int    argc,
                   char **argv)
{
  g_autofree char *receipt_note = NULL;
  const GOptionEntry entries[] = {
    { "receipt-note", 0, 0, G_OPTION_ARG_STRING, &receipt_note,
      N_("What receipts say was paid for (但し書き), or \"\" for 懇親会費として"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("event edit", _("ID"),
                           _("Changes the given fields of an event, and leaves the others."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GObject) event = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int status;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if ((id = parse_id (argc, argv)) == 0)
    return ts_cli_usage_error (_("Give the number of the event to change."));
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  event = edit_record (repository, &event_kind, id, "receipt-note", receipt_note, &error);
  if (event == NULL)
    return ts_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", id);
  return TS_CLI_OK;
}
