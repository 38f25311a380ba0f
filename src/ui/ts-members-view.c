/* ts-members-view.c: every member in a sortable table, searched as you type.
 *
 * The table shows a TsMemberModel, which reads from SQLite only the rows
 * on screen: a header click changes the model's ORDER BY, the search
 * field its search, and 50,000 members cost what is shown. The rows are
 * wrapped in TsMemberRows so that a new search relabels the rows on
 * screen instead of building them again.
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
#include "ts-members-view.h"
#include "ts-text.h"
#include "ts-ui-util.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_READING,
  COLUMN_ORGANIZATION,
  COLUMN_PROFESSION,
  COLUMN_CHAPTER,
  COLUMN_LAST_ATTENDED,
  COLUMN_TIMES,
  N_COLUMNS
} Column;

struct _TsMembersView
{
  AdwBin             parent_instance;

  TsRepository      *repository;
  TsMemberModel     *model;
  char              *query_key;
  GtkColumnViewColumn *reading_column;

  AdwLeaflet        *leaflet;
  GtkSearchEntry    *search_entry;
  GtkLabel          *count_label;
  GtkStack          *list_stack;
  GtkScrolledWindow *scrolled_window;
  GtkColumnView     *column_view;
  TsMemberPage      *member_page;
};

G_DEFINE_FINAL_TYPE (TsMembersView, ts_members_view, ADW_TYPE_BIN)

static char *
column_text (TsMember *member,
             Column    column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return ts_member_dup_name (member);
    case COLUMN_READING:
      return ts_member_dup_reading (member);
    case COLUMN_ORGANIZATION:
      return g_strdup (member->organization);
    case COLUMN_PROFESSION:
      return g_strdup (member->profession);
    case COLUMN_CHAPTER:
      return g_strdup (member->home_chapter_name);
    case COLUMN_LAST_ATTENDED:
      return ts_ui_format_day (member->last_attended);
    case COLUMN_TIMES:
      return member->times_attended > 0
             ? g_strdup_printf ("%" G_GINT64_FORMAT, member->times_attended)
             : g_strdup ("");
    default:
      g_assert_not_reached ();
    }
}

static void clear_selection (TsMembersView *self);

/* A cell is an inscription, not a label: its size comes from a number
 * of characters, not from its text. The table keeps 200 rows alive, and
 * labels were laid out again for every row at every allocation: a search
 * at 50,000 members spent most of its frame measuring text. */
static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *cell = gtk_inscription_new (NULL);
  Column column = GPOINTER_TO_INT (user_data);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 2);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), column == COLUMN_TIMES ? 1.0 : 0.0);
  if (column == COLUMN_TIMES || column == COLUMN_LAST_ATTENDED)
    gtk_widget_add_css_class (cell, "numeric");
  gtk_list_item_set_child (item, cell);
}

/* What a screen reader reads for the whole row, not cell by cell. */
static void
name_row (GtkListItem *item,
          TsMember    *member)
{
  g_autofree char *name = column_text (member, COLUMN_NAME);
  g_autofree char *reading = column_text (member, COLUMN_READING);
  g_autofree char *label = ts_accessible_join (name, reading, member->organization,
                                               member->profession, NULL);

  ts_accessible_list_item (item, label);
}

static void
show_member (GtkInscription *cell,
             TsMemberRow    *row)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ts-column"));
  g_autofree char *text = column_text (ts_member_row_get_member (row), column);

  gtk_inscription_set_text (cell, text);
  if (column == COLUMN_NAME)
    name_row (g_object_get_data (G_OBJECT (cell), "ts-list-item"), ts_member_row_get_member (row));
}

static void
on_row_member_changed_cb (TsMemberRow    *row,
                          GParamSpec     *pspec,
                          GtkInscription *cell)
{
  show_member (cell, row);
}

/* A search gives a row another member (see ts-member-rows.c): the cell
 * follows it while bound. */
