/**
 * Lighthouse 12, mobile, simulated throttling, performance only: median of `runs` per URL, in one
 * Chrome. A failure is returned as an error, never thrown.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../chromium.js';
import { median } from './stats.ts';

export interface LighthouseRun {
	score: number;
	fcp: number;
	lcp: number;
	tbt: number;
	cls: number;
}

export type LighthouseResult =
	| ({ ok: true; runs: LighthouseRun[] } & LighthouseRun)
	| { ok: false; error: string; runs: LighthouseRun[] };

const message = (error: unknown) =>
	error instanceof Error ? error.message.split('\n')[0] || String(error) : String(error);

/** Median of each figure over the runs (each figure on its own). */
function summarise(runs: LighthouseRun[]): LighthouseRun {
	const of = (key: keyof LighthouseRun) => median(runs.map((r) => r[key]));
	return { score: of('score'), fcp: of('fcp'), lcp: of('lcp'), tbt: of('tbt'), cls: of('cls') };
}

async function runOnce(url: string, port: number): Promise<LighthouseRun> {
	const result = await lighthouse(
		url,
		{
			port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance'],
			formFactor: 'mobile',
			throttlingMethod: 'simulate',
			maxWaitForLoad: 30_000
		},
		{ extends: 'lighthouse:default' }
	);
	if (!result) throw new Error('Lighthouse returned no result');
	const { lhr } = result;
	if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
	const audit = (id: string) => {
		const value = lhr.audits[id]?.numericValue;
		if (typeof value !== 'number') throw new Error(`Lighthouse has no value for ${id}`);
		return value;
	};
	const score = lhr.categories['performance']?.score;
	if (typeof score !== 'number') throw new Error('Lighthouse gave no performance score');
	return {
		score: Math.round(score * 100),
		fcp: audit('first-contentful-paint'),
		lcp: audit('largest-contentful-paint'),
		tbt: audit('total-blocking-time'),
		cls: audit('cumulative-layout-shift')
	};
}

/** Runs every URL `runs` times, interleaved so that a slow spell of the machine hits them all. */
export async function measureLighthouse(
	urls: string[],
	runs: number,
	log: (line: string) => void
): Promise<Record<string, LighthouseResult>> {
	const results: Record<string, LighthouseResult> = {};
	const done: Record<string, LighthouseRun[]> = Object.fromEntries(urls.map((u) => [u, []]));
	const failed: Record<string, string> = {};
	let chrome: chromeLauncher.LaunchedChrome | undefined;
	try {
		chrome = await chromeLauncher.launch({
			chromePath: chromiumPath,
			chromeFlags: ['--headless=new', ...chromiumArgs],
			logLevel: 'silent',
			maxConnectionRetries: 100
		});
		for (let i = 0; i < runs; i++) {
			for (const url of urls) {
				if (failed[url]) continue;
				try {
					const run = await runOnce(url, chrome.port);
					done[url]?.push(run);
					log(`  lighthouse ${url} #${i + 1}: score ${run.score}, LCP ${Math.round(run.lcp)} ms`);
				} catch (error) {
					failed[url] = message(error);
					log(`  lighthouse ${url} #${i + 1} failed: ${failed[url]}`);
				}
			}
		}
	} catch (error) {
		for (const url of urls) failed[url] ??= `could not start Chrome: ${message(error)}`;
	} finally {
		if (chrome) {
			try {
				chrome.kill();
			} catch {
				// already gone
			}
		}
	}
	for (const url of urls) {
		const list = done[url] ?? [];
		const error = failed[url];
		results[url] =
			error !== undefined || list.length === 0
				? { ok: false, error: error ?? 'no run', runs: list }
				: { ok: true, runs: list, ...summarise(list) };
	}
	return results;
}
