/* ts-file-locks.h: SQLite's file locks held by the open file, not the process.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ts_file_locks_install (void);

G_END_DECLS
