// The dashboard: figures computed from a known data set (tests/http/dashboard-data.mjs, exact
// timestamps) compared with the expected numbers; every CSV parsed back with an RFC 4180 parser;
// access rules (anonymous, contributor scoped to the own unit, editor/admin); invalid periods.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginAs, publishNew, Client } from './lib.mjs';
import { seedDashboard, PERIOD, EXPECTED, EXPECTED_DINKES, TRAP_UNIT, TRAP_TITLE } from './dashboard-data.mjs';

let srv, editor, admin, contrib;
const SEPT = `from=${PERIOD.from}&to=${PERIOD.to}`;

before(async () => {
	srv = await startServer();
	seedDashboard(srv.db, Math.floor(Date.now() / 1000));
	editor = await loginAs(srv, 'editor');
	admin = await loginAs(srv, 'admin');
	contrib = await loginAs(srv, 'contribA');
});

after(async () => {
	await srv?.stop();
});

/* RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, CRLF and
 * doubled quotes. Fails on anything else (a bare quote inside an unquoted field, a lone LF). */
function parseCsv(text) {
	const rows = [];
	let row = [], field = '', i = 0, quoted = false, wasQuoted = false;
	while (i < text.length) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
			if (ch === '"') { quoted = false; i++; continue; }
			field += ch; i++; continue;
		}
		if (ch === '"') {
			assert.equal(field, '', `quote inside an unquoted field at ${i}`);
			quoted = true; wasQuoted = true; i++; continue;
		}
		if (ch === ',') { row.push(field); field = ''; wasQuoted = false; i++; continue; }
		if (ch === '\r' && text[i + 1] === '\n') {
			row.push(field); rows.push(row); row = []; field = ''; wasQuoted = false; i += 2; continue;
		}
		assert.ok(ch !== '\n' && ch !== '\r', `bare line break outside quotes at ${i}`);
		assert.ok(!wasQuoted, `text after a closing quote at ${i}`);
		field += ch; i++;
	}
	assert.equal(quoted, false, 'unterminated quoted field');
	assert.ok(row.length === 0 && field === '', 'the last record must end with CRLF');
	return rows;
}

/* Downloads a CSV: checks the headers and the BOM, returns the parsed rows. */
async function getCsv(client, path, fileName) {
	const res = await fetch(srv.base + path, { headers: { Cookie: client.cookieHeader() }, redirect: 'manual' });
	assert.equal(res.status, 200, `${path}: ${res.status}`);
	assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
	assert.equal(res.headers.get('content-disposition'), `attachment; filename="${fileName}"`);
	assert.equal(res.headers.get('cache-control'), 'no-store');
	const bytes = Buffer.from(await res.arrayBuffer());
	assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
	const text = bytes.subarray(3).toString('utf8');
	assert.ok(Buffer.from(text, 'utf8').equals(bytes.subarray(3)), 'valid UTF-8');
	return parseCsv(text);
}

