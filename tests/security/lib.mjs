// Shared pieces of the security suite: the route table read from src/pages/routes.c, the access
// matrix, one world of users and objects (a client per role, requests of unit A in several states,
// a comment and an internal note), route patterns filled in with those objects, and a whole-
// database dump for "nothing changed", and a raw-socket conversation. Builds on tests/http/lib.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import os from 'node:os';
import {
	ROOT, USERS, Client, loginAs, sql, sqlValue, pressRelease, mediaAdvisory, createRequest, act,
	requestRow, addUser,
} from '../http/lib.mjs';

export const HERE = path.join(ROOT, 'tests', 'security');

/* The roles every cell of the matrix is tried as. `inactive` is a contributor of unit A whose
 * account was deactivated (users.active = 0) while a session of it was still open. */
export const ROLES = ['anon', 'contribA', 'contribB', 'editor', 'admin', 'inactive'];

/* Every row of the route table: [{ method, pattern }], in table order. */
export function parseRoutes() {
	const src = fs.readFileSync(path.join(ROOT, 'src', 'pages', 'routes.c'), 'utf8');
	const table = /rows\[\]\s*=\s*\{([\s\S]*?)\n\};/.exec(src);
	assert.ok(table, 'routes.c: no `rows[] = { ... };` table found');
	const out = [];
	for (const m of table[1].matchAll(/\{\s*"([A-Z]+)"\s*,\s*"([^"]+)"\s*,/g))
		out.push({ method: m[1], pattern: m[2] });
	assert.ok(out.length > 10, `routes.c: only ${out.length} rows parsed`);
	return out;
}

export function loadMatrix() {
	return JSON.parse(fs.readFileSync(path.join(HERE, 'access-matrix.json'), 'utf8'));
}

/* Text of every table (one sqlite3 process), for before/after comparisons. Left out: the one
 * column that moves on its own (sessions.last_seen_at, refreshed once a minute on reads). */
const tableLists = new Map();
export function dbDump(db) {
	if (!tableLists.has(db))
		tableLists.set(db, sql(db, "SELECT name FROM sqlite_master WHERE type = 'table'"
		+ " AND name NOT LIKE 'sqlite_%' ORDER BY name").map((r) => r.name));
	const tables = tableLists.get(db);
	const parts = [];
	for (const t of tables) {
		parts.push(`SELECT '== ${t}';`);
		if (t === 'sessions')
			parts.push('SELECT id, hex(token_hash), user_id, csrf_token, created_at FROM sessions ORDER BY id;');
		else
			parts.push(`SELECT * FROM "${t}";`);
	}
	const r = spawnSync('sqlite3', ['-batch', '-cmd', '.timeout 5000', '-cmd', '.mode quote', db],
		{ input: parts.join('\n'), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	assert.equal(r.status, 0, `sqlite3 dump: ${r.stderr}`);
	return r.stdout;
}

/* A readable account of what differs between two dumps (the first lines that do). */
export function dumpDiff(a, b) {
	const la = a.split('\n'), lb = b.split('\n');
	const sa = new Set(la), sb = new Set(lb);
	const gone = la.filter((l) => !sb.has(l)).slice(0, 5);
	const added = lb.filter((l) => !sa.has(l)).slice(0, 5);
	return `removed: ${JSON.stringify(gone)}\nadded: ${JSON.stringify(added)}`;
}

/* Logs in a fresh session for a role; `inactive` is contribA2, deactivated afterwards. */
export async function sessionFor(srv, role) {
	if (role === 'anon') {
		const c = new Client(srv);
		await c.get('/login'); // takes the anonymous CSRF cookie, as a visitor's browser would
		return c;
	}
	const key = role === 'inactive' ? 'contribA2' : role;
	if (role === 'inactive') // signed in while still active, deactivated afterwards
		sql(srv.db, `UPDATE users SET active = 1 WHERE email = '${USERS.contribA2.email}'`);
	const c = await loginAs(srv, key);
	if (role === 'inactive') {
		sql(srv.db, `UPDATE users SET active = 0 WHERE email = '${USERS.contribA2.email}'`);
		c.user = { ...USERS.contribA2, inactive: true };
		c.csrf = null;
		await c.get('/login'); // the form's token is now an anonymous one, as a browser would get
	}
	return c;
}

/* Unique words put into unit A's objects, so that a response can be searched for any of them. */
export const SECRET = {
	draft: 'RahasiaDrafUnitA',
	submitted: 'RahasiaAjuanUnitA',
	in_review: 'RahasiaTinjauUnitA',
	published: 'TerbitUnitA',
	advisory: 'RahasiaUndanganUnitA',
	comment: 'RahasiaKomentarUnitA',
	note: 'RahasiaCatatanInternalHumas',
	media_draft: 'RahasiaDrafUnitA',
	media_in_review: 'RahasiaTinjauUnitA',
	media_published: 'TerbitUnitA',
};

/* A small JPEG nobody else has (noise from libvips' CLI): its SHA-256 names only this upload. */
export function uniqueJpeg() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-sec-jpeg-'));
	const n = path.join(dir, 'n.v'), c = path.join(dir, 'c.v'), out = path.join(dir, 'p.jpg');
	for (const args of [['gaussnoise', n, '96', '64', '--mean', '128', '--sigma', '40'], ['cast', n, c, 'uchar'],
		['copy', c, `${out}[Q=80]`]]) {
		const r = spawnSync('vips', args, { encoding: 'utf8' });
		assert.equal(r.status, 0, `vips ${args[0]}: ${r.stderr}`);
	}
	const buf = fs.readFileSync(out);
	fs.rmSync(dir, { recursive: true, force: true });
	return buf;
}

/* Uploads a unique photo to request id as client c; returns { mid, sha }. */
export async function attachPhoto(c, db, id, caption, credit = 'Humas Uji Akses') {
	const r = await c.multipart(`/requests/${id}/media`, [['photo_caption', caption], ['photo_credit', credit]],
		[['photo', 'foto-uji.jpg', uniqueJpeg(), 'image/jpeg']]);
	assert.equal(r.status, 303, `upload to ${id}: ${r.status} ${r.text.slice(0, 300)}`);
	const row = sql(db, `SELECT id, sha256 FROM request_media WHERE request_id = ${Number(id)} ORDER BY id DESC LIMIT 1`)[0];
	return { mid: row.id, sha: row.sha256 };
}

/* Creates one object of the given kind; returns { id, slug?, secret, ... }. Requests of unit A:
 * draft, submitted, in_review, published, advisory (a published media advisory whose event is
 * over); media_draft, media_in_review, media_published (a request in that state with a photo:
 * also { mid, sha }). For the admin and account routes: user (a DINKES contributor), unit (a new
 * unit), user_off and unit_off (the same, deactivated), sessionA (another session of contribA: its id), pwlink (a fresh one-time password link
 * of a new user: { token }). */
export async function makeObject(w, kind) {
	const { contribA: a, editor: e } = w.maker;
	const n = ++w.serial;
	const db = w.srv.db;
	switch (kind) {
	case 'media_draft': case 'media_in_review': case 'media_published': {
		const secret = `${SECRET[kind]}${n}`;
		const id = await createRequest(a, pressRelease({ title: `Judul ${secret}`, body: `Isi ${secret}.` }), 'save');
		const m = await attachPhoto(a, db, id, `Keterangan ${secret}`);
		if (kind !== 'media_draft') {
			await act(a, id, 'submit');
			await act(e, id, 'claim');
		}
		if (kind === 'media_published')
			await act(e, id, 'approve', [['publish_at', '']]);
		const row = requestRow(db, id);
		return { id, slug: row.slug, secret, version: row.version, ...m };
	}
	case 'user': {
		const email = `target.${n}@contoh.test`;
		addUser(db, { email, name: `Sasaran ${n}`, role: 'contributor', unit: 'DINKES', password: 'kata sandi sasaran uji akses' });
		return { id: sqlValue(db, `SELECT id FROM users WHERE email = '${email}'`), email };
	}
	case 'unit': {
		const code = `UJI${n}`;
		const r = await w.maker.admin.form('/admin/units', [['code', code], ['name', `Unit Uji ${n}`], ['kind', 'UKPD']]);
		assert.equal(r.status, 303, `new unit: ${r.status} ${r.text.slice(0, 300)}`);
		return { id: sqlValue(db, `SELECT id FROM units WHERE code = '${code}'`), code };
	}
	case 'user_off': case 'unit_off': { // deactivated by the admin, for `activate`
		const o = await makeObject(w, kind.slice(0, 4));
		const r = await w.maker.admin.form(`/admin/${kind.slice(0, 4)}s/${o.id}/deactivate`, []);
		assert.equal(r.status, 303, `deactivate ${kind}: ${r.status}`);
		return o;
	}
	case 'unitB': // a submitted request of DISHUB
		return { id: await createRequest(w.maker.contribB, pressRelease({ title: `Ajuan Dinas Perhubungan B ${n}` }), 'submit') };
	case 'sessionA': {
		await loginAs(w.srv, 'contribA');
		return { id: sqlValue(db, `SELECT MAX(s.id) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = '${USERS.contribA.email}'`) };
	}
	case 'pwlink': {
		const u = await makeObject(w, 'user');
		const r = await w.maker.admin.form(`/admin/users/${u.id}/reset`, []);
		const m = /\/set-password\?token=([0-9a-f]{64})/.exec(r.text);
		assert.ok(r.status === 200 && m, `reset link: ${r.status}`);
		return { id: u.id, token: m[1] };
	}
	default:
		break;
	}
	const secret = `${SECRET[kind]}${n}`;
	const fields = pressRelease({ title: `Judul ${secret}`, body: `Isi ${secret} untuk uji akses.` });
	let id;
	switch (kind) {
	case 'draft':
		id = await createRequest(a, fields, 'save');
		break;
	case 'submitted':
		id = await createRequest(a, fields, 'submit');
		break;
	case 'in_review':
		id = await createRequest(a, fields, 'submit');
		await act(e, id, 'claim');
		break;
	case 'published':
		id = await createRequest(a, fields, 'submit');
		await act(e, id, 'claim');
		await act(e, id, 'approve', [['publish_at', '']]);
		break;
	case 'advisory': {
		id = await createRequest(a, mediaAdvisory({ title: `Undangan ${secret}`,
			event_start: '2026-01-10T09:00', event_end: '2026-01-10T11:00' }), 'submit');
		await act(e, id, 'claim');
		await act(e, id, 'approve', [['publish_at', '']]);
		break;
	}
	default:
		throw new Error(`unknown object kind ${kind}`);
	}
	const row = requestRow(w.srv.db, id);
	return { id, slug: row.slug, secret, version: row.version };
}

/* The world: a client per role (plus `maker` clients that create objects and are never used as
 * the subject of a test), shared objects of every kind, a comment and an internal note on the
 * submitted request, and a request of unit B. */
export async function makeWorld(srv) {
	const w = { srv, serial: 0, clients: {}, objects: {}, maker: {} };
	w.maker.contribA = await loginAs(srv, 'contribA');
	w.maker.editor = await loginAs(srv, 'editor');
	w.maker.admin = await loginAs(srv, 'admin');
	w.maker.contribB = await loginAs(srv, 'contribB');
	for (const k of ['draft', 'submitted', 'in_review', 'published', 'advisory', 'media_draft',
		'media_in_review', 'media_published', 'user', 'unit', 'pwlink'])
		w.objects[k] = await makeObject(w, k);
	const sub = w.objects.submitted.id;
	let r = await w.maker.contribA.form(`/requests/${sub}/comments`, [['body', `Komentar ${SECRET.comment}`]]);
	assert.equal(r.status, 303, `comment: ${r.status}`);
	r = await w.maker.editor.form(`/requests/${sub}/comments`,
		[['body', `Catatan ${SECRET.note}`], ['internal', '1']]);
	assert.equal(r.status, 303, `internal note: ${r.status}`);
	w.commentIds = sql(srv.db, `SELECT id FROM comments WHERE request_id = ${sub}`).map((x) => x.id);
	w.objects.unitB = { id: await createRequest(w.maker.contribB, pressRelease({ title: 'Ajuan Dinas Perhubungan B' }), 'submit') };
	for (const role of ROLES)
		w.clients[role] = await sessionFor(srv, role);
	w.editorId = sqlValue(srv.db, `SELECT id FROM users WHERE email = '${USERS.editor.email}'`);
	return w;
}

/* Fills a route pattern: each `:name` takes row[name] (an object kind for :id, :slug, :mid and
 * :sha256, a literal otherwise), or a default; :mid and :sha256 default to the photo of the :id
 * object. A row's `token` (an object kind or a literal) becomes `?token=`. */
export function fillPattern(pattern, row, objects) {
	const p = pattern.replace(/:([a-z0-9]+)/g, (_, name) => {
		const v = row[name];
		if (name === 'id')
			return String(objects[v ?? 'draft']?.id ?? v);
		if (name === 'slug')
			return objects[v ?? 'published']?.slug ?? v;
		if (name === 'mid')
			return String(objects[v ?? row.id]?.mid ?? v);
		if (name === 'sha256')
			return objects[v]?.sha ?? v;
		if (v !== undefined)
			return encodeURIComponent(v);
		return { code: 'DINKES', file: 'style.css', action: 'submit' }[name] ?? 'x';
	});
	if (row.token === undefined)
		return p;
	return `${p}?token=${encodeURIComponent(objects[row.token]?.token ?? row.token)}`;
}

/* Sends a POST cell: a form, or multipart when the row uploads `files` (a file set name). The
 * CSRF token is the client's unless `token` is given (null: none at all). */
export async function sendCell(c, p, row, fields, { token, headers = {} } = {}) {
	if (token === undefined && !c.csrf)
		await c.get(c.jar.size ? '/requests' : '/login');
	const tok = token === undefined ? [['csrf_token', c.csrf]] : token === null ? [] : [['csrf_token', token]];
	if (!row.files)
		return c.post(p, [...fields, ...tok], headers);
	const fd = new FormData();
	for (const [k, v] of [...fields, ...tok])
		fd.append(k, v);
	for (const [field, name, data, type] of filesFor(row.files))
		fd.append(field, new Blob([data], { type }), name);
	return c.request('POST', p, { body: fd, headers });
}

/* Files of a multipart POST row, by the name given in the matrix. */
export function filesFor(name) {
	switch (name) {
	case 'photo': return [['photo', 'foto-akses.jpg', uniqueJpeg(), 'image/jpeg']];
	default: throw new Error(`unknown file set ${name}`);
	}
}

/* After a cell that ended every session of the role's user (a password change): signs the
 * role's clients in again. */
export async function resession(w, role) {
	w.clients[role] = await sessionFor(w.srv, role);
	if (w.maker[role])
		w.maker[role] = await loginAs(w.srv, role);
}

/* Form fields of a POST row, by the name given in the matrix (role: who sends them). */
export function fieldsFor(name, w, obj, role) {
	switch (name ?? 'none') {
	case 'none': return [];
	case 'release': return [...pressRelease({ title: 'Judul Diubah Lewat Uji Akses' }), ['action', 'save'],
		['version', String(obj?.version ?? 1)]];
	case 'note': return [['note', 'Catatan uji akses.'], ['reason', 'Alasan uji akses.'], ['publish_at', '']];
	case 'comment': return [['body', 'Komentar uji akses.']];
	case 'assign': return [['assignee', String(w.editorId)]];
	case 'correct': return [...pressRelease({ title: 'Judul Ralat Uji Akses' }),
		['correction_note', 'Ralat uji akses.'], ['version', String(obj?.version ?? 1)]];
	case 'login': // a new address each time, so that the account lock does not answer instead
		return [['email', `tidak.ada.${++w.serial}@contoh.test`], ['password', 'salah-sekali-kata-sandi']];
	case 'read': return [['id', '']];
	case 'caption': return [['photo_caption', 'Keterangan foto uji akses'], ['photo_credit', 'Humas Uji']];
	case 'media-save': return [['op', 'save'], ['caption', 'Keterangan diubah uji akses'], ['credit', 'Humas Uji']];
	case 'media-remove': case 'media-up': case 'media-down': case 'media-lead':
		return [['op', name.slice(6)]];
	case 'new-user': return [['email', `baru.${++w.serial}@contoh.test`], ['name', 'Pengguna Baru Uji'],
		['role', 'contributor'], ['unit', 'DINKES']];
	case 'user': return [['name', 'Nama Diubah Uji'], ['role', 'contributor'], ['unit', 'DINKES']];
	case 'new-unit': return [['code', `BARU${++w.serial}`], ['name', 'Unit Baru Uji'], ['kind', 'UKPD']];
	case 'unit': return [['name', 'Unit Diubah Uji'], ['kind', 'UKPD']];
	case 'merge': return [['target', 'DINKES']];
	case 'password': { // the same password again: the role can still sign in afterwards
		const pw = USERS[role === 'inactive' ? 'contribA2' : role]?.password ?? 'bukan kata sandi siapa pun';
		return [['current_password', pw], ['new_password', pw], ['new_password_confirm', pw]];
	}
	case 'set-password': return [['token', obj?.token ?? 'f'.repeat(64)],
		['new_password', 'kata sandi baru dari tautan'], ['new_password_confirm', 'kata sandi baru dari tautan']];
	default: throw new Error(`unknown field set ${name}`);
	}
}

/* --- raw sockets --- */

/* Writes the given pieces (strings or Buffers; numbers are pauses in ms) to a new connection and
 * collects everything until the server closes it or nothing arrives for idleMs. */
export function converse(base, pieces, { idleMs = 1500, maxMs = 15_000 } = {}) {
	const url = new URL(base);
	return new Promise((resolve) => {
		const chunks = [];
		let closed = false, idle;
		const sock = net.connect(Number(url.port), url.hostname);
		const finish = () => {
			clearTimeout(idle);
			clearTimeout(hard);
			sock.destroy();
			resolve({ raw: Buffer.concat(chunks).toString('latin1'), closed });
		};
		const hard = setTimeout(finish, maxMs);
		const arm = () => { clearTimeout(idle); idle = setTimeout(finish, idleMs); };
		sock.on('data', (d) => { chunks.push(d); arm(); });
		sock.on('error', () => {});
		sock.on('close', () => { closed = true; finish(); });
		sock.on('connect', async () => {
			for (const p of pieces) {
				if (typeof p === 'number')
					await new Promise((r) => setTimeout(r, p));
				else if (!sock.destroyed)
					sock.write(p);
			}
			arm();
		});
	});
}

/* The responses in a byte stream, framed by Content-Length; interim 1xx answers are counted
 * apart. Also every status line found anywhere, framed or not. */
export function parseResponses(raw) {
	const out = [];
	let interim = 0, rest = raw;
	while (rest.length) {
		const end = rest.indexOf('\r\n\r\n');
		if (end < 0)
			break;
		const head = rest.slice(0, end);
		const m = /^HTTP\/1\.[01] (\d{3})/.exec(head);
		if (!m)
			break;
		const status = Number(m[1]);
		const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
		const len = cl ? Number(cl[1]) : 0;
		rest = rest.slice(end + 4);
		if (status < 200) {
			interim++;
			continue;
		}
		out.push({ status, head, body: rest.slice(0, len) });
		rest = rest.slice(len);
	}
	const statusLines = [...raw.matchAll(/HTTP\/1\.[01] (\d{3}) /g)].map((x) => Number(x[1]));
	return { responses: out, interim, statusLines, trailing: rest };
}
