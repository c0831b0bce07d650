/**
 * The printed result (issue #13): a typical result fits two pages, and no printed heading stands
 * without text under it (the "Help that works alongside groups" section once printed bare titles).
 */
import type { Page } from '@playwright/test';
import { PERSONAS } from '../personas';
import { expect, test } from './fixtures';
import { openResult } from './result-walk';

const TYPICAL = ['buprenorphine, secular, tools, online', 'just out of supervised detox'];

/** Headings that print with nothing after them before the next heading of the same or a higher level. */
async function emptyPrintedHeadings(page: Page): Promise<string[]> {
	await page.emulateMedia({ media: 'print' });
	const empty = await page.evaluate(() => {
		const printed = (el: Element) =>
			(el as HTMLElement).offsetParent !== null || el.getClientRects().length > 0;
		const headings = [...document.querySelectorAll('main :is(h1, h2, h3, h4)')].filter(printed);
		const all = [...document.querySelectorAll('main *')];
		return headings
			.filter((h) => {
				const level = Number(h.tagName[1]);
				const next = headings.find(
					(o) => all.indexOf(o) > all.indexOf(h) && Number(o.tagName[1]) <= level
				);
				// The text printed between this heading and the next one of its rank.
				const between = all.filter(
					(el) =>
						all.indexOf(el) > all.indexOf(h) &&
						(!next || all.indexOf(el) < all.indexOf(next)) &&
						!h.contains(el) &&
						el.children.length === 0 &&
						printed(el) &&
						!/^H[1-6]$/.test(el.tagName)
				);
				return between.every((el) => (el.textContent ?? '').trim() === '');
			})
			.map((h) => (h as HTMLElement).innerText.trim());
	});
	// Back to the default: an emulated "screen" would make page.pdf() print the screen styles.
	await page.emulateMedia({ media: null });
	return empty;
}

async function pdfPages(page: Page): Promise<number> {
	const pdf = await page.pdf({ format: 'Letter', printBackground: false });
	return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

for (const name of TYPICAL)
	for (const locale of ['en', 'es'] as const)
		test(`${name} (${locale}): two printed pages, every heading with its text`, async ({
			page
		}) => {
			const persona = PERSONAS.find((p) => p.name === name);
			if (!persona) throw new Error(`no persona ${name}`);
			await openResult(page, persona.answers, locale);
			expect(await emptyPrintedHeadings(page)).toEqual([]);
			const pages = await pdfPages(page);
			console.log(`[print] ${name} (${locale}): ${pages} pages`);
			expect(pages).toBeLessThanOrEqual(2);
		});
