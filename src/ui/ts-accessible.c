/* ts-accessible.c: rows that a screen reader can read and open.
 *
 * GTK 4.8 names a row of a list view by nothing (a list item has no
 * accessible properties of its own before GTK 4.12) and offers no AT-SPI
 * action on any row: Orca reads an empty "list item" that it cannot
 * activate. A widget that holds actions of its own shows them on the bus
 * as AT-SPI actions, so each row gets a "row.activate" action that does
 * what Enter does, and its name is set on the widget the bus sees as the
 * row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-accessible.h"

static void
select_row (GtkListBoxRow *row)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (row));

  /* The views open the chosen row: choose this one first, as a click does. */
  if (GTK_IS_LIST_BOX (box) && gtk_list_box_row_get_selectable (row) &&
      gtk_list_box_get_selection_mode (GTK_LIST_BOX (box)) != GTK_SELECTION_NONE)
    gtk_list_box_select_row (GTK_LIST_BOX (box), row);
}

typedef struct {
  GtkWidget *widget;
  guint      position;
} Activation;

static gboolean
activate_idle_cb (gpointer data)
{
  Activation *activation = data;
  GtkWidget *widget = activation->widget;

  /* Still in its list: a row taken away meanwhile opens nothing. */
  if (gtk_widget_get_parent (widget) != NULL)
    {
      if (GTK_IS_LIST_BOX_ROW (widget))
        {
          select_row (GTK_LIST_BOX_ROW (widget));
          gtk_widget_activate (widget);
        }
      else
        gtk_widget_activate_action (widget, "list.activate-item", "u", activation->position);
    }
  g_object_unref (widget);
  g_free (activation);
  return G_SOURCE_REMOVE;
}

/* What a row's "row.activate" opens: the row's widget and, in a list
 * view, the list item bound to it. GTK owns both: weak references. */
typedef struct {
  GWeakRef widget;
  GWeakRef item;
} RowTarget;

static void
row_target_free (gpointer  data,
                 GClosure *closure)
{
  RowTarget *target = data;

  g_weak_ref_clear (&target->widget);
  g_weak_ref_clear (&target->item);
  g_free (target);
}

/* Runs from the main loop, not inside the bus call: opening a row can
 * rebuild the list and free the very row (and its accessible) that the
 * call came in on. */
static void
on_activate_cb (GSimpleAction *action,
                GVariant      *parameter,
                RowTarget     *target)
{
  g_autoptr(GtkWidget) widget = g_weak_ref_get (&target->widget);
  g_autoptr(GtkListItem) item = g_weak_ref_get (&target->item);
  Activation *activation;

  if (widget == NULL)
    return;
  if (item != NULL && (gtk_list_item_get_position (item) == GTK_INVALID_LIST_POSITION ||
                       !gtk_list_item_get_activatable (item)))
    return;
  if (item == NULL && !(GTK_IS_LIST_BOX_ROW (widget) &&
                        gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget))))
    return;
  activation = g_new0 (Activation, 1);
  activation->widget = g_steal_pointer (&widget);
  activation->position = item != NULL ? gtk_list_item_get_position (item) : 0;
  g_idle_add (activate_idle_cb, activation);
}

/* On every bind, as list views reuse their row widgets: GTK 4.8 cannot
 * hand back a group inserted before, and a group inserted under the same
 * name replaces it, so the row's group is made again with its item. */
static void
set_activate_action (GtkWidget   *widget,
                     GtkListItem *item)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("activate", NULL);
  RowTarget *target = g_new0 (RowTarget, 1);

  g_weak_ref_init (&target->widget, widget);
  g_weak_ref_init (&target->item, item);
  g_signal_connect_data (action, "activate", G_CALLBACK (on_activate_cb), target,
                         row_target_free, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (widget, "row", G_ACTION_GROUP (group));
}

static gboolean
has_role (GtkWidget         *widget,
          GtkAccessibleRole  role)
{
  return widget != NULL && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == role;
}

/* The widget the bus shows as the row of @item, the one that takes the
 * focus: the list item widget around its child (a list view's row, a
 * grid view's cell), or, in a column view, the row around the cell. */
