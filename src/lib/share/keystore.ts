/**
 * The counselor's key, on the counselor's device only: an X25519 key pair made by Web Crypto with a
 * non-extractable private key (no script, this one included, can read its bytes), kept in IndexedDB
 * only once the counselor agrees, and deleted with the whole database by "Forget this key".
 *
 * The one record holds the key, its public half, the name and key id of the invite, and the date
 * it was made: never any answers. Browser-only, but safe to import anywhere: IndexedDB is touched
 * only when a function is called.
 */
import { cleanName, keyIdOf, type Invite } from './invite';
import { KEY_DATABASE } from './invite-names';

export interface CounselorKey {
	/** X25519, non-extractable, usable only for deriveBits. */
	privateKey: CryptoKey;
	/** 32 raw bytes. */
	publicKey: Uint8Array;
	name: string;
	/** First 4 bytes of SHA-256(publicKey). */
	keyId: Uint8Array;
	/** When the key was made: an ISO 8601 UTC timestamp (`new Date(created)` reads it). */
	created: string;
}

export const DB_NAME = KEY_DATABASE;
export const STORE = 'keys';
const DB_VERSION = 1;
const RECORD_KEY = 'counselor';
const RECORD_VERSION = 1;
const RECORD_FIELDS = ['created', 'keyId', 'name', 'privateKey', 'publicKey', 'v'];

/**
 * Makes a new key in memory (nothing is stored): the private key cannot be exported. Throws a
 * RangeError on a name cleanName refuses, and rejects where the browser has no X25519.
 */
export async function createCounselorKey(name: string): Promise<CounselorKey> {
	const clean = cleanName(name);
	if (clean === null) throw new RangeError('the name is not usable');
	const pair = await crypto.subtle.generateKey({ name: 'X25519' }, false, ['deriveBits']);
	// The public half of a pair is always exportable.
	const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
	return {
		privateKey: pair.privateKey,
		publicKey,
		name: clean,
		keyId: await keyIdOf(publicKey),
		created: new Date().toISOString()
	};
}

export function inviteOf(key: CounselorKey): Invite {
	return { publicKey: key.publicKey, name: key.name };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

/**
 * Opens the database. With `create` false, a database that does not exist yet is not made (its
 * creation is aborted): merely looking for a key leaves no trace on the device.
 */
function openDb(create: boolean): Promise<IDBDatabase | null> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open(DB_NAME, DB_VERSION);
		let aborted = false;
		open.onupgradeneeded = (event) => {
			if (!create && event.oldVersion === 0) {
				aborted = true;
				open.transaction?.abort();
				return;
			}
			if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
		};
		open.onsuccess = () => {
			const db = open.result;
			// Another tab forgetting the key is never blocked by this one.
			db.onversionchange = () => db.close();
			resolve(db);
		};
		open.onerror = () => (aborted ? resolve(null) : reject(open.error));
	});
}

function done(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('aborted'));
	});
}

/** Saves the key, replacing any other: the store holds one record. */
export async function saveKey(key: CounselorKey): Promise<void> {
	if (key.privateKey.extractable || key.privateKey.type !== 'private')
		throw new TypeError('only a non-extractable private key is stored');
	const db = await openDb(true);
	if (db === null) throw new Error('the key store could not be opened');
	try {
		const tx = db.transaction(STORE, 'readwrite');
		const store = tx.objectStore(STORE);
		store.clear();
		store.put(
			{
				v: RECORD_VERSION,
				privateKey: key.privateKey,
				publicKey: Uint8Array.from(key.publicKey),
				name: key.name,
				keyId: Uint8Array.from(key.keyId),
				created: key.created
			},
			RECORD_KEY
		);
		await done(tx);
	} finally {
		db.close();
	}
}

function isBytes(value: unknown, length: number): value is Uint8Array {
	return value instanceof Uint8Array && value.length === length;
}

const BASE_POINT = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 9 : 0));

/** Whether the private key is the one of the public key: X25519(private, 9) is the public key. */
async function isPairOf(privateKey: CryptoKey, publicKey: Uint8Array): Promise<boolean> {
	const base = await crypto.subtle.importKey('raw', BASE_POINT, { name: 'X25519' }, true, []);
	const derived = new Uint8Array(
		await crypto.subtle.deriveBits({ name: 'X25519', public: base }, privateKey, 256)
	);
	return derived.every((byte, i) => byte === publicKey[i]);
}

/** The record as a key, or null when anything about it is not what saveKey writes. */
async function keyOf(record: unknown): Promise<CounselorKey | null> {
	if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
	const fields = record as Record<string, unknown>;
	if (Object.keys(fields).sort().join() !== RECORD_FIELDS.join()) return null;
	const { v, privateKey, publicKey, name, keyId, created } = fields;
	if (v !== RECORD_VERSION) return null;
	if (
		!(privateKey instanceof CryptoKey) ||
		privateKey.type !== 'private' ||
		privateKey.extractable ||
		privateKey.algorithm.name !== 'X25519' ||
		!privateKey.usages.includes('deriveBits')
	)
		return null;
	if (!isBytes(publicKey, 32) || !isBytes(keyId, 4)) return null;
	if (typeof name !== 'string' || cleanName(name) !== name) return null;
	if (
		typeof created !== 'string' ||
		!/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z$/.test(created) ||
		Number.isNaN(Date.parse(created))
	)
		return null;
	const expected = await keyIdOf(publicKey);
	if (!expected.every((byte, i) => byte === keyId[i])) return null;
	if (!(await isPairOf(privateKey, publicKey))) return null;
	return { privateKey, publicKey, name, keyId, created };
}

/**
 * The saved key, or null when there is none. A record that is not a whole, consistent key is
 * deleted (with the database) and null is returned. Null too where IndexedDB is unavailable.
 */
export async function loadKey(): Promise<CounselorKey | null> {
	if (typeof indexedDB === 'undefined') return null;
	let record: unknown;
	try {
		const db = await openDb(false);
		if (db === null) return null;
		try {
			// A store missing or holding more than one record is not what saveKey writes.
			let records: unknown[] = [null];
			if (db.objectStoreNames.contains(STORE))
				records = await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
			if (records.length === 0) return null;
			record = records.length === 1 ? records[0] : null;
		} finally {
			db.close();
		}
	} catch {
		return null;
	}
	let key: CounselorKey | null = null;
	try {
		key = await keyOf(record);
	} catch {
		key = null;
	}
	if (key === null) await forgetKey().catch(() => undefined);
	return key;
}

/** Deletes the database, and with it the key: links sealed to it can no longer be opened. */
export function forgetKey(): Promise<void> {
	if (typeof indexedDB === 'undefined') return Promise.resolve();
	return new Promise((resolve, reject) => {
		const deletion = indexedDB.deleteDatabase(DB_NAME);
		deletion.onsuccess = () => resolve();
		deletion.onerror = () => reject(deletion.error);
		// Blocked: other tabs close their connection on versionchange, then this succeeds.
	});
}
