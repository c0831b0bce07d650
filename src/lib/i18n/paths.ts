/**
 * Every page exists once per language: the default language at the plain path (/check), the others
 * under their code (/es/check). These helpers move a path between languages; they know nothing of
 * SvelteKit, so links are built as `resolve(localizedPath(...))`.
 */
import { DEFAULT_LOCALE, isLocale, LOCALES, type AppLocale } from './locales';

/** The language a path is in: its first segment when that names another language, else the default. */
export function localeOf(pathname: string): AppLocale {
	const first = pathname.split('/')[1];
	return isLocale(first) && first !== DEFAULT_LOCALE ? first : DEFAULT_LOCALE;
}

/** The path without its language: "/es/check" → "/check", "/es" → "/". */
export function stripLocale(pathname: string): string {
	const locale = localeOf(pathname);
	if (locale === DEFAULT_LOCALE) return pathname;
	const rest = pathname.slice(locale.length + 1);
	return rest === '' || rest === '/' ? '/' : rest;
}

/** The same page in a language: "/check" → "/es/check" for Spanish, "/es/check" → "/check" for English. */
export function localizedPath(path: string, locale: AppLocale): string {
	const plain = stripLocale(path);
	if (locale === DEFAULT_LOCALE) return plain;
	return plain === '/' ? `/${locale}` : `/${locale}${plain}`;
}

/** The prerender entries of a page: one per language (`lang` is the optional route parameter). */
export function localeEntries(): { lang?: string }[] {
	return LOCALES.map((locale) => (locale === DEFAULT_LOCALE ? {} : { lang: locale }));
}
