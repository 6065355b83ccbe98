/* The conversation on a request: comments between the unit's contributors and the editors, and
 * the editors' internal notes, which only staff ever read. Every comment is also an audit
 * entry. */
#ifndef SIARAN_COMMENT_H
#define SIARAN_COMMENT_H
#include <sqlite3.h>
#include <stdint.h>

#define COMMENT_MAX 4000 /* characters, after trimming */

struct comment {
	int64_t id, request_id, author_id, created_at;
	char *author_name;
	int author_role; /* ROLE_*, 0 when unknown */
	char *body;
	int internal;    /* 1: an editors' note, never shown to contributors */
};
struct comment_list {
	struct comment *items;
	int n;
};

/* Cleans a comment as typed: surrounding white space removed, CR LF and lone CR made LF.
 * Returns the malloc'd text, or NULL with *why an Indonesian message (empty, too long).
 * raw may be NULL (an absent field: empty). */
char *comment_clean(const char *raw, const char **why);

/* Adds a comment to request_id inside the caller's write transaction w, with its audit entry
 * ("comment" or "internal_note" on the request). body: from comment_clean. Whether the author
 * may write an internal note is the caller's check. Returns the new id (> 0) or -1. */
int64_t comment_add(sqlite3 *w, int64_t request_id, int64_t author, const char *body,
		    int internal, const char *client, int64_t now);

/* The comments of a request, oldest first. with_internal = 0 leaves internal notes out in the
 * query itself (the contributors' view). Returns 0 or -1; free out with comment_list_free in
 * both cases. */
int comment_list(sqlite3 *c, int64_t request_id, int with_internal, struct comment_list *out);
void comment_list_free(struct comment_list *l);

#endif
