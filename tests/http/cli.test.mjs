// The command line: help texts, `user add` refusing bad input without writing, `demo`, and a
// failing migration stopping `serve` with the database left as it was.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
	ROOT, runBin, assertNoSanitizerReport, sql, startServer, Client, csrfFrom,
} from './lib.mjs';

const WORKFLOW_STATES = ['draft', 'submitted', 'in_review', 'changes_requested', 'rejected', 'scheduled',
	'published', 'unpublished', 'withdrawn'];

describe('command line', () => {
	let dir;

	before(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-cli-'));
	});
	after(() => {
		if (dir && !process.env.SIARAN_KEEP_TMP)
			fs.rmSync(dir, { recursive: true, force: true });
	});

	test('--help of every command exits 0 and prints its usage', () => {
		for (const args of [['--help'], ['serve', '--help'], ['migrate', '--help'], ['user', '--help'],
			['demo', '--help']]) {
			const r = runBin(args);
			assert.equal(r.status, 0, `siaran ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
			assert.match(r.stdout, /^usage: siaran/m, `siaran ${args.join(' ')} prints usage`);
			assertNoSanitizerReport(r.stderr);
		}
		assert.match(runBin(['serve', '--help']).stdout, /--listen/);
		assert.match(runBin(['user', '--help']).stdout, /--password-stdin/);
	});

	test('no command or an unknown one is a usage error', () => {
		for (const args of [[], ['publish'], ['serve', '--bogus'], ['migrate', 'extra']]) {
			const r = runBin(args);
			assert.notEqual(r.status, 0, `siaran ${args.join(' ')} should fail`);
			assert.match(r.stderr, /usage: siaran|siaran:/);
			assertNoSanitizerReport(r.stderr);
		}
	});

	test('user add refuses bad input with a one-line reason and writes nothing', () => {
		const db = path.join(dir, 'users.db');
		assert.equal(runBin(['migrate', '--db', db]).status, 0);
		const ok = runBin(['user', 'add', '--db', db, '--email', 'ada@siaran.test', '--name', 'Sudah Ada',
			'--role', 'editor', '--password-stdin'], { input: 'kata-sandi-yang-panjang\n' });
		assert.equal(ok.status, 0, ok.stderr);
		const before = sql(db, 'SELECT * FROM users ORDER BY id');
		assert.equal(before.length, 1);
		const good = 'kata-sandi-yang-panjang\n';
		const cases = [
			['bad role', ['--email', 'a@siaran.test', '--name', 'A', '--role', 'superuser'], good, /role/],
			['unknown unit', ['--email', 'b@siaran.test', '--name', 'B', '--role', 'contributor', '--unit', 'NOPE'], good, /unit/],
			['contributor without unit', ['--email', 'c@siaran.test', '--name', 'C', '--role', 'contributor'], good, /unit/],
			['duplicate e-mail', ['--email', 'ada@siaran.test', '--name', 'D', '--role', 'admin'], good, /exists/],
			['duplicate e-mail, other case', ['--email', 'ADA@siaran.test', '--name', 'D', '--role', 'admin'], good, /exists/],
			['short password', ['--email', 'e@siaran.test', '--name', 'E', '--role', 'admin'], 'pendek12345\n', /12/],
			['bad e-mail', ['--email', 'bukan-email', '--name', 'F', '--role', 'admin'], good, /e-mail/],
			['no password on stdin', ['--email', 'g@siaran.test', '--name', 'G', '--role', 'admin'], '', /password/],
		];
		for (const [what, args, input, reason] of cases) {
			const r = runBin(['user', 'add', '--db', db, ...args, '--password-stdin'], { input });
			assert.notEqual(r.status, 0, `${what}: exit 0`);
			assert.ok(r.signal === null, `${what}: killed by ${r.signal}`);
			assertNoSanitizerReport(r.stderr, what);
			const lines = r.stderr.trim().split('\n');
			assert.equal(lines.length, 1, `${what}: one line on stderr, got:\n${r.stderr}`);
			assert.match(lines[0], reason, `${what}: ${lines[0]}`);
			assert.deepEqual(sql(db, 'SELECT * FROM users ORDER BY id'), before, `${what}: users unchanged`);
		}
		const noStdin = runBin(['user', 'add', '--db', db, '--email', 'h@siaran.test', '--name', 'H', '--role', 'admin']);
		assert.notEqual(noStdin.status, 0, 'without --password-stdin');
		assert.deepEqual(sql(db, 'SELECT * FROM users ORDER BY id'), before);
	});

	test('demo loads users, releases in every state with photos, and keeps requests on a second run', async () => {
		const demoDir = path.join(dir, 'demo');
		fs.mkdirSync(demoDir);
		const db = path.join(demoDir, 'siaran.db');
		const first = runBin(['demo', '--db', db, '--data', demoDir]);
		assert.equal(first.status, 0, first.stderr);
		assertNoSanitizerReport(first.stderr, 'demo');
		const pw = [...first.stdout.matchAll(/(\S+@\S+)\s+password: (\S+)/g)].map((m) => [m[1], m[2]]);
		assert.ok(pw.length >= 3, `demo prints the passwords:\n${first.stdout}`);
		const roles = sql(db, 'SELECT DISTINCT role FROM users ORDER BY role').map((r) => r.role);
		assert.deepEqual(roles, ['admin', 'contributor', 'editor']);
		const states = new Set(sql(db, 'SELECT DISTINCT state FROM requests').map((r) => r.state));
		for (const s of WORKFLOW_STATES)
			assert.ok(states.has(s), `demo has a request in state ${s}`);
		const published = sql(db, "SELECT number, slug FROM requests WHERE state = 'published'");
		assert.ok(published.length >= 1);
		assert.ok(published.every((p) => p.number && p.slug));
		const count = sql(db, 'SELECT COUNT(*) AS n FROM requests')[0].n;
		// Photos drawn at load time, stored as uploads are: by hash, with their web sizes.
		const photos = sql(db, `SELECT rm.request_id AS id, rm.sha256, rm.caption, rm.credit, m.width
			FROM request_media rm JOIN media m USING (sha256) JOIN requests r ON r.id = rm.request_id
			WHERE rm.kind = 'photo' AND r.state = 'published'`);
		const withPhotos = new Set(photos.map((p) => p.id));
		assert.ok(withPhotos.size >= 2, `published releases with photos: ${withPhotos.size}`);
		assert.ok(photos.length >= withPhotos.size + 2, 'a gallery besides the lead photos');
		for (const p of photos) {
			assert.ok(p.caption && p.credit && p.width >= 1200);
			const stored = path.join(demoDir, 'media', p.sha256.slice(0, 2), p.sha256);
			assert.deepEqual(fs.readdirSync(stored).sort(),
				['original', 'photo.jpg', 'w1200.jpg', 'w1200.webp', 'w480.jpg', 'w480.webp']);
		}
		assert.deepEqual(fs.readdirSync(path.join(demoDir, 'tmp')), [], 'temporary files left behind');
		const mediaCount = sql(db, 'SELECT COUNT(*) AS n FROM request_media')[0].n;

		const second = runBin(['demo', '--db', db, '--data', demoDir]);
		assert.equal(second.status, 0, second.stderr);
		assertNoSanitizerReport(second.stderr, 'demo (again)');
		assert.equal(sql(db, 'SELECT COUNT(*) AS n FROM requests')[0].n, count, 'the second run keeps the requests');
		assert.equal(sql(db, 'SELECT COUNT(*) AS n FROM request_media')[0].n, mediaCount, 'and adds no photos');
		const pw2 = new Map([...second.stdout.matchAll(/(\S+@\S+)\s+password: (\S+)/g)].map((m) => [m[1], m[2]]));
		assert.ok(pw2.size >= 3);

		// The printed passwords work, and the published releases are on the site.
		const srv = await startServer({ dir: demoDir, users: false });
		try {
			const editorEmail = [...pw2.keys()].find((e) => e.startsWith('editor'));
			const c = new Client(srv);
			const page = await c.get('/login');
			const r = await c.post('/login', [['email', editorEmail], ['password', pw2.get(editorEmail)],
				['csrf_token', csrfFrom(page.text)]]);
			assert.equal(r.status, 303, `demo editor login with the new password: ${r.status}`);
			const home = await new Client(srv).get('/');
			assert.equal(home.status, 200);
			for (const p of published)
				assert.ok(home.text.includes(`/releases/${p.slug}`), `front page lists ${p.slug}`);
			const rel = await new Client(srv).get(`/releases/${published[0].slug}`);
			assert.equal(rel.status, 200);
			assert.ok(rel.text.includes(published[0].number));
			// A release with photos shows its lead photo, and the files are served.
			const [lead] = photos;
			const slug = sql(db, `SELECT slug FROM requests WHERE id = ${Number(lead.id)}`)[0].slug;
			const withPhoto = await new Client(srv).get(`/releases/${slug}`);
			assert.match(withPhoto.text, new RegExp(`<img src="/media/${lead.sha256}/w480.jpg"`));
			const img = await new Client(srv).get(`/media/${lead.sha256}/w1200.webp`);
			assert.equal(img.status, 200);
		} finally {
			await srv.stop({ keep: true });
		}
	});

	test('a failing migration stops serve with the reason and leaves the database as it was', () => {
		const share = path.join(dir, 'share');
		fs.mkdirSync(path.join(share, 'migrations'), { recursive: true });
		fs.symlinkSync(path.join(ROOT, 'templates'), path.join(share, 'templates'));
		fs.symlinkSync(path.join(ROOT, 'static'), path.join(share, 'static'));
		const real = fs.readdirSync(path.join(ROOT, 'migrations')).filter((f) => f.endsWith('.sql'));
		for (const f of real)
			fs.copyFileSync(path.join(ROOT, 'migrations', f), path.join(share, 'migrations', f));
		fs.writeFileSync(path.join(share, 'migrations', '999_broken.sql'), 'CREATE TABLE x(a); THIS IS NOT SQL;\n');
		const env = { SIARAN_SHARE: share };

		// On a database with the real migrations applied.
		const db = path.join(dir, 'broken.db');
		assert.equal(runBin(['migrate', '--db', db]).status, 0);
		const applied = sql(db, 'SELECT version FROM schema_migrations ORDER BY version').map((r) => r.version);
		const r = runBin(['serve', '--db', db, '--data', dir, '--listen', '127.0.0.1:0'], { env, timeout: 15_000 });
		assert.ok(r.signal === null, `serve did not stop by itself (killed by ${r.signal})`);
		assert.notEqual(r.status, 0, 'serve exits non-zero');
		assert.match(r.stderr, /999_broken\.sql/, `the reason names the migration:\n${r.stderr}`);
		assert.match(r.stderr, /syntax error|THIS/i, `the reason says what failed:\n${r.stderr}`);
		assert.doesNotMatch(r.stdout, /listening on/);
		assertNoSanitizerReport(r.stderr, 'serve with a broken migration');
		assert.deepEqual(sql(db, "SELECT name FROM sqlite_master WHERE name = 'x'"), []);
		assert.deepEqual(sql(db, 'SELECT version FROM schema_migrations ORDER BY version').map((x) => x.version), applied);

		// On a fresh database: the good migrations apply, the broken one does not.
		const fresh = path.join(dir, 'fresh.db');
		const m = runBin(['migrate', '--db', fresh], { env });
		assert.notEqual(m.status, 0, 'migrate exits non-zero');
		assert.match(m.stderr, /999_broken\.sql/);
		assertNoSanitizerReport(m.stderr, 'migrate with a broken migration');
		assert.deepEqual(sql(fresh, "SELECT name FROM sqlite_master WHERE name = 'x'"), []);
		const versions = sql(fresh, 'SELECT version FROM schema_migrations ORDER BY version').map((x) => x.version);
		assert.ok(!versions.includes(999), 'schema_migrations lacks 999');
	});

	test('serve refuses a port that is already in use, instead of sharing it', async () => {
		const srv = await startServer({ users: false });
		try {
			const port = new URL(srv.base).port;
			const r = runBin(['serve', '--db', path.join(dir, 'second.db'), '--data', dir, '--listen',
				`127.0.0.1:${port}`], { timeout: 15_000 });
			assert.equal(r.signal, null, 'it stops by itself');
			assert.notEqual(r.status, 0);
			assert.match(r.stderr, /Address already in use/);
			assert.doesNotMatch(r.stdout, /listening on/);
			assert.equal((await new Client(srv).get('/healthz')).status, 200, 'the first one still serves');
		} finally {
			await srv.stop();
		}
	});
});
