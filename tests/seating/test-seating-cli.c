/* test-seating-cli.c: tsudoi-cli seating on a real file: the CSV, the
 * plan stored and read back, locks, a walk-in placed, and the table plan
 * and cards read back from their PDFs, consent respected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-test-pdf.h"
#include "ts-test-support.h"

typedef struct {
  TsTestDb db;
  gint64   event_id;
  char    *event;       /* the id as an argument */
  gint64   secret_id;   /* consent none */
  gint64   half_id;     /* name and organization only */
  gint64   walk_in_id;  /* not registered yet */
} Fixture;

typedef struct {
  const char *family, *given, *family_reading, *given_reading;
  const char *organization, *profession;
  TsConsent   consent;
} Person;

/* Twelve people; three work at つどい病院, however it was typed. Only the
 * one who did not consent is a 弁護士 of 秘密商事, only the one who
 * allowed name and organization a 薬剤師. */
static const Person people[] = {
  { "青木", "一郎", "あおき", "いちろう", "つどい病院", "看護師", TS_CONSENT_FULL },
  { "石田", "二郎", "いしだ", "じろう", "ツドイ病院", "医師", TS_CONSENT_FULL },
  { "上田", "三郎", "うえだ", "さぶろう", "(株)つどい 病院", "介護福祉士", TS_CONSENT_FULL },
  { "江口", "四郎", "えぐち", "しろう", "蒲田訪問看護", "看護師", TS_CONSENT_FULL },
  { "大川", "五郎", "おおかわ", "ごろう", "蒲田クリニック", "医師", TS_CONSENT_FULL },
  { "加藤", "六子", "かとう", "むつこ", "大森包括", "社会福祉士", TS_CONSENT_FULL },
  { "木下", "七子", "きのした", "ななこ", "羽田デイ", "介護福祉士", TS_CONSENT_FULL },
  { "久保", "八子", "くぼ", "やつこ", "池上薬局", "看護師", TS_CONSENT_FULL },
  { "小林", "九子", "こばやし", "ここのこ", "雪谷居宅", "介護支援専門員", TS_CONSENT_FULL },
  { "佐野", "十子", "さの", "とおこ", "矢口リハ", "理学療法士", TS_CONSENT_FULL },
  { "秘密", "花子", "ひみつ", "はなこ", "秘密商事", "弁護士", TS_CONSENT_NONE },
  { "半分", "次郎", "はんぶん", "じろう", "半分工業", "薬剤師", TS_CONSENT_NAME_ORGANIZATION },
};

static gint64
add_person (TsRepository *repository,
            const Person *person)
{
  g_autoptr(TsMember) member = ts_test_add_member (repository,
    "family-name", person->family, "given-name", person->given,
    "family-reading", person->family_reading, "given-reading", person->given_reading,
    "organization", person->organization, "profession", person->profession,
    "consent", person->consent, NULL);

  return member->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  TsRepository *repository;
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;
  const Person walk_in = { "当日", "来子", "とうじつ", "きこ", "つどい病院", "医師", TS_CONSENT_FULL };

  ts_test_db_init (&fixture->db, "seating.db");
  repository = fixture->db.repository;
  chapter = ts_test_add_chapter (repository, "name", "大田医介塾", "reading", "おおたいかいじゅく",
                                 "region", "東京都", NULL);
  event = ts_test_add_event (repository, "chapter-id", chapter->id, "title", "第10回 大田医介塾",
                             "starts-at", "2026-12-17T19:00", NULL);
  fixture->event_id = event->id;
  fixture->event = g_strdup_printf ("%" G_GINT64_FORMAT, event->id);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 id = add_person (repository, &people[i]);

      ts_test_attend (repository, event->id, id, i % 2 ? TS_ATTENDANCE_STATUS_ATTENDED
                                                      : TS_ATTENDANCE_STATUS_REGISTERED);
      if (people[i].consent == TS_CONSENT_NONE)
        fixture->secret_id = id;
      if (people[i].consent == TS_CONSENT_NAME_ORGANIZATION)
        fixture->half_id = id;
    }
  fixture->walk_in_id = add_person (repository, &walk_in);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_free (fixture->event);
  ts_test_db_clear (&fixture->db);
}

/* tsudoi-cli seating --event E ARGS…: its standard output; the exit
 * status is @expected. */
