/* ts-intro-window.c: the round of introductions (紹介), full screen.
 *
 * On a projector or a tablet: the person speaking now, large (name with
 * its reading, profession, organization, introduction, wish), and who is
 * next, small. Space, Right or Page Down (what a presentation clicker
 * sends) go on; Left, Page Up or Backspace go back; Escape leaves full
 * screen. A tap on the right of the screen goes on, on the left back.
 *
 * The people and their order are the MC sheet's (ts-print-job.c, kind
 * TS_PRINT_INTRO_SHEET): the same numbers, the same order, and consent
 * already applied, since the screen is seen by the whole room. The list
 * follows the event's live attendance model, so a walk-in checked in at
 * the door joins the round without losing the place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-intro-window.h"
#include "ts-print-job.h"
#include "ts-ui-util.h"

struct _TsIntroWindow
{
  AdwWindow     parent_instance;

  TsRepository *repository;
  gint64        event_id;
  GListModel   *attendance;   /* the repository's live model */
  TsPrintJob   *job;
  GPtrArray    *people;       /* TsPrintEntry, owned by the job: who speaks */
  guint         current;
  guint         reload_id;

  GtkWidget    *header_bar;
  AdwWindowTitle *window_title;
  GtkStack     *stack;
  GtkLabel     *position_label;
  GtkLabel     *table_label;
  GtkWidget    *walk_in_label;
  GtkWidget    *first_time_label;
  GtkLabel     *reading_label;
  GtkLabel     *name_label;
  GtkLabel     *details_label;
  GtkLabel     *organization_label;
  GtkLabel     *introduction_label;
  GtkWidget    *wish_box;
  GtkLabel     *wish_label;
  GtkWidget    *next_box;
  GtkLabel     *next_label;
};

G_DEFINE_FINAL_TYPE (TsIntroWindow, ts_intro_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REPOSITORY,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), has_text (text));
}

/* 職種 and 役職 on one line; the organization has its own, so that a
 * long one is not broken in the middle of a word. */
static char *
details_text (const TsPrintEntry *entry)
{
  const char *parts[] = { entry->profession, entry->job_title };
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (has_text (parts[i]))
      g_string_append_printf (line, "%s%s", line->len ? "\u3000" : "", parts[i]);
  return g_string_free (line, FALSE);
}

static char *
name_with_reading (const TsPrintEntry *entry)
{
  if (!has_text (entry->reading))
    return g_strdup (entry->name);
  /* Translators: the next person, small: a name and its reading in
   * brackets, "山田 太郎（やまだ たろう）". */
  return g_strdup_printf (_("%1$s (%2$s)"), entry->name, entry->reading);
}

static void
show_next (TsIntroWindow *self)
{
  g_autofree char *next = NULL;

  if (self->current + 1 < self->people->len)
    next = name_with_reading (g_ptr_array_index (self->people, self->current + 1));
  else
    /* Translators: where the next person's name goes, after the last one. */
    next = g_strdup (C_("introductions", "Everyone has been introduced"));
  gtk_label_set_text (self->next_label, next);
}

static void
show_current (TsIntroWindow *self)
{
  const TsPrintEntry *entry;
  g_autofree char *position = NULL;
  g_autofree char *details = NULL;
  g_autofree char *table = NULL;

  if (self->people == NULL || self->people->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->current = MIN (self->current, self->people->len - 1);
  entry = g_ptr_array_index (self->people, self->current);
  /* Translators: where the round is, and the person's number on every
   * printout: "3 / 40 人目 No. 12". */
  position = g_strdup_printf (_("%1$u of %2$u · No. %3$u"), self->current + 1,
                              self->people->len, entry->number);
  gtk_label_set_text (self->position_label, position);
  if (entry->table > 0)
    table = g_strdup_printf (_("Table %u"), entry->table);
  set_text (self->table_label, table);
  gtk_widget_set_visible (self->walk_in_label, entry->walk_in);
  gtk_widget_set_visible (self->first_time_label, entry->first_time);
  set_text (self->reading_label, entry->reading);
  gtk_label_set_text (self->name_label, entry->name);
  details = details_text (entry);
  set_text (self->details_label, details);
  set_text (self->organization_label, entry->organization);
  set_text (self->introduction_label, entry->introduction);
  gtk_label_set_text (self->wish_label, entry->wish ? entry->wish : "");
  gtk_widget_set_visible (self->wish_box, has_text (entry->wish));
  show_next (self);
  gtk_stack_set_visible_child_name (self->stack, "person");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intro.previous", self->current > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intro.next",
                                 self->current + 1 < self->people->len);
}

