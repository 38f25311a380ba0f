/* ts-seating-section.c: an event's tables (席決め) on its page.
 *
 * Before a plan: what planning does and a button for the dialog. After:
 * a card a table with its people and its mix (how many, professions,
 * first-timers, regulars and organizers), a warning with an icon when two
 * of one organization share it or a first-timer sits with no regular or
 * organizer (the planner's own rules, through ts_seating_measure()).
 *
 * A person moves by the menu of their row, by keys on the row (Alt+Left
 * and Alt+Right, or the table's number), or by dragging the row onto
 * another table; all three run "seating.move", one write, with Undo.
 * The cards are read again whenever the attendance, the event or a
 * member changes ("changed::…", also for another program's writes),
 * once per burst, and only while the section is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ts-accessible.h"
#include "ts-regulars-marks.h"
#include "ts-seating-dialog.h"
#include "ts-seating-edit.h"
#include "ts-seating-guests.h"
#include "ts-seating-section.h"
#include "ts-ui-util.h"
#include "ts-undo-toast.h"

/* Between the parts of a table's mix, as tsudoi-cli prints it. */
#define SEPARATOR " · "

struct _TsSeatingSection
{
  GtkBox           parent_instance;

  TsRepository    *repository;
  gint64           event_id;
  TsSeatingGuests *guests;        /* as last shown */
  guint32          seed;          /* the last shuffle's */
  guint            update_id;
  gboolean         stale;         /* changed while off screen or during a drag */
  gboolean         dragging;      /* a row is being dragged: keep the rows */
  gint64           focus_member;  /* whose row takes the focus once shown again */
  GHashTable      *row_members;   /* person row → gint64 *, for the rows shown */
  gulong           handlers[3];

  GtkStack        *stack;
  GtkLabel        *summary_label;
  AdwBin          *unseated_bin;
  GtkFlowBox      *tables_box;
};

G_DEFINE_FINAL_TYPE (TsSeatingSection, ts_seating_section, GTK_TYPE_BOX)

/* ---- what a table holds ------------------------------------------------- */

typedef struct {
  guint  n;
  guint  professions;
  guint  first_timers;
  guint  hosts;
  guint  hostless;        /* first-timers with no regular or organizer */
  guint  org_repeats;
  char  *repeated_orgs;   /* their names, as typed, joined */
} TableMix;

/* A table as shown: a guest beyond the table count is not seated. */
static guint
shown_table (const TsSeatingGuests *guests,
             guint                  i)
{
  return guests->guests[i].table <= guests->n_tables ? guests->guests[i].table : 0;
}

/* The names of the organizations that appear twice at @table. */
static char *
repeated_organizations (const TsSeatingGuests *guests,
                        guint                  table)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < guests->n_guests; i++)
    {
      const char *key = guests->people[i].organization_key;

      if (shown_table (guests, i) != table || key == NULL || *key == '\0')
        continue;
      if (g_hash_table_add (seen, (gpointer) key) || !g_hash_table_add (named, (gpointer) key))
        continue;
      if (names->len > 0)
        /* Translators: between the names of organizations in a list. */
        g_string_append (names, _(", "));
      g_string_append (names, guests->guests[i].organization);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
table_mix (const TsSeatingGuests *guests,
           guint                  table,
           TableMix              *mix)
{
  g_autofree TsSeatingPerson *people = g_new0 (TsSeatingPerson, MAX (guests->n_guests, 1));
  g_autofree guint *ones = g_new0 (guint, MAX (guests->n_guests, 1));
  TsSeatingQuality quality;

  memset (mix, 0, sizeof *mix);
  for (guint i = 0; i < guests->n_guests; i++)
    if (shown_table (guests, i) == table)
      {
        people[mix->n] = guests->people[i];
        ones[mix->n++] = 1;
        mix->first_timers += guests->people[i].first_timer;
        mix->hosts += guests->people[i].host;
      }
  /* The planner's measure of a plan of one table is this table's. */
  ts_seating_measure (people, ones, mix->n, 1, &quality);
  mix->professions = mix->n > 0 ? quality.professions_min : 0;
  mix->hostless = quality.hostless_first_timers;
  mix->org_repeats = quality.org_repeats;
  mix->repeated_orgs = mix->org_repeats > 0 ? repeated_organizations (guests, table) : NULL;
}

/* "8 people · 6 professions · 1 first-timer · 2 regulars or organizers". */
static char *
mix_text (const TableMix *mix)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("%u profession", "%u professions", mix->professions),
                          mix->professions);
  g_string_append (text, SEPARATOR);
  g_string_append_printf (text, ngettext ("%u first-timer", "%u first-timers", mix->first_timers),
                          mix->first_timers);
  g_string_append (text, SEPARATOR);
  g_string_append_printf (text, ngettext ("%u regular or organizer", "%u regulars or organizers",
                                          mix->hosts), mix->hosts);
  return g_string_free (text, FALSE);
}

