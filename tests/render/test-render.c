/* test-render.c: rosters, cards and badges, read back with poppler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include "test-render-fixture.h"
#include "ts-render.h"
#include "ts-render-text.h"
#include "ts-test-pdf.h"
#include "ts-test-support.h"

typedef struct {
  char         *dir;
  TsRepository *repository;
  gint64        event_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "render.db");
  fixture->event_id = test_fixture_event (fixture->repository, "第1回 試験の会");
  test_fixture_add_people (fixture->repository, fixture->event_id);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Writes the job's PDF; kept for looking at when TSUDOI_RENDER_KEEP names
 * a folder. */
static char *
write_pdf (Fixture              *fixture,
           const TsPrintOptions *options,
           const char           *name,
           TsPrintJob          **job_out)
{
  return test_fixture_write_pdf (fixture->repository, fixture->event_id, options,
                                 fixture->dir, name, job_out);
}

static char *
plain_name (const TestPerson *p)
{
  return g_strconcat (p->family, p->given, NULL);
}

/* Every person printed once, in number order. Poppler may read the
 * family names of close rows before their given names, so the order is
 * checked on the family names. */
static void
assert_people_in_order (const char *path,
                        double      min_size,
                        gboolean    with_unlisted)
{
  guint n_pages;
  g_autofree char *text = ts_test_pdf_text (path, min_size, &n_pages);
  const char *cursor = text;

  for (guint i = 0; i < test_fixture_n_printed (with_unlisted); i++)
    {
      const TestPerson *p = test_fixture_print_order (i, with_unlisted);
      const char *found = strstr (cursor, p->family);

      if (found == NULL || strstr (text, p->given) == NULL)
        g_error ("“%s %s” is missing or out of order (text: %s)", p->family, p->given, text);
      cursor = found + strlen (p->family);
    }
}

/* The characters whose boxes are centred inside the rectangle, in the
 * extraction order: the text of one card, cropped. */
static char *
text_in_area (const TsTestPdfText *page,
              double               min_size,
              const TsRect        *mm)
{
  PopplerRectangle *boxes = page->boxes;
  GString *out = g_string_new (NULL);
  guint index = 0;

  for (const char *c = page->text; *c && index < page->n_boxes;
       c = g_utf8_next_char (c), index++)
    {
      gunichar ch = g_utf8_get_char (c);
      double x = (boxes[index].x1 + boxes[index].x2) / 2 / TS_PT_PER_MM;
      double y = (boxes[index].y1 + boxes[index].y2) / 2 / TS_PT_PER_MM;

      if (g_unichar_isspace (ch) || ch == 0x3000 ||
          ts_test_pdf_font_size_at (page->attributes, index) < min_size)
        continue;
      if (x >= mm->x && x <= mm->x + mm->width && y >= mm->y && y <= mm->y + mm->height)
        g_string_append_unichar (out, ch);
    }
  return g_string_free (out, FALSE);
}

/* Each card's own area holds the next person's name, in order, starting
 * at first_slot: text is cropped slot by slot through the sheet geometry. */
static void
assert_cards_in_order (const char *path,
                       TsSheetId   sheet_id,
                       guint       first_slot,
                       double      min_size)
{
  guint n_people = test_fixture_n_printed (TRUE);

  const TsSheet *sheet = ts_sheet_get (sheet_id);
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);
  guint person = 0, slot = first_slot;

  for (int i = 0; i < poppler_document_get_n_pages (document); i++, slot = 0)
    {
      TsTestPdfText page = { 0 };

      ts_test_pdf_text_load (&page, document, i);
      for (; slot < ts_sheet_n_slots (sheet); slot++)
        {
          TsRect r = ts_sheet_slot_rect (sheet, slot, 0, 0);
          g_autofree char *text = text_in_area (&page, min_size, &r);
          g_autofree char *name = NULL;

          const TestPerson *p;

          if (person == n_people)
            {
              g_assert_cmpstr (text, ==, "");
              continue;
            }
          /* Both parts of the name in this card's area: a viewer may
           * order the two words of a centred name either way. */
          p = test_fixture_print_order (person, TRUE);
          name = plain_name (p);
          if (strstr (text, p->family) == NULL || strstr (text, p->given) == NULL)
            g_error ("card %u on page %d should be “%s”: %s", slot, i + 1, name, text);
          person++;
        }
      ts_test_pdf_text_clear (&page);
    }
  g_assert_cmpuint (person, ==, n_people);
}

/* The big text (the names) of each badge on the first page is centred
 * in its slot, within a point. */
