// Disk full: the database and the data directory live on a small tmpfs; once a filler file has
// taken every free block, each write answers 303 only if it really was stored (SQLite may still
// reuse space inside its WAL file), and otherwise 503 with the "Penyimpanan penuh" page — never
// a success for something that is not there; reading pages keeps working; the database stays
// sound; and once the filler is deleted everything works again without a restart.
//
// Mounting needs root (CI runs as root) or, failing that, a user namespace (`unshare -Urm`, in
// which this file runs itself again). Where neither is possible the test is skipped and says why.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, loginAs, pressRelease, sql, sqlValue, requestRow } from '../http/lib.mjs';
import { checkDatabase, strayFiles } from './lib.mjs';

const FS_SIZE = '8m';
const NS_FLAG = 'SIARAN_DISKFULL_IN_NAMESPACE';

/* Mounts a tmpfs of FS_SIZE on a new temp directory; returns { dir } or { error }. */
function mountSmallFs() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-diskfull-'));
	const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${FS_SIZE},mode=0700`, 'tmpfs', dir],
		{ encoding: 'utf8' });
	if (r.status !== 0) {
		fs.rmdirSync(dir);
		return { error: `mount -t tmpfs failed (${(r.stderr || r.error?.message || '').trim()});`
			+ ' run as root, or where `unshare -Urm` is allowed' };
	}
	return { dir };
}

function unmount(dir) {
	const r = spawnSync('umount', [dir], { encoding: 'utf8' });
	assert.equal(r.status, 0, `umount ${dir}: ${r.stderr}`);
	fs.rmdirSync(dir);
}

/* Takes every free block of the file system holding dir with one file; returns its path. */
function fill(dir) {
	const file = path.join(dir, 'filler');
	const fd = fs.openSync(file, 'w');
	try {
		for (const size of [1 << 20, 65536, 4096, 512, 1]) {
			const chunk = Buffer.alloc(size, 0x55);
			for (;;) {
				try {
					fs.writeSync(fd, chunk);
				} catch (e) {
					if (e.code !== 'ENOSPC')
						throw e;
					break;
				}
			}
		}
	} finally {
		fs.closeSync(fd);
	}
	assert.equal(fs.statfsSync(dir).bavail, 0, 'the file system is full');
	return file;
}

/* A big press release (so that each transaction needs fresh pages). */
function bigRelease(tag) {
	const body = Array.from({ length: 60 }, (_, i) =>
		`Paragraf ${i + 1} siaran ${tag}: warga Jakarta diminta waspada banjir dan memantau`
		+ ' informasi resmi dari kelurahan, puskesmas dan BPBD setempat sepanjang musim hujan.').join('\n\n');
	return pressRelease({ title: `Siaran uji disk penuh ${tag}`, body });
}

/* 303 means stored; anything else must be the 503 storage page. */
function assertFullPage(res, what) {
	assert.equal(res.status, 503, `${what}: ${res.status}\n${res.text.slice(0, 800)}`);
	assert.match(res.text, /<h1>Penyimpanan penuh<\/h1>/, `${what}: the storage-full heading`);
	assert.match(res.text, /belum tersimpan/, `${what}: says nothing was saved`);
	assert.equal(res.headers.get('retry-after'), '300', `${what}: Retry-After`);
	assert.match(res.headers.get('content-type'), /^text\/html; charset=utf-8/);
}

const fsys = mountSmallFs();
// Mounting refused (not root, or a container without CAP_SYS_ADMIN): run this file again inside
// a new user and mount namespace, where mounting a tmpfs is allowed, passing its output and
// verdict through.
if (fsys.error && !process.env[NS_FLAG] && spawnSync('unshare', ['-Urm', 'true']).status === 0) {
	const r = spawnSync('unshare', ['-Urm', process.execPath, ...process.execArgv,
		fileURLToPath(import.meta.url)], { stdio: 'inherit', env: { ...process.env, [NS_FLAG]: '1' } });
	process.exit(r.status ?? 1);
}
if (fsys.error)
	console.log(`\n*** disk-full test SKIPPED: ${fsys.error} ***\n`);

test('disk full: 503 and nothing stored, never a false success; recovery when space returns',
	{ skip: fsys.error || false }, async (t) => {
		const srv = await startServer({ dir: fsys.dir });
		try {
			const c = await loginAs(srv, 'contribA');
			const e = await loginAs(srv, 'editor');
			const before = [];
			for (let i = 0; i < 3; i++) {
				const res = await c.form('/requests', [...bigRelease(`awal ${i}`), ['action', 'submit']]);
				assert.equal(res.status, 303);
				before.push(Number(res.location.split('/').pop()));
			}

			const filler = fill(fsys.dir);
			// Submissions until several were refused: each 303 must be stored, each refusal
			// must have stored nothing.
			const stored = [];
			let refused = 0;
			for (let i = 0; i < 200 && refused < 5; i++) {
				const title = `Siaran uji disk penuh penuh-${i}`;
				const res = await c.form('/requests', [...bigRelease(`penuh-${i}`), ['action', 'submit']]);
				const rows = sql(srv.db, `SELECT id, state FROM requests WHERE title = '${title}'`);
				if (res.status === 303) {
					assert.equal(rows.length, 1, `answered 303 but not stored: ${title}`);
					assert.equal(rows[0].state, 'submitted');
					stored.push(rows[0].id);
				} else {
					assertFullPage(res, `submission ${i}`);
					assert.equal(rows.length, 0, `answered ${res.status} but stored: ${title}`);
					refused++;
				}
			}
			t.diagnostic(`disk full: ${stored.length} submissions still fitted in the WAL file,`
				+ ` then ${refused} refused`);
			assert.equal(refused, 5, 'a full disk eventually refuses submissions');

			// Other writes: a workflow action and a comment. Stored if 303, untouched if 503.
			const id = before[0];
			const claim = await e.form(`/requests/${id}/claim`);
			if (claim.status === 303)
				assert.equal(requestRow(srv.db, id).state, 'in_review');
			else {
				assertFullPage(claim, 'claim');
				assert.equal(requestRow(srv.db, id).state, 'submitted');
			}
			const comments = () => sqlValue(srv.db, `SELECT COUNT(*) FROM comments WHERE request_id = ${id}`);
			const n0 = comments();
			const com = await e.form(`/requests/${id}/comments`, [['body', 'Mohon cek ulang angka korban. '
				+ 'x'.repeat(3900)], ['internal', '1']]);
			if (com.status === 303)
				assert.equal(comments(), n0 + 1);
			else {
				assertFullPage(com, 'comment');
				assert.equal(comments(), n0);
			}

			// Reading still works, for the public and for signed-in users.
			assert.equal((await c.get('/')).status, 200);
			assert.equal((await c.get('/requests')).status, 200);
			assert.equal((await c.get(`/requests/${before[1]}`)).status, 200);
			assert.deepEqual(sql(srv.db, 'PRAGMA integrity_check'), [{ integrity_check: 'ok' }]);

			// Space back: everything works again, without a restart.
			fs.rmSync(filler);
			const again = await c.form('/requests', [...bigRelease('lagi'), ['action', 'submit']]);
			assert.equal(again.status, 303, `after space returned: ${again.status}`);
			const againId = Number(again.location.split('/').pop());
			assert.equal(requestRow(srv.db, againId).title, 'Siaran uji disk penuh lagi');
			await (claim.status === 303 ? Promise.resolve() : e.form(`/requests/${id}/claim`));
			assert.equal(requestRow(srv.db, id).state, 'in_review');
			const pub = await e.form(`/requests/${id}/approve`, [['publish_at', '']]);
			assert.equal(pub.status, 303);
			assert.equal(requestRow(srv.db, id).state, 'published');
			for (const sid of stored)
				assert.equal(requestRow(srv.db, sid).state, 'submitted');

			await srv.stop({ keep: true });
			checkDatabase(srv.db);
			assert.deepEqual(strayFiles(fsys.dir), [], 'files left in the data directory');
		} finally {
			await srv.stop({ keep: true }).catch(() => {});
			unmount(fsys.dir);
		}
	});
