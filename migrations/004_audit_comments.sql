-- The conversation on a request (comments, with editors' internal notes) and the append-only
-- audit trail. Times are Unix seconds (UTC).

CREATE TABLE comments (
	id INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
	author_id INTEGER NOT NULL REFERENCES users(id),
	body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
	internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
	created_at INTEGER NOT NULL
);
-- The thread of a request in order; the contributors' view adds internal = 0.
CREATE INDEX comments_request ON comments(request_id, internal, id);

-- actor_id NULL: the system (scheduler, command line) or an unknown user (a failed login for an
-- e-mail that has no account: the e-mail is the detail). object_id NULL when there is none.
-- actor_id keeps its plain foreign key: deleting a user who appears here fails, which is what
-- an audit trail wants (ON DELETE SET NULL would be an UPDATE, refused below anyway).
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at INTEGER NOT NULL,
	actor_id INTEGER REFERENCES users(id),
	action TEXT NOT NULL,
	object_type TEXT NOT NULL,
	object_id INTEGER,
	detail TEXT NOT NULL DEFAULT '',
	client TEXT NOT NULL DEFAULT ''
);
-- Listings are newest first by id (the insertion order); each filter has an index whose rows
-- end in the rowid, so a filtered page is read in order without sorting.
CREATE INDEX audit_log_object ON audit_log(object_type, object_id);
CREATE INDEX audit_log_actor ON audit_log(actor_id);
CREATE INDEX audit_log_action ON audit_log(action);
CREATE INDEX audit_log_at ON audit_log(at);

-- Append-only, even against a bug or a hand-typed statement: the database refuses to change or
-- remove an entry. INSERT OR REPLACE on an existing id would remove the old row without firing
-- the DELETE trigger (recursive triggers are off), so an insert may not reuse an id either.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN
	SELECT RAISE(ABORT, 'audit_log is append-only: an existing entry cannot be replaced');
END;
