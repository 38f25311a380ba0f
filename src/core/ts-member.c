/* ts-member.c: a person, attendee or not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-member"

#include "config.h"

#include "ts-member.h"
#include "ts-record.h"
#include "ts-text.h"

static const TsField member_fields[] = {
  TS_FIELD (TsMember, TS_FIELD_INT64,  "id",                id),
  TS_FIELD (TsMember, TS_FIELD_STRING, "uuid",              uuid),
  TS_FIELD (TsMember, TS_FIELD_STRING, "family-name",       family_name),
  TS_FIELD (TsMember, TS_FIELD_STRING, "given-name",        given_name),
  TS_FIELD (TsMember, TS_FIELD_STRING, "family-reading",    family_reading),
  TS_FIELD (TsMember, TS_FIELD_STRING, "given-reading",     given_reading),
  TS_FIELD (TsMember, TS_FIELD_STRING, "organization",      organization),
  TS_FIELD (TsMember, TS_FIELD_STRING, "profession",        profession),
  TS_FIELD (TsMember, TS_FIELD_STRING, "job-title",         job_title),
  TS_FIELD (TsMember, TS_FIELD_STRING, "email",             email),
  TS_FIELD (TsMember, TS_FIELD_STRING, "phone",             phone),
  TS_FIELD (TsMember, TS_FIELD_TEXT,   "introduction",      introduction),
  TS_FIELD (TsMember, TS_FIELD_TEXT,   "wish",              wish),
  TS_FIELD (TsMember, TS_FIELD_INT64,  "referred-by",       referred_by),
  TS_FIELD (TsMember, TS_FIELD_INT64,  "home-chapter-id",   home_chapter_id),
  TS_FIELD_OF_ENUM (TsMember, ts_consent_get_type, "consent", consent),
  TS_FIELD (TsMember, TS_FIELD_TEXT,   "notes",             notes),
  TS_FIELD (TsMember, TS_FIELD_STRING, "created-at",        created_at),
  TS_FIELD (TsMember, TS_FIELD_STRING, "updated-at",        updated_at),
  TS_FIELD (TsMember, TS_FIELD_STRING, "search-key",        search_key),
  TS_FIELD (TsMember, TS_FIELD_STRING, "home-chapter-name", home_chapter_name),
  TS_FIELD (TsMember, TS_FIELD_STRING, "referrer-name",     referrer_name),
  TS_FIELD (TsMember, TS_FIELD_STRING, "last-attended",     last_attended),
  TS_FIELD (TsMember, TS_FIELD_INT64,  "times-attended",    times_attended),
};

TS_DEFINE_RECORD (TsMember, ts_member, member_fields)

static void
ts_member_finalize (GObject *object)
{
  TsMember *self = TS_MEMBER (object);

  g_clear_pointer (&self->sort_key, g_bytes_unref);
  ts_member_finalize_fields (object);
  G_OBJECT_CLASS (ts_member_parent_class)->finalize (object);
}

static void
ts_member_class_init (TsMemberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_member_finalize;
  ts_member_install (G_OBJECT_CLASS (klass));
}

static void
ts_member_init (TsMember *self)
{
  ts_member_init_fields (self);
}

TsMember *
ts_member_new (void)
{
  return g_object_new (TS_TYPE_MEMBER, NULL);
}

/* Family name first, with a full-width space, as on Japanese paper. */
char *
ts_member_dup_name (TsMember *self)
{
  g_return_val_if_fail (TS_IS_MEMBER (self), NULL);
  return ts_text_join_name (self->family_name, self->given_name, "\u3000");
}

char *
ts_member_dup_reading (TsMember *self)
{
  g_return_val_if_fail (TS_IS_MEMBER (self), NULL);
  return ts_text_join_name (self->family_reading, self->given_reading, "\u3000");
}

/* The search key covers names, readings, organization and profession; the
 * sort key is the reading, then the name. Called before every save. */
void
ts_member_update_keys (TsMember *self)
{
  g_autofree char *name = ts_text_join_name (self->family_name, self->given_name, " ");
  g_autofree char *reading = ts_text_join_name (self->family_reading,
                                                self->given_reading, " ");
  const char *fields[] = { name, reading, self->organization, self->profession,
                           self->email, NULL };

  g_free (self->search_key);
  self->search_key = ts_text_search_key_join (fields);
  g_clear_pointer (&self->sort_key, g_bytes_unref);
  self->sort_key = ts_text_sort_key (reading, name);
}