function decode(s) {
	return s.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'").replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

/* The cells of table#id (th and td of tbody rows), as text. */
function tableRows(html, id) {
	const m = new RegExp(`<table[^>]*id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
	assert.ok(m, `table ${id} not found`);
	const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[1])[1];
	return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
		[...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1])));
}

function stat(html, id) {
	const m = new RegExp(`<dd id="${id}">([\\s\\S]*?)</dd>`).exec(html);
	assert.ok(m, `stat ${id} not found`);
	return decode(m[1]);
}

test('the figures of September 2026 for every unit', async () => {
	const res = await editor.get(`/admin/dashboard?period=custom&${SEPT}`);
	assert.equal(res.status, 200);
	const h = res.text;
	assert.match(h, /1 September 2026 – 30 September 2026<\/strong> \(30 hari, WIB\)/);
	assert.equal(stat(h, 'stat-submitted'), String(EXPECTED.totals.submitted));
	assert.equal(stat(h, 'stat-published'), String(EXPECTED.totals.published));
	assert.equal(stat(h, 'stat-rejected'), String(EXPECTED.totals.rejected));
	assert.equal(stat(h, 'stat-median'), EXPECTED.medianText);
	assert.equal(stat(h, 'stat-p90'), EXPECTED.p90Text);
	assert.equal(stat(h, 'stat-queue'), '3 terlama 10 hari');

	const fmt = (min) => {
		const d = Math.floor(min / 1440), hh = Math.floor(min / 60) % 24, mm = min % 60;
		if (min < 60) return `${min} menit`;
		if (min < 1440) return mm ? `${hh} jam ${mm} menit` : `${hh} jam`;
		return hh ? `${d} hari ${hh} jam` : `${d} hari`;
	};
	assert.deepEqual(tableRows(h, 'table-units'), EXPECTED.units.map(([code, name, s, p, r, med, p90]) =>
		[`${name} ${code}`, String(s), String(p), String(r), fmt(med), fmt(p90)]));
	assert.deepEqual(tableRows(h, 'table-weekly').map((r) => r[1]), EXPECTED.weekly.map((w) => String(w[1])));
	assert.deepEqual(tableRows(h, 'table-ttp').map((r) => Number(r[1])), EXPECTED.ttp);
	assert.deepEqual(tableRows(h, 'table-age').map((r) => Number(r[1])), EXPECTED.age);
	assert.deepEqual(tableRows(h, 'table-editors'), EXPECTED.editors.map((e) => e.map(String)));

	// The queue, oldest first; the title is escaped, never markup.
	const queue = tableRows(h, 'table-queue');
	assert.deepEqual(queue.map((r) => r[0]), ['Antrean lama', 'Antrean sedang', TRAP_TITLE.replace(/\s+/g, ' ')]);
	assert.deepEqual(queue.map((r) => r[1]), ['DLH', 'DINKES', 'DISHUB']);
	assert.equal(queue[1][5], 'Rina Editor');

	// Silent units: those that never published (by the end of the period) first, by name, then
	// the oldest last publication; BPBD published only in October.
	const silent = tableRows(h, 'table-silent');
	const active = Number(/id="silent-count">(\d+) dari (\d+)/.exec(h)[2]);
	assert.equal(silent.length, active - 3, 'every active unit but DINKES, DISHUB and UJI_CSV');
	assert.match(h, new RegExp(`id="silent-count">${active - 3} dari ${active} unit aktif`));
	const tail = silent.slice(-2);
	assert.deepEqual(tail.map((r) => [r[0].split(' ').pop(), r[2]]),
		EXPECTED.silentTail.map(([code, , days]) => [code, `${days} hari`]));
	assert.match(tail[0][1], /1 Juli 2026/);
	assert.match(tail[1][1], /15 Agustus 2026/);
	const never = silent.slice(0, -2);
	assert.ok(never.every((r) => r[1] === 'Belum pernah' && r[2] === '—'));
	const names = never.map((r) => r[0].replace(/ \S+$/, ''));
	assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'never-published units by name');
	assert.ok(never.some((r) => r[0].endsWith(' BPBD')));
	assert.ok(!silent.some((r) => /DINKES$|DISHUB$|UJI_CSV$/.test(r[0])));
});

test('every table as CSV, parsed back', async () => {
	const q = `?${SEPT}`;
	const file = (name) => `siaran-${name}-${PERIOD.from}-${PERIOD.to}.csv`;

	const units = await getCsv(editor, `/admin/dashboard/unit.csv${q}`, file('unit'));
	assert.deepEqual(units[0], ['kode', 'unit', 'diajukan', 'terbit', 'ditolak', 'median_menit', 'p90_menit']);
	// The unit name starts with '-': a spreadsheet would take it for a formula, so it gets an
	// apostrophe; its quotes and comma survive the round trip.
	assert.deepEqual(units.slice(1), EXPECTED.units.map(([code, name, ...n]) =>
		[code, name === TRAP_UNIT.name ? `'${name}` : name, ...n.map(String)]));

	const sum = Object.fromEntries((await getCsv(editor, `/admin/dashboard/ringkasan.csv${q}`, file('ringkasan'))).slice(1));
	assert.equal(sum.dari, PERIOD.from);
	assert.equal(sum.sampai, PERIOD.to);
	assert.equal(sum.diajukan, String(EXPECTED.totals.submitted));
	assert.equal(sum.terbit, String(EXPECTED.totals.published));
	assert.equal(sum.ditolak, String(EXPECTED.totals.rejected));
	assert.equal(sum.median_menit, String(EXPECTED.medianMin));
	assert.equal(sum.p90_menit, String(EXPECTED.p90Min));
	assert.equal(sum.antrean, '3');
	assert.equal(Math.round(Number(sum.antrean_terlama_menit) / 60), 240);

	const weekly = await getCsv(editor, `/admin/dashboard/mingguan.csv${q}`, file('mingguan'));
	assert.deepEqual(weekly, [['minggu_mulai', 'terbit'], ...EXPECTED.weekly.map(([d, n]) => [d, String(n)])]);

	const ttp = await getCsv(editor, `/admin/dashboard/waktu-terbit.csv${q}`, file('waktu-terbit'));
	assert.deepEqual(ttp[0], ['rentang', 'dari_menit', 'sampai_menit', 'jumlah']);
	assert.deepEqual(ttp.slice(1).map((r) => Number(r[3])), EXPECTED.ttp);
	assert.deepEqual(ttp[1], ['< 2 jam', '0', '120', '0']);
	assert.deepEqual(ttp.at(-1), ['≥ 7 hari', '10080', '', '1']);

	const age = await getCsv(editor, `/admin/dashboard/umur-antrean.csv${q}`, file('umur-antrean'));
	assert.deepEqual(age.slice(1).map((r) => Number(r[3])), EXPECTED.age);

	const queue = await getCsv(editor, `/admin/dashboard/antrean.csv${q}`, file('antrean'));
	assert.deepEqual(queue[0], ['nomor', 'judul', 'kode', 'unit', 'status', 'diajukan', 'menunggu_menit', 'peninjau']);
	assert.deepEqual(queue.slice(1).map((r) => r[0]), ['1013', '1014', '1015']);
	// A title starting with '=' keeps its text (comma, quotes, newline) behind an apostrophe.
	assert.equal(queue[3][1], `'${TRAP_TITLE}`);
	assert.equal(queue[2][7], 'Rina Editor');
	assert.match(queue[1][5], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);

	const silent = await getCsv(editor, `/admin/dashboard/senyap.csv${q}`, file('senyap'));
	assert.deepEqual(silent[0], ['kode', 'unit', 'publikasi_terakhir', 'hari_senyap']);
	assert.deepEqual(silent.slice(-2).map((r) => [r[0], r[2].slice(0, 10), r[3]]),
		EXPECTED.silentTail.map(([c, d, n]) => [c, d, String(n)]));
	assert.ok(silent.slice(1, -2).every((r) => r[2] === '' && r[3] === ''));

	const eds = await getCsv(editor, `/admin/dashboard/editor.csv${q}`, file('editor'));
	assert.deepEqual(eds, [['editor', 'disetujui', 'minta_perbaikan', 'ditolak', 'jumlah'],
		...EXPECTED.editors.map((e) => e.map(String))]);

	// The page links every download with the same period.
	const page = await admin.get(`/admin/dashboard${q}`);
	for (const name of ['ringkasan', 'unit', 'mingguan', 'waktu-terbit', 'antrean', 'umur-antrean', 'senyap', 'editor'])
		assert.ok(page.text.includes(`href="/admin/dashboard/${name}.csv?from=2026-09-01&amp;to=2026-09-30"`), name);

	const missing = await editor.get(`/admin/dashboard/nothing.csv${q}`);
	assert.equal(missing.status, 404);
	const notCsv = await editor.get(`/admin/dashboard/unit.txt${q}`);
	assert.equal(notCsv.status, 404);
});

test('one unit chosen by an editor', async () => {
	const res = await editor.get(`/admin/dashboard?${SEPT}&unit=DISHUB`);
	assert.equal(res.status, 200);
	assert.equal(stat(res.text, 'stat-submitted'), '2');
	assert.equal(stat(res.text, 'stat-published'), '1');
	assert.equal(stat(res.text, 'stat-median'), '6 jam');
	assert.deepEqual(tableRows(res.text, 'table-units').map((r) => r[0]), ['Dinas Perhubungan DISHUB']);
	const rows = await getCsv(editor, `/admin/dashboard/unit.csv?${SEPT}&unit=DISHUB`,
		`siaran-DISHUB-unit-${PERIOD.from}-${PERIOD.to}.csv`);
	assert.deepEqual(rows.slice(1), [['DISHUB', 'Dinas Perhubungan', '2', '1', '0', '360', '360']]);
	const bad = await editor.get(`/admin/dashboard?${SEPT}&unit=NOPE`);
	assert.equal(bad.status, 400);
	assert.match(bad.text, /Unit tidak dikenal/);
});

test('a contributor sees the same figures for the own unit only', async () => {
	for (const path of [`/dashboard?${SEPT}`, `/dashboard?${SEPT}&unit=DISHUB`]) {
		const res = await contrib.get(path);
		assert.equal(res.status, 200, path);
		const h = res.text;
		assert.equal(stat(h, 'stat-submitted'), String(EXPECTED_DINKES.totals.submitted));
		assert.equal(stat(h, 'stat-published'), String(EXPECTED_DINKES.totals.published));
		assert.equal(stat(h, 'stat-rejected'), String(EXPECTED_DINKES.totals.rejected));
		assert.equal(stat(h, 'stat-median'), EXPECTED_DINKES.medianText);
		assert.equal(stat(h, 'stat-p90'), EXPECTED_DINKES.p90Text);
		assert.deepEqual(tableRows(h, 'table-units').map((r) => r[0]), ['Dinas Kesehatan DINKES']);
		assert.deepEqual(tableRows(h, 'table-queue').map((r) => r[0]), ['Antrean sedang']);
		assert.deepEqual(tableRows(h, 'table-editors'), EXPECTED_DINKES.editors.map((e) => e.map(String)));
		assert.match(h, /id="silent-count">0 dari 1 unit aktif/);
		assert.match(h, /Unit ini terbit dalam periode ini\./);
		for (const other of ['DISHUB', 'Dinas Perhubungan', 'UJI_CSV', 'Antrean lama', 'HYPERLINK', 'DINSOS', 'DLH'])
			assert.ok(!h.includes(other), `${path}: the page mentions ${other}`);
	}
	const rows = await getCsv(contrib, `/dashboard/unit.csv?${SEPT}&unit=DISHUB`,
		`siaran-DINKES-unit-${PERIOD.from}-${PERIOD.to}.csv`);
	assert.deepEqual(rows.slice(1), [['DINKES', 'Dinas Kesehatan', '4', '4', '1', '2160', '7920']]);
	const queue = await getCsv(contrib, `/dashboard/antrean.csv?${SEPT}`,
		`siaran-DINKES-antrean-${PERIOD.from}-${PERIOD.to}.csv`);
	assert.deepEqual(queue.slice(1).map((r) => r[0]), ['1014']);

	// The navigation leads each role to its dashboard.
	assert.match((await contrib.get('/requests')).text, /<a href="\/dashboard">Dasbor<\/a>/);
	assert.match((await editor.get('/requests')).text, /<a href="\/admin\/dashboard">Dasbor<\/a>/);
});

test('access: anonymous to the login, contributor refused on the staff dashboard', async () => {
	const anon = new Client(srv);
	for (const p of ['/admin/dashboard', '/admin/dashboard/unit.csv', '/dashboard', '/dashboard/unit.csv']) {
		const res = await anon.get(p);
		assert.equal(res.status, 303, p);
		assert.equal(res.location, `/login?next=${p}`);
	}
	for (const p of ['/admin/dashboard', `/admin/dashboard?${SEPT}&unit=DINKES`, '/admin/dashboard/unit.csv']) {
		const res = await contrib.get(p);
		assert.equal(res.status, 403, p);
		assert.ok(!res.text.includes('Dinas Perhubungan'));
	}
	const toStaff = await editor.get('/dashboard');
	assert.equal(toStaff.status, 302);
	assert.equal(toStaff.location, '/admin/dashboard');
	assert.equal((await admin.get('/dashboard/unit.csv')).status, 403);
});

test('invalid periods get a clear error and the form refilled, never a 500', async () => {
	const cases = [
		['period=custom&from=2026-02-30&to=2026-09-01', /Tanggal awal tidak valid/, 'value="2026-02-30"'],
		['period=custom&from=2026-09-10&to=2026-09-01', /Tanggal akhir harus sama dengan atau sesudah tanggal awal/, 'value="2026-09-10"'],
		['period=custom&from=2020-01-01&to=2026-01-01', /Periode paling panjang 3 tahun/, 'value="2020-01-01"'],
		['period=custom&from=2026-09-01', /Isi tanggal akhir/, 'value="2026-09-01"'],
		['to=2026-09-01', /Isi tanggal awal/, 'value="2026-09-01"'],
		['period=decade', /Pilihan periode tidak dikenal/, 'id="period-preset"'],
		['period=custom&from=%3Cscript%3Ealert(1)%3C%2Fscript%3E&to=x', /Tanggal awal tidak valid/, 'value="&lt;script&gt;al"'],
	];
	for (const [qs, message, refill] of cases) {
		const res = await editor.get(`/admin/dashboard?${qs}`);
		assert.equal(res.status, 400, qs);
		assert.match(res.text, message, qs);
		assert.ok(res.text.includes(refill), `${qs}: ${refill}`);
		assert.ok(res.text.includes('class="error-summary"'), qs);
		assert.ok(!res.text.includes('<script>'), qs);
		assert.ok(!res.text.includes('id="stat-submitted"'), `${qs}: no figures for a refused period`);
		const csv = await editor.get(`/admin/dashboard/unit.csv?${qs}`);
		assert.equal(csv.status, 400, `csv ${qs}`);
		assert.match(csv.headers.get('content-type'), /^text\/html/);
	}
	const c = await contrib.get('/dashboard?period=custom&from=2026-09-10&to=2026-09-01');
	assert.equal(c.status, 400);
	// The longest period allowed, and a single empty day.
	assert.equal((await editor.get('/admin/dashboard?from=2023-10-02&to=2026-10-01')).status, 200);
	const day = await editor.get('/admin/dashboard?from=2026-09-30&to=2026-09-30');
	assert.equal(day.status, 200);
	assert.equal(stat(day.text, 'stat-published'), '0');
	assert.equal(stat(day.text, 'stat-median'), '—');
});

test('presets, and a release published through the site today', async () => {
	const c = await loginAs(srv, 'contribA2');
	await publishNew(c, editor);
	const res = await editor.get('/admin/dashboard?period=7d');
	assert.equal(res.status, 200);
	// Submitted in the last 7 days: this one and two of the queue (the third waits 10 days).
	assert.equal(stat(res.text, 'stat-submitted'), '3');
	assert.equal(stat(res.text, 'stat-published'), '1');
	assert.match(res.text, /class="preset preset-current" href="\/admin\/dashboard\?period=7d" aria-current="true"/);
	for (const p of ['30d', '90d', 'month', 'prev-month', 'year']) {
		const r = await editor.get(`/admin/dashboard?period=${p}`);
		assert.equal(r.status, 200, p);
	}
	const def = await editor.get('/admin/dashboard');
	assert.match(def.text, /\(30 hari, WIB\)/);
});

test('charts: accessible SVG with a table of the same data, no inline style', async () => {
	const res = await editor.get(`/admin/dashboard?${SEPT}`);
	const h = res.text;
	assert.match(res.headers.get('content-security-policy'), /style-src 'self'/);
	assert.ok(!/\sstyle=/.test(h), 'no style attribute');
	assert.ok(!/<style/.test(h), 'no style element');
	assert.ok(!/<script(?! type="application\/ld\+json")/.test(h), 'no script');
	const svgs = [...h.matchAll(/<svg class="chart[^"]*"[^>]*role="img" aria-labelledby="([\w-]+)-title \1-desc"[^>]*>([\s\S]*?)<\/svg>/g)];
	assert.deepEqual(svgs.map((m) => m[1]), ['chart-units', 'chart-weekly', 'chart-ttp', 'chart-age']);
	for (const [, id, body] of svgs) {
		assert.match(body, new RegExp(`<title id="${id}-title">[^<]+</title>`));
		assert.match(body, new RegExp(`<desc id="${id}-desc">[^<]+</desc>`));
	}
	const bars = (id) => [...svgs.find((m) => m[1] === id)[2].matchAll(/<rect class="chart-bar[^"]*" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"><title>([^<]*)<\/title>/g)];
	// One column per week; the tallest (4 publications) reaches the top of a 0..4 axis.
	const weeks = bars('chart-weekly');
	assert.equal(weeks.length, 5);
	const heights = weeks.map((b) => Number(b[4]));
	assert.equal(heights[3], 0);
	assert.ok(Math.abs(heights[0] - 4 * heights[1]) < 0.2, `heights ${heights}`);
	assert.match(weeks[0][5], /Minggu mulai 31 Agustus 2026: 4 terbit/);
	// Three bars per unit; the tooltip names the unit and the figure.
	const unitBars = bars('chart-units');
	assert.equal(unitBars.length, 9);
	assert.match(unitBars[4][5], /Dinas Perhubungan — Terbit: 1/);
	assert.match(h, /<desc id="chart-ttp-desc">Diagram kolom, 6 publikasi menurut rentang waktu: &lt; 2 jam 0, 2–6 jam 2,/);
});
