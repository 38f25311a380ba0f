/* test-event-seating.c: the event page's tables (席決め) on a real file:
 * a plan made from the dialog is in the file, a person moved through
 * their row's menu or dropped on a table is at that table in the file, a
 * lock is stored and outlives a shuffle, latecomers are seated without
 * moving anyone, and a plan tsudoi-cli stores (another process) shows.
 * The file is read back through a connection of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <sqlite3.h>

#include "ts-event-page.h"
#include "ts-seating-dialog.h"
#include "ts-seating-edit.h"
#include "ts-seating-section.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"
#include "ts-ui-test-util.h"

#define N_PEOPLE 9

typedef struct {
  char         *dir;
  TsRepository *repository;
  char         *path;
  gint64        event_id;
  gint64        members[N_PEOPLE];
  GtkWidget    *window;
  GtkWidget    *section;
} Fixture;

/* What one seat looks like in the file. */
typedef struct {
  guint    table;
  gboolean locked;
} Stored;

static void
add_people (Fixture *fixture)
{
  /* Two of つどい病院 (a third registered), professions repeated. */
  static const char * const people[N_PEOPLE][4] = {
    { "青木", "あおき", "つどい病院", "看護師" },
    { "伊藤", "いとう", "つどい病院", "医師" },
    { "上田", "うえだ", "大田ケアセンター", "介護福祉士" },
    { "江藤", "えとう", "蒲田薬局", "薬剤師" },
    { "小野", "おの", "", "看護師" },
    { "加藤", "かとう", "羽田法律事務所", "弁護士" },
    { "木村", "きむら", "池上訪問看護", "看護師" },
    { "久保", "くぼ", "つどい病院", "理学療法士" },
    { "剣持", "けんもち", "大森包括", "社会福祉士" },
  };

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(TsMember) member = ts_test_add_member (fixture->repository,
                                                       "family-name", people[i][0],
                                                       "given-name", "一郎",
                                                       "family-reading", people[i][1],
                                                       "organization", people[i][2],
                                                       "profession", people[i][3], NULL);

      fixture->members[i] = member->id;
      ts_test_attend (fixture->repository, fixture->event_id, member->id,
                      i % 3 == 2 ? TS_ATTENDANCE_STATUS_REGISTERED
                                 : TS_ATTENDANCE_STATUS_ATTENDED);
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = NULL;
  g_autoptr(TsEvent) event = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();
  GtkWidget *page;
  GtkWidget *lists;

  fixture->dir = ts_test_make_temp_dir ();
  fixture->repository = ts_test_open_repository (fixture->dir, "seating.db");
  fixture->path = g_strdup (ts_database_get_path (ts_repository_get_database (fixture->repository)));
  chapter = ts_test_add_chapter (fixture->repository, "name", "大田医介塾", NULL);
  event = ts_test_add_event (fixture->repository, "chapter-id", chapter->id, "title", "定例会",
                             "starts-at", "2017-08-24T19:00", NULL);
  fixture->event_id = event->id;
  add_people (fixture);
  /* As the app does: another program's writes are noticed. */
  ts_repository_watch_other_writers (fixture->repository, 100);

  page = g_object_new (TS_TYPE_EVENT_PAGE, NULL);
  ts_event_page_set_repository (TS_EVENT_PAGE (page), fixture->repository);
  ts_event_page_set_event (TS_EVENT_PAGE (page), event->id);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), page);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 900);
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  TS_TEST_WAIT_FRAMES (fixture->window, 1);
  /* The organizer switches the page from its attendees to its tables. */
  TS_TEST_WAIT_UNTIL ((lists = ts_ui_test_find_type (fixture->window, GTK_TYPE_STACK_SWITCHER))
                      != NULL);
  gtk_stack_set_visible_child_name (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (lists)),
                                    "tables");
  TS_TEST_WAIT_UNTIL ((fixture->section = ts_ui_test_find_type (fixture->window,
                                                                TS_TYPE_SEATING_SECTION)) != NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWindow *dialog;

  while ((dialog = ts_ui_test_top_dialog (ADW_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  ts_test_wait_settled ();
  g_clear_object (&fixture->repository);
  ts_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* ---- the file ---------------------------------------------------------- */

/* Member id → Stored, read through a connection of the test's own. */
static GHashTable *
read_file (Fixture *fixture,
           guint   *n_tables)
{
  GHashTable *seats = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT member_id, seat_table, seat_locked"
                                           " FROM attendance WHERE event_id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, fixture->event_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Stored *stored = g_new0 (Stored, 1);

      stored->table = (guint) sqlite3_column_int (stmt, 1);
      stored->locked = sqlite3_column_int (stmt, 2) != 0;
      g_hash_table_insert (seats, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) },
                                             sizeof (gint64)), stored);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seat_tables FROM event WHERE id = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, fixture->event_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *n_tables = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return seats;
}

static Stored
stored_seat (Fixture *fixture,
             gint64   member_id)
{
  g_autoptr(GHashTable) seats = NULL;
  Stored *stored;
  guint n_tables;

  seats = read_file (fixture, &n_tables);
  stored = g_hash_table_lookup (seats, &member_id);
  g_assert_nonnull (stored);
  return *stored;
}

/* ---- the section ------------------------------------------------------- */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
table_card (Fixture *fixture,
            guint    table)
{
  g_autofree char *name = g_strdup_printf ("seating-table-%u", table);

  return find_named (fixture->section, name);
}

static GtkWidget *
person_row (GtkWidget *root,
            gint64     member_id)
{
  g_autofree char *name = g_strdup_printf ("seating-person-%" G_GINT64_FORMAT, member_id);

  return root != NULL ? find_named (root, name) : NULL;
}

/* The card of @table shows @member_id. */
static gboolean
shown_at (Fixture *fixture,
          gint64   member_id,
          guint    table)
{
  return person_row (table_card (fixture, table), member_id) != NULL;
}

/* The plan dialog, opened from the section's button, planning @n tables. */
static void
plan_from_dialog (Fixture *fixture,
                  guint    n_tables)
{
  GtkWidget *button = find_named (fixture->section, "seating-plan-tables");
  GtkWindow *dialog;

  if (button != NULL && gtk_widget_get_mapped (button))
    g_signal_emit_by_name (button, "clicked");
  else
    gtk_widget_activate_action (fixture->section, "seating.plan", NULL);
  TS_TEST_WAIT_UNTIL ((dialog = ts_ui_test_top_dialog (TS_TYPE_SEATING_DIALOG)) != NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (find_named (GTK_WIDGET (dialog), "seating-tables")),
                             n_tables);
  g_signal_emit_by_name (find_named (GTK_WIDGET (dialog), "seating-plan"), "clicked");
  TS_TEST_WAIT_UNTIL (ts_ui_test_top_dialog (TS_TYPE_SEATING_DIALOG) == NULL);
  TS_TEST_WAIT_UNTIL (table_card (fixture, n_tables) != NULL &&
                      table_card (fixture, n_tables + 1) == NULL);
}

/* Someone seated at table 1 in the file. */
static gint64
someone_at (Fixture *fixture,
            guint    table)
{
  for (guint i = 0; i < N_PEOPLE; i++)
    if (stored_seat (fixture, fixture->members[i]).table == table)
      return fixture->members[i];
  g_assert_not_reached ();
}

/* ---- tests ------------------------------------------------------------- */

static void
test_plan_from_dialog (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GHashTable) seats = NULL;
  guint sizes[3] = { 0, 0, 0 }, n_tables = 0;
  gint64 hospital[2] = { fixture->members[0], fixture->members[1] };

  /* Before a plan: the explanation and its button. */
  TS_TEST_WAIT_UNTIL (find_named (fixture->section, "seating-plan-tables") != NULL &&
                      gtk_widget_get_mapped (find_named (fixture->section, "seating-plan-tables")));
  plan_from_dialog (fixture, 2);

  seats = read_file (fixture, &n_tables);
  g_assert_cmpuint (n_tables, ==, 2);
  g_assert_cmpuint (g_hash_table_size (seats), ==, N_PEOPLE);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      Stored *stored = g_hash_table_lookup (seats, &fixture->members[i]);

      g_assert_cmpuint (stored->table, >=, 1);
      g_assert_cmpuint (stored->table, <=, 2);
      g_assert_false (stored->locked);
      sizes[stored->table]++;
      g_assert_true (shown_at (fixture, fixture->members[i], stored->table));
    }
  /* Nine at two tables: five and four; the two of つどい病院 apart. */
  g_assert_cmpuint (MAX (sizes[1], sizes[2]) - MIN (sizes[1], sizes[2]), ==, 1);
  g_assert_cmpuint (((Stored *) g_hash_table_lookup (seats, &hospital[0]))->table, !=,
                    ((Stored *) g_hash_table_lookup (seats, &hospital[1]))->table);
}

