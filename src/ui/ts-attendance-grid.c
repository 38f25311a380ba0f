/* ts-attendance-grid.c: members × months, drawn with Cairo.
 *
 * Ten years of months and hundreds of members would be tens of thousands
 * of widgets; this is one widget that scrolls itself (GtkScrollable) and
 * draws only the cells in view, with the names pinned on the left and the
 * months pinned on top. A keyboard cursor moves over the cells and puts
 * the cell's description into the accessible description, so a screen
 * reader reads the cell in focus; the mouse gets the same text as a
 * tooltip. A click on a name, or Enter, opens that member's page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-attendance-grid.h"
#include "ts-date.h"
#include "ts-render-trend.h"

#define CELL      20.0
#define NAME_W   150.0
#define HEADER_H  38.0

struct _TsAttendanceGrid
{
  GtkWidget          parent_instance;

  const TsRegulars  *regulars;
  GtkAdjustment     *hadjustment;
  GtkAdjustment     *vadjustment;
  guint              hscroll_policy : 1;
  guint              vscroll_policy : 1;
  guint              scroll_to_end : 1;
  guint              cursor_member;
  guint              cursor_month;
  gint64             chapter_id;   /* of the last analysis shown */
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

G_DEFINE_FINAL_TYPE_WITH_CODE (TsAttendanceGrid, ts_attendance_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static double
content_width (TsAttendanceGrid *self)
{
  return self->regulars ? self->regulars->n_months * CELL : 0;
}

static double
content_height (TsAttendanceGrid *self)
{
  return self->regulars ? self->regulars->n_members * CELL : 0;
}

static void
configure_adjustments (TsAttendanceGrid *self)
{
  double page_w = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - NAME_W, 0);
  double page_h = MAX (gtk_widget_get_height (GTK_WIDGET (self)) - HEADER_H, 0);
  double upper_w = MAX (content_width (self), page_w);
  double upper_h = MAX (content_height (self), page_h);

  if (self->hadjustment != NULL)
    {
      /* The most recent month is on the right: start scrolled there. */
      double value = self->scroll_to_end ? upper_w - page_w
                                         : gtk_adjustment_get_value (self->hadjustment);
      gtk_adjustment_configure (self->hadjustment, CLAMP (value, 0, upper_w - page_w), 0,
                                upper_w, CELL, page_w * 0.9, page_w);
      if (page_w > 0)
        self->scroll_to_end = FALSE;
    }
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (gtk_adjustment_get_value (self->vadjustment), 0,
                                     upper_h - page_h),
                              0, upper_h, CELL, page_h * 0.9, page_h);
}

static void
set_adjustment (TsAttendanceGrid  *self,
                GtkAdjustment    **slot,
                GtkAdjustment     *adjustment)
{
  if (adjustment == *slot)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, gtk_widget_queue_draw, self);
  g_clear_object (slot);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  configure_adjustments (self);
}

static void
get_fg (TsAttendanceGrid *self,
        double            fg[4])
{
  GdkRGBA color;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  fg[0] = color.red;
  fg[1] = color.green;
  fg[2] = color.blue;
  fg[3] = color.alpha;
}

