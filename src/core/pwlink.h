/* One-time links to set a password: an invitation for a new user or a reset an admin starts.
 * A link carries a 256-bit random token; only its SHA-256 is stored. It works once, for
 * PWLINK_TTL_SECONDS, and a newer link for the same user revokes the older ones. */
#ifndef SIARAN_PWLINK_H
#define SIARAN_PWLINK_H
#include <sqlite3.h>
#include <stdint.h>

#include "core/session.h"

struct db;

#define PWLINK_TTL_SECONDS (72 * 3600)

enum pwlink_purpose { PWLINK_INVITE, PWLINK_RESET };

/* Creates a link for user_id inside w, revoking the user's open ones, with an audit entry by
 * actor. Writes the token (for the URL /set-password?token=...) to token_out and its expiry to
 * *expires_at. Returns 0 or -1. */
int pwlink_create(sqlite3 *w, int64_t user_id, enum pwlink_purpose purpose, int64_t actor,
		  const char *client, int64_t now, char token_out[TOKEN_HEX_LEN + 1],
		  int64_t *expires_at);

enum pwlink_state {
	PWLINK_OPEN,    /* can be used */
	PWLINK_UNKNOWN, /* malformed, or no such link */
	PWLINK_USED,    /* used already, or revoked (a newer link, a deactivation) */
	PWLINK_EXPIRED,
};

struct pwlink {
	int64_t user_id, expires_at;
	enum pwlink_purpose purpose;
	char *email, *name; /* the user's; free with pwlink_clear */
};
void pwlink_clear(struct pwlink *l);

/* What token is now. On PWLINK_OPEN *out is filled (clear it with pwlink_clear). Returns the
 * state, or -1 on a database error. */
int pwlink_find(sqlite3 *c, const char *token, int64_t now, struct pwlink *out);

/* Sets password (already checked against the policy) through the link: the hash is computed
 * outside the writer, then one transaction checks the link is still open, marks it used, stores
 * the hash, ends every session of the user and writes the audit entry. Returns PWLINK_OPEN when
 * done (with *user_id), another state when the link no longer works, or -1 on error. */
int pwlink_use(struct db *db, const char *token, const char *password, const char *client,
	       int64_t now, int64_t *user_id);

#endif
