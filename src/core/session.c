/* Passwords, sessions, tokens and the login throttle (see session.h). The hashing limit is a
 * counter under hash_lock: any thread hashing or verifying a password takes a slot. */
#include "core/session.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/user.h"
#include "store/db.h"
#include "util/clock.h"
#include "util/log.h"
#include "util/xmalloc.h"

#define HASH_SLOTS 2

static pthread_mutex_t hash_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hash_free = PTHREAD_COND_INITIALIZER;
static int hash_busy; /* slots in use, guarded by hash_lock */

/* A valid hash of a random password, verified against when the account does not exist so that
 * the answer takes as long either way. Written once in session_init. */
static char dummy_hash[PASSWORD_HASH_MAX];

static void slot_take(void)
{
	pthread_mutex_lock(&hash_lock);
	while (hash_busy >= HASH_SLOTS)
		pthread_cond_wait(&hash_free, &hash_lock);
	hash_busy++;
	pthread_mutex_unlock(&hash_lock);
}

static void slot_give(void)
{
	pthread_mutex_lock(&hash_lock);
	hash_busy--;
	pthread_cond_signal(&hash_free);
	pthread_mutex_unlock(&hash_lock);
}

int session_init(void)
{
	if (sodium_init() < 0)
		return -1;
	char pw[TOKEN_HEX_LEN + 1];
	token_random_hex(pw);
	return password_hash(pw, dummy_hash);
}

int password_hash(const char *password, char out[PASSWORD_HASH_MAX])
{
	slot_take();
	int rc = crypto_pwhash_str(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				   crypto_pwhash_MEMLIMIT_INTERACTIVE);
	slot_give();
	return rc == 0 ? 0 : -1;
}

int password_verify(const char *hash, const char *password)
{
	slot_take();
	int rc = crypto_pwhash_str_verify(hash, password, strlen(password));
	slot_give();
	return rc == 0;
}

void token_random_hex(char out[TOKEN_HEX_LEN + 1])
{
	unsigned char raw[TOKEN_HEX_LEN / 2];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, TOKEN_HEX_LEN + 1, raw, sizeof raw);
}

int token_well_formed(const char *s)
{
	size_t i = 0;
	for (; s[i]; i++)
		if (i >= TOKEN_HEX_LEN || !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == TOKEN_HEX_LEN;
}

int token_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb || la == 0)
		return 0;
	return sodium_memcmp(a, b, la) == 0;
}

static void token_digest(const char *token, unsigned char out[crypto_hash_sha256_BYTES])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

void auth_free(struct auth *a)
{
	if (!a)
		return;
	free(a->email);
	free(a->name);
	free(a->unit_code);
	free(a->unit_name);
	free(a);
}

int session_lookup(struct db *db, sqlite3 *r, const char *token, struct auth **out)
{
	*out = NULL;
	if (!token || !token_well_formed(token))
		return 0;
	unsigned char digest[crypto_hash_sha256_BYTES];
	token_digest(token, digest);
	sqlite3_stmt *st = db_preparef(r,
		"SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, u.role, u.email,"
		" u.name, u.unit_id, un.code, un.name"
		" FROM sessions s JOIN users u ON u.id = s.user_id"
		" LEFT JOIN units un ON un.id = u.unit_id"
		" WHERE s.token_hash = ? AND u.active = 1", "b", digest, (int)sizeof digest);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 0 : -1;
	}
	int64_t now = clock_now();
	int64_t sid = sqlite3_column_int64(st, 0);
	int64_t created = sqlite3_column_int64(st, 3);
	int64_t seen = sqlite3_column_int64(st, 4);
	if (now - seen > SESSION_IDLE_SECONDS || now - created > SESSION_ABSOLUTE_SECONDS) {
		sqlite3_finalize(st);
		session_destroy(db, sid);
		return 0;
	}
	struct auth *a = xcalloc(1, sizeof *a);
	a->session_id = sid;
	a->user_id = sqlite3_column_int64(st, 1);
	const char *csrf = (const char *)sqlite3_column_text(st, 2);
	snprintf(a->csrf, sizeof a->csrf, "%s", csrf ? csrf : "");
	const char *role = (const char *)sqlite3_column_text(st, 5);
	a->role = user_role_parse(role);
	a->email = db_col_text(st, 6);
	a->name = db_col_text(st, 7);
	a->unit_id = sqlite3_column_int64(st, 8);
	a->unit_code = db_col_text(st, 9);
	a->unit_name = db_col_text(st, 10);
	sqlite3_finalize(st);

	if (now - seen >= 60) {
		sqlite3 *w = db_write_begin(db);
		if (w) {
			if (db_execf(w, "UPDATE sessions SET last_seen_at = ? WHERE id = ?", "ii", now, sid) < 0)
				db_write_rollback(db);
			else
				db_write_commit(db);
		}
	}
	*out = a;
	return 1;
}