static char *
run_seating (Fixture    *fixture,
             int         expected,
             char      **err_out,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list ap;
  int status;

  g_ptr_array_add (args, (char *) "seating");
  g_ptr_array_add (args, (char *) "--event");
  g_ptr_array_add (args, fixture->event);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  /* Room for the most arguments a test gives, the rest NULL. */
  g_assert_cmpuint (args->len, <, 12);
  while (args->len < 12)
    g_ptr_array_add (args, NULL);
  status = ts_test_run_cli (NULL, fixture->db.path, &out, &err,
                            args->pdata[0], args->pdata[1], args->pdata[2], args->pdata[3],
                            args->pdata[4], args->pdata[5], args->pdata[6], args->pdata[7],
                            args->pdata[8], args->pdata[9], args->pdata[10], args->pdata[11],
                            NULL);
  if (status != expected)
    g_error ("tsudoi-cli seating exited %d, not %d: %s", status, expected, err);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&err);
  return g_steal_pointer (&out);
}

typedef struct {
  guint  table;
  gint64 member;
  char  *name;
  char  *organization;
  char  *profession;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->name);
  g_free (row->organization);
  g_free (row->profession);
}

/* The CSV's rows under its header, which must be the documented one. */
static GArray *
parse_csv (const char *csv)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (Row));

  g_array_set_clear_func (rows, row_clear);
  g_assert_cmpstr (lines[0], ==, "table,member,name,organization,profession");
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], ",", -1);
      Row row;

      g_assert_cmpuint (g_strv_length (cells), ==, 5);
      row.table = (guint) g_ascii_strtoull (cells[0], NULL, 10);
      row.member = g_ascii_strtoll (cells[1], NULL, 10);
      row.name = g_strdup (cells[2]);
      row.organization = g_strdup (cells[3]);
      row.profession = g_strdup (cells[4]);
      g_array_append_val (rows, row);
    }
  return rows;
}

static guint
table_of (GArray *rows,
          gint64  member)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, Row, i).member == member)
      return g_array_index (rows, Row, i).table;
  g_assert_not_reached ();
}

/* One row a person, table by table; four at each of three tables; the
 * three of つどい病院 apart. */
static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *out = run_seating (fixture, 0, NULL, "--tables", "3", "--format", "csv", NULL);
  g_autoptr(GArray) rows = parse_csv (out);
  guint sizes[4] = { 0 }, hospital[4] = { 0 }, previous = 1;

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (people));
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      g_assert_cmpuint (row->table, >=, previous);
      g_assert_cmpuint (row->table, <=, 3);
      previous = row->table;
      sizes[row->table]++;
      if (strstr (row->organization, "病院") != NULL)
        hospital[row->table]++;
      if (row->member == fixture->secret_id)
        {
          g_assert_cmpstr (row->name, ==, "秘密　花子");
          g_assert_cmpstr (row->profession, ==, "弁護士");
        }
    }
  for (guint t = 1; t <= 3; t++)
    {
      g_assert_cmpuint (sizes[t], ==, 4);
      g_assert_cmpuint (hospital[t], ==, 1);
    }
}

/* The same seed gives the same plan, another seed another; the text
 * groups by table with each one's mix. */
static void
test_seeds_and_text (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *a = run_seating (fixture, 0, NULL, "--tables", "3", "--format", "csv", NULL);
  g_autofree char *b = run_seating (fixture, 0, NULL, "--tables", "3", "--format", "csv",
                                    "--seed", "1", NULL);
  g_autofree char *c = run_seating (fixture, 0, NULL, "--tables", "3", "--format", "csv",
                                    "--seed", "2", NULL);
  g_autofree char *text = run_seating (fixture, 0, NULL, "--tables", "3", NULL);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_nonnull (strstr (text, "Table 1 — 4 people · "));
  g_assert_nonnull (strstr (text, "Table 3 — 4 people · "));
  g_assert_nonnull (strstr (text, "Same organization at a table: 0 (unavoidable: 0)"));
}

static GArray *
stored_seats (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GArray *seats = ts_repository_read_seating (fixture->db.repository, fixture->event_id, &error);

  g_assert_no_error (error);
  return seats;
}

