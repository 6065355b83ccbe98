// Sessions and passwords, what tests/http/login.test.mjs does not already cover: Secure and
// __Host- cookies behind https, the CSRF token renewed at login, tokens stored only as hashes,
// idle and absolute expiry on a clock the test moves (SIARAN_CLOCK_OFFSET and the stored times),
// concurrent guesses counted before they are evaluated, the per-address lock, and never more than
// 100 passwords evaluated per account per hour.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, loginAs, sql, csrfFrom, USERS } from '../http/lib.mjs';
import { dbDump } from './lib.mjs';

function cookieAttrs(line) {
	return line.split(';').map((x) => x.trim().toLowerCase());
}

/* GET /login, then POST it with the given credentials and the token. */
async function tryLogin(c, email, password) {
	const page = await c.get('/login');
	return c.post('/login', [['email', email], ['password', password], ['csrf_token', csrfFrom(page.text)]]);
}

const nowUnix = () => Math.floor(Date.now() / 1000);

describe('cookies behind https', () => {
	let srv;
	before(async () => {
		srv = await startServer({ env: { SIARAN_BASE_URL: 'https://siaran.jakarta.go.id' } });
	});
	after(async () => {
		await srv?.stop();
	});

	test('__Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/, no Domain; HSTS', async () => {
		const c = new Client(srv);
		const page = await c.get('/login');
		const anon = page.setCookies.find((l) => l.startsWith('__Host-siaran_csrf='));
		assert.ok(anon, `anonymous token cookie: ${page.setCookies}`);
		assert.match(page.headers.get('strict-transport-security') || '', /max-age=\d{7,}/);
		const u = USERS.editor;
		const r = await c.post('/login', [['email', u.email], ['password', u.password], ['csrf_token', csrfFrom(page.text)]]);
		assert.equal(r.status, 303);
		const line = r.setCookies.find((l) => l.startsWith('__Host-siaran_session='));
		assert.ok(line, `session cookie: ${r.setCookies}`);
		for (const l of [anon, line]) {
			const attrs = cookieAttrs(l);
			for (const want of ['secure', 'httponly', 'samesite=lax', 'path=/'])
				assert.ok(attrs.includes(want), `${l}: ${want}`);
			assert.ok(!attrs.some((a) => a.startsWith('domain=')), `${l}: a Domain attribute`);
		}
		assert.ok(!r.setCookies.some((l) => l.startsWith('siaran_session=')), 'no unprefixed cookie');
	});
});

