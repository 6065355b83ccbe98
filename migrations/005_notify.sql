-- Notifications: the e-mail outbox (written in the same transaction as the change that causes
-- a message, delivered later by the mail worker), a record of every delivery attempt, and the
-- in-app notifications each user sees at /notifications.

CREATE TABLE outbox (
	id INTEGER PRIMARY KEY,
	user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
	request_id INTEGER REFERENCES requests(id) ON DELETE SET NULL,
	to_addr TEXT NOT NULL,
	to_name TEXT NOT NULL DEFAULT '',
	subject TEXT NOT NULL,
	body_text TEXT NOT NULL,
	body_html TEXT NOT NULL,
	-- Stable for the life of the row, so that a message sent again after a crash between the
	-- SMTP acceptance and the commit of "sent" can be recognised by the receiver.
	message_id TEXT NOT NULL UNIQUE,
	created_at INTEGER NOT NULL,
	state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
	attempts INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER NOT NULL,
	last_error TEXT,
	sent_at INTEGER
);
CREATE INDEX outbox_due ON outbox(next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX outbox_state ON outbox(state, id);

CREATE TABLE outbox_attempts (
	id INTEGER PRIMARY KEY,
	outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
	at INTEGER NOT NULL,
	ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
	error TEXT
);
CREATE INDEX outbox_attempts_outbox ON outbox_attempts(outbox_id, at);

CREATE TABLE notifications (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	request_id INTEGER REFERENCES requests(id) ON DELETE CASCADE,
	text TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	read_at INTEGER
);
CREATE INDEX notifications_user ON notifications(user_id, id);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;
