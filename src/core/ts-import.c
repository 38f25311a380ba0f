/* ts-import.c: members (and an event's registrations) from a CSV file:
 * a preview of every row first, then one transaction.
 *
 * The preview decides, for each row, what will happen: a new member, an
 * update of the member it already is, a skip (nothing new, or the same
 * person as an earlier line) or an error with its reason. Who a row
 * already is comes from in-memory indexes of every member (email; reading
 * and name; name and organization) built with one query, so that 50,000
 * rows never cost 50,000 queries. The organizer may change any decision;
 * then the whole file is written in one transaction (ts-import-write.c),
 * and an error or a cancel rolls everything back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-import-private.h"
#include "ts-repository-private.h"
#include "ts-text.h"
#include "ts-validate.h"


G_DEFINE_FINAL_TYPE (TsImport, ts_import, G_TYPE_OBJECT)
G_DEFINE_QUARK (ts-import-error-quark, ts_import_error)

static void
clear_row (TsImportRow *row)
{
  g_clear_object (&row->member);
  g_clear_object (&row->existing);
  g_clear_pointer (&row->message, g_free);
  g_clear_pointer (&row->referrer, g_free);
}

static void
ts_import_finalize (GObject *object)
{
  TsImport *self = TS_IMPORT (object);

  ts_csv_table_free (self->table);
  g_array_unref (self->mapping);
  g_array_unref (self->rows);
  g_ptr_array_unref (self->existing);
  g_free (self->default_consent);
  G_OBJECT_CLASS (ts_import_parent_class)->finalize (object);
}

static void
ts_import_class_init (TsImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_import_finalize;
}

static void
ts_import_init (TsImport *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (TsImportRow));
  g_array_set_clear_func (self->rows, (GDestroyNotify) clear_row);
  self->existing = g_ptr_array_new_with_free_func (g_object_unref);
  self->default_consent = g_strdup (TS_CONSENT_FULL);
}

/* Lists kept in Excel often start with a title line (「第12回 参加者名簿」)
 * or two: the column names are the first of the first few rows that
 * names a name column, else the first row. */
#define MAX_TITLE_ROWS 5

/* Takes @table. */
TsImport *
ts_import_new (TsCsvTable *table)
{
  TsImport *self = g_object_new (TS_TYPE_IMPORT, NULL);
  const char * const empty[] = { NULL };

  self->table = table;
  for (guint r = 0; r < table->rows->len && r <= MAX_TITLE_ROWS; r++)
    {
      g_autoptr(GArray) mapping = ts_import_map_headers (g_ptr_array_index (table->rows, r));

      if (ts_import_mapping_has_name (mapping))
        {
          self->header_row = r;
          self->mapping = g_steal_pointer (&mapping);
          return self;
        }
    }
  self->mapping = ts_import_map_headers (table->rows->len > 0
                                         ? g_ptr_array_index (table->rows, 0)
                                         : (gpointer) empty);
  return self;
}

TsImport *
ts_import_new_from_file (const char     *path,
                         TsCsvEncoding   encoding,
                         GCancellable   *cancellable,
                         GError        **error)
{
  TsCsvTable *table = ts_csv_read_file (path, encoding, cancellable, error);

  return table ? ts_import_new (table) : NULL;
}

TsCsvEncoding
ts_import_get_encoding (TsImport *self)
{
  return self->table->encoding;
}

char
ts_import_get_separator (TsImport *self)
{
  return self->table->separator;
}

guint
ts_import_get_n_columns (TsImport *self)
{
  return self->mapping->len;
}

const char *
ts_import_get_header (TsImport *self,
                      guint     column)
{
  GStrv headers = g_ptr_array_index (self->table->rows, self->header_row);

  g_return_val_if_fail (column < self->mapping->len, NULL);
  return headers[column];
}

TsImportField
ts_import_get_field (TsImport *self,
                     guint     column)
{
  g_return_val_if_fail (column < self->mapping->len, TS_IMPORT_FIELD_IGNORE);
  return g_array_index (self->mapping, TsImportField, column);
}

