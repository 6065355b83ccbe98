// XSS: the payloads of xss-payloads.txt (well-known classes, 100+) in every text field of the
// release forms (title, lead, body, location, address, contact, quotes), in comments and internal
// notes, and in the query parameters a visitor can type (search, filters, next); every page that
// shows them, opened in headless Chromium: the workbench page, preview, diff, lists,
// notifications, the audit log, the form refilled after a validation error, the public release
// and its text view, search results, unit and agenda pages, feeds and the API (the calendar is
// downloaded, not shown, by a browser; the sitemap holds only our own URLs, and Chromium's XML
// viewer sets inline styles of its own that the CSP refuses). Nothing may open a
// dialog, violate the CSP (securitypolicyviolation events and console reports), or appear in the
// DOM as an element or attribute that could run script.
// Photo captions, credits and the names of uploaded files (photos and documents) too: the request
// page (unit and editor), the refused upload, the public release page and front page.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import {
	startServer, loginAs, pressRelease, mediaAdvisory, createRequest, act, requestRow, csrfFrom, sql,
} from '../http/lib.mjs';
import { HERE, uniqueJpeg } from './lib.mjs';
import { pdf } from '../http/media-files.mjs';

export const PAYLOADS = fs.readFileSync(path.join(HERE, 'xss-payloads.txt'), 'utf8').split('\n')
	.filter((l) => l.trim() && !l.startsWith('# '));

/* Packs payloads into strings of at most max characters (each payload at least once). */
function pack(list, max, sep = ' ', prefix = '') {
	const out = [];
	let cur = prefix;
	for (const p of list) {
		if (prefix.length + p.length > max)
			continue; // longer than the field allows on its own (none are, but be safe)
		if (cur.length + sep.length + p.length > max) {
			out.push(cur);
			cur = prefix;
		}
		cur += (cur.length ? sep : '') + p;
	}
	if (cur !== prefix)
		out.push(cur);
	return out;
}

/* Runs in every page before its own code: collects CSP violations. */
const INIT = `
	window.__xssReports = [];
	document.addEventListener('securitypolicyviolation', (e) => {
		window.__xssReports.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
	}, true);
`;

/* In the page: anything in the DOM that could run script. The site's own templates have no
 * script elements except the JSON-LD block, no inline handlers and no script URLs. */
const DOM_CHECK = () => {
	const bad = [];
	for (const el of document.querySelectorAll('*')) {
		const tag = el.tagName.toLowerCase();
		if (tag === 'script' && el.getAttribute('type') !== 'application/ld+json')
			bad.push(`<script> ${el.outerHTML.slice(0, 120)}`);
		if (['iframe', 'object', 'embed', 'base', 'frame', 'frameset', 'applet'].includes(tag))
			bad.push(`<${tag}> ${el.outerHTML.slice(0, 120)}`);
		if (tag === 'meta' && el.getAttribute('http-equiv'))
			bad.push(`<meta http-equiv> ${el.outerHTML.slice(0, 120)}`);
		for (const a of el.attributes) {
			const n = a.name.toLowerCase();
			if (n.startsWith('on'))
				bad.push(`${tag}[${n}] ${el.outerHTML.slice(0, 120)}`);
			if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'].includes(n)
				&& /^\s*(javascript|vbscript|data:(?!image\/(png|jpeg|gif|webp)))/i.test(a.value.replace(/[\u0000-\u0020]/g, '')))
				bad.push(`${tag}[${n}=${a.value.slice(0, 60)}]`);
			if (n === 'style' && /expression|javascript:|url\(/i.test(a.value))
				bad.push(`${tag}[style=${a.value.slice(0, 60)}]`);
		}
	}
	return bad;
};