static void
assert_badges_centred (const char *path,
                       TsSheetId   sheet_id)
{
  const TsSheet *sheet = ts_sheet_get (sheet_id);
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);
  TsTestPdfText page = { 0 };
  PopplerRectangle *boxes;

  ts_test_pdf_text_load (&page, document, 0);
  boxes = page.boxes;
  for (guint slot = 0; slot < ts_sheet_n_slots (sheet); slot++)
    {
      TsRect r = ts_sheet_slot_rect (sheet, slot, 0, 0);
      double left = G_MAXDOUBLE, right = -G_MAXDOUBLE, middle;
      guint index = 0;

      for (const char *c = page.text; *c && index < page.n_boxes;
           c = g_utf8_next_char (c), index++)
        {
          double x = (boxes[index].x1 + boxes[index].x2) / 2 / TS_PT_PER_MM;
          double y = (boxes[index].y1 + boxes[index].y2) / 2 / TS_PT_PER_MM;

          if (ts_test_pdf_font_size_at (page.attributes, index) < 20 ||
              g_unichar_isspace (g_utf8_get_char (c)) ||
              x < r.x || x > r.x + r.width || y < r.y || y > r.y + r.height)
            continue;
          left = MIN (left, boxes[index].x1);
          right = MAX (right, boxes[index].x2);
        }
      g_assert_cmpfloat (left, <, right);
      middle = (r.x + r.width / 2) * TS_PT_PER_MM;
      g_assert_cmpfloat_with_epsilon ((left + right) / 2, middle, 1.5);
    }
  ts_test_pdf_text_clear (&page);
}

static void
assert_page_sizes (const char *path)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
    }
}

/* Every font is embedded, and it is the Japanese one we named. */
static void
assert_fonts_embedded (const char *path)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);
  PopplerFontInfo *info = poppler_font_info_new (document);
  PopplerFontsIter *iter = NULL;
  guint n_fonts = 0;

  while (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &iter))
    {
      if (iter == NULL)
        continue;
      do
        {
          g_assert_true (poppler_fonts_iter_is_embedded (iter));
          g_assert_nonnull (strstr (poppler_fonts_iter_get_name (iter), "BIZUDPGothic"));
          n_fonts++;
        }
      while (poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_assert_cmpuint (n_fonts, >, 0);
}

typedef struct {
  double   y;
  gunichar c;
} Glyph;

static int
compare_glyphs (gconstpointer a,
                gconstpointer b)
{
  const Glyph *x = a, *y = b;

  return (x->y > y->y) - (x->y < y->y);
}

/* The characters in the right margin, top to bottom. */
static char *
right_margin_text (TestPdf *document,
                   int      index)
{
  TsTestPdfText page = { 0 };
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  GString *text = g_string_new (NULL);
  guint i = 0;

  ts_test_pdf_text_load (&page, document, index);
  for (const char *c = page.text; *c && i < page.n_boxes; c = g_utf8_next_char (c), i++)
    if (page.boxes[i].x1 > TS_A4_WIDTH - 12 * TS_PT_PER_MM &&
        !g_unichar_isspace (g_utf8_get_char (c)))
      {
        Glyph glyph = { page.boxes[i].y1, g_utf8_get_char (c) };

        g_array_append_val (glyphs, glyph);
      }
  g_array_sort (glyphs, compare_glyphs);
  for (i = 0; i < glyphs->len; i++)
    g_string_append_unichar (text, g_array_index (glyphs, Glyph, i).c);
  ts_test_pdf_text_clear (&page);
  return g_string_free (text, FALSE);
}

/* Past 60 people, each page has the 五十音 strip at its right edge. */
static void
assert_index_strip (const char *path,
                    gboolean    expected)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);

  for (int p = 0; p < poppler_document_get_n_pages (document); p++)
    {
      g_autofree char *strip = right_margin_text (document, p);

      g_assert_cmpstr (strip, ==, expected ? "あかさたなはまやらわ" : "");
    }
}

