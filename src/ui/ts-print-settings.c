/* ts-print-settings.c: the print dialog's options, bound to GSettings.
 *
 * One object per printout, with a property per option; it binds itself to
 * the keys of its kind (g_settings_bind), and the dialog binds its rows to
 * the properties, so an option is never copied in or out by hand.
 *
 * Some options belong to one kind of printout (the roster's columns are
 * not the walk-in page's); the printer offset and the start slot belong
 * to the organizer's printer and sheets, so cards and badges share them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-print-settings.h"

struct _TsPrintSettings
{
  GObject        parent_instance;

  TsPrintOptions options;
};

G_DEFINE_FINAL_TYPE (TsPrintSettings, ts_print_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SORT,
  PROP_ORGANIZER_COPY,
  PROP_COMPACT,
  PROP_WAREKI,
  PROP_COLUMNS,
  PROP_STATUSES,
  PROP_CUT_MARKS,
  PROP_BADGE_SIZE,
  PROP_START_SLOT,
  PROP_N_SLOTS,
  PROP_OFFSET_X,
  PROP_OFFSET_Y,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_sheet (TsPrintKind kind)
{
  return kind == TS_PRINT_CARDS || kind == TS_PRINT_BADGES;
}

static guint
n_slots (TsPrintSettings *self)
{
  TsSheetId id = self->options.kind == TS_PRINT_BADGES ? self->options.badge_sheet
                                                       : TS_SHEET_BUSINESS_CARD_10;

  return ts_sheet_n_slots (ts_sheet_get (id));
}

/* The last slot of ten means nothing on a sheet of four. */
static void
set_start_slot (TsPrintSettings *self,
                guint            slot)
{
  slot = CLAMP (slot, 1, n_slots (self));
  if (slot == self->options.start_slot)
    return;
  self->options.start_slot = slot;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_SLOT]);
}

static void
set_badge_size (TsPrintSettings *self,
                TsBadgeSize      size)
{
  TsSheetId sheet = size == TS_BADGE_SIZE_A6 ? TS_SHEET_A6_4 : TS_SHEET_BUSINESS_CARD_10;

  if (sheet == self->options.badge_sheet)
    return;
  self->options.badge_sheet = sheet;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BADGE_SIZE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SLOTS]);
  set_start_slot (self, self->options.start_slot);
}

#define SET_FIELD(field, value, prop) \
  G_STMT_START { \
    if (self->options.field != (value)) \
      { \
        self->options.field = (value); \
        g_object_notify_by_pspec (object, properties[prop]); \
      } \
  } G_STMT_END

