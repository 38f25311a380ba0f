/* ts-render-breaks.c: Japanese line breaking at phrase boundaries.
 *
 * Pango breaks Japanese between any two characters, so ケアマネジャー
 * could end a line with ケ and デイサービス with デイサー. Good Japanese
 * typesetting breaks between phrases (文節). ICU's word break iterator
 * segments Japanese with a dictionary; runs of kanji, katakana, letters
 * and digits are joined into one compound (居宅介護支援事業所,
 * 訪問看護ステーション), and the hiragana after a word (particles,
 * okurigana) stays with it. The inside of each phrase is marked
 * unbreakable for Pango, together with JIS X 4051 禁則: nothing breaks
 * before 、。）」ー or a small kana, nor after （「.
 *
 * A phrase wider than its box would overflow, so it falls back to the
 * dictionary's words, and a word still too wide to character breaks.
 *
 * Segmenting costs more than laying out: segmentations are cached by
 * text (names of organizations and professions repeat on every page),
 * and the cache is emptied when it grows, so memory stays flat.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "ts-render-breaks.h"
#include "ts-render-text.h"

#define CACHE_LIMIT 4096

typedef struct {
  guint start;   /* byte offsets in the UTF-8 text */
  guint end;
} Span;

typedef struct {
  GArray *phrases;   /* Span, only those longer than one character */
  GArray *words;     /* Span: the dictionary's words inside the phrases */
  GArray *kinsoku;   /* Span: two characters that must stay together */
} Segments;

static GMutex      cache_lock;
static GHashTable *cache;

static void
segments_free (Segments *segments)
{
  g_array_unref (segments->phrases);
  g_array_unref (segments->words);
  g_array_unref (segments->kinsoku);
  g_free (segments);
}

static void
close_iterator (gpointer iterator)
{
  ubrk_close (iterator);
}

/* One iterator per thread: opening one loads the dictionary rules. */
static GPrivate thread_iterator = G_PRIVATE_INIT (close_iterator);

static UBreakIterator *
get_iterator (void)
{
  UBreakIterator *iterator = g_private_get (&thread_iterator);
  UErrorCode status = U_ZERO_ERROR;

  if (iterator == NULL)
    {
      iterator = ubrk_open (UBRK_WORD, "ja", NULL, 0, &status);
      if (U_FAILURE (status))
        return NULL;
      g_private_set (&thread_iterator, iterator);
    }
  return iterator;
}

typedef enum { CLASS_OTHER, CLASS_SPACE, CLASS_HIRAGANA, CLASS_CONTENT } CharClass;

