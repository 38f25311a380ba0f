/* ts-report-dialog.h: the monthly report, previewed before it is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-regulars.h"
#include "ts-repository.h"

G_BEGIN_DECLS

#define TS_TYPE_REPORT_DIALOG (ts_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsReportDialog, ts_report_dialog, TS, REPORT_DIALOG, AdwWindow)

TsReportDialog *ts_report_dialog_new        (TsRepository            *repository,
                                             gint64                   chapter_id,
                                             const TsRegularsOptions *options);
int             ts_report_dialog_get_month  (TsReportDialog          *self);
char           *ts_report_dialog_file_name  (const char              *chapter_name,
                                             int                      month);

G_END_DECLS
