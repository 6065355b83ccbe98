// Shared harness for the black-box HTTP tests: starts the real siaran binary on a free port with
// a fresh database in a temp dir, gives cookie-jar clients, and reads the database with the
// sqlite3 CLI. Run: SIARAN_BIN=build/test/siaran node --test tests/http/
import { spawn, spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.resolve(ROOT, process.env.SIARAN_BIN || 'build/test/siaran');

// SIARAN_WRAPPER prefixes the server's command line (e.g. `valgrind --tool=memcheck ...`, see
// `make test-valgrind`); words are split on spaces. Under a wrapper everything is slower, so
// the harness's own waits grow by SIARAN_TIMEOUT_SCALE (default 1, or 20 with a wrapper).
export const WRAPPER = (process.env.SIARAN_WRAPPER || '').split(/\s+/).filter(Boolean);
export const TIMEOUT_SCALE = Number(process.env.SIARAN_TIMEOUT_SCALE) || (WRAPPER.length ? 20 : 1);

// The users every server starts with. Passwords are at least 12 characters, as the CLI requires.
export const USERS = {
	contribA: { email: 'kontributor.a@dinkes.test', name: 'Dewi Kontributor A', role: 'contributor',
		unit: 'DINKES', password: 'rahasia-kontributor-A-2026' },
	contribA2: { email: 'kontributor.a2@dinkes.test', name: 'Sari Kontributor A2', role: 'contributor',
		unit: 'DINKES', password: 'rahasia-kontributor-A2-2026' },
	contribB: { email: 'kontributor.b@dishub.test', name: 'Agus Kontributor B', role: 'contributor',
		unit: 'DISHUB', password: 'rahasia-kontributor-B-2026' },
	editor: { email: 'editor@humas.test', name: 'Rina Editor', role: 'editor',
		password: 'rahasia-editor-humas-2026' },
	admin: { email: 'admin@humas.test', name: 'Budi Admin', role: 'admin',
		password: 'rahasia-admin-humas-2026' },
};

// Known leaks of libraries at exit, not siaran's (tests/lsan.supp), unless the caller chose.
if (!process.env.LSAN_OPTIONS)
	process.env.LSAN_OPTIONS = `suppressions=${path.join(ROOT, 'tests', 'lsan.supp')}`;

/* Runs the binary synchronously; returns { status, stdout, stderr }. */
export function runBin(args, { input, env = {}, cwd = ROOT, timeout = 60_000 } = {}) {
	const r = spawnSync(BIN, args, {
		cwd, input, env: { ...process.env, ...env }, encoding: 'utf8', timeout,
	});
	if (r.error)
		throw r.error;
	return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/* Asserts that sanitizer output is absent from a process's stderr. */
export function assertNoSanitizerReport(stderr, what = 'siaran') {
	for (const needle of ['AddressSanitizer', 'runtime error:', 'LeakSanitizer']) {
		assert.ok(!stderr.includes(needle), `${what}: stderr contains "${needle}":\n${stderr}`);
	}
}

export function addUser(db, u) {
	const args = ['user', 'add', '--db', db, '--email', u.email, '--name', u.name, '--role', u.role];
	if (u.unit)
		args.push('--unit', u.unit);
	args.push('--password-stdin');
	const r = runBin(args, { input: u.password + '\n' });
	assert.equal(r.status, 0, `user add ${u.email} failed: ${r.stderr}`);
	assertNoSanitizerReport(r.stderr, 'user add');
	return r;
}

/* Migrates db and (when users) adds USERS with `siaran user add`. */
function freshDb(db, shareEnv = {}, users = true) {
	const m = runBin(['migrate', '--db', db], { env: shareEnv });
	assert.equal(m.status, 0, `migrate failed: ${m.stderr}`);
	assertNoSanitizerReport(m.stderr, 'migrate');
	if (users)
		for (const u of Object.values(USERS))
			addUser(db, u);
}

/* A migrated database with USERS, made once per binary, migrations and users (password hashing
 * under ASan costs most of a second a user) and copied for each server. The key changes whenever
 * any of them does. SIARAN_HTTP_NO_TEMPLATE=1 makes every database from scratch. */
function templateDb() {
	if (process.env.SIARAN_HTTP_NO_TEMPLATE)
		return null;
	const h = createHash('sha256');
	const st = fs.statSync(BIN);
	h.update(`${BIN}\0${st.size}\0${st.mtimeMs}\0${JSON.stringify(USERS)}`);
	const mdir = path.join(ROOT, 'migrations');
	for (const f of fs.readdirSync(mdir).sort())
		h.update(`\0${f}\0${fs.readFileSync(path.join(mdir, f))}`);
	const key = h.digest('hex').slice(0, 16);
	const tdir = path.join(os.tmpdir(), 'siaran-http-templates');
	fs.mkdirSync(tdir, { recursive: true });
	const file = path.join(tdir, `${key}.db`);
	if (fs.existsSync(file))
		return file;
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-http-tmpl-'));
	try {
		const db = path.join(work, 'siaran.db');
		freshDb(db);
		assert.ok(!fs.existsSync(db + '-wal') || fs.statSync(db + '-wal').size === 0,
			'the template database was not checkpointed');
		const tmp = `${file}.${process.pid}.tmp`;
		fs.copyFileSync(db, tmp);
		fs.renameSync(tmp, file); // atomic: parallel test files see all or nothing
	} finally {
		fs.rmSync(work, { recursive: true, force: true });
	}
	// Templates of older builds, left for an hour in case another run still uses them.
	// Another test process may be removing the same files at the same moment: a file gone
	// between readdir and stat is simply skipped.
	for (const f of fs.readdirSync(tdir)) {
		const p = path.join(tdir, f);
		const st = fs.statSync(p, { throwIfNoEntry: false });
		if (st && f !== `${key}.db` && Date.now() - st.mtimeMs > 3600_000)
			fs.rmSync(p, { force: true });
	}
	return file;
}

/* Starts `siaran serve` on a fresh database. Returns the server handle:
 * { base, dir, db, proc, stop(), kill(), stderr(), stdout(), restart(env) }. */
export async function startServer({ env = {}, users = true, dir: givenDir, share } = {}) {
	const dir = givenDir || fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-http-'));
	const db = path.join(dir, 'siaran.db');
	const shareEnv = share ? { SIARAN_SHARE: share } : {};
	if (!fs.existsSync(db)) {
		try {
			const template = users && !share ? templateDb() : null;
			if (template)
				fs.copyFileSync(template, db);
			else
				freshDb(db, shareEnv, users);
		} catch (e) {
			if (!givenDir && !process.env.SIARAN_KEEP_TMP)
				fs.rmSync(dir, { recursive: true, force: true });
			throw e;
		}
	}
	const srv = { dir, db, base: null, proc: null, env: { ...shareEnv, ...env } };
	let errText = '', outText = '';
	let exited = null;

	async function spawnServe(extraEnv) {
		errText = '';
		outText = '';
		const argv = [...WRAPPER, BIN, 'serve', '--db', db, '--data', dir, '--listen', '127.0.0.1:0'];
		const proc = spawn(argv[0], argv.slice(1), {
			cwd: ROOT, env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'],
		});
		srv.proc = proc;
		// 'close' comes after the exit and the end of both pipes: a sanitizer report is all read.
		exited = new Promise((resolve) => {
			proc.on('close', (code, signal) => resolve({ code, signal }));
			// A process that could not be started (e.g. the binary being rebuilt) closes nothing.
			proc.on('error', (err) => resolve({ code: null, signal: null, error: err }));
		});
		proc.stderr.setEncoding('utf8');
		proc.stderr.on('data', (d) => { errText += d; });
		proc.stdout.setEncoding('utf8');
		const base = await new Promise((resolve, reject) => {
			let done = false;
			const timer = setTimeout(() => finish(new Error(
				`server did not print its address within ${15 * TIMEOUT_SCALE} s\nstdout:\n${outText}\nstderr:\n${errText}`)),
			15_000 * TIMEOUT_SCALE);
			function finish(err, value) {
				if (done)
					return;
				done = true;
				clearTimeout(timer);
				err ? reject(err) : resolve(value);
			}
			// stdout keeps being drained (the access log goes there) so the server never blocks.
			proc.stdout.on('data', (d) => {
				outText += d;
				if (outText.length > 4_000_000)
					outText = outText.slice(-1_000_000);
				// Only the first line matters here (splitting the whole log at every chunk
				// made a busy server's test runner spend more CPU than the server).
				const nl = done ? -1 : outText.indexOf('\n');
				if (nl >= 0) {
					const firstLine = outText.slice(0, nl);
					const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine);
					finish(m ? null : new Error(`unexpected first line: ${firstLine}\nstderr:\n${errText}`),
						m && m[1]);
				}
			});
			proc.on('error', (err) => finish(new Error(`cannot start ${BIN}: ${err.message}`)));
			proc.on('exit', (code, signal) => finish(new Error(
				`server exited (${code ?? signal}) before listening\nstderr:\n${errText}`)));
		});
		srv.base = base;
	}

	/* Stops the process: SIGTERM, exit 0, no sanitizer report. */
	async function stopProcess() {
		const proc = srv.proc;
		if (!proc)
			return;
		srv.proc = null;
		let result;
		if (proc.exitCode === null && proc.signalCode === null) {
			proc.kill('SIGTERM');
			let timer;
			const timeout = new Promise((resolve) => {
				timer = setTimeout(() => resolve(null), 20_000 * TIMEOUT_SCALE);
			});
			result = await Promise.race([exited, timeout]);
			clearTimeout(timer);
			if (!result) {
				proc.kill('SIGKILL');
				await exited;
				assert.fail(`server did not exit within ${20 * TIMEOUT_SCALE} s of SIGTERM\nstderr:\n${errText}`);
			}
		} else {
			result = await exited;
		}
		assert.equal(result.code, 0,
			`server exit ${result.code ?? result.signal} after SIGTERM\nstderr:\n${errText}`);
		assertNoSanitizerReport(errText, 'serve');
	}

	/* kill -9: no shutdown at all, as in a crash. Waits until the process is gone. */
	srv.kill = async () => {
		const proc = srv.proc;
		if (!proc)
			return;
		srv.proc = null;
		proc.kill('SIGKILL');
		await exited;
		assertNoSanitizerReport(errText, 'serve (before kill -9)');
	};
	srv.stderr = () => errText;
	srv.stdout = () => outText;
	srv.restart = async (newEnv = {}) => {
		await stopProcess();
		srv.env = { ...shareEnv, ...newEnv };
		await spawnServe(srv.env);
	};
	srv.stop = async ({ keep = false } = {}) => {
		try {
			await stopProcess();
		} finally {
			if (!keep && !process.env.SIARAN_KEEP_TMP && !givenDir)
				fs.rmSync(dir, { recursive: true, force: true });
		}
	};
	try {
		await spawnServe(srv.env);
	} catch (e) {
		srv.proc?.kill('SIGKILL');
		if (!givenDir && !process.env.SIARAN_KEEP_TMP)
			fs.rmSync(dir, { recursive: true, force: true });
		throw e;
	}
	return srv;
}

/* Rows from the database via the sqlite3 CLI, as objects. */
export function sql(db, query) {
	const r = spawnSync('sqlite3', ['-json', '-cmd', '.timeout 5000', db, query],
		{ encoding: 'utf8', maxBuffer: 1 << 30 });
	if (r.error)
		throw r.error;
	assert.equal(r.status, 0, `sqlite3 failed on ${query}: ${r.stderr}`);
	const out = r.stdout.trim();
	return out ? JSON.parse(out) : [];
}

/* The first column of the first row, or undefined. */
export function sqlValue(db, query) {
	const rows = sql(db, query);
	if (!rows.length)
		return undefined;
	return Object.values(rows[0])[0];
}

/* A fingerprint of every table that matters, to prove that "nothing was written". */
export function dbSnapshot(db) {
	const tables = ['requests', 'request_quotes', 'revisions', 'transitions', 'number_sequences',
		'users', 'login_attempts'];
	const snap = {};
	for (const t of tables)
		snap[t] = sql(db, `SELECT * FROM ${t} ORDER BY rowid`);
	// last_seen_at moves on its own once a minute; the rest of a session must not.
	snap.sessions = sql(db, 'SELECT id, hex(token_hash) AS token, user_id, csrf_token, created_at'
		+ ' FROM sessions ORDER BY id');
	return snap;
}

/* The headers every answer of the site carries: a content type (with charset=utf-8 when it is
 * text), nosniff, a referrer policy, and a CSP that forbids framing and inline code. headers is a
 * fetch Headers object or a lower-case map. */
export function checkSecurityHeaders(what, headers) {
	const get = (n) => (typeof headers.get === 'function' ? headers.get(n) : headers[n.toLowerCase()]);
	const ct = get('content-type');
	assert.ok(ct, `${what}: no Content-Type`);
	if (/^text\/|[/+](json|xml)\b|^application\/javascript/i.test(ct))
		assert.match(ct, /;\s*charset=utf-8/i, `${what}: Content-Type ${ct} has no charset`);
	assert.equal(get('x-content-type-options'), 'nosniff', `${what}: X-Content-Type-Options`);
	assert.ok(get('referrer-policy'), `${what}: no Referrer-Policy`);
	const csp = get('content-security-policy');
	assert.ok(csp, `${what}: no Content-Security-Policy`);
	assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP ${csp}`);
	assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), `${what}: CSP allows inline code: ${csp}`);
}

/* Headers of a raw response head as a lower-case map. */
export function headMap(head) {
	const m = {};
	for (const line of head.split('\r\n').slice(1)) {
		const i = line.indexOf(':');
		m[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
	}
	return m;
}

export function csrfFrom(html) {
	const m = /name="csrf_token" value="([^"]*)"/.exec(html);
	return m ? m[1] : null;
}

/* fields [[name, value], ...] as an application/x-www-form-urlencoded body. */
export function encodeForm(fields) {
	return fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v ?? '')}`).join('&');
}

