/**
 * Screenshots of every screen at phone size, in both languages and both themes:
 * `npm run screenshots` (after `npm run build`). English light ones go in the README.
 */
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright';
import { serve } from './bench/server.ts';
import { chromiumArgs, chromiumPath } from './chromium.js';

const OUT = 'docs/screenshots';

/** Ticks the option at `index` (none when null) and continues to the next screen. */
async function answer(page: Page, index: number | null) {
	const before = await page.locator('[data-step]').getAttribute('data-step');
	if (index !== null) await page.locator('fieldset input').nth(index).check();
	await page.locator('form button[type="submit"]').click();
	await page.waitForFunction(
		(b) => document.querySelector('[data-step]')?.getAttribute('data-step') !== b,
		before
	);
}

// The bench's static server: the built site as a static host serves it.
const server = await serve('build', 'scripts/bench/reference.html');
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
			await page.goto(`${BASE}/?lang=${locale}`);
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
			await shot('1-welcome', false);
			await page.goto(`${BASE}/check`);
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
			await shot('2-question', false);
			// For myself, heroin, neither, in withdrawal now, a severe sign: emergency guidance.
			for (const index of [0, 0, 0, 1]) await answer(page, index);
			await page.locator('fieldset input').nth(1).check();
			await page.locator('form button[type="submit"]').click();
			await page.locator('[data-step="emergency"]').waitFor();
			await shot('3-emergency', false);
			await page.locator('[data-step="emergency"] .actions button').first().click();
			// Open to medication, no spiritual words, meditation yes, tools and skills, online.
			for (const index of [0, 2, 0, 1, 1]) await answer(page, index);
			await answer(page, null);
			await shot('4-review', false);
			await page.locator('.actions button').first().click();
			await page.locator('[data-step="result"]').waitFor();
			await shot('5-result');
			await page.goto(`${BASE}/help`);
			await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
			await shot('6-help', false);
			await context.close();
		}
	}
	await browser.close();
	console.log(`screenshots written to ${OUT}/`);
} finally {
	await server.close();
}