static GtkWidget *
list_item_widget (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *widget = child != NULL ? gtk_widget_get_parent (child) : NULL;

  if (has_role (widget, GTK_ACCESSIBLE_ROLE_GRID_CELL) &&
      has_role (gtk_widget_get_parent (widget), GTK_ACCESSIBLE_ROLE_ROW))
    widget = gtk_widget_get_parent (widget);
  return widget;
}

/* Call on bind: @label names the row (what is in it, e.g. name, reading
 * and status), and the row gets its action. */
void
ts_accessible_list_item (GtkListItem *item,
                         const char  *label)
{
  GtkWidget *widget;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  widget = list_item_widget (item);
  if (widget == NULL)
    return;
  set_activate_action (widget, item);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* @label may be NULL for a row that names itself (an AdwActionRow reads
 * its title). */
void
ts_accessible_row (GtkListBoxRow *row,
                   const char    *label)
{
  g_return_if_fail (GTK_IS_LIST_BOX_ROW (row));

  set_activate_action (GTK_WIDGET (row), NULL);
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* A GtkMenuButton or GtkDropDown holds the GtkToggleButton that takes the
 * focus, and the bus shows both: GTK 4.8 names neither from the other, so
 * a screen reader reads the inner one as "GtkToggleButton". */
void
ts_accessible_label_toggle (GtkWidget  *popup,
                            const char *label)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (popup));

  gtk_accessible_update_property (GTK_ACCESSIBLE (popup), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (child = gtk_widget_get_first_child (popup); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* "_Print" → "Print"; "__" stands for one underscore. */
static void
drop_mnemonic (char *text)
{
  char *to = text;

  for (const char *from = text; *from != '\0'; from++)
    {
      if (*from == '_' && from[1] != '\0')
        from++;
      *to++ = *from;
    }
  *to = '\0';
}

/* Every menu button below @root gets a name inside and out: its tooltip,
 * or its label without the mnemonic; call after the template is built. */
void
ts_accessible_name_popup_buttons (GtkWidget *root)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_MENU_BUTTON (root))
    {
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (root));
      g_autofree char *name = NULL;

      if (label != NULL)
        name = g_strdup (label);
      else if (gtk_widget_get_tooltip_text (root) != NULL)
        name = g_strdup (gtk_widget_get_tooltip_text (root));
      if (label != NULL && gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (root)))
        drop_mnemonic (name);
      if (name != NULL)
        ts_accessible_label_toggle (root, name);
      return;
    }
  for (child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ts_accessible_name_popup_buttons (child);
}

static void
on_root_map_cb (GtkWidget *widget,
                GtkWidget *root)
{
  g_signal_handlers_disconnect_by_func (root, on_root_map_cb, widget);
  gtk_widget_grab_focus (widget);
}

/* GTK 4.8 gives a window its role on the bus when it is first shown: a
 * focus grabbed before that exports the window early, as a "filler" with
 * no focus that a screen reader never announces. A window focuses its
 * first field through this instead, once it is on screen. */
void
ts_accessible_focus_when_shown (GtkWidget *widget)
{
  GtkWidget *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = GTK_WIDGET (gtk_widget_get_root (widget));
  if (root == NULL || gtk_widget_get_mapped (root))
    {
      gtk_widget_grab_focus (widget);
      return;
    }
  g_signal_connect_object (root, "map", G_CALLBACK (on_root_map_cb), widget, G_CONNECT_SWAPPED);
}

/* The parts of a row as a screen reader reads them, with a pause between
 * them; NULL and empty parts are left out. The list ends with NULL. */
char *
ts_accessible_join (const char *first,
                    ...)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *part = first;
  va_list args;

  va_start (args, first);
  for (; part != NULL; part = va_arg (args, const char *))
    {
      if (*part == '\0')
        continue;
      if (text->len > 0)
        /* Translators: between the parts of a row that a screen reader
         * reads out, e.g. a name, its reading and a status. */
        g_string_append (text, _(", "));
      g_string_append (text, part);
    }
  va_end (args);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
