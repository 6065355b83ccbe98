// The audit trail: what is recorded (request changes, workflow actions, comments, logins), that
// the database itself refuses to rewrite it, and /admin/audit with its filters and keyset pages.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
	startServer, loginAs, Client, csrfFrom, pressRelease, createRequest, act, sql, sqlValue, USERS,
} from './lib.mjs';

function userId(db, key) {
	return sqlValue(db, `SELECT id FROM users WHERE email = '${USERS[key].email}'`);
}

/* Entry ids of an /admin/audit page, in page order. */
function pageIds(html) {
	return [...html.matchAll(/<tr id="audit-(\d+)">/g)].map((m) => Number(m[1]));
}

/* The "older" link of an /admin/audit page, decoded, or null. */
function nextLink(html) {
	const m = /<a class="pager-link pager-next" href="([^"]+)"/.exec(html);
	return m ? m[1].replaceAll('&amp;', '&') : null;
}

/* Runs SQL with the sqlite3 CLI; returns { status, stderr } (the statement may fail). */
function sqliteTry(db, statement) {
	const r = spawnSync('sqlite3', ['-cmd', '.timeout 5000', db, statement], { encoding: 'utf8' });
	if (r.error)
		throw r.error;
	return { status: r.status, stderr: r.stderr };
}

