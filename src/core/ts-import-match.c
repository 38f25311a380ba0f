/* ts-import-match.c: who each row of an import already is.
 *
 * In-memory indexes of every member (email; reading and name; name and
 * organization), built with one query, so that 50,000 rows never cost
 * 50,000 queries, and the same indexes of the rows seen so far in the
 * file. The preview decides with them once; the writing loads them again
 * inside its transaction and decides again, so that what is written
 * matches the database as it is then, whatever another process did in
 * between.
 *
 * Sharing a name is not being one person. An email makes a match only with
 * the same name; a name with its reading or organization makes a match
 * only when nothing else differs (another email, organization or reading
 * on both sides); the name alone never does. Short of a match, a member
 * who shares the email or the name is a question (a namesake, maybe),
 * imported as new unless the organizer says it is them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-import"

#include "config.h"

#include <string.h>

#include "ts-import-private.h"
#include "ts-repository-private.h"
#include "ts-text.h"

/* The name alone is never enough: it only finds namesakes to ask about. */
typedef enum { BY_EMAIL, BY_READING_NAME, BY_NAME_ORG, BY_NAME, N_KEYS } KeyKind;

typedef struct {
  char *key[N_KEYS];   /* lower-case email; reading and name; name and
                        * organization; name. NULL when there is none */
  char *name;          /* the same as key[BY_NAME] */
  char *reading;
  char *organization;
} Keys;

/* Everyone under one key, in a chain: the first holder stays first. */
typedef struct _Entry Entry;
struct _Entry {
  Keys      keys;
  gpointer  value;       /* TsMember, or a row index */
  Entry    *next[N_KEYS];
};

typedef struct {
  GHashTable *heads[N_KEYS];   /* key (owned by the entry) → first Entry */
  GPtrArray  *entries;
} Index;

struct _TsImportMatcher {
  GPtrArray  *members;     /* TsMember, every member when loaded */
  Index       existing;
  Index       file;
  GHashTable *file_names;  /* name keys of the file's rows */
  GHashTable *names;       /* name key → TsMember, NULL when two share it */
  GHashTable *chapters;    /* name key → chapter id */
  GPtrArray  *row_entries; /* row index → its Entry in @file, NULL when the
                            * row was not decided (an error) */
};

static void
keys_make (Keys     *keys,
           TsMember *member)
{
  g_autofree char *family = ts_text_search_key (member->family_name);
  g_autofree char *given = ts_text_search_key (member->given_name);
  g_autofree char *reading_text = g_strconcat (member->family_reading,
                                               member->given_reading, NULL);

  keys->reading = ts_text_search_key (reading_text);
  keys->organization = ts_text_search_key (member->organization);
  keys->name = g_strconcat (family, given, NULL);
  keys->key[BY_EMAIL] = *member->email ? g_ascii_strdown (member->email, -1) : NULL;
  keys->key[BY_READING_NAME] = *keys->reading
    ? g_strconcat (keys->reading, "\x1f", keys->name, NULL) : NULL;
  keys->key[BY_NAME_ORG] = g_strconcat (keys->name, "\x1f", keys->organization, NULL);
  keys->key[BY_NAME] = keys->name;
}

static void
keys_clear (Keys *keys)
{
  for (guint k = 0; k < BY_NAME; k++)
    g_free (keys->key[k]);
  g_free (keys->name);
  g_free (keys->reading);
  g_free (keys->organization);
}

static void
entry_free (Entry *entry)
{
  keys_clear (&entry->keys);
  g_free (entry);
}

static void
index_init (Index *index)
{
  for (guint k = 0; k < N_KEYS; k++)
    index->heads[k] = g_hash_table_new (g_str_hash, g_str_equal);
  index->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
}

static void
index_clear (Index *index)
{
  for (guint k = 0; k < N_KEYS; k++)
    g_clear_pointer (&index->heads[k], g_hash_table_unref);
  g_clear_pointer (&index->entries, g_ptr_array_unref);
}

/* Takes @keys. */
static Entry *
index_add (Index    *index,
           Keys     *keys,
           gpointer  value)
{
  Entry *entry = g_new0 (Entry, 1);

  entry->keys = *keys;
  entry->value = value;
  g_ptr_array_add (index->entries, entry);
  for (guint k = 0; k < N_KEYS; k++)
    {
      Entry *head;

      if (entry->keys.key[k] == NULL)
        continue;
      head = g_hash_table_lookup (index->heads[k], entry->keys.key[k]);
      if (head == NULL)
        g_hash_table_insert (index->heads[k], entry->keys.key[k], entry);
      else
        {
          entry->next[k] = head->next[k];
          head->next[k] = entry;
        }
    }
  return entry;
}

