/* Notifications: e-mails written to the outbox in the same transaction as the change that
 * causes them (delivered later by the mail worker), and the in-app list per user. */
#ifndef SIARAN_NOTIFY_H
#define SIARAN_NOTIFY_H
#include <sqlite3.h>
#include <stdint.h>

#include "core/workflow.h"

struct release;

/* After a workflow transition of r (already applied inside w, r->state == to): e-mails the
 * unit's contributors on every state change (with the note or reason), the editors on a new
 * submission or resubmission, and adds in-app notifications. actor 0 = the system.
 * Returns 0 or -1. */
int notify_transition(sqlite3 *w, const struct release *r, enum wf_action action,
		      enum wf_state from, enum wf_state to, int64_t actor, const char *note,
		      int64_t now);
/* After request r was assigned to editor `assignee` by `actor` (inside w). Returns 0 or -1. */
int notify_assigned(sqlite3 *w, const struct release *r, int64_t assignee, int64_t actor,
		    int64_t now);
/* Unread in-app notifications of a user; 0 on any error. */
int64_t notify_unread_count(sqlite3 *c, int64_t user_id);

#endif
