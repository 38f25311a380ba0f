/* ts-events-view.c: every event, newest first, beside the chosen one.
 *
 * The list is the repository's live model of every event: a write
 * changes the rows it touched (a check-in, a headcount) in place, and
 * the chosen event stays chosen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-accessible.h"
#include "ts-database.h"
#include "ts-event-page.h"
#include "ts-events-view.h"
#include "ts-text.h"
#include "ts-ui-util.h"

struct _TsEventsView
{
  AdwBin              parent_instance;

  TsRepository       *repository;
  GListModel         *events;    /* the repository's live model, once shown */
  gboolean            updating;  /* the list is changing under the selection */
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  char               *query_key;

  AdwLeaflet         *leaflet;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  TsEventPage        *event_page;
};

G_DEFINE_FINAL_TYPE (TsEventsView, ts_events_view, ADW_TYPE_BIN)

static gboolean
filter_event (gpointer item,
              gpointer user_data)
{
  TsEventsView *self = user_data;
  TsEvent *event = item;
  g_autofree char *key = NULL;

  if (self->query_key == NULL || *self->query_key == '\0')
    return TRUE;
  /* Few hundred events: a key per check costs nothing noticeable. */
  key = ts_text_search_key_join ((const char *[]) { event->title, event->chapter_name,
                                                    event->venue, event->starts_at, NULL });
  return ts_text_search_matches (key, self->query_key);
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 4);
  gtk_widget_set_margin_bottom (grid, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (grid), title, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), subtitle, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), count, 1, 0, 1, 2);
  gtk_list_item_set_child (item, grid);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsEvent *event = gtk_list_item_get_item (item);
  GtkGrid *grid = GTK_GRID (gtk_list_item_get_child (item));
  g_autofree char *day = ts_ui_format_day (event->starts_at);
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", day,
                                               event->chapter_name ? event->chapter_name : "");
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, event->headcount);
  g_autofree char *count_label = NULL;
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 0)), event->title);
  gtk_label_set_text (GTK_LABEL (gtk_grid_get_child_at (grid, 0, 1)), subtitle);
  gtk_label_set_text (GTK_LABEL (gtk_grid_get_child_at (grid, 1, 0)), count);
  count_label = g_strdup_printf (ngettext ("%d person registered", "%d people registered",
                                           (gulong) event->headcount),
                                 (int) event->headcount);
  gtk_widget_set_tooltip_text (gtk_grid_get_child_at (grid, 1, 0), count_label);
  accessible = ts_accessible_join (event->title, day, event->chapter_name ? event->chapter_name : "",
                                   count_label, NULL);
  ts_accessible_list_item (item, accessible);
}

static gboolean
select_id (TsEventsView *self,
           gint64        id)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (model, i);

      if (event->id == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }
  return FALSE;
}

/* On first showing, the meeting coming next, or else the latest one:
 * what an organizer opens the app for. */
static void
select_next_event (TsEventsView *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  g_autofree char *now = ts_now_iso8601 ();
  guint n = g_list_model_get_n_items (model);
  guint best = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsEvent) event = g_list_model_get_item (model, i);

      if (g_strcmp0 (event->starts_at, now) < 0)
        break;
      best = i;  /* newest first: the last one still ahead is the next */
    }
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, best);
}

static void
on_selection_changed_cb (TsEventsView *self)
{
  TsEvent *event = gtk_single_selection_get_selected_item (self->selection);

  /* A row read again leaves the selection for a moment. */
  if (self->updating)
    return;
  /* The same event again (after a reload): the page refreshes itself. */
  if (event != NULL && event->id == ts_event_page_get_event_id (self->event_page))
    return;
  ts_event_page_set_event (self->event_page, event ? event->id : 0);
}

static void
update_stack (TsEventsView *self)
{
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (self->events) > 0 ? "list" : "empty");
}

/* Runs before the filter and the selection follow a change. */
static void
on_events_changing_cb (TsEventsView *self)
{
  self->updating = TRUE;
}

/* Runs after them: the event shown stays chosen, or, deleted, gives way
 * to the next meeting. */
static void
on_events_changed_cb (TsEventsView *self)
{
  TsEvent *selected = gtk_single_selection_get_selected_item (self->selection);
  gint64 current = ts_event_page_get_event_id (self->event_page);

  self->updating = FALSE;
  if (current != 0 && (selected == NULL || selected->id != current) && !select_id (self, current))
    ts_event_page_set_event (self->event_page, 0);
  if (ts_event_page_get_event_id (self->event_page) == 0)
    select_next_event (self);
  update_stack (self);
}

/* Not before the view is first shown: a window opened on another view
 * never reads the events. */
static void
ensure_loaded (TsEventsView *self)
{
  if (self->events != NULL || self->repository == NULL)
    return;
  self->events = ts_repository_get_events_model (self->repository, 0);
  /* Before the filter model connects, and after every handler. */
  g_signal_connect_swapped (self->events, "items-changed", G_CALLBACK (on_events_changing_cb),
                            self);
  gtk_filter_list_model_set_model (self->filter_model, self->events);
  g_signal_connect_data (self->events, "items-changed", G_CALLBACK (on_events_changed_cb), self,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  select_next_event (self);
  update_stack (self);
}

static void
ts_events_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ts_events_view_parent_class)->map (widget);
  ensure_loaded (TS_EVENTS_VIEW (widget));
}

static void
on_search_changed_cb (TsEventsView   *self,
                      GtkSearchEntry *entry)
{
  g_free (self->query_key);
  self->query_key = ts_text_search_key (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_list_activate_cb (TsEventsView *self,
                     guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child_name (self->leaflet, "event");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_set_visible_child_name (TS_EVENTS_VIEW (widget)->leaflet, "list");
}

static void
ts_events_view_dispose (GObject *object)
{
  TsEventsView *self = TS_EVENTS_VIEW (object);

  /* AdwBin unparents its child itself; disposing the template too
   * would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->events != NULL)
    g_signal_handlers_disconnect_by_data (self->events, self);
  g_clear_object (&self->events);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->query_key, g_free);
  G_OBJECT_CLASS (ts_events_view_parent_class)->dispose (object);
}

static void
ts_events_view_class_init (TsEventsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_events_view_dispose;
  widget_class->map = ts_events_view_map;
  g_type_ensure (TS_TYPE_EVENT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-events-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TsEventsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TsEventsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TsEventsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, TsEventsView, event_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
}

static void
ts_events_view_init (TsEventsView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter = gtk_custom_filter_new (filter_event, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (factory);
}

void
ts_events_view_set_repository (TsEventsView *self,
                               TsRepository *repository)
{
  g_return_if_fail (TS_IS_EVENTS_VIEW (self));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  ts_event_page_set_repository (self->event_page, repository);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

void
ts_events_view_show_event (TsEventsView *self,
                           gint64        event_id)
{
  g_return_if_fail (TS_IS_EVENTS_VIEW (self));

  ensure_loaded (self);
  if (!select_id (self, event_id))
    {
      /* Hidden by the search: clear it rather than show a different list. */
      g_clear_pointer (&self->query_key, g_free);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      if (!select_id (self, event_id))
        ts_event_page_set_event (self->event_page, event_id);
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "event");
}

GtkWidget *
ts_events_view_get_page (TsEventsView *self)
{
  return GTK_WIDGET (self->event_page);
}