static void
test_roster_order_and_privacy (Fixture       *fixture,
                               gconstpointer  data)
{
  TsPrintOptions options;
  g_autoptr(TsPrintJob) job = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  ts_print_options_init (&options, TS_PRINT_ROSTER);
  options.columns = TS_ROSTER_ALL;
  path = write_pdf (fixture, &options, "roster.pdf", &job);
  text = ts_test_pdf_text (path, 0, &n_pages);

  assert_people_in_order (path, 10, FALSE);
  g_assert_null (strstr (text, "非公開"));        /* no consent */
  g_assert_null (strstr (text, "取消次郎"));      /* cancelled */
  g_assert_null (strstr (text, "欠席三郎"));      /* no-show */
  g_assert_null (strstr (text, "@example.jp"));   /* contact fields */
  g_assert_null (strstr (text, "090-0000"));
  /* 中村 allowed only name and organization: not their profession. */
  g_assert_null (strstr (text, "職種020"));
  g_assert_null (strstr (text, "紹介文020"));
  g_assert_nonnull (strstr (text, "職種019"));
  g_assert_nonnull (strstr (text, "紹介文019です。"));
  /* The headcount counts the person not listed too, and says so. */
  g_assert_nonnull (strstr (text, "参加者34人、うち名簿非掲載1人"));

  g_assert_cmpuint (n_pages, ==, ts_render_n_pages (job));
  g_assert_cmpuint (n_pages, ==, 3);   /* introductions under each name */
  assert_index_strip (path, FALSE);    /* 34 people: no index needed */
  assert_page_sizes (path);
  assert_fonts_embedded (path);
  pages = g_strsplit (text, "\f", -1);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u/%u", i + 1, n_pages);

      g_assert_nonnull (strstr (pages[i], "参加者名簿"));
      g_assert_nonnull (strstr (pages[i], "試験医介塾"));
      g_assert_nonnull (strstr (pages[i], "2017年8月24日(木)19:00〜"));
      g_assert_nonnull (strstr (pages[i], "氏名"));     /* table header */
      g_assert_nonnull (strstr (pages[i], "取扱注意"));
      g_assert_nonnull (strstr (pages[i], number));
    }
}

static void
test_roster_organizer_copy (Fixture       *fixture,
                            gconstpointer  data)
{
  TsPrintOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *names = NULL;
  guint n_pages;

  ts_print_options_init (&options, TS_PRINT_ROSTER);
  options.organizer_copy = TRUE;
  path = write_pdf (fixture, &options, "organizer.pdf", NULL);
  text = ts_test_pdf_text (path, 0, &n_pages);
  names = ts_test_pdf_text (path, 10, &n_pages);
  /* Poppler may split this row's name at the wide space; both halves. */
  g_assert_nonnull (strstr (names, "非公開"));
  g_assert_nonnull (strstr (names, "花子"));
  g_assert_nonnull (strstr (text, "person000@example.jp"));
  g_assert_nonnull (strstr (text, "090-0000-0000"));
  g_assert_nonnull (strstr (text, "職種020"));
  g_assert_null (strstr (text, "取消次郎"));
}

static void
test_roster_sort_by_profession (Fixture       *fixture,
                                gconstpointer  data)
{
  TsPrintOptions options;
  g_autoptr(TsPrintJob) job = NULL;
  g_autoptr(TsPrintJob) by_reading = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  ts_print_options_init (&options, TS_PRINT_ROSTER);
  by_reading = ts_print_job_load (fixture->repository, fixture->event_id, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < by_reading->entries->len; i++)
    {
      TsPrintEntry *entry = g_ptr_array_index (by_reading->entries, i);

      g_hash_table_insert (numbers, entry->name, GUINT_TO_POINTER (entry->number));
    }
  options.sort = TS_PRINT_SORT_PROFESSION;
  job = ts_print_job_load (fixture->repository, fixture->event_id, &options, &error);
  g_assert_no_error (error);
  /* 職種000 … in order; 中村 (no profession shown) last. */
  for (guint i = 1; i + 1 < job->entries->len; i++)
    {
      TsPrintEntry *a = g_ptr_array_index (job->entries, i - 1);
      TsPrintEntry *b = g_ptr_array_index (job->entries, i);

      g_assert_cmpint (g_strcmp0 (a->profession, b->profession), <, 0);
      /* Each keeps their number whatever the order. */
      g_assert_cmpuint (b->number, ==, GPOINTER_TO_UINT (g_hash_table_lookup (numbers, b->name)));
    }
  g_assert_null (((TsPrintEntry *) g_ptr_array_index (job->entries, job->entries->len - 1))->profession);
}

static void
test_cards_every_person (Fixture       *fixture,
                         gconstpointer  data)
{
  TsPrintOptions options;
  g_autoptr(TsPrintJob) job = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  ts_print_options_init (&options, TS_PRINT_CARDS);
  options.start_slot = 9;
  options.cut_marks = TRUE;
  options.offset_x_mm = 1.5;
  path = write_pdf (fixture, &options, "cards.pdf", &job);
  text = ts_test_pdf_text (path, 0, &n_pages);

  /* 34 cards from slot 9: 2 on the first sheet, then 10, 10, 10, 2;
   * the one not listed on the roster gets their own card too. */
  g_assert_cmpuint (n_pages, ==, 5);
  g_assert_cmpuint (ts_render_n_pages (job), ==, 5);
  assert_people_in_order (path, 10, TRUE);
  assert_cards_in_order (path, TS_SHEET_BUSINESS_CARD_10, 8, 16);
  g_assert_nonnull (strstr (text, "非公開"));
  g_assert_null (strstr (text, "@example.jp"));
  assert_page_sizes (path);
  assert_fonts_embedded (path);
}

