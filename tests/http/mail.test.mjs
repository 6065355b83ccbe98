// Notifications by e-mail and in the app: who is told about which change, what the message says
// (multipart text and HTML, encoded headers), delivery through a real SMTP server on loopback
// (Debian's aiosmtpd writing a maildir), retries while the server is down and across a restart
// of siaran without losing or repeating a message, the outbox page for admins, and the in-app
// list with its unread count.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	startServer, loginAs, Client, sql, sqlValue, pressRelease, createRequest, act, waitFor, sleep,
	USERS,
} from './lib.mjs';
import { freePort, startSmtp, readMaildir } from './smtp.mjs';

/* The address part of a To or X-RcptTo value. */
function addrOf(v) {
	const m = /<([^>]+)>/.exec(v);
	return (m ? m[1] : v).trim().toLowerCase();
}

const ENV_BASE = { SIARAN_MAIL_INTERVAL: '1', SIARAN_SMTP: '', SIARAN_MAIL_FROM: 'humas@siaran.test' };

describe('mail to the people a change concerns', () => {
	let srv, smtp, mdir, a, a2, editor;

	before(async () => {
		mdir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-maildir-'));
		const port = await freePort();
		smtp = await startSmtp(port, mdir);
		srv = await startServer({ env: { ...ENV_BASE, SIARAN_SMTP: `smtp://127.0.0.1:${port}` } });
		a = await loginAs(srv, 'contribA');
		a2 = await loginAs(srv, 'contribA2');
		editor = await loginAs(srv, 'editor');
	});
	after(async () => {
		await srv?.stop();
		await smtp?.stop();
		if (mdir && !process.env.SIARAN_KEEP_TMP)
			fs.rmSync(mdir, { recursive: true, force: true });
	});

	/* Waits until every outbox row is sent and returns the messages about request id. */
	async function delivered(id, count) {
		const done = await waitFor(() => sqlValue(srv.db,
			"SELECT COUNT(*) FROM outbox WHERE state <> 'sent'") === 0 &&
			readMaildir(mdir).filter((m) => m.text.includes(`/requests/${id}\n`) ||
				m.text.includes(`/requests/${id}\r\n`)).length >= count, 20_000);
		assert.ok(done, `messages about ${id} not delivered:\n` +
			JSON.stringify(sql(srv.db, 'SELECT id, to_addr, state, attempts, last_error FROM outbox'), null, 1));
		return readMaildir(mdir).filter((m) => new RegExp(`/requests/${id}\\r?\\n`).test(m.text));
	}

	test('submission, review, changes, resubmission and approval each reach the right people', async () => {
		const title = 'Layanan Kesehatan “Sehat Bersama” untuk Warga Lansia di Puskesmas';
		const id = await createRequest(a, pressRelease({ title }));
		const link = `${srv.base}/requests/${id}`;

		// Submission: every editor, and the unit's other contributor; not the submitter, not
		// another unit, not the admin.
		let msgs = await delivered(id, 2);
		const byRcpt = (list) => list.map((m) => addrOf(m.rcpt)).sort();
		assert.deepEqual(byRcpt(msgs), [USERS.contribA2.email, USERS.editor.email].sort());
		const toEditor = msgs.find((m) => addrOf(m.rcpt) === USERS.editor.email);
		assert.equal(addrOf(toEditor.to), USERS.editor.email);
		assert.equal(toEditor.subject, `[Siaran] Permintaan baru dari Dinas Kesehatan: ${title}`);
		assert.match(toEditor.headers['content-type'], /^multipart\/alternative/);
		assert.match(toEditor.headers.from, /<humas@siaran\.test>$/);
		assert.ok(toEditor.headers.date && !Number.isNaN(Date.parse(toEditor.headers.date)), toEditor.headers.date);
		assert.match(toEditor.messageId, /^<outbox-\d+\.[0-9a-f]+@siaran\.test>$/);
		assert.ok(toEditor.text.includes(`Yth. ${USERS.editor.name},`), toEditor.text);
		assert.ok(toEditor.text.includes(title), 'the title, UTF-8 intact');
		assert.ok(toEditor.text.includes(link), `absolute link ${link} in:\n${toEditor.text}`);
		assert.ok(toEditor.html.includes(`href="${link}"`), toEditor.html);
		assert.ok(toEditor.html.includes('Sehat Bersama'));
		const toA2 = msgs.find((m) => addrOf(m.rcpt) === USERS.contribA2.email);
		assert.equal(toA2.subject, `[Siaran] Diajukan: ${title}`);
		assert.ok(toA2.text.includes(`Oleh   : ${USERS.contribA.name}`), toA2.text);

		// Claim: both contributors of the unit hear that the review began.
		let seen = msgs.length;
		await act(editor, id, 'claim');
		msgs = await delivered(id, seen + 2);
		let fresh = msgs.slice(seen);
		assert.deepEqual(byRcpt(fresh), [USERS.contribA.email, USERS.contribA2.email].sort());
		assert.ok(fresh.every((m) => m.subject === `[Siaran] Sedang ditinjau: ${title}`));

		// Request changes: both contributors get the note, escaped in the HTML part only.
		const note = 'Mohon tambahkan kutipan Kepala Dinas & data <b>2025</b>.\nSertakan juga foto kegiatan.';
		seen = msgs.length;
		await act(editor, id, 'request-changes', [['note', note]]);
		msgs = await delivered(id, seen + 2);
		fresh = msgs.slice(seen);
		assert.deepEqual(byRcpt(fresh), [USERS.contribA.email, USERS.contribA2.email].sort());
		for (const m of fresh) {
			assert.equal(m.subject, `[Siaran] Perlu perbaikan: ${title}`);
			assert.ok(m.text.includes(`Catatan perbaikan:\n${note}`.replace(/\n/g, '\r\n')) ||
				m.text.includes(`Catatan perbaikan:\n${note}`), m.text);
			assert.ok(m.html.includes('Mohon tambahkan kutipan Kepala Dinas &amp; data &lt;b&gt;2025&lt;/b&gt;.'),
				m.html);
			assert.ok(!m.html.includes('<b>2025</b>'));
			assert.match(m.html, /2025&lt;\/b&gt;\.\r?\nSertakan juga/, 'line breaks of the note kept');
			assert.ok(m.text.includes(`Oleh   : ${USERS.editor.name}`));
		}

		// Resubmission: the editors again (the resubmitting contributor is not told of its own act).
		seen = msgs.length;
		await act(a2, id, 'submit');
		msgs = await delivered(id, seen + 2);
		fresh = msgs.slice(seen);
		assert.deepEqual(byRcpt(fresh), [USERS.contribA.email, USERS.editor.email].sort());
		assert.equal(fresh.find((m) => addrOf(m.rcpt) === USERS.editor.email).subject,
			`[Siaran] Diajukan kembali oleh Dinas Kesehatan: ${title}`);

		// Approval: the unit learns it is published, with its number and public address.
		await act(editor, id, 'claim');
		seen = (await delivered(id, msgs.length + 2)).length;
		await act(editor, id, 'approve', [['publish_at', '']]);
		msgs = await delivered(id, seen + 2);
		fresh = msgs.slice(seen);
		assert.deepEqual(byRcpt(fresh), [USERS.contribA.email, USERS.contribA2.email].sort());
		const row = sql(srv.db, `SELECT number, slug FROM requests WHERE id = ${id}`)[0];
		for (const m of fresh) {
			assert.equal(m.subject, `[Siaran] Terbit: ${title}`);
			assert.ok(m.text.includes(`Nomor  : ${row.number}`), m.text);
			assert.ok(m.text.includes(`${srv.base}/releases/${row.slug}`));
			assert.ok(m.html.includes(`href="${srv.base}/releases/${row.slug}"`));
		}

		// Nobody outside: another unit's contributor and the admin got nothing.
		const all = readMaildir(mdir);
		assert.ok(!all.some((m) => [USERS.contribB.email, USERS.admin.email].includes(addrOf(m.rcpt))));
		// Every message once, each matching its outbox row, each attempt recorded.
		const ids = all.map((m) => m.messageId);
		assert.equal(new Set(ids).size, ids.length, 'no Message-ID twice');
		const rows = sql(srv.db, "SELECT message_id, state, attempts, sent_at FROM outbox ORDER BY id");
		assert.deepEqual(rows.map((r) => r.message_id).sort(), [...ids].sort());
		assert.ok(rows.every((r) => r.state === 'sent' && r.attempts === 1 && r.sent_at > 0));
		assert.equal(sqlValue(srv.db, 'SELECT COUNT(*) FROM outbox_attempts WHERE ok = 1'), rows.length);
	});
});

