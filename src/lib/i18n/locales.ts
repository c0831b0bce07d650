import type { en } from './en';

/** The app's languages. The first is the default: its pages have plain paths (/check), the others a prefix (/es/check). */
export const LOCALES = ['en', 'es'] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE = LOCALES[0];
export type Messages = typeof en;

/**
 * What is said in a language before a page in it is open: its own name, for the switch to it, and
 * an offer to read the site in it. A page carries one language's strings, so these cannot live there.
 */
export const LANGUAGE_NAMES: Record<AppLocale, string> = { en: 'English', es: 'Español' };
export const LANGUAGE_OFFERS: Record<AppLocale, string> = {
	en: 'View this site in English',
	es: 'Ver este sitio en español'
};

/** Each language's strings are a chunk of their own, so a page loads only its own language. */
export const loadMessages: Record<AppLocale, () => Promise<Messages>> = {
	en: async () => (await import('./en')).en,
	es: async () => (await import('./es')).es
};

export function isLocale(value: unknown): value is AppLocale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A flow text in the locale, falling back to English (integrity checks make that unreachable). */
export function pick(text: Record<string, string>, locale: AppLocale): string {
	return text[locale] ?? text.en ?? Object.values(text)[0] ?? '';
}
