/* ts-cli-backup.c: tsudoi-cli backup and restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-backup.h"
#include "ts-cli.h"
#include "ts-cli-progress.h"

int
ts_cli_backup (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("backup", _("FILE"),
                           _("Writes a consistent copy of the database, even while Tsudoi is open."),
                           NULL);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  TsCliProgress *progress;
  TsBackupWatch watch = { NULL, ts_cli_progress_fraction, NULL };
  gboolean ok;
  int status;

  if ((status = ts_cli_parse_one_file (context, "backup", &argc, &argv)) != TS_CLI_OK)
    return status;
  if (!ts_cli_output_allowed (argv[1]) || (repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;
  watch.user_data = progress = ts_cli_progress_new (_("Backing up…"));
  ok = ts_backup_write_watched (ts_repository_get_database (repository), argv[1], &watch,
                                &error);
  ts_cli_progress_free (progress);
  if (!ok)
    return ts_cli_fail (error);
  g_print (_("Backed up to “%s”.\n"), argv[1]);
  return TS_CLI_OK;
}

int
ts_cli_restore (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("restore", _("FILE"),
                           _("Replaces the database with a backup. The current database is "
                             "first copied beside it."),
                           NULL);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *path = NULL;
  TsCliProgress *progress;
  TsBackupWatch watch = { NULL, ts_cli_progress_fraction, NULL };
  gboolean ok;
  int status;

  if ((status = ts_cli_parse_one_file (context, "restore", &argc, &argv)) != TS_CLI_OK)
    return status;
  /* Checked before the database is opened, so that a wrong file name
   * changes nothing at all. */
  if (!ts_backup_check_file (argv[1], &error))
    return ts_cli_fail (error);
  if ((repository = ts_cli_open (TRUE)) == NULL)
    return TS_CLI_FAILED;
  path = g_strdup (ts_database_get_path (ts_repository_get_database (repository)));
  g_clear_object (&repository);
  /* The app's path too: an older backup is brought up to the current
   * schema before it replaces anything. */
  watch.user_data = progress = ts_cli_progress_new (_("Restoring the backup…"));
  ok = ts_backup_restore_file_watched (path, argv[1], &watch, &aside, &error);
  ts_cli_progress_free (progress);
  if (!ok)
    return ts_cli_fail (error);
  g_print (_("Restored “%1$s”. The database as it was is kept in “%2$s”.\n"), argv[1], aside);
  return TS_CLI_OK;
}
