/* ts-data-actions.c: import, export, back up and restore, as window actions.
 *
 * The "data" action group on the main window. Files are chosen with
 * GtkFileChooserNative (GTK 4.8 has no GtkFileDialog); long work runs
 * through the engine's _async calls, which own their threads and
 * connections and announce what changed, while a TsProgressDialog shows
 * how far they have come and cancels them. Results are told in a toast,
 * errors in a dialog a person can read to the end. The
 * daily automatic backup starts here too, once, when the window is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-data"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "ts-backup.h"
#include "ts-backup-async.h"
#include "ts-date.h"
#include "ts-data-actions.h"
#include "ts-export-async.h"
#include "ts-import-dialog.h"
#include "ts-progress-dialog.h"

/* The "data" action group itself: the window holds it (as its "data"
 * group), and work under way holds it until its reply. */
struct _TsDataActions
{
  GSimpleActionGroup  parent_instance;

  GtkWidget          *window;     /* not a reference: the window owns us */
  TsRepository       *repository;
  guint               keep;       /* automatic backups to keep */
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (TsDataActions, ts_data_actions, G_TYPE_SIMPLE_ACTION_GROUP)

static const char * const data_action_names[] = {
  "import-members", "import-registrations", "export-members", "export-attendees",
  "export-grid", "back-up", "restore",
};

static void
ts_data_actions_finalize (GObject *object)
{
  TsDataActions *self = TS_DATA_ACTIONS (object);

  g_clear_object (&self->repository);
  G_OBJECT_CLASS (ts_data_actions_parent_class)->finalize (object);
}

static void
ts_data_actions_class_init (TsDataActionsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_data_actions_finalize;
}

static void
ts_data_actions_init (TsDataActions *self)
{
}

static const char *
database_path (TsDataActions *self)
{
  return ts_database_get_path (ts_repository_get_database (self->repository));
}

/* ---- telling the organizer ---------------------------------------------- */

static void
show_toast (TsDataActions *self,
            const char    *text)
{
  GtkWidget *content = NULL;

  if (ADW_IS_APPLICATION_WINDOW (self->window))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self->window));
  if (content != NULL && ADW_IS_TOAST_OVERLAY (content))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (text));
  else
    g_message ("%s", text);
}

static void
show_error (TsDataActions *self,
            const char    *heading,
            const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading,
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void set_busy (TsDataActions *self, gboolean busy);

/* What a callback needs: the actions and their window, held until the
 * work is done, and the name of the file for the toast; for work the
 * organizer started, its progress shown with Cancel. */
typedef struct {
  TsDataActions *self;
  GtkWidget     *window;
  char          *name;
  TsProgress    *progress;
  GCancellable  *cancellable;
  GtkWidget     *dialog;
} Reply;

static Reply *
reply_new (TsDataActions *self,
           const char    *path)
{
  Reply *reply = g_new0 (Reply, 1);

  reply->self = g_object_ref (self);
  reply->window = g_object_ref (self->window);
  reply->name = path != NULL ? g_path_get_basename (path) : NULL;
  return reply;
}

/* Long work: the window is busy and a dialog shows how far it has come,
 * until the reply is freed. */
static Reply *
reply_new_shown (TsDataActions *self,
                 const char    *path,
                 const char    *title)
{
  Reply *reply = reply_new (self, path);

  reply->progress = ts_progress_new ();
  reply->cancellable = g_cancellable_new ();
  reply->dialog = GTK_WIDGET (ts_progress_dialog_new (GTK_WINDOW (self->window), title,
                                                      reply->progress, reply->cancellable));
  set_busy (self, TRUE);
  gtk_window_present (GTK_WINDOW (reply->dialog));
  return reply;
}

static void
reply_free (Reply *reply)
{
  if (reply->dialog != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (reply->dialog));
      set_busy (reply->self, FALSE);
    }
  g_clear_object (&reply->progress);
  g_clear_object (&reply->cancellable);
  g_object_unref (reply->window);
  g_object_unref (reply->self);
  g_free (reply->name);
  g_free (reply);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

/* A cancel is the organizer's own wish: said in a toast, not an error. */
static void
show_failure (TsDataActions *self,
              const char    *heading,
              const char    *cancelled,
              const GError  *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, cancelled);
  else
    show_error (self, heading, error);
}

