// A handler that works longer than the idle timeout (SIARAN_CONNECTION_TIMEOUT) still gets its
// answer to the client: libmicrohttpd's idle timeout is for a silent client, and a request whose
// handler takes long (photos waiting for an image slot, a write waiting for the database, password
// hashing on a loaded machine) must not be cut off once its work is done and stored.
// The handler is made slow deterministically: another process holds the database's write lock
// for three seconds, so every write waits (SQLite's busy timeout is 10 s), with a 1-second
// idle timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startServer, loginAs, createRequest, pressRelease, sqlValue } from './lib.mjs';
import { smallJpegs } from './media-files.mjs';
import { setTimeout as sleep } from 'node:timers/promises';

/* With a 1-second idle timeout the server closes a kept-alive connection between two requests of
 * the test; fetch would reuse it if the close came just as it sends (EPIPE, not retried for a
 * POST). Waiting until the server has surely closed it makes the next request open a new one. */
const idleClosed = () => sleep(2500);

/* Holds the write lock of db for ms milliseconds; resolves once it is held, with a promise of
 * the holder's end. */
function holdWriteLock(db, ms) {
	const p = spawn('sqlite3', [db], { stdio: ['pipe', 'pipe', 'pipe'] });
	p.stdin.end(`BEGIN IMMEDIATE;\nSELECT 'locked';\n.shell sleep ${ms / 1000}\nCOMMIT;\n`);
	const done = new Promise((resolve) => p.on('close', resolve));
	return new Promise((resolve, reject) => {
		let out = '';
		p.stdout.on('data', (d) => {
			out += d;
			if (out.includes('locked'))
				resolve({ done });
		});
		p.on('error', reject);
		p.on('close', (code) => reject(new Error(`sqlite3 ended (${code}) before taking the lock`)));
	});
}

test('handlers waiting past the 1-second idle timeout still answer', async () => {
	const [photo] = smallJpegs(1);
	const srv = await startServer({ env: { SIARAN_CONNECTION_TIMEOUT: '1' } });
	try {
		const a = await loginAs(srv, 'contribA');
		const id = await createRequest(a, pressRelease(), 'save');
		await a.get(`/requests/${id}`);

		// A form: the new request waits for the lock, then is stored and acknowledged.
		await idleClosed();
		let lock = await holdWriteLock(srv.db, 3000);
		let t0 = Date.now();
		const res = await a.form('/requests', [...pressRelease({ title: 'Ditulis setelah menunggu' }),
			['action', 'save']]);
		let ms = Date.now() - t0;
		await lock.done;
		assert.ok(ms > 2000, `the write waited only ${ms} ms: the lock was not held`);
		assert.equal(res.status, 303, res.text.slice(0, 300));
		assert.equal(sqlValue(srv.db, "SELECT COUNT(*) FROM requests WHERE title = 'Ditulis setelah menunggu'"), 1);

		// An upload: the file is streamed to disk first, then the handler waits.
		await idleClosed();
		lock = await holdWriteLock(srv.db, 3000);
		t0 = Date.now();
		const up = await a.multipart(`/requests/${id}/media`, [['photo_caption', 'Rapat'], ['photo_credit', 'Humas']],
			[['photo', 'rapat.jpg', photo, 'image/jpeg']]);
		ms = Date.now() - t0;
		await lock.done;
		assert.ok(ms > 2000, `the upload waited only ${ms} ms: the lock was not held`);
		assert.equal(up.status, 303, up.text.slice(0, 300));
		assert.equal(sqlValue(srv.db, `SELECT COUNT(*) FROM request_media WHERE request_id = ${id}`), 1);
	} finally {
		await srv.stop();
	}
});