static void
ts_print_settings_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TsPrintSettings *self = TS_PRINT_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ts_print_options_init (&self->options, (TsPrintKind) g_value_get_enum (value));
      break;
    case PROP_SORT:
      SET_FIELD (sort, (TsPrintSort) g_value_get_uint (value), prop_id);
      break;
    case PROP_ORGANIZER_COPY:
      SET_FIELD (organizer_copy, g_value_get_boolean (value), prop_id);
      break;
    case PROP_COMPACT:
      SET_FIELD (compact, g_value_get_boolean (value), prop_id);
      break;
    case PROP_WAREKI:
      SET_FIELD (wareki, g_value_get_boolean (value), prop_id);
      break;
    case PROP_COLUMNS:
      SET_FIELD (columns, g_value_get_uint (value) & TS_ROSTER_ALL, prop_id);
      break;
    case PROP_STATUSES:
      SET_FIELD (statuses, g_value_get_uint (value), prop_id);
      break;
    case PROP_CUT_MARKS:
      SET_FIELD (cut_marks, g_value_get_boolean (value), prop_id);
      break;
    case PROP_BADGE_SIZE:
      set_badge_size (self, g_value_get_uint (value));
      break;
    case PROP_START_SLOT:
      set_start_slot (self, g_value_get_uint (value));
      break;
    case PROP_OFFSET_X:
      SET_FIELD (offset_x_mm, g_value_get_double (value), prop_id);
      break;
    case PROP_OFFSET_Y:
      SET_FIELD (offset_y_mm, g_value_get_double (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_print_settings_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TsPrintSettings *self = TS_PRINT_SETTINGS (object);
  const TsPrintOptions *o = &self->options;

  switch (prop_id)
    {
    case PROP_KIND:           g_value_set_enum (value, o->kind); break;
    case PROP_SORT:           g_value_set_uint (value, o->sort); break;
    case PROP_ORGANIZER_COPY: g_value_set_boolean (value, o->organizer_copy); break;
    case PROP_COMPACT:        g_value_set_boolean (value, o->compact); break;
    case PROP_WAREKI:         g_value_set_boolean (value, o->wareki); break;
    case PROP_COLUMNS:        g_value_set_uint (value, o->columns); break;
    case PROP_STATUSES:       g_value_set_uint (value, o->statuses); break;
    case PROP_CUT_MARKS:      g_value_set_boolean (value, o->cut_marks); break;
    case PROP_BADGE_SIZE:
      g_value_set_uint (value, o->badge_sheet == TS_SHEET_A6_4 ? TS_BADGE_SIZE_A6
                                                               : TS_BADGE_SIZE_CARD);
      break;
    case PROP_START_SLOT:     g_value_set_uint (value, o->start_slot); break;
    case PROP_N_SLOTS:        g_value_set_uint (value, n_slots (self)); break;
    case PROP_OFFSET_X:       g_value_set_double (value, o->offset_x_mm); break;
    case PROP_OFFSET_Y:       g_value_set_double (value, o->offset_y_mm); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
uint_property (const char *name,
               guint       max,
               guint       value)
{
  return g_param_spec_uint (name, NULL, NULL, 0, max, value,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
boolean_property (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                               G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
offset_property (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -TS_SHEET_MAX_OFFSET_MM, TS_SHEET_MAX_OFFSET_MM,
                              0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                 G_PARAM_STATIC_STRINGS);
}

static void
ts_print_settings_class_init (TsPrintSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ts_print_settings_get_property;
  object_class->set_property = ts_print_settings_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TS_TYPE_PRINT_KIND, TS_PRINT_ROSTER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT] = uint_property ("sort", TS_PRINT_SORT_CHECK_IN, TS_PRINT_SORT_READING);
  properties[PROP_ORGANIZER_COPY] = boolean_property ("organizer-copy");
  properties[PROP_COMPACT] = boolean_property ("compact");
  properties[PROP_WAREKI] = boolean_property ("wareki");
  properties[PROP_COLUMNS] = uint_property ("columns", G_MAXUINT, TS_ROSTER_ALL);
  properties[PROP_STATUSES] = uint_property ("statuses", G_MAXUINT, TS_PRINT_DEFAULT_STATUSES);
  properties[PROP_CUT_MARKS] = boolean_property ("cut-marks");
  properties[PROP_BADGE_SIZE] = uint_property ("badge-size", TS_BADGE_SIZE_A6, TS_BADGE_SIZE_CARD);
  properties[PROP_START_SLOT] = uint_property ("start-slot", G_MAXUINT, 1);
  properties[PROP_N_SLOTS] =
    g_param_spec_uint ("n-slots", NULL, NULL, 1, G_MAXUINT, 10,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFSET_X] = offset_property ("offset-x");
  properties[PROP_OFFSET_Y] = offset_property ("offset-y");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_print_settings_init (TsPrintSettings *self)
{
  ts_print_options_init (&self->options, TS_PRINT_ROSTER);
}

static gboolean
badge_size_from_setting (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "a6")
                           ? TS_BADGE_SIZE_A6 : TS_BADGE_SIZE_CARD);
  return TRUE;
}

static GVariant *
badge_size_to_setting (const GValue       *value,
                       const GVariantType *type,
                       gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == TS_BADGE_SIZE_A6 ? "a6" : "card");
}

static gboolean
statuses_from_setting (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_uint (value, g_variant_get_uint32 (variant));
  return TRUE;
}

/* No status at all prints nothing: shown, but not remembered. */
static GVariant *
statuses_to_setting (const GValue       *value,
                     const GVariantType *type,
                     gpointer            user_data)
{
  return g_value_get_uint (value) != 0 ? g_variant_new_uint32 (g_value_get_uint (value)) : NULL;
}

/* print-<kind>-<what> ↔ the property <what>. */
static void
bind_kind_key (TsPrintSettings *self,
               GSettings       *settings,
               const char      *what)
{
  g_autofree char *key = g_strdup_printf ("print-%s-%s",
                                          ts_enum_get_nick (TS_TYPE_PRINT_KIND, self->options.kind),
                                          what);

  g_settings_bind (settings, key, self, what, G_SETTINGS_BIND_DEFAULT);
}

/* Only the keys of this kind: a roster never overwrites the cards' sort. */
static void
bind_settings (TsPrintSettings *self,
               GSettings       *settings)
{
  TsPrintKind kind = self->options.kind;

  /* The MC sheet has no option of its own but the era of its date: it
   * goes table by table (by arrival when nobody is seated), and is read
   * aloud, so no copy of it shows more. */
  if (kind == TS_PRINT_INTRO_SHEET)
    {
      g_settings_bind (settings, "print-wareki", self, "wareki", G_SETTINGS_BIND_DEFAULT);
      return;
    }
  /* The table plan and cards go table by table; a card has names only,
   * so only the plan has a copy for the organizer, and a date. */
  if (ts_print_kind_is_seating (kind))
    {
      if (kind == TS_PRINT_TABLE_PLAN)
        {
          bind_kind_key (self, settings, "organizer-copy");
          g_settings_bind (settings, "print-wareki", self, "wareki", G_SETTINGS_BIND_DEFAULT);
        }
      return;
    }
  bind_kind_key (self, settings, "sort");
  bind_kind_key (self, settings, "organizer-copy");
  if (!is_sheet (kind))
    {
      bind_kind_key (self, settings, "columns");
      bind_kind_key (self, settings, "compact");
      if (kind == TS_PRINT_ROSTER)
        g_settings_bind_with_mapping (settings, "print-roster-statuses", self, "statuses",
                                      G_SETTINGS_BIND_DEFAULT, statuses_from_setting,
                                      statuses_to_setting, NULL, NULL);
      /* Cards and badges carry no date. */
      g_settings_bind (settings, "print-wareki", self, "wareki", G_SETTINGS_BIND_DEFAULT);
      return;
    }
  bind_kind_key (self, settings, "cut-marks");
  /* Before the slot: the size decides how many slots there are. */
  if (kind == TS_PRINT_BADGES)
    g_settings_bind_with_mapping (settings, "print-badge-size", self, "badge-size",
                                  G_SETTINGS_BIND_DEFAULT, badge_size_from_setting,
                                  badge_size_to_setting, NULL, NULL);
  g_settings_bind (settings, "print-start-slot", self, "start-slot", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-offset-x", self, "offset-x", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "print-offset-y", self, "offset-y", G_SETTINGS_BIND_DEFAULT);
}

/* @settings: the app's, remembering every change; NULL for the defaults. */
TsPrintSettings *
ts_print_settings_new (TsPrintKind  kind,
                       GSettings   *settings)
{
  TsPrintSettings *self = g_object_new (TS_TYPE_PRINT_SETTINGS, "kind", kind, NULL);

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), self);
  if (settings != NULL)
    bind_settings (self, settings);
  return self;
}

TsPrintKind
ts_print_settings_get_kind (TsPrintSettings *self)
{
  g_return_val_if_fail (TS_IS_PRINT_SETTINGS (self), TS_PRINT_ROSTER);
  return self->options.kind;
}

/* The options as plain data, for a job that any thread can draw. */
void
ts_print_settings_get_options (TsPrintSettings *self,
                               TsPrintOptions  *options)
{
  g_return_if_fail (TS_IS_PRINT_SETTINGS (self));
  *options = self->options;
}