/* A changed mapping makes the preview stale: preview again. */
void
ts_import_set_field (TsImport      *self,
                     guint          column,
                     TsImportField  field)
{
  g_return_if_fail (column < self->mapping->len && field < TS_IMPORT_N_FIELDS);

  /* One column per field: the column that had it lets it go. */
  for (guint i = 0; i < self->mapping->len && field != TS_IMPORT_FIELD_IGNORE; i++)
    if (g_array_index (self->mapping, TsImportField, i) == field)
      g_array_index (self->mapping, TsImportField, i) = TS_IMPORT_FIELD_IGNORE;
  g_array_index (self->mapping, TsImportField, column) = field;
  self->previewed = FALSE;
}

void
ts_import_set_default_consent (TsImport   *self,
                               const char *consent)
{
  g_return_if_fail (ts_member_consent_is_valid (consent));
  g_free (self->default_consent);
  self->default_consent = g_strdup (consent);
  self->previewed = FALSE;
}

/* ---- one row ------------------------------------------------------------ */

/* Cells lose surrounding spaces, full-width ones too, and the quote that
 * an export puts before a cell that looks like a formula ("'=...",
 * "'+81..."), so that exporting and importing again changes nothing. */
static char *
trim_cell (const char *cell)
{
  const char *start = cell, *end = cell + strlen (cell);

  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@\t\r", cell[1]) != NULL)
    return g_strdup (cell + 1);

  while (*start != '\0' && (g_ascii_isspace (*start) || g_str_has_prefix (start, "\u3000")))
    start += g_ascii_isspace (*start) ? 1 : 3;
  while (end > start && (g_ascii_isspace (end[-1]) ||
                         (end - start >= 3 && memcmp (end - 3, "\u3000", 3) == 0)))
    end -= g_ascii_isspace (end[-1]) ? 1 : 3;
  return g_strndup (start, end - start);
}

const TsImportField ts_import_text_fields[TS_IMPORT_N_TEXT_FIELDS] = {
  TS_IMPORT_FIELD_FAMILY_NAME, TS_IMPORT_FIELD_GIVEN_NAME,
  TS_IMPORT_FIELD_FAMILY_READING, TS_IMPORT_FIELD_GIVEN_READING,
  TS_IMPORT_FIELD_ORGANIZATION, TS_IMPORT_FIELD_PROFESSION,
  TS_IMPORT_FIELD_JOB_TITLE, TS_IMPORT_FIELD_EMAIL, TS_IMPORT_FIELD_PHONE,
  TS_IMPORT_FIELD_INTRODUCTION, TS_IMPORT_FIELD_WISH, TS_IMPORT_FIELD_NOTES,
};

char **
ts_import_member_text (TsMember      *member,
                       TsImportField  field)
{
  switch (field)
    {
    case TS_IMPORT_FIELD_FAMILY_NAME:    return &member->family_name;
    case TS_IMPORT_FIELD_GIVEN_NAME:     return &member->given_name;
    case TS_IMPORT_FIELD_FAMILY_READING: return &member->family_reading;
    case TS_IMPORT_FIELD_GIVEN_READING:  return &member->given_reading;
    case TS_IMPORT_FIELD_ORGANIZATION:   return &member->organization;
    case TS_IMPORT_FIELD_PROFESSION:     return &member->profession;
    case TS_IMPORT_FIELD_JOB_TITLE:      return &member->job_title;
    case TS_IMPORT_FIELD_EMAIL:          return &member->email;
    case TS_IMPORT_FIELD_PHONE:          return &member->phone;
    case TS_IMPORT_FIELD_INTRODUCTION:   return &member->introduction;
    case TS_IMPORT_FIELD_WISH:           return &member->wish;
    case TS_IMPORT_FIELD_NOTES:          return &member->notes;
    default:                             return NULL;
    }
}

void
ts_import_take_text (char **slot,
                     char  *value)
{
  g_free (*slot);
  *slot = value;
}

static gboolean
is_mapped (TsImport      *self,
           TsImportField  field)
{
  for (guint i = 0; i < self->mapping->len; i++)
    if (g_array_index (self->mapping, TsImportField, i) == field)
      return TRUE;
  return FALSE;
}

static void
set_row_message (TsImportRow *row,
                 char        *message)
{
  g_free (row->message);
  row->message = message;
}

typedef struct {
  GHashTable *by_email;        /* key → TsMember or row index + 1 */
  GHashTable *by_reading_name;
  GHashTable *by_name_org;
} Index;

