// Keyboard only: after the first page load every step is Tab, Shift+Tab, Enter, Space or typing.
// The skip link is the first tab stop and moves focus to the main content; a contributor signs in,
// fills in and submits a press release; an editor signs in, opens it from the queue, claims and
// approves it. Every tab stop on the way must show a focus indicator (an outline or a shadow while
// the element, or something inside it, has keyboard focus).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, USERS, requestRow, wibNow } from '../http/lib.mjs';
import { launch, newPage, shot } from './browser.mjs';

let server, browser;

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

/* The focused element: a short description, whether it matches the selector, and whether it
 * shows a focus indicator. */
function focusState(page, selector) {
	return page.evaluate((sel) => {
		const el = document.activeElement;
		if (!el || el === document.body)
			return { what: 'body', match: false, indicator: false };
		const cs = getComputedStyle(el);
		const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
		const shadow = cs.boxShadow !== 'none';
		const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim();
		return {
			what: `<${el.tagName.toLowerCase()}${el.id ? ' id=' + el.id : ''}> ${label.slice(0, 40)}`,
			match: sel ? el.matches(sel) : false,
			// A date field's own calendar button has the focus inside the field (see style.css).
			indicator: (el.matches(':focus-visible') || el.matches(':focus-within')) && (outline || shadow),
		};
	}, selector);
}

/* Presses key (Tab or Shift+Tab) until the focused element matches selector; every stop on the
 * way must show a focus indicator. Returns the number of presses. */
async function tabTo(page, selector, { key = 'Tab', max = 80 } = {}) {
	const path = [];
	for (let i = 1; i <= max; i++) {
		await page.keyboard.press(key);
		const st = await focusState(page, selector);
		path.push(st.what);
		assert.ok(st.indicator, `no visible focus indicator on ${st.what} (${page.url()})`);
		if (st.match)
			return i;
	}
	assert.fail(`${selector} not reached with ${key} on ${page.url()}; stops: ${path.join(' | ')}`);
}

/* The order in which this Chromium's date field takes typed digits ('mdy', 'dmy' or 'ymd'): it
 * follows the browser's own locale, not the page's, so it is learnt on a blank page. */
async function dateFieldOrder() {
	const page = await newPage(browser);
	await page.setContent('<input type="date" id="d">');
	await page.focus('#d');
	await page.keyboard.type('01022003');
	const v = await page.inputValue('#d');
	await page.context().close();
	const order = { '2003-01-02': 'mdy', '2003-02-01': 'dmy' }[v];
	return order || 'ymd';
}

/* Presses a key that submits or follows something, waits for the page that follows (also when
 * it has the same address) and checks that it is url (a glob or a RegExp) and answered 200. */
async function pressAndWait(page, key, url) {
	const [resp] = await Promise.all([page.waitForNavigation(), page.keyboard.press(key)]);
	await page.waitForURL(url, { timeout: 1 });
	assert.equal(resp.status(), 200, `${page.url()} after ${key}`);
}

async function keyboardLogin(page, user) {
	await tabTo(page, 'a[href="/login"]');
	await pressAndWait(page, 'Enter', '**/login');
	await tabTo(page, '#email');
	await page.keyboard.type(user.email);
	await page.keyboard.press('Tab');
	assert.equal((await focusState(page, '#password')).match, true, 'Tab from e-mail goes to the password');
	await page.keyboard.type(user.password);
	await pressAndWait(page, 'Enter', '**/requests');
}

async function keyboardLogout(page) {
	await tabTo(page, '.logout-form button');
	await pressAndWait(page, 'Space', '**/');
}

test('the skip link is the first tab stop, shows itself and moves focus to the main content', async () => {
	const page = await newPage(browser);
	await page.goto(server.base + '/');
	await page.keyboard.press('Tab');
	const first = await focusState(page, 'a.skip-link[href="#main"]');
	assert.ok(first.match, `first tab stop is ${first.what}`);
	assert.ok(first.indicator, 'the skip link shows focus');
	const box = await page.locator('a.skip-link').boundingBox();
	assert.ok(box && box.y >= 0 && box.height > 10, `the focused skip link is on screen: ${JSON.stringify(box)}`);
	await shot(page, 'keyboard/skip-link');
	await page.keyboard.press('Enter');
	assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'focus is on <main>');
	// The next Tab goes to the first control inside main, not back to the header.
	await page.keyboard.press('Tab');
	assert.ok(await page.evaluate(() => document.querySelector('main').contains(document.activeElement)),
		'Tab after the skip link stays in the main content');
	// Shift+Tab goes back out to the navigation.
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Shift+Tab');
	assert.ok(await page.evaluate(() => document.querySelector('header').contains(document.activeElement)),
		'Shift+Tab returns to the header');
	assert.deepEqual(page.problems, []);
	await page.context().close();
});

