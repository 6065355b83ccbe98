// Cross-site request forgery: every POST needs the right token (and a same-origin Origin when the
// browser sends one); a refused POST writes nothing.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginAs, Client, dbSnapshot, pressRelease, createRequest, requestRow, csrfFrom, USERS,
} from './lib.mjs';

describe('CSRF', () => {
	let srv, a, b, editor;
	let draft, submitted;
	// Every state-changing route, with fields that would succeed given a right token.
	let routes;

	before(async () => {
		srv = await startServer();
		a = await loginAs(srv, 'contribA');
		b = await loginAs(srv, 'contribB');
		editor = await loginAs(srv, 'editor');
		draft = await createRequest(a, pressRelease(), 'save');
		submitted = await createRequest(a, pressRelease(), 'submit');
		routes = [
			[a, '/requests', [...pressRelease(), ['action', 'save']]],
			[a, `/requests/${draft}`, [...pressRelease({ title: 'Judul Baru Lewat Serangan CSRF' }), ['action', 'save']]],
			[a, `/requests/${draft}/submit`, []],
			[a, `/requests/${draft}/withdraw`, []],
			[editor, `/requests/${submitted}/claim`, []],
			[a, '/logout', []],
			[editor, '/logout', []],
		];
	});
	after(async () => {
		await srv?.stop();
	});

	test('a POST without csrf_token is 403 and writes nothing', async () => {
		const snap = dbSnapshot(srv.db);
		for (const [c, p, fields] of routes) {
			const r = await c.post(p, fields);
			assert.equal(r.status, 403, `POST ${p} without token: ${r.status}`);
		}
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('a POST with a wrong token is 403 and writes nothing', async () => {
		const snap = dbSnapshot(srv.db);
		const wrong = ['', 'x', '0'.repeat(64), a.csrf.slice(0, -1) + (a.csrf.endsWith('0') ? '1' : '0'),
			a.csrf + 'a', a.csrf.toUpperCase()];
		for (const [c, p, fields] of routes) {
			for (const tok of wrong) {
				const r = await c.post(p, [...fields, ['csrf_token', tok]]);
				assert.equal(r.status, 403, `POST ${p} with token "${tok}": ${r.status}`);
			}
		}
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test("another user's token is refused", async () => {
		const snap = dbSnapshot(srv.db);
		assert.notEqual(a.csrf, b.csrf);
		let r = await a.post(`/requests/${draft}/withdraw`, [['csrf_token', b.csrf]]);
		assert.equal(r.status, 403);
		r = await editor.post(`/requests/${submitted}/claim`, [['csrf_token', a.csrf]]);
		assert.equal(r.status, 403);
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('a foreign Origin is refused even with the right token', async () => {
		const snap = dbSnapshot(srv.db);
		for (const origin of ['http://evil.example', 'null', `${srv.base}.evil.example`,
			srv.base.replace('http://', 'https://')]) {
			for (const [c, p, fields] of routes) {
				const r = await c.post(p, [...fields, ['csrf_token', c.csrf]], { Origin: origin });
				assert.equal(r.status, 403, `POST ${p} with Origin ${origin}: ${r.status}`);
			}
		}
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('the same Origin with the right token is accepted', async () => {
		const r = await a.post(`/requests/${draft}/withdraw`, [['csrf_token', a.csrf]], { Origin: srv.base });
		assert.equal(r.status, 303, r.text.slice(0, 800));
		assert.equal(requestRow(srv.db, draft).state, 'withdrawn');
	});

	test('the login form needs the token: missing, wrong, or without its cookie', async () => {
		const u = USERS.contribB;
		const snap = dbSnapshot(srv.db);
		const c = new Client(srv);
		const page = await c.get('/login');
		assert.equal(page.status, 200);
		const tok = csrfFrom(page.text);
		assert.match(tok, /^[0-9a-f]{64}$/);
		assert.equal(c.jar.get('siaran_csrf'), tok, 'the cookie carries the form token');
		const creds = [['email', u.email], ['password', u.password]];
		let r = await c.post('/login', creds);
		assert.equal(r.status, 403, 'no token');
		r = await c.post('/login', [...creds, ['csrf_token', '0'.repeat(64)]]);
		assert.equal(r.status, 403, 'wrong token');
		// The token of the page, but without the cookie (as a cross-site form would send it).
		const other = new Client(srv);
		r = await other.post('/login', [...creds, ['csrf_token', tok]]);
		assert.equal(r.status, 403, 'token without its cookie');
		r = await c.post('/login', [...creds, ['csrf_token', tok]], { Origin: 'http://evil.example' });
		assert.equal(r.status, 403, 'foreign origin');
		assert.ok(!c.jar.has('siaran_session'));
		assert.deepEqual(dbSnapshot(srv.db), snap, 'no session and no login attempt recorded');
		r = await c.post('/login', [...creds, ['csrf_token', tok]]);
		assert.equal(r.status, 303, 'with the token the login works');
	});
});
