/* ts-window.c: the main window: chapters, events, members, regulars.
 *
 * The window owns navigation: views ask for another record through the
 * win.show-* actions, and for dialogs through win.new-* / win.edit-*, so
 * a view never needs to know the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-accessible.h"
#include "ts-chapter-dialog.h"
#include "ts-chapters-view.h"
#include "ts-data-actions.h"
#include "ts-directory.h"
#include "ts-event-dialog.h"
#include "ts-events-view.h"
#include "ts-member-dialog.h"
#include "ts-members-view.h"
#include "ts-merge-dialog.h"
#include "ts-regulars-page.h"
#include "ts-sample.h"
#include "ts-settings.h"
#include "ts-ui-util.h"
#include "ts-window.h"

struct _TsWindow
{
  AdwApplicationWindow  parent_instance;

  TsRepository         *repository;
  GSettings            *settings;
  TsDataActions        *data_actions;  /* its "data" group holds it */

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  TsChaptersView       *chapters_view;
  TsEventsView         *events_view;
  TsMembersView        *members_view;
  AdwBin               *regulars_bin;
  GtkWidget            *regulars_page;
};

G_DEFINE_FINAL_TYPE (TsWindow, ts_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Narrow windows move the view switcher to the bottom; the empty state
 * shows none at all. */
static void
update_switcher_bar (TsWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title) &&
                                    adw_view_switcher_title_get_view_switcher_enabled (self->switcher_title));
}

/* Only whether there is anything at all: the views load their own lists. */
static void
update_empty_state (TsWindow *self)
{
  gint64 n_chapters = 0;
  g_autoptr(GError) error = NULL;

  if (!ts_repository_count_chapters (self->repository, &n_chapters, &error))
    g_warning ("Cannot count chapters: %s", error->message);
  gtk_stack_set_visible_child_name (self->stack, n_chapters > 0 ? "views" : "empty");
  /* Tabs to views that cannot be shown yet would only confuse. */
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, n_chapters > 0);
  update_switcher_bar (self);
}

static void
on_chapters_changed_cb (TsRepository *repository,
                        GArray       *ids,
                        TsWindow     *self)
{
  update_empty_state (self);
}

static void
load_directory_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (!ts_directory_load (self->repository, &n_added, &error))
    ts_ui_show_error (widget, error);
  update_empty_state (self);
}

static void
load_sample_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  TsSampleOptions options;

  ts_sample_options_init (&options);
  if (!ts_sample_generate (self->repository, &options, &error))
    ts_ui_show_error (widget, error);
  update_empty_state (self);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);

  if (gtk_stack_get_visible_child_name (self->stack) != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "views"))
    adw_view_stack_set_visible_child_name (self->view_stack,
                                           g_variant_get_string (parameter, NULL));
}

static void
show_chapter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "chapters");
  ts_chapters_view_show_chapter (self->chapters_view, g_variant_get_int64 (parameter));
}

static void
show_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "events");
  ts_events_view_show_event (self->events_view, g_variant_get_int64 (parameter));
}

static void
show_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "members");
  ts_members_view_show_member (self->members_view, g_variant_get_int64 (parameter));
}

static void
present (GtkWidget *dialog)
{
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_chapter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  present (ts_chapter_dialog_new (GTK_WINDOW (widget), TS_WINDOW (widget)->repository, 0));
}

static void
edit_chapter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  present (ts_chapter_dialog_new (GTK_WINDOW (widget), TS_WINDOW (widget)->repository,
                                  g_variant_get_int64 (parameter)));
}

static void
new_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);
  g_autoptr(TsEvent) event = ts_event_new ();
  gint64 chapter_id = g_variant_get_int64 (parameter);

  if (chapter_id == 0)
    chapter_id = ts_chapters_view_get_chapter_id (self->chapters_view);
  g_object_set (event, "chapter-id", chapter_id, NULL);
  present (ts_event_dialog_new (GTK_WINDOW (widget), self->repository, event));
}