/* ---- a person ---------------------------------------------------------- */

static gint64
row_member (TsSeatingSection *self,
            GtkWidget        *row)
{
  gint64 *id = g_hash_table_lookup (self->row_members, row);

  return id != NULL ? *id : 0;
}

static char *
person_subtitle (const TsSeatingGuest *guest)
{
  if (*guest->profession != '\0' && *guest->organization != '\0')
    /* Translators: under a name at a table: profession and organization. */
    return g_strdup_printf (_("%1$s · %2$s"), guest->profession, guest->organization);
  return g_strdup (*guest->profession != '\0' ? guest->profession : guest->organization);
}

static GMenuModel *
person_menu (const TsSeatingGuest *guest,
             guint                 table,
             guint                 n_tables)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) lock = g_menu_new ();

  for (guint t = 1; t <= n_tables; t++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (t == table)
        continue;
      label = g_strdup_printf (_("Move to Table %u"), t);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "seating.move",
                                               g_variant_new ("(xu)", guest->member_id, t));
      g_menu_append_item (moves, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  if (table > 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (guest->locked ? _("_Unlock")
                                                                 : _("_Lock to This Table"),
                                                   NULL);

      g_menu_item_set_action_and_target_value (item, "seating.lock",
                                               g_variant_new ("(xb)", guest->member_id,
                                                              !guest->locked));
      g_menu_append_item (lock, item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (lock));
    }
  return G_MENU_MODEL (menu);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              const char            *action,
              GVariant              *arguments)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                            gtk_named_action_new (action));

  gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

/* Alt+Left and Alt+Right: the table before or after; 1 to 9: that
 * table; Ctrl+L: lock or unlock; the menu key: the row's menu. */
static void
add_person_keys (GtkWidget            *row,
                 const TsSeatingGuest *guest,
                 guint                 table,
                 guint                 n_tables)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *keys = GTK_SHORTCUT_CONTROLLER (controller);
  gint64 id = guest->member_id;

  if (table > 1)
    add_shortcut (keys, GDK_KEY_Left, GDK_ALT_MASK, "seating.move",
                  g_variant_new ("(xu)", id, table - 1));
  if (table < n_tables)
    add_shortcut (keys, GDK_KEY_Right, GDK_ALT_MASK, "seating.move",
                  g_variant_new ("(xu)", id, table + 1));
  for (guint t = 1; t <= MIN (n_tables, 9); t++)
    if (t != table)
      {
        add_shortcut (keys, GDK_KEY_0 + t, 0, "seating.move", g_variant_new ("(xu)", id, t));
        add_shortcut (keys, GDK_KEY_KP_0 + t, 0, "seating.move", g_variant_new ("(xu)", id, t));
      }
  if (table > 0)
    add_shortcut (keys, GDK_KEY_l, GDK_CONTROL_MASK, "seating.lock",
                  g_variant_new ("(xb)", id, !guest->locked));
  gtk_widget_add_controller (row, controller);
}

static void
on_row_activated_cb (AdwActionRow  *row,
                     GtkMenuButton *button)
{
  gtk_menu_button_popup (button);
}

