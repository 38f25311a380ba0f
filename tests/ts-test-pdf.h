/* ts-test-pdf.h: PDFs read back with poppler-glib, for the tests that
 * print. Only the tests that link test_pdf_dep depend on poppler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

/* Debian 12's poppler-glib has no autoptr support; aliases keep this
 * building where it does. */
typedef PopplerDocument TestPdf;
typedef PopplerPage     TestPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)

/* One page's text, with a box and a font size for each character. */
typedef struct {
  char             *text;
  PopplerRectangle *boxes;
  guint             n_boxes;
  GList            *attributes;
} TsTestPdfText;

TestPdf *ts_test_pdf_open         (const char    *path);
void     ts_test_pdf_text_load    (TsTestPdfText *page_text,
                                   TestPdf       *document,
                                   int            index);
void     ts_test_pdf_text_clear   (TsTestPdfText *page_text);
double   ts_test_pdf_font_size_at (GList         *attributes,
                                   long           index);
char    *ts_test_pdf_text         (const char    *path,
                                   double         min_size,
                                   guint         *n_pages);

G_END_DECLS
