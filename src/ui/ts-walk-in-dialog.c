/* ts-walk-in-dialog.c: the short form for a person nobody expected.
 *
 * Made for speed at the door: one field for the whole name and one for
 * the whole reading (split on the first space), Enter or Ctrl+S saves.
 * Before saving a new member it looks for one who may be the same person
 * and offers to use them instead, so a regular who forgot to register
 * keeps one history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-accessible.h"
#include "ts-link-row.h"
#include "ts-member-lookup.h"
#include "ts-settings.h"
#include "ts-text.h"
#include "ts-validate.h"
#include "ts-walk-in-dialog.h"

#define MAX_REFERRER_MATCHES 5

struct _TsWalkInDialog
{
  AdwWindow      parent_instance;

  TsRepository  *repository;
  gint64         event_id;
  gint64         referrer_id;
  gboolean       duplicates_shown;
  GtkStringList *professions;

  GtkLabel      *error_label;
  GtkRevealer   *duplicate_revealer;
  GtkListBox    *duplicate_list;
  AdwEntryRow   *name_row;
  AdwEntryRow   *reading_row;
  AdwEntryRow   *organization_row;
  GtkDropDown   *profession_dropdown;
  AdwEntryRow   *referrer_row;
  GtkListBox    *referrer_list;
  GtkSwitch     *consent_switch;
  GtkButton     *save_button;
};

G_DEFINE_FINAL_TYPE (TsWalkInDialog, ts_walk_in_dialog, ADW_TYPE_WINDOW)

/* Construct-only: g_object_new (or GtkBuilder) makes a ready dialog. */
enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_WALK_IN_ADDED,
  SIGNAL_USE_MEMBER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* New members get the organizer's chosen default. */
static TsConsent
get_default_consent (TsWalkInDialog *self)
{
  g_autoptr(GSettings) settings = ts_settings_dup_for_widget (GTK_WIDGET (self));
  g_autofree char *nick = g_settings_get_string (settings, "default-consent");

  return MAX (ts_enum_parse_nick (TS_TYPE_CONSENT, nick), TS_CONSENT_FULL);
}

/* Walk-ins never saw the sign-up notice, so they are listed only when
 * the switch says they agreed; then at the default level (or name and
 * organization, when the default is to list nobody). */
