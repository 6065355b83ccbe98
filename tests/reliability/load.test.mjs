// Mixed load: writers (contributors submitting, editors claiming and publishing) and readers
// (public pages, search, feeds, the API, the signed-in workbench) at once. Passes when no answer
// is a 5xx or anything unexpected, no SQLITE_BUSY ("database is locked") reaches a user or the
// log, the WAL file stays bounded, and memory (anonymous RSS), open descriptors and threads stop
// growing after the warm-up. In the release build the heap the program holds (GET /metrics:
// malloc'd and not freed, less the response cache and SQLite's page caches, which fill up to
// their bounds) must stay flat too: a leak shows there even when freed memory kept by malloc
// hides it in the resident size. Short by default (as in `make test`); `make test-load` runs
// 20 writers and 50 readers for 10 minutes on the release build:
//   SIARAN_LOAD_SECONDS=600 SIARAN_LOAD_WRITERS=20 SIARAN_LOAD_READERS=50 node --test ...
// Figures go to test-output/reliability/load.json.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { startServer, loginAs, pressRelease, encodeForm, ROOT, BIN } from '../http/lib.mjs';
import { envInt, httpRequest, loopback, checkDatabase, procStats, fileSize, memoryGauges } from './lib.mjs';

const SECONDS = envInt('SIARAN_LOAD_SECONDS', 25);
const WRITERS = envInt('SIARAN_LOAD_WRITERS', 20);
const READERS = envInt('SIARAN_LOAD_READERS', 50);
// Memory and descriptors are compared after this share of the run.
const WARMUP = 0.3;

const SEARCH_WORDS = ['banjir', 'jakarta', 'puskesmas', 'warga', 'sekolah', 'jalan', 'vaksin',
	'pasar', 'taman', 'bus', 'air bersih', 'kesehatan'];

function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

function percentile(xs, p) {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.floor(s.length * p))] : NaN;
}

/* Medians of the heap figures in the early and late half of the samples (kB); program is the
 * heap less the response cache and SQLite's allocations. undefined without heap figures. */
function heapFigures(xs) {
	if (xs.length < 4 || xs.some((s) => s.heap === undefined))
		return undefined;
	const half = Math.floor(xs.length / 2);
	const fig = (k) => ({ after_warmup: Math.round(median(xs.slice(0, half).map(k))),
		end: Math.round(median(xs.slice(half).map(k))) });
	return { heap: fig((s) => s.heap), cache: fig((s) => s.cache), sqlite: fig((s) => s.sqlite),
		program: fig((s) => s.heap - s.cache - s.sqlite), samples: xs.length };
}

