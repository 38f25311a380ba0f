/* ts-import-private.h: shared between the preview and the writing of an
 * import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-import.h"

G_BEGIN_DECLS

struct _TsImport
{
  GObject        parent_instance;

  TsCsvTable    *table;
  guint          header_row;      /* the row naming the columns */
  GArray        *mapping;         /* TsImportField per column */
  char          *default_consent;
  GArray        *rows;            /* TsImportRow */
  GPtrArray     *existing;        /* TsMember, every member at preview time */
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

G_END_DECLS
