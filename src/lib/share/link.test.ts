import fc from 'fast-check';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { opioidFlow, plannedMeeting } from '../../../tests/flows';
import { PERSONAS } from '../../../tests/personas';
import { forEachAnswerSet, possibleAnswers } from '../flow/enumerate';
import {
	flowPrograms,
	LAST_DAY,
	MEETING_MODES,
	MEETING_STATUSES,
	NOTE_MAX,
	plannablePrograms,
	type Plan,
	type PlannedMeeting
} from '../flow/meetings';
import { recommend } from '../flow/recommend';
import type { Answers } from '../flow/schema';
import {
	checksum,
	decodeAnswers,
	encodeAnswers,
	fromBase64Url,
	MAX_FRAGMENT,
	toBase64Url
} from './link';
import { encryptFragment } from './passcode';

const flow = opioidFlow();
const HEADER = `1.${flow.id}.${flow.version}`;

/** Every n-th reachable answer set, copied without the unanswered slots. */
function sample(every: number): Answers[] {
	const sets: Answers[] = [];
	let i = 0;
	forEachAnswerSet(flow, (answers) => {
		if (i++ % every !== 0) return;
		sets.push(Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)));
	});
	return sets;
}

/** A person asking for themselves: 12 questions asked, the most any answer set has. */
const typical: Answers = {
	who: 'myself',
	substance: 'heroin',
	'other-depressants': 'none',
	'detox-status': 'using',
	'danger-signs': ['none'],
	pregnant: 'no',
	'moud-openness': 'maybe',
	spiritual: 'none',
	meditation: 'no',
	structure: 'tools-skills',
	format: 'online',
	'group-prefs': ['women-only', 'spanish']
};

describe('share link encoding', () => {
	it('base64url round-trips any bytes and rejects other characters', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
				expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
			})
		);
		expect(fromBase64Url('ab+/')).toBeNull();
		expect(fromBase64Url('abcde')).toBeNull();
	});

	it('is short enough for a text message and a small QR code', () => {
		const fragment = encodeAnswers(flow, typical);
		expect(decodeAnswers(flow, fragment)).toEqual({ ok: true, answers: typical, plan: [] });
		expect(fragment).toMatch(new RegExp(`^1\\.opioid-support\\.${flow.version}\\.[A-Za-z0-9_-]+$`));
		expect(fragment.length).toBeLessThanOrEqual(45);
		// The whole link, on an origin as long as the e2e server's, as the QR code draws it
		// (QrCode.svelte: error correction M): version 5, 37 × 37 modules.
		const link = `http://127.0.0.1:4321/shared#${fragment}`;
		expect(encode(link, { ecc: 'M', border: 2 }).version).toBeLessThanOrEqual(5);
	});

	it('round-trips a large sample of reachable answer sets, and gives the same recommendation', () => {
		// 1201 is prime: the stride does not keep meeting the same answers of the questions that change
		// fastest (danger-signs and group-prefs, 16 answers each). Checked below: it meets them all.
		const sets = sample(1201);
		expect(sets.length).toBeGreaterThan(90_000);
		for (const question of flow.questions) {
			const seen = new Set(
				sets.filter((a) => question.id in a).map((a) => JSON.stringify(a[question.id]))
			);
			expect(seen.size, question.id).toBe(possibleAnswers(question).length);
		}
		let longest = 0;
		for (const answers of sets) {
			const fragment = encodeAnswers(flow, answers);
			longest = Math.max(longest, fragment.length);
			const decoded = decodeAnswers(flow, fragment);
			if (!decoded.ok) throw new Error(`${JSON.stringify(answers)}: ${decoded.error}`);
			expect(decoded.answers).toEqual(answers);
		}
		// No answer set makes a longer link than the bound above.
		expect(longest).toBeLessThanOrEqual(45);
		// About 2000 sets spread over the whole sample, so both who branches are among them.
		const spread = sets.filter((_, i) => i % 48 === 0);
		expect(new Set(spread.map((a) => a.who))).toEqual(new Set(['myself', 'loved-one']));
		for (const answers of spread) {
			const decoded = decodeAnswers(flow, encodeAnswers(flow, answers));
			expect(decoded.ok && recommend(flow, decoded.answers)).toEqual(recommend(flow, answers));
		}
	}, 60_000);

	it('names what is wrong with a link instead of showing part of a result', () => {
		const good = encodeAnswers(flow, typical);
		const data = good.split('.')[3] as string;
		expect(decodeAnswers(flow, '')).toEqual({ ok: false, error: 'empty' });
		expect(decodeAnswers(flow, '#')).toEqual({ ok: false, error: 'empty' });
		expect(decodeAnswers(flow, 'x'.repeat(MAX_FRAGMENT + 1))).toEqual({
			ok: false,
			error: 'too-long'
		});
		expect(decodeAnswers(flow, 'hello')).toEqual({ ok: false, error: 'malformed' });
		for (const format of ['0', '3', '10', 'x', ''])
			expect(decodeAnswers(flow, `${format}.opioid-support.${flow.version}.${data}`)).toEqual({
				ok: false,
				error: 'unknown-format'
			});
		// The checksum covers the format: format-1 data under a format-2 header is damaged.
		expect(decodeAnswers(flow, `2.opioid-support.${flow.version}.${data}`)).toEqual({
			ok: false,
			error: 'damaged'
		});
		// A link of another flow names it, so the counselor page can open it on that flow's page.
		expect(decodeAnswers(flow, `1.other-flow.${flow.version}.${data}`)).toEqual({
			ok: false,
			error: 'other-flow',
			flow: 'other-flow'
		});
		expect(decodeAnswers(flow, `1.opioid-support.7.${data}`)).toEqual({
			ok: false,
			error: 'newer-version',
			version: 7
		});
		expect(decodeAnswers(flow, good.slice(0, -3))).toEqual({ ok: false, error: 'damaged' });
		expect(decodeAnswers(flow, `${good}A`).ok).toBe(false);
		// A later flow whose questions changed (answersSince raised with it) refuses this link.
		const changed = { ...flow, version: flow.version + 1, answersSince: flow.version + 1 };
		expect(decodeAnswers(changed, good)).toEqual({
			ok: false,
			error: 'older-version',
			version: flow.version
		});
	});

	it('opens links of every version since the questions last changed (answersSince), and no older', () => {
		const since = flow.answersSince ?? flow.version;
		expect(since).toBeLessThan(flow.version);
		for (let version = since; version <= flow.version; version++) {
			const link = encodeAnswers({ ...flow, version }, typical);
			expect(link.startsWith(`1.opioid-support.${version}.`)).toBe(true);
			expect(decodeAnswers(flow, link)).toEqual({ ok: true, answers: typical, plan: [] });
		}
		expect(decodeAnswers(flow, encodeAnswers({ ...flow, version: since - 1 }, typical))).toEqual({
			ok: false,
			error: 'older-version',
			version: since - 1
		});
	});

	it('refuses answers that are consistent bytes but not a whole questionnaire', () => {
		const partial = encodeAnswers(flow, { who: 'myself', substance: 'heroin' });
		expect(decodeAnswers(flow, partial)).toEqual({ ok: false, error: 'incomplete' });
	});
});

