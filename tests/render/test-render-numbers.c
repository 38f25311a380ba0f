/* test-render-numbers.c: one number per person in every document of an
 * event, headcounts that say what the page shows, a badge for everyone.
 *
 * Everything is read back from the PDFs: a person's number is the number
 * printed on their row (rosters) or inside their card (cards, badges).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
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

/* Walk-ins, entered in this order but arriving in another one; 秘密 did
 * not consent to the roster. */
static const struct {
  const char *family, *given, *family_reading, *given_reading, *consent, *arrived;
} walk_ins[] = {
  { "朝日", "一番", "あさひ", "いちばん", "full", "2017-08-24T19:10:00" },
  { "夕日", "二番", "ゆうひ", "にばん", "full", "2017-08-24T19:05:00" },
  { "秘密", "三番", "ひみつ", "さんばん", "none", "2017-08-24T19:15:00" },
};
/* The fixture's own walk-in comes last. */
#define FIXTURE_WALK_IN         "岡田"
#define FIXTURE_WALK_IN_ARRIVAL "2017-08-24T19:20:00"

static void
set_arrival (TsRepository *repository,
             gint64        event_id,
             const char   *family,
             const char   *arrived)
{
  g_autoptr(GListModel) list = ts_repository_list_attendance (repository, event_id, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TsAttendance) attendance = g_list_model_get_item (list, i);
      g_autoptr(GError) error = NULL;

      if (!g_str_equal (attendance->member->family_name, family))
        continue;
      g_free (attendance->checked_in_at);
      attendance->checked_in_at = g_strdup (arrived);
      g_assert_true (ts_repository_save_attendance (repository, attendance, &error));
      g_assert_no_error (error);
      return;
    }
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "numbers.db");
  fixture->event_id = test_fixture_event (fixture->repository, "第1回 試験の会");
  test_fixture_add_people (fixture->repository, fixture->event_id);
  for (guint i = 0; i < G_N_ELEMENTS (walk_ins); i++)
    {
      g_autoptr(TsMember) member =
        ts_test_add_member (fixture->repository, "family-name", walk_ins[i].family,
                            "given-name", walk_ins[i].given,
                            "family-reading", walk_ins[i].family_reading,
                            "given-reading", walk_ins[i].given_reading,
                            "organization", "当日会社", "consent", ts_enum_parse_nick (TS_TYPE_CONSENT, walk_ins[i].consent), NULL);

      ts_test_attend (fixture->repository, fixture->event_id, member->id, TS_ATTENDANCE_STATUS_WALK_IN);
      set_arrival (fixture->repository, fixture->event_id, walk_ins[i].family,
                   walk_ins[i].arrived);
    }
  set_arrival (fixture->repository, fixture->event_id, FIXTURE_WALK_IN, FIXTURE_WALK_IN_ARRIVAL);
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

/* Every family name of the event: each is unique in the fixture. */
static GPtrArray *
all_families (void)
{
  GPtrArray *families = g_ptr_array_new ();

  for (guint i = 0; i < test_n_people; i++)
    g_ptr_array_add (families, (gpointer) test_people[i].family);
  g_ptr_array_add (families, (gpointer) test_unlisted.family);
  g_ptr_array_add (families, (gpointer) "取消");
  g_ptr_array_add (families, (gpointer) "欠席");
  for (guint i = 0; i < G_N_ELEMENTS (walk_ins); i++)
    g_ptr_array_add (families, (gpointer) walk_ins[i].family);
  return families;
}

typedef struct {
  guint            value;
  PopplerRectangle box;
} Token;

/* Numbers standing alone ("12") or labelled ("No. 12"), not digits inside other text
 * (職種012, 090-0000-0000, 19:00, 1/2). */
