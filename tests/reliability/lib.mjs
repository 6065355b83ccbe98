// Helpers for the reliability suite (crash safety, disk full, mixed load), on top of the HTTP
// harness in tests/http/lib.mjs: many concurrent connections from distinct loopback addresses,
// database checks after a crash, and figures about a running server from /proc.
import http from 'node:http';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { sql } from '../http/lib.mjs';

/* A number from the environment, or the default. */
export function envInt(name, dflt) {
	const v = Number(process.env[name]);
	return Number.isFinite(v) && v > 0 ? v : dflt;
}

/* One HTTP request with node:http from a chosen loopback source address (the server allows 64
 * connections per address, so a crowd of clients is spread over 127.0.0.2 and up). No redirects
 * followed, no keep-alive. Resolves { status, headers, text }; rejects on a connection error or
 * after timeoutMs. */
export function httpRequest(base, { method = 'GET', path = '/', headers = {}, body, localAddress,
	timeoutMs = 60_000 } = {}) {
	const url = new URL(path, base);
	const h = { ...headers, Connection: 'close' };
	const buf = body === undefined ? null : Buffer.isBuffer(body) ? body : Buffer.from(body);
	if (buf)
		h['Content-Length'] = String(buf.length);
	return new Promise((resolve, reject) => {
		const req = http.request({ host: url.hostname, port: url.port, method,
			path: url.pathname + url.search, headers: h, localAddress, agent: false }, (res) => {
			const chunks = [];
			res.on('data', (d) => chunks.push(d));
			res.on('end', () => resolve({ status: res.statusCode, headers: res.headers,
				text: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
		req.on('error', reject);
		if (buf)
			req.write(buf);
		req.end();
	});
}

/* The n-th of a spread of loopback source addresses: 127.0.0.2 ... 127.0.0.201. */
export function loopback(n) {
	return `127.0.0.${2 + (n % 200)}`;
}

/* Runs tasks (functions returning promises) with at most `limit` at once; resolves when all
 * settled, with their results in order ({ ok, value } or { ok: false, error }). */
export async function pool(tasks, limit) {
	const results = new Array(tasks.length);
	let next = 0;
	async function worker() {
		while (next < tasks.length) {
			const i = next++;
			try {
				results[i] = { ok: true, value: await tasks[i]() };
			} catch (error) {
				results[i] = { ok: false, error };
			}
		}
	}
	await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
	return results;
}

/* The checks every database must pass whatever happened to the process that wrote it:
 * PRAGMA integrity_check is ok, no foreign key points nowhere, the full-text index agrees with
 * itself (FTS5 'integrity-check') and holds exactly the published releases, and every request
 * has the revision of its current version and quotes numbered without gaps. The FTS check
 * writes nothing but takes the write lock: call this while no server writes (e.g. stopped). */
export function checkDatabase(db) {
	assert.deepEqual(sql(db, 'PRAGMA integrity_check'), [{ integrity_check: 'ok' }],
		'PRAGMA integrity_check');
	assert.deepEqual(sql(db, 'PRAGMA foreign_key_check'), [], 'PRAGMA foreign_key_check');
	const r = spawnSync('sqlite3', ['-cmd', '.timeout 10000', db,
		"INSERT INTO releases_fts(releases_fts) VALUES('integrity-check')"], { encoding: 'utf8' });
	assert.equal(r.status, 0, `FTS5 integrity-check failed: ${r.stderr}`);
	const missing = sql(db, "SELECT id FROM requests WHERE state = 'published'"
		+ ' AND id NOT IN (SELECT rowid FROM releases_fts)');
	const extra = sql(db, 'SELECT rowid AS id FROM releases_fts'
		+ " WHERE rowid NOT IN (SELECT id FROM requests WHERE state = 'published')");
	assert.deepEqual({ missing, extra }, { missing: [], extra: [] },
		'the search index holds exactly the published releases');
	assert.deepEqual(sql(db, 'SELECT r.id, r.version FROM requests r WHERE NOT EXISTS'
		+ ' (SELECT 1 FROM revisions v WHERE v.request_id = r.id AND v.version = r.version)'), [],
	'every request has the revision of its current version');
	assert.deepEqual(sql(db, 'SELECT request_id FROM request_quotes GROUP BY request_id'
		+ ' HAVING MIN(pos) <> 0 OR MAX(pos) <> COUNT(*) - 1'), [], 'quotes numbered 0..n-1');
	// Every request that left draft has the transition that brought it to its state.
	assert.deepEqual(sql(db, "SELECT r.id, r.state FROM requests r WHERE r.state <> 'draft'"
		+ ' AND r.state <> (SELECT t.to_state FROM transitions t WHERE t.request_id = r.id'
		+ ' ORDER BY t.id DESC LIMIT 1)'), [], 'the last transition leads to the current state');
}

/* The photo derivatives every stored JPEG photo has next to its `original` (src/core/image.c). */
export const PHOTO_FILES = ['original', 'photo.jpg', 'w1200.jpg', 'w1200.webp', 'w480.jpg', 'w480.webp'];

/* What should not be in a data directory whose server stopped cleanly after a start (which runs
 * media_sweep), as a list of complaints: files other than the database, its WAL and
 * shared-memory files and the media store; anything in DATA/tmp (uploads in flight, work
 * directories); a DATA/media/xx/<sha256>/ directory without its `media` row or in the wrong
 * place; a `media` row without its directory, original of the recorded size and (for photos)
 * every derivative; an attachment whose media row is missing. */
export function strayFiles(dir, dbName = 'siaran.db') {
	const allowed = new Set([dbName, `${dbName}-wal`, `${dbName}-shm`, 'media', 'tmp']);
	const out = fs.readdirSync(dir).filter((f) => !allowed.has(f));
	const tmp = path.join(dir, 'tmp');
	if (fs.existsSync(tmp))
		out.push(...fs.readdirSync(tmp).map((f) => `tmp/${f}`));
	const root = path.join(dir, 'media');
	const dirs = new Set();
	if (fs.existsSync(root)) {
		for (const p of fs.readdirSync(root)) {
			for (const sha of fs.readdirSync(path.join(root, p))) {
				if (!/^[0-9a-f]{64}$/.test(sha) || sha.slice(0, 2) !== p)
					out.push(`media/${p}/${sha}: misplaced`);
				dirs.add(sha);
			}
		}
	}
	const db = path.join(dir, dbName);
	if (!fs.existsSync(db))
		return out;
	const rows = sql(db, 'SELECT sha256, mime, bytes FROM media');
	const known = new Set(rows.map((r) => r.sha256));
	for (const sha of dirs)
		if (!known.has(sha))
			out.push(`media/${sha.slice(0, 2)}/${sha}: no media row`);
	for (const r of rows) {
		const d = path.join(root, r.sha256.slice(0, 2), r.sha256);
		if (!dirs.has(r.sha256)) {
			out.push(`media row ${r.sha256}: no directory`);
			continue;
		}
		const size = fs.existsSync(path.join(d, 'original')) ? fs.statSync(path.join(d, 'original')).size : -1;
		if (size !== r.bytes)
			out.push(`media/${r.sha256}/original: ${size} bytes, row says ${r.bytes}`);
		if (r.mime === 'image/jpeg') {
			const have = fs.readdirSync(d).sort();
			if (JSON.stringify(have) !== JSON.stringify(PHOTO_FILES))
				out.push(`media/${r.sha256}: ${have.join(' ')}`);
		}
	}
	for (const r of sql(db, 'SELECT id, sha256 FROM request_media WHERE sha256 NOT IN (SELECT sha256 FROM media)'))
		out.push(`request_media ${r.id}: no media row for ${r.sha256}`);
	return out;
}

/* Figures about a running process from /proc: resident memory (kB; anon: the heap and stacks,
 * without mapped files such as the database) and open descriptors and threads. */
export function procStats(pid) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const rss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
	const anon = Number(/^RssAnon:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN);
	const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
	const fds = fs.readdirSync(`/proc/${pid}/fd`).length;
	return { rss, anon, fds, threads };
}

/* Size of a file in bytes, 0 when it does not exist. */
export function fileSize(p) {
	try {
		return fs.statSync(p).size;
	} catch {
		return 0;
	}
}

/* The server's memory figures from GET /metrics (kB; heap is absent from a sanitizer build):
 * heap in use, the response cache and SQLite's allocations. */
export async function memoryGauges(base) {
	const res = await httpRequest(base, { path: '/metrics' });
	if (res.status !== 200)
		throw new Error(`GET /metrics: ${res.status}`);
	const gauge = (name) => {
		const m = new RegExp(`^${name} (\\d+)$`, 'm').exec(res.text);
		return m ? Number(m[1]) / 1024 : undefined;
	};
	return { heap: gauge('siaran_heap_in_use_bytes'), cache: gauge('siaran_response_cache_bytes'),
		sqlite: gauge('siaran_sqlite_memory_bytes') };
}
