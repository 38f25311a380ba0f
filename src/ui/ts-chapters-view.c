/* ts-chapters-view.c: the network's chapters by region, beside the chosen one.
 *
 * The repository lists chapters in the network's order (regions north to
 * south, then directory order); the list only adds a header where the
 * region changes. A few dozen rows: a GtkListBox bound to the model is
 * enough and gives headers for free. The model is the repository's live
 * one, shared with every chapter list: a write replaces the rows of the
 * chapters it touched (an event's new headcount changes its chapter's
 * counts), and the list box rebuilds those rows only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-accessible.h"
#include "ts-chapter-page.h"
#include "ts-chapters-view.h"
#include "ts-text.h"
#include "ts-ui-util.h"

struct _TsChaptersView
{
  AdwBin              parent_instance;

  TsRepository       *repository;
  GListModel         *chapters;     /* the repository's live model, once shown */
  gint64              pending_id;   /* to show once loaded */
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  char               *query_key;
  gint64              selected_id;

  AdwLeaflet         *leaflet;
  GtkListBox         *list_box;
  GtkSearchEntry     *search_entry;
  TsChapterPage      *chapter_page;
};

G_DEFINE_FINAL_TYPE (TsChaptersView, ts_chapters_view, ADW_TYPE_BIN)

enum {
  CHAPTER_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_chapter (gpointer item,
                gpointer user_data)
{
  TsChaptersView *self = user_data;
  TsChapter *chapter = item;
  g_autofree char *key = NULL;

  if (self->query_key == NULL || *self->query_key == '\0')
    return TRUE;
  key = ts_text_search_key_join ((const char *[]) { chapter->name, chapter->reading,
                                                    chapter->region,
                                                    ts_region_label (chapter->region),
                                                    chapter->prefecture,
                                                    chapter->area, chapter->leader, NULL });
  return ts_text_search_matches (key, self->query_key);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  TsChapter *chapter = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (chapter->name);
  g_autofree char *when = ts_ui_format_day (chapter->next_event);
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  GtkWidget *subtitle;

  if (chapter->next_event && *chapter->next_event)
    /* Translators: %1$s area, %2$s the day of the next event. */
    text = g_strdup_printf (_("%1$s · next %2$s"), chapter->area ? chapter->area : "", when);
  else
    text = g_strdup (chapter->area ? chapter->area : "");
  subtitle = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  label = ts_accessible_join (chapter->name, text, NULL);
  ts_accessible_row (GTK_LIST_BOX_ROW (row), label);
  return row;
}

/* The list box is bound to the filter model: a row's index is its
 * chapter's position there. */
static TsChapter *
dup_row_chapter (TsChaptersView *self,
                 GtkListBoxRow  *row)
{
  /* The list box still lays out its rows while the view is disposed,
   * after the model is gone. */
  if (row == NULL || gtk_list_box_row_get_index (row) < 0 || self->filter_model == NULL)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                gtk_list_box_row_get_index (row));
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  g_autoptr(TsChapter) chapter = dup_row_chapter (user_data, row);
  g_autoptr(TsChapter) previous = dup_row_chapter (user_data, before);
  GtkWidget *header;

  /* While the list box catches up with a change to the model. */
  if (chapter == NULL)
    return;
  if (previous != NULL && g_strcmp0 (previous->region, chapter->region) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (chapter->region && *chapter->region ? ts_region_label (chapter->region)
                                                              : _("Other"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, previous ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_list_box_row_set_header (row, header);
}

static gboolean
select_id (TsChaptersView *self,
           gint64          id)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);
      g_autoptr(TsChapter) chapter = dup_row_chapter (self, row);

      if (row == NULL)
        return FALSE;
      if (chapter != NULL && chapter->id == id)
        {
          gtk_list_box_select_row (self->list_box, row);
          return TRUE;
        }
    }
}

/* After a change to the list (the shared live model of chapters): the
 * chapter shown stays chosen, or gives way to the first. */
static void
on_chapters_changed_cb (TsChaptersView *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list_box);
  g_autoptr(TsChapter) chapter = dup_row_chapter (self, row);
  gint64 selected = self->selected_id;

  if (selected != 0 && (chapter == NULL || chapter->id != selected) && !select_id (self, selected))
    ts_chapter_page_set_chapter (self->chapter_page, 0);
  /* Show something rather than an empty page on first start. */
  if (self->selected_id == 0 || ts_chapter_page_get_chapter_id (self->chapter_page) == 0)
    gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, 0));
}

