/* test-render-fixture.c: an event with people whose readings are traps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "test-render-fixture.h"
#include "ts-render.h"
#include "ts-test-support.h"

/* Voiced kana are a second-level difference (ごとう before こばやし,
 * ざいつ before さいとう, わだ before わたなべ), ー is the vowel before it
 * (オーノ sorts as おおの, after おおた), and katakana equals hiragana. */
const TestPerson test_people[] = {
  { "青木", "陽翔", "あおき", "はると", "full", "registered" },
  { "阿部", "結衣", "あべ", "ゆい", "full", "registered" },
  { "伊藤", "健", "いとう", "けん", "full", "attended" },
  { "上野", "さくら", "うえの", "さくら", "full", "registered" },
  { "遠藤", "大輝", "えんどう", "だいき", "full", "registered" },
  { "太田", "誠", "おおた", "まこと", "full", "registered" },
  { "大野", "博", "オーノ", "ヒロシ", "full", "registered" },
  { "岡田", "愛", "おかだ", "あい", "full", "walk-in" },
  { "加藤", "未来", "かとう", "みく", "full", "registered" },
  { "蒲生", "真", "がもう", "しん", "full", "registered" },
  { "木村", "亮", "きむら", "りょう", "full", "registered" },
  { "後藤", "明", "ごとう", "あきら", "full", "registered" },
  { "小林", "花", "こばやし", "はな", "full", "registered" },
  { "財津", "真理", "ざいつ", "まり", "full", "registered" },
  { "斎藤", "蓮", "さいとう", "れん", "full", "registered" },
  { "清水", "康太", "しみず", "こうた", "full", "registered" },
  { "鈴木", "悠人", "すずき", "ゆうと", "full", "registered" },
  { "高橋", "美桜", "たかはし", "みお", "full", "registered" },
  { "伊達", "政宗", "だて", "まさむね", "full", "registered" },
  { "辻", "遥", "つじ", "はるか", "full", "registered" },
  { "中村", "空", "なかむら", "そら", "name-organization", "registered" },
  { "西田", "優", "にしだ", "ゆう", "full", "registered" },
  { "橋本", "純", "はしもと", "じゅん", "full", "registered" },
  { "馬場", "英樹", "ばば", "ひでき", "full", "registered" },
  { "浜田", "七海", "はまだ", "ななみ", "full", "registered" },
  { "平野", "恵子", "ひらの", "けいこ", "full", "registered" },
  { "藤田", "洋子", "ふじた", "ようこ", "full", "registered" },
  { "松本", "聡", "まつもと", "さとし", "full", "registered" },
  { "山田", "太郎", "やまだ", "たろう", "full", "registered" },
  { "吉田", "千恵", "よしだ", "ちえ", "full", "registered" },
  { "和田", "翔", "わだ", "しょう", "full", "registered" },
  { "渡辺", "由紀", "わたなべ", "ゆき", "full", "registered" },
  /* No reading: after everyone who has one. */
  { "鰐淵", "一", NULL, NULL, "full", "registered" },
};
const guint test_n_people = G_N_ELEMENTS (test_people);
const TestPerson test_unlisted = { "非公開", "花子", "ひこうかい", "はなこ", "none", "registered" };

guint
test_fixture_n_printed (gboolean with_unlisted)
{
  return test_n_people + (with_unlisted ? 1 : 0);
}

/* The order of numbers, in which everything prints by default:
 * registrants in 五十音順 (ひこうかい between はまだ and ひらの, on cards
 * and badges, which everyone gets), then the walk-ins. */
const TestPerson *
test_fixture_print_order (guint    index,
                          gboolean with_unlisted)
{
  guint seen = 0;

  for (int walk_in = 0; walk_in < 2; walk_in++)
    for (guint i = 0; i < test_n_people; i++)
      {
        const TestPerson *p = &test_people[i];

        if ((g_strcmp0 (p->status, "walk-in") == 0) != walk_in)
          continue;
        if (with_unlisted && g_str_equal (p->family, "平野") && seen++ == index)
          return &test_unlisted;
        if (seen++ == index)
          return p;
      }
  g_return_val_if_reached (NULL);
}

