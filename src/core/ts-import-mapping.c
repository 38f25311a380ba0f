/* ts-import-mapping.c: which member field each column of an imported
 * file holds, guessed from its header in Japanese or English.
 *
 * Headers are compared as search keys (NFKC, case folded, katakana as
 * hiragana, no spaces), so "ﾌﾘｶﾞﾅ", "フリガナ" and "ふりがな" are one header.
 * A header that is exactly a field's label (ours, in either language, as
 * an export writes it) wins; then a few words that web forms put in their
 * questions ("ご所属（勤務先）を教えてください") decide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-import-mapping.h"
#include "ts-member.h"
#include "ts-text.h"

static const char * const labels[TS_IMPORT_N_FIELDS] = {
  [TS_IMPORT_FIELD_IGNORE]         = N_("Do not import"),
  [TS_IMPORT_FIELD_FULL_NAME]      = N_("Full name"),
  [TS_IMPORT_FIELD_FAMILY_NAME]    = N_("Family name"),
  [TS_IMPORT_FIELD_GIVEN_NAME]     = N_("Given name"),
  [TS_IMPORT_FIELD_READING]        = N_("Reading of the full name"),
  [TS_IMPORT_FIELD_FAMILY_READING] = N_("Reading of the family name"),
  [TS_IMPORT_FIELD_GIVEN_READING]  = N_("Reading of the given name"),
  [TS_IMPORT_FIELD_ORGANIZATION]   = N_("Organization"),
  [TS_IMPORT_FIELD_PROFESSION]     = N_("Profession"),
  [TS_IMPORT_FIELD_JOB_TITLE]      = N_("Job title"),
  [TS_IMPORT_FIELD_EMAIL]          = N_("Email address"),
  [TS_IMPORT_FIELD_PHONE]          = N_("Phone number"),
  [TS_IMPORT_FIELD_REFERRED_BY]    = N_("Referred by"),
  [TS_IMPORT_FIELD_INTRODUCTION]   = N_("Self-introduction"),
  [TS_IMPORT_FIELD_WISH]           = N_("A word to everyone"),
  [TS_IMPORT_FIELD_CONSENT]        = N_("Roster consent"),
  [TS_IMPORT_FIELD_HOME_CHAPTER]   = N_("Home chapter"),
  [TS_IMPORT_FIELD_NOTES]          = N_("Notes"),
  [TS_IMPORT_FIELD_TIMESTAMP]      = N_("Timestamp"),
};

/* Exact headers besides the labels, as search keys are made of them. */
static const struct { const char *header; TsImportField field; } aliases[] = {
  { "氏名", TS_IMPORT_FIELD_FULL_NAME }, { "名前", TS_IMPORT_FIELD_FULL_NAME },
  { "お名前", TS_IMPORT_FIELD_FULL_NAME }, { "name", TS_IMPORT_FIELD_FULL_NAME },
  { "姓", TS_IMPORT_FIELD_FAMILY_NAME }, { "苗字", TS_IMPORT_FIELD_FAMILY_NAME },
  { "名字", TS_IMPORT_FIELD_FAMILY_NAME }, { "last name", TS_IMPORT_FIELD_FAMILY_NAME },
  { "surname", TS_IMPORT_FIELD_FAMILY_NAME },
  { "名", TS_IMPORT_FIELD_GIVEN_NAME }, { "first name", TS_IMPORT_FIELD_GIVEN_NAME },
  { "せい", TS_IMPORT_FIELD_FAMILY_READING }, { "めい", TS_IMPORT_FIELD_GIVEN_READING },
  { "よみがな", TS_IMPORT_FIELD_READING }, { "ふりがな", TS_IMPORT_FIELD_READING },
  { "reading", TS_IMPORT_FIELD_READING }, { "kana", TS_IMPORT_FIELD_READING },
  { "所属", TS_IMPORT_FIELD_ORGANIZATION }, { "勤務先", TS_IMPORT_FIELD_ORGANIZATION },
  { "事業所", TS_IMPORT_FIELD_ORGANIZATION }, { "職種", TS_IMPORT_FIELD_PROFESSION },
  { "メール", TS_IMPORT_FIELD_EMAIL }, { "email", TS_IMPORT_FIELD_EMAIL },
  { "電話", TS_IMPORT_FIELD_PHONE }, { "tel", TS_IMPORT_FIELD_PHONE },
  { "紹介者", TS_IMPORT_FIELD_REFERRED_BY }, { "ひとこと", TS_IMPORT_FIELD_WISH },
  { "自己紹介", TS_IMPORT_FIELD_INTRODUCTION }, { "備考", TS_IMPORT_FIELD_NOTES },
  { "タイムスタンプ", TS_IMPORT_FIELD_TIMESTAMP },
};

/* Words inside longer headers, tried in this order: readings before
 * names (「お名前（ふりがな）」), the referrer before the introduction
 * (「紹介者」 and 「自己紹介」), the chapter before the organization. */
