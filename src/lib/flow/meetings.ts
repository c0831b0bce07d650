/**
 * A two-week meeting plan: up to three meetings the person means to try, picked from the groups of
 * their result (the best fit and alternatives shown as cards, and a loved one's own groups), each
 * with how they will join, the day and time they typed, a short note, and afterwards how it went.
 *
 * Days and times are plain calendar dates and local wall-clock times, as typed: no time zone, and
 * nothing is looked up. Framework-free, like the rest of the engine.
 */
import type { Recommendation } from './recommend';
import type { Flow, Program, Style } from './schema';

/** At most this many meetings in a plan. */
export const MAX_MEETINGS = 3;
/** A note's length limit, in UTF-16 code units: what an input's `maxlength` counts. */
export const NOTE_MAX = 80;

export const MEETING_MODES = ['in-person', 'online', 'phone'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/** `planned` until the person says how it went. */
export const MEETING_STATUSES = ['planned', 'went', 'not-for-me', 'didnt-go'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface PlannedMeeting {
	/** A program id of the flow, one of `plannablePrograms`. */
	program: string;
	mode: MeetingMode;
	/** A calendar date, YYYY-MM-DD, from FIRST_DAY to LAST_DAY. */
	date: string;
	/** A local time of day, HH:MM on the 24-hour clock, or '' for no time. */
	time: string;
	/** Up to NOTE_MAX code units, trimmed, on one line (see `noteIssue`). */
	note: string;
	status: MeetingStatus;
}

export type Plan = PlannedMeeting[];

/**
 * The days a plan may name. Share links carry a day as a number of days since FIRST_DAY, and a
 * typo such as 0225 for 2025 is refused rather than carried.
 */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2099-12-31';

const KEYS = ['program', 'mode', 'date', 'time', 'note', 'status'] as const;

const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const TIME = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
/**
 * What a note may not hold (as for an invite's name, share/invite.ts): control characters (new
 * lines, tabs), unpaired surrogates (which UTF-8 cannot carry), line and paragraph separators, and
 * invisible format characters such as the bidirectional controls that can make text read other
 * than it is stored. The zero-width joiner and tag characters stay: emoji sequences need them.
 * The only space is the plain one: FHIR's JSON schema reads a no-break space as whitespace its
 * `string` may not hold, and a note should look the same wherever it is shown.
 */
const FORBIDDEN_IN_NOTE =
	/[\p{Cc}\p{Cs}\p{Zl}\p{Zp}]|(?![\u200d\u{e0020}-\u{e007f}])\p{Cf}|(?! )\s/u;

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(2000, 0, 1);

/**
 * Days from FIRST_DAY to a date (0 for FIRST_DAY itself), or null for anything that is not a real
 * calendar date from FIRST_DAY to LAST_DAY written as YYYY-MM-DD.
 */
export function dayNumber(date: string): number | null {
	const match = DATE.exec(date);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
	const at = Date.UTC(year, month - 1, day);
	// Date.UTC rolls 2025-02-30 over into March: a real date reads back the same.
	if (new Date(at).getUTCDate() !== day) return null;
	return Math.round((at - EPOCH) / MS_PER_DAY);
}

/** The date (YYYY-MM-DD) `days` days after FIRST_DAY, or null outside FIRST_DAY..LAST_DAY. */
export function dateOfDay(days: number): string | null {
	if (!Number.isInteger(days) || days < 0) return null;
	const date = new Date(EPOCH + days * MS_PER_DAY).toISOString().slice(0, 10);
	return date <= LAST_DAY ? date : null;
}

/** True for a real calendar date from FIRST_DAY to LAST_DAY, written YYYY-MM-DD. */
export function isPlanDate(date: unknown): date is string {
	return typeof date === 'string' && dayNumber(date) !== null;
}

/** True for a time of day written HH:MM (24-hour clock), or '' for none. */
export function isPlanTime(time: unknown): time is string {
	return time === '' || (typeof time === 'string' && TIME.test(time));
}

/** Minutes since midnight of an HH:MM time, or null for '' or anything else. */
export function minutesOf(time: string): number | null {
	const match = TIME.exec(time);
	return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The HH:MM time `minutes` after midnight, or null outside 0..1439. */
export function timeOfMinutes(minutes: number): string | null {
	if (!Number.isInteger(minutes) || minutes < 0 || minutes >= 24 * 60) return null;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** What is wrong with a note, or null when it is fine: too long, untrimmed, or a forbidden character. */
export function noteIssue(
	note: unknown
): 'not-text' | 'too-long' | 'untrimmed' | 'character' | null {
	if (typeof note !== 'string') return 'not-text';
	if (note.length > NOTE_MAX) return 'too-long';
	if (note !== note.trim()) return 'untrimmed';
	if (FORBIDDEN_IN_NOTE.test(note)) return 'character';
	return null;
}

/**
 * A typed note made fit to keep: line breaks, tabs and other controls become spaces, invisible
 * format characters and unpaired surrogates go, runs of spaces become one, and the note is trimmed
 * and cut to NOTE_MAX code units without splitting a character.
 */
export function cleanNote(text: string): string {
	const spaced = text
		.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
		.replace(new RegExp(FORBIDDEN_IN_NOTE.source, 'gu'), '')
		.replace(/\s+/gu, ' ')
		.trim();
	let out = '';
	for (const char of spaced) {
		if (out.length + char.length > NOTE_MAX) break;
		out += char;
	}
	return out.trim();
}

/** The date in the device's own calendar for a moment: what "today" is for the person. */
export function localDate(now: Date): string {
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The date `days` days after a YYYY-MM-DD date (before it, for a negative number): the next two
 * weeks are `addDays(today, 14)`. Null when either end is not a plan date.
 */
export function addDays(date: string, days: number): string | null {
	const start = dayNumber(date);
	return start === null ? null : dateOfDay(start + days);
}

/**
 * Programs the person may plan: those of the best fit and alternatives shown as cards (the
 * person's list and, for a loved one, the loved-one list), each with its style, in card order.
 */
export function plannablePrograms(
	flow: Flow,
	result: Recommendation
): { program: Program; style: Style }[] {
	const out: { program: Program; style: Style }[] = [];
	const seen = new Set<string>();
	const known = new Set(flow.styles.map((s) => s.id));
	for (const { style } of [...result.styles, ...result.lovedOne]) {
		if (!known.has(style.id)) continue;
		for (const program of style.programs) {
			if (seen.has(program.id)) continue;
			seen.add(program.id);
			out.push({ program, style });
		}
	}
	return out;
}

/** Every program of the flow, in file order: what a share link numbers them by. */
export function flowPrograms(flow: Flow): Program[] {
	return flow.styles.flatMap((s) => s.programs);
}

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
	typeof value === 'string' && (list as readonly string[]).includes(value);

/** True for one meeting of the right shape, whatever its program (checked by `isValidPlan`). */
export function isMeeting(value: unknown): value is PlannedMeeting {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	// A plain object (or one without a prototype): nothing inherited can stand in for a field.
	const prototype: unknown = Object.getPrototypeOf(value);
	if (prototype !== Object.prototype && prototype !== null) return false;
	const keys = Object.keys(value);
	if (keys.length !== KEYS.length || !KEYS.every((k) => Object.hasOwn(value, k))) return false;
	const m = value as Record<(typeof KEYS)[number], unknown>;
	return (
		typeof m.program === 'string' &&
		isOneOf(MEETING_MODES, m.mode) &&
		isPlanDate(m.date) &&
		isPlanTime(m.time) &&
		noteIssue(m.note) === null &&
		isOneOf(MEETING_STATUSES, m.status)
	);
}

/**
 * A plan is valid for these answers (their `result`): an array of at most MAX_MEETINGS meetings,
 * each a plain object with exactly the fields of PlannedMeeting, a plannable program, a known
 * mode and status, a real calendar date, a valid time or '', and a note that `noteIssue` accepts.
 * Dates are not held to the next two weeks: a link opened later must still open.
 */
export function isValidPlan(flow: Flow, result: Recommendation, plan: unknown): plan is Plan {
	if (!Array.isArray(plan) || plan.length > MAX_MEETINGS) return false;
	if (plan.length === 0) return true;
	const allowed = new Set(plannablePrograms(flow, result).map((p) => p.program.id));
	return plan.every((m) => isMeeting(m) && allowed.has(m.program));
}

/**
 * The meetings of a plan that still fit the result (after an answer changed, say): the valid
 * ones, in order, at most MAX_MEETINGS. Each kept meeting is a copy with only its own fields.
 */
export function prunePlan(flow: Flow, result: Recommendation, plan: unknown): Plan {
	if (!Array.isArray(plan)) return [];
	const allowed = new Set(plannablePrograms(flow, result).map((p) => p.program.id));
	const kept: Plan = [];
	for (const m of plan) {
		if (kept.length === MAX_MEETINGS) break;
		if (!isMeeting(m) || !allowed.has(m.program)) continue;
		kept.push({
			program: m.program,
			mode: m.mode,
			date: m.date,
			time: m.time,
			note: m.note,
			status: m.status
		});
	}
	return kept;
}
