import { createHash } from 'node:crypto';
import { Aes128Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_ANSWERS, opioidFlow } from '../../../tests/flows';
import {
	cleanName,
	decodeInvite,
	encodeInvite,
	INVITE_MAX,
	INVITE_PREFIX,
	isSealed,
	keyIdOf,
	NAME_MAX,
	openSealed,
	SEALED_MAX,
	SEALED_PREFIX,
	sealFragment,
	sealingSupported,
	type Invite
} from './invite';
import { createCounselorKey, inviteOf, type CounselorKey } from './keystore';
import { checksum, encodeAnswers, fromBase64Url, MAX_FRAGMENT, toBase64Url } from './link';

const flow = opioidFlow();
/** A family member: every question asked of them is answered (as in passcode.test.ts). */
const plain = encodeAnswers(flow, FAMILY_ANSWERS);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** An invite body with a correct length byte and checksum around any name bytes. */
function forgeInvite(publicKey: Uint8Array, name: Uint8Array): string {
	const body = Uint8Array.from([...publicKey, name.length, ...name]);
	const sum = checksum(INVITE_PREFIX, body);
	return INVITE_PREFIX + toBase64Url(Uint8Array.from([...body, sum >> 8, sum & 0xff]));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

let counselor: CounselorKey;
let other: CounselorKey;
let invite: Invite;
let sealed: string;

beforeAll(async () => {
	counselor = await createCounselorKey('Clinic: Room 4');
	other = await createCounselorKey('Clinic: Room 5');
	invite = inviteOf(counselor);
	sealed = await sealFragment(plain, invite);
});

describe('invites', () => {
	it.each([
		'Clinic: Room 4',
		'Clínica: Sala 4 — Dra. Núñez',
		'🌱 Grupo del martes 👩‍⚕️',
		'👩‍👩‍👧‍👦'.repeat(5),
		'Glasgow 🏴󠁧󠁢󠁳󠁣󠁴󠁿',
		'ñ'.repeat(NAME_MAX),
		'🌱'.repeat(NAME_MAX)
	])('round-trips %s', (name) => {
		const fragment = encodeInvite({ publicKey: invite.publicKey, name });
		expect(fragment.startsWith(INVITE_PREFIX)).toBe(true);
		expect(fragment.length).toBeLessThanOrEqual(INVITE_MAX);
		expect(decodeInvite(fragment)).toEqual({
			ok: true,
			invite: { publicKey: invite.publicKey, name }
		});
		expect(decodeInvite(`#${fragment}`)).toEqual(decodeInvite(fragment));
	});

	it('is short: a QR code and a link both carry it', () => {
		const fragment = encodeInvite(invite);
		console.log(`invite for "Clinic: Room 4": ${fragment.length} characters (${fragment})`);
		expect(fragment.length).toBe(3 + Math.ceil(((32 + 1 + 14 + 2) * 4) / 3));
		expect(INVITE_MAX).toBe(263);
	});

	it('cleans a name, and refuses what cannot be shown safely', () => {
		expect(cleanName('  Clinic:\tRoom   4 \n')).toBe('Clinic: Room 4');
		expect(cleanName('Cli\u0301nica')).toBe('Clínica');
		expect(cleanName('x'.repeat(NAME_MAX))).toBe('x'.repeat(NAME_MAX));
		expect(cleanName('Room\u2028\u00a04')).toBe('Room 4');
		for (const bad of [
			'',
			'   ',
			'x'.repeat(NAME_MAX + 1),
			'Room\u00074',
			'Room\u007f4',
			'Room \u202eevil',
			'Room \u2066x\u2069',
			'Room\u200b4',
			'Room \ud800'
		])
			expect(cleanName(bad), JSON.stringify(bad)).toBeNull();
		expect(() => encodeInvite({ publicKey: invite.publicKey, name: 'x'.repeat(41) })).toThrow();
		expect(() => encodeInvite({ publicKey: invite.publicKey, name: ' Room 4' })).toThrow();
		expect(() => encodeInvite({ publicKey: new Uint8Array(31), name: 'Room 4' })).toThrow();
	});

	it('refuses a name that is too long, not clean or not UTF-8, even behind a good checksum', () => {
		const key = invite.publicKey;
		for (const name of [
			utf8('x'.repeat(NAME_MAX + 1)),
			utf8('Room\u00074'),
			utf8('Room \u202eevil'),
			utf8(' Room 4'),
			utf8('Room  4'),
			utf8('Cli\u0301nica'),
			new Uint8Array(0),
			Uint8Array.from([0x52, 0xff, 0x34]),
			Uint8Array.from([0xed, 0xa0, 0x80]),
			Uint8Array.from([0xef, 0xbb, 0xbf, 0x52])
		])
			expect(decodeInvite(forgeInvite(key, name))).toEqual({ ok: false, error: 'bad-name' });
		expect(decodeInvite(forgeInvite(key, utf8('Room 4')))).toEqual({
			ok: true,
			invite: { publicKey: key, name: 'Room 4' }
		});
	});

	it('says what is wrong with anything else', () => {
		const fragment = encodeInvite(invite);
		expect(decodeInvite('')).toEqual({ ok: false, error: 'empty' });
		expect(decodeInvite('#')).toEqual({ ok: false, error: 'empty' });
		expect(decodeInvite('hello')).toEqual({ ok: false, error: 'malformed' });
		expect(decodeInvite(plain)).toEqual({ ok: false, error: 'malformed' });
		expect(decodeInvite(sealed)).toEqual({ ok: false, error: 'malformed' });
		expect(decodeInvite(`i2.${fragment.slice(3)}`)).toEqual({
			ok: false,
			error: 'unknown-format'
		});
		expect(decodeInvite('i1.***')).toEqual({ ok: false, error: 'damaged' });
		expect(decodeInvite(`${fragment}.x`)).toEqual({ ok: false, error: 'damaged' });
		expect(decodeInvite(fragment + 'A'.repeat(INVITE_MAX))).toEqual({
			ok: false,
			error: 'malformed'
		});
	});

	it('refuses every truncation and every changed character', () => {
		const fragment = encodeInvite({ publicKey: invite.publicKey, name: 'Clínica 🌱' });
		for (let n = 0; n < fragment.length; n++)
			expect(decodeInvite(fragment.slice(0, n)).ok).toBe(false);
		for (let i = 0; i < fragment.length; i++)
			for (const char of `${B64}.#= é`) {
				if (char === fragment[i]) continue;
				const changed = fragment.slice(0, i) + char + fragment.slice(i + 1);
				const decoded = decodeInvite(changed);
				expect(decoded.ok, changed).toBe(false);
			}
	});
});

describe('sealed links', () => {
	it('key ids are the first 4 bytes of SHA-256 of the public key', async () => {
		const digest = createHash('sha256').update(counselor.publicKey).digest();
		expect(await keyIdOf(counselor.publicKey)).toEqual(new Uint8Array(digest.subarray(0, 4)));
		expect(counselor.keyId).toEqual(await keyIdOf(counselor.publicKey));
	});

	it('round-trip, hiding the answers; only the counselor holding the key opens them', async () => {
		expect(await sealingSupported()).toBe(true);
		expect(isSealed(sealed)).toBe(true);
		expect(isSealed(`#${sealed}`)).toBe(true);
		expect(isSealed(plain)).toBe(false);
		expect(sealed).not.toContain(flow.id);
		expect(await openSealed(sealed, counselor)).toEqual({ ok: true, fragment: plain });
		expect(await openSealed(`#${sealed}`, counselor)).toEqual({ ok: true, fragment: plain });
		expect(await sealFragment(`#${plain}`, invite)).not.toBe(sealed);
		const url = `https://support-group-guide.invalid/shared#${sealed}`;
		console.log(
			`sealed: plain ${plain.length} → sealed ${sealed.length} characters, URL ${url.length}`
		);
		expect(sealed.length).toBe(3 + Math.ceil(((4 + 32 + plain.length + 16 + 2) * 4) / 3));
	});

	it('tells a link made for another counselor apart from a damaged one', async () => {
		expect(await openSealed(sealed, other)).toEqual({ ok: false, error: 'other-key' });
		// A forged key id: the right id, the wrong private key.
		const forged = { ...other, keyId: counselor.keyId };
		expect(await openSealed(sealed, forged)).toEqual({ ok: false, error: 'damaged' });
		// The same key under another name: the name the person was shown is bound to the link.
		const renamed = { ...counselor, name: 'Clinic: Room 5' };
		expect(await openSealed(sealed, renamed)).toEqual({ ok: false, error: 'damaged' });
	});

	it('follows the documented layout (RFC 9180 base mode, read independently)', async () => {
		const bytes = fromBase64Url(sealed.slice(SEALED_PREFIX.length)) as Uint8Array;
		expect(bytes.length).toBe(4 + 32 + plain.length + 16 + 2);
		const sum = checksum('h1.', bytes.subarray(0, -2));
		expect([...bytes.slice(-2)]).toEqual([sum >> 8, sum & 0xff]);
		expect(bytes.slice(0, 4)).toEqual(counselor.keyId);
		const suite = new CipherSuite({
			kem: new DhkemX25519HkdfSha256(),
			kdf: new HkdfSha256(),
			aead: new Aes128Gcm()
		});
		const publicKey = await suite.kem.deserializePublicKey(counselor.publicKey.slice());
		const opened = await suite.open(
			{
				recipientKey: { privateKey: counselor.privateKey, publicKey },
				enc: bytes.slice(4, 36),
				info: utf8('support-group-guide invite v1')
			},
			bytes.slice(36, -2),
			Uint8Array.from([...utf8('h1.'), ...counselor.keyId, ...utf8('Clinic: Room 4')])
		);
		expect(new TextDecoder().decode(opened)).toBe(plain);
	});

	it('never opens a truncated or changed link into a wrong fragment', async () => {
		for (let n = 0; n < sealed.length; n++) {
			const opened = await openSealed(sealed.slice(0, n), counselor);
			expect(opened.ok, `truncated to ${n}`).toBe(false);
		}
		// The checksum catches each one: none reads as made for someone else.
		for (let i = 0; i < sealed.length; i++)
			for (const char of `${B64}.#`) {
				if (char === sealed[i]) continue;
				const changed = sealed.slice(0, i) + char + sealed.slice(i + 1);
				expect(await openSealed(changed, counselor), changed).toEqual({
					ok: false,
					error: 'damaged'
				});
			}
	});

	it('refuses the wrong prefix, bad base64, a too short or too long link', async () => {
		for (const text of [
			'',
			plain,
			'e1.AAAA',
			'h1.',
			'h1.***',
			`h1.${toBase64Url(new Uint8Array(52))}`,
			`h1.${'A'.repeat(SEALED_MAX)}`,
			`${sealed}A`,
			`${sealed}.`,
			sealed + sealed.slice(3)
		])
			expect(await openSealed(text, counselor), text.slice(0, 40)).toEqual({
				ok: false,
				error: 'damaged'
			});
	});

	it('seals only a plain fragment, to a valid invite', async () => {
		await expect(sealFragment('', invite)).rejects.toThrow(RangeError);
		await expect(sealFragment(sealed, invite)).rejects.toThrow(RangeError);
		await expect(sealFragment('e1.abc', invite)).rejects.toThrow(RangeError);
		await expect(sealFragment('x'.repeat(MAX_FRAGMENT + 1), invite)).rejects.toThrow(RangeError);
		await expect(sealFragment(plain, { ...invite, name: '' })).rejects.toThrow(RangeError);
		await expect(
			sealFragment(plain, { publicKey: new Uint8Array(33), name: 'Room 4' })
		).rejects.toThrow(RangeError);
		// A low-order point Web Crypto refuses.
		await expect(
			sealFragment(plain, { publicKey: new Uint8Array(32), name: 'Room 4' })
		).rejects.toThrow();
		// The longest plain fragment fits in SEALED_MAX.
		const longest = await sealFragment('x'.repeat(MAX_FRAGMENT), invite);
		expect(longest.length).toBe(SEALED_MAX);
		expect(await openSealed(longest, counselor)).toEqual({
			ok: true,
			fragment: 'x'.repeat(MAX_FRAGMENT)
		});
	});
});
