-- Corrections (ralat) of published releases: each one keeps its public change note, who made it
-- and when; the release's public update time follows the latest one. The number stays.

CREATE TABLE corrections (
	id INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
	version INTEGER NOT NULL,        -- the revision the correction produced
	editor_id INTEGER NOT NULL REFERENCES users(id),
	note TEXT NOT NULL,
	at INTEGER NOT NULL
);
CREATE INDEX corrections_request ON corrections(request_id, at);

-- When the public text last changed: the publication, or the latest correction.
ALTER TABLE requests ADD COLUMN public_updated_at INTEGER;
UPDATE requests SET public_updated_at = published_at WHERE published_at IS NOT NULL;
