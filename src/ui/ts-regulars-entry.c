/* ts-regulars-entry.c: one person in a list of the Regulars page, as the
 * list's model holds them: what the row shows, copied out of the
 * analysis, so that a row never points into an analysis recomputed
 * since. Records of a GListModel, read by the list view's factory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-regulars-entry.h"

struct _TsRegularsEntry
{
  GObject  parent_instance;

  gint64   member_id;
  char    *name;
  char    *subtitle;   /* organization, profession and why they are listed */
  char    *contact;    /* name, email and phone to copy; "" when none */
};

G_DEFINE_FINAL_TYPE (TsRegularsEntry, ts_regulars_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMBER_ID,
  PROP_NAME,
  PROP_SUBTITLE,
  PROP_CONTACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ts_regulars_entry_finalize (GObject *object)
{
  TsRegularsEntry *self = TS_REGULARS_ENTRY (object);

  g_free (self->name);
  g_free (self->subtitle);
  g_free (self->contact);
  G_OBJECT_CLASS (ts_regulars_entry_parent_class)->finalize (object);
}

static void
ts_regulars_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TsRegularsEntry *self = TS_REGULARS_ENTRY (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID:
      g_value_set_int64 (value, self->member_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_regulars_entry_class_init (TsRegularsEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ts_regulars_entry_finalize;
  object_class->get_property = ts_regulars_entry_get_property;

  properties[PROP_MEMBER_ID] = g_param_spec_int64 ("member-id", NULL, NULL,
                                                   0, G_MAXINT64, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, "", flags);
  properties[PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_regulars_entry_init (TsRegularsEntry *self)
{
}

TsRegularsEntry *
ts_regulars_entry_new (gint64      member_id,
                       const char *name,
                       const char *subtitle,
                       const char *contact)
{
  TsRegularsEntry *self = g_object_new (TS_TYPE_REGULARS_ENTRY, NULL);

  self->member_id = member_id;
  self->name = g_strdup (name);
  self->subtitle = g_strdup (subtitle);
  self->contact = g_strdup (contact != NULL ? contact : "");
  return self;
}

gint64
ts_regulars_entry_get_member_id (TsRegularsEntry *self)
{
  g_return_val_if_fail (TS_IS_REGULARS_ENTRY (self), 0);

  return self->member_id;
}

const char *
ts_regulars_entry_get_name (TsRegularsEntry *self)
{
  g_return_val_if_fail (TS_IS_REGULARS_ENTRY (self), NULL);

  return self->name;
}

const char *
ts_regulars_entry_get_subtitle (TsRegularsEntry *self)
{
  g_return_val_if_fail (TS_IS_REGULARS_ENTRY (self), NULL);

  return self->subtitle;
}

const char *
ts_regulars_entry_get_contact (TsRegularsEntry *self)
{
  g_return_val_if_fail (TS_IS_REGULARS_ENTRY (self), NULL);

  return self->contact;
}