static gboolean
popup_menu_cb (GtkWidget *row,
               GVariant  *arguments,
               gpointer   button)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  return TRUE;
}

static GtkWidget *
menu_button (const TsSeatingGuest *guest,
             guint                 table,
             guint                 n_tables)
{
  g_autoptr(GMenuModel) menu = person_menu (guest, table, n_tables);
  GtkWidget *button = gtk_menu_button_new ();
  /* Translators: read by a screen reader for the menu of a person at a table. */
  g_autofree char *spoken = g_strdup_printf (_("Move or lock %s"), guest->name);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Move or Lock"));
  gtk_widget_add_css_class (button, "flat");
  ts_accessible_label_toggle (button, spoken);
  return button;
}

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    gint64        *member_id)
{
  return gdk_content_provider_new_typed (G_TYPE_INT64, *member_id);
}

/* The row itself under the pointer, where it was taken. */
static void
on_drag_begin_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  GtkWidget     *row)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);
  double x = 0, y = 0;

  gtk_gesture_get_point (GTK_GESTURE (source), NULL, &x, &y);
  gtk_drag_source_set_icon (source, paintable, (int) x, (int) y);
}

static gboolean update_idle_cb (gpointer data);

static void
on_dragging_cb (GtkDragSource    *source,
                GdkDrag          *drag,
                TsSeatingSection *self)
{
  self->dragging = TRUE;
}

/* The rows are made again only once the drag is over: the dragged row
 * holds the drag, and the drop itself changes the plan. */
static void
on_drag_end_cb (GtkDragSource    *source,
                GdkDrag          *drag,
                gboolean          delete_data,
                TsSeatingSection *self)
{
  self->dragging = FALSE;
  if (self->stale && self->update_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->update_id = ts_ui_idle_add (update_idle_cb, self);
}

static void
add_drag_source (TsSeatingSection *self,
                 GtkWidget        *row,
                 gint64            member_id)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_data (source, "prepare", G_CALLBACK (on_drag_prepare_cb),
                         g_memdup2 (&member_id, sizeof member_id), (GClosureNotify) (void (*) (void)) g_free, 0);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), row);
  g_signal_connect (source, "drag-begin", G_CALLBACK (on_dragging_cb), self);
  g_signal_connect (source, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
}

static char *
person_label (const TsSeatingGuest *guest)
{
  const char *mark = ts_regulars_mark_label (guest->mark);

  return ts_accessible_join (guest->name, guest->profession, guest->organization,
                             mark != NULL ? mark : "",
                             guest->role == TS_ATTENDANCE_ROLE_ORGANIZER
                             ? C_("attendance role", "Organizer") : "",
                             guest->locked ? _("Locked to this table") : "", NULL);
}

static void
add_suffixes (GtkWidget            *row,
              const TsSeatingGuest *guest)
{
  GtkWidget *mark = ts_ui_regulars_mark_new (guest->mark);

  if (guest->role == TS_ATTENDANCE_ROLE_ORGANIZER)
    {
      GtkWidget *role = gtk_label_new (C_("attendance role", "Organizer"));

      gtk_widget_add_css_class (role, "caption");
      gtk_widget_add_css_class (role, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), role);
    }
  if (mark != NULL)
    {
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
    }
}

static GtkWidget *
person_row (TsSeatingSection     *self,
            const TsSeatingGuest *guest,
            guint                 table,
            guint                 n_tables)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = menu_button (guest, table, n_tables);
  g_autofree char *subtitle = person_subtitle (guest);
  g_autofree char *label = person_label (guest);
  g_autofree char *name = g_strdup_printf ("seating-person-%" G_GINT64_FORMAT, guest->member_id);
  GtkEventController *menu_key = gtk_shortcut_controller_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), guest->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (guest->locked)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Locked to this table"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), lock);
    }
  add_suffixes (row, guest);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), button);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (menu_key),
    gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                                   gtk_keyval_trigger_new (GDK_KEY_F10,
                                                                           GDK_SHIFT_MASK)),
                      gtk_callback_action_new (popup_menu_cb, button, NULL)));
  gtk_widget_add_controller (row, menu_key);
  add_person_keys (row, guest, table, n_tables);
  add_drag_source (self, row, guest->member_id);
  g_hash_table_insert (self->row_members, row,
                       g_memdup2 (&guest->member_id, sizeof guest->member_id));
  ts_accessible_row (GTK_LIST_BOX_ROW (row), label);
  return row;
}

