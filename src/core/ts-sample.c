/* ts-sample.c: deterministic sample data for trying the app, tests and benchmarks.
 *
 * A seeded generator: the same options give the same people, events and
 * attendance. Members have habits (regular, occasional, lapsed, newcomer)
 * so that the regulars analysis has something true to find; real-looking
 * Japanese names come with their readings, as an organizer would type them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-sample"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-directory.h"
#include "ts-sample.h"

typedef struct { const char *name, *reading; } Named;

static const Named family_names[] = {
  { "佐藤", "さとう" }, { "鈴木", "すずき" }, { "高橋", "たかはし" },
  { "田中", "たなか" }, { "伊藤", "いとう" }, { "渡辺", "わたなべ" },
  { "山本", "やまもと" }, { "中村", "なかむら" }, { "小林", "こばやし" },
  { "加藤", "かとう" }, { "吉田", "よしだ" }, { "山田", "やまだ" },
  { "佐々木", "ささき" }, { "山口", "やまぐち" }, { "松本", "まつもと" },
  { "井上", "いのうえ" }, { "木村", "きむら" }, { "林", "はやし" },
  { "斎藤", "さいとう" }, { "清水", "しみず" }, { "山崎", "やまざき" },
  { "森", "もり" }, { "池田", "いけだ" }, { "橋本", "はしもと" },
  { "阿部", "あべ" }, { "石川", "いしかわ" }, { "山下", "やました" },
  { "中島", "なかじま" }, { "小川", "おがわ" }, { "前田", "まえだ" },
  { "岡田", "おかだ" }, { "長谷川", "はせがわ" }, { "藤田", "ふじた" },
  { "後藤", "ごとう" }, { "近藤", "こんどう" }, { "村上", "むらかみ" },
  { "遠藤", "えんどう" }, { "青木", "あおき" }, { "坂本", "さかもと" },
  { "和田", "わだ" }, { "髙橋", "たかはし" }, { "大野", "おおの" },
  { "太田", "おおた" }, { "工藤", "くどう" }, { "原田", "はらだ" },
  { "上野", "うえの" }, { "菅原", "すがわら" }, { "久保", "くぼ" },
  { "野口", "のぐち" }, { "宮崎", "みやざき" }, { "河野", "こうの" },
  { "東", "ひがし" }, { "千葉", "ちば" }, { "土屋", "つちや" },
  { "比嘉", "ひが" }, { "金城", "きんじょう" }, { "浜田", "はまだ" },
  { "大塚", "おおつか" }, { "岩崎", "いわさき" }, { "早川", "はやかわ" },
};

static const Named given_names[] = {
  { "太郎", "たろう" }, { "花子", "はなこ" }, { "健一", "けんいち" },
  { "裕子", "ゆうこ" }, { "誠", "まこと" }, { "恵子", "けいこ" },
  { "大輔", "だいすけ" }, { "美穂", "みほ" }, { "翔太", "しょうた" },
  { "由美", "ゆみ" }, { "浩二", "こうじ" }, { "直美", "なおみ" },
  { "拓也", "たくや" }, { "智子", "ともこ" }, { "亮", "りょう" },
  { "真由美", "まゆみ" }, { "修", "おさむ" }, { "陽子", "ようこ" },
  { "剛", "つよし" }, { "明美", "あけみ" }, { "悠斗", "ゆうと" },
  { "さくら", "さくら" }, { "隆", "たかし" }, { "久美子", "くみこ" },
  { "和也", "かずや" }, { "理恵", "りえ" }, { "雄一", "ゆういち" },
  { "香織", "かおり" }, { "哲也", "てつや" }, { "純子", "じゅんこ" },
  { "慎吾", "しんご" }, { "彩", "あや" }, { "昌平", "しょうへい" },
  { "千尋", "ちひろ" }, { "正樹", "まさき" }, { "紀子", "のりこ" },
  { "勇気", "ゆうき" }, { "舞", "まい" }, { "聡", "さとし" },
  { "祐介", "ゆうすけ" },
};

typedef struct {
  const char *suffix;
  const char *profession;
  const char *introduction;
} Workplace;

static const Workplace workplaces[] = {
  { "居宅介護支援事業所", "介護支援専門員(ケアマネジャー)",
    "居宅のケアマネをしています。在宅で暮らし続けたい方の支援に力を入れています。" },
  { "訪問看護ステーション", "看護師",
    "訪問看護で在宅の療養を支えています。看取りまで関わることも多いです。" },
  { "クリニック", "医師",
    "在宅医療を中心とした診療所です。多職種の連携を大切にしています。" },
  { "総合病院", "医療ソーシャルワーカー",
    "病院の地域連携室で退院支援をしています。退院後の暮らしを一緒に考えます。" },
  { "薬局", "薬剤師",
    "在宅訪問もする薬局の薬剤師です。お薬のことなら何でもご相談ください。" },
  { "デイサービス", "介護福祉士",
    "デイサービスの生活相談員です。利用者さんの笑顔が励みです。" },
  { "訪問介護", "訪問介護員(ヘルパー)",
    "ヘルパーとして毎日ご自宅に伺っています。" },
  { "リハビリクリニック", "理学療法士",
    "訪問リハビリで、できることを増やすお手伝いをしています。" },
  { "地域包括支援センター", "社会福祉士",
    "地域包括支援センターで高齢者の総合相談を受けています。" },
  { "法律事務所", "弁護士",
    "成年後見や相続の相談を受けています。気軽に声をかけてください。" },
  { "福祉用具", "福祉用具専門相談員",
    "車いすや介護ベッドなど福祉用具のレンタルと販売をしています。" },
  { "歯科医院", "歯科医師",
    "訪問歯科診療をしています。口から食べることを支えます。" },
  { "消防署", "救急救命士",
    "救急隊員です。現場から見える在宅医療の課題を共有したいです。" },
  { "区役所 高齢福祉課", "行政職員",
    "区役所の高齢福祉課で介護保険を担当しています。" },
  { "看護大学", "学生",
    "看護学生です。地域医療の現場を学びに来ました。" },
};

static const char * const place_words[] = {
  "さくら", "ひまわり", "みどり", "あおば", "つばさ", "こもれび", "ふれあい",
  "すこやか", "あさひ", "のぞみ", "やまびこ", "かがやき", "城南", "多摩川",
  "中央", "東",
};

static const char * const wishes[] = {
  "", "", "",
  "多職種で事例検討会を始めたいです。",
  "来月、地域で認知症カフェを開きます。ぜひお越しください。",
  "訪問看護師を募集しています。",
  "ACP(人生会議)の勉強会を一緒にやりませんか。",
};

typedef enum {
  HABIT_REGULAR,
  HABIT_OCCASIONAL,
  HABIT_LAPSED,
  HABIT_NEWCOMER,
} Habit;

typedef struct {
  TsRepository          *repository;
  const TsSampleOptions *options;
  GRand                 *rand;
  GPtrArray             *chapters;   /* TsChapter used for events */
  GArray                *events;     /* gint64 ids per chapter, oldest first */
  GArray                *held;       /* gboolean per event */
  guint                  n_events;   /* per chapter */
} Generator;