/* ---- choosing files -------------------------------------------------------- */

typedef void (*FileChosen) (TsDataActions *self, GtkFileChooser *chooser, GFile *file,
                            gint64 id);

typedef struct {
  TsDataActions *self;
  FileChosen     callback;
  gint64         id;
} Choice;

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL && g_file_peek_path (file) != NULL)
        choice->callback (choice->self, GTK_FILE_CHOOSER (native), file, choice->id);
    }
  g_free (choice);
  g_object_unref (native);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
choose_file (TsDataActions        *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *suggested_name,
             gboolean              csv,
             FileChosen            callback,
             gint64                id)
{
  static const char * const csv_patterns[] = { "*.csv", "*.CSV", "*.txt", "*.TXT", "*.tsv", NULL };
  static const char * const db_patterns[] = { "*.db", "*.sqlite", "*.bak", NULL };
  static const char * const all_patterns[] = { "*", NULL };
  GtkFileChooserNative *native = gtk_file_chooser_native_new (title, GTK_WINDOW (self->window),
                                                              action, accept, _("_Cancel"));
  Choice *choice = g_new0 (Choice, 1);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (csv)
    add_filter (GTK_FILE_CHOOSER (native), _("Lists (CSV, tab-separated text)"), csv_patterns);
  else
    add_filter (GTK_FILE_CHOOSER (native), _("Tsudoi backups"), db_patterns);
  add_filter (GTK_FILE_CHOOSER (native), _("All files"), all_patterns);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  if (csv && action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      const char *options[] = { "utf-8-bom", "utf-8", "cp932", NULL };
      const char *labels[] = { _("UTF-8 for Excel (recommended)"), _("UTF-8 without BOM"),
                               _("Shift_JIS (CP932)"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (native), "encoding", _("Encoding"),
                                   options, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (native), "encoding", "utf-8-bom");
    }
  choice->self = self;
  choice->callback = callback;
  choice->id = id;
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- import ------------------------------------------------------------------- */

/* Counts fit a toast; what an import left out (a line each after the
 * counts) must be read to the end, so it gets a dialog. */
static void
on_imported (TsImportDialog *dialog,
             const char     *summary,
             TsDataActions    *self)
{
  GtkWidget *message;

  if (strchr (summary, '\n') == NULL)
    {
      show_toast (self, summary);
      return;
    }
  message = adw_message_dialog_new (GTK_WINDOW (self->window),
                                    _("Imported Without Some Details"), summary);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
import_file_chosen (TsDataActions  *self,
                    GtkFileChooser *chooser,
                    GFile          *file,
                    gint64          event_id)
{
  TsImportDialog *dialog = ts_import_dialog_new (GTK_WINDOW (self->window), self->repository,
                                                 g_file_peek_path (file), event_id);

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file given on the command line or by Files' Open With, by path. */
static void
import_file_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_bytestring (parameter));

  import_file_chosen (user_data, NULL, file, 0);
}

static void
import_members_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  choose_file (user_data, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Members"), _("_Open"),
               NULL, TRUE, import_file_chosen, 0);
}

static void
import_registrations_activated (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  choose_file (user_data, GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Registrations"), _("_Open"),
               NULL, TRUE, import_file_chosen, g_variant_get_int64 (parameter));
}

/* ---- export ------------------------------------------------------------------- */

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Reply) reply = user_data;
  TsDataActions *self = reply->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!ts_export_write_finish (TS_REPOSITORY (source), result, &error))
    {
      show_failure (self, _("Nothing Was Exported"), _("Export cancelled"), error);
      return;
    }
  text = g_strdup_printf (_("Exported to “%s”."), reply->name);
  show_toast (self, text);
}

