// Photos and documents: uploads from the request form and the request page, content checks that
// refuse hostile files, derivatives without personal metadata, storage by content hash, limits,
// access rules for /media/ files, caching, ranges, and the gallery on the public page.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
	startServer, loginAs, Client, sql, sqlValue, pressRelease, createRequest, act, publishNew,
} from './lib.mjs';
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import os from 'node:os';
import { mediaFiles, exif, qpdf } from './media-files.mjs';

const DERIVED = ['w480.jpg', 'w480.webp', 'w1200.jpg', 'w1200.webp'];

/* Every stored directory under DATA/media (one per distinct file). */
function storedDirs(dir) {
	const root = path.join(dir, 'media');
	if (!fs.existsSync(root))
		return [];
	return fs.readdirSync(root).flatMap((p) => fs.readdirSync(path.join(root, p)));
}

function tmpFiles(dir) {
	const t = path.join(dir, 'tmp');
	return fs.existsSync(t) ? fs.readdirSync(t) : [];
}

/* Creates a request with files; returns the response. */
function createWith(client, files, { caption = 'Kader posyandu menimbang balita di Cakung',
	credit = 'Humas Dinas Kesehatan', fields = pressRelease(), action = 'save' } = {}) {
	const f = [...fields, ['action', action]];
	if (caption !== null)
		f.push(['photo_caption', caption]);
	if (credit !== null)
		f.push(['photo_credit', credit]);
	return client.multipart('/requests', f, files);
}

/* The messages of a refused form, for assertion output. */
function errorsOf(html) {
	return [...html.matchAll(/class="field-error"[^>]*>(.*?)<\/(?:p|div)>/gs)].map((m) => m[1]).join(' | ');
}

function idFrom(res) {
	assert.equal(res.status, 303, `expected 303, got ${res.status}\n${res.text.slice(0, 1500)}`);
	return Number(/^\/requests\/(\d+)$/.exec(res.location)[1]);
}

function mediaRows(db, id) {
	return sql(db, `SELECT rm.id, rm.sha256, rm.kind, rm.position, rm.caption, rm.credit, rm.filename,
		m.mime, m.width, m.height, m.bytes FROM request_media rm JOIN media m USING (sha256)
		WHERE rm.request_id = ${Number(id)} ORDER BY rm.kind, rm.position`);
}

const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');