describe('share link decoder under attack (property-based)', () => {
	const good = encodeAnswers(flow, typical);

	it('never throws on random text, and answers with a typed error', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200 }), (text) => {
				const result = decodeAnswers(flow, text);
				expect(typeof result.ok).toBe('boolean');
			}),
			{ numRuns: 2000 }
		);
	});

	it('never accepts a changed character: any edit is an error or another whole answer set', () => {
		fc.assert(
			fc.property(
				fc.nat({ max: good.length - 1 }),
				fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'),
				(at, char) => {
					const edited = good.slice(0, at) + char + good.slice(at + 1);
					const result = decodeAnswers(flow, edited);
					if (result.ok && edited !== good) {
						// Fletcher-16 lets a rare edit through; what passes must still be a valid, whole set.
						expect(decodeAnswers(flow, encodeAnswers(flow, result.answers)).ok).toBe(true);
					} else expect(result.ok).toBe(edited === good);
				}
			),
			{ numRuns: 3000 }
		);
	});

	it('rejects every truncation', () => {
		for (let length = 0; length < good.length; length++)
			expect(decodeAnswers(flow, good.slice(0, length)).ok).toBe(false);
	});

	it('accepts only the one canonical form of a set of answers: no stray bit past the last question', () => {
		const [, , , data] = encodeAnswers(flow, typical).split('.') as [
			string,
			string,
			string,
			string
		];
		const raw = fromBase64Url(data) as Uint8Array;
		const bytes = raw.slice(0, raw.length - 2);
		const last = Math.ceil(flow.questions.length / 8) - 1;
		// Set the top bit of the answered-question mask (no question there) and re-sign it.
		bytes[last] = (bytes[last] as number) | 0x80;
		const sum = checksum(HEADER, bytes);
		const forged = `${HEADER}.${toBase64Url(Uint8Array.from([...bytes, sum >> 8, sum & 0xff]))}`;
		expect(flow.questions.length % 8).not.toBe(0);
		expect(decodeAnswers(flow, forged)).toEqual({ ok: false, error: 'damaged' });
	});

	it('refuses huge input by its length, before any decoding', () => {
		// 'too-long' (not 'damaged' or 'malformed') shows the length guard ran first: the 5 MB of
		// text is never split, decoded or checksummed. Speed itself is for `npm run bench`, not a test.
		const huge = `${HEADER}.${'A'.repeat(5_000_000)}`;
		expect(decodeAnswers(flow, huge)).toEqual({ ok: false, error: 'too-long' });
		expect(decodeAnswers(flow, `${'.'.repeat(MAX_FRAGMENT + 1)}`)).toEqual({
			ok: false,
			error: 'too-long'
		});
	});

	it('decodes any random byte payload with a valid header to a typed result', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
				const result = decodeAnswers(flow, `${HEADER}.${toBase64Url(bytes)}`);
				if (result.ok)
					expect(decodeAnswers(flow, encodeAnswers(flow, result.answers)).ok).toBe(true);
				else expect(['damaged', 'incomplete']).toContain(result.error);
			}),
			{ numRuns: 5000 }
		);
	});
});