static void
test_badges_both_sizes (Fixture       *fixture,
                        gconstpointer  data)
{
  TsPrintOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  ts_print_options_init (&options, TS_PRINT_BADGES);
  options.badge_sheet = TS_SHEET_A6_4;
  path = write_pdf (fixture, &options, "badges-a6.pdf", NULL);
  text = ts_test_pdf_text (path, 0, &n_pages);
  g_assert_cmpuint (n_pages, ==, 9);   /* 34 badges, 4 a sheet */
  assert_cards_in_order (path, TS_SHEET_A6_4, 0, 20);
  assert_badges_centred (path, TS_SHEET_A6_4);
  g_assert_null (strstr (text, "紹介文"));

  g_free (path);
  g_free (text);
  options.badge_sheet = TS_SHEET_BUSINESS_CARD_10;
  path = write_pdf (fixture, &options, "badges.pdf", NULL);
  text = ts_test_pdf_text (path, 0, &n_pages);
  g_assert_cmpuint (n_pages, ==, 4);
  assert_cards_in_order (path, TS_SHEET_BUSINESS_CARD_10, 0, 16);
  assert_badges_centred (path, TS_SHEET_BUSINESS_CARD_10);
}

static void
test_addendum_walk_ins_only (Fixture       *fixture,
                             gconstpointer  data)
{
  TsPrintOptions options;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  ts_print_options_init (&options, TS_PRINT_ADDENDUM);
  path = write_pdf (fixture, &options, "addendum.pdf", NULL);
  text = ts_test_pdf_text (path, 0, &n_pages);
  g_assert_cmpuint (n_pages, ==, 1);
  g_assert_nonnull (strstr (text, "紹介文007です。"));   /* 岡田, the walk-in */
  g_assert_null (strstr (text, "紹介文000です。"));
  g_assert_nonnull (strstr (text, "当日参加者"));
}

/* A cancelled export leaves the file that was there, and no leftovers. */
static void
test_cancel_keeps_old_file (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TsPrintJob) job = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "old.pdf", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *contents = NULL;
  TsPrintOptions options;

  ts_print_options_init (&options, TS_PRINT_CARDS);
  job = ts_print_job_load (fixture->repository, fixture->event_id, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_cancellable_cancel (cancellable);
  g_assert_false (ts_render_write_pdf (job, path, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

static void
test_empty_event_is_an_error (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "empty.db");
  gint64 event_id = test_fixture_event (repository, "誰もいない会");
  g_autoptr(GError) error = NULL;
  TsPrintOptions options;
  TsPrintJob *job;

  ts_print_options_init (&options, TS_PRINT_ROSTER);
  job = ts_print_job_load (repository, event_id, &options, &error);
  g_assert_null (job);
  g_assert_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "参加者"));
  g_clear_error (&error);
  job = ts_print_job_load (repository, event_id + 100, &options, &error);
  g_assert_null (job);
  g_assert_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_NOT_FOUND);
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

/* 300 people: the names that are there once each, pages as announced. */
static void
test_roster_300 (void)
{
  g_autofree char *dir = ts_test_make_temp_dir ();
  g_autoptr(TsRepository) repository = ts_test_open_repository (dir, "big.db");
  gint64 event_id = test_fixture_event (repository, "大きな会");
  g_autoptr(GError) error = NULL;
  g_autoptr(TsPrintJob) job = NULL;
  g_autofree char *path = g_build_filename (dir, "roster-300.pdf", NULL);
  g_autofree char *text = NULL;
  TsPrintOptions options;
  guint n_pages;

  test_fixture_add_many (repository, event_id, 300);
  ts_print_options_init (&options, TS_PRINT_ROSTER);
  job = ts_print_job_load (repository, event_id, &options, &error);
  g_assert_no_error (error);
  g_assert_true (ts_render_write_pdf (job, path, NULL, NULL, NULL, &error));
  text = ts_test_pdf_text (path, 0, &n_pages);
  g_assert_cmpuint (n_pages, ==, ts_render_n_pages (job));
  g_assert_cmpuint (n_pages, >=, 300 / 25);
  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("%u号", i);

      g_assert_nonnull (strstr (text, name));
    }
  assert_index_strip (path, TRUE);
  g_clear_object (&repository);
  ts_test_remove_dir (dir);
}

