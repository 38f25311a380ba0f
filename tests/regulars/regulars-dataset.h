/* regulars-dataset.h: a small network whose regulars were worked out by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

/* "Today" for every analysis of the dataset: A7, planned but dated before
 * it, counts as held; A11 (February 2018) does not. */
#define DATASET_TODAY "2018-01-31T23:59"

typedef struct {
  gint64 chapter_a;     /* 大田医介塾 */
  gint64 chapter_b;     /* 品川医介塾 */
  gint64 r, l, q, t, m, w, n, x;
} Dataset;

void dataset_build (TsRepository *repository,
                    Dataset      *dataset);

/* A temporary database holding the dataset, for g_test_add(). */
typedef struct {
  char         *dir;
  TsRepository *repository;
  Dataset       d;
} DatasetFixture;

void dataset_fixture_set_up    (DatasetFixture *fixture,
                                gconstpointer   data);
void dataset_fixture_tear_down (DatasetFixture *fixture,
                                gconstpointer   data);

G_END_DECLS
