/* ts-import.c: members (and an event's registrations) from a CSV file:
 * a preview of every row first, then one transaction.
 *
 * The preview decides, for each row, what will happen: a new member, an
 * update of the member it already is, a skip (nothing new, or the same
 * person as an earlier line) or an error (a line with no name). Who a row
 * already is, or may be, comes from ts-import-match.c. A detail that
 * cannot be stored (an email that is no address, a reading not in kana)
 * is left out with a warning, never the person. The organizer may change
 * any decision; then the whole file is written in one transaction
 * (ts-import-write.c), which decides again against the members as they
 * are then, keeping the organizer's choices; an error or a cancel rolls
 * everything back.
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

void
ts_import_row_clear (TsImportRow *row)
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
  g_clear_pointer (&self->matcher, ts_import_matcher_free);
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
  g_array_set_clear_func (self->rows, (GDestroyNotify) ts_import_row_clear);
  self->duplicates = TS_IMPORT_N_ACTIONS;
  self->default_consent = TS_CONSENT_FULL;
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
                               TsConsent   consent)
{
  g_return_if_fail (ts_enum_get_nick (TS_TYPE_CONSENT, consent) != NULL);
  self->default_consent = consent;
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

/* Two sentences as one text: Japanese puts no space after 。. */
static char *
join_sentences (const char *first,
                const char *second)
{
  return g_strconcat (first, g_str_has_suffix (first, "。") ? "" : " ", second, NULL);
}

