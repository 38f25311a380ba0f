/* ts-text.c: Japanese text keys: search keys and 五十音順 sort keys.
 *
 * Readings decide the order, never kanji: kanji sort by JIS code under
 * every collation, which means nothing to a reader. ICU's "ja" collator
 * treats hiragana, katakana and half-width kana as equal at the first
 * level, voiced kana as a second-level difference and ー as the vowel
 * before it; it misses half-width ｰ, so the text is NFKC-normalized first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-text"

#include <string.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>

#include "ts-text.h"

/* A collator is not safe to share between threads; rendering and imports
 * run in threads of their own. */
static GPrivate collator_key = G_PRIVATE_INIT ((GDestroyNotify) ucol_close);

static UCollator *
get_collator (void)
{
  UCollator *collator = g_private_get (&collator_key);

  if (collator == NULL)
    {
      UErrorCode status = U_ZERO_ERROR;

      collator = ucol_open ("ja", &status);
      if (U_FAILURE (status))
        g_error ("ICU has no “ja” collator: %s", u_errorName (status));
      g_private_set (&collator_key, collator);
    }
  return collator;
}

/* UTF-8 → NFKC UTF-16; NULL only when the input is not UTF-8. */
static UChar *
to_nfkc (const char *text,
         int32_t    *out_length)
{
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfkc = unorm2_getNFKCInstance (&status);
  g_autofree UChar *raw = NULL;
  UChar *normalized;
  int32_t raw_length = 0, capacity;

  u_strFromUTF8 (NULL, 0, &raw_length, text, -1, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return NULL;
  status = U_ZERO_ERROR;
  raw = g_new (UChar, raw_length + 1);
  u_strFromUTF8 (raw, raw_length + 1, NULL, text, -1, &status);
  if (U_FAILURE (status))
    return NULL;

  /* NFKC can grow a string (㈱ → (株), and ﷺ to 18 letters): start at 4×
   * and grow to what ICU asks for, keeping room for the final 0. */
  capacity = raw_length * 4 + 1;
  for (;;)
    {
      normalized = g_new (UChar, capacity);
      status = U_ZERO_ERROR;
      *out_length = unorm2_normalize (nfkc, raw, raw_length, normalized, capacity, &status);
      if (status != U_BUFFER_OVERFLOW_ERROR && *out_length < capacity)
        break;
      g_free (normalized);
      capacity = *out_length + 1;
    }
  if (U_FAILURE (status))
    {
      g_free (normalized);
      return NULL;
    }
  normalized[*out_length] = 0;
  return normalized;
}

static char *
to_utf8 (const UChar *text,
         int32_t      length)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t needed = 0;
  char *out;

  u_strToUTF8 (NULL, 0, &needed, text, length, &status);
  status = U_ZERO_ERROR;
  out = g_malloc (needed + 1);
  u_strToUTF8 (out, needed + 1, NULL, text, length, &status);
  out[needed] = '\0';
  return out;
}

static void
katakana_to_hiragana (UChar   *text,
                      int32_t  length)
{
  for (int32_t i = 0; i < length; i++)
    if (text[i] >= 0x30A1 && text[i] <= 0x30F6)
      text[i] -= 0x60;
}

/* NFKC, katakana folded into hiragana, case folded, white space removed:
 * "ﾔﾏﾀﾞ", "ヤマダ" and "やまだ" all give "やまだ", and "Yamada Taro" gives
 * "yamadataro". */
char *
ts_text_search_key (const char *text)
{
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *normalized = NULL;
  g_autofree UChar *folded = NULL;
  int32_t length = 0, folded_length, kept = 0;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  normalized = to_nfkc (text, &length);
  if (normalized == NULL)
    return g_strdup ("");

  folded = g_new (UChar, length * 3 + 1);
  folded_length = u_strFoldCase (folded, length * 3 + 1, normalized, length,
                                 U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE (status))
    return g_strdup ("");

  katakana_to_hiragana (folded, folded_length);
  for (int32_t i = 0; i < folded_length; i++)
    if (!u_isUWhiteSpace (folded[i]))
      folded[kept++] = folded[i];

  return to_utf8 (folded, kept);
}

