/* test-text.c: search keys and 五十音順 sort keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-support.h"
#include "ts-text.h"
#include "ts-text-clean.h"

static void
test_search_key_folds_kana (void)
{
  const char *forms[] = { "ﾔﾏﾀﾞ", "ヤマダ", "やまだ", "ヤ マ ダ", "やまだ　" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_autofree char *key = ts_text_search_key (forms[i]);
      g_assert_cmpstr (key, ==, "やまだ");
    }
}

static void
test_search_key_folds_width_and_case (void)
{
  g_autofree char *a = ts_text_search_key ("ＴＡＲＯ Yamada");
  g_autofree char *b = ts_text_search_key ("㈱さくら");
  g_autofree char *c = ts_text_search_key ("ｹｱﾏﾈｼﾞｬｰ");

  g_assert_cmpstr (a, ==, "taroyamada");
  g_assert_cmpstr (b, ==, "(株)さくら");
  g_assert_cmpstr (c, ==, "けあまねじゃー");
}

/* One character whose NFKC form is 18 letters long: the buffer must grow
 * (found by fuzzing the import's header mapping). */
static void
test_search_key_long_expansion (void)
{
  g_autofree char *one = ts_text_search_key ("\uFDFA");
  g_autofree char *many = ts_text_search_key ("\uFDFA\uFDFA\uFDFA氏名");

  g_assert_cmpuint (g_utf8_strlen (one, -1), ==, 15);   /* spaces removed */
  g_assert_true (g_str_has_suffix (many, "氏名"));
}

static void
test_search_key_join_separates_fields (void)
{
  const char *fields[] = { "山田 太郎", "やまだ たろう", "", "看護師", NULL };
  g_autofree char *key = ts_text_search_key_join (fields);

  g_assert_cmpstr (key, ==, "山田太郎\x1fやまだたろう\x1f看護師");
  g_assert_true (ts_text_search_matches (key, "たろう"));
  /* The end of one field and the start of the next are not one word. */
  g_assert_false (ts_text_search_matches (key, "たろう看"));
}

typedef struct { const char *name, *reading; } Person;

/* In the expected order. Traps: voiced kana are a second-level difference
 * (わだ before わたなべ, ごとう before こばやし, はしもと before ばば before
 * はまだ), ー is the vowel before it (オーノ = おおの, after おおた), half-width
 * kana sort with the rest (ｻﾄｳ after さいとう), a shorter reading first (ひが
 * before ひがし), and no reading at all goes last. */
static const Person expected[] = {
  { "青木", "あおき" }, { "阿部", "あべ" }, { "池田", "いけだ" },
  { "伊藤", "いとう" }, { "上野", "うえの" }, { "遠藤", "えんどう" },
  { "太田", "おおた" }, { "大野", "オーノ" }, { "小川", "おがわ" },
  { "加藤", "かとう" }, { "木村", "きむら" }, { "工藤", "くどう" },
  { "河野", "こうの" }, { "後藤", "ごとう" }, { "小林", "こばやし" },
  { "近藤", "こんどう" }, { "斎藤", "さいとう" }, { "佐藤", "ｻﾄｳ" },
  { "鈴木", "すずき" }, { "高橋", "たかはし" }, { "田中", "たなか" },
  { "千葉", "ちば" }, { "土屋", "つちや" }, { "中島", "なかじま" },
  { "中村", "なかむら" }, { "野口", "のぐち" }, { "橋本", "はしもと" },
  { "馬場", "ばば" }, { "浜田", "はまだ" }, { "比嘉", "ひが" },
  { "東", "ひがし" }, { "藤田", "ふじた" }, { "前田", "まえだ" },
  { "森", "もり" }, { "山崎", "やまざき" }, { "山田", "ヤマダ" },
  { "和田", "わだ" }, { "渡辺", "わたなべ" }, { "亜", "" },
};

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const Person *pa = *(const Person **) a, *pb = *(const Person **) b;
  g_autoptr(GBytes) ka = ts_text_sort_key (pa->reading, pa->name);
  g_autoptr(GBytes) kb = ts_text_sort_key (pb->reading, pb->name);

  return ts_text_compare_keys (ka, kb);
}

