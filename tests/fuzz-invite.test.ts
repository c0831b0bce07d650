/**
 * Fuzzing the two readers of issue #11's formats, with the properties tests/fuzz.test.ts checks of
 * share links: a counselor invite (`i1.`, read by decodeInvite) and a share link sealed to a
 * counselor's key (`h1.`, read by openSealed). Whatever they are given, they never throw, never take
 * long, refuse oversized input at once, catch every changed character and truncation, and either
 * fail with a known error or give exactly what was encoded.
 *
 * openSealed does real cryptography (HPKE: X25519, HKDF, AES-GCM), a few milliseconds for each input
 * that reaches it. The checksum of the format is read first, so damaged input fails without any;
 * the properties whose inputs are built to pass the checksum (and so reach the AES-GCM tag) run
 * at most CRYPTO_RUNS cases.
 *
 * `npm test` runs a few thousand cases per property; `npm run fuzz` runs 100 000.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	cleanName,
	decodeInvite,
	encodeInvite,
	INVITE_MAX,
	INVITE_PREFIX,
	NAME_MAX,
	openSealed,
	SEALED_MAX,
	SEALED_PREFIX,
	sealFragment,
	type Invite,
	type InviteError,
	type OpenError
} from '../src/lib/share/invite';
import { createCounselorKey, inviteOf, type CounselorKey } from '../src/lib/share/keystore';
import {
	checksum,
	encodeAnswers,
	fromBase64Url,
	MAX_FRAGMENT,
	toBase64Url
} from '../src/lib/share/link';
import {
	answerSetOf,
	expectWithin,
	fuzz as runFuzz,
	fuzzAsync as runFuzzAsync,
	insertText,
	MAX_MS,
	RUNS,
	TIMEOUT,
	anyChar,
	B64_CHAR
} from './fuzz-harness';
import { opioidFlow } from './flows';

/**
 * Cases of the properties whose every input reaches the AES-GCM tag (a few ms each): 300 in
 * `npm test`, 2000 in `npm run fuzz`.
 */
const CRYPTO_RUNS = Math.min(2000, Math.ceil(RUNS / 10));
/** An open that reaches the cryptography finishes within this many milliseconds. */
const MAX_CRYPTO_MS = 200;

const flow = opioidFlow();
const INVITE_ERRORS: readonly InviteError[] = [
	'empty',
	'malformed',
	'unknown-format',
	'damaged',
	'bad-name'
];
const OPEN_ERRORS: readonly OpenError[] = ['damaged', 'other-key'];

const stripHash = (text: string) => (text.startsWith('#') ? text.slice(1) : text);

/**
 * expect(actual).toEqual(expected), with a fast path: a hundred thousand cases spend most of their
 * time in expect's deep equality, so it is called only to report a difference.
 */
function same(actual: unknown, expected: unknown, message?: string) {
	if (!isDeepStrictEqual(actual, expected)) expect(actual, message).toEqual(expected);
}

// ---------------------------------------------------------------------------------------------
// The harness: tests/fuzz-harness.ts's, each run's case count and time bound asserted
// ---------------------------------------------------------------------------------------------

function fuzz<T, R>(
	name: string,
	arbitrary: fc.Arbitrary<T>,
	target: (input: T) => R,
	check: (output: R, input: T) => void,
	{ runs = RUNS, bound = MAX_MS } = {}
) {
	expectWithin(runFuzz(name, arbitrary, target, check, { runs, bound }), runs, bound);
}

async function fuzzAsync<T, R>(
	name: string,
	arbitrary: fc.Arbitrary<T>,
	target: (input: T) => Promise<R>,
	check: (output: R, input: T) => void,
	{ runs = RUNS, bound = MAX_MS } = {}
) {
	expectWithin(await runFuzzAsync(name, arbitrary, target, check, { runs, bound }), runs, bound);
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** Text-level damage to a real fragment: truncations, cuts, insertions, repeats, joins. */
function textMutations(real: fc.Arbitrary<string>, prefix: string): fc.Arbitrary<string> {
	return fc.oneof(
		fc.tuple(real, fc.nat()).map(([text, n]) => text.slice(0, n % text.length)),
		fc
			.tuple(real, fc.nat(), fc.nat())
			.map(([text, a, b]) =>
				text.slice(a % text.length, Math.max(a % text.length, b % (text.length + 1)))
			),
		fc.tuple(real, fc.nat(), insertText).map(([text, at, insert]) => {
			const i = at % (text.length + 1);
			return text.slice(0, i) + insert + text.slice(i);
		}),
		fc
			.tuple(real, fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 8 }))
			.map(([text, from, length, to, times]) => {
				const start = from % text.length;
				const segment = text.slice(start, start + 1 + (length % 24));
				const i = to % (text.length + 1);
				return text.slice(0, i) + segment.repeat(times) + text.slice(i);
			}),
		fc.tuple(real, real).map(([a, b]) => a + b.slice(prefix.length)),
		fc.tuple(real, fc.integer({ min: 1, max: 8 })).map(([text, n]) => text.repeat(n))
	);
}