static CharClass
char_class (gunichar c)
{
  if (g_unichar_isspace (c) || c == 0x3000)
    return CLASS_SPACE;
  if (c >= 0x3041 && c <= 0x309F)
    return CLASS_HIRAGANA;
  /* Kanji, 々〆〇, katakana and its ー, full- and half-width letters
   * and digits: a compound of these is one phrase. */
  if ((c >= 0x30A0 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
      (c >= 0xFF66 && c <= 0xFF9F) || (c >= 0x3005 && c <= 0x3007) ||
      (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      g_unichar_isalnum (c))
    return CLASS_CONTENT;
  return CLASS_OTHER;
}

static gboolean
all_hiragana (const char *start,
              const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (char_class (g_utf8_get_char (p)) != CLASS_HIRAGANA)
      return FALSE;
  return start < end;
}

static gboolean never_starts_line (gunichar c);
static gboolean never_ends_line (gunichar c);

/* A phrase goes on past a word boundary when both sides are content
 * (a compound noun), or when what follows is hiragana after a word.
 * It also takes in the 禁則 characters at its edges (the 。 after it,
 * the （ before it): one attribute instead of two, and Pango's cost
 * grows with the number of attributes. */
static gboolean
joins (const char *text,
       guint       boundary,
       guint       next_end)
{
  const char *before = g_utf8_prev_char (text + boundary);
  gunichar left_char = g_utf8_get_char (before);
  gunichar right_char = g_utf8_get_char (text + boundary);
  CharClass left = char_class (left_char);
  CharClass right = char_class (right_char);

  if (left == CLASS_CONTENT && right == CLASS_CONTENT)
    return TRUE;
  if (left != CLASS_SPACE && right != CLASS_SPACE &&
      (never_starts_line (right_char) || never_ends_line (left_char)))
    return TRUE;
  return (left == CLASS_CONTENT || left == CLASS_HIRAGANA) &&
         all_hiragana (text + boundary, text + next_end);
}

static void
add_span (GArray     *spans,
          const char *text,
          guint       start,
          guint       end)
{
  Span span = { start, end };

  /* One character has nothing inside to protect. */
  if (end > start && g_utf8_next_char (text + start) < text + end)
    g_array_append_val (spans, span);
}

/* Word boundaries as UTF-8 byte offsets, 0 and the length included. */
static GArray *
word_boundaries (const char *text)
{
  GArray *bounds = g_array_new (FALSE, FALSE, sizeof (guint));
  UBreakIterator *iterator = get_iterator ();
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *utf16 = NULL;
  glong n_utf16 = 0;
  guint zero = 0, length = strlen (text);

  g_array_append_val (bounds, zero);
  utf16 = (UChar *) g_utf8_to_utf16 (text, -1, NULL, &n_utf16, NULL);
  if (iterator != NULL && utf16 != NULL)
    {
      const char *p = text;
      int32_t done = 0;

      ubrk_setText (iterator, utf16, (int32_t) n_utf16, &status);
      for (int32_t b = ubrk_next (iterator); U_SUCCESS (status) && b != UBRK_DONE;
           b = ubrk_next (iterator))
        {
          /* Walk the UTF-8 text along: one step per code point. */
          while (done < b && *p)
            {
              done += g_utf8_get_char (p) > 0xFFFF ? 2 : 1;
              p = g_utf8_next_char (p);
            }
          if ((guint) (p - text) > g_array_index (bounds, guint, bounds->len - 1))
            {
              guint offset = p - text;

              g_array_append_val (bounds, offset);
            }
        }
    }
  if (g_array_index (bounds, guint, bounds->len - 1) != length)
    g_array_append_val (bounds, length);
  return bounds;
}

/* JIS X 4051: characters that never start a line, and those that never
 * end one. */
static const char no_line_start[] = "、。，．,.）)」』】〕〉》］｝’”ー〜～…‥・：；？！!?ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿゝゞヽヾ々";
static const char no_line_end[] = "（(「『【〔〈《［｛‘“";

typedef struct {
  gunichar *chars;   /* sorted */
  guint     n;
} CharSet;

static int
compare_chars (gconstpointer a,
               gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;

  return (x > y) - (x < y);
}

static CharSet
char_set_new (const char *utf8)
{
  glong n = 0;
  CharSet set = { g_utf8_to_ucs4_fast (utf8, -1, &n), 0 };

  set.n = n;
  qsort (set.chars, set.n, sizeof (gunichar), compare_chars);
  return set;
}

/* Asked for every character of every text: a binary search in tables
 * made once, not a scan of the UTF-8 lists. */
static gboolean
is_in (gboolean line_start,
       gunichar c)
{
  static CharSet sets[2];
  static gsize made = 0;
  const CharSet *set;

  if (g_once_init_enter (&made))
    {
      sets[0] = char_set_new (no_line_end);
      sets[1] = char_set_new (no_line_start);
      g_once_init_leave (&made, 1);
    }
  /* Kanji are in neither list, and they are most of a Japanese text. */
  if (c >= 0x4E00 && c <= 0x9FFF)
    return FALSE;
  set = &sets[line_start ? 1 : 0];
  return bsearch (&c, set->chars, set->n, sizeof (gunichar), compare_chars) != NULL;
}

static gboolean
never_starts_line (gunichar c)
{
  return c != 0 && is_in (TRUE, c);
}

static gboolean
never_ends_line (gunichar c)
{
  return c != 0 && is_in (FALSE, c);
}

static void
add_kinsoku (GArray     *spans,
             const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      gunichar c = g_utf8_get_char (p);

      if (p > text && never_starts_line (c))
        add_span (spans, text, g_utf8_prev_char (p) - text, next - text);
      if (*next && never_ends_line (c))
        add_span (spans, text, p - text, g_utf8_next_char (next) - text);
    }
}

static Segments *
segment (const char *text)
{
  Segments *segments = g_new0 (Segments, 1);
  g_autoptr(GArray) bounds = word_boundaries (text);
  guint phrase_start = 0;

  segments->phrases = g_array_new (FALSE, FALSE, sizeof (Span));
  segments->words = g_array_new (FALSE, FALSE, sizeof (Span));
  segments->kinsoku = g_array_new (FALSE, FALSE, sizeof (Span));
  for (guint i = 1; i < bounds->len; i++)
    {
      guint start = g_array_index (bounds, guint, i - 1);
      guint end = g_array_index (bounds, guint, i);
      gboolean last = i + 1 == bounds->len;

      add_span (segments->words, text, start, end);
      if (last || !joins (text, end, g_array_index (bounds, guint, i + 1)))
        {
          add_span (segments->phrases, text, phrase_start, end);
          phrase_start = end;
        }
    }
  add_kinsoku (segments->kinsoku, text);
  return segments;
}

/* The segmentation of the text, from the cache or made now. The cache
 * owns it; the caller holds the lock while using it. */
static const Segments *
lookup_segments (const char *text)
{
  Segments *segments;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) segments_free);
  segments = g_hash_table_lookup (cache, text);
  if (segments == NULL)
    {
      if (g_hash_table_size (cache) >= CACHE_LIMIT)
        g_hash_table_remove_all (cache);
      segments = segment (text);
      g_hash_table_insert (cache, g_strdup (text), segments);
    }
  return segments;
}

