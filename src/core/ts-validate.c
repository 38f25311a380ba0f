/* ts-validate.c: rules a record must follow before it is saved, with
 * messages that explain them to an organizer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-validate"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ts-date.h"
#include "ts-record.h"
#include "ts-text.h"
#include "ts-validate.h"

G_DEFINE_QUARK (ts-validate-error-quark, ts_validate_error)

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Something@something.something, no spaces: enough to catch a phone
 * number or a name typed into the wrong field, without refusing real
 * addresses. */
gboolean
ts_validate_email (const char *email)
{
  const char *at, *dot;

  if (email == NULL || *email == '\0')
    return TRUE;
  if (strpbrk (email, " \t\r\n,;") != NULL || !g_str_is_ascii (email))
    return FALSE;
  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* Each rule looks at the record as it will be stored: cleaned of
 * control characters first (ts_record_clean()), so that a name made only
 * of them is blank, and a reading with a stray direction mark is kana. */
gboolean
ts_validate_member (TsMember  *member,
                    GError   **error)
{
  ts_record_clean (member);
  if (is_blank (member->family_name))
    {
      g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_NAME,
                           _("Please enter the family name."));
      return FALSE;
    }
  /* Each reading on its own, so that a form can point at the one. */
  if (!ts_text_is_kana (member->family_reading))
    {
      g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_READING,
                           _("The reading of the family name must be written in kana (hiragana or katakana)."));
      return FALSE;
    }
  if (!ts_text_is_kana (member->given_reading))
    {
      g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_GIVEN_READING,
                           _("The reading of the given name must be written in kana (hiragana or katakana)."));
      return FALSE;
    }
  if (!ts_validate_email (member->email))
    {
      g_set_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_EMAIL,
                   _("“%s” does not look like an email address."), member->email);
      return FALSE;
    }
  if (ts_enum_get_nick (TS_TYPE_CONSENT, member->consent) == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%d", member->consent);

      g_set_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_CONSENT,
                   _("“%s” is not a roster consent; use full, name-organization or none."),
                   number);
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_validate_event (TsEvent  *event,
                   GError  **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  ts_record_clean (event);
  start = ts_date_parse (event->starts_at);

  if (event->chapter_id <= 0)
    {
      g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_CHAPTER,
                           _("Please choose the chapter of the event."));
      return FALSE;
    }
  if (start == NULL)
    {
      /* The stored form is never shown: people type dates their way
       * (ts-date-parse.c), which has already explained any mistake. */
      g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_DATE,
                           _("Please enter the date and the start time of the event."));
      return FALSE;
    }
  if (*event->ends_at != '\0')
    {
      end = ts_date_parse (event->ends_at);
      if (end == NULL || g_date_time_compare (end, start) < 0)
        {
          g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_END,
                               _("The end must be a time after the start."));
          return FALSE;
        }
    }
  if (ts_enum_get_nick (TS_TYPE_EVENT_STATUS, event->status) == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%d", event->status);

      g_set_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_STATUS,
                   _("“%s” is not an event status; use planned, held or cancelled."),
                   number);
      return FALSE;
    }
  return TRUE;
}

/* The registration number of a 適格請求書発行事業者 as people type it:
 * full-width digits and letters, spaces and hyphens (T-1234-5678-…) are
 * taken out, a lower-case t raised. Only the form changes. */
char *
ts_invoice_number_normalize (const char *text)
{
  g_autofree char *folded = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFKC);
  GString *number = g_string_new (NULL);

  if (folded == NULL)
    return g_strdup (text ? text : "");
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x2212 || c == 0x30FC)
        continue;
      if (c == 't')
        c = 'T';
      g_string_append_unichar (number, c);
    }
  return g_string_free (number, FALSE);
}

/* T and 13 digits, as the National Tax Agency gives them: a corporation's
 * is T and its 法人番号; an individual's or an unincorporated group's
 * (人格のない社団, as most chapters are) is T and 13 digits the agency
 * assigns, neither a My Number nor a 法人番号. */
gboolean
ts_invoice_number_is_valid (const char *number)
{
  if (number == NULL || strlen (number) != 14 || number[0] != 'T')
    return FALSE;
  for (int i = 1; i < 14; i++)
    if (!g_ascii_isdigit (number[i]))
      return FALSE;
  return TRUE;
}

/* Whether the 13 digits are a 法人番号 by its check digit (財務省令第七十号
 * 第二条): the first digit is 9 − (Σ Pn × Qn mod 9) over the other twelve,
 * Pn the n-th digit from the right, Qn 1 for odd n and 2 for even n. The
 * agency publishes no such rule for the numbers it gives individuals and
 * unincorporated groups, so a mismatch is worth a word, never a refusal. */
gboolean
ts_invoice_number_has_corporate_check_digit (const char *number)
{
  int sum = 0;

  if (!ts_invoice_number_is_valid (number))
    return FALSE;
  for (int n = 1; n <= 12; n++)
    sum += (number[14 - n] - '0') * (n % 2 == 1 ? 1 : 2);
  return number[1] - '0' == 9 - sum % 9;
}

gboolean
ts_validate_chapter (TsChapter  *chapter,
                     GError    **error)
{
  g_autofree char *invoice_number = NULL;

  ts_record_clean (chapter);
  if (is_blank (chapter->name))
    {
      g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_NAME,
                           _("Please enter the name of the chapter."));
      return FALSE;
    }
  if (!ts_text_is_kana (chapter->reading))
    {
      g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_READING,
                           _("The reading must be written in kana (hiragana or katakana)."));
      return FALSE;
    }
  invoice_number = ts_invoice_number_normalize (chapter->invoice_number);
  if (*invoice_number != '\0' && !ts_invoice_number_is_valid (invoice_number))
    {
      g_set_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_INVOICE_NUMBER,
                   _("“%s” is not an invoice registration number: it is T followed by 13 digits, such as T1234567890123."),
                   chapter->invoice_number);
      return FALSE;
    }
  g_free (chapter->invoice_number);
  chapter->invoice_number = g_steal_pointer (&invoice_number);
  return TRUE;
}

/* "山田 太郎" or "山田　太郎" → 山田 + 太郎; a name with no space is all
 * family name. Returns FALSE when nothing is left. */
gboolean
ts_split_full_name (const char  *full,
                    char       **family,
                    char       **given)
{
  g_autofree char *copy = g_strstrip (g_strdup (full ? full : ""));
  const char *space = NULL;

  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || g_utf8_get_char (p) == 0x3000)
      {
        space = p;
        break;
      }
  if (space == NULL)
    {
      *family = g_steal_pointer (&copy);
      *given = g_strdup ("");
    }
  else
    {
      g_autofree char *rest = g_strdup (g_utf8_next_char (space));
      *family = g_strndup (copy, space - copy);
      /* Trim full-width spaces too, which g_strstrip leaves. */
      *given = g_strdup (rest);
      while (g_str_has_prefix (*given, "\u3000") || g_str_has_prefix (*given, " "))
        memmove (*given, g_utf8_next_char (*given), strlen (g_utf8_next_char (*given)) + 1);
    }
  return **family != '\0';
}
