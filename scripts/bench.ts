/**
 * Benchmark: `npm run bench` builds the site, serves `build/` like a static host, and measures
 * first-page bytes, Lighthouse (mobile), the time until the first question responds on a 4× slower
 * CPU, and the flow engine, against a plain-HTML reference page (`scripts/bench/reference.html`).
 * Writes `bench-results/latest.json` and prints a table.
 *
 *   npm run bench                 everything (~3 minutes)
 *   npm run bench -- --no-build   reuse build/
 *   npm run bench -- --check      byte budgets only; exits 1 when one is exceeded (CI)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, type } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { chunksWithFullZod, checkBudgets } from './bench/budgets.ts';
import { buildFiles, measurePage, type PageBytes } from './bench/bytes.ts';
import { measureEngine } from './bench/engine.ts';
import { measureLighthouse } from './bench/lighthouse.ts';
import { render, type Results, type Timing } from './bench/report.ts';
import { timeToRespond } from './bench/responsive.ts';
import { serve, type StaticServer } from './bench/server.ts';
import { median } from './bench/stats.ts';

const BUILD = 'build';
const REFERENCE = 'scripts/bench/reference.html';
const FLOW = 'flows/opioid-support.json';
const OUT = 'bench-results';
const PAGES = ['/', '/check'];
/** Every first page is held to the byte budgets in each language: Spanish pages are their own. */
const BYTE_PAGES = [...PAGES, '/es', '/es/check'];
const REFERENCE_URL = '/__reference';
const LIGHTHOUSE_RUNS = 3;
const TIMING_RUNS = 5;
const CPU_THROTTLING = 4;
const ENGINE_RUNS = 5;
const ANSWER_SETS = 500_000;
/** Past this the bench gives up, closes what it started and exits. */
const DEADLINE_MS = 8 * 60_000;

const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const skipBuild = args.includes('--no-build');
const unknown = args.filter((a) => !['--check', '--no-build'].includes(a));
if (unknown.length) {
	console.error(`unknown argument(s): ${unknown.join(' ')}\nusage: bench [--check] [--no-build]`);
	process.exit(2);
}

const log = (line: string) => console.error(line);
const errorText = (error: unknown) =>
	error instanceof Error ? error.message.split('\n')[0] || String(error) : String(error);

let server: StaticServer | undefined;
let browser: Browser | undefined;

async function cleanup() {
	const b = browser;
	const s = server;
	browser = undefined;
	server = undefined;
	await b?.close().catch(() => {});
	await s?.close().catch(() => {});
}

const deadline = setTimeout(() => {
	console.error(`bench: still running after ${DEADLINE_MS / 60_000} minutes; giving up`);
	void cleanup().finally(() => process.exit(2));
}, DEADLINE_MS);
deadline.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.once(signal, () => void cleanup().finally(() => process.exit(130)));

function build() {
	log('== npm run build');
	const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(`bench: the build failed (${result.error?.message ?? `exit ${result.status}`})`);
		process.exit(1);
	}
}