static GArray *
number_tokens (const TsTestPdfText *page)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  glong n = g_utf8_strlen (page->text, -1);
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (page->text, -1, NULL);

  for (glong i = 0; i < n && (guint) i < page->n_boxes; i++)
    {
      glong end = i;
      Token token = { 0, page->boxes[i] };
      /* Poppler may run two cards' "No. 1" "No. 2" together. */
      gboolean labelled = i >= 4 && chars[i - 4] == 'N' && chars[i - 3] == 'o' &&
                          chars[i - 2] == '.' && chars[i - 1] == ' ';

      /* Poppler runs two columns together with no space between them:
       * a gap on the page, or a jump back to a line's start, separates
       * as well. */
      gboolean apart = i > 0 && (g_unichar_isspace (chars[i - 1]) || chars[i - 1] == '.' ||
                                 page->boxes[i].x1 - page->boxes[i - 1].x2 > 6 ||
                                 page->boxes[i].x1 < page->boxes[i - 1].x1);

      if (!g_unichar_isdigit (chars[i]) || (i > 0 && !apart))
        continue;
      while (end < n && g_unichar_isdigit (chars[end]))
        {
          token.value = token.value * 10 + g_unichar_digit_value (chars[end]);
          token.box.x1 = MIN (token.box.x1, page->boxes[end].x1);
          token.box.x2 = MAX (token.box.x2, page->boxes[end].x2);
          end++;
        }
      /* Poppler may also run a row's number into the name after it. */
      if (labelled || end == n || g_unichar_isspace (chars[end]) ||
          (chars[end] > 0x3000 && !g_utf8_strchr ("年月日時分", -1, chars[end])))
        g_array_append_val (tokens, token);
      i = end;
    }
  return tokens;
}

static gboolean
inside (const PopplerRectangle *box,
        const TsRect           *mm)
{
  double x = (box->x1 + box->x2) / 2 / TS_PT_PER_MM, y = (box->y1 + box->y2) / 2 / TS_PT_PER_MM;

  return x >= mm->x && x <= mm->x + mm->width && y >= mm->y && y <= mm->y + mm->height;
}

/* The number that belongs to a name: on a roster, the one at the left end
 * of the name's row; on a card or badge, the one inside the same card. */
static int
number_for (GArray                 *tokens,
            const PopplerRectangle *name,
            const TsSheet          *sheet)
{
  double middle = (name->y1 + name->y2) / 2;
  int found = -1;
  double best = -G_MAXDOUBLE;

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);

      if (sheet != NULL)
        {
          for (guint slot = 0; slot < ts_sheet_n_slots (sheet); slot++)
            {
              TsRect r = ts_sheet_slot_rect (sheet, slot, 0, 0);

              if (inside (name, &r) && inside (&token->box, &r))
                return (int) token->value;
            }
        }
      else if (ABS ((token->box.y1 + token->box.y2) / 2 - middle) < 9 &&
               token->box.x2 <= name->x1 && token->box.x2 > best)
        {
          best = token->box.x2;
          found = (int) token->value;
        }
    }
  return found;
}

/* family name → number as printed, for everyone whose name is printed at
 * @min_size or more. A name printed twice must carry the same number. */
static GHashTable *
read_numbers (const char    *path,
              const TsSheet *sheet,
              double         min_size)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);
  g_autoptr(GPtrArray) families = all_families ();
  GHashTable *numbers = g_hash_table_new (g_str_hash, g_str_equal);

  for (int p = 0; p < poppler_document_get_n_pages (document); p++)
    {
      TsTestPdfText page = { 0 };
      g_autoptr(GArray) tokens = NULL;

      ts_test_pdf_text_load (&page, document, p);
      tokens = number_tokens (&page);
      for (guint f = 0; f < families->len; f++)
        {
          const char *family = g_ptr_array_index (families, f);

          for (const char *at = strstr (page.text, family); at != NULL;
               at = strstr (at + 1, family))
            {
              glong index = g_utf8_pointer_to_offset (page.text, at);
              int number;
              gpointer old;

              if (ts_test_pdf_font_size_at (page.attributes, index) < min_size)
                continue;
              number = number_for (tokens, &page.boxes[index], sheet);
              if (number <= 0)
                g_error ("%s: no number printed with %s on page %d", path, family, p + 1);
              old = g_hash_table_lookup (numbers, family);
              if (old != NULL && GPOINTER_TO_INT (old) != number)
                g_error ("%s: %s is No. %d and No. %d", path, family, GPOINTER_TO_INT (old), number);
              g_hash_table_insert (numbers, (gpointer) family, GINT_TO_POINTER (number));
            }
        }
      ts_test_pdf_text_clear (&page);
    }
  return numbers;
}

static guint
lookup (GHashTable *numbers,
        const char *family)
{
  gpointer value = g_hash_table_lookup (numbers, family);

  if (value == NULL)
    g_error ("%s has no number", family);
  return GPOINTER_TO_UINT (value);
}