static void
index_init (Index *index)
{
  index->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_reading_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_name_org = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
index_clear (Index *index)
{
  g_clear_pointer (&index->by_email, g_hash_table_unref);
  g_clear_pointer (&index->by_reading_name, g_hash_table_unref);
  g_clear_pointer (&index->by_name_org, g_hash_table_unref);
}

typedef struct {
  char *email;         /* lower case, or NULL */
  char *reading_name;  /* reading and name, or NULL without a reading */
  char *name_org;      /* name and organization */
  char *name;
} Keys;

static void
keys_make (Keys     *keys,
           TsMember *member)
{
  g_autofree char *family = ts_text_search_key (member->family_name);
  g_autofree char *given = ts_text_search_key (member->given_name);
  g_autofree char *reading_text = g_strconcat (member->family_reading,
                                               member->given_reading, NULL);
  g_autofree char *reading = ts_text_search_key (reading_text);
  g_autofree char *organization = ts_text_search_key (member->organization);

  keys->name = g_strconcat (family, given, NULL);
  keys->email = *member->email ? g_ascii_strdown (member->email, -1) : NULL;
  keys->reading_name = *reading ? g_strconcat (reading, "\x1f", keys->name, NULL) : NULL;
  keys->name_org = g_strconcat (keys->name, "\x1f", organization, NULL);
}

static void
keys_clear (Keys *keys)
{
  g_free (keys->email);
  g_free (keys->reading_name);
  g_free (keys->name_org);
  g_free (keys->name);
}

static gpointer
index_find (Index *index,
            Keys  *keys)
{
  gpointer found = NULL;

  if (keys->email != NULL)
    found = g_hash_table_lookup (index->by_email, keys->email);
  if (found == NULL && keys->reading_name != NULL)
    found = g_hash_table_lookup (index->by_reading_name, keys->reading_name);
  if (found == NULL)
    found = g_hash_table_lookup (index->by_name_org, keys->name_org);
  return found;
}

/* The first holder of a key keeps it. */
static void
index_add (Index    *index,
           Keys     *keys,
           gpointer  value)
{
  if (keys->email != NULL && !g_hash_table_contains (index->by_email, keys->email))
    g_hash_table_insert (index->by_email, g_strdup (keys->email), value);
  if (keys->reading_name != NULL &&
      !g_hash_table_contains (index->by_reading_name, keys->reading_name))
    g_hash_table_insert (index->by_reading_name, g_strdup (keys->reading_name), value);
  if (!g_hash_table_contains (index->by_name_org, keys->name_org))
    g_hash_table_insert (index->by_name_org, g_strdup (keys->name_org), value);
}

typedef struct {
  Index       existing;
  Index       file;
  GHashTable *file_names; /* name keys of the file's rows */
  GHashTable *names;      /* name key → TsMember, NULL when two share it */
  GHashTable *chapters;   /* name key → chapter id */
} PreviewState;

static void
split_into (const char  *cell,
            char       **family,
            char       **given)
{
  g_autofree char *first = NULL, *second = NULL;

  ts_split_full_name (cell, &first, &second);
  ts_import_take_text (family, g_steal_pointer (&first));
  ts_import_take_text (given, g_steal_pointer (&second));
}

static void
fill_member (TsImport     *self,
             PreviewState *state,
             GStrv         cells,
             TsImportRow  *row,
             const char  **consent_cell)
{
  gboolean has_family = is_mapped (self, TS_IMPORT_FIELD_FAMILY_NAME);
  gboolean has_family_reading = is_mapped (self, TS_IMPORT_FIELD_FAMILY_READING);
  guint n_cells = g_strv_length (cells);
  TsMember *member = row->member;

  for (guint i = 0; i < self->mapping->len && i < n_cells; i++)
    {
      TsImportField field = g_array_index (self->mapping, TsImportField, i);
      g_autofree char *cell = trim_cell (cells[i]);
      char **slot;

      if (field == TS_IMPORT_FIELD_FULL_NAME && !has_family)
        split_into (cell, &member->family_name, &member->given_name);
      else if (field == TS_IMPORT_FIELD_READING && !has_family_reading)
        split_into (cell, &member->family_reading, &member->given_reading);
      else if (field == TS_IMPORT_FIELD_CONSENT)
        *consent_cell = cells[i];
      else if (field == TS_IMPORT_FIELD_REFERRED_BY)
        ts_import_take_text (&row->referrer, g_steal_pointer (&cell));
      else if (field == TS_IMPORT_FIELD_HOME_CHAPTER && *cell != '\0')
        {
          g_autofree char *key = ts_text_search_key (cell);
          gpointer id = g_hash_table_lookup (state->chapters, key);

          if (id != NULL)
            member->home_chapter_id = *(gint64 *) id;
          else
            set_row_message (row, g_strdup_printf (_("There is no chapter named “%s”; "
                                                     "the home chapter is left empty."),
                                                   cell));
        }
      else if ((slot = ts_import_member_text (member, field)) != NULL)
        ts_import_take_text (slot, g_steal_pointer (&cell));
    }
}

/* Emails differ only in what mail servers ignore: their case. */
gboolean
ts_import_same_value (TsImportField  field,
                      const char    *a,
                      const char    *b)
{
  if (field == TS_IMPORT_FIELD_EMAIL)
    return g_ascii_strcasecmp (a, b) == 0;
  return g_strcmp0 (a, b) == 0;
}

/* Would writing @row over @existing change anything? Empty cells never
 * erase what is known. */
static gboolean
row_changes (TsImport    *self,
             TsImportRow *row)
{
  const TsImportField *fields = ts_import_text_fields;

  for (guint i = 0; i < TS_IMPORT_N_TEXT_FIELDS; i++)
    {
      const char *value = *ts_import_member_text (row->member, fields[i]);

      if (*value != '\0' && !ts_import_same_value (fields[i], value,
                                          *ts_import_member_text (row->existing, fields[i])))
        return TRUE;
    }
  if (row->consent_given && g_strcmp0 (row->member->consent, row->existing->consent) != 0)
    return TRUE;
  if (row->referrer_id != 0 && row->referrer_id != row->existing->referred_by)
    return TRUE;
  return row->member->home_chapter_id != 0 &&
         row->member->home_chapter_id != row->existing->home_chapter_id;
}

static void
resolve_referrer (PreviewState *state,
                  TsImportRow  *row)
{
  g_autofree char *key = NULL;
  TsMember *referrer;

  if (row->referrer == NULL || *row->referrer == '\0')
    return;
  key = ts_text_search_key (row->referrer);
  referrer = g_hash_table_lookup (state->names, key);
  if (referrer != NULL)
    row->referrer_id = referrer->id;
}

static void
decide (TsImport     *self,
        PreviewState *state,
        TsImportRow  *row,
        guint         index)
{
  Keys keys;
  TsMember *found;
  gpointer earlier;

  keys_make (&keys, row->member);
  found = index_find (&state->existing, &keys);
  row->existing = found ? g_object_ref (found) : NULL;
  earlier = index_find (&state->file, &keys);
  index_add (&state->file, &keys, GUINT_TO_POINTER (index + 1));
  g_hash_table_add (state->file_names, g_strdup (keys.name));
  keys_clear (&keys);

  if (earlier != NULL)
    {
      row->same_as_index = GPOINTER_TO_UINT (earlier) - 1;
      row->same_as_line = g_array_index (self->rows, TsImportRow, row->same_as_index).line;
      row->action = TS_IMPORT_ACTION_SKIP;
    }
  else if (row->existing != NULL)
    {
      row->changes = row_changes (self, row);
      row->action = row->changes ? TS_IMPORT_ACTION_UPDATE : TS_IMPORT_ACTION_SKIP;
    }
  else
    row->action = TS_IMPORT_ACTION_NEW;
}

static void
preview_row (TsImport     *self,
             PreviewState *state,
             GStrv         cells,
             TsImportRow  *row,
             guint         index)
{
  g_autoptr(GError) error = NULL;
  const char *consent_cell = NULL, *consent = "";
  guint n_cells = g_strv_length (cells);

  row->member = ts_member_new ();
  fill_member (self, state, cells, row, &consent_cell);

  for (guint i = self->mapping->len; i < n_cells; i++)
    if (*cells[i] != '\0')
      {
        row->action = TS_IMPORT_ACTION_ERROR;
        set_row_message (row, g_strdup_printf (_("This line has %1$u cells, but the first "
                                                 "line names only %2$u columns."),
                                               n_cells, self->mapping->len));
        return;
      }
  if (consent_cell != NULL && (consent = ts_import_consent_for (consent_cell)) == NULL)
    {
      row->action = TS_IMPORT_ACTION_ERROR;
      set_row_message (row, g_strdup_printf (_("“%s” in the consent column is not understood; "
                                               "write yes, no or name and organization only."),
                                             consent_cell));
      return;
    }
  if (consent == NULL)
    consent = "";
  ts_import_take_text (&row->member->consent, g_strdup (*consent ? consent : self->default_consent));
  if (!ts_validate_member (row->member, &error))
    {
      row->action = TS_IMPORT_ACTION_ERROR;
      set_row_message (row, g_strdup (error->message));
      return;
    }
  resolve_referrer (state, row);
  row->consent_given = *consent != '\0';
  decide (self, state, row, index);
}

/* A referrer who is neither a member nor in the file stays unset. */
static void
warn_unknown_referrer (PreviewState *state,
                       TsImportRow  *row)
{
  g_autofree char *key = NULL;

  if (row->referrer == NULL || *row->referrer == '\0' || row->referrer_id != 0 ||
      row->message != NULL || row->action == TS_IMPORT_ACTION_ERROR)
    return;
  key = ts_text_search_key (row->referrer);
  if (!g_hash_table_contains (state->file_names, key))
    set_row_message (row, g_strdup_printf (_("The referrer “%s” is neither in the list "
                                             "nor in this file; it is left empty."),
                                           row->referrer));
}

static gboolean
row_is_blank (GStrv cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    if (cells[i][strspn (cells[i], " \t\r\n")] != '\0')
      return FALSE;
  return TRUE;
}

static gboolean
load_existing (TsImport      *self,
               TsDatabase    *database,
               PreviewState  *state,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) members = NULL;
  g_autoptr(sqlite3_stmt) chapters = NULL;
  int rc;

  members = ts_database_prepare (database,
    "SELECT " TS_MEMBER_COLUMNS " FROM member m WHERE m.deleted_at IS NULL ORDER BY m.id",
    error);
  if (members == NULL)
    return FALSE;
  while ((rc = sqlite3_step (members)) == SQLITE_ROW)
    {
      TsMember *member = ts_repository_read_member (members, 0);
      Keys keys;

      g_ptr_array_add (self->existing, member);
      keys_make (&keys, member);
      index_add (&state->existing, &keys, member);
      if (g_hash_table_contains (state->names, keys.name))
        g_hash_table_replace (state->names, g_strdup (keys.name), NULL);
      else
        g_hash_table_insert (state->names, g_strdup (keys.name), member);
      keys_clear (&keys);
    }
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (database, error);
      return FALSE;
    }

  chapters = ts_database_prepare (database,
    "SELECT id, name FROM chapter WHERE deleted_at IS NULL", error);
  if (chapters == NULL)
    return FALSE;
  while (sqlite3_step (chapters) == SQLITE_ROW)
    {
      g_autofree char *name = ts_column_text (chapters, 1);
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (chapters, 0);
      g_hash_table_insert (state->chapters, ts_text_search_key (name), id);
    }
  return TRUE;
}

