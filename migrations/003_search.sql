-- Full-text search over published releases (FTS5, Indonesian-friendly: diacritics folded), a
-- version counter that tells cached public pages when published content changed, and indexes
-- for the public listings (by unit, by kind, the agenda of events).

CREATE VIRTUAL TABLE releases_fts USING fts5(
	title, summary, body, unit_name, quotes,
	tokenize = 'unicode61 remove_diacritics 2'
);

-- Apostrophes are removed from indexed text ("Jum'at" is found as "jumat"), as the code does.
INSERT INTO releases_fts (rowid, title, summary, body, unit_name, quotes)
SELECT r.id,
	replace(replace(replace(r.title, '''', ''), '’', ''), 'ʼ', ''),
	replace(replace(replace(r.summary, '''', ''), '’', ''), 'ʼ', ''),
	replace(replace(replace(r.body, '''', ''), '’', ''), 'ʼ', ''),
	replace(replace(replace(u.name, '''', ''), '’', ''), 'ʼ', ''),
	replace(replace(replace(COALESCE((SELECT group_concat(q.speaker || ' ' || q.position || ' ' || q.text, ' ')
		  FROM request_quotes q WHERE q.request_id = r.id), ''), '''', ''), '’', ''), 'ʼ', '')
FROM requests r JOIN units u ON u.id = r.unit_id
WHERE r.state = 'published';

-- One row: bumped in the same transaction as every change to what the public site shows.
CREATE TABLE site_state (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	content_version INTEGER NOT NULL,
	changed_at INTEGER NOT NULL   -- when content_version last changed (Unix seconds)
);
INSERT INTO site_state (id, content_version, changed_at)
	VALUES (1, 1, COALESCE((SELECT MAX(MAX(published_at), MAX(unpublished_at)) FROM requests), 0));

-- Covers the search filters, so ranking a query never reads a release's long body.
CREATE INDEX requests_listing ON requests(id, state, unit_id, kind, published_at);
CREATE INDEX requests_unit_published ON requests(unit_id, published_at DESC, id DESC)
	WHERE state = 'published';
CREATE INDEX requests_kind_published ON requests(kind, published_at DESC, id DESC)
	WHERE state = 'published';
CREATE INDEX requests_agenda ON requests(event_start)
	WHERE state = 'published' AND kind = 'media_advisory';
