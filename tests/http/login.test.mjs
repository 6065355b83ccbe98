// Signing in and out: cookies, fresh tokens, safe redirects, wrong passwords, logout ending the
// session on the server, and the account lock with its growing delay.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, loginAs, csrfFrom, sql, USERS } from './lib.mjs';

function cookieLine(res, name) {
	return res.setCookies.find((l) => l.startsWith(`${name}=`));
}

/* GET /login, then POST it with the given fields (+ the token). */
async function postLogin(c, fields, path = '/login') {
	const page = await c.get(path);
	assert.equal(page.status, 200);
	return c.post('/login', [...fields, ['csrf_token', csrfFrom(page.text)]]);
}

describe('login and logout', () => {
	let srv;

	before(async () => {
		srv = await startServer();
	});
	after(async () => {
		await srv?.stop();
	});

	test('success: 303 to /requests with an HttpOnly, SameSite=Lax session cookie', async () => {
		const c = new Client(srv);
		const page = await c.get('/login');
		const csrfCookie = cookieLine(page, 'siaran_csrf');
		assert.ok(csrfCookie, 'the login form sets the siaran_csrf cookie');
		assert.match(csrfCookie, /;\s*HttpOnly/i);
		const u = USERS.contribA;
		const r = await c.post('/login', [['email', u.email], ['password', u.password], ['csrf_token', csrfFrom(page.text)]]);
		assert.equal(r.status, 303);
		assert.equal(r.location, '/requests');
		const line = cookieLine(r, 'siaran_session');
		assert.ok(line, `no siaran_session cookie in ${JSON.stringify(r.setCookies)}`);
		const attrs = line.split(';').map((x) => x.trim().toLowerCase());
		assert.match(attrs[0], /^siaran_session=[0-9a-f]{64}$/);
		assert.ok(attrs.includes('httponly'), line);
		assert.ok(attrs.includes('samesite=lax'), line);
		assert.ok(attrs.includes('path=/'), line);
		assert.ok(!attrs.includes('secure'), 'no Secure over plain http');
		assert.ok(!c.jar.has('siaran_csrf'), 'the anonymous token cookie is cleared');
		const home = await c.get('/requests');
		assert.equal(home.status, 200);
		assert.ok(home.text.includes(u.name));
		const again = await c.get('/login');
		assert.equal(again.status, 303, 'a signed-in user is sent on from /login');
		assert.equal(again.location, '/requests');
	});

	test('next: a local path is followed, anything else is not', async () => {
		const u = USERS.contribA;
		const creds = [['email', u.email], ['password', u.password]];
		const form = await new Client(srv).get('/login?next=/requests/new');
		assert.ok(form.text.includes('name="next" value="/requests/new"'), 'next is carried in the form');
		const evil = await new Client(srv).get('/login?next=' + encodeURIComponent('/"><script>alert(1)</script>'));
		assert.equal(evil.status, 200);
		assert.ok(!evil.text.includes('<script>alert(1)</script>'), 'next is escaped in the form');
		for (const [next, want] of [['/requests/new', '/requests/new'], ['//evil.example/x', '/requests'],
			['https://evil.example/', '/requests'], ['/\\evil.example', '/requests'], ['javascript:alert(1)', '/requests']]) {
			const r = await postLogin(new Client(srv), [...creds, ['next', next]]);
			assert.equal(r.status, 303);
			assert.equal(r.location, want, `next=${next}`);
		}
	});

	test('wrong password or unknown e-mail: 401, the form again with a message, no session', async () => {
		const before = sql(srv.db, 'SELECT COUNT(*) AS n FROM sessions')[0].n;
		for (const [email, password] of [[USERS.contribB.email, 'salah-kata-sandi-123'],
			['tidak.ada@siaran.test', 'apa-saja-kata-sandinya'], [USERS.contribB.email, '']]) {
			const c = new Client(srv);
			const r = await postLogin(c, [['email', email], ['password', password]]);
			assert.equal(r.status, 401, `${email}: ${r.status}`);
			assert.ok(r.text.includes('name="password"'), 'the form is shown again');
			assert.ok(r.text.includes(`value="${email}"`), 'the e-mail is kept');
			assert.ok(/salah|Isi e-mail/.test(r.text), 'a message says why');
			assert.ok(!c.jar.has('siaran_session'));
		}
		assert.equal(sql(srv.db, 'SELECT COUNT(*) AS n FROM sessions')[0].n, before);
	});

	test('every login gives a new token; a cookie set before login is not reused', async () => {
		const u = USERS.editor;
		const c = new Client(srv);
		const planted = 'a'.repeat(64);
		c.jar.set('siaran_session', planted);
		const r1 = await postLogin(c, [['email', u.email], ['password', u.password]]);
		assert.equal(r1.status, 303);
		const t1 = c.jar.get('siaran_session');
		assert.match(t1, /^[0-9a-f]{64}$/);
		assert.notEqual(t1, planted);
		const d = new Client(srv);
		const r3 = await postLogin(d, [['email', u.email], ['password', u.password]]);
		assert.equal(r3.status, 303);
		assert.notEqual(d.jar.get('siaran_session'), t1, 'a second login gets a different token');
	});

	test('logging in over an existing session ends the old one', async () => {
		const u = USERS.contribA2;
		const c = await loginAs(srv, 'contribA2');
		const old = c.jar.get('siaran_session');
		// Post the login form again with the session's own token (the form a signed-in page would hold).
		const r = await c.form('/login', [['email', u.email], ['password', u.password]]);
		assert.equal(r.status, 303);
		const fresh = c.jar.get('siaran_session');
		assert.notEqual(fresh, old);
		const stale = new Client(srv);
		stale.jar.set('siaran_session', old);
		const s = await stale.get('/requests');
		assert.equal(s.status, 303, 'the replaced session no longer works');
		assert.equal(s.location, '/login?next=/requests');
	});

	test('logout ends the session on the server; the old cookie no longer works', async () => {
		const c = await loginAs(srv, 'contribB');
		const token = c.jar.get('siaran_session');
		const uid = sql(srv.db, `SELECT id FROM users WHERE email = '${USERS.contribB.email}'`)[0].id;
		const n = sql(srv.db, `SELECT COUNT(*) AS n FROM sessions WHERE user_id = ${uid}`)[0].n;
		const r = await c.form('/logout', []);
		assert.equal(r.status, 303);
		assert.equal(r.location, '/');
		const line = cookieLine(r, 'siaran_session');
		assert.ok(line && /max-age=0/i.test(line), `the cookie is cleared: ${line}`);
		assert.equal(sql(srv.db, `SELECT COUNT(*) AS n FROM sessions WHERE user_id = ${uid}`)[0].n, n - 1);
		const replay = new Client(srv);
		replay.jar.set('siaran_session', token);
		const g = await replay.get('/requests');
		assert.equal(g.status, 303);
		assert.equal(g.location, '/login?next=/requests');
		const p = await replay.post('/logout', [['csrf_token', c.csrf]]);
		assert.equal(p.status, 403);
	});

	test('five failures lock the account with a growing delay, even for the right password', async () => {
		const u = USERS.admin;
		const creds = (pw) => [['email', u.email], ['password', pw]];
		const c = new Client(srv);
		for (let i = 1; i <= 5; i++) {
			const r = await postLogin(c, creds(`salah-${i}-kata-sandi`));
			assert.equal(r.status, 401, `failure ${i}`);
		}
		let r = await postLogin(c, creds(u.password));
		assert.equal(r.status, 429, 'locked after five failures, even with the right password');
		const first = Number(r.headers.get('retry-after'));
		assert.ok(first > 0 && first <= 30, `Retry-After ${r.headers.get('retry-after')}`);
		assert.ok(r.text.includes('name="password"'), 'the form is shown with the message');
		assert.ok(!c.jar.has('siaran_session'));
		// Another account is not affected.
		const other = await postLogin(new Client(srv), [['email', USERS.editor.email], ['password', USERS.editor.password]]);
		assert.equal(other.status, 303);

		// 31 s later the lock has passed; one more failure locks for longer.
		await srv.restart({ SIARAN_CLOCK_OFFSET: '31' });
		r = await postLogin(c, creds('salah-6-kata-sandi'));
		assert.equal(r.status, 401, 'evaluated again after the delay');
		r = await postLogin(c, creds(u.password));
		assert.equal(r.status, 429);
		const second = Number(r.headers.get('retry-after'));
		assert.ok(second > first && second <= 60, `the delay grows: ${first} then ${second}`);

		// Once that has passed too, the right password works.
		await srv.restart({ SIARAN_CLOCK_OFFSET: String(31 + 61) });
		r = await postLogin(c, creds(u.password));
		assert.equal(r.status, 303, 'the right password works once the lock is over');
	});
});