/* A browser-ish client: cookie jar, no redirect following, the page's CSRF token remembered. */
export class Client {
	constructor(server) {
		this.server = server;
		this.jar = new Map();
		this.csrf = null;
	}

	get base() { return this.server.base; }

	cookieHeader() {
		return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	/* Stores Set-Cookie values; Max-Age=0 (or an expiry in the past) deletes. Returns the raw list. */
	takeCookies(res) {
		const list = res.headers.getSetCookie ? res.headers.getSetCookie() : [];
		for (const line of list) {
			const [pair, ...attrs] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const del = attrs.some((a) => /^\s*max-age\s*=\s*(0|-\d+)\s*$/i.test(a));
			if (del)
				this.jar.delete(name);
			else
				this.jar.set(name, value);
		}
		return list;
	}

	async request(method, p, { body, headers = {}, contentType } = {}) {
		const h = { ...headers };
		if (this.jar.size && !Object.keys(h).some((k) => k.toLowerCase() === 'cookie'))
			h.Cookie = this.cookieHeader();
		if (body !== undefined && contentType)
			h['Content-Type'] = contentType;
		let res;
		try {
			res = await fetch(this.base + p, { method, headers: h, body, redirect: 'manual' });
		} catch (e) {
			// fetch says only "fetch failed"; the cause (ECONNRESET, a closed socket...) matters.
			const c = e.cause;
			throw new Error(`${method} ${p}: ${e.message}: ${c ? c.code || c.message : 'no cause'}`,
				{ cause: e });
		}
		const setCookies = this.takeCookies(res);
		const text = await res.text();
		const ct = res.headers.get('content-type') || '';
		if (ct.startsWith('text/html')) {
			const tok = csrfFrom(text);
			if (tok)
				this.csrf = tok;
		}
		return { status: res.status, headers: res.headers, text, setCookies,
			location: res.headers.get('location') };
	}

	get(p, headers = {}) {
		return this.request('GET', p, { headers });
	}

	/* fields: [[name, value], ...] (repeated names allowed), or a string sent as it is. */
	post(p, fields = [], headers = {}) {
		const body = typeof fields === 'string' ? fields : encodeForm(fields);
		return this.request('POST', p, { body, headers,
			contentType: 'application/x-www-form-urlencoded' });
	}

	/* A POST as the site's own forms send it: with the current CSRF token. */
	async form(p, fields = [], headers = {}) {
		if (!this.csrf)
			await this.get(this.jar.size ? '/requests' : '/login');
		assert.ok(this.csrf, 'no csrf_token found on the page');
		return this.post(p, [...fields, ['csrf_token', this.csrf]], headers);
	}

	/* A multipart POST as the site's forms with files send it, with the current CSRF token.
	 * fields: [[name, value], ...]; files: [[field, filename, Buffer, type?], ...]. */
	async multipart(p, fields = [], files = [], headers = {}) {
		if (!this.csrf)
			await this.get(this.jar.size ? '/requests' : '/login');
		const fd = new FormData();
		for (const [k, v] of [...fields, ['csrf_token', this.csrf]])
			fd.append(k, v);
		for (const [field, name, data, type] of files)
			fd.append(field, new Blob([data], { type: type || 'application/octet-stream' }), name);
		return this.request('POST', p, { body: fd, headers });
	}

	async login(email, password) {
		const page = await this.get('/login');
		assert.equal(page.status, 200, `GET /login: ${page.status}`);
		const tok = csrfFrom(page.text);
		assert.ok(tok, 'login form has no csrf_token');
		const res = await this.post('/login', [['email', email], ['password', password], ['csrf_token', tok]]);
		// The session has its own token: take it from the next page.
		this.csrf = null;
		if (res.status === 303) {
			const r = await this.get('/requests');
			assert.equal(r.status, 200, `GET /requests after login: ${r.status}`);
		}
		return res;
	}
}

/* A logged-in client for one of USERS. */
export async function loginAs(server, key) {
	const c = new Client(server);
	const u = USERS[key];
	const res = await c.login(u.email, u.password);
	assert.equal(res.status, 303, `login ${u.email}: ${res.status}\n${res.text.slice(0, 500)}`);
	c.user = u;
	return c;
}

/* --- content --- */

let serial = 0;

/* A complete press release as form fields. Overrides replace fields by name; quotes default to
 * one quote. */
export function pressRelease(over = {}, quotes = [['Ani Ruspitawati', 'Kepala Dinas Kesehatan',
	'Kami ingin setiap warga bisa memeriksakan kesehatannya.']]) {
	serial++;
	const f = {
		kind: 'press_release',
		title: `Dinkes Perluas Layanan Cek Kesehatan Gratis ${serial}`,
		summary: 'Dinas Kesehatan memperluas layanan cek kesehatan gratis ke seluruh puskesmas.',
		body: 'Layanan kini tersedia di **seluruh puskesmas** kecamatan.\n\nWarga cukup membawa KTP.',
		activity_date: '2026-11-20',
		location: 'Jakarta',
		contact_name: 'Dewi Lestari',
		contact_position: 'Kepala Subbagian Umum',
		contact_phone: '+62 21 4287 2144',
		contact_email: 'humas.dinkes@jakarta.go.id',
		publish_at: '',
		...over,
	};
	const out = Object.entries(f);
	for (const [s, p, t] of quotes)
		out.push(['quote_speaker', s], ['quote_position', p], ['quote_text', t]);
	return out;
}

/* A complete media advisory as form fields. */
export function mediaAdvisory(over = {}) {
	serial++;
	const f = {
		kind: 'media_advisory',
		title: `Peluncuran Program Imunisasi Kejar Nomor ${serial}`,
		summary: 'Dinas Kesehatan mengundang media meliput peluncuran program imunisasi.',
		body: '',
		location: 'Aula Kantor Wali Kota Jakarta Timur',
		address: 'Jl. Dr. Sumarno No. 1, Cakung',
		event_start: '2027-01-10T09:00',
		event_end: '2027-01-10T11:00',
		contact_name: 'Dewi Lestari',
		contact_phone: '+62 812 1000 2000',
		contact_email: '',
		...over,
	};
	return Object.entries(f);
}

/* Creates a request with action save|submit; returns its id (asserts the 303). */
export async function createRequest(client, fields, action = 'submit') {
	const res = await client.form('/requests', [...fields, ['action', action]]);
	assert.equal(res.status, 303, `create request: ${res.status}\n${res.text.slice(0, 2000)}`);
	const m = /^\/requests\/(\d+)$/.exec(res.location || '');
	assert.ok(m, `create request: Location ${res.location}`);
	return Number(m[1]);
}

/* POST /requests/ID/ACTION with the client's token; asserts the expected status. */
export async function act(client, id, action, fields = [], expect = 303) {
	const res = await client.form(`/requests/${id}/${action}`, fields);
	assert.equal(res.status, expect,
		`${action} on ${id} as ${client.user?.email}: ${res.status}, expected ${expect}\n${res.text.slice(0, 1500)}`);
	if (expect === 303)
		assert.equal(res.location, `/requests/${id}`);
	return res;
}

/* Walks a new request by contributor `c` to published by editor `e`; returns the id. */
export async function publishNew(c, e, fields = pressRelease()) {
	const id = await createRequest(c, fields, 'submit');
	await act(e, id, 'claim');
	await act(e, id, 'approve', [['publish_at', '']]);
	return id;
}

export function requestRow(db, id) {
	return sql(db, `SELECT * FROM requests WHERE id = ${Number(id)}`)[0];
}

/* The edit form's fields for a stored request (a requestRow), changed by `over`. */
export function fieldsOf(row, over = {}) {
	return Object.entries({
		kind: row.kind, title: row.title, summary: row.summary, body: row.body,
		activity_date: row.activity_date || '', location: row.location, address: row.address,
		contact_name: row.contact_name, contact_position: row.contact_position,
		contact_phone: row.contact_phone, contact_email: row.contact_email,
		version: String(row.version), ...over,
	});
}

/* --- time --- */

export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/* Calendar fields of "now + offsetSeconds" in WIB (UTC+7). */
export function wibNow(offsetSeconds = 0) {
	const d = new Date(Date.now() + (offsetSeconds + 7 * 3600) * 1000);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
		hour: d.getUTCHours(), minute: d.getUTCMinutes(), roman: ROMAN[d.getUTCMonth()] };
}