/** One character changed (to a base64url one or any other). */
function substitutions(real: fc.Arbitrary<string>) {
	return fc.tuple(real, fc.nat(), anyChar).map(([text, at, char]) => {
		const i = at % text.length;
		return { real: text, text: text.slice(0, i) + char + text.slice(i + 1) };
	});
}

/** Input over `max` characters once the one leading '#' a fragment may have is dropped. */
function oversized(real: fc.Arbitrary<string>, max: number): fc.Arbitrary<string> {
	return fc
		.tuple(
			fc.oneof(real, fc.string({ unit: anyChar, minLength: 1, maxLength: 30 })),
			fc.integer({ min: max + 1, max: 50_000 }),
			fc.boolean()
		)
		.map(([seed, length, hash]) => {
			const body = seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
			const text = body.startsWith('#') ? `x${body}` : body;
			// Flat, as location.hash gives it: a rope built by repeat() would be flattened inside the call.
			return JSON.parse(JSON.stringify((hash ? '#' : '') + text)) as string;
		});
}

/** The bytes of a fragment's data, with or without its two checksum bytes. */
function dataOf(text: string, prefix: string) {
	return fromBase64Url(text.slice(prefix.length)) as Uint8Array;
}

/** Bytes behind a prefix and a recomputed checksum: what a forger, not an accident, would write. */
function withChecksum(prefix: string, body: Uint8Array): string {
	const sum = checksum(prefix, body);
	return prefix + toBase64Url(Uint8Array.from([...body, sum >> 8, sum & 0xff]));
}

