// The page sweep: every page of PAGES (pages.mjs) as each role sees it, visited once in headless
// Chromium, must pass axe-core's WCAG 2.0/2.1 A and AA rules at desktop and phone width and
// html-validate (the committed .htmlvalidate.json) on the HTML the server sent, and show no console
// error or CSP report. Screenshots of every visit at 1280 and 390 px go to test-output/e2e/pages/.
// Also checks that every GET route of src/pages/routes.c is swept or is not HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../http/lib.mjs';
import { launch, newPage, adoptSession, shot, axeViolations, htmlErrors, PHONE, DESKTOP } from './browser.mjs';
import { PAGES, NOT_HTML, ROLES, getRoutes, routeMatches, seed } from './pages.mjs';

let server, browser, fx;

before(async () => {
	server = await startServer();
	fx = await seed(server);
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

test('every GET route of routes.c is in the sweep or answers something other than HTML', async () => {
	const routes = getRoutes();
	const swept = new Set(PAGES.map((p) => p.route).filter(Boolean));
	for (const r of routes)
		assert.ok(swept.has(r) || NOT_HTML[r],
			`GET ${r} has no row in PAGES (tests/e2e/pages.mjs) and is not listed in NOT_HTML`);
	for (const r of [...swept, ...Object.keys(NOT_HTML)])
		assert.ok(routes.includes(r), `${r} is listed in tests/e2e/pages.mjs but is no GET route of routes.c`);
	for (const p of PAGES.filter((x) => x.route && x.path))
		assert.ok(routeMatches(p.route, p.path(fx)), `${p.name}: ${p.path(fx)} is not a path of ${p.route}`);
	// Whatever is left out must really not be a page, not even for a signed-in admin (or the role
	// the route is for).
	for (const [r, { path, as = 'admin' }] of Object.entries(NOT_HTML)) {
		assert.ok(routeMatches(r, path(fx)), `NOT_HTML ${r}: ${path(fx)} does not match`);
		const res = await fx.clients[as].get(path(fx));
		assert.equal(res.status, 200, `GET ${path(fx)}: ${res.status}`);
		assert.doesNotMatch(res.headers.get('content-type') || '', /html/, `GET ${path(fx)} answers HTML`);
	}
});

test('the checks find known faults, and the committed html-validate config is the one used', async () => {
	const page = await newPage(browser);
	await page.setContent('<!DOCTYPE html><html><head><title>x</title></head><body><img src="/static/favicon.svg">'
		+ '<input type="text"><p style="color:#aaa;background:#fff">pucat</p><a href="/"></a></body></html>');
	const found = (await axeViolations(page)).map((v) => v.split(' ')[0]);
	for (const rule of ['html-has-lang', 'image-alt', 'label', 'color-contrast', 'link-name'])
		assert.ok(found.includes(rule), `axe did not report ${rule}: ${found}`);
	await page.context().close();
	const doc = (title, body = '<p>ok</p>') => `<!DOCTYPE html>\n<html lang="id">\n<head>\n<title>${title}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
	assert.deepEqual(await htmlErrors(doc('Siaran'), 'check'), []);
	// Up to 240 characters per .htmlvalidate.json (the preset alone allows 70).
	assert.deepEqual(await htmlErrors(doc('x'.repeat(200)), 'check'), []);
	assert.match((await htmlErrors(doc('x'.repeat(241)), 'check')).join(), /long-title/);
	assert.match((await htmlErrors(doc('Siaran', '<div><p>tidak ditutup</div>'), 'check')).join(), /no-implicit-close/);
});

for (const role of Object.keys(ROLES)) {
	test(`every page as ${role}: WCAG 2.1 AA (axe-core), valid HTML, screenshots`, async () => {
		const page = await newPage(browser);
		if (fx.clients[role])
			await adoptSession(page, fx.clients[role]);
		const failures = [];
		for (const entry of PAGES.filter((p) => p.roles.includes(role))) {
			const name = `${role}-${entry.name}`;
			const resp = entry.path ? await page.goto(server.base + entry.path(fx)) : await entry.open(page, fx, server.base);
			const where = `${name} (${page.url().replace(server.base, '')})`;
			const status = entry.status ?? 200;
			assert.equal(resp.status(), status, `${where}: HTTP ${resp.status()}`);
			assert.match(resp.headers()['content-type'], /^text\/html/, where);
			const problems = [];
			for (const e of await htmlErrors(await resp.text(), `pages/${name}`))
				problems.push(`html-validate: ${e}`);
			for (const v of await axeViolations(page))
				problems.push(`axe at ${DESKTOP.width} px: ${v}`);
			if ((entry.shots ?? entry.roles).includes(role)) {
				await shot(page, `pages/${name}-desktop`);
				await page.setViewportSize(PHONE);
				for (const v of await axeViolations(page))
					problems.push(`axe at ${PHONE.width} px: ${v}`);
				await shot(page, `pages/${name}-phone`);
				await page.setViewportSize(DESKTOP);
			}
			// Chromium reports an error status of the page itself on the console: that one is expected.
			const own = `Failed to load resource: the server responded with a status of ${status} `;
			for (const p of page.problems.splice(0))
				if (!(status >= 400 && p.startsWith(own) && p.endsWith(`(${resp.url()})`)))
					problems.push(`console: ${p}`);
			if (problems.length)
				failures.push(`${where}:\n  ${problems.join('\n  ')}`);
		}
		await page.context().close();
		assert.equal(failures.length, 0, `\n${failures.join('\n\n')}`);
	});
}