/* qpdf --check on a buffer: its output, or a failed assertion with qpdf's complaint. */
function qpdfCheck(buf) {
	const p = path.join(os.tmpdir(), `siaran-check-${process.pid}-${Math.random().toString(16).slice(2)}.pdf`);
	fs.writeFileSync(p, buf);
	try {
		return execFileSync('qpdf', ['--check', p], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (e) {
		assert.fail(`qpdf --check failed (${e.status}): ${e.stdout}${e.stderr}`);
	} finally {
		fs.unlinkSync(p);
	}
}

async function fetchBytes(client, url, headers = {}) {
	const h = { ...headers };
	if (client.jar.size)
		h.Cookie = client.cookieHeader();
	const res = await fetch(client.base + url, { headers: h, redirect: 'manual' });
	return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

describe('photo and document uploads', () => {
	let srv, a, a2, b, editor, anon, files;

	before(async () => {
		files = mediaFiles();
		srv = await startServer();
		a = await loginAs(srv, 'contribA');
		a2 = await loginAs(srv, 'contribA2');
		b = await loginAs(srv, 'contribB');
		editor = await loginAs(srv, 'editor');
		anon = new Client(srv);
	});
	after(async () => {
		await srv?.stop();
	});

	test('a photo with GPS and a PDF are stored by hash; derivatives carry no personal metadata', async () => {
		const res = await createWith(a, [['photo', 'IMG_0001.jpg', files.gpsJpeg, 'image/jpeg'],
			['document', 'paparan.pdf', files.pdf, 'application/pdf']]);
		const id = idFrom(res);
		const rows = mediaRows(srv.db, id);
		assert.equal(rows.length, 2);
		const [doc, ph] = rows;
		assert.equal(ph.kind, 'photo');
		assert.equal(ph.mime, 'image/jpeg');
		assert.equal(ph.width, 1600);
		assert.equal(ph.height, 1000);
		assert.equal(ph.caption, 'Kader posyandu menimbang balita di Cakung');
		assert.equal(ph.credit, 'Humas Dinas Kesehatan');
		assert.equal(ph.filename, 'IMG_0001.jpg');
		assert.equal(ph.bytes, files.gpsJpeg.length);
		assert.equal(doc.kind, 'document');
		assert.equal(doc.mime, 'application/pdf');
		// Stored under the SHA-256 of the bytes, in a directory the server named.
		const crypto = await import('node:crypto');
		const sha = crypto.createHash('sha256').update(files.gpsJpeg).digest('hex');
		assert.equal(ph.sha256, sha);
		const dir = path.join(srv.dir, 'media', sha.slice(0, 2), sha);
		assert.deepEqual(fs.readdirSync(dir).sort(),
			['original', 'photo.jpg', 'w1200.jpg', 'w1200.webp', 'w480.jpg', 'w480.webp']);
		assert.deepEqual(fs.readFileSync(path.join(dir, 'original')), files.gpsJpeg);
		assert.deepEqual(tmpFiles(srv.dir), [], 'temporary files left behind');

		// Every file the public could fetch: right type, no GPS, serial number, author.
		for (const name of [...DERIVED, 'photo.jpg']) {
			const r = await fetchBytes(a, `/media/${sha}/${name}`);
			assert.equal(r.status, 200, name);
			assert.equal(r.headers.get('content-type'), name.endsWith('.webp') ? 'image/webp' : 'image/jpeg');
			assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
			const tags = exif(r.body);
			const leaked = Object.keys(tags).filter((k) => /GPS|Serial|Creator|By-line|XMP|IPTC/i.test(k));
			assert.deepEqual(leaked, [], `${name} keeps ${leaked.join(', ')}`);
			if (name === 'photo.jpg')
				assert.equal(r.headers.get('content-disposition'), 'attachment');
		}
		const w480 = exif((await fetchBytes(a, `/media/${sha}/w480.jpg`)).body);
		assert.equal(w480['File:ImageWidth'], 480);
		const full = exif((await fetchBytes(a, `/media/${sha}/photo.jpg`)).body);
		assert.equal(full['File:ImageWidth'], 1600);

		// The original keeps its bytes (with GPS) for editors only.
		const orig = await fetchBytes(editor, `/media/${sha}/original`);
		assert.equal(orig.status, 200);
		assert.deepEqual(orig.body, files.gpsJpeg);
		assert.equal((await fetchBytes(a, `/media/${sha}/original`)).status, 404);

		// The PDF is offered as a download: rewritten (core/pdf.c), valid, and stored under the
		// hash of what is served.
		const pdf = await fetchBytes(a, `/media/${doc.sha256}/document.pdf`);
		assert.equal(pdf.status, 200);
		assert.equal(pdf.headers.get('content-type'), 'application/pdf');
		assert.equal(pdf.headers.get('content-disposition'), 'attachment');
		assert.equal(sha256(pdf.body), doc.sha256);
		assert.equal(doc.bytes, pdf.body.length);
		assert.match(qpdfCheck(pdf.body), /No syntax or stream encoding errors/);

		// The request page lists both with caption, credit and the escaped file name.
		const page = await a.get(`/requests/${id}`);
		assert.match(page.text, new RegExp(`src="/media/${sha}/w480.jpg"`));
		assert.match(page.text, /alt="Kader posyandu menimbang balita di Cakung"/);
		assert.match(page.text, /paparan\.pdf/);
		// The audit log has an entry per file.
		assert.equal(Number(sqlValue(srv.db, `SELECT COUNT(*) FROM audit_log WHERE action = 'media_add'
			AND object_id = ${id}`)), 2);
	});

	test('PNG and WebP photos are accepted; the WebP derivatives lose the GPS tag too', async () => {
		const id = idFrom(await createWith(a, [['photo', 'a.png', files.png, 'image/png'],
			['photo', 'b.webp', files.webp, 'image/webp']]));
		const rows = mediaRows(srv.db, id);
		assert.deepEqual(rows.map((r) => r.mime), ['image/png', 'image/webp']);
		assert.ok(Object.keys(exif(files.webp)).some((k) => /GPS/.test(k)), 'fixture has GPS');
		for (const r of rows)
			for (const name of [...DERIVED, r.mime === 'image/png' ? 'photo.png' : 'photo.jpg']) {
				const got = await fetchBytes(a, `/media/${r.sha256}/${name}`);
				assert.equal(got.status, 200, `${r.mime} ${name}`);
				const leaked = Object.keys(exif(got.body)).filter((k) => /GPS|Serial|XMP/i.test(k));
				assert.deepEqual(leaked, [], `${r.mime} ${name} keeps ${leaked.join(', ')}`);
			}
	});

	test('a HEIC photo (as phones send them) is accepted and offered as JPEG', async () => {
		const id = idFrom(await createWith(a, [['photo', 'IMG_2041.HEIC', files.heic, 'image/heic']]));
		const [row] = mediaRows(srv.db, id);
		assert.equal(row.mime, 'image/heic');
		assert.deepEqual([row.width, row.height], [800, 600]);
		for (const name of [...DERIVED, 'photo.jpg']) {
			const got = await fetchBytes(a, `/media/${row.sha256}/${name}`);
			assert.equal(got.status, 200, name);
			assert.match(exif(got.body)['File:FileType'], name.endsWith('.webp') ? /WEBP/ : /^JPEG$/, name);
		}
	});

	test('hostile and broken files are refused with a clear message; nothing is stored', async () => {
		const cases = [
			['html', 'foto.jpg', files.hostile.html, /Jenis berkas tidak didukung/],
			['svg', 'gambar.svg', files.hostile.svg, /Jenis berkas tidak didukung/],
			['text', 'foto.png', files.hostile.text, /Jenis berkas tidak didukung/],
			['empty', 'kosong.jpg', files.hostile.empty, /kosong/],
			['truncated', 'potong.jpg', files.hostile.truncated, /bukan foto yang utuh/],
			['flood', 'banjir.png', files.hostile.flood, /terlalu besar/],
			['jpegHtml', 'poli.jpg', files.hostile.jpegHtml, /HTML atau skrip/],
			['jpegPdf', 'poli2.jpg', files.hostile.jpegPdf, /PDF tersembunyi/],
		];
		const before = { requests: sqlValue(srv.db, 'SELECT COUNT(*) FROM requests'),
			media: sqlValue(srv.db, 'SELECT COUNT(*) FROM media'), dirs: storedDirs(srv.dir).length };
		for (const [what, name, data, msg] of cases) {
			const res = await createWith(a, [['photo', name, data, 'image/jpeg']],
				{ fields: pressRelease({ title: `Judul yang tetap terisi ${what}` }) });
			assert.equal(res.status, 422, `${what}: ${res.status}`);
			assert.match(res.text, msg, what);
			assert.match(res.text, /id="err-photo"/, `${what}: message beside the photo field`);
			assert.match(res.text, new RegExp(`value="Judul yang tetap terisi ${what}"`), `${what}: form refilled`);
			assert.match(res.text, /Berkas yang tadi dipilih belum disimpan/);
		}
		const docCases = [
			['pdfScript', 'skrip.pdf', files.hostile.pdfScript, /skrip, lampiran/],
			['pdfScriptEscaped', 'skrip2.pdf', files.hostile.pdfScriptEscaped, /skrip, lampiran/],
			['pdfScriptCompressed', 'skrip3.pdf', files.hostile.pdfScriptCompressed, /skrip, lampiran/],
			['pdfAttachment', 'lampiran.pdf', files.hostile.pdfAttachment, /skrip, lampiran/],
			['pdfPassword', 'sandi.pdf', files.hostile.pdfPassword, /dilindungi kata sandi/],
			['pdfBroken', 'rusak.pdf', files.hostile.pdfBroken, /tidak dapat dibaca/],
			['pdfNoPage', 'kosong.pdf', files.hostile.pdfNoPage, /tidak berisi halaman/],
			['fakePdf', 'palsu.pdf', files.hostile.fakePdf, /HTML atau skrip/],
			['jpegAsPdf', 'foto.pdf', files.tiny, /harus berupa PDF/],
		];
		for (const [what, name, data, msg] of docCases) {
			const res = await createWith(a, [['document', name, data, 'application/pdf']]);
			assert.equal(res.status, 422, `${what}: ${res.status}`);
			assert.match(res.text, msg, what);
			assert.match(res.text, /id="err-document"/);
		}
		// A PDF offered as a photo is no photo.
		const res = await createWith(a, [['photo', 'doc.jpg', files.pdf, 'image/jpeg']]);
		assert.equal(res.status, 422);
		assert.match(res.text, /bukan foto/);
		// One bad file among good ones: none is kept.
		const mixed = await createWith(a, [['photo', 'baik.jpg', files.second, 'image/jpeg'],
			['photo', 'buruk.jpg', files.hostile.html, 'image/jpeg']]);
		assert.equal(mixed.status, 422);
		assert.equal(sqlValue(srv.db, 'SELECT COUNT(*) FROM requests'), before.requests);
		assert.equal(sqlValue(srv.db, 'SELECT COUNT(*) FROM media'), before.media);
		assert.equal(storedDirs(srv.dir).length, before.dirs);
		assert.deepEqual(tmpFiles(srv.dir), []);
	});

	test('a PDF is stored without document info, XMP, application data or its old ID; still valid', async () => {
		// The fixtures carry their metadata where a byte search sees it, and (compressed) where
		// it does not; the scripted ones above are refused on the parsed document too.
		assert.match(files.pdfMeta.toString('latin1'), /Budi Santoso/);
		assert.doesNotMatch(files.pdfMetaCompressed.toString('latin1'), /\/Author|Draf internal/);
		assert.ok(Object.keys(exif(files.pdfMetaCompressed)).some((k) => /PDF:Author/.test(k)), 'fixture has an author');
		const id1 = idFrom(await createWith(a, [['document', 'paparan-draf.pdf', files.pdfMeta, 'application/pdf']]));
		const id2 = idFrom(await createWith(b, [['document', 'paparan-lain.pdf', files.pdfMetaCompressed, 'application/pdf']]));
		const [d1] = mediaRows(srv.db, id1), [d2] = mediaRows(srv.db, id2);
		assert.equal(d1.mime, 'application/pdf');
		for (const [d, client] of [[d1, a], [d2, b]]) {
			const got = await fetchBytes(client, `/media/${d.sha256}/document.pdf`);
			assert.equal(got.status, 200);
			assert.equal(sha256(got.body), d.sha256, 'stored under the hash of what is served');
			assert.equal(got.body.length, d.bytes);
			assert.match(qpdfCheck(got.body), /No syntax or stream encoding errors/);
			const tags = exif(got.body);
			const leaked = Object.entries(tags).filter(([k, v]) => /Author|Creator|Producer|Title|XMP/i.test(k) ||
				/Budi|budi|rahasia|Microsoft/.test(String(v)));
			assert.deepEqual(leaked, [], `document.pdf keeps ${JSON.stringify(leaked)}`);
			assert.equal(tags['PDF:PageCount'], 1);
			// Every object, uncompressed: the page text is there, nothing of the metadata.
			const plain = qpdf(got.body, ['--qdf', '--object-streams=disable']).toString('latin1');
			assert.match(plain, /\(Bahan paparan\) Tj/);
			for (const bad of ['Budi', 'budi', 'rahasia', 'Microsoft', '/Metadata', '/PieceInfo', '/Info',
				'0123456789abcdef'])
				assert.ok(!plain.includes(bad), `document.pdf still contains ${bad}`);
			// The uploaded bytes are not kept either: the editors' "original" is the clean copy.
			const orig = await fetchBytes(editor, `/media/${d.sha256}/original`);
			assert.equal(orig.status, 200);
			assert.deepEqual(orig.body, got.body);
		}
		// The same document without the metadata is the same file once cleaned: stored once.
		// (Object streams are kept as they come, so the compressed variant is another file.)
		const id3 = idFrom(await createWith(b, [['document', 'bersih.pdf', files.pdf, 'application/pdf']]));
		assert.equal(mediaRows(srv.db, id3)[0].sha256, d1.sha256);
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM media WHERE sha256 = '${d1.sha256}'`), 1);
		const dir = path.join(srv.dir, 'media', d1.sha256.slice(0, 2), d1.sha256);
		assert.deepEqual(fs.readdirSync(dir).sort(), ['document.pdf', 'original']);
		assert.deepEqual(tmpFiles(srv.dir), [], 'temporary files left behind');
		// Uploading it again to the same request adds nothing.
		const again = await a.multipart(`/requests/${id1}/media`, [],
			[['document', 'lagi.pdf', files.pdfMeta, 'application/pdf']]);
		assert.equal(again.status, 303);
		assert.equal(mediaRows(srv.db, id1).length, 1);
	});

	test('captions and credits are required for photos; the text comes back filled in', async () => {
		const res = await createWith(a, [['photo', 'x.jpg', files.second, 'image/jpeg']],
			{ caption: '', credit: null, fields: pressRelease({ title: 'Judul untuk keterangan kosong' }) });
		assert.equal(res.status, 422);
		assert.match(res.text, /Foto 1 \(x\.jpg\): keterangan foto wajib diisi/);
		assert.match(res.text, /Foto 1 \(x\.jpg\): kredit foto/);
		assert.match(res.text, /value="Judul untuk keterangan kosong"/);
		// Several photos with one caption and credit: the last given serves the rest.
		const id = idFrom(await createWith(a, [['photo', 'p1.jpg', files.second, 'image/jpeg'],
			['photo', 'p2.png', files.png, 'image/png']], { caption: 'Rapat koordinasi', credit: 'Humas' }));
		assert.deepEqual(mediaRows(srv.db, id).map((r) => [r.caption, r.credit]),
			[['Rapat koordinasi', 'Humas'], ['Rapat koordinasi', 'Humas']]);
	});

	test('client file names are metadata only: paths and markup are kept as text', async () => {
		const id = idFrom(await createWith(a, [['photo', '../../etc/passwd<b>.jpg', files.tiny, 'image/jpeg']]));
		const [row] = mediaRows(srv.db, id);
		assert.equal(row.filename, 'passwd<b>.jpg', 'the last path component is kept');
		assert.ok(fs.existsSync(path.join(srv.dir, 'media', row.sha256.slice(0, 2), row.sha256, 'original')));
		const page = await a.get(`/requests/${id}`);
		assert.ok(!page.text.includes('passwd<b>'), 'file name not escaped');
		assert.match(page.text, /passwd&lt;b&gt;\.jpg/);
	});

	test('the same photo uploaded twice is stored once', async () => {
		const dirs = storedDirs(srv.dir).length;
		const i1 = idFrom(await createWith(a, [['photo', 'sama.jpg', files.tiny, 'image/jpeg']]));
		const i2 = idFrom(await createWith(b, [['photo', 'sama-juga.jpg', files.tiny, 'image/jpeg']]));
		const s1 = mediaRows(srv.db, i1)[0].sha256, s2 = mediaRows(srv.db, i2)[0].sha256;
		assert.equal(s1, s2);
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM media WHERE sha256 = '${s1}'`), 1);
		assert.ok(storedDirs(srv.dir).length <= dirs + 1);
		// Attaching it again to the same request adds nothing.
		const again = await a.multipart(`/requests/${i1}/media`,
			[['photo_caption', 'Lagi'], ['photo_credit', 'Humas']], [['photo', 'lagi.jpg', files.tiny, 'image/jpeg']]);
		assert.equal(again.status, 303);
		assert.equal(mediaRows(srv.db, i1).length, 1);
	});

	test('draft media: the unit sees them, another unit and the public do not', async () => {
		const id = idFrom(await createWith(a, [['photo', 'rahasia.jpg', files.second, 'image/jpeg']]));
		const [row] = mediaRows(srv.db, id);
		const url = `/media/${row.sha256}/w480.jpg`;
		assert.equal((await fetchBytes(a, url)).status, 200);
		assert.equal((await fetchBytes(a2, url)).status, 200, 'same unit');
		assert.equal((await fetchBytes(editor, url)).status, 200);
		assert.equal((await fetchBytes(b, url)).status, 404, 'other unit');
		assert.equal((await fetchBytes(anon, url)).status, 404, 'anonymous');
		const priv = await fetchBytes(a, url);
		assert.equal(priv.headers.get('cache-control'), 'private, no-store');
		// Unknown files, bad hashes and names are 404 too.
		for (const u of [`/media/${'0'.repeat(64)}/w480.jpg`, `/media/${row.sha256}/original.jpg`,
			`/media/${row.sha256}/..%2foriginal`, `/media/${row.sha256.toUpperCase()}/w480.jpg`])
			assert.equal((await fetchBytes(a, u)).status, 404, u);
		// An encoded NUL would cut the path short ("w480.jpg%00.html" read as "w480.jpg").
		assert.equal((await fetchBytes(a, `/media/${row.sha256}/w480.jpg%00.html`)).status, 400);
		// Another unit cannot change or add media either.
		const other = await b.multipart(`/requests/${id}/media`, [['photo_caption', 'x'], ['photo_credit', 'y']],
			[['photo', 'x.jpg', files.tiny, 'image/jpeg']]);
		assert.equal(other.status, 404);
		const rm = await b.form(`/requests/${id}/media/${row.id}`, [['op', 'remove']]);
		assert.equal(rm.status, 404);
		assert.equal(mediaRows(srv.db, id).length, 1);
	});

	test('published: the public page shows the lead photo and gallery; files are cached for long', async () => {
		const fields = pressRelease({ title: 'Peresmian Puskesmas Cakung dengan foto' });
		const id = await createRequest(a, fields, 'save');
		const up = await a.multipart(`/requests/${id}/media`,
			[['photo_caption', 'Gubernur meresmikan puskesmas'], ['photo_caption', 'Warga mengantre'],
				['photo_credit', 'Humas Dinkes'], ['photo_credit', 'Rina']],
			[['photo', 'lead.jpg', files.gpsJpeg, 'image/jpeg'], ['photo', 'kedua.png', files.png, 'image/png'],
				['document', 'data.pdf', files.pdf, 'application/pdf']]);
		assert.equal(up.status, 303, up.text.slice(0, 800));
		assert.equal(up.location, `/requests/${id}#media`);
		await act(a, id, 'submit');
		await act(editor, id, 'claim');
		await act(editor, id, 'approve', [['publish_at', '']]);
		const slug = sqlValue(srv.db, `SELECT slug FROM requests WHERE id = ${id}`);
		const page = await anon.get(`/releases/${slug}`);
		assert.equal(page.status, 200);
		const rows = mediaRows(srv.db, id);
		const lead = rows.find((r) => r.filename === 'lead.jpg');
		const second = rows.find((r) => r.filename === 'kedua.png');
		const doc = rows.find((r) => r.kind === 'document');
		assert.match(page.text, new RegExp(`<img src="/media/${lead.sha256}/w480.jpg" srcset="/media/${lead.sha256}/w480.jpg 480w, /media/${lead.sha256}/w1200.jpg 1200w"`));
		assert.match(page.text, new RegExp(`srcset="/media/${lead.sha256}/w480.webp 480w, /media/${lead.sha256}/w1200.webp 1200w"`));
		assert.match(page.text, /alt="Gubernur meresmikan puskesmas"/);
		assert.match(page.text, /\(Foto: Humas Dinkes\)/);
		assert.match(page.text, /alt="Warga mengantre"/);
		assert.match(page.text, /\(Foto: Rina\)/);
		// A photo narrower than 1200 px says its real width.
		assert.match(page.text, new RegExp(`/media/${second.sha256}/w1200.jpg 800w`));
		assert.match(page.text, new RegExp(`href="/media/${doc.sha256}/document.pdf" download`));
		assert.match(page.text, new RegExp(`href="/media/${lead.sha256}/photo.jpg" download`));
		// Now public: anyone may fetch, with immutable caching, an ETag and 304.
		const r = await fetchBytes(anon, `/media/${lead.sha256}/w1200.webp`);
		assert.equal(r.status, 200);
		assert.equal(r.headers.get('cache-control'), 'public, max-age=31536000, immutable');
		const etag = r.headers.get('etag');
		assert.ok(etag);
		const again = await fetchBytes(anon, `/media/${lead.sha256}/w1200.webp`, { 'If-None-Match': etag });
		assert.equal(again.status, 304);
		assert.equal(again.body.length, 0);
		// The original stays private.
		assert.equal((await fetchBytes(anon, `/media/${lead.sha256}/original`)).status, 404);
		// The JSON API lists the photos (lead first) and documents with absolute URLs.
		const api = JSON.parse((await anon.get(`/api/v1/releases/${id}`)).text).data;
		assert.equal(api.photos.length, 2);
		assert.deepEqual(api.photos.map((p) => p.caption), ['Gubernur meresmikan puskesmas', 'Warga mengantre']);
		const p0 = api.photos[0];
		assert.equal(p0.credit, 'Humas Dinkes');
		assert.equal(p0.width, 1600);
		assert.equal(p0.download, `${srv.base}/media/${lead.sha256}/photo.jpg`);
		assert.deepEqual(p0.sizes.map((z) => [z.width, z.height]), [[480, 300], [1200, 750]]);
		assert.equal(p0.sizes[1].webp, `${srv.base}/media/${lead.sha256}/w1200.webp`);
		assert.equal(api.photos[1].sizes[1].width, 800, 'no upscaling');
		assert.equal(api.photos[1].download, `${srv.base}/media/${second.sha256}/photo.png`);
		assert.deepEqual(api.documents, [{ caption: '', filename: 'data.pdf', bytes: doc.bytes,
			url: `${srv.base}/media/${doc.sha256}/document.pdf` }]);
		assert.equal((await fetchBytes(anon, `/media/${doc.sha256}/document.pdf`)).body.length, doc.bytes);
		// Feeds carry the lead photo as an enclosure with its real length.
		const w1200 = await fetchBytes(anon, `/media/${lead.sha256}/w1200.jpg`);
		const rss = (await anon.get('/feed.xml')).text;
		assert.ok(rss.includes(`<enclosure url="${srv.base}/media/${lead.sha256}/w1200.jpg" length="${w1200.body.length}" type="image/jpeg"/>`), rss.slice(0, 3000));
		const atom = (await anon.get('/atom.xml')).text;
		assert.ok(atom.includes(`<link rel="enclosure" href="${srv.base}/media/${lead.sha256}/w1200.jpg" length="${w1200.body.length}" type="image/jpeg"/>`));
		// Choosing the other photo as lead changes the public page (cache invalidated).
		await editor.get(`/requests/${id}`);
		const lead2 = await editor.form(`/requests/${id}/media/${second.id}`, [['op', 'lead']]);
		assert.equal(lead2.status, 303);
		const page2 = await anon.get(`/releases/${slug}`);
		assert.match(page2.text, new RegExp(`<img src="/media/${second.sha256}/w480.jpg"`));
		// Removing a photo from a published release takes it off the page and out of reach.
		await editor.form(`/requests/${id}/media/${lead.id}`, [['op', 'remove']]);
		const page3 = await anon.get(`/releases/${slug}`);
		assert.ok(!page3.text.includes(lead.sha256));
		assert.equal((await fetchBytes(anon, `/media/${lead.sha256}/w480.jpg`)).status, 404);
	});

	test('byte ranges: 206 with Content-Range, 416 outside the file', async () => {
		const id = await publishNew(a, editor);
		await editor.get(`/requests/${id}`);
		const res = await editor.multipart(`/requests/${id}/media`, [],
			[['document', 'besar.pdf', files.pdf, 'application/pdf']]);
		assert.equal(res.status, 303, res.text.slice(0, 500));
		const [doc] = mediaRows(srv.db, id);
		const url = `/media/${doc.sha256}/document.pdf`;
		const whole = (await fetchBytes(anon, url)).body;
		const size = whole.length;
		assert.equal(size, doc.bytes);
		const r1 = await fetchBytes(anon, url, { Range: 'bytes=0-99' });
		assert.equal(r1.status, 206);
		assert.equal(r1.headers.get('content-range'), `bytes 0-99/${size}`);
		assert.deepEqual(r1.body, whole.subarray(0, 100));
		const r2 = await fetchBytes(anon, url, { Range: 'bytes=-10' });
		assert.equal(r2.status, 206);
		assert.deepEqual(r2.body, whole.subarray(size - 10));
		const r3 = await fetchBytes(anon, url, { Range: `bytes=${size}-` });
		assert.equal(r3.status, 416);
		assert.equal(r3.headers.get('content-range'), `bytes */${size}`);
		const r4 = await fetchBytes(anon, url, { Range: 'bytes=0-1,5-6' });
		assert.equal(r4.status, 200, 'several ranges: the whole file');
		assert.equal(r4.body.length, size);
		const r5 = await fetchBytes(anon, url, { Range: 'bytes=10-', 'If-Range': '"other"' });
		assert.equal(r5.status, 200, 'If-Range mismatch: the whole file');
		assert.equal(r1.headers.get('accept-ranges'), 'bytes');
	});

	test('captions, order, lead and removal on the request page; refused when not editable', async () => {
		const id = idFrom(await a.multipart('/requests', [...pressRelease(), ['action', 'save'],
			['photo_caption', 'Satu'], ['photo_caption', 'Dua'], ['photo_caption', 'Tiga'],
			['photo_credit', 'Humas']],
		[['photo', '1.jpg', files.tiny, 'image/jpeg'], ['photo', '2.jpg', files.second, 'image/jpeg'],
			['photo', '3.png', files.png, 'image/png']]));
		const order = () => mediaRows(srv.db, id).sort((x, y) => x.position - y.position).map((r) => r.caption);
		assert.deepEqual(order(), ['Satu', 'Dua', 'Tiga']);
		const byCap = (c) => mediaRows(srv.db, id).find((r) => r.caption === c).id;
		await a.get(`/requests/${id}`);
		assert.equal((await a.form(`/requests/${id}/media/${byCap('Tiga')}`, [['op', 'lead']])).status, 303);
		assert.deepEqual(order(), ['Tiga', 'Satu', 'Dua']);
		await a.form(`/requests/${id}/media/${byCap('Satu')}`, [['op', 'down']]);
		assert.deepEqual(order(), ['Tiga', 'Dua', 'Satu']);
		await a.form(`/requests/${id}/media/${byCap('Tiga')}`, [['op', 'up']]);
		assert.deepEqual(order(), ['Tiga', 'Dua', 'Satu'], 'the first cannot move up');
		const save = await a.form(`/requests/${id}/media/${byCap('Dua')}`,
			[['op', 'save'], ['caption', '  Dua, diperbaiki  '], ['credit', 'Rina']]);
		assert.equal(save.status, 303);
		assert.deepEqual(order(), ['Tiga', 'Dua, diperbaiki', 'Satu']);
		const empty = await a.form(`/requests/${id}/media/${byCap('Satu')}`, [['op', 'save'], ['caption', ''], ['credit', '']]);
		assert.equal(empty.status, 422);
		assert.match(empty.text, /keterangan foto wajib diisi/);
		assert.equal((await a.form(`/requests/${id}/media/${byCap('Satu')}`, [['op', 'explode']])).status, 400);
		assert.equal((await a.form(`/requests/${id}/media/999999`, [['op', 'remove']])).status, 404);
		await a.form(`/requests/${id}/media/${byCap('Satu')}`, [['op', 'remove']]);
		assert.deepEqual(order(), ['Tiga', 'Dua, diperbaiki']);
		// Submitted: the contributor can no longer change media.
		await act(a, id, 'submit');
		const late = await a.form(`/requests/${id}/media/${byCap('Tiga')}`, [['op', 'remove']]);
		assert.equal(late.status, 409);
		const lateUp = await a.multipart(`/requests/${id}/media`, [['photo_caption', 'x'], ['photo_credit', 'y']],
			[['photo', 'x.jpg', files.tiny, 'image/jpeg']]);
		assert.equal(lateUp.status, 409);
		assert.equal(mediaRows(srv.db, id).length, 2);
		// An empty upload form asks for a file.
		await act(editor, id, 'claim');
		const none = await editor.multipart(`/requests/${id}/media`, [], []);
		assert.equal(none.status, 422);
		assert.match(none.text, /Pilih setidaknya satu foto atau dokumen/);
	});

	test('saving the request form with a photo attaches it with the text', async () => {
		const id = await createRequest(a, pressRelease(), 'save');
		const page = await a.get(`/requests/${id}`);
		const version = /name="version" value="(\d+)"/.exec(page.text)[1];
		const res = await a.multipart(`/requests/${id}`, [...pressRelease({ title: 'Judul baru bersama foto' }),
			['version', version], ['action', 'save'], ['photo_caption', 'Foto baru'], ['photo_credit', 'Humas']],
		[['photo', 'baru.jpg', files.second, 'image/jpeg']]);
		assert.equal(res.status, 303, res.text.slice(0, 800));
		assert.equal(sqlValue(srv.db, `SELECT title FROM requests WHERE id = ${id}`), 'Judul baru bersama foto');
		assert.equal(mediaRows(srv.db, id).length, 1);
	});
});

describe('upload limits', () => {
	let srv, a, files;

	before(async () => {
		files = mediaFiles();
		srv = await startServer({ env: { SIARAN_MAX_FILE_MB: '1', SIARAN_MAX_REQUEST_MB: '2',
			SIARAN_UNIT_QUOTA_MB: '3' } });
		a = await loginAs(srv, 'contribA');
	});
	after(async () => {
		await srv?.stop();
	});

	test('a file over the per-file limit is cut off with 413 and a clear message; nothing stored', async () => {
		const big = Buffer.concat([files.gpsJpeg, Buffer.alloc(1024 * 1024)]);
		const before = sqlValue(srv.db, 'SELECT COUNT(*) FROM requests');
		const res = await createWith(a, [['photo', 'besar.jpg', big, 'image/jpeg']]);
		assert.equal(res.status, 413);
		assert.match(res.text, /Berkas melebihi batas 1 MiB per berkas/);
		assert.equal(sqlValue(srv.db, 'SELECT COUNT(*) FROM requests'), before);
		assert.deepEqual(tmpFiles(srv.dir), []);
		assert.deepEqual(storedDirs(srv.dir), []);
		// A body larger than any request may be is refused before it is read.
		const huge = await createWith(a, [['photo', 'a.jpg', Buffer.alloc(4 * 1024 * 1024), 'image/jpeg']]);
		assert.equal(huge.status, 413);
		assert.match(huge.text, /Unggahan melebihi batas ukuran/);
	});

	test('per-request and per-unit storage limits hold', async () => {
		// Three different ~0.85 MB photos: two fit in one request (2 MiB), the third does not.
		const p = (n) => Buffer.concat([files.gpsJpeg, Buffer.from(`-${n}-`)]);
		const id = idFrom(await createWith(a, [['photo', '1.jpg', p(1), 'image/jpeg'], ['photo', '2.jpg', p(2), 'image/jpeg']]));
		const third = await a.multipart(`/requests/${id}/media`, [['photo_caption', 'x'], ['photo_credit', 'y']],
			[['photo', '3.jpg', p(3), 'image/jpeg']]);
		assert.equal(third.status, 422);
		assert.match(third.text, /melebihi batas 2 MiB/, errorsOf(third.text));
		assert.equal(mediaRows(srv.db, id).length, 2);
		// The unit has 3 MiB: a second request takes one more photo, then the unit is full.
		const id2 = idFrom(await createWith(a, [['photo', '4.jpg', p(4), 'image/jpeg']]));
		const full = await createWith(a, [['photo', '5.jpg', p(5), 'image/jpeg']]);
		assert.equal(full.status, 422);
		assert.match(full.text, /Ruang penyimpanan unit Anda \(3 MiB\) sudah penuh/, errorsOf(full.text));
		assert.equal(mediaRows(srv.db, id2).length, 1);
	});
});

describe('the media store after a crash', () => {
	test('files placed without a committed row are removed at start; attached ones stay', async () => {
		const files = mediaFiles();
		const srv = await startServer();
		try {
			const a = await loginAs(srv, 'contribA');
			const id = idFrom(await createWith(a, [['photo', 'tetap.jpg', files.tiny, 'image/jpeg']]));
			const [row] = mediaRows(srv.db, id);
			// What a crash between placing files and committing leaves behind:
			const orphan = 'ab'.repeat(32);
			fs.mkdirSync(path.join(srv.dir, 'media', 'ab', orphan), { recursive: true });
			fs.writeFileSync(path.join(srv.dir, 'media', 'ab', orphan, 'original'), 'x');
			fs.writeFileSync(path.join(srv.dir, 'tmp', 'upload-leftover'), 'x');
			await srv.restart();
			assert.ok(!fs.existsSync(path.join(srv.dir, 'media', 'ab', orphan)));
			assert.deepEqual(tmpFiles(srv.dir), []);
			assert.ok(fs.existsSync(path.join(srv.dir, 'media', row.sha256.slice(0, 2), row.sha256, 'w480.jpg')));
			assert.match(srv.stderr() + srv.stdout(), /removed 1 stored file/);
		} finally {
			await srv.stop();
		}
	});
});