describe('sessions and passwords', () => {
	let srv;
	before(async () => {
		srv = await startServer();
	});
	after(async () => {
		await srv?.stop();
	});

	test('login renews the CSRF token; tokens are stored only as hashes', async () => {
		const c = new Client(srv);
		const page = await c.get('/login');
		const anonToken = csrfFrom(page.text);
		const u = USERS.contribB;
		const r = await c.post('/login', [['email', u.email], ['password', u.password], ['csrf_token', anonToken]]);
		assert.equal(r.status, 303);
		const home = await c.get('/requests');
		const sessionToken = csrfFrom(home.text);
		assert.ok(sessionToken && sessionToken !== anonToken, 'the form token changes at login');
		// The old anonymous token no longer works for the session.
		const stale = await c.post('/logout', [['csrf_token', anonToken]]);
		assert.equal(stale.status, 403);
		const cookie = c.jar.get('siaran_session');
		const dump = dbDump(srv.db);
		assert.ok(!dump.toLowerCase().includes(cookie.toLowerCase()), 'the session token is in the database');
		assert.ok(!dump.includes(u.password), 'a password is in the database');
		assert.ok(!srv.stdout().includes(cookie) && !srv.stderr().includes(cookie), 'the token is in the log');
	});

	test('idle expiry: 30 minutes without a request ends the session; activity keeps it', async () => {
		const c = await loginAs(srv, 'contribA');
		const id = sql(srv.db, 'SELECT MAX(id) AS id FROM sessions')[0].id;
		// 25 minutes later: still signed in, and the visit counts as activity.
		await srv.restart({ SIARAN_CLOCK_OFFSET: String(25 * 60) });
		let r = await c.get('/requests');
		assert.equal(r.status, 200, 'after 25 idle minutes');
		// 50 minutes after login, 25 after the last visit: still signed in.
		await srv.restart({ SIARAN_CLOCK_OFFSET: String(50 * 60) });
		r = await c.get('/requests');
		assert.equal(r.status, 200, '25 minutes after the last visit');
		// 31 minutes after that: gone, and the row is deleted.
		await srv.restart({ SIARAN_CLOCK_OFFSET: String(81 * 60 + 30) });
		r = await c.get('/requests');
		assert.equal(r.status, 303, 'after 31 idle minutes');
		assert.equal(r.location, '/login?next=/requests');
		assert.equal(sql(srv.db, `SELECT COUNT(*) AS n FROM sessions WHERE id = ${id}`)[0].n, 0);
		await srv.restart({});
	});

	test('absolute expiry: 12 hours after login, however active', async () => {
		const c = await loginAs(srv, 'editor');
		const id = sql(srv.db, 'SELECT MAX(id) AS id FROM sessions')[0].id;
		// Moving the clock 12 h forward makes the session idle too; its last visit is set to a
		// minute before the shifted "now", so that only the absolute limit can end it.
		// The last visit is set before the restart: the server prunes expired sessions at start.
		const at = async (offset) => {
			sql(srv.db, `UPDATE sessions SET last_seen_at = ${nowUnix() + offset - 60} WHERE id = ${id}`);
			await srv.restart({ SIARAN_CLOCK_OFFSET: String(offset) });
			return c.get('/requests');
		};
		let r = await at(12 * 3600 - 120);
		assert.equal(r.status, 200, '11 h 58 min after login, active');
		r = await at(12 * 3600 + 60);
		assert.equal(r.status, 303, '12 h 1 min after login');
		assert.equal(sql(srv.db, `SELECT COUNT(*) AS n FROM sessions WHERE id = ${id}`)[0].n, 0);
		await srv.restart({});
	});

	test('30 guesses at once: the lock counts them before evaluating, at most 5 are evaluated', async () => {
		const u = USERS.contribA2;
		const clients = await Promise.all(Array.from({ length: 30 }, async () => {
			const c = new Client(srv);
			const page = await c.get('/login');
			return [c, csrfFrom(page.text)];
		}));
		const results = await Promise.all(clients.map(([c, tok], i) =>
			c.post('/login', [['email', u.email], ['password', `tebakan-salah-${i}-xyz`], ['csrf_token', tok]])));
		const counts = {};
		for (const r of results)
			counts[r.status] = (counts[r.status] || 0) + 1;
		assert.ok((counts[401] || 0) <= 5, `evaluated: ${JSON.stringify(counts)}`);
		assert.equal((counts[401] || 0) + (counts[429] || 0), 30, JSON.stringify(counts));
		const evaluated = sql(srv.db, `SELECT COUNT(*) AS n FROM login_attempts WHERE email = '${u.email}' AND outcome <> 'locked'`)[0].n;
		assert.ok(evaluated <= 5, `${evaluated} attempts evaluated`);
	});

	test('at most 100 passwords evaluated per account per hour, right or wrong', async () => {
		const u = USERS.admin;
		// 96 evaluated attempts (successful ones, so that the failure lock stays out of the way)
		// spread over the last hour from other addresses, as a slow distributed guesser with the
		// occasional real login would leave them.
		const now = nowUnix();
		const rows = Array.from({ length: 96 }, (_, i) => `('${u.email}', '10.0.${i}.1', ${now - 3500 + i * 30}, 'ok')`);
		sql(srv.db, `INSERT INTO login_attempts (email, client, at, outcome) VALUES ${rows.join(', ')}`);
		// Four more are evaluated: wrong, wrong, right, wrong.
		const c = new Client(srv);
		assert.equal((await tryLogin(c, u.email, 'salah-satu-kata-sandi')).status, 401);
		assert.equal((await tryLogin(c, u.email, 'salah-dua-kata-sandi')).status, 401);
		assert.equal((await tryLogin(new Client(srv), u.email, u.password)).status, 303);
		assert.equal((await tryLogin(c, u.email, 'salah-tiga-kata-sandi')).status, 401);
		// The 101st is not evaluated, even with the right password; it waits for the oldest to age.
		const r = await tryLogin(new Client(srv), u.email, u.password);
		assert.equal(r.status, 429, 'the 101st attempt in an hour');
		const wait = Number(r.headers.get('retry-after'));
		assert.ok(wait > 0 && wait <= 100, `Retry-After ${wait} (the oldest attempt leaves the hour within 100 s)`);
		const evaluated = sql(srv.db, `SELECT COUNT(*) AS n FROM login_attempts WHERE email = '${u.email}'`
			+ ` AND outcome <> 'locked' AND at > ${nowUnix() - 3600}`)[0].n;
		assert.equal(evaluated, 100);
		// Once the hour has moved on, the right password works again.
		await srv.restart({ SIARAN_CLOCK_OFFSET: String(wait + 5) });
		const ok = await tryLogin(new Client(srv), u.email, u.password);
		assert.equal(ok.status, 303);
		await srv.restart({});
	});

	test('one address guessing across many accounts is locked after 30 failures in 15 minutes', async () => {
		// Later than the failures of the tests above, which came from the same address.
		await srv.restart({ SIARAN_CLOCK_OFFSET: '1000' });
		const c = new Client(srv);
		for (let i = 1; i <= 30; i++) {
			const r = await tryLogin(c, `akun.${i}@tebak.test`, 'kata-sandi-tebakan');
			assert.equal(r.status, 401, `guess ${i}`);
		}
		const r = await tryLogin(c, USERS.contribB.email, USERS.contribB.password);
		assert.equal(r.status, 429, 'the address is locked, even for a right password');
		assert.ok(Number(r.headers.get('retry-after')) > 0);
		await srv.restart({});
	});
});