static void
start_export (TsDataActions  *self,
              GtkFileChooser *chooser,
              GFile          *file,
              TsExportKind    kind,
              gint64          id)
{
  const char *name = gtk_file_chooser_get_choice (chooser, "encoding");
  g_autofree char *path = g_file_get_path (file);
  TsExportEncoding encoding;
  Reply *reply;

  if (name == NULL || !ts_export_encoding_from_name (name, &encoding))
    encoding = TS_EXPORT_UTF8_BOM;
  reply = reply_new_shown (self, path, gtk_native_dialog_get_title (GTK_NATIVE_DIALOG (chooser)));
  ts_export_write_async (self->repository, kind, id, path, encoding, reply->progress,
                         reply->cancellable, export_done, reply);
}

static void
export_members_chosen (TsDataActions *self, GtkFileChooser *chooser, GFile *file, gint64 id)
{
  start_export (self, chooser, file, TS_EXPORT_MEMBERS, id);
}

static void
export_attendees_chosen (TsDataActions *self, GtkFileChooser *chooser, GFile *file, gint64 id)
{
  start_export (self, chooser, file, TS_EXPORT_ATTENDEES, id);
}

static void
export_grid_chosen (TsDataActions *self, GtkFileChooser *chooser, GFile *file, gint64 id)
{
  start_export (self, chooser, file, TS_EXPORT_GRID, id);
}

static void
export_members_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  /* Translators: the suggested name of an exported file. */
  choose_file (user_data, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Members"), _("_Export"),
               _("members.csv"), TRUE, export_members_chosen, 0);
}

static void
export_attendees_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  choose_file (user_data, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Attendees"), _("_Export"),
               _("attendees.csv"), TRUE, export_attendees_chosen,
               g_variant_get_int64 (parameter));
}

static void
export_grid_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  choose_file (user_data, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Attendance Grid"),
               _("_Export"), _("attendance.csv"), TRUE, export_grid_chosen,
               g_variant_get_int64 (parameter));
}

/* ---- backups ------------------------------------------------------------------ */

static void
backup_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Reply) reply = user_data;
  TsDataActions *self = reply->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!ts_backup_write_finish (TS_REPOSITORY (source), result, &error))
    {
      show_failure (self, _("The Backup Failed"), _("Backup cancelled"), error);
      return;
    }
  text = g_strdup_printf (_("Backed up to “%s”."), reply->name);
  show_toast (self, text);
}

static void
auto_backup_done (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(Reply) reply = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = ts_backup_auto_finish (TS_REPOSITORY (source), result, &error);
  g_autofree char *text = NULL;

  if (error != NULL)
    {
      text = g_strdup_printf (_("The automatic backup failed: %s"), error->message);
      show_toast (reply->self, text);
    }
  else if (written != NULL)
    g_debug ("Automatic backup: %s", written);
}

static void
backup_file_chosen (TsDataActions  *self,
                    GtkFileChooser *chooser,
                    GFile          *file,
                    gint64          id)
{
  g_autofree char *path = g_file_get_path (file);
  Reply *reply = reply_new_shown (self, path, _("Back Up Now"));

  ts_backup_write_async (self->repository, path, reply->progress, reply->cancellable,
                         backup_done, reply);
}

static void
back_up_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the suggested name of a backup; keep the date format. */
  g_autofree char *name = g_date_time_format (now, _("tsudoi-backup-%Y-%m-%d.db"));

  choose_file (user_data, GTK_FILE_CHOOSER_ACTION_SAVE, _("Back Up Now"), _("_Save"),
               name, FALSE, backup_file_chosen, 0);
}

/* ---- restore ------------------------------------------------------------------ */

