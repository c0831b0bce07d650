/** The bench's results as JSON-ready data and as plain-text tables. */
import type { Budget } from './budgets.ts';
import type { PageBytes, Sizes } from './bytes.ts';
import type { EngineResult } from './engine.ts';
import type { LighthouseResult } from './lighthouse.ts';

export interface Machine {
	cpu: string;
	cores: number;
	node: string;
	chromium: string;
	os: string;
}

export interface Timing {
	url: string;
	cpuThrottling: number;
	medianMs: number;
	runsMs: number[];
}

/** "First answer accepted" for one journey (`bench/first-answer.ts`). */
export interface AnswerTiming extends Timing {
	/** True for the plain-HTML reference's journeys. */
	reference: boolean;
	/** Runs whose taps the page dropped (counted at the run's limit, never retried). */
	dropped: number;
	/** From a start page: median ms until the first question showed. */
	questionMedianMs?: number;
}

export interface Ratios {
	/** Our time until /check has hydrated divided by the reference's. */
	timeToFirstQuestion: number | null;
	/** Per journey: our first answer accepted divided by the reference's (its start page's for Start). */
	firstAnswer: Record<string, number | null>;
	/** / → Start → first question shown, divided by the reference's. */
	startToQuestion: number | null;
	/** Per page: our first-page HTML + JS + CSS gzip bytes divided by the reference's. */
	gzipBytes: Record<string, number>;
	/** Per page: our Lighthouse score minus the reference's (null when one of them failed). */
	lighthouseScore: Record<string, number | null>;
	/** Per page: our Lighthouse FCP divided by the reference's. */
	fcp: Record<string, number | null>;
}

export interface Results {
	date: string;
	mode: 'full' | 'check';
	machine: Machine;
	bytes: PageBytes[];
	budgets: Budget[];
	lighthouse?: Record<string, LighthouseResult>;
	firstAnswer?: AnswerTiming[];
	timeToFirstQuestion?: Timing[];
	engine?: EngineResult;
	ratios?: Ratios;
	errors: string[];
}

