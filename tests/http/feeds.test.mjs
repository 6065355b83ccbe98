// The feeds: RSS 2.0 and Atom (site-wide and per unit), the iCalendar agenda, the sitemap and
// robots.txt. Documents are read with real parsers (fast-xml-parser, ical.js): titles with markup
// characters, quotes, emoji and diacritics come back exactly, links are absolute and answer, ids
// stay put, nothing unpublished appears, and conditional GETs answer 304.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import {
	startServer, loginAs, Client, requestRow, pressRelease, mediaAdvisory, createRequest, act,
	publishNew, wibLocal, wibToUnix, sql,
} from './lib.mjs';

const RSS_TYPE = 'application/rss+xml; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/* Parses XML after checking that it is well-formed and uses no entity XML does not define
 * (the parser's htmlEntities option would otherwise quietly accept &nbsp; and friends). */
function parseXml(text, arrays = []) {
	assert.ok(text.startsWith('<?xml version="1.0" encoding="'), 'the XML declaration comes first');
	const v = XMLValidator.validate(text);
	assert.equal(v, true, `well-formed XML: ${JSON.stringify(v)}`);
	const bad = /&(?!(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/.exec(text);
	assert.equal(bad, null, `only XML's own entities: ${bad && text.slice(bad.index, bad.index + 20)}`);
	const p = new XMLParser({
		ignoreAttributes: false, attributeNamePrefix: '@_', htmlEntities: true,
		parseTagValue: false, parseAttributeValue: false,
		isArray: (name) => arrays.includes(name),
	});
	return p.parse(text);
}

/* The text of an element that may carry attributes. */
function txt(node) {
	return typeof node === 'object' && node !== null ? node['#text'] ?? '' : node;
}

function htmlDecode(s) {
	return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

describe('feeds, agenda.ics, sitemap and robots.txt', () => {
	let srv, a, b, editor, anon, host;
	const rel = {}; // name -> { id, title, summary, row }

	const titles = {
		tricky: 'Dinkes <Buka> Layanan & "Cek" Gratis 😀 — Édisi Jum\'at di Pasar Minggu',
		dishub: 'Dishub Uji Coba Jalur Sepeda “Terproteksi” Sudirman–Thamrin',
		advisory: 'Peluncuran Imunisasi Kejar; Vaksin, Obat & Gizi 😀 — Jakarta Timur',
		advisory2: 'Rapat Koordinasi Banjir Musim Hujan di Balai Kota',
		draft: 'Draf Rahasia Yang Belum Diajukan Sama Sekali',
		waiting: 'Masih Menunggu Tinjauan Editor Humas',
		gone: 'Siaran Yang Sudah Ditarik Kembali Dari Situs',
		later: 'Siaran Terbit Belakangan Untuk Uji Penanda',
	};
	const advisoryLead = 'Dinas Kesehatan mengundang rekan-rekan media meliput peluncuran program '
		+ 'imunisasi kejar; hadir pula Wali Kota, Kepala Dinas & para kader "Posyandu" 😀 '
		+ 'dari seluruh kecamatan di Jakarta Timur — acara terbuka untuk umum.';
	const start = wibLocal(3 * 86400).slice(0, 11) + '09:00';
	const end = start.slice(0, 11) + '11:30';
	const start2 = wibLocal(10 * 86400).slice(0, 11) + '13:00';
	const end2 = start2.slice(0, 11) + '15:00';

	async function publish(name, client, fields) {
		const id = await publishNew(client, editor, fields);
		rel[name] = { id, row: requestRow(srv.db, id) };
		return id;
	}

	before(async () => {
		srv = await startServer();
		host = new URL(srv.base).hostname;
		a = await loginAs(srv, 'contribA');
		b = await loginAs(srv, 'contribB');
		editor = await loginAs(srv, 'editor');
		anon = new Client(srv);
		await publish('tricky', a, pressRelease({ title: titles.tricky,
			summary: 'Lead dengan <tag> & "kutip" serta \'apostrof\' — ditulis apa adanya.' }));
		await publish('dishub', b, pressRelease({ title: titles.dishub }));
		await publish('advisory', a, mediaAdvisory({ title: titles.advisory, summary: advisoryLead,
			event_start: start, event_end: end,
			location: 'Aula Kantor Wali Kota Jakarta Timur',
			address: 'Jl. Dr. Sumarno No. 1, Cakung; Jakarta Timur' }));
		await publish('advisory2', b, mediaAdvisory({ title: titles.advisory2,
			event_start: start2, event_end: end2 }));
		await createRequest(a, pressRelease({ title: titles.draft }), 'save');
		await createRequest(a, pressRelease({ title: titles.waiting }), 'submit');
		const gone = await publish('gone', a, pressRelease({ title: titles.gone }));
		await act(editor, gone, 'unpublish', [['reason', 'Data keliru, akan diperbaiki.']]);
		rel.gone.row = requestRow(srv.db, gone);
	});
	after(async () => {
		await srv?.stop();
	});

	/* Titles that must never appear in a public feed. */
	function assertNoHidden(text) {
		for (const t of [titles.draft, titles.waiting, titles.gone])
			assert.ok(!text.includes(t), `"${t}" must not appear`);
		assert.ok(!text.includes(rel.gone.row.slug), 'the unpublished slug must not appear');
	}

	async function assertAnswers(url) {
		assert.ok(url.startsWith(srv.base + '/'), `absolute URL on the site: ${url}`);
		const res = await anon.get(url.slice(srv.base.length));
		assert.equal(res.status, 200, `GET ${url}`);
	}

	const published = ['tricky', 'dishub', 'advisory', 'advisory2'];

	test('RSS 2.0: channel, exact titles, absolute links, stable guids, RFC 822 dates', async () => {
		const res = await anon.get('/feed.xml');
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), RSS_TYPE);
		assert.ok(!/no-store/.test(res.headers.get('cache-control')), 'cacheable');
		assertNoHidden(res.text);
		const doc = parseXml(res.text, ['item', 'category']);
		assert.equal(doc.rss['@_version'], '2.0');
		const ch = doc.rss.channel;
		assert.equal(ch.title, 'Siaran Pers Pemprov DKI Jakarta');
		assert.equal(ch.link, srv.base + '/');
		assert.equal(ch.language, 'id');
		assert.ok(ch.description.length > 10);
		assert.equal(ch['atom:link']['@_rel'], 'self');
		assert.equal(ch['atom:link']['@_href'], srv.base + '/feed.xml');
		assert.equal(ch.item.length, published.length);
		const newest = Math.max(...published.map((n) => rel[n].row.published_at));
		assert.match(ch.lastBuildDate, RFC822);
		assert.equal(Date.parse(ch.lastBuildDate), newest * 1000);
		// Newest first.
		const times = ch.item.map((it) => Date.parse(it.pubDate));
		assert.deepEqual(times, [...times].sort((x, y) => y - x));
		for (const name of published) {
			const { row } = rel[name];
			const it = ch.item.find((i) => i.link === `${srv.base}/releases/${row.slug}`);
			assert.ok(it, `${name} is in the feed`);
			assert.equal(it.title, row.title);
			assert.equal(it.guid['@_isPermaLink'], 'false');
			assert.equal(txt(it.guid), `tag:${host},2026:release/${row.id}`);
			assert.match(it.pubDate, RFC822);
			assert.equal(Date.parse(it.pubDate), row.published_at * 1000);
			assert.deepEqual(it.category, [row.kind === 'media_advisory' ? 'Undangan Liputan' : 'Siaran Pers']);
			assert.equal(it['dc:creator'], name === 'dishub' || name === 'advisory2'
				? 'Dinas Perhubungan' : 'Dinas Kesehatan');
			assert.equal(it['dc:identifier'], row.number);
			// The description is HTML as text: the lead, escaped, and the official number.
			const html = it.description;
			assert.ok(html.startsWith('<p>'), html);
			assert.ok(htmlDecode(html).includes(row.summary), `lead in ${html}`);
			assert.ok(!html.includes('<tag>'), 'markup in the lead stays text inside the HTML');
			assert.ok(html.includes(`Nomor: ${row.number}`));
			assert.equal(it.enclosure, undefined, 'no lead photos yet');
			await assertAnswers(it.link);
		}
		assert.equal(ch.item.find((i) => i.link.endsWith(rel.tricky.row.slug)).title, titles.tricky);
	});

	test('Atom 1.0: ids, dates, authors, categories and summaries', async () => {
		const res = await anon.get('/atom.xml');
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), ATOM_TYPE);
		assertNoHidden(res.text);
		const doc = parseXml(res.text, ['entry', 'link', 'category']);
		const feed = doc.feed;
		assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
		assert.equal(feed.id, `tag:${host},2026:feed`);
		assert.equal(txt(feed.title), 'Siaran Pers Pemprov DKI Jakarta');
		const self = feed.link.find((l) => l['@_rel'] === 'self');
		assert.equal(self['@_href'], srv.base + '/atom.xml');
		assert.equal(feed.link.find((l) => l['@_rel'] === 'alternate')['@_href'], srv.base + '/');
		const newest = Math.max(...published.map((n) => rel[n].row.published_at));
		assert.match(feed.updated, RFC3339);
		assert.equal(Date.parse(feed.updated), newest * 1000);
		assert.equal(feed.entry.length, published.length);
		for (const name of published) {
			const { row } = rel[name];
			const e = feed.entry.find((x) => x.id === `tag:${host},2026:release/${row.id}`);
			assert.ok(e, `${name} is in the feed`);
			assert.equal(txt(e.title), row.title);
			assert.equal(e.title['@_type'], 'text');
			const link = e.link.find((l) => l['@_rel'] === 'alternate');
			assert.equal(link['@_href'], `${srv.base}/releases/${row.slug}`);
			assert.match(e.published, RFC3339);
			assert.equal(Date.parse(e.published), row.published_at * 1000);
			assert.equal(Date.parse(e.updated), row.published_at * 1000);
			assert.equal(e.author.name, name === 'dishub' || name === 'advisory2'
				? 'Dinas Perhubungan' : 'Dinas Kesehatan');
			assert.equal(e.author.uri, `${srv.base}/units/${row.unit_id === rel.dishub.row.unit_id ? 'DISHUB' : 'DINKES'}`);
			assert.equal(e.category[0]['@_term'], row.kind === 'media_advisory' ? 'Undangan Liputan' : 'Siaran Pers');
			assert.equal(txt(e.summary), row.summary);
			assert.equal(e['dc:identifier'], row.number);
			assert.ok(txt(e.content).includes(`Nomor: ${row.number}`));
			await assertAnswers(link['@_href']);
			await assertAnswers(e.author.uri);
		}
		const tricky = feed.entry.find((x) => x.id.endsWith(`/${rel.tricky.id}`));
		assert.equal(txt(tricky.title), titles.tricky);
		assert.equal(txt(tricky.summary), rel.tricky.row.summary);
	});

	test('per-unit feeds hold only that unit; unknown or malformed units are 404', async () => {
		for (const [code, name] of [['DINKES', 'Dinas Kesehatan'], ['DISHUB', 'Dinas Perhubungan']]) {
			const mine = published.filter((n) => rel[n].row.unit_id
				=== (code === 'DISHUB' ? rel.dishub.row.unit_id : rel.tricky.row.unit_id));
			const rss = await anon.get(`/units/${code}/feed.xml`);
			assert.equal(rss.status, 200);
			assert.equal(rss.headers.get('content-type'), RSS_TYPE);
			assertNoHidden(rss.text);
			const ch = parseXml(rss.text, ['item']).rss.channel;
			assert.equal(ch.title, `Siaran Pers Pemprov DKI Jakarta — ${name}`);
			assert.equal(ch.link, `${srv.base}/units/${code}`);
			assert.equal(ch['atom:link']['@_href'], `${srv.base}/units/${code}/feed.xml`);
			assert.deepEqual(ch.item.map((i) => i['dc:creator']), mine.map(() => name));
			assert.deepEqual(new Set(ch.item.map((i) => i.title)), new Set(mine.map((n) => rel[n].row.title)));
			await assertAnswers(ch.link);

			const atom = await anon.get(`/units/${code}/atom.xml`);
			assert.equal(atom.status, 200);
			assert.equal(atom.headers.get('content-type'), ATOM_TYPE);
			const feed = parseXml(atom.text, ['entry', 'link']).feed;
			assert.equal(feed.id, `tag:${host},2026:unit/${code}/feed`);
			assert.equal(feed.link.find((l) => l['@_rel'] === 'self')['@_href'],
				`${srv.base}/units/${code}/atom.xml`);
			assert.deepEqual(new Set(feed.entry.map((e) => e.id)),
				new Set(mine.map((n) => `tag:${host},2026:release/${rel[n].id}`)));
			for (const e of feed.entry)
				assert.equal(e.author.name, name);
		}
		// A unit without releases: a valid, empty feed.
		const empty = await anon.get('/units/DISDIK/atom.xml');
		assert.equal(empty.status, 200);
		const feed = parseXml(empty.text, ['entry']).feed;
		assert.equal(feed.entry, undefined);
		assert.match(feed.updated, RFC3339);
		const emptyRss = await anon.get('/units/DISDIK/feed.xml');
		assert.equal(emptyRss.status, 200);
		assert.equal(parseXml(emptyRss.text, ['item']).rss.channel.item, undefined);
		// An empty feed is dated by the last change of the public content, never by "now".
		const lm = emptyRss.headers.get('last-modified');
		assert.ok(lm === null || Date.parse(lm) <= Date.now(), `Last-Modified ${lm}`);
		assert.equal((await anon.get('/units/DISDIK/feed.xml')).headers.get('last-modified'), lm, 'stable');
		for (const p of ['/units/NOPE/feed.xml', '/units/NOPE/atom.xml', '/units/dinkes%3Cx%3E/feed.xml',
			'/units/' + 'A'.repeat(300) + '/atom.xml', '/units/DIN%20KES/atom.xml']) {
			const res = await anon.get(p);
			assert.equal(res.status, 404, p);
			assert.match(res.headers.get('content-type'), /^text\/html/);
		}
	});

	test('guids and ids stay the same after a later publication', async () => {
		const before1 = parseXml((await anon.get('/feed.xml')).text, ['item']).rss.channel.item;
		const beforeA = parseXml((await anon.get('/atom.xml')).text, ['entry', 'link']).feed.entry;
		const later = await publish('later', a, pressRelease({ title: titles.later }));
		const after1 = parseXml((await anon.get('/feed.xml')).text, ['item']).rss.channel.item;
		const afterA = parseXml((await anon.get('/atom.xml')).text, ['entry', 'link']).feed.entry;
		assert.equal(after1.length, before1.length + 1);
		assert.equal(after1[0].title, titles.later, 'the newest comes first');
		assert.equal(txt(after1[0].guid), `tag:${host},2026:release/${later}`);
		for (const old of before1) {
			const now = after1.find((i) => i.link === old.link);
			assert.equal(txt(now.guid), txt(old.guid));
			assert.equal(now.pubDate, old.pubDate);
		}
		for (const old of beforeA) {
			const now = afterA.find((e) => e.id === old.id);
			assert.ok(now, `${old.id} is still there`);
			assert.equal(now.link[0]['@_href'], old.link[0]['@_href']);
			assert.equal(now.published, old.published);
		}
		published.push('later');
	});

	test('agenda.ics: a valid calendar of upcoming advisories in WIB, folded and escaped', async () => {
		const res = await anon.get('/agenda.ics');
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
		assertNoHidden(res.text);
		const text = res.text;
		assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
		assert.ok(text.endsWith('END:VCALENDAR\r\n'));
		const lines = text.slice(0, -2).split('\r\n');
		for (const l of lines) {
			assert.ok(!l.includes('\n'), 'every line ends with CRLF');
			assert.ok(Buffer.byteLength(l) <= 75, `line of ${Buffer.byteLength(l)} octets: ${l}`);
		}
		assert.ok(lines.some((l) => l.startsWith(' ')), 'long lines are folded');
		const unfolded = text.replace(/\r\n[ \t]/g, '');
		assert.ok(unfolded.includes('SUMMARY:Peluncuran Imunisasi Kejar\\; Vaksin\\, Obat & Gizi 😀 — Jakarta Timur\r\n'),
			'the summary is escaped and unfolds to one line');

		const cal = new ICAL.Component(ICAL.parse(text));
		assert.equal(cal.getFirstPropertyValue('version'), '2.0');
		assert.equal(cal.getFirstPropertyValue('calscale'), 'GREGORIAN');
		assert.equal(cal.getFirstPropertyValue('method'), 'PUBLISH');
		assert.ok(cal.getFirstPropertyValue('prodid'));
		assert.equal(cal.getFirstPropertyValue('x-wr-calname'), 'Agenda Liputan Pemprov DKI Jakarta');
		const vtz = cal.getFirstSubcomponent('vtimezone');
		assert.equal(vtz.getFirstPropertyValue('tzid'), 'Asia/Jakarta');
		const tz = new ICAL.Timezone(vtz);
		ICAL.TimezoneService.register(tz, 'Asia/Jakarta');
		try {
			const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
			assert.equal(events.length, 2, 'the two advisories; no press release');
			const [ev, ev2] = events; // soonest first
			const row = rel.advisory.row;
			assert.equal(ev.uid, `release-${row.id}@${host}`);
			assert.equal(ev.summary, titles.advisory);
			assert.equal(ev.startDate.toUnixTime(), wibToUnix(start));
			assert.equal(ev.endDate.toUnixTime(), wibToUnix(end));
			assert.equal(ev.startDate.hour, 9, 'shown at 09:00 in Jakarta');
			assert.equal(ev.endDate.minute, 30);
			assert.equal(ev.startDate.zone.tzid, 'Asia/Jakarta');
			assert.equal(ev.location, 'Aula Kantor Wali Kota Jakarta Timur, Jl. Dr. Sumarno No. 1, Cakung; Jakarta Timur');
			assert.ok(ev.description.startsWith(advisoryLead), ev.description);
			assert.ok(ev.description.includes(`Nomor: ${row.number}`));
			assert.ok(ev.description.includes('+62 812 1000 2000'), 'the contact');
			const url = ev.component.getFirstPropertyValue('url');
			assert.equal(url, `${srv.base}/releases/${row.slug}`);
			await assertAnswers(url);
			const stamp = ev.component.getFirstPropertyValue('dtstamp');
			assert.equal(stamp.zone.tzid, 'UTC');
			assert.equal(stamp.toUnixTime(), row.published_at);
			assert.equal(ev2.uid, `release-${rel.advisory2.id}@${host}`);
			assert.equal(ev2.summary, titles.advisory2);
			assert.equal(ev2.startDate.toUnixTime(), wibToUnix(start2));
			assert.equal(ev2.endDate.toUnixTime(), wibToUnix(end2));
		} finally {
			ICAL.TimezoneService.remove('Asia/Jakarta');
		}
		// Dated by its newest item, or by the last change of the public content when later.
		const changed = sql(srv.db, 'SELECT changed_at FROM site_state')[0].changed_at;
		assert.equal(res.headers.get('last-modified'), new Date(Math.max(rel.advisory.row.published_at,
			rel.advisory2.row.published_at, changed) * 1000).toUTCString());
	});

	test('sitemap.xml: every published release with lastmod, the fixed pages and unit pages', async () => {
		const res = await anon.get('/sitemap.xml');
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'application/xml; charset=utf-8');
		assertNoHidden(res.text);
		const doc = parseXml(res.text, ['url']);
		assert.equal(doc.urlset['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
		const urls = doc.urlset.url;
		const locs = urls.map((u) => u.loc);
		assert.equal(new Set(locs).size, locs.length, 'no duplicates');
		for (const p of ['/', '/agenda', '/units', '/units/DINKES', '/units/DISHUB'])
			assert.ok(locs.includes(srv.base + p), `${p} listed`);
		assert.ok(!locs.includes(`${srv.base}/units/DISDIK`), 'units without releases are left out');
		for (const name of published) {
			const { row } = rel[name];
			const u = urls.find((x) => x.loc === `${srv.base}/releases/${row.slug}`);
			assert.ok(u, `${name} listed`);
			assert.match(u.lastmod, RFC3339);
			assert.equal(Date.parse(u.lastmod), row.published_at * 1000);
		}
		assert.equal(locs.filter((l) => l.includes('/releases/')).length, published.length);
		for (const l of locs)
			await assertAnswers(l);
	});

	test('robots.txt allows all but the workbench and names the sitemap', async () => {
		const res = await anon.get('/robots.txt');
		assert.equal(res.status, 200);
		assert.equal(res.headers.get('content-type'), 'text/plain; charset=utf-8');
		const lines = res.text.split('\n').map((l) => l.trim()).filter(Boolean);
		assert.deepEqual(lines, ['User-agent: *', 'Allow: /', 'Disallow: /requests', 'Disallow: /login',
			`Sitemap: ${srv.base}/sitemap.xml`]);
		await assertAnswers(`${srv.base}/sitemap.xml`);
	});

	test('conditional GETs: 304 on If-None-Match and If-Modified-Since', async () => {
		for (const p of ['/feed.xml', '/atom.xml', '/units/DINKES/feed.xml', '/units/DISHUB/atom.xml',
			'/agenda.ics', '/sitemap.xml']) {
			const first = await anon.get(p);
			assert.equal(first.status, 200, p);
			const etag = first.headers.get('etag');
			const lm = first.headers.get('last-modified');
			assert.ok(etag, `${p} has an ETag`);
			assert.ok(lm, `${p} has Last-Modified`);
			assert.match(lm, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
			const again = await anon.get(p);
			assert.equal(again.text, first.text, `${p} renders the same bytes`);
			assert.equal(again.headers.get('etag'), etag);
			const inm = await anon.get(p, { 'If-None-Match': etag });
			assert.equal(inm.status, 304, `${p} If-None-Match`);
			assert.equal(inm.text, '');
			const ims = await anon.get(p, { 'If-Modified-Since': lm });
			assert.equal(ims.status, 304, `${p} If-Modified-Since`);
			const older = new Date(Date.parse(lm) - 60_000).toUTCString();
			assert.equal((await anon.get(p, { 'If-Modified-Since': older })).status, 200, `${p} modified since`);
			assert.equal((await anon.get(p, { 'If-None-Match': '"other"' })).status, 200);
		}
	});

	test('a new publication changes the feed and its validators', async () => {
		const first = await anon.get('/feed.xml');
		const etag = first.headers.get('etag');
		const id = await publish('fresh', b, pressRelease({ title: 'Siaran Paling Baru Setelah Validator' }));
		const res = await anon.get('/feed.xml', { 'If-None-Match': etag });
		assert.equal(res.status, 200, 'no 304 for a changed feed');
		assert.notEqual(res.headers.get('etag'), etag);
		const items = parseXml(res.text, ['item']).rss.channel.item;
		assert.equal(txt(items[0].guid), `tag:${host},2026:release/${id}`);
		assert.equal(res.headers.get('last-modified'),
			new Date(rel.fresh.row.published_at * 1000).toUTCString());
	});

	test('past events drop out of agenda.ics a day after they end', async () => {
		// Five days on, the first advisory ended four days ago; the second is still ahead.
		await srv.restart({ SIARAN_CLOCK_OFFSET: String(5 * 86400) });
		const res = await anon.get('/agenda.ics');
		assert.equal(res.status, 200);
		const cal = new ICAL.Component(ICAL.parse(res.text));
		const uids = cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
		assert.deepEqual(uids, [`release-${rel.advisory2.id}@${host}`]);
	});
});