/* Today in WIB as YYYY-MM-DD. */
function wibToday() {
	return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

async function tryLogin(email, password) {
	const c = new Client(srvRef);
	const page = await c.get('/login');
	return c.post('/login', [['email', email], ['password', password], ['csrf_token', csrfFrom(page.text)]]);
}

let srvRef;

describe('audit trail', () => {
	let srv, a, b, editor, admin;
	let id; // a request walked from creation to publication, with comments
	let t0;

	before(async () => {
		srv = await startServer();
		srvRef = srv;
		t0 = Math.floor(Date.now() / 1000) - 1;
		[a, b, editor, admin] = await Promise.all(
			['contribA', 'contribB', 'editor', 'admin'].map((k) => loginAs(srv, k)));
		id = await createRequest(a, pressRelease(), 'save');
		const edited = await a.form(`/requests/${id}`,
			[...pressRelease({ title: 'Judul Yang Diubah Untuk Jejak Audit' }), ['version', '1'], ['action', 'save']]);
		assert.equal(edited.status, 303, edited.text.slice(0, 800));
		await act(a, id, 'submit');
		await act(editor, id, 'claim');
		let r = await a.form(`/requests/${id}/comments`, [['body', 'Komentar unit untuk audit']]);
		assert.equal(r.status, 303);
		r = await editor.form(`/requests/${id}/comments`, [['body', 'Catatan internal untuk audit'], ['internal', '1']]);
		assert.equal(r.status, 303);
		await act(editor, id, 'approve', [['publish_at', '']]);
	});
	after(async () => {
		await srv?.stop();
	});

	test('request changes, workflow actions and comments are recorded with actor and client', () => {
		const rows = sql(srv.db, `SELECT * FROM audit_log WHERE object_type = 'request' AND object_id = ${id} ORDER BY id`);
		assert.deepEqual(rows.map((e) => e.action),
			['create', 'edit', 'submit', 'claim', 'comment', 'internal_note', 'approve']);
		const ua = userId(srv.db, 'contribA'), ue = userId(srv.db, 'editor');
		assert.deepEqual(rows.map((e) => e.actor_id), [ua, ua, ua, ue, ua, ue, ue]);
		const now = Math.floor(Date.now() / 1000) + 1;
		for (const e of rows) {
			assert.equal(e.client, '127.0.0.1');
			assert.ok(e.at >= t0 && e.at <= now, `time of ${e.action}: ${e.at}`);
		}
		const byAction = Object.fromEntries(rows.map((e) => [e.action, e.detail]));
		assert.equal(byAction.create, 'version 1');
		assert.equal(byAction.edit, 'version 2');
		assert.equal(byAction.submit, 'draft -> submitted');
		assert.equal(byAction.claim, 'submitted -> in_review');
		assert.equal(byAction.approve, 'in_review -> published');
		const commentId = sqlValue(srv.db, "SELECT id FROM comments WHERE body = 'Komentar unit untuk audit'");
		assert.equal(byAction.comment, `comment ${commentId}`);
		// The trail names the note, it does not copy it.
		assert.ok(!JSON.stringify(sql(srv.db, 'SELECT * FROM audit_log')).includes('Catatan internal untuk audit'));
	});

	test('logins: success, failure with the e-mail tried (never the password), locked', async () => {
		const uid = userId(srv.db, 'contribA2');
		const ok = await loginAs(srv, 'contribA2');
		assert.ok(ok);
		let e = sql(srv.db, "SELECT * FROM audit_log WHERE action = 'login' ORDER BY id DESC LIMIT 1")[0];
		assert.equal(e.actor_id, uid);
		assert.equal(e.object_type, 'user');
		assert.equal(e.object_id, uid);
		assert.equal(e.detail, USERS.contribA2.email);
		assert.equal(e.client, '127.0.0.1');

		const wrong = 'SandiSalah-Audit-9c41f0';
		let r = await tryLogin(USERS.contribA2.email, wrong);
		assert.equal(r.status, 401);
		e = sql(srv.db, "SELECT * FROM audit_log WHERE action = 'login_failed' ORDER BY id DESC LIMIT 1")[0];
		assert.equal(e.actor_id, uid, 'a known account is the actor of its failed login');
		assert.equal(e.detail, USERS.contribA2.email);
		assert.equal(e.client, '127.0.0.1');

		// An e-mail without an account: no actor, the e-mail as detail. Five failures lock it.
		const stranger = 'penebak.sandi@contoh.test';
		for (let i = 0; i < 5; i++) {
			r = await tryLogin(stranger, `${wrong}-${i}`);
			assert.equal(r.status, 401);
		}
		e = sql(srv.db, "SELECT * FROM audit_log WHERE action = 'login_failed' ORDER BY id DESC LIMIT 1")[0];
		assert.equal(e.actor_id, null);
		assert.equal(e.object_id, null);
		assert.equal(e.detail, stranger);
		r = await tryLogin(stranger, `${wrong}-locked`);
		assert.equal(r.status, 429);
		e = sql(srv.db, "SELECT * FROM audit_log WHERE action = 'login_locked' ORDER BY id DESC LIMIT 1")[0];
		assert.ok(e, 'a locked attempt is recorded');
		assert.equal(e.detail, stranger);
		assert.equal(e.client, '127.0.0.1');
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM audit_log WHERE detail = '${stranger}' AND action = 'login_failed'`), 5);

		const all = JSON.stringify(sql(srv.db, 'SELECT * FROM audit_log'));
		assert.ok(!all.includes(wrong), 'no password in the audit trail');
		for (const u of Object.values(USERS))
			assert.ok(!all.includes(u.password));
	});

	test('the database refuses UPDATE, DELETE and REPLACE on audit_log (sqlite3 CLI)', () => {
		const before = sql(srv.db, 'SELECT * FROM audit_log ORDER BY id');
		assert.ok(before.length > 5);
		const first = before[0].id;
		for (const stmt of [
			`UPDATE audit_log SET detail = 'diubah' WHERE id = ${first}`,
			'UPDATE audit_log SET actor_id = NULL',
			`DELETE FROM audit_log WHERE id = ${first}`,
			'DELETE FROM audit_log',
			`INSERT OR REPLACE INTO audit_log (id, at, action, object_type) VALUES (${first}, 0, 'x', 'y')`,
			`REPLACE INTO audit_log (id, at, action, object_type) VALUES (${first}, 0, 'x', 'y')`,
			`INSERT INTO audit_log (id, at, action, object_type) VALUES (${first}, 0, 'x', 'y')
				ON CONFLICT (id) DO UPDATE SET detail = 'diubah'`,
		]) {
			const r = sqliteTry(srv.db, stmt);
			assert.notEqual(r.status, 0, `${stmt} succeeded`);
			assert.match(r.stderr, /append-only/, `${stmt}: ${r.stderr}`);
		}
		assert.deepEqual(sql(srv.db, 'SELECT * FROM audit_log ORDER BY id'), before);
	});

	test('/admin/audit: admins only', async () => {
		const ok = await admin.get('/admin/audit');
		assert.equal(ok.status, 200);
		assert.match(ok.text, /<h1>Log audit<\/h1>/);
		assert.match(ok.headers.get('cache-control') || '', /no-store/);
		for (const c of [editor, a, b]) {
			const r = await c.get('/admin/audit');
			assert.equal(r.status, 403, `${c.user.email}: ${r.status}`);
			assert.ok(!r.text.includes('127.0.0.1'));
		}
		const anon = await new Client(srv).get('/admin/audit?actor=1');
		assert.equal(anon.status, 303);
		assert.match(anon.location, /^\/login\?next=\/admin\/audit/);
	});

	test('/admin/audit shows every entry newest first, with actor, object and address', async () => {
		const r = await admin.get('/admin/audit?limit=200');
		assert.equal(r.status, 200);
		const expect = sql(srv.db, 'SELECT id FROM audit_log ORDER BY id DESC LIMIT 200').map((e) => e.id);
		assert.deepEqual(pageIds(r.text), expect);
		const row = new RegExp(`<tr id="audit-\\d+">[^]*?${USERS.editor.email}[^]*?<code class="audit-code">approve</code>`
			+ `[^]*?<a href="/requests/${id}">#${id}</a>[^]*?Sedang ditinjau → Terbit[^]*?127\\.0\\.0\\.1`);
		assert.match(r.text, row);
	});

	test('/admin/audit filters: actor, action, object, dates', async () => {
		const ua = userId(srv.db, 'contribA');
		const cases = [
			[`actor=${encodeURIComponent(USERS.contribA.email)}`, `actor_id = ${ua}`],
			[`actor=${encodeURIComponent(USERS.contribA.email.toUpperCase())}`, `actor_id = ${ua}`],
			[`actor=${ua}`, `actor_id = ${ua}`],
			['action=approve', "action = 'approve'"],
			['action=login_failed', "action = 'login_failed'"],
			[`object_type=request&object_id=${id}`, `object_type = 'request' AND object_id = ${id}`],
			['object_type=user', "object_type = 'user'"],
			[`actor=${ua}&action=comment`, `actor_id = ${ua} AND action = 'comment'`],
			[`from=${wibToday()}&to=${wibToday()}`, '1 = 1'],
			['from=2020-01-01&to=2020-01-31', '0 = 1'],
			['actor=tidak.ada%40contoh.test', '0 = 1'],
		];
		for (const [q, where] of cases) {
			const r = await admin.get(`/admin/audit?${q}&limit=200`);
			assert.equal(r.status, 200, q);
			const expect = sql(srv.db, `SELECT id FROM audit_log WHERE ${where} ORDER BY id DESC LIMIT 200`).map((e) => e.id);
			assert.deepEqual(pageIds(r.text), expect, q);
			if (!expect.length)
				assert.ok(r.text.includes('Tidak ada entri dengan saringan ini.'), q);
		}
		// The form keeps what was asked.
		const r = await admin.get(`/admin/audit?action=approve&object_type=request&object_id=${id}`);
		assert.ok(r.text.includes('name="action" value="approve"'));
		assert.ok(r.text.includes(`name="object_id" value="${id}"`));
	});

	test('/admin/audit refuses malformed filters with 400 and says why', async () => {
		for (const q of ['actor=bukan-email', 'actor=a%40b', 'action=DROP%20TABLE', 'action=' + 'a'.repeat(33),
			'object_type=Request', 'object_id=abc', 'object_id=-1', 'from=2026-13-01', 'to=kemarin',
			'from=2026-05-02&to=2026-05-01', 'after=abc', 'limit=0', 'limit=201']) {
			const r = await admin.get(`/admin/audit?${q}`);
			assert.equal(r.status, 400, q);
			assert.ok(r.text.includes('Saringan tidak dapat dipakai.'), q);
			assert.deepEqual(pageIds(r.text), [], q);
		}
	});

	test('/admin/audit pages by keyset, newest first, stable while entries are added', async () => {
		const q = `object_type=request&object_id=${id}&limit=3`;
		const all = sql(srv.db, `SELECT id FROM audit_log WHERE object_type = 'request' AND object_id = ${id} ORDER BY id DESC`)
			.map((e) => e.id);
		assert.ok(all.length >= 7);
		const first = await admin.get(`/admin/audit?${q}`);
		assert.deepEqual(pageIds(first.text), all.slice(0, 3));
		assert.ok(!first.text.includes('pager-prev'), 'the first page has no link back');
		let link = nextLink(first.text);
		assert.ok(link, 'the first page links to older entries');
		assert.ok(link.includes(`after=${all[2]}`), link);
		assert.ok(!/offset|page=/.test(link), link);

		// A new entry between two page loads does not shift the next page.
		const c = await a.form(`/requests/${id}/comments`, [['body', 'Komentar di tengah paging']]);
		assert.equal(c.status, 303);

		const seen = [...pageIds(first.text)];
		let pages = 1;
		while (link) {
			const r = await admin.get(link);
			assert.equal(r.status, 200, link);
			assert.ok(r.text.includes('pager-prev'), 'later pages link back to the newest');
			const ids = pageIds(r.text);
			assert.ok(ids.length > 0 && ids.length <= 3);
			seen.push(...ids);
			link = nextLink(r.text);
			assert.ok(++pages < 20);
		}
		assert.deepEqual(seen, all, 'every entry once, newest first, none from after the first page');
	});

	test('the request page: the trail for staff (addresses for admins only), none for contributors', async () => {
		const section = (html) => {
			const s = html.indexOf('id="jejak-audit"');
			return s < 0 ? null : html.slice(s, html.indexOf('</section>', s));
		};
		const ed = section((await editor.get(`/requests/${id}`)).text);
		assert.ok(ed, 'an editor sees the trail');
		assert.ok(ed.includes('Jejak audit'));
		assert.ok(ed.includes('Menyetujui') && ed.includes('Membuat permintaan') && ed.includes('Menulis catatan internal'));
		assert.ok(!ed.includes('127.0.0.1'), 'no addresses for editors');
		assert.ok(!ed.includes('Alamat'));
		assert.ok(!ed.includes('/admin/audit'));
		const ad = section((await admin.get(`/requests/${id}`)).text);
		assert.ok(ad.includes('127.0.0.1'), 'admins see addresses');
		assert.ok(ad.includes(`/admin/audit?object_type=request&amp;object_id=${id}`));
		// Newest first on the request page too.
		assert.ok(ad.indexOf('Menulis komentar') < ad.indexOf('Membuat permintaan'));
		for (const c of [a]) {
			const html = (await c.get(`/requests/${id}`)).text;
			assert.equal(section(html), null, 'contributors get the history, not the trail');
			assert.ok(!html.includes('Jejak audit'));
			assert.ok(!html.includes('127.0.0.1'));
			assert.ok(html.includes('Riwayat'), 'the public history of transitions is still there');
		}
	});

	test('what visitors typed is escaped on the audit page', async () => {
		const evil = '<img src=x onerror=alert(1)>@contoh.test';
		const r = await tryLogin(evil, 'apa-saja-1234567');
		assert.equal(r.status, 401);
		const page = await admin.get('/admin/audit?action=login_failed');
		assert.ok(!page.text.includes('<img src=x'));
		assert.ok(page.text.includes('&lt;img src=x onerror=alert(1)&gt;@contoh.test'));
	});
});
