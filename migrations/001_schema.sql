-- Core schema: units, users, sessions and login throttling, publication requests with their
-- quotes, revisions and transitions, and the per-year release number sequence.
-- Times are Unix seconds (UTC); the UI shows them in WIB.

CREATE TABLE units (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('SKPD', 'UKPD')),
	parent_id INTEGER REFERENCES units(id),
	active INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE COLLATE NOCASE,
	name TEXT NOT NULL,
	role TEXT NOT NULL CHECK (role IN ('contributor', 'editor', 'admin')),
	unit_id INTEGER REFERENCES units(id),
	password_hash TEXT NOT NULL,
	active INTEGER NOT NULL DEFAULT 1,
	created_at INTEGER NOT NULL,
	CHECK (role <> 'contributor' OR unit_id IS NOT NULL)
);

CREATE TABLE sessions (
	id INTEGER PRIMARY KEY,
	token_hash BLOB NOT NULL UNIQUE,
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf_token TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	last_seen_at INTEGER NOT NULL,
	client TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Every evaluated or refused login attempt; the throttle counts recent failures from here.
CREATE TABLE login_attempts (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL COLLATE NOCASE,
	client TEXT NOT NULL,
	at INTEGER NOT NULL,
	outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'fail', 'locked'))
);
CREATE INDEX login_attempts_email ON login_attempts(email, at);
CREATE INDEX login_attempts_client ON login_attempts(client, at);

CREATE TABLE requests (
	id INTEGER PRIMARY KEY,
	unit_id INTEGER NOT NULL REFERENCES units(id),
	kind TEXT NOT NULL CHECK (kind IN ('press_release', 'media_advisory')),
	state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'in_review',
		'changes_requested', 'rejected', 'scheduled', 'published', 'unpublished', 'withdrawn')),
	version INTEGER NOT NULL DEFAULT 1,
	title TEXT NOT NULL,
	summary TEXT NOT NULL DEFAULT '',
	body TEXT NOT NULL DEFAULT '',
	activity_date TEXT,
	location TEXT NOT NULL DEFAULT '',
	event_start INTEGER,
	event_end INTEGER,
	address TEXT NOT NULL DEFAULT '',
	contact_name TEXT NOT NULL DEFAULT '',
	contact_position TEXT NOT NULL DEFAULT '',
	contact_phone TEXT NOT NULL DEFAULT '',
	contact_email TEXT NOT NULL DEFAULT '',
	publish_at INTEGER,              -- time the unit asked for, if any
	created_by INTEGER NOT NULL REFERENCES users(id),
	created_at INTEGER NOT NULL,
	updated_by INTEGER NOT NULL REFERENCES users(id),
	updated_at INTEGER NOT NULL,
	submitted_at INTEGER,
	assigned_to INTEGER REFERENCES users(id),
	scheduled_for INTEGER,           -- set while state = 'scheduled'
	published_at INTEGER,
	number TEXT UNIQUE,
	slug TEXT UNIQUE,
	unpublish_reason TEXT,
	unpublished_at INTEGER
);
CREATE INDEX requests_unit_state ON requests(unit_id, state);
CREATE INDEX requests_state_submitted ON requests(state, submitted_at);
CREATE INDEX requests_published ON requests(published_at DESC, id DESC) WHERE state = 'published';
CREATE INDEX requests_scheduled ON requests(scheduled_for) WHERE state = 'scheduled';

CREATE TABLE request_quotes (
	request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
	pos INTEGER NOT NULL,
	speaker TEXT NOT NULL,
	position TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	PRIMARY KEY (request_id, pos)
);

-- Every save: the full content as JSON, so any two versions can be compared.
CREATE TABLE revisions (
	id INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
	version INTEGER NOT NULL,
	author_id INTEGER NOT NULL REFERENCES users(id),
	created_at INTEGER NOT NULL,
	content TEXT NOT NULL,
	UNIQUE (request_id, version)
);

-- Every workflow transition; actor NULL means the scheduler.
CREATE TABLE transitions (
	id INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
	actor_id INTEGER REFERENCES users(id),
	action TEXT NOT NULL,
	from_state TEXT NOT NULL,
	to_state TEXT NOT NULL,
	note TEXT NOT NULL DEFAULT '',
	at INTEGER NOT NULL,
	client TEXT
);
CREATE INDEX transitions_request ON transitions(request_id, at);

-- Gapless release numbers: the last number given per year and kind.
CREATE TABLE number_sequences (
	year INTEGER NOT NULL,
	kind TEXT NOT NULL,
	last_seq INTEGER NOT NULL,
	PRIMARY KEY (year, kind)
);