static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsMemberRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), "ts-column", user_data);
  g_object_set_data (G_OBJECT (cell), "ts-list-item", item);
  show_member (GTK_INSCRIPTION (cell), row);
  g_signal_connect_object (row, "notify::member", G_CALLBACK (on_row_member_changed_cb),
                           cell, 0);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item),
                                        on_row_member_changed_cb,
                                        gtk_list_item_get_child (item));
}

/* What each column orders by, in the model's SQL. */
static const TsMemberSort column_sorts[N_COLUMNS] = {
  [COLUMN_NAME] = TS_MEMBER_SORT_READING,
  [COLUMN_READING] = TS_MEMBER_SORT_READING,
  [COLUMN_ORGANIZATION] = TS_MEMBER_SORT_ORGANIZATION,
  [COLUMN_PROFESSION] = TS_MEMBER_SORT_PROFESSION,
  [COLUMN_CHAPTER] = TS_MEMBER_SORT_CHAPTER,
  [COLUMN_LAST_ATTENDED] = TS_MEMBER_SORT_LAST_ATTENDED,
  [COLUMN_TIMES] = TS_MEMBER_SORT_TIMES,
};

/* The columns' sorters never order rows (SQL does); they only tell which
 * header was clicked last. GTK 4.8 has no getter for the column view's
 * primary sort column, so the view's sorter is asked to compare two
 * probes: the column whose sorter it asks first is the primary one, and
 * a reversed answer means descending. */
static int probed_column = -1;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  if (probed_column < 0)
    probed_column = GPOINTER_TO_INT (user_data);
  return GTK_ORDERING_SMALLER;
}

static void
apply_sort (TsMembersView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  probed_column = -1;
  order = gtk_sorter_compare (sorter, a, b);
  ts_member_model_set_sort (self->model,
                            probed_column < 0 ? TS_MEMBER_SORT_READING
                                              : column_sorts[probed_column],
                            order == GTK_ORDERING_LARGER);
}

static void
add_column (TsMembersView *self,
            Column         column,
            const char    *title,
            gboolean       expand,
            int            fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare,
                                                                    GINT_TO_POINTER (column),
                                                                    NULL));
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
  if (column == COLUMN_READING)
    self->reading_column = view_column;
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

  if (self->model == NULL || gtk_column_view_get_model (self->column_view) != NULL)
    return;
  selection = gtk_single_selection_new (G_LIST_MODEL (ts_member_rows_new (G_LIST_MODEL (self->model))));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
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
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);

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
  if (gtk_column_view_get_model (self->column_view) != NULL)
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
on_column_view_activate_cb (TsMembersView *self,
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
on_sorter_changed_cb (TsMembersView *self)
{
  clear_selection (self);
  if (self->model != NULL)
    apply_sort (self);
}

static void
build_columns (TsMembersView *self)
{
  add_column (self, COLUMN_NAME, _("Name"), FALSE, 140);
  add_column (self, COLUMN_READING, _("Reading"), FALSE, 160);
  add_column (self, COLUMN_ORGANIZATION, _("Organization"), TRUE, -1);
  add_column (self, COLUMN_PROFESSION, _("Profession"), FALSE, 140);
  add_column (self, COLUMN_CHAPTER, _("Home Chapter"), FALSE, 120);
  add_column (self, COLUMN_LAST_ATTENDED, _("Last Attended"), FALSE, 180);
  add_column (self, COLUMN_TIMES, _("Times"), FALSE, 70);

  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sorter_changed_cb), self);
  /* The model starts in 五十音順; this only shows it in the header. */
  gtk_column_view_sort_by_column (self->column_view, self->reading_column, GTK_SORT_ASCENDING);
}

static void
ts_members_view_dispose (GObject *object)
{
  TsMembersView *self = TS_MEMBERS_VIEW (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
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
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-members-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TsMembersView, member_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "view.back", NULL);
}

static void
ts_members_view_init (TsMembersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_columns (self);
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
