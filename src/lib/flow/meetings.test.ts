import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opioidFlow, plannedMeeting } from '../../../tests/flows';
import { PERSONAS } from '../../../tests/personas';
import {
	addDays,
	cleanNote,
	dateOfDay,
	dayNumber,
	FIRST_DAY,
	flowPrograms,
	isPlanDate,
	isPlanTime,
	isValidPlan,
	LAST_DAY,
	localDate,
	MAX_MEETINGS,
	minutesOf,
	NOTE_MAX,
	noteIssue,
	plannablePrograms,
	prunePlan,
	timeOfMinutes,
	type PlannedMeeting
} from './meetings';
import { recommend } from './recommend';
import type { Answers } from './schema';

const flow = opioidFlow();
const persona = (name: string): Answers => {
	const p = PERSONAS.find((x) => x.name === name);
	if (!p) throw new Error(name);
	return p.answers;
};
const forHerself = persona('mother, wants support for herself, spiritual');
const secular = persona('buprenorphine, secular, tools, online');

const result = recommend(flow, secular);
const ids = plannablePrograms(flow, result).map((p) => p.program.id);

const meeting = (over: Partial<PlannedMeeting> = {}): PlannedMeeting =>
	plannedMeeting(ids[0] as string, { note: 'with Mom', ...over });

describe('plannablePrograms', () => {
	it("lists the programs of the person's cards, in card order, each with its style", () => {
		const list = plannablePrograms(flow, result);
		expect(list.map((p) => p.program.id)).toEqual(
			result.styles.flatMap((r) => r.style.programs.map((p) => p.id))
		);
		for (const { program, style } of list) expect(style.programs).toContain(program);
		expect(result.lovedOne).toEqual([]);
	});

	it("adds a loved one's own groups, and never a style that is only named beyond the cards", () => {
		const rec = recommend(flow, forHerself);
		expect(rec.lovedOne.length).toBeGreaterThan(0);
		expect(rec.moreStyles.length).toBeGreaterThan(0);
		const list = plannablePrograms(flow, rec).map((p) => p.program.id);
		for (const r of rec.lovedOne) for (const p of r.style.programs) expect(list).toContain(p.id);
		for (const r of rec.moreStyles)
			for (const p of r.style.programs) expect(list).not.toContain(p.id);
		expect(new Set(list).size).toBe(list.length);
	});

	it('numbers every program of the flow once, in file order, for share links', () => {
		const all = flowPrograms(flow).map((p) => p.id);
		expect(all[0]).toBe(flow.styles[0]?.programs[0]?.id);
		expect(new Set(all).size).toBe(all.length);
		expect(all.length).toBeLessThan(256);
	});
});

describe('isValidPlan', () => {
	it('accepts an empty plan and up to MAX_MEETINGS meetings', () => {
		expect(isValidPlan(flow, result, [])).toBe(true);
		expect(isValidPlan(flow, result, [meeting()])).toBe(true);
		const full = Array.from({ length: MAX_MEETINGS }, (_, i) =>
			meeting({ program: ids[i % ids.length] })
		);
		expect(isValidPlan(flow, result, full)).toBe(true);
		expect(isValidPlan(flow, result, [...full, meeting()])).toBe(false);
		// The same group twice (Tuesday and Thursday) is a plan too.
		expect(isValidPlan(flow, result, [meeting(), meeting({ date: '2026-03-12' })])).toBe(true);
	});

	it('accepts every mode and status, no time, and no note', () => {
		for (const mode of ['in-person', 'online', 'phone'] as const)
			for (const status of ['planned', 'went', 'not-for-me', 'didnt-go'] as const)
				expect(isValidPlan(flow, result, [meeting({ mode, status, time: '', note: '' })])).toBe(
					true
				);
	});

	it.each([
		['not an array', { 0: meeting() }],
		['null', null],
		['a string', '[]'],
		['a meeting that is null', [null]],
		['a meeting that is an array', [[]]],
		['an unknown program', [meeting({ program: 'nowhere' })]],
		['a program not on the cards', [meeting({ program: 'narcotics-anonymous' })]],
		['an unknown mode', [meeting({ mode: 'video' as 'online' })]],
		['an unknown status', [meeting({ status: 'maybe' as 'went' })]],
		['no such day', [meeting({ date: '2026-02-29' })]],
		['a month 13', [meeting({ date: '2026-13-01' })]],
		['day 0', [meeting({ date: '2026-01-00' })]],
		['a day without padding', [meeting({ date: '2026-3-10' })]],
		['a day with a time', [meeting({ date: '2026-03-10T19:00' })]],
		['a day before FIRST_DAY', [meeting({ date: '1999-12-31' })]],
		['a day after LAST_DAY', [meeting({ date: '2100-01-01' })]],
		['hour 24', [meeting({ time: '24:00' })]],
		['minute 60', [meeting({ time: '19:60' })]],
		['a time without padding', [meeting({ time: '7:00' })]],
		['a time with seconds', [meeting({ time: '19:00:00' })]],
		['a note too long', [meeting({ note: 'x'.repeat(NOTE_MAX + 1) })]],
		['a note of 41 emoji (82 code units)', [meeting({ note: '😀'.repeat(41) })]],
		['an untrimmed note', [meeting({ note: 'with Mom ' })]],
		['a note of two lines', [meeting({ note: 'a\nb' })]],
		['a tab', [meeting({ note: 'a\tb' })]],
		['a right-to-left override', [meeting({ note: 'a\u202eb' })]],
		['a line separator', [meeting({ note: 'a\u2028b' })]],
		['a zero-width space', [meeting({ note: 'a\u200bb' })]],
		['a no-break space', [meeting({ note: 'a\u00a0b' })]],
		['an ideographic space', [meeting({ note: 'a\u3000b' })]],
		['a lone surrogate', [meeting({ note: 'a\ud83d' })]],
		['a number for a note', [{ ...meeting(), note: 5 }]],
		['an extra field', [{ ...meeting(), where: 'hall' }]],
		[
			'a missing field',
			[Object.fromEntries(Object.entries(meeting()).filter(([k]) => k !== 'note'))]
		],
		['a field on the prototype', [Object.assign(Object.create({ note: '' }), meeting({}), {})]],
		['an own __proto__ key', [JSON.parse(`{"__proto__":{},${JSON.stringify(meeting()).slice(1)}`)]]
	])('refuses %s', (_, plan) => {
		expect(isValidPlan(flow, result, plan)).toBe(false);
	});

	it('accepts notes of Spanish, emoji sequences and exactly NOTE_MAX code units', () => {
		for (const note of [
			'mamá y papá ¿sí? ¡vamos!',
			'👩‍👧 café ☕',
			'x'.repeat(NOTE_MAX),
			'😀'.repeat(NOTE_MAX / 2)
		])
			expect(isValidPlan(flow, result, [meeting({ note })]), note).toBe(true);
	});

	it('checks the plan against the answers it was made for', () => {
		const other = recommend(flow, forHerself);
		const own = plannablePrograms(flow, other).map((p) => p.program.id);
		const theirs = own.find((id) => !ids.includes(id)) as string;
		expect(isValidPlan(flow, other, [meeting({ program: theirs })])).toBe(true);
		expect(isValidPlan(flow, result, [meeting({ program: theirs })])).toBe(false);
	});
});

