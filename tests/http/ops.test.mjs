// Operations: `siaran backup` while the server takes writes, GET /metrics (format, counters,
// who may read it), the access log in both formats (fields present, secrets absent), and the
// pruning of old rows with a shifted clock.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	BIN, ROOT, USERS, runBin, assertNoSanitizerReport, startServer, loginAs, Client, sql, sqlValue,
	createRequest, pressRelease, waitFor,
} from './lib.mjs';

const DAY = 86400;

/* Runs the binary without blocking the event loop (the writers keep going meanwhile). */
function runAsync(args, env = {}) {
	return new Promise((resolve, reject) => {
		const p = spawn(BIN, args, { cwd: ROOT, env: { ...process.env, ...env } });
		let stdout = '', stderr = '';
		p.stdout.on('data', (d) => { stdout += d; });
		p.stderr.on('data', (d) => { stderr += d; });
		p.on('error', reject);
		p.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

/* Parses the Prometheus text format strictly: every line is a HELP, a TYPE or a sample of a
 * family announced before it. Returns { types, samples: [{ name, labels, value }] }. */
function parseMetrics(text) {
	assert.ok(text.endsWith('\n'), 'ends with a newline');
	const types = new Map();
	const samples = [];
	const helps = new Set();
	for (const line of text.slice(0, -1).split('\n')) {
		let m;
		if ((m = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S.*$/.exec(line))) {
			helps.add(m[1]);
			continue;
		}
		if ((m = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line))) {
			assert.ok(helps.has(m[1]), `HELP before TYPE for ${m[1]}`);
			assert.ok(!types.has(m[1]), `one TYPE line for ${m[1]}`);
			types.set(m[1], m[2]);
			continue;
		}
		m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+]+|\+Inf|NaN)$/.exec(line);
		assert.ok(m, `not a valid exposition line: ${JSON.stringify(line)}`);
		const labels = {};
		if (m[2]) {
			const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)/y;
			let lm;
			let consumed = 0;
			while ((lm = re.exec(m[2]))) {
				labels[lm[1]] = lm[2];
				consumed = re.lastIndex;
			}
			assert.equal(consumed, m[2].length, `labels of ${line}`);
		}
		const family = m[1].replace(/_(bucket|sum|count)$/, '');
		assert.ok(types.has(m[1]) || (types.get(family) === 'histogram'),
			`sample ${m[1]} without a TYPE line before it`);
		samples.push({ name: m[1], labels, value: Number(m[3]) });
	}
	return { types, samples };
}

function value(parsed, name, labels = {}) {
	const s = parsed.samples.find((x) => x.name === name &&
		Object.entries(labels).every(([k, v]) => x.labels[k] === v) &&
		Object.keys(x.labels).length === Object.keys(labels).length);
	return s ? s.value : 0;
}

