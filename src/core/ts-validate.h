/* ts-validate.h: rules a record must follow before it is saved, with
 * messages that explain them to an organizer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-chapter.h"
#include "ts-event.h"
#include "ts-member.h"

G_BEGIN_DECLS

#define TS_VALIDATE_ERROR (ts_validate_error_quark ())

/* The code names the field at fault, so a dialog can point at it. */
typedef enum {
  TS_VALIDATE_ERROR_NAME,
  TS_VALIDATE_ERROR_READING,
  TS_VALIDATE_ERROR_EMAIL,
  TS_VALIDATE_ERROR_DATE,
  TS_VALIDATE_ERROR_END,
  TS_VALIDATE_ERROR_CHAPTER,
  TS_VALIDATE_ERROR_STATUS,
  TS_VALIDATE_ERROR_CONSENT,
  TS_VALIDATE_ERROR_GIVEN_READING,   /* _READING is the family name's */
  TS_VALIDATE_ERROR_INVOICE_NUMBER,
} TsValidateError;

GQuark   ts_validate_error_quark (void);
gboolean ts_validate_email       (const char  *email);
gboolean ts_validate_member      (TsMember    *member,
                                  GError     **error);
gboolean ts_validate_event       (TsEvent     *event,
                                  GError     **error);
gboolean ts_validate_chapter     (TsChapter   *chapter,
                                  GError     **error);
char    *ts_invoice_number_normalize (const char *text);
gboolean ts_invoice_number_is_valid  (const char *number);
gboolean ts_invoice_number_has_corporate_check_digit (const char *number);
gboolean ts_split_full_name      (const char  *full,
                                  char       **family,
                                  char       **given);

G_END_DECLS