/* The row's menu holds "Move to Table 2"; its action and target move. */
static GVariant *
menu_target (GtkWidget  *row,
             const char *action)
{
  GtkWidget *button = ts_ui_test_find_type (row, GTK_TYPE_MENU_BUTTON);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));

  for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
    {
      GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

      for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
        {
          g_autofree char *name = NULL;

          if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
              g_str_equal (name, action))
            {
              GVariant *target = g_menu_model_get_item_attribute_value (section, i,
                                                                        G_MENU_ATTRIBUTE_TARGET,
                                                                        NULL);
              g_object_unref (section);
              return target;
            }
        }
      g_clear_object (&section);
    }
  return NULL;
}

static void
test_move_from_row_menu (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GVariant) target = NULL;
  GtkWidget *row;
  gint64 member;

  plan_from_dialog (fixture, 2);
  member = someone_at (fixture, 1);
  row = person_row (table_card (fixture, 1), member);
  g_assert_nonnull (row);
  target = menu_target (row, "seating.move");
  g_assert_nonnull (target);
  g_assert_true (g_variant_equal (target, g_variant_new ("(xu)", member, 2)));
  gtk_widget_activate_action_variant (row, "seating.move", target);

  g_assert_cmpuint (stored_seat (fixture, member).table, ==, 2);
  TS_TEST_WAIT_UNTIL (shown_at (fixture, member, 2));
  g_assert_false (shown_at (fixture, member, 1));
  /* The keyboard stays with the person, now at their new table. */
  TS_TEST_WAIT_UNTIL (gtk_widget_has_focus (person_row (table_card (fixture, 2), member)));
}

