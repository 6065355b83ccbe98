// CSRF over the whole route table: every state-changing route (each POST row of the access
// matrix, as a role that may use it, on a fresh object) without a token, with a wrong one, with
// another session's, and with the right one from a foreign Origin is 403 and leaves the database
// exactly as it was. And no GET or HEAD of any route, as any role, changes anything.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, USERS } from '../http/lib.mjs';
import {
	ROLES, loadMatrix, makeWorld, makeObject, fillPattern, fieldsFor, dbDump, dumpDiff, sessionFor,
	sendCell, resession,
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
			const kind = pattern.includes(':id') ? row.id : row.object ?? null;
			const granted = ROLES.filter((role) => (row.expect[role] ?? row.expect['*']) < 400);
			// The login (which nobody passes with the matrix's wrong credentials) is tried
			// anonymously with the right ones: a forged login must not even be evaluated. Other
			// rows that nobody passes (a wrong state, another request's photo) are tried as a role
			// whose request reaches the handler (not refused 403 before it).
			const login = row.fields === 'login';
			const reached = ROLES.filter((role) => (row.expect[role] ?? row.expect['*']) !== 403);
			const subjects = granted.length ? granted : login ? ['anon'] : reached.slice(0, 1);
			assert.ok(subjects.length, `${row.route}: no role reaches it`);
			for (const role of subjects) {
				const objs = kind ? { ...w.objects, [kind]: await makeObject(w, kind) } : w.objects;
				const p = fillPattern(pattern, row, objs);
				const fields = !login ? () => fieldsFor(row.fields, w, kind && objs[kind], role)
					: () => [['email', USERS.editor.email], ['password', USERS.editor.password]];
				const c = row.freshSession || login ? await sessionFor(srv, role) : w.clients[role];
				const other = role === 'editor' ? w.clients.admin : w.clients.editor;
				const own = c.csrf;
				assert.ok(own && other.csrf && own !== other.csrf);
				const origin = new URL(srv.base);
				// Forms and multipart uploads alike (sendCell sends `files` rows as multipart).
				const send = (token, headers) => sendCell(c, p, row, fields(), { token, headers });
				const attempts = [
					['no token', () => send(null)],
					['an empty token', () => send('')],
					['a wrong token', () => send(own.replace(/^./, own[0] === 'a' ? 'b' : 'a'))],
					["another session's token", () => send(other.csrf)],
					['the token twice, once wrong', () => (row.files
						? sendCell(c, p, row, [...fields(), ['csrf_token', 'x'.repeat(64)]], { token: own })
						: c.post(p, [...fields(), ['csrf_token', 'x'.repeat(64)], ['csrf_token', own]]))],
					['a foreign Origin', () => send(own, { Origin: 'http://penyerang.example' })],
					['Origin null', () => send(own, { Origin: 'null' })],
					['the right host on another port', () => send(own, { Origin: `http://${origin.hostname}:${Number(origin.port) + 1}` })],
					['https instead of http', () => send(own, { Origin: `https://${origin.host}` })],
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
				if (!login && !row.writes) {
					const ok = await send(own, { Origin: srv.base });
					assert.equal(ok.status, row.expect[role] ?? row.expect['*'], `POST ${p} as ${role} with the right token`);
					if (row.endsSessions)
						await resession(w, role);
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
			'/logout', `/requests/${w.objects.submitted.id}/claim`, `/requests/${w.objects.draft.id}/submit`,
			`/requests/${w.objects.media_draft.id}/media`, `/requests/${w.objects.media_draft.id}/media/${w.objects.media_draft.mid}?op=remove`,
			`/admin/users/${w.objects.user.id}/deactivate`, `/admin/units/${w.objects.unit.id}/merge?target=DINKES`,
			`/set-password?token=${w.objects.pwlink.token}&new_password=x`, '/admin/dashboard?unit=DINKES&period=month']) {
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
