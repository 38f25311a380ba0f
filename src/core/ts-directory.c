/* ts-directory.c: the network's chapter directory, shipped with the app.
 *
 * The directory is a tab-separated file compiled into the core library,
 * so the CLI and the app load the same list wherever they are installed.
 * Loading twice adds nothing: a chapter already present by name is kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-directory"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-directory.h"
#include "tsudoi-core-resources.h"

static gboolean
chapter_exists (GListModel *chapters,
                const char *name)
{
  guint n = g_list_model_get_n_items (chapters);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsChapter) chapter = g_list_model_get_item (chapters, i);
      if (g_strcmp0 (chapter->name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static TsChapter *
parse_line (const char *line,
            gint64      position)
{
  g_auto(GStrv) fields = g_strsplit (line, "\t", -1);
  TsChapter *chapter;

  if (g_strv_length (fields) != 5)
    return NULL;
  chapter = ts_chapter_new ();
  g_object_set (chapter,
                "region", fields[0], "prefecture", fields[1], "area", fields[2],
                "name", fields[3], "reading", fields[4], "position", position,
                NULL);
  return chapter;
}

gboolean
ts_directory_load (TsRepository  *repository,
                   guint         *n_added,
                   GError       **error)
{
  TsDatabase *database = ts_repository_get_database (repository);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GListModel) existing = NULL;
  g_auto(GStrv) lines = NULL;
  guint added = 0;
  gint64 position = 0;

  /* Looked up in the core's own resource rather than the global table, so
   * the data comes along with the static library without a constructor. */
  bytes = g_resource_lookup_data (ts_core_get_resource (),
                                  "/io/github/tsudoi/Tsudoi/core/chapters.tsv",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  existing = ts_repository_list_chapters (repository, error);
  if (existing == NULL)
    return FALSE;

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  if (!ts_database_begin (database, error))
    return FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(TsChapter) chapter = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      chapter = parse_line (lines[i], ++position);
      if (chapter == NULL || chapter_exists (existing, chapter->name))
        continue;
      if (!ts_repository_save_chapter (repository, chapter, error))
        {
          ts_database_rollback (database);
          return FALSE;
        }
      added++;
    }
  if (!ts_database_commit (database, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}
