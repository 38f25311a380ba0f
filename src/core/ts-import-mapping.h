/* ts-import-mapping.h: which member field each column of an imported
 * file holds, guessed from its header in Japanese or English.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TS_IMPORT_FIELD_IGNORE,
  TS_IMPORT_FIELD_FULL_NAME,
  TS_IMPORT_FIELD_FAMILY_NAME,
  TS_IMPORT_FIELD_GIVEN_NAME,
  TS_IMPORT_FIELD_READING,
  TS_IMPORT_FIELD_FAMILY_READING,
  TS_IMPORT_FIELD_GIVEN_READING,
  TS_IMPORT_FIELD_ORGANIZATION,
  TS_IMPORT_FIELD_PROFESSION,
  TS_IMPORT_FIELD_JOB_TITLE,
  TS_IMPORT_FIELD_EMAIL,
  TS_IMPORT_FIELD_PHONE,
  TS_IMPORT_FIELD_REFERRED_BY,
  TS_IMPORT_FIELD_INTRODUCTION,
  TS_IMPORT_FIELD_WISH,
  TS_IMPORT_FIELD_CONSENT,
  TS_IMPORT_FIELD_HOME_CHAPTER,
  TS_IMPORT_FIELD_NOTES,
  TS_IMPORT_FIELD_TIMESTAMP,   /* recognized so that it is shown, never stored */
  TS_IMPORT_N_FIELDS
} TsImportField;

const char    *ts_import_field_label      (TsImportField       field);
const char    *ts_import_field_english    (TsImportField       field);
TsImportField  ts_import_field_for_header (const char         *header);
GArray        *ts_import_map_headers      (const char * const *headers);
gboolean       ts_import_mapping_has_name (const GArray       *mapping);
/* What a consent cell says: a TsConsent, or one of these. */
#define TS_IMPORT_CONSENT_UNKNOWN (-1)
#define TS_IMPORT_CONSENT_EMPTY   (-2)
int            ts_import_consent_for      (const char         *cell);

G_END_DECLS
