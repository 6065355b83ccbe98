// A known data set for the dashboard, written with exact timestamps through the sqlite3 CLI, and
// the figures it must give for September 2026 (WIB). Shared by tests/http/dashboard.test.mjs and
// the screenshots in tests/e2e/dashboard.test.mjs.
import { sql } from './lib.mjs';

/* Unix seconds of a WIB wall-clock time. */
export function wib(year, month, day, hour = 0, minute = 0) {
	return Date.UTC(year, month - 1, day, hour, minute) / 1000 - 7 * 3600;
}
const S = (day, hour, minute = 0) => wib(2026, 9, day, hour, minute);

export const PERIOD = { from: '2026-09-01', to: '2026-09-30' };

/* A unit whose name is a CSV trap: leading '-', quotes and a comma. */
export const TRAP_UNIT = { code: 'UJI_CSV', name: '-Unit "Uji", Koma' };
/* A queue title that a spreadsheet would run as a formula, with a comma, quotes and a newline. */
export const TRAP_TITLE = '=HYPERLINK("http://contoh.test","klik"), "kutip"\nbaris dua';

const q = (s) => (s === null || s === undefined ? 'NULL' : typeof s === 'number' ? String(s)
	: `'${String(s).replace(/'/g, "''")}'`);

/* Writes the data set into db; nowSec is "now" for the queue. Returns the users' ids. */
export function seedDashboard(db, nowSec) {
	const id = (email) => sql(db, `SELECT id FROM users WHERE email = ${q(email)}`)[0].id;
	const who = {
		a: id('kontributor.a@dinkes.test'), b: id('kontributor.b@dishub.test'),
		editor: id('editor@humas.test'), admin: id('admin@humas.test'),
	};
	const lines = ['BEGIN;',
		`INSERT INTO units (code, name, kind) VALUES (${q(TRAP_UNIT.code)}, ${q(TRAP_UNIT.name)}, 'UKPD');`];
	const unit = (code) => `(SELECT id FROM units WHERE code = ${q(code)})`;
	// [id, unit, final state, title, creator, events [[action, actor, at, from, to]], published_at,
	//  assigned]
	const reqs = [
		// DINKES: published 2 h after submission
		[1001, 'DINKES', 'published', 'Rilis satu', 'a', [['submit', 'a', S(2, 9), 'draft', 'submitted'],
			['claim', 'editor', S(2, 10), 'submitted', 'in_review'],
			['approve', 'editor', S(2, 11), 'in_review', 'published']], S(2, 11)],
		// DINKES: 24 h, approved by the admin
		[1002, 'DINKES', 'published', 'Rilis dua', 'a', [['submit', 'a', S(3, 9), 'draft', 'submitted'],
			['claim', 'admin', S(3, 10), 'submitted', 'in_review'],
			['approve', 'admin', S(4, 9), 'in_review', 'published']], S(4, 9)],
		// DINKES: changes asked, resubmitted; 48 h from the FIRST submission
		[1003, 'DINKES', 'published', 'Rilis tiga', 'a', [['submit', 'a', S(10, 8), 'draft', 'submitted'],
			['claim', 'editor', S(10, 9), 'submitted', 'in_review'],
			['request-changes', 'editor', S(10, 12), 'in_review', 'changes_requested'],
			['submit', 'a', S(11, 8), 'changes_requested', 'submitted'],
			['claim', 'editor', S(11, 9), 'submitted', 'in_review'],
			['approve', 'editor', S(12, 8), 'in_review', 'published']], S(12, 8)],
		// DINKES: rejected
		[1004, 'DINKES', 'rejected', 'Rilis empat', 'a', [['submit', 'a', S(20, 8), 'draft', 'submitted'],
			['claim', 'editor', S(20, 9), 'submitted', 'in_review'],
			['reject', 'editor', S(21, 8), 'in_review', 'rejected']], null],
		// DINKES: submitted in August, published 1 September: exactly 7 days
		[1005, 'DINKES', 'published', 'Rilis lima', 'a', [['submit', 'a', wib(2026, 8, 25, 10), 'draft', 'submitted'],
			['claim', 'editor', wib(2026, 8, 26, 10), 'submitted', 'in_review'],
			['approve', 'editor', S(1, 10), 'in_review', 'published']], S(1, 10)],
		// DISHUB: 6 h, approved by the admin
		[1006, 'DISHUB', 'published', 'Rilis enam', 'b', [['submit', 'b', S(5, 8), 'draft', 'submitted'],
			['claim', 'admin', S(5, 9), 'submitted', 'in_review'],
			['approve', 'admin', S(5, 14), 'in_review', 'published']], S(5, 14)],
		// DISHUB: submitted, then withdrawn
		[1007, 'DISHUB', 'withdrawn', 'Rilis tujuh', 'b', [['submit', 'b', S(29, 10), 'draft', 'submitted'],
			['withdraw', 'b', S(29, 11), 'submitted', 'withdrawn']], null],
		// DISHUB: published in June (before the period)
		[1008, 'DISHUB', 'published', 'Rilis delapan', 'b', [['submit', 'b', wib(2026, 5, 31, 10), 'draft', 'submitted'],
			['approve', 'editor', wib(2026, 6, 1, 10), 'in_review', 'published']], wib(2026, 6, 1, 10)],
		// DLH: last published 15 August: silent in September
		[1009, 'DLH', 'published', 'Rilis sembilan', 'a', [['submit', 'a', wib(2026, 8, 14, 10), 'draft', 'submitted'],
			['approve', 'editor', wib(2026, 8, 15, 10), 'in_review', 'published']], wib(2026, 8, 15, 10)],
		// DINSOS: published 1 July, unpublished the next day: still its last publication
		[1010, 'DINSOS', 'unpublished', 'Rilis sepuluh', 'a', [['submit', 'a', wib(2026, 6, 30, 9), 'draft', 'submitted'],
			['approve', 'editor', wib(2026, 7, 1, 9), 'in_review', 'published'],
			['unpublish', 'editor', wib(2026, 7, 2, 9), 'published', 'unpublished']], wib(2026, 7, 1, 9)],
		// BPBD: first published in October, after the period: "never" as of the period's end
		[1011, 'BPBD', 'published', 'Rilis sebelas', 'a', [['submit', 'a', wib(2026, 10, 4, 9), 'draft', 'submitted'],
			['approve', 'editor', wib(2026, 10, 5, 9), 'in_review', 'published']], wib(2026, 10, 5, 9)],
		// The CSV trap unit: 2 h
		[1012, TRAP_UNIT.code, 'published', 'Rilis dua belas', 'a', [['submit', 'a', S(15, 8), 'draft', 'submitted'],
			['claim', 'editor', S(15, 9), 'submitted', 'in_review'],
			['approve', 'editor', S(15, 10), 'in_review', 'published']], S(15, 10)],
		// The queue now: 10 days, 50 hours (in review, assigned) and 3 hours old
		[1013, 'DLH', 'submitted', 'Antrean lama', 'a', [['submit', 'a', nowSec - 10 * 86400, 'draft', 'submitted']], null],
		[1014, 'DINKES', 'in_review', 'Antrean sedang', 'a', [['submit', 'a', nowSec - 50 * 3600, 'draft', 'submitted'],
			['claim', 'editor', nowSec - 49 * 3600, 'submitted', 'in_review']], null, 'editor'],
		[1015, 'DISHUB', 'submitted', TRAP_TITLE, 'b', [['submit', 'b', nowSec - 3 * 3600, 'draft', 'submitted']], null],
	];
	for (const [rid, code, state, title, creator, events, publishedAt, assigned] of reqs) {
		const created = events[0][2] - 3600;
		const lastSubmit = Math.max(...events.filter((e) => e[0] === 'submit').map((e) => e[2]));
		lines.push(`INSERT INTO requests (id, unit_id, kind, state, title, created_by, created_at,`
			+ ` updated_by, updated_at, submitted_at, published_at, public_updated_at, number, slug,`
			+ ` assigned_to, unpublished_at) VALUES (${rid}, ${unit(code)}, 'press_release', ${q(state)},`
			+ ` ${q(title)}, ${who[creator]}, ${created}, ${who[creator]}, ${created}, ${lastSubmit},`
			+ ` ${q(publishedAt)}, ${q(publishedAt)}, ${publishedAt ? q(`${rid}/SP/UJI/IX/2026`) : 'NULL'},`
			+ ` ${publishedAt ? q(`dasbor-${rid}`) : 'NULL'}, ${assigned ? who[assigned] : 'NULL'},`
			+ ` ${state === 'unpublished' ? events[events.length - 1][2] : 'NULL'});`);
		for (const [action, actor, at, from, to] of events)
			lines.push(`INSERT INTO transitions (request_id, actor_id, action, from_state, to_state, at)`
				+ ` VALUES (${rid}, ${who[actor]}, ${q(action)}, ${q(from)}, ${q(to)}, ${at});`);
	}
	lines.push('COMMIT;');
	sql(db, lines.join('\n'));
	return who;
}

