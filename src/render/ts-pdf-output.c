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
 * Cairo 1.16 has no call for the document's language, which screen
 * readers need to read the names in Japanese. The last bytes written are
 * kept, and once cairo has finished, the catalog is written again with
 * /Lang (ja) as a PDF incremental update (ISO 32000-1, 7.5.6), which
 * every reader applies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-render"

#include "config.h"

#include <errno.h>
#include <string.h>
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
  goffset          written;       /* bytes in the file */
  GByteArray      *tail;          /* the last of them: trailer, catalog */
};

/* Enough for cairo's catalog, info dictionary, xref and trailer, which
 * it writes last. */
#define TAIL_KEEP (64 * 1024)

static void
keep_tail (TsPdfOutput         *self,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (self->tail, data, length);
  if (self->tail->len > 2 * TAIL_KEEP)
    g_byte_array_remove_range (self->tail, 0, self->tail->len - TAIL_KEEP);
  self->written += length;
}

static cairo_status_t
write_all (TsPdfOutput         *self,
           const unsigned char *data,
           unsigned int         length)
{
  keep_tail (self, data, length);
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

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  return write_all (closure, data, length);
}

/* The text between @start and the next @end in @text, NULL if absent. */
static char *
between (const char *text,
         const char *start,
         const char *end)
{
  const char *from = g_strrstr (text, start);
  const char *to;

  if (from == NULL)
    return NULL;
  from += strlen (start);
  to = strstr (from, end);
  return to != NULL ? g_strndup (from, to - from) : NULL;
}

/* The incremental update that gives the catalog a language, or NULL when
 * cairo's output is not what it is expected to be (then the PDF stays as
 * cairo wrote it). */
static char *
language_update (TsPdfOutput *self)
{
  /* Cairo writes its dictionaries as text after the last binary stream. */
  const char *end = (const char *) self->tail->data + self->tail->len;
  const char *from = end;
  g_autofree char *text = NULL;

  while (from > (const char *) self->tail->data && from[-1] != '\0')
    from--;
  text = g_strndup (from, end - from);
  g_autofree char *trailer = between (text, "trailer", ">>");
  g_autofree char *startxref = between (text, "startxref", "%%EOF");
  g_autofree char *object_start = NULL;
  g_autofree char *catalog = NULL;
  const char *root = trailer ? strstr (trailer, "/Root") : NULL;
  const char *dict_end;
  guint64 root_id;
  goffset object_offset, xref_offset;
  GString *update;

  if (root == NULL || startxref == NULL || (root_id = g_ascii_strtoull (root + 5, NULL, 10)) == 0)
    return NULL;
  object_start = g_strdup_printf ("\n%" G_GUINT64_FORMAT " 0 obj", root_id);
  catalog = between (text, object_start, "endobj");
  if (catalog == NULL || strstr (catalog, "/Lang") != NULL ||
      (dict_end = g_strrstr (catalog, ">>")) == NULL)
    return NULL;
  /* The catalog again with a language, a cross-reference section for it
   * alone, and the trailer pointing back to cairo's. */
  update = g_string_new ("\n");
  object_offset = self->written + update->len;
  g_string_append_printf (update, "%" G_GUINT64_FORMAT " 0 obj\n%.*s/Lang (ja)\n>>\nendobj\n",
                          root_id, (int) (dict_end - catalog), catalog);
  xref_offset = self->written + update->len;
  g_string_append_printf (update, "xref\n%" G_GUINT64_FORMAT " 1\n%010" G_GINT64_FORMAT " 00000 n \n"
                          "trailer\n%s /Prev %s >>\nstartxref\n%" G_GINT64_FORMAT "\n%%%%EOF\n",
                          root_id, object_offset, g_strstrip (trailer), g_strstrip (startxref),
                          xref_offset);
  return g_string_free (update, FALSE);
}

/* Names and introductions are Japanese whatever the language of the
 * headings: a screen reader must read them as Japanese. */
static void
add_language (TsPdfOutput *self)
{
  g_autofree char *update = language_update (self);

  if (update != NULL)
    write_all (self, (const unsigned char *) update, strlen (update));
  else
    g_warning ("The PDF's catalog was not found; it has no language");
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
  self->tail = g_byte_array_new ();
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
  if (status == CAIRO_STATUS_SUCCESS && self->write_errno == 0)
    add_language (self);
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
  g_byte_array_unref (self->tail);
  g_free (self->part);
  g_free (self->path);
  g_free (self);
  return ok;
}
