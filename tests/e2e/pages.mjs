// Every HTML page of the site, as each role sees it, for the page sweep (pages.test.mjs: axe-core,
// html-validate, screenshots). Adding a page is one row in PAGES; a GET route in
// src/pages/routes.c that has neither a row here nor a line in NOT_HTML fails the sweep.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
	ROOT, loginAs, pressRelease, mediaAdvisory, createRequest, act, publishNew, requestRow,
	fieldsOf, wibLocal, sqlValue, USERS,
} from '../http/lib.mjs';
import { mediaFiles } from '../http/media-files.mjs';

/* The roles, and which of USERS plays each. */
export const ROLES = { anonymous: null, contributor: 'contribA', editor: 'editor', admin: 'admin' };
const ALL = Object.keys(ROLES);
const SIGNED_IN = ['contributor', 'editor', 'admin'];
const STAFF = ['editor', 'admin'];
/* Public pages differ between signed-in roles only in the header's name and role: their
 * screenshots and the phone-width axe run are taken as anonymous and as contributor. */
const PUBLIC = { roles: ALL, shots: ['anonymous', 'contributor'] };

/* GET routes that do not answer with an HTML page, each with a path to prove it (the sweep
 * fetches it, as admin unless `as` names another role, and checks the Content-Type) and why it
 * is not swept. */
export const NOT_HTML = {
	'/releases/:slug/text': { path: (fx) => `/releases/${fx.slug.press}/text`, why: 'plain text for chat apps' },
	'/units/:code/feed.xml': { path: () => '/units/DINKES/feed.xml', why: 'RSS' },
	'/units/:code/atom.xml': { path: () => '/units/DINKES/atom.xml', why: 'Atom' },
	'/agenda.ics': { path: () => '/agenda.ics', why: 'iCalendar' },
	'/feed.xml': { path: () => '/feed.xml', why: 'RSS' },
	'/atom.xml': { path: () => '/atom.xml', why: 'Atom' },
	'/sitemap.xml': { path: () => '/sitemap.xml', why: 'XML sitemap' },
	'/robots.txt': { path: () => '/robots.txt', why: 'plain text' },
	'/api/v1/releases': { path: () => '/api/v1/releases', why: 'JSON' },
	'/api/v1/releases/:id': { path: (fx) => `/api/v1/releases/${fx.id.published}`, why: 'JSON' },
	'/api/v1/units': { path: () => '/api/v1/units', why: 'JSON' },
	'/api/v1/agenda': { path: () => '/api/v1/agenda', why: 'JSON' },
	'/healthz': { path: () => '/healthz', why: 'plain text for monitoring' },
	'/static/:file': { path: () => '/static/style.css', why: 'CSS, SVG' },
	'/metrics': { path: () => '/metrics', why: 'Prometheus text format' },
	'/media/:sha256/:file': { path: (fx) => fx.media.photo, why: 'photos and PDFs' },
	'/admin/dashboard/:file': { path: () => '/admin/dashboard/ringkasan.csv', why: 'CSV' },
	'/dashboard/:file': { path: () => '/dashboard/ringkasan.csv', as: 'contributor', why: 'CSV of the own unit' },
};

/* Submits the form that holds `button` and resolves with the response of the page that follows
 * (after any redirect). */
async function submit(page, button) {
	const [resp] = await Promise.all([page.waitForNavigation(), button.click()]);
	return resp;
}

/* The pages. Each row: name (screenshot file names), route (the routes.c GET route it shows, or
 * null for a page reached otherwise), roles (who sees it; axe-core and html-validate run for
 * each), shots (the roles whose visits are also screenshotted and checked with axe at phone
 * width; default: all of roles), status (default 200) and either path(fx), a URL path, or
 * open(page, fx, base), which gets there through forms and returns the navigation's response.
 * fx is the data made by seed(). */
