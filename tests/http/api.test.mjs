// The public JSON API (/api/v1): every example of docs/api.md run against a seeded server and
// compared in shape with its documented answer, then the filters, cursor pagination, errors,
// what never appears (drafts, unpublished), the agenda, escaping, CORS and conditional GETs.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
	ROOT, startServer, loginAs, sql, sqlValue, pressRelease, mediaAdvisory, createRequest, act,
	publishNew, wibLocal,
} from './lib.mjs';

/* --- helpers --- */

/* An anonymous GET (no cookies, so the public caching rules apply). */
async function get(base, p, { method = 'GET', headers = {} } = {}) {
	const url = /^https?:/.test(p) ? p : base + p;
	const res = await fetch(url, { method, headers, redirect: 'manual' });
	const text = await res.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

/* GET that must answer 200 with JSON; returns the parsed body. */
async function ok(base, p) {
	const r = await get(base, p);
	assert.equal(r.status, 200, `GET ${p}: ${r.status}\n${r.text.slice(0, 500)}`);
	assert.ok(r.json, `GET ${p}: not JSON`);
	return r.json;
}

/* GET that must answer 400 naming `param`. */
async function bad(base, p, param) {
	const r = await get(base, p);
	assert.equal(r.status, 400, `GET ${p}: ${r.status}, expected 400\n${r.text.slice(0, 500)}`);
	assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8', p);
	assert.equal(r.json?.error?.code, 'invalid_parameter', `${p}: ${r.text}`);
	assert.equal(r.json.error.parameter, param, `${p}: ${r.text}`);
	assert.equal(typeof r.json.error.message, 'string');
	assert.ok(r.json.error.message.length > 0);
	return r;
}

/* Follows `next` from the first page of `p` (a path with a query string); returns every id. */
async function walk(base, p, { between } = {}) {
	const ids = [];
	let url = p;
	for (let page = 0; ; page++) {
		const body = await ok(base, url);
		ids.push(...body.data.map((x) => x.id));
		if (between)
			await between(page);
		if (body.next === null) {
			assert.equal(body.next_url, null);
			return ids;
		}
		assert.equal(typeof body.next, 'string');
		assert.ok(body.data.length > 0, 'a page with a next cursor is not empty');
		url = `${p}&after=${encodeURIComponent(body.next)}`;
		assert.ok(page < 500, 'the walk does not end');
	}
}

/* RFC 3339 in WIB for Unix seconds. */
function rfc3339(t) {
	return new Date((t + 7 * 3600) * 1000).toISOString().slice(0, 19) + '+07:00';
}

/* Unix seconds of a WIB calendar time. */
function wib(y, mo, d, h = 0, mi = 0, s = 0) {
	return Date.UTC(y, mo - 1, d, h, mi, s) / 1000 - 7 * 3600;
}

/* Changes rows behind the server's back (only times the UI cannot set), and bumps the content
 * version in the same transaction as a publication would, so cached answers are not reused.
 * The server notices a writer outside its process within a second (its own commits at once),
 * so this waits that second. */
async function sqlWrite(db, statements) {
	sql(db, `BEGIN IMMEDIATE; ${statements}; UPDATE site_state SET content_version = content_version + 1 WHERE id = 1; COMMIT;`);
	await new Promise((res) => setTimeout(res, 1100));
}

/* Published ids in the API's order, from the database. */
function publishedIds(db, where = '1') {
	return sql(db, `SELECT r.id FROM requests r JOIN units u ON u.id = r.unit_id WHERE r.state = 'published' AND ${where} ORDER BY r.published_at DESC, r.id DESC`)
		.map((x) => x.id);
}

function assertIntegersOnly(v, where = '$') {
	if (typeof v === 'number')
		assert.ok(Number.isInteger(v), `${where} is not an integer: ${v}`);
	else if (Array.isArray(v))
		v.forEach((x, i) => assertIntegersOnly(x, `${where}[${i}]`));
	else if (v && typeof v === 'object')
		for (const [k, x] of Object.entries(v))
			assertIntegersOnly(x, `${where}.${k}`);
}

function jsonType(v) {
	if (v === null)
		return 'null';
	if (Array.isArray(v))
		return 'array';
	if (typeof v === 'number')
		return Number.isInteger(v) ? 'integer' : 'number';
	return typeof v;
}

/* Differences between the documented shape and an answer: same keys, same JSON types (null is
 * a type of its own), arrays by their first element, an empty documented array means empty. */
function shapeDiff(doc, got, where = '$', out = []) {
	const dt = jsonType(doc), gt = jsonType(got);
	if (dt !== gt) {
		out.push(`${where}: documented ${dt}, got ${gt} (${JSON.stringify(got)?.slice(0, 80)})`);
		return out;
	}
	if (dt === 'object') {
		const dk = Object.keys(doc).sort(), gk = Object.keys(got).sort();
		for (const k of dk)
			if (!gk.includes(k))
				out.push(`${where}.${k}: documented, missing in the answer`);
		for (const k of gk)
			if (!dk.includes(k))
				out.push(`${where}.${k}: in the answer, not documented`);
		for (const k of dk)
			if (gk.includes(k))
				shapeDiff(doc[k], got[k], `${where}.${k}`, out);
	} else if (dt === 'array') {
		if (doc.length === 0 && got.length !== 0)
			out.push(`${where}: documented empty, got ${got.length} elements`);
		else if (doc.length > 0 && got.length === 0)
			out.push(`${where}: documented with elements, got an empty array`);
		else if (doc.length > 0)
			shapeDiff(doc[0], got[0], `${where}[0]`, out);
	}
	return out;
}

/* The examples of docs/api.md: each ```http block, with the ```json block after it if any. */
function docExamples() {
	const md = fs.readFileSync(path.join(ROOT, 'docs', 'api.md'), 'utf8');
	const blocks = [...md.matchAll(/^```(\w*)\n([\s\S]*?)^```\s*$/gm)]
		.map((m) => ({ lang: m[1], text: m[2], line: md.slice(0, m.index).split('\n').length }));
	const examples = [];
	for (let i = 0; i < blocks.length; i++) {
		const b = blocks[i];
		if (b.lang !== 'http')
			continue;
		const [reqPart, respPart = ''] = b.text.split(/\n\s*\n/);
		const reqLines = reqPart.split('\n').filter(Boolean);
		const [method, target] = reqLines[0].split(/\s+/);
		const headers = Object.fromEntries(reqLines.slice(1).map((l) => {
			const c = l.indexOf(':');
			return [l.slice(0, c).trim(), l.slice(c + 1).trim()];
		}));
		const respLines = respPart.split('\n').filter(Boolean);
		const sm = /^HTTP\/1\.1 (\d{3})\b/.exec(respLines[0] || '');
		assert.ok(sm, `docs/api.md line ${b.line}: an http example needs a status line`);
		const expectHeaders = respLines.slice(1).map((l) => {
			const c = l.indexOf(':');
			return [l.slice(0, c).trim(), l.slice(c + 1).trim()];
		});
		let body;
		if (blocks[i + 1]?.lang === 'json') {
			body = JSON.parse(blocks[i + 1].text);
			i++;
		}
		examples.push({ line: b.line, method, target, headers, status: Number(sm[1]), expectHeaders, body });
	}
	return examples;
}

const ETAG_PLACEHOLDER = '<the ETag of the previous answer>';

/* --- the documented examples --- */

describe('docs/api.md examples', () => {
	let srv;
	const examples = docExamples();

	before(async () => {
		srv = await startServer();
		const a = await loginAs(srv, 'contribA');
		const b = await loginAs(srv, 'contribB');
		const editor = await loginAs(srv, 'editor');
		// The single-release example asks for id 1: the first request made on a fresh database.
		const first = await publishNew(a, editor, pressRelease({ title: 'Dinkes Perluas Layanan Cek Kesehatan Gratis' }));
		assert.equal(first, 1, 'the first request of a fresh database has id 1');
		await publishNew(a, editor);
		await publishNew(b, editor, pressRelease({
			title: 'Uji Coba Jalur Sepeda Sudirman',
			summary: 'Dinas Perhubungan menguji jalur sepeda terlindung sepanjang 6 km.',
		}, [['Syafrin Liputo', 'Kepala Dinas Perhubungan', 'Kami ingin bersepeda menjadi pilihan yang aman.']]));
		for (const days of [10, 20]) {
			await publishNew(b, editor, mediaAdvisory({
				summary: 'Dinas Perhubungan mengundang media meliput peresmian halte.',
				event_start: wibLocal(days * 86400), event_end: wibLocal(days * 86400 + 7200),
			}));
		}
		await createRequest(a, pressRelease(), 'save');
		await createRequest(a, pressRelease(), 'submit');
		const gone = await publishNew(a, editor);
		await act(editor, gone, 'unpublish', [['reason', 'Data keliru.']]);
	});
	after(async () => {
		await srv?.stop();
	});

	test('the page has examples of every endpoint and of errors', () => {
		const targets = examples.map((e) => e.target.split('?')[0]);
		for (const p of ['/api/v1/releases', '/api/v1/releases/1', '/api/v1/units', '/api/v1/agenda'])
			assert.ok(targets.includes(p), `no example for ${p}`);
		assert.ok(examples.some((e) => e.status === 400));
		assert.ok(examples.some((e) => e.status === 404));
		assert.ok(examples.some((e) => e.status === 304));
		for (const e of examples)
			if (e.status === 200 || e.status >= 400)
				assert.ok(e.body, `docs/api.md line ${e.line}: ${e.target} has no json block`);
	});

	for (const ex of examples) {
		test(`docs/api.md line ${ex.line}: ${ex.method} ${ex.target} → ${ex.status}`, async () => {
			const headers = { ...ex.headers };
			for (const [k, v] of Object.entries(headers)) {
				if (v === ETAG_PLACEHOLDER) {
					const prev = await get(srv.base, ex.target, { method: ex.method });
					assert.equal(prev.status, 200);
					const etag = prev.headers.get('etag');
					assert.ok(etag, `${ex.target}: no ETag to send back`);
					headers[k] = etag;
				}
			}
			const r = await get(srv.base, ex.target, { method: ex.method, headers });
			assert.equal(r.status, ex.status, `${ex.target}: ${r.status}\n${r.text.slice(0, 500)}`);
			for (const [k, v] of ex.expectHeaders)
				assert.equal(r.headers.get(k), v, `${ex.target}: header ${k}`);
			if (!ex.body) {
				assert.equal(r.text, '', `${ex.target}: a body where the page documents none`);
				return;
			}
			assert.ok(r.json !== undefined, `${ex.target}: not JSON: ${r.text.slice(0, 300)}`);
			const diff = shapeDiff(ex.body, r.json);
			assert.deepEqual(diff, [], `${ex.target} differs from docs/api.md line ${ex.line}:\n${diff.join('\n')}`);
			if (ex.body.error) {
				assert.equal(r.json.error.code, ex.body.error.code);
				assert.equal(r.json.error.parameter, ex.body.error.parameter);
			}
			assertIntegersOnly(r.json);
		});
	}
});

/* --- behaviour --- */

describe('the JSON API', () => {
	let srv, a, b, editor, base;
	const ids = {};

	before(async () => {
		srv = await startServer();
		base = srv.base;
		a = await loginAs(srv, 'contribA');
		b = await loginAs(srv, 'contribB');
		editor = await loginAs(srv, 'editor');
		ids.dinkes = [];
		for (let i = 0; i < 4; i++)
			ids.dinkes.push(await publishNew(a, editor));
		ids.dishub = [];
		for (let i = 0; i < 3; i++)
			ids.dishub.push(await publishNew(b, editor, pressRelease({
				title: `Dishub Tambah Armada Bus Sekolah ${i}`,
				summary: 'Dinas Perhubungan menambah armada bus sekolah gratis.',
				body: 'Armada baru melayani rute pinggiran kota.',
			}, [['Syafrin Liputo', 'Kepala Dinas Perhubungan', 'Anak sekolah harus sampai dengan selamat.']])));
		ids.advisory = await publishNew(a, editor, mediaAdvisory({
			event_start: wibLocal(3 * 86400), event_end: wibLocal(3 * 86400 + 7200),
		}));
	});
	after(async () => {
		await srv?.stop();
	});

	test('every answer is JSON with CORS; successes are public, errors no-store; integers only', async () => {
		const paths = {
			'/api/v1/releases': 200,
			[`/api/v1/releases/${ids.dinkes[0]}`]: 200,
			'/api/v1/units': 200,
			'/api/v1/agenda': 200,
			'/api/v1/releases?limit=abc': 400,
			'/api/v1/releases/abc': 400,
			'/api/v1/releases/987654': 404,
			'/api/v1/agenda?unit=NOPE': 400,
		};
		for (const [p, status] of Object.entries(paths)) {
			const r = await get(base, p);
			assert.equal(r.status, status, `${p}: ${r.text.slice(0, 300)}`);
			assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8', p);
			assert.equal(r.headers.get('access-control-allow-origin'), '*', p);
			assert.ok(r.json, `${p}: not JSON`);
			assert.ok(r.text.endsWith('}\n') && !r.text.slice(0, -1).includes('\n'), `${p}: one compact line`);
			assert.match(r.headers.get('cache-control'), status === 200 ? /public/ : /no-store/, p);
			assertIntegersOnly(r.json, p);
			if (status !== 200)
				assert.deepEqual(Object.keys(r.json), ['error']);
			// The same answer again (now from the server's cache for the successes).
			const again = await get(base, p);
			assert.equal(again.status, status);
			assert.equal(again.text, r.text, p);
			assert.equal(again.headers.get('content-type'), 'application/json; charset=utf-8', p);
			assert.equal(again.headers.get('access-control-allow-origin'), '*', p);
		}
		const head = await get(base, '/api/v1/units', { method: 'HEAD' });
		assert.equal(head.status, 200);
		assert.equal(head.text, '');
		assert.equal(head.headers.get('content-type'), 'application/json; charset=utf-8');
	});

	test('one release: every field from the database', async () => {
		const id = ids.dinkes[0];
		const row = sql(srv.db, `SELECT * FROM requests WHERE id = ${id}`)[0];
		const { data } = await ok(base, `/api/v1/releases/${id}`);
		assert.equal(data.id, id);
		assert.equal(data.number, row.number);
		assert.equal(data.kind, 'press_release');
		assert.equal(data.slug, row.slug);
		assert.equal(data.url, `${base}/releases/${row.slug}`);
		assert.equal((await get(base, new URL(data.url).pathname)).status, 200, 'the url is the release page');
		assert.equal(data.title, row.title);
		assert.equal(data.summary, row.summary);
		assert.equal(data.body, row.body);
		assert.equal(data.body_html,
			'<p>Layanan kini tersedia di <strong>seluruh puskesmas</strong> kecamatan.</p>\n<p>Warga cukup membawa KTP.</p>\n');
		assert.deepEqual(data.unit, { code: 'DINKES', name: 'Dinas Kesehatan' });
		assert.equal(data.published_at, rfc3339(row.published_at));
		assert.equal(data.updated_at, data.published_at);
		assert.equal(data.event, null);
		assert.deepEqual(data.quotes, [{ speaker: 'Ani Ruspitawati', position: 'Kepala Dinas Kesehatan',
			text: 'Kami ingin setiap warga bisa memeriksakan kesehatannya.' }]);
		assert.deepEqual(data.contact, { name: row.contact_name, position: row.contact_position,
			phone: row.contact_phone, email: row.contact_email });
		assert.deepEqual(data.photos, []);

		const adv = sql(srv.db, `SELECT * FROM requests WHERE id = ${ids.advisory}`)[0];
		const { data: ad } = await ok(base, `/api/v1/releases/${ids.advisory}`);
		assert.equal(ad.kind, 'media_advisory');
		assert.deepEqual(ad.event, { start: rfc3339(adv.event_start), end: rfc3339(adv.event_end),
			location: 'Aula Kantor Wali Kota Jakarta Timur', address: 'Jl. Dr. Sumarno No. 1, Cakung' });
		assert.deepEqual(ad.quotes, []);
		assert.equal(ad.body_html, '');
		// Listings carry the same objects, quotes included.
		const list = await ok(base, '/api/v1/releases?limit=100');
		assert.deepEqual(list.data.find((x) => x.id === id), data);
		assert.deepEqual(list.data.find((x) => x.id === ids.advisory), ad);
	});

	test('malformed ids are 400 naming id; unknown ids 404', async () => {
		for (const p of ['abc', '0', '-1', '1.5', '1e3', '1234567890123456789'])
			await bad(base, `/api/v1/releases/${p}`, 'id');
		const r = await get(base, '/api/v1/releases/987654');
		assert.equal(r.status, 404);
		assert.deepEqual(r.json, { error: { code: 'not_found', message: r.json.error.message } });
	});

	test('the list: newest first, default 20, limit 1..100 else 400 naming limit', async () => {
		while (publishedIds(srv.db).length < 22)
			await publishNew(b, editor);
		const all = publishedIds(srv.db);
		const first = await ok(base, '/api/v1/releases');
		assert.deepEqual(first.data.map((x) => x.id), all.slice(0, 20));
		assert.equal(typeof first.next, 'string');
		const hundred = await ok(base, '/api/v1/releases?limit=100');
		assert.deepEqual(hundred.data.map((x) => x.id), all);
		assert.equal(hundred.next, null);
		assert.equal(hundred.next_url, null);
		for (const v of ['0', '101', 'abc', '-1', '', '1.5', '20x', '99999999999999999999'])
			await bad(base, `/api/v1/releases?limit=${encodeURIComponent(v)}`, 'limit');
		assert.equal((await ok(base, '/api/v1/releases?limit=1')).data.length, 1);
		// Unknown parameters are ignored.
		assert.deepEqual((await ok(base, '/api/v1/releases?page=7&foo=bar')).data.map((x) => x.id), all.slice(0, 20));
	});

	test('unit filter; unknown or malformed unit is 400 naming unit', async () => {
		const got = await walk(base, '/api/v1/releases?unit=DISHUB&limit=2');
		assert.deepEqual(got, publishedIds(srv.db, "u.code = 'DISHUB'"));
		assert.ok(got.length >= 3);
		const page = await ok(base, '/api/v1/releases?unit=DINKES&limit=100');
		assert.ok(page.data.every((x) => x.unit.code === 'DINKES'));
		assert.deepEqual(page.data.map((x) => x.id), publishedIds(srv.db, "u.code = 'DINKES'"));
		const none = await ok(base, '/api/v1/releases?unit=BKD');
		assert.deepEqual(none, { data: [], next: null, next_url: null });
		for (const u of ['NOPE', 'dinkes', 'DIN KES', 'X', "DINKES'--"])
			await bad(base, `/api/v1/releases?unit=${encodeURIComponent(u)}`, 'unit');
	});

	test('kind filter; another kind is 400 naming kind', async () => {
		const adv = await ok(base, '/api/v1/releases?kind=media_advisory&limit=100');
		assert.deepEqual(adv.data.map((x) => x.id), publishedIds(srv.db, "r.kind = 'media_advisory'"));
		assert.ok(adv.data.length >= 1 && adv.data.every((x) => x.kind === 'media_advisory' && x.event));
		const pr = await ok(base, '/api/v1/releases?kind=press_release&limit=100');
		assert.deepEqual(pr.data.map((x) => x.id), publishedIds(srv.db, "r.kind = 'press_release'"));
		assert.ok(pr.data.every((x) => x.kind === 'press_release' && x.event === null));
		for (const k of ['memo', 'PRESS_RELEASE', 'press'])
			await bad(base, `/api/v1/releases?kind=${k}`, 'kind');
	});

	test('from and to are whole WIB days, both inclusive', async () => {
		// Four releases around midnight WIB; nothing else on the site is from 2001.
		const mk = [];
		for (let i = 0; i < 4; i++)
			mk.push(await publishNew(b, editor, pressRelease({ title: `Arsip Maret 2001 Nomor ${i}` })));
		const [A, B, C, D] = mk;
		const times = {
			[A]: wib(2001, 3, 9, 23, 59, 59),
			[B]: wib(2001, 3, 10, 0, 0, 0),
			[C]: wib(2001, 3, 11, 23, 59, 59),
			[D]: wib(2001, 3, 12, 0, 0, 0),
		};
		await sqlWrite(srv.db, Object.entries(times)
			.map(([id, t]) => `UPDATE requests SET published_at = ${t} WHERE id = ${id}`).join('; '));
		const q = async (s) => (await ok(base, `/api/v1/releases?limit=100&${s}`)).data.map((x) => x.id);
		assert.deepEqual(await q('from=2001-03-10&to=2001-03-11'), [C, B]);
		assert.deepEqual(await q('from=2001-03-10&to=2001-03-10'), [B]);
		assert.deepEqual(await q('from=2001-03-12&to=2001-03-12'), [D]);
		assert.deepEqual(await q('to=2001-03-09'), [A]);
		assert.deepEqual(await q('from=2001-03-09&to=2001-03-12'), [D, C, B, A]);
		assert.deepEqual(await q('from=2001-03-01&to=2001-03-08'), []);
		const since = await q('from=2001-03-12');
		assert.ok(since.includes(D) && !since.includes(C));
		assert.deepEqual(since, publishedIds(srv.db, `r.published_at >= ${times[D]}`));
		const { data } = await ok(base, `/api/v1/releases/${B}`);
		assert.equal(data.published_at, '2001-03-10T00:00:00+07:00');
		await bad(base, '/api/v1/releases?from=2001-03-11&to=2001-03-10', 'to');
		for (const v of ['2001-02-30', '20010310', '2001-3-10', 'kemarin', '2001-03-10T00:00'])
			await bad(base, `/api/v1/releases?from=${v}`, 'from');
		await bad(base, '/api/v1/releases?to=2001-13-01', 'to');
	});

	test('q: case and diacritics folded, relevance order, prefix, no word is 400 naming q', async () => {
		const gigi = await publishNew(a, editor, pressRelease({ title: 'Gerakan Sadar Kesehatan Gigi Anak' }));
		const edisi = await publishNew(a, editor, pressRelease({ title: 'Festival Kuliner Betawi Édisi Ramadan' }));
		const x = await publishNew(b, editor, pressRelease({ title: 'Rusunawa Marunda Diresmikan',
			summary: 'Rusunawa baru untuk warga pesisir.', body: 'Rusunawa ini memiliki 300 unit.' }));
		const y = await publishNew(b, editor, pressRelease({ title: 'Pembangunan Sekolah Baru',
			summary: 'Sekolah baru dibangun di Jakarta Utara.', body: 'Letaknya dekat rusunawa.' }));
		const search = async (s) => (await ok(base, `/api/v1/releases?limit=100&q=${encodeURIComponent(s)}`)).data.map((r) => r.id);
		assert.ok((await search('kesehatan gigi')).includes(gigi));
		assert.ok((await search('KESEHATAN')).includes(gigi), 'case folded');
		assert.ok((await search('kesehatan')).includes(ids.dinkes[0]));
		assert.ok((await search('edisi')).includes(edisi), 'edisi finds Édisi');
		assert.ok((await search('ÉDISI')).includes(edisi));
		assert.deepEqual(await search('rusunawa'), [x, y], 'the title match ranks first although older');
		assert.deepEqual(await search('rusuna'), [x, y], 'the last word is a prefix');
		assert.deepEqual(await search('rusunawa zzzyxq'), [], 'every word is required');
		// Search results are release objects like any other.
		const one = await ok(base, `/api/v1/releases?q=rusunawa`);
		assert.deepEqual(Object.keys(one.data[0]).sort(), Object.keys((await ok(base, `/api/v1/releases/${x}`)).data).sort());
		// Filters combine with q.
		assert.deepEqual((await ok(base, '/api/v1/releases?q=rusunawa&unit=DINKES')).data, []);
		for (const v of ['!?', "'", '---', ' ', '""', '*'])
			await bad(base, `/api/v1/releases?q=${encodeURIComponent(v)}`, 'q');
		await bad(base, `/api/v1/releases?q=${encodeURIComponent('kata '.repeat(41))}`, 'q');
		// Walking a search one by one gives the same list.
		assert.deepEqual(await walk(base, '/api/v1/releases?q=kesehatan&limit=1'), await search('kesehatan'));
	});

	test("q: an apostrophe inside a word does not matter (Jum'at, jumat)", async () => {
		const jumat = await publishNew(b, editor, pressRelease({ title: "Jum'at Bersih di Kali Ciliwung" }));
		const plain = await publishNew(b, editor, pressRelease({ title: 'Jumat Sehat Bersama Warga Cilincing' }));
		const search = async (s) => (await ok(base, `/api/v1/releases?limit=100&q=${encodeURIComponent(s)}`)).data.map((r) => r.id);
		for (const q of ["Jum'at", 'jumat', 'JUMAT', 'Jum’at'])
			assert.deepEqual((await search(q)).sort((x, y) => x - y), [jumat, plain], `q=${q}`);
	});

	test('limit=1 walks the whole list without gaps or duplicates, even while publishing', async () => {
		const before = publishedIds(srv.db);
		let fresh;
		const got = await walk(base, '/api/v1/releases?limit=1', {
			between: async (page) => {
				if (page === 2)
					fresh = await publishNew(a, editor, pressRelease({ title: 'Terbit Saat Pembaca Menelusuri' }));
			},
		});
		assert.ok(fresh);
		assert.equal(new Set(got).size, got.length, 'no duplicates');
		assert.deepEqual(got, before, 'exactly the list as it was: no gaps, the new release does not shift pages');
		const again = await ok(base, '/api/v1/releases?limit=1');
		assert.equal(again.data[0].id, fresh, 'a new walk starts with the new release');
	});

	test('next_url keeps the filters and continues the same list', async () => {
		const p = '/api/v1/releases?unit=DINKES&kind=press_release&q=cek%20kesehatan&limit=2';
		const first = await ok(base, p);
		assert.equal(typeof first.next, 'string');
		const u = new URL(first.next_url);
		assert.equal(`${u.protocol}//${u.host}`, base);
		assert.equal(u.pathname, '/api/v1/releases');
		assert.deepEqual(Object.fromEntries(u.searchParams), {
			unit: 'DINKES', kind: 'press_release', q: 'cek kesehatan', limit: '2', after: first.next,
		});
		const viaUrl = [...first.data.map((x) => x.id)];
		let next = first.next_url;
		while (next) {
			const page = await ok(base, next);
			assert.ok(page.data.every((x) => x.unit.code === 'DINKES' && x.kind === 'press_release'));
			viaUrl.push(...page.data.map((x) => x.id));
			next = page.next_url;
		}
		assert.deepEqual(viaUrl, await walk(base, p));
		assert.deepEqual(viaUrl, (await ok(base, `${p.replace('limit=2', 'limit=100')}`)).data.map((x) => x.id));
		// Without filters next_url has only what was given.
		const plain = await ok(base, '/api/v1/releases');
		assert.deepEqual([...new URL(plain.next_url).searchParams.keys()], ['after']);
	});

	test('a bad cursor is 400 naming after', async () => {
		const listCursor = (await ok(base, '/api/v1/releases?limit=1')).next;
		const searchCursor = (await ok(base, '/api/v1/releases?limit=1&q=kesehatan')).next;
		assert.ok(listCursor && searchCursor);
		for (const c of ['tomorrow', '0_0', '-5_3', '12_', '_12', '12_abc', 'x'.repeat(65), '1_1 OR 1=1'])
			await bad(base, `/api/v1/releases?after=${encodeURIComponent(c)}`, 'after');
		await bad(base, `/api/v1/releases?q=kesehatan&after=${encodeURIComponent(listCursor)}`, 'after');
		await bad(base, `/api/v1/releases?after=${encodeURIComponent(searchCursor)}`, 'after');
		assert.equal((await get(base, `/api/v1/releases?limit=1&after=${encodeURIComponent(listCursor)}`)).status, 200);
	});

	test('drafts, requests in review, scheduled, rejected, withdrawn and unpublished never appear', async () => {
		const hidden = {};
		hidden.draft = await createRequest(a, pressRelease({ title: 'Rahasia Draf Zebra' }), 'save');
		hidden.submitted = await createRequest(a, pressRelease({ title: 'Rahasia Diajukan Zebra' }));
		hidden.review = await createRequest(a, pressRelease({ title: 'Rahasia Ditinjau Zebra' }));
		await act(editor, hidden.review, 'claim');
		hidden.scheduled = await createRequest(a, pressRelease({ title: 'Rahasia Terjadwal Zebra' }));
		await act(editor, hidden.scheduled, 'claim');
		await act(editor, hidden.scheduled, 'approve', [['publish_at', wibLocal(2 * 86400)]]);
		hidden.rejected = await createRequest(a, pressRelease({ title: 'Rahasia Ditolak Zebra' }));
		await act(editor, hidden.rejected, 'claim');
		await act(editor, hidden.rejected, 'reject', [['reason', 'Tidak layak.']]);
		hidden.withdrawn = await createRequest(a, pressRelease({ title: 'Rahasia Ditarik Zebra' }));
		await act(a, hidden.withdrawn, 'withdraw');
		hidden.unpublished = await publishNew(a, editor, pressRelease({ title: 'Rahasia Dicabut Zebra' }));
		hidden.unpublishedAdvisory = await publishNew(a, editor, mediaAdvisory({
			title: 'Rahasia Undangan Dicabut Zebra',
			event_start: wibLocal(4 * 86400), event_end: wibLocal(4 * 86400 + 3600),
		}));
		const seen = await get(base, `/api/v1/releases/${hidden.unpublished}`);
		assert.equal(seen.status, 200, 'published for a moment');
		await act(editor, hidden.unpublished, 'unpublish', [['reason', 'Data keliru.']]);
		await act(editor, hidden.unpublishedAdvisory, 'unpublish', [['reason', 'Acara batal.']]);
		assert.equal(sqlValue(srv.db, `SELECT state FROM requests WHERE id = ${hidden.scheduled}`), 'scheduled');

		const listed = new Set(await walk(base, '/api/v1/releases?limit=7'));
		const agenda = (await ok(base, '/api/v1/agenda?limit=100')).data.map((x) => x.id);
		const found = (await ok(base, '/api/v1/releases?q=zebra&limit=100')).data.map((x) => x.id);
		assert.deepEqual(found, [], 'search finds none of them');
		for (const [what, id] of Object.entries(hidden)) {
			assert.ok(!listed.has(id), `${what} ${id} is listed`);
			assert.ok(!agenda.includes(id), `${what} ${id} is on the agenda`);
			const r = await get(base, `/api/v1/releases/${id}`);
			assert.equal(r.status, 404, `${what} ${id}: ${r.status}`);
			assert.equal(r.json.error.code, 'not_found');
		}
		assert.deepEqual([...listed].sort((p, q) => p - q), publishedIds(srv.db).sort((p, q) => p - q));
		const units = (await ok(base, '/api/v1/units')).data;
		const dinkes = units.find((u) => u.code === 'DINKES');
		assert.equal(dinkes.published, publishedIds(srv.db, "u.code = 'DINKES'").length);
	});

	test('units: every active unit with counts, parent, kind and links', async () => {
		const { data } = await ok(base, '/api/v1/units');
		const rows = sql(srv.db, 'SELECT u.code, u.name, u.kind, p.code AS parent FROM units u'
			+ ' LEFT JOIN units p ON p.id = u.parent_id WHERE u.active = 1 ORDER BY u.name');
		assert.deepEqual(data.map((u) => u.code), rows.map((u) => u.code));
		for (const [i, u] of data.entries()) {
			assert.equal(u.name, rows[i].name);
			assert.equal(u.kind, rows[i].kind);
			assert.equal(u.parent, rows[i].parent);
			assert.equal(u.url, `${base}/units/${u.code}`);
			assert.equal(u.releases_url, `${base}/api/v1/releases?unit=${u.code}`);
			assert.deepEqual(u.feeds, { rss: `${base}/units/${u.code}/feed.xml`, atom: `${base}/units/${u.code}/atom.xml` });
		}
		assert.ok(data.some((u) => u.kind === 'UKPD'));
		const hukum = data.find((u) => u.code === 'BIRO_HUKUM');
		assert.equal(hukum.parent, 'SETDA');
		for (const code of ['DINKES', 'DISHUB']) {
			const u = data.find((x) => x.code === code);
			assert.equal(u.published, publishedIds(srv.db, `u.code = '${code}'`).length);
			const last = sqlValue(srv.db, `SELECT MAX(r.published_at) FROM requests r JOIN units u ON u.id = r.unit_id WHERE r.state = 'published' AND u.code = '${code}'`);
			assert.equal(u.last_published_at, rfc3339(last));
			const list = await ok(base, new URL(u.releases_url).pathname + new URL(u.releases_url).search);
			assert.ok(list.data.length > 0 && list.data.every((x) => x.unit.code === code));
		}
		const bkd = data.find((u) => u.code === 'BKD');
		assert.equal(bkd.published, 0);
		assert.equal(bkd.last_published_at, null);
	});

	test('agenda: upcoming and just-ended events, soonest first; older ones gone', async () => {
		const now = Math.floor(Date.now() / 1000);
		const adv = async (unit, days) => publishNew(unit, editor, mediaAdvisory({
			event_start: wibLocal(days * 86400), event_end: wibLocal(days * 86400 + 3600),
		}));
		const soon = await adv(b, 1);
		const later = await adv(a, 30);
		const endedHoursAgo = await adv(a, 2);
		const endedDaysAgo = await adv(b, 2);
		const openEnded = await adv(b, 2);
		await sqlWrite(srv.db, [
			`UPDATE requests SET event_start = ${now - 14 * 3600}, event_end = ${now - 12 * 3600} WHERE id = ${endedHoursAgo}`,
			`UPDATE requests SET event_start = ${now - 3 * 86400}, event_end = ${now - 2 * 86400} WHERE id = ${endedDaysAgo}`,
			`UPDATE requests SET event_start = ${now - 20 * 3600}, event_end = NULL WHERE id = ${openEnded}`,
		].join('; '));
		const { data } = await ok(base, '/api/v1/agenda?limit=100');
		const got = data.map((x) => x.id);
		for (const id of [soon, later, endedHoursAgo, openEnded, ids.advisory])
			assert.ok(got.includes(id), `${id} on the agenda`);
		assert.ok(!got.includes(endedDaysAgo), 'an event that ended two days ago is gone');
		assert.ok(data.every((x) => x.kind === 'media_advisory' && x.event && x.event.start));
		const starts = data.map((x) => x.event.start);
		assert.deepEqual(starts, [...starts].sort(), 'soonest first');
		assert.equal(data.find((x) => x.id === openEnded).event.end, null);
		assert.equal(data.find((x) => x.id === openEnded).event.start, rfc3339(now - 20 * 3600));
		assert.deepEqual((await ok(base, '/api/v1/agenda?limit=1')).data.map((x) => x.id), [got[0]]);
		const dishub = (await ok(base, '/api/v1/agenda?unit=DISHUB')).data;
		assert.ok(dishub.length > 0 && dishub.every((x) => x.unit.code === 'DISHUB'));
		assert.ok(dishub.some((x) => x.id === soon));
		for (const v of ['0', '101', 'abc', ''])
			await bad(base, `/api/v1/agenda?limit=${v}`, 'limit');
		await bad(base, '/api/v1/agenda?unit=NOPE', 'unit');
	});

	test('escaping: text comes back verbatim in JSON, body_html is escaped and filtered', async () => {
		const title = '<script>alert("judul")</script> Uji & Coba Édisi';
		const body = '<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[tautan](javascript:alert(3)) dan [aman](https://jakarta.go.id/)';
		const quote = ['Budi <b>Tebal</b>', 'Kepala "Bagian"', 'Kutipan </script> dengan \\ garis miring'];
		const id = await publishNew(a, editor, pressRelease({ title, body, contact_name: 'Dewi <i>Miring</i>' }, [quote]));
		const r = await get(base, `/api/v1/releases/${id}`);
		assert.equal(r.status, 200, r.text.slice(0, 500));
		const { data } = r.json;
		assert.equal(data.title, title);
		assert.equal(data.body, body);
		assert.equal(data.contact.name, 'Dewi <i>Miring</i>');
		assert.deepEqual(data.quotes, [{ speaker: quote[0], position: quote[1], text: quote[2] }]);
		assert.ok(r.text.includes('Édisi'), 'UTF-8 as it is, not \\u-escaped');
		assert.ok(!data.body_html.includes('<script'), data.body_html);
		assert.ok(!data.body_html.includes('<img'), data.body_html);
		assert.ok(data.body_html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), data.body_html);
		assert.ok(!data.body_html.includes('javascript:'), data.body_html);
		assert.ok(data.body_html.includes('href="https://jakarta.go.id/"'), data.body_html);
		const listed = (await ok(base, '/api/v1/releases?limit=1')).data[0];
		assert.equal(listed.title, title);
	});

	test('conditional GET: 304 with the ETag while nothing changed, 200 after a publication', async () => {
		for (const p of ['/api/v1/releases?limit=5', '/api/v1/units', '/api/v1/agenda', `/api/v1/releases/${ids.dinkes[1]}`]) {
			const first = await get(base, p);
			assert.equal(first.status, 200);
			const etag = first.headers.get('etag');
			assert.ok(etag, `${p}: no ETag`);
			const again = await get(base, p, { headers: { 'If-None-Match': etag } });
			assert.equal(again.status, 304, `${p}: ${again.status}`);
			assert.equal(again.text, '');
			assert.equal(again.headers.get('access-control-allow-origin'), '*', `${p}: 304 without CORS`);
			assert.equal((await get(base, p, { headers: { 'If-None-Match': '"something-else"' } })).status, 200);
		}
		const p = '/api/v1/releases?limit=5';
		const etag = (await get(base, p)).headers.get('etag');
		const id = await publishNew(b, editor);
		const after = await get(base, p, { headers: { 'If-None-Match': etag } });
		assert.equal(after.status, 200, 'a publication changes the answer');
		assert.notEqual(after.headers.get('etag'), etag);
		assert.equal(after.json.data[0].id, id);
	});

	test('unknown API paths and other methods answer with the JSON error shape', async () => {
		let r = await get(base, '/api/v1/nothing');
		assert.equal(r.status, 404);
		assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8');
		assert.equal(r.json.error.code, 'not_found');
		r = await get(base, '/api/v1/releases', { method: 'PUT' });
		assert.equal(r.status, 405);
		assert.equal(r.headers.get('allow'), 'GET, HEAD');
		assert.equal(r.json.error.code, 'method_not_allowed');
		assert.equal(r.headers.get('access-control-allow-origin'), '*');
	});
});
