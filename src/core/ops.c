/* Pruning and operational figures (see ops.h). */
#include "core/ops.h"

#include <string.h>

#include "core/notify.h"
#include "core/session.h"
#include "store/db.h"
#include "util/log.h"

/* Runs a DELETE with one cut-off time and adds the number of rows it removed to *n. */
static int prune_rows(sqlite3 *w, const char *sql, int64_t cutoff, int64_t *n)
{
	if (db_execf(w, sql, "i", cutoff) < 0)
		return -1;
	*n += sqlite3_changes(w);
	return 0;
}

int ops_prune(struct db *db, const struct prune_config *cfg, int64_t now, struct prune_counts *out)
{
	memset(out, 0, sizeof *out);
	sqlite3 *w = db_write_begin(db);
	if (!w)
		return -1;
	/* The same limits as session_lookup: idle, or past the absolute lifetime. */
	if (db_execf(w, "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?", "ii",
		     now - SESSION_IDLE_SECONDS, now - SESSION_ABSOLUTE_SECONDS) < 0)
		goto fail;
	out->sessions = sqlite3_changes(w);
	if (cfg->login_attempts_days > 0 &&
	    prune_rows(w, "DELETE FROM login_attempts WHERE at < ?",
		       now - (int64_t)cfg->login_attempts_days * 86400, &out->login_attempts) < 0)
		goto fail;
	/* Their delivery attempts go with them (ON DELETE CASCADE). */
	if (cfg->sent_mail_days > 0 &&
	    prune_rows(w, "DELETE FROM outbox WHERE state = 'sent' AND sent_at < ?",
		       now - (int64_t)cfg->sent_mail_days * 86400, &out->sent_mail) < 0)
		goto fail;
	if (cfg->read_notifications_days > 0 &&
	    prune_rows(w, "DELETE FROM notifications WHERE read_at IS NOT NULL AND read_at < ?",
		       now - (int64_t)cfg->read_notifications_days * 86400, &out->notifications) < 0)
		goto fail;
	return db_write_commit(db);
fail:
	db_write_rollback(db);
	log_error("pruning old rows failed; nothing was removed");
	return -1;
}

int ops_stats(sqlite3 *c, int64_t now, struct ops_stats *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(c, "SELECT state, COUNT(*) FROM requests GROUP BY state");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int s = workflow_state_parse((const char *)sqlite3_column_text(st, 0));
		if (s >= 0)
			out->requests[s] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	out->queue = out->requests[WF_SUBMITTED] + out->requests[WF_IN_REVIEW];
	int64_t oldest = 0;
	if (out->queue &&
	    db_int(c, &oldest, "SELECT COALESCE(MIN(submitted_at), 0) FROM requests"
			       " WHERE state IN ('submitted', 'in_review')", "") < 0)
		return -1;
	out->queue_oldest_age = oldest && now > oldest ? now - oldest : 0;
	/* The outbox's counts per state, without any of its rows. */
	struct outbox_list ol;
	rc = notify_outbox_list(c, NULL, 1, 0, &ol);
	out->outbox_pending = ol.pending;
	out->outbox_sent = ol.sent;
	out->outbox_failed = ol.failed;
	outbox_list_free(&ol);
	return rc;
}