describe('delivery survives an SMTP outage and a restart', () => {
	let srv, smtp, mdir, port, a;
	const env = () => ({ ...ENV_BASE, SIARAN_SMTP: `smtp://127.0.0.1:${port}`,
		SIARAN_MAIL_RETRY_BASE: '1', SIARAN_MAIL_RETRY_MAX: '2' });

	before(async () => {
		mdir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-maildir-'));
		port = await freePort(); // nothing listens there yet
		srv = await startServer({ env: env() });
		a = await loginAs(srv, 'contribA');
	});
	after(async () => {
		await srv?.stop();
		await smtp?.stop();
		if (mdir && !process.env.SIARAN_KEEP_TMP)
			fs.rmSync(mdir, { recursive: true, force: true });
	});

	test('messages wait while the server is down, arrive when it is back, none twice', async () => {
		const id1 = await createRequest(a, pressRelease());
		const id2 = await createRequest(a, pressRelease());
		const total = sqlValue(srv.db, 'SELECT COUNT(*) FROM outbox');
		assert.equal(total, 4, 'two submissions: the editor and contributor A2 each');
		// Attempts fail and are recorded; the messages stay pending.
		assert.ok(await waitFor(() => sqlValue(srv.db,
			"SELECT MIN(attempts) FROM outbox WHERE state = 'pending'") >= 2, 20_000));
		const rows = sql(srv.db, 'SELECT state, last_error FROM outbox');
		assert.ok(rows.every((r) => r.state === 'pending' && r.last_error), JSON.stringify(rows));
		assert.ok(sqlValue(srv.db, 'SELECT COUNT(*) FROM outbox_attempts WHERE ok = 0') >= 8);

		// A restart while the server is still down loses nothing.
		await srv.restart(env());
		assert.equal(sqlValue(srv.db, "SELECT COUNT(*) FROM outbox WHERE state = 'pending'"), total);

		// The SMTP server comes back: everything arrives.
		smtp = await startSmtp(port, mdir);
		assert.ok(await waitFor(() => sqlValue(srv.db,
			"SELECT COUNT(*) FROM outbox WHERE state = 'sent'") === total, 20_000),
		JSON.stringify(sql(srv.db, 'SELECT id, state, attempts, last_error FROM outbox')));
		assert.ok(await waitFor(() => readMaildir(mdir).length === total, 5000));

		// Another restart sends nothing again.
		await srv.restart(env());
		await sleep(3000);
		const msgs = readMaildir(mdir);
		assert.equal(msgs.length, total, 'nothing sent twice after a restart');
		const ids = msgs.map((m) => m.messageId);
		assert.equal(new Set(ids).size, total);
		assert.deepEqual([...ids].sort(),
			sql(srv.db, 'SELECT message_id FROM outbox').map((r) => r.message_id).sort());
		for (const id of [id1, id2])
			assert.equal(msgs.filter((m) => new RegExp(`/requests/${id}\\r?\\n`).test(m.text)).length, 2);
		assert.equal(sqlValue(srv.db, 'SELECT COUNT(*) FROM outbox_attempts WHERE ok = 1'), total);
	});
});

