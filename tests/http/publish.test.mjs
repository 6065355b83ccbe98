// Publication: gapless numbers per year and kind, unique slugs, the public index, unpublishing
// (410 with the reason), and scheduled publication both while running and at start.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginAs, Client, sql, requestRow, dbSnapshot, pressRelease, mediaAdvisory,
	createRequest, act, publishNew, wibNow, wibLocal, wibToUnix, waitFor,
} from './lib.mjs';

describe('numbering, slugs, index and unpublishing', () => {
	let srv, a, b, editor, admin, anon;
	const { roman, year } = wibNow();

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

	test('numbers are gapless per year and kind, across units', async () => {
		const p1 = await publishNew(a, editor);
		const p2 = await publishNew(b, editor);
		const m1 = await publishNew(a, editor, mediaAdvisory());
		// Requests that are rejected, withdrawn or still in review take no number.
		const rej = await createRequest(a, pressRelease());
		await act(editor, rej, 'claim');
		await act(editor, rej, 'reject', [['reason', 'Tidak layak terbit.']]);
		const wd = await createRequest(a, pressRelease());
		await act(a, wd, 'withdraw');
		const rev = await createRequest(b, pressRelease());
		await act(editor, rev, 'claim');
		const p3 = await publishNew(a, admin);
		const m2 = await publishNew(b, editor, mediaAdvisory());
		assert.equal(requestRow(srv.db, p1).number, `1/SP/DINKES/${roman}/${year}`);
		assert.equal(requestRow(srv.db, p2).number, `2/SP/DISHUB/${roman}/${year}`);
		assert.equal(requestRow(srv.db, p3).number, `3/SP/DINKES/${roman}/${year}`);
		assert.equal(requestRow(srv.db, m1).number, `1/UL/DINKES/${roman}/${year}`);
		assert.equal(requestRow(srv.db, m2).number, `2/UL/DISHUB/${roman}/${year}`);
		for (const id of [rej, wd, rev])
			assert.equal(requestRow(srv.db, id).number, null);
		const seq = sql(srv.db, 'SELECT year, kind, last_seq FROM number_sequences ORDER BY kind');
		assert.deepEqual(seq, [
			{ year, kind: 'media_advisory', last_seq: 2 },
			{ year, kind: 'press_release', last_seq: 3 },
		]);
		// The public page of the advisory says so.
		const adv = await anon.get(`/releases/${requestRow(srv.db, m1).slug}`);
		assert.equal(adv.status, 200);
		assert.ok(adv.text.includes('UNDANGAN LIPUTAN'));
		assert.ok(adv.text.includes(`1/UL/DINKES/${roman}/${year}`));
	});

	test('the same title gets -2, -3; slugs are lower-case ASCII with hyphens', async () => {
		const title = 'Peresmian Taman Kota di Cempaka Putih';
		const ids = [];
		for (let i = 0; i < 3; i++)
			ids.push(await publishNew(a, editor, pressRelease({ title })));
		assert.deepEqual(ids.map((id) => requestRow(srv.db, id).slug), [
			'peresmian-taman-kota-di-cempaka-putih',
			'peresmian-taman-kota-di-cempaka-putih-2',
			'peresmian-taman-kota-di-cempaka-putih-3',
		]);
		for (const id of ids) {
			const r = await anon.get(`/releases/${requestRow(srv.db, id).slug}`);
			assert.equal(r.status, 200);
			assert.ok(r.text.includes(requestRow(srv.db, id).number));
		}
		const odd = await publishNew(a, editor, pressRelease({ title: "Jum'at Bersih: Gotong-Royong di Kali Ciliwung — Édisi #5!" }));
		const slug = requestRow(srv.db, odd).slug;
		assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
		assert.ok(slug.startsWith('jumat-bersih-gotong-royong-di-kali-ciliwung'), slug);
		const all = sql(srv.db, "SELECT slug FROM requests WHERE slug IS NOT NULL").map((r) => r.slug);
		assert.equal(new Set(all).size, all.length, 'slugs are unique');
	});

	test('the index lists published releases newest first, ten a page', async () => {
		const published = sql(srv.db, "SELECT id, slug FROM requests WHERE state = 'published' ORDER BY published_at DESC, id DESC");
		assert.ok(published.length >= 9);
		while (sql(srv.db, "SELECT COUNT(*) AS n FROM requests WHERE state = 'published'")[0].n < 11)
			await publishNew(b, editor);
		const list = sql(srv.db, "SELECT slug FROM requests WHERE state = 'published' ORDER BY published_at DESC, id DESC")
			.map((r) => r.slug);
		const p1 = await anon.get('/');
		assert.equal(p1.status, 200);
		const shown = [...p1.text.matchAll(/href="\/releases\/([a-z0-9-]+)"/g)].map((m) => m[1]);
		const unique = [...new Set(shown)];
		assert.deepEqual(unique, list.slice(0, 10), 'first page: the ten newest, in order');
		// Keyset pagination: the "older" link carries a cursor, and keeps going until the end.
		const next = /href="(\/\?[^"]*after=[^"]+)"/.exec(p1.text);
		assert.ok(next, 'a link to the next page');
		const p2 = await anon.get(next[1].replace(/&amp;/g, '&'));
		assert.equal(p2.status, 200);
		const shown2 = [...new Set([...p2.text.matchAll(/href="\/releases\/([a-z0-9-]+)"/g)].map((m) => m[1]))];
		assert.deepEqual(shown2, list.slice(10, 20));
		let page = p2, pages = 2;
		for (;;) {
			const more = /href="(\/\?[^"]*after=[^"]+)"/.exec(page.text);
			if (!more)
				break;
			page = await anon.get(more[1].replace(/&amp;/g, '&'));
			assert.equal(page.status, 200);
			pages++;
		}
		assert.equal(pages, Math.ceil(list.length / 10), 'the last page has no next link');
		const garbage = await anon.get('/?after=not-a-cursor');
		assert.equal(garbage.status, 400);
		// Nothing unpublished leaks into the index.
		const drafts = sql(srv.db, "SELECT title FROM requests WHERE state <> 'published'").map((r) => r.title);
		for (const t of drafts)
			assert.ok(!p1.text.includes(`>${t}<`), `unpublished "${t}" not listed`);
	});

	test('unpublish needs a reason; then the page is 410 with the reason', async () => {
		const id = await publishNew(a, editor, pressRelease({ title: 'Siaran yang Nanti Akan Ditarik Kembali' }));
		const row = requestRow(srv.db, id);
		assert.equal((await anon.get(`/releases/${row.slug}`)).status, 200);
		const snap = dbSnapshot(srv.db);
		await act(editor, id, 'unpublish', [], 422);
		await act(editor, id, 'unpublish', [['reason', ' ']], 422);
		await act(a, id, 'unpublish', [['reason', 'Kontributor ingin menarik.']], 403);
		assert.deepEqual(dbSnapshot(srv.db), snap);
		const reason = 'Data jumlah puskesmas keliru; akan diterbitkan ulang.';
		await act(editor, id, 'unpublish', [['reason', reason]]);
		const after = requestRow(srv.db, id);
		assert.equal(after.state, 'unpublished');
		assert.equal(after.unpublish_reason, reason);
		assert.equal(after.number, row.number, 'the number stays with the release');
		const gone = await anon.get(`/releases/${row.slug}`);
		assert.equal(gone.status, 410);
		assert.ok(gone.text.includes(reason), 'the reason is shown');
		assert.ok(gone.text.includes(row.number));
		assert.ok(!gone.text.includes('Layanan kini tersedia'), 'the body is not shown');
		const index = await anon.get('/');
		assert.ok(!index.text.includes(`/releases/${row.slug}"`), 'no longer listed');
		await act(editor, id, 'unpublish', [['reason', 'lagi']], 409);
		// The number is not given again.
		const next = await publishNew(a, editor);
		const seq = Number(requestRow(srv.db, next).number.split('/')[0]);
		assert.equal(seq, sql(srv.db, "SELECT MAX(CAST(number AS INTEGER)) AS n FROM requests WHERE kind = 'press_release'")[0].n);
		assert.equal(sql(srv.db, "SELECT COUNT(*) AS n FROM requests WHERE kind = 'press_release' AND number IS NOT NULL")[0].n, seq,
			'gapless: as many numbered press releases as the last number');
	});

	test('markup in a published release is escaped; markdown cannot inject HTML or script links', async () => {
		const title = '<img src=x onerror=alert(1)> Siaran dengan Markup Berbahaya';
		const id = await publishNew(a, editor, pressRelease({
			title,
			summary: 'Ringkasan <b>tebal</b> & "kutip".',
			body: 'Paragraf biasa.\n\n<script>alert(1)</script>\n\n[tautan jahat](javascript:alert(1)) dan'
				+ ' [tautan baik](https://jakarta.go.id).\n\n<iframe src="https://evil.example"></iframe>',
			contact_name: '<i>Narahubung</i>',
		}, [['<b>Pembicara</b>', 'Jabatan', 'Kutipan <script>alert(2)</script> di sini.']]));
		const row = requestRow(srv.db, id);
		assert.match(row.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
		for (const [who, p] of [['public', () => anon.get(`/releases/${row.slug}`)],
			['preview', () => a.get(`/requests/${id}/preview`)], ['workbench', () => editor.get(`/requests/${id}`)],
			['index', () => anon.get('/')]]) {
			const r = await p();
			assert.equal(r.status, 200, who);
			const t = r.text;
			assert.ok(!t.includes('<img src=x'), `${who}: raw <img> from the title`);
			assert.ok(!/<script>alert/.test(t), `${who}: raw <script>`);
			assert.ok(!/<iframe/i.test(t), `${who}: raw <iframe>`);
			assert.ok(!/href="javascript:/i.test(t), `${who}: javascript: link`);
			assert.ok(!t.includes('<b>Pembicara</b>') && !t.includes('<i>Narahubung</i>'), `${who}: raw markup`);
			if (who !== 'index')
				assert.ok(t.includes('&lt;img src=x onerror=alert(1)&gt; Siaran dengan Markup Berbahaya'), `${who}: title shown escaped`);
		}
		const pub = await anon.get(`/releases/${row.slug}`);
		assert.ok(pub.text.includes('href="https://jakarta.go.id"'), 'a normal link survives');
	});

	test('approve with a time in the past publishes at once', async () => {
		const id = await createRequest(a, pressRelease());
		await act(editor, id, 'claim');
		await act(editor, id, 'approve', [['publish_at', '2020-01-01T08:00']]);
		const row = requestRow(srv.db, id);
		assert.equal(row.state, 'published');
		assert.ok(row.number);
	});
});

describe('scheduled publication', () => {
	let srv, a, editor, anon;

	before(async () => {
		srv = await startServer({ env: { SIARAN_SCHEDULER_INTERVAL: '1' } });
		a = await loginAs(srv, 'contribA');
		editor = await loginAs(srv, 'editor');
		anon = new Client(srv);
	});
	after(async () => {
		await srv?.stop();
	});

	test('approve with a future time schedules; unschedule returns it to review', async () => {
		const title = 'Siaran Terjadwal yang Dibatalkan Jadwalnya';
		const id = await createRequest(a, pressRelease({ title }));
		await act(editor, id, 'claim');
		const when = wibLocal(3600);
		await act(editor, id, 'approve', [['publish_at', when]]);
		let row = requestRow(srv.db, id);
		assert.equal(row.state, 'scheduled');
		assert.equal(row.scheduled_for, wibToUnix(when));
		assert.equal(row.number, null, 'no number before publication');
		assert.equal(row.slug, null);
		assert.equal((await anon.get('/releases/siaran-terjadwal-yang-dibatalkan-jadwalnya')).status, 404);
		await act(a, id, 'unschedule', [], 403);
		await act(editor, id, 'unschedule');
		row = requestRow(srv.db, id);
		assert.equal(row.state, 'in_review');
		assert.equal(row.scheduled_for, null);
		await act(editor, id, 'unschedule', [], 409);
	});

	test('the running scheduler publishes when the time comes', async () => {
		const title = 'Siaran Terjadwal Terbit Beberapa Detik Lagi';
		const id = await createRequest(a, pressRelease({ title }));
		await act(editor, id, 'claim');
		const when = wibLocal(5, true);
		await act(editor, id, 'approve', [['publish_at', when]]);
		assert.equal(requestRow(srv.db, id).state, 'scheduled');
		assert.equal((await anon.get('/releases/siaran-terjadwal-terbit-beberapa-detik-lagi')).status, 404);
		const row = await waitFor(() => {
			const r = requestRow(srv.db, id);
			return r.state === 'published' ? r : null;
		}, 12_000);
		assert.ok(row, `still ${requestRow(srv.db, id).state} after the time passed`);
		assert.ok(row.published_at >= wibToUnix(when), 'not before its time');
		const { roman, year } = wibNow();
		assert.match(row.number, new RegExp(`^\\d+/SP/DINKES/${roman}/${year}$`));
		assert.equal(row.slug, 'siaran-terjadwal-terbit-beberapa-detik-lagi');
		const page = await anon.get(`/releases/${row.slug}`);
		assert.equal(page.status, 200);
		assert.ok(page.text.includes(title));
		const t = sql(srv.db, `SELECT action, from_state, to_state, actor_id FROM transitions WHERE request_id = ${id} ORDER BY id DESC LIMIT 1`)[0];
		assert.deepEqual(t, { action: 'publish-due', from_state: 'scheduled', to_state: 'published', actor_id: null });
	});

	test('a release due while the server was down is published at start', async () => {
		const title = 'Siaran Terjadwal Satu Jam Lagi Setelah Restart';
		const id = await createRequest(a, pressRelease({ title }));
		await act(editor, id, 'claim');
		const when = wibLocal(3600);
		await act(editor, id, 'approve', [['publish_at', when]]);
		assert.equal(requestRow(srv.db, id).state, 'scheduled');
		assert.equal((await anon.get('/releases/siaran-terjadwal-satu-jam-lagi-setelah-restart')).status, 404);
		const before = sql(srv.db, "SELECT last_seq FROM number_sequences WHERE kind = 'press_release'")[0]?.last_seq ?? 0;
		// Two hours later (default scheduler interval: only the run at start can publish it in time).
		await srv.restart({ SIARAN_CLOCK_OFFSET: '7200' });
		const row = await waitFor(() => {
			const r = requestRow(srv.db, id);
			return r.state === 'published' ? r : null;
		}, 10_000);
		assert.ok(row, `still ${requestRow(srv.db, id).state} 10 s after the restart`);
		const { roman, year } = wibNow(7200);
		assert.equal(row.number, `${before + 1}/SP/DINKES/${roman}/${year}`);
		assert.ok(row.published_at >= wibToUnix(when));
		const page = await anon.get(`/releases/${row.slug}`);
		assert.equal(page.status, 200);
		assert.ok(page.text.includes(title));
		assert.ok(page.text.includes(row.number));
	});
});