// ---------------------------------------------------------------------------------------------
// Format 2: the answers and a meeting plan
// ---------------------------------------------------------------------------------------------

const PLAN_HEADER = `2.${flow.id}.${flow.version}`;
/** The address the app shares from when PUBLIC_SITE_URL is unset, with the counselor page's path. */
const SHARED = 'https://support-group-guide.invalid/shared#';
/** What the person may plan with the typical answers: smart-recovery, lifering, … */
const plannable = plannablePrograms(flow, recommend(flow, typical)).map((p) => p.program.id);
const programIndex = (id: string) => flowPrograms(flow).findIndex((p) => p.id === id);

const meeting = (over: Partial<PlannedMeeting> = {}): PlannedMeeting =>
	plannedMeeting(plannable[0] as string, over);

/** Two meetings with short notes: what a person typically plans. */
const typicalPlan: Plan = [
	meeting({ note: 'with Mom' }),
	meeting({
		program: plannable[1],
		mode: 'online',
		date: '2026-03-12',
		time: '',
		note: 'church hall'
	})
];
/** Three meetings, each with a note of NOTE_MAX characters of 3 UTF-8 bytes: the longest link. */
const longestPlan: Plan = [0, 1, 2].map((i) =>
	meeting({ program: plannable[i], note: '\u20ac'.repeat(NOTE_MAX), status: 'not-for-me' })
);
/** Three meetings with notes of NOTE_MAX characters of Spanish. */
const SPANISH = 'Ir con mamá después del trabajo; preguntar por el café, la guardería y el horario';
const spanishPlan: Plan = [0, 1, 2].map((i) =>
	meeting({ program: plannable[i], mode: 'phone', time: '18:30', note: SPANISH.slice(0, NOTE_MAX) })
);

/** The bytes of a fragment's data without the checksum. */
function bodyOf(fragment: string): Uint8Array {
	const raw = fromBase64Url(fragment.split('.')[3] as string) as Uint8Array;
	return raw.slice(0, raw.length - 2);
}

/** A fragment with these bytes under a valid checksum: reaches the plan reader. */
function sealed(header: string, body: ArrayLike<number>): string {
	const bytes = Uint8Array.from(body);
	const sum = checksum(header, bytes);
	return `${header}.${toBase64Url(Uint8Array.from([...bytes, sum >> 8, sum & 0xff]))}`;
}

const answerBytes = bodyOf(encodeAnswers(flow, typical));
/** The typical answers' bytes followed by these plan bytes, signed as format 2. */
const withPlanBytes = (plan: number[]) => sealed(PLAN_HEADER, [...answerBytes, ...plan]);