/* ---- a table ----------------------------------------------------------- */

static GtkWidget *
warning_line (const char *text)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Warning"), -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "warning");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static char *
count_text (guint n,
            guint seats)
{
  if (seats == 0)
    return g_strdup_printf (ngettext ("%u person", "%u people", n), n);
  /* Translators: people at a table and its seats, e.g. "6 of 8 seats". */
  return g_strdup_printf (ngettext ("%1$u of %2$u seat", "%1$u of %2$u seats", seats), n, seats);
}

/* What is wrong at a table, as its card says it; "" when nothing. */
static char *
organization_warning (const TableMix *mix)
{
  if (mix == NULL || mix->org_repeats == 0)
    return g_strdup ("");
  /* Translators: on a table's card; %s names the organizations. */
  return g_strdup_printf (_("Same organization: %s"), mix->repeated_orgs);
}

static char *
host_warning (const TableMix *mix)
{
  if (mix == NULL || mix->hostless == 0)
    return g_strdup ("");
  return g_strdup_printf (ngettext ("%u first-timer with no regular or organizer",
                                    "%u first-timers with no regular or organizer",
                                    mix->hostless), mix->hostless);
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
heading_line (const char *title,
              const char *count)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *number = gtk_label_new (count);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "dim-label");
  gtk_box_append (GTK_BOX (line), heading);
  gtk_box_append (GTK_BOX (line), number);
  return line;
}

/* Title and count, the mix, the warnings: a row that is not a person,
 * read out whole. */
static GtkWidget *
table_header (const char     *title,
              const char     *count,
              const TableMix *mix)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *text = mix != NULL ? mix_text (mix) : g_strdup ("");
  g_autofree char *organizations = organization_warning (mix);
  g_autofree char *hosts = host_warning (mix);
  g_autofree char *spoken = ts_accessible_join (title, count, text, organizations, hosts, NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_box_append (GTK_BOX (box), heading_line (title, count));
  if (*text != '\0')
    gtk_box_append (GTK_BOX (box), caption (text));
  if (*organizations != '\0')
    gtk_box_append (GTK_BOX (box), warning_line (organizations));
  if (*hosts != '\0')
    gtk_box_append (GTK_BOX (box), warning_line (hosts));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  return row;
}

typedef struct {
  TsSeatingSection *self;
  guint             table;
} DropSite;

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            DropSite      *site)
{
  TsSeatingSection *self = site->self;
  guint table = site->table;

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "seating.move", "(xu)",
                              g_value_get_int64 (value), table);
  return TRUE;
}

static void
add_drop_target (TsSeatingSection *self,
                 GtkWidget        *card,
                 guint             table)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  DropSite *site = g_new0 (DropSite, 1);

  site->self = self;
  site->table = table;
  g_signal_connect_data (target, "drop", G_CALLBACK (on_drop_cb), site,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (target));
}

static GtkWidget *
placeholder_row (void)
{
  const char *text = _("Nobody yet: drag people here");
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return row;
}

