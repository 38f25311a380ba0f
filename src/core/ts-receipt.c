/* ts-receipt.c: receipts (領収書) for what attendees paid, and their numbers.
 *
 * A receipt is written once and never changed or deleted: a reissue is a
 * new row pointing at the receipt it replaces, so the stub list (控え)
 * keeps every paper that ever left the organizer's hands. What it says
 * (宛名, amount, 但し書き, issuer, registration number) is copied into the
 * row when it is issued, so a later change of the chapter or the payment
 * never changes what an old receipt says it said.
 *
 * Numbers are "YYYY-MM-NNNN": the month of issue and a sequence within
 * it, found and used inside one BEGIN IMMEDIATE transaction, so two
 * processes issuing at the same moment wait for each other instead of
 * taking the same number (and the UNIQUE constraint would refuse it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-receipt"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-receipt.h"
#include "ts-record.h"
#include "ts-repository-private.h"

G_DEFINE_QUARK (ts-receipt-error-quark, ts_receipt_error)

static const TsField receipt_fields[] = {
  TS_FIELD (TsReceipt, TS_FIELD_INT64,  "id",                id),
  TS_FIELD (TsReceipt, TS_FIELD_STRING, "uuid",              uuid),
  TS_FIELD (TsReceipt, TS_FIELD_STRING, "number",            number),
  TS_FIELD (TsReceipt, TS_FIELD_INT64,  "event-id",          event_id),
  TS_FIELD (TsReceipt, TS_FIELD_INT64,  "member-id",         member_id),
  TS_FIELD (TsReceipt, TS_FIELD_STRING, "addressee",         addressee),
  TS_FIELD (TsReceipt, TS_FIELD_INT64,  "amount",            amount),
  TS_FIELD (TsReceipt, TS_FIELD_STRING, "purpose",           purpose),
  TS_FIELD (TsReceipt, TS_FIELD_STRING, "issued-on",         issued_on),
  TS_FIELD (TsReceipt, TS_FIELD_TEXT,   "issuer",            issuer),
  TS_FIELD (TsReceipt, TS_FIELD_STRING, "invoice-number",    invoice_number),
  TS_FIELD (TsReceipt, TS_FIELD_INT64,  "reissue-of",        reissue_of),
  TS_FIELD (TsReceipt, TS_FIELD_STRING, "created-at",        created_at),
  TS_FIELD (TsReceipt, TS_FIELD_STRING, "reissue-of-number", reissue_of_number),
};

TS_DEFINE_RECORD (TsReceipt, ts_receipt, receipt_fields)

static void
ts_receipt_finalize (GObject *object)
{
  ts_receipt_finalize_fields (object);
  G_OBJECT_CLASS (ts_receipt_parent_class)->finalize (object);
}

static void
ts_receipt_class_init (TsReceiptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_receipt_finalize;
  ts_receipt_install (G_OBJECT_CLASS (klass));
}

static void
ts_receipt_init (TsReceipt *self)
{
  ts_receipt_init_fields (self);
}

TsReceipt *
ts_receipt_new (void)
{
  return g_object_new (TS_TYPE_RECEIPT, NULL);
}

gboolean
ts_receipt_is_reissue (TsReceipt *self)
{
  g_return_val_if_fail (TS_IS_RECEIPT (self), FALSE);
  return self->reissue_of > 0;
}

/* "¥4,000-": the yen sign before and a bar after, so that nothing can be
 * written in front of or behind the figure. */
char *
ts_receipt_format_amount (gint64 amount)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (amount));
  GString *text = g_string_new ("¥");
  gsize n = strlen (digits);

  if (amount < 0)
    g_string_append_c (text, '-');
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  g_string_append_c (text, '-');
  return g_string_free (text, FALSE);
}

/* "2026年12月17日" in Japanese; no weekday, as receipts are written. */
char *
ts_receipt_format_date (const char *issued_on)
{
  g_autoptr(GDateTime) day = NULL;
  int year, month, date;

  if (issued_on != NULL && sscanf (issued_on, "%4d-%2d-%2d", &year, &month, &date) == 3)
    day = g_date_time_new_local (year, month, date, 0, 0, 0);
  if (day == NULL)
    return g_strdup (issued_on ? issued_on : "");
  /* Translators: the date on a receipt, as strftime format; in Japanese
   * "%Y年%-m月%-d日", giving 2026年12月17日. */
  return g_date_time_format (day, _("%-d %B %Y"));
}

const char *
ts_receipt_default_purpose (void)
{
  /* Translators: the 但し書き of a receipt when the event sets none;
   * in Japanese 懇親会費として. */
  return _("For the dinner fee");
}

