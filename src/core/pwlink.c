/* One-time password links (see pwlink.h), stored in password_tokens by the SHA-256 of their
 * token (migrations/008_people.sql). */
#include "core/pwlink.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "store/db.h"
#include "util/xmalloc.h"

static const char *purpose_name(enum pwlink_purpose p)
{
	return p == PWLINK_INVITE ? "invite" : "reset";
}

static void digest(const char *token, unsigned char out[crypto_hash_sha256_BYTES])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

int pwlink_create(sqlite3 *w, int64_t user_id, enum pwlink_purpose purpose, int64_t actor,
		  const char *client, int64_t now, char token_out[TOKEN_HEX_LEN + 1],
		  int64_t *expires_at)
{
	unsigned char d[crypto_hash_sha256_BYTES];
	token_random_hex(token_out);
	digest(token_out, d);
	*expires_at = now + PWLINK_TTL_SECONDS;
	if (db_execf(w, "UPDATE password_tokens SET revoked_at = ? WHERE user_id = ?"
			" AND used_at IS NULL AND revoked_at IS NULL", "ii", now, user_id) < 0 ||
	    db_execf(w, "INSERT INTO password_tokens (token_hash, user_id, purpose, created_by,"
			" created_at, expires_at) VALUES (?, ?, ?, NULLIF(?, 0), ?, ?)", "bitiii",
		     d, (int)sizeof d, user_id, purpose_name(purpose), actor, now, *expires_at) < 0)
		return -1;
	return audit_log(w, actor, purpose == PWLINK_INVITE ? "password_invite" : "password_reset",
			 "user", user_id, "tautan sekali pakai dibuat", client, now);
}

void pwlink_clear(struct pwlink *l)
{
	free(l->email);
	free(l->name);
	memset(l, 0, sizeof *l);
}

/* Looks the token up on c (a reader or the writer). */
static int find(sqlite3 *c, const char *token, int64_t now, struct pwlink *out, int64_t *id)
{
	memset(out, 0, sizeof *out);
	if (!token || !token_well_formed(token))
		return PWLINK_UNKNOWN;
	unsigned char d[crypto_hash_sha256_BYTES];
	digest(token, d);
	sqlite3_stmt *st = db_preparef(c, "SELECT t.id, t.user_id, t.purpose, t.expires_at,"
					  " t.used_at IS NOT NULL OR t.revoked_at IS NOT NULL OR u.active = 0,"
					  " u.email, u.name FROM password_tokens t"
					  " JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
					  "b", d, (int)sizeof d);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	int state;
	if (rc == SQLITE_DONE) {
		state = PWLINK_UNKNOWN;
	} else if (rc != SQLITE_ROW) {
		state = -1;
	} else if (sqlite3_column_int(st, 4)) {
		state = PWLINK_USED;
	} else if (sqlite3_column_int64(st, 3) <= now) {
		state = PWLINK_EXPIRED;
	} else {
		state = PWLINK_OPEN;
		*id = sqlite3_column_int64(st, 0);
		out->user_id = sqlite3_column_int64(st, 1);
		const char *p = (const char *)sqlite3_column_text(st, 2);
		out->purpose = p && strcmp(p, "invite") == 0 ? PWLINK_INVITE : PWLINK_RESET;
		out->expires_at = sqlite3_column_int64(st, 3);
		out->email = db_col_text(st, 5);
		out->name = db_col_text(st, 6);
	}
	sqlite3_finalize(st);
	return state;
}

int pwlink_find(sqlite3 *c, const char *token, int64_t now, struct pwlink *out)
{
	int64_t id = 0;
	return find(c, token, now, out, &id);
}

int pwlink_use(struct db *db, const char *token, const char *password, const char *client,
	       int64_t now, int64_t *user_id)
{
	*user_id = 0;
	if (!token || !token_well_formed(token))
		return PWLINK_UNKNOWN;
	/* The expensive hash first, holding no lock; the link is checked again under the writer,
	 * so two uses racing each other cannot both succeed. */
	char hash[PASSWORD_HASH_MAX];
	if (password_hash(password, hash) < 0)
		return -1;
	sqlite3 *w = db_write_begin(db);
	if (!w)
		return -1;
	struct pwlink l;
	int64_t id = 0;
	int state = find(w, token, now, &l, &id);
	if (state != PWLINK_OPEN) {
		db_write_rollback(db);
		return state;
	}
	if (db_execf(w, "UPDATE password_tokens SET used_at = ? WHERE id = ?", "ii", now, id) < 0 ||
	    db_execf(w, "UPDATE users SET password_hash = ? WHERE id = ?", "ti", hash, l.user_id) < 0 ||
	    db_execf(w, "DELETE FROM sessions WHERE user_id = ?", "i", l.user_id) < 0 ||
	    audit_log(w, l.user_id, "password_set", "user", l.user_id,
		      l.purpose == PWLINK_INVITE ? "kata sandi pertama lewat undangan"
						 : "kata sandi baru lewat tautan reset",
		      client, now) < 0) {
		db_write_rollback(db);
		pwlink_clear(&l);
		return -1;
	}
	*user_id = l.user_id;
	pwlink_clear(&l);
	sodium_memzero(hash, sizeof hash);
	return db_write_commit(db) < 0 ? -1 : PWLINK_OPEN;
}
