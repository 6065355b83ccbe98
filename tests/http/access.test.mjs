// Who may see and do what: anonymous visitors, contributors of the same and of another unit,
// editors and admins; unknown and malformed ids.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginAs, Client, requestRow, dbSnapshot, pressRelease, createRequest, act,
	csrfFrom, sql,
} from './lib.mjs';

const ACTIONS = ['submit', 'claim', 'request-changes', 'reject', 'approve', 'unschedule', 'unpublish',
	'withdraw'];
const TEXT = [['note', 'Catatan uji.'], ['reason', 'Alasan uji.']];

describe('access control', () => {
	let srv, a, a2, b, editor, admin;
	let draftA, submittedA, submittedB;

	before(async () => {
		srv = await startServer();
		a = await loginAs(srv, 'contribA');
		a2 = await loginAs(srv, 'contribA2');
		b = await loginAs(srv, 'contribB');
		editor = await loginAs(srv, 'editor');
		admin = await loginAs(srv, 'admin');
		draftA = await createRequest(a, pressRelease({ title: 'Draf Rahasia Dinas Kesehatan Unit A' }), 'save');
		submittedA = await createRequest(a, pressRelease({ title: 'Pengajuan Dinas Kesehatan Unit A' }), 'submit');
		submittedB = await createRequest(b, pressRelease({ title: 'Pengajuan Dinas Perhubungan Unit B' }), 'submit');
	});
	after(async () => {
		await srv?.stop();
	});

	test('anonymous GET of the workbench redirects to the login with next', async () => {
		const anon = new Client(srv);
		let r = await anon.get('/requests');
		assert.equal(r.status, 303);
		assert.equal(r.location, '/login?next=/requests');
		r = await anon.get(`/requests/${draftA}`);
		assert.equal(r.status, 303);
		assert.equal(r.location, `/login?next=/requests/${draftA}`);
		r = await anon.get('/requests/new');
		assert.equal(r.status, 303);
		assert.equal(r.location, '/login?next=/requests/new');
	});

	test('anonymous POSTs to state-changing routes are refused with 403, even with a token', async () => {
		const anon = new Client(srv);
		const login = await anon.get('/login');
		const tok = csrfFrom(login.text);
		assert.ok(tok);
		const snap = dbSnapshot(srv.db);
		const targets = [
			['/requests', [...pressRelease(), ['action', 'submit']]],
			[`/requests/${draftA}`, [...pressRelease(), ['action', 'save']]],
			['/logout', []],
			...ACTIONS.map((x) => [`/requests/${submittedA}/${x}`, TEXT]),
		];
		for (const [p, fields] of targets) {
			for (const withToken of [false, true]) {
				const r = await anon.post(p, withToken ? [...fields, ['csrf_token', tok]] : fields);
				assert.equal(r.status, 403, `anonymous POST ${p} (token: ${withToken}): ${r.status}`);
			}
		}
		assert.deepEqual(dbSnapshot(srv.db), snap, 'nothing written');
	});

	test("another unit's request is 404 for a contributor: view, preview, edit and every action", async () => {
		const snap = dbSnapshot(srv.db);
		for (const id of [draftA, submittedA]) {
			let r = await b.get(`/requests/${id}`);
			assert.equal(r.status, 404, `GET /requests/${id}`);
			assert.ok(!r.text.includes('Unit A'), 'the title does not leak');
			r = await b.get(`/requests/${id}/preview`);
			assert.equal(r.status, 404, `GET /requests/${id}/preview`);
			r = await b.form(`/requests/${id}`, [...pressRelease(), ['action', 'save']]);
			assert.equal(r.status, 404, `POST /requests/${id}`);
			for (const x of ACTIONS) {
				r = await b.form(`/requests/${id}/${x}`, TEXT);
				assert.equal(r.status, 404, `POST /requests/${id}/${x} by unit B: ${r.status}`);
			}
		}
		assert.deepEqual(dbSnapshot(srv.db), snap, 'nothing written');
	});

	test("a contributor's list shows its own unit only, whatever ?unit says", async () => {
		let r = await b.get('/requests');
		assert.equal(r.status, 200);
		assert.ok(r.text.includes('Pengajuan Dinas Perhubungan Unit B'));
		assert.ok(!r.text.includes('Unit A'));
		r = await b.get('/requests?unit=DINKES');
		assert.equal(r.status, 200);
		assert.ok(!r.text.includes('Unit A'));
		r = await a.get('/requests');
		assert.ok(r.text.includes('Draf Rahasia Dinas Kesehatan Unit A'));
		assert.ok(!r.text.includes('Unit B'));
	});

	test('a second contributor of the same unit sees and edits the unit draft', async () => {
		let r = await a2.get(`/requests/${draftA}`);
		assert.equal(r.status, 200);
		assert.ok(r.text.includes('Draf Rahasia Dinas Kesehatan Unit A'));
		const v = requestRow(srv.db, draftA).version;
		r = await a2.form(`/requests/${draftA}`, [...pressRelease({ title: 'Draf Rahasia Dinas Kesehatan Unit A (rev)' }),
			['version', String(v)], ['action', 'save']]);
		assert.equal(r.status, 303, r.text.slice(0, 1000));
		const row = requestRow(srv.db, draftA);
		assert.equal(row.title, 'Draf Rahasia Dinas Kesehatan Unit A (rev)');
		assert.equal(row.version, v + 1);
		assert.equal(row.state, 'draft');
	});

	test('unknown and malformed ids are 404', async () => {
		const snap = dbSnapshot(srv.db);
		for (const c of [a, editor]) {
			for (const p of ['/requests/999999', '/requests/abc', '/requests/0', '/requests/-1',
				'/requests/1abc', '/requests/99999999999999999999999', '/requests/999999/preview',
				'/requests/abc/preview', '/releases/tidak-ada-siaran-ini', '/tidak-ada']) {
				const r = await c.get(p);
				assert.equal(r.status, 404, `GET ${p}: ${r.status}`);
			}
			for (const p of ['/requests/999999', '/requests/abc', '/requests/999999/approve',
				'/requests/abc/claim', `/requests/${submittedA}/bogus-action`]) {
				const r = await c.form(p, [...TEXT, ['action', 'save'], ['kind', 'press_release'],
					['title', 'Judul cukup panjang untuk draf']]);
				assert.equal(r.status, 404, `POST ${p}: ${r.status}`);
			}
		}
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('staff cannot open the create form or create requests', async () => {
		for (const c of [editor, admin]) {
			let r = await c.get('/requests/new');
			assert.equal(r.status, 403, `GET /requests/new as ${c.user.role}`);
			const before = sql(srv.db, 'SELECT COUNT(*) AS n FROM requests')[0].n;
			r = await c.form('/requests', [...pressRelease(), ['action', 'submit']]);
			assert.equal(r.status, 403, `POST /requests as ${c.user.role}`);
			assert.equal(sql(srv.db, 'SELECT COUNT(*) AS n FROM requests')[0].n, before);
		}
		const r = await a.get('/requests/new');
		assert.equal(r.status, 200);
		assert.match(r.text, /name="title"/);
	});

	test('actions a role may never take are 403, nothing changed', async () => {
		const id = await createRequest(a, pressRelease(), 'submit');
		const snap = dbSnapshot(srv.db);
		for (const x of ['claim', 'request-changes', 'reject', 'approve', 'unschedule', 'unpublish'])
			await act(a, id, x, TEXT, 403);
		await act(editor, id, 'submit', [], 403);
		await act(editor, id, 'withdraw', [], 403);
		await act(admin, id, 'withdraw', [], 403);
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('actions not allowed from the current state are 409, nothing changed', async () => {
		const id = await createRequest(a, pressRelease(), 'submit');
		let snap = dbSnapshot(srv.db);
		await act(a, id, 'submit', [], 409); // already submitted
		await act(editor, id, 'approve', [], 409); // not claimed yet
		await act(editor, id, 'request-changes', TEXT, 409);
		await act(editor, id, 'unpublish', TEXT, 409);
		await act(editor, id, 'unschedule', [], 409);
		assert.deepEqual(dbSnapshot(srv.db), snap);
		await act(admin, id, 'claim'); // admins review too
		assert.equal(requestRow(srv.db, id).state, 'in_review');
		snap = dbSnapshot(srv.db);
		await act(a, id, 'withdraw', [], 409); // too late once in review
		await act(editor, id, 'claim', [], 409);
		assert.deepEqual(dbSnapshot(srv.db), snap);
		const draft = await createRequest(a, pressRelease(), 'save');
		snap = dbSnapshot(srv.db);
		await act(editor, draft, 'claim', [], 409);
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('who may edit when: contributor in draft, editor in review', async () => {
		const id = await createRequest(a, pressRelease({ title: 'Siaran untuk Uji Hak Ubah Isi' }), 'submit');
		let snap = dbSnapshot(srv.db);
		let r = await a.form(`/requests/${id}`, [...pressRelease({ title: 'Diubah Kontributor Saat Diajukan' }), ['action', 'save']]);
		assert.equal(r.status, 409, 'contributor cannot edit a submitted request');
		r = await editor.form(`/requests/${id}`, [...pressRelease({ title: 'Diubah Editor Sebelum Diambil' }), ['action', 'save']]);
		assert.equal(r.status, 409, 'editor cannot edit before claiming');
		assert.deepEqual(dbSnapshot(srv.db), snap);
		await act(editor, id, 'claim');
		r = await editor.form(`/requests/${id}`, [...pressRelease({ title: 'Disunting Editor Humas Saat Ditinjau' }), ['action', 'save']]);
		assert.equal(r.status, 303, r.text.slice(0, 1000));
		assert.equal(requestRow(srv.db, id).title, 'Disunting Editor Humas Saat Ditinjau');
		assert.equal(requestRow(srv.db, id).state, 'in_review');
		snap = dbSnapshot(srv.db);
		r = await editor.form(`/requests/${id}`, [...pressRelease({ title: 'Editor Mencoba Mengajukan Ulang' }), ['action', 'submit']]);
		assert.equal(r.status, 403, 'an editor cannot submit');
		r = await a.form(`/requests/${id}`, [...pressRelease({ title: 'Kontributor Saat Ditinjau' }), ['action', 'save']]);
		assert.equal(r.status, 409, 'contributor cannot edit while in review');
		assert.deepEqual(dbSnapshot(srv.db), snap);
	});

	test('contributor withdraws a draft, and a changes_requested request', async () => {
		const d = await createRequest(a, pressRelease(), 'save');
		await act(a2, d, 'withdraw');
		assert.equal(requestRow(srv.db, d).state, 'withdrawn');
		const s = await createRequest(a, pressRelease(), 'submit');
		await act(editor, s, 'claim');
		await act(editor, s, 'request-changes', [['note', 'Perbaiki judul.']]);
		await act(a, s, 'withdraw');
		assert.equal(requestRow(srv.db, s).state, 'withdrawn');
		await act(a, s, 'submit', [], 409);
	});

	test('after changes are requested the unit resubmits with the submit action', async () => {
		const id = await createRequest(a, pressRelease());
		await act(editor, id, 'claim');
		await act(editor, id, 'request-changes', [['note', 'Lengkapi kutipan.']]);
		await act(b, id, 'submit', [], 404);
		await act(a2, id, 'submit');
		const row = requestRow(srv.db, id);
		assert.equal(row.state, 'submitted');
		assert.equal(row.assigned_to, null, 'back in the queue for any editor');
	});

	test('editor rejects with a reason', async () => {
		const id = await createRequest(a, pressRelease(), 'submit');
		await act(editor, id, 'claim');
		await act(editor, id, 'reject', [['reason', 'Bukan kewenangan unit.']]);
		assert.equal(requestRow(srv.db, id).state, 'rejected');
		const t = sql(srv.db, `SELECT note FROM transitions WHERE request_id = ${id} AND action = 'reject'`);
		assert.equal(t[0].note, 'Bukan kewenangan unit.');
		await act(editor, id, 'approve', [], 409);
	});

	test('editor queue: submitted and in_review only, oldest first; filters', async () => {
		const r = await editor.get('/requests');
		assert.equal(r.status, 200);
		assert.ok(!r.text.includes('Draf Rahasia Dinas Kesehatan Unit A'), 'drafts are not in the queue');
		const posA = r.text.indexOf(`/requests/${submittedA}"`);
		const posB = r.text.indexOf(`/requests/${submittedB}"`);
		assert.ok(posA >= 0 && posB >= 0, 'both submitted requests are listed');
		assert.ok(posA < posB, 'oldest first');

		let f = await editor.get('/requests?status=draft');
		assert.equal(f.status, 200);
		assert.ok(f.text.includes('Draf Rahasia Dinas Kesehatan Unit A'));
		assert.ok(!f.text.includes('Pengajuan Dinas Perhubungan Unit B'));

		f = await editor.get('/requests?unit=DISHUB');
		assert.equal(f.status, 200);
		assert.ok(f.text.includes('Pengajuan Dinas Perhubungan Unit B'));
		assert.ok(!f.text.includes('Pengajuan Dinas Kesehatan Unit A'));

		f = await editor.get('/requests?status=queue');
		assert.equal(f.status, 200);
		assert.ok(f.text.includes('Pengajuan Dinas Kesehatan Unit A'));

		for (const bad of ['/requests?status=bogus', '/requests?status=DRAFT', '/requests?unit=NOPE',
			'/requests?page=0', '/requests?page=abc']) {
			f = await editor.get(bad);
			assert.equal(f.status, 400, `GET ${bad}: ${f.status}`);
		}
	});

	test('editor list ?status=all shows every state', async () => {
		const f = await editor.get('/requests?status=all');
		assert.equal(f.status, 200, `GET /requests?status=all: ${f.status}`);
		assert.ok(f.text.includes('Draf Rahasia Dinas Kesehatan Unit A'));
		assert.ok(f.text.includes('Pengajuan Dinas Perhubungan Unit B'));
	});
});