static const struct { const char *word; TsImportField field; } words[] = {
  { "メール", TS_IMPORT_FIELD_EMAIL }, { "mail", TS_IMPORT_FIELD_EMAIL },
  { "ふりがな", TS_IMPORT_FIELD_READING }, { "よみ", TS_IMPORT_FIELD_READING },
  { "かな", TS_IMPORT_FIELD_READING }, { "reading", TS_IMPORT_FIELD_READING },
  { "kana", TS_IMPORT_FIELD_READING },
  { "タイムスタンプ", TS_IMPORT_FIELD_TIMESTAMP }, { "timestamp", TS_IMPORT_FIELD_TIMESTAMP },
  { "日時", TS_IMPORT_FIELD_TIMESTAMP },
  { "紹介者", TS_IMPORT_FIELD_REFERRED_BY }, { "referr", TS_IMPORT_FIELD_REFERRED_BY },
  { "紹介", TS_IMPORT_FIELD_INTRODUCTION }, { "introduc", TS_IMPORT_FIELD_INTRODUCTION },
  { "ひとこと", TS_IMPORT_FIELD_WISH }, { "一言", TS_IMPORT_FIELD_WISH },
  { "同意", TS_IMPORT_FIELD_CONSENT }, { "掲載", TS_IMPORT_FIELD_CONSENT },
  { "consent", TS_IMPORT_FIELD_CONSENT },
  { "電話", TS_IMPORT_FIELD_PHONE }, { "携帯", TS_IMPORT_FIELD_PHONE },
  { "phone", TS_IMPORT_FIELD_PHONE }, { "tel", TS_IMPORT_FIELD_PHONE },
  { "塾", TS_IMPORT_FIELD_HOME_CHAPTER }, { "chapter", TS_IMPORT_FIELD_HOME_CHAPTER },
  { "職種", TS_IMPORT_FIELD_PROFESSION }, { "資格", TS_IMPORT_FIELD_PROFESSION },
  { "profession", TS_IMPORT_FIELD_PROFESSION }, { "occupation", TS_IMPORT_FIELD_PROFESSION },
  { "役職", TS_IMPORT_FIELD_JOB_TITLE }, { "肩書", TS_IMPORT_FIELD_JOB_TITLE },
  { "title", TS_IMPORT_FIELD_JOB_TITLE },
  { "所属", TS_IMPORT_FIELD_ORGANIZATION }, { "勤務先", TS_IMPORT_FIELD_ORGANIZATION },
  { "事業所", TS_IMPORT_FIELD_ORGANIZATION }, { "会社", TS_IMPORT_FIELD_ORGANIZATION },
  { "施設", TS_IMPORT_FIELD_ORGANIZATION }, { "organi", TS_IMPORT_FIELD_ORGANIZATION },
  { "company", TS_IMPORT_FIELD_ORGANIZATION },
  { "備考", TS_IMPORT_FIELD_NOTES }, { "note", TS_IMPORT_FIELD_NOTES },
  { "姓", TS_IMPORT_FIELD_FAMILY_NAME }, { "family", TS_IMPORT_FIELD_FAMILY_NAME },
  { "氏名", TS_IMPORT_FIELD_FULL_NAME }, { "名前", TS_IMPORT_FIELD_FULL_NAME },
  { "name", TS_IMPORT_FIELD_FULL_NAME },
};

const char *
ts_import_field_label (TsImportField field)
{
  g_return_val_if_fail (field < TS_IMPORT_N_FIELDS, "");
  return _(labels[field]);
}

const char *
ts_import_field_english (TsImportField field)
{
  g_return_val_if_fail (field < TS_IMPORT_N_FIELDS, "");
  return labels[field];
}

static gboolean
key_equal (const char *key,
           const char *text)
{
  g_autofree char *other = ts_text_search_key (text);
  return g_str_equal (key, other);
}

static gboolean
key_contains (const char *key,
              const char *word)
{
  g_autofree char *other = ts_text_search_key (word);
  return strstr (key, other) != NULL;
}

/* A reading header says whose reading it is: 「姓（ふりがな）」, 「セイ」. */
static TsImportField
refine_reading (const char *key)
{
  if (key_contains (key, "姓") || key_contains (key, "family") ||
      key_contains (key, "last") || g_str_has_prefix (key, "せい"))
    return TS_IMPORT_FIELD_FAMILY_READING;
  if (g_str_has_prefix (key, "名") || g_str_has_prefix (key, "めい") ||
      key_contains (key, "given") || key_contains (key, "first"))
    return TS_IMPORT_FIELD_GIVEN_READING;
  return TS_IMPORT_FIELD_READING;
}

