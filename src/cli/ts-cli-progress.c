/* ts-cli-progress.c: a progress bar on the terminal for long commands.
 *
 * The commands keep the engine's synchronous calls and hand them these
 * callbacks. When standard error is a terminal and the work has run for
 * over a second, one line shows what is being done and how far it has
 * come, redrawn in place with \r at most ten times a second, and erased
 * when the work ends, before anything else is printed. Elsewhere (a
 * pipe, a file, a test) nothing at all is written: the output of a
 * command is the same as without it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "ts-cli-progress.h"

#define SHOW_AFTER_USEC   G_USEC_PER_SEC
#define REDRAW_USEC       (G_USEC_PER_SEC / 10)
#define BAR_CELLS         24

struct _TsCliProgress
{
  gboolean  terminal;     /* stderr is one: else nothing is drawn */
  gint64    started;
  gint64    show_after;   /* µs from the start */
  gint64    drawn_at;     /* 0 until the line is shown */
  char     *text;
  double    fraction;
};

/* Nothing is drawn until the command has run for a second. */
TsCliProgress *
ts_cli_progress_new (const char *text)
{
  TsCliProgress *self = g_new0 (TsCliProgress, 1);

  self->terminal = isatty (STDERR_FILENO);
  self->started = g_get_monotonic_time ();
  /* TSUDOI_PROGRESS_AFTER_MS: sooner or later than a second; the tests
   * need no long import to see the bar. */
  self->show_after = g_getenv ("TSUDOI_PROGRESS_AFTER_MS") != NULL
                     ? g_ascii_strtoll (g_getenv ("TSUDOI_PROGRESS_AFTER_MS"), NULL, 10) * 1000
                     : SHOW_AFTER_USEC;
  self->text = g_strdup (text);
  return self;
}

static void
draw (TsCliProgress *self)
{
  g_autoptr(GString) line = g_string_new ("\r");
  guint filled = (guint) (self->fraction * BAR_CELLS + 0.5);

  g_string_append_printf (line, "%s [", self->text != NULL ? self->text : "");
  for (guint i = 0; i < BAR_CELLS; i++)
    g_string_append_c (line, i < filled ? '#' : '-');
  /* Erases the rest of a longer line drawn before. */
  g_string_append_printf (line, "] %3d%%\033[K", (int) (self->fraction * 100));
  fputs (line->str, stderr);
  fflush (stderr);
}

static void
update (TsCliProgress *self,
        gboolean       now)
{
  gint64 time;

  if (!self->terminal)
    return;
  time = g_get_monotonic_time ();
  if (time - self->started < self->show_after ||
      (!now && self->drawn_at != 0 && time - self->drawn_at < REDRAW_USEC))
    return;
  self->drawn_at = time;
  draw (self);
}

/* "Writing “roster.pdf”…", for a command that writes @path. */
TsCliProgress *
ts_cli_progress_new_writing (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  /* Translators: while a list is being written; %s is a file name. */
  g_autofree char *text = g_strdup_printf (_("Writing “%s”…"), name);

  return ts_cli_progress_new (text);
}

/* Another part of the work: new words, from the start of the bar. */
void
ts_cli_progress_stage (TsCliProgress *self,
                       const char    *text)
{
  g_free (self->text);
  self->text = g_strdup (text);
  self->fraction = 0.0;
  update (self, TRUE);
}

void
ts_cli_progress_set (TsCliProgress *self,
                     double         fraction)
{
  self->fraction = CLAMP (fraction, 0.0, 1.0);
  /* The end of a part is always shown, however soon it came. */
  update (self, self->fraction >= 1.0);
}

void
ts_cli_progress_count (guint    done,
                       guint    total,
                       gpointer self)
{
  ts_cli_progress_set (self, total > 0 ? (double) done / total : 1.0);
}

void
ts_cli_progress_fraction (double   fraction,
                          gpointer self)
{
  ts_cli_progress_set (self, fraction);
}

/* Erases the line, if it was shown, before anything else is printed;
 * the next stage draws it again. */
void
ts_cli_progress_clear (TsCliProgress *self)
{
  if (self->drawn_at == 0)
    return;
  fputs ("\r\033[K", stderr);
  fflush (stderr);
  self->drawn_at = 0;
}

/* Erases the line, if it was shown: call it before printing anything. */
void
ts_cli_progress_free (TsCliProgress *self)
{
  if (self == NULL)
    return;
  ts_cli_progress_clear (self);
  g_free (self->text);
  g_free (self);
}
