/* ts-member-duplicates.c: pairs of members who are likely one person.
 *
 * A walk-in typed as 斉藤 at the door, a form answer with a new email:
 * the same person ends up twice and their history splits. The keys
 * compared here are the stored search keys (NFKC, katakana folded into
 * hiragana, case folded, spaces removed), so ｻｲﾄｳ, サイトウ and さいとう
 * are one key; names are further folded over the kanji forms people mix
 * up in names (齋/斎/斉, 邊/邉/辺, 髙/高 …).
 *
 * The whole file is read once into hash tables of keys and compared in
 * memory: one pass, whatever the number of members.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-duplicates"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-member-duplicates.h"
#include "ts-repository-private.h"
#include "ts-text.h"

/* More people than this under one key are not one person typed twice but
 * a shared office address or a common name: listing every pair of them
 * would bury the real duplicates. */
#define MAX_GROUP 8

struct _TsMemberPair
{
  GObject            parent_instance;
  TsMember          *first;
  TsMember          *second;
  TsDuplicateReason  reasons;
};

G_DEFINE_FINAL_TYPE (TsMemberPair, ts_member_pair, G_TYPE_OBJECT)

static void
ts_member_pair_finalize (GObject *object)
{
  TsMemberPair *self = TS_MEMBER_PAIR (object);

  g_clear_object (&self->first);
  g_clear_object (&self->second);
  G_OBJECT_CLASS (ts_member_pair_parent_class)->finalize (object);
}

static void
ts_member_pair_class_init (TsMemberPairClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_member_pair_finalize;
}

static void
ts_member_pair_init (TsMemberPair *self)
{
}

TsMemberPair *
ts_member_pair_new (TsMember          *first,
                    TsMember          *second,
                    TsDuplicateReason  reasons)
{
  TsMemberPair *self;

  g_return_val_if_fail (TS_IS_MEMBER (first) && TS_IS_MEMBER (second), NULL);

  self = g_object_new (TS_TYPE_MEMBER_PAIR, NULL);
  self->first = g_object_ref (first);
  self->second = g_object_ref (second);
  self->reasons = reasons;
  return self;
}

TsMember *
ts_member_pair_get_first (TsMemberPair *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_PAIR (self), NULL);
  return self->first;
}

TsMember *
ts_member_pair_get_second (TsMemberPair *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_PAIR (self), NULL);
  return self->second;
}

TsDuplicateReason
ts_member_pair_get_reasons (TsMemberPair *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_PAIR (self), 0);
  return self->reasons;
}

/* "Same reading, same email": the reasons in one line, most telling first. */
char *
ts_duplicate_reasons_label (TsDuplicateReason reasons)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (reasons & TS_DUPLICATE_EMAIL)
    g_ptr_array_add (parts, _("Same email"));
  if (reasons & TS_DUPLICATE_READING)
    g_ptr_array_add (parts, _("Same reading"));
  if (reasons & TS_DUPLICATE_NAME)
    g_ptr_array_add (parts, _("Same name"));
  if (reasons & TS_DUPLICATE_NAME_READING)
    g_ptr_array_add (parts, _("Name written as the other’s reading"));
  g_ptr_array_add (parts, NULL);
  /* Translators: separates the reasons two members look alike. */
  return g_strjoinv (C_("duplicate reasons", ", "), (char **) parts->pdata);
}

/* Kanji forms of one name part that registrars and forms mix up: the
 * first of each line is the form keys use. */
static const char * const variant_forms[] = {
  "斉斎齋齊", "辺邊邉", "沢澤", "高髙", "崎﨑嵜碕", "浜濱濵", "島嶋嶌",
  "吉𠮷", "桜櫻", "広廣", "国國", "竜龍", "富冨", "真眞", "恵惠", "条條",
  "瀬瀨", "槙槇", "徳德", "曽曾", "薮藪籔", "万萬", "実實", "浅淺", "増增",
  "峰峯", "芦蘆", "館舘", "円圓", "栄榮", "関關", "渕淵渊", "塩鹽",
  "剣劍", "横橫", "黒黑", "滝瀧", "弥彌", "桧檜", "蔵藏",
};

static gunichar
canonical_form (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (variant_forms); i++)
    for (const char *p = variant_forms[i]; *p != '\0'; p = g_utf8_next_char (p))
      if (g_utf8_get_char (p) == c)
        return g_utf8_get_char (variant_forms[i]);
  return c;
}

/* A search key (already NFKC, hiragana, folded) with its kanji variants
 * folded too. */
static char *
fold_variants (const char *key)
{
  GString *folded = g_string_sized_new (strlen (key));

  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (folded, canonical_form (g_utf8_get_char (p)));
  return g_string_free (folded, FALSE);
}

char *
ts_duplicate_name_key (const char *name)
{
  g_autofree char *key = ts_text_search_key (name);
  return fold_variants (key);
}

/* ---- finding pairs ------------------------------------------------------ */

typedef struct {
  GHashTable *by_email;    /* casefolded email → GArray of ids */
  GHashTable *by_reading;  /* reading key → ids */
  GHashTable *by_name;     /* folded name key → ids */
  GHashTable *names;       /* id → folded name key (borrowed from by_name) */
  GHashTable *pairs;       /* "first:second" → reasons */
} Keys;

static void
keys_clear (Keys *keys)
{
  g_clear_pointer (&keys->names, g_hash_table_unref);
  g_clear_pointer (&keys->by_email, g_hash_table_unref);
  g_clear_pointer (&keys->by_reading, g_hash_table_unref);
  g_clear_pointer (&keys->by_name, g_hash_table_unref);
  g_clear_pointer (&keys->pairs, g_hash_table_unref);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Keys, keys_clear)

static GHashTable *
new_index (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_array_unref);
}

