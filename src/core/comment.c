/* Comments and internal notes on requests (see comment.h): cleaning what was typed, storing it
 * with its audit entry in one transaction, and reading a thread with or without the notes. */
#include "core/comment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/user.h"
#include "store/db.h"
#include "util/log.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *comment_clean(const char *raw, const char **why)
{
	*why = NULL;
	if (!raw)
		raw = "";
	while (*raw && is_space(*raw))
		raw++;
	size_t n = strlen(raw);
	while (n > 0 && is_space(raw[n - 1]))
		n--;
	if (n == 0) {
		*why = "Tuliskan komentar terlebih dahulu.";
		return NULL;
	}
	/* Browsers send textarea line breaks as CR LF; one form is stored. */
	char *out = xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (raw[i] == '\r') {
			out[k++] = '\n';
			if (i + 1 < n && raw[i + 1] == '\n')
				i++;
		} else {
			out[k++] = raw[i];
		}
	}
	out[k] = '\0';
	if (utf8_length(out) > COMMENT_MAX) {
		free(out);
		*why = "Komentar paling banyak 4000 karakter.";
		return NULL;
	}
	return out;
}

int64_t comment_add(sqlite3 *w, int64_t request_id, int64_t author, const char *body,
		    int internal, const char *client, int64_t now)
{
	if (db_execf(w, "INSERT INTO comments (request_id, author_id, body, internal, created_at)"
			" VALUES (?, ?, ?, ?, ?)",
		     "iitii", request_id, author, body, (int64_t)(internal ? 1 : 0), now) < 0)
		return -1;
	int64_t id = db_last_id(w);
	/* The audit entry names the comment, not its text: the trail is read by admins, and an
	 * internal note stays where its readers are. */
	char detail[48];
	snprintf(detail, sizeof detail, "comment %lld", (long long)id);
	if (audit_log(w, author, internal ? "internal_note" : "comment", "request", request_id,
		      detail, client, now) < 0)
		return -1;
	return id;
}

/* Two constant statements: the contributors' one cannot return a note whatever else goes wrong,
 * and only with_internal == 1 picks the other. */
static const char *const list_sql[2] = {
	"SELECT c.id, c.request_id, c.author_id, u.name, u.role, c.body, c.internal, c.created_at"
	" FROM comments c JOIN users u ON u.id = c.author_id"
	" WHERE c.request_id = ? AND c.internal = 0 ORDER BY c.id",
	"SELECT c.id, c.request_id, c.author_id, u.name, u.role, c.body, c.internal, c.created_at"
	" FROM comments c JOIN users u ON u.id = c.author_id"
	" WHERE c.request_id = ? ORDER BY c.id",
};

int comment_list(sqlite3 *c, int64_t request_id, int with_internal, struct comment_list *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_preparef(c, list_sql[with_internal == 1], "i", request_id);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct comment *m = XPUSH(out->items, out->n);
		m->id = sqlite3_column_int64(st, 0);
		m->request_id = sqlite3_column_int64(st, 1);
		m->author_id = sqlite3_column_int64(st, 2);
		m->author_name = db_col_text(st, 3);
		const char *role = (const char *)sqlite3_column_text(st, 4);
		m->author_role = role ? user_role_parse(role) : 0;
		m->body = db_col_text(st, 5);
		m->internal = sqlite3_column_int(st, 6) != 0;
		m->created_at = sqlite3_column_int64(st, 7);
	}
	if (rc != SQLITE_DONE) {
		log_error("comment_list: %s", sqlite3_errmsg(c));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

void comment_list_free(struct comment_list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->items[i].author_name);
		free(l->items[i].body);
	}
	free(l->items);
	memset(l, 0, sizeof *l);
}