gboolean
ts_import_preview (TsImport          *self,
                   TsDatabase        *database,
                   GCancellable      *cancellable,
                   TsImportProgress   progress,
                   gpointer           user_data,
                   GError           **error)
{
  PreviewState state = { 0 };
  GPtrArray *rows = self->table->rows;
  gboolean ok = TRUE;

  g_return_val_if_fail (TS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (TS_IS_DATABASE (database), FALSE);

  self->previewed = FALSE;
  g_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->existing, 0);
  if (!ts_import_mapping_has_name (self->mapping))
    {
      g_set_error_literal (error, TS_IMPORT_ERROR, TS_IMPORT_ERROR_NO_NAME_COLUMN,
                           _("No column holds the names. The first line of the file must "
                             "name its columns, with one such as 氏名, 姓 or Name."));
      return FALSE;
    }

  index_init (&state.existing);
  index_init (&state.file);
  state.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.file_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.chapters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ok = load_existing (self, database, &state, error);

  for (guint r = self->header_row + 1; ok && r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);
      TsImportRow row = { 0 };

      if (row_is_blank (cells))
        continue;
      row.line = g_array_index (self->table->lines, guint, r);
      g_array_append_val (self->rows, row);
      preview_row (self, &state, cells,
                   &g_array_index (self->rows, TsImportRow, self->rows->len - 1),
                   self->rows->len - 1);
      if ((r & 255) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else if (progress != NULL)
            progress (r, rows->len - 1, user_data);
        }
    }
  for (guint i = 0; ok && i < self->rows->len; i++)
    warn_unknown_referrer (&state, ts_import_get_row (self, i));
  if (ok && self->rows->len == 0)
    {
      g_set_error_literal (error, TS_IMPORT_ERROR, TS_IMPORT_ERROR_NO_ROWS,
                           _("The file has a line of column names but no one to import."));
      ok = FALSE;
    }

  index_clear (&state.existing);
  index_clear (&state.file);
  g_hash_table_unref (state.file_names);
  g_hash_table_unref (state.names);
  g_hash_table_unref (state.chapters);
  self->previewed = ok;
  if (ok && progress != NULL)
    progress (rows->len - 1, rows->len - 1, user_data);
  return ok;
}

