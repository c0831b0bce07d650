/**
 * On a 360×740 phone, as a person in crisis meets it: the emergency call is above the fold, Quick
 * exit stays on screen and works before (and without) script, each question is a heading with its
 * own page title and is heard once, nothing runs off the side at 200 % text, and an unknown address
 * gets a real "page not found".
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
	answer,
	answerIn,
	expect,
	MESSAGES,
	NEUTRAL_SITE,
	open,
	start,
	step,
	test
} from './fixtures';
import { labelOf, prompt, type Locale } from './flow';

const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE });

/** Where an element sits on the page, and whether it is all inside the first screen. */
async function box(page: Page, selector: string) {
	const b = await page.locator(selector).first().boundingBox();
	if (!b) throw new Error(`${selector} is not shown`);
	return { top: Math.round(b.y), bottom: Math.round(b.y + b.height), height: b.height };
}

async function toDangerQuestion(page: Page) {
	await start(page);
	await answer(page, 'For myself');
	await answer(page, 'Fentanyl, or pills that may contain it');
	await answer(page, 'No, neither');
	await answer(page, 'Stopped without medical help');
	await expect(step(page)).toHaveAttribute('data-step', 'danger-signs');
}

test.describe('emergency screens', () => {
	for (const [sign, call] of [
		['overdose-signs', 'Call 911'],
		['self-harm', 'Call 988']
	] as const)
		test(`${sign}: "${call}" is under the heading, above the fold, not scrolled`, async ({
			page
		}) => {
			await toDangerQuestion(page);
			// The last screen was scrolled down to its Continue button, as a thumb leaves it.
			await page.getByRole('button', { name: 'Continue' }).scrollIntoViewIfNeeded();
			await answer(page, labelOf('danger-signs', sign));
			await expect(step(page)).toHaveAttribute('data-step', 'emergency');
			await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
			expect(await page.evaluate(() => scrollY), 'the screen opens at its top').toBe(0);
			const button = await box(page, '[data-step="emergency"] .urgent a[href^="tel:"]');
			console.log(`${call}: ${button.top}–${button.bottom} px on a ${PHONE.height} px screen`);
			expect(button.bottom).toBeLessThanOrEqual(PHONE.height);
			await expect(page.locator('.urgent a[href^="tel:"]')).toHaveText(call);
			const exit = await box(page, 'header .exit');
			expect(exit.top).toBeGreaterThanOrEqual(0);
			// Staying is a choice, not the next step: it looks secondary.
			await expect(page.getByRole('button', { name: 'I am safe, continue' })).toHaveClass(
				/secondary/
			);
		});
});

test.describe('Quick exit', () => {
	test.use({ allowOffOrigin: ['https://www.bbc.co.uk/'] });

	test('stays on screen at the bottom of a long page, a full 44 px target', async ({ page }) => {
		await open(page, '/help');
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		expect(height, 'the help page is longer than a screen').toBeGreaterThan(PHONE.height * 2);
		await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
		const exit = page.getByRole('button', { name: 'Quick exit' });
		await expect(exit).toBeInViewport({ ratio: 1 });
		const b = await box(page, 'header .exit');
		expect(b.top).toBeGreaterThanOrEqual(0);
		expect(b.height).toBeGreaterThanOrEqual(44);
		// It is a link to the neutral site, so a tap works before the page has hydrated.
		await expect(exit).toHaveAttribute('href', NEUTRAL_SITE);
		// Text zoomed to 200 %: still there, still on screen.
		await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
		await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
		await expect(exit).toBeInViewport({ ratio: 1 });
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('the link still leaves for the neutral site', async ({ page }) => {
			await page.goto('/es/help');
			await page.getByRole('button', { name: MESSAGES.es.quickExit }).click();
			await page.waitForURL(NEUTRAL_SITE);
			expect(page.url()).toBe(NEUTRAL_SITE);
		});
	});
});

