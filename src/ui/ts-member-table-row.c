/* ts-member-table-row.c: one member's cells in the members table.
 *
 * The widget a grid view makes for each row on screen and shows member
 * after member in as the table scrolls or a search changes what it
 * holds (not to be confused with TsMemberRow, the model's item at a
 * position). Its cells are inscriptions, not labels: an inscription's
 * size comes from a number of characters, not from its text, so a new
 * member relabels the row without laying it out again; the widths come
 * from ts-member-columns.c, as the header's do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include "ts-member-columns.h"
#include "ts-member-table-row.h"

struct _TsMemberTableRow
{
  GtkWidget       parent_instance;

  GtkInscription *cells[TS_MEMBER_N_COLUMNS];
};

G_DEFINE_FINAL_TYPE (TsMemberTableRow, ts_member_table_row, GTK_TYPE_WIDGET)

static void
ts_member_table_row_dispose (GObject *object)
{
  ts_member_columns_unparent (GTK_WIDGET (object));
  G_OBJECT_CLASS (ts_member_table_row_parent_class)->dispose (object);
}

static void
ts_member_table_row_class_init (TsMemberTableRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_member_table_row_dispose;
  widget_class->measure = ts_member_columns_measure;
  widget_class->size_allocate = ts_member_columns_allocate;
  gtk_widget_class_set_css_name (widget_class, "membertablerow");
}

static void
ts_member_table_row_init (TsMemberTableRow *self)
{
  for (guint i = 0; i < TS_MEMBER_N_COLUMNS; i++)
    {
      GtkWidget *cell = gtk_inscription_new (NULL);

      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell),
                                         GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 2);
      if (i == TS_MEMBER_COLUMN_TIMES)
        gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 1.0);
      if (ts_member_column_numeric (i))
        gtk_widget_add_css_class (cell, "numeric");
      gtk_widget_set_parent (cell, GTK_WIDGET (self));
      self->cells[i] = GTK_INSCRIPTION (cell);
    }
}

GtkWidget *
ts_member_table_row_new (void)
{
  return g_object_new (TS_TYPE_MEMBER_TABLE_ROW, NULL);
}

void
ts_member_table_row_set_member (TsMemberTableRow *self,
                                TsMember         *member)
{
  g_return_if_fail (TS_IS_MEMBER_TABLE_ROW (self));
  g_return_if_fail (TS_IS_MEMBER (member));

  for (guint i = 0; i < TS_MEMBER_N_COLUMNS; i++)
    {
      g_autofree char *text = ts_member_column_text (i, member);

      gtk_inscription_set_text (self->cells[i], text);
    }
}
