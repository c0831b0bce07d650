/** Every string the app shows exists in English and Spanish, with the same shape. */
import { describe, expect, it } from 'vitest';
import { en as enCommon } from '../src/lib/i18n/en';
import { es as esCommon } from '../src/lib/i18n/es';
import { loadPageTexts } from '../src/lib/i18n/pages';
import { pagesEn } from '../src/lib/i18n/pages/en';
import { pagesEs } from '../src/lib/i18n/pages/es';
import { loadSharingTexts } from '../src/lib/i18n/sharing';
import { sharingEn } from '../src/lib/i18n/sharing/en';
import { sharingEs } from '../src/lib/i18n/sharing/es';
import {
	DEFAULT_LOCALE,
	isLocale,
	LANGUAGE_NAMES,
	LANGUAGE_OFFERS,
	loadMessages,
	LOCALES,
	pick
} from '../src/lib/i18n/locales';

// The strings every page carries, the long texts of the pages that show them, and the plan's and
// the invite's strings, loaded where they are used.
const en = { ...enCommon, ...pagesEn, ...sharingEn };
const es = { ...esCommon, ...pagesEs, ...sharingEs };

describe('app strings', () => {
	it('has the same keys in English and Spanish, in the same order', () => {
		expect(Object.keys(es)).toEqual(Object.keys(en));
	});

	it('gives every key the same kind of value, and lists the same number of items', () => {
		for (const key of Object.keys(en) as (keyof typeof en)[]) {
			const a = en[key];
			const b = es[key];
			expect(typeof b, key).toBe(typeof a);
			if (Array.isArray(a)) expect((b as string[]).length, key).toBe(a.length);
			if (typeof a === 'function') expect((b as () => string).length, key).toBe(a.length);
			if (typeof a === 'object' && !Array.isArray(a))
				expect(Object.keys(b as object), key).toEqual(Object.keys(a));
		}
	});

	it('translates every sentence: no Spanish string is left in English', () => {
		const same = (Object.keys(en) as (keyof typeof en)[]).filter((key) => {
			const a = en[key];
			const b = es[key];
			const pairs: [unknown, unknown][] =
				typeof a === 'object' && !Array.isArray(a)
					? Object.entries(a).map(([k, v]) => [v, (b as Record<string, string>)[k]])
					: [[a, b]];
			return pairs.some(([x, y]) => typeof x === 'string' && x === y && x.split(' ').length > 2);
		});
		expect(same).toEqual([]);
	});

	it('names each language in that language, for the switch to it and the offer of it', () => {
		expect(LANGUAGE_NAMES).toEqual({ en: 'English', es: 'Español' });
		expect(LANGUAGE_OFFERS.es).toMatch(/español/);
		expect(Object.keys(LANGUAGE_OFFERS)).toEqual([...LOCALES]);
	});

	it('loads each language on its own', async () => {
		expect(await loadMessages.en()).toBe(enCommon);
		expect(await loadMessages.es()).toBe(esCommon);
		expect(await loadPageTexts.en()).toBe(pagesEn);
		expect(await loadPageTexts.es()).toBe(pagesEs);
		expect(await loadSharingTexts.en()).toBe(sharingEn);
		expect(await loadSharingTexts.es()).toBe(sharingEs);
	});
});

describe('locale choice', () => {
	it('knows English and Spanish only, English first: the language of the plain paths', () => {
		expect(LOCALES).toEqual(['en', 'es']);
		expect(DEFAULT_LOCALE).toBe('en');
		expect(isLocale('es')).toBe(true);
		expect(isLocale('fr')).toBe(false);
		expect(isLocale(undefined)).toBe(false);
	});

	it('picks the flow text of the locale, falling back to English', () => {
		expect(pick({ en: 'Yes', es: 'Sí' }, 'es')).toBe('Sí');
		expect(pick({ en: 'Yes' }, 'es')).toBe('Yes');
	});
});
