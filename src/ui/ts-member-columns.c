/* ts-member-columns.c: the columns of the members table, and where they go.
 *
 * The table is a header row over a one-column grid view of rows (see
 * ts-members-view.c). The header and every row lay out their cells with
 * the same function of their width, so the cells line up with their
 * titles without either measuring the other, and a row never measures
 * the width of its text: the columns have set widths, and the
 * organization and the profession share what is left. In a narrow window the columns
 * shrink together down to their minimums; below that the table scrolls
 * sideways, header and rows alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-member-columns.h"
#include "ts-ui-util.h"

typedef struct {
  const char  *title;
  int          minimum;  /* px, before the table scrolls sideways */
  int          width;    /* px, when there is room */
  gboolean     expand;   /* shares the room left over */
  gboolean     numeric;
  TsMemberSort sort;     /* what a click on its title orders by, in SQL */
} Column;

/* Sized for Japanese at the default font: a full name, a reading in
 * hiragana, 2017年11月10日(金) whole even in a narrow window, a chapter
 * name of five or six kanji; with room, "Wed, 21 September 2017" too. */
static const Column columns[TS_MEMBER_N_COLUMNS] = {
  [TS_MEMBER_COLUMN_NAME] = { N_("Name"), 100, 130, FALSE, FALSE, TS_MEMBER_SORT_READING },
  [TS_MEMBER_COLUMN_READING] = { N_("Reading"), 120, 150, FALSE, FALSE, TS_MEMBER_SORT_READING },
  [TS_MEMBER_COLUMN_ORGANIZATION] = { N_("Organization"), 100, 160, TRUE, FALSE,
                                      TS_MEMBER_SORT_ORGANIZATION },
  [TS_MEMBER_COLUMN_PROFESSION] = { N_("Profession"), 90, 150, TRUE, FALSE,
                                    TS_MEMBER_SORT_PROFESSION },
  [TS_MEMBER_COLUMN_CHAPTER] = { N_("Home Chapter"), 80, 110, FALSE, FALSE,
                                 TS_MEMBER_SORT_CHAPTER },
  [TS_MEMBER_COLUMN_LAST_ATTENDED] = { N_("Last Attended"), 140, 180, FALSE, TRUE,
                                       TS_MEMBER_SORT_LAST_ATTENDED },
  [TS_MEMBER_COLUMN_TIMES] = { N_("Times"), 40, 56, FALSE, TRUE, TS_MEMBER_SORT_TIMES },
};

const char *
ts_member_column_title (TsMemberColumn column)
{
  g_return_val_if_fail (column < TS_MEMBER_N_COLUMNS, NULL);

  return _(columns[column].title);
}

TsMemberSort
ts_member_column_sort (TsMemberColumn column)
{
  g_return_val_if_fail (column < TS_MEMBER_N_COLUMNS, TS_MEMBER_SORT_READING);

  return columns[column].sort;
}

gboolean
ts_member_column_numeric (TsMemberColumn column)
{
  g_return_val_if_fail (column < TS_MEMBER_N_COLUMNS, FALSE);

  return columns[column].numeric;
}

char *
ts_member_column_text (TsMemberColumn column,
                       TsMember      *member)
{
  switch (column)
    {
    case TS_MEMBER_COLUMN_NAME:
      return ts_member_dup_name (member);
    case TS_MEMBER_COLUMN_READING:
      return ts_member_dup_reading (member);
    case TS_MEMBER_COLUMN_ORGANIZATION:
      return g_strdup (member->organization);
    case TS_MEMBER_COLUMN_PROFESSION:
      return g_strdup (member->profession);
    case TS_MEMBER_COLUMN_CHAPTER:
      return g_strdup (member->home_chapter_name);
    case TS_MEMBER_COLUMN_LAST_ATTENDED:
      return ts_ui_format_day (member->last_attended);
    case TS_MEMBER_COLUMN_TIMES:
      return member->times_attended > 0
             ? g_strdup_printf ("%" G_GINT64_FORMAT, member->times_attended)
             : g_strdup ("");
    default:
      g_assert_not_reached ();
    }
}

static void
sum_widths (int *minimum,
            int *natural)
{
  *minimum = *natural = 0;
  for (guint i = 0; i < TS_MEMBER_N_COLUMNS; i++)
    {
      *minimum += columns[i].minimum;
      *natural += columns[i].width;
    }
}

/* Heights come from the cells (a line of text, a button); widths only
 * from the table above. */
void
ts_member_columns_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      sum_widths (minimum, natural);
      return;
    }
  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, -1, &child_min, &child_nat,
                          NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

/* Each column as wide as it likes when there is room, the expanding
 * ones sharing what is left over; when there is not, each gives up the
 * same share of what it can, down to its minimum. */
static void
column_widths (int  width,
               int *widths)
{
  int minimum, natural, n_expanding = 0, extra;
  double share;

  sum_widths (&minimum, &natural);
  share = CLAMP ((double) (width - minimum) / (natural - minimum), 0.0, 1.0);
  for (guint i = 0; i < TS_MEMBER_N_COLUMNS; i++)
    {
      widths[i] = columns[i].minimum + (int) ((columns[i].width - columns[i].minimum) * share);
      width -= widths[i];
      n_expanding += columns[i].expand ? 1 : 0;
    }
  /* What rounding and the room left over give, to the expanding ones. */
  for (guint i = 0; i < TS_MEMBER_N_COLUMNS && width > 0; i++)
    if (columns[i].expand)
      {
        extra = width / n_expanding--;
        widths[i] += extra;
        width -= extra;
      }
}

void
ts_member_columns_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  int widths[TS_MEMBER_N_COLUMNS];
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *child = gtk_widget_get_first_child (widget);
  int x = 0;

  column_widths (width, widths);
  for (guint i = 0; i < TS_MEMBER_N_COLUMNS && child != NULL;
       i++, child = gtk_widget_get_next_sibling (child))
    {
      GtkAllocation allocation = { rtl ? width - x - widths[i] : x, 0, widths[i], height };

      /* Measured before allocated, as GTK asks. */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (child, &allocation, baseline);
      x += widths[i];
    }
}

void
ts_member_columns_unparent (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