guint
ts_import_get_n_rows (TsImport *self)
{
  return self->rows->len;
}

TsImportRow *
ts_import_get_row (TsImport *self,
                   guint     index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, TsImportRow, index);
}

/* An error stays an error; only a row that is someone already known can
 * update them. */
gboolean
ts_import_action_allowed (TsImportRow    *row,
                          TsImportAction  action)
{
  if (row->action == TS_IMPORT_ACTION_ERROR)
    return action == TS_IMPORT_ACTION_ERROR;
  if (action == TS_IMPORT_ACTION_UPDATE)
    return row->existing != NULL;
  return action == TS_IMPORT_ACTION_NEW || action == TS_IMPORT_ACTION_SKIP;
}

gboolean
ts_import_set_action (TsImport       *self,
                      guint           index,
                      TsImportAction  action)
{
  TsImportRow *row = ts_import_get_row (self, index);

  if (row == NULL || !ts_import_action_allowed (row, action))
    return FALSE;
  row->action = action;
  return TRUE;
}

/* For every row that is someone already known, or repeats an earlier
 * line: "update all" or "skip all". Returns how many rows it set. */
guint
ts_import_set_duplicates (TsImport       *self,
                          TsImportAction  action)
{
  guint n = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      TsImportRow *row = ts_import_get_row (self, i);

      if ((row->existing == NULL && row->same_as_line == 0) ||
          row->action == TS_IMPORT_ACTION_ERROR)
        continue;
      if (action == TS_IMPORT_ACTION_UPDATE && row->existing == NULL)
        continue;
      row->action = action;
      n++;
    }
  return n;
}

