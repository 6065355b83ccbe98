// Browser test in headless Chromium: an admin creates a user through the form, the new user opens
// the one-time link shown to the admin, sets a password (after being told a common one is
// refused), signs in and looks at its sessions; the admin's unit pages render. Screenshots of
// each page (desktop, and the user list at phone width) go to test-output/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { USERS, startServer } from '../http/lib.mjs';
import { launch, newPage as newPageIn, login as loginAt, shot, PHONE } from './browser.mjs';

let server, browser;

before(async () => {
	server = await startServer();
	browser = await launch();
});

after(async () => {
	await browser?.close();
	await server?.stop();
});

const newPage = (size) => newPageIn(browser, size);
const login = (page, email, password) => loginAt(page, server.base, { email, password });

test('an admin invites a user, who sets a password through the link and signs in', async () => {
	const admin = await newPage();
	await login(admin, USERS.admin.email, USERS.admin.password);
	await admin.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
	await admin.waitForURL('**/admin/users');
	await shot(admin, 'people-users');
	await admin.getByRole('link', { name: 'Tambah pengguna' }).click();
	await admin.waitForURL('**/admin/users/new');
	await admin.getByLabel('Alamat e-mail').fill('wulan@dinsos.test');
	await admin.getByLabel('Nama lengkap').fill('Wulan Kontributor');
	await admin.getByLabel('Peran').selectOption('contributor');
	await admin.getByLabel('Unit', { exact: true }).selectOption('DINSOS');
	await shot(admin, 'people-user-new');
	await admin.getByRole('button', { name: 'Buat pengguna dan tautan' }).click();
	const linkEl = admin.locator('a.one-time-link');
	await linkEl.waitFor();
	const link = await linkEl.getAttribute('href');
	assert.match(link, /\/set-password\?token=[0-9a-f]{64}$/);
	await shot(admin, 'people-user-created');

	const user = await newPage();
	await user.goto(link);
	await user.getByLabel('Kata sandi baru', { exact: true }).fill('Password1234');
	await user.getByLabel('Ulangi kata sandi baru').fill('Password1234');
	await user.getByRole('button', { name: 'Simpan kata sandi' }).click();
	await user.locator('#err-new_password').waitFor();
	assert.match(await user.locator('#err-new_password').innerText(), /paling umum/);
	await shot(user, 'people-set-password-refused');
	await user.getByLabel('Kata sandi baru', { exact: true }).fill('sambal matah pedas sekali');
	await user.getByLabel('Ulangi kata sandi baru').fill('sambal matah pedas sekali');
	await Promise.all([user.waitForURL('**/login?password=set'),
		user.getByRole('button', { name: 'Simpan kata sandi' }).click()]);
	await login(user, 'wulan@dinsos.test', 'sambal matah pedas sekali');
	await user.getByRole('navigation').getByRole('link', { name: 'Akun' }).click();
	await user.waitForURL('**/account/sessions');
	assert.match(await user.locator('main').innerText(), /sesi ini/);
	await shot(user, 'people-sessions');
	await user.getByRole('link', { name: 'Ganti kata sandi' }).click();
	await user.waitForURL('**/account/password');
	await shot(user, 'people-password');

	await admin.goto(server.base + '/admin/units');
	await shot(admin, 'people-units');
	await admin.getByRole('link', { name: 'Dinas Sosial', exact: true }).click();
	await admin.waitForURL(/\/admin\/units\/\d+$/);
	await shot(admin, 'people-unit');

	const phone = await newPage(PHONE);
	await login(phone, USERS.admin.email, USERS.admin.password);
	await phone.goto(server.base + '/admin/users');
	await shot(phone, 'people-users-phone');

	// The refused password answers 422 on purpose; Chromium reports every 4xx in the console.
	for (const p of [admin, user, phone])
		assert.deepEqual(p.problems.filter((m) => !/status of 422/.test(m)), [], 'no console errors');
});
