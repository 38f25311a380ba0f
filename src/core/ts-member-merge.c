/* ts-member-merge.c: two members who are one person, made one.
 *
 * The merge is one transaction and leaves nothing half done: the kept
 * member takes the chosen values, the other's attendance joins the kept
 * member's, whom the other referred is repointed, and the other is soft
 * deleted like any delete. Before writing, the rows it will touch are
 * read whole (every column, as SQLite values), so that Undo can put them
 * back exactly, with their numbers, UUIDs and time stamps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-merge"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-member-merge.h"
#include "ts-record.h"
#include "ts-repository-private.h"

typedef struct {
  const char *name;
  const char *label;
  const char *properties[3];
} MergeField;

static const MergeField merge_fields[] = {
  { "name",         N_("Name"),                 { "family-name", "given-name", NULL } },
  { "reading",      N_("Reading"),              { "family-reading", "given-reading", NULL } },
  { "organization", N_("Organization"),         { "organization", NULL } },
  { "profession",   N_("Profession"),           { "profession", NULL } },
  { "job-title",    N_("Job title"),            { "job-title", NULL } },
  { "email",        N_("Email"),                { "email", NULL } },
  { "phone",        N_("Phone"),                { "phone", NULL } },
  { "introduction", N_("Self-introduction"),    { "introduction", NULL } },
  { "wish",         N_("Wish or announcement"), { "wish", NULL } },
  { "referred-by",  N_("Referred by"),          { "referred-by", NULL } },
  { "home-chapter", N_("Home chapter"),         { "home-chapter-id", NULL } },
  { "consent",      N_("Roster consent"),       { "consent", NULL } },
  { "notes",        N_("Notes"),                { "notes", NULL } },
};

static const MergeField *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (merge_fields); i++)
    if (g_strcmp0 (merge_fields[i].name, name) == 0)
      return &merge_fields[i];
  return NULL;
}

const char * const *
ts_member_merge_fields (void)
{
  static const char *names[G_N_ELEMENTS (merge_fields) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (merge_fields); i++)
      names[i] = merge_fields[i].name;
  return names;
}

gboolean
ts_member_merge_field_is_valid (const char *field)
{
  return find_field (field) != NULL;
}

const char *
ts_member_merge_field_label (const char *field)
{
  const MergeField *f = find_field (field);

  g_return_val_if_fail (f != NULL, NULL);
  return _(f->label);
}

char *
ts_member_merge_field_text (const char *field,
                            TsMember   *member)
{
  g_return_val_if_fail (TS_IS_MEMBER (member), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return ts_member_dup_name (member);
  if (g_strcmp0 (field, "reading") == 0)
    return ts_member_dup_reading (member);
  if (g_strcmp0 (field, "referred-by") == 0)
    return g_strdup (member->referred_by != 0 ? member->referrer_name : "");
  if (g_strcmp0 (field, "home-chapter") == 0)
    return g_strdup (member->home_chapter_id != 0 ? member->home_chapter_name : "");
  if (g_strcmp0 (field, "consent") == 0)
    return g_strdup (ts_consent_to_label (member->consent));
  {
    const MergeField *f = find_field (field);
    g_autofree char *text = NULL;

    g_return_val_if_fail (f != NULL, NULL);
    g_object_get (member, f->properties[0], &text, NULL);
    return g_strdup (text ? text : "");
  }
}

gboolean
ts_member_merge_field_is_set (const char *field,
                              TsMember   *member)
{
  const MergeField *f = find_field (field);

  g_return_val_if_fail (f != NULL && TS_IS_MEMBER (member), FALSE);

  for (guint i = 0; f->properties[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (member),
                                                        f->properties[i]);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (member), f->properties[i], &value);
      /* A consent is always a choice, its default (full) included. */
      if (G_VALUE_HOLDS_ENUM (&value))
        return TRUE;
      if (!g_param_value_defaults (pspec, &value) &&
          !(G_VALUE_HOLDS_STRING (&value) && *g_value_get_string (&value) == '\0'))
        return TRUE;
    }
  return FALSE;
}

gboolean
ts_member_merge_field_differs (const char *field,
                               TsMember   *keep,
                               TsMember   *other)
{
  const MergeField *f = find_field (field);

  g_return_val_if_fail (f != NULL, FALSE);
  return !ts_record_equal (keep, other, f->properties);
}

