/* ts-directory.h: the network's chapter directory, shipped with the app.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-repository.h"

G_BEGIN_DECLS

gboolean ts_directory_load (TsRepository  *repository,
                            guint         *n_added,
                            GError       **error);

G_END_DECLS
