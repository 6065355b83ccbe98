/* The audit trail: an append-only log of every transition, edit, comment, login (success and
 * failure), role or unit change, with actor, time and client address. Nothing in the
 * application updates or deletes it (the database refuses it too, with triggers). */
#ifndef SIARAN_AUDIT_H
#define SIARAN_AUDIT_H
#include <sqlite3.h>
#include <stdint.h>

/* Appends one entry inside the caller's write transaction w. actor 0 = the system (scheduler,
 * command line) or an unknown user (a failed login: put the e-mail in detail). object_type:
 * "request", "user", "unit", "session"...; object_id 0 when none. action: a short verb such as
 * "submit", "edit", "comment", "login", "login_failed", "role_change". detail: free text shown
 * to admins (never a password or token). client: the peer address or "cli"/"scheduler".
 * Returns 0 or -1. */
int audit_log(sqlite3 *w, int64_t actor, const char *action, const char *object_type,
	      int64_t object_id, const char *detail, const char *client, int64_t now);

#endif