test('keyboard only: a contributor submits a press release, an editor approves it', async () => {
	const title = 'Pemeriksaan Mata Gratis untuk Pelajar di Seluruh Puskesmas';
	const page = await newPage(browser);
	await page.goto(server.base + '/');

	// Contributor: sign in, open the form from the navigation, fill it in, submit.
	await keyboardLogin(page, USERS.contribA);
	await tabTo(page, 'nav a[href="/requests/new"]');
	await pressAndWait(page, 'Enter', '**/requests/new');
	await tabTo(page, 'input[name="kind"]');
	// Radio buttons are one tab stop; the arrow keys choose within the group.
	if (!await page.evaluate(() => document.activeElement.value === 'press_release'))
		await page.keyboard.press('ArrowUp');
	assert.equal(await page.locator('#f-kind-pr').isChecked(), true);
	const fields = [
		['#f-title', title],
		['#f-summary', 'Dinas Kesehatan memeriksa mata pelajar SD dan SMP secara gratis selama Desember.'],
		['#f-body', 'Pemeriksaan dilakukan oleh dokter mata puskesmas.\n\nOrang tua cukup mendaftar di sekolah.'],
	];
	for (const [sel, text] of fields) {
		await tabTo(page, sel);
		await page.keyboard.type(text);
	}
	const today = wibNow();
	const parts = { y: String(today.year), m: String(today.month).padStart(2, '0'), d: String(today.day).padStart(2, '0') };
	await tabTo(page, '#f-activity_date');
	await page.keyboard.type([...await dateFieldOrder()].map((k) => parts[k]).join(''));
	const iso = `${parts.y}-${parts.m}-${parts.d}`;
	assert.equal(await page.locator('#f-activity_date').inputValue(), iso);
	for (const [sel, text] of [['#f-q1-speaker', 'Ani Ruspitawati'], ['#f-q1-text', 'Mata yang sehat membantu anak belajar.'],
		['#f-contact_name', 'Dewi Lestari'], ['#f-contact_phone', '+62 21 4287 2144']]) {
		await tabTo(page, sel);
		await page.keyboard.type(text);
	}
	await shot(page, 'keyboard/contributor-form');
	await tabTo(page, 'button[value="submit"]');
	await pressAndWait(page, 'Enter', /\/requests\/\d+$/);
	const id = Number(/\/requests\/(\d+)$/.exec(page.url())[1]);
	const row = requestRow(server.db, id);
	assert.equal(row.state, 'submitted');
	assert.equal(row.title, title);
	assert.equal(row.activity_date, iso);
	await keyboardLogout(page);

	// Editor: sign in, find it in the queue, claim it, approve it.
	await keyboardLogin(page, USERS.editor);
	await tabTo(page, `main a[href="/requests/${id}"]`);
	await pressAndWait(page, 'Enter', `**/requests/${id}`);
	await tabTo(page, 'button.act-claim');
	await pressAndWait(page, 'Space', `**/requests/${id}`);
	assert.equal(requestRow(server.db, id).state, 'in_review');
	// Past the fields of the other actions (request changes, reject) to approve.
	await tabTo(page, 'button.act-approve');
	await shot(page, 'keyboard/editor-approve');
	await pressAndWait(page, 'Enter', `**/requests/${id}`);
	const done = requestRow(server.db, id);
	assert.equal(done.state, 'published');
	await tabTo(page, `a[href="/releases/${done.slug}"]`);
	await pressAndWait(page, 'Enter', `**/releases/${done.slug}`);
	assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), title);
	assert.deepEqual(page.problems, []);
	await page.context().close();
});
