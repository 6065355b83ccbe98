-- People and units: one-time links that let a user set a password (an invitation or a reset
-- started by an admin), units merged into another, and outbox messages whose body must not
-- outlive their delivery. Times are Unix seconds (UTC).

-- Only the SHA-256 of a link's token is stored. A link works once, until expires_at; a newer
-- link for the same user or the user's deactivation revokes it.
CREATE TABLE password_tokens (
	id INTEGER PRIMARY KEY,
	token_hash BLOB NOT NULL UNIQUE,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	purpose TEXT NOT NULL CHECK (purpose IN ('invite', 'reset')),
	created_by INTEGER REFERENCES users(id),
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	used_at INTEGER,
	revoked_at INTEGER
);
CREATE INDEX password_tokens_user ON password_tokens(user_id);

-- A merged unit is inactive and names the unit that took over its requests and users; its old
-- public address leads there.
ALTER TABLE units ADD COLUMN merged_into INTEGER REFERENCES units(id);

-- 1: the body carries a one-time link; the mail worker blanks it once the message is sent or
-- has failed for good.
ALTER TABLE outbox ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1));