/* Not before the view is first shown. */
static void
ensure_loaded (TsChaptersView *self)
{
  if (self->chapters != NULL || self->repository == NULL)
    return;
  self->chapters = ts_repository_get_chapters_model (self->repository);
  gtk_filter_list_model_set_model (self->filter_model, self->chapters);
  g_signal_connect_data (self->chapters, "items-changed", G_CALLBACK (on_chapters_changed_cb),
                         self, NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  on_chapters_changed_cb (self);
  if (self->pending_id != 0)
    {
      gint64 id = self->pending_id;

      self->pending_id = 0;
      if (!select_id (self, id))
        gtk_list_box_select_row (self->list_box, gtk_list_box_get_row_at_index (self->list_box, 0));
    }
}

static void
ts_chapters_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ts_chapters_view_parent_class)->map (widget);
  ensure_loaded (TS_CHAPTERS_VIEW (widget));
}

static void
on_search_changed_cb (TsChaptersView *self,
                      GtkSearchEntry *entry)
{
  g_free (self->query_key);
  self->query_key = ts_text_search_key (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  select_id (self, self->selected_id);
}

static void
on_row_selected_cb (TsChaptersView *self,
                    GtkListBoxRow  *row)
{
  g_autoptr(TsChapter) chapter = dup_row_chapter (self, row);

  if (chapter == NULL || chapter->id == self->selected_id)
    return;
  self->selected_id = chapter->id;
  ts_chapter_page_set_chapter (self->chapter_page, chapter->id);
  g_signal_emit (self, signals[CHAPTER_SELECTED], 0, chapter->id);
}

static void
on_row_activated_cb (TsChaptersView *self,
                     GtkListBoxRow  *row)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "chapter");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  adw_leaflet_set_visible_child_name (TS_CHAPTERS_VIEW (widget)->leaflet, "list");
}

static void
ts_chapters_view_dispose (GObject *object)
{
  TsChaptersView *self = TS_CHAPTERS_VIEW (object);

  /* AdwBin unparents its child itself; disposing the template too
   * would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->chapters != NULL)
    g_signal_handlers_disconnect_by_data (self->chapters, self);
  g_clear_object (&self->chapters);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->repository);
  g_clear_pointer (&self->query_key, g_free);
  G_OBJECT_CLASS (ts_chapters_view_parent_class)->dispose (object);
}

static void
ts_chapters_view_class_init (TsChaptersViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ts_chapters_view_dispose;
  widget_class->map = ts_chapters_view_map;

  /**
   * TsChaptersView::chapter-selected:
   * @chapter_id: the chapter now shown
   *
   * Lets the window remember it and point the Regulars view at it.
   */
  signals[CHAPTER_SELECTED] =
    g_signal_new ("chapter-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TS_TYPE_CHAPTER_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tsudoi/Tsudoi/ts-chapters-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TsChaptersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TsChaptersView, list_box);
  gtk_widget_class_bind_template_child (widget_class, TsChaptersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TsChaptersView, chapter_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
}

static void
ts_chapters_view_init (TsChaptersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filter = gtk_custom_filter_new (filter_chapter, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filter_model),
                           create_row, self, NULL);
  gtk_list_box_set_header_func (self->list_box, header_func, self, NULL);
}

void
ts_chapters_view_set_repository (TsChaptersView *self,
                                 TsRepository   *repository)
{
  g_return_if_fail (TS_IS_CHAPTERS_VIEW (self));
  g_return_if_fail (self->repository == NULL);

  self->repository = g_object_ref (repository);
  ts_chapter_page_set_repository (self->chapter_page, repository);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_loaded (self);
}

void
ts_chapters_view_show_chapter (TsChaptersView *self,
                               gint64          chapter_id)
{
  g_return_if_fail (TS_IS_CHAPTERS_VIEW (self));

  if (chapter_id == 0)
    return;
  if (self->chapters == NULL)
    {
      self->pending_id = chapter_id;
      return;
    }
  if (!select_id (self, chapter_id))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      if (!select_id (self, chapter_id))
        return;
    }
  adw_leaflet_set_visible_child_name (self->leaflet, "chapter");
}

gint64
ts_chapters_view_get_chapter_id (TsChaptersView *self)
{
  return self->selected_id;
}