static void
edit_event_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsEvent) event = ts_repository_get_event (self->repository,
                                                      g_variant_get_int64 (parameter),
                                                      &error);

  if (event == NULL)
    {
      ts_ui_show_error (widget, error);
      return;
    }
  present (ts_event_dialog_new (GTK_WINDOW (widget), self->repository, event));
}

static void
new_member_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  present (ts_member_dialog_new (GTK_WINDOW (widget), TS_WINDOW (widget)->repository, 0));
}

static void
edit_member_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  present (ts_member_dialog_new (GTK_WINDOW (widget), TS_WINDOW (widget)->repository,
                                 g_variant_get_int64 (parameter)));
}

static void
find_duplicates_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  present (ts_merge_dialog_new (GTK_WINDOW (widget), TS_WINDOW (widget)->repository));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "members");
  ts_members_view_focus_search (self->members_view);
}

static void
on_chapter_selected_cb (TsChaptersView *view,
                        gint64          chapter_id,
                        TsWindow       *self)
{
  if (self->regulars_page != NULL)
    ts_regulars_page_set_chapter (TS_REGULARS_PAGE (self->regulars_page), chapter_id);
  g_settings_set_int64 (self->settings, "last-chapter", chapter_id);
}

/* A view saved by another version may not exist here: show the default. */
static gboolean
view_from_setting (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  TsWindow *self = user_data;
  const char *name = g_variant_get_string (variant, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return FALSE;
  g_value_set_string (value, name);
  return TRUE;
}

/* The window's size and view follow the settings both ways; the chapter
 * is a choice in a view, not a property, so it is written when chosen. */
static void
bind_settings (TsWindow *self)
{
  /* A locked key keeps its value; it must not grey out the window. */
  const GSettingsBindFlags flags = G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_NO_SENSITIVITY;
  gint64 chapter_id = g_settings_get_int64 (self->settings, "last-chapter");

  g_settings_bind (self->settings, "window-width", self, "default-width", flags);
  g_settings_bind (self->settings, "window-height", self, "default-height", flags);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", flags);
  g_settings_bind_with_mapping (self->settings, "last-view", self->view_stack,
                                "visible-child-name", flags, view_from_setting, NULL, self,
                                NULL);
  ts_chapters_view_show_chapter (self->chapters_view, chapter_id);
  /* The chapters view may load only when first shown; Regulars needs
   * its chapter now. */
  if (chapter_id != 0)
    ts_regulars_page_set_chapter (TS_REGULARS_PAGE (self->regulars_page), chapter_id);
}

static void
ts_window_constructed (GObject *object)
{
  TsWindow *self = TS_WINDOW (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (ts_window_parent_class)->constructed (object);

  /* Rows deleted long ago can no longer be undone: drop them for good. */
  if (!ts_ui_purge_old_deletes (self->repository, &error))
    g_warning ("Cannot purge deleted rows: %s", error->message);

  self->data_actions = ts_data_actions_install (GTK_WIDGET (self), self->repository);
  self->settings = ts_settings_dup_for_widget (GTK_WIDGET (self));
  self->regulars_page = g_object_new (TS_TYPE_REGULARS_PAGE, "repository", self->repository,
                                      "settings", self->settings, NULL);
  adw_bin_set_child (self->regulars_bin, self->regulars_page);

  g_signal_connect (self->chapters_view, "chapter-selected",
                    G_CALLBACK (on_chapter_selected_cb), self);
  ts_chapters_view_set_repository (self->chapters_view, self->repository);
  ts_events_view_set_repository (self->events_view, self->repository);
  ts_members_view_set_repository (self->members_view, self->repository);
  g_signal_connect_object (self->repository, "changed::chapter",
                           G_CALLBACK (on_chapters_changed_cb), self, 0);
  update_empty_state (self);
  bind_settings (self);
  g_signal_connect_swapped (self->switcher_title, "notify::title-visible",
                            G_CALLBACK (update_switcher_bar), self);
}

static void
ts_window_dispose (GObject *object)
{
  TsWindow *self = TS_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_WINDOW);
  G_OBJECT_CLASS (ts_window_parent_class)->dispose (object);
}

static void
ts_window_finalize (GObject *object)
{
  TsWindow *self = TS_WINDOW (object);

  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_window_parent_class)->finalize (object);
}