/* Several fields in one key, separated by a character no query can hold,
 * so that a query never matches across two fields. */
char *
ts_text_search_key_join (const char * const *fields)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *part = ts_text_search_key (fields[i]);

      if (*part == '\0')
        continue;
      if (key->len > 0)
        g_string_append_c (key, '\x1f');
      g_string_append (key, part);
    }
  return g_string_free (key, FALSE);
}

gboolean
ts_text_search_matches (const char *search_key,
                        const char *normalized_query)
{
  if (normalized_query == NULL || *normalized_query == '\0')
    return TRUE;
  return search_key != NULL && strstr (search_key, normalized_query) != NULL;
}

static gboolean
append_collation_key (GByteArray *out,
                      const char *text)
{
  g_autofree UChar *normalized = NULL;
  g_autofree guint8 *key = NULL;
  UCollator *collator = get_collator ();
  int32_t length = 0, key_length;

  normalized = to_nfkc (text, &length);
  if (normalized == NULL)
    return FALSE;

  key_length = ucol_getSortKey (collator, normalized, length, NULL, 0);
  key = g_malloc (key_length);
  ucol_getSortKey (collator, normalized, length, key, key_length);
  /* ICU keys end in a single 0 byte and hold none elsewhere, so keys
   * appended one after another still compare field by field. */
  g_byte_array_append (out, key, key_length);
  return TRUE;
}

/* Order by reading, then by name. A member with no reading goes after
 * every member with one, rather than being ordered by kanji codes among
 * them. Compare the keys with memcmp (SQLite does for a BLOB). */
GBytes *
ts_text_sort_key (const char *reading,
                  const char *name)
{
  GByteArray *out = g_byte_array_new ();
  gboolean has_reading = reading != NULL && *reading != '\0';
  guint8 group = has_reading ? 1 : 2;

  g_byte_array_append (out, &group, 1);
  if (has_reading)
    append_collation_key (out, reading);
  append_collation_key (out, name ? name : "");
  return g_byte_array_free_to_bytes (out);
}

int
ts_text_compare_keys (GBytes *a,
                      GBytes *b)
{
  return g_bytes_compare (a, b);
}

char *
ts_text_to_hiragana (const char *text)
{
  g_autofree UChar *normalized = NULL;
  int32_t length = 0;

  if (text == NULL)
    return g_strdup ("");
  normalized = to_nfkc (text, &length);
  if (normalized == NULL)
    return g_strdup (text);
  katakana_to_hiragana (normalized, length);
  return to_utf8 (normalized, length);
}

static gboolean
is_kana_char (gunichar c)
{
  return (c >= 0x3041 && c <= 0x3096) ||   /* hiragana */
         (c >= 0x309B && c <= 0x309F) ||   /* voicing marks, ゝゞゟ */
         (c >= 0x30A0 && c <= 0x30FF) ||   /* katakana, ・, ー, ヽヾ */
         (c >= 0xFF65 && c <= 0xFF9F) ||   /* half-width katakana */
         c == 0x3000 || c == ' ';
}

/* A reading may be written in hiragana, katakana or half-width katakana,
 * with spaces between family and given parts. */
gboolean
ts_text_is_kana (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_kana_char (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* "山田" + "太郎" → "山田　太郎" on paper (U+3000), or any separator. */
char *
ts_text_join_name (const char *family,
                   const char *given,
                   const char *separator)
{
  if (given == NULL || *given == '\0')
    return g_strdup (family ? family : "");
  if (family == NULL || *family == '\0')
    return g_strdup (given);
  return g_strconcat (family, separator, given, NULL);
}