/* A datetime-local value ("YYYY-MM-DDTHH:MM", or with ":SS", WIB) for now + seconds. */
export function wibLocal(secondsFromNow, withSeconds = false) {
	const d = new Date(Date.now() + (secondsFromNow + 7 * 3600) * 1000);
	return d.toISOString().slice(0, withSeconds ? 19 : 16);
}

/* Unix seconds of a datetime-local value read as WIB. */
export function wibToUnix(local) {
	const [date, time] = local.split('T');
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi, s = 0] = time.split(':').map(Number);
	return Date.UTC(y, mo - 1, d, h, mi, s) / 1000 - 7 * 3600;
}

export function sleep(ms) {
	return new Promise((r) => setTimeout(r, ms));
}

/* Polls fn() until it returns a truthy value or timeoutMs (× TIMEOUT_SCALE) passes; returns the
 * last value. */
export async function waitFor(fn, timeoutMs = 10_000, stepMs = 200) {
	const until = Date.now() + timeoutMs * TIMEOUT_SCALE;
	let v;
	for (;;) {
		v = await fn();
		if (v || Date.now() > until)
			return v;
		await sleep(stepMs);
	}
}

/* Sends one HTTP/1.1 request over a plain socket and reads the answer, ignoring write errors (a
 * server may answer and close before the whole body is sent). Returns { status, head, body } or
 * { status: null, error } when the connection ended without a status line. Needed where fetch
 * cannot tell "answered 413 early" from "closed without answering". */