static void
forbid_breaks (PangoAttrList *attrs,
               const Span    *span)
{
  PangoAttribute *attr = pango_attr_allow_breaks_new (FALSE);

  attr->start_index = span->start;
  attr->end_index = span->end;
  pango_attr_list_insert (attrs, attr);
}

static gboolean
overlaps (const Span *span,
          guint       start,
          guint       end)
{
  return span->start < end && start < span->end;
}

/* Marks the spans that share a line wider than the box as relaxed;
 * returns whether any line was too wide. */
static gboolean
relax_overflowing (PangoLayout  *layout,
                   double        width_pt,
                   const GArray *spans,
                   gboolean     *relaxed)
{
  gboolean overflow = FALSE;

  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoRectangle logical;

      pango_layout_line_get_extents (line, NULL, &logical);
      if (logical.width <= (width_pt + 0.5) * PANGO_SCALE)
        continue;
      overflow = TRUE;
      for (guint i = 0; i < spans->len; i++)
        if (overlaps (&g_array_index (spans, Span, i), line->start_index,
                      line->start_index + line->length))
          relaxed[i] = TRUE;
    }
  return overflow;
}

static void
set_attributes (PangoLayout    *layout,
                const Segments *segments,
                const gboolean *phrase_relaxed,
                const gboolean *word_relaxed)
{
  PangoAttrList *attrs = ts_render_text_attributes_new ();

  /* 禁則 inside an unbroken phrase needs no attribute of its own: each
   * one costs Pango a run to shape. */
  for (guint i = 0, p = 0; i < segments->kinsoku->len; i++)
    {
      const Span *pair = &g_array_index (segments->kinsoku, Span, i);
      const Span *phrase = NULL;

      while (p < segments->phrases->len &&
             g_array_index (segments->phrases, Span, p).end < pair->end)
        p++;
      if (p < segments->phrases->len)
        phrase = &g_array_index (segments->phrases, Span, p);
      if (phrase == NULL || phrase_relaxed[p] || phrase->start > pair->start)
        forbid_breaks (attrs, pair);
    }
  for (guint i = 0; i < segments->phrases->len; i++)
    {
      const Span *phrase = &g_array_index (segments->phrases, Span, i);

      if (!phrase_relaxed[i])
        {
          forbid_breaks (attrs, phrase);
          continue;
        }
      for (guint j = 0; j < segments->words->len; j++)
        {
          const Span *word = &g_array_index (segments->words, Span, j);

          if (!word_relaxed[j] && overlaps (word, phrase->start, phrase->end))
            forbid_breaks (attrs, word);
        }
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Whether every line of the text surely fits the width: a full-width
 * character is one em, nothing else is wider than that. Most cells hold
 * a short name or label, which need no breaking at all. */
static gboolean
surely_fits (PangoLayout *layout,
             const char  *text,
             double       width_pt)
{
  const PangoFontDescription *font = pango_layout_get_font_description (layout);
  double em = font != NULL ? (double) pango_font_description_get_size (font) / PANGO_SCALE : 0;
  double line = 0;

  if (em <= 0)
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      line = c == '\n' ? 0 : line + (c < 0x80 ? em * 0.7 : em);
      if (line > width_pt)
        return FALSE;
    }
  return TRUE;
}

/* Call after the layout's width, wrap mode and font are set. */
void
ts_render_breaks_apply (PangoLayout *layout,
                        double       width_pt)
{
  const char *text = pango_layout_get_text (layout);
  const Segments *segments;
  g_autofree gboolean *phrase_relaxed = NULL;
  g_autofree gboolean *word_relaxed = NULL;

  if (text == NULL || *text == '\0' || surely_fits (layout, text, width_pt))
    return;
  g_mutex_lock (&cache_lock);
  segments = lookup_segments (text);
  phrase_relaxed = g_new0 (gboolean, segments->phrases->len + 1);
  word_relaxed = g_new0 (gboolean, segments->words->len + 1);
  set_attributes (layout, segments, phrase_relaxed, word_relaxed);
  /* Most text fits phrase by phrase; a phrase too wide for the box
   * falls back to its words, and a word too wide to its characters. */
  if (relax_overflowing (layout, width_pt, segments->phrases, phrase_relaxed))
    {
      set_attributes (layout, segments, phrase_relaxed, word_relaxed);
      if (relax_overflowing (layout, width_pt, segments->words, word_relaxed))
        set_attributes (layout, segments, phrase_relaxed, word_relaxed);
    }
  g_mutex_unlock (&cache_lock);
}

/* Whether a line may end at byte @offset: not inside a phrase nor
 * between two characters 禁則 keeps together. */
static gboolean
may_end_at (const Segments *segments,
            guint           offset)
{
  const GArray *spans[] = { segments->phrases, segments->kinsoku };

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    for (guint i = 0; i < spans[s]->len; i++)
      {
        const Span *span = &g_array_index (spans[s], Span, i);

        if (span->start < offset && offset < span->end)
          return FALSE;
      }
  return TRUE;
}

/* The ends of the text's phrases, last first: where a shortened line may
 * stop. */
static GArray *
phrase_ends (const char *text)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (guint));
  const Segments *segments;

  g_mutex_lock (&cache_lock);
  segments = lookup_segments (text);
  for (const char *p = text + strlen (text); p > text; p = g_utf8_prev_char (p))
    if (may_end_at (segments, p - text))
      {
        guint offset = p - text;

        g_array_append_val (ends, offset);
      }
  g_mutex_unlock (&cache_lock);
  return ends;
}