static TsConsent
get_consent (TsWalkInDialog *self)
{
  TsConsent preferred = get_default_consent (self);

  if (!gtk_switch_get_active (self->consent_switch))
    return TS_CONSENT_NONE;
  if (preferred == TS_CONSENT_NONE)
    return TS_CONSENT_NAME_ORGANIZATION;
  return preferred;
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
dup_profession (TsWalkInDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->profession_dropdown);

  /* The first item is "not specified". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return g_strdup ("");
  return g_strdup (gtk_string_list_get_string (self->professions, selected));
}

/* Readings typed in katakana or half-width kana are kept in hiragana,
 * like the rest of the file; anything else is left for validation to
 * explain. */
static char *
dup_reading (TsWalkInDialog *self)
{
  const char *text = row_text (self->reading_row);

  return ts_text_is_kana (text) ? ts_text_to_hiragana (text) : g_strdup (text);
}

static TsMember *
build_member (TsWalkInDialog *self)
{
  TsMember *member = ts_member_new ();
  g_autofree char *organization = g_strstrip (g_strdup (row_text (self->organization_row)));
  g_autofree char *reading = dup_reading (self);

  g_free (member->family_name);
  g_free (member->given_name);
  ts_split_full_name (row_text (self->name_row), &member->family_name, &member->given_name);
  g_free (member->family_reading);
  g_free (member->given_reading);
  ts_split_full_name (reading, &member->family_reading,
                      &member->given_reading);
  g_free (member->organization);
  member->organization = g_steal_pointer (&organization);
  g_free (member->profession);
  member->profession = dup_profession (self);
  member->consent = get_consent (self);
  member->referred_by = self->referrer_id;
  ts_member_update_keys (member);
  return member;
}

static void
show_error (TsWalkInDialog *self,
            const GError   *error)
{
  GtkWidget *field = NULL;

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (g_error_matches (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_NAME))
    field = GTK_WIDGET (self->name_row);
  else if (g_error_matches (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_READING) ||
           g_error_matches (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_GIVEN_READING))
    field = GTK_WIDGET (self->reading_row);
  if (field != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_widget_grab_focus (field);
    }
}

static void
clear_error (TsWalkInDialog *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->reading_row) };

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_widget_remove_css_class (fields[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Fixing the marked field takes the message away with the mark. */
static void
on_field_changed_cb (GtkEditable    *field,
                     TsWalkInDialog *self)
{
  if (gtk_widget_has_css_class (GTK_WIDGET (field), "error"))
    clear_error (self);
}

/* walk-in.use-member(id): a duplicate's "Use This Person" button. */
static void
use_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TsWalkInDialog *self = TS_WALK_IN_DIALOG (widget);
  gint64 member_id = g_variant_get_int64 (parameter);

  g_signal_emit (self, signals[SIGNAL_USE_MEMBER], 0, member_id);
  gtk_window_close (GTK_WINDOW (self));
}

static char *
dup_member_summary (TsMember *member)
{
  g_autofree char *reading = ts_member_dup_reading (member);
  const char *parts[4] = { NULL };
  guint n = 0;

  if (*reading != '\0')
    parts[n++] = reading;
  if (*member->organization != '\0')
    parts[n++] = member->organization;
  if (*member->email != '\0')
    parts[n++] = member->email;
  return g_strjoinv (_(" · "), (char **) parts);
}

static GtkWidget *
make_duplicate_row (TsWalkInDialog *self,
                    TsMember       *member)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Use This Person"));
  g_autofree char *name = ts_member_dup_name (member);
  g_autofree char *summary = dup_member_summary (member);
  g_autofree char *accessible = g_strdup_printf (_("Use %s"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_widget_set_name (button, "use-existing-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "walk-in.use-member");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", member->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  return row;
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Shows the members who may be this person; returns whether any. */
static gboolean
show_duplicates (TsWalkInDialog *self,
                 TsMember       *candidate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) similar = ts_repository_find_similar_members (self->repository,
                                                                      candidate, &error);
  guint n;

  if (similar == NULL)
    {
      g_warning ("Cannot look for similar members: %s", error->message);
      return FALSE;
    }
  n = g_list_model_get_n_items (similar);
  clear_list_box (self->duplicate_list);
  for (guint i = 0; i < n && i < MAX_REFERRER_MATCHES; i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (similar, i);

      gtk_list_box_append (self->duplicate_list, make_duplicate_row (self, member));
    }
  gtk_revealer_set_reveal_child (self->duplicate_revealer, n > 0);
  return n > 0;
}

static void
focus_first_duplicate (TsWalkInDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->duplicate_list, 0);

  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
save (TsWalkInDialog *self)
{
  g_autoptr(TsMember) member = build_member (self);
  g_autoptr(TsAttendance) attendance = NULL;
  g_autoptr(GError) error = NULL;

  clear_error (self);
  if (!ts_validate_member (member, &error))
    {
      show_error (self, error);
      return;
    }
  /* The first Save looks for the same person; a second one, after the
   * organizer has seen the warning, saves a new member anyway. */
  if (!self->duplicates_shown && show_duplicates (self, member))
    {
      self->duplicates_shown = TRUE;
      gtk_button_set_label (self->save_button, _("Save as _New"));
      focus_first_duplicate (self);
      return;
    }
  attendance = ts_repository_add_walk_in (self->repository, self->event_id, member, &error);
  if (attendance == NULL)
    {
      show_error (self, error);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_WALK_IN_ADDED], 0, member->id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (TS_WALK_IN_DIALOG (widget));
}

/* A change to who the person is makes the last duplicate check stale. */
static void
on_identity_changed_cb (TsWalkInDialog *self)
{
  if (!self->duplicates_shown)
    return;
  self->duplicates_shown = FALSE;
  gtk_revealer_set_reveal_child (self->duplicate_revealer, FALSE);
  gtk_button_set_label (self->save_button, _("_Save"));
}

static GtkWidget *
make_referrer_row (TsMember *member)
{
  GtkWidget *row = ts_link_row_new (member->id);
  g_autofree char *name = ts_member_dup_name (member);
  g_autofree char *summary = dup_member_summary (member);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
on_referrer_changed_cb (TsWalkInDialog *self)
{
  const char *text = row_text (self->referrer_row);
  g_autoptr(GListModel) matches = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  self->referrer_id = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self->referrer_row), "success");
  clear_list_box (self->referrer_list);
  gtk_widget_set_visible (GTK_WIDGET (self->referrer_list), FALSE);
  if (*text == '\0')
    return;
  matches = ts_repository_lookup_members (self->repository, text, MAX_REFERRER_MATCHES, &error);
  if (matches == NULL)
    {
      g_warning ("Cannot search members: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (matches);
  for (guint i = 0; i < n && i < MAX_REFERRER_MATCHES; i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (matches, i);

      gtk_list_box_append (self->referrer_list, make_referrer_row (member));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->referrer_list), n > 0);
}

static void
choose_referrer (TsWalkInDialog *self,
                 GtkListBoxRow  *row)
{
  /* The row's title is the member's name; copied, as the row goes below. */
  gint64 member_id = ts_link_row_get_record_id (TS_LINK_ROW (row));
  g_autofree char *name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  g_signal_handlers_block_by_func (self->referrer_row, on_referrer_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->referrer_row), name);
  g_signal_handlers_unblock_by_func (self->referrer_row, on_referrer_changed_cb, self);
  self->referrer_id = member_id;
  gtk_widget_add_css_class (GTK_WIDGET (self->referrer_row), "success");
  clear_list_box (self->referrer_list);
  gtk_widget_set_visible (GTK_WIDGET (self->referrer_list), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->referrer_row));
}

static void
on_referrer_list_row_activated_cb (TsWalkInDialog *self,
                                   GtkListBoxRow  *row)
{
  choose_referrer (self, row);
}

/* Enter in the referrer field takes the first match; with a referrer
 * chosen already, it saves like every other field. */
static void
on_referrer_activated_cb (TsWalkInDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->referrer_list, 0);

  if (first != NULL)
    choose_referrer (self, first);
  else
    save (self);
}

