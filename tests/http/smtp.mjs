// A real SMTP server for the HTTP tests (Debian's aiosmtpd writing a maildir) and a small reader
// of the messages it stored (node's built-ins only). Used by mail.test.mjs and the one-time link
// tests in admin-people.test.mjs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { waitFor } from './lib.mjs';

/* --- a real SMTP server --- */

/* A free port below Linux's ephemeral range (32768 and up), where the port-0 listeners of
 * siaran and the other tests never land: a port kept free for an SMTP server that starts later
 * must not be taken by them meanwhile. */
export async function freePort() {
	for (;;) {
		const port = 20000 + Math.floor(Math.random() * 12000);
		const ok = await new Promise((resolve) => {
			const s = net.createServer();
			s.on('error', () => resolve(false));
			s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
		});
		if (ok)
			return port;
	}
}

export function canConnect(port) {
	return new Promise((resolve) => {
		const sock = net.connect(port, '127.0.0.1');
		sock.on('connect', () => { sock.destroy(); resolve(true); });
		sock.on('error', () => resolve(false));
	});
}

/* Starts aiosmtpd on port, storing every message in the maildir dir. Debian's interpreter is
 * named explicitly: another python3 earlier on PATH may not see python3-aiosmtpd. */
export async function startSmtp(port, dir) {
	// Python's Maildir creates the folders only when dir itself is missing.
	for (const sub of ['new', 'cur', 'tmp'])
		fs.mkdirSync(path.join(dir, sub), { recursive: true });
	const proc = spawn('/usr/bin/python3', ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`,
		'-c', 'aiosmtpd.handlers.Mailbox', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
	let err = '';
	proc.stderr.setEncoding('utf8');
	proc.stderr.on('data', (d) => { err += d; });
	const exited = new Promise((resolve) => proc.on('close', resolve));
	const up = await waitFor(() => canConnect(port), 15_000, 100);
	if (!up) {
		proc.kill('SIGKILL');
		throw new Error(`aiosmtpd did not listen on ${port}:\n${err}`);
	}
	return {
		async stop() {
			proc.kill('SIGTERM');
			const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(t);
			await waitFor(async () => !(await canConnect(port)), 5000, 100);
		},
	};
}

/* --- reading messages (node's built-ins only) --- */

export function decodeQP(s) {
	const bytes = [];
	const src = s.replace(/=\r?\n/g, '');
	for (let i = 0; i < src.length; i++) {
		if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
			bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			bytes.push(...Buffer.from(src[i], 'utf8'));
		}
	}
	return Buffer.from(bytes).toString('utf8');
}

/* RFC 2047 words in a header value; whitespace between two encoded words is dropped. */
export function decodeWords(v) {
	return v.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, cs, enc, text) => {
		assert.equal(cs.toUpperCase(), 'UTF-8');
		if (enc.toUpperCase() === 'B')
			return Buffer.from(text, 'base64').toString('utf8');
		return decodeQP(text.replace(/_/g, ' '));
	});
}

export function parseHeaders(block) {
	const headers = {};
	const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
	for (const line of unfolded.split(/\r?\n/)) {
		const i = line.indexOf(':');
		if (i > 0)
			headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
	}
	return headers;
}

export function splitHead(raw) {
	const m = /\r?\n\r?\n/.exec(raw);
	return m ? [raw.slice(0, m.index), raw.slice(m.index + m[0].length)] : [raw, ''];
}

export function decodeBody(headers, body) {
	const cte = (headers['content-transfer-encoding'] || '7bit').toLowerCase();
	if (cte === 'quoted-printable')
		return decodeQP(body);
	if (cte === 'base64')
		return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	return body;
}

/* One stored message: its headers, the decoded subject and both parts of the alternative. */
export function parseMessage(raw) {
	const [head, body] = splitHead(raw);
	const headers = parseHeaders(head);
	const msg = { raw, headers, subject: decodeWords(headers.subject || ''), to: headers.to || '',
		rcpt: headers['x-rcptto'] || '', messageId: headers['message-id'] || '', text: '', html: '' };
	const ct = headers['content-type'] || '';
	const b = /boundary="?([^";]+)"?/i.exec(ct);
	if (/^multipart\/alternative/i.test(ct) && b) {
		for (const part of body.split(`--${b[1]}`).slice(1)) {
			if (part.startsWith('--'))
				break;
			const [ph, pb] = splitHead(part.replace(/^\r?\n/, ''));
			const h = parseHeaders(ph);
			const text = decodeBody(h, pb);
			if (/^text\/plain/i.test(h['content-type'] || ''))
				msg.text = text;
			else if (/^text\/html/i.test(h['content-type'] || ''))
				msg.html = text;
		}
	} else {
		msg.text = decodeBody(headers, body);
	}
	return msg;
}

export function readMaildir(dir) {
	const out = [];
	for (const sub of ['new', 'cur']) {
		const d = path.join(dir, sub);
		if (!fs.existsSync(d))
			continue;
		for (const f of fs.readdirSync(d).sort())
			out.push(parseMessage(fs.readFileSync(path.join(d, f), 'utf8')));
	}
	return out;
}