/* Files @id under @key; returns the key as stored in @index. */
static const char *
index_add (GHashTable *index,
           char       *key,
           gint64      id)
{
  GArray *ids = NULL;
  char *stored = NULL;

  if (!g_hash_table_lookup_extended (index, key, (gpointer *) &stored, (gpointer *) &ids))
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      stored = key;
      g_hash_table_insert (index, key, ids);
    }
  else
    g_free (key);
  g_array_append_val (ids, id);
  return stored;
}

static gboolean
read_keys (TsRepository  *repository,
           Keys          *keys,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = ts_repository_prepare (repository,
    "SELECT id, email, name_key, reading_key FROM member"
    " WHERE deleted_at IS NULL ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *email = (const char *) sqlite3_column_text (stmt, 1);
      const char *name_key = (const char *) sqlite3_column_text (stmt, 2);
      const char *reading_key = (const char *) sqlite3_column_text (stmt, 3);

      if (email != NULL && *email != '\0')
        index_add (keys->by_email, g_utf8_casefold (email, -1), id);
      if (reading_key != NULL && *reading_key != '\0')
        index_add (keys->by_reading, g_strdup (reading_key), id);
      if (name_key != NULL && *name_key != '\0')
        g_hash_table_insert (keys->names, g_memdup2 (&id, sizeof id),
                             (gpointer) index_add (keys->by_name, fold_variants (name_key), id));
    }
  if (rc != SQLITE_DONE)
    {
      ts_database_set_error (ts_repository_get_database (repository), error);
      return FALSE;
    }
  return TRUE;
}

static void
add_pair (Keys              *keys,
          gint64             a,
          gint64             b,
          TsDuplicateReason  reason)
{
  char *key;

  if (a == b)
    return;
  key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, MIN (a, b), MAX (a, b));
  reason |= GPOINTER_TO_UINT (g_hash_table_lookup (keys->pairs, key));
  g_hash_table_replace (keys->pairs, key, GUINT_TO_POINTER (reason));
}

/* Every pair within each group of one key. */
static void
pair_groups (Keys              *keys,
             GHashTable        *index,
             TsDuplicateReason  reason)
{
  GHashTableIter iter;
  GArray *ids;

  g_hash_table_iter_init (&iter, index);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &ids))
    {
      if (ids->len < 2 || ids->len > MAX_GROUP)
        continue;
      for (guint i = 0; i < ids->len; i++)
        for (guint j = i + 1; j < ids->len; j++)
          add_pair (keys, g_array_index (ids, gint64, i), g_array_index (ids, gint64, j), reason);
    }
}

/* A name typed in kana (a walk-in's ｻｲﾄｳ) is someone else's reading. */
static void
pair_names_with_readings (Keys *keys)
{
  GHashTableIter iter;
  gint64 *id;
  const char *name;

  g_hash_table_iter_init (&iter, keys->names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, (gpointer *) &name))
    {
      GArray *ids = g_hash_table_lookup (keys->by_reading, name);

      if (ids == NULL || ids->len > MAX_GROUP)
        continue;
      for (guint i = 0; i < ids->len; i++)
        add_pair (keys, *id, g_array_index (ids, gint64, i), TS_DUPLICATE_NAME_READING);
    }
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  TsMemberPair *pa = (TsMemberPair *) a, *pb = (TsMemberPair *) b;
  int order = ts_text_compare_keys (pa->first->sort_key, pb->first->sort_key);

  if (order != 0)
    return order;
  if (pa->first->id != pb->first->id)
    return pa->first->id < pb->first->id ? -1 : 1;
  return pa->second->id < pb->second->id ? -1 : pa->second->id > pb->second->id;
}

static TsMember *
cached_member (TsRepository  *repository,
               GHashTable    *members,
               gint64         id,
               GError       **error)
{
  TsMember *member = g_hash_table_lookup (members, &id);

  if (member == NULL)
    {
      member = ts_repository_get_member (repository, id, error);
      if (member != NULL)
        g_hash_table_insert (members, g_memdup2 (&id, sizeof id), member);
    }
  return member;
}

static GListModel *
collect_pairs (TsRepository  *repository,
               Keys          *keys,
               GError       **error)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         g_free, g_object_unref);
  g_autoptr(GListStore) store = g_list_store_new (TS_TYPE_MEMBER_PAIR);
  GHashTableIter iter;
  const char *key;
  gpointer reasons;

  g_hash_table_iter_init (&iter, keys->pairs);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, &reasons))
    {
      g_autoptr(TsMemberPair) pair = NULL;
      gint64 a = g_ascii_strtoll (key, NULL, 10);
      gint64 b = g_ascii_strtoll (strchr (key, ':') + 1, NULL, 10);
      TsMember *first = cached_member (repository, members, a, error);
      TsMember *second = first ? cached_member (repository, members, b, error) : NULL;

      if (second == NULL)
        return NULL;
      pair = ts_member_pair_new (first, second, GPOINTER_TO_UINT (reasons));
      g_list_store_append (store, pair);
    }
  g_list_store_sort (store, compare_pairs, NULL);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

GListModel *
ts_repository_find_duplicates (TsRepository  *self,
                               GError       **error)
{
  g_auto(Keys) keys = {
    new_index (), new_index (), new_index (),
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
  };

  g_return_val_if_fail (TS_IS_REPOSITORY (self), NULL);

  if (!read_keys (self, &keys, error))
    return NULL;
  pair_groups (&keys, keys.by_email, TS_DUPLICATE_EMAIL);
  pair_groups (&keys, keys.by_reading, TS_DUPLICATE_READING);
  pair_groups (&keys, keys.by_name, TS_DUPLICATE_NAME);
  pair_names_with_readings (&keys);
  return collect_pairs (self, &keys, error);
}
