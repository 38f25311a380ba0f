/* ts-member-row.c: one position of the members table, whose member changes.
 *
 * See ts-member-rows.c for why: a search changes the member a row shows
 * (a "member" notification) instead of replacing the row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-member-row.h"

struct _TsMemberRow
{
  GObject   parent_instance;
  TsMember *member;
};

G_DEFINE_FINAL_TYPE (TsMemberRow, ts_member_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ts_member_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MEMBER:
      g_value_set_object (value, TS_MEMBER_ROW (object)->member);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_member_row_dispose (GObject *object)
{
  g_clear_object (&TS_MEMBER_ROW (object)->member);
  G_OBJECT_CLASS (ts_member_row_parent_class)->dispose (object);
}

static void
ts_member_row_class_init (TsMemberRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_member_row_dispose;
  object_class->get_property = ts_member_row_get_property;
  properties[PROP_MEMBER] =
    g_param_spec_object ("member", NULL, NULL, TS_TYPE_MEMBER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_member_row_init (TsMemberRow *self)
{
}

TsMemberRow *
ts_member_row_new (TsMember *member)
{
  TsMemberRow *self = g_object_new (TS_TYPE_MEMBER_ROW, NULL);

  self->member = g_object_ref (member);
  return self;
}

TsMember *
ts_member_row_get_member (TsMemberRow *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_ROW (self), NULL);

  return self->member;
}

void
ts_member_row_set_member (TsMemberRow *self,
                          TsMember    *member)
{
  g_return_if_fail (TS_IS_MEMBER_ROW (self));

  if (g_set_object (&self->member, member))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEMBER]);
}
