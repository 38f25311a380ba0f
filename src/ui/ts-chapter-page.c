/* ts-chapter-page.c: one chapter: details, events, people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-chapter-page.h"
#include "ts-database.h"
#include "ts-ui-util.h"

/* A big chapter has thousands of people; the page shows the most recent
 * and leaves the rest to the Members view and its search. */
#define MAX_PEOPLE 100

struct _TsChapterPage
{
  AdwBin               parent_instance;

  TsRepository        *repository;
  gint64               chapter_id;
  GListModel          *events;       /* the chapter's live model */
  GtkCustomFilter     *upcoming;
  GtkCustomFilter     *past;
  GtkFilterListModel  *upcoming_events;
  GtkFilterListModel  *past_events;
  char                *now;          /* what upcoming means, set with the chapter */
  gboolean             people_stale; /* changed while hidden */
  guint                people_idle;  /* fills the people after a frame */
  gint64               people_of;    /* the chapter people_list shows */

  GtkStack            *stack;
  GtkWidget           *back_button;
  GtkLabel            *region_label;
  GtkLabel            *name_label;
  GtkButton           *new_event_button;
  GtkButton           *edit_button;
  GtkListBox          *details_list;
  GtkListBox          *upcoming_list;
  GtkListBox          *past_list;
  GtkListBox          *people_list;
  AdwPreferencesGroup *upcoming_group;
  AdwPreferencesGroup *past_group;
  AdwPreferencesGroup *people_group;
};

