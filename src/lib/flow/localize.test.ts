import { describe, expect, it } from 'vitest';
import { opioidFlow } from '../../../tests/flows';
import { onlyLocale } from './localize';
import { flowTexts } from './texts';

const flow = opioidFlow();

describe('one language per page', () => {
	it('ships a copy of the flow in one language, leaving the original whole', () => {
		for (const locale of flow.locales) {
			const copy = onlyLocale(flow, locale);
			const texts = [...flowTexts(copy)];
			expect(texts.every(([, t]) => Object.keys(t).join() === locale)).toBe(true);
			// Text for text, the copy says what the whole flow says in that language.
			expect(texts.map(([, t]) => t[locale])).toEqual(
				[...flowTexts(flow)].map(([, t]) => t[locale])
			);
			expect(JSON.stringify(copy).length).toBeLessThan(JSON.stringify(flow).length * 0.65);
		}
		expect(
			[...flowTexts(flow)].every(([, t]) => Object.keys(t).length === flow.locales.length)
		).toBe(true);
	});

	it('changes nothing but the texts: ids, conditions, weights and links stay', () => {
		// Keeping a language no text has strips every text, leaving the rest to compare.
		const bare = (f: typeof flow) => onlyLocale(f, 'none');
		for (const locale of flow.locales) expect(bare(onlyLocale(flow, locale))).toEqual(bare(flow));
	});
});