gint64
test_fixture_event (TsRepository *repository,
                    const char   *title)
{
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (repository, "name", "試験医介塾",
                                                      "reading", "しけんいかいじゅく",
                                                      "region", "関東", NULL);
  g_autoptr(TsEvent) event = ts_test_add_event (repository, "chapter-id", chapter->id,
                                                "title", title,
                                                "starts-at", "2017-08-24T19:00",
                                                "venue", "居酒屋 つどい",
                                                "status", TS_EVENT_STATUS_PLANNED, NULL);

  return event->id;
}

static gint64
add_member (TsRepository *repository,
            gint64        event_id,
            const char   *family,
            const char   *given,
            const char   *family_reading,
            const char   *given_reading,
            const char   *consent,
            const char   *status,
            guint         index)
{
  g_autoptr(TsMember) member = NULL;
  g_autofree char *email = g_strdup_printf ("person%03u@example.jp", index);
  g_autofree char *phone = g_strdup_printf ("090-0000-%04u", index);
  g_autofree char *profession = g_strdup_printf ("職種%03u", index);
  g_autofree char *intro = g_strdup_printf ("紹介文%03u です。", index);

  member = ts_test_add_member (repository, "family-name", family, "given-name", given,
                               "family-reading", family_reading,
                               "given-reading", given_reading,
                               "organization", "つどい訪問看護ステーション",
                               "profession", profession, "email", email, "phone", phone,
                               "introduction", intro,
                               "consent", ts_enum_parse_nick (TS_TYPE_CONSENT, consent), NULL);
  ts_test_attend (repository, event_id, member->id,
                  ts_enum_parse_nick (TS_TYPE_ATTENDANCE_STATUS, status));
  return member->id;
}

/* The listed people, plus one who did not consent, one who cancelled and
 * one who did not come, all three of whom must never print for others. */
void
test_fixture_add_people (TsRepository *repository,
                         gint64        event_id)
{
  for (guint i = 0; i < test_n_people; i++)
    {
      const TestPerson *p = &test_people[i];

      add_member (repository, event_id, p->family, p->given, p->family_reading,
                  p->given_reading, p->consent, p->status, i);
    }
  add_member (repository, event_id, test_unlisted.family, test_unlisted.given,
              test_unlisted.family_reading, test_unlisted.given_reading, test_unlisted.consent,
              test_unlisted.status, 900);
  add_member (repository, event_id, "取消", "次郎", "とりけし", "じろう", "full",
              "cancelled", 901);
  add_member (repository, event_id, "欠席", "三郎", "けっせき", "さぶろう", "full",
              "no-show", 902);
}

void
test_fixture_add_many (TsRepository *repository,
                       gint64        event_id,
                       guint         n)
{
  static const char * const families[] = { "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺" };
  static const char * const readings[] = { "さとう", "すずき", "たかはし", "たなか", "いとう", "わたなべ" };

  ts_database_begin (ts_repository_get_database (repository), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *given = g_strdup_printf ("%u号", i + 1);
      g_autofree char *given_reading = g_strdup_printf ("%uごう", i + 1);

      add_member (repository, event_id, families[i % 6], given, readings[i % 6],
                  given_reading, "full", "registered", 1000 + i);
    }
  ts_database_commit (ts_repository_get_database (repository), NULL);
}

/* Printed output in Japanese, with the build's catalog: the tests read
 * back the Japanese a roster prints. */
void
test_fixture_use_japanese (void)
{
  setlocale (LC_ALL, "ja_JP.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Writes the event's PDF as @options ask into @dir/@name, failing the
 * test on error; a copy is kept for looking at when TSUDOI_RENDER_KEEP
 * names a folder. The job is handed out in @job_out when asked for. */
char *
test_fixture_write_pdf (TsRepository          *repository,
                        gint64                 event_id,
                        const TsPrintOptions  *options,
                        const char            *dir,
                        const char            *name,
                        TsPrintJob           **job_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsPrintJob) job = ts_print_job_load (repository, event_id, options, &error);
  char *path = g_build_filename (dir, name, NULL);
  const char *keep = g_getenv ("TSUDOI_RENDER_KEEP");

  g_assert_no_error (error);
  g_assert_nonnull (job);
  g_assert_true (ts_render_write_pdf (job, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (keep != NULL)
    {
      g_autofree char *copy = g_build_filename (keep, name, NULL);
      g_autoptr(GBytes) bytes = ts_test_read_file (path);

      g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
    }
  if (job_out != NULL)
    *job_out = g_steal_pointer (&job);
  return path;
}
