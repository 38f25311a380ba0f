/* ts-member-dialog.c: add or edit a member.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-form.h"
#include "ts-link-row.h"
#include "ts-member-dialog.h"
#include "ts-member-lookup.h"
#include "ts-record.h"
#include "ts-settings.h"
#include "ts-text.h"
#include "ts-ui-util.h"
#include "ts-validate.h"

/* What read_fields() sets: the fields a person can change here. */
static const char * const form_fields[] = {
  "family-name", "given-name", "family-reading", "given-reading", "organization",
  "job-title", "introduction", "wish", "email", "phone", "notes", "profession",
  "home-chapter-id", "consent", "referred-by", NULL
};

struct _TsMemberDialog
{
  AdwWindow     parent_instance;

  TsRepository *repository;
  TsMember     *member;       /* as read from the database */
  TsMember     *shown;        /* the form's values when loaded */
  GArray       *chapter_ids;
  GStrv         professions;

  GtkRevealer  *error_revealer;
  GtkLabel     *error_label;
  AdwEntryRow  *family_name_row;
  AdwEntryRow  *given_name_row;
  AdwEntryRow  *family_reading_row;
  AdwEntryRow  *given_reading_row;
  AdwEntryRow  *organization_row;
  AdwComboRow  *profession_row;
  AdwEntryRow  *job_title_row;
  AdwEntryRow  *introduction_row;
  AdwEntryRow  *wish_row;
  AdwEntryRow  *email_row;
  AdwEntryRow  *phone_row;
  AdwComboRow  *chapter_row;
  AdwComboRow  *consent_row;
  AdwEntryRow  *notes_row;
  AdwActionRow *referrer_row;
  GtkWidget    *referrer_clear_button;
  GtkMenuButton *referrer_button;
  GtkSearchEntry *referrer_search;
  GtkListBox   *referrer_list;
  gint64        referred_by;
  gint64        event_id;     /* added from an event: registered for it */
};

/* Enough to pick from while typing; more means typing more. */
#define REFERRER_LIMIT 8

G_DEFINE_FINAL_TYPE (TsMemberDialog, ts_member_dialog, ADW_TYPE_WINDOW)

/* Construct-only: g_object_new (or GtkBuilder) makes a ready dialog. */
enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_MEMBER_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fill_choices (TsMemberDialog *self)
{
  g_autoptr(GListModel) chapters = ts_repository_list_chapters (self->repository, NULL);
  GtkStringList *chapter_names = gtk_string_list_new (NULL);
  GtkStringList *profession_names = gtk_string_list_new (NULL);
  guint n = chapters ? g_list_model_get_n_items (chapters) : 0;
  gint64 none = 0;

  self->chapter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (chapter_names, _("None"));
  g_array_append_val (self->chapter_ids, none);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsChapter) chapter = g_list_model_get_item (chapters, i);

      gtk_string_list_append (chapter_names, chapter->name);
      g_array_append_val (self->chapter_ids, chapter->id);
    }
  adw_combo_row_set_model (self->chapter_row, G_LIST_MODEL (chapter_names));

  self->professions = ts_repository_list_professions (self->repository, NULL);
  gtk_string_list_append (profession_names, _("Not given"));
  for (guint i = 0; self->professions && self->professions[i]; i++)
    gtk_string_list_append (profession_names, self->professions[i]);
  adw_combo_row_set_model (self->profession_row, G_LIST_MODEL (profession_names));

  ts_ui_enum_combo_row_setup (self->consent_row, TS_TYPE_CONSENT);
  g_object_unref (chapter_names);
  g_object_unref (profession_names);
}

static guint
find_string (const char * const *values,
             const char         *value,
             guint               offset)
{
  for (guint i = 0; values && values[i]; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i + offset;
  return 0;
}

/* ---- Referred by ---------------------------------------------------------- */

static void
set_referrer (TsMemberDialog *self,
              gint64          id,
              const char     *name)
{
  self->referred_by = id;
  adw_action_row_set_subtitle (self->referrer_row, id > 0 && name ? name : _("Nobody"));
  gtk_widget_set_visible (self->referrer_clear_button, id > 0);
}

static GtkWidget *
referrer_result_row (TsMember *member)
{
  g_autofree char *name = ts_member_dup_name (member);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = ts_link_row_new (member->id);

  if (member->organization && *member->organization)
    g_string_append (subtitle, member->organization);
  if (member->profession && *member->profession)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? _(" · ") : "", member->profession);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

/* The member being edited never appears: nobody refers themselves. */
static void
on_referrer_search_changed_cb (TsMemberDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->referrer_search));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  guint shown = 0;

  ts_ui_clear_box (GTK_WIDGET (self->referrer_list));
  if (*text != '\0')
    found = ts_repository_lookup_members (self->repository, text, REFERRER_LIMIT + 1, &error);
  for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found) &&
                    shown < REFERRER_LIMIT; i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (found, i);

      if (member->id == self->member->id)
        continue;
      gtk_list_box_append (self->referrer_list, referrer_result_row (member));
      shown++;
    }
  if (error != NULL)
    g_warning ("Could not look members up: %s", error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->referrer_list), shown > 0);
}

