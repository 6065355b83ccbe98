// Slow clients: slowhttptest (Debian) holds connections open from 127.0.0.1 with headers
// trickled in (slowloris) and with bodies trickled in (slow POST); meanwhile legitimate visitors
// from other addresses (127.0.0.2 and up, still loopback) keep getting their pages. What protects
// them: the per-address connection limit (SIARAN_PER_IP_LIMIT, default 64), the total limit and
// the silence timeout. SLOWHTTP_SECONDS sets the length of each attack (default 15; `make
// test-slowhttp` runs 120).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { startServer } from '../http/lib.mjs';

const SECONDS = Number(process.env.SLOWHTTP_SECONDS || 15);
const TOOL = '/usr/bin/slowhttptest';

/* One GET from a given local address, without keep-alive; resolves { status, ms } or { error }. */
function getFrom(base, localAddress, p = '/') {
	const url = new URL(base);
	const t0 = Date.now();
	return new Promise((resolve) => {
		const req = http.get({ host: url.hostname, port: url.port, path: p, localAddress, agent: false, timeout: 10_000 },
			(res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode, ms: Date.now() - t0 }));
			});
		req.on('timeout', () => { req.destroy(); resolve({ error: 'timeout', ms: Date.now() - t0 }); });
		req.on('error', (e) => resolve({ error: e.code || String(e), ms: Date.now() - t0 }));
	});
}

function attack(args) {
	const p = spawn(TOOL, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	p.stdout.on('data', (d) => { out += d; });
	p.stderr.on('data', (d) => { out += d; });
	const done = new Promise((resolve) => p.on('close', (code) => resolve({ code, out })));
	return { proc: p, done };
}

describe('slow clients from one address', { timeout: (SECONDS * 2 + 120) * 1000 }, () => {
	let srv;

	before(async () => {
		assert.ok(fs.existsSync(TOOL), `${TOOL} not found (Debian package slowhttptest)`);
		srv = await startServer();
	});
	after(async () => {
		await srv?.stop();
	});

	/* Runs an attack and, while it lasts, legitimate requests from rotating loopback addresses. */
	async function underAttack(name, args) {
		const a = attack([...args, '-l', String(SECONDS), '-u', `${srv.base}/`]);
		await new Promise((r) => setTimeout(r, 3000)); // the attack's connections are open by now
		const results = [];
		let n = 0;
		while (a.proc.exitCode === null && results.length < 10_000) {
			const addr = `127.0.0.${2 + (n++ % 50)}`;
			const [page, health] = await Promise.all([getFrom(srv.base, addr, '/'), getFrom(srv.base, addr, '/healthz')]);
			results.push(page, health);
			await new Promise((r) => setTimeout(r, 200));
		}
		const out = (await a.done).out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
		const failed = results.filter((r) => r.status !== 200);
		const slowest = Math.max(...results.map((r) => r.ms));
		fs.mkdirSync('test-output/slowhttp', { recursive: true });
		fs.writeFileSync(`test-output/slowhttp/${name}.txt`, `${out}\n\nlegitimate requests: ${results.length},`
			+ ` failed: ${failed.length}, slowest: ${slowest} ms\n`);
		assert.ok(results.length >= 10, `${name}: only ${results.length} legitimate requests were made`);
		assert.deepEqual(failed, [], `${name}: legitimate requests failed during the attack`);
		assert.ok(slowest < 5000, `${name}: a legitimate request took ${slowest} ms`);
		// The attack really held connections (slowhttptest reports how many stayed connected), and
		// never more than the per-address limit: the rest were refused.
		const m = [...out.matchAll(/connected:\s+(\d+)/g)].map((x) => Number(x[1]));
		assert.ok(m.length && Math.max(...m) > 0, `${name}: the attack held no connection:\n${out.slice(-1500)}`);
		// (A few more may count as connected for a moment: the kernel completes the handshake
		// before libmicrohttpd accepts, checks the address and closes.)
		assert.ok(Math.max(...m) <= 64 + 8, `${name}: ${Math.max(...m)} connections from one address (limit 64)`);
		// Afterwards everyone, the attacking address included, is served again.
		const after1 = await getFrom(srv.base, '127.0.0.1', '/healthz');
		assert.equal(after1.status, 200);
	}

	test('slow headers (slowloris): 300 connections trickling header lines', async () => {
		await underAttack('slowloris', ['-H', '-c', '300', '-r', '100', '-i', '5', '-x', '24', '-p', '3']);
	});

	test('slow body (slow POST): 300 connections trickling a form body', async () => {
		await underAttack('slow-body', ['-B', '-c', '300', '-r', '100', '-i', '5', '-s', '65536', '-x', '24', '-p', '3',
			'-t', 'POST', '-f', 'application/x-www-form-urlencoded']);
	});
});
