/* test-render-text.c: Japanese text on paper, read back with poppler:
 * no word broken across lines, legible sizes, readings in hiragana, and
 * what members wrote (wish, job title) printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include "test-render-fixture.h"
#include "ts-render.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"

/* Words that Pango alone breaks in the middle. */
static const char * const words[] = {
  "ケアマネジャー", "ソーシャルワーカー", "デイサービス", "クリニック",
  "居宅介護支援事業所", "訪問看護ステーション",
};

#define N_PEOPLE 12

typedef struct {
  char         *dir;
  TsRepository *repository;
  gint64        event_id;
} Fixture;

/* Twelve people whose fields hold the words at different places in the
 * line, so that every column width meets them at another offset. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "text.db");
  fixture->event_id = test_fixture_event (fixture->repository, "第1回 試験の会");
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(GString) lead = g_string_new (NULL);
      g_autofree char *given = g_strdup_printf ("%u子", i);
      g_autofree char *organization = NULL;
      g_autofree char *introduction = NULL;
      g_autoptr(TsMember) member = NULL;

      for (guint k = 0; k < i % 6; k++)
        g_string_append (lead, k % 2 ? "つどい" : "第二");
      organization = g_strdup_printf ("%.*s%s つどい", (int) MIN (lead->len, 6), lead->str,
                                      words[i % 4 + 2]);
      introduction = g_strdup_printf ("%s%sとして、%sや%sと連携しています。",
                                      lead->str, words[i % 2], words[2], words[3]);
      member = ts_test_add_member (fixture->repository,
                                   "family-name", i == 0 ? "高崎" : "佐藤",
                                   "given-name", given,
                                   /* Typed in half-width katakana. */
                                   "family-reading", i == 0 ? "ﾀｶｻｷ" : "しけん",
                                   "given-reading", i == 0 ? "ｹﾝｲﾁ" : "こ",
                                   "organization", organization,
                                   "profession", i % 2 ? "医療ソーシャルワーカー" : "介護支援専門員(ケアマネジャー)",
                                   "job-title", "主任",
                                   "wish", "来月、認知症カフェを開きます。",
                                   "introduction", introduction,
                                   "consent", TS_CONSENT_FULL, NULL);
      ts_test_attend (fixture->repository, fixture->event_id, member->id, TS_ATTENDANCE_STATUS_REGISTERED);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_pdf (Fixture              *fixture,
           const TsPrintOptions *options,
           const char           *name)
{
  return test_fixture_write_pdf (fixture->repository, fixture->event_id, options,
                                 fixture->dir, name, NULL);
}

/* The text as poppler reads it, lines kept: a word broken across lines
 * is not found whole. */
static char *
raw_text (const char *path)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);
  GString *text = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\f');
    }
  return g_string_free (text, FALSE);
}

static guint
count (const char *text,
       const char *word)
{
  guint n = 0;

  for (const char *at = strstr (text, word); at != NULL; at = strstr (at + 1, word))
    n++;
  return n;
}

/* Each word is found whole as many times as the printed fields hold it. */
static void
assert_words_whole (const char *path,
                    gboolean    with_introduction)
{
  g_autofree char *text = raw_text (path);

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      guint expected = 0;

      for (guint i = 0; i < N_PEOPLE; i++)
        {
          expected += i % 4 + 2 == w;
          expected += w == (i % 2 ? 1 : 0);             /* the profession */
          if (with_introduction)
            expected += (i % 2 == w) + (w == 2) + (w == 3);
        }
      if (count (text, words[w]) != expected)
        g_error ("%s: “%s” is whole %u times out of %u: broken across lines?\n%s", path,
                 words[w], count (text, words[w]), expected, text);
    }
}

/* Where a line is too short for what it holds (the compact roster's
 * second line), a word is shown whole or not at all: every character of
 * every occurrence has a glyph of its own on one line. An ellipsis cut
 * by Pango inside a word keeps the hidden characters in the text, mapped
 * onto the one ellipsis glyph, and is caught here. */
static void
assert_words_whole_or_left_out (const char *path)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);
  guint found = 0;

  for (int p = 0; p < poppler_document_get_n_pages (document); p++)
    {
      TsTestPdfText page = { 0 };

      ts_test_pdf_text_load (&page, document, p);
      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        for (const char *at = strstr (page.text, words[w]); at != NULL; at = strstr (at + 1, words[w]))
          {
            glong first = g_utf8_pointer_to_offset (page.text, at);
            glong n = g_utf8_strlen (words[w], -1);

            for (glong i = first + 1; i < first + n; i++)
              if (ABS (page.boxes[i].y1 - page.boxes[first].y1) > 1 ||
                  page.boxes[i].x1 < page.boxes[i - 1].x1 + 3)
                g_error ("%s: “%s” on page %d is not drawn whole", path, words[w], p + 1);
            found++;
          }
      ts_test_pdf_text_clear (&page);
    }
  g_assert_cmpuint (found, >, 0);
}

