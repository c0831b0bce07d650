/**
 * Every end-to-end test runs under a privacy guard: it fails on any request that leaves the
 * origin, any cookie, any localStorage or IndexedDB data, and any console error or page error.
 * The one exception, for tests that ask for it: the counselor's own key database, which may hold
 * one record of key material and nothing else.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { appRunning } from '../../scripts/app-running';
import { en } from '../../src/lib/i18n/en';
import { es } from '../../src/lib/i18n/es';
import type { Locale } from './flow';

/** The app's own strings, per language: for tests that walk in either language. */
export const MESSAGES = { en, es };

export const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

type Guard = {
	/** Off-origin URLs a test expects (the quick-exit destination), answered locally. */
	allowOffOrigin: string[];
	/** The counselor's key database (sgg-counselor) may exist: it is then checked record by record. */
	allowCounselorKey: boolean;
	guard: void;
};

export const test = base.extend<Guard>({
	allowOffOrigin: [[], { option: true }],
	allowCounselorKey: [false, { option: true }],
	guard: [
		async ({ page, context, baseURL, allowOffOrigin, allowCounselorKey }, use) => {
			const origin = new URL(baseURL as string).origin;
			const offOrigin: string[] = [];
			const errors: string[] = [];
			await context.route(
				(url) => url.origin !== origin && url.protocol.startsWith('http'),
				async (route) => {
					const url = route.request().url();
					if (allowOffOrigin.some((allowed) => url.startsWith(allowed)))
						await route.fulfill({
							contentType: 'text/html',
							body: '<title>Weather</title>Weather'
						});
					else {
						offOrigin.push(url);
						await route.abort();
					}
				}
			);
			page.on('console', (m) => {
				if (m.type() === 'error') errors.push(m.text());
			});
			page.on('pageerror', (e) => errors.push(e.message));
			await use();
			expect(offOrigin, 'requests that left the origin').toEqual([]);
			expect(errors, 'console errors').toEqual([]);
			expect(await context.cookies(), 'cookies').toEqual([]);
			const stored = await context.storageState();
			const local = stored.origins.flatMap((o) => o.localStorage);
			expect(local, 'localStorage entries').toEqual([]);
			if (page.url().startsWith(origin)) {
				const databases = await page.evaluate(async () =>
					'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name) : []
				);
				const allowed = allowCounselorKey ? [COUNSELOR_DATABASE] : [];
				expect(
					databases.filter((name) => !allowed.includes(name ?? '')),
					'IndexedDB databases'
				).toEqual([]);
				if (databases.includes(COUNSELOR_DATABASE)) {
					const records = await keyRecords(page);
					expect(records, 'the key database holds key material only').toEqual(
						records.map(() => KEY_RECORD)
					);
				}
			}
		},
		{ auto: true }
	]
});

export { expect };

export const COUNSELOR_DATABASE = 'sgg-counselor';

/** What one kept key may hold: its key pair, the invite's name, its id, when it was made, a format. */
const KEY_RECORD = {
	fields: ['created', 'keyId', 'name', 'privateKey', 'publicKey', 'v'],
	privateKey: { type: 'private', extractable: false, algorithm: 'X25519' }
};

/** Every record of every store of the counselor's database, described field by field. */
export async function keyRecords(page: Page) {
	return page.evaluate(async (name) => {
		const db = await new Promise<IDBDatabase>((ok, fail) => {
			const request = indexedDB.open(name);
			request.onsuccess = () => ok(request.result);
			request.onerror = () => fail(request.error);
		});
		const records: unknown[] = [];
		for (const store of Array.from(db.objectStoreNames)) {
			const all = await new Promise<unknown[]>((ok, fail) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => ok(request.result);
				request.onerror = () => fail(request.error);
			});
			records.push(...all);
		}
		db.close();
		return records.map((record) => {
			const r = record as Record<string, unknown>;
			const key = r.privateKey as CryptoKey | undefined;
			return {
				fields: Object.keys(r).sort(),
				privateKey: key && {
					type: key.type,
					extractable: key.extractable,
					algorithm: key.algorithm.name
				}
			};
		});
	}, COUNSELOR_DATABASE);
}

/** Waits until the app runs (the questionnaire's page starts it at a first touch). */
export const hydrated = (page: Page) => appRunning(page);

/** Loads a page and waits until the app runs. */
export async function open(page: Page, path = '/') {
	await page.goto(path);
	await hydrated(page);
}

/** Starts the questionnaire from the welcome page. */
export async function start(page: Page) {
	await open(page, '/');
	await page.getByRole('link', { name: 'Start' }).click();
	await expect(legend(page)).toBeVisible();
	await hydrated(page);
}

/** The question on screen (the page also holds, hidden, the questions a first answer leads to). */
export function legend(page: Page) {
	return page.locator('fieldset legend:visible');
}

/** Chooses options by their exact label and presses Continue; waits for the next screen. */
export async function answer(page: Page, ...labels: string[]) {
	const before = await step(page).getAttribute('data-step');
	for (const label of labels) await page.getByLabel(label, { exact: true }).check();
	await page.getByRole('button', { name: 'Continue' }).click();
	await expect(step(page)).not.toHaveAttribute('data-step', before ?? '');
}

/**
 * Ticks the options with these values (option ids, the same in every language) and presses
 * Continue, named in the page's language; waits for the next screen.
 */
export async function answerIn(page: Page, locale: Locale, ...values: string[]) {
	const before = await step(page).getAttribute('data-step');
	for (const value of values) await page.locator(`fieldset input[value="${value}"]`).check();
	await page.getByRole('button', { name: MESSAGES[locale].continue, exact: true }).click();
	await expect(step(page)).not.toHaveAttribute('data-step', before ?? '');
}

/** Answers one question per label, in order: a walk through several single-choice screens. */
export async function answerEach(page: Page, labels: string[]) {
	for (const label of labels) await answer(page, label);
}

/** The step the questionnaire shows (question id, emergency, review or result). */
export function step(page: Page) {
	return page.locator('[data-step]');
}
