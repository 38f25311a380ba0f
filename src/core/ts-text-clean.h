/* ts-text-clean.h: text as Tsudoi stores it: no control characters, no
 * direction overrides, line breaks only where a field may have them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ts_text_clean (const char *text,
                     gboolean    multi_line);

G_END_DECLS
