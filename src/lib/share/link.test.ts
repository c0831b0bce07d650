import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { opioidFlow } from '../../../tests/flows';
import { forEachAnswerSet } from '../flow/enumerate';
import { recommend } from '../flow/recommend';
import type { Answers } from '../flow/schema';
import { decodeAnswers, encodeAnswers, fromBase64Url, MAX_FRAGMENT, toBase64Url } from './link';

const flow = opioidFlow();

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

const typical: Answers = {
	who: 'myself',
	substance: 'heroin',
	'other-depressants': 'none',
	'detox-status': 'using',
	'danger-signs': 'none',
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
		expect(fragment).toMatch(/^1\.opioid-support\.1\.[A-Za-z0-9_-]+$/);
		expect(fragment.length).toBeLessThanOrEqual(45);
	});

	it('round-trips a large sample of reachable answer sets, and gives the same recommendation', () => {
		// 193 is odd and 1 more than a multiple of 16, so the stride walks every answer of every question.
		const sets = sample(193);
		expect(sets.length).toBeGreaterThan(90_000);
		for (const answers of sets) {
			const decoded = decodeAnswers(flow, encodeAnswers(flow, answers));
			if (!decoded.ok) throw new Error(`${JSON.stringify(answers)}: ${decoded.error}`);
			expect(decoded.answers).toEqual(answers);
		}
		for (const answers of sets.slice(0, 2000)) {
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
		expect(decodeAnswers(flow, `2.opioid-support.1.${data}`).ok).toBe(false);
		expect(decodeAnswers(flow, `1.other-flow.1.${data}`)).toEqual({
			ok: false,
			error: 'other-flow'
		});
		expect(decodeAnswers(flow, `1.opioid-support.7.${data}`)).toEqual({
			ok: false,
			error: 'newer-version',
			version: 7
		});
		expect(decodeAnswers(flow, good.slice(0, -3))).toEqual({ ok: false, error: 'damaged' });
		expect(decodeAnswers(flow, `${good}A`).ok).toBe(false);
		const older = { ...flow, version: flow.version + 1 };
		expect(decodeAnswers(older, good)).toEqual({ ok: false, error: 'older-version', version: 1 });
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

	it('stays fast on huge input: it is refused before any decoding', () => {
		const huge = `1.opioid-support.1.${'A'.repeat(5_000_000)}`;
		const started = performance.now();
		expect(decodeAnswers(flow, huge)).toEqual({ ok: false, error: 'too-long' });
		expect(performance.now() - started).toBeLessThan(50);
	});

	it('decodes any random byte payload with a valid header to a typed result', () => {
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
				const result = decodeAnswers(flow, `1.opioid-support.1.${toBase64Url(bytes)}`);
				if (result.ok)
					expect(decodeAnswers(flow, encodeAnswers(flow, result.answers)).ok).toBe(true);
				else expect(['damaged', 'incomplete']).toContain(result.error);
			}),
			{ numRuns: 5000 }
		);
	});
});