/* The same person, the same number, in every document that shows them. */
static void
assert_same_numbers (GHashTable *reference,
                     GHashTable *other,
                     const char *what)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, other);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (lookup (reference, key) != GPOINTER_TO_UINT (value))
      g_error ("%s: %s is No. %u, and No. %u on the organizer copy", what, (char *) key,
               GPOINTER_TO_UINT (value), lookup (reference, key));
}

static void
test_one_number_everywhere (Fixture       *fixture,
                            gconstpointer  data)
{
  TsPrintOptions options;
  g_autofree char *roster = NULL, *organizer = NULL, *by_profession = NULL;
  g_autofree char *cards = NULL, *badges = NULL, *addendum = NULL;
  g_autofree char *compact = NULL, *compact_organizer = NULL;
  g_autoptr(GHashTable) all = NULL, listed = NULL, sorted = NULL;
  g_autoptr(GHashTable) compact_all = NULL, compact_listed = NULL;
  g_autoptr(GHashTable) card_numbers = NULL, badge_numbers = NULL, walk_in_numbers = NULL;
  guint last_registrant = 0, first_walk_in = G_MAXUINT;

  ts_print_options_init (&options, TS_PRINT_ROSTER);
  roster = write_pdf (fixture, &options, "roster.pdf");
  options.organizer_copy = TRUE;
  organizer = write_pdf (fixture, &options, "organizer.pdf");
  options.compact = TRUE;
  compact_organizer = write_pdf (fixture, &options, "compact-organizer.pdf");
  options.organizer_copy = FALSE;
  compact = write_pdf (fixture, &options, "compact.pdf");
  options.compact = FALSE;
  options.sort = TS_PRINT_SORT_PROFESSION;
  by_profession = write_pdf (fixture, &options, "by-profession.pdf");
  ts_print_options_init (&options, TS_PRINT_CARDS);
  cards = write_pdf (fixture, &options, "cards.pdf");
  ts_print_options_init (&options, TS_PRINT_BADGES);
  badges = write_pdf (fixture, &options, "badges.pdf");
  ts_print_options_init (&options, TS_PRINT_ADDENDUM);
  addendum = write_pdf (fixture, &options, "addendum.pdf");

  all = read_numbers (organizer, NULL, 10);
  listed = read_numbers (roster, NULL, 10);
  sorted = read_numbers (by_profession, NULL, 10);
  card_numbers = read_numbers (cards, ts_sheet_get (TS_SHEET_BUSINESS_CARD_10), 16);
  badge_numbers = read_numbers (badges, ts_sheet_get (TS_SHEET_BUSINESS_CARD_10), 16);
  walk_in_numbers = read_numbers (addendum, NULL, 10);
  compact_all = read_numbers (compact_organizer, NULL, 10);
  compact_listed = read_numbers (compact, NULL, 10);

  /* Everyone present or expected is on the organizer copy; the others
   * show all but the two who did not consent. */
  g_assert_cmpuint (g_hash_table_size (all), ==, test_n_people + 1 + G_N_ELEMENTS (walk_ins));
  g_assert_cmpuint (g_hash_table_size (listed), ==, g_hash_table_size (all) - 2);
  g_assert_cmpuint (g_hash_table_size (sorted), ==, g_hash_table_size (listed));
  g_assert_cmpuint (g_hash_table_size (card_numbers), ==, g_hash_table_size (all));
  g_assert_cmpuint (g_hash_table_size (badge_numbers), ==, g_hash_table_size (all));
  g_assert_cmpuint (g_hash_table_size (walk_in_numbers), ==, 3);
  g_assert_cmpuint (g_hash_table_size (compact_all), ==, g_hash_table_size (all));
  g_assert_cmpuint (g_hash_table_size (compact_listed), ==, g_hash_table_size (listed));
  assert_same_numbers (all, listed, "roster");
  assert_same_numbers (all, compact_all, "compact organizer copy");
  assert_same_numbers (all, compact_listed, "compact roster");
  assert_same_numbers (all, sorted, "roster by profession");
  assert_same_numbers (all, card_numbers, "cards");
  assert_same_numbers (all, badge_numbers, "badges");
  assert_same_numbers (all, walk_in_numbers, "addendum");

  /* Registrants first, then the walk-ins in order of arrival, whatever
   * the order they were entered or their readings. */
  for (guint i = 0; i < test_n_people; i++)
    if (!g_str_equal (test_people[i].status, "walk-in"))
      last_registrant = MAX (last_registrant, lookup (all, test_people[i].family));
  for (guint i = 0; i < G_N_ELEMENTS (walk_ins); i++)
    first_walk_in = MIN (first_walk_in, lookup (all, walk_ins[i].family));
  g_assert_cmpuint (first_walk_in, >, last_registrant);
  g_assert_cmpuint (lookup (all, "夕日"), <, lookup (all, "朝日"));
  g_assert_cmpuint (lookup (all, "朝日"), <, lookup (all, "秘密"));
  g_assert_cmpuint (lookup (all, "秘密"), <, lookup (all, FIXTURE_WALK_IN));
  /* The registrants' numbers follow 五十音順. */
  g_assert_cmpuint (lookup (all, "青木"), <, lookup (all, "阿部"));
  g_assert_cmpuint (lookup (all, "渡辺"), <, lookup (all, "鰐淵"));
}