/* Table @table's card (0: those without a table). */
static GtkWidget *
table_card (TsSeatingSection *self,
            guint             table)
{
  const TsSeatingGuests *guests = self->guests;
  GtkWidget *list = gtk_list_box_new ();
  g_autofree char *title = table > 0 ? g_strdup_printf (_("Table %u"), table)
                                     : g_strdup (_("Not seated yet"));
  g_autofree char *name = g_strdup_printf ("seating-table-%u", table);
  g_autofree char *count = NULL;
  g_autofree char *spoken = NULL;
  TableMix mix;

  table_mix (guests, table, &mix);
  count = count_text (mix.n, table > 0 ? guests->seats : 0);
  gtk_widget_set_name (list, name);
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_list_box_append (GTK_LIST_BOX (list), table_header (title, count, table > 0 ? &mix : NULL));
  for (guint i = 0; i < guests->n_guests; i++)
    if (shown_table (guests, i) == table)
      gtk_list_box_append (GTK_LIST_BOX (list),
                           person_row (self, &guests->guests[i], table, guests->n_tables));
  if (mix.n == 0)
    gtk_list_box_append (GTK_LIST_BOX (list), placeholder_row ());
  add_drop_target (self, list, table);
  spoken = ts_accessible_join (title, count, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_free (mix.repeated_orgs);
  return list;
}

/* ---- showing ----------------------------------------------------------- */

static guint
n_unseated (const TsSeatingGuests *guests)
{
  guint n = 0;

  for (guint i = 0; i < guests->n_guests; i++)
    n += shown_table (guests, i) == 0;
  return n;
}

/* "5 tables · 26 people · 8 seats at each table · 2 not seated yet". */
static void
show_summary (TsSeatingSection *self,
              guint             unseated)
{
  const TsSeatingGuests *guests = self->guests;
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, ngettext ("%u table", "%u tables", guests->n_tables),
                          guests->n_tables);
  g_string_append (text, SEPARATOR);
  g_string_append_printf (text, ngettext ("%u person", "%u people", guests->n_guests),
                          guests->n_guests);
  if (guests->seats > 0)
    {
      g_string_append (text, SEPARATOR);
      g_string_append_printf (text, ngettext ("%u seat at each table", "%u seats at each table",
                                              guests->seats), guests->seats);
    }
  if (unseated > 0)
    {
      g_string_append (text, SEPARATOR);
      g_string_append_printf (text, ngettext ("%u not seated yet", "%u not seated yet", unseated),
                              unseated);
    }
  gtk_label_set_text (self->summary_label, text->str);
}

/* The person whose row has the focus now, to give it back after the
 * cards are made again (a move must not throw the keyboard out). */
static gint64
focused_member (TsSeatingSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self); w = gtk_widget_get_parent (w))
    if (row_member (self, w) != 0)
      return row_member (self, w);
  return 0;
}

static GtkWidget *
find_member_row (TsSeatingSection *self,
                 gint64            member_id)
{
  GHashTableIter iter;
  gpointer row, id;

  g_hash_table_iter_init (&iter, self->row_members);
  while (g_hash_table_iter_next (&iter, &row, &id))
    if (*(gint64 *) id == member_id)
      return row;
  return NULL;
}

/* A card no wider than this asks for: a long organization wraps
 * rather than leaving one card a line. */
#define CARD_WIDTH 340

static void
add_card (TsSeatingSection *self,
          guint             table)
{
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), CARD_WIDTH);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), CARD_WIDTH);
  adw_clamp_set_child (ADW_CLAMP (clamp), table_card (self, table));
  gtk_widget_set_valign (clamp, GTK_ALIGN_START);
  gtk_widget_set_halign (clamp, GTK_ALIGN_START);
  gtk_flow_box_append (self->tables_box, clamp);
  /* The rows inside take the focus, not the box around each card. */
  gtk_widget_set_focusable (gtk_widget_get_parent (clamp), FALSE);
}

static void
show_plan (TsSeatingSection *self)
{
  gint64 focus = self->focus_member != 0 ? self->focus_member : focused_member (self);
  guint unseated = n_unseated (self->guests);
  GtkWidget *row;

  self->focus_member = 0;
  show_summary (self, unseated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seating.seat-latecomers", unseated > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seating.shuffle", TRUE);
  g_hash_table_remove_all (self->row_members);
  ts_ui_clear_box (GTK_WIDGET (self->tables_box));
  adw_bin_set_child (self->unseated_bin, unseated > 0 ? table_card (self, 0) : NULL);
  for (guint t = 1; t <= self->guests->n_tables; t++)
    add_card (self, t);
  if (focus != 0 && (row = find_member_row (self, focus)) != NULL)
    gtk_widget_grab_focus (row);
}

