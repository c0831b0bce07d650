/**
 * Share links carry the answers (never the text) in the URL fragment, which browsers do not send
 * over the network: `/shared#<format>.<flow id>.<flow version>.<data>`, the data in base64url.
 *
 * Format 1: which questions were answered, the chosen option of each, and a Fletcher-16 checksum
 * over the header and every byte before it. Format 2 is format 1 with a meeting plan between the
 * answers and the checksum (one checksum over all). A link without a plan is always format 1, so
 * links made before plans existed and links made now without one are the same.
 *
 * Format 2's plan bytes, after the answer bytes:
 *   count                      1 byte, 1..MAX_MEETINGS (an empty plan is format 1)
 *   then, per meeting:
 *     program                  1 byte: index into the flow's programs, in file order (flowPrograms)
 *     flags                    1 byte: bits 0-1 mode (MEETING_MODES index, 3 is refused),
 *                              bits 2-3 status (MEETING_STATUSES index), bit 4 has a time,
 *                              bit 5 has a note, bits 6-7 zero
 *     day                      2 bytes, big-endian: days since FIRST_DAY (2000-01-01)
 *     minutes                  2 bytes, big-endian, only with a time: minutes after midnight
 *     note                     only with a note: 1 byte of length (1..255), then that many bytes
 *                              of UTF-8
 * Every field has one spelling (no empty note with bit 5, no overlong UTF-8, nothing left over),
 * and a plan that `isValidPlan` refuses for the decoded answers is a damaged link.
 */
import { chosen, isValidAnswer } from '../flow/answers';
import {
	dateOfDay,
	dayNumber,
	flowPrograms,
	isValidPlan,
	MAX_MEETINGS,
	MEETING_MODES,
	MEETING_STATUSES,
	minutesOf,
	timeOfMinutes,
	type Plan,
	type PlannedMeeting
} from '../flow/meetings';
import { isComplete, prune } from '../flow/navigation';
import { recommend } from '../flow/recommend';
import type { Answers, Flow } from '../flow/schema';
import { readsAnswersOf } from '../flow/versions';

/** Answers only. */
export const LINK_FORMAT = '1';
/** Answers and a meeting plan. */
export const PLAN_FORMAT = '2';
/**
 * Longer fragments are refused before any decoding. A real one is under 50 characters without a
 * plan and about 100 with a typical one; the longest plan (three notes of 80 characters that take
 * 3 bytes each in UTF-8) makes about 1040, and about 1440 once a passcode seals it (passcode.ts
 * holds sealed fragments to this limit too).
 */
export const MAX_FRAGMENT = 1600;

export type LinkError =
	| 'empty'
	| 'too-long'
	| 'malformed'
	| 'unknown-format'
	| 'other-flow'
	| 'older-version'
	| 'newer-version'
	| 'damaged'
	| 'incomplete';

/** A failure; `flow` names the flow a link of another flow was made with. */
export type Decoded =
	| { ok: true; answers: Answers; plan: Plan }
	| { ok: false; error: LinkError; version?: number; flow?: string };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function toBase64Url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
		for (let c = 0; c < chars; c++) out += B64[(n >> (18 - 6 * c)) & 63];
	}
	return out;
}

/** Decodes base64url without padding; null for any character outside the alphabet or a bad length. */
export function fromBase64Url(text: string): Uint8Array | null {
	if (text.length % 4 === 1) return null;
	const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
	let bits = 0;
	let value = 0;
	let at = 0;
	for (const char of text) {
		const digit = B64.indexOf(char);
		if (digit < 0) return null;
		value = (value << 6) | digit;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[at++] = (value >> bits) & 0xff;
		}
	}
	return bytes;
}

/**
 * Fletcher-16 over the header and the answer bytes: catches truncation and changed characters.
 * Exported so fuzz tests can forge payloads that pass it and reach the answer reader.
 */
export function checksum(header: string, bytes: Uint8Array): number {
	let a = 0;
	let b = 0;
	const add = (x: number) => {
		a = (a + x) % 255;
		b = (b + a) % 255;
	};
	for (const char of header) add(char.charCodeAt(0) & 0xff);
	for (const byte of bytes) add(byte);
	return (b << 8) | a;
}

function maskBytes(count: number): number {
	return Math.ceil(count / 8);
}

