// Shared helpers of the browser tests: Debian's Chromium through playwright-core, pages that keep
// every console error (a CSP violation is one), and the login form.
import { chromium } from 'playwright-core';

export function launchChromium() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

/* A fresh browser context (its own cookies), with every console error and CSP report kept in
 * page.problems. opts go to newContext (e.g. bypassCSP for injecting axe-core). */
export async function newPage(browser, width = 1280, height = 900, opts = {}) {
	const context = await browser.newContext({ viewport: { width, height }, locale: 'id-ID', ...opts });
	const page = await context.newPage();
	page.problems = [];
	page.on('console', (m) => { if (m.type() === 'error') page.problems.push(m.text()); });
	page.on('pageerror', (e) => page.problems.push(String(e)));
	page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
	return page;
}

/* Signs in through the form at base and waits for the request list. */
export async function login(page, base, user) {
	await page.goto(base + '/login');
	await page.getByLabel('Alamat e-mail').fill(user.email);
	await page.getByLabel('Kata sandi').fill(user.password);
	await Promise.all([page.waitForURL('**/requests'), page.getByRole('button', { name: 'Masuk' }).click()]);
}
