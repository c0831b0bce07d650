/**
 * Every end-to-end test runs under a privacy guard: it fails on any request that leaves the
 * origin, any cookie, any localStorage or IndexedDB data, and any console error or page error.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { en } from '../../src/lib/i18n/en';
import { es } from '../../src/lib/i18n/es';
import type { Locale } from './flow';

/** The app's own strings, per language: for tests that walk in either language. */
export const MESSAGES = { en, es };

export const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

type Guard = {
	/** Off-origin URLs a test expects (the quick-exit destination), answered locally. */
	allowOffOrigin: string[];
	guard: void;
};

export const test = base.extend<Guard>({
	allowOffOrigin: [[], { option: true }],
	guard: [
		async ({ page, context, baseURL, allowOffOrigin }, use) => {
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
				expect(databases, 'IndexedDB databases').toEqual([]);
			}
		},
		{ auto: true }
	]
});

export { expect };

/** Loads a page and waits until the app handles input (clicks before hydration are lost). */
export async function open(page: Page, path = '/') {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Starts the questionnaire from the welcome page. */
export async function start(page: Page) {
	await open(page, '/');
	await page.getByRole('link', { name: 'Start' }).click();
	await expect(page.locator('fieldset legend')).toBeVisible();
}

export function legend(page: Page) {
	return page.locator('fieldset legend');
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
