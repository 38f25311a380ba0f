/* ts-record.c: properties of plain record objects, declared as a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-record"

#include "ts-record.h"

#define FIELD_PTR(object, field) ((guint8 *) (object) + (field)->offset)

void
ts_record_install_fields (GObjectClass  *klass,
                          const TsField *fields,
                          guint          n_fields)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                            G_PARAM_STATIC_STRINGS;

  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = NULL;

      switch (fields[i].type)
        {
        case TS_FIELD_STRING:
          pspec = g_param_spec_string (fields[i].name, NULL, NULL, "", flags);
          break;
        case TS_FIELD_INT64:
          pspec = g_param_spec_int64 (fields[i].name, NULL, NULL,
                                      G_MININT64, G_MAXINT64, 0, flags);
          break;
        case TS_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (fields[i].name, NULL, NULL, FALSE, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (klass, i + 1, pspec);
    }
}

void
ts_record_get_field (GObject       *object,
                     const TsField *fields,
                     guint          n_fields,
                     guint          prop_id,
                     GValue        *value)
{
  const TsField *field;

  g_assert (prop_id >= 1 && prop_id <= n_fields);
  field = &fields[prop_id - 1];

  switch (field->type)
    {
    case TS_FIELD_STRING:
      g_value_set_string (value, *(char **) FIELD_PTR (object, field));
      break;
    case TS_FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *) FIELD_PTR (object, field));
      break;
    case TS_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) FIELD_PTR (object, field));
      break;
    default:
      g_assert_not_reached ();
    }
}

void
ts_record_set_field (GObject       *object,
                     const TsField *fields,
                     guint          n_fields,
                     guint          prop_id,
                     const GValue  *value)
{
  const TsField *field;
  gboolean changed = FALSE;

  g_assert (prop_id >= 1 && prop_id <= n_fields);
  field = &fields[prop_id - 1];

  switch (field->type)
    {
    case TS_FIELD_STRING:
      {
        char **slot = (char **) FIELD_PTR (object, field);
        const char *text = g_value_get_string (value);

        if (g_strcmp0 (*slot, text ? text : "") != 0)
          {
            g_free (*slot);
            *slot = g_strdup (text ? text : "");
            changed = TRUE;
          }
        break;
      }
    case TS_FIELD_INT64:
      {
        gint64 *slot = (gint64 *) FIELD_PTR (object, field);
        gint64 number = g_value_get_int64 (value);

        changed = *slot != number;
        *slot = number;
        break;
      }
    case TS_FIELD_BOOLEAN:
      {
        gboolean *slot = (gboolean *) FIELD_PTR (object, field);
        gboolean flag = g_value_get_boolean (value);

        changed = *slot != flag;
        *slot = flag;
        break;
      }
    default:
      g_assert_not_reached ();
    }

  if (changed)
    g_object_notify_by_pspec (object,
                              g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                            field->name));
}

/* Strings are never NULL in a record: "" stands for "not given". */
void
ts_record_init_fields (GObject       *object,
                       const TsField *fields,
                       guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == TS_FIELD_STRING)
      *(char **) FIELD_PTR (object, &fields[i]) = g_strdup ("");
}

void
ts_record_free_fields (GObject       *object,
                       const TsField *fields,
                       guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == TS_FIELD_STRING)
      g_clear_pointer ((char **) FIELD_PTR (object, &fields[i]), g_free);
}
