/* Operations on the data as a whole: pruning rows nobody needs any more (expired sessions, old
 * login attempts, sent e-mail, read notifications) and the figures /metrics reports. */
#ifndef SIARAN_OPS_H
#define SIARAN_OPS_H
#include <sqlite3.h>
#include <stdint.h>

#include "core/workflow.h"

struct db;

/* How long rows are kept, in days; 0 keeps them for ever. Expired sessions always go. */
struct prune_config {
	int login_attempts_days; /* the login throttle looks back one hour; audit_log keeps logins */
	int sent_mail_days;      /* outbox rows in state sent (with their attempts); pending and
				    failed ones are never pruned */
	int read_notifications_days; /* in-app notifications read this long ago */
};

struct prune_counts {
	int64_t sessions, login_attempts, sent_mail, notifications;
};

#define PRUNE_DEFAULT_INTERVAL 3600
#define PRUNE_DEFAULT_LOGIN_ATTEMPTS_DAYS 30
#define PRUNE_DEFAULT_SENT_MAIL_DAYS 30
#define PRUNE_DEFAULT_READ_NOTIFICATIONS_DAYS 90

/* Deletes, in one write transaction, the sessions past their idle or absolute expiry at now and
 * the rows older than cfg allows. Returns 0 with *out filled, or -1 (rolled back, logged). */
int ops_prune(struct db *db, const struct prune_config *cfg, int64_t now, struct prune_counts *out);

struct ops_stats {
	int64_t requests[WF_NSTATES];  /* requests per workflow state (enum wf_state) */
	int64_t queue;                  /* waiting for review: submitted and in_review */
	int64_t queue_oldest_age;       /* seconds since the oldest of them was submitted, 0 if none */
	int64_t outbox_pending, outbox_sent, outbox_failed;
};

/* Reads the figures on the read connection c. Returns 0 or -1. */
int ops_stats(sqlite3 *c, int64_t now, struct ops_stats *out);

#endif