/* The number before 人 after @label in the page's text, and the number of
 * people not listed when the header says so. */
static void
parse_headcount (const char *text,
                 const char *label,
                 guint      *total,
                 guint      *unlisted)
{
  g_autofree char *pattern = g_strdup_printf ("%s(\\d+)人(、うち名簿非掲載(\\d+)人)?", label);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *count = NULL, *hidden = NULL;

  if (!g_regex_match (regex, text, 0, &match))
    g_error ("no headcount “%s…人” in %s", label, text);
  count = g_match_info_fetch (match, 1);
  hidden = g_match_info_fetch (match, 3);
  *total = atoi (count);
  *unlisted = hidden != NULL && *hidden != '\0' ? atoi (hidden) : 0;
}

static void
assert_header_counts (Fixture              *fixture,
                      const TsPrintOptions *options,
                      const char           *label)
{
  g_autofree char *path = write_pdf (fixture, options, "counted.pdf");
  g_autoptr(GHashTable) rows = read_numbers (path, NULL, 10);
  g_autofree char *text = NULL;
  guint n_pages, total, unlisted;

  text = ts_test_pdf_text (path, 0, &n_pages);
  parse_headcount (text, label, &total, &unlisted);
  /* What the header says is what the page shows. */
  g_assert_cmpuint (total - unlisted, ==, g_hash_table_size (rows));
  if (options->organizer_copy)
    g_assert_cmpuint (unlisted, ==, 0);
  else
    g_assert_cmpuint (unlisted, >, 0);
}

static void
test_header_counts (Fixture       *fixture,
                    gconstpointer  data)
{
  TsPrintOptions options;

  ts_print_options_init (&options, TS_PRINT_ROSTER);
  assert_header_counts (fixture, &options, "参加者");
  options.organizer_copy = TRUE;
  assert_header_counts (fixture, &options, "参加者");
  options.compact = TRUE;
  assert_header_counts (fixture, &options, "参加者");
  options.organizer_copy = FALSE;
  assert_header_counts (fixture, &options, "参加者");
  ts_print_options_init (&options, TS_PRINT_ADDENDUM);
  assert_header_counts (fixture, &options, "当日参加");
}

/* Consent decides what others see; a person's own badge is theirs. The
 * badges of those not listed carry their name and nothing else. */
static void
test_badge_for_everyone (Fixture       *fixture,
                         gconstpointer  data)
{
  const TsSheet *sheet = ts_sheet_get (TS_SHEET_BUSINESS_CARD_10);
  TsPrintOptions options;
  g_autofree char *path = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(TestPdf) document = NULL;
  guint found = 0;

  ts_print_options_init (&options, TS_PRINT_BADGES);
  path = write_pdf (fixture, &options, "badges.pdf");
  numbers = read_numbers (path, sheet, 16);
  g_assert_true (g_hash_table_contains (numbers, test_unlisted.family));
  g_assert_true (g_hash_table_contains (numbers, "秘密"));

  document = ts_test_pdf_open (path);
  for (int p = 0; p < poppler_document_get_n_pages (document); p++)
    {
      TsTestPdfText page = { 0 };

      ts_test_pdf_text_load (&page, document, p);
      for (guint slot = 0; slot < ts_sheet_n_slots (sheet); slot++)
        {
          TsRect r = ts_sheet_slot_rect (sheet, slot, 0, 0);
          g_autoptr(GString) text = g_string_new (NULL);
          guint index = 0;

          for (const char *c = page.text; *c && index < page.n_boxes; c = g_utf8_next_char (c), index++)
            if (inside (&page.boxes[index], &r))
              g_string_append_unichar (text, g_utf8_get_char (c));
          if (strstr (text->str, test_unlisted.family) == NULL && strstr (text->str, "秘密") == NULL)
            continue;
          found++;
          g_assert_null (strstr (text->str, "ステーション"));
          g_assert_null (strstr (text->str, "当日会社"));
          g_assert_null (strstr (text->str, "職種"));
        }
      ts_test_pdf_text_clear (&page);
    }
  g_assert_cmpuint (found, ==, 2);
}