/* The restore runs in a thread on a connection of its own (the same core
 * path as "tsudoi-cli restore"): it copies the backup's pages into the
 * database file, so the repository the window holds keeps working on the
 * same path and reads the restored rows at once; the views reload on the
 * "changed" signals the repository sends afterwards. Nothing has to be
 * re-created. While it, or any long work, runs, the window's content and
 * the data actions are insensitive under a busy pointer and its progress
 * dialog, so no edit can race the restore. */

static void
set_busy (TsDataActions *self,
          gboolean       busy)
{
  GtkWidget *content = NULL;

  self->busy = busy;
  if (ADW_IS_APPLICATION_WINDOW (self->window))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self->window));
  /* The toast overlay itself stays sensitive: the result is told there. */
  if (content != NULL && ADW_IS_TOAST_OVERLAY (content))
    content = adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (content));
  if (content != NULL)
    gtk_widget_set_sensitive (content, !busy);
  for (guint i = 0; i < G_N_ELEMENTS (data_action_names); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (
                                   G_ACTION_MAP (self), data_action_names[i])), !busy);
  /* A busy pointer, not a toast: dismissing a toast while libadwaita
   * 1.2 still shows it crashed under test. */
  gtk_widget_set_cursor_from_name (self->window, busy ? "progress" : NULL);
}

static void
restore_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Reply) reply = user_data;
  TsDataActions *self = reply->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_name = NULL;
  g_autofree char *text = NULL;

  if (!ts_backup_restore_finish (TS_REPOSITORY (source), result, &aside, &error))
    {
      show_failure (self, _("Nothing Was Restored"), _("Restore cancelled"), error);
      return;
    }
  aside_name = g_path_get_basename (aside);
  text = g_strdup_printf (_("Restored. The data as it was is kept in “%s”."), aside_name);
  show_toast (self, text);
}

static void
start_restore (TsDataActions *self,
               const char    *backup_path)
{
  Reply *reply = reply_new_shown (self, backup_path, _("Restore From a Backup"));

  ts_backup_restore_async (self->repository, backup_path, reply->progress, reply->cancellable,
                           restore_done, reply);
}

/* Which backup a confirmation is about. */
typedef struct {
  TsDataActions *self;
  char          *backup_path;
} Confirmation;

static void
confirmation_free (gpointer  data,
                   GClosure *closure)
{
  Confirmation *confirmation = data;

  g_object_unref (confirmation->self);
  g_free (confirmation->backup_path);
  g_free (confirmation);
}

static void
on_restore_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Confirmation     *confirmation)
{
  if (g_str_equal (response, "restore"))
    start_restore (confirmation->self, confirmation->backup_path);
}

/* "saved on 2017年8月24日(木) 19:00", from the file's own time. */
static char *
backup_saved_at (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (info == NULL || (utc = g_file_info_get_modification_date_time (info)) == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  day = ts_date_format_day (local);
  time = ts_date_format_time (local);
  /* Translators: a day and a time of day, such as 2017年8月24日(木) 19:00. */
  return g_strdup_printf (_("%1$s %2$s"), day, time);
}

static char *
restore_body (TsDataActions *self,
              const char    *backup_path)
{
  g_autofree char *name = g_path_get_basename (backup_path);
  g_autofree char *saved = backup_saved_at (backup_path);
  g_autofree char *folder = g_path_get_dirname (database_path (self));
  g_autofree char *base = g_path_get_basename (database_path (self));
  g_autofree char *what = NULL;
  int n_members = 0;

  if (ts_backup_count_members (backup_path, &n_members) && saved != NULL)
    what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The backup “%1$s”, saved on %2$s with %3$d member, "
                                         "will replace everything in Tsudoi.",
                                         "The backup “%1$s”, saved on %2$s with %3$d members, "
                                         "will replace everything in Tsudoi.",
                                         n_members),
                            name, saved, n_members);
  else if (saved != NULL)
    what = g_strdup_printf (_("The backup “%1$s”, saved on %2$s, will replace everything "
                              "in Tsudoi."), name, saved);
  else
    what = g_strdup_printf (_("The backup “%s” will replace everything in Tsudoi."), name);
  /* Translators: %1$s is the sentence above, %2$s a folder, %3$s the
   * database's file name. */
  return g_strdup_printf (_("%1$s Changes made since then will no longer be shown.\n\n"
                            "The current data is first kept aside, as a copy in the folder "
                            "“%2$s” whose name begins with “%3$s.before-restore-”."),
                          what, folder, base);
}