static void
refresh (TsSeatingSection *self)
{
  g_autoptr(GError) error = NULL;

  self->stale = FALSE;
  g_clear_pointer (&self->guests, ts_seating_guests_free);
  if (self->repository == NULL)
    return;
  self->guests = ts_seating_guests_load (self->repository, self->event_id, &error);
  if (self->guests == NULL)
    {
      /* The event went away: the page shows that itself. */
      g_debug ("No tables to show: %s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seating.seat-latecomers", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "seating.shuffle", FALSE);
  if (self->guests->n_tables == 0)
    {
      g_hash_table_remove_all (self->row_members);
      ts_ui_clear_box (GTK_WIDGET (self->tables_box));
      adw_bin_set_child (self->unseated_bin, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_plan (self);
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static gboolean
update_idle_cb (gpointer data)
{
  TsSeatingSection *self = data;

  self->update_id = 0;
  if (self->dragging)
    self->stale = TRUE;
  else
    refresh (self);
  return G_SOURCE_REMOVE;
}

/* A burst of changes (a plan writes every row) is shown once; off
 * screen, once it is shown again. */
static void
on_changed_cb (TsRepository     *repository,
               GArray           *ids,
               TsSeatingSection *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->stale = TRUE;
  else if (self->update_id == 0)
    self->update_id = ts_ui_idle_add (update_idle_cb, self);
}

static void
ts_seating_section_map (GtkWidget *widget)
{
  TsSeatingSection *self = TS_SEATING_SECTION (widget);

  GTK_WIDGET_CLASS (ts_seating_section_parent_class)->map (widget);
  if (self->stale)
    refresh (self);
}

/* ---- actions ----------------------------------------------------------- */

static const TsSeatingGuest *
find_guest (TsSeatingSection *self,
            gint64            member_id)
{
  for (guint i = 0; self->guests != NULL && i < self->guests->n_guests; i++)
    if (self->guests->guests[i].member_id == member_id)
      return &self->guests->guests[i];
  return NULL;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsSeatingSection *self = TS_SEATING_SECTION (widget);
  g_autoptr(GError) error = NULL;
  TsSeatingUndo *undo = NULL;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;
  const TsSeatingGuest *guest;
  TsSeat seat = { 0, 0, FALSE };

  g_variant_get (parameter, "(xu)", &seat.member_id, &seat.table);
  guest = find_guest (self, seat.member_id);
  if (guest == NULL || seat.table > self->guests->n_tables || seat.table == guest->table)
    return;
  /* Moved by hand to a table: a lock goes with them. */
  seat.locked = guest->locked;
  name = g_strdup (guest->name);
  if (!ts_seating_edit_set_seat (self->repository, self->event_id, &seat, &undo, &error))
    {
      ts_ui_show_error (widget, error);
      return;
    }
  self->focus_member = seat.member_id;
  /* Translators: a toast after a move: "山田　太郎 moved to table 3". */
  title = g_strdup_printf (_("%1$s moved to table %2$u"), name, seat.table);
  ts_undo_toast_show_full (widget, title, undo, (GDestroyNotify) ts_seating_undo_free,
                           ts_seating_edit_undo);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsSeatingSection *self = TS_SEATING_SECTION (widget);
  g_autoptr(GError) error = NULL;
  const TsSeatingGuest *guest;
  TsSeat seat = { 0, 0, FALSE };

  g_variant_get (parameter, "(xb)", &seat.member_id, &seat.locked);
  guest = find_guest (self, seat.member_id);
  if (guest == NULL || guest->table == 0)
    return;
  seat.table = guest->table;
  if (!ts_seating_edit_set_seat (self->repository, self->event_id, &seat, NULL, &error))
    {
      ts_ui_show_error (widget, error);
      return;
    }
  self->focus_member = seat.member_id;
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsSeatingSection *self = TS_SEATING_SECTION (widget);
  GtkWidget *dialog = ts_seating_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                             self->repository, self->event_id);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
shuffle_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TsSeatingSection *self = TS_SEATING_SECTION (widget);
  g_autoptr(GError) error = NULL;
  TsSeatingUndo *undo = NULL;

  if (self->guests == NULL || self->guests->n_tables == 0)
    return;
  self->seed++;
  if (!ts_seating_edit_plan (self->repository, self->event_id, self->guests->n_tables,
                             self->guests->seats, &self->seed, TRUE, &undo, &error))
    {
      ts_ui_show_error (widget, error);
      return;
    }
  ts_undo_toast_show_full (widget, _("Tables shuffled"), undo,
                           (GDestroyNotify) ts_seating_undo_free, ts_seating_edit_undo);
}

static void
seat_latecomers_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TsSeatingSection *self = TS_SEATING_SECTION (widget);
  g_autoptr(GError) error = NULL;
  TsSeatingUndo *undo = NULL;
  g_autofree char *title = NULL;
  guint n = 0;

  if (!ts_seating_edit_latecomers (self->repository, self->event_id, &n, &undo, &error))
    {
      ts_ui_show_error (widget, error);
      return;
    }
  if (n == 0)
    {
      ts_ui_add_toast (widget, adw_toast_new (_("Everyone has a table")));
      return;
    }
  /* Translators: a toast after latecomers were seated. */
  title = g_strdup_printf (ngettext ("%u person seated", "%u people seated", n), n);
  ts_undo_toast_show_full (widget, title, undo, (GDestroyNotify) ts_seating_undo_free,
                           ts_seating_edit_undo);
}

/* ---- life -------------------------------------------------------------- */

static void
disconnect (TsSeatingSection *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->handlers); i++)
    if (self->handlers[i] != 0)
      g_signal_handler_disconnect (self->repository, self->handlers[i]);
  memset (self->handlers, 0, sizeof self->handlers);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->guests, ts_seating_guests_free);
  g_clear_handle_id (&self->update_id, g_source_remove);
}

