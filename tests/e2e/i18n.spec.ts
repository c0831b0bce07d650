/**
 * Languages in the address: every page exists in English at its plain path and in Spanish under
 * /es/, each prerendered in its own language. A Spanish speaker never sees English, with or
 * without JavaScript; switching keeps the answers, the step and the counselor's fragment.
 */
import type { Page } from '@playwright/test';
import { flowTexts } from '../../src/lib/flow/texts';
import { en } from '../../src/lib/i18n/en';
import { es } from '../../src/lib/i18n/es';
import { LANGUAGE_OFFERS, LOCALES } from '../../src/lib/i18n/locales';
import { localizedPath } from '../../src/lib/i18n/paths';
import { opioidFlow } from '../flows';
import { PERSONAS } from '../personas';
import { answerIn, expect, legend, open, step, test } from './fixtures';
import { dangerReads, FLOW, prompt } from './flow';

const PAGES = ['/', '/check', '/help', '/about', '/privacy', '/shared'];

/** Every string in a message catalog: plain strings, list items, and the fixed parts of templates. */
function strings(messages: Record<string, unknown>): string[] {
	return Object.values(messages).flatMap((value): string[] => {
		if (typeof value === 'string') return [value];
		if (Array.isArray(value)) return value as string[];
		if (typeof value === 'function') {
			const cut = '\u0001';
			const filled = (value as (...args: string[]) => string)(
				...Array.from({ length: value.length }, () => cut)
			);
			return filled.split(cut);
		}
		return strings(value as Record<string, unknown>);
	});
}

/**
 * English a Spanish page must never show: every English question prompt, and every other English
 * text of the app and the flow of three words or more that Spanish does not share (shorter ones,
 * like "Text", could be part of a Spanish word).
 */
const ENGLISH: string[] = (() => {
	const texts = [...flowTexts(opioidFlow())].map(([, text]) => text);
	const spanish = new Set([...strings(es), ...texts.map((t) => t.es)]);
	const english = [...strings(en), ...texts.map((t) => t.en as string)]
		.map((text) => text.trim())
		.filter((text) => text.split(/\s+/).length >= 3 && !spanish.has(text));
	return [...new Set([...FLOW.questions.map((q) => q.prompt.en), ...english])];
})();

/** English markers in the page's visible text and title. */
async function englishOnScreen(page: Page): Promise<string[]> {
	const text = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
	return ENGLISH.filter((marker) => text.includes(marker));
}

async function expectSpanish(page: Page, where: string) {
	await expect(page.locator('html'), where).toHaveAttribute('lang', 'es');
	expect(await englishOnScreen(page), `English on ${where}`).toEqual([]);
}

/**
 * Records every English marker that is ever put into a Spanish page (/es/…), from the first parse
 * on: text, titles and the labels screen readers read. A flash of English that is gone before a
 * test could look is caught here.
 */
async function recordEnglish(page: Page) {
	await page.addInitScript((markers: string[]) => {
		const seen: string[] = [];
		Object.assign(window, { __english: seen });
		const labels = ['aria-label', 'title', 'placeholder', 'alt'];
		const look = (text: string | null | undefined) => {
			if (!text || !/^\/es(\/|$)/.test(location.pathname)) return;
			for (const marker of markers)
				if (text.includes(marker)) seen.push(`${location.pathname}: ${marker}`);
		};
		new MutationObserver((records) => {
			for (const record of records) {
				if (record.type === 'characterData') look(record.target.textContent);
				if (record.type === 'attributes')
					look((record.target as Element).getAttribute(record.attributeName ?? ''));
				for (const node of record.addedNodes) {
					look(node.textContent);
					if (node instanceof Element)
						for (const el of [node, ...node.querySelectorAll('*')])
							for (const name of labels) look(el.getAttribute(name));
				}
			}
		}).observe(document, {
			childList: true,
			subtree: true,
			characterData: true,
			attributes: true,
			attributeFilter: labels
		});
	}, ENGLISH);
}

async function recordedEnglish(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { __english: string[] }).__english);
}