/* Who speaks: once the door is open, the people who are here; before
 * that (an event run without checking people in), everyone expected. */
static GPtrArray *
speakers (TsPrintJob *job)
{
  GPtrArray *people = g_ptr_array_new ();
  gboolean door_open = FALSE;

  for (guint i = 0; i < job->entries->len; i++)
    door_open |= ((TsPrintEntry *) g_ptr_array_index (job->entries, i))->present;
  for (guint i = 0; i < job->entries->len; i++)
    {
      TsPrintEntry *entry = g_ptr_array_index (job->entries, i);

      if (entry->present || !door_open)
        g_ptr_array_add (people, entry);
    }
  return people;
}

/* Reloads the round and keeps the place: the same person (by their
 * number) when they are still in it, else the same position. */
static void
reload (TsIntroWindow *self)
{
  g_autoptr(GError) error = NULL;
  TsPrintOptions options;
  TsPrintJob *job;
  guint number = 0;

  if (self->people != NULL && self->current < self->people->len)
    number = ((TsPrintEntry *) g_ptr_array_index (self->people, self->current))->number;
  ts_print_options_init (&options, TS_PRINT_INTRO_SHEET);
  job = ts_print_job_load (self->repository, self->event_id, &options, &error);
  /* Nobody yet, or the event was deleted meanwhile: the empty page. */
  if (job == NULL && !g_error_matches (error, TS_PRINT_ERROR, TS_PRINT_ERROR_EMPTY) &&
      !g_error_matches (error, TS_PRINT_ERROR, TS_PRINT_ERROR_NOT_FOUND))
    g_warning ("Could not load the introductions: %s", error->message);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->job, ts_print_job_free);
  self->job = job;
  if (job != NULL)
    {
      self->people = speakers (job);
      adw_window_title_set_subtitle (self->window_title, job->event_title);
      for (guint i = 0; i < self->people->len; i++)
        if (((TsPrintEntry *) g_ptr_array_index (self->people, i))->number == number)
          self->current = i;
    }
  show_current (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  TsIntroWindow *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* A check-in writes several rows' changes at once: one reload for them. */
static void
on_attendance_changed_cb (TsIntroWindow *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
go (TsIntroWindow *self,
    int            step)
{
  if (self->people == NULL || self->people->len == 0)
    return;
  if (step < 0 && self->current > 0)
    self->current--;
  else if (step > 0 && self->current + 1 < self->people->len)
    self->current++;
  show_current (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go (TS_INTRO_WINDOW (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  go (TS_INTRO_WINDOW (widget), -1);
}

/* Handled before any button can take Space for itself: in this window
 * the keys only ever move through the round. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TsIntroWindow         *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_space:
    case GDK_KEY_Right:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
    case GDK_KEY_Down:
    case GDK_KEY_Return:
      go (self, 1);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Up:
    case GDK_KEY_BackSpace:
      go (self, -1);
      return TRUE;
    case GDK_KEY_Home:
      self->current = 0;
      show_current (self);
      return TRUE;
    case GDK_KEY_Escape:
      gtk_window_unfullscreen (GTK_WINDOW (self));
      return TRUE;
    case GDK_KEY_F11:
    case GDK_KEY_f:
      ts_ui_toggle_fullscreen (GTK_WIDGET (self), NULL, NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

/* A tablet has no keys: a tap on the right two thirds goes on, on the
 * left third back. */
static void
on_pressed_cb (GtkGestureClick *gesture,
               int              n_press,
               double           x,
               double           y,
               TsIntroWindow   *self)
{
  GtkWidget *stack = GTK_WIDGET (self->stack);

  go (self, x < gtk_widget_get_width (stack) / 3.0 ? -1 : 1);
}

static void
on_fullscreened_cb (TsIntroWindow *self)
{
  gtk_widget_set_visible (self->header_bar, !gtk_window_is_fullscreen (GTK_WINDOW (self)));
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/tsudoi/Tsudoi/ts-intro-window.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
ts_intro_window_constructed (GObject *object)
{
  TsIntroWindow *self = TS_INTRO_WINDOW (object);

  G_OBJECT_CLASS (ts_intro_window_parent_class)->constructed (object);

  g_assert (TS_IS_REPOSITORY (self->repository));
  self->attendance = ts_repository_get_attendance_model (self->repository, self->event_id);
  g_signal_connect_object (self->attendance, "items-changed",
                           G_CALLBACK (on_attendance_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
ts_intro_window_dispose (GObject *object)
{
  TsIntroWindow *self = TS_INTRO_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->attendance);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->job, ts_print_job_free);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_intro_window_parent_class)->dispose (object);
}

static void
ts_intro_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TsIntroWindow *self = TS_INTRO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      self->repository = g_value_dup_object (value);
      break;
    case PROP_EVENT_ID:
      self->event_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_intro_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TsIntroWindow *self = TS_INTRO_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REPOSITORY:
      g_value_set_object (value, self->repository);
      break;
    case PROP_EVENT_ID:
      g_value_set_int64 (value, self->event_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_intro_window_class_init (TsIntroWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_intro_window_constructed;
  object_class->dispose = ts_intro_window_dispose;
  object_class->set_property = ts_intro_window_set_property;
  object_class->get_property = ts_intro_window_get_property;

  properties[PROP_REPOSITORY] =
    g_param_spec_object ("repository", NULL, NULL, TS_TYPE_REPOSITORY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT_ID] =
    g_param_spec_int64 ("event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-intro-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, table_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, walk_in_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, first_time_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, reading_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, details_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, organization_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, introduction_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, wish_box);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, wish_label);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, next_box);
  gtk_widget_class_bind_template_child (widget_class, TsIntroWindow, next_label);
  gtk_widget_class_install_action (widget_class, "intro.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "intro.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "intro.fullscreen", NULL, ts_ui_toggle_fullscreen);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
ts_intro_window_init (TsIntroWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *tap = gtk_gesture_click_new ();

  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (tap, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->stack), GTK_EVENT_CONTROLLER (tap));
  g_signal_connect_swapped (self, "notify::fullscreened", G_CALLBACK (on_fullscreened_cb), self);
}

GtkWidget *
ts_intro_window_new (GtkApplication *application,
                     TsRepository   *repository,
                     gint64          event_id)
{
  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  return g_object_new (TS_TYPE_INTRO_WINDOW,
                       "application", application,
                       "repository", repository,
                       "event-id", event_id,
                       NULL);
}

/* Full screen from the start: it is opened to be shown to the room. */
void
ts_intro_window_present (GtkWidget    *parent,
                         TsRepository *repository,
                         gint64        event_id)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkApplication *application = GTK_IS_WINDOW (root)
                                ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;
  GtkWidget *window;

  if (application == NULL && GTK_IS_APPLICATION (g_application_get_default ()))
    application = GTK_APPLICATION (g_application_get_default ());
  window = ts_intro_window_new (application, repository, event_id);
  gtk_window_fullscreen (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

guint
ts_intro_window_get_position (TsIntroWindow *self)
{
  g_return_val_if_fail (TS_IS_INTRO_WINDOW (self), 0);

  return self->current;
}