static GtkWidget *
confirm_restore (TsDataActions *self,
                 const char    *backup_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Confirmation *confirmation;

  if (!ts_backup_check_file (backup_path, &error))
    {
      show_error (self, _("This File Cannot Be Restored"), error);
      return NULL;
    }
  body = restore_body (self, backup_path);
  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), _("Restore From This Backup?"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  confirmation = g_new0 (Confirmation, 1);
  confirmation->self = g_object_ref (self);
  confirmation->backup_path = g_strdup (backup_path);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_restore_response), confirmation,
                         confirmation_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
restore_file_chosen (TsDataActions  *self,
                     GtkFileChooser *chooser,
                     GFile          *file,
                     gint64          id)
{
  confirm_restore (self, g_file_peek_path (file));
}

static void
restore_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  choose_file (user_data, GTK_FILE_CHOOSER_ACTION_OPEN, _("Restore From a Backup"), _("_Open"),
               NULL, FALSE, restore_file_chosen, 0);
}

GtkWidget *
ts_data_actions_confirm_restore (TsDataActions *self,
                                 const char    *backup_path)
{
  g_return_val_if_fail (TS_IS_DATA_ACTIONS (self), NULL);

  return confirm_restore (self, backup_path);
}

gboolean
ts_data_actions_is_busy (TsDataActions *self)
{
  g_return_val_if_fail (TS_IS_DATA_ACTIONS (self), FALSE);

  return self->busy;
}

/* ---- installing ------------------------------------------------------------- */

static guint
backups_to_keep (void)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  /* An uninstalled run may have no schema: keep the default then. */
  if (source == NULL || (schema = g_settings_schema_source_lookup (source, APP_ID, TRUE)) == NULL ||
      !g_settings_schema_has_key (schema, "backup-keep"))
    return TS_BACKUP_DEFAULT_KEEP;
  settings = g_settings_new (APP_ID);
  return MAX (g_settings_get_int (settings, "backup-keep"), 1);
}

TsDataActions *
ts_data_actions_install (GtkWidget    *window,
                         TsRepository *repository)
{
  const GActionEntry entries[] = {
    { "import-members", import_members_activated, NULL, NULL, NULL },
    { "import-file", import_file_activated, "ay", NULL, NULL },
    { "import-registrations", import_registrations_activated, "x", NULL, NULL },
    { "export-members", export_members_activated, NULL, NULL, NULL },
    { "export-attendees", export_attendees_activated, "x", NULL, NULL },
    { "export-grid", export_grid_activated, "x", NULL, NULL },
    { "back-up", back_up_activated, NULL, NULL, NULL },
    { "restore", restore_activated, NULL, NULL, NULL },
  };
  g_autoptr(TsDataActions) self = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (TS_IS_REPOSITORY (repository), NULL);

  self = g_object_new (TS_TYPE_DATA_ACTIONS, NULL);
  self->window = window;
  self->repository = g_object_ref (repository);
  self->keep = backups_to_keep ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (window, "data", G_ACTION_GROUP (self));

  /* Once a day at most, in a thread: the window opens at once. */
  folder = ts_backup_default_folder (database_path (self));
  ts_backup_auto_async (repository, folder, self->keep, NULL, auto_backup_done,
                        reply_new (self, NULL));
  return self;
}