static void
test_words_not_broken (Fixture       *fixture,
                       gconstpointer  data)
{
  TsPrintOptions options;
  /* Every set of columns gives the organization another width. */
  const guint column_sets[] = {
    TS_ROSTER_ALL,
    TS_ROSTER_ORGANIZATION | TS_ROSTER_PROFESSION | TS_ROSTER_INTRODUCTION,
    TS_ROSTER_ORGANIZATION | TS_ROSTER_PROFESSION | TS_ROSTER_INTRODUCTION | TS_ROSTER_FIRST_TIME,
  };

  for (guint i = 0; i < G_N_ELEMENTS (column_sets); i++)
    for (int copy = 0; copy < 2; copy++)
      {
        g_autofree char *path = NULL;

        ts_print_options_init (&options, TS_PRINT_ROSTER);
        options.columns = column_sets[i];
        options.organizer_copy = copy;
        path = write_pdf (fixture, &options, "roster.pdf");
        assert_words_whole (path, TRUE);
      }
  for (int copy = 0; copy < 2; copy++)
    {
      g_autofree char *path = NULL;

      ts_print_options_init (&options, TS_PRINT_ROSTER);
      options.compact = TRUE;
      options.organizer_copy = copy;
      path = write_pdf (fixture, &options, "compact.pdf");
      assert_words_whole_or_left_out (path);
    }
  {
    g_autofree char *cards = NULL, *badges = NULL, *large = NULL;

    ts_print_options_init (&options, TS_PRINT_CARDS);
    cards = write_pdf (fixture, &options, "cards.pdf");
    assert_words_whole (cards, TRUE);
    ts_print_options_init (&options, TS_PRINT_BADGES);
    badges = write_pdf (fixture, &options, "badges.pdf");
    assert_words_whole (badges, FALSE);
    options.badge_sheet = TS_SHEET_A6_4;
    large = write_pdf (fixture, &options, "badges-a6.pdf");
    assert_words_whole (large, FALSE);
  }
}

/* The smallest and the largest font size of the characters of @text
 * wherever it is printed. */
static void
sizes_of (const char *path,
          const char *text,
          double     *smallest,
          double     *largest)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);

  *smallest = G_MAXDOUBLE;
  *largest = 0;
  for (int p = 0; p < poppler_document_get_n_pages (document); p++)
    {
      TsTestPdfText page = { 0 };

      ts_test_pdf_text_load (&page, document, p);
      for (const char *at = text ? strstr (page.text, text) : page.text; at != NULL && *at;
           at = text ? strstr (at + 1, text) : g_utf8_next_char (at))
        {
          glong index = g_utf8_pointer_to_offset (page.text, at);
          double size = ts_test_pdf_font_size_at (page.attributes, index);
          gunichar c = g_utf8_get_char (at);

          if (text == NULL && (g_unichar_isspace (c) || c == 0x3000 || size <= 0))
            continue;
          *smallest = MIN (*smallest, size);
          *largest = MAX (*largest, size);
        }
      ts_test_pdf_text_clear (&page);
    }
}

/* Sizes for a dim restaurant: roster names 12 pt, furigana and tags 7.5,
 * other roster text 9; cards with names of 20 pt or more, nothing under
 * 8.5, and a short introduction grown into the room it has. */
static void
test_minimum_sizes (Fixture       *fixture,
                    gconstpointer  data)
{
  TsPrintOptions options;
  g_autofree char *roster = NULL, *compact = NULL, *cards = NULL;
  g_autoptr(TsMember) short_intro = NULL;
  double smallest, largest;

  short_intro = ts_test_add_member (fixture->repository, "family-name", "短文", "given-name", "一",
                                    "organization", "つどい病院", "profession", "医師",
                                    "introduction", "よろしく", "consent", TS_CONSENT_FULL, NULL);
  ts_test_attend (fixture->repository, fixture->event_id, short_intro->id, TS_ATTENDANCE_STATUS_REGISTERED);
  ts_print_options_init (&options, TS_PRINT_ROSTER);
  roster = write_pdf (fixture, &options, "roster.pdf");
  sizes_of (roster, NULL, &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 7.5 - 0.01);
  sizes_of (roster, "佐藤", &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 12 - 0.01);
  sizes_of (roster, "つどい", &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 9 - 0.01);
  sizes_of (roster, "として、", &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 9 - 0.01);
  sizes_of (roster, "主任", &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 9 - 0.01);

  options.compact = TRUE;
  compact = write_pdf (fixture, &options, "compact.pdf");
  sizes_of (compact, NULL, &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 7.5 - 0.01);
  sizes_of (compact, "佐藤", &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 12 - 0.01);
  sizes_of (compact, "つどい", &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 9 - 0.01);

  ts_print_options_init (&options, TS_PRINT_CARDS);
  cards = write_pdf (fixture, &options, "cards.pdf");
  sizes_of (cards, NULL, &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 8.5 - 0.01);
  sizes_of (cards, "佐藤", &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 20 - 0.01);
  /* The short introduction fills its room at the largest size. */
  sizes_of (cards, "よろしく", &smallest, &largest);
  g_assert_cmpfloat (smallest, >=, 11 - 0.01);
}