/* Required marks that forms add: 「お名前（必須）」, 「所属*」. */
static char *
strip_marks (const char *key)
{
  static const char * const marks[] = { "(必須)", "必須", "*", "※", "[必須]" };
  g_autoptr(GString) out = g_string_new (key);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      g_autofree char *mark = ts_text_search_key (marks[i]);
      g_string_replace (out, mark, "", 0);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

TsImportField
ts_import_field_for_header (const char *header)
{
  g_autofree char *raw_key = ts_text_search_key (header);
  g_autofree char *key = strip_marks (raw_key);

  if (*key == '\0')
    return TS_IMPORT_FIELD_IGNORE;
  for (guint f = 1; f < TS_IMPORT_N_FIELDS; f++)
    if (key_equal (key, labels[f]) || key_equal (key, _(labels[f])))
      return f;
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (key_equal (key, aliases[i].header))
      return aliases[i].field;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (key_contains (key, words[i].word))
      return words[i].field == TS_IMPORT_FIELD_READING ? refine_reading (key)
                                                       : words[i].field;
  return TS_IMPORT_FIELD_IGNORE;
}

/* One field per column; a field claimed by an earlier column is not
 * taken twice (a form with two email questions keeps the first). */
GArray *
ts_import_map_headers (const char * const *headers)
{
  GArray *mapping = g_array_new (FALSE, TRUE, sizeof (TsImportField));
  gboolean taken[TS_IMPORT_N_FIELDS] = { FALSE };

  for (guint i = 0; headers[i] != NULL; i++)
    {
      TsImportField field = ts_import_field_for_header (headers[i]);

      if (field != TS_IMPORT_FIELD_IGNORE && taken[field])
        field = TS_IMPORT_FIELD_IGNORE;
      taken[field] = TRUE;
      g_array_append_val (mapping, field);
    }
  return mapping;
}

gboolean
ts_import_mapping_has_name (const GArray *mapping)
{
  for (guint i = 0; i < mapping->len; i++)
    {
      TsImportField field = g_array_index (mapping, TsImportField, i);

      if (field == TS_IMPORT_FIELD_FULL_NAME || field == TS_IMPORT_FIELD_FAMILY_NAME)
        return TRUE;
    }
  return FALSE;
}

/* Our codes (the enum's nicks) and labels come from the enum itself. */
static const struct { const char *text; TsConsent consent; } answers[] = {
  { "Listed in full", TS_CONSENT_FULL },
  { "Name and organization only", TS_CONSENT_NAME_ORGANIZATION },
  { "Not listed", TS_CONSENT_NONE },
  { "はい", TS_CONSENT_FULL }, { "yes", TS_CONSENT_FULL }, { "同意する", TS_CONSENT_FULL },
  { "同意します", TS_CONSENT_FULL }, { "掲載可", TS_CONSENT_FULL }, { "可", TS_CONSENT_FULL },
  { "○", TS_CONSENT_FULL }, { "〇", TS_CONSENT_FULL },
  { "いいえ", TS_CONSENT_NONE }, { "no", TS_CONSENT_NONE }, { "同意しない", TS_CONSENT_NONE },
  { "同意しません", TS_CONSENT_NONE }, { "掲載不可", TS_CONSENT_NONE },
  { "不可", TS_CONSENT_NONE }, { "×", TS_CONSENT_NONE },
  { "氏名と所属のみ", TS_CONSENT_NAME_ORGANIZATION },
  { "名前と所属のみ", TS_CONSENT_NAME_ORGANIZATION },
  /* Our own labels in Japanese, for a file exported under a Japanese
   * desktop and imported under another language. */
  { "すべて掲載", TS_CONSENT_FULL }, { "掲載しない", TS_CONSENT_NONE },
};

/* Values are consents plus one, so that NULL means no answer. */
static void
add_answer (GHashTable *table,
            const char *text,
            TsConsent   consent)
{
  g_hash_table_insert (table, ts_text_search_key (text), GINT_TO_POINTER (consent + 1));
}

/* Built once: a consent column is read on every row of a big file. */
static GHashTable *
consent_answers (void)
{
  static GHashTable *table = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *built = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GEnumClass) consents = g_type_class_ref (TS_TYPE_CONSENT);

      for (guint i = 0; i < consents->n_values; i++)
        {
          add_answer (built, consents->values[i].value_nick, consents->values[i].value);
          add_answer (built, ts_consent_to_label (consents->values[i].value),
                      consents->values[i].value);
        }
      for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
        add_answer (built, answers[i].text, answers[i].consent);
      g_once_init_leave (&table, built);
    }
  return table;
}

/* A consent cell: our codes, our labels in either language, or the yes
 * and no of a form. TS_IMPORT_CONSENT_EMPTY when empty,
 * TS_IMPORT_CONSENT_UNKNOWN when it says none of these. */
int
ts_import_consent_for (const char *cell)
{
  g_autofree char *key = ts_text_search_key (cell);

  if (*key == '\0')
    return TS_IMPORT_CONSENT_EMPTY;
  return GPOINTER_TO_INT (g_hash_table_lookup (consent_answers (), key)) - 1;
}