G_DEFINE_FINAL_TYPE (TsChapterPage, ts_chapter_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SHOW_BACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The back button only makes sense when the list beside is folded away. */
static void
ts_chapter_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TsChapterPage *self = (TsChapterPage *) object;

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      gtk_widget_set_visible (self->back_button, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_chapter_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TsChapterPage *self = (TsChapterPage *) object;

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      g_value_set_boolean (value, gtk_widget_get_visible (self->back_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fill_details (TsChapterPage *self,
              TsChapter     *chapter)
{
  g_autofree char *area = g_strdup_printf ("%s%s", chapter->prefecture ? chapter->prefecture : "",
                                           chapter->area ? chapter->area : "");
  struct { const char *title; const char *value; } rows[] = {
    { _("Area"), area },
    { _("Usual Venue"), chapter->venue },
    { _("Usual Schedule"), chapter->schedule },
    { _("Leader"), chapter->leader },
    { _("Founded"), chapter->founded },
    { _("Notes"), chapter->notes },
  };

  ts_ui_clear_box (GTK_WIDGET (self->details_list));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (i < 4 || (rows[i].value && *rows[i].value))
      gtk_list_box_append (self->details_list, ts_ui_detail_row (rows[i].title, rows[i].value));
}

static GtkWidget *
event_row (TsEvent *event)
{
  g_autofree char *when = ts_event_format_when (event);
  g_autofree char *count = NULL;

  /* Translators: people at an event: present of registered. */
  count = g_strdup_printf (ngettext ("%d person", "%d people", (gulong) event->headcount),
                           (int) event->headcount);
  return ts_ui_link_row (when, event->title, count, event->id);
}

static GtkWidget *
create_event_row (gpointer item,
                  gpointer user_data)
{
  return event_row (item);
}

static gboolean
is_upcoming (gpointer item,
             gpointer user_data)
{
  TsChapterPage *self = user_data;

  return g_strcmp0 (TS_EVENT (item)->starts_at, self->now) >= 0;
}

static gboolean
is_past (gpointer item,
         gpointer user_data)
{
  return !is_upcoming (item, user_data);
}

static void
on_past_changed_cb (TsChapterPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->past_group),
                          g_list_model_get_n_items (G_LIST_MODEL (self->past_events)) > 0);
}

/* The chapter's events are the repository's live model, newest first,
 * split at now: a write changes the rows of the events it touched. */
static void
fill_events (TsChapterPage *self)
{
  g_autoptr(GListModel) events = ts_repository_get_events_model (self->repository,
                                                                 self->chapter_id);

  g_free (self->now);
  self->now = ts_now_iso8601 ();
  g_set_object (&self->events, events);
  gtk_filter_list_model_set_model (self->upcoming_events, events);
  gtk_filter_list_model_set_model (self->past_events, events);
  gtk_filter_changed (GTK_FILTER (self->upcoming), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->past), GTK_FILTER_CHANGE_DIFFERENT);
  on_past_changed_cb (self);
}

static void
fill_people (TsChapterPage *self)
{
  g_autoptr(GListModel) people = ts_repository_list_chapter_members (self->repository,
                                                                     self->chapter_id, NULL);
  guint n = people ? g_list_model_get_n_items (people) : 0;
  g_autofree char *description = NULL;

  ts_ui_clear_box (GTK_WIDGET (self->people_list));
  self->people_of = self->chapter_id;
  for (guint i = 0; i < n && i < MAX_PEOPLE; i++)
    {
      g_autoptr(TsMember) member = g_list_model_get_item (people, i);
      g_autofree char *name = ts_member_dup_name (member);
      g_autofree char *last = ts_ui_format_day (member->last_attended);
      g_autofree char *subtitle = g_strdup_printf ("%s%s%s",
                                                   member->organization ? member->organization : "",
                                                   member->profession && *member->profession ? _(" · ") : "",
                                                   member->profession ? member->profession : "");

      gtk_list_box_append (self->people_list, ts_ui_link_row (name, subtitle, last, member->id));
    }
  if (n == 0)
    gtk_list_box_append (self->people_list,
                         ts_ui_link_row (_("Nobody has come yet"), NULL, NULL, 0));
  if (n > MAX_PEOPLE)
    /* Translators: %d is the number of people shown, of more. */
    description = g_strdup_printf (_("The %d who came most recently; search the Members view for everyone."),
                                   MAX_PEOPLE);
  else
    description = g_strdup_printf (ngettext ("%u person, who came most recently first",
                                             "%u people, who came most recently first", n), n);
  adw_preferences_group_set_description (self->people_group, description);
}

static gboolean
fill_people_idle_cb (gpointer data)
{
  TsChapterPage *self = data;

  self->people_idle = 0;
  if (self->chapter_id != 0)
    fill_people (self);
  return G_SOURCE_REMOVE;
}

/* The people come after the page is drawn, and only once it is shown:
 * a hundred rows are the page's heaviest part, and on a large file they
 * made the window's first frame twice as slow as on an empty one,
 * whichever view it opened on. An idle of default priority runs after
 * the redraw. */
static void
schedule_people (TsChapterPage *self)
{
  /* Never another chapter's people, even for a frame. */
  if (self->people_of != self->chapter_id)
    ts_ui_clear_box (GTK_WIDGET (self->people_list));
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->people_stale = TRUE;
  else if (self->people_idle == 0)
    self->people_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_people_idle_cb, self, NULL);
}

static void
refresh (TsChapterPage *self)
{
  g_autoptr(TsChapter) chapter = NULL;

  if (self->repository != NULL && self->chapter_id != 0)
    chapter = ts_repository_get_chapter (self->repository, self->chapter_id, NULL);
  if (chapter == NULL)
    {
      self->chapter_id = 0;
      gtk_filter_list_model_set_model (self->upcoming_events, NULL);
      gtk_filter_list_model_set_model (self->past_events, NULL);
      g_clear_object (&self->events);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  gtk_label_set_text (self->region_label, ts_region_label (chapter->region));
  gtk_label_set_text (self->name_label, chapter->name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->new_event_button), "x", chapter->id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "x", chapter->id);
  fill_details (self, chapter);
  fill_events (self);
  schedule_people (self);
  gtk_stack_set_visible_child_name (self->stack, "chapter");
}

static gboolean
names_chapter (GArray *ids,
               gint64  chapter_id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == chapter_id)
      return TRUE;
  return ids == NULL;
}

/* Its details; the events follow by themselves. */
static void
on_chapters_changed_cb (TsRepository  *repository,
                        GArray        *ids,
                        TsChapterPage *self)
{
  if (self->chapter_id != 0 && names_chapter (ids, self->chapter_id))
    refresh (self);
}

/* Who came lately: read again when shown, not for every check-in made
 * while another view is on screen. */