GStrv
ts_member_merge_default_fields (TsMember *keep,
                                TsMember *other)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (merge_fields); i++)
    if (!ts_member_merge_field_is_set (merge_fields[i].name, keep) &&
        ts_member_merge_field_is_set (merge_fields[i].name, other))
      g_strv_builder_add (builder, merge_fields[i].name);
  return g_strv_builder_end (builder);
}

/* ---- row images -------------------------------------------------------- */

/* One row as SQLite holds it; the column names come from the schema (a
 * SELECT *), never from values, so statements built from them are still
 * fixed text with every value bound. */
typedef struct {
  GStrv      names;
  GPtrArray *values;   /* sqlite3_value */
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->names);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static Row *
row_read (sqlite3_stmt *stmt)
{
  Row *row = g_new0 (Row, 1);
  int n = sqlite3_column_count (stmt);

  row->names = g_new0 (char *, n + 1);
  row->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
  for (int i = 0; i < n; i++)
    {
      row->names[i] = g_strdup (sqlite3_column_name (stmt, i));
      g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));
    }
  return row;
}

/* Every row of "SELECT * FROM table WHERE …" bound to @a and @b. */
static GPtrArray *
read_rows (TsRepository  *repository,
           const char    *sql,
           gint64         a,
           gint64         b,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (repository, sql, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_read (stmt));
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (ts_repository_get_database (repository), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gint64
row_id (Row *row)
{
  return sqlite3_value_int64 (row->values->pdata[0]);
}

static gint64
row_int (Row        *row,
         const char *name)
{
  for (guint i = 0; row->names[i] != NULL; i++)
    if (g_str_equal (row->names[i], name))
      return sqlite3_value_int64 (row->values->pdata[i]);
  g_return_val_if_reached (0);
}

/* Writes @row back: an UPDATE of every column when @update, else an
 * INSERT of the row with its own number. */
static gboolean
row_write (TsRepository  *repository,
           const char    *table,
           Row           *row,
           gboolean       update,
           GError       **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = row->values->len;

  g_string_printf (sql, update ? "UPDATE \"%s\" SET (" : "INSERT INTO \"%s\" (", table);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", row->names[i]);
  g_string_append (sql, update ? ") = (" : ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");
  if (update)
    g_string_append (sql, " WHERE id = ?1");

  stmt = ts_repository_prepare (repository, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    sqlite3_bind_value (stmt, i + 1, row->values->pdata[i]);
  return ts_repository_step_done (repository, stmt, error);
}

/* ---- the merge record -------------------------------------------------- */

struct _TsMemberMerge
{
  GObject       parent_instance;

  TsRepository *repository;
  gint64        keep_id;
  gint64        other_id;
  guint         n_joined;
  guint         n_moved;
  /* As before the merge. */
  Row          *keep_row;
  Row          *other_row;
  GPtrArray    *attendance;   /* Row, both members' */
  GPtrArray    *referred;     /* Row: id, referred_by, updated_at */
  GPtrArray    *receipts;     /* Row: id, member_id: the other's */
  /* As the merge left them, to notice a change before undoing: whole
   * rows, since a time stamp cannot tell two edits in one second apart. */
  Row          *keep_after;
  Row          *other_after;
};

G_DEFINE_FINAL_TYPE (TsMemberMerge, ts_member_merge, G_TYPE_OBJECT)

static void
ts_member_merge_finalize (GObject *object)
{
  TsMemberMerge *self = TS_MEMBER_MERGE (object);

  g_clear_object (&self->repository);
  g_clear_pointer (&self->keep_row, row_free);
  g_clear_pointer (&self->other_row, row_free);
  g_clear_pointer (&self->attendance, g_ptr_array_unref);
  g_clear_pointer (&self->referred, g_ptr_array_unref);
  g_clear_pointer (&self->receipts, g_ptr_array_unref);
  g_clear_pointer (&self->keep_after, row_free);
  g_clear_pointer (&self->other_after, row_free);
  G_OBJECT_CLASS (ts_member_merge_parent_class)->finalize (object);
}

static void
ts_member_merge_class_init (TsMemberMergeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_member_merge_finalize;
}

static void
ts_member_merge_init (TsMemberMerge *self)
{
}

gint64
ts_member_merge_get_keep_id (TsMemberMerge *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_MERGE (self), 0);
  return self->keep_id;
}

gint64
ts_member_merge_get_other_id (TsMemberMerge *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_MERGE (self), 0);
  return self->other_id;
}

guint
ts_member_merge_get_n_joined (TsMemberMerge *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_MERGE (self), 0);
  return self->n_joined;
}

guint
ts_member_merge_get_n_moved (TsMemberMerge *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_MERGE (self), 0);
  return self->n_moved;
}