/* Both sides say something, and not the same thing. */
static gboolean
differ (const char *a,
        const char *b)
{
  return a != NULL && b != NULL && *a != '\0' && *b != '\0' && strcmp (a, b) != 0;
}

/* One email, one name: one person. Anything else shared must not
 * contradict: different emails mean different people, and another
 * organization or reading may be a namesake. */
static gboolean
same_person (KeyKind     kind,
             const Keys *a,
             const Keys *b)
{
  if (kind == BY_EMAIL)
    return g_str_equal (a->name, b->name);
  if (kind == BY_NAME)
    return FALSE;
  return !differ (a->key[BY_EMAIL], b->key[BY_EMAIL]) &&
         !differ (a->organization, b->organization) &&
         !differ (a->reading, b->reading);
}

/* The entry that is the same person, else the first that shares a key
 * with @keys (*doubt set), else NULL. */
static Entry *
index_find (Index      *index,
            const Keys *keys,
            gboolean   *doubt)
{
  Entry *candidate = NULL;

  for (guint k = 0; k < N_KEYS; k++)
    {
      if (keys->key[k] == NULL)
        continue;
      for (Entry *e = g_hash_table_lookup (index->heads[k], keys->key[k]); e != NULL;
           e = e->next[k])
        {
          if (same_person (k, keys, &e->keys))
            {
              *doubt = FALSE;
              return e;
            }
          if (candidate == NULL)
            candidate = e;
        }
    }
  *doubt = candidate != NULL;
  return candidate;
}

TsImportMatcher *
ts_import_matcher_new (void)
{
  TsImportMatcher *self = g_new0 (TsImportMatcher, 1);

  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  index_init (&self->existing);
  index_init (&self->file);
  self->file_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->chapters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->row_entries = g_ptr_array_new ();
  return self;
}

void
ts_import_matcher_free (TsImportMatcher *self)
{
  index_clear (&self->existing);
  index_clear (&self->file);
  g_ptr_array_unref (self->members);
  g_hash_table_unref (self->file_names);
  g_hash_table_unref (self->names);
  g_hash_table_unref (self->chapters);
  g_ptr_array_unref (self->row_entries);
  g_free (self);
}

/* Keeps only what the file's rows are: the members may be many, and
 * will be read again when the import is written. */
void
ts_import_matcher_forget_members (TsImportMatcher *self)
{
  index_clear (&self->existing);
  index_init (&self->existing);
  g_hash_table_remove_all (self->names);
  g_hash_table_remove_all (self->chapters);
  g_ptr_array_set_size (self->members, 0);
}

static void
add_member (TsImportMatcher *self,
            TsMember        *member)
{
  Keys keys;

  g_ptr_array_add (self->members, member);
  keys_make (&keys, member);
  if (g_hash_table_contains (self->names, keys.name))
    g_hash_table_replace (self->names, g_strdup (keys.name), NULL);
  else
    g_hash_table_insert (self->names, g_strdup (keys.name), member);
  index_add (&self->existing, &keys, member);
}

static gboolean
load_chapters (TsImportMatcher  *self,
               TsDatabase       *database,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) chapters = NULL;

  chapters = ts_database_prepare (database,
    "SELECT id, name FROM chapter WHERE deleted_at IS NULL", error);
  if (chapters == NULL)
    return FALSE;
  while (sqlite3_step (chapters) == SQLITE_ROW)
    {
      g_autofree char *name = ts_column_text (chapters, 1);
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (chapters, 0);
      g_hash_table_insert (self->chapters, ts_text_search_key (name), id);
    }
  return TRUE;
}

/* Every member and chapter as the database holds them now. */
gboolean
ts_import_matcher_load (TsImportMatcher  *self,
                        TsDatabase       *database,
                        GError          **error)
{
  g_autoptr(sqlite3_stmt) members = NULL;
  int rc;

  members = ts_database_prepare (database,
    "SELECT " TS_MEMBER_COLUMNS " FROM member m WHERE m.deleted_at IS NULL ORDER BY m.id",
    error);
  if (members == NULL)
    return FALSE;
  while ((rc = sqlite3_step (members)) == SQLITE_ROW)
    add_member (self, ts_repository_read_member (members, 0));
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (database, error);
      return FALSE;
    }
  return load_chapters (self, database, error);
}