/* Their organization when they have one (an employer reimburses), else
 * their name; with 様 either way. */
char *
ts_receipt_default_addressee (const char *family_name,
                              const char *given_name,
                              const char *organization)
{
  if (organization != NULL && *organization != '\0')
    return g_strdup_printf ("%s\u3000様", organization);
  if (given_name != NULL && *given_name != '\0')
    return g_strdup_printf ("%s\u3000%s\u3000様", family_name, given_name);
  return g_strdup_printf ("%s\u3000様", family_name ? family_name : "");
}

/* ---- repository -------------------------------------------------------- */

/* The attendees of ?1 who paid, with what a receipt for each would say,
 * and the newest receipt each already has. */
#define PLAN_SQL \
  "SELECT a.member_id, m.family_name, m.given_name, m.organization," \
  "  a.paid_amount, a.paid_at, e.starts_at, e.receipt_note," \
  "  c.name, c.leader, c.invoice_number," \
  "  coalesce((SELECT max(r.id) FROM receipt r" \
  "    WHERE r.event_id = a.event_id AND r.member_id = a.member_id), 0)," \
  "  coalesce((SELECT r.number FROM receipt r" \
  "    WHERE r.event_id = a.event_id AND r.member_id = a.member_id ORDER BY r.id DESC LIMIT 1), '')," \
  "  coalesce((SELECT r.addressee FROM receipt r" \
  "    WHERE r.event_id = a.event_id AND r.member_id = a.member_id ORDER BY r.id DESC LIMIT 1), '')" \
  " FROM attendance a JOIN member m ON m.id = a.member_id" \
  " JOIN event e ON e.id = a.event_id JOIN chapter c ON c.id = e.chapter_id" \
  " WHERE a.event_id = ?1 AND a.paid_amount > 0 AND m.deleted_at IS NULL" \
  " ORDER BY m.sort_key, m.id"

static char *
issuer_text (const char *chapter,
             const char *leader)
{
  if (leader == NULL || *leader == '\0')
    return g_strdup (chapter);
  return g_strdup_printf ("%s\n%s", chapter, leader);
}

static gpointer
read_draft (sqlite3_stmt *stmt)
{
  TsReceipt *draft = ts_receipt_new ();
  g_autofree char *family = ts_column_text (stmt, 1);
  g_autofree char *given = ts_column_text (stmt, 2);
  g_autofree char *organization = ts_column_text (stmt, 3);
  g_autofree char *paid_at = ts_column_text (stmt, 5);
  g_autofree char *starts_at = ts_column_text (stmt, 6);
  g_autofree char *note = ts_column_text (stmt, 7);
  g_autofree char *chapter = ts_column_text (stmt, 8);
  g_autofree char *leader = ts_column_text (stmt, 9);
  /* Both are "2026-12-17T…"; the receipt is dated by the day. */
  const char *day = *paid_at != '\0' ? paid_at : starts_at;

  g_autofree char *last_addressee = ts_column_text (stmt, 13);

  draft->member_id = sqlite3_column_int64 (stmt, 0);
  draft->amount = sqlite3_column_int64 (stmt, 4);
  /* A reissue says what the lost one said. */
  g_free (draft->addressee);
  draft->addressee = *last_addressee != '\0'
                     ? g_steal_pointer (&last_addressee)
                     : ts_receipt_default_addressee (family, given, organization);
  g_free (draft->purpose);
  draft->purpose = g_strdup (*note != '\0' ? note : ts_receipt_default_purpose ());
  g_free (draft->issued_on);
  draft->issued_on = g_strndup (day, 10);
  g_free (draft->issuer);
  draft->issuer = issuer_text (chapter, leader);
  g_free (draft->invoice_number);
  draft->invoice_number = ts_column_text (stmt, 10);
  draft->reissue_of = sqlite3_column_int64 (stmt, 11);
  g_free (draft->reissue_of_number);
  draft->reissue_of_number = ts_column_text (stmt, 12);
  return draft;
}

static gboolean
contains (const gint64 *ids,
          guint         n_ids,
          gint64        id)
{
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static gboolean
event_exists (TsRepository  *self,
              gint64         event_id,
              GError       **error)
{
  g_autoptr(TsEvent) event = ts_repository_get_event (self, event_id, error);

  return event != NULL;
}

/* Says who among @member_ids has not paid: their name when known. */
static void
set_not_paid (TsRepository  *self,
              gint64         member_id,
              GError       **error)
{
  g_autoptr(TsMember) member = ts_repository_get_member (self, member_id, NULL);
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, member_id);

  if (member == NULL)
    g_set_error (error, TS_RECEIPT_ERROR, TS_RECEIPT_ERROR_NOT_PAID,
                 _("Member number %s is not among those who paid for this event."), number);
  else
    g_set_error (error, TS_RECEIPT_ERROR, TS_RECEIPT_ERROR_NOT_PAID,
                 _("%1$s %2$s has not paid for this event; a receipt is for what was paid."),
                 member->family_name, member->given_name);
}

