/* ts-members-view.c: every member in a sortable table, searched as you type.
 *
 * The table shows a TsMemberModel, which reads from SQLite only the rows
 * on screen: a header click changes the model's ORDER BY, the search
 * field its search, and 50,000 members cost what is shown. The rows are
 * wrapped in TsMemberRows so that a new search relabels the rows on
 * screen instead of building them again.
 *
 * The table is a header (TsMemberTableHeader) over a grid view of one
 * column whose rows (TsMemberTableRow) lay their cells out in the same
 * columns: GTK 4.8's column view keeps up to 200 rows alive and measures
 * them at each allocation, a grid view only those on screen and a few
 * more, so the first frame costs what an empty table does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-accessible.h"
#include "ts-member-model.h"
#include "ts-member-rows.h"
#include "ts-member-page.h"
#include "ts-member-table-header.h"
#include "ts-member-table-row.h"
#include "ts-members-view.h"
#include "ts-text.h"
#include "ts-ui-util.h"

struct _TsMembersView
{
  AdwBin               parent_instance;

  TsRepository        *repository;
  TsMemberModel       *model;
  char                *query_key;

  AdwLeaflet          *leaflet;
  GtkSearchEntry      *search_entry;
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkScrolledWindow   *header_scroller;
  TsMemberTableHeader *header;
  GtkScrolledWindow   *scrolled_window;
  GtkGridView         *grid_view;
  TsMemberPage        *member_page;
};

G_DEFINE_FINAL_TYPE (TsMembersView, ts_members_view, ADW_TYPE_BIN)

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  gtk_list_item_set_child (item, ts_member_table_row_new ());
}

/* What a screen reader reads for the whole row, not cell by cell. */
static void
name_row (GtkListItem *item,
          TsMember    *member)
{
  g_autofree char *name = ts_member_column_text (TS_MEMBER_COLUMN_NAME, member);
  g_autofree char *reading = ts_member_column_text (TS_MEMBER_COLUMN_READING, member);
  g_autofree char *label = ts_accessible_join (name, reading, member->organization,
                                               member->profession, NULL);

  ts_accessible_list_item (item, label);
}

static void
show_row (GtkListItem *item)
{
  TsMember *member = ts_member_row_get_member (gtk_list_item_get_item (item));

  if (member == NULL)
    return;
  ts_member_table_row_set_member (TS_MEMBER_TABLE_ROW (gtk_list_item_get_child (item)), member);
  name_row (item, member);
}

static void
on_row_member_changed_cb (TsMemberRow *row,
                          GParamSpec  *pspec,
                          GtkListItem *item)
{
  show_row (item);
}

/* A search gives a row another member (see ts-member-rows.c): the row
 * follows it while bound. */
static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  show_row (item);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::member",
                           G_CALLBACK (on_row_member_changed_cb), item, 0);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item),
                                        on_row_member_changed_cb, item);
}

/* The header keeps which title was clicked; the model orders by it. */
static void
apply_sort (TsMembersView *self)
{
  TsMemberColumn column = ts_member_table_header_get_column (self->header);

  ts_member_model_set_sort (self->model, ts_member_column_sort (column),
                            ts_member_table_header_get_descending (self->header));
}

static void
update_count (TsMembersView *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint total = ts_member_model_get_total (self->model);
  g_autofree char *text = NULL;

  if (self->query_key != NULL && *self->query_key != '\0')
    /* Translators: %1$u members shown of %2$u. */
    text = g_strdup_printf (_("%1$u of %2$u"), shown, total);
  else
    text = g_strdup_printf (ngettext ("%u member", "%u members", total), total);
  gtk_label_set_text (self->count_label, text);
  if (total == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

static void
on_items_changed_cb (GListModel    *model,
                     guint          position,
                     guint          removed,
                     guint          added,
                     TsMembersView *self)
{
  update_count (self);
}

/* The table asks the model for its rows only once it is first shown:
 * startup does not count members for a view that may never be looked at. */
static void
attach_model (TsMembersView *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  if (self->model == NULL || gtk_grid_view_get_model (self->grid_view) != NULL)
    return;
  selection = gtk_single_selection_new (G_LIST_MODEL (ts_member_rows_new (G_LIST_MODEL (self->model))));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));
  g_signal_connect (self->model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  update_count (self);
}

static void
ts_members_view_map (GtkWidget *widget)
{
  attach_model (TS_MEMBERS_VIEW (widget));
  GTK_WIDGET_CLASS (ts_members_view_parent_class)->map (widget);
}

/* Rows keep their place while their members change: a highlighted row
 * would now be someone else. */
static void
clear_selection (TsMembersView *self)
{
  GtkSelectionModel *selection = gtk_grid_view_get_model (self->grid_view);

  if (selection != NULL)
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection),
                                       GTK_INVALID_LIST_POSITION);
}

