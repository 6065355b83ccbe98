// The access matrix: every route of src/pages/routes.c × method × role against the expected
// answers in access-matrix.json, with real objects of unit A; methods a route does not have are
// 405 with Allow; another unit's ids enumerated leak nothing. A route without matrix rows fails
// the first test: adding a route means adding its rows to the JSON file.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, sql, USERS } from '../http/lib.mjs';
import {
	ROLES, SECRET, parseRoutes, loadMatrix, makeWorld, makeObject, fillPattern, fieldsFor, dbDump,
	dumpDiff, sessionFor, sendCell, resession,
} from './lib.mjs';

const matrix = loadMatrix();
const routes = parseRoutes();

/* Words a role must never see, whatever the page: unit A's unpublished requests and its
 * conversation for outsiders, internal notes for every contributor. */
function forbiddenWords(role) {
	if (role === 'editor' || role === 'admin')
		return [];
	if (role === 'contribA')
		return [SECRET.note];
	return [SECRET.draft, SECRET.submitted, SECRET.in_review, SECRET.comment, SECRET.note];
}

function assertNoLeak(role, what, text) {
	for (const word of forbiddenWords(role))
		assert.ok(!text.includes(word), `${what} as ${role}: the response contains "${word}"`);
}

function expected(row, role) {
	const e = row.expect[role] ?? row.expect['*'];
	assert.ok(e !== undefined, `matrix row ${JSON.stringify(row)}: no answer for ${role}`);
	return e;
}

/* The router's own rule, for the 405 test: the first pattern that matches names the resource. */
function patternMatches(pattern, p) {
	const a = pattern.split('/'), b = p.split('/');
	return a.length === b.length && a.every((seg, i) => (seg.startsWith(':') ? b[i].length > 0 : seg === b[i]));
}