test.describe('question pages', () => {
	test('the question is a heading in the legend, with a title of its own, heard once', async ({
		page
	}) => {
		await start(page);
		await answer(page, 'For myself');
		const legend = page.locator('fieldset legend');
		await expect(legend.getByRole('heading', { level: 1 })).toHaveText(prompt('substance'));
		await expect(page.getByRole('group', { name: prompt('substance') })).toBeVisible();
		await expect(legend).toBeFocused();
		await expect(page).toHaveTitle(
			`Question 2 of about ${await total(page)}: ${prompt('substance')} · ${MESSAGES.en.appName}`
		);
		// The live region says only what the focused heading does not: the progress; the one the
		// page's inline script uses before the app runs says nothing more.
		const live = page.locator('[data-announce]');
		await expect(live).toHaveAttribute('aria-live', 'polite');
		await expect(live).toHaveText(/^Question 2 of about \d+$/);
		await expect(page.locator('#early-announce')).toHaveText('');
		expect(await live.textContent()).not.toContain(prompt('substance'));
		// The accessibility tree holds the question once as a heading, inside the group.
		const tree = await page.locator('main').ariaSnapshot();
		expect(tree.split(prompt('substance')).length - 1, tree).toBe(2); // group name + heading
		await answer(page, 'Heroin');
		await answer(page, 'No, neither');
		await answer(page, 'Stopped without medical help');
		await answer(page, labelOf('danger-signs', 'overdose-signs'));
		await expect(page).toHaveTitle(`${MESSAGES.en.emergencyHeading} · ${MESSAGES.en.appName}`);
		await expect(live).toHaveText('');
	});

	for (const locale of ['en', 'es'] as const)
		test(`${locale}: nothing runs off the side at 320 px and 200 % text`, async ({ page }) => {
			await page.setViewportSize({ width: 320, height: 640 });
			await open(page, locale === 'en' ? '/check' : '/es/check');
			await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
			const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
			const widths: Record<string, number> = {};
			for (const value of ['loved-one', 'fentanyl', 'both']) {
				widths[(await step(page).getAttribute('data-step')) ?? ''] = await overflow();
				await answerIn(page, locale, value);
			}
			await page.getByRole('button', { name: MESSAGES[locale].emergencyContinue }).click();
			for (const value of ['withdrawal-now']) {
				widths[(await step(page).getAttribute('data-step')) ?? ''] = await overflow();
				await answerIn(page, locale, value);
			}
			widths['danger-signs'] = await overflow();
			console.log(`${locale} sideways overflow at 200 % text, px: ${JSON.stringify(widths)}`);
			expect(Object.values(widths).every((px) => px <= 0)).toBe(true);
		});
});

/** The "about N" of the progress line. */
async function total(page: Page) {
	const text = (await page.locator('.progress').textContent()) ?? '';
	return text.match(/about (\d+)/)?.[1];
}

test.describe('an address that is not there', () => {
	test('gets status 404 from the server', async ({ page }) => {
		// A request, not a page load: Chromium logs a 404 page as a console error, which the guard counts.
		const response = await page.request.get('/es/no/such/page');
		expect(response.status()).toBe(404);
	});

	for (const [locale, file, title] of [
		['en', 'build/404.html', 'Page not found'],
		['es', 'build/es/404.html', 'No se encontró la página']
	] as [Locale, string, string][])
		test(`${locale}: 404.html, as a static host serves it, reads at any depth`, async ({
			page
		}) => {
			const path = locale === 'en' ? '/a/b/c' : '/es/a/b/c';
			// Hosts send it with status 404; it is served here with 200 for the guard's sake (above).
			await page.route(`**${path}`, (route) =>
				route.fulfill({ contentType: 'text/html', body: readFileSync(file, 'utf8') })
			);
			const failed: string[] = [];
			page.on('response', (r) => {
				if (r.status() >= 400) failed.push(r.url());
			});
			page.on('requestfailed', (r) => failed.push(r.url()));
			await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			// A plain page: no script to load at this depth, and its styles come from /_app.
			await expect(page.locator('script[src], link[rel="modulepreload"]')).toHaveCount(0);
			const exit = page.getByRole('button', { name: MESSAGES[locale].quickExit });
			await expect(exit).toHaveAttribute('href', NEUTRAL_SITE);
			expect(await exit.evaluate((el) => getComputedStyle(el).minHeight)).toBe('44px');
			await expect(
				page.getByRole('link', {
					name: locale === 'en' ? 'Go to the start page' : 'Ir a la página de inicio'
				})
			).toHaveAttribute('href', locale === 'en' ? '/' : '/es');
			expect(failed).toEqual([]);
		});
});