static void
ts_seating_section_dispose (GObject *object)
{
  TsSeatingSection *self = TS_SEATING_SECTION (object);

  disconnect (self);
  g_clear_pointer (&self->row_members, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_SEATING_SECTION);
  G_OBJECT_CLASS (ts_seating_section_parent_class)->dispose (object);
}

static void
ts_seating_section_class_init (TsSeatingSectionClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_seating_section_dispose;
  widget_class->map = ts_seating_section_map;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-seating-section.ui");
  gtk_widget_class_bind_template_child (widget_class, TsSeatingSection, stack);
  gtk_widget_class_bind_template_child (widget_class, TsSeatingSection, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TsSeatingSection, unseated_bin);
  gtk_widget_class_bind_template_child (widget_class, TsSeatingSection, tables_box);
  gtk_widget_class_install_action (widget_class, "seating.plan", NULL, plan_action);
  gtk_widget_class_install_action (widget_class, "seating.shuffle", NULL, shuffle_action);
  gtk_widget_class_install_action (widget_class, "seating.seat-latecomers", NULL,
                                   seat_latecomers_action);
  gtk_widget_class_install_action (widget_class, "seating.move", "(xu)", move_action);
  gtk_widget_class_install_action (widget_class, "seating.lock", "(xb)", lock_action);
}

static void
ts_seating_section_init (TsSeatingSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->seed = 1;
  /* The rows are the cards': the table only points at them. */
  self->row_members = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
}

void
ts_seating_section_set_event (TsSeatingSection *self,
                              TsRepository     *repository,
                              gint64            event_id)
{
  static const char * const signals[] = {
    "changed::attendance", "changed::event", "changed::member",
  };

  g_return_if_fail (TS_IS_SEATING_SECTION (self));

  disconnect (self);
  self->event_id = event_id;
  self->seed = 1;
  if (repository == NULL)
    return;
  self->repository = g_object_ref (repository);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    self->handlers[i] = g_signal_connect (repository, signals[i], G_CALLBACK (on_changed_cb),
                                          self);
  /* Read when it is shown: the page opens on its attendees. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->stale = TRUE;
}