describe('XSS payloads in every field, opened in Chromium', () => {
	let srv, browser, a, editor;
	const problems = [];
	let opened = 0;
	const ids = [];
	let firstSlug;

	before(async () => {
		srv = await startServer();
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
				'--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		a = await loginAs(srv, 'contribA');
		editor = await loginAs(srv, 'editor');
	});
	after(async () => {
		await browser?.close();
		await srv?.stop();
	});

	/* A browser context signed in as the client's session (or anonymous). */
	async function contextFor(client) {
		const ctx = await browser.newContext({ locale: 'id-ID' });
		await ctx.addInitScript(INIT);
		if (client) {
			const url = new URL(srv.base);
			await ctx.addCookies([...client.jar].map(([name, value]) => ({ name, value, domain: url.hostname, path: '/' })));
		}
		return ctx;
	}

	/* Opens url (or serves `fulfill` = { status, headers, body } at it, exactly as the server
	 * answered, for pages that only a POST produces) and records every problem. */
	async function visit(ctx, url, what, fulfill) {
		// One tab per context, reused: a new tab costs more than the page on a loaded machine.
		if (!ctx.tab) {
			const page = await ctx.newPage();
			page.found = [];
			page.on('dialog', (d) => { page.found.push(`dialog ${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
			page.on('console', (m) => {
				if (/Content Security Policy|Refused to/i.test(m.text()))
					page.found.push(`console: ${m.text().slice(0, 200)}`);
			});
			page.on('pageerror', (e) => page.found.push(`page error: ${String(e).slice(0, 200)}`));
			ctx.tab = page;
		}
		const page = ctx.tab;
		const found = page.found = [];
		if (fulfill)
			await page.route(url, (route) => route.fulfill(fulfill));
		const res = await page.goto(url, { waitUntil: 'load' });
		assert.ok(res, `${what}: no response`);
		// Give timers, animations and autofocus handlers a moment, and hover over the page.
		await page.mouse.move(400, 300);
		await page.waitForTimeout(50);
		const isHtml = /html/.test(res.headers()['content-type'] || '');
		if (isHtml) {
			found.push(...(await page.evaluate(DOM_CHECK)));
			found.push(...(await page.evaluate(() => window.__xssReports || [])).map((r) => `CSP violation: ${r}`));
		}
		if (fulfill)
			await page.unroute(url);
		opened++;
		for (const f of found)
			problems.push(`${what} (${url}): ${f}`);
		return res.status();
	}

	test('release fields: workbench, preview, diff, lists, then the public pages after publishing', async () => {
		const titles = pack(PAYLOADS, 200, ' ', 'XSS ');
		const summaries = pack(PAYLOADS, 1000);
		const lines = pack(PAYLOADS, 200);
		const quoteTexts = pack(PAYLOADS, 2000, '\n');
		const addresses = pack(PAYLOADS, 500, '\n');
		const body = PAYLOADS.join('\n\n');
		const n = titles.length;
		for (let i = 0; i < n; i++) {
			const pick = (list) => list[i % list.length];
			const quotes = Array.from({ length: 3 }, (_, k) => [pick(lines.slice(k)) || lines[0], pick(lines.slice(k + 1)) || lines[0],
				quoteTexts[(i + k) % quoteTexts.length]]);
			const fields = pressRelease({ title: titles[i], summary: pick(summaries), body,
				location: pick(lines), contact_name: pick(lines), contact_position: lines[(i + 1) % lines.length] }, quotes);
			ids.push(await createRequest(a, fields, 'submit'));
		}
		// Every address and location also in a media advisory (the agenda shows those).
		for (const adr of addresses)
			ids.push(await createRequest(a, mediaAdvisory({ title: `XSS undangan ${adr.slice(0, 150).replace(/\n/g, " ")}`, address: adr,
				location: lines[0], event_start: '2030-01-10T09:00', event_end: '2030-01-10T11:00' }), 'submit'));
		// Comments by the unit and internal notes by the editor on the first request.
		for (const c of pack(PAYLOADS, 4000, '\n')) {
			assert.equal((await a.form(`/requests/${ids[0]}/comments`, [['body', c]])).status, 303);
			assert.equal((await editor.form(`/requests/${ids[0]}/comments`, [['body', c], ['internal', '1']])).status, 303);
		}
		// The editor edits the first one (a diff to show), then everything is published.
		await act(editor, ids[0], 'claim');
		const row = requestRow(srv.db, ids[0]);
		const edit = await editor.form(`/requests/${ids[0]}`, [...pressRelease({ title: titles[1], summary: summaries[0],
			body: `${body}\n\nDiubah editor.` }), ['action', 'save'], ['version', String(row.version)]]);
		assert.equal(edit.status, 303, `editor save: ${edit.status} ${edit.text.slice(0, 300)}`);

		const ca = await contextFor(a), ce = await contextFor(editor);
		// The request page, preview and diff of the first requests (between them every summary,
		// quote and comment pack, and the whole body); the titles of all come in the lists.
		for (const id of ids.slice(0, Math.max(3, Math.ceil(quoteTexts.length / 3)))) {
			await visit(ca, `${srv.base}/requests/${id}`, 'request page (unit)');
			await visit(ca, `${srv.base}/requests/${id}/preview`, 'preview');
		}
		await visit(ce, `${srv.base}/requests/${ids[0]}`, 'request page (editor)');
		await visit(ce, `${srv.base}/requests/${ids[0]}/diff`, 'diff');
		await visit(ca, `${srv.base}/requests?status=all`, 'workbench list (unit)');
		const admin = await loginAs(srv, 'admin');
		for (const id of ids) {
			if (id !== ids[0])
				await act(editor, id, 'claim');
			// The editor edited the first one: four eyes, another approves it.
			await act(id === ids[0] ? admin : editor, id, 'approve', [['publish_at', '']]);
		}
		await visit(ce, `${srv.base}/requests?status=all`, 'workbench list (editor)');
		await visit(ca, `${srv.base}/notifications`, 'notifications (unit)');
		await visit(ce, `${srv.base}/notifications`, 'notifications (editor)');
		const cadm = await contextFor(admin);
		await visit(cadm, `${srv.base}/admin/audit`, 'audit log');
		await visit(cadm, `${srv.base}/admin/outbox`, 'outbox');
		await visit(cadm, `${srv.base}/requests/${ids[0]}`, 'request page (admin)');

		const anon = await contextFor(null);
		for (const id of ids) {
			const slug = requestRow(srv.db, id).slug;
			firstSlug ??= slug;
			assert.equal(await visit(anon, `${srv.base}/releases/${slug}`, 'public release'), 200);
			if (id === ids[0])
				await visit(anon, `${srv.base}/releases/${slug}/text`, 'text view');
		}
		for (const p of ['/', '/units/DINKES', '/agenda', '/search?q=XSS', '/search?q=script', '/search?q=alert',
			'/search?q=onerror', '/feed.xml', '/atom.xml', '/units/DINKES/feed.xml', '/units/DINKES/atom.xml',
			'/api/v1/releases', '/api/v1/agenda', `/api/v1/releases/${ids[0]}`])
			await visit(anon, srv.base + p, `public ${p}`);
		for (const ctx of [ca, ce, cadm, anon])
			await ctx.close();
		assert.deepEqual(problems, [], `${problems.length} problems in ${opened} pages`);
		assert.ok(opened > ids.length, `${opened} pages opened`);
	});

	test('the form refilled after a validation error (phone, e-mail, date fields)', async () => {
		problems.length = 0; // each test answers for its own pages
		const ctx = await contextFor(a);
		// The fields that fail validation hold every payload at once; the title one pack.
		const all = PAYLOADS.join(' ');
		for (const title of pack(PAYLOADS, 200).slice(0, 2)) {
			const r = await a.form('/requests', [...pressRelease({ title, contact_phone: all, contact_email: all,
				activity_date: all, publish_at: all, location: title }), ['action', 'submit']]);
			assert.equal(r.status, 422, `create with payloads: ${r.status}`);
			const headers = Object.fromEntries([...r.headers]);
			await visit(ctx, `${srv.base}/requests/new`, '422 refill', { status: 422, headers, body: r.text });
		}
		await ctx.close();
		assert.deepEqual(problems, []);
	});

	test('query parameters: search, filters, next, workbench and audit filters', async () => {
		problems.length = 0;
		const anon = await contextFor(null);
		const ce = await contextFor(editor);
		const admin = await loginAs(srv, 'admin');
		const cadm = await contextFor(admin);
		const q = encodeURIComponent;
		// Three packs: the query string is capped at 16 KiB.
		for (const group of pack(PAYLOADS, 2200)) {
			for (const p of [`/search?q=${q(group)}`, `/?q=${q(group)}&kind=${q(group)}`, `/search?q=XSS&unit=${q(group)}`,
				`/?from=${q(group)}&after=${q(group)}`, `/agenda?from=${q(group)}`,
				`/login?next=${q(group)}`, `/units/${q(group)}`, `/api/v1/releases?unit=${q(group)}`])
				await visit(anon, srv.base + p, 'query');
			await visit(ce, `${srv.base}/requests?status=${q(group)}&unit=${q(group)}`, 'workbench filter');
			await visit(ce, `${srv.base}/requests/${ids[0]}/diff?from=${q(group)}`, 'diff versions');
			await visit(cadm, `${srv.base}/admin/audit?action=${q(group)}&actor=${q(group)}&from=${q(group)}`, 'audit filter');
		}
		// The search box takes 200 characters: results (or "no results") with the query shown.
		for (const group of pack(PAYLOADS, 200))
			await visit(anon, `${srv.base}/search?q=${q(group)}`, 'search');
		for (const ctx of [anon, ce, cadm])
			await ctx.close();
		assert.deepEqual(problems, [], `${problems.length} problems in ${opened} pages`);
	});

	test('photo captions, credits and uploaded file names: request page, refused upload, public page', async () => {
		problems.length = 0;
		const captions = pack(PAYLOADS, 500);
		const credits = pack(PAYLOADS, 200);
		// Every payload as a file name (the server keeps what follows the last slash).
		const names = PAYLOADS.filter((x) => Buffer.byteLength(x) <= 240);
		// [{ fields, files() }], each one multipart POST; the files are made just before it is
		// sent (a long silence would let the server close the kept-alive connection).
		const uploads = [];
		const photos = Math.max(captions.length, credits.length);
		for (let k = 0; k < photos; k++)
			uploads.push({ fields: [['photo_caption', captions[k % captions.length]], ['photo_credit', credits[k % credits.length]]],
				files: () => [['photo', `${names[k % names.length]}.jpg`, uniqueJpeg(), 'image/jpeg']] });
		for (let k = photos; k < names.length; k += 8)
			uploads.push({ fields: [], files: () => names.slice(k, k + 8).map((nm, j) => ['document', `${nm}.pdf`,
				pdf(`Dokumen XSS ${k + j}`), 'application/pdf']) });
		const reqs = [];
		let room = 0;
		for (const u of uploads) {
			const files = u.files();
			if (room < files.length) {
				reqs.push(await createRequest(a, pressRelease({ title: `XSS foto dan berkas ${reqs.length + 1}` }), 'save'));
				room = 30;
			}
			const r = await a.multipart(`/requests/${reqs.at(-1)}/media`, u.fields, files);
			assert.equal(r.status, 303, `upload: ${r.status} ${r.text.slice(0, 300)}`);
			room -= files.length;
		}
		const stored = sql(srv.db, `SELECT caption, credit, filename FROM request_media WHERE request_id IN (${reqs.join(',')})`);
		assert.ok(stored.some((x) => x.caption === captions[0]) && stored.some((x) => x.credit === credits[0]), 'payloads stored as sent');
		assert.ok(stored.filter((x) => /[<>"']/.test(x.filename)).length >= 40, 'file names with markup stored');
		const ca = await contextFor(a), ce = await contextFor(editor);
		for (const id of reqs) {
			await visit(ca, `${srv.base}/requests/${id}`, 'request page with media (unit)');
			await visit(ca, `${srv.base}/requests/${id}/preview`, 'preview with media');
		}
		// A refused upload (no caption, no credit): the messages name each file.
		const badFiles = names.slice(0, 20).map((nm) => ['photo', `${nm}.jpg`, uniqueJpeg(), 'image/jpeg']);
		const bad = await a.multipart(`/requests/${reqs[0]}/media`, [], badFiles);
		assert.equal(bad.status, 422, `upload without caption: ${bad.status}`);
		await visit(ca, `${srv.base}/requests/${reqs[0]}`, 'refused upload', { status: 422,
			headers: Object.fromEntries([...bad.headers]), body: bad.text });
		// Through review to publication; the editor also rewrites a caption on the way.
		for (const id of reqs) {
			await act(a, id, 'submit');
			await act(editor, id, 'claim');
		}
		const mid = sql(srv.db, `SELECT id FROM request_media WHERE request_id = ${reqs[0]} AND kind = 'photo' LIMIT 1`)[0].id;
		const edit = await editor.form(`/requests/${reqs[0]}/media/${mid}`, [['op', 'save'], ['caption', captions.at(-1)],
			['credit', credits.at(-1)]]);
		assert.equal(edit.status, 303, `caption edit: ${edit.status}`);
		for (const id of reqs)
			await visit(ce, `${srv.base}/requests/${id}`, 'request page with media (editor)');
		const anon = await contextFor(null);
		for (const id of reqs) {
			await act(editor, id, 'approve', [['publish_at', '']]);
			assert.equal(await visit(anon, `${srv.base}/releases/${requestRow(srv.db, id).slug}`, 'public release with media'), 200);
		}
		for (const p of ['/', '/units/DINKES', `/api/v1/releases/${reqs[0]}`, '/feed.xml'])
			await visit(anon, srv.base + p, `public ${p} with media`);
		for (const ctx of [ca, ce, anon])
			await ctx.close();
		assert.deepEqual(problems, [], `${problems.length} problems in ${opened} pages`);
	});

	test('the detectors work: a page that does run a payload is caught', async () => {
		// The same listeners on a page outside the site (no CSP): a dialog and a DOM finding.
		const ctx = await browser.newContext();
		await ctx.addInitScript(INIT);
		const before = problems.length;
		await visit(ctx, `${srv.base}/__selftest`, 'self-test', { status: 200, headers: { 'content-type': 'text/html' },
			body: '<img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>' });
		const found = problems.splice(before);
		assert.ok(found.some((f) => f.includes('dialog')), `no dialog caught: ${found}`);
		assert.ok(found.some((f) => f.includes('[onerror]')), `no handler caught: ${found}`);
		assert.ok(found.some((f) => f.includes('javascript:')), `no script URL caught: ${found}`);
		// And a CSP violation, under the site's own policy.
		const csp = (await a.get('/')).headers.get('content-security-policy');
		await visit(ctx, `${srv.base}/__selftest2`, 'self-test CSP', { status: 200,
			headers: { 'content-type': 'text/html', 'content-security-policy': csp }, body: '<script>alert(3)</script>' });
		const found2 = problems.splice(before);
		assert.ok(found2.some((f) => /CSP violation|Content Security Policy/.test(f)), `no CSP violation caught: ${found2}`);
		assert.ok(!found2.some((f) => f.includes('dialog')));
		await ctx.close();
		void csrfFrom;
		void firstSlug;
	});
});