/* Alt+Right, then a table's number, then Ctrl+L on the focused row. */
static void
test_move_with_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *row;
  gint64 member;

  plan_from_dialog (fixture, 3);
  member = someone_at (fixture, 1);
  row = person_row (table_card (fixture, 1), member);
  g_assert_false (ts_ui_test_press_shortcut (row, GDK_KEY_Left, GDK_ALT_MASK));   /* no table 0 to go to */
  g_assert_true (ts_ui_test_press_shortcut (row, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_cmpuint (stored_seat (fixture, member).table, ==, 2);
  TS_TEST_WAIT_UNTIL ((row = person_row (table_card (fixture, 2), member)) != NULL &&
                      gtk_widget_has_focus (row));
  g_assert_true (ts_ui_test_press_shortcut (row, GDK_KEY_3, 0));
  g_assert_cmpuint (stored_seat (fixture, member).table, ==, 3);
  TS_TEST_WAIT_UNTIL ((row = person_row (table_card (fixture, 3), member)) != NULL);
  g_assert_true (ts_ui_test_press_shortcut (row, GDK_KEY_l, GDK_CONTROL_MASK));
  g_assert_true (stored_seat (fixture, member).locked);
  g_assert_cmpuint (stored_seat (fixture, member).table, ==, 3);
}

/* What the toasts' Undo runs: a move and a shuffle put back. */
static void
test_undo (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(TsSeatingUndo) undo_move = NULL;
  g_autoptr(TsSeatingUndo) undo_shuffle = NULL;
  g_autoptr(GError) error = NULL;
  guint32 seed = 5;
  guint n_tables;
  gint64 member;
  TsSeat seat;

  plan_from_dialog (fixture, 3);
  member = someone_at (fixture, 1);
  seat = (TsSeat) { member, 2, FALSE };
  g_assert_true (ts_seating_edit_set_seat (fixture->repository, fixture->event_id, &seat,
                                           &undo_move, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stored_seat (fixture, member).table, ==, 2);
  g_assert_true (ts_seating_edit_undo (undo_move, &error));
  g_assert_cmpuint (stored_seat (fixture, member).table, ==, 1);
  TS_TEST_WAIT_UNTIL (shown_at (fixture, member, 1));

  before = read_file (fixture, &n_tables);
  g_assert_true (ts_seating_edit_plan (fixture->repository, fixture->event_id, 3, 0, &seed, TRUE,
                                       &undo_shuffle, &error));
  g_assert_true (ts_seating_edit_undo (undo_shuffle, &error));
  g_assert_no_error (error);
  after = read_file (fixture, &n_tables);
  for (guint i = 0; i < N_PEOPLE; i++)
    g_assert_cmpuint (((Stored *) g_hash_table_lookup (after, &fixture->members[i]))->table, ==,
                      ((Stored *) g_hash_table_lookup (before, &fixture->members[i]))->table);
}

static gpointer
controller_of (GtkWidget *widget,
               GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* What a drag of a person's row hands the card it is dropped on: the
 * drop moves them; the rows are made again once the drag has ended (the
 * dragged row holds the drag until then). */
static void
test_drop_on_table (Fixture       *fixture,
                    gconstpointer  data)
{
  GValue value = G_VALUE_INIT;
  GtkDragSource *source;
  GtkDropTarget *target;
  GdkContentProvider *content = NULL;
  gboolean accepted = FALSE;
  GtkWidget *row;
  gint64 member;

  plan_from_dialog (fixture, 3);
  member = someone_at (fixture, 3);
  row = person_row (table_card (fixture, 3), member);
  source = controller_of (row, GTK_TYPE_DRAG_SOURCE);
  target = controller_of (table_card (fixture, 1), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (source);
  g_assert_nonnull (target);

  g_signal_emit_by_name (source, "prepare", 5.0, 5.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_INT64);
  g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
  g_assert_cmpint (g_value_get_int64 (&value), ==, member);
  g_object_unref (content);
  g_signal_emit_by_name (source, "drag-begin", NULL);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_cmpuint (stored_seat (fixture, member).table, ==, 1);
  ts_test_wait_settled ();
  g_assert_true (person_row (table_card (fixture, 3), member) == row);

  g_signal_emit_by_name (source, "drag-end", NULL, FALSE);
  TS_TEST_WAIT_UNTIL (shown_at (fixture, member, 1));
  g_assert_false (shown_at (fixture, member, 3));
}

/* The lock icon somewhere in @widget. */
static gboolean
shows_lock (GtkWidget *widget)
{
  if (widget == NULL)
    return FALSE;
  if (GTK_IS_IMAGE (widget) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "changes-prevent-symbolic") == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_lock (child))
      return TRUE;
  return FALSE;
}

static void
test_lock_outlives_shuffle (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GVariant) target = NULL;
  gboolean changed = FALSE;
  guint n_tables;
  gint64 member;

  plan_from_dialog (fixture, 3);
  member = someone_at (fixture, 2);
  target = menu_target (person_row (table_card (fixture, 2), member), "seating.lock");
  g_assert_nonnull (target);
  gtk_widget_activate_action_variant (fixture->section, "seating.lock", target);
  g_assert_true (stored_seat (fixture, member).locked);
  g_assert_cmpuint (stored_seat (fixture, member).table, ==, 2);
  TS_TEST_WAIT_UNTIL (shows_lock (person_row (table_card (fixture, 2), member)));

  before = read_file (fixture, &n_tables);
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GHashTable) after = NULL;

      gtk_widget_activate_action (fixture->section, "seating.shuffle", NULL);
      after = read_file (fixture, &n_tables);
      g_assert_cmpuint (n_tables, ==, 3);
      g_assert_cmpuint (((Stored *) g_hash_table_lookup (after, &member))->table, ==, 2);
      g_assert_true (((Stored *) g_hash_table_lookup (after, &member))->locked);
      for (guint i = 0; i < N_PEOPLE; i++)
        changed |= ((Stored *) g_hash_table_lookup (after, &fixture->members[i]))->table !=
                   ((Stored *) g_hash_table_lookup (before, &fixture->members[i]))->table;
      /* The section follows each shuffle. */
      TS_TEST_WAIT_UNTIL (shown_at (fixture, member, 2));
    }
  /* Another plan, not the same one again. */
  g_assert_true (changed);
}