async function scrape(base, headers = {}) {
	const res = await fetch(base + '/metrics', { headers });
	return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('backup', () => {
	test('a backup taken during concurrent writes is complete, consistent and checked', async (t) => {
		let srv = await startServer();
		const dir = srv.dir;
		let writing = false;
		try {
			// A database of some size, so that the copy takes a while and writes land meanwhile.
			await srv.stop({ keep: true });
			sql(srv.db, 'CREATE TABLE test_filler (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL'
				+ ' SELECT i + 1 FROM n WHERE i < 4000) INSERT INTO test_filler SELECT randomblob(3000) FROM n;');
			srv = await startServer({ dir });
			const clients = await Promise.all(['contribA', 'contribA2', 'contribB'].map((k) => loginAs(srv, k)));
			const acked = []; // [id, title, time acknowledged]
			writing = true;
			const writers = clients.map(async (c) => {
				while (writing) {
					const fields = pressRelease();
					const title = fields.find(([k]) => k === 'title')[1];
					const id = await createRequest(c, fields, 'submit');
					acked.push([id, title, Date.now()]);
				}
			});
			await waitFor(() => acked.length >= 12, 60_000, 50);
			const before = acked.slice();
			const out = path.join(dir, 'cadangan.db');
			const started = Date.now();
			const r = await runAsync(['backup', '--db', srv.db, out]);
			const ended = Date.now();
			// Some more writes after the backup, then stop.
			const n = acked.length;
			await waitFor(() => acked.length >= n + 3, 30_000, 50);
			writing = false;
			await Promise.all(writers);

			assert.equal(r.status, 0, `backup failed: ${r.stderr}`);
			assertNoSanitizerReport(r.stderr, 'backup');
			assert.match(r.stdout, /integrity check ok/);
			const during = acked.filter(([, , at]) => at > started && at < ended).length;
			t.diagnostic(`backup took ${ended - started} ms; ${during} write(s) acknowledged meanwhile`);
			assert.ok(during > 0, `no write was acknowledged while the backup ran (${ended - started} ms)`);
			assert.ok(!fs.existsSync(out + '-wal') && !fs.existsSync(out + '-journal'), 'one self-contained file');
			assert.equal(fs.statSync(out).mode & 0o777, 0o600, 'the backup is readable by its owner only');
			assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('.tmp-')), [], 'no temporary file left');
			assert.equal(sqlValue(out, 'PRAGMA integrity_check'), 'ok');
			assert.equal(sqlValue(out, 'PRAGMA journal_mode'), 'delete');
			assert.deepEqual(sql(out, 'PRAGMA foreign_key_check'), []);
			// Every request acknowledged before the backup started is in it, as it was sent.
			const titles = new Map(sql(out, 'SELECT id, title FROM requests').map((x) => [x.id, x.title]));
			for (const [id, title] of before)
				assert.equal(titles.get(id), title, `request ${id} acknowledged before the backup`);
			// A snapshot: whatever request is in it comes with its revision and transition.
			assert.equal(sqlValue(out, 'SELECT COUNT(*) FROM requests r WHERE NOT EXISTS'
				+ ' (SELECT 1 FROM revisions v WHERE v.request_id = r.id)'), 0);
			assert.equal(sqlValue(out, "SELECT COUNT(*) FROM requests r WHERE r.state = 'submitted' AND NOT EXISTS"
				+ ' (SELECT 1 FROM transitions t WHERE t.request_id = r.id)'), 0);
			assert.ok(titles.size < sqlValue(srv.db, 'SELECT COUNT(*) FROM requests'),
				'writes after the backup are not in it');
			assert.equal(sqlValue(out, 'SELECT COUNT(*) FROM test_filler'), 4000);
			// The live database is untouched and still served.
			assert.equal(sqlValue(srv.db, 'PRAGMA integrity_check'), 'ok');
			assert.equal((await fetch(srv.base + '/healthz')).status, 200);
		} finally {
			writing = false;
			await srv.stop();
		}
	});

	test('refuses bad paths with a reason, leaving nothing behind', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-backup-'));
		try {
			const db = path.join(dir, 'siaran.db');
			assert.equal(runBin(['migrate', '--db', db]).status, 0);
			const existing = path.join(dir, 'ada.db');
			fs.writeFileSync(existing, 'jangan ditimpa');
			const cases = [
				['existing file without --force', ['--db', db, existing], /exists.*--force/],
				['missing directory', ['--db', db, path.join(dir, 'tidak', 'ada.db')], /cannot create/],
				['a directory', ['--db', db, dir], /directory/],
				['the database itself', ['--db', db, '--force', db], /database itself/],
				['missing database', ['--db', path.join(dir, 'hilang.db'), path.join(dir, 'x.db')], /cannot read the database/],
				['not a database', ['--db', existing, path.join(dir, 'y.db')], /not a database/],
			];
			for (const [what, args, reason] of cases) {
				const r = runBin(['backup', ...args]);
				assert.equal(r.status, 1, `${what}: exit ${r.status}\n${r.stderr}`);
				assertNoSanitizerReport(r.stderr, what);
				assert.equal(r.stderr.trim().split('\n').length, 1, `${what}: one line:\n${r.stderr}`);
				assert.match(r.stderr, reason, what);
			}
			for (const args of [['--db', db], ['--db', db, 'a.db', 'b.db']]) {
				const r = runBin(['backup', ...args]);
				assert.equal(r.status, 2, `backup ${args.join(' ')}`);
				assert.match(r.stderr, /usage: siaran backup/);
			}
			assert.equal(fs.readFileSync(existing, 'utf8'), 'jangan ditimpa');
			assert.ok(!fs.existsSync(path.join(dir, 'hilang.db')), 'a missing database is not created');
			assert.deepEqual(fs.readdirSync(dir).sort(), ['ada.db', 'siaran.db', 'siaran.db-shm', 'siaran.db-wal']
				.filter((f) => fs.existsSync(path.join(dir, f))), 'no other file was created');
			assert.ok(!fs.readdirSync(dir).some((f) => f.includes('.tmp-')));
			// SIARAN_DB is the default database; --force replaces an existing copy.
			const r = runBin(['backup', '--force', existing], { env: { SIARAN_DB: db } });
			assert.equal(r.status, 0, r.stderr);
			assert.equal(sqlValue(existing, 'PRAGMA integrity_check'), 'ok');
			assert.ok(sqlValue(existing, 'SELECT COUNT(*) FROM schema_migrations') > 0);
			assert.match(runBin(['backup', '--help']).stdout, /usage: siaran backup.*--force/s);
			assert.match(runBin(['--help']).stdout, /backup/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('metrics', () => {
	test('Prometheus text with request counters by route, a histogram and the queue', async () => {
		const srv = await startServer();
		try {
			const first = await scrape(srv.base);
			assert.equal(first.status, 200);
			assert.equal(first.type, 'text/plain; version=0.0.4; charset=utf-8');
			const p0 = parseMetrics(first.text);
			assert.equal(p0.types.get('siaran_http_requests_total'), 'counter');
			assert.equal(p0.types.get('siaran_http_request_duration_seconds'), 'histogram');
			for (const g of ['siaran_review_queue_length', 'siaran_outbox_pending', 'siaran_database_size_bytes',
				'siaran_database_wal_size_bytes', 'siaran_requests', 'process_resident_memory_bytes', 'process_open_fds',
				'siaran_response_cache_bytes', 'siaran_sqlite_memory_bytes'])
				assert.equal(p0.types.get(g), 'gauge', g);
			// Only the release build reports the heap: the allocators of AddressSanitizer (test
			// and fuzz builds) and valgrind are not glibc's.
			assert.equal(p0.types.get('siaran_heap_in_use_bytes'), /\/(test|fuzz|valgrind)\//.test(BIN) ? undefined : 'gauge');
			const notFound = { route: '/releases/:slug', method: 'GET', status: '404' };
			const n404 = value(p0, 'siaran_http_requests_total', notFound);

			const c = await loginAs(srv, 'contribA');
			await createRequest(c, pressRelease(), 'submit');
			await createRequest(c, pressRelease(), 'submit');
			await createRequest(c, pressRelease(), 'save');
			for (const p of ['/releases/tidak-ada', '/releases/juga-tidak-ada', '/wp-login.php', '/', '/'])
				await fetch(srv.base + p);
			await fetch(srv.base + '/healthz', { method: 'POST' });

			// Counters are written when a request completes, just after its answer.
			let p1;
			await waitFor(async () => {
				p1 = parseMetrics((await scrape(srv.base)).text);
				return value(p1, 'siaran_http_requests_total', { route: '/', method: 'GET', status: '200' }) >= 2;
			});
			assert.equal(value(p1, 'siaran_http_requests_total', notFound), n404 + 2, 'a 404 under its route');
			assert.equal(value(p1, 'siaran_http_requests_total', { route: 'unmatched', method: 'GET', status: '404' }), 1);
			assert.equal(value(p1, 'siaran_http_requests_total', { route: '/healthz', method: 'POST', status: '405' }), 1);
			assert.equal(value(p1, 'siaran_http_requests_total', { route: '/requests', method: 'POST', status: '303' }), 3);
			assert.equal(value(p1, 'siaran_http_requests_total', { route: '/login', method: 'POST', status: '303' }), 1);
			assert.ok(value(p1, 'siaran_http_requests_total', { route: '/metrics', method: 'GET', status: '200' }) >= 1);
			// No raw path becomes a label.
			assert.ok(!p1.samples.some((s) => /tidak-ada|wp-login/.test(JSON.stringify(s.labels))));
			// The histogram of "/": cumulative buckets, +Inf equals the count.
			const buckets = p1.samples.filter((s) => s.name === 'siaran_http_request_duration_seconds_bucket'
				&& s.labels.route === '/');
			assert.equal(buckets.at(-1).labels.le, '+Inf');
			for (let i = 1; i < buckets.length; i++) {
				assert.ok(buckets[i].value >= buckets[i - 1].value, 'buckets are cumulative');
				assert.ok(Number(buckets[i].labels.le) > Number(buckets[i - 1].labels.le) || buckets[i].labels.le === '+Inf');
			}
			const count = value(p1, 'siaran_http_request_duration_seconds_count', { route: '/' });
			assert.equal(buckets.at(-1).value, count);
			assert.ok(count >= 2);
			assert.ok(value(p1, 'siaran_http_request_duration_seconds_sum', { route: '/' }) > 0);

			// The figures from the database agree with the database.
			assert.equal(value(p1, 'siaran_review_queue_length'),
				sqlValue(srv.db, "SELECT COUNT(*) FROM requests WHERE state IN ('submitted', 'in_review')"));
			assert.equal(value(p1, 'siaran_review_queue_length'), 2);
			assert.ok(value(p1, 'siaran_review_queue_oldest_age_seconds') >= 0);
			assert.equal(value(p1, 'siaran_requests', { state: 'draft' }), 1);
			assert.equal(value(p1, 'siaran_requests', { state: 'submitted' }), 2);
			const pending = sqlValue(srv.db, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'");
			assert.ok(pending > 0, 'submissions put e-mail for the editors in the outbox');
			assert.equal(value(p1, 'siaran_outbox_pending'), pending);
			assert.equal(value(p1, 'siaran_outbox_messages', { state: 'pending' }), pending);
			const size = sqlValue(srv.db, 'SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()');
			assert.equal(value(p1, 'siaran_database_size_bytes'), size);
			assert.ok(value(p1, 'siaran_database_wal_size_bytes') > 0, 'the WAL holds the new requests');
			assert.ok(value(p1, 'process_resident_memory_bytes') > 1e6);
			assert.ok(value(p1, 'process_open_fds') > 3);
			// The home page, fetched twice anonymously, is in the response cache now.
			assert.ok(value(p1, 'siaran_response_cache_bytes') > value(p0, 'siaran_response_cache_bytes'),
				'the cached home page is counted');
			assert.ok(value(p1, 'siaran_sqlite_memory_bytes') > 0);
			if (p1.types.has('siaran_heap_in_use_bytes'))
				assert.ok(value(p1, 'siaran_heap_in_use_bytes') > value(p1, 'siaran_response_cache_bytes'));
		} finally {
			await srv.stop();
		}
	});

	test('through a proxy or with a wrong token: the ordinary 404', async () => {
		const token = 'prometheus-scrape-token-2026';
		const srv = await startServer();
		try {
			const notFound = await fetch(srv.base + '/tidak-ada');
			const notFoundBody = await notFound.text();
			for (const h of [{ 'X-Forwarded-For': '203.0.113.9' }, { 'X-Real-IP': '203.0.113.9' },
				{ Forwarded: 'for=203.0.113.9' }, { 'X-Forwarded-For': '203.0.113.9', Authorization: `Bearer ${token}` }]) {
				const r = await scrape(srv.base, h);
				assert.equal(r.status, 404, JSON.stringify(h));
				assert.equal(r.type, notFound.headers.get('content-type'));
				assert.ok(!r.text.includes('siaran_'), 'no metrics in the body');
				assert.equal(r.text.length, notFoundBody.length, 'the same page as any unknown path');
			}
			await srv.restart({ SIARAN_METRICS_TOKEN: token });
			const proxied = { 'X-Forwarded-For': '203.0.113.9' };
			for (const auth of [undefined, 'Bearer salah-token-yang-panjang', `Bearer ${token}x`, `Basic ${token}`, token]) {
				const r = await scrape(srv.base, auth ? { ...proxied, Authorization: auth } : proxied);
				assert.equal(r.status, 404, `Authorization: ${auth}`);
			}
			const inQuery = await fetch(`${srv.base}/metrics?token=${token}`, { headers: proxied });
			assert.equal(inQuery.status, 404, 'a token in the query string does not count');
			const ok = await scrape(srv.base, { ...proxied, Authorization: `Bearer ${token}` });
			assert.equal(ok.status, 200);
			parseMetrics(ok.text);
			assert.equal((await scrape(srv.base)).status, 200, 'loopback without a proxy needs no token');
			await waitFor(() => srv.stdout().includes('/metrics?token=REDACTED'));
			assert.ok(!srv.stdout().includes(token), 'the token is never logged');
		} finally {
			await srv.stop();
		}
	});

	test('a short metrics token or an unknown log format stops serve at once', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-opscfg-'));
		try {
			const db = path.join(dir, 'siaran.db');
			const base = ['serve', '--db', db, '--data', dir, '--listen', '127.0.0.1:0'];
			for (const [args, env, reason] of [
				[base, { SIARAN_METRICS_TOKEN: 'pendek' }, /metrics token/],
				[[...base, '--metrics-token', 'dengan spasi di dalam token'], {}, /metrics token/],
				[[...base, '--log-format', 'xml'], {}, /log format/],
				[base, { SIARAN_LOG_FORMAT: 'yaml' }, /log format/],
				[base, { SIARAN_KEEP_SENT_MAIL_DAYS: '-1' }, /SIARAN_KEEP_SENT_MAIL_DAYS/],
				[base, { SIARAN_PRUNE_INTERVAL: '0' }, /SIARAN_PRUNE_INTERVAL/],
			]) {
				const r = runBin(args, { env, timeout: 20_000 });
				assert.equal(r.status, 2, `${JSON.stringify(env)} ${args.join(' ')}: ${r.stderr}`);
				assert.match(r.stderr, reason);
				assert.doesNotMatch(r.stdout, /listening on/);
			}
			const help = runBin(['serve', '--help']).stdout;
			assert.match(help, /--log-format/);
			assert.match(help, /--metrics-token/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('access log', () => {
	const TEXT_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z) (GET|HEAD|POST) (\/\S*) (\d{3}) (\d+) (\d+\.\d)ms user=(\d+|-)$/;

	/* The same requests for both formats: signed in, with secrets in a cookie, a header, the
	 * query string and the login form. Returns what must never appear in the log. */
	async function traffic(srv) {
		const c = await loginAs(srv, 'contribA');
		const secretQuery = 'rahasia-di-query-8d1f';
		await c.get(`/requests?token=${secretQuery}&page=1`, { Authorization: 'Bearer rahasia-di-header-51c2' });
		await c.get('/search?q=banjir%20rob');
		await fetch(srv.base + '/releases/tidak-ada');
		const anon = new Client(srv);
		await anon.login(USERS.contribB.email, 'kata-sandi-yang-salah-sekali');
		const uid = sqlValue(srv.db, `SELECT id FROM users WHERE email = '${USERS.contribA.email}'`);
		const secrets = [USERS.contribA.password, 'kata-sandi-yang-salah-sekali', secretQuery,
			'rahasia-di-header-51c2', ...c.jar.values(), c.csrf].filter(Boolean);
		// The eight requests above and the "listening" line: each is logged just after its answer.
		assert.ok(await waitFor(() => srv.stdout().trim().split('\n').length >= 9), srv.stdout());
		return { uid, secrets };
	}

	function noSecrets(out, secrets) {
		for (const s of secrets)
			assert.ok(!out.includes(s), `the log contains a secret (${s.slice(0, 6)}...)`);
	}

	test('text and JSON lines carry the fields and never a secret', async () => {
		const srv = await startServer();
		try {
			const { uid, secrets } = await traffic(srv);
			const lines = srv.stdout().trim().split('\n').slice(1);
			assert.ok(lines.length >= 8, lines.join('\n'));
			const parsed = lines.map((l) => {
				const m = TEXT_LINE.exec(l);
				assert.ok(m, `not an access-log line: ${l}`);
				return { method: m[2], target: m[3], status: Number(m[4]), bytes: Number(m[5]), user: m[7] };
			});
			const mine = parsed.find((p) => p.target.startsWith('/requests?'));
			assert.deepEqual(mine, { method: 'GET', target: '/requests?token=REDACTED&page=1', status: 200,
				bytes: mine.bytes, user: String(uid) });
			assert.ok(mine.bytes > 1000);
			assert.ok(parsed.some((p) => p.target === '/search?q=banjir%20rob' && p.user === String(uid)));
			assert.ok(parsed.some((p) => p.target === '/releases/tidak-ada' && p.status === 404 && p.user === '-'));
			assert.ok(parsed.some((p) => p.method === 'POST' && p.target === '/login' && p.status === 303));
			noSecrets(srv.stdout(), secrets);

			await srv.restart({ SIARAN_LOG_FORMAT: 'json' });
			const again = await traffic(srv);
			const objs = srv.stdout().trim().split('\n').slice(1).map((l) => JSON.parse(l));
			assert.ok(objs.length >= 8);
			for (const o of objs) {
				assert.deepEqual(Object.keys(o), ['time', 'method', 'path', 'query', 'route', 'status', 'bytes',
					'duration_ms', 'user_id']);
				assert.match(o.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
				assert.ok(Math.abs(Date.parse(o.time) - Date.now()) < 120_000);
				assert.equal(typeof o.status, 'number');
				assert.equal(typeof o.bytes, 'number');
				assert.equal(typeof o.duration_ms, 'number');
				assert.ok(o.user_id === null || Number.isInteger(o.user_id));
			}
			const j = objs.find((o) => o.path === '/requests' && o.query.startsWith('token='));
			assert.deepEqual({ ...j, time: 0, bytes: 0, duration_ms: 0 }, { time: 0, method: 'GET', path: '/requests',
				query: 'token=REDACTED&page=1', route: '/requests', status: 200, bytes: 0, duration_ms: 0, user_id: again.uid });
			assert.ok(objs.some((o) => o.path === '/releases/tidak-ada' && o.route === '/releases/:slug'
				&& o.status === 404 && o.user_id === null));
			noSecrets(srv.stdout(), again.secrets);
		} finally {
			await srv.stop();
		}
	});
});

describe('pruning', () => {
	test('removes only expired sessions and rows older than configured, on a shifted clock', async () => {
		let srv = await startServer({ env: { SIARAN_PRUNE_INTERVAL: '1' } });
		const dir = srv.dir;
		try {
			// Rows made the ordinary way: logins (one failed), submissions (notifications for the
			// editors, e-mail in the outbox), one notification read.
			const a = await loginAs(srv, 'contribA');
			await createRequest(a, pressRelease(), 'submit');
			await createRequest(a, pressRelease(), 'submit');
			const bad = new Client(srv);
			assert.equal((await bad.login(USERS.editor.email, 'bukan-kata-sandinya-123')).status, 401);
			const e = await loginAs(srv, 'editor');
			const editorId = sqlValue(srv.db, `SELECT id FROM users WHERE email = '${USERS.editor.email}'`);
			const readId = sqlValue(srv.db, `SELECT MIN(id) FROM notifications WHERE user_id = ${editorId}`);
			assert.equal((await e.form('/notifications/read', [['id', String(readId)]])).status, 303);
			await srv.stop({ keep: true });

			// Delivery is simulated (no SMTP server here): one message sent now, one failed. Rows
			// dated ten days ahead are 30 days old once the clock moves 40 days: young enough to stay.
			const now = Math.floor(Date.now() / 1000);
			const young = now + 10 * DAY;
			const outbox = sql(srv.db, 'SELECT id FROM outbox ORDER BY id').map((r) => r.id);
			assert.ok(outbox.length >= 3, 'submissions wrote e-mail');
			sql(srv.db, `UPDATE outbox SET state = 'sent', sent_at = ${now} WHERE id = ${outbox[0]};`
				+ `UPDATE outbox SET state = 'failed' WHERE id = ${outbox[1]};`
				+ `UPDATE outbox SET state = 'sent', sent_at = ${young} WHERE id = ${outbox[2]};`
				+ `INSERT INTO outbox_attempts (outbox_id, at, ok) VALUES (${outbox[0]}, ${now}, 1);`
				+ `INSERT INTO login_attempts (email, client, at, outcome) VALUES ('muda@siaran.test', '127.0.0.1', ${young}, 'ok');`
				+ `INSERT INTO notifications (user_id, text, created_at, read_at) VALUES (${editorId}, 'muda', ${young}, ${young});`);
			const oldSessions = sqlValue(srv.db, 'SELECT COUNT(*) FROM sessions');
			assert.ok(oldSessions >= 2);
			const count = (t, where = '1') => sqlValue(srv.db, `SELECT COUNT(*) FROM ${t} WHERE ${where}`);
			const before = {
				attempts: count('login_attempts'), unread: count('notifications', 'read_at IS NULL'),
				notifications: count('notifications'), outbox: count('outbox'),
			};
			assert.ok(before.unread > 0);

			// Forty days later with every retention off (0): only the expired sessions go.
			const later = { SIARAN_CLOCK_OFFSET: String(40 * DAY), SIARAN_PRUNE_INTERVAL: '1' };
			srv = await startServer({ dir, env: { ...later, SIARAN_KEEP_LOGIN_ATTEMPTS_DAYS: '0',
				SIARAN_KEEP_SENT_MAIL_DAYS: '0', SIARAN_KEEP_READ_NOTIFICATIONS_DAYS: '0' } });
			assert.ok(await waitFor(() => count('sessions') === 0), 'expired sessions are removed');
			await waitFor(() => srv.stderr().includes('pruned'));
			assert.match(srv.stderr(), /pruned \d+ expired session\(s\), 0 login attempt\(s\), 0 sent e-mail\(s\), 0 read/);
			assert.deepEqual({ attempts: count('login_attempts'), unread: count('notifications', 'read_at IS NULL'),
				notifications: count('notifications'), outbox: count('outbox') }, before, 'retention 0 keeps rows');
			await srv.stop({ keep: true });

			// Keep 35 days: the 40-day-old rows go, the 30-day-old and the new ones stay.
			srv = await startServer({ dir, env: { ...later, SIARAN_KEEP_LOGIN_ATTEMPTS_DAYS: '35',
				SIARAN_KEEP_SENT_MAIL_DAYS: '35', SIARAN_KEEP_READ_NOTIFICATIONS_DAYS: '35' } });
			const b = await loginAs(srv, 'contribB');
			assert.ok(await waitFor(() => count('login_attempts', `at < ${now + DAY}`) === 0),
				'old login attempts are removed');
			assert.equal(count('login_attempts', "email = 'muda@siaran.test'"), 1, '30 days old: kept');
			assert.ok(count('login_attempts', `email = '${USERS.contribB.email}' AND at > ${now + 39 * DAY}`) >= 1,
				'the new login is counted');
			assert.equal(count('outbox', `id = ${outbox[0]}`), 0, 'old sent e-mail removed');
			assert.equal(count('outbox_attempts', `outbox_id = ${outbox[0]}`), 0, 'with its attempts');
			assert.equal(count('outbox', `id IN (${outbox[1]}, ${outbox[2]})`), 2, 'failed and recent sent e-mail kept');
			assert.equal(count('outbox', "state = 'pending'"), before.outbox - 3, 'pending e-mail kept');
			assert.equal(count('notifications', `id = ${readId}`), 0, 'old read notification removed');
			assert.equal(count('notifications', "text = 'muda'"), 1, 'recently read notification kept');
			assert.equal(count('notifications', 'read_at IS NULL'), before.unread, 'unread notifications kept');
			assert.equal(count('sessions'), 1, "only the new session");
			assert.equal((await b.get('/requests')).status, 200, 'the new session still works');
		} finally {
			await srv.stop();
		}
	});
});

describe('deploy files and docs', () => {
	const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

	test('the nginx site passes nginx -t inside a wrapper configuration', (t) => {
		if (!has('nginx') && !fs.existsSync('/usr/sbin/nginx'))
			return t.skip('nginx is not installed (scripts/install-deps.sh bench installs it)');
		const nginx = has('nginx') ? 'nginx' : '/usr/sbin/nginx';
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-nginx-'));
		try {
			const site = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx-siaran.conf'), 'utf8');
			// One upload carries up to SIARAN_MAX_REQUEST_MB (100 MiB) of files plus the form fields.
			assert.match(site, /client_max_body_size 101m;/);
			assert.match(site, /add_header Strict-Transport-Security "max-age=\d+; includeSubDomains" always;/);
			assert.match(site, /location = \/metrics \{\s*return 404;/);
			assert.match(site, /proxy_set_header X-Forwarded-Proto \$scheme;/);
			const cert = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1',
				'-subj', '/CN=siaran.example.go.id', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]);
			assert.equal(cert.status, 0, String(cert.stderr));
			fs.writeFileSync(path.join(dir, 'site.conf'), site
				.replace(/\/etc\/letsencrypt\/live\/[^;]*fullchain\.pem/, path.join(dir, 'cert.pem'))
				.replace(/\/etc\/letsencrypt\/live\/[^;]*privkey\.pem/, path.join(dir, 'key.pem')));
			const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
				.map((k) => `${k}_temp_path ${dir}/${k};`).join('\n');
			fs.writeFileSync(path.join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\n`
				+ `events {}\nhttp {\n${temp}\naccess_log off;\ninclude ${dir}/site.conf;\n}\n`);
			const r = spawnSync(nginx, ['-t', '-p', dir + '/', '-c', path.join(dir, 'nginx.conf'),
				'-e', path.join(dir, 'error.log')], { encoding: 'utf8' });
			assert.equal(r.status, 0, r.stderr);
			assert.match(r.stderr, /test is successful/);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	test('the systemd unit passes systemd-analyze verify', (t) => {
		if (!has('systemd-analyze'))
			return t.skip('systemd-analyze is not installed');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-unit-'));
		try {
			const unit = fs.readFileSync(path.join(ROOT, 'deploy', 'siaran.service'), 'utf8');
			for (const opt of ['NoNewPrivileges=yes', 'ProtectSystem=strict', 'ReadWritePaths=/var/lib/siaran',
				'PrivateTmp=yes', 'CapabilityBoundingSet=', 'User=siaran'])
				assert.ok(unit.split('\n').includes(opt), opt);
			// The unit names the installed binary; verify it against this build's.
			const file = path.join(dir, 'siaran.service');
			fs.writeFileSync(file, unit.replace('/opt/siaran/build/siaran', BIN));
			const r = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
			assert.equal(r.status, 0, r.stderr);
			assert.equal(r.stderr.trim(), '', r.stderr);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});

	test('docs/operations.md names every variable and flag of the program', () => {
		const doc = fs.readFileSync(path.join(ROOT, 'docs', 'operations.md'), 'utf8');
		const vars = new Set();
		for (const dir of ['src', 'src/core', 'src/http', 'src/pages', 'src/store', 'src/util'])
			for (const f of fs.readdirSync(path.join(ROOT, dir)).filter((x) => x.endsWith('.c')))
				for (const m of fs.readFileSync(path.join(ROOT, dir, f), 'utf8').matchAll(/"(SIARAN_[A-Z_]+)"/g))
					vars.add(m[1]);
		assert.ok(vars.size >= 20);
		for (const v of vars)
			assert.ok(doc.includes('`' + v + '`'), `${v} is not documented in docs/operations.md`);
		for (const cmd of ['serve', 'migrate', 'demo', 'backup', 'user'])
			for (const m of runBin([cmd, '--help']).stdout.matchAll(/--([a-z][a-z-]+)/g))
				if (!['help', 'email', 'name', 'role', 'unit', 'password-stdin'].includes(m[1]))
					assert.ok(doc.includes('--' + m[1]), `--${m[1]} (siaran ${cmd}) is not documented`);
	});
});
