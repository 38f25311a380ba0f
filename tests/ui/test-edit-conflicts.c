/* test-edit-conflicts.c: an edit dialog open in the app while tsudoi-cli,
 * a real second process, changes the same row: Save is refused with an
 * offer to reload, nothing the other program wrote is overwritten, and
 * a save writes only the fields the person changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-test"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ts-chapter-dialog.h"
#include "ts-event-dialog.h"
#include "ts-member-dialog.h"
#include "ts-test-gtk.h"
#include "ts-test-support.h"
#include "ts-ui-test-util.h"

typedef struct {
  TsTestDb   db;
  GtkWidget *parent;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  ts_test_db_init (&f->db, "conflicts.db");
  f->parent = adw_application_window_new (NULL);
  gtk_window_present (GTK_WINDOW (f->parent));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->parent));
  ts_test_db_clear (&f->db);
}

static gboolean
reload_offered (gpointer data)
{
  return ts_ui_test_top_dialog (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static GtkWidget *
present (GtkWidget *dialog)
{
  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static gboolean
save_pressable (gpointer data)
{
  GtkWidget *button = ts_ui_test_find_button (data, _("_Save"));

  return button != NULL && gtk_widget_is_sensitive (button);
}

/* Clicks the dialog's Save button, as a person would, once it is shown.
 * (gtk_widget_activate() would click only 250 ms later.) */
static void
press_save (GtkWidget *dialog)
{
  TS_TEST_WAIT_FOR (save_pressable, dialog);
  g_signal_emit_by_name (ts_ui_test_find_button (dialog, _("_Save")), "clicked");
}

static char *
row_text (GtkWidget  *dialog,
          const char *title)
{
  GtkWidget *row = ts_ui_test_find_row (dialog, title);

  g_assert_nonnull (row);
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* Whether a label of @widget contains @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (shows_text (w, text))
      return TRUE;
  return FALSE;
}

static TsMember *
stored_member (Fixture *f,
               gint64   id)
{
  g_autoptr(TsRepository) repository = ts_test_open_repository (f->db.dir, "conflicts.db");
  g_autoptr(GError) error = NULL;
  TsMember *member = ts_repository_get_member (repository, id, &error);

  g_assert_no_error (error);
  return member;
}

static void
run_cli_import (Fixture    *f,
                const char *csv)
{
  g_autofree char *path = g_build_filename (f->db.dir, "form.csv", NULL);
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  g_assert_cmpint (ts_test_run_cli (NULL, f->db.path, NULL, &err, "import", "members", path,
                                    NULL), ==, 0);
}

/* The organizer types a phone number for 佐藤 花子 while a CLI import
 * sets her organization: Save refuses, the import's values stay, Reload
 * shows them, and saving again writes the phone and nothing else. */
static void
test_member_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(TsMember) member = ts_test_add_member (f->db.repository,
                                                   "family-name", "佐藤", "given-name", "花子",
                                                   "family-reading", "さとう",
                                                   "given-reading", "はなこ",
                                                   "email", "hanako@example.jp",
                                                   "profession", "宇宙飛行士", NULL);
  GtkWidget *dialog = present (ts_member_dialog_new (GTK_WINDOW (f->parent), f->db.repository,
                                                     member->id));
  g_autoptr(TsMember) after_cli = NULL;
  g_autoptr(TsMember) saved = NULL;
  g_autofree char *organization = NULL;
  g_autofree char *phone = NULL;
  AdwMessageDialog *ask;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  ts_ui_test_type (dialog, _("Phone"), "03-1111-2222");
  run_cli_import (f, "お名前（フルネーム）,ふりがな,メールアドレス,ご所属（勤務先）\n"
                     "佐藤 花子,さとう はなこ,hanako@example.jp,A病院\n");

  press_save (dialog);
  TS_TEST_WAIT_FOR (reload_offered, NULL);
  ask = ADW_MESSAGE_DIALOG (ts_ui_test_top_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "another program"));
  g_assert_nonnull (dialog);
  after_cli = stored_member (f, member->id);
  g_assert_cmpstr (after_cli->organization, ==, "A病院");
  g_assert_cmpstr (after_cli->phone, ==, "");
  g_assert_cmpstr (after_cli->profession, ==, "宇宙飛行士");

  adw_message_dialog_response (ask, "reload");
  organization = row_text (dialog, _("Organization"));
  phone = row_text (dialog, _("Phone"));
  g_assert_cmpstr (organization, ==, "A病院");
  g_assert_cmpstr (phone, ==, "");

  /* The profession is not in the list, so the form cannot show it; the
   * person did not touch it, so it is not written. */
  ts_ui_test_type (dialog, _("Phone"), "03-1111-2222");
  press_save (dialog);
  TS_TEST_WAIT_FOR (window_gone, &dialog);
  saved = stored_member (f, member->id);
  g_assert_cmpstr (saved->phone, ==, "03-1111-2222");
  g_assert_cmpstr (saved->organization, ==, "A病院");
  g_assert_cmpstr (saved->email, ==, "hanako@example.jp");
  g_assert_cmpstr (saved->profession, ==, "宇宙飛行士");
}