static void
test_latecomers (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) after = NULL;
  g_autoptr(TsMember) late = NULL;
  g_autoptr(TsMember) later = NULL;
  guint n_tables;

  plan_from_dialog (fixture, 3);
  late = ts_test_add_member (fixture->repository, "family-name", "佐藤", "given-name", "花子",
                             "family-reading", "さとう", "organization", "つどい病院",
                             "profession", "看護師", NULL);
  later = ts_test_add_member (fixture->repository, "family-name", "志村", "given-name", "健",
                              "family-reading", "しむら", "profession", "医師", NULL);
  ts_test_attend (fixture->repository, fixture->event_id, late->id, TS_ATTENDANCE_STATUS_WALK_IN);
  ts_test_attend (fixture->repository, fixture->event_id, later->id,
                  TS_ATTENDANCE_STATUS_ATTENDED);
  /* Shown apart, not seated yet. */
  TS_TEST_WAIT_UNTIL (shown_at (fixture, late->id, 0) && shown_at (fixture, later->id, 0));
  before = read_file (fixture, &n_tables);

  g_signal_emit_by_name (find_named (fixture->section, "seating-latecomers"), "clicked");
  after = read_file (fixture, &n_tables);
  g_assert_cmpuint (((Stored *) g_hash_table_lookup (after, &late->id))->table, >=, 1);
  g_assert_cmpuint (((Stored *) g_hash_table_lookup (after, &later->id))->table, >=, 1);
  /* Nobody else moved. */
  for (guint i = 0; i < N_PEOPLE; i++)
    g_assert_cmpuint (((Stored *) g_hash_table_lookup (after, &fixture->members[i]))->table, ==,
                      ((Stored *) g_hash_table_lookup (before, &fixture->members[i]))->table);
  /* Nine at three tables were three each: the two go to two tables. */
  g_assert_cmpuint (((Stored *) g_hash_table_lookup (after, &late->id))->table, !=,
                    ((Stored *) g_hash_table_lookup (after, &later->id))->table);
  TS_TEST_WAIT_UNTIL (table_card (fixture, 0) == NULL);
  TS_TEST_WAIT_UNTIL (shown_at (fixture, late->id,
                                ((Stored *) g_hash_table_lookup (after, &late->id))->table));
}

