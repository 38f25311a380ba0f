/* ts-test-pdf.c: PDFs read back with poppler-glib, for the tests that
 * print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-pdf.h"

/* The document at @path; the test fails when it cannot be read. */
TestPdf *
ts_test_pdf_open (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  TestPdf *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

void
ts_test_pdf_text_load (TsTestPdfText *page_text,
                       TestPdf       *document,
                       int            index)
{
  g_autoptr(TestPdfPage) page = poppler_document_get_page (document, index);

  g_assert_nonnull (page);
  page_text->text = poppler_page_get_text (page);
  page_text->attributes = poppler_page_get_text_attributes (page);
  g_assert_true (poppler_page_get_text_layout (page, &page_text->boxes, &page_text->n_boxes));
}

void
ts_test_pdf_text_clear (TsTestPdfText *page_text)
{
  g_clear_pointer (&page_text->text, g_free);
  g_clear_pointer (&page_text->boxes, g_free);
  g_clear_pointer (&page_text->attributes, poppler_page_free_text_attributes);
  page_text->n_boxes = 0;
}

/* The font size of the character at @index in the page's text, or 0. */
double
ts_test_pdf_font_size_at (GList *attributes,
                          long   index)
{
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;

      if (index >= a->start_index && index <= a->end_index)
        return a->font_size;
    }
  return 0;
}

/* All the text of a PDF, pages joined by form feeds, without the spaces
 * and line breaks the extraction puts in, and without text smaller than
 * min_size: readings set above names would otherwise interleave with them
 * in the extraction order. */
char *
ts_test_pdf_text (const char *path,
                  double      min_size,
                  guint      *n_pages)
{
  g_autoptr(TestPdf) document = ts_test_pdf_open (path);
  GString *text = g_string_new (NULL);

  *n_pages = poppler_document_get_n_pages (document);
  for (guint i = 0; i < *n_pages; i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      GList *attributes = min_size > 0 ? poppler_page_get_text_attributes (page) : NULL;
      long index = 0;

      for (const char *c = page_text; *c; c = g_utf8_next_char (c), index++)
        {
          gunichar ch = g_utf8_get_char (c);

          if (g_unichar_isspace (ch) || ch == 0x3000)
            continue;
          if (min_size > 0 && ts_test_pdf_font_size_at (attributes, index) < min_size)
            continue;
          g_string_append_unichar (text, ch);
        }
      poppler_page_free_text_attributes (attributes);
      g_string_append_c (text, '\f');
    }
  return g_string_free (text, FALSE);
}
