/* tsudoi-cli.c: Tsudoi without a window: commands over core and render.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "ts-cli.h"
#include "ts-text-clean.h"

static const TsCliCommand commands[] = {
  { "init",        ts_cli_init,        N_("Create the database and load the chapter directory") },
  { "check",       ts_cli_check,       N_("Check the database file") },
  { "sample",      ts_cli_sample,      N_("Write sample data") },
  { "chapters",    ts_cli_chapters,    N_("List chapters") },
  { "events",      ts_cli_events,      N_("List events") },
  { "members",     ts_cli_members,     N_("List or search members") },
  { "chapter add", ts_cli_chapter_add, N_("Add a chapter") },
  { "event add",   ts_cli_event_add,   N_("Add an event") },
  { "chapter edit", ts_cli_chapter_edit, N_("Change a chapter’s details") },
  { "event edit",  ts_cli_event_edit,  N_("Change an event’s details") },
  { "member add",  ts_cli_member_add,  N_("Add a member") },
  { "member edit", ts_cli_member_edit, N_("Change a member’s details") },
  { "member merge", ts_cli_member_merge, N_("Merge two members who are one person") },
  { "duplicates",  ts_cli_duplicates,  N_("List members who are likely the same person") },
  { "event close", ts_cli_event_close, N_("After the meeting: mark registrants who did not come as no-shows") },
  { "attend",      ts_cli_attend,      N_("Register a member for an event or set their status") },
  { "fees",        ts_cli_fees,        N_("List an event’s fees: due, paid and the totals") },
  { "event fee-class", ts_cli_event_fee_class, N_("List or change an event’s fee classes") },
  { "import members",       ts_cli_import_members,       N_("Import members from a CSV file") },
  { "import registrations", ts_cli_import_registrations, N_("Register the people of a CSV file for an event") },
  { "export members",       ts_cli_export_members,       N_("Export members as CSV") },
  { "export attendees",     ts_cli_export_attendees,     N_("Export an event’s attendees as CSV") },
  { "export grid",          ts_cli_export_grid,          N_("Export a chapter’s attendance grid as CSV") },
  { "backup",               ts_cli_backup,               N_("Back up the database to a file") },
  { "restore",              ts_cli_restore,              N_("Replace the database with a backup") },
  { "regulars",    ts_cli_regulars,    N_("List a chapter’s regulars, first-timers and lapsed regulars") },
  { "report",      ts_cli_report,      N_("Write a chapter’s monthly report as PDF") },
  { "roster",      ts_cli_roster,      N_("Write the participant roster of an event as PDF") },
  { "cards",       ts_cli_cards,       N_("Write introduction cards for an event as PDF") },
  { "badges",      ts_cli_badges,      N_("Write name badges for an event as PDF") },
  { "addendum",    ts_cli_addendum,    N_("Write the walk-in addendum of an event as PDF") },
  { "seating",     ts_cli_seating,     N_("Seat an event’s people at tables that mix them; table plan and cards as PDF") },
  { "receipts",    ts_cli_receipts,    N_("Issue receipts to those who paid, as PDF, or list them") },
  { "intro-sheet", ts_cli_intro_sheet, N_("Write the MC sheet for the introductions as PDF") },
};

/* Whatever is printed goes to a terminal, and may quote a file's cell or
 * an argument: control characters and direction overrides are dropped on
 * the way, so that an ESC sequence in a name cannot retitle or clear the
 * terminal. (Stored text never has any: ts-text-clean.c.) */
static void
put_clean (const char *text,
           FILE       *out)
{
  g_autofree char *clean = ts_text_clean (text, TRUE);
  g_autofree char *converted = NULL;
  const char *charset;

  /* As GLib's own g_print() does for a terminal that is not UTF-8. */
  if (!g_get_console_charset (&charset))
    converted = g_convert_with_fallback (clean, -1, charset, "UTF-8", "?", NULL, NULL, NULL);
  fputs (converted != NULL ? converted : clean, out);
}

