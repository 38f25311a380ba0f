/* ts-member-lookup.h: quick member look-ups for pickers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

/* The first @limit members (in 五十音順) whose search key contains
 * @search, with the stored fields only: no home chapter, referrer or
 * attendance counts, so that a picker can search as the user types
 * on a file of any size. */
GListModel *ts_repository_lookup_members (TsRepository  *self,
                                          const char    *search,
                                          guint          limit,
                                          GError       **error);

G_END_DECLS
