/* ts-repository.h: every read and write of records, as list models.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-attendance.h"
#include "ts-chapter.h"
#include "ts-database.h"
#include "ts-event.h"
#include "ts-member.h"

G_BEGIN_DECLS

#define TS_REPOSITORY_ERROR (ts_repository_error_quark ())

/* Why an update of a row a person edited was refused. */
typedef enum {
  TS_REPOSITORY_ERROR_CHANGED,  /* another program changed the row meanwhile */
  TS_REPOSITORY_ERROR_GONE,     /* the row was deleted, or is someone else now */
} TsRepositoryError;

#define TS_TYPE_REPOSITORY (ts_repository_get_type ())
G_DECLARE_FINAL_TYPE (TsRepository, ts_repository, TS, REPOSITORY, GObject)

TsRepository *ts_repository_new                 (TsDatabase    *database);
TsDatabase   *ts_repository_get_database        (TsRepository  *self);
void          ts_repository_emit_changed        (TsRepository  *self,
                                                 const char    *table);
void          ts_repository_emit_rows_changed   (TsRepository  *self,
                                                 const char    *table,
                                                 const gint64  *ids,
                                                 guint          n_ids);
void          ts_repository_watch_other_writers (TsRepository  *self,
                                                 guint          interval_ms);
GQuark        ts_repository_error_quark         (void);

/* Chapters, in the network's order of regions, then directory order. */
GListModel   *ts_repository_list_chapters       (TsRepository  *self,
                                                 GError       **error);
TsChapter    *ts_repository_get_chapter         (TsRepository  *self,
                                                 gint64         id,
                                                 GError       **error);
gboolean      ts_repository_save_chapter        (TsRepository  *self,
                                                 TsChapter     *chapter,
                                                 GError       **error);
gboolean      ts_repository_update_chapter      (TsRepository  *self,
                                                 TsChapter     *loaded,
                                                 TsChapter     *edited,
                                                 GError       **error);
gboolean      ts_repository_count_chapters      (TsRepository  *self,
                                                 gint64        *count,
                                                 GError       **error);

/* Events, newest first; chapter_id 0 for every chapter. */
GListModel   *ts_repository_list_events         (TsRepository  *self,
                                                 gint64         chapter_id,
                                                 GError       **error);
TsEvent      *ts_repository_get_event           (TsRepository  *self,
                                                 gint64         id,
                                                 GError       **error);
gboolean      ts_repository_save_event          (TsRepository  *self,
                                                 TsEvent       *event,
                                                 GError       **error);
gboolean      ts_repository_update_event        (TsRepository  *self,
                                                 TsEvent       *loaded,
                                                 TsEvent       *edited,
                                                 GError       **error);

/* Members in 五十音順; search is matched against ts_text_search_key(). */
GListModel   *ts_repository_list_members        (TsRepository  *self,
                                                 const char    *search,
                                                 GError       **error);
GListModel   *ts_repository_list_chapter_members (TsRepository *self,
                                                 gint64         chapter_id,
                                                 GError       **error);
GListModel   *ts_repository_list_referred       (TsRepository  *self,
                                                 gint64         member_id,
                                                 GError       **error);
GListModel   *ts_repository_find_similar_members (TsRepository *self,
                                                 TsMember      *candidate,
                                                 GError       **error);
TsMember     *ts_repository_get_member          (TsRepository  *self,
                                                 gint64         id,
                                                 GError       **error);
gboolean      ts_repository_save_member         (TsRepository  *self,
                                                 TsMember      *member,
                                                 GError       **error);
gboolean      ts_repository_update_member       (TsRepository  *self,
                                                 TsMember      *loaded,
                                                 TsMember      *edited,
                                                 GError       **error);

/* Attendance: one event's list, sorted by reading, members filled in. */
GListModel   *ts_repository_list_attendance     (TsRepository  *self,
                                                 gint64         event_id,
                                                 GError       **error);
GListModel   *ts_repository_list_member_history (TsRepository  *self,
                                                 gint64         member_id,
                                                 GError       **error);
TsAttendance *ts_repository_set_attendance      (TsRepository  *self,
                                                 gint64         event_id,
                                                 gint64         member_id,
                                                 TsAttendanceStatus status,
                                                 GError       **error);
gboolean      ts_repository_save_attendance     (TsRepository  *self,
                                                 TsAttendance  *attendance,
                                                 GError       **error);
gboolean      ts_repository_check_in            (TsRepository  *self,
                                                 gint64         event_id,
                                                 gint64         member_id,
                                                 GError       **error);
TsAttendance *ts_repository_add_walk_in         (TsRepository  *self,
                                                 gint64         event_id,
                                                 TsMember      *member,
                                                 GError       **error);
TsAttendance *ts_repository_add_registrant      (TsRepository  *self,
                                                 gint64         event_id,
                                                 TsMember      *member,
                                                 GError       **error);
gboolean      ts_repository_restore_attendance  (TsRepository  *self,
                                                 TsAttendance  *snapshot,
                                                 GError       **error);
gboolean      ts_repository_remove_attendance   (TsRepository  *self,
                                                 gint64         attendance_id,
                                                 GError       **error);

/* Soft deletes: the row is hidden at once and can be brought back until
 * it is purged, so an Undo toast survives a closed window. */
gboolean      ts_repository_delete              (TsRepository  *self,
                                                 const char    *table,
                                                 gint64         id,
                                                 GError       **error);
gboolean      ts_repository_restore             (TsRepository  *self,
                                                 const char    *table,
                                                 gint64         id,
                                                 GError       **error);
gboolean      ts_repository_purge_deleted       (TsRepository  *self,
                                                 const char    *older_than,
                                                 GError       **error);

/* Live models: one shared object per list, updated in place after every
 * write (see ts-repository-live.c). Each returns a new reference. */
GListModel   *ts_repository_get_chapters_model  (TsRepository  *self);
GListModel   *ts_repository_get_events_model    (TsRepository  *self,
                                                 gint64         chapter_id);
GListModel   *ts_repository_get_attendance_model (TsRepository *self,
                                                 gint64         event_id);

/* Seating (席決め, ts-repository-seating.c): an attendee's table, 1-based
 * (0: not seated), and whether the organizer locked them there. */
typedef struct {
  gint64    member_id;
  guint     table;
  gboolean  locked;
} TsSeat;

gboolean      ts_repository_get_seating_size    (TsRepository  *self,
                                                 gint64         event_id,
                                                 guint         *n_tables,
                                                 guint         *seats,
                                                 GError       **error);
GArray       *ts_repository_read_seating        (TsRepository  *self,
                                                 gint64         event_id,
                                                 GError       **error);
gboolean      ts_repository_save_seating        (TsRepository  *self,
                                                 gint64         event_id,
                                                 guint          n_tables,
                                                 guint          seats_per_table,
                                                 const TsSeat  *seats,
                                                 guint          n_seats,
                                                 GError       **error);
gboolean      ts_repository_set_seat            (TsRepository  *self,
                                                 gint64         event_id,
                                                 const TsSeat  *seat,
                                                 GError       **error);

GStrv         ts_repository_list_professions    (TsRepository  *self,
                                                 GError       **error);
gboolean      ts_repository_add_profession      (TsRepository  *self,
                                                 const char    *name,
                                                 GError       **error);

G_END_DECLS