/* Takes @message, after any the row has already. */
static void
add_row_message (TsImportRow *row,
                 char        *message)
{
  char *both;

  if (row->message == NULL)
    {
      row->message = message;
      return;
    }
  both = join_sentences (row->message, message);
  g_free (row->message);
  g_free (message);
  row->message = both;
}

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
fill_member (TsImport        *self,
             TsImportMatcher *matcher,
             GStrv            cells,
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
          gint64 id = ts_import_matcher_chapter (matcher, cell);

          if (id != 0)
            member->home_chapter_id = id;
          else
            add_row_message (row, g_strdup_printf (_("There is no chapter named “%s”; "
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

/* A detail the row cannot keep: the person is imported without it, and
 * the preview and the result say so. */
static void
warn (TsImportRow     *row,
      TsImportWarning  warning,
      char            *message)
{
  row->warnings |= 1u << warning;
  add_row_message (row, message);
}

static void
check_cells (TsImport    *self,
             GStrv        cells,
             TsImportRow *row)
{
  guint n_cells = g_strv_length (cells);

  for (guint i = self->mapping->len; i < n_cells; i++)
    if (*cells[i] != '\0')
      {
        warn (row, TS_IMPORT_WARNING_EXTRA_CELLS,
              g_strdup_printf (_("This line has %1$u cells, but the first line names only "
                                 "%2$u columns; the extra cells are left out."),
                               n_cells, self->mapping->len));
        return;
      }
}

/* An answer nobody can read is no consent: a new member stays off the
 * rosters until the organizer sets it, a known one keeps theirs. */
static void
check_consent (TsImport    *self,
               const char  *consent_cell,
               TsImportRow *row)
{
  int consent = consent_cell != NULL ? ts_import_consent_for (consent_cell)
                                      : TS_IMPORT_CONSENT_EMPTY;

  if (consent == TS_IMPORT_CONSENT_UNKNOWN)
    {
      warn (row, TS_IMPORT_WARNING_CONSENT,
            g_strdup_printf (_("“%s” in the consent column is not understood; a new member "
                               "is not listed on rosters until you set their consent."),
                             consent_cell));
      row->member->consent = TS_CONSENT_NONE;
      row->consent_given = FALSE;
      return;
    }
  row->consent_given = consent != TS_IMPORT_CONSENT_EMPTY;
  row->member->consent = row->consent_given ? (TsConsent) consent : self->default_consent;
}

static void
check_reading (TsImportRow *row,
               char       **reading)
{
  if (ts_text_is_kana (*reading))
    return;
  warn (row, TS_IMPORT_WARNING_READING,
        g_strdup_printf (_("The reading “%s” is not written in kana; it is left empty."),
                         *reading));
  ts_import_take_text (reading, g_strdup (""));
}

static void
check_details (TsImportRow *row)
{
  TsMember *member = row->member;

  check_reading (row, &member->family_reading);
  check_reading (row, &member->given_reading);
  if (!ts_validate_email (member->email))
    {
      warn (row, TS_IMPORT_WARNING_EMAIL,
            g_strdup_printf (_("“%s” does not look like an email address; it is left empty."),
                             member->email));
      ts_import_take_text (&member->email, g_strdup (""));
    }
}

/* Only a row without a name is an error: for anything else, the person
 * comes in and the detail stays out. */
static void
preview_row (TsImport        *self,
             TsImportMatcher *matcher,
             GStrv            cells,
             guint            index)
{
  TsImportRow *row = ts_import_get_row (self, index);
  g_autoptr(GError) error = NULL;
  const char *consent_cell = NULL;

  row->member = ts_member_new ();
  fill_member (self, matcher, cells, row, &consent_cell);
  check_cells (self, cells, row);
  check_consent (self, consent_cell, row);
  check_details (row);
  if (*row->member->family_name == '\0' && *row->member->given_name == '\0')
    {
      row->action = TS_IMPORT_ACTION_ERROR;
      g_free (row->message);
      row->message = g_strdup (_("This line has no name, so it is not imported."));
      return;
    }
  if (!ts_validate_member (row->member, &error))
    {
      row->action = TS_IMPORT_ACTION_ERROR;
      g_free (row->message);
      row->message = g_strdup (error->message);
      return;
    }
  ts_import_matcher_decide (matcher, self->rows, index);
}

/* A referrer who is neither a member nor in the file stays unset. */
static void
warn_unknown_referrer (TsImportMatcher *matcher,
                       TsImportRow     *row)
{
  if (row->referrer == NULL || *row->referrer == '\0' || row->referrer_id != 0 ||
      row->action == TS_IMPORT_ACTION_ERROR)
    return;
  if (!ts_import_matcher_file_names (matcher, row->referrer))
    add_row_message (row, g_strdup_printf (_("The referrer “%s” is neither in the list "
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

/* Decides every row against the database as it is now. The writing
 * decides again, in its transaction (ts-import-write.c); what the
 * organizer chooses here is kept then. */
gboolean
ts_import_preview (TsImport          *self,
                   TsDatabase        *database,
                   GCancellable      *cancellable,
                   TsImportProgress   progress,
                   gpointer           user_data,
                   GError           **error)
{
  g_autoptr(TsImportMatcher) matcher = NULL;
  GPtrArray *rows = self->table->rows;
  gboolean ok = TRUE;

  g_return_val_if_fail (TS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (TS_IS_DATABASE (database), FALSE);

  self->previewed = FALSE;
  self->duplicates = TS_IMPORT_N_ACTIONS;
  g_array_set_size (self->rows, 0);
  g_clear_pointer (&self->matcher, ts_import_matcher_free);
  if (!ts_import_mapping_has_name (self->mapping))
    {
      g_set_error_literal (error, TS_IMPORT_ERROR, TS_IMPORT_ERROR_NO_NAME_COLUMN,
                           _("No column holds the names. The first line of the file must "
                             "name its columns, with one such as 氏名, 姓 or Name."));
      return FALSE;
    }

  matcher = ts_import_matcher_new ();
  ok = ts_import_matcher_load (matcher, database, error);
  for (guint r = self->header_row + 1; ok && r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);
      TsImportRow row = { 0 };

      if (row_is_blank (cells))
        continue;
      row.line = g_array_index (self->table->lines, guint, r);
      row.chosen = TS_IMPORT_N_ACTIONS;
      g_array_append_val (self->rows, row);
      preview_row (self, matcher, cells, self->rows->len - 1);
      if ((r & 255) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            ok = FALSE;
          else if (progress != NULL)
            progress (r, rows->len - 1, user_data);
        }
    }
  for (guint i = 0; ok && i < self->rows->len; i++)
    warn_unknown_referrer (matcher, ts_import_get_row (self, i));
  if (ok && self->rows->len == 0)
    {
      g_set_error_literal (error, TS_IMPORT_ERROR, TS_IMPORT_ERROR_NO_ROWS,
                           _("The file has a line of column names but no one to import."));
      ok = FALSE;
    }

  self->previewed = ok;
  if (ok)
    {
      /* The writing decides again from what is known of the rows here. */
      ts_import_matcher_forget_members (matcher);
      self->matcher = g_steal_pointer (&matcher);
    }
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
  row->chosen = action;
  return TRUE;
}

/* Does "for all of them" (@action) apply to @row? Only to people known
 * for sure: a namesake is a question for each row, not for all, even on
 * a line that repeats an earlier one. */
gboolean
ts_import_duplicates_apply (TsImportRow    *row,
                            TsImportAction  action)
{
  if (row->action == TS_IMPORT_ACTION_ERROR || !ts_import_action_allowed (row, action))
    return FALSE;
  if (row->doubt && (row->same_as_line == 0 || action == TS_IMPORT_ACTION_UPDATE))
    return FALSE;
  return row->existing != NULL || row->same_as_line != 0;
}

/* For every row that is someone already known, or repeats an earlier
 * line: "update all" or "skip all". The choice holds for the rows found
 * known when the import is written, too; a row's own choice made after
 * this one wins. Returns how many rows it set. */
guint
ts_import_set_duplicates (TsImport       *self,
                          TsImportAction  action)
{
  guint n = 0;

  g_return_val_if_fail (action < TS_IMPORT_ACTION_ERROR, 0);

  self->duplicates = action;
  for (guint i = 0; i < self->rows->len; i++)
    {
      TsImportRow *row = ts_import_get_row (self, i);

      if (!ts_import_duplicates_apply (row, action))
        continue;
      row->action = action;
      row->chosen = TS_IMPORT_N_ACTIONS;
      n++;
    }
  return n;
}

/* Rows that import their person without a detail, and rows whose person
 * may be a namesake of a member. */
void
ts_import_count_notes (TsImport *self,
                       guint    *n_warned,
                       guint    *n_doubts)
{
  *n_warned = *n_doubts = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      TsImportRow *row = ts_import_get_row (self, i);

      if (row->action == TS_IMPORT_ACTION_ERROR)
        continue;
      *n_warned += row->warnings != 0;
      *n_doubts += row->doubt && row->same_as_line == 0;
    }
}

void
ts_import_count (TsImport *self,
                 guint     counts[TS_IMPORT_N_ACTIONS])
{
  memset (counts, 0, sizeof (guint) * TS_IMPORT_N_ACTIONS);
  for (guint i = 0; i < self->rows->len; i++)
    counts[ts_import_get_row (self, i)->action]++;
}

/* The result's warnings, one sentence each, for the organizer to read
 * after the counts. */
GStrv
ts_import_result_notes (const TsImportResult *result)
{
  GPtrArray *notes = g_ptr_array_new ();
  const guint *warned = result->warned;
  guint n;

  if ((n = warned[TS_IMPORT_WARNING_EMAIL]) > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
            "%u person was imported with the email address left empty.",
            "%u people were imported with the email address left empty.", n), n));
  if ((n = warned[TS_IMPORT_WARNING_READING]) > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
            "%u person was imported with the reading left empty.",
            "%u people were imported with the reading left empty.", n), n));
  if ((n = warned[TS_IMPORT_WARNING_CONSENT]) > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
            "%u person was imported without a roster consent that could be read; please set it.",
            "%u people were imported without a roster consent that could be read; please set it.",
            n), n));
  if ((n = warned[TS_IMPORT_WARNING_EXTRA_CELLS]) > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
            "%u person was imported without the extra cells of their line.",
            "%u people were imported without the extra cells of their lines.", n), n));
  if ((n = result->namesakes) > 0)
    g_ptr_array_add (notes, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
            "%u person with the same name as a member was added as a new member.",
            "%u people with the same name as a member were added as new members.", n), n));
  g_ptr_array_add (notes, NULL);
  return (GStrv) g_ptr_array_free (notes, FALSE);
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

