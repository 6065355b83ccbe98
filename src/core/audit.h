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

/* audit_log with the detail formatted like printf. */
int audit_logf(sqlite3 *w, int64_t actor, const char *action, const char *object_type,
	       int64_t object_id, const char *client, int64_t now, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

/* Longest detail and client kept (bytes; longer text is cut at a character boundary). */
#define AUDIT_DETAIL_MAX 500
#define AUDIT_CLIENT_MAX 64
/* Longest action or object type a filter accepts. */
#define AUDIT_NAME_MAX 32
#define AUDIT_PAGE_MAX 200

/* One entry as listings show it. actor_name/actor_email NULL for the system or an unknown user;
 * object_id 0 when none. */
struct audit_entry {
	int64_t id, at, actor_id, object_id;
	char *actor_name, *actor_email, *action, *object_type, *detail, *client;
};
struct audit_list {
	struct audit_entry *items;
	int n;
	int more; /* 1 when entries older than the last one match too */
};

/* What to list; zero / NULL fields do not filter. Entries come newest first (by id). */
struct audit_filter {
	int64_t actor_id;
	const char *actor_email; /* the actor's e-mail (exact, case-insensitive) */
	const char *action, *object_type;
	int64_t object_id;
	int64_t from, until;     /* at >= from, at < until */
	int64_t before;          /* keyset: only ids below this (the last id of the previous page) */
	int limit;               /* 1..AUDIT_PAGE_MAX */
};

/* Whether s can be an action or object type ([a-z0-9_-], 1..AUDIT_NAME_MAX characters). */
int audit_name_valid(const char *s);
/* Lists entries. Returns 0 or -1; free out with audit_list_free in both cases. */
int audit_query(sqlite3 *c, const struct audit_filter *f, struct audit_list *out);
void audit_list_free(struct audit_list *l);

#endif
