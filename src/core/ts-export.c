/* ts-export.c: members, an event's attendees and a chapter's attendance
 * grid as CSV files that Japanese Excel opens with a double-click.
 *
 * UTF-8 with a BOM and CRLF line ends by default: without the BOM Excel
 * reads UTF-8 as CP932 and garbles it. CP932 on request, for older tools;
 * a character CP932 cannot hold is named and the export refused, never
 * written as "?". Cells go through ts-csv-writer, which neutralizes
 * formulas. The member columns carry the importer's own labels, so that
 * exporting and importing again changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-csv-writer.h"
#include "ts-export.h"
#include "ts-import-mapping.h"
#include "ts-output-path.h"
#include "ts-repository-private.h"

#define LINE_END "\r\n"

G_DEFINE_QUARK (ts-export-error-quark, ts_export_error)

gboolean
ts_export_encoding_from_name (const char       *name,
                              TsExportEncoding *encoding)
{
  if (g_strcmp0 (name, "utf-8-bom") == 0 || g_strcmp0 (name, "utf8-bom") == 0)
    *encoding = TS_EXPORT_UTF8_BOM;
  else if (g_strcmp0 (name, "utf-8") == 0 || g_strcmp0 (name, "utf8") == 0)
    *encoding = TS_EXPORT_UTF8;
  else if (g_strcmp0 (name, "cp932") == 0 || g_strcmp0 (name, "shift_jis") == 0)
    *encoding = TS_EXPORT_CP932;
  else
    return FALSE;
  return TRUE;
}

static const TsImportField member_fields[] = {
  TS_IMPORT_FIELD_FAMILY_NAME, TS_IMPORT_FIELD_GIVEN_NAME,
  TS_IMPORT_FIELD_FAMILY_READING, TS_IMPORT_FIELD_GIVEN_READING,
  TS_IMPORT_FIELD_ORGANIZATION, TS_IMPORT_FIELD_PROFESSION,
  TS_IMPORT_FIELD_JOB_TITLE, TS_IMPORT_FIELD_EMAIL, TS_IMPORT_FIELD_PHONE,
  TS_IMPORT_FIELD_INTRODUCTION, TS_IMPORT_FIELD_WISH,
  TS_IMPORT_FIELD_REFERRED_BY, TS_IMPORT_FIELD_CONSENT,
  TS_IMPORT_FIELD_HOME_CHAPTER, TS_IMPORT_FIELD_NOTES,
};

static void
append_header (GString             *out,
               const TsImportField *fields,
               guint                n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ts_csv_writer_append_cell (out, ts_import_field_label (fields[i]));
    }
}

static const char *
member_cell (TsMember      *member,
             TsImportField  field)
{
  switch (field)
    {
    case TS_IMPORT_FIELD_FAMILY_NAME:    return member->family_name;
    case TS_IMPORT_FIELD_GIVEN_NAME:     return member->given_name;
    case TS_IMPORT_FIELD_FAMILY_READING: return member->family_reading;
    case TS_IMPORT_FIELD_GIVEN_READING:  return member->given_reading;
    case TS_IMPORT_FIELD_ORGANIZATION:   return member->organization;
    case TS_IMPORT_FIELD_PROFESSION:     return member->profession;
    case TS_IMPORT_FIELD_JOB_TITLE:      return member->job_title;
    case TS_IMPORT_FIELD_EMAIL:          return member->email;
    case TS_IMPORT_FIELD_PHONE:          return member->phone;
    case TS_IMPORT_FIELD_INTRODUCTION:   return member->introduction;
    case TS_IMPORT_FIELD_WISH:           return member->wish;
    case TS_IMPORT_FIELD_REFERRED_BY:    return member->referrer_name;
    case TS_IMPORT_FIELD_CONSENT:        return ts_consent_to_label (member->consent);
    case TS_IMPORT_FIELD_HOME_CHAPTER:   return member->home_chapter_name;
    case TS_IMPORT_FIELD_NOTES:          return member->notes;
    default:                             return "";
    }
}

static void
append_member_cells (GString             *out,
                     TsMember            *member,
                     const TsImportField *fields,
                     guint                n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ts_csv_writer_append_cell (out, member_cell (member, fields[i]));
    }
}

/* Straight from one query to text, without a record object per member:
 * 50,000 members export in well under a second. The columns follow
 * member_fields. */