static void
on_referrer_row_activated_cb (TsMemberDialog *self,
                              GtkListBoxRow  *row)
{
  /* The row's title is the member's name. */
  if (!TS_IS_LINK_ROW (row))
    return;
  set_referrer (self, ts_link_row_get_record_id (TS_LINK_ROW (row)),
                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  gtk_menu_button_popdown (self->referrer_button);
}

/* Enter picks the first match, as in the other search fields. */
static void
on_referrer_search_activate_cb (TsMemberDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->referrer_list, 0);

  if (first != NULL)
    on_referrer_row_activated_cb (self, first);
}

static void
on_referrer_popover_show_cb (TsMemberDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->referrer_search), "");
  on_referrer_search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->referrer_search));
}

static void
on_referrer_clear_clicked_cb (TsMemberDialog *self)
{
  set_referrer (self, 0, NULL);
}

static void read_fields (TsMemberDialog *self, TsMember *into);

/* Fills the form from self->member and remembers what it showed, so that
 * a save tells what the person changed from what a widget cannot show
 * (a profession no longer in the list reads back as none). */
static void
load_member (TsMemberDialog *self)
{
  TsMember *m = self->member;

  ts_form_set_text (self->family_name_row, m->family_name);
  ts_form_set_text (self->given_name_row, m->given_name);
  ts_form_set_text (self->family_reading_row, m->family_reading);
  ts_form_set_text (self->given_reading_row, m->given_reading);
  ts_form_set_text (self->organization_row, m->organization);
  ts_form_set_text (self->job_title_row, m->job_title);
  ts_form_set_text (self->introduction_row, m->introduction);
  ts_form_set_text (self->wish_row, m->wish);
  ts_form_set_text (self->email_row, m->email);
  ts_form_set_text (self->phone_row, m->phone);
  ts_form_set_text (self->notes_row, m->notes);
  adw_combo_row_set_selected (self->profession_row,
                              find_string ((const char * const *) self->professions,
                                           m->profession, 1));
  ts_ui_enum_combo_row_select (self->consent_row, m->consent);
  for (guint i = 0; i < self->chapter_ids->len; i++)
    if (g_array_index (self->chapter_ids, gint64, i) == m->home_chapter_id)
      adw_combo_row_set_selected (self->chapter_row, i);
  set_referrer (self, m->referred_by, m->referrer_name);
  g_clear_object (&self->shown);
  self->shown = ts_record_dup (self->member);
  read_fields (self, self->shown);
}

static void
read_fields (TsMemberDialog *self,
             TsMember       *into)
{
  guint profession = adw_combo_row_get_selected (self->profession_row);
  guint chapter = adw_combo_row_get_selected (self->chapter_row);
  g_autofree char *family = ts_form_get_text (self->family_name_row);
  g_autofree char *given = ts_form_get_text (self->given_name_row);
  g_autofree char *family_reading = ts_form_get_text (self->family_reading_row);
  g_autofree char *given_reading = ts_form_get_text (self->given_reading_row);
  g_autofree char *organization = ts_form_get_text (self->organization_row);
  g_autofree char *job_title = ts_form_get_text (self->job_title_row);
  g_autofree char *introduction = ts_form_get_text (self->introduction_row);
  g_autofree char *wish = ts_form_get_text (self->wish_row);
  g_autofree char *email = ts_form_get_text (self->email_row);
  g_autofree char *phone = ts_form_get_text (self->phone_row);
  g_autofree char *notes = ts_form_get_text (self->notes_row);

  g_object_set (into,
                "family-name", family, "given-name", given,
                "family-reading", family_reading, "given-reading", given_reading,
                "organization", organization, "job-title", job_title,
                "introduction", introduction, "wish", wish,
                "email", email, "phone", phone, "notes", notes,
                "profession", profession > 0 && self->professions
                              ? self->professions[profession - 1] : "",
                "home-chapter-id", chapter < self->chapter_ids->len
                                   ? g_array_index (self->chapter_ids, gint64, chapter) : 0,
                "consent", MAX (ts_ui_enum_selected (adw_combo_row_get_selected_item (self->consent_row)),
                                TS_CONSENT_FULL),
                "referred-by", self->referred_by != self->member->id ? self->referred_by : 0,
                NULL);
}

