import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES } from './locales';
import { localeEntries, localeOf, localizedPath, stripLocale } from './paths';

const PAGES = ['/', '/check', '/help', '/about', '/privacy', '/shared'];

describe('language in the path', () => {
	it('puts Spanish under /es/ and leaves English at the plain path', () => {
		expect(localizedPath('/', 'es')).toBe('/es');
		expect(localizedPath('/check', 'es')).toBe('/es/check');
		expect(localizedPath('/check', 'en')).toBe('/check');
		expect(localizedPath('/', 'en')).toBe('/');
	});

	it('moves a path from one language to another', () => {
		expect(localizedPath('/es/check', 'en')).toBe('/check');
		expect(localizedPath('/es', 'en')).toBe('/');
		expect(localizedPath('/es/help', 'es')).toBe('/es/help');
	});

	it('strips the language, and only a real language prefix', () => {
		expect(stripLocale('/es/check')).toBe('/check');
		expect(stripLocale('/es')).toBe('/');
		expect(stripLocale('/es/')).toBe('/');
		expect(stripLocale('/check')).toBe('/check');
		expect(stripLocale('/')).toBe('/');
		// Not a language: a path that merely starts with its letters, or the default's own code.
		expect(stripLocale('/estimate')).toBe('/estimate');
		expect(stripLocale('/en/check')).toBe('/en/check');
		expect(stripLocale('/fr/check')).toBe('/fr/check');
	});

	it('reads the language of a path', () => {
		expect(localeOf('/es/check')).toBe('es');
		expect(localeOf('/es')).toBe('es');
		expect(localeOf('/check')).toBe('en');
		expect(localeOf('/')).toBe('en');
		expect(localeOf('/estimate')).toBe('en');
	});

	it('goes there and back for every page and language', () => {
		for (const page of PAGES)
			for (const locale of LOCALES) {
				const path = localizedPath(page, locale);
				expect(localeOf(path)).toBe(locale);
				expect(stripLocale(path)).toBe(page);
				for (const other of LOCALES)
					expect(localizedPath(path, other)).toBe(localizedPath(page, other));
			}
	});

	it('prerenders every page once per language, the default without a prefix', () => {
		expect(localeEntries()).toEqual(
			LOCALES.map((locale) => (locale === DEFAULT_LOCALE ? {} : { lang: locale }))
		);
		expect(localeEntries()).toContainEqual({ lang: 'es' });
		expect(localeEntries()).toContainEqual({});
	});
});
