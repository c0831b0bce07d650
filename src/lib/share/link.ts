/**
 * Share links carry the answers (never the text) in the URL fragment, which browsers do not send
 * over the network: `/shared#1.<flow id>.<flow version>.<data>`. The data is a few bytes: which
 * questions were answered, the chosen option of each, and a checksum, in base64url.
 */
import { chosen, isValidAnswer } from '../flow/answers';
import { isComplete, prune } from '../flow/navigation';
import type { Answers, Flow } from '../flow/schema';

export const LINK_FORMAT = '1';
/** Longer fragments are refused before any decoding: a real one is under 100 characters. */
export const MAX_FRAGMENT = 600;

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
	{ ok: true; answers: Answers } | { ok: false; error: LinkError; version?: number; flow?: string };

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

/** The share fragment for a complete set of answers. */
export function encodeAnswers(flow: Flow, answers: Answers): string {
	const given = prune(flow, answers);
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
	const header = `${LINK_FORMAT}.${flow.id}.${flow.version}`;
	const bytes = Uint8Array.from(body);
	const sum = checksum(header, bytes);
	return `${header}.${toBase64Url(Uint8Array.from([...bytes, sum >> 8, sum & 0xff]))}`;
}

function readAnswers(flow: Flow, bytes: Uint8Array): Answers | null {
	const questions = flow.questions;
	let at = maskBytes(questions.length);
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
			const bit = (k: number) => (((bytes[at + (k >> 3)] ?? 0) >> (k & 7)) & 1) === 1;
			// A bit beyond the last option means the bytes were not made by encodeAnswers.
			for (let k = q.options.length; k < size * 8; k++) if (bit(k)) return null;
			const chosen = q.options.filter((_, k) => bit(k));
			at += size;
			answers[q.id] = chosen.map((o) => o.id);
		}
		if (!isValidAnswer(q, answers[q.id])) return null;
	}
	return at === bytes.length ? answers : null;
}

/**
 * Reads a share fragment against the flow, trusting nothing: every failure is a typed error, never
 * an exception, and a result is returned only when it is whole and consistent.
 */
export function decodeAnswers(flow: Flow, fragment: string): Decoded {
	const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
	if (text.length === 0) return { ok: false, error: 'empty' };
	if (text.length > MAX_FRAGMENT) return { ok: false, error: 'too-long' };
	const parts = text.split('.');
	if (parts.length !== 4) return { ok: false, error: 'malformed' };
	const [format, id, versionText, data] = parts as [string, string, string, string];
	if (format !== LINK_FORMAT) return { ok: false, error: 'unknown-format' };
	if (id !== flow.id) return { ok: false, error: 'other-flow', flow: id };
	if (!/^[1-9][0-9]{0,8}$/.test(versionText)) return { ok: false, error: 'malformed' };
	const version = Number(versionText);
	if (version < flow.version) return { ok: false, error: 'older-version', version };
	if (version > flow.version) return { ok: false, error: 'newer-version', version };
	const raw = fromBase64Url(data);
	if (raw === null || raw.length < 3) return { ok: false, error: 'damaged' };
	const bytes = raw.subarray(0, raw.length - 2);
	const sum = ((raw[raw.length - 2] as number) << 8) | (raw[raw.length - 1] as number);
	if (sum !== checksum(`${format}.${id}.${versionText}`, bytes))
		return { ok: false, error: 'damaged' };
	const answers = readAnswers(flow, bytes);
	if (answers === null) return { ok: false, error: 'damaged' };
	const given = prune(flow, answers);
	if (Object.keys(given).length !== Object.keys(answers).length)
		return { ok: false, error: 'damaged' };
	if (!isComplete(flow, given)) return { ok: false, error: 'incomplete' };
	return { ok: true, answers: given };
}
