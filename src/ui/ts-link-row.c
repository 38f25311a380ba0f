/* ts-link-row.c: a row that stands for one record (an event, a member).
 *
 * What the row leads to is a field of the row, so that whoever handles
 * its activation reads it back typed, not from object data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-link-row.h"

struct _TsLinkRow
{
  AdwActionRow parent_instance;

  gint64       record_id;
};

G_DEFINE_FINAL_TYPE (TsLinkRow, ts_link_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ts_link_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_RECORD_ID:
      g_value_set_int64 (value, TS_LINK_ROW (object)->record_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_link_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_RECORD_ID:
      TS_LINK_ROW (object)->record_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_link_row_class_init (TsLinkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ts_link_row_get_property;
  object_class->set_property = ts_link_row_set_property;
  /* 0 for a row that leads nowhere ("Nobody has come yet"). */
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_link_row_init (TsLinkRow *self)
{
}

GtkWidget *
ts_link_row_new (gint64 record_id)
{
  return g_object_new (TS_TYPE_LINK_ROW, "record-id", record_id, NULL);
}

gint64
ts_link_row_get_record_id (TsLinkRow *self)
{
  g_return_val_if_fail (TS_IS_LINK_ROW (self), 0);
  return self->record_id;
}