/* Reads, inside the transaction, everything the merge will change. */
static gboolean
take_snapshot (TsMemberMerge  *self,
               GError        **error)
{
  g_autoptr(GPtrArray) members = read_rows (self->repository,
    "SELECT * FROM member WHERE id IN (?1, ?2) AND deleted_at IS NULL ORDER BY id = ?2",
    self->keep_id, self->other_id, error);

  if (members == NULL)
    return FALSE;
  if (members->len < 2)
    {
      gint64 missing = members->len == 1 && row_id (members->pdata[0]) == self->keep_id
                       ? self->other_id : self->keep_id;

      ts_repository_set_not_found (error, "member", missing);
      return FALSE;
    }
  self->keep_row = g_ptr_array_steal_index (members, 0);
  self->other_row = g_ptr_array_steal_index (members, 0);
  self->attendance = read_rows (self->repository,
    "SELECT * FROM attendance WHERE member_id IN (?1, ?2) ORDER BY id",
    self->keep_id, self->other_id, error);
  if (self->attendance == NULL)
    return FALSE;
  self->referred = read_rows (self->repository,
    "SELECT id, referred_by, updated_at FROM member WHERE referred_by = ?2 AND id <> ?1",
    self->keep_id, self->other_id, error);
  if (self->referred == NULL)
    return FALSE;
  self->receipts = read_rows (self->repository,
    "SELECT id, member_id FROM receipt WHERE member_id = ?2 AND ?1 > 0",
    self->keep_id, self->other_id, error);
  return self->receipts != NULL;
}

/* The kept member with the chosen fields of the other; a referral of
 * one by the other would now point at the person themselves. */
static gboolean
write_kept_member (TsMemberMerge       *self,
                   const char * const  *from_other,
                   TsMemberMergeFlags   flags,
                   GError             **error)
{
  g_autoptr(TsMember) keep = ts_repository_get_member (self->repository, self->keep_id, error);
  g_autoptr(TsMember) other = NULL;
  g_auto(GStrv) empty = NULL;

  if (keep == NULL ||
      (other = ts_repository_get_member (self->repository, self->other_id, error)) == NULL)
    return FALSE;
  if (flags & TS_MEMBER_MERGE_FILL_EMPTY)
    empty = ts_member_merge_default_fields (keep, other);
  for (guint i = 0; empty != NULL && empty[i] != NULL; i++)
    ts_record_copy (other, keep, find_field (empty[i])->properties);
  for (guint i = 0; from_other != NULL && from_other[i] != NULL; i++)
    ts_record_copy (other, keep, find_field (from_other[i])->properties);
  if (keep->referred_by == self->keep_id || keep->referred_by == self->other_id)
    keep->referred_by = 0;
  return ts_repository_save_member (self->repository, keep, error);
}

/* The more present status wins when both were on one event's list: a
 * row saying someone came beats one saying they meant to, which beats
 * one saying they did not. */
static int
presence_rank (TsAttendanceStatus status)
{
  switch (status)
    {
    case TS_ATTENDANCE_STATUS_CANCELLED:  return 0;
    case TS_ATTENDANCE_STATUS_NO_SHOW:    return 1;
    case TS_ATTENDANCE_STATUS_REGISTERED: return 2;
    case TS_ATTENDANCE_STATUS_WALK_IN:    return 3;
    case TS_ATTENDANCE_STATUS_ATTENDED:   return 4;
    default:                              return -1;
    }
}

typedef struct {
  gint64    id;
  gint64    event_id;
  TsAttendanceStatus status;
  TsAttendanceRole   role;
  char     *checked_in_at;
  gboolean  paid;
  char     *note;
  gint64    paid_amount;
  char     *paid_at;
  gint64    fee_class_id;
} Presence;

