/**
 * Deterministic byte budgets for the first page, and the check that no client chunk carries the
 * full (classic) Zod build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { PageBytes } from './bytes.ts';

const KB = 1024;

export interface Budget {
	name: string;
	value: number;
	budget: number;
	unit: 'bytes' | 'chunks';
	ok: boolean;
	detail?: string;
}

/**
 * Constructor names only Zod's classic build registers (`$constructor('ZodError', …)`): `zod/mini`
 * registers `ZodMiniType`, and Zod's core `$ZodType`/`$ZodError` (with a `$`), so only the full
 * build matches. The minifier may use any quote, backticks included.
 */
const ZOD_CLASSIC = [/["'`]ZodError["'`]/, /["'`]ZodType["'`]/];

/** Client chunks under `immutable` that contain the full Zod build. */
export function chunksWithFullZod(immutable: string): string[] {
	const files = readdirSync(immutable, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.js'))
		.sort();
	return files
		.filter((f) => {
			const text = readFileSync(join(immutable, f), 'utf8');
			return ZOD_CLASSIC.some((signature) => signature.test(text));
		})
		.map((f) => relative(process.cwd(), join(immutable, f)));
}

/** gzip byte limits for one page's first load: its JS, its CSS, and HTML + JS + CSS. */
interface Limits {
	js: number;
	css: number;
	total: number;
}

/**
 * What each first page may load, set a little above what it loads (#12), so that growth is a
 * decision. Pages not listed (the start page, help, about, privacy) run no app (csr = false): they
 * ship no JavaScript file at all, only the inline script in their HTML, so `DEFAULT_LIMITS` allows
 * none. The questionnaire carries its first step; the counselor's page the flow's questions and
 * its invite form (the result part, the decoder and the summary load only to open a link, the
 * crypto only to make an invite or show a kept one), and it loads them only once it is used; the
 * invite page its crypto.
 */
const DEFAULT_LIMITS: Limits = { js: 0, css: 4 * KB, total: 8 * KB };
const PAGE_LIMITS: Record<string, Limits> = {
	'/check': { js: 48 * KB, css: 5 * KB, total: 60 * KB },
	'/es/check': { js: 48 * KB, css: 5 * KB, total: 61 * KB },
	'/shared': { js: 49 * KB, css: 5 * KB, total: 60 * KB },
	'/es/shared': { js: 49 * KB, css: 5 * KB, total: 61 * KB },
	'/invite': { js: 58 * KB, css: 4 * KB, total: 62 * KB }
};

export function checkBudgets(pages: PageBytes[], zodChunks: string[]): Budget[] {
	const budgets: Budget[] = [];
	const add = (name: string, value: number, budget: number, unit: Budget['unit'] = 'bytes') =>
		budgets.push({ name, value, budget, unit, ok: value <= budget });
	for (const page of pages) {
		const limits = PAGE_LIMITS[page.url] ?? DEFAULT_LIMITS;
		add(`${page.url} first-page JS, gzip`, page.js.gzip, limits.js);
		add(`${page.url} first-page CSS, gzip`, page.css.gzip, limits.css);
		add(`${page.url} first-page HTML + JS + CSS, gzip`, page.total.gzip, limits.total);
	}
	budgets.push({
		name: 'client chunks with the full Zod build',
		value: zodChunks.length,
		budget: 0,
		unit: 'chunks',
		ok: zodChunks.length === 0,
		detail: zodChunks.join(', ') || undefined
	});
	return budgets;
}