/* Every document says what it is, for whom and from whom. */
/* The language as a reader finds it: the last cross-reference section
 * names the catalog's offset, and the catalog says /Lang (ja). */
static void
assert_language_japanese (const char *path)
{
  g_autofree char *data = NULL;
  gsize length;
  const char *startxref, *xref, *object, *end;
  char *entry;
  guint64 root, offset;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  /* The trailer is text after the last binary stream. */
  startxref = data + length;
  while (startxref > data && startxref[-1] != '\0')
    startxref--;
  startxref = g_strrstr (startxref, "startxref");
  g_assert_nonnull (startxref);
  xref = data + g_ascii_strtoull (startxref + strlen ("startxref"), NULL, 10);
  g_assert_true (g_str_has_prefix (xref, "xref\n"));
  /* "R 1" then R's offset: the update holds the catalog alone. */
  root = g_ascii_strtoull (xref + strlen ("xref\n"), NULL, 10);
  offset = g_ascii_strtoull (strchr (xref + strlen ("xref\n"), '\n') + 1, NULL, 10);
  g_assert_cmpuint (offset, <, length);
  entry = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj", root);
  object = data + offset;
  g_assert_true (g_str_has_prefix (object, entry));
  g_free (entry);
  end = strstr (object, "endobj");
  g_assert_nonnull (end);
  entry = g_strndup (object, end - object);
  g_assert_nonnull (strstr (entry, "/Type /Catalog"));
  g_assert_nonnull (strstr (entry, "/Lang (ja)"));
  g_free (entry);
}

static void
test_metadata (Fixture       *fixture,
               gconstpointer  data)
{
  const TsPrintKind kinds[] = { TS_PRINT_ROSTER, TS_PRINT_CARDS, TS_PRINT_BADGES, TS_PRINT_ADDENDUM };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      TsPrintOptions options;
      g_autofree char *path = NULL;
      g_autoptr(TestPdf) document = NULL;
      g_autofree char *title = NULL, *author = NULL, *subject = NULL, *creator = NULL;

      ts_print_options_init (&options, kinds[i]);
      path = write_pdf (fixture, &options, "metadata.pdf");
      document = ts_test_pdf_open (path);
      title = poppler_document_get_title (document);
      author = poppler_document_get_author (document);
      subject = poppler_document_get_subject (document);
      creator = poppler_document_get_creator (document);
      g_assert_nonnull (strstr (title, ts_print_kind_title (kinds[i])));
      g_assert_nonnull (strstr (title, "試験医介塾"));
      g_assert_cmpstr (author, ==, "試験医介塾");
      g_assert_nonnull (strstr (subject, "第1回 試験の会"));
      g_assert_nonnull (strstr (subject, "2017年8月24日"));
      g_assert_cmpstr (creator, ==, "Tsudoi " PACKAGE_VERSION);
      g_assert_cmpint (poppler_document_get_n_pages (document), >, 0);
      assert_language_japanese (path);
    }
}

int
main (int    argc,
      char **argv)
{
  test_fixture_use_japanese ();
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/numbers/one-number-everywhere", Fixture, NULL, fixture_set_up,
              test_one_number_everywhere, fixture_tear_down);
  g_test_add ("/render/numbers/header-counts", Fixture, NULL, fixture_set_up,
              test_header_counts, fixture_tear_down);
  g_test_add ("/render/badges/everyone", Fixture, NULL, fixture_set_up,
              test_badge_for_everyone, fixture_tear_down);
  g_test_add ("/render/pdf/metadata", Fixture, NULL, fixture_set_up,
              test_metadata, fixture_tear_down);
  return g_test_run ();
}
