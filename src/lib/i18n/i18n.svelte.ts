import { getContext, setContext } from 'svelte';
import { isLocale, messages, pick, preferredLocale, type AppLocale } from './locales';

const KEY = Symbol('i18n');
const STORAGE_KEY = 'sgg.locale';

/** The current language, shared by every component of one page through context. */
export class I18n {
	locale = $state<AppLocale>('en');
	/** A language asked for in the address (?lang=) that the app does not have. */
	unknown = $state<string | null>(null);
	m = $derived(messages[this.locale]);

	/** A flow text in the current language. */
	t = (text: Record<string, string>) => pick(text, this.locale);

	/** Chooses the language: ?lang= first, then this tab's earlier choice, then the browser's. */
	init(url: URL, storage: Storage | undefined, languages: readonly string[]) {
		const asked = url.searchParams.get('lang');
		let saved: string | null = null;
		try {
			saved = storage?.getItem(STORAGE_KEY) ?? null;
		} catch {
			saved = null;
		}
		if (asked !== null && !isLocale(asked)) this.unknown = asked.slice(0, 20);
		if (isLocale(asked)) this.set(asked, storage);
		else this.locale = isLocale(saved) ? saved : preferredLocale(languages);
	}

	set(locale: AppLocale, storage: Storage | undefined) {
		this.locale = locale;
		try {
			storage?.setItem(STORAGE_KEY, locale);
		} catch {
			// Storage can be full or blocked; the choice still holds for this page.
		}
	}
}

export function setI18n(i18n: I18n) {
	setContext(KEY, i18n);
}

export function getI18n(): I18n {
	return getContext<I18n>(KEY);
}

/** The context map that provides an I18n, for rendering a component on its own (tests). */
export function i18nContext(i18n: I18n): Map<symbol, I18n> {
	// A context map is read once when the component mounts: it is not reactive state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	return new Map([[KEY, i18n]]);
}
