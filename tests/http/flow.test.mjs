// The whole review flow, end to end: contributor submits, editor claims and asks for changes,
// contributor edits and resubmits, editor approves, the public sees the numbered release.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginAs, Client, sql, requestRow, pressRelease, createRequest, act, wibNow, USERS,
} from './lib.mjs';

describe('review flow', () => {
	let srv, contrib, editor, anon;
	let id;
	const title = 'Dinkes DKI Buka Layanan Vaksinasi Malam di Puskesmas';

	before(async () => {
		srv = await startServer();
		contrib = await loginAs(srv, 'contribA');
		editor = await loginAs(srv, 'editor');
		anon = new Client(srv);
	});
	after(async () => {
		await srv?.stop();
	});

	test('contributor submits a complete press release', async () => {
		id = await createRequest(contrib, pressRelease({ title }, [
			['Ani Ruspitawati', 'Kepala Dinas Kesehatan', 'Vaksinasi malam memudahkan pekerja.'],
			['Budi Santoso', 'Kepala Puskesmas Gambir', 'Kami siap melayani hingga pukul 21.00.'],
		]), 'submit');
		const row = requestRow(srv.db, id);
		assert.equal(row.state, 'submitted');
		assert.equal(row.title, title);
		assert.equal(row.number, null);
		assert.ok(row.submitted_at > 0);
		const quotes = sql(srv.db, `SELECT speaker, position, text FROM request_quotes WHERE request_id = ${id} ORDER BY pos`);
		assert.deepEqual(quotes.map((q) => q.speaker), ['Ani Ruspitawati', 'Budi Santoso']);
		const page = await contrib.get(`/requests/${id}`);
		assert.equal(page.status, 200);
		assert.ok(page.text.includes(title));
	});

	test('the request is in the editor queue and in the unit list', async () => {
		const q = await editor.get('/requests');
		assert.equal(q.status, 200);
		assert.ok(q.text.includes(title), 'queue lists the submitted request');
		assert.ok(q.text.includes(`/requests/${id}`));
		const mine = await contrib.get('/requests');
		assert.equal(mine.status, 200);
		assert.ok(mine.text.includes(title));
	});

	test('the preview shows the release as it would be published, marked as a preview', async () => {
		for (const c of [contrib, editor]) {
			const r = await c.get(`/requests/${id}/preview`);
			assert.equal(r.status, 200);
			assert.ok(r.text.includes(title));
			assert.ok(r.text.includes('SIARAN PERS'));
			assert.ok(r.text.includes('Vaksinasi malam memudahkan pekerja.'));
			assert.match(r.text, /Pratinjau/);
		}
		const anon2 = new Client(srv);
		const r = await anon2.get(`/requests/${id}/preview`);
		assert.equal(r.status, 303);
	});

	test('editor claims and asks for changes', async () => {
		await act(editor, id, 'claim');
		let row = requestRow(srv.db, id);
		assert.equal(row.state, 'in_review');
		assert.equal(row.assigned_to, sql(srv.db, `SELECT id FROM users WHERE email = '${USERS.editor.email}'`)[0].id);
		await act(editor, id, 'request-changes', [['note', 'Tambahkan jam layanan di paragraf pertama.']]);
		row = requestRow(srv.db, id);
		assert.equal(row.state, 'changes_requested');
		const page = await contrib.get(`/requests/${id}`);
		assert.equal(page.status, 200);
		assert.ok(page.text.includes('Tambahkan jam layanan di paragraf pertama.'), 'the note is shown to the unit');
	});

	test('contributor edits and resubmits', async () => {
		const before = requestRow(srv.db, id);
		const fields = pressRelease({
			title,
			body: 'Layanan vaksinasi malam dibuka **pukul 18.00–21.00 WIB** di seluruh puskesmas.',
		}, [['Ani Ruspitawati', 'Kepala Dinas Kesehatan', 'Vaksinasi malam memudahkan pekerja.']]);
		const res = await contrib.form(`/requests/${id}`, [...fields, ['version', String(before.version)],
			['action', 'submit']]);
		assert.equal(res.status, 303, res.text.slice(0, 1500));
		assert.equal(res.location, `/requests/${id}`);
		const row = requestRow(srv.db, id);
		assert.equal(row.state, 'submitted');
		assert.equal(row.version, before.version + 1);
		assert.ok(row.body.includes('18.00–21.00'));
		assert.equal(sql(srv.db, `SELECT COUNT(*) AS n FROM request_quotes WHERE request_id = ${id}`)[0].n, 1);
	});

	test('editor claims again and approves; it is published with a number', async () => {
		await act(editor, id, 'claim');
		await act(editor, id, 'approve', [['publish_at', '']]);
		const row = requestRow(srv.db, id);
		assert.equal(row.state, 'published');
		const { roman, year } = wibNow();
		assert.equal(row.number, `1/SP/DINKES/${roman}/${year}`);
		assert.equal(row.slug, 'dinkes-dki-buka-layanan-vaksinasi-malam-di-puskesmas');
		assert.ok(row.published_at > 0);
	});

	test('the public page shows the rendered release', async () => {
		const row = requestRow(srv.db, id);
		const res = await anon.get(`/releases/${row.slug}`);
		assert.equal(res.status, 200);
		assert.match(res.headers.get('content-type'), /^text\/html; charset=utf-8/i);
		const t = res.text;
		assert.ok(t.includes(row.number), 'number');
		assert.ok(t.includes(title), 'title');
		assert.ok(t.includes('SIARAN PERS'), 'document title');
		assert.ok(t.includes('Dinas Kesehatan'), 'unit name');
		assert.ok(t.includes('Vaksinasi malam memudahkan pekerja.'), 'quote');
		assert.ok(t.includes('Ani Ruspitawati'), 'quote speaker');
		assert.ok(t.includes('Dewi Lestari'), 'contact name');
		assert.ok(t.includes('humas.dinkes@jakarta.go.id'), 'contact e-mail');
		assert.ok(t.includes('<strong>pukul 18.00–21.00 WIB</strong>'), 'markdown body rendered');
		const index = await anon.get('/');
		assert.equal(index.status, 200);
		assert.ok(index.text.includes(`/releases/${row.slug}`), 'listed on the front page');
	});

	test('revisions and transitions were recorded', async () => {
		const revs = sql(srv.db, `SELECT version, author_id, content FROM revisions WHERE request_id = ${id} ORDER BY version`);
		assert.deepEqual(revs.map((r) => r.version), [1, 2]);
		const v2 = JSON.parse(revs[1].content);
		assert.equal(v2.title, title);
		assert.ok(v2.body.includes('18.00–21.00'));
		assert.equal(v2.quotes.length, 1);
		const tr = sql(srv.db, `SELECT action, from_state, to_state, note, actor_id FROM transitions WHERE request_id = ${id} ORDER BY id`);
		assert.deepEqual(tr.map((t) => [t.action, t.from_state, t.to_state]), [
			['submit', 'draft', 'submitted'],
			['claim', 'submitted', 'in_review'],
			['request-changes', 'in_review', 'changes_requested'],
			['submit', 'changes_requested', 'submitted'],
			['claim', 'submitted', 'in_review'],
			['approve', 'in_review', 'published'],
		]);
		assert.equal(tr[2].note, 'Tambahkan jam layanan di paragraf pertama.');
		assert.ok(tr.every((t) => t.actor_id > 0));
	});

	test('a published request can no longer be edited by its unit', async () => {
		const before = requestRow(srv.db, id);
		const res = await contrib.form(`/requests/${id}`, [...pressRelease({ title: 'Judul yang Diubah Setelah Terbit' }),
			['action', 'save']]);
		assert.equal(res.status, 409);
		assert.deepEqual(requestRow(srv.db, id), before);
	});
});