/* tsudoi-cli, another process, stores a plan of four: the section shows it. */
static void
test_follows_cli (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *event_arg = g_strdup_printf ("%" G_GINT64_FORMAT, fixture->event_id);

  plan_from_dialog (fixture, 2);
  g_assert_cmpint (ts_test_run_cli (NULL, fixture->path, NULL, NULL, "seating",
                                    "--event", event_arg, "--tables", "4", "--save", NULL), ==, 0);
  TS_TEST_WAIT_UNTIL (table_card (fixture, 4) != NULL);
  for (guint i = 0; i < N_PEOPLE; i++)
    TS_TEST_WAIT_UNTIL (shown_at (fixture, fixture->members[i],
                                  stored_seat (fixture, fixture->members[i]).table));
}

int
main (int    argc,
      char **argv)
{
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);

#define ADD(path, func) \
  g_test_add ("/event-seating/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("plan-from-dialog", test_plan_from_dialog);
  ADD ("move-from-row-menu", test_move_from_row_menu);
  ADD ("move-with-keys", test_move_with_keys);
  ADD ("drop-on-table", test_drop_on_table);
  ADD ("undo", test_undo);
  ADD ("lock-outlives-shuffle", test_lock_outlives_shuffle);
  ADD ("latecomers", test_latecomers);
  ADD ("follows-cli", test_follows_cli);
#undef ADD
  return g_test_run ();
}
