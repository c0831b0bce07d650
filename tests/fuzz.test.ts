/**
 * Fuzzing the two places where the app reads data it did not just write: share links (the URL
 * fragment a counselor opens, with or without a meeting plan) and the saved session (sessionStorage, which anything on the device
 * may have edited). Whatever they hold, decoding never throws, never takes long, and either fails
 * with a known error or gives a whole, consistent set of answers.
 *
 * `npm test` runs a few thousand cases per property; `npm run fuzz` runs 100 000.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { QuestionnaireEvent } from '../src/lib/flow/context';
import { isValidAnswer } from '../src/lib/flow/answers';
import { possibleAnswers } from '../src/lib/flow/enumerate';
import { placeOf, questionnaireMachine } from '../src/lib/flow/machine';
import { parseFlowText } from '../src/lib/flow/integrity';
import {
	cleanNote,
	flowPrograms,
	isValidPlan,
	MEETING_MODES,
	MEETING_STATUSES,
	NOTE_MAX,
	plannablePrograms,
	type Plan,
	type PlannedMeeting
} from '../src/lib/flow/meetings';
import { canOpen, EMERGENCY, isComplete, prune, RESULT, REVIEW } from '../src/lib/flow/navigation';
import { recommend } from '../src/lib/flow/recommend';
import type { Answers, Flow } from '../src/lib/flow/schema';
import { dangersOf, resumeOf, stepOf } from '../src/lib/flow/step';
import { decodeSession, encodeSession } from '../src/lib/questionnaire/persist';
import {
	checksum,
	decodeAnswers,
	encodeAnswers,
	fromBase64Url,
	MAX_FRAGMENT,
	toBase64Url,
	type LinkError
} from '../src/lib/share/link';
import { openLink } from '../src/lib/share/open-link';
import {
	anyChar,
	answerSetOf,
	B64_CHAR,
	fuzz,
	insertText,
	MAX_MS,
	RUNS,
	TIMEOUT
} from './fuzz-harness';

const parsed = parseFlowText(readFileSync('flows/opioid-support.json', 'utf8'));
if (!parsed.ok) throw new Error(parsed.message);
const flow: Flow = parsed.flow;
const HEADER = `1.${flow.id}.${flow.version}`;
/** The header of a link with a meeting plan (format 2): as long as HEADER. */
const PLAN_HEADER = `2.${flow.id}.${flow.version}`;
/** Bytes of the mask of answered questions that opens a link's data (3 for 18 questions). */
const MASK = Math.ceil(flow.questions.length / 8);

const LINK_ERRORS: readonly LinkError[] = [
	'empty',
	'too-long',
	'malformed',
	'unknown-format',
	'other-flow',
	'older-version',
	'newer-version',
	'damaged',
	'incomplete'
];

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();

// ---------------------------------------------------------------------------------------------
// Real inputs to mutate
// ---------------------------------------------------------------------------------------------

/** A complete, reachable answer set: each asked question takes one of its possible answers. */
const answerSet = answerSetOf(flow);

const noteChar = fc.constantFrom(...'aeiou ñáéíóú¿¡,.;€中😀'.split(''));
/** Notes as people type them, Spanish and emoji among them, cleaned as the app cleans them. */
const note = fc
	.oneof(
		fc.constantFrom('', 'with Mom', 'church hall', 'con mamá', '¿café? ☕', '👩‍👧 ir juntas'),
		fc.string({ unit: 'grapheme', maxLength: NOTE_MAX + 10 }),
		fc.string({ unit: noteChar, minLength: NOTE_MAX - 10, maxLength: NOTE_MAX + 10 }),
		fc.string({ unit: noteChar, maxLength: NOTE_MAX })
	)
	.map(cleanNote);