static void
presence_clear (Presence *p)
{
  g_free (p->checked_in_at);
  g_free (p->note);
  g_free (p->paid_at);
}

static void
read_presence (sqlite3_stmt *stmt,
               Presence     *p)
{
  p->id = sqlite3_column_int64 (stmt, 0);
  p->event_id = sqlite3_column_int64 (stmt, 1);
  p->status = ts_column_enum (stmt, 2, TS_TYPE_ATTENDANCE_STATUS);
  p->role = ts_column_enum (stmt, 3, TS_TYPE_ATTENDANCE_ROLE);
  p->checked_in_at = ts_column_text (stmt, 4);
  p->paid = sqlite3_column_int (stmt, 5) != 0;
  p->note = ts_column_text (stmt, 6);
  p->paid_amount = sqlite3_column_int64 (stmt, 7);
  p->paid_at = ts_column_text (stmt, 8);
  p->fee_class_id = sqlite3_column_int64 (stmt, 9);
}

/* @winner's row, now the kept member's, with what the lost row adds: a
 * fee paid on either (both when both paid: the money was received twice
 * and is in the envelope), the latest time paid, a fee class, a role
 * more specific than participant, both notes. */
static gboolean
write_winner (TsMemberMerge  *self,
              Presence       *winner,
              Presence       *loser,
              const char     *now,
              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository,
    "UPDATE attendance SET member_id = ?2, role = ?3, paid = ?4, note = ?5,"
    " updated_at = ?6, paid_amount = ?7, paid_at = ?8, fee_class_id = nullif(?9, 0)"
    " WHERE id = ?1", error);
  TsAttendanceRole role = winner->role;
  g_autofree char *note = NULL;

  if (stmt == NULL)
    return FALSE;
  if (loser != NULL && role == TS_ATTENDANCE_ROLE_PARTICIPANT)
    role = loser->role;
  if (loser == NULL || *loser->note == '\0' || g_str_equal (loser->note, winner->note))
    note = g_strdup (winner->note);
  else if (*winner->note == '\0')
    note = g_strdup (loser->note);
  else
    note = g_strconcat (winner->note, "\n", loser->note, NULL);
  sqlite3_bind_int64 (stmt, 1, winner->id);
  sqlite3_bind_int64 (stmt, 2, self->keep_id);
  ts_bind_enum (stmt, 3, TS_TYPE_ATTENDANCE_ROLE, role);
  sqlite3_bind_int (stmt, 4, winner->paid || (loser != NULL && loser->paid));
  ts_bind_text (stmt, 5, note);
  ts_bind_text (stmt, 6, now);
  sqlite3_bind_int64 (stmt, 7, winner->paid_amount + (loser != NULL ? loser->paid_amount : 0));
  ts_bind_text (stmt, 8, loser != NULL && strcmp (loser->paid_at, winner->paid_at) > 0
                         ? loser->paid_at : winner->paid_at);
  sqlite3_bind_int64 (stmt, 9, winner->fee_class_id != 0 || loser == NULL
                               ? winner->fee_class_id : loser->fee_class_id);
  return ts_repository_step_done (self->repository, stmt, error);
}

static gboolean
delete_attendance (TsMemberMerge  *self,
                   gint64          id,
                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository,
    "DELETE FROM attendance WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return ts_repository_step_done (self->repository, stmt, error);
}

/* One row per event: the other's rows move over, and where both had one
 * the losing row goes (first, for the one-row-per-event rule). */