static guint
stored_table (GArray *seats,
              gint64  member)
{
  for (guint i = 0; i < seats->len; i++)
    if (g_array_index (seats, TsSeat, i).member_id == member)
      return g_array_index (seats, TsSeat, i).table;
  return 0;
}

/* --save stores the plan shown; without --tables it is shown again. A
 * new plan keeps the locked where they are. */
static void
test_save_and_lock (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *saved = run_seating (fixture, 0, NULL, "--tables", "3", "--seats", "4",
                                        "--save", "--format", "csv", NULL);
  g_autofree char *shown = run_seating (fixture, 0, NULL, "--format", "csv", NULL);
  g_autoptr(GArray) rows = parse_csv (saved);
  g_autoptr(GArray) seats = stored_seats (fixture);
  g_autoptr(GError) error = NULL;
  guint n_tables = 0, n_seats = 0;
  TsSeat lock = { fixture->half_id, 0, TRUE };

  g_assert_cmpstr (saved, ==, shown);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (stored_table (seats, g_array_index (rows, Row, i).member), ==,
                      g_array_index (rows, Row, i).table);
  g_assert_true (ts_repository_get_seating_size (fixture->db.repository, fixture->event_id,
                                                 &n_tables, &n_seats, &error));
  g_assert_cmpuint (n_tables, ==, 3);
  g_assert_cmpuint (n_seats, ==, 4);

  lock.table = table_of (rows, fixture->half_id) % 3 + 1;
  g_assert_true (ts_repository_set_seat (fixture->db.repository, fixture->event_id, &lock, &error));
  for (guint seed = 1; seed <= 5; seed++)
    {
      g_autofree char *seed_text = g_strdup_printf ("%u", seed);
      g_autofree char *csv = run_seating (fixture, 0, NULL, "--tables", "3", "--seed", seed_text,
                                          "--save", "--format", "csv", NULL);
      g_autoptr(GArray) replanned = parse_csv (csv);
      g_autoptr(GArray) again = stored_seats (fixture);

      g_assert_cmpuint (table_of (replanned, fixture->half_id), ==, lock.table);
      g_assert_cmpuint (stored_table (again, fixture->half_id), ==, lock.table);
    }
}

/* A walk-in goes to a table with a free seat, away from their colleagues
 * of つどい病院, and nobody else moves. */
static void
test_place_walk_in (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *saved = run_seating (fixture, 0, NULL, "--tables", "4", "--save",
                                        "--format", "csv", NULL);
  g_autoptr(GArray) before = parse_csv (saved);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->walk_in_id);
  g_autofree char *placed = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GArray) after = NULL;
  guint table, hospital = 0;

  /* Not on the list yet: refused. */
  g_free (run_seating (fixture, 1, &err, "--place", id, NULL));
  g_assert_nonnull (strstr (err, "not on the event"));
  ts_test_attend (fixture->db.repository, fixture->event_id, fixture->walk_in_id,
                  TS_ATTENDANCE_STATUS_WALK_IN);
  /* Registered after the plan was stored: shown, not seated yet. */
  {
    g_autofree char *csv = run_seating (fixture, 0, NULL, "--format", "csv", NULL);
    g_autofree char *text = run_seating (fixture, 0, NULL, NULL);
    g_autoptr(GArray) rows = parse_csv (csv);

    g_assert_cmpuint (table_of (rows, fixture->walk_in_id), ==, 0);
    g_assert_nonnull (strstr (text, "Not seated yet — 1 person"));
  }
  placed = run_seating (fixture, 0, NULL, "--place", id, NULL);
  g_assert_true (g_str_has_prefix (placed, "当日　来子: table "));
  after = stored_seats (fixture);
  table = stored_table (after, fixture->walk_in_id);
  g_assert_cmpuint (table, >=, 1);
  g_assert_cmpuint (table, <=, 4);
  for (guint i = 0; i < before->len; i++)
    {
      Row *row = &g_array_index (before, Row, i);

      g_assert_cmpuint (stored_table (after, row->member), ==, row->table);
      if (row->table == table && strstr (row->organization, "病院") != NULL)
        hospital++;
    }
  g_assert_cmpuint (hospital, ==, 0);

  /* Locked elsewhere by the organizer: placing again keeps them there. */
  {
    TsSeat lock = { fixture->walk_in_id, table % 4 + 1, TRUE };
    g_autoptr(GError) error = NULL;
    g_autofree char *again = NULL;
    g_autofree char *expected = g_strdup_printf ("当日　来子: table %u\n", lock.table);
    g_autoptr(GArray) seats = NULL;

    g_assert_true (ts_repository_set_seat (fixture->db.repository, fixture->event_id, &lock, &error));
    again = run_seating (fixture, 0, NULL, "--place", id, NULL);
    g_assert_cmpstr (again, ==, expected);
    seats = stored_seats (fixture);
    g_assert_cmpuint (stored_table (seats, fixture->walk_in_id), ==, lock.table);
  }
}

