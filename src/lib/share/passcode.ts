/**
 * An optional passcode on a share link: the fragment is encrypted with AES-GCM under a key derived
 * from the passcode with PBKDF2 (Web Crypto only). AES-GCM's tag makes a wrong passcode and a
 * changed character fail the same safe way.
 */
import { fromBase64Url, MAX_FRAGMENT, toBase64Url } from './link';

export const ENCRYPTED_PREFIX = 'e1.';
const ITERATIONS = 150_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export function isEncrypted(fragment: string): boolean {
	return fragment.replace(/^#/, '').startsWith(ENCRYPTED_PREFIX);
}

async function keyFor(passcode: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
	const material = await crypto.subtle.importKey(
		'raw',
		new TextEncoder().encode(passcode.normalize('NFC')),
		'PBKDF2',
		false,
		['deriveKey']
	);
	return crypto.subtle.deriveKey(
		{ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: ITERATIONS },
		material,
		{ name: 'AES-GCM', length: 256 },
		false,
		['encrypt', 'decrypt']
	);
}

/** Encrypts a share fragment; the result is itself a fragment: `e1.<salt, iv and ciphertext>`. */
export async function encryptFragment(fragment: string, passcode: string): Promise<string> {
	const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const key = await keyFor(passcode, salt);
	const sealed = new Uint8Array(
		await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(fragment))
	);
	return ENCRYPTED_PREFIX + toBase64Url(Uint8Array.from([...salt, ...iv, ...sealed]));
}

export type Decrypted =
	{ ok: true; fragment: string } | { ok: false; error: 'damaged' | 'wrong-passcode' };

/** Decrypts an `e1.` fragment; never throws. */
export async function decryptFragment(fragment: string, passcode: string): Promise<Decrypted> {
	const text = fragment.replace(/^#/, '');
	if (!text.startsWith(ENCRYPTED_PREFIX) || text.length > MAX_FRAGMENT)
		return { ok: false, error: 'damaged' };
	const bytes = fromBase64Url(text.slice(ENCRYPTED_PREFIX.length));
	// 16 bytes of AES-GCM tag at least follow the salt and the iv.
	if (bytes === null || bytes.length < SALT_BYTES + IV_BYTES + 17)
		return { ok: false, error: 'damaged' };
	const salt = bytes.slice(0, SALT_BYTES);
	const iv = bytes.slice(SALT_BYTES, SALT_BYTES + IV_BYTES);
	try {
		const key = await keyFor(passcode, salt);
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv },
			key,
			bytes.slice(SALT_BYTES + IV_BYTES)
		);
		return { ok: true, fragment: new TextDecoder('utf-8', { fatal: true }).decode(plain) };
	} catch {
		// A wrong passcode and a changed byte look the same to AES-GCM: both fail its tag.
		return { ok: false, error: 'wrong-passcode' };
	}
}
