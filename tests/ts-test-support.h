/* ts-test-support.h: temporary folders and databases for tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

char         *ts_test_make_temp_dir   (void);
void          ts_test_remove_dir      (const char *path);
TsRepository *ts_test_open_repository (const char *dir,
                                       const char *name);
GBytes       *ts_test_read_file       (const char *path);
char         *ts_test_dump_database   (const char *path);

G_END_DECLS
