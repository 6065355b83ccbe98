// Behind a reverse proxy on the same machine (SIARAN_TRUST_PROXY=on) the client's address is the
// one the proxy names in X-Real-IP: login throttling, sessions and the audit trail see it. The
// header is believed only from a loopback peer and only when it is an IP address; without the
// setting it is ignored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, sql, csrfFrom, USERS } from './lib.mjs';

async function failedLogin(srv, realIp) {
	const c = new Client(srv);
	const page = await c.get('/login');
	const res = await c.post('/login', [['email', USERS.contribA.email], ['password', 'salah-sekali-123'],
		['csrf_token', csrfFrom(page.text)]], realIp ? { 'X-Real-IP': realIp } : {});
	assert.equal(res.status, 401, res.text.slice(0, 300));
}

function clients(db) {
	return sql(db, 'SELECT client FROM login_attempts ORDER BY id').map((r) => r.client);
}

test('SIARAN_TRUST_PROXY=on: the address in X-Real-IP is the client', async () => {
	const srv = await startServer({ env: { SIARAN_TRUST_PROXY: 'on' } });
	try {
		await failedLogin(srv, '203.0.113.9');
		await failedLogin(srv, '2001:DB8::0:1');
		await failedLogin(srv, 'not-an-address');
		await failedLogin(srv, null);
		assert.deepEqual(clients(srv.db), ['203.0.113.9', '2001:db8::1', '127.0.0.1', '127.0.0.1']);
	} finally {
		await srv.stop();
	}
});

test('without it the header is ignored', async () => {
	const srv = await startServer();
	try {
		await failedLogin(srv, '203.0.113.9');
		assert.deepEqual(clients(srv.db), ['127.0.0.1']);
	} finally {
		await srv.stop();
	}
});
