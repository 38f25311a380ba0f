/* test-validate.c: rules with messages before saving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-support.h"
#include "ts-validate.h"

static void
test_member (void)
{
  g_autoptr(TsMember) member = ts_member_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (ts_validate_member (member, &error));
  g_assert_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_NAME);
  g_clear_error (&error);

  g_object_set (member, "family-name", "山田", "family-reading", "山田", NULL);
  g_assert_false (ts_validate_member (member, &error));
  g_assert_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_READING);
  g_clear_error (&error);

  /* The given name's reading has its own code: a form points at it. */
  g_object_set (member, "family-reading", "やまだ", "given-reading", "Taro", NULL);
  g_assert_false (ts_validate_member (member, &error));
  g_assert_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_GIVEN_READING);
  g_clear_error (&error);

  g_object_set (member, "family-reading", "ﾔﾏﾀﾞ", "given-reading", "", "email", "090-1234-5678",
                NULL);
  g_assert_false (ts_validate_member (member, &error));
  g_assert_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_EMAIL);
  g_clear_error (&error);

  g_object_set (member, "email", "yamada@example.jp", NULL);
  g_assert_true (ts_validate_member (member, &error));
  g_assert_no_error (error);
}

static void
test_email (void)
{
  g_assert_true (ts_validate_email (""));
  g_assert_true (ts_validate_email ("a.b+c@mail.example.co.jp"));
  g_assert_false (ts_validate_email ("a@b"));
  g_assert_false (ts_validate_email ("@example.jp"));
  g_assert_false (ts_validate_email ("a b@example.jp"));
  g_assert_false (ts_validate_email ("やまだ@example.jp"));
}

static void
test_event (void)
{
  g_autoptr(TsEvent) event = ts_event_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (event, "chapter-id", (gint64) 1, "starts-at", "2017-02-30T19:00", NULL);
  g_assert_false (ts_validate_event (event, &error));
  g_assert_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_DATE);
  g_clear_error (&error);

  g_object_set (event, "starts-at", "2017-08-24T19:00", "ends-at", "2017-08-24T18:00", NULL);
  g_assert_false (ts_validate_event (event, &error));
  g_assert_error (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_END);
  g_clear_error (&error);

  g_object_set (event, "ends-at", "2017-08-24T21:00", NULL);
  g_assert_true (ts_validate_event (event, &error));
}

static void
test_split_name (void)
{
  const char *cases[][3] = {
    { "山田 太郎", "山田", "太郎" },
    { "山田　太郎", "山田", "太郎" },
    { " 山田　　太郎 ", "山田", "太郎" },
    { "山田", "山田", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *family = NULL, *given = NULL;
      g_assert_true (ts_split_full_name (cases[i][0], &family, &given));
      g_assert_cmpstr (family, ==, cases[i][1]);
      g_assert_cmpstr (given, ==, cases[i][2]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/member", test_member);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/event", test_event);
  g_test_add_func ("/validate/split-name", test_split_name);
  return g_test_run ();
}