int session_destroy(struct db *db, int64_t session_id)
{
	sqlite3 *w = db_write_begin(db);
	if (!w)
		return -1;
	if (db_execf(w, "DELETE FROM sessions WHERE id = ?", "i", session_id) < 0) {
		db_write_rollback(db);
		return -1;
	}
	return db_write_commit(db);
}

/* Seconds the account or address must still wait, 0 when not locked. Runs inside the write
 * transaction so that concurrent attempts see each other. */
static int64_t lock_remaining(sqlite3 *w, const char *email, const char *client, int64_t now)
{
	int64_t last_ok = 0, fails = 0, last_fail = 0, evaluated = 0, oldest = 0, cfails = 0;
	db_int(w, &last_ok, "SELECT COALESCE(MAX(at), 0) FROM login_attempts"
			    " WHERE email = ? AND outcome = 'ok'", "t", email);
	int64_t since = last_ok > now - 3600 ? last_ok : now - 3600;
	db_int(w, &fails, "SELECT COUNT(*) FROM login_attempts WHERE email = ? AND outcome = 'fail'"
			  " AND at > ?", "ti", email, since);
	db_int(w, &last_fail, "SELECT COALESCE(MAX(at), 0) FROM login_attempts WHERE email = ?"
			      " AND outcome = 'fail'", "t", email);
	if (fails >= LOGIN_ACCOUNT_FAILURES) {
		/* 30 s after the fifth failure, doubling with each further one, at most an hour. */
		int64_t shift = fails - LOGIN_ACCOUNT_FAILURES;
		int64_t lock = shift >= 7 ? 3600 : 30LL << shift;
		if (last_fail + lock > now)
			return last_fail + lock - now;
	}
	db_int(w, &evaluated, "SELECT COUNT(*) FROM login_attempts WHERE email = ?"
			      " AND outcome <> 'locked' AND at > ?", "ti", email, now - 3600);
	if (evaluated >= LOGIN_MAX_EVALUATED) {
		db_int(w, &oldest, "SELECT MIN(at) FROM login_attempts WHERE email = ?"
				   " AND outcome <> 'locked' AND at > ?", "ti", email, now - 3600);
		return oldest + 3600 - now > 0 ? oldest + 3600 - now : 1;
	}
	db_int(w, &cfails, "SELECT COUNT(*) FROM login_attempts WHERE client = ? AND outcome = 'fail'"
			   " AND at > ?", "ti", client, now - 900);
	if (cfails >= LOGIN_CLIENT_FAILURES)
		return 900;
	return 0;
}

/* Records a refused login in the audit trail, in its own transaction. The e-mail that was tried
 * is the detail (the password never is). */
static void audit_login(struct db *db, int64_t uid, const char *action, const char *email,
			const char *client, int64_t now)
{
	sqlite3 *w = db_write_begin(db);
	if (!w)
		return;
	if (audit_log(w, uid, action, "user", uid, email, client, now) < 0)
		db_write_rollback(db);
	else
		db_write_commit(db);
}

/* Phase 1 of every password check (a login, a change of one's own password): in one write
 * transaction the throttle decides whether to evaluate, the attempt is recorded as failed until
 * proven, and when evaluating, the active account's id and hash are read (by user_id when not 0,
 * else by e-mail). Returns 0 (*hash malloc'd or NULL) or -1. */
