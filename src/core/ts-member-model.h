/* ts-member-model.h: every member as a list read from SQLite on demand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-repository.h"

G_BEGIN_DECLS

/* The orders the members table offers; ties go by reading (五十音順). */
typedef enum {
  TS_MEMBER_SORT_READING,
  TS_MEMBER_SORT_ORGANIZATION,
  TS_MEMBER_SORT_PROFESSION,
  TS_MEMBER_SORT_CHAPTER,
  TS_MEMBER_SORT_LAST_ATTENDED,
  TS_MEMBER_SORT_TIMES,
  TS_MEMBER_N_SORTS
} TsMemberSort;

#define TS_TYPE_MEMBER_MODEL (ts_member_model_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberModel, ts_member_model, TS, MEMBER_MODEL, GObject)

TsMemberModel *ts_member_model_new        (TsRepository  *repository);
void           ts_member_model_set_search (TsMemberModel *self,
                                           const char    *text);
void           ts_member_model_set_sort   (TsMemberModel *self,
                                           TsMemberSort   sort,
                                           gboolean       descending);
guint          ts_member_model_get_total  (TsMemberModel *self);
void           ts_member_model_refresh    (TsMemberModel *self);

G_END_DECLS
