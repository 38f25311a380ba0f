/* ts-member.h: a person, attendee or not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "ts-vocabulary.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMBER (ts_member_get_type ())
G_DECLARE_FINAL_TYPE (TsMember, ts_member, TS, MEMBER, GObject)

struct _TsMember
{
  GObject parent_instance;

  gint64  id;
  char   *uuid;
  char   *family_name;
  char   *given_name;
  char   *family_reading;
  char   *given_reading;
  char   *organization;   /* 所属 */
  char   *profession;     /* 職種 */
  char   *job_title;
  char   *email;
  char   *phone;
  char   *introduction;   /* what I do */
  char   *wish;           /* what I want to try or announce */
  gint64  referred_by;    /* member id, 0 for none */
  gint64  home_chapter_id;
  TsConsent consent;
  char   *notes;
  char   *created_at;
  char   *updated_at;
  char   *search_key;     /* see ts_text_search_key() */
  /* Filled by listings, not stored. */
  char   *home_chapter_name;
  char   *referrer_name;
  char   *last_attended;  /* starts_at of the last event present */
  gint64  times_attended;

  GBytes *sort_key;       /* reading, then name; see ts_text_sort_key() */
};

TsMember   *ts_member_new                (void);
char       *ts_member_dup_name           (TsMember   *self);
char       *ts_member_dup_reading        (TsMember   *self);
void        ts_member_update_keys        (TsMember   *self);

G_END_DECLS