export async function rawRequest(base, { method = 'POST', path: p = '/', headers = {}, body = '',
	headWaitMs = 0 } = {}) {
	const { default: net } = await import('node:net');
	const url = new URL(base);
	const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
	const lines = [`${method} ${p} HTTP/1.1`, `Host: ${url.host}`, 'Connection: close'];
	const h = { ...headers };
	if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-length') &&
		!Object.keys(h).some((k) => k.toLowerCase() === 'transfer-encoding'))
		h['Content-Length'] = String(buf.length);
	for (const [k, v] of Object.entries(h))
		lines.push(`${k}: ${v}`);
	const head = Buffer.from(lines.join('\r\n') + '\r\n\r\n');
	return new Promise((resolve) => {
		const chunks = [];
		let settled = false;
		const sock = net.connect(Number(url.port), url.hostname);
		const timer = setTimeout(() => done('timeout'), 10_000 * TIMEOUT_SCALE);
		function done(error) {
			if (settled)
				return;
			settled = true;
			clearTimeout(timer);
			sock.destroy();
			const text = Buffer.concat(chunks).toString('latin1');
			const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
			if (!m)
				return resolve({ status: null, error: error || 'connection closed without a response', raw: text });
			const end = text.indexOf('\r\n\r\n');
			resolve({ status: Number(m[1]), head: text.slice(0, end), body: text.slice(end + 4) });
		}
		sock.on('data', (d) => chunks.push(d));
		sock.on('error', () => {}); // EPIPE/ECONNRESET while writing: keep what was read
		sock.on('close', () => done());
		sock.on('connect', async () => {
			sock.write(head);
			// Like a client that waits briefly for an early answer (or 100 Continue) before
			// uploading: an answer given after the headers is then read before any reset.
			if (headWaitMs) {
				const until = Date.now() + headWaitMs;
				while (!chunks.length && !settled && Date.now() < until)
					await new Promise((r) => setTimeout(r, 10));
				const got = Buffer.concat(chunks).toString('latin1');
				if (/^HTTP\/1\.[01] [2-5]\d\d/.test(got) || settled)
					return; // a final answer came before the body: do not send it
				chunks.length = 0; // drop an interim "100 Continue"
			}
			// The body in pieces, so that an early answer can arrive in between.
			let off = 0;
			const step = () => {
				while (off < buf.length && !sock.destroyed) {
					const part = buf.subarray(off, off + 65536);
					off += part.length;
					if (!sock.write(part))
						return sock.once('drain', step);
				}
			};
			step();
		});
	});
}