static void
ts_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TsWindow *self = TS_WINDOW (object);

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
ts_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TsWindow *self = TS_WINDOW (object);

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
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.load-directory", NULL,
                                   load_directory_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL,
                                   load_sample_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-chapter", "x", show_chapter_action);
  gtk_widget_class_install_action (widget_class, "win.show-event", "x", show_event_action);
  gtk_widget_class_install_action (widget_class, "win.show-member", "x", show_member_action);
  gtk_widget_class_install_action (widget_class, "win.new-chapter", NULL, new_chapter_action);
  gtk_widget_class_install_action (widget_class, "win.edit-chapter", "x", edit_chapter_action);
  gtk_widget_class_install_action (widget_class, "win.new-event", "x", new_event_action);
  gtk_widget_class_install_action (widget_class, "win.edit-event", "x", edit_event_action);
  gtk_widget_class_install_action (widget_class, "win.new-member", NULL, new_member_action);
  gtk_widget_class_install_action (widget_class, "win.edit-member", "x", edit_member_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find-duplicates", NULL,
                                   find_duplicates_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-view", "s", "chapters");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-view", "s", "events");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-view", "s", "members");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-view", "s", "regulars");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-member", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-event", "x", (gint64) 0);
}

static void
ts_window_class_init (TsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_window_constructed;
  object_class->dispose = ts_window_dispose;
  object_class->finalize = ts_window_finalize;
  object_class->get_property = ts_window_get_property;
  object_class->set_property = ts_window_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TS_TYPE_CHAPTERS_VIEW);
  g_type_ensure (TS_TYPE_EVENTS_VIEW);
  g_type_ensure (TS_TYPE_MEMBERS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, chapters_view);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, events_view);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, members_view);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, regulars_bin);
  install_actions (widget_class);
}

static void
ts_window_init (TsWindow *self)
{
  static gsize icon_path_added = 0;

  /* GtkApplication adds the resource icons itself; a window made without
   * one (tests, screenshots) still shows the app's icon this way. */
  if (g_once_init_enter (&icon_path_added))
    {
      GdkDisplay *display = gdk_display_get_default ();

      if (display != NULL && g_application_get_default () == NULL)
        gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                          "/io/github/tsudoi/Tsudoi/icons");
      g_once_init_leave (&icon_path_added, 1);
    }
  gtk_widget_init_template (GTK_WIDGET (self));
  ts_accessible_name_popup_buttons (GTK_WIDGET (self));
}

TsWindow *
ts_window_new (TsApplication *application,
               TsRepository  *repository)
{
  return g_object_new (TS_TYPE_WINDOW,
                       "application", application,
                       "repository", repository,
                       NULL);
}

/* For tests and the screenshot program. */
GtkWidget *
ts_window_get_view (TsWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);
  if (g_strcmp0 (name, "chapters") == 0)
    return GTK_WIDGET (self->chapters_view);
  if (g_strcmp0 (name, "events") == 0)
    return GTK_WIDGET (self->events_view);
  if (g_strcmp0 (name, "members") == 0)
    return GTK_WIDGET (self->members_view);
  return self->regulars_page;
}

/* The data actions (import, export, back up, restore) of the window. */
TsDataActions *
ts_window_get_data_actions (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return self->data_actions;
}

/* The import preview of @file on this window's database, as after
 * choosing it in Import Members: for `tsudoi FILE.csv` and Open With. */
void
ts_window_import_file (TsWindow *self,
                       GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (TS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("“%s” is not a file on this computer. Copy it here first, then import it."),
                                             name);

      ts_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "data.import-file", "^ay", path);
}
