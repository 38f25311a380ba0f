/* ts-sample.h: deterministic sample data for trying the app, tests and benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

typedef struct {
  guint       n_members;   /* 150 gives a few lively chapters */
  guint32     seed;
  int         end_year;    /* the last held month; 0 for the current month */
  int         end_month;
  guint       n_months;    /* held months per chapter, 14 by default */
} TsSampleOptions;

void     ts_sample_options_init (TsSampleOptions  *options);
gboolean ts_sample_generate     (TsRepository     *repository,
                                 const TsSampleOptions *options,
                                 GError          **error);

G_END_DECLS
