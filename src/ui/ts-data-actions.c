/* ts-data-actions.c: import, export, back up and restore, as window actions.
 *
 * A placeholder until the data work lands: no actions, so the menu items
 * that name them stay insensitive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "ts-data-actions.h"

void
ts_data_actions_install (GtkWidget    *window,
                         TsRepository *repository)
{
}
