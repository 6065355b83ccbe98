// Crash safety: kill -9 the server at a random moment while contributors send many submissions at
// once (and an editor publishes earlier ones), restart it, and check that every submission that
// was answered 303 is in the database exactly as sent and in the state it was acknowledged in,
// that nothing half-written exists, and that the database and its search index are sound.
// Half the submissions carry a photo (multipart/form-data): most a photo of their own, some one
// that others share (stored once), so a kill also lands while files stream into DATA/tmp, while
// libvips writes derivatives and between moving a file into DATA/media and the commit. After
// each restart and clean stop every acknowledged photo has its attachment row and its files, and
// no file is left without its row (strayFiles).
// Short by default (as in `make test`); `make test-crash` runs 20 cycles of 200:
//   SIARAN_CRASH_CYCLES=20 SIARAN_CRASH_SUBMISSIONS=200 node --test tests/reliability/crash.test.mjs
// The database runs with synchronous=NORMAL in WAL mode: a commit is in the WAL file (in the
// kernel's page cache) before the 303 goes out, which survives the death of the process; only
// a power loss or kernel crash could drop the last commits, and that is not what this tests.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { startServer, loginAs, pressRelease, encodeForm, sql, sqlValue, sleep } from '../http/lib.mjs';
import { envInt, httpRequest, loopback, checkDatabase, strayFiles } from './lib.mjs';
import { smallJpegs } from '../http/media-files.mjs';

const CYCLES = envInt('SIARAN_CRASH_CYCLES', 3);
const SUBMISSIONS = envInt('SIARAN_CRASH_SUBMISSIONS', 50);

const WORDS = ['banjir', 'Jakarta', 'puskesmas', 'warga', 'kelurahan', 'Jum’at', 'sekolah',
	'transportasi', 'ruang terbuka hijau', '**penting**', 'Śelatan', 'café', '“kutipan”', 'a&b',
	'<tag>', 'é', '東京', '🚌', 'RT 05/RW 02', '50%'];

function words(n) {
	const out = [];
	for (let i = 0; i < n; i++)
		out.push(WORDS[randomInt(WORDS.length)]);
	return out.join(' ');
}

/* Small real photos (400 × 300, so that image processing stays cheap), made once. */
let basePhotos = null;

/* A JPEG with a comment segment after its start marker: the same picture, other bytes, so
 * another SHA-256 and another stored directory. */
function variant(jpeg, note) {
	const text = Buffer.from(note);
	const seg = Buffer.alloc(4);
	seg.writeUInt16BE(0xfffe, 0);
	seg.writeUInt16BE(text.length + 2, 2);
	return Buffer.concat([jpeg.subarray(0, 2), seg, text, jpeg.subarray(2)]);
}

/* A complete press release with a unique title and a body of random length (up to ~30 KB, so
 * that a transaction spans many database pages). The form fields are what is sent; `expect` is
 * what the database must hold. With withPhoto, one photo with caption and credit: usually a
 * variant of its own, one time in three a shared base photo (deduplicated by the store). */
function submission(tag, withPhoto = false) {
	const title = `Uji ketahanan ${tag} ${randomBytes(4).toString('hex')} — ${words(3)}`;
	const summary = `Ringkasan ${tag}: ${words(8)}`;
	const paragraphs = [];
	for (let i = 0, n = 1 + randomInt(40); i < n; i++)
		paragraphs.push(words(10 + randomInt(60)));
	const body = paragraphs.join('\n\n');
	const quotes = [];
	for (let i = 0, n = randomInt(4); i < n; i++)
		quotes.push([`Narasumber ${i + 1}`, `Jabatan ${words(2)}`, `Kutipan ${words(12)}`]);
	const fields = pressRelease({ title, summary, body }, quotes);
	const files = [];
	const photos = [];
	if (withPhoto) {
		const base = basePhotos[randomInt(basePhotos.length)];
		const data = randomInt(3) === 0 ? base : variant(base, `uji ${tag} ${randomBytes(6).toString('hex')}`);
		const caption = `Foto ${tag}: ${words(4)}`;
		const credit = `Humas ${words(1)}`;
		fields.push(['photo_caption', caption], ['photo_credit', credit]);
		files.push(['photo', `foto-${tag}.jpg`, data, 'image/jpeg']);
		photos.push([createHash('sha256').update(data).digest('hex'), caption, credit]);
	}
	return { title, fields, files, expect: { title, summary, body, quotes, photos } };
}

/* The form as sent: urlencoded, or multipart/form-data when there are files
 * ([field, filename, Buffer, type]). */