void
ts_sample_options_init (TsSampleOptions *options)
{
  options->n_members = 150;
  options->seed = 20120401;
  options->end_year = 0;
  options->end_month = 0;
  options->n_months = 14;
}

static const void *
pick (GRand      *rand,
      const void *items,
      gsize       item_size,
      guint       n_items)
{
  return (const guint8 *) items + item_size * g_rand_int_range (rand, 0, n_items);
}
#define PICK(rand, array) \
  ((__typeof__ (&(array)[0])) pick ((rand), (array), sizeof ((array)[0]), G_N_ELEMENTS (array)))

/* The 4th Thursday, 3rd Wednesday … of a month, at 19:00. */
static char *
meeting_date (int year,
              int month,
              int week,
              int weekday)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (year, month, 1, 19, 0, 0);
  g_autoptr(GDateTime) day = NULL;
  int offset = (weekday - g_date_time_get_day_of_week (first) + 7) % 7 + week * 7;

  day = g_date_time_add_days (first, offset);
  return g_date_time_format (day, "%Y-%m-%dT%H:%M");
}

static guint
n_sample_chapters (guint n_members)
{
  return CLAMP (n_members / 50, 3, 32);
}

/* Meetings run from n_months before the end month to the month after it;
 * those dated before now (or, with an explicit end, up to the end month)
 * are held, the rest planned, so there is always one to prepare. */