void
ts_import_count (TsImport *self,
                 guint     counts[TS_IMPORT_N_ACTIONS])
{
  memset (counts, 0, sizeof (guint) * TS_IMPORT_N_ACTIONS);
  for (guint i = 0; i < self->rows->len; i++)
    counts[ts_import_get_row (self, i)->action]++;
}

const char *
ts_import_action_label (TsImportAction action)
{
  switch (action)
    {
    case TS_IMPORT_ACTION_NEW:    return _("New member");
    case TS_IMPORT_ACTION_UPDATE: return _("Update");
    case TS_IMPORT_ACTION_SKIP:   return _("Skip");
    case TS_IMPORT_ACTION_ERROR:
    default:                      return _("Error");
    }
}

/* Why the row does what it does, for the preview. */
char *
ts_import_row_describe (TsImportRow *row)
{
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;

  if (row->action == TS_IMPORT_ACTION_ERROR)
    return g_strdup (row->message);
  if (row->same_as_line != 0)
    reason = g_strdup_printf (_("Same person as line %u."), row->same_as_line);
  else if (row->existing != NULL)
    {
      name = ts_member_dup_name (row->existing);
      reason = row->changes
        ? g_strdup_printf (_("Already in the list as %s; the file has new details."), name)
        : g_strdup_printf (_("Already in the list as %s, with the same details."), name);
    }
  if (reason != NULL && row->message != NULL)
    return g_strconcat (reason, " ", row->message, NULL);
  if (reason != NULL)
    return g_steal_pointer (&reason);
  return g_strdup (row->message ? row->message : "");
}

