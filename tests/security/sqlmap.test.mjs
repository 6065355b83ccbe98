// SQL injection: sqlmap (Debian's /usr/bin/sqlmap) against every parameter a visitor or user can
// send (query strings, form fields, path segments marked with *), anonymously and with each
// role's session cookie (and its CSRF token, which is itself not tested). No parameter may be
// found injectable.
//
// `make test` runs the short version (level 1, risk 1, boolean/error/union techniques, a few
// seconds per target). `make test-sqlmap` sets SQLMAP_FULL=1: level 5, risk 3, every technique
// including time-based, which takes hours (docs/testing.md has the last run). SQLMAP_JOBS=N runs N
// sqlmap processes at once (default 1, `make test-sqlmap` uses 3); SQLMAP_ONLY=REGEX keeps the
// targets whose name matches (to rerun one).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer, loginAs, Client, pressRelease, createRequest, act, requestRow, USERS } from '../http/lib.mjs';

const FULL = process.env.SQLMAP_FULL === '1';
const SQLMAP = process.env.SQLMAP || '/usr/bin/sqlmap';
const LOG = path.join(ROOT, 'test-output', 'sqlmap');
const JOBS = Math.max(1, Number(process.env.SQLMAP_JOBS) || 1);
const ONLY = process.env.SQLMAP_ONLY ? new RegExp(process.env.SQLMAP_ONLY) : null;

function runSqlmap(args, outDir) {
	return new Promise((resolve) => {
		const base = ['--batch', '--flush-session', '--disable-coloring', `--output-dir=${outDir}`,
			'--skip-waf', '--answers=follow=N,keep testing=Y', '--timeout=30', '--retries=1', '--keep-alive'];
		const level = FULL ? ['--level=5', '--risk=3', '--technique=BEUSTQ', '--time-sec=2']
			: ['--level=1', '--risk=1', '--technique=BEU'];
		const p = spawn(SQLMAP, [...base, ...level, ...args], { stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, TERM: 'dumb' } });
		let out = '';
		p.stdout.on('data', (d) => { out += d; });
		p.stderr.on('data', (d) => { out += d; });
		p.on('close', (code) => resolve({ code, out }));
	});
}

/* Lines in which sqlmap reports a finding. */
function findings(out) {
	return out.split('\n').filter((l) => /is vulnerable|appears to be .*injectable|identified the following injection point|sqlmap identified/i.test(l)
		&& !/does not seem|not injectable/i.test(l));
}

