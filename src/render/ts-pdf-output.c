/* ts-pdf-output.c: a PDF file written beside its name, 0600, and put in
 * place only when complete.
 *
 * cairo_pdf_surface_create() opens its file with the umask's mode (0644
 * on most systems): a roster or a page of badges would be readable by
 * every account on the laptop. The surface writes instead into a
 * descriptor opened 0600, in "NAME.part", renamed over NAME at the end,
 * so a failed or cancelled export never leaves half a file in place of a
 * good one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ts-output-path.h"
#include "ts-pdf-output.h"
#include "ts-print-job.h"
#include "ts-render-text.h"

struct _TsPdfOutput
{
  char            *path;
  char            *part;
  int              fd;
  int              write_errno;   /* the first failed write, or 0 */
  cairo_surface_t *surface;
};

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  TsPdfOutput *self = closure;

  while (length > 0)
    {
      ssize_t written = write (self->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          if (self->write_errno == 0)
            self->write_errno = written < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= written;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* An A4 PDF surface that ends up in @path. */
TsPdfOutput *
ts_pdf_output_new (const char  *path,
                   GError     **error)
{
  TsPdfOutput *self;
  g_autofree char *part = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  part = g_strconcat (path, ".part", NULL);
  if ((fd = ts_output_file_create (part, error)) < 0)
    return NULL;
  self = g_new0 (TsPdfOutput, 1);
  self->path = g_strdup (path);
  self->part = g_steal_pointer (&part);
  self->fd = fd;
  self->surface = cairo_pdf_surface_create_for_stream (write_cb, self,
                                                       TS_A4_WIDTH, TS_A4_HEIGHT);
  return self;
}

cairo_surface_t *
ts_pdf_output_get_surface (TsPdfOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->surface;
}

static gboolean
finish (TsPdfOutput  *self,
        GError      **error)
{
  cairo_status_t status;
  int saved_errno = 0;

  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  if (close (self->fd) != 0)
    saved_errno = errno;
  self->fd = -1;
  if (self->write_errno != 0)
    saved_errno = self->write_errno;
  if (status == CAIRO_STATUS_SUCCESS && saved_errno == 0)
    return TRUE;
  g_set_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_WRITE,
               _("Could not write “%1$s”: %2$s"), self->path,
               saved_errno != 0 ? g_strerror (saved_errno) : cairo_status_to_string (status));
  return FALSE;
}

/* Finishes the PDF and frees @self. With @keep, the complete file
 * replaces @path; without, or when anything failed, nothing is left. */
gboolean
ts_pdf_output_close (TsPdfOutput  *self,
                     gboolean      keep,
                     GError      **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  ok = finish (self, keep ? error : NULL) && keep;
  if (ok && g_rename (self->part, self->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TS_PRINT_ERROR, TS_PRINT_ERROR_WRITE,
                   _("Could not write “%1$s”: %2$s"), self->path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (self->part);
  cairo_surface_destroy (self->surface);
  g_free (self->part);
  g_free (self->path);
  g_free (self);
  return ok;
}
