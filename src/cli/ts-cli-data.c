/* ts-cli-data.c: tsudoi-cli init, check and sample.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-directory.h"
#include "ts-regulars.h"
#include "ts-sample.h"

int
ts_cli_init (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("init", NULL,
                           _("Creates the database if needed and loads the network’s chapter directory."),
                           NULL);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;
  int status;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (argc > 1)
    return ts_cli_usage_error (_("“init” takes no arguments."));
  if ((repository = ts_cli_open (TRUE)) == NULL)
    return TS_CLI_FAILED;
  if (!ts_directory_load (repository, &added, &error))
    return ts_cli_fail (error);

  g_print (ngettext ("%s: %u chapter added from the directory.\n",
                     "%s: %u chapters added from the directory.\n", added),
           ts_database_get_path (ts_repository_get_database (repository)), added);
  return TS_CLI_OK;
}

int
ts_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("check", NULL,
                           _("Checks the database file and its schema version; exits with 1 on trouble."),
                           NULL);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  gboolean ok;
  int status;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  if (argc > 1)
    return ts_cli_usage_error (_("“check” takes no arguments."));
  if ((repository = ts_cli_open (FALSE)) == NULL)
    return TS_CLI_FAILED;

  ok = ts_database_check (ts_repository_get_database (repository), report);
  g_print ("%s", report->str);
  return ok ? TS_CLI_OK : TS_CLI_FAILED;
}

int
ts_cli_sample (int    argc,
               char **argv)
{
  TsSampleOptions options;
  int members = 150, seed = 0;
  g_autofree char *until = NULL;
  const GOptionEntry entries[] = {
    { "members", 'n', 0, G_OPTION_ARG_INT, &members,
      N_("How many members to make (default 150)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed,
      N_("The random seed; the same seed gives the same data"), N_("SEED") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until,
      N_("The last month with a held meeting (default: last month)"), N_("YYYY-MM") },
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    ts_cli_option_context ("sample", NULL,
                           _("Writes sample chapters, events, members and attendance."),
                           entries);
  g_autoptr(TsRepository) repository = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = ts_cli_parse (context, &argc, &argv)) != TS_CLI_OK)
    return status;
  ts_sample_options_init (&options);
  if (members < 1 || members > 1000000)
    return ts_cli_usage_error (_("--members must be between 1 and 1000000."));
  options.n_members = members;
  if (seed != 0)
    options.seed = seed;
  if (until != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      int month;

      if (!ts_regulars_parse_month (until, &month))
        return ts_cli_usage_error (_("--until takes a month such as %d-%02d."),
                                   g_date_time_get_year (now), g_date_time_get_month (now));
      options.end_year = month / 12;
      options.end_month = month % 12 + 1;
    }
  if ((repository = ts_cli_open (TRUE)) == NULL)
    return TS_CLI_FAILED;
  if (!ts_sample_generate (repository, &options, &error))
    return ts_cli_fail (error);

  g_print (ngettext ("Sample data with %d member written.\n",
                     "Sample data with %d members written.\n", members), members);
  return TS_CLI_OK;
}