function flipBits(bytes: Uint8Array, bits: number[]): Uint8Array {
	const copy = bytes.slice();
	for (const bit of bits) {
		const at = (bit >> 3) % copy.length;
		copy[at] = (copy[at] as number) ^ (1 << (bit & 7));
	}
	return copy;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
	a.length === b.length && a.every((x, i) => x === b[i]);

// ---------------------------------------------------------------------------------------------
// Invites
// ---------------------------------------------------------------------------------------------

const NAMES = [
	'Clinic: Room 4',
	'Clínica: Sala 4 — Dra. Núñez',
	'🌱 Grupo del martes 👩‍⚕️',
	'ñ'.repeat(NAME_MAX),
	'🌱'.repeat(NAME_MAX),
	'R'
];
const name = fc.oneof(
	fc.constantFrom(...NAMES),
	fc
		.string({ unit: 'grapheme', minLength: 1, maxLength: NAME_MAX })
		.map((s) => cleanName(s))
		.filter((s): s is string => s !== null),
	fc
		.string({ unit: anyChar, minLength: 1, maxLength: NAME_MAX })
		.map((s) => cleanName(s))
		.filter((s): s is string => s !== null)
);
const realInvite: fc.Arbitrary<{ invite: Invite; text: string }> = fc
	.record({ publicKey: fc.uint8Array({ minLength: 32, maxLength: 32 }), name })
	.map((invite) => ({ invite, text: encodeInvite(invite) }));
const inviteText = realInvite.map((r) => r.text);

/** A decoded invite is whole: a 32-byte key, a clean name, and the very text that was read. */
function expectValidInvite(result: ReturnType<typeof decodeInvite>, text: string) {
	if (!result.ok) {
		if (!INVITE_ERRORS.includes(result.error)) expect(INVITE_ERRORS).toContain(result.error);
		return;
	}
	const { publicKey, name } = result.invite;
	same(publicKey instanceof Uint8Array && publicKey.length, 32, 'a 32-byte key');
	same(cleanName(name), name, 'a clean name');
	same([...name].length <= NAME_MAX, true, 'a name of at most NAME_MAX characters');
	// One text per invite: whatever decodes is exactly what encodeInvite writes.
	same(encodeInvite(result.invite), stripHash(text), 'the canonical text');
}

describe('invites: decodeInvite never throws and never returns a wrong invite', () => {
	it('round-trips every real invite', { timeout: TIMEOUT }, () => {
		fuzz(
			'decodeInvite real invites',
			realInvite,
			({ text }) => decodeInvite(text),
			(result, { invite }) => same(result, { ok: true, invite })
		);
	});

	it('arbitrary strings', { timeout: TIMEOUT }, () => {
		const text = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 300 }),
			fc.string({ unit: anyChar, maxLength: 120 }),
			fc.string({ unit: B64_CHAR, maxLength: 260 }).map((data) => `${INVITE_PREFIX}${data}`),
			fc
				.tuple(
					fc.string({ unit: anyChar, maxLength: 6 }),
					fc.string({ unit: anyChar, maxLength: 80 })
				)
				.map((parts) => parts.join('.')),
			fc.stringMatching(/^#?i[0-9]{0,3}\.[A-Za-z0-9_-]{0,80}$/)
		);
		fuzz('decodeInvite arbitrary strings', text, decodeInvite, (result, input) =>
			expectValidInvite(result, input)
		);
	});

	it('bit flips in the decoded bytes are always caught', { timeout: TIMEOUT }, () => {
		const flipped = fc
			.tuple(inviteText, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
			.map(([text, bits]) => {
				const bytes = dataOf(text, INVITE_PREFIX);
				const copy = flipBits(bytes, bits);
				return {
					text: INVITE_PREFIX + toBase64Url(copy),
					changed: !sameBytes(copy, bytes),
					single: bits.length === 1
				};
			});
		fuzz(
			'decodeInvite bit flips',
			flipped,
			({ text }) => decodeInvite(text),
			(result, { text, changed, single }) => {
				expectValidInvite(result, text);
				if (single && changed) same(result, { ok: false, error: 'damaged' });
				if (!changed) same(result.ok, true);
			}
		);
	});

	it('bit flips behind a recomputed checksum reach the name check', { timeout: TIMEOUT }, () => {
		let ok = 0;
		const forged = fc
			.tuple(inviteText, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
			.map(([text, bits]) => {
				const body = dataOf(text, INVITE_PREFIX).slice(0, -2);
				return withChecksum(INVITE_PREFIX, flipBits(body, bits));
			});
		fuzz('decodeInvite forged bit flips', forged, decodeInvite, (result, text) => {
			expectValidInvite(result, text);
			if (result.ok) ok++;
		});
		console.log(`fuzz decodeInvite forged bit flips: ${ok} decoded (another key or name)`);
		expect(ok).toBeGreaterThan(0);
	});

	it('arbitrary bytes behind a valid length and checksum', { timeout: TIMEOUT }, () => {
		let ok = 0;
		const forged = fc
			.tuple(
				fc.uint8Array({ minLength: 32, maxLength: 32 }),
				fc.oneof(
					fc.uint8Array({ maxLength: NAME_MAX * 4 + 8 }),
					fc
						.string({ unit: anyChar, maxLength: NAME_MAX + 4 })
						.map((s) => new TextEncoder().encode(s))
				)
			)
			.map(([key, name]) =>
				withChecksum(INVITE_PREFIX, Uint8Array.from([...key, name.length & 0xff, ...name]))
			);
		fuzz('decodeInvite forged names', forged, decodeInvite, (result, text) => {
			expectValidInvite(result, text);
			if (result.ok) ok++;
			else same(['bad-name', 'damaged'].includes(result.error), true, result.error);
		});
		console.log(`fuzz decodeInvite forged names: ${ok} decoded to valid invites`);
		expect(ok).toBeGreaterThan(0);
	});

	it('every changed character is refused', { timeout: TIMEOUT }, () => {
		fuzz(
			'decodeInvite substitutions',
			substitutions(inviteText),
			({ text }) => decodeInvite(text),
			(result, { real, text }) => {
				expectValidInvite(result, text);
				same(result.ok, text === real);
			}
		);
	});

	it('truncations, insertions and duplicated segments', { timeout: TIMEOUT }, () => {
		fuzz(
			'decodeInvite truncations/insertions/duplications',
			textMutations(inviteText, INVITE_PREFIX),
			decodeInvite,
			(result, text) => expectValidInvite(result, text)
		);
		// A truncated invite is always refused: its length byte no longer matches.
		fuzz(
			'decodeInvite truncations',
			fc.tuple(inviteText, fc.nat()).map(([text, n]) => text.slice(0, n % text.length)),
			decodeInvite,
			(result) => same(result.ok, false)
		);
	});

	it('refuses oversized input at once', { timeout: TIMEOUT }, () => {
		fuzz(
			'decodeInvite oversized',
			oversized(inviteText, INVITE_MAX),
			decodeInvite,
			(result) => same(result, { ok: false, error: 'malformed' }),
			{ runs: Math.min(RUNS, 2000), bound: 1 }
		);
	});
});

// ---------------------------------------------------------------------------------------------
// Sealed links
// ---------------------------------------------------------------------------------------------

/** A complete, reachable answer set: each asked question takes one of its possible answers. */
const answerSet = answerSetOf(flow);

/** The plain fragments sealed: real share links, and any text a later format could hold. */
const plains = [
	...new Set([
		...fc.sample(
			answerSet.map((answers) => encodeAnswers(flow, answers)),
			{ numRuns: 120, seed: 7 }
		),
		...fc
			.sample(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), {
				numRuns: 30,
				seed: 8
			})
			.filter((s) => !s.startsWith('#') && !s.startsWith('h1.') && !s.startsWith('e1.')),
		'x'.repeat(MAX_FRAGMENT)
	])
].filter((s) => s.length <= MAX_FRAGMENT);