describe('without an SMTP server', () => {
	let srv, a, editor, admin;

	before(async () => {
		srv = await startServer({ env: ENV_BASE });
		a = await loginAs(srv, 'contribA');
		editor = await loginAs(srv, 'editor');
		admin = await loginAs(srv, 'admin');
	});
	after(async () => {
		await srv?.stop();
	});

	test('messages stay pending in the outbox, which admins can see and editors cannot', async () => {
		const title = 'Pemeriksaan Kesehatan Gratis Bagi Pengemudi Angkutan Umum';
		await createRequest(a, pressRelease({ title }));
		await sleep(2500);
		const rows = sql(srv.db, 'SELECT to_addr, state, attempts FROM outbox ORDER BY id');
		assert.deepEqual(rows.map((r) => r.to_addr).sort(), [USERS.contribA2.email, USERS.editor.email].sort());
		assert.ok(rows.every((r) => r.state === 'pending' && r.attempts === 0));

		const page = await admin.get('/admin/outbox');
		assert.equal(page.status, 200);
		assert.ok(page.text.includes('belum dikonfigurasi'), 'says that no SMTP server is set');
		assert.ok(page.text.includes(`[Siaran] Permintaan baru dari Dinas Kesehatan: ${title}`));
		assert.ok(page.text.includes(USERS.editor.email));
		assert.ok(page.text.includes('Menunggu'));
		const pending = await admin.get('/admin/outbox?state=pending');
		assert.equal(pending.status, 200);
		assert.ok(pending.text.includes('2 pesan'));
		const sent = await admin.get('/admin/outbox?state=sent');
		assert.ok(sent.text.includes('0 pesan'));
		assert.equal((await admin.get('/admin/outbox?state=bogus')).status, 400);
		assert.equal((await editor.get('/admin/outbox')).status, 403);
		assert.equal((await a.get('/admin/outbox')).status, 403);
		const anon = await new Client(srv).get('/admin/outbox');
		assert.ok([302, 303, 401].includes(anon.status), `anonymous: ${anon.status}`);
	});
});

