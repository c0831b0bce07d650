/**
 * The internet, as far as the smoke suite's browsers know it: both engines send every request for
 * a host other than this machine through this proxy. The quick-exit destination gets a stand-in
 * page (over TLS, with a certificate made for the run, which the browser sessions accept, as
 * tests/e2e answers it with Playwright's route.fulfill); anything else is refused and recorded,
 * since the app sends nothing off the device (design.md, non-negotiable 3). Without it, the
 * destination fails to load on this closed network, and each engine then does something of its
 * own with the tab's history that no phone would see.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const STAND_IN_TITLE = 'Weather';
const STAND_IN = `<!doctype html><html lang="en"><title>${STAND_IN_TITLE}</title><h1>${STAND_IN_TITLE}</h1>`;

export type Proxy = {
	port: number;
	/** Requests that were refused since the last call: each one left (or tried to leave) the machine. */
	take(): string[];
	close(): Promise<void>;
};

/** A self-signed certificate for one host, made with openssl for this run only. */
function certificate(host: string) {
	const dir = mkdtempSync(join(tmpdir(), 'engines-cert-'));
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'ec',
				'-pkeyopt',
				'ec_paramgen_curve:prime256v1',
				'-nodes',
				'-days',
				'2',
				'-subj',
				`/CN=${host}`,
				'-addext',
				`subjectAltName=DNS:${host}`,
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem')
			],
			{ stdio: 'pipe' }
		);
		return {
			key: readFileSync(join(dir, 'key.pem')),
			cert: readFileSync(join(dir, 'cert.pem'))
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function startProxy(neutralSite: string): Promise<Proxy> {
	const neutral = new URL(neutralSite);
	const refused: string[] = [];
	const sockets = new Set<Socket>();

	const answer = (req: IncomingMessage, res: ServerResponse, url: string) => {
		if (new URL(url).host === neutral.host) {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(STAND_IN);
		} else {
			refused.push(url);
			res.writeHead(502).end();
		}
	};

	// TLS for the neutral site only: the proxy hands it the sockets of CONNECT requests.
	const tls = createHttps(certificate(neutral.hostname), (req, res) =>
		answer(req, res, `https://${req.headers.host}${req.url}`)
	);
	const proxy = createHttp((req, res) => answer(req, res, req.url ?? ''));
	proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		const [host, port] = (req.url ?? '').split(':');
		if (host === neutral.hostname && (port ?? '443') === (neutral.port || '443')) {
			socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length > 0) socket.unshift(head);
			tls.emit('connection', socket);
		} else {
			refused.push(`https://${req.url}`);
			socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
		}
	});
	proxy.on('connection', (socket: Socket) => {
		sockets.add(socket);
		socket.once('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));

	return {
		port: (proxy.address() as AddressInfo).port,
		take: () => refused.splice(0),
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise((resolve) => proxy.close(resolve));
		}
	};
}