test('the checks can fail: English pages show the markers, and the recorder sees English', async ({
	page
}) => {
	expect(ENGLISH.length).toBeGreaterThan(200);
	await open(page, '/check');
	expect(await englishOnScreen(page)).toContain(prompt('who'));
	await recordEnglish(page);
	await open(page, '/es/check');
	expect(await recordedEnglish(page)).toEqual([]);
	await page.evaluate((text) => document.querySelector('legend')?.append(text), prompt('who'));
	await expect.poll(() => recordedEnglish(page)).toEqual([`/es/check: ${prompt('who')}`]);
});

test('from the start page on, a Spanish speaker sees no English, to the result', async ({
	page
}) => {
	test.setTimeout(60_000);
	// A loved one: the person's questions, an emergency screen, the family's questions.
	const persona = PERSONAS.find((p) => p.name === 'loved one: son in a program, open to meds');
	if (!persona) throw new Error('persona missing from tests/personas.ts');
	await recordEnglish(page);
	await open(page, '/');
	await page.getByRole('link', { name: 'Español' }).click();
	await expect(page).toHaveURL(/\/es$/);
	await expectSpanish(page, 'the start page');
	await page.getByRole('link', { name: es.start, exact: true }).click();
	await expect(page).toHaveURL(/\/es\/check$/);
	for (const question of FLOW.questions) {
		const value = persona.answers[question.id];
		if (value === undefined) continue;
		await expect(step(page)).toHaveAttribute('data-step', question.id);
		await expect(legend(page)).toHaveText(question.prompt.es);
		await expectSpanish(page, question.id);
		await answerIn(page, 'es', ...(typeof value === 'string' ? [value] : value));
		if (persona.dangers.some((id) => dangerReads(id, question.id))) {
			await expect(step(page)).toHaveAttribute('data-step', 'emergency');
			await expectSpanish(page, `the emergency screen after ${question.id}`);
			await page.getByRole('button', { name: es.emergencyContinue }).click();
		}
	}
	await expect(step(page)).toHaveAttribute('data-step', 'review');
	await expectSpanish(page, 'review');
	await page.getByRole('button', { name: es.seeResult }).click();
	await expect(page.getByRole('heading', { level: 1, name: es.resultHeading })).toBeVisible();
	await expect(page.getByRole('heading', { name: es.shareHeading })).toBeVisible();
	await expectSpanish(page, 'the result');
	expect(await recordedEnglish(page), 'English put into a Spanish page at any moment').toEqual([]);
});

