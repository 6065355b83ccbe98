// CSRF over the whole route table: every state-changing route (each POST row of the access
// matrix, as a role that may use it, on a fresh object) without a token, with a wrong one, with
// another session's, and with the right one from a foreign Origin is 403 and leaves the database
// exactly as it was. And no GET or HEAD of any route, as any role, changes anything.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, USERS } from '../http/lib.mjs';
import {
	ROLES, loadMatrix, makeWorld, makeObject, fillPattern, fieldsFor, dbDump, dumpDiff, sessionFor,
} from './lib.mjs';

const matrix = loadMatrix();

describe('CSRF on every state-changing route', () => {
	let srv, w;

	before(async () => {
		srv = await startServer();
		w = await makeWorld(srv);
	});
	after(async () => {
		await srv?.stop();
	});

	test('no token, a wrong token, another session\'s token, a foreign Origin: 403, nothing written', async () => {
		const posts = matrix.rows.filter((r) => r.route.startsWith('POST '));
		let tried = 0;
		for (const row of posts) {
			const pattern = row.route.slice(5);
			const kind = pattern.includes(':id') ? row.id : null;
			const granted = ROLES.filter((role) => (row.expect[role] ?? row.expect['*']) < 400);
			// Routes nobody may use (the login with wrong credentials) are tried anonymously, with
			// the right credentials: a forged login must not even be evaluated.
			const subjects = granted.length ? granted : ['anon'];
			for (const role of subjects) {
				const objs = kind ? { ...w.objects, [kind]: await makeObject(w, kind) } : w.objects;
				const p = fillPattern(pattern, row, objs);
				const fields = granted.length ? () => fieldsFor(row.fields, w, kind && objs[kind])
					: () => [['email', USERS.editor.email], ['password', USERS.editor.password]];
				const c = row.freshSession || !granted.length ? await sessionFor(srv, role) : w.clients[role];
				const other = role === 'editor' ? w.clients.admin : w.clients.editor;
				const own = c.csrf;
				assert.ok(own && other.csrf && own !== other.csrf);
				const origin = new URL(srv.base);
				const attempts = [
					['no token', () => c.post(p, fields(c))],
					['an empty token', () => c.post(p, [...fields(c), ['csrf_token', '']])],
					['a wrong token', () => c.post(p, [...fields(c), ['csrf_token', own.replace(/^./, own[0] === 'a' ? 'b' : 'a')]])],
					["another session's token", () => c.post(p, [...fields(c), ['csrf_token', other.csrf]])],
					['the token twice, once wrong', () => c.post(p, [...fields(c), ['csrf_token', 'x'.repeat(64)], ['csrf_token', own]])],
					['a foreign Origin', () => c.post(p, [...fields(c), ['csrf_token', own]], { Origin: 'http://penyerang.example' })],
					['Origin null', () => c.post(p, [...fields(c), ['csrf_token', own]], { Origin: 'null' })],
					['the right host on another port', () => c.post(p, [...fields(c), ['csrf_token', own]],
						{ Origin: `http://${origin.hostname}:${Number(origin.port) + 1}` })],
					['https instead of http', () => c.post(p, [...fields(c), ['csrf_token', own]], { Origin: `https://${origin.host}` })],
				];
				// One dump around all the forgeries of this cell (a dump costs a process).
				const before = dbDump(srv.db);
				for (const [what, send] of attempts) {
					const r = await send();
					assert.equal(r.status, 403, `POST ${p} (${row.route}) as ${role} with ${what}: ${r.status}`);
					tried++;
				}
				const afterDump = dbDump(srv.db);
				assert.ok(afterDump === before, `forged POSTs to ${p} as ${role} changed the database:\n${dumpDiff(before, afterDump)}`);
				// The same request with the right token is accepted: the refusals were the token's.
				if (granted.length && !row.writes) {
					const ok = await c.post(p, [...fields(c), ['csrf_token', own]], { Origin: srv.base });
					assert.equal(ok.status, row.expect[role] ?? row.expect['*'], `POST ${p} as ${role} with the right token`);
				}
			}
		}
		assert.ok(tried >= posts.length * 9, `${tried} forged requests`);
	});

	test('no GET or HEAD of any route, as any role, changes the database', async () => {
		const gets = matrix.rows.filter((r) => r.route.startsWith('GET '));
		// Every role has been seen once already (its last_seen_at is fresh), so reads write nothing.
		for (const role of ROLES)
			await w.clients[role].get('/');
		const before = dbDump(srv.db);
		let n = 0;
		for (const row of gets) {
			const p = fillPattern(row.route.slice(4), row, w.objects);
			for (const role of ROLES) {
				for (const method of ['GET', 'HEAD']) {
					const r = await w.clients[role].request(method, p);
					assert.ok(r.status < 500, `${method} ${p} as ${role}: ${r.status}`);
					n++;
				}
			}
			// Query strings that a form would send, too.
		}
		for (const q of ['/search?q=banjir', '/?unit=DINKES&kind=press_release', '/requests?status=all',
			'/notifications?state=unread', '/admin/audit?action=login', `/requests/${w.objects.draft.id}/diff?from=1&to=1`,
			'/logout', `/requests/${w.objects.submitted.id}/claim`, `/requests/${w.objects.draft.id}/submit`]) {
			for (const role of ROLES) {
				const r = await w.clients[role].get(q);
				assert.ok(r.status < 500, `GET ${q} as ${role}: ${r.status}`);
				n++;
			}
		}
		const afterDump = dbDump(srv.db);
		assert.ok(afterDump === before, `${n} reads changed the database:\n${dumpDiff(before, afterDump)}`);
	});

	test('the anonymous token is bound to its cookie: a token without the cookie is refused', async () => {
		const a = new Client(srv);
		await a.get('/login');
		const tok = a.csrf;
		const stranger = new Client(srv);
		await stranger.get('/login'); // a cookie of its own, with another token
		const before = dbDump(srv.db);
		const r = await stranger.post('/login', [['email', USERS.editor.email], ['password', USERS.editor.password], ['csrf_token', tok]]);
		assert.equal(r.status, 403);
		assert.equal(dbDump(srv.db), before);
	});
});