describe('in-app notifications', () => {
	let srv, a, a2, b, editor;

	before(async () => {
		srv = await startServer({ env: ENV_BASE });
		a = await loginAs(srv, 'contribA');
		a2 = await loginAs(srv, 'contribA2');
		b = await loginAs(srv, 'contribB');
		editor = await loginAs(srv, 'editor');
	});
	after(async () => {
		await srv?.stop();
	});

	const badge = (html) => {
		const m = /<span class="badge nav-badge">(\d+)<\/span><span class="visually-hidden"> belum dibaca<\/span>/.exec(html);
		return m ? Number(m[1]) : 0;
	};

	test('a state change shows in the list and the unread count; marking read', async () => {
		assert.equal(badge((await a.get('/notifications')).text), 0);
		const title = 'Vaksinasi Keliling di Kelurahan Padat Penduduk Jakarta Utara';
		const id = await createRequest(a, pressRelease({ title }));
		// The editor hears of the submission; the submitter does not hear of its own act.
		const ed = await editor.get('/requests');
		assert.equal(badge(ed.text), 1);
		assert.ok(ed.text.includes('href="/notifications"'));
		assert.equal(badge((await a.get('/requests')).text), 0);

		await act(editor, id, 'claim');
		const note = 'Judul terlalu panjang; mohon dipersingkat.';
		await act(editor, id, 'request-changes', [['note', note]]);
		for (const c of [a, a2]) {
			const page = await c.get('/notifications');
			assert.equal(page.status, 200);
			assert.equal(badge(page.text), c === a ? 2 : 3, `unread count for ${c.user.email}`);
			// Newest first, with the note, linked to the request, marked unread.
			const first = page.text.indexOf('Perlu perbaikan: “');
			const second = page.text.indexOf('Sedang ditinjau: “');
			assert.ok(first > 0 && second > first, 'newest first');
			assert.ok(page.text.includes(`Perlu perbaikan: “${title}” — ${note}`));
			assert.ok(page.text.includes(`href="/requests/${id}"`));
			assert.ok(page.text.includes('Baru<span class="visually-hidden">, belum dibaca</span>'));
		}
		assert.equal(badge((await b.get('/notifications')).text), 0, 'another unit hears nothing');
		assert.ok((await b.get('/notifications')).text.includes('Belum ada notifikasi.'));

		// One marked read.
		const mine = sql(srv.db, `SELECT id FROM notifications WHERE user_id =
			(SELECT id FROM users WHERE email = '${USERS.contribA.email}') ORDER BY id`);
		assert.equal(mine.length, 2);
		await a.get('/notifications');
		let res = await a.form('/notifications/read', [['id', String(mine[0].id)]]);
		assert.equal(res.status, 303);
		assert.equal(res.location, '/notifications');
		let page = await a.get('/notifications');
		assert.equal(badge(page.text), 1);
		assert.ok(page.text.includes('1 belum dibaca.'));

		// Someone else's id changes nothing.
		await b.get('/notifications');
		res = await b.form('/notifications/read', [['id', String(mine[1].id)]]);
		assert.equal(res.status, 303);
		assert.equal(sqlValue(srv.db, `SELECT read_at FROM notifications WHERE id = ${mine[1].id}`), null);
		// Malformed id, missing token.
		assert.equal((await a.form('/notifications/read', [['id', 'abc']])).status, 400);
		assert.equal((await a.post('/notifications/read', [])).status, 403);

		// All marked read.
		await a.get('/notifications');
		res = await a.form('/notifications/read', []);
		assert.equal(res.status, 303);
		page = await a.get('/notifications');
		assert.equal(badge(page.text), 0);
		assert.ok(page.text.includes('Semua notifikasi sudah dibaca.'));
		assert.ok(!page.text.includes('Tandai sudah dibaca'));
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM notifications WHERE read_at IS NULL AND user_id =
			(SELECT id FROM users WHERE email = '${USERS.contribA.email}')`), 0);
		// The other contributor's notifications are untouched.
		assert.equal(badge((await a2.get('/notifications')).text), 3);
	});
});
