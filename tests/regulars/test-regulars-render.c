/* test-regulars-render.c: the trend chart and the month strip, drawn for real.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include "regulars-dataset.h"
#include "ts-regulars-history.h"
#include "ts-render-trend.h"
#include "ts-test-support.h"

static const double black[4] = { 0, 0, 0, 1 };

typedef DatasetFixture Fixture;

static void
options_for_2017 (TsRegularsOptions *options)
{
  ts_regulars_options_init (options);
  g_strlcpy (options->today, DATASET_TODAY, sizeof options->today);
  options->until_year = 2017;
  options->until_month = 12;
}

static cairo_surface_t *
white_surface (int width, int height, cairo_t **cr)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);
  return surface;
}

/* The pixel as 0xRRGGBB. */
static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (cairo_image_surface_get_data (surface) +
                       y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

static void
save_if_asked (cairo_surface_t *surface, const char *name)
{
  /* TSUDOI_TEST_PNG_DIR=/tmp keeps the pictures for looking at. */
  const char *dir = g_getenv ("TSUDOI_TEST_PNG_DIR");

  if (dir != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      cairo_surface_write_to_png (surface, path);
    }
}

static void
test_month_strip (Fixture       *fixture,
                  gconstpointer  data)
{
  TsRegularsOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsRegularsHistory) m = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  options_for_2017 (&options);
  m = ts_regulars_history_compute (fixture->repository, fixture->d.m, &options, &error);
  g_assert_no_error (error);
  surface = white_surface (200, 40, &cr);
  /* Ten months, 16 units a month: centres at 8, 24, 40 …, marks at y 10. */
  ts_render_month_strip (cr, m->cells, m->n_months, m->first_month, 200, 40, black);
  save_if_asked (surface, "strip-m.png");
  g_assert_cmpuint (pixel (surface, 8, 10), ==, 0x1c71d8);    /* March: present */
  g_assert_cmpuint (pixel (surface, 24, 10), ==, 0xffffff);   /* April: nothing */
  g_assert_cmpuint (pixel (surface, 40, 10), ==, 0x1c71d8);   /* May: present */
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_trend (Fixture       *fixture,
            gconstpointer  data)
{
  TsRegularsOptions options;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsRegulars) result = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint blue = 0, green = 0;

  options_for_2017 (&options);
  result = ts_regulars_compute (fixture->repository, fixture->d.chapter_a, &options, &error);
  g_assert_no_error (error);
  surface = white_surface (400, 200, &cr);
  ts_render_trend (cr, result, 12, 400, 200, black);
  save_if_asked (surface, "trend-a.png");
  /* January: three first-timers (green); April: two regulars (blue). */
  for (int y = 20; y < 180; y++)
    for (int x = 24; x < 400; x++)
      {
        blue += pixel (surface, x, y) == 0x1c71d8;
        green += pixel (surface, x, y) == 0x2ec27e;
      }
  g_assert_cmpuint (blue, >, 500);
  g_assert_cmpuint (green, >, 500);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The parts of a bar print as four clearly different greys in black and
 * white: their luminances lie at least 0.12 apart. */
static void
test_trend_greys (void)
{
  double luminance[TS_TREND_N_PARTS];

  for (TsTrendPart part = 0; part < TS_TREND_N_PARTS; part++)
    {
      double rgb[3];

      ts_render_trend_part_color (part, rgb);
      luminance[part] = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
  for (TsTrendPart a = 0; a < TS_TREND_N_PARTS; a++)
    for (TsTrendPart b = a + 1; b < TS_TREND_N_PARTS; b++)
      g_assert_cmpfloat (fabs (luminance[a] - luminance[b]), >=, 0.12);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/regulars-render/month-strip", Fixture, NULL, dataset_fixture_set_up,
              test_month_strip, dataset_fixture_tear_down);
  g_test_add ("/regulars-render/trend", Fixture, NULL, dataset_fixture_set_up, test_trend,
              dataset_fixture_tear_down);
  g_test_add_func ("/regulars-render/trend-greys", test_trend_greys);
  return g_test_run ();
}
