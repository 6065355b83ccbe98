// Browser test of the dashboard in headless Chromium: an admin and a contributor look at
// September 2026 of the known data set (tests/http/dashboard-data.mjs) at desktop and phone
// width; the page must raise no console error (a CSP violation would be one), draw its charts,
// and pass axe-core's WCAG 2.1 A/AA rules. Screenshots go to test-output/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { USERS, startServer } from '../http/lib.mjs';
import { seedDashboard, PERIOD } from '../http/dashboard-data.mjs';
import { launch, newPage as newPageIn, login as loginAt, shot, axeViolations, DESKTOP, PHONE } from './browser.mjs';

let server, browser;

before(async () => {
	server = await startServer();
	seedDashboard(server.db, Math.floor(Date.now() / 1000));
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

const newPage = (size = DESKTOP) => newPageIn(browser, size);
const login = (page, user) => loginAt(page, server.base, user);

for (const [who, user, url, name] of [
	['admin', USERS.admin, `/admin/dashboard?from=${PERIOD.from}&to=${PERIOD.to}`, 'dashboard'],
	['contributor', USERS.contribA, `/dashboard?from=${PERIOD.from}&to=${PERIOD.to}`, 'dashboard-unit'],
]) {
	test(`${who}: the dashboard at desktop and phone width`, async () => {
		for (const [size, suffix] of [[DESKTOP, 'desktop'], [PHONE, 'phone']]) {
			const page = await newPage(size);
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
			await shot(page, `${name}-${suffix}`);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
				.filter((el) => !el.closest('.chart-wrap') && el.getBoundingClientRect().right > window.innerWidth + 0.5)
				.slice(0, 5).map((el) => `${el.tagName}.${el.className?.baseVal ?? el.className}`));
			assert.ok(overflow <= 0, `page wider than the viewport by ${overflow}px: ${wide.join(' ')}`);
			assert.deepEqual(page.problems, [], `console errors at ${size.width}px`);
			// axe-core runs with the site's CSP in force (browser.mjs injects it without a script tag).
			assert.deepEqual(await axeViolations(page), [], `axe-core at ${size.width}px`);
			await page.context().close();
		}
	});
}

test('a refused period, as a person sees it', async () => {
	const page = await newPage();
	await login(page, USERS.editor);
	await page.goto(server.base + '/admin/dashboard');
	await page.getByLabel('Dari tanggal').fill('2026-09-30');
	await page.getByLabel('Sampai tanggal').fill('2026-09-01');
	await page.getByRole('button', { name: 'Tampilkan' }).click();
	await page.getByRole('alert').waitFor();
	assert.match(await page.getByRole('alert').textContent(), /Tanggal akhir harus sama dengan atau sesudah tanggal awal/);
	assert.equal(await page.getByLabel('Dari tanggal').inputValue(), '2026-09-30');
	await shot(page, 'dashboard-error');
	assert.deepEqual(page.problems.filter((p) => !/status of 400/.test(p)), []);
	await page.context().close();
});
