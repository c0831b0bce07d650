/**
 * A counselor invite, and share links only that counselor can open (HPKE, RFC 9180, through Web
 * Crypto with `@hpke/core`: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, base mode).
 *
 * The counselor's browser holds an X25519 key pair (keystore.ts). The invite carries its public key
 * and the short name the counselor chose, in the URL fragment:
 *
 *     i1.<base64url( public key (32) | name length (1) | name, UTF-8 | Fletcher-16 (2) )>
 *
 * The checksum covers `i1.` and every byte before it. A truncated invite is always refused (the
 * length byte no longer matches), and so is any one changed character (Fletcher-16 catches every
 * change of up to 6 bits in two neighbouring bytes, and only canonical base64url is read). Other
 * damage is refused but for a 1 in 65 025 chance, when it yields a different, well-formed invite.
 *
 * A share link made from an invite is the plain share fragment sealed to that key:
 *
 *     h1.<base64url( key id (4) | enc (32) | AES-128-GCM ciphertext and tag (fragment length + 16)
 *                    | Fletcher-16 (2) )>
 *
 * The key id is the first 4 bytes of SHA-256(public key), in the clear so a counselor can be told
 * "this link was made for someone else" rather than "damaged". The checksum (over `h1.` and every
 * byte before it) is read first, so a changed character, a truncated link or a damaged key id read
 * as damaged, never as made for someone else, and are caught without any cryptography. It guards
 * against accidents only: AES-GCM's tag is what makes any change, accidental or not, fail. The HPKE
 * `info` is `support-group-guide invite v1`; the additional data is `h1.`, the key id and the name,
 * so a link opens only for the key and the name the person was shown ("Only Clinic: Room 4 can
 * open it").
 */
import { Aes128Gcm, CipherSuite, DhkemX25519HkdfSha256, HkdfSha256 } from '@hpke/core';
import type { CounselorKey } from './keystore';
import { checksum, fromBase64Url, MAX_FRAGMENT, toBase64Url } from './link';
import { ENCRYPTED_PREFIX } from './passcode';
import { cleanName, NAME_MAX, SEALED_PREFIX } from './invite-names';

export const INVITE_PREFIX = 'i1.';
export { cleanName, NAME_MAX, SEALED_PREFIX };

const KEY_BYTES = 32;
const KEY_ID_BYTES = 4;
const ENC_BYTES = 32;
const TAG_BYTES = 16;
const NAME_BYTES_MAX = NAME_MAX * 4;
const INFO = new TextEncoder().encode('support-group-guide invite v1');

const b64Length = (bytes: number) => Math.ceil((bytes * 4) / 3);
/** The longest invite fragment: a name of NAME_MAX four-byte characters. */
export const INVITE_MAX = INVITE_PREFIX.length + b64Length(KEY_BYTES + 1 + NAME_BYTES_MAX + 2);
/** The longest sealed fragment: it holds a plain fragment of up to MAX_FRAGMENT characters. */
export const SEALED_MAX =
	SEALED_PREFIX.length + b64Length(KEY_ID_BYTES + ENC_BYTES + MAX_FRAGMENT + TAG_BYTES + 2);

export interface Invite {
	/** The counselor's X25519 public key, 32 raw bytes. */
	publicKey: Uint8Array;
	name: string;
}

export type InviteError = 'empty' | 'malformed' | 'unknown-format' | 'damaged' | 'bad-name';
export type OpenError = 'damaged' | 'other-key';

/** What opening a sealed link needs of the counselor's key. */
export type Recipient = Pick<CounselorKey, 'privateKey' | 'publicKey' | 'name' | 'keyId'>;

function stripHash(fragment: string): string {
	return fragment.startsWith('#') ? fragment.slice(1) : fragment;
}

/** Base64url decoded only when it is exactly what toBase64Url writes: one text per byte string. */
function canonicalBytes(text: string): Uint8Array | null {
	const bytes = fromBase64Url(text);
	return bytes !== null && toBase64Url(bytes) === text ? bytes : null;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The invite fragment (without `#`). Throws on a key that is not 32 bytes or an unusable name. */
export function encodeInvite(invite: Invite): string {
	if (invite.publicKey.length !== KEY_BYTES) throw new RangeError('an X25519 key is 32 bytes');
	if (cleanName(invite.name) !== invite.name) throw new RangeError('the name is not usable');
	const name = new TextEncoder().encode(invite.name);
	const body = Uint8Array.from([...invite.publicKey, name.length, ...name]);
	const sum = checksum(INVITE_PREFIX, body);
	return INVITE_PREFIX + toBase64Url(Uint8Array.from([...body, sum >> 8, sum & 0xff]));
}

/** Reads an invite fragment, trusting nothing; never throws. */
export function decodeInvite(
	fragment: string
): { ok: true; invite: Invite } | { ok: false; error: InviteError } {
	const text = stripHash(fragment);
	if (text.length === 0) return { ok: false, error: 'empty' };
	if (text.length > INVITE_MAX) return { ok: false, error: 'malformed' };
	if (!text.startsWith(INVITE_PREFIX))
		return { ok: false, error: /^i[0-9]+\./.test(text) ? 'unknown-format' : 'malformed' };
	const raw = canonicalBytes(text.slice(INVITE_PREFIX.length));
	if (raw === null || raw.length < KEY_BYTES + 1 + 2) return { ok: false, error: 'damaged' };
	const body = raw.subarray(0, raw.length - 2);
	const sum = ((raw[raw.length - 2] as number) << 8) | (raw[raw.length - 1] as number);
	if (body[KEY_BYTES] !== body.length - KEY_BYTES - 1 || sum !== checksum(INVITE_PREFIX, body))
		return { ok: false, error: 'damaged' };
	let name: string;
	try {
		name = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
			body.subarray(KEY_BYTES + 1)
		);
	} catch {
		return { ok: false, error: 'bad-name' };
	}
	if (cleanName(name) !== name) return { ok: false, error: 'bad-name' };
	return { ok: true, invite: { publicKey: body.slice(0, KEY_BYTES), name } };
}

