// Inputs that fuzzing (tests/fuzz/) found to break the real server, replayed against the real
// binary: each must get a clear 4xx, and the server must keep serving.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, rawRequest, dbSnapshot } from './lib.mjs';

describe('fuzzing findings', () => {
	let srv;
	before(async () => {
		srv = await startServer();
	});
	after(async () => {
		await srv?.stop();
	});

	// fuzz_request: a multipart part without a name reached the field store as a NULL name
	// (strlen(NULL): a crash of the whole server, before any login or CSRF check).
	for (const path of ['/login', '/requests', '/nowhere']) {
		test(`a multipart part without a name on POST ${path} is answered 400`, async () => {
			const snap = dbSnapshot(srv.db);
			const body = '--XX\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XX--\r\n';
			const r = await rawRequest(srv.base, {
				path, body, headers: { 'Content-Type': 'multipart/form-data; boundary=XX' },
			});
			assert.equal(r.status, 400, `POST ${path}: ${r.status ?? r.error}`);
			assert.match(r.body, /Isi formulir rusak/);
			assert.deepEqual(dbSnapshot(srv.db), snap);
			const h = await fetch(`${srv.base}/healthz`);
			assert.equal(h.status, 200);
		});
	}
});
