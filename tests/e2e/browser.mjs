// What the browser tests share: Debian's Chromium launched through playwright-core, pages that
// collect console errors, CSP reports and dialogs, logging in through the form, screenshots under
// test-output/e2e/, and the axe-core and html-validate checks.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { ROOT } from '../http/lib.mjs';

export const OUT = path.join(ROOT, 'test-output', 'e2e');
export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export function launch() {
	return chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

/* A page in a fresh context (its own cookies) that keeps every console error, uncaught error
 * and dialog in page.problems (a CSP violation shows up as a console error). */
export async function newPage(browser, { width = DESKTOP.width, height = DESKTOP.height } = {}) {
	const context = await browser.newContext({ viewport: { width, height }, locale: 'id-ID' });
	const page = await context.newPage();
	page.problems = [];
	page.on('console', (m) => {
		if (m.type() === 'error')
			page.problems.push(`${m.text()} (${m.location().url})`);
	});
	page.on('pageerror', (e) => page.problems.push(String(e)));
	page.on('dialog', (d) => { page.problems.push(`dialog: ${d.message()}`); d.dismiss(); });
	return page;
}

/* Logs user in through the login form; resolves on the page the server sends after it. */
export async function login(page, base, user) {
	await page.goto(base + '/login');
	await page.getByLabel('Alamat e-mail').fill(user.email);
	await page.getByLabel('Kata sandi').fill(user.password);
	await Promise.all([page.waitForURL('**/requests'), page.getByRole('button', { name: 'Masuk' }).click()]);
}

/* Gives the page's context the session of a signed-in Client (tests/http/lib.mjs): the same
 * cookies, without paying for another password check. */
export async function adoptSession(page, client) {
	await page.context().addCookies([...client.jar].map(([name, value]) => (
		{ name, value, url: client.base, httpOnly: true, sameSite: 'Lax' })));
}

/* A full-page screenshot as test-output/e2e/NAME.png (NAME may hold a subdirectory). */
export async function shot(page, name) {
	const file = path.join(OUT, `${name}.png`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	await page.screenshot({ path: file, fullPage: true });
}

/* --- axe-core --- */

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/* Runs axe-core with the WCAG 2.0 and 2.1 A and AA rules on the page as it is now; returns the
 * violations as readable lines (empty when there are none). axe goes in through the DevTools
 * protocol (page.evaluate): page.addScriptTag would add an inline script, which the site's CSP
 * (script-src 'self') rightly blocks, and this way the CSP stays in force for the whole test. */
export async function axeViolations(page) {
	if (!await page.evaluate(() => typeof window.axe === 'object'))
		await page.evaluate(AXE_SOURCE);
	const result = await page.evaluate((tags) => window.axe.run(document, {
		runOnly: { type: 'tag', values: tags },
		resultTypes: ['violations'],
	}), AXE_TAGS);
	const out = [];
	for (const v of result.violations)
		for (const n of v.nodes)
			out.push(`${v.id} (${v.impact}): ${n.target.join(' ')}\n    ${n.html.slice(0, 200)}\n    ${n.failureSummary.replace(/\n/g, ' ')}`);
	return out;
}

/* --- html-validate --- */

/* The committed .htmlvalidate.json at the repository root applies, found from the file name by
 * the FileSystemConfigLoader (new HtmlValidate() alone would use the built-in defaults). */
const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());

/* Validates a page's HTML as the server sent it; returns errors as readable lines. name only
 * locates the config and labels the messages. */
export async function htmlErrors(html, name) {
	const report = await htmlvalidate.validateString(html, path.join(ROOT, 'test-output', 'e2e', `${name}.html`));
	const out = [];
	for (const r of report.results)
		for (const m of r.messages)
			if (m.severity === 2) {
				const line = html.split('\n')[m.line - 1] ?? '';
				out.push(`${m.ruleId} at ${m.line}:${m.column}: ${m.message}\n    ${line.trim().slice(0, 200)}`);
			}
	return out;
}
