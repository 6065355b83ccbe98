// The public site for journalists: filters and keyset pages, full-text search, unit pages, the
// agenda, sharing tags, the plain-text view, and the response cache (invalidation, ETag/304,
// gzip, never for signed-in users).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import {
	startServer, loginAs, Client, pressRelease, mediaAdvisory, publishNew, createRequest, act,
	requestRow, wibLocal,
} from './lib.mjs';

function slugsIn(html) {
	return [...new Set([...html.matchAll(/href="\/releases\/([a-z0-9-]+)"/g)].map((m) => m[1]))];
}

describe('public site', () => {
	let srv, a, b, editor, anon;
	const ids = {};

	before(async () => {
		srv = await startServer();
		a = await loginAs(srv, 'contribA'); // DINKES
		b = await loginAs(srv, 'contribB'); // DISHUB
		editor = await loginAs(srv, 'editor');
		anon = new Client(srv);
		ids.kafe = await publishNew(a, editor, pressRelease({
			title: 'Kafé Ramah Lingkungan Dibuka di Kawasan Kota Tua',
			body: 'Pengunjung dapat menikmati kopi lokal. <script>alert(1)</script> Program vaksinasi keliling juga hadir.',
		}));
		ids.vaksin = await publishNew(a, editor, pressRelease({
			title: 'Vaksinasi Malam Hari Dibuka di Puskesmas Kecamatan',
			summary: 'Layanan vaksinasi kini buka sampai malam.',
		}));
		ids.bus = await publishNew(b, editor, pressRelease({ title: 'Rute Bus Sekolah Bertambah Dua Puluh Trayek' }));
		ids.advisory = await publishNew(b, editor, mediaAdvisory({
			title: 'Konferensi Pers Uji Coba Jalur Sepeda Terproteksi',
			event_start: wibLocal(2 * 86400), event_end: wibLocal(2 * 86400 + 7200),
		}));
		ids.draft = await createRequest(a, pressRelease({ title: 'Draf Vaksinasi Rahasia yang Belum Terbit' }), 'save');
	});
	after(async () => {
		await srv?.stop();
	});

	test('filters by unit and kind keep to what is asked', async () => {
		let r = await anon.get('/?unit=DISHUB');
		assert.equal(r.status, 200);
		assert.deepEqual(slugsIn(r.text).sort(), [requestRow(srv.db, ids.bus).slug,
			requestRow(srv.db, ids.advisory).slug].sort());
		r = await anon.get('/?kind=media_advisory');
		assert.deepEqual(slugsIn(r.text), [requestRow(srv.db, ids.advisory).slug]);
		r = await anon.get('/?unit=DINKES&kind=media_advisory');
		assert.deepEqual(slugsIn(r.text), []);
		// Dates are WIB calendar days, both ends inclusive.
		const d = new Date(Date.now() + 7 * 3600e3).toISOString().slice(0, 10);
		r = await anon.get(`/?from=${d}&to=${d}`);
		assert.equal(slugsIn(r.text).length, 4);
		r = await anon.get('/?to=2020-01-01');
		assert.deepEqual(slugsIn(r.text), []);
	});

	test('search folds diacritics, ranks title matches first, and keeps snippets escaped', async () => {
		let r = await anon.get('/search?q=kafe');
		assert.equal(r.status, 200);
		assert.deepEqual(slugsIn(r.text), [requestRow(srv.db, ids.kafe).slug]);
		r = await anon.get('/search?q=vaksinasi');
		const found = slugsIn(r.text);
		assert.deepEqual(found, [requestRow(srv.db, ids.vaksin).slug, requestRow(srv.db, ids.kafe).slug],
			'the title match outranks the body match; the draft is not found');
		assert.ok(r.text.includes('<mark>'), 'matches are highlighted');
		assert.ok(!r.text.includes('<script>alert(1)</script>'), 'snippet text is escaped');
		r = await anon.get('/search?q=vaksin');
		assert.ok(slugsIn(r.text).includes(requestRow(srv.db, ids.vaksin).slug), 'the last word matches as a prefix');
		r = await anon.get('/search?q=vaksinasi&unit=DISHUB');
		assert.deepEqual(slugsIn(r.text), []);
	});

	test('search results page by cursor in rank order, with and without filters', async () => {
		for (const extra of ['', '&unit=DINKES']) {
			const all = slugsIn((await anon.get(`/search?q=vaksinasi${extra}`)).text);
			assert.equal(all.length, 2, extra);
			let page = await anon.get(`/search?q=vaksinasi&limit=1${extra}`);
			const seen = [];
			for (let i = 0; i < 5; i++) {
				assert.equal(page.status, 200);
				seen.push(...slugsIn(page.text));
				const next = /href="(\/search\?[^"]*after=[^"]+)"/.exec(page.text);
				if (!next)
					break;
				page = await anon.get(next[1].replace(/&amp;/g, '&') + '&limit=1');
			}
			assert.deepEqual(seen, all, `the pages together are the ranked list${extra}`);
		}
	});

	test('an empty, nonsense or unmatched query gets a helpful page, not an error', async () => {
		for (const q of ['', '%22%22', '***', 'AND%20OR%20NOT(', 'zzzzqqqq']) {
			const r = await anon.get(`/search?q=${q}`);
			assert.equal(r.status, 200, `q=${q}`);
			assert.deepEqual(slugsIn(r.text), [], `q=${q}`);
			assert.match(r.text, /<form[^>]*action="\/search"/, `q=${q}: the search form is there`);
		}
	});

	test('unit pages list only their releases; the units page counts them', async () => {
		let r = await anon.get('/units/DISHUB');
		assert.equal(r.status, 200);
		assert.deepEqual(slugsIn(r.text).sort(), [requestRow(srv.db, ids.bus).slug,
			requestRow(srv.db, ids.advisory).slug].sort());
		assert.equal((await anon.get('/units/NOPE')).status, 404);
		assert.equal((await anon.get('/units/%3Cb%3E')).status, 404);
		r = await anon.get('/units');
		assert.equal(r.status, 200);
		assert.match(r.text, /href="\/units\/DINKES"/);
		assert.ok(r.text.includes('Dinas Perhubungan'));
	});

	test('the agenda shows upcoming events from published advisories', async () => {
		const r = await anon.get('/agenda');
		assert.equal(r.status, 200);
		assert.deepEqual(slugsIn(r.text), [requestRow(srv.db, ids.advisory).slug]);
	});

	test('release pages carry sharing tags, JSON-LD and a plain-text view', async () => {
		const id = await publishNew(a, editor, pressRelease({ title: 'Judul dengan </script><b>tanda</b> & "kutip"' }));
		const slug = requestRow(srv.db, id).slug;
		const r = await anon.get(`/releases/${slug}`);
		assert.equal(r.status, 200);
		assert.match(r.text, new RegExp(`<link rel="canonical" href="${srv.base}/releases/${slug}"`));
		assert.match(r.text, /<meta property="og:title" content="Judul dengan &lt;\/script&gt;/);
		const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(r.text);
		assert.ok(ld, 'JSON-LD present and not broken by the title');
		const data = JSON.parse(ld[1]);
		assert.equal(data['@type'], 'NewsArticle');
		assert.equal(data.headline, 'Judul dengan </script><b>tanda</b> & "kutip"');
		const t = await anon.get(`/releases/${slug}/text`);
		assert.equal(t.status, 200);
		assert.match(t.headers.get('content-type'), /^text\/plain; charset=utf-8/);
		assert.ok(t.text.includes('Judul dengan </script><b>tanda</b> & "kutip"'));
		assert.ok(t.text.includes(`${srv.base}/releases/${slug}`));
		assert.equal((await anon.get(`/releases/${requestRow(srv.db, ids.draft).id}/text`)).status, 404);
	});

	test('the cache: 304 on a matching ETag, gzip when asked, and invalidation on publish and unpublish', async () => {
		const first = await anon.get('/');
		const etag = first.headers.get('etag');
		assert.ok(etag);
		assert.match(first.headers.get('cache-control'), /public/);
		let r = await anon.get('/', { 'If-None-Match': etag });
		assert.equal(r.status, 304);
		assert.equal(r.text, '');
		// gzip: the same bytes once decompressed
		const res = await fetch(srv.base + '/', { headers: { 'Accept-Encoding': 'gzip' } });
		assert.equal(res.headers.get('content-encoding'), 'gzip');
		const raw = Buffer.from(await res.arrayBuffer());
		// fetch may already have decoded it; accept both, but the text must equal the plain page
		let text;
		try { text = zlib.gunzipSync(raw).toString('utf8'); } catch { text = raw.toString('utf8'); }
		assert.equal(text, first.text);

		// A publication changes the index, the unit page and the search at once.
		const unitBefore = await anon.get('/units/DINKES');
		const searchBefore = await anon.get('/search?q=terbaru');
		const id = await publishNew(a, editor, pressRelease({ title: 'Siaran Terbaru Mengubah Halaman Depan' }));
		const slug = requestRow(srv.db, id).slug;
		r = await anon.get('/', { 'If-None-Match': etag });
		assert.equal(r.status, 200, 'the old ETag no longer matches');
		assert.equal(slugsIn(r.text)[0], slug);
		assert.ok(slugsIn((await anon.get('/units/DINKES')).text).includes(slug));
		assert.ok(!slugsIn(unitBefore.text).includes(slug));
		assert.ok(slugsIn((await anon.get('/search?q=terbaru')).text).includes(slug));
		assert.ok(!slugsIn(searchBefore.text).includes(slug));
		// Saving a draft changes nothing public.
		const etag2 = (await anon.get('/')).headers.get('etag');
		await createRequest(a, pressRelease({ title: 'Draf Lain yang Tidak Boleh Tampil' }), 'save');
		assert.equal((await anon.get('/', { 'If-None-Match': etag2 })).status, 304);
		// Unpublishing removes it everywhere.
		await act(editor, id, 'unpublish', [['reason', 'Ditarik untuk uji.']]);
		assert.ok(!slugsIn((await anon.get('/')).text).includes(slug));
		assert.ok(!slugsIn((await anon.get('/search?q=terbaru')).text).includes(slug));
		assert.equal((await anon.get(`/releases/${slug}`)).status, 410);
	});

	test('pages for a signed-in user are never stored', async () => {
		const r = await a.get('/');
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('cache-control'), 'no-store');
		assert.ok(r.text.includes('Keluar'), 'the signed-in layout, not a cached anonymous page');
		const pub = await anon.get('/');
		assert.ok(!pub.text.includes('Keluar'), 'and the anonymous page does not show the user');
	});
});