static gboolean
create_chapter_events (Generator  *gen,
                       TsChapter  *chapter,
                       guint       c,
                       int         end_index,
                       gboolean    by_clock,
                       GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M");
  int week = 3 - c % 3, weekday = 4 - c % 2;   /* 4th Thu, 3rd Wed … */
  const char *weekdays[] = { "", "月", "火", "水", "木", "金" };
  g_autofree char *schedule = g_strdup_printf ("毎月第%d%s曜 19:00", week + 1,
                                               weekdays[weekday]);
  g_autofree char *venue = g_strdup_printf ("%s 区民センター 第2会議室", chapter->area);

  g_object_set (chapter, "schedule", schedule, "venue", venue,
                "leader", "山田　太郎", NULL);
  if (!ts_repository_save_chapter (gen->repository, chapter, error))
    return FALSE;

  for (guint m = 0; m < gen->n_events; m++)
    {
      g_autoptr(TsEvent) event = ts_event_new ();
      int index = end_index - (int) gen->options->n_months + 1 + (int) m;
      g_autofree char *starts = meeting_date (index / 12, index % 12 + 1, week, weekday);
      g_autofree char *ends = g_strdup (starts);
      g_autofree char *title = g_strdup_printf ("第%d回 %s", 100 + index % 100 + c,
                                                chapter->name);
      gboolean held = by_clock ? strcmp (starts, now_text) < 0 : index <= end_index;

      memcpy (ends + 11, "21:00", 5);
      g_object_set (event, "chapter-id", chapter->id, "title", title,
                    "starts-at", starts, "ends-at", ends,
                    "venue", "居酒屋 つどい 2階座敷",
                    "address", "東京都大田区蒲田5-1-1",
                    "fee", (gint64) 4000, "capacity", (gint64) 50,
                    "status", held ? TS_EVENT_STATUS_HELD : TS_EVENT_STATUS_PLANNED, NULL);
      if (!ts_repository_save_event (gen->repository, event, error))
        return FALSE;
      g_array_append_val (gen->events, event->id);
      g_array_append_val (gen->held, held);
    }
  return TRUE;
}

static gboolean
create_events (Generator  *gen,
               GError    **error)
{
  g_autoptr(GListModel) all = ts_repository_list_chapters (gen->repository, error);
  int end_year = gen->options->end_year, end_month = gen->options->end_month;
  gboolean by_clock = end_year == 0;
  guint n_chapters;

  if (all == NULL)
    return FALSE;
  if (by_clock)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      end_year = g_date_time_get_year (now);
      end_month = g_date_time_get_month (now);
    }

  gen->n_events = gen->options->n_months + 1;
  n_chapters = MIN (n_sample_chapters (gen->options->n_members),
                    g_list_model_get_n_items (all));
  for (guint c = 0; c < n_chapters; c++)
    {
      TsChapter *chapter = g_list_model_get_item (all, c);

      g_ptr_array_add (gen->chapters, chapter);
      if (!create_chapter_events (gen, chapter, c, end_year * 12 + end_month - 1,
                                  by_clock, error))
        return FALSE;
    }
  return TRUE;
}

static TsMember *
make_member (Generator *gen,
             guint      index)
{
  GRand *rand = gen->rand;
  const Named *family = PICK (rand, family_names);
  const Named *given = PICK (rand, given_names);
  const Workplace *work = PICK (rand, workplaces);
  const char *place = *PICK (rand, place_words);
  TsChapter *home = g_ptr_array_index (gen->chapters, index % gen->chapters->len);
  g_autofree char *organization = g_strconcat (place, work->suffix, NULL);
  g_autofree char *email = g_strdup_printf ("member%05u@example.jp", index + 1);
  g_autofree char *phone = g_strdup_printf ("090-%04d-%04d",
                                            g_rand_int_range (rand, 1000, 9999),
                                            g_rand_int_range (rand, 1000, 9999));
  double consent = g_rand_double (rand);
  TsMember *member = ts_member_new ();

  g_object_set (member,
                "family-name", family->name, "given-name", given->name,
                "family-reading", family->reading, "given-reading", given->reading,
                "organization", organization, "profession", work->profession,
                "email", email, "phone", phone,
                "introduction", work->introduction,
                "wish", *PICK (rand, wishes),
                "home-chapter-id", home->id,
                "consent", consent < 0.85 ? TS_CONSENT_FULL
                           : consent < 0.95 ? TS_CONSENT_NAME_ORGANIZATION
                           : TS_CONSENT_NONE,
                NULL);
  return member;
}