static void
load_professions (TsWalkInDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = ts_repository_list_professions (self->repository, &error);
  g_autoptr(GtkExpression) expression = NULL;

  if (names == NULL)
    g_warning ("Cannot list professions: %s", error->message);
  self->professions = gtk_string_list_new (NULL);
  /* Translators: the profession choice when none is given. */
  gtk_string_list_append (self->professions, _("Not specified"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (self->professions, names[i]);
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->profession_dropdown, expression);
  gtk_drop_down_set_model (self->profession_dropdown, G_LIST_MODEL (self->professions));
}

/* What was typed in the search field starts the form: kana is a
 * reading, anything else a name. */
static void
prefill (TsWalkInDialog *self,
         const char     *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped == '\0')
    return;
  if (ts_text_is_kana (stripped))
    gtk_editable_set_text (GTK_EDITABLE (self->reading_row), stripped);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), stripped);
}

static void
ts_walk_in_dialog_dispose (GObject *object)
{
  TsWalkInDialog *self = TS_WALK_IN_DIALOG (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->professions);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_WALK_IN_DIALOG);
  G_OBJECT_CLASS (ts_walk_in_dialog_parent_class)->dispose (object);
}

static void
ts_walk_in_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TsWalkInDialog *self = TS_WALK_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_walk_in_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TsWalkInDialog *self = TS_WALK_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_walk_in_dialog_class_init (TsWalkInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_walk_in_dialog_dispose;
  object_class->get_property = ts_walk_in_dialog_get_property;
  object_class->set_property = ts_walk_in_dialog_set_property;
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_WALK_IN_ADDED] =
    g_signal_new ("walk-in-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_USE_MEMBER] =
    g_signal_new ("use-member", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-walk-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, duplicate_revealer);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, duplicate_list);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, reading_row);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, profession_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, referrer_row);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, referrer_list);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, TsWalkInDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_identity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_referrer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_referrer_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_referrer_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "walk-in.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "walk-in.use-member", "x", use_member_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "walk-in.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ts_walk_in_dialog_init (TsWalkInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ts_accessible_label_toggle (GTK_WIDGET (self->profession_dropdown), _("Profession"));
  g_signal_connect (self->name_row, "changed", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->reading_row, "changed", G_CALLBACK (on_field_changed_cb), self);
}

GtkWidget *
ts_walk_in_dialog_new (GtkWindow    *parent,
                       TsRepository *repository,
                       gint64        event_id,
                       const char   *text)
{
  TsWalkInDialog *self;

  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (TS_TYPE_WALK_IN_DIALOG, "transient-for", parent,
                       "repository", repository, NULL);
  self->event_id = event_id;
  load_professions (self);
  prefill (self, text);
  /* Typing goes on where the search left off: the name after a reading
   * and the reading after a name. */
  if (*row_text (self->name_row) != '\0')
    ts_accessible_focus_when_shown (GTK_WIDGET (self->reading_row));
  else
    ts_accessible_focus_when_shown (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}
