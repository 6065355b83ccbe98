// People and units: admins create users who set their own password through a one-time link
// (shown to the admin without mail, e-mailed through the outbox with it), deactivate and
// reactivate them (sessions end at once), change roles and units, start password resets; users
// change their own password and end their sessions; admins add, rename, deactivate and merge
// units. Every change is checked in the database, including its audit entry, and every admin
// route refuses contributors, editors and anonymous visitors.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	startServer, loginAs, Client, sql, sqlValue, USERS, publishNew, pressRelease, requestRow,
	waitFor,
} from './lib.mjs';
import { freePort, startSmtp, readMaildir } from './smtp.mjs';

const GOOD = 'kopi tubruk di Menteng pagi';

function userId(db, email) {
	return sqlValue(db, `SELECT id FROM users WHERE email = '${email}'`);
}

function unitId(db, code) {
	return sqlValue(db, `SELECT id FROM units WHERE code = '${code}'`);
}

function audit(db, action, objectId) {
	return sql(db, `SELECT * FROM audit_log WHERE action = '${action}'`
		+ (objectId ? ` AND object_id = ${Number(objectId)}` : '') + ' ORDER BY id');
}

/* The one-time link an admin page shows, as a path with its token. */
function shownLink(html) {
	const m = /href="https?:\/\/[^"/]+(\/set-password\?token=([0-9a-f]{64}))"/.exec(html);
	return m ? { path: m[1], token: m[2] } : null;
}

/* Opens a one-time link and sends the form on it as a browser would. */
async function useLink(client, linkPath, password, confirm = password) {
	const page = await client.get(linkPath);
	if (page.status !== 200)
		return page;
	const token = /name="token" value="([^"]*)"/.exec(page.text)[1];
	return client.post('/set-password', [['token', token], ['new_password', password],
		['new_password_confirm', confirm], ['csrf_token', client.csrf]]);
}

async function createUser(admin, fields, expect = 201) {
	const res = await admin.form('/admin/users', Object.entries(fields));
	assert.equal(res.status, expect, `create user: ${res.status}\n${res.text.slice(0, 3000)}`);
	return res;
}

describe('admin pages refuse everyone but admins', () => {
	let srv;
	before(async () => { srv = await startServer(); });
	after(async () => { await srv?.stop(); });

	const gets = ['/admin/users', '/admin/users/new', '/admin/users/1', '/admin/units', '/admin/units/1'];
	const posts = [
		['/admin/users', [['email', 'x@y.test'], ['name', 'X'], ['role', 'admin']]],
		['/admin/users/1', [['name', 'X'], ['role', 'admin']]],
		['/admin/users/1/deactivate', []],
		['/admin/users/1/activate', []],
		['/admin/users/1/reset', []],
		['/admin/units', [['code', 'NEWUNIT'], ['name', 'Unit Baru'], ['kind', 'UKPD']]],
		['/admin/units/1', [['name', 'Nama lain'], ['kind', 'SKPD']]],
		['/admin/units/1/deactivate', []],
		['/admin/units/1/merge', [['target', 'DINKES']]],
	];

	test('a contributor and an editor get 403 for every admin page and action, and nothing changes', async () => {
		const before = { users: sql(srv.db, 'SELECT * FROM users'), units: sql(srv.db, 'SELECT * FROM units'),
			audit: sqlValue(srv.db, "SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'login%'") };
		for (const who of ['contribA', 'editor']) {
			const c = await loginAs(srv, who);
			for (const p of gets) {
				const r = await c.get(p);
				assert.equal(r.status, 403, `${who} GET ${p}: ${r.status}`);
			}
			for (const [p, fields] of posts) {
				const r = await c.form(p, fields);
				assert.equal(r.status, 403, `${who} POST ${p}: ${r.status}`);
			}
			// The navigation offers the account pages to everyone, the admin pages only to admins.
			const page = await c.get('/requests');
			assert.match(page.text, /href="\/account\/sessions"/);
			assert.doesNotMatch(page.text, /href="\/admin\/users"/);
		}
		assert.deepEqual(sql(srv.db, 'SELECT * FROM users'), before.users);
		assert.deepEqual(sql(srv.db, 'SELECT * FROM units'), before.units);
		assert.equal(sqlValue(srv.db, "SELECT COUNT(*) FROM audit_log WHERE action NOT LIKE 'login%'"), before.audit);
	});

	test('anonymous visitors are sent to the login page, and their posts are refused', async () => {
		const anon = new Client(srv);
		for (const p of [...gets, '/account/password', '/account/sessions']) {
			const r = await anon.get(p);
			assert.equal(r.status, 303, `GET ${p}: ${r.status}`);
			assert.equal(r.location, `/login?next=${p}`);
		}
		await anon.get('/login');
		for (const [p, fields] of [...posts, ['/account/password', []], ['/account/sessions/1/end', []]]) {
			const r = await anon.form(p, fields);
			assert.equal(r.status, 403, `POST ${p}: ${r.status}`);
		}
	});

	test('an admin sees the pages and the links to them', async () => {
		const admin = await loginAs(srv, 'admin');
		for (const p of gets) {
			const r = await admin.get(p);
			assert.equal(r.status, 200, `admin GET ${p}: ${r.status}`);
		}
		const page = await admin.get('/admin/users');
		assert.match(page.text, /href="\/admin\/units"/);
		assert.match(page.text, /href="\/account\/sessions"/);
		for (const u of Object.values(USERS))
			assert.ok(page.text.includes(u.email), `${u.email} listed`);
		const inactive = await admin.get('/admin/users?status=inactive');
		assert.match(inactive.text, /0 pengguna/);
		assert.equal((await admin.get('/admin/users?status=bogus')).status, 400);
		assert.equal((await admin.get('/admin/users/999999')).status, 404);
		assert.equal((await admin.get('/admin/units/999999')).status, 404);
		const filtered = await admin.get('/admin/users?unit=DISHUB');
		assert.ok(filtered.text.includes(USERS.contribB.email));
		assert.ok(!filtered.text.includes(USERS.contribA.email));
	});
});

