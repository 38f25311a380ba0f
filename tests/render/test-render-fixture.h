/* test-render-fixture.h: an event with people whose readings are traps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-print-job.h"
#include "ts-repository.h"

G_BEGIN_DECLS

typedef struct {
  const char *family;
  const char *given;
  const char *family_reading;   /* NULL: no reading */
  const char *given_reading;
  const char *consent;
  const char *status;
} TestPerson;

/* Listed people, in the 五十音順 they must print in. */
extern const TestPerson test_people[];
extern const guint      test_n_people;

/* The one who did not consent (see test_fixture_add_people). */
extern const TestPerson test_unlisted;

const TestPerson *test_fixture_print_order (guint     index,
                                            gboolean  with_unlisted);
guint             test_fixture_n_printed   (gboolean  with_unlisted);

void   test_fixture_use_japanese (void);
gint64 test_fixture_event      (TsRepository *repository,
                                const char   *title);
void   test_fixture_add_people (TsRepository *repository,
                                gint64        event_id);
void   test_fixture_add_many   (TsRepository *repository,
                                gint64        event_id,
                                guint         n);
char  *test_fixture_write_pdf  (TsRepository          *repository,
                                gint64                 event_id,
                                const TsPrintOptions  *options,
                                const char            *dir,
                                const char            *name,
                                TsPrintJob           **job_out);

G_END_DECLS