const counselor: CounselorKey = await createCounselorKey('Clinic: Room 4');
const others: CounselorKey[] = await Promise.all(
	['Clinic: Room 5', 'Clínica 🌱', 'Clinic: Room 4'].map((n) => createCounselorKey(n))
);
const realSealed: { plain: string; text: string }[] = [];
for (const plain of plains)
	realSealed.push({ plain, text: await sealFragment(plain, inviteOf(counselor)) });
const otherSealed: string[] = [];
for (const [i, plain] of plains.slice(0, 60).entries())
	otherSealed.push(await sealFragment(plain, inviteOf(others[i % others.length] as CounselorKey)));

const sealedReal = fc.constantFrom(...realSealed);
const sealedText = sealedReal.map((r) => r.text);
const open = (text: string) => openSealed(text, counselor);

function expectRefused(result: Awaited<ReturnType<typeof openSealed>>) {
	if (!result.ok && OPEN_ERRORS.includes(result.error)) return;
	expect(result.ok).toBe(false);
	if (!result.ok) expect(OPEN_ERRORS).toContain(result.error);
}

describe('sealed links: openSealed never throws and never opens a wrong fragment', () => {
	it('opens every real sealed link', { timeout: TIMEOUT }, async () => {
		await fuzzAsync(
			'openSealed real links',
			fc.tuple(sealedReal, fc.boolean()),
			([{ text }, hash]) => open(hash ? `#${text}` : text),
			(result, [{ plain }]) => same(result, { ok: true, fragment: plain }),
			{ runs: CRYPTO_RUNS, bound: MAX_CRYPTO_MS }
		);
	});

	it('tells a link sealed to another counselor apart', { timeout: TIMEOUT }, async () => {
		await fuzzAsync('openSealed other keys', fc.constantFrom(...otherSealed), open, (result) =>
			same(result, { ok: false, error: 'other-key' })
		);
	});

	it('arbitrary strings', { timeout: TIMEOUT }, async () => {
		const text = fc.oneof(
			fc.string({ unit: 'binary', maxLength: 300 }),
			fc.string({ unit: anyChar, maxLength: 200 }),
			fc.string({ unit: B64_CHAR, maxLength: 400 }).map((data) => `${SEALED_PREFIX}${data}`),
			fc.uint8Array({ maxLength: 300 }).map((bytes) => SEALED_PREFIX + toBase64Url(bytes)),
			fc.stringMatching(/^#?[a-z]?[0-9]{0,2}\.[A-Za-z0-9_-]{0,200}$/)
		);
		await fuzzAsync('openSealed arbitrary strings', text, open, expectRefused);
	});

	it('bit flips in the decoded bytes are always caught', { timeout: TIMEOUT }, async () => {
		const flipped = fc
			.tuple(sealedReal, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
			.map(([real, bits]) => {
				const bytes = dataOf(real.text, SEALED_PREFIX);
				const copy = flipBits(bytes, bits);
				return {
					...real,
					text: SEALED_PREFIX + toBase64Url(copy),
					changed: !sameBytes(copy, bytes),
					single: bits.length === 1
				};
			});
		await fuzzAsync(
			'openSealed bit flips',
			flipped,
			({ text }) => open(text),
			(result, { plain, changed, single }) => {
				if (!changed) same(result, { ok: true, fragment: plain });
				else expectRefused(result);
				// Fletcher-16 catches every single-bit error, before any cryptography.
				if (single && changed) same(result, { ok: false, error: 'damaged' });
			},
			{ bound: MAX_CRYPTO_MS }
		);
	});

	it(
		'bit flips behind a recomputed checksum fail the AES-GCM tag',
		{ timeout: TIMEOUT },
		async () => {
			const forged = fc
				.tuple(sealedText, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
				.map(([text, bits]) => {
					const body = dataOf(text, SEALED_PREFIX).slice(0, -2);
					const copy = flipBits(body, bits);
					return {
						text: withChecksum(SEALED_PREFIX, copy),
						changed: !sameBytes(copy, body),
						keyIdChanged: !sameBytes(copy.subarray(0, 4), body.subarray(0, 4))
					};
				});
			await fuzzAsync(
				'openSealed forged bit flips',
				forged,
				({ text }) => open(text),
				(result, { changed, keyIdChanged }) => {
					if (!changed) same(result.ok, true);
					// The key id is read before the tag: a changed one reads as made for someone else.
					else if (keyIdChanged) same(result, { ok: false, error: 'other-key' });
					else same(result, { ok: false, error: 'damaged' });
				},
				{ runs: CRYPTO_RUNS, bound: MAX_CRYPTO_MS }
			);
		}
	);

	it('arbitrary bytes behind the key id and a valid checksum', { timeout: TIMEOUT }, async () => {
		let reached = 0;
		const forged = fc
			.oneof(
				// Long enough for an enc and an AES-GCM tag, so the tag is checked.
				fc.uint8Array({ minLength: 32 + 17, maxLength: 700, size: 'max' }),
				fc.uint8Array({ minLength: 32 + 17, maxLength: 120 }),
				fc.uint8Array({ maxLength: 48 }),
				// A real enc (the sender's ephemeral key), then any ciphertext.
				fc
					.tuple(sealedText, fc.uint8Array({ minLength: 17, maxLength: 200 }))
					.map(([text, rest]) =>
						Uint8Array.from([...dataOf(text, SEALED_PREFIX).subarray(4, 36), ...rest])
					)
			)
			.map((rest) => withChecksum(SEALED_PREFIX, Uint8Array.from([...counselor.keyId, ...rest])));
		// Key id, enc, a tag and a byte, checksum: the shortest data that reaches the tag check.
		const shortest = SEALED_PREFIX.length + Math.ceil(((4 + 32 + 17 + 2) * 4) / 3);
		await fuzzAsync(
			'openSealed forged payloads',
			forged,
			open,
			(result, text) => {
				same(result, { ok: false, error: 'damaged' });
				if (text.length >= shortest && text.length <= SEALED_MAX) reached++;
			},
			{ runs: CRYPTO_RUNS, bound: MAX_CRYPTO_MS }
		);
		console.log(`fuzz openSealed forged payloads: ${reached} reached the AES-GCM tag check`);
		expect(reached).toBeGreaterThan(CRYPTO_RUNS / 2);
	});

	it(
		'every changed character is caught before any cryptography',
		{ timeout: TIMEOUT },
		async () => {
			await fuzzAsync(
				'openSealed substitutions',
				substitutions(sealedText),
				({ text }) => open(text),
				(result, { real, text }) => {
					if (text === real) same(result.ok, true);
					else same(result, { ok: false, error: 'damaged' });
				}
			);
		}
	);

	it('truncations, insertions and duplicated segments', { timeout: TIMEOUT }, async () => {
		const real = new Map(realSealed.map((r) => [r.text, r.plain]));
		await fuzzAsync(
			'openSealed truncations/insertions/duplications',
			textMutations(sealedText, SEALED_PREFIX),
			open,
			(result, text) => {
				const plain = real.get(stripHash(text));
				if (plain !== undefined) same(result, { ok: true, fragment: plain });
				else expectRefused(result);
			},
			{ bound: MAX_CRYPTO_MS }
		);
	});

	it('refuses oversized input at once', { timeout: TIMEOUT }, async () => {
		await fuzzAsync(
			'openSealed oversized',
			oversized(sealedText, SEALED_MAX),
			open,
			(result) => same(result, { ok: false, error: 'damaged' }),
			{ runs: Math.min(RUNS, 2000), bound: 1 }
		);
	});
});
