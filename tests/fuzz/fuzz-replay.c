/* fuzz-replay.c: runs a libFuzzer harness over every file of a corpus
 * folder, without libFuzzer: the corpus as a regression test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdint.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  g_assert (argc == 2);
  dir = g_dir_open (argv[1], 0, NULL);
  g_assert (dir != NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert (g_file_get_contents (path, &contents, &length, NULL));
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      n++;
    }
  g_assert (n > 0);
  g_print ("%u corpus files read\n", n);
  return 0;
}
