/* ts-window.c: the main window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-directory.h"
#include "ts-sample.h"
#include "ts-window.h"

struct _TsWindow
{
  AdwApplicationWindow  parent_instance;

  TsRepository         *repository;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *summary_page;
};

G_DEFINE_FINAL_TYPE (TsWindow, ts_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_REPOSITORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
refresh (TsWindow *self)
{
  g_autoptr(GListModel) chapters = NULL;
  g_autoptr(GListModel) members = NULL;
  g_autofree char *description = NULL;
  guint n_chapters, n_members;

  chapters = ts_repository_list_chapters (self->repository, NULL);
  members = ts_repository_list_members (self->repository, NULL, NULL);
  n_chapters = chapters ? g_list_model_get_n_items (chapters) : 0;
  n_members = members ? g_list_model_get_n_items (members) : 0;

  if (n_chapters == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  /* Translators: %1$u chapters, %2$u members. */
  description = g_strdup_printf (_("%1$u chapters and %2$u members"), n_chapters, n_members);
  adw_status_page_set_description (self->summary_page, description);
  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
show_error (TsWindow     *self,
            const GError *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
load_directory_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!ts_directory_load (self->repository, NULL, &error))
    show_error (self, error);
  refresh (self);
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
    show_error (self, error);
  refresh (self);
}

static void
ts_window_constructed (GObject *object)
{
  G_OBJECT_CLASS (ts_window_parent_class)->constructed (object);
  refresh (TS_WINDOW (object));
}

static void
ts_window_dispose (GObject *object)
{
  TsWindow *self = TS_WINDOW (object);

  g_clear_object (&self->repository);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_WINDOW);
  G_OBJECT_CLASS (ts_window_parent_class)->dispose (object);
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
ts_window_class_init (TsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_window_constructed;
  object_class->dispose = ts_window_dispose;
  object_class->get_property = ts_window_get_property;
  object_class->set_property = ts_window_set_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, summary_page);

  gtk_widget_class_install_action (widget_class, "win.load-directory", NULL,
                                   load_directory_action);
  gtk_widget_class_install_action (widget_class, "win.load-sample", NULL,
                                   load_sample_action);
}

static void
ts_window_init (TsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