test('switching language keeps the answers and the step, both ways', async ({ page }) => {
	await open(page, '/check');
	await answerIn(page, 'en', 'myself');
	await answerIn(page, 'en', 'heroin');
	await page.getByTestId('language-switch').click();
	await expect(page).toHaveURL(/\/es\/check$/);
	await expect(legend(page)).toHaveText(prompt('other-depressants', 'es'));
	await expect(page.getByTestId('language-switch')).toHaveText('English');
	await page.getByRole('button', { name: es.back, exact: true }).click();
	await expect(legend(page)).toHaveText(prompt('substance', 'es'));
	await expect(page.locator('input[value="heroin"]')).toBeChecked();
	await page.getByTestId('language-switch').click();
	await expect(page).toHaveURL(/\/check$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(legend(page)).toHaveText(prompt('substance'));
	await expect(page.locator('input[value="heroin"]')).toBeChecked();
	// Browser Back returns to the Spanish page, still at the same place.
	await page.goBack();
	await expect(page).toHaveURL(/\/es\/check$/);
	await expect(legend(page)).toHaveText(prompt('substance', 'es'));
});

test("the counselor's page keeps the answers in its fragment across the switch", async ({
	page
}) => {
	await open(page, '/check');
	for (const value of ['myself', 'heroin', 'none', 'in-program', 'none', 'no', 'yes', 'welcome'])
		await answerIn(page, 'en', value);
	for (const value of ['yes', 'steps-sponsor', 'in-person']) await answerIn(page, 'en', value);
	await answerIn(page, 'en');
	await page.getByRole('button', { name: en.seeResult }).click();
	const link = new URL(await page.getByLabel(en.shareLinkLabel).inputValue());
	await open(page, `/shared${link.hash}`);
	await expect(page.locator('[data-flags="none"]')).toHaveText(en.noFlags);
	await page.getByRole('link', { name: 'Español' }).click();
	await expect(page).toHaveURL(`/es/shared${link.hash}`);
	await expect(page.locator('[data-flags="none"]')).toHaveText(es.noFlags);
	await expectSpanish(page, 'the Spanish counselor page');
});

test.describe('old links with ?lang=', () => {
	test('?lang=es opens the same page in Spanish, keeping the fragment', async ({ page }) => {
		await open(page, '/help?lang=es#top');
		await expect(page).toHaveURL('/es/help#top');
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(es.helpTitle);
	});

	test('an unknown language on a Spanish page gets a notice in Spanish', async ({ page }) => {
		await open(page, '/es?lang=fr');
		await expect(page.getByRole('status')).toContainText(es.unknownLocale('fr'));
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await expect(page).toHaveURL('/es?lang=fr');
	});
});

test.describe('a browser that prefers Spanish', () => {
	test.use({ locale: 'es-MX' });

	test('is offered Spanish on the plain start page, never sent there unasked', async ({ page }) => {
		await open(page, '/');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const offer = page.getByRole('link', { name: LANGUAGE_OFFERS.es });
		await expect(offer).toHaveAttribute('lang', 'es');
		await offer.click();
		await expect(page).toHaveURL(/\/es$/);
		await expectSpanish(page, 'the Spanish start page');
		await expect(page.getByTestId('language-offer')).toHaveCount(0);
	});
});

test('a browser that prefers English is offered nothing more', async ({ page }) => {
	await open(page, '/');
	await expect(page.getByRole('link', { name: 'Español' })).toBeVisible();
	// The offer is in the page, hidden, for the inline script to show to a browser that wants it.
	await expect(page.getByTestId('language-offer')).toBeAttached();
	await expect(page.getByTestId('language-offer')).toBeHidden();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	const titles: Record<string, string> = {
		'/': es.appName,
		'/check': `${FLOW.title.es} · ${es.appName}`,
		'/help': `${es.helpTitle} · ${es.appName}`,
		'/about': `${es.aboutTitle} · ${es.appName}`,
		'/privacy': `${es.privacyTitle} · ${es.appName}`,
		'/shared': `${es.sharedTitle} · ${es.appName}`
	};

	for (const path of PAGES)
		test(`${localizedPath(path, 'es')} reads in Spanish and links to Spanish pages`, async ({
			page
		}) => {
			await page.goto(localizedPath(path, 'es'));
			await expect(page).toHaveTitle(titles[path] as string);
			await expectSpanish(page, path);
			if (path === '/check') await expect(legend(page)).toHaveText(prompt('who', 'es'));
			// Every link to this site stays in Spanish, but the one to the same page in English.
			const links = await page.locator('a[href]').evaluateAll((as) =>
				as.map((a) => ({
					href: (a as HTMLAnchorElement).href,
					hreflang: a.getAttribute('hreflang')
				}))
			);
			const origin = new URL(page.url()).origin;
			const internal = links.filter(
				(l) => l.href.startsWith(origin) && !new URL(l.href).hash.startsWith('#main')
			);
			expect(internal.length).toBeGreaterThanOrEqual(5);
			for (const { href, hreflang } of internal) {
				const { pathname } = new URL(href);
				if (hreflang === 'en') expect(pathname, href).toBe(path);
				else expect(pathname, href).toMatch(/^\/es(\/|$)/);
			}
		});

	test('the language links switch between the prerendered pages', async ({ page }) => {
		await page.goto('/help');
		await page.getByRole('link', { name: 'Español' }).click();
		await expect(page).toHaveURL(/\/es\/help$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(es.helpTitle);
		await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('hreflang', 'en');
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page).toHaveURL(/\/help$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.helpTitle);
	});

	test('every page in every language names all its languages for search engines', async ({
		page
	}) => {
		for (const locale of LOCALES)
			for (const path of PAGES) {
				const here = localizedPath(path, locale);
				await page.goto(here);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				const alternates = await page
					.locator('link[rel="alternate"][hreflang]')
					.evaluateAll((links) =>
						links.map((l) => [
							l.getAttribute('hreflang'),
							new URL((l as HTMLLinkElement).href).pathname
						])
					);
				expect(alternates, here).toEqual([
					...LOCALES.map((other) => [other, localizedPath(path, other)]),
					['x-default', path]
				]);
			}
	});
});