/* 0 when there is no chapter of that name. */
gint64
ts_import_matcher_chapter (TsImportMatcher *self,
                           const char      *name)
{
  g_autofree char *key = ts_text_search_key (name);
  gint64 *id = g_hash_table_lookup (self->chapters, key);

  return id != NULL ? *id : 0;
}

/* Does a row decided so far have this name? */
gboolean
ts_import_matcher_file_names (TsImportMatcher *self,
                              const char      *name)
{
  g_autofree char *key = ts_text_search_key (name);

  return g_hash_table_contains (self->file_names, key);
}

/* Would writing @row over @existing change anything? Empty cells never
 * erase what is known. */
static gboolean
row_changes (TsImportRow *row)
{
  const TsImportField *fields = ts_import_text_fields;

  for (guint i = 0; i < TS_IMPORT_N_TEXT_FIELDS; i++)
    {
      const char *value = *ts_import_member_text (row->member, fields[i]);

      if (*value != '\0' &&
          !ts_import_same_value (fields[i], value,
                                 *ts_import_member_text (row->existing, fields[i])))
        return TRUE;
    }
  if (row->consent_given && row->member->consent != row->existing->consent)
    return TRUE;
  if (row->referrer_id != 0 && row->referrer_id != row->existing->referred_by)
    return TRUE;
  return row->member->home_chapter_id != 0 &&
         row->member->home_chapter_id != row->existing->home_chapter_id;
}

static void
resolve_referrer (TsImportMatcher *self,
                  TsImportRow     *row)
{
  g_autofree char *key = NULL;
  TsMember *referrer;

  row->referrer_id = 0;
  if (row->referrer == NULL || *row->referrer == '\0')
    return;
  key = ts_text_search_key (row->referrer);
  referrer = g_hash_table_lookup (self->names, key);
  if (referrer != NULL)
    row->referrer_id = referrer->id;
}

/* Who the row is among the members: the same person, a question, or
 * nobody yet. */
static void
match_members (TsImportMatcher *self,
               TsImportRow     *row,
               const Keys      *keys)
{
  gboolean doubt;
  Entry *found = index_find (&self->existing, keys, &doubt);

  g_clear_object (&row->existing);
  row->existing = found != NULL ? g_object_ref (found->value) : NULL;
  row->doubt = found != NULL && doubt;
  resolve_referrer (self, row);
  row->changes = row->existing != NULL && row_changes (row);
}

static void
choose_action (TsImportRow *row)
{
  if (row->same_as_line != 0)
    row->action = TS_IMPORT_ACTION_SKIP;
  else if (row->existing != NULL && !row->doubt)
    row->action = row->changes ? TS_IMPORT_ACTION_UPDATE : TS_IMPORT_ACTION_SKIP;
  else
    row->action = TS_IMPORT_ACTION_NEW;
}

/* Decides the row at @index of @rows (every earlier row decided by this
 * matcher already): who it is, and what to do by default. */
void
ts_import_matcher_decide (TsImportMatcher *self,
                          GArray          *rows,
                          guint            index)
{
  TsImportRow *row = &g_array_index (rows, TsImportRow, index);
  gboolean earlier_doubt;
  Entry *earlier, *own;
  Keys keys;

  keys_make (&keys, row->member);
  earlier = index_find (&self->file, &keys, &earlier_doubt);
  g_hash_table_add (self->file_names, g_strdup (keys.name));
  own = index_add (&self->file, &keys, GUINT_TO_POINTER (index));
  if (self->row_entries->len <= index)
    g_ptr_array_set_size (self->row_entries, index + 1);
  g_ptr_array_index (self->row_entries, index) = own;

  match_members (self, row, &own->keys);
  row->same_as_line = 0;
  row->same_as_index = 0;
  /* Two rows of one file with the same name and another email are two
   * people, not a repeated line. */
  if (earlier != NULL && !earlier_doubt)
    {
      row->same_as_index = GPOINTER_TO_UINT (earlier->value);
      row->same_as_line = g_array_index (rows, TsImportRow, row->same_as_index).line;
    }
  choose_action (row);
}

/* Decides the row at @index of @rows again, against the members as this
 * matcher loaded them, with what @previewed knew of the file: its rows
 * are the same, so are their keys and which of them repeat an earlier
 * one (the row's same_as_* fields, as the preview set them). */
void
ts_import_matcher_decide_again (TsImportMatcher *self,
                                TsImportMatcher *previewed,
                                GArray          *rows,
                                guint            index)
{
  TsImportRow *row = &g_array_index (rows, TsImportRow, index);
  Entry *entry = g_ptr_array_index (previewed->row_entries, index);

  match_members (self, row, &entry->keys);
  choose_action (row);
}