describe('sqlmap finds no injectable parameter', { timeout: FULL ? 24 * 3600_000 : 1_800_000 }, () => {
	let srv, outDir;
	const targets = [];

	before(async () => {
		if (!fs.existsSync(SQLMAP))
			throw new Error(`${SQLMAP} not found (Debian package sqlmap; scripts/install-deps.sh installs it)`);
		srv = await startServer();
		outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaran-sqlmap-'));
		fs.mkdirSync(LOG, { recursive: true });
		const a = await loginAs(srv, 'contribA');
		const editor = await loginAs(srv, 'editor');
		const admin = await loginAs(srv, 'admin');
		const b = await loginAs(srv, 'contribB');
		const id = await createRequest(a, pressRelease(), 'submit');
		await act(editor, id, 'claim');
		await act(editor, id, 'approve', [['publish_at', '']]);
		const slug = requestRow(srv.db, id).slug;
		const draft = await createRequest(a, pressRelease(), 'save');
		const version = requestRow(srv.db, draft).version;
		const anon = new Client(srv);
		await anon.get('/login');
		const B = srv.base;
		const cookie = (c) => ['--cookie', c.cookieHeader()];
		// At level 5 sqlmap also tries the cookies, User-Agent, Referer and Host headers. The
		// server reads them the same way on every route, so in the full run they are tried on
		// each client's first target only; every later target skips them (and the CSRF token,
		// which is never tried: a wrong one is refused before any handler runs).
		const headersTried = new Set();
		const skip = (c) => {
			const names = ['csrf_token'];
			if (FULL && headersTried.has(c))
				names.push('user-agent', 'referer', 'host', ...c.jar.keys());
			headersTried.add(c);
			return ['--skip=' + names.join(',')];
		};
		const post = (c, p, fields, extra = []) => ({ name: `POST ${p} as ${c.user?.email ?? 'anon'}`,
			args: ['-u', B + p, '--data', new URLSearchParams([...fields, ['csrf_token', c.csrf]]).toString(),
				...skip(c), ...cookie(c), ...extra] });
		const get = (c, p, extra = []) => ({ name: `GET ${p} as ${c.user?.email ?? 'anon'}`,
			args: ['-u', B + p, ...skip(c), ...(c.jar.size ? cookie(c) : []), ...extra] });
		const pub = '/?q=banjir&unit=DINKES&kind=press_release&from=2026-01-01&to=2026-12-31&limit=10';
		// The short run takes the parameters where SQL is built from fragments (filters, search,
		// cursors); the full run takes every one, as every role.
		if (!FULL)
			targets.push(get(anon, pub), get(anon, '/search?q=banjir&unit=DINKES&after=s1_1'),
				get(anon, '/api/v1/releases?unit=DINKES&limit=5&q=banjir'),
				get(editor, '/requests?status=all&unit=DINKES&page=1'),
				get(admin, '/admin/audit?actor=1&action=login&object_type=user&object_id=1&from=2026-01-01&to=2026-12-31&limit=5'),
				post(a, `/requests/${id}/comments`, [['body', 'Komentar uji sqlmap.']]));
		if (FULL) {
			// Ordered so that every distinct route and parameter comes first (the public pages
			// anonymously, the workbench as each kind of user), then the same public pages with
			// each role's session: a run cut short has still seen every parameter once.
			const publicPages = (c) => [get(c, pub), get(c, '/search?q=banjir&unit=DINKES&kind=press_release&from=2026-01-01&to=2026-12-31&after=s1_1'),
				get(c, '/agenda?from=2026-01-01&to=2026-12-31'), get(c, '/api/v1/releases?unit=DINKES&limit=5&q=banjir&after=1_1'),
				get(c, '/api/v1/agenda?from=2026-01-01&to=2026-12-31'), get(c, `/api/v1/releases/${id}*`),
				get(c, `/releases/${slug}*`), get(c, '/units/DINKES*'), get(c, '/units/DINKES*/feed.xml'),
				get(c, '/login?next=/requests')];
			const workbench = (c) => [get(c, '/requests?status=all&unit=DINKES&kind=press_release&page=1'),
				get(c, `/requests/${id}*`), get(c, `/requests/${id}/diff?from=1&to=2`),
				get(c, '/notifications?state=unread&page=1&before=99'),
				post(c, '/notifications/read', [['id', '1']]),
				post(c, `/requests/${id}/comments`, [['body', 'Komentar uji sqlmap.'], ['internal', '0']])];
			targets.push(...publicPages(anon),
				// sqlmap gives up on a target whose first answer is an error unless told that
				// the code is the page's normal answer (--ignore-code).
				get(anon, `/media/${'0'.repeat(64)}*/w480.jpg`, ['--ignore-code=404']),
				get(anon, '/set-password?token=0123456789abcdef', ['--ignore-code=404']),
				// A wrong password is 401; the login throttle answers 429 after 30 failures from
				// one address, so sqlmap's later requests there see only the lock
				// (docs/testing.md).
				post(anon, '/login', [['email', USERS.editor.email], ['password', 'x'], ['next', '/requests']],
					['--ignore-code=401,429']),
				...workbench(a),
				post(a, '/requests', [...pressRelease(), ['action', 'save']]),
				post(a, `/requests/${draft}`, [...pressRelease(), ['action', 'save'], ['version', String(version)]]),
				get(a, '/dashboard?from=2026-01-01&to=2026-12-31&period=month'),
				...workbench(editor),
				post(editor, `/requests/${id}/assign`, [['assignee', '1']]),
				get(editor, '/admin/dashboard?from=2026-01-01&to=2026-12-31&unit=DINKES&period=month'),
				...workbench(admin),
				get(admin, '/admin/audit?actor=1&action=login&object_type=user&object_id=1&from=2026-01-01&to=2026-12-31&limit=5&after=9'),
				get(admin, '/admin/users?q=a&role=editor&status=active&unit=DINKES&page=1'),
				get(admin, '/admin/users/1*'), get(admin, '/admin/units/1*'),
				post(admin, '/admin/units', [['code', 'SQLMAP'], ['name', 'Unit uji sqlmap'], ['kind', 'UKPD'], ['parent', 'DINKES']]),
				...workbench(b),
				...publicPages(a), ...publicPages(editor), ...publicPages(admin), ...publicPages(b));
		}
	});
	after(async () => {
		await srv?.stop();
		if (outDir)
			fs.rmSync(outDir, { recursive: true, force: true });
	});

	test(FULL ? 'level 5, risk 3, every technique, every parameter, every role' : 'level 1, risk 1, the filter and search parameters', async () => {
		const report = [];
		const bad = [];
		const todo = targets.filter((t) => !ONLY || ONLY.test(t.name));
		assert.ok(todo.length > 0, 'no target matches SQLMAP_ONLY');
		const logFile = path.join(LOG, FULL ? 'full.log' : 'short.log');
		const summaryFile = path.join(LOG, FULL ? 'full-summary.txt' : 'short-summary.txt');
		fs.writeFileSync(logFile, '');
		fs.writeFileSync(summaryFile, '');
		let next = 0;
		// Each worker has its own output directory: sqlmap keeps one session file per host.
		const worker = async (w) => {
			const dir = path.join(outDir, String(w));
			while (next < todo.length) {
				const t = todo[next++];
				const started = Date.now();
				const r = await runSqlmap(t.args, dir);
				const f = findings(r.out);
				// Only this line says that sqlmap tested the target to the end: without it, it
				// gave up (an error answer, no parameter) and the target proves nothing.
				const tested = /all tested parameters do not appear to be injectable/i.test(r.out);
				const verdict = tested ? 'none injectable' : 'NOT TESTED (see log)';
				const secs = Math.round((Date.now() - started) / 1000);
				const line = `${t.name}: exit ${r.code}, ${f.length ? 'FINDINGS' : verdict}, ${secs} s`;
				report.push(line);
				fs.appendFileSync(summaryFile, line + '\n');
				fs.appendFileSync(logFile, `\n===== ${t.name} (${secs} s)\n${r.out}`);
				if (f.length)
					bad.push(`${t.name}:\n${f.join('\n')}`);
				else if (!tested)
					bad.push(`${t.name}: sqlmap did not finish testing it:\n${r.out.split('\n').filter((l) => /\[(ERROR|CRITICAL)\]/.test(l)).join('\n')}`);
				assert.ok(!/connection refused|unable to connect/i.test(r.out), `${t.name}: sqlmap could not reach the server`);
			}
		};
		await Promise.all(Array.from({ length: Math.min(JOBS, todo.length) }, (_, w) => worker(w)));
		fs.appendFileSync(summaryFile, `${report.length} targets, ${bad.length} with findings\n`);
		assert.deepEqual(bad, [], 'injectable parameters found, or targets not tested');
	});
});
