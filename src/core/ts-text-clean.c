/* ts-text-clean.c: text as Tsudoi stores it: no control characters, no
 * direction overrides, line breaks only where a field may have them.
 *
 * Names and notes arrive from forms, spreadsheets and terminals, and go
 * out to terminals, CSV files and printed rosters. A control character
 * stored as it came is sent on raw: an ESC sequence retitles or clears
 * the terminal that lists members, a U+202E (right-to-left override)
 * prints a name backwards on the roster. Every record is cleaned with
 * ts_text_clean() before it is validated and before it is saved
 * (ts_record_clean()), so nothing else has to think about it.
 *
 * Removed everywhere:
 *  - C0 controls other than line breaks and tab, DEL, C1 controls;
 *  - the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 *    U+2066–U+2069), and the invisible direction marks U+200E, U+200F and
 *    U+061C too: they can still reorder the characters around them, and
 *    Japanese names and notes never need them. A name holding one would
 *    also look like, yet not match, the same name typed again.
 * Line breaks (CR LF, CR, LF, VT, FF, NEL, U+2028, U+2029):
 *  - in a multi-line field (introduction, notes) each becomes one LF, and
 *    tabs stay;
 *  - in a single-line field (a name, an organization) there are none: a
 *    run of breaks or a tab between words becomes one space, and breaks at
 *    either end are dropped.
 * Text that is not UTF-8 has its bad bytes replaced by U+FFFD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-text"

#include <string.h>

#include "ts-text-clean.h"

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 ||
         c == 0x2028 || c == 0x2029;
}

static gboolean
is_removed (gunichar c)
{
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
    return TRUE;
  if (c == 0x061C || c == 0x200E || c == 0x200F)
    return TRUE;
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x3000;
}

/* A newly allocated clean copy of @text ("" for NULL). */
char *
ts_text_clean (const char *text,
               gboolean    multi_line)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;   /* CR LF: the LF makes the break */
      if (!multi_line && (is_line_break (c) || c == '\t'))
        {
          pending_space = TRUE;
          continue;
        }
      if (is_line_break (c))
        c = '\n';
      else if (c != '\t' && is_removed (c))
        continue;
      /* One space where breaks were, none at the start or the end, none
       * beside a space that is there already. */
      if (pending_space && out->len > 0 && !is_space (c) &&
          !is_space (g_utf8_get_char (g_utf8_prev_char (out->str + out->len))))
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}