/** Left-aligns the first column, right-aligns the others. */
export function table(header: string[], rows: string[][]): string {
	const all = [header, ...rows];
	const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
	const line = (r: string[]) =>
		r
			.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
			.join('  ')
			.trimEnd();
	const rule = widths.map((w) => '-'.repeat(w)).join('  ');
	return [line(header), rule, ...rows.map(line)].join('\n');
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const ratio = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(2)}×`);
const signed = (value: number | null) =>
	value === null ? 'n/a' : value > 0 ? `+${value}` : String(value);

function sizeCells(s: Sizes) {
	return [kb(s.raw), kb(s.gzip), kb(s.brotli)];
}

export function render(results: Results): string {
	const out: string[] = [];
	const { machine } = results;
	out.push(
		`Bench ${results.mode === 'check' ? '(--check: byte budgets only) ' : ''}${results.date}`,
		`${machine.cpu} × ${machine.cores} cores, Node ${machine.node}, ${machine.chromium}, ${machine.os}`,
		''
	);

	out.push('First-page bytes (files on disk: raw, gzip -9, brotli q11)');
	const rows: string[][] = [];
	for (const page of results.bytes) {
		const count = (type: string) => page.files.filter((f) => f.type === type).length;
		rows.push([`${page.url}  HTML`, String(count('document')), ...sizeCells(page.html)]);
		rows.push([`${page.url}  JS`, String(count('script')), ...sizeCells(page.js)]);
		rows.push([`${page.url}  CSS`, String(count('stylesheet')), ...sizeCells(page.css)]);
		rows.push([
			`${page.url}  total (${page.requests} requests)`,
			String(page.files.length),
			...sizeCells(page.total)
		]);
	}
	out.push(table(['page', 'files', 'raw', 'gzip', 'brotli'], rows), '');

	if (results.lighthouse) {
		out.push('Lighthouse 12, mobile, simulated throttling (median of runs)');
		const lhRows = Object.entries(results.lighthouse).map(([url, r]) =>
			r.ok
				? [
						url,
						String(r.runs.length),
						String(r.score),
						ms(r.fcp),
						ms(r.lcp),
						ms(r.tbt),
						r.cls.toFixed(3)
					]
				: [url, String(r.runs.length), `FAILED: ${r.error}`, '', '', '', '']
		);
		out.push(table(['page', 'runs', 'score', 'FCP', 'LCP', 'TBT', 'CLS'], lhRows), '');
	}

	if (results.firstAnswer) {
		out.push(
			'First answer accepted: first option and Continue tapped as soon as shown, until the next',
			'question shows (CPU 4× slower, fresh context each run; a dropped tap counts at the limit)'
		);
		out.push(
			table(
				['journey', 'median', 'dropped', 'first question', 'runs'],
				results.firstAnswer.map((t) => [
					t.url,
					ms(t.medianMs),
					`${t.dropped}/${t.runsMs.length}`,
					t.questionMedianMs === undefined ? '' : ms(t.questionMedianMs),
					t.runsMs.map((r) => Math.round(r)).join(', ')
				])
			),
			''
		);
	}

	if (results.timeToFirstQuestion) {
		out.push('Time until the first question has hydrated (the older figure; CPU 4× slower)');
		out.push(
			table(
				['page', 'median', 'runs'],
				results.timeToFirstQuestion.map((t) => [
					t.url,
					ms(t.medianMs),
					t.runsMs.map((r) => Math.round(r)).join(', ')
				])
			),
			''
		);
	}

	if (results.engine) {
		const e = results.engine;
		out.push('Engine (Node)');
		out.push(
			table(
				['measure', 'value'],
				[
					[
						'validate + compile the flow (median of 5)',
						`${e.compileMs.toFixed(1)} ms (${e.compileRuns.map((r) => r.toFixed(1)).join(', ')})`
					],
					[
						`recommend over ${e.answerSets.toLocaleString('en')} answer sets`,
						`${Math.round(e.answerSetsPerSecond).toLocaleString('en')} sets/s (${ms(e.recommendMs)})`
					]
				]
			),
			''
		);
	}

	if (results.ratios) {
		const r = results.ratios;
		out.push('Against the plain-HTML reference, same run');
		const rows: string[][] = [];
		for (const [journey, value] of Object.entries(r.firstAnswer))
			rows.push([`first answer accepted, ${journey} ÷ reference`, ratio(value)]);
		rows.push(['Start → first question, / ÷ reference', ratio(r.startToQuestion)]);
		rows.push(['hydrated first question, /check ÷ reference', ratio(r.timeToFirstQuestion)]);
		for (const [page, value] of Object.entries(r.lighthouseScore))
			rows.push([`Lighthouse score, ${page} − reference`, signed(value)]);
		for (const [page, value] of Object.entries(r.fcp))
			rows.push([`Lighthouse FCP, ${page} ÷ reference`, ratio(value)]);
		for (const [page, value] of Object.entries(r.gzipBytes))
			rows.push([`first-page gzip bytes, ${page} ÷ reference`, ratio(value)]);
		out.push(table(['measure', 'value'], rows), '');
	}

	out.push('Budgets');
	out.push(
		table(
			['budget', 'value', 'limit', 'status'],
			results.budgets.map((b) => [
				b.name,
				b.unit === 'bytes' ? `${kb(b.value)} (${b.value})` : String(b.value),
				b.unit === 'bytes' ? `${kb(b.budget)} (${b.budget})` : String(b.budget),
				b.ok ? 'ok' : `EXCEEDED${b.detail ? `: ${b.detail}` : ''}`
			])
		)
	);

	if (results.errors.length) out.push('', 'Errors', ...results.errors.map((e) => `  ${e}`));
	return out.join('\n');
}
