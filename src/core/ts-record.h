/* ts-record.h: properties of plain record objects, declared as a table.
 *
 * Records (chapter, event, member, attendance) are GObjects so that list
 * models, expressions and bindings work on them. Their fields are public
 * for reading; a table of fields turns each into a GObject property so
 * that writes through g_object_set() notify.
 *
 * Text is cleaned (ts-text-clean.h) as it is set through a property, and
 * ts_record_clean() cleans fields written directly: the repository calls
 * it before every save, and validation before looking at the record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TS_FIELD_STRING,    /* one line of text */
  TS_FIELD_TEXT,      /* text that may have several lines */
  TS_FIELD_INT64,
  TS_FIELD_BOOLEAN,
  TS_FIELD_ENUM,      /* a registered enum (ts-vocabulary.h), kept in an int */
} TsFieldType;

typedef struct {
  const char  *name;
  TsFieldType  type;
  gsize        offset;
  GType      (*enum_type) (void);
} TsField;

#define TS_FIELD(Type, kind, name, member) \
  { name, kind, G_STRUCT_OFFSET (Type, member), NULL }
#define TS_FIELD_OF_ENUM(Type, get_type, name, member) \
  { name, TS_FIELD_ENUM, G_STRUCT_OFFSET (Type, member), get_type }

void ts_record_install_fields (GObjectClass  *klass,
                               const TsField *fields,
                               guint          n_fields);
void ts_record_get_field      (GObject       *object,
                               const TsField *fields,
                               guint          n_fields,
                               guint          prop_id,
                               GValue        *value);
void ts_record_set_field      (GObject       *object,
                               const TsField *fields,
                               guint          n_fields,
                               guint          prop_id,
                               const GValue  *value);
void ts_record_init_fields    (GObject       *object,
                               const TsField *fields,
                               guint          n_fields);
void ts_record_free_fields    (GObject       *object,
                               const TsField *fields,
                               guint          n_fields);
void ts_record_clean          (gpointer       record);

/* Comparing and copying records by property name, for saves that write
 * only what a person changed (see ts_repository_update_member()). */
gboolean ts_record_equal      (gpointer            a,
                               gpointer            b,
                               const char * const *names);
GStrv    ts_record_diff       (gpointer            a,
                               gpointer            b,
                               const char * const *names);
void     ts_record_copy       (gpointer            source,
                               gpointer            target,
                               const char * const *names);
gpointer ts_record_dup        (gpointer            record);

/* The usual class boilerplate for a record whose fields are all in its
 * table: get/set/finalize and class_init, in one line. */
#define TS_DEFINE_RECORD(TypeName, type_name, FIELDS) \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, G_TYPE_OBJECT) \
  static void type_name##_get_property (GObject *o, guint id, GValue *v, GParamSpec *p) \
  { ts_record_get_field (o, FIELDS, G_N_ELEMENTS (FIELDS), id, v); } \
  static void type_name##_set_property (GObject *o, guint id, const GValue *v, GParamSpec *p) \
  { ts_record_set_field (o, FIELDS, G_N_ELEMENTS (FIELDS), id, v); } \
  static void type_name##_finalize_fields (GObject *o) \
  { ts_record_free_fields (o, FIELDS, G_N_ELEMENTS (FIELDS)); } \
  static void type_name##_install (GObjectClass *klass) \
  { klass->get_property = type_name##_get_property; \
    klass->set_property = type_name##_set_property; \
    ts_record_install_fields (klass, FIELDS, G_N_ELEMENTS (FIELDS)); } \
  static void type_name##_init_fields (TypeName *self) \
  { ts_record_init_fields (G_OBJECT (self), FIELDS, G_N_ELEMENTS (FIELDS)); }

G_END_DECLS