GPtrArray *
ts_repository_plan_receipts (TsRepository  *self,
                             gint64         event_id,
                             const gint64  *member_ids,
                             guint          n_member_ids,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) paid = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  if (!event_exists (self, event_id, error))
    return NULL;
  if ((stmt = ts_repository_prepare (self, PLAN_SQL, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!ts_repository_collect_rows (self, stmt, read_draft, paid, error))
    return NULL;
  for (guint i = 0; i < paid->len; i++)
    {
      TsReceipt *draft = g_ptr_array_index (paid, i);

      draft->event_id = event_id;
      if (n_member_ids == 0 || contains (member_ids, n_member_ids, draft->member_id))
        g_ptr_array_add (drafts, g_object_ref (draft));
    }
  for (guint i = 0; i < n_member_ids; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < drafts->len && !found; j++)
        found = ((TsReceipt *) g_ptr_array_index (drafts, j))->member_id == member_ids[i];
      if (!found)
        {
          set_not_paid (self, member_ids[i], error);
          return NULL;
        }
    }
  if (drafts->len == 0)
    {
      g_set_error_literal (error, TS_RECEIPT_ERROR, TS_RECEIPT_ERROR_NOBODY,
                           _("Nobody has paid for this event yet, so there is no receipt to issue."));
      return NULL;
    }
  return g_steal_pointer (&drafts);
}

/* The next free number of the month of @now: one past the highest ever
 * given in that month, so a number is never given twice. */
static char *
next_number (TsRepository  *self,
             GDateTime     *now,
             GError       **error)
{
  g_autofree char *month = g_date_time_format (now, "%Y-%m-");
  g_autofree char *pattern = g_strconcat (month, "[0-9][0-9][0-9][0-9]*", NULL);
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self,
    "SELECT coalesce(max(CAST(substr(number, 9) AS INTEGER)), 0) FROM receipt"
    " WHERE number GLOB ?1", error);

  if (stmt == NULL)
    return NULL;
  ts_bind_text (stmt, 1, pattern);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_database_set_error (ts_repository_get_database (self), error);
      return NULL;
    }
  return g_strdup_printf ("%s%04" G_GINT64_FORMAT, month, (gint64) sqlite3_column_int64 (stmt, 0) + 1);
}

static gboolean
insert_receipt (TsRepository  *self,
                TsReceipt     *receipt,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self,
    "INSERT INTO receipt (uuid, number, event_id, member_id, addressee, amount, purpose,"
    "  issued_on, issuer, invoice_number, reissue_of, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id", error);

  if (stmt == NULL)
    return FALSE;
  ts_bind_text (stmt, 1, receipt->uuid);
  ts_bind_text (stmt, 2, receipt->number);
  sqlite3_bind_int64 (stmt, 3, receipt->event_id);
  ts_bind_id (stmt, 4, receipt->member_id);
  ts_bind_text (stmt, 5, receipt->addressee);
  sqlite3_bind_int64 (stmt, 6, receipt->amount);
  ts_bind_text (stmt, 7, receipt->purpose);
  ts_bind_text (stmt, 8, receipt->issued_on);
  ts_bind_text (stmt, 9, receipt->issuer);
  ts_bind_text (stmt, 10, receipt->invoice_number);
  ts_bind_id (stmt, 11, receipt->reissue_of);
  ts_bind_text (stmt, 12, receipt->created_at);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ts_database_set_error (ts_repository_get_database (self), error);
      return FALSE;
    }
  receipt->id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The receipt to write for @draft as planned now (@current), with the
 * addressee the person chose when they changed it. */
static TsReceipt *
make_receipt (TsReceipt  *current,
              TsReceipt  *draft,
              gboolean    reissue,
              GError    **error)
{
  TsReceipt *receipt = ts_record_dup (current);

  if (current->reissue_of > 0 && !reissue)
    {
      g_set_error (error, TS_RECEIPT_ERROR, TS_RECEIPT_ERROR_ALREADY_ISSUED,
                   _("%1$s already has receipt %2$s; issue it again as a reissue (再発行) if it is lost."),
                   current->addressee, current->reissue_of_number);
      g_object_unref (receipt);
      return NULL;
    }
  if (draft != NULL && draft->addressee != NULL)
    {
      g_autofree char *addressee = g_strstrip (g_strdup (draft->addressee));

      if (*addressee != '\0')
        g_object_set (receipt, "addressee", addressee, NULL);
    }
  g_free (receipt->uuid);
  receipt->uuid = g_uuid_string_random ();
  return receipt;
}

