// A crawl of every route of the access matrix, as every role, plus 404, 405, 413, 414, 400 and
// every file under static/: each answer carries a CSP without unsafe-inline and with
// frame-ancestors, nosniff, a Referrer-Policy and a charset on every text type. What libmicrohttpd
// answers by itself (malformed request line, oversized headers, bad Content-Length) carries none of
// our headers and cannot (docs/testing.md): for those, only what can be asserted is.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, checkSecurityHeaders, headMap, rawRequest } from '../http/lib.mjs';
import { ROLES, loadMatrix, makeWorld, fillPattern, converse } from './lib.mjs';

describe('security headers on every answer', () => {
	let srv, w;

	before(async () => {
		srv = await startServer();
		w = await makeWorld(srv);
	});
	after(async () => {
		await srv?.stop();
	});

	test('every route of the matrix, as every role, GET and HEAD', async () => {
		const statuses = new Set();
		for (const row of loadMatrix().rows) {
			const [method, pattern] = row.route.split(' ');
			const p = fillPattern(pattern, row, w.objects);
			for (const role of ROLES) {
				const c = w.clients[role];
				const r = method === 'GET' ? await c.get(p) : await c.post(p, []); // POST: refused (no token)
				checkSecurityHeaders(`${method} ${p} as ${role} (${r.status})`, r.headers);
				statuses.add(r.status);
				if (method === 'GET') {
					const h = await c.request('HEAD', p);
					checkSecurityHeaders(`HEAD ${p} as ${role}`, h.headers);
				}
			}
		}
		for (const s of [200, 303, 403, 404])
			assert.ok(statuses.has(s), `the crawl saw a ${s}`);
	});

	test('errors: 404, 405, 400, 413, 414, 415, 304', async () => {
		const a = w.clients.contribA;
		const cases = [
			['404', () => a.get('/tidak-ada'), 404],
			['404 under /api/', () => a.get('/api/v1/tidak-ada'), 404],
			['405', () => a.request('PUT', '/'), 405],
			['405 under /api/', () => a.request('DELETE', '/api/v1/releases'), 405],
			['400 bad cursor', () => a.get('/?after=x'), 400],
			['400 bad UTF-8', () => a.get('/search?q=%ff'), 400],
			['415', () => a.request('POST', '/requests', { body: '{}', contentType: 'application/json' }), 415],
		];
		for (const [what, run, status] of cases) {
			const r = await run();
			assert.equal(r.status, status, what);
			checkSecurityHeaders(what, r.headers);
		}
		// 413 for a declared length over the cap, refused before the body is read.
		let r = await rawRequest(srv.base, { path: '/requests', body: 'a'.repeat(2 * 1024 * 1024), headWaitMs: 1000,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Expect: '100-continue' } });
		assert.equal(r.status, 413);
		checkSecurityHeaders('413', headMap(r.head));
		// 414 for too many query fields.
		r = await rawRequest(srv.base, { method: 'GET', path: `/search?${Array.from({ length: 201 }, (_, i) => `p${i}=1`).join('&')}` });
		assert.equal(r.status, 414);
		checkSecurityHeaders('414', headMap(r.head));
		// 400 for ambiguous framing (our check, made before the body).
		r = await rawRequest(srv.base, { path: '/login', body: 'a=b', headers: { 'Content-Type':
			'application/x-www-form-urlencoded', 'Content-Length': '3', 'Transfer-Encoding': 'chunked' } });
		assert.equal(r.status, 400);
		checkSecurityHeaders('400 framing', headMap(r.head));
		// 304 answers keep them too.
		const first = await a.get('/static/style.css');
		const nm = await a.get('/static/style.css', { 'If-None-Match': first.headers.get('etag') });
		assert.equal(nm.status, 304);
		assert.equal(nm.headers.get('x-content-type-options'), 'nosniff');
		assert.ok(nm.headers.get('content-security-policy'));
	});

	test('every file under static/', async () => {
		const dir = path.join(ROOT, 'static');
		const files = fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
		assert.ok(files.length >= 2);
		for (const f of files) {
			const r = await w.clients.anon.get(`/static/${f}`);
			assert.equal(r.status, 200, `/static/${f}`);
			checkSecurityHeaders(`/static/${f}`, r.headers);
			if (f.endsWith('.svg')) // an SVG opened on its own must not run script either
				assert.match(r.headers.get('content-type'), /^image\/svg\+xml/);
		}
	});

	test("libmicrohttpd's own answers: an error status and a closed connection (no hook to add headers)", async () => {
		const host = new URL(srv.base).host;
		for (const [what, data, status] of [
			['request line without version', 'GET /\r\n\r\n', 400],
			['HTTP/2.0 request line', `GET / HTTP/2.0\r\nHost: ${host}\r\n\r\n`, 505],
			['100 KiB header', `GET / HTTP/1.1\r\nHost: ${host}\r\nX-A: ${'a'.repeat(100_000)}\r\n\r\n`, 431],
			['100 KiB URI', `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: ${host}\r\n\r\n`, 414],
			['no Host', 'GET / HTTP/1.1\r\n\r\n', 400],
		]) {
			const { raw } = await converse(srv.base, [data], { idleMs: 5000 });
			const m = /^HTTP\/1\.1 (\d{3})/.exec(raw);
			assert.ok(m, `${what}: no answer`);
			assert.equal(Number(m[1]), status, what);
			assert.match(raw, /\r\nConnection: close\r\n/i, `${what}: the connection is closed after it`);
			// The body is libmicrohttpd's fixed text: no request data is echoed back into it.
			assert.ok(!raw.includes('aaaa'), `${what}: request data echoed`);
		}
	});
});
