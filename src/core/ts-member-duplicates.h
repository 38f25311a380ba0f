/* ts-member-duplicates.h: pairs of members who are likely one person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

/* Why two members look like one person; a pair may have several. */
typedef enum {
  TS_DUPLICATE_EMAIL        = 1 << 0,  /* same email, whatever the case */
  TS_DUPLICATE_READING      = 1 << 1,  /* same reading: 斉藤/斎藤 both さいとう */
  TS_DUPLICATE_NAME         = 1 << 2,  /* same name in another width, script or kanji form */
  TS_DUPLICATE_NAME_READING = 1 << 3,  /* one's name is the other's reading: ｻｲﾄｳ, 斎藤 (さいとう) */
} TsDuplicateReason;

#define TS_TYPE_MEMBER_PAIR (ts_member_pair_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberPair, ts_member_pair, TS, MEMBER_PAIR, GObject)

TsMemberPair *ts_member_pair_new             (TsMember          *first,
                                              TsMember          *second,
                                              TsDuplicateReason  reasons);
TsMember     *ts_member_pair_get_first       (TsMemberPair      *self);
TsMember     *ts_member_pair_get_second      (TsMemberPair      *self);
TsDuplicateReason ts_member_pair_get_reasons (TsMemberPair      *self);
char         *ts_duplicate_reasons_label     (TsDuplicateReason  reasons);

/* The pairs of living members who are likely the same person, the first
 * of each pair the older record, in 五十音順 of the first. */
GListModel   *ts_repository_find_duplicates  (TsRepository      *self,
                                              GError           **error);
/* @name folded so that a name typed in another kanji form matches:
 * 齋藤, 斎藤 and 斉藤 give one key. */
char         *ts_duplicate_name_key          (const char        *name);

G_END_DECLS
