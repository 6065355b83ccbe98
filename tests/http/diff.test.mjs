// Revisions compared word by word: the editors' changes summarised on the request page, the
// /requests/ID/diff page (escaping, access, parameters, the revision selector), and the edit
// conflict: a save that lost the race answers 409 with both versions and overwrites nothing.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginAs, Client, pressRelease, createRequest, act, requestRow, sql, dbSnapshot,
} from './lib.mjs';

const DEL = (words) => `<del class="diff-del"><span class="visually-hidden">dihapus: </span>${words}</del>`;
const INS = (words) => `<ins class="diff-add"><span class="visually-hidden">ditambah: </span>${words}</ins>`;

/* A save from the request page's form: the content, the version it was loaded at, the action. */
function save(client, id, fields, version, action = 'save') {
	return client.form(`/requests/${id}`, [...fields, ['version', String(version)], ['action', action]]);
}

/* The value of a hidden or text input named `name` on a page. */
function inputValue(html, name) {
	const m = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html);
	return m ? m[1] : null;
}

function revisions(db, id) {
	return sql(db, `SELECT version, author_id FROM revisions WHERE request_id = ${id} ORDER BY version`);
}

describe('word diff of revisions', () => {
	let srv, contrib, other, editor, admin;
	let id;
	const title = 'Dinkes Perluas Layanan Cek Kesehatan Gratis ke Kelurahan';
	const unitBody = 'Layanan tersedia di **seluruh puskesmas** kecamatan.\n\n'
		+ 'Warga cukup membawa KTP. <script>alert("unit")</script>';
	const editorBody = 'Layanan tersedia di **seluruh puskesmas** kelurahan.\n\n'
		+ 'Warga cukup membawa KTP elektronik. <script>alert("editor")</script>';

	before(async () => {
		srv = await startServer();
		contrib = await loginAs(srv, 'contribA');
		other = await loginAs(srv, 'contribB');
		editor = await loginAs(srv, 'editor');
		admin = await loginAs(srv, 'admin');
	});
	after(async () => {
		await srv?.stop();
	});

	test('a contributor submits; nothing to summarise before the office edits', async () => {
		id = await createRequest(contrib, pressRelease({ title, body: unitBody }), 'submit');
		await act(editor, id, 'claim');
		const page = await editor.get(`/requests/${id}`);
		assert.equal(page.status, 200);
		assert.ok(!page.text.includes('Perubahan oleh editor dari teks unit'));
	});

	test('the editor edits; the request page summarises the changes for the editor', async () => {
		const row = requestRow(srv.db, id);
		assert.equal(row.version, 1);
		const res = await save(editor, id, pressRelease({
			title, body: editorBody,
			summary: 'Dinas Kesehatan memperluas layanan cek kesehatan gratis ke seluruh kelurahan.',
		}), row.version);
		assert.equal(res.status, 303, res.text.slice(0, 1500));
		assert.equal(requestRow(srv.db, id).version, 2);

		const page = await editor.get(`/requests/${id}`);
		assert.equal(page.status, 200);
		const t = page.text;
		assert.match(t, /Perubahan oleh editor dari teks unit/);
		assert.ok(t.includes(`href="/requests/${id}/diff?from=1&amp;to=2"`), 'link to the full diff');
		assert.match(t, /<span class="changes-field">Isi siaran<\/span>/);
		assert.match(t, /<span class="changes-field">Ringkasan<\/span>/);
		assert.ok(!t.includes('<span class="changes-field">Judul</span>'), 'the title did not change');
		assert.match(t, /Periksa perubahan ini sebelum menyetujui/);
		// The summary sits above the edit form.
		assert.ok(t.indexOf('Perubahan oleh editor') < t.indexOf('id="ubah-isi"'));
		// The unit sees what the office changed too, now that the request is in review.
		const unitPage = await contrib.get(`/requests/${id}`);
		assert.match(unitPage.text, /Perubahan oleh editor dari teks unit/);
	});

	test('/diff shows removed and added words, field by field, everything escaped', async () => {
		const res = await editor.get(`/requests/${id}/diff`);
		assert.equal(res.status, 200);
		const t = res.text;
		assert.ok(t.includes(DEL('kecamatan') + INS('kelurahan') + '.\n\nWarga'), 'replaced word, line breaks kept');
		assert.ok(t.includes(INS(' elektronik')), 'inserted word');
		assert.ok(t.includes(`&lt;script&gt;alert(&quot;${DEL('unit')}${INS('editor')}&quot;)&lt;/script&gt;`),
			'script text diffed and escaped on both sides');
		assert.ok(!/<script>alert/i.test(t), 'no live script from either version');
		assert.match(t, /Ringkasan/);
		assert.match(t, /<h3 class="diff-field-title"[^>]*>Isi siaran/);
		assert.match(t, /Tidak berubah:<\/span>[^<]*Judul/);
		// The legend explains colours and the non-colour cues.
		assert.match(t, /dicoret/);
		assert.match(t, /bergaris bawah/);
		// The selector: two selects of versions with author and time, defaults selected.
		assert.match(t, /<select id="diff-from" name="from">/);
		assert.match(t, /<select id="diff-to" name="to">/);
		assert.match(t, /<option value="1" selected>Versi 1 \(teks unit\) — Dewi Kontributor A \(Kontributor\), \d+ \w+ \d{4} \d\d\.\d\d<\/option>/);
		assert.match(t, /<select id="diff-to"[\s\S]*<option value="2" selected>Versi 2 \(terkini\) — Rina Editor \(Editor Humas\)/);

		// Explicit versions, reversed: what was added is now removed.
		const back = await editor.get(`/requests/${id}/diff?from=2&to=1`);
		assert.equal(back.status, 200);
		assert.ok(back.text.includes(DEL('kelurahan') + INS('kecamatan')));
		// The same version on both sides: no difference.
		const same = await editor.get(`/requests/${id}/diff?from=2&to=2`);
		assert.equal(same.status, 200);
		assert.match(same.text, /Tidak ada perbedaan isi/);
		assert.ok(!same.text.includes('<del class="diff-del"><span'));
	});

	test('the diff page has the request page\'s access: the unit yes, another unit 404', async () => {
		const mine = await contrib.get(`/requests/${id}/diff?from=1&to=2`);
		assert.equal(mine.status, 200);
		for (const q of ['', '?from=1&to=2', '?from=abc', '?to=99']) {
			const r = await other.get(`/requests/${id}/diff${q}`);
			assert.equal(r.status, 404, `another unit, ${q}`);
			assert.ok(!r.text.includes(title));
		}
		assert.equal((await editor.get('/requests/999999/diff')).status, 404);
		const anon = await new Client(srv).get(`/requests/${id}/diff`);
		assert.equal(anon.status, 303, 'anonymous: to the login page');
	});

	test('bad from/to answer 400', async () => {
		for (const q of ['?from=abc', '?to=x1', '?from=0', '?from=-1', '?to=3', '?from=99&to=1',
			'?from=1&to=2.5', '?from=1e3']) {
			const r = await editor.get(`/requests/${id}/diff${q}`);
			assert.equal(r.status, 400, q);
		}
	});

	test('two editors on one version: the second save answers 409 with both versions', async () => {
		const v = requestRow(srv.db, id).version;
		const first = await editor.get(`/requests/${id}`);
		const second = await admin.get(`/requests/${id}`);
		assert.equal(inputValue(first.text, 'version'), String(v));
		assert.equal(inputValue(second.text, 'version'), String(v));

		const editorText = 'Layanan tersedia di seluruh puskesmas kelurahan mulai Senin.';
		let res = await save(editor, id, pressRelease({ title, body: editorText }), v);
		assert.equal(res.status, 303);
		const saved = requestRow(srv.db, id);
		assert.equal(saved.version, v + 1);

		const snap = dbSnapshot(srv.db);
		const adminText = 'Layanan tersedia di seluruh puskesmas <b>kelurahan</b> mulai Selasa.';
		res = await save(admin, id, pressRelease({ title, body: adminText }), v);
		assert.equal(res.status, 409, res.text.slice(0, 1500));
		const t = res.text;
		assert.match(t, new RegExp(`Versi tersimpan \\(versi ${v + 1}\\)`));
		assert.match(t, /Versi Anda \(belum tersimpan\)/);
		assert.match(t, /Disimpan oleh Rina Editor \(Editor Humas\) pada \d+ \w+ \d{4} \d\d\.\d\d/);
		assert.match(t, /Perubahan Anda belum disimpan, dan tidak ada yang tertimpa/);
		// The word diff between them: stored → mine.
		assert.ok(t.includes(DEL('Senin') + INS('Selasa')));
		assert.ok(t.includes('&lt;b&gt;'), 'mine is escaped');
		assert.ok(!t.includes('<b>kelurahan</b>'));
		// Both texts are there: the stored one, and mine in a form onto the stored version.
		assert.ok(t.includes(editorText));
		assert.ok(t.includes('<textarea id="f-body" name="body" rows="14" class="textarea-body"'));
		assert.ok(t.includes('Layanan tersedia di seluruh puskesmas &lt;b&gt;kelurahan&lt;/b&gt; mulai Selasa.</textarea>'));
		assert.match(t, new RegExp(`<form class="form request-form" method="post" action="/requests/${id}" enctype="multipart/form-data">`));
		assert.equal(inputValue(t, 'version'), String(v + 1), 'the form saves onto the stored version');
		assert.match(t, /Simpan perubahan/);

		// Nothing was written: the database keeps the first save.
		assert.deepEqual(dbSnapshot(srv.db), snap);
		const row = requestRow(srv.db, id);
		assert.equal(row.version, v + 1);
		assert.equal(row.body, editorText);
		assert.equal(revisions(srv.db, id).length, v + 1);

		// Sending the form again saves the admin's text onto the new version.
		res = await save(admin, id, pressRelease({ title, body: adminText }), inputValue(t, 'version'));
		assert.equal(res.status, 303);
		const after = requestRow(srv.db, id);
		assert.equal(after.version, v + 2);
		assert.equal(after.body, adminText);
	});

	test('two contributors of a unit on one draft: the second save answers 409', async () => {
		const a2 = await loginAs(srv, 'contribA2');
		const draftTitle = 'Draf Bersama Dua Kontributor Dinas Kesehatan';
		const did = await createRequest(contrib, pressRelease({ title: draftTitle, body: 'Teks awal draf.' }), 'save');
		const page = await a2.get(`/requests/${did}`);
		assert.equal(inputValue(page.text, 'version'), '1');

		let res = await save(contrib, did, pressRelease({ title: draftTitle, body: 'Teks awal draf, diperbaiki Dewi.' }), 1);
		assert.equal(res.status, 303);
		const snap = dbSnapshot(srv.db);
		res = await save(a2, did, pressRelease({ title: draftTitle, body: 'Teks awal draf, diperbaiki Sari.' }), 1, 'submit');
		assert.equal(res.status, 409);
		const t = res.text;
		assert.match(t, /Versi Anda \(belum tersimpan\)/);
		assert.match(t, /Disimpan oleh Dewi Kontributor A \(Kontributor\)/);
		assert.ok(t.includes(DEL('Dewi') + INS('Sari')));
		// A contributor's form: save the draft or submit, onto version 2.
		assert.match(t, /Simpan draf/);
		assert.match(t, /Ajukan ke Humas/);
		assert.equal(inputValue(t, 'version'), '2');
		assert.deepEqual(dbSnapshot(srv.db), snap, 'nothing written, not even the submission');
		const row = requestRow(srv.db, did);
		assert.equal(row.state, 'draft');
		assert.equal(row.version, 2);
		assert.equal(row.body, 'Teks awal draf, diperbaiki Dewi.');
		// A contributor editing its own draft sees no "editor changes" summary.
		const own = await contrib.get(`/requests/${did}`);
		assert.ok(!own.text.includes('Perubahan oleh editor dari teks unit'));
	});
});