static int attempt_begin(struct db *db, const char *email, int64_t user_id, const char *client,
			 int64_t now, int64_t *attempt, int64_t *wait, int64_t *uid, char **hash)
{
	*hash = NULL;
	*uid = 0;
	sqlite3 *w = db_write_begin(db);
	if (!w)
		return -1;
	*wait = lock_remaining(w, email, client, now);
	if (db_execf(w, "INSERT INTO login_attempts (email, client, at, outcome) VALUES (?, ?, ?, ?)",
		     "ttit", email, client, now, *wait ? "locked" : "fail") < 0) {
		db_write_rollback(db);
		return -1;
	}
	*attempt = db_last_id(w);
	if (!*wait) {
		sqlite3_stmt *st = user_id
			? db_prepare(w, "SELECT id, password_hash FROM users WHERE id = ? AND active = 1")
			: db_prepare(w, "SELECT id, password_hash FROM users WHERE email = ? AND active = 1");
		if (st && (user_id ? db_bind(st, "i", user_id) : db_bind(st, "t", email)) == 0 &&
		    sqlite3_step(st) == SQLITE_ROW) {
			*uid = sqlite3_column_int64(st, 0);
			*hash = db_col_text(st, 1);
		}
		sqlite3_finalize(st);
	}
	if (db_write_commit(db) < 0) {
		free(*hash);
		*hash = NULL;
		return -1;
	}
	return 0;
}

/* Stores a new session for uid inside w; its cookie token goes to token_out. Returns 0 or -1. */
static int session_insert(sqlite3 *w, int64_t uid, const char *client, int64_t now,
			  char token_out[TOKEN_HEX_LEN + 1])
{
	char csrf[TOKEN_HEX_LEN + 1];
	unsigned char digest[crypto_hash_sha256_BYTES];
	token_random_hex(token_out);
	token_random_hex(csrf);
	token_digest(token_out, digest);
	return db_execf(w, "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at,"
			   " last_seen_at, client) VALUES (?, ?, ?, ?, ?, ?)",
			"bitiit", digest, (int)sizeof digest, uid, csrf, now, now, client);
}

