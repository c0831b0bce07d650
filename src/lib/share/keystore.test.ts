/**
 * The key store under Node: Web Crypto X25519 is Node's own, IndexedDB is fake-indexeddb (a fresh
 * one per test), whose structured clone keeps a CryptoKey as browsers do. The real browser
 * round trip is in the end-to-end tests.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeInvite, encodeInvite, keyIdOf, openSealed, sealFragment } from './invite';
// Imported before IndexedDB exists: importing the store never touches it (the page prerenders).
import {
	createCounselorKey,
	DB_NAME,
	forgetKey,
	inviteOf,
	loadKey,
	saveKey,
	STORE,
	type CounselorKey
} from './keystore';

const PLAIN = '1.opioid-support.2.AQIDBAUGBwgJCgsMDQ4P';

function request<T>(req: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function databases(): Promise<string[]> {
	return (await indexedDB.databases()).map((d) => d.name ?? '');
}

/** Writes records straight into the store, as anything else on the device might. */
async function writeRecords(records: Record<string, unknown>) {
	const open = indexedDB.open(DB_NAME, 1);
	open.onupgradeneeded = () => open.result.createObjectStore(STORE);
	const db = await request(open);
	const tx = db.transaction(STORE, 'readwrite');
	for (const [key, value] of Object.entries(records)) tx.objectStore(STORE).put(value, key);
	await new Promise((resolve) => (tx.oncomplete = resolve));
	db.close();
}

async function storedRecords(): Promise<unknown[]> {
	const db = await request(indexedDB.open(DB_NAME, 1));
	const all = await request(db.transaction(STORE, 'readonly').objectStore(STORE).getAll());
	db.close();
	return all;
}

function recordOf(key: CounselorKey) {
	return {
		v: 1,
		privateKey: key.privateKey,
		publicKey: key.publicKey,
		name: key.name,
		keyId: key.keyId,
		created: key.created
	};
}