static void
draw_text (TsAttendanceGrid *self,
           cairo_t          *cr,
           const char       *text,
           double            x,
           double            y,
           double            width,
           double            align,
           gboolean          small)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.8));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cells (TsAttendanceGrid *self,
            cairo_t          *cr,
            double            width,
            double            height,
            const double      fg[4])
{
  const TsRegulars *r = self->regulars;
  double sx = gtk_adjustment_get_value (self->hadjustment);
  double sy = gtk_adjustment_get_value (self->vadjustment);
  guint col0 = (guint) (sx / CELL), row0 = (guint) (sy / CELL);
  guint col1 = MIN (r->n_months, (guint) ((sx + width - NAME_W) / CELL) + 1);
  guint row1 = MIN (r->n_members, (guint) ((sy + height - HEADER_H) / CELL) + 1);
  double present[3];

  ts_render_trend_part_color (TS_TREND_PART_REGULARS, present);

  cairo_save (cr);
  cairo_rectangle (cr, NAME_W, HEADER_H, width - NAME_W, height - HEADER_H);
  cairo_clip (cr);
  for (guint col = col0; col < col1; col++)
    {
      double x = NAME_W + col * CELL - sx;

      /* Months without a meeting are shaded; January starts a year. */
      if (r->months[col].n_events == 0)
        {
          cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.06);
          cairo_rectangle (cr, x, HEADER_H, CELL, height - HEADER_H);
          cairo_fill (cr);
        }
      if (r->months[col].month % 12 == 0)
        {
          cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.25);
          cairo_rectangle (cr, x, HEADER_H, 1, height - HEADER_H);
          cairo_fill (cr);
        }
    }
  for (guint row = row0; row < row1; row++)
    for (guint col = col0; col < col1; col++)
      ts_render_attendance_mark (cr, r->cells[(gsize) row * r->n_months + col],
                                 NAME_W + col * CELL - sx + CELL / 2,
                                 HEADER_H + row * CELL - sy + CELL / 2, CELL * 0.32, fg);
  if (gtk_widget_has_visible_focus (GTK_WIDGET (self)) && r->n_members > 0)
    {
      cairo_set_source_rgba (cr, present[0], present[1], present[2], 1);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, NAME_W + self->cursor_month * CELL - sx + 1,
                       HEADER_H + self->cursor_member * CELL - sy + 1, CELL - 2, CELL - 2);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_names (TsAttendanceGrid *self,
            cairo_t          *cr,
            double            height,
            const double      fg[4])
{
  const TsRegulars *r = self->regulars;
  double sy = gtk_adjustment_get_value (self->vadjustment);
  guint row0 = (guint) (sy / CELL);
  guint row1 = MIN (r->n_members, (guint) ((sy + height - HEADER_H) / CELL) + 1);
  double regular[3];

  ts_render_trend_part_color (TS_TREND_PART_REGULARS, regular);
  cairo_save (cr);
  cairo_rectangle (cr, 0, HEADER_H, NAME_W, height - HEADER_H);
  cairo_clip (cr);
  for (guint row = row0; row < row1; row++)
    {
      const TsRegularsMember *member = &r->members[row];
      double y = HEADER_H + row * CELL - sy;

      if (member->klass == TS_REGULARS_CLASS_REGULAR)
        {
          cairo_set_source_rgb (cr, regular[0], regular[1], regular[2]);
          cairo_rectangle (cr, 2, y + 4, 3, CELL - 8);
          cairo_fill (cr);
        }
      cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3]);
      draw_text (self, cr, member->name, 10, y + CELL / 2, NAME_W - 16, 0, FALSE);
    }
  cairo_restore (cr);
}

static void
draw_header (TsAttendanceGrid *self,
             cairo_t          *cr,
             double            width,
             const double      fg[4])
{
  const TsRegulars *r = self->regulars;
  double sx = gtk_adjustment_get_value (self->hadjustment);
  guint col0 = (guint) (sx / CELL);
  guint col1 = MIN (r->n_months, (guint) ((sx + width - NAME_W) / CELL) + 1);

  cairo_save (cr);
  cairo_rectangle (cr, NAME_W, 0, width - NAME_W, HEADER_H);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], fg[3]);
  for (guint col = col0; col < col1; col++)
    {
      int month = r->months[col].month;
      double x = NAME_W + col * CELL - sx + CELL / 2;
      g_autofree char *number = g_strdup_printf ("%d", month % 12 + 1);

      /* The year over January, and at the left edge unless a January
       * comes soon enough to name it. */
      if (month % 12 == 0 || (col == col0 && month % 12 < 9))
        {
          /* Translators: a year under a month on the attendance grid, in Japanese "%d年". */
          g_autofree char *year = g_strdup_printf (C_("chart axis year", "%d"), month / 12);
          draw_text (self, cr, year, MAX (x - CELL / 2 + 2, NAME_W + 2), 10, 0, 0, TRUE);
        }
      draw_text (self, cr, number, x, HEADER_H - 10, 0, 0.5, TRUE);
    }
  cairo_restore (cr);
  cairo_set_source_rgba (cr, fg[0], fg[1], fg[2], 0.2);
  cairo_rectangle (cr, 0, HEADER_H - 1, width, 1);
  cairo_rectangle (cr, NAME_W - 1, 0, 1, gtk_widget_get_height (GTK_WIDGET (self)));
  cairo_fill (cr);
}

