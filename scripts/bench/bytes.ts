/**
 * First-page bytes: the JS, CSS and HTML a page loads, found by loading it in Chromium and sized
 * from the files on disk (raw, gzip level 9, brotli quality 11).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright';
import { appRunning } from '../app-running.ts';
import { resolveFile } from './server.ts';

export interface Sizes {
	raw: number;
	gzip: number;
	brotli: number;
}

export interface LoadedFile extends Sizes {
	path: string;
	type: 'document' | 'script' | 'stylesheet';
}

export interface PageBytes {
	url: string;
	/** Every request the page made (service workers blocked). */
	requests: number;
	/** Of which documents, scripts and stylesheets. */
	files: LoadedFile[];
	html: Sizes;
	js: Sizes;
	css: Sizes;
	total: Sizes;
}

const cache = new Map<string, Sizes>();

export function sizesOf(file: string): Sizes {
	const known = cache.get(file);
	if (known) return known;
	const data = readFileSync(file);
	const sizes = {
		raw: data.length,
		gzip: gzipSync(data, { level: 9 }).length,
		brotli: brotliCompressSync(data, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: 11,
				[constants.BROTLI_PARAM_SIZE_HINT]: data.length
			}
		}).length
	};
	cache.set(file, sizes);
	return sizes;
}

const zero = (): Sizes => ({ raw: 0, gzip: 0, brotli: 0 });
const add = (a: Sizes, b: Sizes) => {
	a.raw += b.raw;
	a.gzip += b.gzip;
	a.brotli += b.brotli;
};

/**
 * Loads `path` in a fresh context without throttling and sizes what it loaded. `files` maps a URL
 * path to the file on disk (null when it is not ours).
 */
export async function measurePage(
	browser: Browser,
	origin: string,
	path: string,
	files: (pathname: string) => string | null
): Promise<PageBytes> {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	try {
		const page = await context.newPage();
		let requests = 0;
		let inFlight = 0;
		let lastChange = Date.now();
		const settle = () => {
			inFlight--;
			lastChange = Date.now();
		};
		const loaded = new Map<string, LoadedFile['type']>();
		page.on('request', () => {
			requests++;
			inFlight++;
			lastChange = Date.now();
		});
		page.on('requestfinished', settle);
		page.on('requestfailed', settle);
		page.on('response', (response) => {
			const type = response.request().resourceType();
			if (type !== 'document' && type !== 'script' && type !== 'stylesheet') return;
			if (response.request().serviceWorker()) return;
			loaded.set(response.url(), type);
		});
		await page.goto(origin + path, { waitUntil: 'load', timeout: 30_000 });
		// The questionnaire's page starts the app at a first touch: count what it loads then too.
		await appRunning(page);
		// Lazy chunks the page imports right after start: until the network has been quiet for
		// 500 ms (Playwright's "networkidle" may have passed already, before the start).
		const until = Date.now() + 10_000;
		while (Date.now() < until && (inFlight > 0 || Date.now() - lastChange < 500))
			await page.waitForTimeout(50);

		const result: PageBytes = {
			url: path,
			requests,
			files: [],
			html: zero(),
			js: zero(),
			css: zero(),
			total: zero()
		};
		for (const [url, type] of loaded) {
			const { origin: from, pathname } = new URL(url);
			const file = from === origin ? files(pathname) : null;
			if (!file) throw new Error(`${path} loaded ${url}, which is not a file of the build`);
			const sizes = sizesOf(file);
			result.files.push({ path: pathname, type, ...sizes });
			add(type === 'document' ? result.html : type === 'script' ? result.js : result.css, sizes);
			add(result.total, sizes);
		}
		return result;
	} finally {
		await context.close();
	}
}

/** Maps URL paths to `build/` the way the server does, and `/__reference` to the reference. */
export function buildFiles(root: string, reference: string) {
	const base = resolve(root);
	return (pathname: string) =>
		pathname === '/__reference' ? reference : resolveFile(base, pathname);
}
