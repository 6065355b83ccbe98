// Response headers on every kind of answer: content type with charset, nosniff, referrer policy,
// a CSP that forbids framing and inline code; 405 with Allow; the health check; static files.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
	startServer, loginAs, Client, pressRelease, createRequest, act, publishNew, requestRow, rawRequest,
	checkSecurityHeaders, headMap,
} from './lib.mjs';

describe('response headers', () => {
	let srv, a, editor, anon;
	let published, unpublished, submitted;

	before(async () => {
		srv = await startServer();
		a = await loginAs(srv, 'contribA');
		editor = await loginAs(srv, 'editor');
		anon = new Client(srv);
		published = requestRow(srv.db, await publishNew(a, editor)).slug;
		const u = await publishNew(a, editor);
		await act(editor, u, 'unpublish', [['reason', 'Ditarik untuk uji header.']]);
		unpublished = requestRow(srv.db, u).slug;
		submitted = await createRequest(a, pressRelease());
	});
	after(async () => {
		await srv?.stop();
	});

	test('every kind of answer carries the security headers', async () => {
		const cases = [
			['GET / (200)', () => anon.get('/'), 200],
			['GET /releases/SLUG (200)', () => anon.get(`/releases/${published}`), 200],
			['GET /releases/SLUG (410)', () => anon.get(`/releases/${unpublished}`), 410],
			['GET /login (200)', () => anon.get('/login'), 200],
			['GET /healthz (200)', () => anon.get('/healthz'), 200],
			['GET /requests anonymous (303)', () => anon.get('/requests'), 303],
			['GET /nope (404)', () => anon.get('/nope'), 404],
			['GET /?after=x (400)', () => anon.get('/?after=x'), 400],
			['POST /healthz (405)', () => anon.post('/healthz', []), 405],
			['POST /requests anonymous (403)', () => anon.post('/requests', [['title', 'x']]), 403],
			['GET /requests (200)', () => a.get('/requests'), 200],
			['GET /requests/new (200)', () => a.get('/requests/new'), 200],
			['GET /requests/ID (200)', () => a.get(`/requests/${submitted}`), 200],
			['GET /requests/ID/preview (200)', () => a.get(`/requests/${submitted}/preview`), 200],
			['POST /requests invalid (422)', () => a.form('/requests', [['kind', 'press_release'], ['title', 'x'], ['action', 'save']]), 422],
			['POST submit twice (409)', () => a.form(`/requests/${submitted}/submit`, []), 409],
			['GET /requests/new as editor (403)', () => editor.get('/requests/new'), 403],
			['POST /login wrong (401)', async () => {
				const c = new Client(srv);
				await c.get('/login');
				return c.post('/login', [['email', 'x@y.test'], ['password', 'salah-salah-salah'], ['csrf_token', c.csrf]]);
			}, 401],
			['POST with invalid UTF-8 (400)', () => a.post('/requests', `title=%FF&csrf_token=${a.csrf}`), 400],
		];
		for (const [what, run, status] of cases) {
			const r = await run();
			assert.equal(r.status, status, `${what}: status ${r.status}`);
			checkSecurityHeaders(what, r.headers);
		}
	});

	test('HTML pages are text/html; charset=utf-8, private pages are not stored by caches', async () => {
		for (const r of [await anon.get('/'), await a.get('/requests'), await anon.get('/nope')])
			assert.match(r.headers.get('content-type'), /^text\/html;\s*charset=utf-8$/i);
		const priv = await a.get(`/requests/${submitted}`);
		assert.match(priv.headers.get('cache-control') || '', /no-store|private/);
	});

	test('GET /healthz answers ok', async () => {
		const r = await anon.get('/healthz');
		assert.equal(r.status, 200);
		assert.equal(r.text.trim(), 'ok');
		assert.match(r.headers.get('content-type'), /^text\/plain;\s*charset=utf-8$/i);
	});

	test('a wrong method on an existing path is 405 with Allow', async () => {
		let r = await anon.post('/healthz', []);
		assert.equal(r.status, 405);
		assert.match(r.headers.get('allow') || '', /\bGET\b/);
		assert.doesNotMatch(r.headers.get('allow'), /POST/);
		r = await anon.get('/logout');
		assert.equal(r.status, 405);
		assert.equal(r.headers.get('allow'), 'POST');
		r = await a.get(`/requests/${submitted}/approve`);
		assert.equal(r.status, 405);
		assert.equal(r.headers.get('allow'), 'POST');
		r = await anon.post('/', []);
		assert.equal(r.status, 405);
		assert.match(r.headers.get('allow') || '', /\bGET\b/);
	});

	test('POST to a GET-only page under /requests/ID is 405, not an unknown action', async () => {
		const r = await a.form(`/requests/${submitted}/preview`, []);
		assert.equal(r.status, 405, `POST /requests/ID/preview: ${r.status}`);
		assert.match(r.headers.get('allow') || '', /\bGET\b/);
	});

	test('other methods (PUT, DELETE, PATCH, OPTIONS) on existing paths are 405 with Allow', async () => {
		for (const [method, p] of [['PUT', '/healthz'], ['DELETE', `/requests/${submitted}`], ['PATCH', '/requests'],
			['OPTIONS', '/']]) {
			const r = await rawRequest(srv.base, { method, path: p });
			assert.equal(r.status, 405, `${method} ${p}: ${r.status}`);
			const h = headMap(r.head);
			checkSecurityHeaders(`${method} ${p}`, h);
			assert.ok(h.allow, `${method} ${p}: 405 without an Allow header\n${r.head}`);
		}
	});

	test('HEAD / answers like GET without a body', async () => {
		const r = await rawRequest(srv.base, { method: 'HEAD', path: '/' });
		assert.equal(r.status, 200);
		checkSecurityHeaders('HEAD /', headMap(r.head));
		assert.equal(r.body, '');
	});

	test('the stylesheet is served with its type, an ETag and the security headers', async () => {
		const r = await anon.get('/static/style.css');
		assert.equal(r.status, 200, `GET /static/style.css: ${r.status}`);
		assert.match(r.headers.get('content-type'), /^text\/css;\s*charset=utf-8$/i);
		checkSecurityHeaders('GET /static/style.css', r.headers);
		assert.ok(r.text.length > 0);
		const etag = r.headers.get('etag');
		assert.ok(etag, 'ETag');
		const again = await anon.get('/static/style.css', { 'If-None-Match': etag });
		assert.equal(again.status, 304);
		for (const p of ['/static/nope.css', '/static/..%2Fmigrations%2F001_schema.sql', '/static/.hidden']) {
			const n = await anon.get(p);
			assert.equal(n.status, 404, `GET ${p}`);
			checkSecurityHeaders(`GET ${p}`, n.headers);
		}
	});
});
