import fc from 'fast-check';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { opioidFlow } from '../../../tests/flows';
import { forEachAnswerSet, possibleAnswers } from '../flow/enumerate';
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
		expect(decodeAnswers(flow, fragment)).toEqual({ ok: true, answers: typical });
		expect(fragment).toMatch(/^1\.opioid-support\.2\.[A-Za-z0-9_-]+$/);
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
		expect(decodeAnswers(flow, `2.opioid-support.${flow.version}.${data}`)).toEqual({
			ok: false,
			error: 'unknown-format'
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
		const older = { ...flow, version: flow.version + 1 };
		expect(decodeAnswers(older, good)).toEqual({
			ok: false,
			error: 'older-version',
			version: flow.version
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