GString *
ts_export_members (TsRepository  *repository,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out;
  int rc;

  stmt = ts_repository_prepare (repository,
    "SELECT m.family_name, m.given_name, m.family_reading, m.given_reading,"
    "  m.organization, m.profession, m.job_title, m.email, m.phone,"
    "  m.introduction, m.wish, coalesce(trim(r.family_name || ' ' || r.given_name), ''),"
    "  m.consent, coalesce(c.name, ''), m.notes"
    " FROM member m"
    " LEFT JOIN member r ON r.id = m.referred_by AND r.deleted_at IS NULL"
    " LEFT JOIN chapter c ON c.id = m.home_chapter_id AND c.deleted_at IS NULL"
    " WHERE m.deleted_at IS NULL ORDER BY m.sort_key, m.id", error);
  if (stmt == NULL)
    return NULL;

  out = g_string_sized_new (64 * 1024);
  append_header (out, member_fields, G_N_ELEMENTS (member_fields));
  g_string_append (out, LINE_END);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint i = 0; i < G_N_ELEMENTS (member_fields); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);

          if (i > 0)
            g_string_append_c (out, ',');
          if (member_fields[i] == TS_IMPORT_FIELD_CONSENT)
            text = ts_consent_to_label (ts_column_enum (stmt, i, TS_TYPE_CONSENT));
          ts_csv_writer_append_cell (out, text);
        }
      g_string_append (out, LINE_END);
    }
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (ts_repository_get_database (repository), error);
      g_string_free (out, TRUE);
      return NULL;
    }
  return out;
}

GString *
ts_export_attendees (TsRepository  *repository,
                     gint64         event_id,
                     GError       **error)
{
  static const TsImportField fields[] = {
    TS_IMPORT_FIELD_FAMILY_NAME, TS_IMPORT_FIELD_GIVEN_NAME,
    TS_IMPORT_FIELD_FAMILY_READING, TS_IMPORT_FIELD_GIVEN_READING,
    TS_IMPORT_FIELD_ORGANIZATION, TS_IMPORT_FIELD_PROFESSION,
    TS_IMPORT_FIELD_EMAIL, TS_IMPORT_FIELD_PHONE,
  };
  g_autoptr(TsEvent) event = ts_repository_get_event (repository, event_id, error);
  g_autoptr(GListModel) attendance = NULL;
  GString *out;

  if (event == NULL || (attendance = ts_repository_list_attendance (repository, event_id,
                                                                    error)) == NULL)
    return NULL;
  out = g_string_new (NULL);
  append_header (out, fields, G_N_ELEMENTS (fields));
  g_string_append_c (out, ',');
  ts_csv_writer_append_cell (out, _("Status"));
  g_string_append_c (out, ',');
  ts_csv_writer_append_cell (out, _("Checked in"));
  g_string_append (out, LINE_END);
  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(TsAttendance) item = g_list_model_get_item (attendance, i);

      append_member_cells (out, item->member, fields, G_N_ELEMENTS (fields));
      g_string_append_c (out, ',');
      ts_csv_writer_append_cell (out, ts_attendance_status_to_label (item->status));
      g_string_append_c (out, ',');
      ts_csv_writer_append_cell (out, item->checked_in_at);
      g_string_append (out, LINE_END);
    }
  return out;
}

/* ○ present, × no-show, △ registered, empty otherwise; @status is a
 * TsAttendanceStatus plus one, 0 for no attendance. */
static const char *
grid_mark (gpointer status)
{
  switch (GPOINTER_TO_INT (status) - 1)
    {
    case TS_ATTENDANCE_STATUS_ATTENDED:
    case TS_ATTENDANCE_STATUS_WALK_IN:
      return "○";
    case TS_ATTENDANCE_STATUS_NO_SHOW:
      return "×";
    case TS_ATTENDANCE_STATUS_REGISTERED:
      return "△";
    default:
      return "";
    }
}

static GHashTable *
load_grid_statuses (TsRepository  *repository,
                    gint64         chapter_id,
                    GError       **error)
{
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ts_repository_prepare (repository,
    "SELECT a.member_id, a.event_id, a.status FROM attendance a"
    " JOIN event e ON e.id = a.event_id"
    " WHERE e.chapter_id = ?1 AND e.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, chapter_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (statuses,
                         g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                          (gint64) sqlite3_column_int64 (stmt, 0),
                                          (gint64) sqlite3_column_int64 (stmt, 1)),
                         GINT_TO_POINTER (ts_column_enum (stmt, 2, TS_TYPE_ATTENDANCE_STATUS) + 1));
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (ts_repository_get_database (repository), error);
      return NULL;
    }
  return g_steal_pointer (&statuses);
}

