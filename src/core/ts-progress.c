/* ts-progress.c: how far a long operation has come, for a progress bar.
 *
 * A worker thread sets "fraction" and "text"; the properties change, and
 * notify, only on the main context of the thread that made the object,
 * so that a widget can be bound to them with g_object_bind_property().
 * Values set from another thread are kept aside under a lock and
 * published by a source on that context, at most 30 times a second
 * however often the worker reports: a loop over 50,000 rows may set the
 * fraction on every row without flooding the main loop. The last value
 * set is always the one published.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "tsudoi-progress"

#include "config.h"

#include "ts-progress.h"

#define PUBLISH_INTERVAL_USEC (G_USEC_PER_SEC / 30)

struct _TsProgress
{
  GObject       parent_instance;

  GMainContext *context;          /* where notifications happen */
  GThread      *thread;           /* the creator's */

  GMutex        lock;             /* guards the four below */
  double        pending_fraction; /* the last values set, from any thread */
  char         *pending_text;
  GSource      *source;           /* a publication due, or NULL */
  gint64        published_at;     /* monotonic time of the last one */

  double        fraction;         /* what readers see, on the context */
  char         *text;
};

G_DEFINE_FINAL_TYPE (TsProgress, ts_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* On the context: makes the pending values the visible ones. */
static void
publish (TsProgress *self)
{
  double fraction;
  g_autofree char *text = NULL;
  GSource *source;

  g_mutex_lock (&self->lock);
  fraction = self->pending_fraction;
  text = g_strdup (self->pending_text);
  source = g_steal_pointer (&self->source);
  self->published_at = g_get_monotonic_time ();
  g_mutex_unlock (&self->lock);

  /* Outside the lock: destroying it drops the reference it held. */
  if (source != NULL)
    {
      g_source_destroy (source);
      g_source_unref (source);
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }
  if (g_strcmp0 (text, self->text) != 0)
    {
      g_free (self->text);
      self->text = g_steal_pointer (&text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static gboolean
on_publish_due (gpointer user_data)
{
  publish (TS_PROGRESS (user_data));
  return G_SOURCE_REMOVE;
}

/* With the lock held: one publication at a time, no sooner than an
 * interval after the last one. The source holds a reference, so that the
 * worker may drop its own before the values are shown. */
static void
schedule_locked (TsProgress *self)
{
  gint64 due = self->published_at + PUBLISH_INTERVAL_USEC;
  gint64 wait = MAX (due - g_get_monotonic_time (), 0);

  if (self->source != NULL)
    return;
  self->source = g_timeout_source_new ((guint) (wait / 1000));
  g_source_set_name (self->source, "[tsudoi] progress");
  g_source_set_callback (self->source, on_publish_due, g_object_ref (self), g_object_unref);
  g_source_attach (self->source, self->context);
}

/* On the context, or in the creator's thread outside a loop iteration,
 * notifications may happen at once; elsewhere they must wait. Returns
 * whether the context must be released afterwards. */
static gboolean
acquire_context (TsProgress *self,
                 gboolean   *here)
{
  *here = g_main_context_is_owner (self->context);
  if (!*here && g_thread_self () == self->thread && g_main_context_acquire (self->context))
    {
      *here = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* From any thread. On the context itself the values show at once. */
static void
update (TsProgress *self,
        gboolean    set_fraction,
        double      fraction,
        gboolean    set_text,
        const char *text)
{
  gboolean here;
  gboolean release = acquire_context (self, &here);

  g_mutex_lock (&self->lock);
  if (set_fraction)
    self->pending_fraction = CLAMP (fraction, 0.0, 1.0);
  if (set_text && g_strcmp0 (text, self->pending_text) != 0)
    {
      g_free (self->pending_text);
      self->pending_text = g_strdup (text);
    }
  if (!here)
    schedule_locked (self);
  g_mutex_unlock (&self->lock);
  if (here)
    publish (self);
  if (release)
    g_main_context_release (self->context);
}

static void
ts_progress_finalize (GObject *object)
{
  TsProgress *self = TS_PROGRESS (object);

  /* Only when the context went away with a publication due. */
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_source_unref (self->source);
    }
  g_main_context_unref (self->context);
  g_thread_unref (self->thread);
  g_mutex_clear (&self->lock);
  g_free (self->pending_text);
  g_free (self->text);
  G_OBJECT_CLASS (ts_progress_parent_class)->finalize (object);
}

static void
ts_progress_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TsProgress *self = TS_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_progress_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TsProgress *self = TS_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      ts_progress_set_fraction (self, g_value_get_double (value));
      break;
    case PROP_TEXT:
      ts_progress_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_progress_class_init (TsProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ts_progress_finalize;
  object_class->get_property = ts_progress_get_property;
  object_class->set_property = ts_progress_set_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_progress_init (TsProgress *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->thread = g_thread_ref (g_thread_self ());
  g_mutex_init (&self->lock);
  self->published_at = G_MININT64 / 2;
}

/* Notifies on the thread-default main context of the calling thread. */
TsProgress *
ts_progress_new (void)
{
  return g_object_new (TS_TYPE_PROGRESS, NULL);
}

/* Read on the creator's context, like the properties. */
double
ts_progress_get_fraction (TsProgress *self)
{
  g_return_val_if_fail (TS_IS_PROGRESS (self), 0.0);
  return self->fraction;
}

const char *
ts_progress_get_text (TsProgress *self)
{
  g_return_val_if_fail (TS_IS_PROGRESS (self), NULL);
  return self->text;
}

void
ts_progress_set_fraction (TsProgress *self,
                          double      fraction)
{
  g_return_if_fail (TS_IS_PROGRESS (self));
  update (self, TRUE, fraction, FALSE, NULL);
}

void
ts_progress_set_text (TsProgress *self,
                      const char *text)
{
  g_return_if_fail (TS_IS_PROGRESS (self));
  update (self, FALSE, 0.0, TRUE, text);
}

/* Both at once, so that a reader never sees the new text with the old
 * fraction. */
void
ts_progress_set (TsProgress *self,
                 double      fraction,
                 const char *text)
{
  g_return_if_fail (TS_IS_PROGRESS (self));
  update (self, TRUE, fraction, TRUE, text);
}

/* Shows what was set last now rather than at the next publication (at
 * an operation's end, before its callback). Elsewhere than on the
 * creator's context it does nothing: a publication is due already. */
void
ts_progress_flush (TsProgress *self)
{
  gboolean here;
  gboolean release;

  g_return_if_fail (TS_IS_PROGRESS (self));
  release = acquire_context (self, &here);
  if (here)
    publish (self);
  if (release)
    g_main_context_release (self->context);
}