/* More people than seats: exit 1, a reason, and nothing stored. */
static void
test_no_room (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *usage = NULL;
  g_autoptr(GArray) seats = NULL;
  g_autoptr(GError) error = NULL;
  guint n_tables = 9, n_seats = 9;

  g_free (run_seating (fixture, 1, &err, "--tables", "2", "--seats", "5", "--save", NULL));
  g_assert_nonnull (strstr (err, "12 people do not fit at 2 tables of 5 seats"));
  seats = stored_seats (fixture);
  for (guint i = 0; i < seats->len; i++)
    g_assert_cmpuint (g_array_index (seats, TsSeat, i).table, ==, 0);
  g_assert_true (ts_repository_get_seating_size (fixture->db.repository, fixture->event_id,
                                                 &n_tables, &n_seats, &error));
  g_assert_cmpuint (n_tables, ==, 0);
  /* No plan stored, none asked for. */
  g_free (run_seating (fixture, 2, &usage, NULL));
  g_assert_nonnull (strstr (usage, "--tables"));
}

static char *
page_text (TestPdf *document,
           int      index)
{
  TsTestPdfText text = { 0 };
  GString *flat = g_string_new (NULL);

  ts_test_pdf_text_load (&text, document, index);
  for (const char *c = text.text; *c; c = g_utf8_next_char (c))
    if (!g_unichar_isspace (g_utf8_get_char (c)) && g_utf8_get_char (c) != 0x3000)
      g_string_append_unichar (flat, g_utf8_get_char (c));
  ts_test_pdf_text_clear (&text);
  return g_string_free (flat, FALSE);
}

/* The plan names everyone under their table, with readings and
 * professions, except what two people did not allow; each table card
 * carries its number and the names seated there. */
static void
test_pdfs (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *plan = g_build_filename (fixture->db.dir, "plan.pdf", NULL);
  g_autofree char *cards = g_build_filename (fixture->db.dir, "cards.pdf", NULL);
  g_autofree char *csv = run_seating (fixture, 0, NULL, "--tables", "3", "--format", "csv",
                                      "-o", plan, "--cards", cards, NULL);
  g_autoptr(GArray) rows = parse_csv (csv);
  g_autoptr(TestPdf) plan_pdf = ts_test_pdf_open (plan);
  g_autoptr(TestPdf) cards_pdf = ts_test_pdf_open (cards);
  g_autofree char *text = page_text (plan_pdf, 0);

  g_assert_cmpint (poppler_document_get_n_pages (plan_pdf), ==, 1);
  for (guint t = 1; t <= 3; t++)
    {
      g_autofree char *label = g_strdup_printf ("Table%u", t);

      g_assert_nonnull (strstr (text, label));
    }
  /* Each part on its own: poppler reads the boxes' columns interleaved. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_assert_nonnull (strstr (text, people[i].family));
      g_assert_nonnull (strstr (text, people[i].given));
    }
  g_assert_nonnull (strstr (text, "あおき"));
  g_assert_nonnull (strstr (text, "理学療法士"));
  /* Consent none: the name alone. Name and organization: no profession. */
  g_assert_null (strstr (text, "ひみつ"));
  g_assert_null (strstr (text, "弁護士"));
  g_assert_null (strstr (text, "秘密商事"));
  g_assert_nonnull (strstr (text, "はんぶん"));
  g_assert_null (strstr (text, "薬剤師"));
  /* Nobody came before: the ten who allowed it carry the first-time mark,
   * the two others not (it is attendance history). */
  {
    guint marks = 0;

    for (const char *p = text; (p = strstr (p, "Firsttime")) != NULL; p++)
      marks++;
    g_assert_cmpuint (marks, ==, 10);
  }

  g_assert_cmpint (poppler_document_get_n_pages (cards_pdf), ==, 3);
  for (guint t = 1; t <= 3; t++)
    {
      g_autofree char *card = page_text (cards_pdf, t - 1);
      g_autofree char *number = g_strdup_printf ("%u", t);

      g_assert_nonnull (strstr (card, number));
      for (guint i = 0; i < rows->len; i++)
        {
          Row *row = &g_array_index (rows, Row, i);
          g_auto(GStrv) parts = g_strsplit (row->name, "\u3000", 2);

          /* Family names are all different here. */
          g_assert_true ((strstr (card, parts[0]) != NULL) == (row->table == t));
        }
      g_assert_null (strstr (card, "弁護士"));
    }
}