static void
ts_attendance_grid_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TsAttendanceGrid *self = TS_ATTENDANCE_GRID (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;
  double fg[4];

  if (self->regulars == NULL || width <= NAME_W || height <= HEADER_H)
    return;
  get_fg (self, fg);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_cells (self, cr, width, height, fg);
  draw_names (self, cr, height, fg);
  draw_header (self, cr, width, fg);
  cairo_destroy (cr);
}

static void
ts_attendance_grid_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  configure_adjustments (TS_ATTENDANCE_GRID (widget));
}

static void
ts_attendance_grid_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  TsAttendanceGrid *self = TS_ATTENDANCE_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = NAME_W + 4 * CELL;
      *natural = MAX (*minimum, NAME_W + content_width (self));
    }
  else
    {
      *minimum = HEADER_H + 4 * CELL;
      *natural = MAX (*minimum, HEADER_H + content_height (self));
    }
}

/* Which cell is under (x, y); FALSE outside the cells. */
static gboolean
cell_at (TsAttendanceGrid *self,
         double            x,
         double            y,
         guint            *member,
         guint            *month)
{
  double cx = x - NAME_W + gtk_adjustment_get_value (self->hadjustment);
  double cy = y - HEADER_H + gtk_adjustment_get_value (self->vadjustment);

  if (self->regulars == NULL || x < NAME_W || y < HEADER_H || cx < 0 || cy < 0)
    return FALSE;
  *member = (guint) (cy / CELL);
  *month = (guint) (cx / CELL);
  return *member < self->regulars->n_members && *month < self->regulars->n_months;
}

char *
ts_attendance_grid_describe (TsAttendanceGrid *self,
                             guint             member,
                             guint             month)
{
  const TsRegulars *r = self->regulars;
  g_autofree char *when = NULL;
  const char *state;

  g_return_val_if_fail (r != NULL && member < r->n_members && month < r->n_months, NULL);

  when = ts_regulars_format_month (r->months[month].month);
  if (r->months[month].n_events == 0)
    state = _("no meeting");
  else
    switch (ts_regulars_cell (r, member, month))
      {
      case TS_REGULARS_CELL_PRESENT: state = _("present"); break;
      case TS_REGULARS_CELL_WALK_IN: state = _("present, walked in"); break;
      case TS_REGULARS_CELL_ABSENT:  state = _("registered, did not come"); break;
      default:                       state = _("not registered"); break;
      }
  /* Translators: a cell of the attendance grid: %1$s the member, %2$s
   * their class, %3$s the month, %4$s what happened. */
  return g_strdup_printf (_("%1$s (%2$s), %3$s: %4$s"), r->members[member].name,
                          ts_regulars_class_label (r->members[member].klass), when, state);
}

