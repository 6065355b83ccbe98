// Browser test in headless Chromium (Debian's, driven by playwright-core): a contributor logs in
// and submits a press release through the form, an editor claims and approves it, and the public
// page shows the rendered release with its number. Screenshots go to test-output/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { USERS, startServer, wibNow } from '../http/lib.mjs';
import { launch, newPage as openPage, login as loginWith, shot } from './browser.mjs';

let server, browser;

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

const newPage = (width = 1280, height = 900) => openPage(browser, { width, height });
const login = (page, user) => loginWith(page, server.base, user);

test('contributor submits, editor approves, the public reads the press release', async () => {
	const title = 'Dinkes Buka Layanan Vaksinasi Malam di Puskesmas Kecamatan';
	const today = wibNow();
	const activity = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;

	// The contributor of DINKES fills the form and submits.
	const c = await newPage();
	await login(c, USERS.contribA);
	await c.getByRole('navigation').getByRole('link', { name: 'Buat permintaan' }).click();
	await c.waitForURL('**/requests/new');
	await c.locator('#f-kind-pr').check();
	await c.locator('#f-title').fill(title);
	await c.locator('#f-summary').fill('Dinas Kesehatan membuka layanan vaksinasi hingga pukul 21.00 WIB di 44 puskesmas kecamatan.');
	await c.locator('#f-body').fill('Layanan malam ini **gratis** untuk semua warga.\n\nWarga cukup membawa KTP.');
	await c.locator('#f-activity_date').fill(activity);
	await c.locator('#f-q1-speaker').fill('Ani Ruspitawati');
	await c.locator('#f-q1-position').fill('Kepala Dinas Kesehatan');
	await c.locator('#f-q1-text').fill('Kami ingin warga yang bekerja siang hari tetap terlindungi.');
	await c.locator('#f-contact_name').fill('Dewi Lestari');
	await c.locator('#f-contact_phone').fill('+62 21 4287 2144');
	await shot(c, '01-contributor-form');
	await Promise.all([
		c.waitForURL(/\/requests\/\d+$/),
		c.getByRole('button', { name: 'Ajukan ke Humas' }).click(),
	]);
	const requestUrl = c.url();
	await assert.doesNotReject(c.getByText('Diajukan').first().waitFor());
	await shot(c, '02-contributor-submitted');
	assert.deepEqual(c.problems, []);

	// The editor finds it in the queue, claims it and approves it.
	const e = await newPage();
	await login(e, USERS.editor);
	await e.getByRole('link', { name: title }).click();
	await e.waitForURL(requestUrl);
	await Promise.all([e.waitForURL(requestUrl), e.getByRole('button', { name: 'Ambil untuk ditinjau' }).click()]);
	await shot(e, '03-editor-in-review');
	await Promise.all([e.waitForURL(requestUrl), e.getByRole('button', { name: 'Setujui dan terbitkan' }).click()]);
	const publicLink = e.locator('a[href^="/releases/"]').first();
	const href = await publicLink.getAttribute('href');
	assert.match(href, /^\/releases\/dinkes-buka-layanan-vaksinasi-malam-di-puskesmas-kecamatan$/);
	assert.deepEqual(e.problems, []);

	// Anyone reads the release, on a desktop and on a phone.
	for (const [name, width] of [['desktop', 1280], ['phone', 390]]) {
		const p = await newPage(width, 900);
		await p.goto(server.base + '/');
		await p.getByRole('link', { name: title }).click();
		await p.waitForURL('**' + href);
		await assert.doesNotReject(p.getByRole('heading', { level: 1, name: title }).waitFor());
		const text = await p.locator('main').innerText();
		assert.match(text, new RegExp(`1/SP/DINKES/${today.roman}/${today.year}`));
		assert.match(text, /SIARAN PERS/);
		assert.match(text, /Kami ingin warga yang bekerja siang hari tetap terlindungi\./);
		assert.match(text, /Dewi Lestari/);
		assert.match(text, /###/);
		// The body's Markdown is rendered, not shown raw.
		assert.equal(await p.locator('main strong', { hasText: 'gratis' }).count(), 1);
		await shot(p, `04-public-release-${name}`);
		assert.deepEqual(p.problems, []);
		await p.context().close();
	}
	await c.context().close();
	await e.context().close();
});