describe('new users and one-time links (no mail server: the admin sees the link)', () => {
	let srv, admin;
	before(async () => {
		srv = await startServer();
		admin = await loginAs(srv, 'admin');
	});
	after(async () => { await srv?.stop(); });

	test('an invalid user is refused with messages next to the fields and nothing is written', async () => {
		const users = sqlValue(srv.db, 'SELECT COUNT(*) FROM users');
		const res = await createUser(admin, { email: 'bukan-email', name: '', role: 'contributor', unit: '' }, 422);
		assert.match(res.text, /id="err-email">Alamat e-mail tidak valid/);
		assert.match(res.text, /id="err-name">Nama wajib diisi/);
		assert.match(res.text, /id="err-unit">Kontributor harus terdaftar pada satu unit/);
		assert.match(res.text, /value="bukan-email"/, 'the form is refilled');
		const dup = await createUser(admin, { email: USERS.editor.email.toUpperCase(), name: 'Dobel', role: 'editor', unit: '' }, 422);
		assert.match(dup.text, /sudah dipakai pengguna lain/);
		const bad = await createUser(admin, { email: 'x@dinkes.test', name: 'X', role: 'superuser', unit: 'NOPE' }, 422);
		assert.match(bad.text, /id="err-role"/);
		assert.match(bad.text, /id="err-unit">Unit tidak dikenal/);
		assert.equal(sqlValue(srv.db, 'SELECT COUNT(*) FROM users'), users);
		assert.equal(sqlValue(srv.db, 'SELECT COUNT(*) FROM password_tokens'), 0);
	});

	test('a new user gets a link that works once, with the password policy checked', async () => {
		const email = 'tono@dishub.test';
		const res = await createUser(admin, { email, name: 'Tono Baru', role: 'contributor', unit: 'DISHUB' });
		const link = shownLink(res.text);
		assert.ok(link, 'the page shows the one-time link');
		const id = userId(srv.db, email);
		const row = sql(srv.db, `SELECT * FROM users WHERE id = ${id}`)[0];
		assert.equal(row.role, 'contributor');
		assert.equal(row.unit_id, unitId(srv.db, 'DISHUB'));
		assert.equal(row.password_hash, '');
		// Only the token's SHA-256 is stored; the token itself appears nowhere in the database.
		const tok = sql(srv.db, `SELECT hex(token_hash) AS h, purpose, expires_at - created_at AS ttl FROM password_tokens WHERE user_id = ${id}`);
		assert.equal(tok.length, 1);
		assert.equal(tok[0].h, createHash('sha256').update(link.token).digest('hex').toUpperCase());
		assert.equal(tok[0].purpose, 'invite');
		assert.equal(tok[0].ttl, 72 * 3600);
		for (const f of [srv.db, srv.db + '-wal'].filter((x) => fs.existsSync(x)))
			assert.ok(!fs.readFileSync(f).includes(link.token), `token not in ${f}`);
		assert.equal(audit(srv.db, 'user_create', id).length, 1);
		assert.equal(audit(srv.db, 'password_invite', id).length, 1);
		assert.equal(audit(srv.db, 'user_create', id)[0].actor_id, userId(srv.db, USERS.admin.email));

		// No password yet: nobody can log in as the new user.
		assert.equal((await new Client(srv).login(email, 'anything-at-all-12')).status, 401);

		const u = new Client(srv);
		const form = await u.get(link.path);
		assert.equal(form.status, 200);
		assert.match(form.text, /Selamat datang/);
		assert.ok(form.text.includes(email));
		const cases = [
			['pendek-11ch', /Kata sandi minimal 12 karakter/],
			['a'.repeat(40) + 'b'.repeat(89), /Kata sandi maksimal 128 karakter/],
			['WinnieThePooh', /paling umum dipakai/],
			['password2026!', /paling umum dipakai/],
			['qwertyqwerty', /paling umum dipakai/],
			['abcabcabcabc', /paling umum dipakai/],
		];
		for (const [pw, msg] of cases) {
			const r = await useLink(u, link.path, pw);
			assert.equal(r.status, 422, `${pw}: ${r.status}`);
			assert.match(r.text, msg, pw);
			assert.match(r.text, /id="err-new_password"/, 'the message sits next to the field');
		}
		const mismatch = await useLink(u, link.path, GOOD, GOOD + '!');
		assert.equal(mismatch.status, 422);
		assert.match(mismatch.text, /id="err-new_password_confirm">Ulangan kata sandi tidak sama/);
		assert.equal(sqlValue(srv.db, `SELECT password_hash FROM users WHERE id = ${id}`), '');

		const ok = await useLink(u, link.path, GOOD);
		assert.equal(ok.status, 303);
		assert.equal(ok.location, '/login?password=set');
		assert.match((await u.get('/login?password=set')).text, /Kata sandi Anda tersimpan/);
		assert.equal(audit(srv.db, 'password_set', id).length, 1);
		assert.notEqual(sqlValue(srv.db, `SELECT used_at FROM password_tokens WHERE user_id = ${id}`), null);

		const login = await new Client(srv).login(email, GOOD);
		assert.equal(login.status, 303, 'the new password works');

		// Used once: the link is gone, for a GET and for a POST.
		const again = await new Client(srv).get(link.path);
		assert.equal(again.status, 410);
		assert.match(again.text, /sudah dipakai/);
		const reuse = new Client(srv);
		await reuse.get('/login');
		const post = await reuse.post('/set-password', [['token', link.token], ['new_password', 'lain lagi kata sandinya'],
			['new_password_confirm', 'lain lagi kata sandinya'], ['csrf_token', reuse.csrf]]);
		assert.equal(post.status, 410);
		assert.equal((await new Client(srv).login(email, 'lain lagi kata sandinya')).status, 401);
	});

	test('a wrong or malformed token is refused', async () => {
		const c = new Client(srv);
		assert.equal((await c.get(`/set-password?token=${'0'.repeat(64)}`)).status, 404);
		assert.equal((await c.get('/set-password?token=abc')).status, 404);
		assert.equal((await c.get('/set-password')).status, 404);
		await c.get('/login');
		const r = await c.post('/set-password', [['token', 'f'.repeat(64)], ['new_password', GOOD],
			['new_password_confirm', GOOD], ['csrf_token', c.csrf]]);
		assert.equal(r.status, 404);
		assert.match(r.text, /tidak dikenal/);
		// The form is protected like every other: no CSRF token, no service.
		const nocsrf = await new Client(srv).post('/set-password', [['token', 'f'.repeat(64)]]);
		assert.equal(nocsrf.status, 403);
	});

	test('a reset link replaces the older one; using it ends every session of the user', async () => {
		const a2 = await loginAs(srv, 'contribA2');
		const id = userId(srv.db, USERS.contribA2.email);
		const first = shownLink((await admin.form(`/admin/users/${id}/reset`)).text);
		const res = await admin.form(`/admin/users/${id}/reset`);
		assert.equal(res.status, 200);
		const link = shownLink(res.text);
		assert.ok(first && link && first.token !== link.token);
		assert.equal(audit(srv.db, 'password_reset', id).length, 2);
		// The older link is revoked; the old password still works until the new link is used.
		assert.equal((await new Client(srv).get(first.path)).status, 410);
		assert.equal((await a2.get('/requests')).status, 200);
		const r = await useLink(new Client(srv), link.path, GOOD);
		assert.equal(r.status, 303);
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM sessions WHERE user_id = ${id}`), 0);
		const after = await a2.get('/requests');
		assert.equal(after.status, 303, 'the old session ended');
		assert.equal((await new Client(srv).login(USERS.contribA2.email, USERS.contribA2.password)).status, 401);
		assert.equal((await new Client(srv).login(USERS.contribA2.email, GOOD)).status, 303);
	});
});

describe('one-time links expire', () => {
	let srv, link;
	before(async () => {
		srv = await startServer();
		const admin = await loginAs(srv, 'admin');
		link = shownLink((await createUser(admin, { email: 'lambat@humas.test', name: 'Lambat', role: 'editor', unit: '' })).text);
		assert.ok(link);
	});
	after(async () => { await srv?.stop(); });

	test('71 hours later the link still opens; 73 hours later it is expired', async () => {
		await srv.restart({ SIARAN_CLOCK_OFFSET: String(71 * 3600) });
		assert.equal((await new Client(srv).get(link.path)).status, 200);
		await srv.restart({ SIARAN_CLOCK_OFFSET: String(73 * 3600) });
		const page = await new Client(srv).get(link.path);
		assert.equal(page.status, 410);
		assert.match(page.text, /kedaluwarsa/);
		const r = await useLink(new Client(srv), link.path, GOOD);
		assert.equal(r.status, 410);
		const c = new Client(srv);
		await c.get('/login');
		const post = await c.post('/set-password', [['token', link.token], ['new_password', GOOD],
			['new_password_confirm', GOOD], ['csrf_token', c.csrf]]);
		assert.equal(post.status, 410);
		assert.equal(sqlValue(srv.db, "SELECT password_hash FROM users WHERE email = 'lambat@humas.test'"), '');
	});
});

describe('deactivation, roles and units of users', () => {
	let srv, admin;
	before(async () => {
		srv = await startServer();
		admin = await loginAs(srv, 'admin');
	});
	after(async () => { await srv?.stop(); });

	test('deactivating a user ends its sessions at once and stops its logins; reactivating restores them', async () => {
		const b1 = await loginAs(srv, 'contribB');
		const b2 = await loginAs(srv, 'contribB');
		const id = userId(srv.db, USERS.contribB.email);
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM sessions WHERE user_id = ${id}`), 2);
		const res = await admin.form(`/admin/users/${id}/deactivate`);
		assert.equal(res.status, 303);
		assert.equal(res.location, `/admin/users/${id}?done=deactivated`);
		assert.equal(sqlValue(srv.db, `SELECT active FROM users WHERE id = ${id}`), 0);
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM sessions WHERE user_id = ${id}`), 0);
		for (const c of [b1, b2]) {
			const r = await c.get('/requests');
			assert.equal(r.status, 303);
			assert.match(r.location, /^\/login/);
		}
		assert.equal((await new Client(srv).login(USERS.contribB.email, USERS.contribB.password)).status, 401);
		const entry = audit(srv.db, 'user_deactivate', id);
		assert.equal(entry.length, 1);
		assert.match(entry[0].detail, /2 sesi diakhiri/);
		// A link for an inactive user is refused.
		assert.equal((await admin.form(`/admin/users/${id}/reset`)).status, 409);

		assert.equal((await admin.form(`/admin/users/${id}/activate`)).status, 303);
		assert.equal(audit(srv.db, 'user_activate', id).length, 1);
		assert.equal((await new Client(srv).login(USERS.contribB.email, USERS.contribB.password)).status, 303);
	});

	test('an admin cannot deactivate or demote itself', async () => {
		const id = userId(srv.db, USERS.admin.email);
		const r = await admin.form(`/admin/users/${id}/deactivate`);
		assert.equal(r.status, 409);
		assert.match(r.text, /tidak dapat menonaktifkan akun Anda sendiri/);
		const d = await admin.form(`/admin/users/${id}`, [['name', USERS.admin.name], ['role', 'editor'], ['unit', '']]);
		assert.equal(d.status, 422);
		assert.match(d.text, /id="err-role">Anda tidak dapat menurunkan peran Anda sendiri/);
		assert.equal(sqlValue(srv.db, `SELECT role || active FROM users WHERE id = ${id}`), 'admin1');
		assert.equal((await admin.get('/requests')).status, 200, 'still signed in');
	});

	test('another admin can demote an admin, who loses the admin pages at once; the one left cannot leave', async () => {
		// A second admin, then the first one demoted by it: allowed while two are active.
		const res = await createUser(admin, { email: 'admin2@humas.test', name: 'Admin Dua', role: 'admin', unit: '' });
		const link = shownLink(res.text);
		assert.equal((await useLink(new Client(srv), link.path, GOOD)).status, 303);
		const admin2 = new Client(srv);
		assert.equal((await admin2.login('admin2@humas.test', GOOD)).status, 303);
		const id1 = userId(srv.db, USERS.admin.email);
		const id2 = userId(srv.db, 'admin2@humas.test');
		const dem = await admin2.form(`/admin/users/${id1}`, [['name', USERS.admin.name], ['role', 'editor'], ['unit', '']]);
		assert.equal(dem.status, 303);
		assert.equal(audit(srv.db, 'role_change', id1).length, 1);
		assert.match(audit(srv.db, 'role_change', id1)[0].detail, /admin → editor/);
		// The first one (now an editor) is refused the admin pages at once.
		assert.equal((await admin.get('/admin/users')).status, 403);
		// admin2 is now the only active admin: it cannot leave.
		assert.equal((await admin2.form(`/admin/users/${id2}/deactivate`)).status, 409);
		// Restore for the other tests.
		assert.equal((await admin2.form(`/admin/users/${id1}`, [['name', USERS.admin.name], ['role', 'admin'], ['unit', '']])).status, 303);
	});

	test('role, unit and name changes are saved with their audit entries; bad ones get 422', async () => {
		const id = userId(srv.db, USERS.contribA2.email);
		const r = await admin.form(`/admin/users/${id}`, [['name', 'Sari Pindah'], ['role', 'contributor'], ['unit', 'DISHUB']]);
		assert.equal(r.status, 303);
		assert.equal(sqlValue(srv.db, `SELECT unit_id FROM users WHERE id = ${id}`), unitId(srv.db, 'DISHUB'));
		assert.match(audit(srv.db, 'unit_change', id)[0].detail, /DINKES → DISHUB/);
		assert.match(audit(srv.db, 'user_rename', id)[0].detail, /Sari Pindah/);
		// The change applies to the running session: the contributor now sees DISHUB's requests.
		const a2 = await loginAs(srv, 'contribA2');
		assert.match((await a2.get('/requests')).text, /Dinas Perhubungan/);

		const noUnit = await admin.form(`/admin/users/${id}`, [['name', 'Sari'], ['role', 'contributor'], ['unit', '']]);
		assert.equal(noUnit.status, 422);
		assert.match(noUnit.text, /id="err-unit">Kontributor harus terdaftar/);
		const r2 = await admin.form(`/admin/users/${id}`, [['name', 'Sari Editor'], ['role', 'editor'], ['unit', '']]);
		assert.equal(r2.status, 303);
		assert.match(audit(srv.db, 'role_change', id)[0].detail, /contributor → editor/);
		assert.equal(sqlValue(srv.db, `SELECT role FROM users WHERE id = ${id}`), 'editor');
	});
});

describe('own password and sessions', () => {
	let srv;
	before(async () => { srv = await startServer(); });
	after(async () => { await srv?.stop(); });

	test('a user lists its sessions and ends another one; another user\'s session is not found', async () => {
		const c1 = await loginAs(srv, 'editor');
		const c2 = await loginAs(srv, 'editor');
		const other = await loginAs(srv, 'contribA');
		const id = userId(srv.db, USERS.editor.email);
		const page = await c1.get('/account/sessions');
		assert.equal(page.status, 200);
		const ids = [...page.text.matchAll(/id="session-(\d+)"/g)].map((m) => Number(m[1]));
		assert.equal(ids.length, 2);
		assert.equal((page.text.match(/sesi ini/g) || []).length, 1);
		assert.match(page.text, /127\.0\.0\.1/);
		const current = Number(/id="session-(\d+)">\s*<td data-label="Masuk">[^<]*<span class="badge[^"]*">sesi ini/.exec(page.text)[1]);
		const second = ids.find((x) => x !== current);
		const otherSid = sqlValue(srv.db, `SELECT id FROM sessions WHERE user_id = ${userId(srv.db, USERS.contribA.email)}`);
		assert.equal((await c1.form(`/account/sessions/${otherSid}/end`)).status, 404);
		assert.equal((await other.get('/requests')).status, 200, 'the other user stays signed in');
		const end = await c1.form(`/account/sessions/${second}/end`);
		assert.equal(end.status, 303);
		assert.equal((await c2.get('/requests')).status, 303, 'the ended session is signed out');
		assert.equal((await c1.get('/requests')).status, 200);
		assert.equal(audit(srv.db, 'session_end', id).length, 1);
		// Ending the current session signs this browser out.
		const self = await c1.form(`/account/sessions/${current}/end`);
		assert.equal(self.status, 303);
		assert.equal((await c1.get('/requests')).status, 303);
	});

	test('changing the password needs the old one, follows the policy, ends the other sessions and rotates this one', async () => {
		const c1 = await loginAs(srv, 'contribB');
		const c2 = await loginAs(srv, 'contribB');
		const id = userId(srv.db, USERS.contribB.email);
		const form = await c1.get('/account/password');
		assert.equal(form.status, 200);
		const wrong = await c1.form('/account/password', [['current_password', 'bukan-kata-sandinya'],
			['new_password', GOOD], ['new_password_confirm', GOOD]]);
		assert.equal(wrong.status, 422);
		assert.match(wrong.text, /id="err-current_password">Kata sandi saat ini salah/);
		assert.equal(audit(srv.db, 'password_change_failed', id).length, 1);
		const common = await c1.form('/account/password', [['current_password', USERS.contribB.password],
			['new_password', 'Password1234'], ['new_password_confirm', 'Password1234']]);
		assert.equal(common.status, 422);
		assert.match(common.text, /id="err-new_password">Kata sandi ini termasuk yang paling umum/);
		const short = await c1.form('/account/password', [['current_password', USERS.contribB.password],
			['new_password', 'pendek'], ['new_password_confirm', 'pendek']]);
		assert.equal(short.status, 422);
		assert.match(short.text, /minimal 12 karakter/);

		const oldCookie = c1.cookieHeader();
		const ok = await c1.form('/account/password', [['current_password', USERS.contribB.password],
			['new_password', GOOD], ['new_password_confirm', GOOD]]);
		assert.equal(ok.status, 303);
		assert.equal(ok.location, '/account/sessions?done=password');
		assert.notEqual(c1.cookieHeader(), oldCookie, 'a new session cookie');
		assert.equal((await c1.get('/account/sessions?done=password')).status, 200);
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM sessions WHERE user_id = ${id}`), 1);
		assert.equal((await c2.get('/requests')).status, 303, 'the other session ended');
		const stale = new Client(srv);
		const r = await stale.get('/requests', { Cookie: oldCookie });
		assert.equal(r.status, 303, 'the old cookie of this browser no longer works');
		assert.equal(audit(srv.db, 'password_change', id).length, 1);
		assert.equal((await new Client(srv).login(USERS.contribB.email, USERS.contribB.password)).status, 401);
		assert.equal((await new Client(srv).login(USERS.contribB.email, GOOD)).status, 303);
	});

	test('the command line applies the same policy', async () => {
		const { runBin } = await import('./lib.mjs');
		const args = ['user', 'add', '--db', srv.db, '--email', 'cli@humas.test', '--name', 'CLI', '--role', 'editor', '--password-stdin'];
		const common = runBin(args, { input: 'winniethepooh\n' });
		assert.notEqual(common.status, 0);
		assert.match(common.stderr, /most common passwords/);
		const short = runBin(args, { input: 'short\n' });
		assert.match(short.stderr, /at least 12 characters/);
		assert.equal(sqlValue(srv.db, "SELECT COUNT(*) FROM users WHERE email = 'cli@humas.test'"), 0);
	});
});