export const PAGES = [
	// The public site.
	{ name: 'index', route: '/', ...PUBLIC, path: () => '/' },
	// With a lead photo, a gallery and a document.
	{ name: 'release', route: '/releases/:slug', ...PUBLIC, path: (fx) => `/releases/${fx.slug.press}` },
	{ name: 'release-corrected', route: '/releases/:slug', ...PUBLIC, path: (fx) => `/releases/${fx.slug.corrected}` },
	{ name: 'release-advisory', route: '/releases/:slug', ...PUBLIC, path: (fx) => `/releases/${fx.slug.advisory}` },
	{ name: 'search', route: '/search', ...PUBLIC, path: () => '/search' },
	{ name: 'search-results', route: '/search', ...PUBLIC, path: () => '/search?q=vaksinasi' },
	{ name: 'search-filtered', route: '/search', ...PUBLIC,
		path: () => '/search?q=layanan&kind=press_release&unit=DINKES&from=2020-01-01&to=2099-12-31' },
	{ name: 'search-no-results', route: '/search', ...PUBLIC, path: () => '/search?q=zzxqwv' },
	{ name: 'search-invalid', route: '/search', roles: ['anonymous'], status: 400, path: () => '/search?from=kemarin' },
	{ name: 'units', route: '/units', ...PUBLIC, path: () => '/units' },
	{ name: 'unit', route: '/units/:code', ...PUBLIC, path: () => '/units/DINKES' },
	{ name: 'agenda', route: '/agenda', ...PUBLIC, path: () => '/agenda' },
	{ name: 'error-404', route: null, ...PUBLIC, status: 404, path: () => '/releases/tidak-ada-siaran-ini' },
	{ name: 'error-410', route: null, ...PUBLIC, status: 410, path: (fx) => `/releases/${fx.slug.unpublished}` },

	// Signing in.
	{ name: 'login', route: '/login', roles: ['anonymous'], path: () => '/login' },
	{ name: 'set-password', route: '/set-password', roles: ['anonymous'], path: (fx) => fx.setPasswordLink },
	{ name: 'set-password-refused', route: null, roles: ['anonymous'], status: 422, open: async (page, fx, base) => {
		await page.goto(base + fx.setPasswordLink);
		await page.getByLabel('Kata sandi baru', { exact: true }).fill('Password1234');
		await page.getByLabel('Ulangi kata sandi baru').fill('Password1234');
		return submit(page, page.getByRole('button', { name: 'Simpan kata sandi' }));
	} },
	{ name: 'set-password-invalid', route: null, roles: ['anonymous'], status: 404, path: () => `/set-password?token=${'0'.repeat(64)}` },
	{ name: 'login-error', route: null, roles: ['anonymous'], status: 401, open: async (page, fx, base) => {
		await page.goto(base + '/login');
		await page.getByLabel('Alamat e-mail').fill('bukan.pengguna@dinkes.test');
		await page.getByLabel('Kata sandi').fill('kata-sandi-yang-salah');
		return submit(page, page.getByRole('button', { name: 'Masuk' }));
	} },

	// Requests: lists, the form, each state, preview and diff.
	{ name: 'requests', route: '/requests', roles: SIGNED_IN, path: () => '/requests' },
	{ name: 'requests-submitted', route: '/requests', roles: STAFF, path: () => '/requests?status=submitted' },
	{ name: 'requests-empty', route: '/requests', roles: SIGNED_IN, path: () => '/requests?status=scheduled&unit=DISHUB' },
	{ name: 'request-new', route: '/requests/new', roles: ['contributor'], path: () => '/requests/new' },
	{ name: 'request-new-advisory', route: '/requests/new', roles: ['contributor'], path: () => '/requests/new?kind=media_advisory' },
	{ name: 'request-new-errors', route: null, roles: ['contributor'], status: 422, open: async (page, fx, base) => {
		await page.goto(base + '/requests/new');
		await page.locator('#f-title').fill('Judul');
		await page.locator('#f-contact_phone').fill('telepon kantor');
		return submit(page, page.getByRole('button', { name: 'Ajukan ke Humas' }));
	} },
	...['draft', 'submitted', 'in_review', 'changes_requested', 'rejected', 'scheduled', 'published',
		'unpublished', 'withdrawn', 'advisory_draft', 'past_advisory'].map((state) => (
		{ name: `request-${state.replace(/_/g, '-')}`, route: '/requests/:id', roles: SIGNED_IN,
			path: (fx) => `/requests/${fx.id[state]}` })),
	{ name: 'request-action-error', route: null, roles: ['editor'], status: 422, open: async (page, fx, base) => {
		await page.goto(`${base}/requests/${fx.id.in_review}`);
		return submit(page, page.getByRole('button', { name: 'Tolak' }));
	} },
	{ name: 'request-conflict', route: null, roles: ['contributor'], status: 409, open: async (page, fx, base) => {
		await page.goto(`${base}/requests/${fx.id.draft}`);
		await fx.bumpDraft(); // someone else saves meanwhile
		await page.locator('#f-title').fill('Judul yang Diubah Bersamaan oleh Dua Orang');
		return submit(page, page.getByRole('button', { name: 'Simpan draf' }));
	} },
	{ name: 'preview', route: '/requests/:id/preview', roles: SIGNED_IN, path: (fx) => `/requests/${fx.id.in_review}/preview` },
	{ name: 'preview-advisory', route: '/requests/:id/preview', roles: SIGNED_IN, path: (fx) => `/requests/${fx.id.advisory_draft}/preview` },
	{ name: 'diff', route: '/requests/:id/diff', roles: SIGNED_IN, path: (fx) => `/requests/${fx.id.in_review}/diff` },

	// The own account.
	{ name: 'account-password', route: '/account/password', roles: SIGNED_IN, path: () => '/account/password' },
	{ name: 'account-password-errors', route: null, roles: ['contributor'], status: 422, open: async (page, fx, base) => {
		await page.goto(base + '/account/password');
		await page.getByLabel('Kata sandi saat ini').fill('bukan kata sandi saya');
		await page.getByLabel('Kata sandi baru', { exact: true }).fill('Password1234');
		await page.getByLabel('Ulangi kata sandi baru').fill('kata sandi yang lain');
		return submit(page, page.getByRole('button', { name: 'Simpan kata sandi baru' }));
	} },
	{ name: 'account-sessions', route: '/account/sessions', roles: SIGNED_IN, path: () => '/account/sessions' },

	// Dashboards: a contributor's own unit; editors and admins are sent on to the whole one.
	{ name: 'dashboard-unit', route: '/dashboard', roles: ['contributor'], path: () => '/dashboard' },
	{ name: 'dashboard', route: '/admin/dashboard', roles: STAFF, path: () => '/admin/dashboard' },
	{ name: 'dashboard-year', route: '/admin/dashboard', roles: ['editor'], path: () => '/admin/dashboard?period=year' },
	{ name: 'dashboard-error', route: null, roles: ['editor'], status: 400, path: () => '/admin/dashboard?from=2026-09-30&to=2026-09-01' },

	// Notifications and administration.
	{ name: 'notifications', route: '/notifications', roles: SIGNED_IN, path: () => '/notifications' },
	{ name: 'audit', route: '/admin/audit', roles: ['admin'], path: () => '/admin/audit' },
	{ name: 'outbox', route: '/admin/outbox', roles: ['admin'], path: () => '/admin/outbox' },
	{ name: 'users', route: '/admin/users', roles: ['admin'], path: () => '/admin/users' },
	{ name: 'users-filtered', route: '/admin/users', roles: ['admin'], path: () => '/admin/users?q=dinkes' },
	{ name: 'user-new', route: '/admin/users/new', roles: ['admin'], path: () => '/admin/users/new' },
	{ name: 'user-new-errors', route: null, roles: ['admin'], status: 422, open: async (page, fx, base) => {
		await page.goto(base + '/admin/users/new');
		await page.getByLabel('Alamat e-mail').fill(USERS.contribA.email); // taken
		await page.getByLabel('Nama lengkap').fill('Dewi Lagi');
		return submit(page, page.getByRole('button', { name: 'Buat pengguna dan tautan' }));
	} },
	{ name: 'user-created', route: null, roles: ['admin'], status: 201, open: async (page, fx, base) => {
		await page.goto(base + '/admin/users/new');
		await page.getByLabel('Alamat e-mail').fill('sari@dinsos.test');
		await page.getByLabel('Nama lengkap').fill('Sari Kontributor');
		await page.getByLabel('Peran').selectOption('contributor');
		await page.getByLabel('Unit', { exact: true }).selectOption('DINSOS');
		return submit(page, page.getByRole('button', { name: 'Buat pengguna dan tautan' }));
	} },
	{ name: 'user', route: '/admin/users/:id', roles: ['admin'], path: (fx) => `/admin/users/${fx.userId}` },
	{ name: 'units-admin', route: '/admin/units', roles: ['admin'], path: () => '/admin/units' },
	{ name: 'unit-admin', route: '/admin/units/:id', roles: ['admin'], path: (fx) => `/admin/units/${fx.unitId}` },
	{ name: 'error-403', route: null, roles: ['contributor', 'editor'], status: 403, path: () => '/admin/audit' },
	{ name: 'error-403-users', route: null, roles: ['editor'], status: 403, path: () => '/admin/users' },
];

