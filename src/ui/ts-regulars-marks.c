/* ts-regulars-marks.c: the regulars settings and marks as the views show them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-regulars-marks.h"
#include "ts-settings.h"

/* The one place the thresholds are read: the Regulars page, the marks
 * on event and member pages and the printed 常連 marks all count alike. */
void
ts_ui_regulars_options_from_settings (GSettings         *settings,
                                      TsRegularsOptions *options)
{
  ts_regulars_options_init (options);
  options->min_present = g_settings_get_uint (settings, "regulars-min-present");
  options->window = g_settings_get_uint (settings, "regulars-window");
  options->lapse_after = g_settings_get_uint (settings, "regulars-lapse-after");
}

void
ts_ui_regulars_options_init (GtkWidget         *widget,
                             TsRegularsOptions *options)
{
  g_autoptr(GSettings) settings = ts_settings_dup_for_widget (widget);

  ts_ui_regulars_options_from_settings (settings, options);
}

/* Loaded once per display, the first time a mark is made, so that every
 * view (and the tests, which build views without the application) gets it. */
static void
ensure_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/tsudoi/Tsudoi/ts-regulars-marks.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static const char *
mark_description (TsRegularsMark mark)
{
  switch (mark)
    {
    case TS_REGULARS_MARK_FIRST_TIMER:
      return _("First time at this chapter");
    case TS_REGULARS_MARK_RETURNING:
      return _("Back after three months or more");
    case TS_REGULARS_MARK_REGULAR:
      return _("Regular at this chapter");
    case TS_REGULARS_MARK_NONE:
    default:
      return NULL;
    }
}

static const char *
mark_class (TsRegularsMark mark)
{
  switch (mark)
    {
    case TS_REGULARS_MARK_FIRST_TIMER: return "first-timer";
    case TS_REGULARS_MARK_RETURNING:   return "returning";
    case TS_REGULARS_MARK_REGULAR:     return "regular";
    case TS_REGULARS_MARK_NONE:
    default:                           return NULL;
    }
}

/* The description comes when the tooltip is about to show: setting a
 * tooltip's text makes GTK ask where the pointer is, two round trips to
 * an X server, which was most of the time spent binding a row of the
 * event page. The mark is the label's class. */
static gboolean
on_query_tooltip_cb (GtkWidget  *label,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    unused)
{
  for (TsRegularsMark mark = TS_REGULARS_MARK_FIRST_TIMER; mark <= TS_REGULARS_MARK_REGULAR; mark++)
    if (gtk_widget_has_css_class (label, mark_class (mark)))
      {
        gtk_tooltip_set_text (tooltip, mark_description (mark));
        return TRUE;
      }
  return FALSE;
}

GtkWidget *
ts_ui_regulars_mark_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  ensure_style ();
  gtk_widget_add_css_class (label, "regulars-mark");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (label, FALSE);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  return label;
}

void
ts_ui_regulars_mark_label_set (GtkWidget      *label,
                               TsRegularsMark  mark)
{
  const char *klass = mark_class (mark);

  g_return_if_fail (GTK_IS_LABEL (label));

  if (klass != NULL && gtk_widget_has_css_class (label, klass))
    return;
  for (TsRegularsMark other = TS_REGULARS_MARK_FIRST_TIMER; other <= TS_REGULARS_MARK_REGULAR; other++)
    gtk_widget_remove_css_class (label, mark_class (other));
  gtk_widget_set_visible (label, klass != NULL);
  if (klass == NULL)
    return;
  gtk_widget_add_css_class (label, klass);
  gtk_label_set_text (GTK_LABEL (label), ts_regulars_mark_label (mark));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, mark_description (mark),
                                  -1);
}

GtkWidget *
ts_ui_regulars_mark_new (TsRegularsMark mark)
{
  GtkWidget *label;

  if (mark == TS_REGULARS_MARK_NONE)
    return NULL;
  label = ts_ui_regulars_mark_label_new ();
  ts_ui_regulars_mark_label_set (label, mark);
  return label;
}
