/* test-help.c: where F1 goes. With yelp, help:tsudoi; without it, the
 * HTML pages of the user's language in the browser, English when there
 * are none in theirs. Then the HTML the build wrote: translated, with
 * the check-in page first. No yelp or browser is started.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <string.h>

#include "ts-help.h"
#include "ts-test-support.h"

static const char *const japanese[] = { "ja_JP.UTF-8", "ja_JP", "ja", "C", NULL };
static const char *const english[] = { "en_US.UTF-8", "en_US", "en", "C", NULL };

/* html_dir/LANG/index.html for each of @langs. */
static char *
make_html (const char *const *langs)
{
  char *dir = ts_test_make_temp_dir ();

  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autofree char *sub = g_build_filename (dir, langs[i], NULL);
      g_autofree char *index = g_build_filename (sub, "index.html", NULL);

      g_assert_cmpint (g_mkdir_with_parents (sub, 0700), ==, 0);
      g_assert_true (g_file_set_contents (index, "<html/>", -1, NULL));
    }
  return dir;
}

static void
assert_uri_is (const char *uri,
               const char *dir,
               const char *lang)
{
  g_autofree char *index = g_build_filename (dir, lang, "index.html", NULL);
  g_autofree char *expected = g_filename_to_uri (index, NULL, NULL);

  g_assert_cmpstr (uri, ==, expected);
}

static void
test_yelp_present (void)
{
  const char *const langs[] = { "C", "ja", NULL };
  g_autofree char *dir = make_html (langs);
  g_autofree char *ja = ts_help_pick_uri (japanese, dir, TRUE);
  g_autofree char *en = ts_help_pick_uri (english, dir, TRUE);

  /* yelp picks the language itself, from the same environment. */
  g_assert_cmpstr (ja, ==, "help:tsudoi");
  g_assert_cmpstr (en, ==, "help:tsudoi");
  ts_test_remove_dir (dir);
}

static void
test_yelp_absent (void)
{
  const char *const langs[] = { "C", "ja", NULL };
  g_autofree char *dir = make_html (langs);
  g_autofree char *ja = ts_help_pick_uri (japanese, dir, FALSE);
  g_autofree char *en = ts_help_pick_uri (english, dir, FALSE);

  assert_uri_is (ja, dir, "ja");
  assert_uri_is (en, dir, "C");
  ts_test_remove_dir (dir);
}

/* A language without its own pages falls back to English; no pages at
 * all leaves it to the desktop. */
static void
test_fallbacks (void)
{
  const char *const only_c[] = { "C", NULL };
  const char *const french[] = { "fr_FR.UTF-8", "fr", NULL };
  g_autofree char *dir = make_html (only_c);
  g_autofree char *empty = ts_test_make_temp_dir ();
  g_autofree char *ja = ts_help_pick_uri (japanese, dir, FALSE);
  g_autofree char *fr = ts_help_pick_uri (french, dir, FALSE);
  g_autofree char *none = ts_help_pick_uri (japanese, empty, FALSE);

  assert_uri_is (ja, dir, "C");
  assert_uri_is (fr, dir, "C");
  g_assert_cmpstr (none, ==, "help:tsudoi");
  ts_test_remove_dir (dir);
  ts_test_remove_dir (empty);
}

static char *
read_built_page (const char *lang,
                 const char *page)
{
  g_autofree char *dir = ts_help_html_dir ();
  g_autofree char *path = g_build_filename (dir, lang, page, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* What yelp-build wrote into the build folder, found the way the app
 * finds it ($TSUDOI_HELP_DIR). */
static void
test_built_html (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *ja = NULL;
  g_autofree char *c = NULL;
  g_autofree char *ja_index = NULL;
  g_autofree char *c_index = NULL;

#ifndef HELP_HTML_DIR
  g_test_skip ("The HTML help was not built (no yelp-build or itstool)");
  return;
#else
  g_setenv ("TSUDOI_HELP_DIR", HELP_HTML_DIR, TRUE);
#endif
  dir = ts_help_html_dir ();
  uri = ts_help_pick_uri (japanese, dir, FALSE);
  assert_uri_is (uri, dir, "ja");

  ja = read_built_page ("ja", "check-in.html");
  c = read_built_page ("C", "check-in.html");
  g_assert_nonnull (strstr (ja, "当日の受付"));
  g_assert_null (strstr (ja, "Check people in at the door"));
  g_assert_nonnull (strstr (c, "Check people in at the door"));

  /* The organizer's month starts at the door. */
  ja_index = read_built_page ("ja", "index.html");
  c_index = read_built_page ("C", "index.html");
  g_assert_nonnull (strstr (c_index, "check-in.html"));
  g_assert_true (strstr (c_index, "check-in.html") < strstr (c_index, "prepare-event.html"));
  g_assert_true (strstr (ja_index, "check-in.html") < strstr (ja_index, "prepare-event.html"));
  g_assert_true (strstr (c_index, "prepare-event.html") < strstr (c_index, "backup.html"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/help/yelp-present", test_yelp_present);
  g_test_add_func ("/help/yelp-absent", test_yelp_absent);
  g_test_add_func ("/help/fallbacks", test_fallbacks);
  g_test_add_func ("/help/built-html", test_built_html);
  return g_test_run ();
}
