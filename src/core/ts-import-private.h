/* ts-import-private.h: shared between the preview and the writing of an
 * import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-import.h"

G_BEGIN_DECLS

typedef struct _TsImportMatcher TsImportMatcher;

struct _TsImport
{
  GObject        parent_instance;

  TsCsvTable    *table;
  guint          header_row;      /* the row naming the columns */
  GArray        *mapping;         /* TsImportField per column */
  TsConsent      default_consent;
  GArray        *rows;            /* TsImportRow, as previewed */
  TsImportMatcher *matcher;       /* what the preview knew of the rows */
  TsImportAction duplicates;      /* the organizer's choice for everyone
                                   * already known, or TS_IMPORT_N_ACTIONS */
  gboolean       previewed;
};

/* The member fields that are plain text, in the order they are compared
 * and merged. */
#define TS_IMPORT_N_TEXT_FIELDS 12
extern const TsImportField ts_import_text_fields[TS_IMPORT_N_TEXT_FIELDS];

char     **ts_import_member_text  (TsMember      *member,
                                   TsImportField  field);
void       ts_import_take_text    (char         **slot,
                                   char          *value);
gboolean   ts_import_same_value   (TsImportField  field,
                                   const char    *a,
                                   const char    *b);
void       ts_import_row_clear    (TsImportRow   *row);
gboolean   ts_import_duplicates_apply (TsImportRow    *row,
                                       TsImportAction  action);

/* Who each row already is, decided against the members of the database
 * as they are when it loads: once for the preview, and again inside the
 * write transaction (ts-import-match.c). */
TsImportMatcher *ts_import_matcher_new        (void);
void             ts_import_matcher_free       (TsImportMatcher *matcher);
gboolean         ts_import_matcher_load       (TsImportMatcher *matcher,
                                               TsDatabase      *database,
                                               GError         **error);
gint64           ts_import_matcher_chapter    (TsImportMatcher *matcher,
                                               const char      *name);
gboolean         ts_import_matcher_file_names (TsImportMatcher *matcher,
                                               const char      *name);
void             ts_import_matcher_decide     (TsImportMatcher *matcher,
                                               GArray          *rows,
                                               guint            index);
void             ts_import_matcher_decide_again (TsImportMatcher *matcher,
                                               TsImportMatcher *previewed,
                                               GArray          *rows,
                                               guint            index);
void             ts_import_matcher_forget_members (TsImportMatcher *matcher);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsImportMatcher, ts_import_matcher_free)

G_END_DECLS