describe('access matrix', () => {
	let srv, w;

	before(async () => {
		srv = await startServer();
		w = await makeWorld(srv);
	});
	after(async () => {
		await srv?.stop();
	});

	test('every route in routes.c has rows in access-matrix.json, and every row a route', () => {
		assert.deepEqual(matrix.roles, ROLES);
		const keys = new Set(matrix.rows.map((r) => r.route));
		const missing = routes.map((r) => `${r.method} ${r.pattern}`).filter((k) => !keys.has(k));
		assert.deepEqual(missing, [], `routes without rows in tests/security/access-matrix.json: ${missing.join(', ')}`);
		const known = new Set(routes.map((r) => `${r.method} ${r.pattern}`));
		const stale = [...keys].filter((k) => !known.has(k));
		assert.deepEqual(stale, [], `matrix rows for routes that no longer exist: ${stale.join(', ')}`);
		for (const row of matrix.rows)
			for (const role of ROLES)
				expected(row, role);
	});

	test('GET cells (and HEAD for the same routes): each role gets the expected answer, nothing leaks', async () => {
		const fails = [];
		for (const row of matrix.rows.filter((r) => r.route.startsWith('GET '))) {
			const p = fillPattern(row.route.slice(4), row, w.objects);
			for (const role of ROLES) {
				const want = expected(row, role);
				const r = await w.clients[role].get(p, row.headers);
				if (r.status !== want)
					fails.push(`GET ${p} (${row.route}) as ${role}: ${r.status}, expected ${want}`);
				assertNoLeak(role, `GET ${p}`, r.text);
				if (want === 303 && (role === 'anon' || role === 'inactive') && !row.route.endsWith('/login'))
					assert.match(r.location || '', /^\/login\?next=/, `GET ${p} as ${role}: Location ${r.location}`);
				const h = await w.clients[role].request('HEAD', p, { headers: row.headers });
				if (h.status !== r.status)
					fails.push(`HEAD ${p} as ${role}: ${h.status}, GET gave ${r.status}`);
				assert.equal(h.text, '', `HEAD ${p} has a body`);
			}
		}
		assert.deepEqual(fails, []);
	});

	test('POST cells: expected answers on fresh objects; refused cells write nothing', async () => {
		const fails = [];
		for (const row of matrix.rows.filter((r) => r.route.startsWith('POST '))) {
			const pattern = row.route.slice(5);
			const kind = pattern.includes(':id') ? row.id : row.object ?? null;
			const objects = async () => (kind ? { ...w.objects, [kind]: await makeObject(w, kind) } : w.objects);
			const refused = ROLES.filter((role) => expected(row, role) >= 400);
			const granted = ROLES.filter((role) => expected(row, role) < 400);
			// Every refused role against one fresh object, the database compared around them all.
			const objs = await objects();
			const p = fillPattern(pattern, row, objs);
			const before = dbDump(srv.db);
			for (const role of refused) {
				const c = w.clients[role];
				const r = await sendCell(c, p, row, fieldsFor(row.fields, w, kind && objs[kind], role));
				if (r.status !== expected(row, role))
					fails.push(`POST ${p} (${row.route}${row.action ? ' ' + row.action : ''}) as ${role}: ${r.status}, expected ${expected(row, role)}`);
				assertNoLeak(role, `POST ${p}`, r.text);
			}
			if (!row.writes) {
				const afterDump = dbDump(srv.db);
				assert.ok(afterDump === before, `refused POST ${p} changed the database:\n${dumpDiff(before, afterDump)}`);
			}
			// Every granted role on an object of its own (the action changes its state).
			for (const role of granted) {
				const mine = await objects();
				const q = fillPattern(pattern, row, mine);
				const c = row.freshSession ? await sessionFor(srv, role) : w.clients[role];
				const r = await sendCell(c, q, row, fieldsFor(row.fields, w, kind && mine[kind], role));
				if (r.status !== expected(row, role))
					fails.push(`POST ${q} (${row.route}${row.action ? ' ' + row.action : ''}) as ${role}: ${r.status}, expected ${expected(row, role)}\n${r.text.slice(0, 300)}`);
				if (row.endsSessions)
					await resession(w, role);
			}
		}
		assert.deepEqual(fails, []);
	});

	test('methods a route does not have are 405 with the right Allow, for every role', async () => {
		const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
		const seen = new Set();
		const fails = [];
		for (const row of matrix.rows) {
			const path0 = fillPattern(row.route.split(' ')[1], row, w.objects);
			if (seen.has(path0))
				continue;
			seen.add(path0);
			const resource = routes.find((r) => patternMatches(r.pattern, path0.split('?')[0]));
			if (!resource)
				continue; // a literal that routes nowhere (e.g. a traversal attempt)
			const have = new Set(routes.filter((r) => r.pattern === resource.pattern).map((r) => r.method));
			if (have.has('GET'))
				have.add('HEAD');
			for (const m of methods.filter((x) => !have.has(x))) {
				for (const role of ['anon', 'contribA', 'admin']) {
					const r = await w.clients[role].request(m, path0, m === 'POST'
						? { body: `csrf_token=${w.clients[role].csrf}`, contentType: 'application/x-www-form-urlencoded' } : {});
					if (r.status !== 405) {
						fails.push(`${m} ${path0} as ${role}: ${r.status}, expected 405`);
						continue;
					}
					const allow = (r.headers.get('allow') || '').split(/,\s*/).sort().join(',');
					if (allow !== [...have].sort().join(','))
						fails.push(`${m} ${path0}: Allow "${r.headers.get('allow')}", expected ${[...have]}`);
				}
			}
		}
		assert.deepEqual(fails, []);
	});

	test("unit A's request ids enumerated by others: 404 or the login, never its text", async () => {
		const maxId = Number(sql(srv.db, 'SELECT MAX(id) AS m FROM requests')[0].m);
		const unitA = new Set(sql(srv.db, "SELECT r.id FROM requests r JOIN units u ON u.id = r.unit_id"
			+ " WHERE u.code = 'DINKES'").map((x) => x.id));
		const published = new Set(sql(srv.db, "SELECT id FROM requests WHERE state = 'published'").map((x) => x.id));
		const ids = [0, -1, maxId + 1, maxId + 1000, '1e3', '0x1', '01'];
		for (let i = 1; i <= maxId; i++)
			ids.push(i);
		for (const role of ['contribB', 'anon', 'inactive']) {
			const c = w.clients[role];
			for (const id of ids) {
				const own = role === 'contribB' && !unitA.has(id) && typeof id === 'number' && id >= 1 && id <= maxId;
				for (const sub of ['', '/preview', '/diff']) {
					const r = await c.get(`/requests/${id}${sub}`);
					const want = role === 'contribB' ? (own ? 200 : 404) : 303;
					assert.equal(r.status, want, `GET /requests/${id}${sub} as ${role}`);
					assertNoLeak(role, `GET /requests/${id}${sub}`, r.text);
				}
				const api = await c.get(`/api/v1/releases/${id}`);
				const wellFormed = typeof id === 'number' && id > 0;
				const wantApi = published.has(id) ? [200] : wellFormed ? [404] : [400, 404];
				assert.ok(wantApi.includes(api.status), `GET /api/v1/releases/${id} as ${role}: ${api.status}`);
				if (!published.has(id)) // a request that the matrix test approved is public now
					assertNoLeak(role, `GET /api/v1/releases/${id}`, api.text);
			}
		}
	});

	test("unit A's unpublished media enumerated by others: every file 404, no address in their pages", async () => {
		const FILES = ['w480.jpg', 'w480.webp', 'w1200.jpg', 'w1200.webp', 'photo.jpg', 'photo.png', 'document.pdf', 'original'];
		const rows = sql(srv.db, "SELECT rm.sha256 AS sha, r.state, u.code FROM request_media rm"
			+ ' JOIN requests r ON r.id = rm.request_id JOIN units u ON u.id = r.unit_id');
		const published = new Set(rows.filter((x) => x.state === 'published').map((x) => x.sha));
		const hidden = [...new Set(rows.filter((x) => x.code === 'DINKES' && !published.has(x.sha)).map((x) => x.sha))];
		assert.ok(hidden.length >= 2 && published.size >= 1, `the world has media (${hidden.length} hidden, ${published.size} public)`);
		const fails = [];
		for (const role of ['contribB', 'anon', 'inactive']) {
			const c = w.clients[role];
			for (const sha of hidden) {
				for (const f of FILES) {
					for (const m of ['GET', 'HEAD']) {
						const r = await c.request(m, `/media/${sha}/${f}`);
						if (r.status !== 404)
							fails.push(`${m} /media/${sha}/${f} as ${role}: ${r.status}`);
					}
				}
				// Upper case, a trailing slash, a prefix of the hash: not another way in.
				for (const p of [`/media/${sha.toUpperCase()}/w480.jpg`, `/media/${sha}/w480.jpg/`, `/media/${sha.slice(0, 32)}/w480.jpg`]) {
					const r = await c.get(p);
					if (r.status !== 404)
						fails.push(`GET ${p} as ${role}: ${r.status}`);
				}
			}
			// Their pages never name a hidden file.
			for (const p of ['/', '/requests', `/requests/${w.objects.unitB.id}`, '/search?q=Keterangan', '/dashboard', '/api/v1/releases', '/sitemap.xml']) {
				const r = await c.get(p);
				for (const sha of hidden)
					if (r.text.includes(sha))
						fails.push(`GET ${p} as ${role} names hidden file ${sha}`);
			}
		}
		// The unit itself may see its unpublished photos, but never the original bytes.
		for (const sha of hidden) {
			const r = await w.clients.contribA.get(`/media/${sha}/original`);
			if (r.status !== 404)
				fails.push(`GET /media/${sha}/original as contribA: ${r.status}`);
		}
		assert.deepEqual(fails, []);
	});

	test("another user's notifications cannot be marked read; comment ids lead nowhere", async () => {
		const ids = sql(srv.db, 'SELECT id FROM notifications').map((x) => x.id);
		assert.ok(ids.length > 0, 'the world made notifications');
		const before = dbDump(srv.db);
		const b = w.clients.contribB;
		const mine = new Set(sql(srv.db, `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = '${USERS.contribB.email}'`).map((x) => x.id));
		for (const id of ids.filter((x) => !mine.has(x))) {
			const r = await b.form('/notifications/read', [['id', String(id)]]);
			assert.equal(r.status, 303);
		}
		assert.equal(dbDump(srv.db), before, "marking others' notifications changed the database");
		// Comments have no address of their own; their ids on the request path are not requests.
		for (const id of w.commentIds) {
			const r = await b.get(`/requests/${w.objects.submitted.id}/comments/${id}`);
			assert.equal(r.status, 404);
			assertNoLeak('contribB', 'comment id', r.text);
		}
	});

	test('a deactivated account is signed out everywhere and cannot sign in again', async () => {
		const c = w.clients.inactive;
		const r = await c.get('/requests');
		assert.equal(r.status, 303);
		const again = await new Client(srv).login(USERS.contribA2.email, USERS.contribA2.password);
		assert.equal(again.status, 401, 'a deactivated user cannot log in');
	});
});