static void
on_people_changed_cb (TsRepository  *repository,
                      GArray        *ids,
                      TsChapterPage *self)
{
  if (self->chapter_id == 0)
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill_people (self);
  else
    self->people_stale = TRUE;
}

static void
on_map_cb (TsChapterPage *self)
{
  if (!self->people_stale || self->chapter_id == 0)
    return;
  self->people_stale = FALSE;
  schedule_people (self);
}

static void
on_event_row_activated_cb (TsChapterPage *self,
                           GtkListBoxRow *row)
{
  if (ts_ui_link_row_id (row) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-event", "x", ts_ui_link_row_id (row));
}

static void
on_person_row_activated_cb (TsChapterPage *self,
                            GtkListBoxRow *row)
{
  if (ts_ui_link_row_id (row) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-member", "x", ts_ui_link_row_id (row));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsChapterPage *self = TS_CHAPTER_PAGE (widget);
  g_autofree char *name = g_strdup (gtk_label_get_text (self->name_label));

  ts_ui_delete_with_undo (widget, self->repository, "chapter", self->chapter_id, name);
}

static void
ts_chapter_page_dispose (GObject *object)
{
  TsChapterPage *self = TS_CHAPTER_PAGE (object);

  /* AdwBin unparents its child itself; disposing the template too
   * would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_handle_id (&self->people_idle, g_source_remove);
  g_clear_object (&self->upcoming_events);
  g_clear_object (&self->past_events);
  g_clear_object (&self->events);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->now, g_free);
  G_OBJECT_CLASS (ts_chapter_page_parent_class)->dispose (object);
}

static void
ts_chapter_page_class_init (TsChapterPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_chapter_page_dispose;
  G_OBJECT_CLASS (klass)->set_property = ts_chapter_page_set_property;
  G_OBJECT_CLASS (klass)->get_property = ts_chapter_page_get_property;
  properties[PROP_SHOW_BACK] =
    g_param_spec_boolean ("show-back", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-chapter-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, region_label);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, new_event_button);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, past_list);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, people_list);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, past_group);
  gtk_widget_class_bind_template_child (widget_class, TsChapterPage, people_group);
  gtk_widget_class_bind_template_callback (widget_class, on_event_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_person_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "chapter.delete", NULL, delete_action);
}

static void
ts_chapter_page_init (TsChapterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->upcoming = gtk_custom_filter_new (is_upcoming, self, NULL);
  self->past = gtk_custom_filter_new (is_past, self, NULL);
  self->upcoming_events = gtk_filter_list_model_new (NULL, GTK_FILTER (self->upcoming));
  self->past_events = gtk_filter_list_model_new (NULL, GTK_FILTER (self->past));
  gtk_list_box_bind_model (self->upcoming_list, G_LIST_MODEL (self->upcoming_events),
                           create_event_row, NULL, NULL);
  gtk_list_box_bind_model (self->past_list, G_LIST_MODEL (self->past_events),
                           create_event_row, NULL, NULL);
  gtk_list_box_set_placeholder (self->upcoming_list,
                                ts_ui_link_row (_("Nothing planned yet"),
                                                _("Create the next meeting with New Event…"),
                                                NULL, 0));
  g_signal_connect_swapped (self->past_events, "items-changed", G_CALLBACK (on_past_changed_cb),
                            self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
}

void
ts_chapter_page_set_repository (TsChapterPage *self,
                                TsRepository  *repository)
{
  g_return_if_fail (TS_IS_CHAPTER_PAGE (self));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  g_signal_connect_object (repository, "changed::chapter", G_CALLBACK (on_chapters_changed_cb),
                           self, 0);
  g_signal_connect_object (repository, "changed::member", G_CALLBACK (on_people_changed_cb),
                           self, 0);
  g_signal_connect_object (repository, "changed::attendance", G_CALLBACK (on_people_changed_cb),
                           self, 0);
}

void
ts_chapter_page_set_chapter (TsChapterPage *self,
                             gint64         chapter_id)
{
  g_return_if_fail (TS_IS_CHAPTER_PAGE (self));

  self->chapter_id = chapter_id;
  refresh (self);
}

gint64
ts_chapter_page_get_chapter_id (TsChapterPage *self)
{
  return self->chapter_id;
}