/** The first 4 bytes of SHA-256 of the public key: tells "made for another counselor" apart. */
export async function keyIdOf(publicKey: Uint8Array): Promise<Uint8Array> {
	const digest = await crypto.subtle.digest('SHA-256', Uint8Array.from(publicKey));
	return new Uint8Array(digest, 0, KEY_ID_BYTES).slice();
}

export function isSealed(fragment: string): boolean {
	return stripHash(fragment).startsWith(SEALED_PREFIX);
}

let cipherSuite: CipherSuite | undefined;
function suite(): CipherSuite {
	cipherSuite ??= new CipherSuite({
		kem: new DhkemX25519HkdfSha256(),
		kdf: new HkdfSha256(),
		aead: new Aes128Gcm()
	});
	return cipherSuite;
}

/** The additional data: the format, the key id and the name the person was shown. */
function aadOf(keyId: Uint8Array, name: string): Uint8Array {
	const text = new TextEncoder();
	return Uint8Array.from([...text.encode(SEALED_PREFIX), ...keyId, ...text.encode(name)]);
}

let support: Promise<boolean> | undefined;
/**
 * Whether this browser has Web Crypto X25519 (Chrome 133, Firefox 130, Safari 17 and later):
 * without it, it can neither make a counselor key nor seal a link to one.
 */
export function sealingSupported(): Promise<boolean> {
	support ??= (async () => {
		try {
			await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits']);
			return true;
		} catch {
			return false;
		}
	})();
	return support;
}

/** Whether a plain fragment can be sealed, or come out of a sealed link. */
function isPlainFragment(text: string): boolean {
	return (
		text.length > 0 &&
		text.length <= MAX_FRAGMENT &&
		!text.startsWith(SEALED_PREFIX) &&
		!text.startsWith(ENCRYPTED_PREFIX)
	);
}

/**
 * Seals a plain share fragment to the invite's key: `h1.<key id, enc and ciphertext>`. Rejects on a
 * fragment that is empty, too long or already sealed, on an invalid invite, and where the browser
 * has no X25519 (see sealingSupported) or refuses the key (one of the few low-order points).
 */
export async function sealFragment(fragment: string, invite: Invite): Promise<string> {
	const text = stripHash(fragment);
	if (!isPlainFragment(text)) throw new RangeError('not a plain share fragment');
	if (invite.publicKey.length !== KEY_BYTES || cleanName(invite.name) !== invite.name)
		throw new RangeError('not a valid invite');
	const keyId = await keyIdOf(invite.publicKey);
	const hpke = suite();
	const recipientPublicKey = await hpke.kem.deserializePublicKey(Uint8Array.from(invite.publicKey));
	const { enc, ct } = await hpke.seal(
		{ recipientPublicKey, info: INFO },
		new TextEncoder().encode(text),
		aadOf(keyId, invite.name)
	);
	const body = Uint8Array.from([...keyId, ...new Uint8Array(enc), ...new Uint8Array(ct)]);
	const sum = checksum(SEALED_PREFIX, body);
	return SEALED_PREFIX + toBase64Url(Uint8Array.from([...body, sum >> 8, sum & 0xff]));
}

/**
 * Opens an `h1.` fragment with the counselor's key; never throws. `other-key` when an intact link
 * was sealed to another key; `damaged` for anything else: a changed or truncated link (caught by
 * the checksum, or else by the AES-GCM tag), a forged key id or name, a link too long, or a plain
 * fragment inside that is not one.
 */
export async function openSealed(
	fragment: string,
	key: Recipient
): Promise<{ ok: true; fragment: string } | { ok: false; error: OpenError }> {
	const damaged = { ok: false, error: 'damaged' } as const;
	try {
		const text = stripHash(fragment);
		if (!text.startsWith(SEALED_PREFIX) || text.length > SEALED_MAX) return damaged;
		const raw = canonicalBytes(text.slice(SEALED_PREFIX.length));
		if (raw === null || raw.length < KEY_ID_BYTES + ENC_BYTES + TAG_BYTES + 1 + 2) return damaged;
		const bytes = raw.subarray(0, raw.length - 2);
		const sum = ((raw[raw.length - 2] as number) << 8) | (raw[raw.length - 1] as number);
		if (sum !== checksum(SEALED_PREFIX, bytes)) return damaged;
		const keyId = bytes.subarray(0, KEY_ID_BYTES);
		if (!equalBytes(keyId, key.keyId)) return { ok: false, error: 'other-key' };
		const hpke = suite();
		const plain = await hpke.open(
			{
				recipientKey: {
					privateKey: key.privateKey,
					publicKey: await hpke.kem.deserializePublicKey(Uint8Array.from(key.publicKey))
				},
				enc: bytes.slice(KEY_ID_BYTES, KEY_ID_BYTES + ENC_BYTES),
				info: INFO
			},
			bytes.slice(KEY_ID_BYTES + ENC_BYTES),
			aadOf(keyId, key.name)
		);
		const opened = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(plain);
		return isPlainFragment(opened) ? { ok: true, fragment: opened } : damaged;
	} catch {
		return damaged;
	}
}