const day = fc
	.integer({ min: 0, max: 36524 })
	.map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const clock = fc.oneof(
	fc.constant(''),
	fc
		.integer({ min: 0, max: 1439 })
		.map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`)
);

/** A plan the person could make for these answers: empty a quarter of the time. */
function planFor(answers: Answers): fc.Arbitrary<Plan> {
	const programs = plannablePrograms(flow, recommend(flow, answers)).map((p) => p.program.id);
	if (programs.length === 0) return fc.constant<Plan>([]);
	const meeting: fc.Arbitrary<PlannedMeeting> = fc
		.tuple(
			fc.constantFrom(...programs),
			fc.constantFrom(...MEETING_MODES),
			day,
			clock,
			note,
			fc.constantFrom(...MEETING_STATUSES)
		)
		.map(([program, mode, date, time, note, status]) => ({
			program,
			mode,
			date,
			time,
			note,
			status
		}));
	return fc.oneof(
		{ weight: 1, arbitrary: fc.constant<Plan>([]) },
		{ weight: 3, arbitrary: fc.array(meeting, { minLength: 1, maxLength: 3 }) }
	);
}

const realFragment = answerSet
	.chain((answers) => fc.tuple(fc.constant(answers), planFor(answers)))
	.map(([answers, plan]) => ({ answers, plan, fragment: encodeAnswers(flow, answers, plan) }));

/** Fragments without a plan (format 1). */
const answersOnly = answerSet.map((answers) => ({
	answers,
	fragment: encodeAnswers(flow, answers)
}));

/** The data part of a fragment, decoded; the header is everything before it. */
function split(fragment: string) {
	const at = fragment.lastIndexOf('.');
	return {
		header: fragment.slice(0, at),
		bytes: fromBase64Url(fragment.slice(at + 1)) as Uint8Array
	};
}

function sealed(header: string, body: Uint8Array): string {
	const sum = checksum(header, body);
	return `${header}.${toBase64Url(Uint8Array.from([...body, sum >> 8, sum & 0xff]))}`;
}

const PROGRAMS = flowPrograms(flow).map((p) => p.id);
const u16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
/** Mostly a value a real plan holds, sometimes one near or past its end. */
const mostly = (valid: fc.Arbitrary<number>, other: fc.Arbitrary<number>) =>
	fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: other });
const planFlags = fc
	.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), fc.boolean())
	.map(([mode, status, time, text]) => mode | (status << 2) | (+time << 4) | (+text << 5));

/** Bytes shaped like a plan for these answers (link.ts), each field real or just beside it. */
function planBytes(answers: Answers): fc.Arbitrary<number[]> {
	const own = plannablePrograms(flow, recommend(flow, answers)).map((p) =>
		PROGRAMS.indexOf(p.program.id)
	);
	const meeting = fc
		.tuple(
			mostly(
				own.length > 0 ? fc.constantFrom(...own) : fc.constant(0),
				fc.integer({ min: 0, max: PROGRAMS.length + 2 })
			),
			mostly(planFlags, fc.integer({ min: 0, max: 255 })),
			mostly(fc.integer({ min: 0, max: 36524 }), fc.integer({ min: 36520, max: 65535 })),
			mostly(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1430, max: 65535 })),
			fc.oneof(
				{ weight: 4, arbitrary: note.map((t) => [...new TextEncoder().encode(t)]) },
				{ weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 }) }
			),
			mostly(fc.constant(0), fc.integer({ min: -2, max: 2 }))
		)
		.map(([program, flags, dayNumber, minutes, text, skew]) => [
			program,
			flags,
			...u16(dayNumber),
			...(flags & 16 ? u16(minutes) : []),
			...(flags & 32 ? [Math.max(0, text.length + skew) & 0xff, ...text] : [])
		]);
	return fc
		.tuple(
			mostly(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 5 })),
			fc.array(meeting, { minLength: 0, maxLength: 4 })
		)
		.map(([count, meetings]) => [count, ...meetings.slice(0, count).flat()]);
}

/** Answer bytes and plan bytes, for a format-2 header: what reaches the plan reader. */
const planPayload: fc.Arbitrary<Uint8Array> = fc.oneof(
	// Real answers, then plan-shaped bytes.
	answerSet.chain((answers) =>
		planBytes(answers).map((bytes) =>
			Uint8Array.from([...split(encodeAnswers(flow, answers)).bytes.slice(0, -2), ...bytes])
		)
	),
	// Real answers, then any bytes.
	fc
		.tuple(answersOnly, fc.uint8Array({ maxLength: 60 }))
		.map(([{ fragment }, bytes]) =>
			Uint8Array.from([...split(fragment).bytes.slice(0, -2), ...bytes])
		),
	// A real plan with one byte changed, or cut short.
	fc
		.tuple(realFragment, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean())
		.map(([{ fragment }, at, byte, cut]) => {
			const body = split(fragment).bytes.slice(0, -2);
			const i = at % body.length;
			if (cut) return body.slice(0, i);
			body[i] = byte;
			return body;
		})
);

// ---------------------------------------------------------------------------------------------
// What a decoded share link must be
// ---------------------------------------------------------------------------------------------

/** Answers that are whole and consistent: every asked question answered validly, nothing else. */
function expectWholeAnswers(answers: Answers) {
	expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
	for (const [id, value] of Object.entries(answers)) {
		const question = flow.questions.find((q) => q.id === id);
		expect(question, `unknown question ${id}`).toBeDefined();
		expect(isValidAnswer(question!, value), `answer to ${id}`).toBe(true);
	}
	expect(Object.keys(prune(flow, answers))).toEqual(Object.keys(answers));
	expect(isComplete(flow, answers)).toBe(true);
}

function expectValidDecode(result: ReturnType<typeof decodeAnswers>) {
	if (!result.ok) {
		expect(LINK_ERRORS).toContain(result.error);
		return;
	}
	expectWholeAnswers(result.answers);
	// A plan the person could have made for these answers, of plain objects.
	expect(isValidPlan(flow, recommend(flow, result.answers), result.plan)).toBe(true);
	for (const m of result.plan) expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
	// Re-encodable: encoding them again gives a link that decodes to the same answers and plan.
	const again = decodeAnswers(flow, encodeAnswers(flow, result.answers, result.plan));
	expect(again).toEqual({ ok: true, answers: result.answers, plan: result.plan });
}

describe('share links: decodeAnswers never throws and never returns a partial result', () => {
	it('round-trips every real fragment, with and without a plan', { timeout: TIMEOUT }, () => {
		let planned = 0;
		let longest = 0;
		const { slowest } = fuzz(
			'decodeAnswers real fragments',
			realFragment,
			({ fragment }) => decodeAnswers(flow, fragment),
			(result, { answers, plan, fragment }) => {
				expect(result).toEqual({ ok: true, answers, plan });
				expect(fragment.startsWith(plan.length > 0 ? PLAN_HEADER : HEADER)).toBe(true);
				expect(fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT);
				if (plan.length > 0) planned++;
				longest = Math.max(longest, fragment.length);
			}
		);
		console.log(`fuzz decodeAnswers real fragments: ${planned} with a plan, longest ${longest}`);
		expect(planned).toBeGreaterThan(RUNS / 2);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('arbitrary strings', { timeout: TIMEOUT }, () => {
		const text = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 200 }),
			fc.string({ unit: anyChar, maxLength: 120 }),
			fc.string({ unit: B64_CHAR, maxLength: 40 }).map((data) => `${HEADER}.${data}`),
			fc.string({ unit: B64_CHAR, maxLength: 160 }).map((data) => `${PLAN_HEADER}.${data}`),
			fc
				.tuple(
					fc.string({ unit: anyChar, maxLength: 20 }),
					fc.string({ unit: anyChar, maxLength: 20 }),
					fc.string({ unit: anyChar, maxLength: 12 }),
					fc.string({ unit: anyChar, maxLength: 40 })
				)
				.map((parts) => parts.join('.')),
			fc.stringMatching(/^#?[0-9]{1,3}\.[a-z-]{0,20}\.[0-9]{0,12}\.[A-Za-z0-9_-]{0,40}$/)
		);
		const { slowest } = fuzz(
			'decodeAnswers arbitrary strings',
			text,
			(s) => decodeAnswers(flow, s),
			expectValidDecode
		);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('bit flips in the decoded bytes are always caught', { timeout: TIMEOUT }, () => {
		const flipped = fc
			.tuple(realFragment, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
			.map(([{ fragment }, bits]) => {
				const { header, bytes } = split(fragment);
				const copy = bytes.slice();
				for (const bit of bits) {
					const at = (bit >> 3) % copy.length;
					copy[at] = (copy[at] as number) ^ (1 << (bit & 7));
				}
				return {
					fragment: `${header}.${toBase64Url(copy)}`,
					changed: !copy.every((b, i) => b === bytes[i]),
					single: bits.length === 1
				};
			});
		const { slowest } = fuzz(
			'decodeAnswers bit flips',
			flipped,
			({ fragment }) => decodeAnswers(flow, fragment),
			(result, { changed, single }) => {
				expectValidDecode(result);
				// Fletcher-16 catches every single-bit error.
				if (single && changed) expect(result).toEqual({ ok: false, error: 'damaged' });
			}
		);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('bit flips behind a recomputed checksum reach the answer reader', { timeout: TIMEOUT }, () => {
		const forged = fc
			.tuple(realFragment, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
			.map(([{ fragment }, bits]) => {
				const { header, bytes } = split(fragment);
				const body = bytes.slice(0, -2);
				for (const bit of bits) {
					const at = (bit >> 3) % body.length;
					body[at] = (body[at] as number) ^ (1 << (bit & 7));
				}
				return sealed(header, body);
			});
		const { slowest } = fuzz(
			'decodeAnswers forged bit flips',
			forged,
			(s) => decodeAnswers(flow, s),
			expectValidDecode
		);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('character substitutions give an error or the very same answers', { timeout: TIMEOUT }, () => {
		const substituted = fc.tuple(realFragment, fc.nat(), anyChar).map(([real, at, char]) => {
			const i = at % real.fragment.length;
			return { ...real, fragment: real.fragment.slice(0, i) + char + real.fragment.slice(i + 1) };
		});
		const { slowest } = fuzz(
			'decodeAnswers substitutions',
			substituted,
			({ fragment }) => decodeAnswers(flow, fragment),
			(result, { answers, plan }) => {
				expectValidDecode(result);
				// One character is at most 6 bits over two bytes: the checksum catches any real change,
				// so only a character whose changed bits are base64 padding may still decode.
				if (result.ok) expect(result).toEqual({ ok: true, answers, plan });
			}
		);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('truncations, insertions and duplicated segments', { timeout: TIMEOUT }, () => {
		const mutated = fc.oneof(
			fc
				.tuple(realFragment, fc.nat())
				.map(([{ fragment }, n]) => fragment.slice(0, n % fragment.length)),
			fc
				.tuple(realFragment, fc.nat(), fc.nat())
				.map(([{ fragment }, a, b]) =>
					fragment.slice(
						a % fragment.length,
						Math.max(a % fragment.length, b % (fragment.length + 1))
					)
				),
			fc.tuple(realFragment, fc.nat(), insertText).map(([{ fragment }, at, text]) => {
				const i = at % (fragment.length + 1);
				return fragment.slice(0, i) + text + fragment.slice(i);
			}),
			fc
				.tuple(realFragment, fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 8 }))
				.map(([{ fragment }, from, length, to, times]) => {
					const start = from % fragment.length;
					const segment = fragment.slice(start, start + 1 + (length % 24));
					const i = to % (fragment.length + 1);
					return fragment.slice(0, i) + segment.repeat(times) + fragment.slice(i);
				}),
			fc
				.tuple(realFragment, realFragment)
				.map(([a, b]) => a.fragment + b.fragment.slice(HEADER.length + 1)),
			fc
				.tuple(realFragment, fc.integer({ min: 1, max: 8 }))
				.map(([{ fragment }, n]) => fragment.repeat(n))
		);
		const { slowest } = fuzz(
			'decodeAnswers truncations/insertions/duplications',
			mutated,
			(s) => decodeAnswers(flow, s),
			expectValidDecode
		);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('arbitrary bytes behind a valid header and checksum', { timeout: TIMEOUT }, () => {
		const payload = fc.oneof(
			fc.uint8Array({ maxLength: 40 }),
			// A real question mask, then random option bytes where the real ones were.
			fc
				.tuple(answersOnly, fc.uint8Array({ maxLength: 16 }), fc.integer({ min: 0, max: 20 }))
				.map(([{ fragment }, rest, modulo]) => {
					const body = split(fragment).bytes.slice(0, -2);
					const random = Array.from({ length: body.length - MASK }, (_, i) =>
						modulo === 0 ? (rest[i] ?? 0) : (rest[i] ?? 0) % modulo
					);
					return Uint8Array.from([...body.subarray(0, MASK), ...random]);
				}),
			// Shaped like real data: a question mask, then small option indexes.
			fc
				.tuple(
					fc.uint8Array({ minLength: MASK, maxLength: MASK }),
					fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 16 })
				)
				.map(([mask, rest]) => Uint8Array.from([...mask, ...rest]))
		);
		let ok = 0;
		const { slowest } = fuzz(
			'decodeAnswers uint8Array payloads',
			payload,
			(body) => decodeAnswers(flow, sealed(HEADER, body)),
			(result) => {
				expectValidDecode(result);
				if (result.ok) ok++;
			}
		);
		console.log(`fuzz decodeAnswers uint8Array payloads: ${ok} decoded to whole answer sets`);
		expect(ok).toBeGreaterThan(0);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('plan-shaped bytes behind real answers and a valid checksum', { timeout: TIMEOUT }, () => {
		let ok = 0;
		let planned = 0;
		const { slowest } = fuzz(
			'decodeAnswers plan payloads',
			planPayload,
			(body) => decodeAnswers(flow, sealed(PLAN_HEADER, body)),
			(result) => {
				expectValidDecode(result);
				if (result.ok) ok++;
				if (result.ok && result.plan.length > 0) planned++;
			}
		);
		console.log(`fuzz decodeAnswers plan payloads: ${ok} decoded whole, ${planned} with a plan`);
		expect(planned).toBeGreaterThan(RUNS / 100);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('refuses oversized input at once', { timeout: TIMEOUT }, () => {
		const huge = fc
			.tuple(
				fc.oneof(
					realFragment.map((r) => r.fragment),
					fc.string({ unit: anyChar, minLength: 1, maxLength: 30 })
				),
				fc.integer({ min: MAX_FRAGMENT + 1, max: 50_000 }),
				fc.boolean()
			)
			.map(([seed, length, hash]) => {
				// Over the limit once the one leading '#' a fragment may have is dropped.
				const body = seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
				const text = body.startsWith('#') ? `x${body}` : body;
				// Flat, as location.hash gives it: a rope built by repeat() would be flattened inside the call.
				return JSON.parse(JSON.stringify((hash ? '#' : '') + text)) as string;
			});
		const { slowest } = fuzz(
			'decodeAnswers oversized',
			huge,
			(s) => decodeAnswers(flow, s),
			(result) => expect(result).toEqual({ ok: false, error: 'too-long' }),
			{ runs: Math.min(RUNS, 2000), bound: 1 }
		);
		expect(slowest).toBeLessThan(1);
	});
});

describe('share links: openLink', () => {
	it('never throws on random e1. input', { timeout: 300_000 }, async () => {
		const runs = Math.min(RUNS, 200);
		const input = fc.record({
			hash: fc.boolean(),
			data: fc.oneof(
				fc.string({ unit: anyChar, maxLength: 80 }),
				// Long enough to reach the key derivation and the AES-GCM tag check.
				fc.uint8Array({ minLength: 45, maxLength: 120 }).map(toBase64Url),
				fc.uint8Array({ minLength: 0, maxLength: 44 }).map(toBase64Url),
				fc.string({ unit: B64_CHAR, minLength: MAX_FRAGMENT, maxLength: MAX_FRAGMENT + 40 })
			),
			passcode: fc.option(fc.string({ maxLength: 20 }), { nil: undefined })
		});
		let cases = 0;
		let slowest = 0;
		const started = performance.now();
		await fc.assert(
			fc.asyncProperty(input, async ({ hash, data, passcode }) => {
				const t0 = performance.now();
				const opened = await openLink(flow, `${hash ? '#' : ''}e1.${data}`, passcode);
				slowest = Math.max(slowest, performance.now() - t0);
				cases++;
				if (passcode === undefined) expect(opened).toEqual({ state: 'locked' });
				else {
					expect(opened.state).toBe('error');
					if (opened.state === 'error')
						expect(['damaged', 'wrong-passcode']).toContain(opened.error);
				}
			}),
			{ numRuns: runs }
		);
		console.log(
			`fuzz openLink e1: ${cases} cases in ${Math.round(performance.now() - started)} ms (max ${slowest.toFixed(3)} ms per input)`
		);
		expect(cases).toBeGreaterThanOrEqual(runs);
	});
});

// ---------------------------------------------------------------------------------------------
// Saved sessions
// ---------------------------------------------------------------------------------------------

/**
 * Real saved sessions, as the app writes them: the questionnaire machine is driven by random events
 * (answers, Back, review edits, emergency screens) and its snapshot is encoded after each one.
 */
function realSessions(count: number): string[] {
	const sessions = new Set<string>();
	const walks = fc.sample(
		fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.nat(), fc.nat()), {
			minLength: 10,
			maxLength: 60
		}),
		{ numRuns: count, seed: 42 }
	);
	for (const walk of walks) {
		const actor = createActor(questionnaireMachine, { input: { flow } });
		actor.start();
		for (const [kind, pick, other] of walk) {
			const step = stepOf(placeOf(actor.getSnapshot()));
			const question = flow.questions.find((q) => q.id === step);
			const anyQuestion = flow.questions[other % flow.questions.length]!.id;
			let event: QuestionnaireEvent = { type: 'nav.back' };
			if (question && kind < 10) {
				const choices = possibleAnswers(question);
				event = {
					type: 'answer.submit',
					question: question.id,
					value: choices[pick % choices.length] as string | string[]
				};
			} else if (question && kind === 11) event = { type: 'nav.goto', step: anyQuestion };
			else if (step === EMERGENCY && kind < 9) event = { type: 'emergency.continue' };
			else if (step === REVIEW && kind < 6) event = { type: 'review.confirm' };
			else if (step === REVIEW && kind < 10) event = { type: 'review.edit', question: anyQuestion };
			else if (step === RESULT && kind < 10) continue;
			actor.send(event);
			const after = actor.getSnapshot();
			if (Object.keys(after.context.answers).length > 0) sessions.add(encodeSession(flow, after));
		}
		actor.stop();
	}
	return [...sessions];
}

const sessions = realSessions(300);
const steps = new Set(sessions.map((s) => JSON.parse(s).step as string));

function expectValidRestore(restored: ReturnType<typeof decodeSession>) {
	if (!restored.ok) {
		expect(['corrupt', 'empty']).toContain(restored.reason);
		return;
	}
	const place = placeOf(restored.snapshot);
	const { answers } = place;
	const step = stepOf(place);
	expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
	for (const [id, value] of Object.entries(answers)) {
		const question = flow.questions.find((q) => q.id === id);
		expect(question, `unknown question ${id}`).toBeDefined();
		expect(isValidAnswer(question!, value)).toBe(true);
	}
	expect(Object.keys(prune(flow, answers))).toEqual(Object.keys(answers));
	if (step === REVIEW || step === RESULT) expect(isComplete(flow, answers)).toBe(true);
	else if (step === EMERGENCY) {
		expect(dangersOf(flow, place).length).toBeGreaterThan(0);
		expect(canOpen(flow, answers, place.at)).toBe(true);
		// Continuing never skips a question still unanswered.
		const resume = resumeOf(flow, place);
		if (resume === REVIEW) expect(isComplete(flow, answers)).toBe(true);
		else expect(canOpen(flow, answers, resume)).toBe(true);
	} else expect(canOpen(flow, answers, step)).toBe(true);
	// Saved again and read again, it is the same session.
	expect(decodeSession(flow, encodeSession(flow, restored.snapshot))).toEqual(restored);
}

const prototypeKey = fc.constantFrom(
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'valueOf',
	'__defineGetter__'
);
const anyId = fc.oneof(
	prototypeKey,
	fc.constantFrom(...flow.questions.map((q) => q.id), REVIEW, RESULT, EMERGENCY, 'welcome', ''),
	fc.string({ maxLength: 12 })
);
const hugeString = fc
	.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 10_000, max: 60_000 }))
	.map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n));
const anyValue = fc.oneof(
	{ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
	{ weight: 2, arbitrary: anyId },
	{ weight: 1, arbitrary: fc.array(anyId, { maxLength: 5 }) },
	{ weight: 1, arbitrary: hugeString }
);

/** A JSON member written as text, so `__proto__` stays an own key as JSON.parse would make it. */
const member = (key: string, value: unknown) => `${JSON.stringify(key)}:${JSON.stringify(value)}`;

const FIELDS = ['v', 'flow', 'version', 'step', 'answers', 'editing', 'trigger'];

const mutatedSession = fc.oneof(
	// A field changed to any value, or removed.
	fc
		.tuple(fc.constantFrom(...sessions), fc.constantFrom(...FIELDS), fc.option(anyValue))
		.map(([raw, field, value]) => {
			const data = JSON.parse(raw);
			if (value === null) delete data[field];
			else data[field] = value;
			return JSON.stringify(data);
		}),
	// One answer changed: unknown option, wrong type, unknown or prototype question id.
	fc
		.tuple(fc.constantFrom(...sessions), anyId, anyValue)
		.map(([raw, id, value]) =>
			raw.replace(
				'"answers":{',
				`"answers":{${member(id, value)}${raw.includes('"answers":{}') ? '' : ','}`
			)
		),
	fc.tuple(fc.constantFrom(...sessions), anyId).map(([raw, id]) => {
		const data = JSON.parse(raw);
		const q = flow.questions.find((q) => q.id === id) ?? flow.questions[0]!;
		data.answers[q.id] =
			q.kind === 'single' ? `${q.options[0]!.id}-x` : [q.options[0]!.id, q.options[0]!.id];
		return JSON.stringify(data);
	}),
	// Prototype keys at the top level, before or after the real fields.
	fc
		.tuple(fc.constantFrom(...sessions), prototypeKey, anyValue, fc.boolean())
		.map(([raw, key, value, first]) =>
			first
				? `{${member(key, value)},${raw.slice(1)}`
				: `${raw.slice(0, -1)},${member(key, value)}}`
		),
	// A real session with one answer removed, or two sessions' answers mixed.
	fc.tuple(fc.constantFrom(...sessions), fc.nat()).map(([raw, n]) => {
		const data = JSON.parse(raw);
		const keys = Object.keys(data.answers);
		delete data.answers[keys[n % keys.length] as string];
		return JSON.stringify(data);
	}),
	fc.tuple(fc.constantFrom(...sessions), fc.constantFrom(...sessions)).map(([a, b]) => {
		const data = JSON.parse(a);
		data.answers = { ...data.answers, ...JSON.parse(b).answers };
		return JSON.stringify(data);
	}),
	// Text-level damage: truncation and a changed character.
	fc.tuple(fc.constantFrom(...sessions), fc.nat()).map(([raw, n]) => raw.slice(0, n % raw.length)),
	fc
		.tuple(fc.constantFrom(...sessions), fc.nat(), fc.string({ minLength: 1, maxLength: 1 }))
		.map(([raw, n, c]) => {
			const i = n % raw.length;
			return raw.slice(0, i) + c + raw.slice(i + 1);
		})
);

describe('saved sessions: decodeSession trusts nothing', () => {
	it('restores every real session as it was saved', { timeout: TIMEOUT }, () => {
		expect([...steps]).toEqual(
			expect.arrayContaining([EMERGENCY, REVIEW, RESULT, 'who', 'group-prefs'])
		);
		expect(sessions.some((s) => JSON.parse(s).editing === true)).toBe(true);
		const { slowest } = fuzz(
			'decodeSession real sessions',
			fc.constantFrom(...sessions),
			(raw) => decodeSession(flow, raw),
			(restored, raw) => {
				expect(restored.ok).toBe(true);
				expectValidRestore(restored);
				if (restored.ok) expect(encodeSession(flow, restored.snapshot)).toBe(raw);
			},
			{ runs: Math.min(RUNS, 3000) }
		);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('arbitrary strings', { timeout: TIMEOUT }, () => {
		const { slowest } = fuzz(
			'decodeSession arbitrary strings',
			fc.oneof(
				fc.string({ unit: 'binary', maxLength: 160 }),
				fc.string({ maxLength: 40 }),
				hugeString
			),
			(raw) => decodeSession(flow, raw),
			expectValidRestore
		);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('arbitrary JSON values', { timeout: TIMEOUT }, () => {
		const { slowest } = fuzz(
			'decodeSession arbitrary JSON',
			fc.oneof(
				fc.jsonValue({ maxDepth: 3 }),
				fc.record(
					{
						v: fc.oneof(fc.constant(1), fc.jsonValue({ maxDepth: 1 })),
						flow: fc.oneof(fc.constant(flow.id), fc.jsonValue({ maxDepth: 1 })),
						version: fc.oneof(fc.constant(flow.version), fc.jsonValue({ maxDepth: 1 })),
						step: anyValue,
						answers: fc.oneof(
							fc.dictionary(anyId, anyValue, { maxKeys: 6 }),
							fc.jsonValue({ maxDepth: 2 })
						),
						editing: fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
						trigger: fc.oneof(fc.constant(null), anyValue),
						resume: fc.oneof(fc.constant(null), anyValue)
					},
					{ requiredKeys: [] }
				)
			),
			(value) => decodeSession(flow, JSON.stringify(value) ?? 'undefined'),
			expectValidRestore
		);
		expect(slowest).toBeLessThan(MAX_MS);
	});

	it('mutations of real sessions', { timeout: TIMEOUT }, () => {
		let ok = 0;
		const { slowest } = fuzz(
			'decodeSession mutations',
			mutatedSession,
			(raw) => decodeSession(flow, raw),
			(restored) => {
				expectValidRestore(restored);
				if (restored.ok) ok++;
			}
		);
		console.log(`fuzz decodeSession mutations: ${ok} still restored (valid changes)`);
		expect(prototypeKeys()).toEqual(cleanPrototype);
		expect(slowest).toBeLessThan(MAX_MS);
	});
});