enum login_outcome session_login(struct db *db, const char *email, const char *password,
				 const char *client, char token_out[TOKEN_HEX_LEN + 1],
				 int64_t *user_id, int64_t *retry_after)
{
	int64_t now = clock_now();
	*retry_after = 0;
	*user_id = 0;

	/* Phase 1: decide whether to evaluate, and record the attempt as failed until proven. */
	int64_t attempt = 0, wait = 0, uid = 0;
	char *hash = NULL;
	if (attempt_begin(db, email, 0, client, now, &attempt, &wait, &uid, &hash) < 0)
		return LOGIN_ERROR;
	/* An account whose invitation was not used yet has no password: nothing matches, and the
	 * answer takes as long as for a wrong one. */
	if (hash && !*hash) {
		free(hash);
		hash = NULL;
	}
	if (wait) {
		*retry_after = wait;
		audit_login(db, 0, "login_locked", email, client, now);
		return LOGIN_LOCKED;
	}

	/* Phase 2: the expensive check, outside any transaction. */
	int ok = password_verify(hash ? hash : dummy_hash, password) && hash != NULL;
	if (!ok) {
		free(hash);
		audit_login(db, uid, "login_failed", email, client, now);
		return LOGIN_FAIL;
	}
	char rehash[PASSWORD_HASH_MAX] = "";
	if (crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					   crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		password_hash(password, rehash);
	free(hash);

	/* Phase 3: success: mark the attempt, store a fresh session. */
	sqlite3 *w = db_write_begin(db);
	if (!w)
		return LOGIN_ERROR;
	if (db_execf(w, "UPDATE login_attempts SET outcome = 'ok' WHERE id = ?", "i", attempt) < 0 ||
	    audit_log(w, uid, "login", "user", uid, email, client, now) < 0 ||
	    session_insert(w, uid, client, now, token_out) < 0 ||
	    (rehash[0] && db_execf(w, "UPDATE users SET password_hash = ? WHERE id = ?", "ti", rehash,
				   uid) < 0)) {
		db_write_rollback(db);
		return LOGIN_ERROR;
	}
	if (db_write_commit(db) < 0)
		return LOGIN_ERROR;
	*user_id = uid;
	return LOGIN_OK;
}

/* --- a user's own sessions and password --- */

int session_list_user(sqlite3 *c, int64_t user_id, int64_t now, struct session_list *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_preparef(c, "SELECT id, created_at, last_seen_at, COALESCE(client, '')"
					  " FROM sessions WHERE user_id = ? AND last_seen_at > ?"
					  " AND created_at > ? ORDER BY last_seen_at DESC, id DESC",
					  "iii", user_id, now - SESSION_IDLE_SECONDS,
					  now - SESSION_ABSOLUTE_SECONDS);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct session_info *i = XPUSH(out->items, out->n);
		i->id = sqlite3_column_int64(st, 0);
		i->created_at = sqlite3_column_int64(st, 1);
		i->last_seen_at = sqlite3_column_int64(st, 2);
		i->client = db_col_text(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void session_list_free(struct session_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->items[i].client);
	free(l->items);
	memset(l, 0, sizeof *l);
}

int session_end_own(struct db *db, int64_t user_id, int64_t sid, const char *client)
{
	sqlite3 *w = db_write_begin(db);
	if (!w)
		return -1;
	if (db_execf(w, "DELETE FROM sessions WHERE id = ? AND user_id = ?", "ii", sid, user_id) < 0) {
		db_write_rollback(db);
		return -1;
	}
	if (sqlite3_changes(w) == 0) {
		db_write_rollback(db);
		return 0;
	}
	char detail[48];
	snprintf(detail, sizeof detail, "sesi #%lld", (long long)sid);
	if (audit_log(w, user_id, "session_end", "user", user_id, detail, client, clock_now()) < 0) {
		db_write_rollback(db);
		return -1;
	}
	return db_write_commit(db) < 0 ? -1 : 1;
}

enum login_outcome session_change_password(struct db *db, const struct auth *a,
					   const char *old_password, const char *new_password,
					   const char *client, char token_out[TOKEN_HEX_LEN + 1],
					   int64_t *retry_after)
{
	int64_t now = clock_now();
	*retry_after = 0;
	/* Phase 1, as for a login: throttle, record the attempt as failed until proven. */
	int64_t attempt = 0, wait = 0, uid = 0;
	char *hash = NULL;
	if (attempt_begin(db, a->email, a->user_id, client, now, &attempt, &wait, &uid, &hash) < 0)
		return LOGIN_ERROR;
	if (wait) {
		*retry_after = wait;
		audit_login(db, a->user_id, "password_change_locked", a->email, client, now);
		return LOGIN_LOCKED;
	}
	/* Phase 2: both hashes outside any transaction. */
	int ok = hash && *hash && password_verify(hash, old_password);
	free(hash);
	if (!ok) {
		audit_login(db, a->user_id, "password_change_failed", a->email, client, now);
		return LOGIN_FAIL;
	}
	char fresh[PASSWORD_HASH_MAX];
	if (password_hash(new_password, fresh) < 0)
		return LOGIN_ERROR;
	/* Phase 3: the new hash, every session of the user gone, a new one for this browser. */
	sqlite3 *w = db_write_begin(db);
	if (!w)
		return LOGIN_ERROR;
	if (db_execf(w, "UPDATE login_attempts SET outcome = 'ok' WHERE id = ?", "i", attempt) < 0 ||
	    db_execf(w, "UPDATE users SET password_hash = ? WHERE id = ?", "ti", fresh,
		     a->user_id) < 0 ||
	    db_execf(w, "DELETE FROM sessions WHERE user_id = ?", "i", a->user_id) < 0) {
		db_write_rollback(db);
		return LOGIN_ERROR;
	}
	int ended = sqlite3_changes(w);
	char detail[64];
	snprintf(detail, sizeof detail, "%d sesi lain diakhiri", ended > 0 ? ended - 1 : 0);
	if (session_insert(w, a->user_id, client, now, token_out) < 0 ||
	    audit_log(w, a->user_id, "password_change", "user", a->user_id, detail, client, now) < 0) {
		db_write_rollback(db);
		return LOGIN_ERROR;
	}
	sodium_memzero(fresh, sizeof fresh);
	return db_write_commit(db) < 0 ? LOGIN_ERROR : LOGIN_OK;
}