/* ﾀｶｻｷ ｹﾝｲﾁ, typed in half-width katakana, prints as たかさき けんいち. */
static void
test_readings_in_hiragana (Fixture       *fixture,
                           gconstpointer  data)
{
  const TsPrintKind kinds[] = { TS_PRINT_ROSTER, TS_PRINT_CARDS, TS_PRINT_BADGES };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      TsPrintOptions options;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      guint n_pages;

      ts_print_options_init (&options, kinds[i]);
      path = write_pdf (fixture, &options, "readings.pdf");
      text = ts_test_pdf_text (path, 0, &n_pages);
      g_assert_nonnull (strstr (text, "たかさき"));
      g_assert_nonnull (strstr (text, "けんいち"));
      g_assert_null (strstr (text, "ﾀｶｻｷ"));
      g_assert_null (strstr (text, "ｹﾝｲﾁ"));
    }
}

/* What members wrote in the form is printed: the job title beside the
 * profession, the wish under its own heading. */
static void
test_wish_and_job_title (Fixture       *fixture,
                         gconstpointer  data)
{
  const TsPrintKind kinds[] = { TS_PRINT_CARDS, TS_PRINT_ROSTER };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      TsPrintOptions options;
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      guint n_pages;

      ts_print_options_init (&options, kinds[i]);
      path = write_pdf (fixture, &options, "wish.pdf");
      text = ts_test_pdf_text (path, 0, &n_pages);
      g_assert_cmpuint (count (text, "主任"), ==, N_PEOPLE);
      g_assert_cmpuint (count (text, "来月、認知症カフェを開きます。"), ==, N_PEOPLE);
      g_assert_cmpuint (count (text, "やってみたいこと・お知らせ"), ==, N_PEOPLE);
    }
}

/* Fonts are subset once per document: each face is embedded once, and a
 * sheet of cards weighs what its text needs, not a whole CJK font. */
static void
test_fonts_subset_once (Fixture       *fixture,
                        gconstpointer  data)
{
  TsPrintOptions options;
  g_autofree char *path = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) bytes = NULL;
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  guint n_fonts = 0;

  /* Words whose glyphs share subroutines in a CFF font: cairo 1.16
   * then embedded all of Noto Sans CJK's kanji subroutines (872 KB) in
   * eight cards. */
  g_autoptr(TsMember) nurse = ts_test_add_member (fixture->repository,
    "family-name", "佐野", "given-name", "恵", "consent", TS_CONSENT_FULL,
    "introduction", "訪問看護で在宅の療養を支えています。看取りまで関わることも多いです。", NULL);
  gint64 event_id = test_fixture_event (fixture->repository, "第2回 試験の会");

  ts_test_attend (fixture->repository, event_id, nurse->id, TS_ATTENDANCE_STATUS_REGISTERED);
  ts_print_options_init (&options, TS_PRINT_CARDS);
  path = test_fixture_write_pdf (fixture->repository, event_id, &options, fixture->dir,
                                 "subset.pdf", NULL);
  bytes = ts_test_read_file (path);
  g_assert_cmpuint (g_bytes_get_size (bytes), <, 150 * 1024);
  document = ts_test_pdf_open (path);
  info = poppler_font_info_new (document);
  while (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          /* A subset's name is its tag, then the face: the face once
           * for each kind of subset (cairo puts a TrueType font's Latin
           * letters in a simple font of their own). */
          const char *name = poppler_fonts_iter_get_name (iter);
          const char *plus = strchr (name, '+');
          char *key = g_strdup_printf ("%s %d", plus ? plus + 1 : name,
                                       poppler_fonts_iter_get_font_type (iter));

          g_assert_true (poppler_fonts_iter_is_subset (iter));
          g_assert_true (g_hash_table_add (names, key));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (n_fonts, >, 0);
}

int
main (int    argc,
      char **argv)
{
  test_fixture_use_japanese ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/text/words-not-broken", Fixture, NULL, fixture_set_up,
              test_words_not_broken, fixture_tear_down);
  g_test_add ("/render/text/minimum-sizes", Fixture, NULL, fixture_set_up,
              test_minimum_sizes, fixture_tear_down);
  g_test_add ("/render/text/readings-in-hiragana", Fixture, NULL, fixture_set_up,
              test_readings_in_hiragana, fixture_tear_down);
  g_test_add ("/render/text/wish-and-job-title", Fixture, NULL, fixture_set_up,
              test_wish_and_job_title, fixture_tear_down);
  g_test_add ("/render/text/fonts-subset-once", Fixture, NULL, fixture_set_up,
              test_fonts_subset_once, fixture_tear_down);
  return g_test_run ();
}