static gboolean
join_attendance (TsMemberMerge  *self,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository,
    "SELECT id, event_id, status, role, checked_in_at, paid, note, paid_amount, paid_at,"
    " coalesce(fee_class_id, 0) FROM attendance"
    " WHERE member_id = ?1 ORDER BY id", error);
  g_autoptr(GArray) mine = g_array_new (FALSE, TRUE, sizeof (Presence));
  g_autoptr(GArray) theirs = g_array_new (FALSE, TRUE, sizeof (Presence));
  g_autofree char *now = ts_now_iso8601 ();
  gboolean ok = TRUE;

  g_array_set_clear_func (mine, (GDestroyNotify) presence_clear);
  g_array_set_clear_func (theirs, (GDestroyNotify) presence_clear);
  if (stmt == NULL)
    return FALSE;
  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *rows = pass == 0 ? mine : theirs;

      sqlite3_bind_int64 (stmt, 1, pass == 0 ? self->keep_id : self->other_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_array_set_size (rows, rows->len + 1);
          read_presence (stmt, &g_array_index (rows, Presence, rows->len - 1));
        }
      sqlite3_reset (stmt);
    }
  g_clear_pointer (&stmt, ts_statement_release);

  for (guint i = 0; ok && i < theirs->len; i++)
    {
      Presence *other = &g_array_index (theirs, Presence, i);
      Presence *keep = NULL;

      for (guint j = 0; j < mine->len; j++)
        if (g_array_index (mine, Presence, j).event_id == other->event_id)
          keep = &g_array_index (mine, Presence, j);
      if (keep == NULL)
        {
          self->n_moved++;
          ok = write_winner (self, other, NULL, now, error);
        }
      else if (presence_rank (other->status) > presence_rank (keep->status))
        {
          self->n_joined++;
          ok = delete_attendance (self, keep->id, error) &&
               write_winner (self, other, keep, now, error);
        }
      else
        {
          self->n_joined++;
          ok = delete_attendance (self, other->id, error) &&
               write_winner (self, keep, other, now, error);
        }
    }
  return ok;
}

static gboolean
repoint_referrals (TsMemberMerge  *self,
                   GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository,
    "UPDATE member SET referred_by = ?1, updated_at = ?3"
    " WHERE referred_by = ?2 AND id <> ?1", error);
  g_autofree char *now = ts_now_iso8601 ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->keep_id);
  sqlite3_bind_int64 (stmt, 2, self->other_id);
  ts_bind_text (stmt, 3, now);
  return ts_repository_step_done (self->repository, stmt, error);
}

/* The other's receipts become the kept member's: a person who already
 * has a receipt gets another only as a reissue (ts-receipt.c). */
static gboolean
repoint_receipts (TsMemberMerge  *self,
                  GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository,
    "UPDATE receipt SET member_id = ?1 WHERE member_id = ?2", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, self->keep_id);
  sqlite3_bind_int64 (stmt, 2, self->other_id);
  return ts_repository_step_done (self->repository, stmt, error);
}

/* Both members' rows as they are now, the kept member first. */
static gboolean
read_members (TsMemberMerge  *self,
              Row           **keep,
              Row           **other,
              GError        **error)
{
  g_autoptr(GPtrArray) rows = read_rows (self->repository,
    "SELECT * FROM member WHERE id IN (?1, ?2) ORDER BY id = ?2",
    self->keep_id, self->other_id, error);

  if (rows == NULL)
    return FALSE;
  if (rows->len < 2)
    {
      ts_repository_set_not_found (error, "member", self->keep_id);
      return FALSE;
    }
  *keep = g_ptr_array_steal_index (rows, 0);
  *other = g_ptr_array_steal_index (rows, 0);
  return TRUE;
}

static gboolean
value_equal (sqlite3_value *a,
             sqlite3_value *b)
{
  int type = sqlite3_value_type (a);

  if (type != sqlite3_value_type (b))
    return FALSE;
  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      /* An empty blob (a member's sort key before any name) has no
       * pointer to compare. */
      return sqlite3_value_bytes (a) == sqlite3_value_bytes (b) &&
             (sqlite3_value_bytes (a) == 0 ||
              memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b),
                      sqlite3_value_bytes (a)) == 0);
    }
}

static gboolean
row_equal (Row *a,
           Row *b)
{
  if (a->values->len != b->values->len)
    return FALSE;
  for (guint i = 0; i < a->values->len; i++)
    if (!value_equal (a->values->pdata[i], b->values->pdata[i]))
      return FALSE;
  return TRUE;
}

static gboolean
check_fields (const char * const  *from_other,
              GError             **error)
{
  for (guint i = 0; from_other != NULL && from_other[i] != NULL; i++)
    if (!ts_member_merge_field_is_valid (from_other[i]))
      {
        g_set_error (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT,
                     _("“%s” is not a member field that can be merged."), from_other[i]);
        return FALSE;
      }
  return TRUE;
}

static void
announce (TsRepository *repository)
{
  ts_repository_emit_changed (repository, "member");
  ts_repository_emit_changed (repository, "attendance");
}

