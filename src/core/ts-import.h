/* ts-import.h: members (and an event's registrations) from a CSV file:
 * a preview of every row first, then one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-csv-reader.h"
#include "ts-database.h"
#include "ts-import-mapping.h"
#include "ts-member.h"

G_BEGIN_DECLS

#define TS_IMPORT_ERROR (ts_import_error_quark ())

typedef enum {
  TS_IMPORT_ERROR_NO_NAME_COLUMN,
  TS_IMPORT_ERROR_NO_ROWS,
  TS_IMPORT_ERROR_ROWS_WITH_ERRORS,
  TS_IMPORT_ERROR_NOT_PREVIEWED,
} TsImportError;

typedef enum {
  TS_IMPORT_ACTION_NEW,
  TS_IMPORT_ACTION_UPDATE,
  TS_IMPORT_ACTION_SKIP,
  TS_IMPORT_ACTION_ERROR,
  TS_IMPORT_N_ACTIONS
} TsImportAction;

/* What was wrong in a row that still imports its person: the detail is
 * left out, never the person. */
typedef enum {
  TS_IMPORT_WARNING_EMAIL,         /* not an address: left empty */
  TS_IMPORT_WARNING_READING,       /* not in kana: left empty */
  TS_IMPORT_WARNING_CONSENT,       /* not understood: not listed until set */
  TS_IMPORT_WARNING_EXTRA_CELLS,   /* more cells than columns: left out */
  TS_IMPORT_N_WARNINGS
} TsImportWarning;

typedef struct {
  guint           line;            /* of the file, from 1 */
  TsMember       *member;          /* what the row says */
  TsMember       *existing;        /* who it already is (or, with @doubt,
                                    * may be), or NULL */
  gboolean        doubt;           /* @existing shares only the name, with
                                    * another email, organization or reading:
                                    * maybe a namesake, so new unless the
                                    * organizer says otherwise */
  guint           same_as_line;    /* an earlier row of the same person, or 0 */
  guint           same_as_index;   /* that row's index */
  gboolean        consent_given;   /* the consent column said something */
  gboolean        changes;         /* updating @existing would change it */
  TsImportAction  action;
  TsImportAction  chosen;          /* the organizer's own choice, kept when
                                    * the import decides again as it writes;
                                    * TS_IMPORT_N_ACTIONS for none */
  guint           warnings;        /* 1 << TsImportWarning */
  char           *message;         /* why: an error, a skip, a warning */
  char           *referrer;        /* the name in the referred-by column */
  gint64          referrer_id;     /* resolved, 0 when unknown */
} TsImportRow;

typedef struct {
  guint created;
  guint updated;
  guint skipped;
  guint failed;
  guint registered;                /* new registrations for the event */
  guint namesakes;                 /* created although a member has the name */
  guint warned[TS_IMPORT_N_WARNINGS]; /* people written without a detail */
} TsImportResult;

/* Called now and then from whatever thread runs the work. */
typedef void (*TsImportProgress) (guint    done,
                                  guint    total,
                                  gpointer user_data);

#define TS_TYPE_IMPORT (ts_import_get_type ())
G_DECLARE_FINAL_TYPE (TsImport, ts_import, TS, IMPORT, GObject)

GQuark          ts_import_error_quark        (void);
TsImport       *ts_import_new                (TsCsvTable       *table);
TsImport       *ts_import_new_from_file      (const char       *path,
                                              TsCsvEncoding     encoding,
                                              GCancellable     *cancellable,
                                              GError          **error);
TsCsvEncoding   ts_import_get_encoding       (TsImport         *self);
char            ts_import_get_separator      (TsImport         *self);
guint           ts_import_get_n_columns      (TsImport         *self);
const char     *ts_import_get_header         (TsImport         *self,
                                              guint             column);
TsImportField   ts_import_get_field          (TsImport         *self,
                                              guint             column);
void            ts_import_set_field          (TsImport         *self,
                                              guint             column,
                                              TsImportField     field);
void            ts_import_set_default_consent (TsImport        *self,
                                              TsConsent         consent);

gboolean        ts_import_preview            (TsImport         *self,
                                              TsDatabase       *database,
                                              GCancellable     *cancellable,
                                              TsImportProgress  progress,
                                              gpointer          user_data,
                                              GError          **error);
guint           ts_import_get_n_rows         (TsImport         *self);
TsImportRow    *ts_import_get_row            (TsImport         *self,
                                              guint             index);
gboolean        ts_import_action_allowed     (TsImportRow      *row,
                                              TsImportAction    action);
gboolean        ts_import_set_action         (TsImport         *self,
                                              guint             index,
                                              TsImportAction    action);
guint           ts_import_set_duplicates     (TsImport         *self,
                                              TsImportAction    action);
void            ts_import_count              (TsImport         *self,
                                              guint             counts[TS_IMPORT_N_ACTIONS]);
void            ts_import_count_notes        (TsImport         *self,
                                              guint            *n_warned,
                                              guint            *n_doubts);
const char     *ts_import_action_label       (TsImportAction    action);
char           *ts_import_row_describe       (TsImportRow      *row);
GStrv           ts_import_result_notes       (const TsImportResult *result);

gboolean        ts_import_run                (TsImport         *self,
                                              TsDatabase       *database,
                                              gint64            event_id,
                                              GCancellable     *cancellable,
                                              TsImportProgress  progress,
                                              gpointer          user_data,
                                              TsImportResult   *result,
                                              GError          **error);

G_END_DECLS