/* What September 2026 must show for every unit. Minutes for durations. */
export const EXPECTED = {
	totals: { submitted: 7, published: 6, rejected: 1 },
	// sorted 120, 120, 360, 1440, 2880, 10080: median (360 + 1440) / 2; p90 at rank 4.5
	medianMin: 900, p90Min: 6480, medianText: '15 jam', p90Text: '4 hari 12 jam',
	units: [
		// code, name, submitted, published, rejected, median, p90 (minutes)
		['DINKES', 'Dinas Kesehatan', 4, 4, 1, 2160, 7920],
		['DISHUB', 'Dinas Perhubungan', 2, 1, 0, 360, 360],
		[TRAP_UNIT.code, TRAP_UNIT.name, 1, 1, 0, 120, 120],
	],
	weekly: [['2026-08-31', 4], ['2026-09-07', 1], ['2026-09-14', 1], ['2026-09-21', 0], ['2026-09-28', 0]],
	// < 2 jam, 2–6 jam, 6–24 jam, 1–2 hari, 2–3 hari, 3–7 hari, ≥ 7 hari (lower bound inclusive)
	ttp: [0, 2, 1, 1, 1, 0, 1],
	// < 4 jam, 4–24 jam, 1–2 hari, 2–7 hari, ≥ 7 hari
	age: [1, 0, 0, 1, 1],
	editors: [['Rina Editor', 4, 1, 1, 6], ['Budi Admin', 2, 0, 0, 2]],
	// the last silent units, in order (the ones that never published come first)
	silentTail: [['DINSOS', '2026-07-01', 91], ['DLH', '2026-08-15', 46]],
};

/* The same for a contributor of DINKES. */
export const EXPECTED_DINKES = {
	totals: { submitted: 4, published: 4, rejected: 1 },
	medianText: '1 hari 12 jam', p90Text: '5 hari 12 jam',
	editors: [['Rina Editor', 3, 1, 1, 5], ['Budi Admin', 1, 0, 0, 1]],
};
