// Form validation and bad input: 422 with the form refilled and nothing written; malformed
// bytes, oversize bodies and stale versions answered with the right 4xx, never a 500.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginAs, dbSnapshot, pressRelease, mediaAdvisory, createRequest, act, requestRow,
	rawRequest, sql,
} from './lib.mjs';

/* Replaces (or removes, with value undefined) fields by name in a field list. */
function withFields(fields, over) {
	const out = fields.filter(([k]) => !(k in over));
	for (const [k, v] of Object.entries(over))
		if (v !== undefined)
			out.push([k, v]);
	return out;
}

describe('validation and bad input', () => {
	let srv, a, editor;

	before(async () => {
		srv = await startServer();
		a = await loginAs(srv, 'contribA');
		editor = await loginAs(srv, 'editor');
	});
	after(async () => {
		await srv?.stop();
	});

	/* POSTs /requests and expects 422 with nothing written; returns the page. */
	async function expect422(fields, action, what) {
		const snap = dbSnapshot(srv.db);
		const r = await a.form('/requests', [...fields, ['action', action]]);
		assert.equal(r.status, 422, `${what}: ${r.status}\n${r.text.slice(0, 600)}`);
		assert.match(r.headers.get('content-type'), /^text\/html; charset=utf-8/i);
		assert.deepEqual(dbSnapshot(srv.db), snap, `${what}: nothing written`);
		return r;
	}

	test('submit with required fields missing: 422, form refilled, messages, nothing written', async () => {
		const title = 'Judul yang Sudah Diketik Kontributor';
		const r = await expect422([['kind', 'press_release'], ['title', title], ['summary', ''], ['body', '']],
			'submit', 'missing fields');
		assert.ok(r.text.includes(`value="${title}"`), 'the typed title is in the form again');
		assert.ok(r.text.includes('wajib diisi'), 'a "required" message is shown');
		assert.match(r.text, /Ringkasan \(lead\) wajib diisi/);
		assert.match(r.text, /Isi siaran wajib diisi/);
		assert.match(r.text, /Tanggal kegiatan wajib diisi/);
		assert.match(r.text, /Nama narahubung wajib diisi/);
		assert.match(r.text, /telepon atau e-mail/);
	});

	test('submit needs a phone number or an e-mail for the contact', async () => {
		await expect422(withFields(pressRelease(), { contact_phone: '', contact_email: '' }), 'submit', 'no contact');
		const id = await createRequest(a, withFields(pressRelease(), { contact_phone: '' }), 'submit');
		assert.equal(requestRow(srv.db, id).state, 'submitted');
		const id2 = await createRequest(a, withFields(pressRelease(), { contact_email: '' }), 'submit');
		assert.equal(requestRow(srv.db, id2).state, 'submitted');
	});

	test('title length: 10..200 characters, also for a draft', async () => {
		await expect422([['kind', 'press_release'], ['title', 'Pendek']], 'save', 'short title');
		await expect422([['kind', 'press_release'], ['title', '']], 'save', 'empty title');
		await expect422([['kind', 'press_release'], ['title', 'J'.repeat(201)]], 'save', '201 characters');
		await expect422(withFields(pressRelease(), { title: 'Satu\nDua Tiga Empat' }), 'save', 'two-line title');
		let id = await createRequest(a, [['kind', 'press_release'], ['title', 'Sepuluh!!!']], 'save');
		assert.equal(requestRow(srv.db, id).title, 'Sepuluh!!!');
		// Characters, not bytes: 200 two-byte letters are fine.
		id = await createRequest(a, [['kind', 'press_release'], ['title', 'é'.repeat(200)]], 'save');
		assert.equal(requestRow(srv.db, id).title, 'é'.repeat(200));
	});

	test('a draft needs only kind and a valid title', async () => {
		const id = await createRequest(a, [['kind', 'press_release'], ['title', 'Draf Tanpa Isi Lainnya']], 'save');
		const row = requestRow(srv.db, id);
		assert.equal(row.state, 'draft');
		assert.equal(row.summary, '');
		assert.equal(sql(srv.db, `SELECT COUNT(*) AS n FROM revisions WHERE request_id = ${id}`)[0].n, 1);
		await expect422([['kind', 'siaran_lain'], ['title', 'Jenis yang Tidak Dikenal']], 'save', 'unknown kind');
		await expect422([['title', 'Tanpa Jenis Sama Sekali']], 'save', 'no kind');
	});

	test('formats are checked even for a draft', async () => {
		const base = [['kind', 'press_release'], ['title', 'Draf dengan Format Salah']];
		for (const [field, value] of [
			['activity_date', '2026-02-30'], ['activity_date', '20-11-2026'], ['activity_date', '2026-11-20x'],
			['contact_email', 'bukan-email'], ['contact_email', 'a@b'], ['contact_phone', 'telepon saya'],
			['contact_phone', '123'], ['publish_at', '2026-13-01T10:00'], ['publish_at', 'besok pagi'],
		]) {
			const r = await expect422([...base, [field, value]], 'save', `${field}=${value}`);
			assert.ok(r.text.includes('Draf dengan Format Salah'));
		}
	});

	test('submit with publish_at in the past is refused', async () => {
		await expect422(withFields(pressRelease(), { publish_at: '2020-01-01T10:00' }), 'submit', 'past publish_at');
	});

	test('media advisory: location and event times required, end after start', async () => {
		await expect422(withFields(mediaAdvisory(), { location: '' }), 'submit', 'no location');
		await expect422(withFields(mediaAdvisory(), { event_start: '' }), 'submit', 'no start');
		await expect422(withFields(mediaAdvisory(), { event_end: '' }), 'submit', 'no end');
		await expect422(withFields(mediaAdvisory(), { event_start: '2027-01-10T11:00', event_end: '2027-01-10T09:00' }),
			'submit', 'end before start');
		await expect422(withFields(mediaAdvisory(), { event_start: '2027-01-10T11:00', event_end: '2027-01-10T11:00' }),
			'submit', 'end equal to start');
		await expect422(withFields(mediaAdvisory(), { event_start: '2027-01-10 09:00' }), 'save', 'bad time format');
		const id = await createRequest(a, mediaAdvisory(), 'submit');
		const row = requestRow(srv.db, id);
		assert.equal(row.state, 'submitted');
		assert.equal(row.kind, 'media_advisory');
		assert.equal(row.event_start, Date.UTC(2027, 0, 10, 2, 0) / 1000, 'event_start read as WIB');
		assert.equal(row.event_end - row.event_start, 7200);
	});

	test('quotes: a speaker and a text each, at most ten', async () => {
		await expect422(pressRelease({}, [['Ani', 'Kadis', '']]), 'submit', 'quote without text');
		await expect422(pressRelease({}, [['', 'Kadis', 'Isi kutipan.']]), 'submit', 'quote without speaker');
		const eleven = Array.from({ length: 11 }, (_, i) => [`Narasumber ${i}`, '', `Kutipan ${i}.`]);
		await expect422(pressRelease({}, eleven), 'submit', 'eleven quotes');
		// Empty rows of the form are not quotes.
		const id = await createRequest(a, pressRelease({}, [['Ani', 'Kadis', 'Satu.'], ['', '', ''], ['Budi', '', 'Dua.']]));
		assert.deepEqual(sql(srv.db, `SELECT speaker FROM request_quotes WHERE request_id = ${id} ORDER BY pos`)
			.map((q) => q.speaker), ['Ani', 'Budi']);
	});

	test('markup typed into a field is escaped when the form comes back', async () => {
		const title = '<script>alert(1)</script> Judul Berbahaya';
		const r = await expect422([['kind', 'press_release'], ['title', title], ['contact_email', 'x']], 'save', 'markup');
		assert.ok(!r.text.includes('<script>alert(1)</script>'), 'not echoed raw');
		assert.ok(r.text.includes('&lt;script&gt;alert(1)&lt;/script&gt; Judul Berbahaya'), 'echoed escaped');
	});

	test('missing or unknown action is 400, nothing written', async () => {
		const snap = dbSnapshot(srv.db);
		let r = await a.form('/requests', pressRelease());
		assert.equal(r.status, 400);
		r = await a.form('/requests', [...pressRelease(), ['action', 'publish']]);
		assert.equal(r.status, 400);
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('submitting an incomplete draft with the submit action is 422 and keeps it a draft', async () => {
		const id = await createRequest(a, [['kind', 'press_release'], ['title', 'Draf yang Belum Lengkap Isinya']], 'save');
		const snap = dbSnapshot(srv.db);
		await act(a, id, 'submit', [], 422);
		assert.deepEqual(dbSnapshot(srv.db), snap);
		assert.equal(requestRow(srv.db, id).state, 'draft');
	});

	test('saving edits: a stale version is 409 and nothing changes', async () => {
		const id = await createRequest(a, pressRelease({ title: 'Versi Pertama dari Permintaan' }), 'save');
		const v1 = requestRow(srv.db, id).version;
		let r = await a.form(`/requests/${id}`, [...pressRelease({ title: 'Versi Kedua dari Permintaan' }),
			['version', String(v1)], ['action', 'save']]);
		assert.equal(r.status, 303);
		const snap = dbSnapshot(srv.db);
		r = await a.form(`/requests/${id}`, [...pressRelease({ title: 'Suntingan Basi dari Tab Lain' }),
			['version', String(v1)], ['action', 'save']]);
		assert.equal(r.status, 409, r.text.slice(0, 500));
		r = await a.form(`/requests/${id}`, [...pressRelease({ title: 'Suntingan Basi dan Diajukan' }),
			['version', String(v1)], ['action', 'submit']]);
		assert.equal(r.status, 409, 'a stale submit is refused too');
		assert.deepEqual(dbSnapshot(srv.db), snap);
		r = await a.form(`/requests/${id}`, [...pressRelease({ title: 'Versi Tidak Valid Dikirim' }),
			['version', 'abc'], ['action', 'save']]);
		assert.equal(r.status, 400);
		assert.deepEqual(dbSnapshot(srv.db), snap);
		assert.equal(requestRow(srv.db, id).title, 'Versi Kedua dari Permintaan');
	});

	test('saving edits with invalid content: 422 with the typed values, nothing changed', async () => {
		const id = await createRequest(a, pressRelease({ title: 'Permintaan yang Akan Disunting' }), 'save');
		const snap = dbSnapshot(srv.db);
		const r = await a.form(`/requests/${id}`, [...pressRelease({ title: 'Judul Suntingan yang Diketik', contact_email: 'salah' }),
			['action', 'save']]);
		assert.equal(r.status, 422);
		assert.ok(r.text.includes('value="Judul Suntingan yang Diketik"'));
		assert.ok(r.text.includes('Alamat e-mail tidak valid.'));
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('request-changes needs a note, reject a reason, approve a valid time: 422 otherwise', async () => {
		const id = await createRequest(a, pressRelease());
		await act(editor, id, 'claim');
		const snap = dbSnapshot(srv.db);
		await act(editor, id, 'request-changes', [], 422);
		await act(editor, id, 'request-changes', [['note', '']], 422);
		await act(editor, id, 'request-changes', [['note', '  \n\t ']], 422);
		await act(editor, id, 'request-changes', [['reason', 'catatan di kolom yang salah']], 422);
		await act(editor, id, 'reject', [], 422);
		await act(editor, id, 'reject', [['reason', '   ']], 422);
		await act(editor, id, 'approve', [['publish_at', 'besok']], 422);
		await act(editor, id, 'approve', [['publish_at', '2026-02-30T10:00']], 422);
		assert.deepEqual(dbSnapshot(srv.db), snap);
		assert.equal(requestRow(srv.db, id).state, 'in_review');
	});

	test('invalid UTF-8 in a field or the query is 400, nothing written', async () => {
		const snap = dbSnapshot(srv.db);
		const tok = `csrf_token=${a.csrf}`;
		for (const bad of ['%FF', '%C0%AF', '%ED%A0%80', 'abc%E2%82', '%00']) {
			let r = await a.post('/requests', `kind=press_release&action=save&title=Judul%20Cukup%20Panjang${bad}&${tok}`);
			assert.equal(r.status, 400, `title with ${bad}: ${r.status}`);
			r = await a.post('/requests', `kind=press_release&action=save&title=Judul%20Cukup%20Panjang&body=${bad}&${tok}`);
			assert.equal(r.status, 400, `body with ${bad}: ${r.status}`);
			if (bad !== '%00') {
				r = await a.post('/requests', `kind=press_release&action=save&title=Judul%20Cukup%20Panjang&${bad}=x&${tok}`);
				assert.equal(r.status, 400, `field name ${bad}: ${r.status}`);
			}
			r = await a.get(`/requests?status=${bad}`);
			assert.equal(r.status, 400, `query with ${bad}: ${r.status}`);
		}
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('a body over 1 MiB is answered 413, nothing written, the server carries on', async () => {
		const snap = dbSnapshot(srv.db);
		const body = `kind=press_release&action=save&title=Judul%20Cukup%20Panjang&csrf_token=${a.csrf}&body=`
			+ 'a'.repeat(1024 * 1024 + 10);
		// As curl sends a large body: Expect: 100-continue, so the server can refuse it unread.
		let r = await rawRequest(srv.base, {
			path: '/requests', body, headWaitMs: 1000,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: a.cookieHeader(),
				Expect: '100-continue' },
		});
		assert.equal(r.status, 413, `POST /requests with ${body.length} bytes (Expect): ${r.status ?? r.error}`);
		// A client that waits a moment after the headers, then sends the body anyway.
		r = await rawRequest(srv.base, {
			path: '/requests', body, headWaitMs: 300,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: a.cookieHeader() },
		});
		assert.equal(r.status, 413, `POST /requests with ${body.length} bytes: ${r.status ?? r.error}`);
		assert.deepEqual(dbSnapshot(srv.db), snap);
		const h = await a.get('/healthz');
		assert.equal(h.status, 200);
	});

	test('a chunked body over 1 MiB is answered 413', async () => {
		const snap = dbSnapshot(srv.db);
		const data = `kind=press_release&action=save&title=Judul%20Cukup%20Panjang&csrf_token=${a.csrf}&body=`
			+ 'a'.repeat(1024 * 1024 + 10);
		const chunks = [];
		for (let i = 0; i < data.length; i += 60000) {
			const part = data.slice(i, i + 60000);
			chunks.push(`${part.length.toString(16)}\r\n${part}\r\n`);
		}
		chunks.push('0\r\n\r\n');
		const r = await rawRequest(srv.base, {
			path: '/requests', body: chunks.join(''),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: a.cookieHeader(),
				'Transfer-Encoding': 'chunked' },
		});
		assert.equal(r.status, 413, `chunked POST /requests: ${r.status ?? r.error}`);
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('a 300 KiB field under the 1 MiB cap is refused cleanly, never a 500 or a dropped connection', async () => {
		const snap = dbSnapshot(srv.db);
		const body = `kind=press_release&action=save&title=Judul%20Cukup%20Panjang&csrf_token=${a.csrf}&body=`
			+ 'a'.repeat(300 * 1024);
		const r = await rawRequest(srv.base, {
			path: '/requests', body,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: a.cookieHeader() },
		});
		assert.ok(r.status !== null, `no HTTP answer: ${r.error}`);
		assert.ok(r.status >= 400 && r.status < 500, `status ${r.status}`);
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('other malformed requests are 4xx, never 500', async () => {
		const snap = dbSnapshot(srv.db);
		let r = await a.request('POST', '/requests', { body: '{"title":"x"}', contentType: 'application/json',
			headers: {} });
		assert.equal(r.status, 415);
		r = await rawRequest(srv.base, { path: '/requests', body: 'a=b',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '3',
				'Transfer-Encoding': 'chunked' } });
		assert.equal(r.status, 400, 'Content-Length with Transfer-Encoding');
		for (const p of ['/?after=0', '/?after=-1_2', '/?after=abc', '/?after=1.5_2', '/?after=1_0',
			'/?after=99999999999999999999999_1', '/?kind=blog', '/?from=2026-02-30', '/?unit=NOPE',
			'/?unit=%3Cb%3E', '/?from=2026-05-02&to=2026-05-01', '/search?after=s1_x&q=a']) {
			r = await a.get(p);
			assert.equal(r.status, 400, `GET ${p}: ${r.status}`);
		}
		r = await a.get('/?after=1_1');
		assert.equal(r.status, 200, 'a well-formed cursor before everything is an empty page');
		r = await a.get(`/releases/${'x'.repeat(5000)}`);
		assert.ok(r.status === 404 || r.status === 414, `long slug: ${r.status}`);
		r = await a.get('/releases/..%2F..%2Fetc%2Fpasswd');
		assert.equal(r.status, 404);
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});
});