describe('share links with a meeting plan (format 2)', () => {
	it('keeps a link without a plan exactly as format 1', () => {
		const plain = encodeAnswers(flow, typical);
		expect(encodeAnswers(flow, typical, [])).toBe(plain);
		expect(plain.startsWith(`1.${flow.id}.`)).toBe(true);
		expect(decodeAnswers(flow, plain)).toEqual({ ok: true, answers: typical, plan: [] });
	});

	it('carries a typical plan in a link under 200 characters and a QR code of version 8 or less', () => {
		const fragment = encodeAnswers(flow, typical, typicalPlan);
		expect(fragment.startsWith(`${PLAN_HEADER}.`)).toBe(true);
		expect(decodeAnswers(flow, fragment)).toEqual({
			ok: true,
			answers: typical,
			plan: typicalPlan
		});
		const link = SHARED + fragment;
		// Measured: 85 characters of fragment, 128 of link, QR version 8 (49 × 49 modules).
		expect(link.length).toBeLessThan(200);
		expect(fragment.length).toBeLessThanOrEqual(90);
		expect(encode(link, { ecc: 'M', border: 4 }).version).toBeLessThanOrEqual(8);
		// Spanish pages share from /es/shared: three more characters.
		const es = `https://support-group-guide.invalid/es/shared#${fragment}`;
		expect(es.length).toBeLessThan(200);
	});

	it('lays the plan out byte by byte after the answers', () => {
		const fragment = encodeAnswers(flow, typical, [
			meeting({ note: 'é', mode: 'online', status: 'went', date: '2000-01-02', time: '00:01' }),
			meeting({
				program: plannable[1],
				mode: 'phone',
				status: 'didnt-go',
				date: LAST_DAY,
				time: ''
			})
		]);
		const body = bodyOf(fragment);
		expect([...body.subarray(0, answerBytes.length)]).toEqual([...answerBytes]);
		expect([...body.subarray(answerBytes.length)]).toEqual([
			2,
			// smart-recovery, online (1) | went (1 << 2) | a time | a note; day 1; minute 1; "é"
			programIndex(plannable[0] as string),
			1 | (1 << 2) | 16 | 32,
			0,
			1,
			0,
			1,
			2,
			0xc3,
			0xa9,
			// lifering, phone (2) | didn't go (3 << 2), no time, no note; 2099-12-31 is day 36524
			programIndex(plannable[1] as string),
			2 | (3 << 2),
			36524 >> 8,
			36524 & 0xff
		]);
	});

	it('round-trips every mode, status, time, note and day that a plan may hold', () => {
		const notes = [
			'',
			'x',
			'with Mom',
			'mamá y papá ¿sí?',
			'👩‍👧 café ☕',
			SPANISH.slice(0, NOTE_MAX)
		];
		const days = ['2000-01-01', '2024-02-29', '2026-12-31', LAST_DAY];
		const times = ['', '00:00', '07:05', '12:30', '23:59'];
		let checked = 0;
		for (const mode of MEETING_MODES)
			for (const status of MEETING_STATUSES)
				for (const [i, note] of notes.entries()) {
					const plan = [
						meeting({ mode, status, note, date: days[i % days.length], time: times[i % 5] }),
						meeting({
							program: plannable[3],
							date: days[(i + 1) % days.length],
							time: times[(i + 2) % 5]
						})
					];
					expect(decodeAnswers(flow, encodeAnswers(flow, typical, plan))).toEqual({
						ok: true,
						answers: typical,
						plan
					});
					checked++;
				}
		expect(checked).toBe(3 * 4 * notes.length);
	});

	it('fits the longest plan in MAX_FRAGMENT, sealed with a passcode too', async () => {
		for (const plan of [longestPlan, spanishPlan]) {
			const fragment = encodeAnswers(flow, typical, plan);
			expect(decodeAnswers(flow, fragment)).toEqual({ ok: true, answers: typical, plan });
			expect(fragment.length).toBeLessThanOrEqual(MAX_FRAGMENT);
			expect((await encryptFragment(fragment, 'river 42')).length).toBeLessThanOrEqual(
				MAX_FRAGMENT
			);
		}
		// Measured: 1031 and 411 characters of fragment (QR versions 27 and 17 with error correction M).
		expect(encodeAnswers(flow, typical, longestPlan).length).toBeLessThanOrEqual(1040);
		expect(encodeAnswers(flow, typical, spanishPlan).length).toBeLessThanOrEqual(420);
	});

	it('plans the groups of a loved one too', () => {
		const mother = PERSONAS.find((p) => p.name === 'mother, wants support for herself, spiritual');
		if (!mother) throw new Error('persona');
		const own = recommend(flow, mother.answers).lovedOne.flatMap((r) => r.style.programs);
		expect(own.length).toBeGreaterThan(0);
		const plan = [meeting({ program: own[0]?.id, mode: 'online' })];
		expect(decodeAnswers(flow, encodeAnswers(flow, mother.answers, plan))).toEqual({
			ok: true,
			answers: mother.answers,
			plan
		});
	});

	it('refuses to make a link the counselor page would call damaged', () => {
		const bad: [string, unknown][] = [
			['a fourth meeting', [...spanishPlan, meeting()]],
			['a program not among the cards', [meeting({ program: 'narcotics-anonymous' })]],
			['no such program', [meeting({ program: 'nowhere' })]],
			['no such day', [meeting({ date: '2026-02-30' })]],
			['a day too far', [meeting({ date: '2100-01-01' })]],
			['no such time', [meeting({ time: '24:00' })]],
			['a long note', [meeting({ note: 'x'.repeat(NOTE_MAX + 1) })]],
			['a note of two lines', [meeting({ note: 'a\nb' })]]
		];
		for (const [what, plan] of bad)
			expect(() => encodeAnswers(flow, typical, plan as Plan), what).toThrow(/not valid/);
	});

	it('calls any forged plan bytes damaged, whatever they hold', () => {
		const sr = programIndex(plannable[0] as string);
		// 0x2d5f: day 11615, 2031-10-20.
		const day = [0x2d, 0x5f];
		const forged: [string, number[]][] = [
			['no plan at all', []],
			['an empty plan', [0]],
			['four meetings', [4, ...[0, 1, 2, 3].flatMap(() => [sr, 0, ...day])]],
			['fewer meetings than counted', [2, sr, 0, ...day]],
			['a program past the last', [1, flowPrograms(flow).length, 0, ...day]],
			['a program not among the cards', [1, programIndex('narcotics-anonymous'), 0, ...day]],
			['mode 3', [1, sr, 3, ...day]],
			['a flag bit past the known ones', [1, sr, 0x40, ...day]],
			['a day past LAST_DAY', [1, sr, 0, 36525 >> 8, 36525 & 0xff]],
			['no day', [1, sr, 0]],
			['half a day', [1, sr, 0, 0x2d]],
			['minute 1440', [1, sr, 16, ...day, 1440 >> 8, 1440 & 0xff]],
			['a time cut short', [1, sr, 16, ...day, 0]],
			['a note flag with a length of 0', [1, sr, 32, ...day, 0]],
			['a note longer than its bytes', [1, sr, 32, ...day, 5, 0x61, 0x62]],
			['a note of invalid UTF-8', [1, sr, 32, ...day, 2, 0xc3, 0x28]],
			['an overlong UTF-8 "/"', [1, sr, 32, ...day, 2, 0xc0, 0xaf]],
			['a UTF-8 surrogate', [1, sr, 32, ...day, 3, 0xed, 0xa0, 0x80]],
			['a note with a new line', [1, sr, 32, ...day, 3, 0x61, 0x0a, 0x62]],
			['a note with a leading space', [1, sr, 32, ...day, 2, 0x20, 0x61]],
			['a note of 81 characters', [1, sr, 32, ...day, 81, ...new Array(81).fill(0x61)]],
			['a byte left over', [1, sr, 0, ...day, 0]]
		];
		for (const [what, bytes] of forged)
			expect(decodeAnswers(flow, withPlanBytes(bytes)), what).toEqual({
				ok: false,
				error: 'damaged'
			});
		// The same reader accepts the well-formed neighbours of those bytes.
		const fine = decodeAnswers(flow, withPlanBytes([1, sr, 32 | 16, ...day, 0, 1, 2, 0x61, 0x62]));
		expect(fine.ok && fine.plan).toEqual([
			meeting({ date: '2031-10-20', time: '00:01', note: 'ab' })
		]);
		// Plan bytes under a format-1 header are bytes format 1 does not have.
		expect(
			decodeAnswers(
				flow,
				sealed(`1.${flow.id}.${flow.version}`, bodyOf(encodeAnswers(flow, typical, typicalPlan)))
			)
		).toEqual({ ok: false, error: 'damaged' });
	});

	it('calls a plan with incomplete answers incomplete', () => {
		const partial = bodyOf(encodeAnswers(flow, { who: 'myself', substance: 'heroin' }));
		const sr = programIndex(plannable[0] as string);
		expect(decodeAnswers(flow, sealed(PLAN_HEADER, [...partial, 1, sr, 0, 0x2d, 0x5f]))).toEqual({
			ok: false,
			error: 'incomplete'
		});
	});

	it('rejects every truncation of a link with a plan', () => {
		const good = encodeAnswers(flow, typical, typicalPlan);
		for (let length = 0; length < good.length; length++)
			expect(decodeAnswers(flow, good.slice(0, length)).ok).toBe(false);
	});

	it('never accepts a changed character as another plan', () => {
		const good = encodeAnswers(flow, typical, typicalPlan);
		fc.assert(
			fc.property(
				fc.nat({ max: good.length - 1 }),
				fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'),
				(at, char) => {
					const result = decodeAnswers(flow, good.slice(0, at) + char + good.slice(at + 1));
					// One character is at most 6 bits over two bytes: Fletcher-16 catches every such change.
					if (result.ok) expect(result).toEqual({ ok: true, answers: typical, plan: typicalPlan });
				}
			),
			{ numRuns: 3000 }
		);
	});
});