/** The bytes of format 1: the mask of answered questions, then each answer's option(s). */
function answerBytes(flow: Flow, given: Answers): number[] {
	const questions = flow.questions;
	const body: number[] = new Array(maskBytes(questions.length)).fill(0);
	questions.forEach((q, i) => {
		const answer = given[q.id];
		if (answer === undefined) return;
		body[i >> 3] = (body[i >> 3] as number) | (1 << (i & 7));
		const ids = q.options.map((o) => o.id);
		if (q.kind === 'single') body.push(ids.indexOf(chosen(answer)[0] as string));
		else {
			const mask: number[] = new Array(maskBytes(ids.length)).fill(0);
			for (const id of chosen(answer)) {
				const k = ids.indexOf(id);
				mask[k >> 3] = (mask[k >> 3] as number) | (1 << (k & 7));
			}
			body.push(...mask);
		}
	});
	return body;
}

const HAS_TIME = 1 << 4;
const HAS_NOTE = 1 << 5;

/** The plan's bytes, as the header comment lays them out. The plan is valid (checked by the caller). */
function planBytes(flow: Flow, plan: Plan): number[] {
	const programs = flowPrograms(flow).map((p) => p.id);
	const out: number[] = [plan.length];
	for (const m of plan) {
		const program = programs.indexOf(m.program);
		if (program < 0 || program > 255)
			throw new Error(`program "${m.program}" cannot be carried by a share link`);
		const minutes = minutesOf(m.time);
		const note = new TextEncoder().encode(m.note);
		out.push(
			program,
			MEETING_MODES.indexOf(m.mode) |
				(MEETING_STATUSES.indexOf(m.status) << 2) |
				(minutes === null ? 0 : HAS_TIME) |
				(note.length > 0 ? HAS_NOTE : 0)
		);
		const day = dayNumber(m.date) as number;
		out.push(day >> 8, day & 0xff);
		if (minutes !== null) out.push(minutes >> 8, minutes & 0xff);
		if (note.length > 0) out.push(note.length, ...note);
	}
	return out;
}

/**
 * The share fragment for a complete set of answers and, when it has meetings, a plan (format 2;
 * format 1 otherwise). Throws for a plan that `isValidPlan` refuses for these answers: a link the
 * counselor's page would call damaged is never made.
 */
export function encodeAnswers(flow: Flow, answers: Answers, plan: Plan = []): string {
	const given = prune(flow, answers);
	const body = answerBytes(flow, given);
	let format = LINK_FORMAT;
	if (plan.length > 0) {
		if (!isValidPlan(flow, recommend(flow, given), plan))
			throw new Error('the meeting plan is not valid for these answers');
		body.push(...planBytes(flow, plan));
		format = PLAN_FORMAT;
	}
	const header = `${format}.${flow.id}.${flow.version}`;
	const bytes = Uint8Array.from(body);
	const sum = checksum(header, bytes);
	return `${header}.${toBase64Url(Uint8Array.from([...bytes, sum >> 8, sum & 0xff]))}`;
}

