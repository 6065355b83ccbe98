// The review queue and after publication: assignment, urgency order, the four-eyes rule (and
// its switch), turning a past media advisory into a press-release draft, and corrections
// (ralat) that keep the number and reach the page, the feeds and the API.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginAs, Client, pressRelease, mediaAdvisory, createRequest, act, publishNew,
	requestRow, sql, dbSnapshot, wibLocal, fieldsOf, USERS,
} from './lib.mjs';

function userId(db, key) {
	return sql(db, `SELECT id FROM users WHERE email = '${USERS[key].email}'`)[0].id;
}

describe('editorial depth: queue, four eyes, conversion, corrections', () => {
	let srv, a, b, editor, admin, anon;

	before(async () => {
		srv = await startServer();
		a = await loginAs(srv, 'contribA');
		b = await loginAs(srv, 'contribB');
		editor = await loginAs(srv, 'editor');
		admin = await loginAs(srv, 'admin');
		anon = new Client(srv);
	});
	after(async () => {
		await srv?.stop();
	});

	test('an editor assigns a request to another editor; the queue shows who has it', async () => {
		const id = await createRequest(a, pressRelease({ title: 'Permintaan yang Akan Ditugaskan ke Admin' }));
		const adminId = userId(srv.db, 'admin');
		let r = await editor.form(`/requests/${id}/assign`, [['assignee', String(adminId)]]);
		assert.equal(r.status, 303);
		const row = requestRow(srv.db, id);
		assert.equal(row.state, 'in_review', 'assigning takes it into review');
		assert.equal(row.assigned_to, adminId);
		const t = sql(srv.db, `SELECT action, note FROM transitions WHERE request_id = ${id} ORDER BY id DESC LIMIT 1`)[0];
		assert.equal(t.action, 'assign');
		assert.match(t.note, /Budi Admin/);
		const queue = await editor.get('/requests');
		assert.match(queue.text, /Budi Admin/);
		// Only active staff can be assignees; contributors cannot assign.
		r = await editor.form(`/requests/${id}/assign`, [['assignee', String(userId(srv.db, 'contribA'))]]);
		assert.equal(r.status, 422);
		r = await editor.form(`/requests/${id}/assign`, [['assignee', 'abc']]);
		assert.equal(r.status, 422);
		r = await a.form(`/requests/${id}/assign`, [['assignee', String(adminId)]]);
		assert.equal(r.status, 403);
		assert.equal(requestRow(srv.db, id).assigned_to, adminId);
	});

	test('the queue puts advisories whose event is within 48 hours first, then the oldest', async () => {
		const old = await createRequest(b, pressRelease({ title: 'Permintaan Lama Menunggu Ditinjau Humas' }));
		const later = await createRequest(b, mediaAdvisory({ title: 'Undangan untuk Acara Bulan Depan Nanti',
			event_start: wibLocal(30 * 86400), event_end: wibLocal(30 * 86400 + 3600) }));
		const soon = await createRequest(b, mediaAdvisory({ title: 'Undangan untuk Acara Besok Pagi Sekali',
			event_start: wibLocal(20 * 3600), event_end: wibLocal(22 * 3600) }));
		const queue = await editor.get('/requests?unit=DISHUB');
		const order = [...queue.text.matchAll(/href="\/requests\/(\d+)"/g)].map((m) => Number(m[1]));
		assert.deepEqual(order.filter((x) => [old, later, soon].includes(x)), [soon, old, later]);
		assert.match(queue.text, /Mendesak/);
	});

	test('four eyes: the editor who last edited cannot approve; another editor can', async () => {
		const id = await createRequest(a, pressRelease({ title: 'Siaran yang Disunting Editor Sendiri' }));
		await act(editor, id, 'claim');
		const row = requestRow(srv.db, id);
		let r = await editor.form(`/requests/${id}`, [...fieldsOf(row, { title: 'Siaran yang Disunting oleh Editor Humas' }), ['action', 'save']]);
		assert.equal(r.status, 303);
		const page = await editor.get(`/requests/${id}`);
		assert.match(page.text, /Aturan empat mata/);
		const before = dbSnapshot(srv.db);
		r = await editor.form(`/requests/${id}/approve`, [['publish_at', '']]);
		assert.equal(r.status, 403);
		assert.deepEqual(dbSnapshot(srv.db).requests, before.requests, 'nothing changed');
		await act(admin, id, 'approve', [['publish_at', '']]);
		assert.equal(requestRow(srv.db, id).state, 'published');
	});

	test('four eyes switched off: the same editor may approve, and the history says so', async () => {
		const other = await startServer({ env: { SIARAN_FOUR_EYES: 'off' } });
		try {
			const c = await loginAs(other, 'contribA');
			const e = await loginAs(other, 'editor');
			const id = await createRequest(c, pressRelease({ title: 'Kantor Kecil dengan Satu Editor Saja' }));
			await act(e, id, 'claim');
			const row = requestRow(other.db, id);
			const r = await e.form(`/requests/${id}`, [...fieldsOf(row, { summary: 'Ringkasan yang diperbaiki editor.' }), ['action', 'save']]);
			assert.equal(r.status, 303);
			await act(e, id, 'approve', [['publish_at', '']]);
			assert.equal(requestRow(other.db, id).state, 'published');
			const t = sql(other.db, `SELECT note FROM transitions WHERE request_id = ${id} AND action = 'approve'`)[0];
			assert.match(t.note, /aturan empat mata dinonaktifkan/);
			assert.match((await e.get(`/requests/${id}`)).text, /aturan empat mata dinonaktifkan/);
		} finally {
			await other.stop();
		}
	});

	test('a past media advisory becomes a press-release draft pre-filled with its fields', async () => {
		const start = wibLocal(-3 * 86400);
		const id = await publishNew(a, editor, mediaAdvisory({ title: 'Peresmian Taman Kota yang Sudah Berlangsung',
			event_start: start, event_end: wibLocal(-3 * 86400 + 7200), location: 'Taman Kota Tebet' }));
		const future = await publishNew(a, editor, mediaAdvisory({ title: 'Acara yang Belum Berlangsung Sama Sekali',
			event_start: wibLocal(86400), event_end: wibLocal(86400 + 3600) }));
		let r = await a.form(`/requests/${future}/convert`);
		assert.equal(r.status, 409);
		r = await b.form(`/requests/${id}/convert`);
		assert.equal(r.status, 404, "another unit's advisory");
		r = await a.form(`/requests/${id}/convert`);
		assert.equal(r.status, 303);
		const newId = Number(/\/requests\/(\d+)$/.exec(r.location)[1]);
		assert.notEqual(newId, id);
		const draft = requestRow(srv.db, newId);
		const adv = requestRow(srv.db, id);
		assert.equal(draft.state, 'draft');
		assert.equal(draft.kind, 'press_release');
		assert.equal(draft.title, adv.title);
		assert.equal(draft.summary, adv.summary);
		assert.equal(draft.location, 'Taman Kota Tebet');
		assert.equal(draft.activity_date, start.slice(0, 10));
		assert.equal(draft.contact_name, adv.contact_name);
		assert.equal(draft.unit_id, adv.unit_id);
		assert.equal(requestRow(srv.db, id).state, 'published', 'the advisory itself is untouched');
	});

	test('a correction keeps the number, shows its note and date, and reaches feeds and API', async () => {
		const id = await publishNew(a, editor, pressRelease({ title: 'Siaran dengan Nama Narasumber Keliru',
			summary: 'Kepala dinas bernama Budi meresmikan layanan baru.' }));
		const row = requestRow(srv.db, id);
		const atomBefore = await anon.get('/atom.xml');
		const apiBefore = JSON.parse((await anon.get(`/api/v1/releases/${id}`)).text).data;
		// Not published, wrong role, no note: refused, nothing written.
		const draftId = await createRequest(a, pressRelease(), 'save');
		assert.equal((await editor.form(`/requests/${draftId}/correct`, [...fieldsOf(requestRow(srv.db, draftId)),
			['correction_note', 'x']])).status, 409);
		assert.equal((await a.form(`/requests/${id}/correct`, [...fieldsOf(row), ['correction_note', 'x']])).status, 403);
		const snap = dbSnapshot(srv.db);
		let r = await editor.form(`/requests/${id}/correct`, [...fieldsOf(row, { summary: 'Kepala dinas bernama Ani meresmikan layanan baru.' }),
			['correction_note', '   ']]);
		assert.equal(r.status, 422);
		assert.match(r.text, /catatan ralat/i);
		assert.deepEqual(dbSnapshot(srv.db).requests, snap.requests);

		await new Promise((res) => setTimeout(res, 1100)); // a later second for the update time
		r = await editor.form(`/requests/${id}/correct`, [...fieldsOf(row, { summary: 'Kepala dinas bernama Ani meresmikan layanan baru.' }),
			['correction_note', 'Nama kepala dinas diperbaiki: Ani, bukan Budi.']]);
		assert.equal(r.status, 303, r.text.slice(0, 500));
		const after = requestRow(srv.db, id);
		assert.equal(after.number, row.number, 'the number stays');
		assert.equal(after.slug, row.slug);
		assert.equal(after.state, 'published');
		assert.ok(after.public_updated_at > row.published_at);

		const page = await anon.get(`/releases/${row.slug}`);
		assert.equal(page.status, 200);
		assert.ok(page.text.includes('Kepala dinas bernama Ani'));
		assert.ok(page.text.includes('Nama kepala dinas diperbaiki: Ani, bukan Budi.'));
		assert.match(page.text, /Ralat/);
		assert.match(page.text, /Diperbarui/);

		const apiAfter = JSON.parse((await anon.get(`/api/v1/releases/${id}`)).text).data;
		assert.equal(apiAfter.published_at, apiBefore.published_at);
		assert.ok(apiBefore.updated_at);
		assert.notEqual(apiAfter.updated_at, apiBefore.updated_at, 'updated_at moves');
		assert.equal(apiAfter.number, apiBefore.number);

		const atom = await anon.get('/atom.xml');
		assert.notEqual(atom.headers.get('etag'), atomBefore.headers.get('etag'));
		const entry = atom.text.split('<entry>').find((e) => e.includes(`release/${id}<`));
		assert.ok(entry, 'the entry is in the feed');
		const published = /<published>([^<]+)</.exec(entry)[1];
		const updated = /<updated>([^<]+)</.exec(entry)[1];
		assert.ok(Date.parse(updated) > Date.parse(published), `updated ${updated} after published ${published}`);
		const search = await anon.get('/search?q=Ani%20meresmikan');
		assert.ok(search.text.includes(`/releases/${row.slug}`), 'the search index has the corrected text');
		const t = sql(srv.db, `SELECT action FROM transitions WHERE request_id = ${id} ORDER BY id DESC LIMIT 1`)[0];
		assert.equal(t.action, 'correct');
	});
});
