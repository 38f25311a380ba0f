/* ts-text.h: Japanese text keys: search keys and 五十音順 sort keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ts_text_search_key       (const char *text);
char     *ts_text_search_key_join  (const char * const *fields);
gboolean  ts_text_search_matches   (const char *search_key,
                                    const char *normalized_query);
GBytes   *ts_text_sort_key         (const char *reading,
                                    const char *name);
int       ts_text_compare_keys     (GBytes     *a,
                                    GBytes     *b);
char     *ts_text_to_hiragana      (const char *text);
gboolean  ts_text_is_kana          (const char *text);
char     *ts_text_join_name        (const char *family,
                                    const char *given,
                                    const char *separator);

G_END_DECLS