static gboolean
issue_all (TsRepository  *self,
           gint64         event_id,
           GPtrArray     *drafts,
           gboolean       reissue,
           GDateTime     *now,
           GPtrArray     *issued,
           GError       **error)
{
  g_autofree gint64 *ids = g_new0 (gint64, drafts->len);
  g_autoptr(GPtrArray) current = NULL;
  g_autofree char *created_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  for (guint i = 0; i < drafts->len; i++)
    ids[i] = ((TsReceipt *) g_ptr_array_index (drafts, i))->member_id;
  /* Read again in the transaction: what was paid may have changed. */
  current = ts_repository_plan_receipts (self, event_id, ids, drafts->len, error);
  if (current == NULL)
    return FALSE;
  for (guint i = 0; i < current->len; i++)
    {
      TsReceipt *now_planned = g_ptr_array_index (current, i);
      TsReceipt *draft = NULL;
      g_autoptr(TsReceipt) receipt = NULL;

      for (guint j = 0; j < drafts->len && draft == NULL; j++)
        if (((TsReceipt *) g_ptr_array_index (drafts, j))->member_id == now_planned->member_id)
          draft = g_ptr_array_index (drafts, j);
      if ((receipt = make_receipt (now_planned, draft, reissue, error)) == NULL)
        return FALSE;
      g_free (receipt->created_at);
      receipt->created_at = g_strdup (created_at);
      g_free (receipt->number);
      if ((receipt->number = next_number (self, now, error)) == NULL ||
          !insert_receipt (self, receipt, error))
        return FALSE;
      g_ptr_array_add (issued, g_steal_pointer (&receipt));
    }
  return TRUE;
}

GPtrArray *
ts_repository_issue_receipts (TsRepository  *self,
                              gint64         event_id,
                              GPtrArray     *drafts,
                              gboolean       reissue,
                              GDateTime     *now,
                              GError       **error)
{
  TsDatabase *database;
  g_autoptr(GPtrArray) issued = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) clock = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);
  g_return_val_if_fail (drafts != NULL && drafts->len > 0, NULL);

  database = ts_repository_get_database (self);
  clock = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_local ();
  if (!ts_database_begin (database, error))
    return NULL;
  if (!issue_all (self, event_id, drafts, reissue, clock, issued, error))
    {
      ts_database_rollback (database);
      return NULL;
    }
  if (!ts_database_commit (database, error))
    return NULL;
  ts_repository_emit_changed (self, "receipt");
  return g_steal_pointer (&issued);
}

static gpointer
read_receipt (sqlite3_stmt *stmt)
{
  TsReceipt *receipt = ts_receipt_new ();
  char **texts[] = { &receipt->uuid, &receipt->number, &receipt->addressee,
                     &receipt->purpose, &receipt->issued_on, &receipt->issuer,
                     &receipt->invoice_number, &receipt->created_at,
                     &receipt->reissue_of_number };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_free (*texts[i]);
      *texts[i] = ts_column_text (stmt, i);
    }
  receipt->id = sqlite3_column_int64 (stmt, 9);
  receipt->event_id = sqlite3_column_int64 (stmt, 10);
  receipt->member_id = sqlite3_column_int64 (stmt, 11);
  receipt->amount = sqlite3_column_int64 (stmt, 12);
  receipt->reissue_of = sqlite3_column_int64 (stmt, 13);
  return receipt;
}

GPtrArray *
ts_repository_list_receipts (TsRepository  *self,
                             gint64         event_id,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) receipts = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  stmt = ts_repository_prepare (self,
    "SELECT r.uuid, r.number, r.addressee, r.purpose, r.issued_on, r.issuer,"
    "  r.invoice_number, r.created_at, coalesce(o.number, ''),"
    "  r.id, r.event_id, coalesce(r.member_id, 0), r.amount, coalesce(r.reissue_of, 0)"
    " FROM receipt r LEFT JOIN receipt o ON o.id = r.reissue_of"
    " WHERE r.event_id = ?1 ORDER BY r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (!ts_repository_collect_rows (self, stmt, read_receipt, receipts, error))
    return NULL;
  return g_steal_pointer (&receipts);
}
