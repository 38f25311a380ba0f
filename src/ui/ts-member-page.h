/* ts-member-page.h: one member: profile, consent, history, referrals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_MEMBER_PAGE (ts_member_page_get_type ())
G_DECLARE_FINAL_TYPE (TsMemberPage, ts_member_page, TS, MEMBER_PAGE, AdwBin)

void   ts_member_page_set_member (TsMemberPage *self,
                                  TsRepository *repository,
                                  gint64        member_id);
gint64 ts_member_page_get_member_id (TsMemberPage *self);

G_END_DECLS
