/**
 * Screenshots of every screen at phone size, in both languages and both themes:
 * `npm run screenshots` (after `npm run build`). English light ones go in the README.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright';
import { localizedPath } from '../src/lib/i18n/paths.ts';
import { appRunning } from './app-running.ts';
import { serve } from './bench/server.ts';
import { chromiumArgs, chromiumPath } from './chromium.js';

const OUT = 'docs/screenshots';

type Prompted = { questions: { id: string; prompt: Record<string, string> }[] };
const flow = JSON.parse(readFileSync('flows/opioid-support.json', 'utf8')) as Prompted;

/** Waits until the app runs, on a page in the language. */
async function ready(page: Page, locale: string) {
	await appRunning(page);
	await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
}

/** Ticks the options with these values (none for an optional question) and continues. */
async function answer(page: Page, ...values: string[]) {
	const before = await page.locator('[data-step]').getAttribute('data-step');
	for (const value of values) await page.locator(`fieldset input[value="${value}"]`).check();
	await page.locator('form button[type="submit"]').click();
	await page.waitForFunction(
		(b) => document.querySelector('[data-step]')?.getAttribute('data-step') !== b,
		before
	);
}

// The bench's static server: the built site as a static host serves it.
const server = await serve('build', {});
const BASE = server.origin;
try {
	mkdirSync(OUT, { recursive: true });
	const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
	for (const locale of ['en', 'es'] as const) {
		for (const colorScheme of ['light', 'dark'] as const) {
			const context = await browser.newContext({
				viewport: { width: 390, height: 844 },
				deviceScaleFactor: 1,
				colorScheme
			});
			const page = await context.newPage();
			// Long pages are cut at three screens: enough to see the layout, small enough for git.
			const shot = (name: string, fullPage = true) =>
				page.screenshot({
					path: `${OUT}/${name}-${locale}-${colorScheme}.png`,
					fullPage,
					clip: fullPage ? { x: 0, y: 0, width: 390, height: 2400 } : undefined
				});
			// Each language has its own pages: /check in English, /es/check in Spanish.
			const at = (path: string) => BASE + localizedPath(path, locale);
			await page.goto(at('/'));
			await ready(page, locale);
			await shot('1-welcome', false);
			await page.goto(at('/check'));
			await ready(page, locale);
			const first = flow.questions[0];
			if (first)
				await page
					.locator('fieldset legend', { hasText: first.prompt[locale] })
					.waitFor({ state: 'visible' });
			await shot('2-question', false);
			// For myself, heroin, neither, in withdrawal now, then a severe sign ticked on the danger
			// question (checkboxes): emergency guidance.
			for (const value of ['myself', 'heroin', 'none', 'withdrawal-now']) await answer(page, value);
			await answer(page, 'severe-symptoms');
			await page.locator('[data-step="emergency"]').waitFor();
			await shot('3-emergency', false);
			await page.locator('[data-step="emergency"] .actions button').first().click();
			await page.locator('[data-step="pregnant"]').waitFor();
			// Not pregnant, open to medication, no spiritual words, meditation yes, tools and
			// skills, online, no group preferences.
			for (const value of ['no', 'yes', 'none', 'yes', 'tools-skills', 'online'])
				await answer(page, value);
			await answer(page);
			await page.locator('[data-step="review"]').waitFor();
			await shot('4-review', false);
			await page.locator('.actions button').first().click();
			await page.locator('[data-step="result"]').waitFor();
			await shot('5-result');
			await page.goto(at('/help'));
			await ready(page, locale);
			await shot('6-help', false);
			await context.close();
		}
	}
	await browser.close();
	console.log(`screenshots written to ${OUT}/`);
} finally {
	await server.close();
}
