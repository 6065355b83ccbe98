/* Passwords (argon2id through libsodium), sessions (random tokens stored only as hashes, idle
 * and absolute expiry), CSRF tokens, and the login throttle. */
#ifndef SIARAN_SESSION_H
#define SIARAN_SESSION_H
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

struct db;

#define PASSWORD_HASH_MAX 128 /* crypto_pwhash_STRBYTES */
#define TOKEN_HEX_LEN 64      /* 256-bit tokens as hex */
#define SESSION_IDLE_SECONDS (30 * 60)
#define SESSION_ABSOLUTE_SECONDS (12 * 3600)

/* Throttle: an account is locked after this many failures in an hour (growing lock), an address
 * after LOGIN_CLIENT_FAILURES in 15 minutes; never more than LOGIN_MAX_EVALUATED evaluations per
 * account per hour. */
#define LOGIN_ACCOUNT_FAILURES 5
#define LOGIN_CLIENT_FAILURES 30
#define LOGIN_MAX_EVALUATED 100

/* Initialises libsodium and the limit on concurrent password hashing. Returns 0 or -1. */
int session_init(void);

/* Hashes a password with argon2id (interactive limits). Returns 0 or -1. At most a few hashes run
 * at once (each takes ~64 MiB); others wait their turn. */
int password_hash(const char *password, char out[PASSWORD_HASH_MAX]);
/* 1 when password matches hash, 0 otherwise. Same concurrency limit. */
int password_verify(const char *hash, const char *password);

/* Fills out with TOKEN_HEX_LEN hex characters of fresh randomness and a NUL. */
void token_random_hex(char out[TOKEN_HEX_LEN + 1]);
/* Whether s is exactly TOKEN_HEX_LEN lower-case hex characters. */
int token_well_formed(const char *s);
/* Constant-time comparison of two NUL-terminated tokens. */
int token_equal(const char *a, const char *b);

/* The signed-in user of a request. */
struct auth {
	int64_t session_id;
	int64_t user_id;
	int role;          /* ROLE_* */
	int64_t unit_id;   /* 0 when none */
	char *email, *name;
	char *unit_code, *unit_name; /* NULL when no unit */
	char csrf[TOKEN_HEX_LEN + 1];
};
void auth_free(struct auth *a);

/* Looks up a session by its cookie token. Expired sessions are deleted. Refreshes last_seen at
 * most once a minute. Returns 1 with *out (free with auth_free), 0 when there is no valid
 * session, -1 on a database error. */
int session_lookup(struct db *db, sqlite3 *r, const char *token, struct auth **out);
/* Ends a session. Returns 0 or -1. */
int session_destroy(struct db *db, int64_t session_id);

enum login_outcome { LOGIN_OK, LOGIN_FAIL, LOGIN_LOCKED, LOGIN_ERROR };

/* Checks the throttle, evaluates the password, and on success creates a new session whose cookie
 * token is written to token_out. On LOGIN_LOCKED, *retry_after is the number of seconds to wait.
 * Every attempt is recorded before the password is evaluated, so concurrent guesses count. */
enum login_outcome session_login(struct db *db, const char *email, const char *password,
				 const char *client, char token_out[TOKEN_HEX_LEN + 1],
				 int64_t *user_id, int64_t *retry_after);

/* --- a user's own sessions and password --- */

struct session_info {
	int64_t id, created_at, last_seen_at;
	char *client; /* "" when unknown */
};
struct session_list {
	struct session_info *items;
	int n;
};
/* The user's sessions that have not expired, most recently used first. Returns 0 or -1; free
 * with session_list_free in both cases. */
int session_list_user(sqlite3 *c, int64_t user_id, int64_t now, struct session_list *out);
void session_list_free(struct session_list *l);
/* Ends session sid of user_id (audit entry "session_end"). Returns 1 ended, 0 when it is not
 * one of the user's sessions, -1 on error. */
int session_end_own(struct db *db, int64_t user_id, int64_t sid, const char *client);

/* Changes the signed-in user's password: the old one must match (counted by the login throttle
 * like a login: LOGIN_LOCKED with *retry_after when too many failed), new_password must already
 * have passed the policy. On LOGIN_OK every other session of the user has ended and the current
 * one is replaced by a new session whose cookie token is in token_out (audit entry
 * "password_change"). */
enum login_outcome session_change_password(struct db *db, const struct auth *a,
					   const char *old_password, const char *new_password,
					   const char *client, char token_out[TOKEN_HEX_LEN + 1],
					   int64_t *retry_after);

#endif
