/* ts-members-view.c: every member in a sortable table, searched as you type.
 *
 * The repository hands back all members once, in 五十音順; searching and
 * sorting then happen in memory on precomputed keys (a search key and an
 * ICU sort key per member), so that typing never waits for the database,
 * even with tens of thousands of people.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-member-list.h"
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
  TsMemberList      *list;
  char              *query_key;
  GtkColumnViewColumn *reading_column;
  guint              reload_id;
  gboolean           stale;

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

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  Column column = GPOINTER_TO_INT (user_data);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_TIMES ? 1.0 : 0.0);
  if (column == COLUMN_TIMES || column == COLUMN_LAST_ATTENDED)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
show_member (GtkLabel    *label,
             TsMemberRow *row)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "ts-column"));
  g_autofree char *text = column_text (ts_member_row_get_member (row), column);

  gtk_label_set_text (label, text ? text : "");
}

static void
on_row_member_changed_cb (TsMemberRow *row,
                          GParamSpec  *pspec,
                          GtkLabel    *label)
{
  show_member (label, row);
}

/* A search gives a row another member (see ts-member-rows.c): the cell
 * follows it while bound. */
static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsMemberRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (label), "ts-column", user_data);
  show_member (GTK_LABEL (label), row);
  g_signal_connect_object (row, "notify::member", G_CALLBACK (on_row_member_changed_cb),
                           label, 0);
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

static int
compare_strings (const char *a,
                 const char *b)
{
  /* Empty cells go last whatever the order, so they do not hide the rest. */
  gboolean a_empty = a == NULL || *a == '\0';
  gboolean b_empty = b == NULL || *b == '\0';

  if (a_empty || b_empty)
    return a_empty - b_empty;
  return strcmp (a, b);
}

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  TsMember *ma = (TsMember *) a;
  TsMember *mb = (TsMember *) b;
  int result;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_ORGANIZATION:
      result = compare_strings (ma->organization, mb->organization);
      break;
    case COLUMN_PROFESSION:
      result = compare_strings (ma->profession, mb->profession);
      break;
    case COLUMN_CHAPTER:
      result = compare_strings (ma->home_chapter_name, mb->home_chapter_name);
      break;
    case COLUMN_LAST_ATTENDED:
      result = compare_strings (ma->last_attended, mb->last_attended);
      break;
    case COLUMN_TIMES:
      result = (ma->times_attended > mb->times_attended) - (ma->times_attended < mb->times_attended);
      break;
    default:
      result = 0;
    }
  /* Ties (and the name columns) fall back to 五十音順. */
  if (result == 0)
    result = ts_text_compare_keys (ma->sort_key, mb->sort_key);
  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* The column view's sorter knows which headers were clicked and in
 * which direction; the list sorts its own array with it. */
static int
compare_with_sorter (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return gtk_sorter_compare (GTK_SORTER (user_data), (gpointer) a, (gpointer) b);
}

static void
add_column (TsMembersView *self,
            Column         column,
            const char    *title,
            gboolean       expand,
            int            fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_members,
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
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint total = ts_member_list_get_total (self->list);
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

static void
reload (TsMembersView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) members = ts_repository_list_members (self->repository, NULL, &error);

  if (members == NULL)
    {
      ts_ui_show_error (GTK_WIDGET (self), error);
      return;
    }
  ts_member_list_set_members (self->list, members);
  ts_member_list_sort (self->list, compare_with_sorter,
                       gtk_column_view_get_sorter (self->column_view));
  clear_selection (self);
  update_count (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  TsMembersView *self = user_data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Every write changes something shown here (names, last attended,
 * counts), but reading tens of thousands of members for a view nobody
 * looks at is waste: hidden, the view only notes that it is stale. */
static void
on_repository_changed_cb (TsRepository  *repository,
                          const char    *table,
                          TsMembersView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->reload_id == 0)
    self->reload_id = ts_ui_idle_add (reload_idle_cb, self);
}

static void
ts_members_view_map (GtkWidget *widget)
{
  TsMembersView *self = TS_MEMBERS_VIEW (widget);

  GTK_WIDGET_CLASS (ts_members_view_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      reload (self);
    }
}

/* Rows keep their place while their members change: a highlighted row
 * would now be someone else. */
static void
clear_selection (TsMembersView *self)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (self->column_view));

  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
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
  ts_member_list_set_query (self->list, self->query_key);
  clear_selection (self);
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
  g_autoptr(TsMember) first = g_list_model_get_item (G_LIST_MODEL (self->list), 0);

  if (first != NULL)
    open_member (self, first);
}

static void
on_column_view_activate_cb (TsMembersView *self,
                            guint          position)
{
  g_autoptr(TsMember) member = g_list_model_get_item (G_LIST_MODEL (self->list),
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
  ts_member_list_sort (self->list, compare_with_sorter,
                       gtk_column_view_get_sorter (self->column_view));
  clear_selection (self);
}

static void
build_columns (TsMembersView *self)
{
  GtkSelectionModel *selection;

  add_column (self, COLUMN_NAME, _("Name"), FALSE, 140);
  add_column (self, COLUMN_READING, _("Reading"), FALSE, 160);
  add_column (self, COLUMN_ORGANIZATION, _("Organization"), TRUE, -1);
  add_column (self, COLUMN_PROFESSION, _("Profession"), FALSE, 140);
  add_column (self, COLUMN_CHAPTER, _("Home Chapter"), FALSE, 120);
  add_column (self, COLUMN_LAST_ATTENDED, _("Last Attended"), FALSE, 180);
  add_column (self, COLUMN_TIMES, _("Times"), FALSE, 70);

  self->list = ts_member_list_new ();
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (ts_member_rows_new (self->list))));
  gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
  gtk_column_view_set_model (self->column_view, selection);
  g_object_unref (selection);
  g_signal_connect (self->list, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                            G_CALLBACK (on_sorter_changed_cb), self);
  /* The repository already returns 五十音順; this only shows it in the header. */
  gtk_column_view_sort_by_column (self->column_view, self->reading_column, GTK_SORT_ASCENDING);
}

static void
ts_members_view_dispose (GObject *object)
{
  TsMembersView *self = TS_MEMBERS_VIEW (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  /* AdwBin unparents its child itself; disposing the template too
   * would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->list);
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

/* For tests and the benchmark: the list as it is now, reloaded if stale. */
static void
ensure_fresh (TsMembersView *self)
{
  if (self->stale || self->reload_id != 0)
    {
      g_clear_handle_id (&self->reload_id, g_source_remove);
      self->stale = FALSE;
      reload (self);
    }
}

void
ts_members_view_set_repository (TsMembersView *self,
                                TsRepository  *repository)
{
  g_return_if_fail (TS_IS_MEMBERS_VIEW (self));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  g_signal_connect_object (repository, "changed", G_CALLBACK (on_repository_changed_cb),
                           self, 0);
  /* Loaded when first shown: startup should not wait for a view that
   * may never be looked at. */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_fresh (self);
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

GListModel *
ts_members_view_get_model (TsMembersView *self)
{
  ensure_fresh (self);
  return G_LIST_MODEL (self->list);
}

GtkWidget *
ts_members_view_get_scrolled_window (TsMembersView *self)
{
  return GTK_WIDGET (self->scrolled_window);
}
