// Shared pieces of the security suite: the route table read from src/pages/routes.c, the access
// matrix, one world of users and objects (a client per role, requests of unit A in several states,
// a comment and an internal note), route patterns filled in with those objects, and a whole-
// database dump for "nothing changed", and a raw-socket conversation. Builds on tests/http/lib.mjs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import {
	ROOT, USERS, Client, loginAs, sql, sqlValue, pressRelease, mediaAdvisory, createRequest, act,
	requestRow,
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
};

/* Creates one object of unit A of the given kind; returns { id, slug?, secret }. Kinds: draft,
 * submitted, in_review, published, advisory (a published media advisory whose event is over). */
export async function makeObject(w, kind) {
	const { contribA: a, editor: e } = w.maker;
	const n = ++w.serial;
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
	for (const k of ['draft', 'submitted', 'in_review', 'published', 'advisory'])
		w.objects[k] = await makeObject(w, k);
	const sub = w.objects.submitted.id;
	let r = await w.maker.contribA.form(`/requests/${sub}/comments`, [['body', `Komentar ${SECRET.comment}`]]);
	assert.equal(r.status, 303, `comment: ${r.status}`);
	r = await w.maker.editor.form(`/requests/${sub}/comments`,
		[['body', `Catatan ${SECRET.note}`], ['internal', '1']]);
	assert.equal(r.status, 303, `internal note: ${r.status}`);
	w.commentIds = sql(srv.db, `SELECT id FROM comments WHERE request_id = ${sub}`).map((x) => x.id);
	const b = await loginAs(srv, 'contribB');
	w.objects.unitB = { id: await createRequest(b, pressRelease({ title: 'Ajuan Dinas Perhubungan B' }), 'submit') };
	for (const role of ROLES)
		w.clients[role] = await sessionFor(srv, role);
	w.editorId = sqlValue(srv.db, `SELECT id FROM users WHERE email = '${USERS.editor.email}'`);
	return w;
}

/* Fills a route pattern: each `:name` takes row[name] (an object kind for :id and :slug, a
 * literal otherwise), or a default. */
export function fillPattern(pattern, row, objects) {
	return pattern.replace(/:([a-z]+)/g, (_, name) => {
		const v = row[name];
		if (name === 'id')
			return String(objects[v ?? 'draft']?.id ?? v);
		if (name === 'slug')
			return objects[v ?? 'published']?.slug ?? v;
		if (v !== undefined)
			return encodeURIComponent(v);
		return { code: 'DINKES', file: 'style.css', action: 'submit' }[name] ?? 'x';
	});
}

/* Form fields of a POST row, by the name given in the matrix. */
export function fieldsFor(name, w, obj) {
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