static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    data)
{
  TsAttendanceGrid *self = TS_ATTENDANCE_GRID (widget);
  g_autofree char *text = NULL;
  guint member, month;

  if (keyboard)
    {
      member = self->cursor_member;
      month = self->cursor_month;
      if (self->regulars == NULL || member >= self->regulars->n_members)
        return FALSE;
    }
  else if (!cell_at (self, x, y, &member, &month))
    return FALSE;
  text = ts_attendance_grid_describe (self, member, month);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
update_accessible (TsAttendanceGrid *self)
{
  g_autofree char *text = NULL;

  if (self->regulars == NULL || self->regulars->n_members == 0 || self->regulars->n_months == 0)
    text = g_strdup (_("No attendance to show."));
  else
    text = ts_attendance_grid_describe (self, self->cursor_member, self->cursor_month);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static void
scroll_to_cursor (TsAttendanceGrid *self)
{
  double x = self->cursor_month * CELL, y = self->cursor_member * CELL;

  gtk_adjustment_clamp_page (self->hadjustment, x, x + CELL);
  gtk_adjustment_clamp_page (self->vadjustment, y, y + CELL);
}

void
ts_attendance_grid_set_cursor (TsAttendanceGrid *self,
                               guint             member,
                               guint             month)
{
  g_return_if_fail (TS_IS_ATTENDANCE_GRID (self));

  if (self->regulars == NULL || self->regulars->n_members == 0 || self->regulars->n_months == 0)
    return;
  self->cursor_member = MIN (member, self->regulars->n_members - 1);
  self->cursor_month = MIN (month, self->regulars->n_months - 1);
  scroll_to_cursor (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A member's page, as the Members view opens it. */
static void
show_member (TsAttendanceGrid *self,
             guint             member)
{
  if (self->regulars != NULL && member < self->regulars->n_members)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-member", "x",
                                self->regulars->members[member].id);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TsAttendanceGrid      *self)
{
  int dm = 0, dc = 0;

  switch (keyval)
    {
    case GDK_KEY_Up:    case GDK_KEY_KP_Up:    dm = -1; break;
    case GDK_KEY_Down:  case GDK_KEY_KP_Down:  dm = 1; break;
    case GDK_KEY_Left:  case GDK_KEY_KP_Left:  dc = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: dc = 1; break;
    case GDK_KEY_Page_Up:   dm = -10; break;
    case GDK_KEY_Page_Down: dm = 10; break;
    case GDK_KEY_Home:      dc = -100000; break;
    case GDK_KEY_End:       dc = 100000; break;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      show_member (self, self->cursor_member);
      return TRUE;
    default: return FALSE;
    }
  ts_attendance_grid_set_cursor (self, MAX ((int) self->cursor_member + dm, 0),
                                 MAX ((int) self->cursor_month + dc, 0));
  return TRUE;
}

static void
on_pressed_cb (GtkGestureClick  *gesture,
               int               n_press,
               double            x,
               double            y,
               TsAttendanceGrid *self)
{
  guint member, month;
  double row = y - HEADER_H + gtk_adjustment_get_value (self->vadjustment);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* A name opens the member's page; a cell takes the cursor. */
  if (self->regulars != NULL && x < NAME_W && y >= HEADER_H && row >= 0)
    show_member (self, (guint) (row / CELL));
  else if (cell_at (self, x, y, &member, &month))
    ts_attendance_grid_set_cursor (self, member, month);
}

void
ts_attendance_grid_set_regulars (TsAttendanceGrid *self,
                                 const TsRegulars *regulars)
{
  g_return_if_fail (TS_IS_ATTENDANCE_GRID (self));

  self->regulars = regulars;
  if (regulars == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  /* The same chapter again (after a check-in, say) keeps where the
   * organizer was; another chapter starts at its latest month. */
  if (regulars->chapter_id != self->chapter_id)
    {
      self->chapter_id = regulars->chapter_id;
      self->scroll_to_end = TRUE;
      self->cursor_member = 0;
      self->cursor_month = regulars->n_months > 0 ? regulars->n_months - 1 : 0;
      if (self->vadjustment != NULL)
        gtk_adjustment_set_value (self->vadjustment, 0);
    }
  if (regulars->n_members > 0)
    self->cursor_member = MIN (self->cursor_member, regulars->n_members - 1);
  if (regulars->n_months > 0)
    self->cursor_month = MIN (self->cursor_month, regulars->n_months - 1);
  configure_adjustments (self);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
ts_attendance_grid_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TsAttendanceGrid *self = TS_ATTENDANCE_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:    g_value_set_object (value, self->hadjustment); break;
    case PROP_VADJUSTMENT:    g_value_set_object (value, self->vadjustment); break;
    case PROP_HSCROLL_POLICY: g_value_set_enum (value, self->hscroll_policy); break;
    case PROP_VSCROLL_POLICY: g_value_set_enum (value, self->vscroll_policy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_attendance_grid_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TsAttendanceGrid *self = TS_ATTENDANCE_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_attendance_grid_dispose (GObject *object)
{
  TsAttendanceGrid *self = TS_ATTENDANCE_GRID (object);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, gtk_widget_queue_draw, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, gtk_widget_queue_draw, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  G_OBJECT_CLASS (ts_attendance_grid_parent_class)->dispose (object);
}

static void
ts_attendance_grid_class_init (TsAttendanceGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ts_attendance_grid_get_property;
  object_class->set_property = ts_attendance_grid_set_property;
  object_class->dispose = ts_attendance_grid_dispose;
  widget_class->snapshot = ts_attendance_grid_snapshot;
  widget_class->size_allocate = ts_attendance_grid_size_allocate;
  widget_class->measure = ts_attendance_grid_measure;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "attendance-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
ts_attendance_grid_init (TsAttendanceGrid *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attendance by month"), -1);
  update_accessible (self);
}

GtkWidget *
ts_attendance_grid_new (void)
{
  return g_object_new (TS_TYPE_ATTENDANCE_GRID, NULL);
}