static GtkWidget *
row_for_error (TsMemberDialog *self,
               TsMember       *member,
               const GError   *error)
{
  if (error->domain != TS_VALIDATE_ERROR)
    return NULL;
  switch (error->code)
    {
    case TS_VALIDATE_ERROR_NAME:
      return GTK_WIDGET (self->family_name_row);
    case TS_VALIDATE_ERROR_READING:
      return GTK_WIDGET (self->family_reading_row);
    case TS_VALIDATE_ERROR_GIVEN_READING:
      return GTK_WIDGET (self->given_reading_row);
    case TS_VALIDATE_ERROR_EMAIL:
      return GTK_WIDGET (self->email_row);
    case TS_VALIDATE_ERROR_CONSENT:
      return GTK_WIDGET (self->consent_row);
    default:
      return NULL;
    }
}

static gboolean
validate (TsMember  *member,
          GError   **error)
{
  if (!ts_validate_member (member, error))
    return FALSE;
  /* Core allows an empty reading (imports lack them); a person typed in
   * here gets one, or they would sort nowhere near their name. */
  if (*member->family_reading == '\0')
    {
      g_set_error_literal (error, TS_VALIDATE_ERROR, TS_VALIDATE_ERROR_READING,
                           _("Please enter the reading of the family name in kana, so that the member is found and sorted by it."));
      return FALSE;
    }
  return TRUE;
}

/* A new member is saved with their registration when the dialog was
 * opened from an event, in one transaction. */
static gboolean
store (TsMemberDialog  *self,
       TsMember        *edited,
       GError         **error)
{
  g_autoptr(TsAttendance) attendance = NULL;

  if (self->member->id != 0)
    return ts_repository_update_member (self->repository, self->member, edited, error);
  if (self->event_id == 0)
    return ts_repository_save_member (self->repository, edited, error);
  attendance = ts_repository_add_registrant (self->repository, self->event_id, edited, error);
  return attendance != NULL;
}

/* The member as read, with the fields the person changed in the form. */
static TsMember *
read_edits (TsMemberDialog *self)
{
  g_autoptr(TsMember) form = ts_record_dup (self->member);
  g_auto(GStrv) changed = NULL;
  TsMember *edited = ts_record_dup (self->member);

  read_fields (self, form);
  changed = ts_record_diff (self->shown, form, form_fields);
  ts_record_copy (form, edited, (const char * const *) changed);
  return edited;
}

static void
on_reload_cb (TsMemberDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMember) member = ts_repository_get_member (self->repository, self->member->id,
                                                         &error);

  if (member == NULL)
    {
      ts_form_show_error (self->error_revealer, self->error_label, NULL, error->message);
      return;
    }
  g_set_object (&self->member, member);
  load_member (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsMemberDialog *self = TS_MEMBER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMember) edited = read_edits (self);
  gboolean is_new = self->member->id == 0;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  ts_form_clear_error (self->error_revealer, widget);
  if (!validate (edited, &error) || !store (self, edited, &error))
    {
      if (g_error_matches (error, TS_REPOSITORY_ERROR, TS_REPOSITORY_ERROR_CHANGED))
        ts_form_offer_reload (GTK_WINDOW (self), error->message, G_CALLBACK (on_reload_cb));
      else
        ts_form_show_error (self->error_revealer, self->error_label,
                            row_for_error (self, edited, error), error->message);
          return;
    }
  /* From an event, the organizer goes on with the event. */
  if (is_new && self->event_id != 0)
    g_signal_emit (self, signals[SIGNAL_MEMBER_ADDED], 0, edited->id);
  else if (is_new && parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-member", "x", edited->id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_entry_activated_cb (TsMemberDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
ts_member_dialog_dispose (GObject *object)
{
  TsMemberDialog *self = TS_MEMBER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_MEMBER_DIALOG);
  g_clear_object (&self->member);
  g_clear_object (&self->shown);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->chapter_ids, g_array_unref);
  g_clear_pointer (&self->professions, g_strfreev);
  G_OBJECT_CLASS (ts_member_dialog_parent_class)->dispose (object);
}

