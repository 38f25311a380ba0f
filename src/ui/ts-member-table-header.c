/* ts-member-table-header.c: the titles of the members table, which sort it.
 *
 * A button per column, laid out by ts-member-columns.c as the rows are.
 * A click on a title sorts by its column, a second click turns the order
 * round; the arrow shows which column and which way. The header only
 * keeps and shows that choice and emits "sort-changed": the members
 * view orders the rows in SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-member-table-header.h"

struct _TsMemberTableHeader
{
  GtkWidget       parent_instance;

  TsMemberColumn  column;
  gboolean        descending;
  GtkWidget      *buttons[TS_MEMBER_N_COLUMNS];
  GtkWidget      *arrows[TS_MEMBER_N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (TsMemberTableHeader, ts_member_table_header, GTK_TYPE_WIDGET)

enum {
  SORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The arrow on the sorting column, and what a screen reader says of it. */
static void
show_sort (TsMemberTableHeader *self)
{
  for (guint i = 0; i < TS_MEMBER_N_COLUMNS; i++)
    {
      GtkAccessible *button = GTK_ACCESSIBLE (self->buttons[i]);

      gtk_widget_set_visible (self->arrows[i], i == self->column);
      if (i != self->column)
        {
          gtk_accessible_reset_property (button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          continue;
        }
      gtk_image_set_from_icon_name (GTK_IMAGE (self->arrows[i]),
                                    self->descending ? "pan-down-symbolic" : "pan-up-symbolic");
      /* Translators: read out with the title of the column the members
       * table is sorted by. */
      gtk_accessible_update_property (button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      self->descending ? _("Sorted in descending order")
                                                       : _("Sorted in ascending order"),
                                      -1);
    }
}

static void
on_button_clicked_cb (GtkButton           *button,
                      TsMemberTableHeader *self)
{
  TsMemberColumn column = TS_MEMBER_COLUMN_NAME;

  while (self->buttons[column] != GTK_WIDGET (button))
    column++;
  self->descending = column == self->column ? !self->descending : FALSE;
  self->column = column;
  show_sort (self);
  g_signal_emit (self, signals[SORT_CHANGED], 0);
}

static GtkWidget *
make_button (TsMemberTableHeader *self,
             TsMemberColumn       column)
{
  const char *title = ts_member_column_title (column);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  self->arrows[column] = gtk_image_new ();
  gtk_box_append (GTK_BOX (box), self->arrows[column]);
  gtk_button_set_child (GTK_BUTTON (button), box);
  /* A button with a box inside has no name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_button_clicked_cb), self);
  return button;
}

static void
ts_member_table_header_dispose (GObject *object)
{
  ts_member_columns_unparent (GTK_WIDGET (object));
  G_OBJECT_CLASS (ts_member_table_header_parent_class)->dispose (object);
}

static void
ts_member_table_header_class_init (TsMemberTableHeaderClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_member_table_header_dispose;
  widget_class->measure = ts_member_columns_measure;
  widget_class->size_allocate = ts_member_columns_allocate;
  gtk_widget_class_set_css_name (widget_class, "membertableheader");

  signals[SORT_CHANGED] = g_signal_new ("sort-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
}

static void
ts_member_table_header_init (TsMemberTableHeader *self)
{
  for (guint i = 0; i < TS_MEMBER_N_COLUMNS; i++)
    {
      self->buttons[i] = make_button (self, i);
      gtk_widget_set_parent (self->buttons[i], GTK_WIDGET (self));
    }
  /* The members model starts in 五十音順. */
  self->column = TS_MEMBER_COLUMN_READING;
  show_sort (self);
}

TsMemberColumn
ts_member_table_header_get_column (TsMemberTableHeader *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_TABLE_HEADER (self), TS_MEMBER_COLUMN_READING);

  return self->column;
}

gboolean
ts_member_table_header_get_descending (TsMemberTableHeader *self)
{
  g_return_val_if_fail (TS_IS_MEMBER_TABLE_HEADER (self), FALSE);

  return self->descending;
}

GtkWidget *
ts_member_table_header_get_button (TsMemberTableHeader *self,
                                   TsMemberColumn       column)
{
  g_return_val_if_fail (TS_IS_MEMBER_TABLE_HEADER (self), NULL);
  g_return_val_if_fail (column < TS_MEMBER_N_COLUMNS, NULL);

  return self->buttons[column];
}