static void
print_clean (const char *text)
{
  put_clean (text, stdout);
}

static void
printerr_clean (const char *text)
{
  put_clean (text, stderr);
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  tsudoi-cli %s\n\n%s\n", _("Usage:"), _("COMMAND [OPTION…]"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-21s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Every command takes --database FILE (before or after the command; default $TSUDOI_DATABASE) and --help."));
}

/* "chapter add" and "event add" are two words: join them into argv[0] for
 * the command's own option parser. */
static const TsCliCommand *
find_command (int     *argc,
              char  ***argv)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *name = commands[i].name;
      const char *space = strchr (name, ' ');

      if (space == NULL && g_str_equal ((*argv)[1], name))
        {
          (*argc)--;
          (*argv)++;
          return &commands[i];
        }
      if (space != NULL && *argc > 2 &&
          strncmp ((*argv)[1], name, space - name) == 0 &&
          (*argv)[1][space - name] == '\0' && g_str_equal ((*argv)[2], space + 1))
        {
          (*argc) -= 2;
          (*argv) += 2;
          return &commands[i];
        }
    }
  return NULL;
}

/* Whether @arg is an option every command takes (--database FILE), and
 * whether its value is the next argument. */
static gboolean
is_global_option (const char *arg,
                  gboolean   *value_follows)
{
  *value_follows = g_str_equal (arg, "--database") || g_str_equal (arg, "-d");
  return *value_follows || g_str_has_prefix (arg, "--database=") ||
         (g_str_has_prefix (arg, "-d") && arg[2] != '\0');
}

/* The arguments with the global options that come before the command
 * taken out into @globals: `tsudoi-cli --database X members` means
 * `tsudoi-cli members --database X`. */
static GPtrArray *
take_global_options (int         argc,
                     char      **argv,
                     GPtrArray  *globals)
{
  GPtrArray *rest = g_ptr_array_new ();
  int i = 1;

  g_ptr_array_add (rest, argv[0]);
  while (i < argc)
    {
      gboolean value_follows;

      if (!is_global_option (argv[i], &value_follows))
        break;
      g_ptr_array_add (globals, argv[i++]);
      if (value_follows && i < argc)
        g_ptr_array_add (globals, argv[i++]);
    }
  for (; i < argc; i++)
    g_ptr_array_add (rest, argv[i]);
  g_ptr_array_add (rest, NULL);
  return rest;
}

/* The command's arguments with @globals first, where its option parser
 * reads them like its own. */
static GPtrArray *
put_global_options (int         argc,
                    char      **argv,
                    GPtrArray  *globals)
{
  GPtrArray *all = g_ptr_array_new ();

  g_ptr_array_add (all, argv[0]);
  for (guint i = 0; i < globals->len; i++)
    g_ptr_array_add (all, g_ptr_array_index (globals, i));
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (all, argv[i]);
  g_ptr_array_add (all, NULL);
  return all;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) globals = g_ptr_array_new ();
  g_autoptr(GPtrArray) rest = NULL;
  g_autoptr(GPtrArray) all = NULL;
  int status;
  const TsCliCommand *command;

  setlocale (LC_ALL, "");
  /* Tests and uninstalled runs point at the build's catalogs. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("TSUDOI_LOCALEDIR") ? g_getenv ("TSUDOI_LOCALEDIR")
                                                                 : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_print_handler (print_clean);
  g_set_printerr_handler (printerr_clean);

  rest = take_global_options (argc, argv, globals);
  argc = rest->len - 1;
  argv = (char **) rest->pdata;
  if (argc < 2)
    {
      print_help (stderr);
      return TS_CLI_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return TS_CLI_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("tsudoi-cli %s\n", PACKAGE_VERSION);
      return TS_CLI_OK;
    }

  command = find_command (&argc, &argv);
  if (command == NULL)
    return ts_cli_usage_error (_("Unknown command “%s”."), argv[1]);
  all = put_global_options (argc, argv, globals);
  status = command->run (all->len - 1, (char **) all->pdata);
  return status;
}