describe('days and times', () => {
	it('numbers every day from FIRST_DAY to LAST_DAY and reads each back', () => {
		expect(dayNumber(FIRST_DAY)).toBe(0);
		const last = dayNumber(LAST_DAY) as number;
		expect(last).toBe(36524);
		for (let n = 0; n <= last; n++) {
			const date = dateOfDay(n) as string;
			expect(dayNumber(date)).toBe(n);
		}
		expect(dateOfDay(last + 1)).toBeNull();
		expect(dateOfDay(-1)).toBeNull();
		expect(dateOfDay(1.5)).toBeNull();
		expect(dayNumber('2024-02-29')).toBe((dayNumber('2024-02-28') as number) + 1);
		expect(dayNumber('2023-02-29')).toBeNull();
		expect(dayNumber('2100-02-29')).toBeNull();
		expect(isPlanDate(20260310)).toBe(false);
	});

	it('reads and writes every minute of the day', () => {
		for (let m = 0; m < 1440; m++) expect(minutesOf(timeOfMinutes(m) as string)).toBe(m);
		expect(timeOfMinutes(1440)).toBeNull();
		expect(timeOfMinutes(-1)).toBeNull();
		expect(minutesOf('')).toBeNull();
		expect(isPlanTime('')).toBe(true);
		expect(isPlanTime(null)).toBe(false);
	});

	it("gives the device's own date and the days after it, across months and leap days", () => {
		expect(localDate(new Date(2026, 2, 10, 23, 59))).toBe('2026-03-10');
		expect(localDate(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
		expect(addDays('2026-03-10', 14)).toBe('2026-03-24');
		expect(addDays('2024-02-20', 14)).toBe('2024-03-05');
		expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
		expect(addDays('2026-03-10', -1)).toBe('2026-03-09');
		expect(addDays(LAST_DAY, 1)).toBeNull();
		expect(addDays('nope', 1)).toBeNull();
	});
});

describe('notes', () => {
	it('names what is wrong with a note', () => {
		expect(noteIssue('with Mom')).toBeNull();
		expect(noteIssue('')).toBeNull();
		expect(noteIssue(3)).toBe('not-text');
		expect(noteIssue('x'.repeat(NOTE_MAX + 1))).toBe('too-long');
		expect(noteIssue(' x')).toBe('untrimmed');
		expect(noteIssue('a\u0007b')).toBe('character');
	});

	it('cleans any typed text into a note that is accepted, keeping what it can', () => {
		expect(cleanNote('  with\tMom\n at 7  ')).toBe('with Mom at 7');
		expect(cleanNote('a\u202eb\u00adc')).toBe('abc');
		expect(cleanNote('👩‍👧')).toBe('👩‍👧');
		expect(cleanNote('x'.repeat(100))).toBe('x'.repeat(NOTE_MAX));
		// Cut before an emoji that would not fit whole.
		expect(cleanNote(`${'x'.repeat(NOTE_MAX - 1)}😀`)).toBe('x'.repeat(NOTE_MAX - 1));
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ maxLength: 120 })),
				(text) => {
					const note = cleanNote(text);
					expect(noteIssue(note)).toBeNull();
					expect(cleanNote(note)).toBe(note);
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('prunePlan', () => {
	it('keeps the meetings that still fit the result, as plain copies, at most MAX_MEETINGS', () => {
		const kept = meeting();
		const plan = [
			{ ...kept, extra: 1 },
			kept,
			meeting({ program: 'narcotics-anonymous' }),
			meeting({ date: 'soon' }),
			meeting({ program: ids[1] }),
			meeting({ program: ids[2] }),
			meeting({ program: ids[3] })
		];
		const pruned = prunePlan(flow, result, plan);
		expect(pruned).toEqual([kept, meeting({ program: ids[1] }), meeting({ program: ids[2] })]);
		expect(pruned[0]).not.toBe(kept);
		expect(isValidPlan(flow, result, pruned)).toBe(true);
		expect(prunePlan(flow, result, 'x')).toEqual([]);
	});
});