TsMemberMerge *
ts_repository_merge_members (TsRepository        *self,
                             gint64               keep_id,
                             gint64               other_id,
                             const char * const  *from_other,
                             TsMemberMergeFlags   flags,
                             GError             **error)
{
  TsDatabase *database;
  g_autoptr(TsMemberMerge) merge = NULL;

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  if (keep_id == other_id)
    {
      g_set_error_literal (error, TS_DATABASE_ERROR, TS_DATABASE_ERROR_CONSTRAINT,
                           _("A member cannot be merged with themselves."));
      return NULL;
    }
  if (!check_fields (from_other, error))
    return NULL;

  merge = g_object_new (TS_TYPE_MEMBER_MERGE, NULL);
  merge->repository = g_object_ref (self);
  merge->keep_id = keep_id;
  merge->other_id = other_id;
  database = ts_repository_get_database (self);
  if (!ts_database_begin (database, error))
    return NULL;
  if (!take_snapshot (merge, error) ||
      !write_kept_member (merge, from_other, flags, error) ||
      !join_attendance (merge, error) ||
      !repoint_referrals (merge, error) ||
      !repoint_receipts (merge, error) ||
      !ts_repository_delete (self, "member", other_id, error) ||
      !read_members (merge, &merge->keep_after, &merge->other_after, error))
    ts_database_rollback (database);
  else if (ts_database_commit (database, error))
    {
      announce (self);
      return g_steal_pointer (&merge);
    }
  /* Views told of the writes mid-way read them again. */
  announce (self);
  return NULL;
}

/* ---- undo -------------------------------------------------------------- */

static gboolean
check_unchanged (TsMemberMerge  *self,
                 GError        **error)
{
  Row *keep = NULL, *other = NULL;
  gboolean unchanged;

  if (!read_members (self, &keep, &other, error))
    return FALSE;
  unchanged = row_equal (keep, self->keep_after) && row_equal (other, self->other_after);
  row_free (keep);
  row_free (other);
  if (!unchanged)
    {
      g_set_error_literal (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_CHANGED,
                           _("The merged member was changed or restored since, so the merge cannot be undone."));
      return FALSE;
    }
  return TRUE;
}

/* Clears both members' rows at every event either was on, then puts
 * the rows read before the merge back in. */
static gboolean
restore_attendance (TsMemberMerge  *self,
                    GError        **error)
{
  for (guint i = 0; i < self->attendance->len; i++)
    {
      g_autoptr(sqlite3_stmt) stmt = ts_repository_prepare (self->repository,
        "DELETE FROM attendance WHERE event_id = ?1 AND member_id IN (?2, ?3)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row_int (self->attendance->pdata[i], "event_id"));
      sqlite3_bind_int64 (stmt, 2, self->keep_id);
      sqlite3_bind_int64 (stmt, 3, self->other_id);
      if (!ts_repository_step_done (self->repository, stmt, error))
        return FALSE;
    }
  for (guint i = 0; i < self->attendance->len; i++)
    if (!row_write (self->repository, "attendance", self->attendance->pdata[i], FALSE, error))
      return FALSE;
  return TRUE;
}

static gboolean
restore_members (TsMemberMerge  *self,
                 GError        **error)
{
  if (!row_write (self->repository, "member", self->keep_row, TRUE, error) ||
      !row_write (self->repository, "member", self->other_row, TRUE, error))
    return FALSE;
  for (guint i = 0; i < self->referred->len; i++)
    if (!row_write (self->repository, "member", self->referred->pdata[i], TRUE, error))
      return FALSE;
  for (guint i = 0; i < self->receipts->len; i++)
    if (!row_write (self->repository, "receipt", self->receipts->pdata[i], TRUE, error))
      return FALSE;
  return TRUE;
}

gboolean
ts_member_merge_undo (TsMemberMerge  *self,
                      GError        **error)
{
  TsDatabase *database;

  g_return_val_if_fail (TS_IS_MEMBER_MERGE (self), FALSE);

  database = ts_repository_get_database (self->repository);
  if (!ts_database_begin (database, error))
    return FALSE;
  if (!check_unchanged (self, error) ||
      !restore_attendance (self, error) ||
      !restore_members (self, error))
    {
      ts_database_rollback (database);
      return FALSE;
    }
  if (!ts_database_commit (database, error))
    return FALSE;
  announce (self->repository);
  return TRUE;
}
