/* ts-cli.h: what the tsudoi-cli commands share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ts-repository.h"

G_BEGIN_DECLS

enum {
  TS_CLI_OK = 0,
  TS_CLI_FAILED = 1,
  TS_CLI_USAGE = 2,
};

typedef struct {
  const char *name;        /* "members", "chapter add" */
  int       (*run)         (int argc, char **argv);
  const char *summary;     /* N_() string */
} TsCliCommand;

/* Shared by every command: --database FILE. */
extern char *ts_cli_database_option;

GOptionContext *ts_cli_option_context  (const char         *command,
                                        const char         *parameters,
                                        const char         *summary,
                                        const GOptionEntry *entries);
int             ts_cli_parse           (GOptionContext     *context,
                                        int                *argc,
                                        char             ***argv);
int             ts_cli_parse_no_arguments (GOptionContext  *context,
                                        int                *argc,
                                        char             ***argv);
int             ts_cli_parse_one_file  (GOptionContext     *context,
                                        const char         *command,
                                        int                *argc,
                                        char             ***argv);
TsRepository   *ts_cli_open            (gboolean            create);
gboolean        ts_cli_output_allowed  (const char         *output);
int             ts_cli_fail            (const GError       *error);
int             ts_cli_usage_error     (const char         *format,
                                        ...) G_GNUC_PRINTF (1, 2);
int             ts_cli_parse_format    (const char         *format,
                                        gboolean           *csv);

/* Tables for people (aligned, wide characters counted twice) or CSV. */
typedef struct _TsCliTable TsCliTable;

TsCliTable     *ts_cli_table_new       (gboolean            csv,
                                        const char * const *headers);
void            ts_cli_table_add       (TsCliTable         *table,
                                        const char * const *cells);
void            ts_cli_table_print     (TsCliTable         *table);
void            ts_cli_table_free      (TsCliTable         *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsCliTable, ts_cli_table_free)

int ts_cli_init     (int argc, char **argv);
int ts_cli_check    (int argc, char **argv);
int ts_cli_sample   (int argc, char **argv);
int ts_cli_chapters (int argc, char **argv);
int ts_cli_events   (int argc, char **argv);
int ts_cli_members  (int argc, char **argv);
int ts_cli_chapter_add (int argc, char **argv);
int ts_cli_event_add   (int argc, char **argv);
int ts_cli_member_add  (int argc, char **argv);
int ts_cli_member_edit (int argc, char **argv);
int ts_cli_member_merge (int argc, char **argv);
int ts_cli_duplicates  (int argc, char **argv);
int ts_cli_event_close (int argc, char **argv);
int ts_cli_attend      (int argc, char **argv);
int ts_cli_fees        (int argc, char **argv);
int ts_cli_event_fee_class (int argc, char **argv);
int ts_cli_import_members       (int argc, char **argv);
int ts_cli_import_registrations (int argc, char **argv);
int ts_cli_export_members       (int argc, char **argv);
int ts_cli_export_attendees     (int argc, char **argv);
int ts_cli_export_grid          (int argc, char **argv);
int ts_cli_backup               (int argc, char **argv);
int ts_cli_restore              (int argc, char **argv);
int ts_cli_regulars    (int argc, char **argv);
int ts_cli_report      (int argc, char **argv);
int ts_cli_roster      (int argc, char **argv);
int ts_cli_cards       (int argc, char **argv);
int ts_cli_badges      (int argc, char **argv);
int ts_cli_addendum    (int argc, char **argv);
int ts_cli_seating     (int argc, char **argv);
int ts_cli_receipts    (int argc, char **argv);
int ts_cli_chapter_edit (int argc, char **argv);
int ts_cli_event_edit  (int argc, char **argv);
int ts_cli_intro_sheet (int argc, char **argv);

G_END_DECLS
