/* ts-regulars-page.c: who keeps coming, who is new, who stopped.
 *
 * A placeholder until the regulars work lands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-regulars-page.h"

struct _TsRegularsPage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (TsRegularsPage, ts_regulars_page, ADW_TYPE_BIN)

static void
ts_regulars_page_class_init (TsRegularsPageClass *klass)
{
}

static void
ts_regulars_page_init (TsRegularsPage *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Regulars Are Not Available Yet"));
  adw_bin_set_child (ADW_BIN (self), status);
}

GtkWidget *
ts_regulars_page_new (TsRepository *repository)
{
  return g_object_new (TS_TYPE_REGULARS_PAGE, NULL);
}

void
ts_regulars_page_set_chapter (TsRegularsPage *self,
                              gint64          chapter_id)
{
}
