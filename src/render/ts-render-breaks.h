/* ts-render-breaks.h: Japanese line breaking at phrase boundaries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

void ts_render_breaks_apply (PangoLayout *layout,
                             double       width_pt);

void ts_render_breaks_shorten (PangoLayout *layout,
                               double       width_pt);

G_END_DECLS