/* Probability of being present at the event @m of @n for a habit. */
static double
presence_chance (Habit habit,
                 guint m,
                 guint n,
                 guint start)
{
  switch (habit)
    {
    case HABIT_REGULAR:    return 0.8;
    case HABIT_OCCASIONAL: return 0.25;
    case HABIT_LAPSED:     return m + 4 < n ? 0.75 : 0.0;
    case HABIT_NEWCOMER:   return m >= start ? 0.6 : 0.0;
    default:               g_assert_not_reached ();
    }
}

static gboolean
attend_member (Generator  *gen,
               TsMember   *member,
               guint       chapter_index,
               GError    **error)
{
  double roll = g_rand_double (gen->rand);
  Habit habit = roll < 0.25 ? HABIT_REGULAR : roll < 0.75 ? HABIT_OCCASIONAL
                : roll < 0.85 ? HABIT_LAPSED : HABIT_NEWCOMER;
  guint start = g_rand_int_range (gen->rand, 0, gen->n_events);

  for (guint m = 0; m < gen->n_events; m++)
    {
      gint64 event_id = g_array_index (gen->events, gint64, chapter_index * gen->n_events + m);
      gboolean upcoming = !g_array_index (gen->held, gboolean,
                                          chapter_index * gen->n_events + m);
      double chance = presence_chance (habit, m, gen->n_events - 1, start);
      double draw = g_rand_double (gen->rand);
      TsAttendanceStatus status;
      g_autoptr(TsAttendance) stored = NULL;

      if (draw >= chance)
        continue;
      draw /= chance;
      if (upcoming)
        status = TS_ATTENDANCE_STATUS_REGISTERED;
      else
        status = draw < 0.80 ? TS_ATTENDANCE_STATUS_ATTENDED
                 : draw < 0.88 ? TS_ATTENDANCE_STATUS_WALK_IN
                 : draw < 0.94 ? TS_ATTENDANCE_STATUS_NO_SHOW
                 : TS_ATTENDANCE_STATUS_CANCELLED;
      stored = ts_repository_set_attendance (gen->repository, event_id, member->id,
                                             status, error);
      if (stored == NULL)
        return FALSE;
      if (g_rand_double (gen->rand) < 0.1)
        {
          g_object_set (stored, "role", TS_ATTENDANCE_ROLE_PRESENTER, "paid", !upcoming, NULL);
          if (!ts_repository_save_attendance (gen->repository, stored, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
create_members (Generator  *gen,
                GError    **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < gen->options->n_members; i++)
    {
      g_autoptr(TsMember) member = make_member (gen, i);
      guint chapter_index = i % gen->chapters->len;

      /* Three in ten were brought by someone who came before them. */
      if (ids->len > 10 && g_rand_double (gen->rand) < 0.3)
        member->referred_by = g_array_index (ids, gint64,
                                             g_rand_int_range (gen->rand, 0, ids->len));
      if (!ts_repository_save_member (gen->repository, member, error) ||
          !attend_member (gen, member, chapter_index, error))
        return FALSE;
      g_array_append_val (ids, member->id);
    }
  return TRUE;
}

/* Loads the directory if needed, then adds events, members and attendance
 * in one transaction. */
gboolean
ts_sample_generate (TsRepository           *repository,
                    const TsSampleOptions  *options,
                    GError                **error)
{
  TsDatabase *database = ts_repository_get_database (repository);
  Generator gen = { repository, options, g_rand_new_with_seed (options->seed),
                    g_ptr_array_new_with_free_func (g_object_unref),
                    g_array_new (FALSE, FALSE, sizeof (gint64)),
                    g_array_new (FALSE, FALSE, sizeof (gboolean)), 0 };
  gboolean ok;

  ok = ts_directory_load (repository, NULL, error) &&
       ts_database_begin (database, error);
  if (ok)
    {
      ok = create_events (&gen, error) && create_members (&gen, error);
      if (ok)
        ok = ts_database_commit (database, error);
      else
        ts_database_rollback (database);
    }

  g_rand_free (gen.rand);
  g_ptr_array_unref (gen.chapters);
  g_array_unref (gen.events);
  g_array_unref (gen.held);
  return ok;
}