describe('units', () => {
	let srv, admin;
	before(async () => {
		srv = await startServer();
		admin = await loginAs(srv, 'admin');
	});
	after(async () => { await srv?.stop(); });

	test('adding a unit checks code, name and kind; renaming shows the new name publicly', async () => {
		const bad = await admin.form('/admin/units', [['code', 'SU DIN'], ['name', ''], ['kind', 'XYZ'], ['parent', 'NOPE']]);
		assert.equal(bad.status, 422);
		assert.match(bad.text, /id="err-code">Kode unit 2–24 karakter/);
		assert.match(bad.text, /id="err-name">Nama unit wajib diisi/);
		assert.match(bad.text, /id="err-kind">/);
		assert.match(bad.text, /id="err-parent">Unit induk tidak dikenal/);
		const dup = await admin.form('/admin/units', [['code', 'dinkes'], ['name', 'Dobel'], ['kind', 'SKPD']]);
		assert.equal(dup.status, 422);
		assert.match(dup.text, /sudah dipakai unit lain/);

		const res = await admin.form('/admin/units', [['code', 'sudin_uji'], ['name', 'Suku Dinas Uji'], ['kind', 'UKPD'], ['parent', 'DINKES']]);
		assert.equal(res.status, 303);
		const id = unitId(srv.db, 'SUDIN_UJI');
		assert.equal(res.location, `/admin/units/${id}?done=created`);
		assert.equal(sqlValue(srv.db, `SELECT parent_id FROM units WHERE id = ${id}`), unitId(srv.db, 'DINKES'));
		assert.equal(audit(srv.db, 'unit_create', id).length, 1);

		const ren = await admin.form(`/admin/units/${id}`, [['name', 'Suku Dinas Uji Coba'], ['kind', 'UKPD'], ['parent', 'DINKES']]);
		assert.equal(ren.status, 303);
		assert.match(audit(srv.db, 'unit_rename', id)[0].detail, /Suku Dinas Uji → Suku Dinas Uji Coba/);
		const pub = await new Client(srv).get('/units/SUDIN_UJI');
		assert.equal(pub.status, 200);
		assert.match(pub.text, /Suku Dinas Uji Coba/);
		const cycle = await admin.form(`/admin/units/${unitId(srv.db, 'DINKES')}`, [['name', 'Dinas Kesehatan'], ['kind', 'SKPD'], ['parent', 'SUDIN_UJI']]);
		assert.equal(cycle.status, 422);
		assert.match(cycle.text, /id="err-parent">/);
	});

	test('a unit with active users cannot be deactivated; an inactive unit keeps its page but takes no new users', async () => {
		const dishub = unitId(srv.db, 'DISHUB');
		const r = await admin.form(`/admin/units/${dishub}/deactivate`);
		assert.equal(r.status, 409);
		assert.match(r.text, /masih memiliki pengguna aktif/);
		assert.equal(sqlValue(srv.db, `SELECT active FROM units WHERE id = ${dishub}`), 1);

		const id = unitId(srv.db, 'SUDIN_UJI');
		assert.equal((await admin.form(`/admin/units/${id}/deactivate`)).status, 303);
		assert.equal(sqlValue(srv.db, `SELECT active FROM units WHERE id = ${id}`), 0);
		assert.equal(audit(srv.db, 'unit_deactivate', id).length, 1);
		assert.equal((await new Client(srv).get('/units/SUDIN_UJI')).status, 200, 'the public page stays');
		const u = await createUser(admin, { email: 'baru@uji.test', name: 'Baru', role: 'contributor', unit: 'SUDIN_UJI' }, 422);
		assert.match(u.text, /id="err-unit">Unit ini sudah nonaktif/);
		const form = await admin.get('/admin/users/new');
		assert.doesNotMatch(form.text, /value="SUDIN_UJI"/, 'not offered for new users');
		assert.equal((await admin.form(`/admin/units/${id}/activate`)).status, 303);
		assert.equal(sqlValue(srv.db, `SELECT active FROM units WHERE id = ${id}`), 1);
	});

	test('merging moves requests and users in one step; published numbers and addresses stay', async () => {
		const b = await loginAs(srv, 'contribB');
		const editor = await loginAs(srv, 'editor');
		const pub = await publishNew(b, editor, pressRelease({ title: 'Uji Coba Jalur Sepeda Baru di Sudirman' }));
		const before = requestRow(srv.db, pub);
		assert.match(before.number, /\/DISHUB\//);
		const dishub = unitId(srv.db, 'DISHUB'), dinkes = unitId(srv.db, 'DINKES');
		const reqs = sqlValue(srv.db, `SELECT COUNT(*) FROM requests WHERE unit_id = ${dishub}`);
		const users = sqlValue(srv.db, `SELECT COUNT(*) FROM users WHERE unit_id = ${dishub}`);
		assert.ok(reqs >= 1 && users >= 1);

		const self = await admin.form(`/admin/units/${dishub}/merge`, [['target', 'DISHUB']]);
		assert.equal(self.status, 422);
		const unknown = await admin.form(`/admin/units/${dishub}/merge`, [['target', 'NOPE']]);
		assert.equal(unknown.status, 422);
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM requests WHERE unit_id = ${dishub}`), reqs);

		const res = await admin.form(`/admin/units/${dishub}/merge`, [['target', 'DINKES']]);
		assert.equal(res.status, 303);
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM requests WHERE unit_id = ${dishub}`), 0);
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM users WHERE unit_id = ${dishub}`), 0);
		assert.equal(sqlValue(srv.db, `SELECT unit_id FROM users WHERE email = '${USERS.contribB.email}'`), dinkes);
		const u = sql(srv.db, `SELECT active, merged_into FROM units WHERE id = ${dishub}`)[0];
		assert.deepEqual(u, { active: 0, merged_into: dinkes });
		const after = requestRow(srv.db, pub);
		assert.equal(after.unit_id, dinkes);
		assert.equal(after.number, before.number, 'the published number does not change');
		assert.equal(after.slug, before.slug);
		const entry = audit(srv.db, 'unit_merge', dishub);
		assert.equal(entry.length, 1);
		assert.match(entry[0].detail, new RegExp(`DISHUB → DINKES: ${reqs} permintaan dan ${users} pengguna`));
		assert.equal(audit(srv.db, 'unit_merge', dinkes).length, 1, 'the target\'s history tells it too');

		const anon = new Client(srv);
		const page = await anon.get(`/releases/${before.slug}`);
		assert.equal(page.status, 200);
		assert.ok(page.text.includes(before.number));
		const old = await anon.get('/units/DISHUB');
		assert.equal(old.status, 301);
		assert.equal(old.location, '/units/DINKES');
		const feed = await anon.get('/units/DISHUB/feed.xml');
		assert.equal(feed.status, 301);
		assert.equal(feed.location, '/units/DINKES/feed.xml');
		assert.match((await anon.get('/units/DINKES')).text, /Uji Coba Jalur Sepeda Baru/);
		// The search index knows the release under its new unit.
		assert.equal(sqlValue(srv.db, `SELECT unit_name FROM releases_fts WHERE rowid = ${pub}`), 'Dinas Kesehatan');
		// The moved contributor works on for the new unit.
		assert.equal((await b.get(`/requests/${pub}`)).status, 200);
		// A merged unit is history: no more changes.
		assert.equal((await admin.form(`/admin/units/${dishub}/activate`)).status, 409);
		assert.equal((await admin.form(`/admin/units/${dishub}/merge`, [['target', 'DINKES']])).status, 409);
	});
});

describe('with a mail server the link goes by e-mail, and its body does not outlive delivery', () => {
	let srv, smtp, mdir, admin;
	before(async () => {
		mdir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-maildir-'));
		const port = await freePort();
		smtp = await startSmtp(port, mdir);
		srv = await startServer({ env: { SIARAN_SMTP: `smtp://127.0.0.1:${port}`, SIARAN_MAIL_INTERVAL: '1',
			SIARAN_MAIL_FROM: 'humas@siaran.test' } });
		admin = await loginAs(srv, 'admin');
	});
	after(async () => {
		await srv?.stop();
		await smtp?.stop();
		if (mdir && !process.env.SIARAN_KEEP_TMP)
			fs.rmSync(mdir, { recursive: true, force: true });
	});

	test('the invitation is mailed, not shown; once sent its body is blanked; the mailed link works', async () => {
		const email = 'surel@dinkes.test';
		const res = await createUser(admin, { email, name: 'Surel Baru', role: 'contributor', unit: 'DINKES' });
		assert.equal(shownLink(res.text), null, 'the link is not shown when it is mailed');
		assert.match(res.text, /dikirim ke surel@dinkes\.test/);
		const sent = await waitFor(() => sqlValue(srv.db, `SELECT state FROM outbox WHERE to_addr = '${email}'`) === 'sent'
			&& readMaildir(mdir).some((m) => m.to.includes(email)), 20_000);
		assert.ok(sent, JSON.stringify(sql(srv.db, 'SELECT id, state, last_error FROM outbox')));
		const msg = readMaildir(mdir).find((m) => m.to.includes(email));
		assert.match(msg.subject, /atur kata sandi/);
		const m = /(\/set-password\?token=([0-9a-f]{64}))/.exec(msg.text);
		assert.ok(m, msg.text);
		assert.ok(msg.html.includes(m[1]));
		const row = sql(srv.db, `SELECT sensitive, body_text, body_html FROM outbox WHERE to_addr = '${email}'`)[0];
		assert.equal(row.sensitive, 1);
		assert.doesNotMatch(row.body_text + row.body_html, /token=/);
		const r = await useLink(new Client(srv), m[1], GOOD);
		assert.equal(r.status, 303);
		assert.equal((await new Client(srv).login(email, GOOD)).status, 303);
	});
});