/** The answers the bytes hold and where they end, or null when they were not made by answerBytes. */
function readAnswers(flow: Flow, bytes: Uint8Array): { answers: Answers; end: number } | null {
	const questions = flow.questions;
	let at = maskBytes(questions.length);
	if (at > bytes.length) return null;
	// A bit beyond the last question means the bytes were not made by encodeAnswers.
	for (let i = questions.length; i < at * 8; i++)
		if ((((bytes[i >> 3] ?? 0) >> (i & 7)) & 1) === 1) return null;
	const answers: Answers = {};
	for (const [i, q] of questions.entries()) {
		if ((((bytes[i >> 3] ?? 0) >> (i & 7)) & 1) === 0) continue;
		if (q.kind === 'single') {
			const option = q.options[bytes[at++] ?? 255];
			if (!option) return null;
			answers[q.id] = option.id;
		} else {
			const size = maskBytes(q.options.length);
			if (at + size > bytes.length) return null;
			const bit = (k: number) => (((bytes[at + (k >> 3)] ?? 0) >> (k & 7)) & 1) === 1;
			// A bit beyond the last option means the bytes were not made by encodeAnswers.
			for (let k = q.options.length; k < size * 8; k++) if (bit(k)) return null;
			const chosen = q.options.filter((_, k) => bit(k));
			at += size;
			answers[q.id] = chosen.map((o) => o.id);
		}
		if (!isValidAnswer(q, answers[q.id])) return null;
	}
	return at <= bytes.length ? { answers, end: at } : null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The plan in the bytes from `at` to the end, or null when they are not exactly what planBytes
 * writes. Whether the plan fits the answers is left to isValidPlan.
 */
function readPlan(flow: Flow, bytes: Uint8Array, start: number): Plan | null {
	const programs = flowPrograms(flow);
	let at = start;
	const next = () => (at < bytes.length ? (bytes[at++] as number) : -1);
	const count = next();
	if (count < 1 || count > MAX_MEETINGS) return null;
	const plan: Plan = [];
	for (let i = 0; i < count; i++) {
		const program = programs[next()];
		const flags = next();
		if (program === undefined || flags < 0 || flags & 0xc0) return null;
		const mode = MEETING_MODES[flags & 3];
		const status = MEETING_STATUSES[(flags >> 2) & 3] as PlannedMeeting['status'];
		if (mode === undefined || at + 2 > bytes.length) return null;
		const date = dateOfDay(next() * 256 + next());
		if (date === null) return null;
		let time = '';
		if (flags & HAS_TIME) {
			if (at + 2 > bytes.length) return null;
			const read = timeOfMinutes(next() * 256 + next());
			if (read === null) return null;
			time = read;
		}
		let note = '';
		if (flags & HAS_NOTE) {
			const length = next();
			if (length < 1 || at + length > bytes.length) return null;
			try {
				note = utf8.decode(bytes.subarray(at, at + length));
			} catch {
				return null;
			}
			at += length;
		}
		plan.push({ program: program.id, mode, date, time, note, status });
	}
	return at === bytes.length ? plan : null;
}

/**
 * Reads a share fragment against the flow, trusting nothing: every failure is a typed error, never
 * an exception, and a result is returned only when it is whole and consistent. A format-1 link
 * gives an empty plan.
 */
export function decodeAnswers(flow: Flow, fragment: string): Decoded {
	const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
	if (text.length === 0) return { ok: false, error: 'empty' };
	if (text.length > MAX_FRAGMENT) return { ok: false, error: 'too-long' };
	const parts = text.split('.');
	if (parts.length !== 4) return { ok: false, error: 'malformed' };
	const [format, id, versionText, data] = parts as [string, string, string, string];
	if (format !== LINK_FORMAT && format !== PLAN_FORMAT)
		return { ok: false, error: 'unknown-format' };
	if (id !== flow.id) return { ok: false, error: 'other-flow', flow: id };
	if (!/^[1-9][0-9]{0,8}$/.test(versionText)) return { ok: false, error: 'malformed' };
	const version = Number(versionText);
	const readable = readsAnswersOf(flow, version);
	if (readable === 'older') return { ok: false, error: 'older-version', version };
	if (readable === 'newer') return { ok: false, error: 'newer-version', version };
	const raw = fromBase64Url(data);
	if (raw === null || raw.length < 3) return { ok: false, error: 'damaged' };
	const bytes = raw.subarray(0, raw.length - 2);
	const sum = ((raw[raw.length - 2] as number) << 8) | (raw[raw.length - 1] as number);
	if (sum !== checksum(`${format}.${id}.${versionText}`, bytes))
		return { ok: false, error: 'damaged' };
	const read = readAnswers(flow, bytes);
	if (read === null) return { ok: false, error: 'damaged' };
	const { answers, end } = read;
	let plan: Plan = [];
	if (format === LINK_FORMAT) {
		if (end !== bytes.length) return { ok: false, error: 'damaged' };
	} else {
		const read = readPlan(flow, bytes, end);
		if (read === null) return { ok: false, error: 'damaged' };
		plan = read;
	}
	const given = prune(flow, answers);
	if (Object.keys(given).length !== Object.keys(answers).length)
		return { ok: false, error: 'damaged' };
	if (!isComplete(flow, given)) return { ok: false, error: 'incomplete' };
	if (plan.length > 0 && !isValidPlan(flow, recommend(flow, given), plan))
		return { ok: false, error: 'damaged' };
	return { ok: true, answers: given, plan };
}