test(`mixed load: ${WRITERS} writers, ${READERS} readers, ${SECONDS} s`, async (t) => {
	// ASan keeps freed memory in quarantine (256 MB by default); a small one makes anonymous
	// memory a meaningful measure in the sanitizer build too.
	const asan = `${process.env.ASAN_OPTIONS ? process.env.ASAN_OPTIONS + ':' : ''}quarantine_size_mb=16`;
	const srv = await startServer({ env: { ASAN_OPTIONS: asan } });
	try {
		const contributors = [await loginAs(srv, 'contribA'), await loginAs(srv, 'contribA2'),
			await loginAs(srv, 'contribB')];
		const editor = await loginAs(srv, 'editor');
		const admin = await loginAs(srv, 'admin');
		const staff = [editor, admin];
		const pid = srv.proc.pid;
		const wal = `${srv.db}-wal`;

		const stats = { reads: 0, writes: 0, published: 0, lat: { read: [], write: [] } };
		const problems = [];
		const submitted = []; // ids waiting for an editor
		const slugs = [];
		const samples = [];
		const started = Date.now();
		const until = started + SECONDS * 1000;

		function problem(what) {
			if (problems.length < 50)
				problems.push(what);
		}

		async function send(client, method, p, addr, fields) {
			const headers = client ? { Cookie: client.cookieHeader() } : {};
			let body;
			if (fields) {
				body = encodeForm([...fields, ['csrf_token', client.csrf]]);
				headers['Content-Type'] = 'application/x-www-form-urlencoded';
			}
			const t0 = performance.now();
			try {
				const res = await httpRequest(srv.base, { method, path: p, headers, body, localAddress: addr });
				const ms = performance.now() - t0;
				(fields ? stats.lat.write : stats.lat.read).push(ms);
				if (res.status >= 500 || /database is locked|SQLITE_BUSY/i.test(res.text))
					problem(`${method} ${p}: ${res.status} ${res.text.slice(0, 200)}`);
				return res;
			} catch (e) {
				problem(`${method} ${p}: ${e.message}`);
				return null;
			}
		}

		async function writer(w) {
			const addr = loopback(w);
			const isEditor = w % 5 === 4; // one writer in five reviews and publishes
			const c = isEditor ? staff[w % 2] : contributors[w % contributors.length];
			let n = 0;
			while (Date.now() < until) {
				n++;
				if (isEditor) {
					const id = submitted.shift();
					if (!id) {
						await new Promise((r) => setTimeout(r, 50));
						continue;
					}
					const claim = await send(c, 'POST', `/requests/${id}/claim`, addr, []);
					if (claim?.status !== 303) {
						if (claim)
							problem(`claim ${id}: ${claim.status}`);
						continue;
					}
					const ok = await send(c, 'POST', `/requests/${id}/approve`, addr, [['publish_at', '']]);
					if (ok?.status === 303) {
						stats.writes += 2;
						stats.published++;
					} else if (ok) {
						problem(`approve ${id}: ${ok.status}`);
					}
				} else {
					const fields = pressRelease({ title: `Beban ${w}-${n}: ${SEARCH_WORDS[randomInt(SEARCH_WORDS.length)]} di Jakarta`,
						body: Array.from({ length: 1 + randomInt(8) }, () =>
							SEARCH_WORDS.map((x) => `${x} ${randomInt(1000)}`).join(' ')).join('\n\n') });
					const res = await send(c, 'POST', '/requests', addr, [...fields, ['action', 'submit']]);
					if (res?.status === 303) {
						stats.writes++;
						submitted.push(Number(res.headers.location.split('/').pop()));
					} else if (res) {
						problem(`POST /requests: ${res.status} ${res.text.slice(0, 200)}`);
					}
				}
			}
		}

		async function reader(i) {
			const addr = loopback(WRITERS + i);
			const signedIn = i % 10 === 0 ? [editor, ...contributors][i % 4] : null;
			while (Date.now() < until) {
				let p;
				const k = randomInt(10);
				if (signedIn)
					p = k < 5 ? '/requests' : k < 8 ? '/requests?state=submitted' : '/notifications';
				else if (k === 0)
					p = '/';
				else if (k === 1)
					p = `/?page=${2 + randomInt(3)}`;
				else if (k <= 3)
					p = `/search?q=${encodeURIComponent(SEARCH_WORDS[randomInt(SEARCH_WORDS.length)])}`
						+ (randomInt(2) ? `+${randomInt(1000)}` : '');
				else if (k === 4)
					p = randomInt(2) ? '/feed.xml' : '/atom.xml';
				else if (k === 5)
					p = '/api/v1/releases';
				else if (k === 6)
					p = randomInt(2) ? '/agenda' : '/units';
				else
					p = slugs.length ? `/releases/${slugs[randomInt(slugs.length)]}` : '/';
				const res = await send(signedIn, 'GET', p, addr);
				if (res) {
					stats.reads++;
					if (res.status !== 200)
						problem(`GET ${p}: ${res.status}`);
					else if (p === '/api/v1/releases')
						for (const m of res.text.matchAll(/"slug":\s*"([^"]+)"/g))
							if (!slugs.includes(m[1]))
								slugs.push(m[1]);
				}
			}
		}

		const heapSamples = [];
		const heapSampler = setInterval(() => {
			memoryGauges(srv.base).then((g) => heapSamples.push({ t: (Date.now() - started) / 1000, ...g }),
				(e) => problem(`metrics: ${e.message}`));
		}, 2000);
		const sampler = setInterval(() => {
			try {
				samples.push({ t: (Date.now() - started) / 1000, ...procStats(pid), wal: fileSize(wal),
					db: fileSize(srv.db), reads: stats.reads, writes: stats.writes });
			} catch (e) {
				problem(`sampling: ${e.message}`);
			}
		}, 1000);
		try {
			await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)),
				...Array.from({ length: READERS }, (_, i) => reader(i))]);
		} finally {
			clearInterval(sampler);
			clearInterval(heapSampler);
		}

		const after = samples.filter((s) => s.t >= SECONDS * WARMUP);
		const half = Math.floor(after.length / 2);
		const early = after.slice(0, half);
		const late = after.slice(half);
		const max = (xs, k) => Math.max(...xs.map((s) => s[k]));
		const figures = {
			binary: path.relative(ROOT, BIN), seconds: SECONDS, writers: WRITERS, readers: READERS,
			reads: stats.reads, writes: stats.writes, published: stats.published,
			read_ms: { p50: median(stats.lat.read), p99: percentile(stats.lat.read, 0.99) },
			write_ms: { p50: median(stats.lat.write), p99: percentile(stats.lat.write, 0.99) },
			rss_anon_kb: { after_warmup: max(early, 'anon'), end: max(late, 'anon') },
			rss_kb: { after_warmup: max(early, 'rss'), end: max(late, 'rss') },
			fds: { after_warmup: max(early, 'fds'), end: max(late, 'fds') },
			threads: { after_warmup: max(early, 'threads'), end: max(late, 'threads') },
			wal_max_bytes: max(samples, 'wal'), db_bytes: fileSize(srv.db),
			heap_kb: heapFigures(heapSamples.filter((s) => s.t >= SECONDS * WARMUP)),
			problems: problems.length,
		};
		for (const k of ['read_ms', 'write_ms'])
			for (const q of ['p50', 'p99'])
				figures[k][q] = Math.round(figures[k][q] * 10) / 10;
		const out = path.join(ROOT, 'test-output', 'reliability');
		fs.mkdirSync(out, { recursive: true });
		fs.writeFileSync(path.join(out, 'load.json'), JSON.stringify({ figures, samples, heapSamples }, null, 1));
		t.diagnostic(JSON.stringify(figures));

		assert.deepEqual(problems, [], 'answers that no user may get');
		assert.doesNotMatch(srv.stderr(), /database is locked|SQLITE_BUSY|busy/i, 'busy errors in the log');
		assert.ok(stats.writes > WRITERS && stats.reads > READERS, 'the load ran');
		// The WAL is checkpointed and reset while readers come and go: it never holds more
		// than a few checkpoint intervals' worth of pages.
		assert.ok(figures.wal_max_bytes <= 64 * 1024 * 1024, `WAL grew to ${figures.wal_max_bytes} bytes`);
		// Flat after the warm-up: the second half of the run may not need more than the first
		// (tolerance: 15% plus 16 MB of memory; descriptors and threads vary with the requests
		// in flight, up to one per client).
		const clients = WRITERS + READERS;
		assert.ok(figures.rss_anon_kb.end <= figures.rss_anon_kb.after_warmup * 1.15 + 16384,
			`anonymous memory grew: ${JSON.stringify(figures.rss_anon_kb)}`);
		// The program's own heap (less the caches) by median of each half: a leak of about a
		// kilobyte a request exceeds the tolerance over the ten-minute run.
		if (figures.heap_kb)
			assert.ok(figures.heap_kb.program.end <= figures.heap_kb.program.after_warmup * 1.10 + 4096,
				`heap in use grew: ${JSON.stringify(figures.heap_kb)}`);
		assert.ok(figures.fds.end <= figures.fds.after_warmup + clients,
			`open descriptors grew: ${JSON.stringify(figures.fds)}`);
		assert.ok(figures.threads.end <= figures.threads.after_warmup + clients,
			`threads grew: ${JSON.stringify(figures.threads)}`);

		await srv.stop({ keep: true });
		checkDatabase(srv.db);
	} finally {
		await srv.stop();
	}
});
