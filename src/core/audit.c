/* The audit trail (see audit.h): appending entries inside the caller's transaction, and the
 * filtered, keyset-paged listing that the request page and /admin/audit show. The table itself
 * refuses UPDATE and DELETE (migrations/004_audit_comments.sql). */
#include "core/audit.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "util/buf.h"
#include "util/log.h"
#include "util/xmalloc.h"

/* s cut to at most max bytes without splitting a UTF-8 sequence (malloc'd; "" for NULL). */
static char *cut(const char *s, size_t max)
{
	if (!s)
		return xstrdup("");
	size_t n = strlen(s);
	if (n <= max)
		return xstrdup(s);
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return xstrndup(s, n);
}

int audit_log(sqlite3 *w, int64_t actor, const char *action, const char *object_type,
	      int64_t object_id, const char *detail, const char *client, int64_t now)
{
	if (!action || !*action || !object_type || !*object_type) {
		log_error("audit_log: action and object type are required");
		return -1;
	}
	/* Details can carry what a visitor typed (the e-mail of a failed login): bounded, so that
	 * nobody can fill the log with megabytes per attempt. */
	char *d = cut(detail, AUDIT_DETAIL_MAX);
	char *cl = cut(client, AUDIT_CLIENT_MAX);
	int rc = db_execf(w, "INSERT INTO audit_log (at, actor_id, action, object_type, object_id,"
			     " detail, client) VALUES (?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?, ?)",
			  "iittitt", now, actor, action, object_type, object_id, d, cl);
	free(d);
	free(cl);
	return rc;
}

int audit_logf(sqlite3 *w, int64_t actor, const char *action, const char *object_type,
	       int64_t object_id, const char *client, int64_t now, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *detail = NULL;
	int n = vasprintf(&detail, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort(); /* out of memory, as xmalloc would */
	int rc = audit_log(w, actor, action, object_type, object_id, detail, client, now);
	free(detail);
	return rc;
}

int audit_name_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 1 || n > AUDIT_NAME_MAX)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

int audit_query(sqlite3 *c, const struct audit_filter *f, struct audit_list *out)
{
	memset(out, 0, sizeof *out);
	int limit = f->limit < 1 ? 1 : f->limit > AUDIT_PAGE_MAX ? AUDIT_PAGE_MAX : f->limit;
	struct buf sql = BUF_INIT;
	struct db_params b;
	memset(&b, 0, sizeof b);
	/* Only fixed text goes into the statement; every value is a ? parameter. */
	buf_puts(&sql, "SELECT a.id, a.at, a.actor_id, u.name, u.email, a.action, a.object_type,"
		       " a.object_id, a.detail, a.client"
		       " FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE 1 = 1");
	if (f->actor_id) {
		buf_puts(&sql, " AND a.actor_id = ?");
		db_param_int(&b, f->actor_id);
	}
	if (f->actor_email && *f->actor_email) {
		buf_puts(&sql, " AND a.actor_id = (SELECT id FROM users WHERE email = ?)");
		db_param_text(&b, f->actor_email);
	}
	if (f->action && *f->action) {
		buf_puts(&sql, " AND a.action = ?");
		db_param_text(&b, f->action);
	}
	if (f->object_type && *f->object_type) {
		buf_puts(&sql, " AND a.object_type = ?");
		db_param_text(&b, f->object_type);
	}
	if (f->object_id) {
		buf_puts(&sql, " AND a.object_id = ?");
		db_param_int(&b, f->object_id);
	}
	if (f->from) {
		buf_puts(&sql, " AND a.at >= ?");
		db_param_int(&b, f->from);
	}
	if (f->until) {
		buf_puts(&sql, " AND a.at < ?");
		db_param_int(&b, f->until);
	}
	if (f->before) {
		buf_puts(&sql, " AND a.id < ?");
		db_param_int(&b, f->before);
	}
	buf_puts(&sql, " ORDER BY a.id DESC LIMIT ?");
	db_param_int(&b, limit + 1);
	sqlite3_stmt *st = db_prepare_params(c, buf_str(&sql), &b);
	buf_free(&sql);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == limit) {
			out->more = 1;
			break;
		}
		struct audit_entry *e = XPUSH(out->items, out->n);
		e->id = sqlite3_column_int64(st, 0);
		e->at = sqlite3_column_int64(st, 1);
		e->actor_id = sqlite3_column_int64(st, 2);
		e->actor_name = db_col_text(st, 3);
		e->actor_email = db_col_text(st, 4);
		e->action = db_col_text(st, 5);
		e->object_type = db_col_text(st, 6);
		e->object_id = sqlite3_column_int64(st, 7);
		e->detail = db_col_text(st, 8);
		e->client = db_col_text(st, 9);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		log_error("audit_query: %s", sqlite3_errmsg(c));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

void audit_list_free(struct audit_list *l)
{
	for (int i = 0; i < l->n; i++) {
		struct audit_entry *e = &l->items[i];
		free(e->actor_name);
		free(e->actor_email);
		free(e->action);
		free(e->object_type);
		free(e->detail);
		free(e->client);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}