/* "山〇四二" for 42: a name no other contains. */
static char *
crowd_name (guint n)
{
  static const char * const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  return g_strconcat ("山", digits[n / 100 % 10], digits[n / 10 % 10], digits[n % 10], NULL);
}

/* A hundred people at thirteen tables: the plan is one page with
 * everyone on it, the cards one page a table. */
static void
test_crowd (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TsEvent) event = ts_test_add_event (fixture->db.repository, "chapter-id",
                                                (gint64) 1, "title", "大忘年会",
                                                "starts-at", "2026-12-24T19:00", NULL);
  g_autofree char *plan = g_build_filename (fixture->db.dir, "crowd.pdf", NULL);
  g_autofree char *cards = g_build_filename (fixture->db.dir, "crowd-cards.pdf", NULL);
  g_autoptr(TestPdf) plan_pdf = NULL;
  g_autoptr(TestPdf) cards_pdf = NULL;
  g_autofree char *text = NULL;

  g_free (fixture->event);
  fixture->event = g_strdup_printf ("%" G_GINT64_FORMAT, event->id);
  for (guint n = 1; n <= 100; n++)
    {
      g_autofree char *name = crowd_name (n);
      g_autofree char *organization = g_strdup_printf ("事業所%u", n % 20);
      g_autoptr(TsMember) member = ts_test_add_member (fixture->db.repository,
        "family-name", name, "organization", organization,
        "profession", people[n % G_N_ELEMENTS (people)].profession, NULL);

      ts_test_attend (fixture->db.repository, event->id, member->id, TS_ATTENDANCE_STATUS_REGISTERED);
    }
  g_free (run_seating (fixture, 0, NULL, "--tables", "13", "-o", plan, "--cards", cards, NULL));
  plan_pdf = ts_test_pdf_open (plan);
  cards_pdf = ts_test_pdf_open (cards);
  g_assert_cmpint (poppler_document_get_n_pages (plan_pdf), ==, 1);
  g_assert_cmpint (poppler_document_get_n_pages (cards_pdf), ==, 13);
  text = page_text (plan_pdf, 0);
  for (guint n = 1; n <= 100; n++)
    {
      g_autofree char *name = crowd_name (n);

      g_assert_nonnull (strstr (text, name));
    }
  g_assert_nonnull (strstr (text, "Table13"));
  g_assert_nonnull (strstr (text, "8people"));
  g_assert_nonnull (strstr (text, "7people"));
}

/* In Japanese: テーブル 1, and the counter 人. */
static void
test_japanese (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(GStrv) env = ts_test_cli_environ ("ja_JP.UTF-8");
  g_autofree char *plan = g_build_filename (fixture->db.dir, "plan-ja.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (ts_test_run_cli (env, fixture->db.path, &out, &err, "seating", "--event",
                                    fixture->event, "--tables", "3", "-o", plan, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "テーブル 1 — 4 人"));
  document = ts_test_pdf_open (plan);
  text = page_text (document, 0);
  g_assert_nonnull (strstr (text, "席次表"));
  g_assert_nonnull (strstr (text, "テーブル1"));
  g_assert_nonnull (strstr (text, "4人"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/seating-cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("csv", test_csv);
  ADD ("seeds-and-text", test_seeds_and_text);
  ADD ("save-and-lock", test_save_and_lock);
  ADD ("place-walk-in", test_place_walk_in);
  ADD ("no-room", test_no_room);
  ADD ("pdfs", test_pdfs);
  ADD ("crowd", test_crowd);
  ADD ("japanese", test_japanese);
#undef ADD
  return g_test_run ();
}