/* The GET routes of src/pages/routes.c, in order. */
export function getRoutes() {
	const src = fs.readFileSync(path.join(ROOT, 'src', 'pages', 'routes.c'), 'utf8');
	const out = [...src.matchAll(/\{\s*"GET",\s*"([^"]+)"/g)].map((m) => m[1]);
	assert.ok(out.length > 10, 'no GET routes found in routes.c: has its format changed?');
	return out;
}

/* Whether a URL path (query ignored) matches a route pattern like /requests/:id/diff. */
export function routeMatches(route, urlPath) {
	const p = urlPath.split('?')[0];
	const re = new RegExp('^' + route.split('/').map((s) => (s.startsWith(':') ? '[^/]+'
		: s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/') + '$');
	return re.test(p);
}

/* Adds photos ([[caption, credit], ...] in the order of their files) and documents to a request
 * through the request page's upload form. */
async function upload(client, id, captions, files) {
	const fields = captions.flatMap(([caption, credit]) => [['photo_caption', caption], ['photo_credit', credit]]);
	const r = await client.multipart(`/requests/${id}/media`, fields, files);
	assert.equal(r.status, 303, `upload: ${r.status}\n${r.text.slice(0, 800)}`);
}

/* Fills a fresh server with something to see on every page: releases (one corrected, one
 * withdrawn from the site, a coming and a past media advisory), a request in every state with
 * comments and several versions, photos and documents on a release and a request, notifications,
 * queued e-mails and an invited user. Returns fx: { id: {state: request id}, slug: {...},
 * bumpDraft(), clients: {role: signed-in Client}, setPasswordLink, userId, unitId, media }. */
export async function seed(server) {
	const a = await loginAs(server, 'contribA');
	const b = await loginAs(server, 'contribB');
	const editor = await loginAs(server, 'editor');
	const admin = await loginAs(server, 'admin');
	const id = {};
	const slug = {};

	// The release with photos (a lead photo and a gallery) and a document.
	id.published = await createRequest(a, pressRelease({
		title: 'Dinkes Buka Layanan Vaksinasi Malam di 44 Puskesmas Kecamatan',
		summary: 'Dinas Kesehatan membuka layanan vaksinasi hingga pukul 21.00 WIB di 44 puskesmas kecamatan.',
		body: 'Layanan malam ini **gratis** untuk semua warga.\n\n## Syarat\n\n- KTP atau KK\n- Kartu vaksin, bila ada\n\n'
			+ 'Jadwal lengkap ada di [situs Dinkes](https://dinkes.jakarta.go.id/jadwal).\n\n> Datang sebelum pukul 20.30 WIB.',
		activity_date: wibLocal(0).slice(0, 10),
	}, [['Ani Ruspitawati', 'Kepala Dinas Kesehatan', 'Kami ingin warga yang bekerja siang hari tetap terlindungi.'],
		['Dewi Lestari', 'Kepala Puskesmas Tebet', 'Antrean kami buka sejak pukul 17.00 WIB.']]), 'save');
	const files = mediaFiles();
	await upload(a, id.published, [['Warga antre vaksinasi malam di Puskesmas Tebet', 'Humas Dinas Kesehatan'],
		['Petugas mencatat data warga sebelum vaksinasi', 'Rina Wulandari'], ['Ruang tunggu puskesmas pukul 20.00 WIB', 'Humas Dinas Kesehatan']],
	[['photo', 'antrean.jpg', files.gpsJpeg, 'image/jpeg'], ['photo', 'pencatatan.png', files.png, 'image/png'],
		['photo', 'ruang-tunggu.webp', files.webp, 'image/webp'], ['document', 'jadwal-vaksinasi-malam.pdf', files.pdf, 'application/pdf']]);
	await act(a, id.published, 'submit');
	await act(editor, id.published, 'claim');
	await act(editor, id.published, 'approve', [['publish_at', '']]);
	slug.press = requestRow(server.db, id.published).slug;

	const corrected = await publishNew(a, editor, pressRelease({ title: 'Layanan Cek Kesehatan Gratis Diperluas ke Kepulauan Seribu' }));
	const row = requestRow(server.db, corrected);
	let r = await editor.form(`/requests/${corrected}/correct`, [...fieldsOf(row, { summary: 'Layanan cek kesehatan gratis kini ada di enam pulau berpenghuni.' }),
		['correction_note', 'Jumlah pulau diperbaiki: enam, bukan lima.']]);
	assert.equal(r.status, 303, `correction: ${r.status}`);
	slug.corrected = row.slug;

	const advisory = await publishNew(a, editor, mediaAdvisory({ title: 'Peluncuran Layanan Vaksinasi Malam Bersama Gubernur',
		event_start: wibLocal(2 * 86400), event_end: wibLocal(2 * 86400 + 7200) }));
	slug.advisory = requestRow(server.db, advisory).slug;
	id.past_advisory = await publishNew(a, editor, mediaAdvisory({ title: 'Peresmian Taman Kota Tebet yang Sudah Berlangsung',
		event_start: wibLocal(-3 * 86400), event_end: wibLocal(-3 * 86400 + 7200) }));
	await publishNew(b, editor, pressRelease({ title: 'Dishub Tambah Armada Transjakarta Malam', summary: 'Dinas Perhubungan menambah layanan malam.' }));

	id.unpublished = await publishNew(a, editor, pressRelease({ title: 'Siaran yang Ditarik karena Data Keliru' }));
	await act(editor, id.unpublished, 'unpublish', [['reason', 'Data jumlah penerima keliru; akan diterbitkan ulang.']]);
	slug.unpublished = requestRow(server.db, id.unpublished).slug;

	id.draft = await createRequest(a, pressRelease({ title: 'Draf Siaran Pekan Imunisasi Anak Sekolah' }), 'save');
	id.advisory_draft = await createRequest(a, mediaAdvisory({ title: 'Undangan Liputan Pencanangan Pekan Imunisasi',
		event_start: wibLocal(5 * 86400), event_end: wibLocal(5 * 86400 + 3600) }), 'save');
	id.submitted = await createRequest(a, pressRelease({ title: 'Puskesmas Keliling Layani Warga Rusun Marunda' }));
	id.withdrawn = await createRequest(a, pressRelease({ title: 'Siaran yang Dibatalkan oleh Unit Pengirim' }));
	await act(a, id.withdrawn, 'withdraw');

	// In review, edited by the editor (several versions, the four-eyes note), with comments.
	// ... and with photos and a document: the request page's media section.
	id.in_review = await createRequest(a, pressRelease({ title: 'Dinkes Gelar Skrining Tuberkulosis di Pasar Tradisional' }), 'save');
	await upload(a, id.in_review, [['Petugas memeriksa pedagang di Pasar Senen', 'Humas Dinas Kesehatan'],
		['Antrean skrining di Pasar Jatinegara', 'Humas Dinas Kesehatan']],
	[['photo', 'skrining.jpg', files.second, 'image/jpeg'], ['photo', 'antrean.jpg', files.tiny, 'image/jpeg'],
		['document', 'data-skrining.pdf', files.pdf, 'application/pdf']]);
	await act(a, id.in_review, 'submit');
	await act(editor, id.in_review, 'claim');
	r = await editor.form(`/requests/${id.in_review}`, [...fieldsOf(requestRow(server.db, id.in_review),
		{ summary: 'Dinas Kesehatan menggelar skrining tuberkulosis gratis di 12 pasar tradisional selama Desember.' }),
	['action', 'save']]);
	assert.equal(r.status, 303, `editor save: ${r.status}`);
	for (const [who, body, internal] of [[a, 'Foto kegiatan menyusul siang ini.', false],
		[editor, 'Terima kasih, ringkasan sudah kami rapikan.', false],
		[editor, 'Tunggu konfirmasi jumlah pasar dari Kepala Dinas.', true]]) {
		r = await who.form(`/requests/${id.in_review}/comments`, [['body', body], ...(internal ? [['internal', '1']] : [])]);
		assert.equal(r.status, 303, `comment: ${r.status}`);
	}

	id.changes_requested = await createRequest(a, pressRelease({ title: 'Dinkes Perpanjang Jam Layanan Laboratorium Kesehatan' }));
	await act(editor, id.changes_requested, 'claim');
	await act(editor, id.changes_requested, 'request-changes', [['note', 'Mohon tambahkan kutipan Kepala Dinas dan jam layanan yang baru.']]);

	id.rejected = await createRequest(a, pressRelease({ title: 'Siaran yang Tidak Layak Terbit' }));
	await act(editor, id.rejected, 'claim');
	await act(editor, id.rejected, 'reject', [['reason', 'Isi sudah pernah diterbitkan pada bulan lalu.']]);

	id.scheduled = await createRequest(a, pressRelease({ title: 'Jadwal Vaksinasi Tahun Baru di Seluruh Puskesmas' }));
	await act(editor, id.scheduled, 'claim');
	await act(editor, id.scheduled, 'approve', [['publish_at', wibLocal(10 * 86400)]]);

	await createRequest(b, pressRelease({ title: 'Dishub Uji Coba Lajur Sepeda Baru di Sudirman' }));
	await b.form('/logout');

	// A user invited by the admin, whose one-time link is not used yet.
	r = await admin.form('/admin/users', [['email', 'budi@dinsos.test'], ['name', 'Budi Kontributor'],
		['role', 'contributor'], ['unit', 'DINSOS']]);
	assert.equal(r.status, 201, `create user: ${r.status}`);
	const link = /href="https?:\/\/[^"/]+(\/set-password\?token=[0-9a-f]{64})"/.exec(r.text);
	assert.ok(link, 'no one-time link shown');

	/* Saves the draft as another session would: the browser's copy of the form goes stale. */
	async function bumpDraft() {
		const other = await loginAs(server, 'contribA2');
		const res = await other.form(`/requests/${id.draft}`, [...fieldsOf(requestRow(server.db, id.draft),
			{ summary: 'Ringkasan yang diubah rekan satu unit.' }), ['action', 'save']]);
		assert.equal(res.status, 303, `bump draft: ${res.status}`);
	}
	const photo = sqlValue(server.db, `SELECT sha256 FROM request_media WHERE request_id = ${id.published} AND kind = 'photo' LIMIT 1`);
	return {
		id, slug, bumpDraft, clients: { contributor: a, editor, admin },
		setPasswordLink: link[1],
		userId: sqlValue(server.db, `SELECT id FROM users WHERE email = '${USERS.contribA.email}'`),
		unitId: sqlValue(server.db, "SELECT id FROM units WHERE code = 'DINKES'"),
		media: { photo: `/media/${photo}/w480.jpg` },
	};
}
