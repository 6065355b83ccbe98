/* Notifications: e-mails written to the outbox in the same transaction as the change that causes
 * them (delivered later by the mail worker, core/mailer.h), the in-app list per user, and the
 * outbox listing for admins. */
#ifndef SIARAN_NOTIFY_H
#define SIARAN_NOTIFY_H
#include <sqlite3.h>
#include <stdint.h>

#include "core/workflow.h"

struct release;

/* Turns notifications on: base_url (no trailing slash) makes the links in e-mails absolute,
 * from_address names the host in Message-IDs. Strings are copied; may be called again (the last
 * call wins) and from any thread. Until the first call nothing is recorded: the command line
 * (demo data, unit tests) writes neither e-mails nor in-app notifications. */
void notify_init(const char *base_url, const char *from_address);
/* Frees what notify_init copied; notifications are off again. */
void notify_shutdown(void);

/* After a workflow transition of r (already applied inside w, r->state == to): e-mails and
 * in-app notifications for the unit's active contributors on every state change (with the note
 * or reason), and for the active editors on a submission or resubmission. The actor is never
 * notified of its own action. actor 0 = the system. Returns 0 or -1. */
int notify_transition(sqlite3 *w, const struct release *r, enum wf_action action,
		      enum wf_state from, enum wf_state to, int64_t actor, const char *note,
		      int64_t now);
/* After request r was assigned to editor `assignee` by `actor` (inside w): an e-mail and an
 * in-app notification for the assignee, unless it assigned itself. Returns 0 or -1. */
int notify_assigned(sqlite3 *w, const struct release *r, int64_t assignee, int64_t actor,
		    int64_t now);
/* An e-mail to a user with a one-time link to set a password (invite 1: a new account, else a
 * reset an admin started), written to the outbox inside w and marked sensitive: the mail worker
 * blanks its body once it is sent or has failed. The link is the base URL +
 * "/set-password?token=" + token. Returns 0, or -1 (also when notifications are off). */
int notify_password_link(sqlite3 *w, int64_t user_id, const char *email, const char *name,
			 const char *token, int invite, int64_t expires_at, int64_t now);
/* What a sensitive message's body reads after delivery. */
#define OUTBOX_REDACTED "(isi dihapus setelah pengiriman: pesan ini memuat tautan sekali pakai)"

/* Unread in-app notifications of a user; 0 on any error. */
int64_t notify_unread_count(sqlite3 *c, int64_t user_id);

struct notification {
	int64_t id, request_id; /* request_id 0 when the request is gone */
	int64_t created_at, read_at; /* read_at 0 while unread */
	char *text;
};

struct notification_list {
	struct notification *items;
	int n;
	int more; /* there are older ones after the last item */
};

/* A user's notifications, newest first: up to limit of them with an id below before (0 = from
 * the newest). Returns 0 or -1; free with notification_list_free (also after -1). */
int notify_list(sqlite3 *c, int64_t user_id, int64_t before, int limit,
		struct notification_list *out);
void notification_list_free(struct notification_list *l);

/* Marks the user's notification id read (id 0: all of them), inside w. Returns how many
 * changed (0 when id is not the user's or already read), or -1. */
int notify_mark_read(sqlite3 *w, int64_t user_id, int64_t id, int64_t now);

struct outbox_item {
	int64_t id, attempts, created_at, next_attempt_at, sent_at;
	char *to_addr, *subject, *state, *last_error; /* last_error NULL when none */
};

struct outbox_list {
	struct outbox_item *items;
	int n;
	int64_t total;                  /* rows matching the state filter */
	int64_t pending, sent, failed;  /* rows per state, over the whole outbox */
};

/* A page of the outbox, newest first. state: "pending", "sent", "failed" or NULL for all.
 * Returns 0 or -1; free with outbox_list_free (also after -1). */
int notify_outbox_list(sqlite3 *c, const char *state, int page, int per_page,
		       struct outbox_list *out);
void outbox_list_free(struct outbox_list *l);

#endif
