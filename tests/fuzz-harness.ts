/**
 * What the fuzz suites share (tests/fuzz.test.ts, tests/fuzz-invite.test.ts): the number of
 * cases, the timed runner, and the inputs they mutate real links with.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { possibleAnswers } from '../src/lib/flow/enumerate';
import { isVisible } from '../src/lib/flow/navigation';
import type { Answers, Flow } from '../src/lib/flow/schema';

/** Cases per property: 3000 in `npm test`, 100 000 in `npm run fuzz`. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
export const TIMEOUT = Math.max(60_000, RUNS * 5);
/** Every decode, however hostile its input, finishes within this many milliseconds. */
export const MAX_MS = 20;

export interface Fuzzed {
	cases: number;
	slowest: number;
}

const threw = (error: unknown) => new Error(`threw: ${String(error)}`, { cause: error });

/** One line per run: the number of cases, the total time and the slowest input. */
function report(name: string, { cases, slowest }: Fuzzed, started: number) {
	const total = performance.now() - started;
	console.log(
		`fuzz ${name}: ${cases} cases in ${Math.round(total)} ms (max ${slowest.toFixed(3)} ms per input)`
	);
}

/**
 * Runs `target` on every generated input, timing each call, and checks its output.
 *
 * The targets are pure and deterministic, so an input's time is the fastest of a few runs when the
 * first one is over `bound`: a slow input stays slow, while a pause of the machine (another process
 * on the CPU, a garbage collection) does not make an input look slow.
 */
export function fuzz<T, R>(
	name: string,
	arbitrary: fc.Arbitrary<T>,
	target: (input: T) => R,
	check: (output: R, input: T) => void,
	{ runs = RUNS, bound = MAX_MS } = {}
): Fuzzed {
	// Warm up first (the flow's compiled plan is built on first use, the JIT settles).
	for (const input of fc.sample(arbitrary, { numRuns: 50, seed: 1 })) target(input);
	const time = (input: T) => {
		const t0 = performance.now();
		const output = target(input);
		return { output, took: performance.now() - t0 };
	};
	const seen: Fuzzed = { cases: 0, slowest: 0 };
	const started = performance.now();
	fc.assert(
		fc.property(arbitrary, (input) => {
			let run: { output: R; took: number };
			try {
				run = time(input);
				for (let again = 0; again < 5 && run.took >= bound; again++)
					run.took = Math.min(run.took, time(input).took);
			} catch (error) {
				throw threw(error);
			}
			seen.cases++;
			seen.slowest = Math.max(seen.slowest, run.took);
			check(run.output, input);
		}),
		{ numRuns: runs }
	);
	report(name, seen, started);
	return seen;
}

/** `fuzz` for an asynchronous target. */
export async function fuzzAsync<T, R>(
	name: string,
	arbitrary: fc.Arbitrary<T>,
	target: (input: T) => Promise<R>,
	check: (output: R, input: T) => void,
	{ runs = RUNS, bound = MAX_MS } = {}
): Promise<Fuzzed> {
	for (const input of fc.sample(arbitrary, { numRuns: 20, seed: 1 })) await target(input);
	const time = async (input: T) => {
		const t0 = performance.now();
		const output = await target(input);
		return { output, took: performance.now() - t0 };
	};
	const seen: Fuzzed = { cases: 0, slowest: 0 };
	const started = performance.now();
	await fc.assert(
		fc.asyncProperty(arbitrary, async (input) => {
			let run: { output: R; took: number };
			try {
				run = await time(input);
				for (let again = 0; again < 5 && run.took >= bound; again++)
					run.took = Math.min(run.took, (await time(input)).took);
			} catch (error) {
				throw threw(error);
			}
			seen.cases++;
			seen.slowest = Math.max(seen.slowest, run.took);
			check(run.output, input);
		}),
		{ numRuns: runs }
	);
	report(name, seen, started);
	return seen;
}

/** A run saw every case it was asked for, and none took longer than its bound. */
export function expectWithin(seen: Fuzzed, runs: number, bound: number) {
	expect(seen.cases).toBeGreaterThanOrEqual(runs);
	expect(seen.slowest).toBeLessThan(bound);
}

export const B64_CHAR = fc.constantFrom(
	...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('')
);
export const anyChar = fc.oneof(
	B64_CHAR,
	fc.constantFrom('.', '#', '%', '=', '+', '/', ' ', '\0', '\u00e9', '\ud83d', '\ud83d\ude00'),
	fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
);
export const insertText = fc.oneof(
	fc.string({ unit: B64_CHAR, maxLength: 8 }),
	fc.string({ unit: anyChar, maxLength: 8 }),
	fc.string({ unit: 'binary', maxLength: 8 })
);

/** A complete, reachable answer set of `flow`: each asked question takes one of its answers. */
export function answerSetOf(flow: Flow): fc.Arbitrary<Answers> {
	return fc
		.array(fc.nat(), { minLength: flow.questions.length, maxLength: flow.questions.length })
		.map((picks) => {
			const answers: Answers = {};
			flow.questions.forEach((q, i) => {
				if (!isVisible(q, answers)) return;
				const choices = possibleAnswers(q);
				answers[q.id] = choices[(picks[i] as number) % choices.length] as string | string[];
			});
			return answers;
		});
}