function encodeSubmission(fields, files = []) {
	if (!files.length)
		return { body: encodeForm(fields), contentType: 'application/x-www-form-urlencoded' };
	const boundary = `----siaran${randomBytes(12).toString('hex')}`;
	const parts = [];
	for (const [k, v] of fields)
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
	for (const [field, name, data, type] of files) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}";`
			+ ` filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), data, Buffer.from('\r\n'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/* POST with the client's session cookie and CSRF token from its own loopback address. */
async function post(srv, client, path, fields, addr, files = []) {
	const { body, contentType } = encodeSubmission([...fields, ['csrf_token', client.csrf]], files);
	return httpRequest(srv.base, { method: 'POST', path, body, localAddress: addr,
		headers: { Cookie: client.cookieHeader(), 'Content-Type': contentType } });
}

function idFrom(res) {
	const m = /^\/requests\/(\d+)$/.exec(res.headers.location || '');
	return m ? Number(m[1]) : null;
}

test(`kill -9 during concurrent submissions, ${CYCLES} cycles of ${SUBMISSIONS}`, async (t) => {
	basePhotos = smallJpegs(4);
	const srv = await startServer();
	try {
		const contributors = [await loginAs(srv, 'contribA'), await loginAs(srv, 'contribA2'),
			await loginAs(srv, 'contribB')];
		const editor = await loginAs(srv, 'editor');
		// id -> { expect, states: Set of states it may be in, acked: the acknowledged state }
		const known = new Map();
		// title -> expected content, for everything ever sent (acknowledged or not)
		const sent = new Map();
		const totals = { acked: 0, lost: 0, unknownStored: 0, photos: 0 };

		for (let cycle = 1, ok = true; cycle <= CYCLES && ok; cycle++) {
			ok = false; // a failed cycle leaves no server to go on with
			await t.test(`cycle ${cycle}`, async () => {
				let acks = 0;
				let killed = false;
				const killAt = 1 + randomInt(Math.max(1, Math.floor(SUBMISSIONS * 0.9)));
				let killing = null;
				const unexpected = [];
				function ack() {
					acks++;
					if (acks === killAt && !killing)
						killing = sleep(randomInt(20)).then(() => { killed = true; return srv.kill(); });
				}
				/* 303 is the only acceptable answer while the server lives; after the kill a
				 * request may fail in any way (connection reset or refused). */
				async function send(client, path, fields, addr, files) {
					let res;
					try {
						res = await post(srv, client, path, fields, addr, files);
					} catch (e) {
						if (!killed)
							unexpected.push(`${path}: ${e.message}`);
						return null;
					}
					if (res.status !== 303) {
						unexpected.push(`${path}: ${res.status} ${res.text.slice(0, 300)}`);
						return null;
					}
					return res;
				}

				const tasks = [];
				for (let i = 0; i < SUBMISSIONS; i++) {
					const client = contributors[i % contributors.length];
					// A photo with a quarter of the direct and a quarter of the saved ones.
					const s = submission(`${cycle}.${i}`, i % 4 < 2);
					sent.set(s.title, s.expect);
					const addr = loopback(i);
					// Half create and submit in one go; half save a draft, then submit it.
					tasks.push((async () => {
						const direct = i % 2 === 0;
						const res = await send(client, '/requests',
							[...s.fields, ['action', direct ? 'submit' : 'save']], addr, s.files);
						if (!res)
							return;
						const id = idFrom(res);
						assert.ok(id, `Location ${res.headers.location}`);
						const k = { expect: s.expect, acked: direct ? 'submitted' : 'draft',
							states: new Set([direct ? 'submitted' : 'draft']) };
						known.set(id, k);
						ack();
						if (direct)
							return;
						k.states.add('submitted'); // sent: may be stored even if never answered
						if (await send(client, `/requests/${id}/submit`, [], addr)) {
							k.acked = 'submitted';
							k.states = new Set(['submitted']);
							ack();
						}
					})());
				}
				// Meanwhile the editor claims and publishes requests submitted in earlier cycles:
				// publishing writes the release number and the search index.
				const toPublish = [...known].filter(([, k]) => k.acked === 'submitted')
					.slice(0, Math.ceil(SUBMISSIONS / 10));
				tasks.push((async () => {
					for (const [id, k] of toPublish) {
						const addr = loopback(SUBMISSIONS + id);
						k.states.add('in_review');
						if (!await send(editor, `/requests/${id}/claim`, [], addr))
							return;
						k.acked = 'in_review';
						k.states = new Set(['in_review', 'published']);
						if (!await send(editor, `/requests/${id}/approve`, [['publish_at', '']], addr))
							return;
						k.acked = 'published';
						k.states = new Set(['published']);
					}
				})());
				await Promise.all(tasks);
				if (!killing) {
					killed = true;
					killing = srv.kill();
				}
				await killing;
				assert.deepEqual(unexpected, [], 'answers other than 303 before the kill; server stderr:\n'
					+ srv.stderr().slice(-3000));

				// Restart on the same files: the server recovers the WAL itself.
				await srv.restart();
				assert.deepEqual(sql(srv.db, 'PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);
				const rows = new Map(sql(srv.db, 'SELECT id, title, summary, body, state FROM requests')
					.map((r) => [r.id, r]));
				const quotes = new Map();
				for (const q of sql(srv.db, 'SELECT request_id, speaker, position, text FROM request_quotes'
					+ ' ORDER BY request_id, pos')) {
					if (!quotes.has(q.request_id))
						quotes.set(q.request_id, []);
					quotes.get(q.request_id).push([q.speaker, q.position, q.text]);
				}
				const photos = new Map();
				for (const m of sql(srv.db, "SELECT request_id, sha256, caption, credit FROM request_media"
					+ " WHERE kind = 'photo' ORDER BY request_id, position")) {
					if (!photos.has(m.request_id))
						photos.set(m.request_id, []);
					photos.get(m.request_id).push([m.sha256, m.caption, m.credit]);
				}
				const contentOf = (r) => ({ title: r.title, summary: r.summary, body: r.body,
					quotes: quotes.get(r.id) || [], photos: photos.get(r.id) || [] });
				// Every acknowledged submission, intact and in the acknowledged state (or a later
				// one whose request was sent but not answered).
				let lost = 0;
				for (const [id, k] of known) {
					const r = rows.get(id);
					if (!r) {
						lost++;
						continue;
					}
					assert.deepEqual(contentOf(r), k.expect, `request ${id} content`);
					assert.ok(k.states.has(r.state),
						`request ${id}: state ${r.state}, acknowledged ${k.acked}`);
					k.acked = r.state; // the truth from here on
					k.states = new Set([r.state]);
				}
				assert.equal(lost, 0, `${lost} acknowledged submissions missing after kill -9`);
				// Anything else stored is a submission that was sent but not answered: whole.
				let extra = 0;
				for (const [id, r] of rows) {
					if (known.has(id))
						continue;
					const e = sent.get(r.title);
					assert.ok(e, `request ${id} with a title never sent: ${r.title}`);
					assert.deepEqual(contentOf(r), e, `unacknowledged request ${id} content`);
					assert.ok(['draft', 'submitted'].includes(r.state), `request ${id} state ${r.state}`);
					known.set(id, { expect: e, acked: r.state, states: new Set([r.state]) });
					extra++;
				}
				totals.acked += acks;
				totals.photos = photos.size;
				totals.unknownStored += extra;
				t.diagnostic(`cycle ${cycle}: killed after ${acks} acknowledgements`
					+ ` (target ${killAt}); ${extra} unanswered but stored; ${rows.size} requests in all,`
					+ ` ${photos.size} with a photo; ${sqlValue(srv.db, 'SELECT COUNT(*) FROM media')} stored files`);

				// The restarted server serves, reads and writes.
				const c = contributors[cycle % contributors.length];
				const list = await c.get('/requests');
				assert.equal(list.status, 200);
				const probe = submission(`${cycle}.probe`, true);
				sent.set(probe.title, probe.expect);
				const res = await send(c, '/requests', [...probe.fields, ['action', 'save']], loopback(0),
					probe.files);
				assert.ok(res, 'a submission after the restart');
				known.set(idFrom(res), { expect: probe.expect, acked: 'draft', states: new Set(['draft']) });

				// The checks that take the write lock run on the quiescent file.
				await srv.stop({ keep: true }); // SIGTERM: exit 0, no sanitizer report
				checkDatabase(srv.db);
				assert.deepEqual(strayFiles(srv.dir), [], 'files left in the data directory');
				await srv.restart();
				ok = true;
			});
		}
		t.diagnostic(`${CYCLES} kills; ${totals.acked} acknowledged writes, none lost;`
			+ ` ${totals.unknownStored} unanswered submissions found whole;`
			+ ` ${totals.photos} requests with a photo at the end`);
	} finally {
		await srv.stop();
	}
});
