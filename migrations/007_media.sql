-- Photos and documents attached to publication requests. A stored file is known by the SHA-256
-- of its bytes (the same photo uploaded twice is stored once, under DATA/media/xx/<sha256>/);
-- an attachment ties it to a request with its caption, credit and the client's file name (kept
-- as text only, never used as a path). The first photo by position is the lead photo.
CREATE TABLE media (
	sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
	mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp', 'image/heic',
					  'application/pdf')),
	bytes INTEGER NOT NULL CHECK (bytes > 0),
	width INTEGER,
	height INTEGER,
	created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE request_media (
	id INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
	sha256 TEXT NOT NULL REFERENCES media(sha256),
	kind TEXT NOT NULL CHECK (kind IN ('photo', 'document')),
	position INTEGER NOT NULL,
	caption TEXT NOT NULL DEFAULT '',
	credit TEXT NOT NULL DEFAULT '',
	filename TEXT NOT NULL DEFAULT '',
	added_by INTEGER REFERENCES users(id),
	added_at INTEGER NOT NULL,
	UNIQUE (request_id, sha256)
);
CREATE INDEX request_media_request ON request_media(request_id, kind, position);
CREATE INDEX request_media_sha256 ON request_media(sha256);