/* The member the dialog shows was deleted by another program: Save says
 * so, offers no reload, and writes nothing. */
static void
test_member_gone (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TsMember) member = ts_test_add_member (f->db.repository,
                                                   "family-name", "佐藤", "given-name", "花子",
                                                   "family-reading", "さとう", NULL);
  g_autoptr(TsRepository) other = ts_test_open_repository (f->db.dir, "conflicts.db");
  GtkWidget *dialog = present (ts_member_dialog_new (GTK_WINDOW (f->parent), f->db.repository,
                                                     member->id));

  g_assert_true (ts_repository_delete (other, "member", member->id, NULL));
  ts_ui_test_type (dialog, _("Given Name"), "花");
  press_save (dialog);
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (shows_text (dialog, "deleted or replaced by another program"));
  g_assert_null (ts_ui_test_top_dialog (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (ts_repository_restore (other, "member", member->id, NULL));
  {
    g_autoptr(TsMember) stored = stored_member (f, member->id);

    g_assert_cmpstr (stored->given_name, ==, "花子");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* tsudoi-cli restore puts back a file where number 1 is another person
 * of the same name: only the uuid tells. Save must not write onto her. */
static void
test_member_replaced_by_restore (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(TsMember) member = ts_test_add_member (f->db.repository,
                                                   "family-name", "佐藤", "given-name", "花子",
                                                   "family-reading", "さとう",
                                                   "given-reading", "はなこ", NULL);
  g_autofree char *backup = g_build_filename (f->db.dir, "backup.db", NULL);
  g_autoptr(TsMember) stored = NULL;
  GtkWidget *dialog;

  {
    g_autoptr(TsRepository) other = ts_test_open_repository (f->db.dir, "backup.db");
    g_autoptr(TsMember) him = ts_test_add_member (other,
                                                  "family-name", "佐藤", "given-name", "花子",
                                                  "family-reading", "さとう",
                                                  "given-reading", "はなこ", NULL);

    g_assert_cmpint (him->id, ==, member->id);
    g_assert_cmpstr (him->uuid, !=, member->uuid);
  }
  dialog = present (ts_member_dialog_new (GTK_WINDOW (f->parent), f->db.repository, member->id));
  g_assert_cmpint (ts_test_run_cli (NULL, f->db.path, NULL, NULL, "restore", backup, NULL), ==, 0);

  ts_ui_test_type (dialog, _("Phone"), "03-1111-2222");
  press_save (dialog);
  g_assert_true (shows_text (dialog, "deleted or replaced by another program"));
  stored = stored_member (f, member->id);
  g_assert_cmpstr (stored->uuid, !=, member->uuid);
  g_assert_cmpstr (stored->phone, ==, "");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The event dialog refuses the same way, and reloads the date. */
static void
test_event_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (f->db.repository, "name", "大田医介塾",
                                                      "reading", "おおたいかいじゅく", NULL);
  g_autoptr(TsEvent) event = ts_test_add_event (f->db.repository, "chapter-id", chapter->id,
                                                "title", "8月例会",
                                                "starts-at", "2017-08-24T19:00", NULL);
  g_autoptr(TsRepository) other = ts_test_open_repository (f->db.dir, "conflicts.db");
  g_autoptr(TsEvent) theirs = ts_repository_get_event (other, event->id, NULL);
  GtkWidget *dialog = present (ts_event_dialog_new (GTK_WINDOW (f->parent), f->db.repository,
                                                    event));
  g_autoptr(TsEvent) stored = NULL;
  g_autofree char *date = NULL;

  g_object_set (theirs, "starts-at", "2017-08-31T19:00", NULL);
  g_assert_true (ts_repository_save_event (other, theirs, NULL));
  ts_ui_test_type (dialog, _("Venue"), "居酒屋 つどい");
  press_save (dialog);
  TS_TEST_WAIT_FOR (reload_offered, NULL);
  stored = ts_repository_get_event (other, event->id, NULL);
  g_assert_cmpstr (stored->starts_at, ==, "2017-08-31T19:00");
  g_assert_cmpstr (stored->venue, ==, "");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ts_ui_test_top_dialog (ADW_TYPE_MESSAGE_DIALOG)),
                               "reload");
  date = row_text (dialog, _("Date *"));
  g_assert_cmpstr (date, ==, "2017-08-31");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* And the chapter dialog. */
static void
test_chapter_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TsChapter) chapter = ts_test_add_chapter (f->db.repository, "name", "大田医介塾",
                                                      "reading", "おおたいかいじゅく", NULL);
  g_autoptr(TsRepository) other = ts_test_open_repository (f->db.dir, "conflicts.db");
  g_autoptr(TsChapter) theirs = ts_repository_get_chapter (other, chapter->id, NULL);
  GtkWidget *dialog = present (ts_chapter_dialog_new (GTK_WINDOW (f->parent), f->db.repository,
                                                      chapter->id));
  g_autoptr(TsChapter) stored = NULL;
  g_autofree char *leader = NULL;

  g_object_set (theirs, "leader", "山田 太郎", NULL);
  g_assert_true (ts_repository_save_chapter (other, theirs, NULL));
  ts_ui_test_type (dialog, _("Usual Venue"), "蒲田区民ホール");
  press_save (dialog);
  TS_TEST_WAIT_FOR (reload_offered, NULL);
  stored = ts_repository_get_chapter (other, chapter->id, NULL);
  g_assert_cmpstr (stored->leader, ==, "山田 太郎");
  g_assert_cmpstr (stored->venue, ==, "");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (ts_ui_test_top_dialog (ADW_TYPE_MESSAGE_DIALOG)),
                               "reload");
  leader = row_text (dialog, _("Leader"));
  g_assert_cmpstr (leader, ==, "山田 太郎");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  ts_test_gtk_init (&argc, &argv, TS_TEST_LANGUAGE_DEFAULT);
  g_test_add ("/ui/edit-conflicts/member-refused", Fixture, NULL, fixture_set_up,
              test_member_refused, fixture_tear_down);
  g_test_add ("/ui/edit-conflicts/member-gone", Fixture, NULL, fixture_set_up,
              test_member_gone, fixture_tear_down);
  g_test_add ("/ui/edit-conflicts/member-replaced-by-restore", Fixture, NULL, fixture_set_up,
              test_member_replaced_by_restore, fixture_tear_down);
  g_test_add ("/ui/edit-conflicts/event-refused", Fixture, NULL, fixture_set_up,
              test_event_refused, fixture_tear_down);
  g_test_add ("/ui/edit-conflicts/chapter-refused", Fixture, NULL, fixture_set_up,
              test_chapter_refused, fixture_tear_down);
  return g_test_run ();
}