static void
ts_member_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TsMemberDialog *self = TS_MEMBER_DIALOG (object);

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
ts_member_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TsMemberDialog *self = TS_MEMBER_DIALOG (object);

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
ts_member_dialog_class_init (TsMemberDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_member_dialog_dispose;
  G_OBJECT_CLASS (klass)->get_property = ts_member_dialog_get_property;
  G_OBJECT_CLASS (klass)->set_property = ts_member_dialog_set_property;
  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  /* A member added from an event, saved with their registration. */
  signals[SIGNAL_MEMBER_ADDED] =
    g_signal_new ("member-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* Announced as a dialog, not as another main window. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-member-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, family_reading_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, given_reading_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, organization_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, profession_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, job_title_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, introduction_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, wish_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, chapter_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, consent_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, referrer_row);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, referrer_clear_button);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, referrer_button);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, referrer_search);
  gtk_widget_class_bind_template_child (widget_class, TsMemberDialog, referrer_list);
  gtk_widget_class_bind_template_callback (widget_class, on_referrer_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_referrer_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_referrer_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_referrer_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_referrer_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  ts_form_install_keys (widget_class);
}

static void
ts_member_dialog_init (TsMemberDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* New members get the organizer's chosen default. */
static TsConsent
default_consent (GtkWindow *parent)
{
  g_autoptr(GSettings) settings = ts_settings_dup_for_widget (GTK_WIDGET (parent));
  g_autofree char *nick = g_settings_get_string (settings, "default-consent");

  return MAX (ts_enum_parse_nick (TS_TYPE_CONSENT, nick), TS_CONSENT_FULL);
}

static TsMember *
new_member (GtkWindow *parent)
{
  TsMember *member = ts_member_new ();

  g_object_set (member, "consent", default_consent (parent), NULL);
  return member;
}

static TsMemberDialog *
make_dialog (GtkWindow    *parent,
             TsRepository *repository,
             TsMember     *member)
{
  TsMemberDialog *self = g_object_new (TS_TYPE_MEMBER_DIALOG,
                                       "transient-for", parent,
                                       "title", member->id ? _("Edit Member") : _("New Member"),
                                       "repository", repository,
                                       NULL);

  self->member = g_object_ref (member);
  fill_choices (self);
  load_member (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->family_name_row));
  return self;
}

GtkWidget *
ts_member_dialog_new (GtkWindow    *parent,
                      TsRepository *repository,
                      gint64        member_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMember) member = NULL;

  if (member_id != 0)
    member = ts_repository_get_member (repository, member_id, &error);
  else
    member = new_member (parent);
  if (member == NULL)
    {
      ts_ui_show_error (GTK_WIDGET (parent), error);
      return NULL;
    }
  return GTK_WIDGET (make_dialog (parent, repository, member));
}

/* What was typed in a search starts the form: kana is the reading,
 * anything else the name, each split on the first space. */
static void
prefill (TsMember   *member,
         const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *hiragana = NULL;
  char **family = &member->family_name, **given = &member->given_name;

  if (*stripped == '\0')
    return;
  if (ts_text_is_kana (stripped))
    {
      family = &member->family_reading;
      given = &member->given_reading;
      hiragana = ts_text_to_hiragana (stripped);
    }
  g_clear_pointer (family, g_free);
  g_clear_pointer (given, g_free);
  ts_split_full_name (hiragana != NULL ? hiragana : stripped, family, given);
}

/* A new member from an event's page: they belong to the event's chapter
 * (unless the organizer picks another) and are registered for it when
 * saved; "member-added" then says who they are. */
GtkWidget *
ts_member_dialog_new_for_event (GtkWindow    *parent,
                                TsRepository *repository,
                                gint64        event_id,
                                const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsEvent) event = ts_repository_get_event (repository, event_id, &error);
  g_autoptr(TsMember) member = NULL;
  TsMemberDialog *self;

  if (event == NULL)
    {
      ts_ui_show_error (GTK_WIDGET (parent), error);
      return NULL;
    }
  member = new_member (parent);
  member->home_chapter_id = event->chapter_id;
  prefill (member, text);
  self = make_dialog (parent, repository, member);
  self->event_id = event_id;
  /* Typing goes on with what the search did not give. */
  if (*member->family_name != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->family_reading_row));
  return GTK_WIDGET (self);
}