/* A namesake, maybe: what tells the two apart, so that the organizer can
 * say whether it is them. */
static char *
describe_doubt (TsImportRow *row)
{
  g_autofree char *name = ts_member_dup_name (row->existing);
  const char *other = *row->existing->organization ? row->existing->organization
                                                   : row->existing->email;

  if (*row->member->email &&
      ts_import_same_value (TS_IMPORT_FIELD_EMAIL, row->member->email, row->existing->email))
    /* Translators: %s is a member's name. */
    return g_strdup_printf (_("%s in the list has the same email address; maybe a different "
                              "person."), name);
  if (*other == '\0')
    /* Translators: %s is a member's name. */
    return g_strdup_printf (_("Maybe a different person with the same name: the list has %s."),
                            name);
  /* Translators: %1$s is a member's name, %2$s their organization or email. */
  return g_strdup_printf (_("Maybe a different person with the same name: the list has "
                            "%1$s (%2$s)."), name, other);
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
  else if (row->doubt)
    reason = describe_doubt (row);
  else if (row->existing != NULL)
    {
      name = ts_member_dup_name (row->existing);
      reason = row->changes
        ? g_strdup_printf (_("Already in the list as %s; the file has new details."), name)
        : g_strdup_printf (_("Already in the list as %s, with the same details."), name);
    }
  if (reason != NULL && row->message != NULL)
    return join_sentences (reason, row->message);
  if (reason != NULL)
    return g_steal_pointer (&reason);
  return g_strdup (row->message ? row->message : "");
}