static void
test_sheet_geometry (void)
{
  const TsSheetId ids[] = { TS_SHEET_BUSINESS_CARD_10, TS_SHEET_A6_4 };

  for (guint s = 0; s < G_N_ELEMENTS (ids); s++)
    {
      const TsSheet *sheet = ts_sheet_get (ids[s]);

      for (guint slot = 0; slot < ts_sheet_n_slots (sheet); slot++)
        for (double dx = -7; dx <= 7; dx += 0.5)
          for (double dy = -7; dy <= 7; dy += 0.5)
            {
              TsRect r = ts_sheet_slot_rect (sheet, slot, dx, dy);

              g_assert_cmpfloat (r.x, >=, 0);
              g_assert_cmpfloat (r.y, >=, 0);
              g_assert_cmpfloat (r.x + r.width, <=, sheet->page_width + 1e-9);
              g_assert_cmpfloat (r.y + r.height, <=, sheet->page_height + 1e-9);
              g_assert_cmpfloat (r.width, >, sheet->card_width - TS_SHEET_MAX_OFFSET_MM - 1e-9);
              g_assert_cmpfloat (r.height, >, sheet->card_height - TS_SHEET_MAX_OFFSET_MM - 1e-9);
              if (ids[s] == TS_SHEET_BUSINESS_CARD_10)
                {
                  /* The margins leave room for any allowed offset. */
                  g_assert_cmpfloat (r.width, ==, 91.0);
                  g_assert_cmpfloat (r.height, ==, 55.0);
                }
            }
    }
}

static void
test_sheet_business_cards (void)
{
  const TsSheet *sheet = ts_sheet_get (TS_SHEET_BUSINESS_CARD_10);
  TsRect first = ts_sheet_slot_rect (sheet, 0, 0, 0);
  TsRect last = ts_sheet_slot_rect (sheet, 9, 0, 0);
  TsRect shifted = ts_sheet_slot_rect (sheet, 3, 1.5, -2);

  g_assert_cmpuint (ts_sheet_n_slots (sheet), ==, 10);
  g_assert_cmpfloat (first.x, ==, 14.0);
  g_assert_cmpfloat (first.y, ==, 11.0);
  g_assert_cmpfloat (last.x + last.width, ==, 210.0 - 14.0);
  g_assert_cmpfloat (last.y + last.height, ==, 297.0 - 11.0);
  g_assert_cmpfloat (shifted.x, ==, 14.0 + 91.0 + 1.5);
  g_assert_cmpfloat (shifted.y, ==, 11.0 + 55.0 - 2.0);
  g_assert_cmpuint (ts_sheet_n_pages (sheet, 0, 0), ==, 0);
  g_assert_cmpuint (ts_sheet_n_pages (sheet, 0, 10), ==, 1);
  g_assert_cmpuint (ts_sheet_n_pages (sheet, 9, 1), ==, 1);
  g_assert_cmpuint (ts_sheet_n_pages (sheet, 9, 2), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  /* Japanese output, as organizers see it. */
  test_fixture_use_japanese ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/roster/order-and-privacy", Fixture, NULL, fixture_set_up,
              test_roster_order_and_privacy, fixture_tear_down);
  g_test_add ("/render/roster/organizer-copy", Fixture, NULL, fixture_set_up,
              test_roster_organizer_copy, fixture_tear_down);
  g_test_add ("/render/roster/sort-by-profession", Fixture, NULL, fixture_set_up,
              test_roster_sort_by_profession, fixture_tear_down);
  g_test_add ("/render/cards/every-person", Fixture, NULL, fixture_set_up,
              test_cards_every_person, fixture_tear_down);
  g_test_add ("/render/badges/both-sizes", Fixture, NULL, fixture_set_up,
              test_badges_both_sizes, fixture_tear_down);
  g_test_add ("/render/addendum/walk-ins-only", Fixture, NULL, fixture_set_up,
              test_addendum_walk_ins_only, fixture_tear_down);
  g_test_add ("/render/cancel-keeps-old-file", Fixture, NULL, fixture_set_up,
              test_cancel_keeps_old_file, fixture_tear_down);
  g_test_add_func ("/render/empty-event", test_empty_event_is_an_error);
  g_test_add_func ("/render/roster/300", test_roster_300);
  g_test_add_func ("/render/sheet/geometry", test_sheet_geometry);
  g_test_add_func ("/render/sheet/business-cards", test_sheet_business_cards);
  return g_test_run ();
}