static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x3001 || c == 0x30FB || c == '/';
}

/* Call on a one-line layout: when the text is wider than @width_pt, it
 * is cut after the last whole phrase that fits and an ellipsis put in
 * place of the rest, so that a word is shown whole or not at all
 * (介護支援専門員… rather than 介護支援専門員(ケアマネ…). A first phrase
 * wider than the box is left to Pango's ellipsis. */
void
ts_render_breaks_shorten (PangoLayout *layout,
                          double       width_pt)
{
  g_autofree char *text = g_strdup (pango_layout_get_text (layout));
  g_autoptr(GArray) ends = NULL;
  PangoEllipsizeMode ellipsize = pango_layout_get_ellipsize (layout);
  int width = pango_layout_get_width (layout);
  PangoRectangle logical;

  /* Measured on one unbounded line: a layout with a width wraps or
   * ellipsizes, and reports the width it was given. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_width (layout, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  if (*text == '\0' || logical.width <= width_pt * PANGO_SCALE)
    {
      pango_layout_set_width (layout, width);
      pango_layout_set_ellipsize (layout, ellipsize);
      return;
    }
  ends = phrase_ends (text);
  for (guint i = 0; i < ends->len; i++)
    {
      g_autofree char *prefix = g_strndup (text, g_array_index (ends, guint, i));
      g_autofree char *shortened = NULL;
      char *end = prefix + strlen (prefix);

      while (end > prefix && is_separator (g_utf8_get_char (g_utf8_prev_char (end))))
        *(end = g_utf8_prev_char (end)) = '\0';
      if (end == prefix)
        continue;
      shortened = g_strconcat (prefix, "…", NULL);
      pango_layout_set_text (layout, shortened, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      if (logical.width <= width_pt * PANGO_SCALE)
        break;
    }
  if (logical.width > width_pt * PANGO_SCALE)
    pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, width);
  pango_layout_set_ellipsize (layout, ellipsize);
}
