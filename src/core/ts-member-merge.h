/* ts-member-merge.h: two members who are one person, made one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

/* The fields an organizer picks between, by name: "name" (family and
 * given name together), "reading", "organization", "profession",
 * "job-title", "email", "phone", "introduction", "wish", "referred-by",
 * "home-chapter", "consent", "notes". */
const char * const *ts_member_merge_fields       (void);
gboolean            ts_member_merge_field_is_valid (const char *field);
const char         *ts_member_merge_field_label  (const char *field);
/* The field's value as a person reads it ("" when not set). */
char               *ts_member_merge_field_text   (const char *field,
                                                  TsMember   *member);
gboolean            ts_member_merge_field_is_set (const char *field,
                                                  TsMember   *member);
gboolean            ts_member_merge_field_differs (const char *field,
                                                  TsMember   *keep,
                                                  TsMember   *other);
/* The fields set in @other only: what "keep's where set, else other's"
 * takes from @other. */
GStrv               ts_member_merge_default_fields (TsMember *keep,
                                                  TsMember   *other);

typedef enum {
  TS_MEMBER_MERGE_NONE       = 0,
  /* Also take each field the kept member has no value for and the other
   * has, as decided inside the transaction: "keep's where set, else
   * other's" without a race with another program's edit. */
  TS_MEMBER_MERGE_FILL_EMPTY = 1 << 0,
} TsMemberMergeFlags;

#define TS_TYPE_MEMBER_MERGE (ts_member_merge_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberMerge, ts_member_merge, TS, MEMBER_MERGE, GObject)

/* Makes @other_id part of @keep_id in one transaction: the fields named in
 * @from_other (NULL for none) take @other's values, every other field
 * keeps @keep's; @other's attendance joins @keep's (one row per event,
 * the more present status winning), whom @other referred is repointed,
 * and @other is deleted the way a delete is. Returns what undoes it. */
TsMemberMerge *ts_repository_merge_members  (TsRepository        *self,
                                             gint64               keep_id,
                                             gint64               other_id,
                                             const char * const  *from_other,
                                             TsMemberMergeFlags   flags,
                                             GError             **error);
gint64         ts_member_merge_get_keep_id  (TsMemberMerge       *self);
gint64         ts_member_merge_get_other_id (TsMemberMerge       *self);
/* Events both were on the list for, and events only @other was. */
guint          ts_member_merge_get_n_joined (TsMemberMerge       *self);
guint          ts_member_merge_get_n_moved  (TsMemberMerge       *self);
/* Puts both members and their attendance back exactly as they were, in
 * one transaction; refuses once the kept member was changed since. */
gboolean       ts_member_merge_undo         (TsMemberMerge       *self,
                                             GError             **error);

G_END_DECLS
