// Browser test of the dashboard in headless Chromium: an admin and a contributor look at
// September 2026 of the known data set (tests/http/dashboard-data.mjs) at desktop and phone
// width; the page must raise no console error (a CSP violation would be one), draw its charts,
// and pass axe-core's WCAG 2.1 A/AA rules. Screenshots go to test-output/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, USERS, startServer } from '../http/lib.mjs';
import { seedDashboard, PERIOD } from '../http/dashboard-data.mjs';
import { launchChromium, newPage as newPageIn, login as loginAt } from './lib.mjs';

const OUT = path.join(ROOT, 'test-output', 'e2e');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server, browser;

before(async () => {
	fs.mkdirSync(OUT, { recursive: true });
	server = await startServer();
	seedDashboard(server.db, Math.floor(Date.now() / 1000));
	browser = await launchChromium();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

const newPage = (width, height, opts) => newPageIn(browser, width, height, opts);
const login = (page, user) => loginAt(page, server.base, user);

/* axe-core in a context that may inject its script (the site's CSP would refuse it). */
async function axeViolations(user, url) {
	const page = await newPage(1280, 900, { bypassCSP: true });
	await login(page, user);
	await page.goto(url);
	await page.addScriptTag({ path: AXE });
	const result = await page.evaluate(() => window.axe.run(document, {
		runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
	}));
	await page.context().close();
	return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [who, user, url, name] of [
	['admin', USERS.admin, `/admin/dashboard?from=${PERIOD.from}&to=${PERIOD.to}`, 'dashboard'],
	['contributor', USERS.contribA, `/dashboard?from=${PERIOD.from}&to=${PERIOD.to}`, 'dashboard-unit'],
]) {
	test(`${who}: the dashboard at desktop and phone width`, async () => {
		for (const [width, height, suffix] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
			const page = await newPage(width, height);
			await login(page, user);
			// The navigation link leads to the dashboard of the role.
			await Promise.all([page.waitForURL('**/*dashboard'),
				page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Dasbor' }).click()]);
			await page.goto(server.base + url);
			await page.getByRole('heading', { level: 1 }).waitFor();
			const charts = page.getByRole('img');
			assert.ok(await charts.count() >= 3, 'charts are images with a name');
			const weekly = page.locator('#chart-weekly-title');
			assert.equal(await weekly.textContent(), 'Publikasi per minggu');
			// Bars are drawn with a colour from the stylesheet (not the default black).
			const fill = await page.locator('svg[aria-labelledby^="chart-weekly"] rect.chart-bar').first()
				.evaluate((el) => getComputedStyle(el).fill);
			assert.equal(fill, 'rgb(11, 61, 145)');
			// The page fits the phone: only chart areas scroll sideways.
			await page.screenshot({ path: path.join(OUT, `${name}-${suffix}.png`), fullPage: true });
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
				.filter((el) => !el.closest('.chart-wrap') && el.getBoundingClientRect().right > window.innerWidth + 0.5)
				.slice(0, 5).map((el) => `${el.tagName}.${el.className?.baseVal ?? el.className}`));
			assert.ok(overflow <= 0, `page wider than the viewport by ${overflow}px: ${wide.join(' ')}`);
			assert.deepEqual(page.problems, [], `console errors at ${width}px`);
			await page.context().close();
		}
		assert.deepEqual(await axeViolations(user, server.base + url), []);
	});
}

test('a refused period, as a person sees it', async () => {
	const page = await newPage(1280, 900);
	await login(page, USERS.editor);
	await page.goto(server.base + '/admin/dashboard');
	await page.getByLabel('Dari tanggal').fill('2026-09-30');
	await page.getByLabel('Sampai tanggal').fill('2026-09-01');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await page.getByRole('alert').waitFor();
	assert.match(await page.getByRole('alert').textContent(), /Tanggal akhir harus sama dengan atau sesudah tanggal awal/);
	assert.equal(await page.getByLabel('Dari tanggal').inputValue(), '2026-09-30');
	await page.screenshot({ path: path.join(OUT, 'dashboard-error.png'), fullPage: true });
	assert.deepEqual(page.problems.filter((p) => !/status of 400/.test(p)), []);
	await page.context().close();
});
