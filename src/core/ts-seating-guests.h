/* ts-seating-guests.h: the people of an event, as the seating planner
 * and the table plan need them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-regulars.h"
#include "ts-repository.h"
#include "ts-seating.h"

G_BEGIN_DECLS

typedef struct {
  gint64             member_id;
  char              *name;          /* family name first, U+3000 between */
  char              *organization;  /* as typed */
  char              *profession;
  TsConsent          consent;
  TsAttendanceStatus status;
  TsAttendanceRole   role;
  TsRegularsMark     mark;          /* at this event, from the chapter's history */
  guint              table;         /* as stored, 1-based; 0 when not seated */
  gboolean           locked;
} TsSeatingGuest;

typedef struct {
  gint64            event_id;
  guint             n_tables;       /* as stored with the event; 0 when never planned */
  guint             seats;
  guint             n_guests;
  TsSeatingGuest   *guests;         /* registered, present and walk-ins, in 五十音順 */
  TsSeatingPerson  *people;         /* the same, as the planner takes them */
} TsSeatingGuests;

TsSeatingGuests *ts_seating_guests_load (TsRepository     *repository,
                                         gint64            event_id,
                                         GError          **error);
void             ts_seating_guests_free (TsSeatingGuests  *guests);
guint           *ts_seating_guests_stored_tables (const TsSeatingGuests *guests);
gboolean         ts_seating_guests_save (TsRepository           *repository,
                                         const TsSeatingGuests  *guests,
                                         const guint            *tables,
                                         const TsSeatingOptions *options,
                                         GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsSeatingGuests, ts_seating_guests_free)

G_END_DECLS
