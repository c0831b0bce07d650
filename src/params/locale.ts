import { DEFAULT_LOCALE, isLocale, type AppLocale } from '$lib/i18n/locales';

/**
 * The language prefix of an address (/es/check): any language but the default, whose pages have
 * plain paths, so /en/check does not exist next to /check.
 */
export function match(param: string): param is Exclude<AppLocale, typeof DEFAULT_LOCALE> {
	return isLocale(param) && param !== DEFAULT_LOCALE;
}
