/* ts-record.c: properties of plain record objects, declared as a table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-record"

#include "ts-record.h"
#include "ts-text-clean.h"

#define FIELD_PTR(object, field) ((guint8 *) (object) + (field)->offset)

/* Each record type's table, kept with the type for ts_record_clean(). */
typedef struct {
  const TsField *fields;
  guint          n_fields;
} FieldTable;

static GQuark ts_record_fields_quark (void);
G_DEFINE_QUARK (ts-record-fields, ts_record_fields)

static gboolean
is_text (const TsField *field)
{
  return field->type == TS_FIELD_STRING || field->type == TS_FIELD_TEXT;
}

/* Replaces the text in @slot by @text cleaned; TRUE when that changed it. */
static gboolean
set_text (char          **slot,
          const char     *text,
          const TsField  *field)
{
  g_autofree char *clean = ts_text_clean (text, field->type == TS_FIELD_TEXT);

  if (g_strcmp0 (*slot, clean) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_steal_pointer (&clean);
  return TRUE;
}

static void
notify_field (GObject       *object,
              const TsField *field)
{
  g_object_notify_by_pspec (object,
                            g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                          field->name));
}

void
ts_record_install_fields (GObjectClass  *klass,
                          const TsField *fields,
                          guint          n_fields)
{
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                            G_PARAM_STATIC_STRINGS;
  FieldTable *table = g_new (FieldTable, 1);

  /* Kept for as long as the type: classes are never finalized. */
  table->fields = fields;
  table->n_fields = n_fields;
  g_type_set_qdata (G_OBJECT_CLASS_TYPE (klass), ts_record_fields_quark (), table);
  for (guint i = 0; i < n_fields; i++)
    {
      GParamSpec *pspec = NULL;

      switch (fields[i].type)
        {
        case TS_FIELD_STRING:
        case TS_FIELD_TEXT:
          pspec = g_param_spec_string (fields[i].name, NULL, NULL, "", flags);
          break;
        case TS_FIELD_INT64:
          pspec = g_param_spec_int64 (fields[i].name, NULL, NULL,
                                      G_MININT64, G_MAXINT64, 0, flags);
          break;
        case TS_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (fields[i].name, NULL, NULL, FALSE, flags);
          break;
        case TS_FIELD_ENUM:
          /* The first value is the default, as in the schema. */
          pspec = g_param_spec_enum (fields[i].name, NULL, NULL, fields[i].enum_type (), 0, flags);
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
    case TS_FIELD_TEXT:
      g_value_set_string (value, *(char **) FIELD_PTR (object, field));
      break;
    case TS_FIELD_INT64:
      g_value_set_int64 (value, *(gint64 *) FIELD_PTR (object, field));
      break;
    case TS_FIELD_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) FIELD_PTR (object, field));
      break;
    case TS_FIELD_ENUM:
      g_value_set_enum (value, *(int *) FIELD_PTR (object, field));
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
    case TS_FIELD_TEXT:
      changed = set_text ((char **) FIELD_PTR (object, field), g_value_get_string (value), field);
      break;
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
    case TS_FIELD_ENUM:
      {
        int *slot = (int *) FIELD_PTR (object, field);
        int number = g_value_get_enum (value);

        changed = *slot != number;
        *slot = number;
        break;
      }
    default:
      g_assert_not_reached ();
    }

  if (changed)
    notify_field (object, field);
}

/* Cleans every text field of @record (a TsChapter, TsEvent, TsMember or
 * TsAttendance) in place, notifying the ones that changed. Fields are
 * public and some code fills them directly (the importer, the dialogs):
 * this is what makes sure no control character is ever stored. */
void
ts_record_clean (gpointer record)
{
  const FieldTable *table;

  g_return_if_fail (G_IS_OBJECT (record));
  table = g_type_get_qdata (G_OBJECT_TYPE (record), ts_record_fields_quark ());
  g_return_if_fail (table != NULL);

  for (guint i = 0; i < table->n_fields; i++)
    {
      const TsField *field = &table->fields[i];
      char **slot;
      g_autofree char *text = NULL;

      if (!is_text (field))
        continue;
      slot = (char **) FIELD_PTR (record, field);
      text = g_strdup (*slot);
      if (set_text (slot, text, field))
        notify_field (G_OBJECT (record), field);
    }
}

/* Strings are never NULL in a record: "" stands for "not given". */
void
ts_record_init_fields (GObject       *object,
                       const TsField *fields,
                       guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (is_text (&fields[i]))
      *(char **) FIELD_PTR (object, &fields[i]) = g_strdup ("");
}

void
ts_record_free_fields (GObject       *object,
                       const TsField *fields,
                       guint          n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (is_text (&fields[i]))
      g_clear_pointer ((char **) FIELD_PTR (object, &fields[i]), g_free);
}

static gboolean
property_equal (GObject    *a,
                GObject    *b,
                const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), name);
  g_auto(GValue) value_a = G_VALUE_INIT;
  g_auto(GValue) value_b = G_VALUE_INIT;

  g_assert (pspec != NULL);
  g_value_init (&value_a, pspec->value_type);
  g_value_init (&value_b, pspec->value_type);
  g_object_get_property (a, name, &value_a);
  g_object_get_property (b, name, &value_b);
  return g_param_values_cmp (pspec, &value_a, &value_b) == 0;
}

/* Whether @a and @b, records of one type, hold the same value in every
 * property named in @names. */
gboolean
ts_record_equal (gpointer            a,
                 gpointer            b,
                 const char * const *names)
{
  g_return_val_if_fail (G_IS_OBJECT (a) && G_IS_OBJECT (b), FALSE);

  for (guint i = 0; names[i] != NULL; i++)
    if (!property_equal (a, b, names[i]))
      return FALSE;
  return TRUE;
}

/* The names, among @names, of the properties whose values differ. */
GStrv
ts_record_diff (gpointer            a,
                gpointer            b,
                const char * const *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (G_IS_OBJECT (a) && G_IS_OBJECT (b), NULL);

  for (guint i = 0; names[i] != NULL; i++)
    if (!property_equal (a, b, names[i]))
      g_strv_builder_add (builder, names[i]);
  return g_strv_builder_end (builder);
}

void
ts_record_copy (gpointer            source,
                gpointer            target,
                const char * const *names)
{
  g_return_if_fail (G_IS_OBJECT (source) && G_IS_OBJECT (target));

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (source, names[i], &value);
      g_object_set_property (target, names[i], &value);
    }
}

/* A new record of the same type, every property copied. Fields that are
 * no properties (a member's sort key) are derived and left out. */
gpointer
ts_record_dup (gpointer record)
{
  guint n = 0;
  g_autofree GParamSpec **pspecs = NULL;
  GObject *copy;

  g_return_val_if_fail (G_IS_OBJECT (record), NULL);

  copy = g_object_new (G_OBJECT_TYPE (record), NULL);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  for (guint i = 0; i < n; i++)
    {
      const char *names[] = { pspecs[i]->name, NULL };

      if ((pspecs[i]->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
          !(pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY))
        ts_record_copy (record, copy, names);
    }
  return copy;
}
