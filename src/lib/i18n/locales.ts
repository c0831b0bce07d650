import { en } from './en';

export const LOCALES = ['en', 'es'] as const;
export type AppLocale = (typeof LOCALES)[number];
export type Messages = typeof en;

/** English ships with every page; other languages load when chosen, so a page carries one language. */
export const loadMessages: Record<AppLocale, () => Promise<Messages>> = {
	en: async () => en,
	es: async () => (await import('./es')).es
};

export { en as fallbackMessages };

export function isLocale(value: unknown): value is AppLocale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The best locale for a list of browser languages ("es-MX" → "es"), English otherwise. */
export function preferredLocale(languages: readonly string[]): AppLocale {
	for (const language of languages) {
		const base = language.toLowerCase().split('-')[0];
		if (isLocale(base)) return base;
	}
	return 'en';
}

/** A flow text in the locale, falling back to English (integrity checks make that unreachable). */
export function pick(text: Record<string, string>, locale: AppLocale): string {
	return text[locale] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** The language a page opens in: ?lang= first, then this tab's earlier choice, then the browser's. */
export function initialLocale(
	asked: string | null,
	saved: string | null,
	languages: readonly string[]
): AppLocale {
	if (isLocale(asked)) return asked;
	return isLocale(saved) ? saved : preferredLocale(languages);
}