describe('making a key', () => {
	it('makes an X25519 key pair whose private key cannot be exported', async () => {
		const key = await createCounselorKey('  Clínica:   Sala 4 ');
		expect(key.name).toBe('Clínica: Sala 4');
		expect(key.publicKey).toBeInstanceOf(Uint8Array);
		expect(key.publicKey.length).toBe(32);
		expect(key.keyId).toEqual(await keyIdOf(key.publicKey));
		expect(key.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
		expect(Date.now() - Date.parse(key.created)).toBeLessThan(60_000);
		expect(key.privateKey.extractable).toBe(false);
		expect(key.privateKey.type).toBe('private');
		expect(key.privateKey.algorithm.name).toBe('X25519');
		expect(key.privateKey.usages).toEqual(['deriveBits']);
		for (const format of ['pkcs8', 'jwk', 'raw'] as const)
			await expect(crypto.subtle.exportKey(format, key.privateKey)).rejects.toThrow();
	});

	it('refuses a name an invite cannot carry', async () => {
		await expect(createCounselorKey('')).rejects.toThrow(RangeError);
		await expect(createCounselorKey('x'.repeat(41))).rejects.toThrow(RangeError);
		await expect(createCounselorKey('Room\u00074')).rejects.toThrow(RangeError);
	});

	it('gives an invite that round-trips and a key that opens what is sealed to it', async () => {
		const key = await createCounselorKey('Clinic: Room 4 🌱');
		const invite = inviteOf(key);
		expect(invite).toEqual({ publicKey: key.publicKey, name: 'Clinic: Room 4 🌱' });
		const decoded = decodeInvite(encodeInvite(invite));
		expect(decoded).toEqual({ ok: true, invite });
		if (!decoded.ok) return;
		const sealed = await sealFragment(PLAIN, decoded.invite);
		expect(await openSealed(sealed, key)).toEqual({ ok: true, fragment: PLAIN });
		const other = await createCounselorKey('Clinic: Room 4 🌱');
		expect(await openSealed(sealed, other)).toEqual({ ok: false, error: 'other-key' });
	});
});

describe('without IndexedDB (the server, a browser that blocks it)', () => {
	it('has no key and nothing to forget; saving fails', async () => {
		expect(typeof indexedDB).toBe('undefined');
		expect(await loadKey()).toBeNull();
		await expect(forgetKey()).resolves.toBeUndefined();
		const key = await createCounselorKey('Room 4');
		await expect(saveKey(key)).rejects.toThrow();
	});
});

describe('the key store', () => {
	beforeEach(() => {
		vi.stubGlobal('indexedDB', new IDBFactory());
	});
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('has no key at first, and looking for one leaves no database behind', async () => {
		expect(await loadKey()).toBeNull();
		expect(await databases()).toEqual([]);
	});

	it('saves and loads the key, which still opens links and still cannot be exported', async () => {
		const key = await createCounselorKey('Clinic: Room 4');
		const sealed = await sealFragment(PLAIN, inviteOf(key));
		await saveKey(key);
		expect(await databases()).toEqual([DB_NAME]);
		const loaded = await loadKey();
		expect(loaded).not.toBeNull();
		if (loaded === null) return;
		expect(loaded.privateKey).not.toBe(key.privateKey);
		expect(loaded.privateKey.extractable).toBe(false);
		await expect(crypto.subtle.exportKey('pkcs8', loaded.privateKey)).rejects.toThrow();
		expect({ ...loaded, privateKey: null }).toEqual({ ...key, privateKey: null });
		expect(await openSealed(sealed, loaded)).toEqual({ ok: true, fragment: PLAIN });
	});

	it('holds one record, of the key only', async () => {
		const first = await createCounselorKey('Room 4');
		const second = await createCounselorKey('Room 5');
		await saveKey(first);
		await saveKey(second);
		const records = await storedRecords();
		expect(records).toHaveLength(1);
		expect(Object.keys(records[0] as object).sort()).toEqual([
			'created',
			'keyId',
			'name',
			'privateKey',
			'publicKey',
			'v'
		]);
		expect((await loadKey())?.name).toBe('Room 5');
	});

	it('never stores an extractable key', async () => {
		const pair = await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']);
		const key = await createCounselorKey('Room 4');
		await expect(saveKey({ ...key, privateKey: pair.privateKey })).rejects.toThrow(TypeError);
		await expect(saveKey({ ...key, privateKey: pair.publicKey })).rejects.toThrow(TypeError);
		expect(await databases()).toEqual([]);
	});

	it('"Forget this key" deletes it: old links can no longer be opened on this device', async () => {
		const key = await createCounselorKey('Room 4');
		const sealed = await sealFragment(PLAIN, inviteOf(key));
		await saveKey(key);
		await forgetKey();
		expect(await databases()).toEqual([]);
		expect(await loadKey()).toBeNull();
		// A new key is another key: the old link says so.
		const next = await createCounselorKey('Room 4');
		await saveKey(next);
		const loaded = await loadKey();
		expect(loaded && (await openSealed(sealed, loaded))).toEqual({
			ok: false,
			error: 'other-key'
		});
		await forgetKey();
		await expect(forgetKey()).resolves.toBeUndefined();
	});

	it('is not blocked by a connection another tab keeps open', async () => {
		await saveKey(await createCounselorKey('Room 4'));
		const open = await request(indexedDB.open(DB_NAME, 1));
		open.onversionchange = () => open.close();
		await forgetKey();
		expect(await databases()).toEqual([]);
	});

	it('deletes a record that is not a whole, consistent key, and reports none', async () => {
		const key = await createCounselorKey('Room 4');
		const other = await createCounselorKey('Room 5');
		const extractable = await crypto.subtle.generateKey({ name: 'X25519' }, true, ['deriveBits']);
		const ecdh = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, [
			'deriveBits'
		]);
		const good = recordOf(key);
		const bad: Record<string, unknown>[] = [
			{ counselor: null },
			{ counselor: 'key' },
			{ counselor: [good] },
			{ counselor: { ...good, v: 2 } },
			{ counselor: { ...good, answers: { who: 'self' } } },
			{ counselor: { ...good, created: undefined } },
			{ counselor: { ...good, created: 'yesterday' } },
			{ counselor: { ...good, created: '2026-13-45T99:99:99.000Z' } },
			{ counselor: { ...good, created: Date.now() } },
			{ counselor: { ...good, name: '' } },
			{ counselor: { ...good, name: ' Room 4' } },
			{ counselor: { ...good, name: 'x'.repeat(41) } },
			{ counselor: { ...good, publicKey: key.publicKey.slice(0, 31) } },
			{ counselor: { ...good, publicKey: [...key.publicKey] } },
			{ counselor: { ...good, keyId: other.keyId } },
			{ counselor: { ...good, publicKey: other.publicKey } },
			// The private key of another pair: X25519(private, 9) is not the public key.
			{ counselor: { ...good, privateKey: other.privateKey } },
			{ counselor: { ...good, privateKey: extractable.privateKey } },
			{ counselor: { ...good, privateKey: extractable.publicKey } },
			{ counselor: { ...good, privateKey: ecdh.privateKey } },
			{ counselor: { ...good, privateKey: { type: 'private' } } },
			{ counselor: good, spare: recordOf(other) }
		];
		for (const records of bad) {
			await writeRecords(records);
			expect(await loadKey(), JSON.stringify(Object.keys(records))).toBeNull();
			expect(await databases()).toEqual([]);
		}
		// The very same record written by hand is a key.
		await writeRecords({ counselor: good });
		expect((await loadKey())?.keyId).toEqual(key.keyId);
	});
});