static void
set_query (TsMembersView *self,
           const char    *text)
{
  g_autofree char *key = ts_text_search_key (text ? text : "");

  if (g_strcmp0 (key, self->query_key) == 0)
    return;
  g_free (self->query_key);
  self->query_key = g_steal_pointer (&key);
  clear_selection (self);
  if (self->model == NULL)
    return;
  ts_member_model_set_search (self->model, self->query_key);
  if (gtk_grid_view_get_model (self->grid_view) != NULL)
    update_count (self);
}

static void
on_search_changed_cb (TsMembersView  *self,
                      GtkSearchEntry *entry)
{
  set_query (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
open_member (TsMembersView *self,
             TsMember      *member)
{
  ts_member_page_set_member (self->member_page, self->repository, member->id);
  adw_leaflet_set_visible_child_name (self->leaflet, "member");
}

static void
on_search_activate_cb (TsMembersView  *self,
                       GtkSearchEntry *entry)
{
  g_autoptr(TsMember) first = g_list_model_get_item (G_LIST_MODEL (self->model), 0);

  if (first != NULL)
    open_member (self, first);
}

static void
on_grid_view_activate_cb (TsMembersView *self,
                          guint          position)
{
  g_autoptr(TsMember) member = g_list_model_get_item (G_LIST_MODEL (self->model),
                                                      position);

  if (member != NULL)
    open_member (self, member);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsMembersView *self = TS_MEMBERS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
on_sort_changed_cb (TsMembersView       *self,
                    TsMemberTableHeader *header)
{
  clear_selection (self);
  if (self->model != NULL)
    apply_sort (self);
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded || gdk_display_get_default () == NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/tsudoi/Tsudoi/ts-member-table.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
ts_members_view_dispose (GObject *object)
{
  TsMembersView *self = TS_MEMBERS_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  /* AdwBin unparents its child itself; disposing the template too
   * would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->model);
  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_members_view_parent_class)->dispose (object);
}

static void
ts_members_view_finalize (GObject *object)
{
  g_free (TS_MEMBERS_VIEW (object)->query_key);
  G_OBJECT_CLASS (ts_members_view_parent_class)->finalize (object);
}

static void
ts_members_view_class_init (TsMembersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_members_view_dispose;
  object_class->finalize = ts_members_view_finalize;
  widget_class->map = ts_members_view_map;

  g_type_ensure (TS_TYPE_MEMBER_PAGE);
  g_type_ensure (TS_TYPE_MEMBER_TABLE_HEADER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-members-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, header_scroller);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, header);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, grid_view);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, member_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_grid_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_changed_cb);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "view.back", NULL);
}

static void
ts_members_view_init (TsMembersView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  load_style ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), NULL);
  gtk_grid_view_set_factory (self->grid_view, factory);
  g_object_unref (factory);
  gtk_scrolled_window_set_hadjustment (self->header_scroller,
                                       gtk_scrolled_window_get_hadjustment (self->scrolled_window));
}

void
ts_members_view_set_repository (TsMembersView *self,
                                TsRepository  *repository)
{
  g_return_if_fail (TS_IS_MEMBERS_VIEW (self));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  self->model = ts_member_model_new (repository);
  ts_member_model_set_search (self->model, self->query_key ? self->query_key : "");
  apply_sort (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_model (self);
}

void
ts_members_view_show_member (TsMembersView *self,
                             gint64         member_id)
{
  g_return_if_fail (TS_IS_MEMBERS_VIEW (self));

  ts_member_page_set_member (self->member_page, self->repository, member_id);
  adw_leaflet_set_visible_child_name (self->leaflet, "member");
}

void
ts_members_view_focus_search (TsMembersView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
ts_members_view_set_search (TsMembersView *self,
                            const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  set_query (self, text);
}

/* The members shown (TsMember), in order: for tests and the benchmark. */
GListModel *
ts_members_view_get_model (TsMembersView *self)
{
  return G_LIST_MODEL (self->model);
}

GtkWidget *
ts_members_view_get_scrolled_window (TsMembersView *self)
{
  return GTK_WIDGET (self->scrolled_window);
}
