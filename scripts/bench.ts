/**
 * Benchmark: `npm run bench` builds the site, serves `build/` like a static host, and measures,
 * beside a plain-HTML reference (`scripts/bench/reference*.html`) in the same run:
 * - the headline, "first answer accepted" on a 4× slower CPU: tap the first option and Continue as
 *   soon as they show, until the next question shows (`bench/first-answer.ts`), on /check,
 *   /es/check and from / through Start;
 * - the older figure, the time until the first question has hydrated (`bench/responsive.ts`);
 * - Lighthouse 12 mobile on every first page a person may open;
 * - first-page bytes per page, held to budgets (`bench/budgets.ts`);
 * - the flow engine in Node.
 * Writes `bench-results/latest.json` and prints tables.
 *
 *   npm run bench                 everything (~10 minutes on a 2-core machine)
 *   npm run bench -- --no-build   reuse build/
 *   npm run bench -- --check      byte budgets only; exits 1 when one is exceeded (CI)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, type } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { chunksWithFullZod, checkBudgets } from './bench/budgets.ts';
import { buildFiles, measurePage, type PageBytes } from './bench/bytes.ts';
import { measureEngine } from './bench/engine.ts';
import { measureLighthouse } from './bench/lighthouse.ts';
import { render, type AnswerTiming, type Results, type Timing } from './bench/report.ts';
import { timeToRespond } from './bench/responsive.ts';
import { firstAnswer, type AnswerRun, type Journey } from './bench/first-answer.ts';
import { parseFlowText } from '../src/lib/flow/integrity.ts';
import { nextStep } from '../src/lib/flow/navigation.ts';
import { encodeAnswers } from '../src/lib/share/link.ts';
import { PERSONAS } from '../tests/personas.ts';
import { serve, type StaticServer } from './bench/server.ts';
import { median } from './bench/stats.ts';

const BUILD = 'build';
const REFERENCE_URL = '/__reference';
const REFERENCE_START_URL = '/__reference/start';
const REFERENCES = {
	[REFERENCE_URL]: 'scripts/bench/reference.html',
	[REFERENCE_START_URL]: 'scripts/bench/reference-start.html'
};
const FLOW = 'flows/opioid-support.json';
const OUT = 'bench-results';
/** Pages Lighthouse measures: every page a person may open first. */
const LIGHTHOUSE_PAGES = ['/', '/check', '/es/check', '/help', '/shared'];
/**
 * The counselor's page as a counselor opens it: with a shared link (`SHARED_LINK`), made when the
 * bench starts from the answers of `LINK_PERSONA` (tests/personas.ts): the opening advice with the
 * lost-tolerance warning. Measured by Lighthouse beside the pages above.
 */
const SHARED_LINK = '/shared#(link)';
/** What Lighthouse measures: the pages above and the link. */
const LIGHTHOUSE_ALL = [...LIGHTHOUSE_PAGES, SHARED_LINK];
const LINK_PERSONA = 'just out of supervised detox';
/** Every first page is held to the byte budgets in each language: Spanish pages are their own. */
const BYTE_PAGES = [
	'/',
	'/check',
	'/help',
	'/about',
	'/privacy',
	'/shared',
	'/invite',
	'/es',
	'/es/check',
	'/es/help',
	'/es/about',
	'/es/privacy',
	'/es/shared'
];
const LIGHTHOUSE_RUNS = 3;
const TIMING_RUNS = 7;
const CPU_THROTTLING = 4;
/** A run that has not seen the next question by then counts as a dropped tap, at this time. */
const ANSWER_LIMIT_MS = 10_000;
const ENGINE_RUNS = 5;
const ANSWER_SETS = 500_000;
/** Past this the bench gives up, closes what it started and exits. */
const DEADLINE_MS = 14 * 60_000;

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

function linkAnswers() {
	const persona = PERSONAS.find((p) => p.name === LINK_PERSONA);
	if (!persona) throw new Error(`tests/personas.ts has no persona "${LINK_PERSONA}"`);
	return persona.answers;
}

function readFlow() {
	const parsed = parseFlowText(readFileSync(FLOW, 'utf8'));
	if (!parsed.ok) throw new Error(`${FLOW} is not valid:\n${parsed.message}`);
	return parsed.flow;
}