async function main(): Promise<number> {
	if (!skipBuild) build();
	const errors: string[] = [];
	const results: Partial<Results> = { mode: checkOnly ? 'check' : 'full', errors };

	// The engine first, while nothing else runs.
	if (!checkOnly) {
		log(`== engine: ${FLOW}`);
		try {
			results.engine = measureEngine(FLOW, ENGINE_RUNS, ANSWER_SETS);
		} catch (error) {
			errors.push(`engine: ${errorText(error)}`);
		}
	}

	server = await serve(BUILD, REFERENCE);
	log(`== serving ${BUILD}/ at ${server.origin}`);
	browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	const chromiumVersion = `Chromium ${browser.version()}`;

	log('== first-page bytes');
	const files = buildFiles(BUILD, REFERENCE);
	const bytes: PageBytes[] = [];
	for (const path of [...BYTE_PAGES, REFERENCE_URL])
		bytes.push(await measurePage(browser, server.origin, path, files));
	results.bytes = bytes;
	const ours = bytes.filter((b) => b.url !== REFERENCE_URL);
	const reference = bytes.find((b) => b.url === REFERENCE_URL) as PageBytes;
	results.budgets = checkBudgets(ours, chunksWithFullZod(join(BUILD, '_app', 'immutable')));

	if (!checkOnly) {
		log(`== time until the first question responds (CPU ${CPU_THROTTLING}× slower)`);
		const timings: Timing[] = [];
		for (const path of ['/check', REFERENCE_URL]) {
			const runs: number[] = [];
			try {
				for (let i = 0; i < TIMING_RUNS; i++)
					runs.push(await timeToRespond(browser, server.origin + path, CPU_THROTTLING));
				timings.push({
					url: path,
					cpuThrottling: CPU_THROTTLING,
					medianMs: median(runs),
					runsMs: runs
				});
				log(`  ${path}: ${runs.map((r) => Math.round(r)).join(', ')} ms`);
			} catch (error) {
				errors.push(`time to first question, ${path}: ${errorText(error)}`);
			}
		}
		results.timeToFirstQuestion = timings;

		// Lighthouse gets the machine to itself.
		await browser.close();
		browser = undefined;
		log(`== Lighthouse (${LIGHTHOUSE_RUNS} runs each)`);
		const urls = [...PAGES, REFERENCE_URL];
		const lighthouse = await measureLighthouse(
			urls.map((p) => server?.origin + p),
			LIGHTHOUSE_RUNS,
			log
		);
		results.lighthouse = Object.fromEntries(
			urls.map((p) => [
				p,
				lighthouse[`${server?.origin}${p}`] ?? { ok: false, error: 'not run', runs: [] }
			])
		);
		for (const [url, r] of Object.entries(results.lighthouse))
			if (!r.ok) errors.push(`Lighthouse ${url}: ${r.error}`);

		const time = (url: string) => timings.find((t) => t.url === url)?.medianMs;
		const ourTime = time('/check');
		const refTime = time(REFERENCE_URL);
		const score = (url: string) => {
			const r = results.lighthouse?.[url];
			return r?.ok ? r.score : undefined;
		};
		const scoreDiff = (url: string) => {
			const a = score(url);
			const b = score(REFERENCE_URL);
			return a === undefined || b === undefined ? null : a - b;
		};
		const gzipOf = (url: string) =>
			(bytes.find((b) => b.url === url)?.total.gzip ?? NaN) / reference.total.gzip;
		results.ratios = {
			timeToFirstQuestion: ourTime !== undefined && refTime ? ourTime / refTime : null,
			gzipBytes: { landing: gzipOf('/'), check: gzipOf('/check') },
			lighthouseScore: { landing: scoreDiff('/'), check: scoreDiff('/check') }
		};
	}

	const cpu = cpus();
	const final: Results = {
		date: new Date().toISOString(),
		mode: checkOnly ? 'check' : 'full',
		machine: {
			cpu: cpu[0]?.model ?? 'unknown',
			cores: cpu.length,
			node: process.version,
			chromium: chromiumVersion,
			os: `${type()} ${release()}`
		},
		bytes,
		budgets: results.budgets,
		lighthouse: results.lighthouse,
		timeToFirstQuestion: results.timeToFirstQuestion,
		engine: results.engine,
		ratios: results.ratios,
		errors
	};

	mkdirSync(OUT, { recursive: true });
	// --check writes its own file so that it never replaces a full run's figures.
	const outFile = join(OUT, checkOnly ? 'check.json' : 'latest.json');
	writeFileSync(outFile, `${JSON.stringify(final, null, '\t')}\n`);
	console.log(render(final));
	console.log(`\nwritten to ${outFile}`);

	const exceeded = final.budgets.filter((b) => !b.ok);
	if (exceeded.length) {
		const lines = exceeded.map(
			(b) => `  ${b.name}: ${b.value} > ${b.budget} ${b.unit}${b.detail ? ` (${b.detail})` : ''}`
		);
		console.log(`\n${exceeded.length} budget(s) exceeded:\n${lines.join('\n')}`);
		return checkOnly ? 1 : 0;
	}
	console.log('\nall budgets hold');
	return 0;
}

let code = 1;
try {
	code = await main();
} catch (error) {
	console.error('bench failed:', error);
	code = 1;
} finally {
	await cleanup();
	clearTimeout(deadline);
}
process.exit(code);