/* Members (everyone present at least once) by events, oldest first. */
GString *
ts_export_grid (TsRepository  *repository,
                gint64         chapter_id,
                GError       **error)
{
  static const TsImportField fields[] = {
    TS_IMPORT_FIELD_FAMILY_NAME, TS_IMPORT_FIELD_GIVEN_NAME,
    TS_IMPORT_FIELD_FAMILY_READING, TS_IMPORT_FIELD_GIVEN_READING,
    TS_IMPORT_FIELD_ORGANIZATION, TS_IMPORT_FIELD_PROFESSION,
  };
  g_autoptr(TsChapter) chapter = ts_repository_get_chapter (repository, chapter_id, error);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autoptr(GHashTable) statuses = NULL;
  guint n_events;
  GString *out;

  if (chapter == NULL ||
      (events = ts_repository_list_events (repository, chapter_id, error)) == NULL ||
      (members = ts_repository_list_chapter_members (repository, chapter_id, error)) == NULL ||
      (statuses = load_grid_statuses (repository, chapter_id, error)) == NULL)
    return NULL;

  n_events = g_list_model_get_n_items (events);
  out = g_string_new (NULL);
  append_header (out, fields, G_N_ELEMENTS (fields));
  for (guint e = n_events; e > 0; e--)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (events, e - 1);
      g_autofree char *date = g_strndup (event->starts_at, 10);

      g_string_append_c (out, ',');
      ts_csv_writer_append_cell (out, date);
    }
  g_string_append_c (out, ',');
  ts_csv_writer_append_cell (out, _("Times present"));
  g_string_append (out, LINE_END);

  for (guint m = 0; m < g_list_model_get_n_items (members); m++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (members, m);

      append_member_cells (out, member, fields, G_N_ELEMENTS (fields));
      for (guint e = n_events; e > 0; e--)
        {
          g_autoptr(TsEvent) event = g_list_model_get_item (events, e - 1);
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                  member->id, event->id);

          g_string_append_c (out, ',');
          g_string_append (out, grid_mark (g_hash_table_lookup (statuses, key)));
        }
      g_string_append_printf (out, ",%" G_GINT64_FORMAT LINE_END, member->times_attended);
    }
  return out;
}

/* The characters of @text that CP932 cannot hold, each named once. */
static char *
unrepresentable_characters (const char *text)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) found = g_string_new (NULL);
  guint n_found = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char utf8[8];
      gint length;
      g_autofree char *converted = NULL;

      if (c < 0x80 || g_hash_table_contains (seen, GUINT_TO_POINTER (c)))
        continue;
      g_hash_table_add (seen, GUINT_TO_POINTER (c));
      length = g_unichar_to_utf8 (c, utf8);
      converted = g_convert (utf8, length, "CP932", "UTF-8", NULL, NULL, NULL);
      if (converted != NULL)
        continue;
      if (n_found++ < 10)
        g_string_append_printf (found, "%s“%.*s” (U+%04X)", found->len ? ", " : "",
                                length, utf8, c);
    }
  if (n_found > 10)
    g_string_append (found, ", …");
  return g_string_free (g_steal_pointer (&found), FALSE);
}

GBytes *
ts_export_encode (const char        *text,
                  gsize              length,
                  TsExportEncoding   encoding,
                  GError           **error)
{
  g_autofree char *characters = NULL;
  char *converted;
  gsize written = 0;

  switch (encoding)
    {
    case TS_EXPORT_UTF8:
      return g_bytes_new (text, length);
    case TS_EXPORT_CP932:
      converted = g_convert (text, length, "CP932", "UTF-8", NULL, &written, NULL);
      if (converted != NULL)
        return g_bytes_new_take (converted, written);
      characters = unrepresentable_characters (text);
      g_set_error (error, TS_EXPORT_ERROR, TS_EXPORT_ERROR_UNREPRESENTABLE,
                   _("Shift_JIS (CP932) cannot hold these characters: %s. Nothing was "
                     "written; export in UTF-8 instead."), characters);
      return NULL;
    case TS_EXPORT_UTF8_BOM:
    default:
      converted = g_malloc (length + 3);
      memcpy (converted, "\xEF\xBB\xBF", 3);
      memcpy (converted + 3, text, length);
      return g_bytes_new_take (converted, length + 3);
    }
}

/* Written whole or not at all: a failed export leaves an older file with
 * that name as it was. Created 0600: the file holds people's details. */
gboolean
ts_export_write_file (const char        *path,
                      GString           *csv,
                      TsExportEncoding   encoding,
                      GError           **error)
{
  g_autoptr(GBytes) bytes = ts_export_encode (csv->str, csv->len, encoding, error);
  gsize length = 0;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return ts_output_file_set_contents (path, data, length, error);
}