/** The questionnaire journeys, ours and the reference's, with the question after the first option. */
function journeys(): { ours: Journey[]; reference: Journey[] } {
	const flow = readFlow();
	const first = flow.questions[0];
	const option = first?.options[0];
	if (!first || !option) throw new Error(`${FLOW} has no first question`);
	const nextId = nextStep(flow, { [first.id]: option.id }, first.id, false);
	const next = flow.questions.find((q) => q.id === nextId);
	if (!next) throw new Error(`${FLOW}: the first option does not lead to a question`);
	const en = next.prompt.en ?? '';
	const es = next.prompt.es ?? en;
	return {
		ours: [
			{ name: '/check', path: '/check', next: en },
			{ name: '/es/check', path: '/es/check', next: es },
			{ name: '/ → Start', path: '/', start: 'Start', next: en }
		],
		reference: [
			{ name: REFERENCE_URL, path: REFERENCE_URL, next: en },
			{
				name: `${REFERENCE_START_URL} → Start`,
				path: REFERENCE_START_URL,
				start: 'Start',
				next: en
			}
		]
	};
}

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

	server = await serve(BUILD, REFERENCES);
	log(`== serving ${BUILD}/ at ${server.origin}`);
	browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	const chromiumVersion = `Chromium ${browser.version()}`;

	log('== first-page bytes');
	const files = buildFiles(BUILD, REFERENCES[REFERENCE_URL]);
	const bytes: PageBytes[] = [];
	for (const path of [...BYTE_PAGES, REFERENCE_URL])
		bytes.push(await measurePage(browser, server.origin, path, files));
	results.bytes = bytes;
	const ours = bytes.filter((b) => b.url !== REFERENCE_URL);
	const reference = bytes.find((b) => b.url === REFERENCE_URL) as PageBytes;
	results.budgets = checkBudgets(ours, chunksWithFullZod(join(BUILD, '_app', 'immutable')));

	if (!checkOnly) {
		// Runs interleaved across pages, so that a slow spell of the machine hits them all.
		log(`== first answer accepted (CPU ${CPU_THROTTLING}× slower, ${TIMING_RUNS} runs each)`);
		const { ours: ourJourneys, reference: refJourneys } = journeys();
		const all = [...ourJourneys, ...refJourneys];
		const answerRuns = new Map<string, AnswerRun[]>(all.map((j) => [j.name, []]));
		for (let i = 0; i < TIMING_RUNS; i++)
			for (const journey of all) {
				try {
					const run = await firstAnswer(
						browser,
						server.origin,
						journey,
						CPU_THROTTLING,
						ANSWER_LIMIT_MS
					);
					answerRuns.get(journey.name)?.push(run);
				} catch (error) {
					errors.push(`first answer, ${journey.name}: ${errorText(error)}`);
				}
			}
		results.firstAnswer = all.map((journey): AnswerTiming => {
			const runs = answerRuns.get(journey.name) ?? [];
			const questionRuns = runs.flatMap((r) => (r.questionMs === undefined ? [] : [r.questionMs]));
			log(
				`  ${journey.name}: ${runs.map((r) => (r.dropped ? 'dropped' : Math.round(r.ms))).join(', ')} ms`
			);
			return {
				url: journey.name,
				reference: refJourneys.includes(journey),
				cpuThrottling: CPU_THROTTLING,
				medianMs: median(runs.map((r) => r.ms)),
				runsMs: runs.map((r) => r.ms),
				dropped: runs.filter((r) => r.dropped).length,
				questionMedianMs: questionRuns.length ? median(questionRuns) : undefined
			};
		});

		log(`== time until the first question has hydrated (CPU ${CPU_THROTTLING}× slower)`);
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
		const urls = [...LIGHTHOUSE_ALL, REFERENCE_URL];
		const link = `/shared#${encodeAnswers(readFlow(), linkAnswers())}`;
		const address = (p: string) => `${server?.origin}${p === SHARED_LINK ? link : p}`;
		const lighthouse = await measureLighthouse(urls.map(address), LIGHTHOUSE_RUNS, log);
		results.lighthouse = Object.fromEntries(
			urls.map((p) => [p, lighthouse[address(p)] ?? { ok: false, error: 'not run', runs: [] }])
		);
		for (const [url, r] of Object.entries(results.lighthouse))
			if (!r.ok) errors.push(`Lighthouse ${url}: ${r.error}`);

		const time = (url: string) => timings.find((t) => t.url === url)?.medianMs;
		const ourTime = time('/check');
		const refTime = time(REFERENCE_URL);
		const lighthouseOf = (url: string) => {
			const r = results.lighthouse?.[url];
			return r?.ok ? r : undefined;
		};
		const gzipOf = (url: string) =>
			(bytes.find((b) => b.url === url)?.total.gzip ?? NaN) / reference.total.gzip;
		const answerOf = (name: string) => results.firstAnswer?.find((a) => a.url === name);
		const divide = (a: number | undefined, b: number | undefined) =>
			a !== undefined && b ? a / b : null;
		const refAnswer = answerOf(REFERENCE_URL)?.medianMs;
		const refStart = answerOf(`${REFERENCE_START_URL} → Start`);
		const refLighthouse = lighthouseOf(REFERENCE_URL);
		results.ratios = {
			timeToFirstQuestion: divide(ourTime, refTime),
			firstAnswer: Object.fromEntries(
				ourJourneys.map((j) => [
					j.name,
					divide(answerOf(j.name)?.medianMs, j.start ? refStart?.medianMs : refAnswer)
				])
			),
			startToQuestion: divide(answerOf('/ → Start')?.questionMedianMs, refStart?.questionMedianMs),
			gzipBytes: Object.fromEntries(LIGHTHOUSE_PAGES.map((p) => [p, gzipOf(p)])),
			lighthouseScore: Object.fromEntries(
				LIGHTHOUSE_ALL.map((p) => {
					const ours = lighthouseOf(p);
					return [p, ours && refLighthouse ? ours.score - refLighthouse.score : null];
				})
			),
			fcp: Object.fromEntries(
				LIGHTHOUSE_ALL.map((p) => [p, divide(lighthouseOf(p)?.fcp, refLighthouse?.fcp)])
			)
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
		firstAnswer: results.firstAnswer,
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
