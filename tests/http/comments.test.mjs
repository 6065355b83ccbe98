// The conversation on a request: contributors of the unit and editors comment; editors' internal
// notes never reach a contributor (in any page they can open); refused comments write nothing.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginAs, Client, pressRelease, createRequest, act, sql, sqlValue, USERS,
} from './lib.mjs';

/* Everything a refused comment could have written. */
function counts(db) {
	return {
		comments: sqlValue(db, 'SELECT COUNT(*) FROM comments'),
		audit: sqlValue(db, "SELECT COUNT(*) FROM audit_log WHERE action IN ('comment', 'internal_note')"),
	};
}

/* The comment section of a request page (from id="komentar" to the end of its section). */
function commentSection(html) {
	const start = html.indexOf('id="komentar"');
	assert.ok(start >= 0, 'the request page has a comment section');
	const end = html.indexOf('</section>', start);
	return html.slice(start, end);
}

async function comment(client, id, body, extra = []) {
	return client.form(`/requests/${id}/comments`, [['body', body], ...extra]);
}

describe('comments', () => {
	let srv, a, a2, b, editor, admin;
	let id;

	before(async () => {
		srv = await startServer();
		[a, a2, b, editor, admin] = await Promise.all(
			['contribA', 'contribA2', 'contribB', 'editor', 'admin'].map((k) => loginAs(srv, k)));
		id = await createRequest(a, pressRelease(), 'submit');
	});
	after(async () => {
		await srv?.stop();
	});

	test('a contributor comments: 303 to the thread, shown with name, role and time', async () => {
		const r = await comment(a, id, 'Mohon dicek, apakah judulnya sudah sesuai?');
		assert.equal(r.status, 303, r.text.slice(0, 500));
		assert.equal(r.location, `/requests/${id}#komentar`);
		const row = sql(srv.db, `SELECT * FROM comments WHERE request_id = ${id} ORDER BY id DESC LIMIT 1`)[0];
		assert.equal(row.body, 'Mohon dicek, apakah judulnya sudah sesuai?');
		assert.equal(row.internal, 0);
		assert.equal(row.author_id, sqlValue(srv.db, `SELECT id FROM users WHERE email = '${USERS.contribA.email}'`));
		for (const c of [a, a2, editor, admin]) {
			const page = await c.get(`/requests/${id}`);
			assert.equal(page.status, 200);
			const sec = commentSection(page.text);
			assert.ok(sec.includes('Mohon dicek, apakah judulnya sudah sesuai?'), `${c.user.email} sees the comment`);
			assert.ok(sec.includes(USERS.contribA.name));
			assert.ok(sec.includes('Kontributor'));
			assert.match(sec, /<time class="comment-at" datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00">\d{1,2} \w{3} \d{4} \d\d\.\d\d<\/time>/);
		}
	});

	test('an editor comments and the unit reads it, newest last', async () => {
		const r = await comment(editor, id, 'Judul sudah baik. Mohon lengkapi kutipan.');
		assert.equal(r.status, 303);
		const page = await a.get(`/requests/${id}`);
		const sec = commentSection(page.text);
		const first = sec.indexOf('Mohon dicek, apakah judulnya');
		const second = sec.indexOf('Judul sudah baik. Mohon lengkapi kutipan.');
		assert.ok(first >= 0 && second > first, 'the older comment comes first');
		assert.ok(sec.includes(USERS.editor.name));
		assert.ok(sec.includes('Editor Humas'));
	});

	test('the form: everyone who can see the request; the internal option for staff only', async () => {
		for (const c of [a, a2]) {
			const sec = commentSection((await c.get(`/requests/${id}`)).text);
			assert.ok(sec.includes(`action="/requests/${id}/comments"`));
			assert.ok(sec.includes('name="csrf_token"'));
			assert.ok(!sec.includes('name="internal"'), 'no internal option for a contributor');
			assert.ok(!sec.includes('Catatan internal (tidak terlihat oleh unit)'));
		}
		for (const c of [editor, admin]) {
			const sec = commentSection((await c.get(`/requests/${id}`)).text);
			assert.ok(sec.includes(`action="/requests/${id}/comments"`));
			assert.match(sec, /<input type="checkbox" id="comment-internal" name="internal" value="1">/);
			assert.ok(sec.includes('Catatan internal (tidak terlihat oleh unit)'));
		}
	});

	test('internal notes: staff read them, no page a contributor can open shows them', async () => {
		const note = 'CATATAN-RAHASIA-7731: unit ini sering terlambat, cek ulang data.';
		let r = await comment(editor, id, note, [['internal', '1']]);
		assert.equal(r.status, 303);
		const row = sql(srv.db, `SELECT * FROM comments WHERE body LIKE 'CATATAN-RAHASIA-7731%'`)[0];
		assert.equal(row.internal, 1);
		// A public comment after the note, so the contributor's thread has something on each side.
		r = await comment(editor, id, 'Komentar publik sesudah catatan.');
		assert.equal(r.status, 303);

		for (const c of [editor, admin]) {
			const sec = commentSection((await c.get(`/requests/${id}`)).text);
			assert.ok(sec.includes('CATATAN-RAHASIA-7731'), `${c.user.email} reads the note`);
			assert.match(sec, /comment-internal[^>]*>[\s\S]*?Catatan internal/);
		}
		// Every page a contributor of the unit can open, whatever its status.
		const pages = [`/requests/${id}`, `/requests/${id}/preview`, `/requests/${id}/diff`, '/requests',
			'/requests?status=all', '/requests?status=submitted', '/notifications', '/'];
		for (const c of [a, a2]) {
			for (const p of pages) {
				const res = await c.get(p);
				assert.ok(!res.text.includes('CATATAN-RAHASIA-7731'), `${c.user.email} GET ${p} shows the note`);
				assert.ok(!res.text.includes('unit ini sering terlambat'), `${c.user.email} GET ${p}`);
			}
			const sec = commentSection((await c.get(`/requests/${id}`)).text);
			assert.ok(sec.includes('Komentar publik sesudah catatan.'));
			assert.ok(!sec.includes('comment-internal'));
			assert.ok(!sec.includes('Catatan internal'));
		}
		// The note counts for staff only.
		const total = sqlValue(srv.db, `SELECT COUNT(*) FROM comments WHERE request_id = ${id}`);
		const shown = sqlValue(srv.db, `SELECT COUNT(*) FROM comments WHERE request_id = ${id} AND internal = 0`);
		assert.ok((await a.get(`/requests/${id}`)).text.includes(`(${shown})`));
		assert.ok((await editor.get(`/requests/${id}`)).text.includes(`(${total})`));
	});

	test("another unit's contributor: 404 on the page and on posting, nothing written", async () => {
		const before = counts(srv.db);
		assert.equal((await b.get(`/requests/${id}`)).status, 404);
		const r = await comment(b, id, 'Komentar dari unit lain');
		assert.equal(r.status, 404);
		assert.ok(!r.text.includes('Komentar dari unit lain'));
		assert.deepEqual(counts(srv.db), before);
		// Unknown and malformed ids too.
		assert.equal((await comment(a, 999999, 'x')).status, 404);
		assert.equal((await comment(a, 'abc', 'x')).status, 404);
		assert.deepEqual(counts(srv.db), before);
	});

	test('a contributor sending internal=1 gets 403 and nothing is written', async () => {
		const before = counts(srv.db);
		const r = await comment(a, id, 'Saya mencoba catatan internal', [['internal', '1']]);
		assert.equal(r.status, 403);
		assert.deepEqual(counts(srv.db), before);
		assert.equal(sqlValue(srv.db, "SELECT COUNT(*) FROM comments WHERE body = 'Saya mencoba catatan internal'"), 0);
	});

	test('an internal value other than 1 or 0 is 400', async () => {
		const before = counts(srv.db);
		assert.equal((await comment(editor, id, 'Nilai aneh', [['internal', 'yes']])).status, 400);
		assert.deepEqual(counts(srv.db), before);
		// internal=0 is an ordinary comment.
		const r = await comment(editor, id, 'Komentar dengan internal=0', [['internal', '0']]);
		assert.equal(r.status, 303);
		assert.equal(sqlValue(srv.db, "SELECT internal FROM comments WHERE body = 'Komentar dengan internal=0'"), 0);
	});

	test('CSRF: missing or wrong token is 403 and nothing is written', async () => {
		const before = counts(srv.db);
		let r = await a.post(`/requests/${id}/comments`, [['body', 'Tanpa token']]);
		assert.equal(r.status, 403);
		r = await a.post(`/requests/${id}/comments`, [['body', 'Token salah'], ['csrf_token', '0'.repeat(64)]]);
		assert.equal(r.status, 403);
		r = await a.post(`/requests/${id}/comments`, [['body', 'Token editor'], ['csrf_token', editor.csrf]]);
		assert.equal(r.status, 403);
		// Anonymous: no session, no comment.
		const anon = new Client(srv);
		await anon.get('/login');
		r = await anon.post(`/requests/${id}/comments`, [['body', 'Anonim'], ['csrf_token', anon.csrf || '']]);
		assert.equal(r.status, 403);
		assert.deepEqual(counts(srv.db), before);
	});

	test('an empty or too long comment is 422 with the message, nothing written', async () => {
		const before = counts(srv.db);
		for (const body of ['', '   ', '\r\n\t \n']) {
			const r = await comment(a, id, body);
			assert.equal(r.status, 422, `body ${JSON.stringify(body)}`);
			assert.ok(r.text.includes('Tuliskan komentar terlebih dahulu.'));
			// When the answer is the request page again, the message sits beside the comment box.
			if (r.text.includes('id="komentar"'))
				assert.match(r.text, /<p class="field-error" id="comment-body-error">Tuliskan komentar terlebih dahulu.<\/p>/);
		}
		const r = await a.form(`/requests/${id}/comments`, []);
		assert.equal(r.status, 422, 'no body field at all');
		const long = await comment(a, id, 'x'.repeat(4001));
		assert.equal(long.status, 422);
		assert.ok(long.text.includes('Komentar paling banyak 4000 karakter.'));
		assert.deepEqual(counts(srv.db), before);
		// 4000 characters (not bytes) after trimming is fine.
		const ok = await comment(a, id, `  ${'é'.repeat(4000)}  `);
		assert.equal(ok.status, 303);
		assert.equal(sqlValue(srv.db, `SELECT length(body) FROM comments ORDER BY id DESC LIMIT 1`), 4000);
	});

	test('comments are escaped, trimmed, and keep their line breaks', async () => {
		const body = '  <script>alert("x")</script> & <b>tebal</b>\r\nbaris kedua\r\n\r\nparagraf baru  ';
		const r = await comment(a, id, body);
		assert.equal(r.status, 303);
		assert.equal(sqlValue(srv.db, 'SELECT body FROM comments ORDER BY id DESC LIMIT 1'),
			'<script>alert("x")</script> & <b>tebal</b>\nbaris kedua\n\nparagraf baru');
		for (const c of [a, editor]) {
			const html = (await c.get(`/requests/${id}`)).text;
			assert.ok(!html.includes('<script>alert'), 'no live script element');
			assert.ok(!html.includes('<b>tebal</b>'));
			const sec = commentSection(html);
			assert.ok(sec.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;\nbaris kedua\n\nparagraf baru'),
				sec.slice(-1500));
		}
	});

	test('comments on any state, and the thread of one request stays on it', async () => {
		const other = await createRequest(a, pressRelease(), 'save');
		let r = await comment(a, other, 'Komentar pada draf lain');
		assert.equal(r.status, 303);
		await act(a, other, 'withdraw');
		r = await comment(editor, other, 'Komentar sesudah dibatalkan');
		assert.equal(r.status, 303);
		const sec = commentSection((await a.get(`/requests/${id}`)).text);
		assert.ok(!sec.includes('Komentar pada draf lain'));
		const sec2 = commentSection((await a.get(`/requests/${other}`)).text);
		assert.ok(sec2.includes('Komentar pada draf lain'));
		assert.ok(sec2.includes('Komentar sesudah dibatalkan'));
	});

	test('an empty thread says so', async () => {
		const fresh = await createRequest(a2, pressRelease(), 'save');
		const sec = commentSection((await a2.get(`/requests/${fresh}`)).text);
		assert.ok(sec.includes('Belum ada komentar.'));
		assert.ok(sec.includes('(0)'));
	});
});
