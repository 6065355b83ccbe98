-- After gen-data.mjs: the search index, filled exactly as publishing fills it
-- (core/release.c, public_changed), a new content version, and WAL mode again.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
BEGIN;
INSERT INTO releases_fts (rowid, title, summary, body, unit_name, quotes)
SELECT r.id, r.title, r.summary, r.body, u.name,
	COALESCE((SELECT group_concat(q.speaker || ' ' || q.position || ' ' || q.text, ' ')
		  FROM request_quotes q WHERE q.request_id = r.id), '')
FROM requests r JOIN units u ON u.id = r.unit_id
WHERE r.state = 'published';
INSERT INTO releases_fts (releases_fts) VALUES ('optimize');
UPDATE site_state SET content_version = content_version + 1 WHERE id = 1;
COMMIT;
PRAGMA journal_mode = WAL;