static void
test_reading_order (void)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  guint n = G_N_ELEMENTS (expected);

  g_assert_cmpuint (n, >=, 30);
  /* Shuffle deterministically, then sort. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (people, (gpointer) &expected[(i * 17) % n]);
  g_ptr_array_sort (people, compare_people);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (((Person *) people->pdata[i])->name, ==, expected[i].name);
}

static void
test_reading_decides_not_kanji (void)
{
  /* 渡 sorts before 和 by code, but わだ comes before わたなべ. */
  g_autoptr(GBytes) wada = ts_text_sort_key ("わだ", "和田");
  g_autoptr(GBytes) watanabe = ts_text_sort_key ("わたなべ", "渡辺");
  /* Same reading: the name breaks the tie, stably. */
  g_autoptr(GBytes) a = ts_text_sort_key ("やまだ", "山田");
  g_autoptr(GBytes) b = ts_text_sort_key ("やまだ", "山多");
  /* Hiragana and katakana readings are the same reading first. */
  g_autoptr(GBytes) hira = ts_text_sort_key ("さとう じろう", "佐藤 次郎");
  g_autoptr(GBytes) kata = ts_text_sort_key ("サトウ ハナコ", "佐藤 花子");

  g_assert_cmpint (ts_text_compare_keys (wada, watanabe), <, 0);
  g_assert_cmpint (ts_text_compare_keys (a, b), !=, 0);
  g_assert_cmpint (ts_text_compare_keys (hira, kata), <, 0);
}

static void
test_is_kana (void)
{
  g_assert_true (ts_text_is_kana ("やまだ たろう"));
  g_assert_true (ts_text_is_kana ("ヤマダ　タロウ"));
  g_assert_true (ts_text_is_kana ("ﾔﾏﾀﾞ ﾀﾛｳ"));
  g_assert_true (ts_text_is_kana ("オーノ"));
  g_assert_true (ts_text_is_kana (""));
  g_assert_false (ts_text_is_kana ("山田"));
  g_assert_false (ts_text_is_kana ("yamada"));
}

static void
check_clean (const char *text,
             gboolean    multi_line,
             const char *expected)
{
  g_autofree char *clean = ts_text_clean (text, multi_line);

  g_assert_cmpstr (clean, ==, expected);
}

/* Terminal escapes, C1 controls and DEL go; what is left is the text. */
static void
test_clean_controls (void)
{
  check_clean ("山田\x1b]0;pwned\x07太郎", FALSE, "山田]0;pwned太郎");
  check_clean ("\x1b[2J\x1b[31m佐藤\x1b[0m", FALSE, "[2J[31m佐藤[0m");
  check_clean ("a\x7f" "b\xc2\x9b" "c\x01" "d", FALSE, "abcd");
  check_clean ("a\x7f" "b\xc2\x9b" "c\x01" "d", TRUE, "abcd");
  check_clean ("\xc2\x85", TRUE, "\n");       /* NEL is a line break */
  check_clean (NULL, FALSE, "");
  check_clean ("山田\xff太郎", FALSE, "山田\xef\xbf\xbd太郎");
  /* What Japanese names and notes are made of stays as it is. */
  check_clean ("髙橋　﨑子 ㈱つどい ①〜⑩ 𠮷野家 👩‍⚕️", FALSE, "髙橋　﨑子 ㈱つどい ①〜⑩ 𠮷野家 👩‍⚕️");
}

/* Direction overrides, embeddings, isolates and marks: a name printed
 * backwards on the roster, or one that looks like another but does not
 * match it. */
static void
test_clean_bidi (void)
{
  check_clean ("\u202e子花 藤佐", FALSE, "子花 藤佐");
  check_clean ("a\u202ab\u202bc\u202cd\u202de\u2066f\u2067g\u2068h\u2069i", FALSE,
               "abcdefghi");
  check_clean ("\u200e佐藤\u200f\u061c", TRUE, "佐藤");
  check_clean ("a\u200db", FALSE, "a\u200db");   /* ZWJ joins emoji: kept */
}

/* Multi-line text keeps its lines, as LF; single-line text has none. */
static void
test_clean_line_breaks (void)
{
  check_clean ("一行目\r\n二行目\r三行目\n四行目\u2028五", TRUE,
               "一行目\n二行目\n三行目\n四行目\n五");
  check_clean ("\t字下げ\r\n\r\n", TRUE, "\t字下げ\n\n");
  check_clean ("山田\r\n太郎", FALSE, "山田 太郎");
  check_clean ("\r\n山田\n\n\t太郎\r\n", FALSE, "山田 太郎");
  check_clean ("山田　\n太郎", FALSE, "山田　太郎");
  check_clean ("山田 \r\n 太郎", FALSE, "山田  太郎");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/search-key/kana", test_search_key_folds_kana);
  g_test_add_func ("/text/search-key/width-case", test_search_key_folds_width_and_case);
  g_test_add_func ("/text/search-key/join", test_search_key_join_separates_fields);
  g_test_add_func ("/text/search-key/long-expansion", test_search_key_long_expansion);
  g_test_add_func ("/text/sort-key/order", test_reading_order);
  g_test_add_func ("/text/sort-key/reading-decides", test_reading_decides_not_kanji);
  g_test_add_func ("/text/is-kana", test_is_kana);
  g_test_add_func ("/text/clean/controls", test_clean_controls);
  g_test_add_func ("/text/clean/bidi", test_clean_bidi);
  g_test_add_func ("/text/clean/line-breaks", test_clean_line_breaks);
  return g_test_run ();
}
