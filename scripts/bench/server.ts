/**
 * A tiny static host for `build/`, like a production one: it serves the `.br`/`.gz` files that
 * adapter-static precompresses when the request accepts them, maps `/check` to `check.html`, and
 * caches `/_app/immutable/*` for a year. The plain-HTML reference pages (`/__reference` and its
 * start page) are served from their own files, compressed on the fly.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff'
};

/** Types worth compressing on the fly when no precompressed sibling exists. */
const COMPRESSIBLE = /^(text\/|application\/(json|manifest|xml)|image\/svg)/;

export type Encoding = 'br' | 'gzip' | 'identity';

/** The best encoding the request accepts among those available, honouring `q=0`. */
export function negotiate(header: string | undefined, available: Encoding[]): Encoding {
	const accepted = new Map<string, number>();
	for (const part of (header ?? '').split(',')) {
		const [name = '', ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
	}
	const weight = (e: Encoding) => accepted.get(e) ?? accepted.get('*') ?? 0;
	for (const e of ['br', 'gzip'] as const) if (available.includes(e) && weight(e) > 0) return e;
	return 'identity';
}

/** The file under `root` a URL path names, or null: `/` → index.html, `/a` → a.html. */
export function resolveFile(root: string, pathname: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return null;
	}
	if (decoded.includes('\0')) return null;
	const path = normalize(join(root, decoded));
	if (path !== root && !path.startsWith(root + sep)) return null;
	const isFile = (p: string) => existsSync(p) && statSync(p).isFile();
	const trimmed = path.endsWith(sep) ? path.slice(0, -1) : path;
	const candidates = decoded.endsWith('/')
		? [join(path, 'index.html'), `${trimmed}.html`]
		: [path, `${path}.html`, join(path, 'index.html')];
	return candidates.find(isFile) ?? null;
}

interface Body {
	data: Buffer;
	encoding: Encoding;
}

function send(
	req: IncomingMessage,
	res: ServerResponse,
	type: string,
	cache: string,
	body: Body,
	compressible: boolean
) {
	const headers: Record<string, string | number> = {
		'Content-Type': type,
		'Content-Length': body.data.length,
		'Cache-Control': cache,
		'X-Content-Type-Options': 'nosniff'
	};
	if (compressible) headers['Vary'] = 'Accept-Encoding';
	if (body.encoding !== 'identity') headers['Content-Encoding'] = body.encoding;
	res.writeHead(200, headers);
	res.end(req.method === 'HEAD' ? undefined : body.data);
}

export interface StaticServer {
	origin: string;
	close(): Promise<void>;
}

/**
 * Starts the server on 127.0.0.1 and a free port. `references` maps extra URL paths to files
 * outside `root` (the plain-HTML reference pages).
 */
export async function serve(
	root: string,
	references: Record<string, string>
): Promise<StaticServer> {
	const base = resolve(root);
	const referenceBodies = new Map<string, Record<Encoding, Buffer>>();
	for (const [path, file] of Object.entries(references)) {
		const data = readFileSync(file);
		referenceBodies.set(path, {
			identity: data,
			gzip: gzipSync(data, { level: 9 }),
			br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
		});
	}

	const server: Server = createServer((req, res) => {
		try {
			if (req.method !== 'GET' && req.method !== 'HEAD') {
				res.writeHead(405, { Allow: 'GET, HEAD' }).end();
				return;
			}
			const url = new URL(req.url ?? '/', 'http://localhost');
			const accept = req.headers['accept-encoding'];
			const acceptHeader = Array.isArray(accept) ? accept.join(',') : accept;
			const reference = referenceBodies.get(url.pathname.replace(/(.)\/$/, '$1'));
			if (reference) {
				const encoding = negotiate(acceptHeader, ['br', 'gzip']);
				send(
					req,
					res,
					TYPES['.html'] as string,
					'no-cache',
					{ data: reference[encoding], encoding },
					true
				);
				return;
			}
			const file = resolveFile(base, url.pathname);
			if (!file) {
				res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
				return;
			}
			const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
			const compressible = COMPRESSIBLE.test(type);
			const available: Encoding[] = [];
			if (compressible && existsSync(`${file}.br`)) available.push('br');
			if (compressible && existsSync(`${file}.gz`)) available.push('gzip');
			const encoding = negotiate(acceptHeader, available);
			const data = readFileSync(
				encoding === 'br' ? `${file}.br` : encoding === 'gzip' ? `${file}.gz` : file
			);
			const cache = url.pathname.startsWith('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache';
			send(req, res, type, cache, { data, encoding }, compressible);
		} catch (error) {
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
			res.end(String(error));
		}
	});
	await new Promise<void>((ok, fail) => {
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => ok());
	});
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}
