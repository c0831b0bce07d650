import { getContext, setContext } from 'svelte';
import { LOCALE_KEY, readTab, writeTab } from '../tab-storage';
import {
	fallbackMessages,
	isLocale,
	loadMessages,
	pick,
	preferredLocale,
	type AppLocale,
	type Messages
} from './locales';

const KEY = Symbol('i18n');

/** The current language, shared by every component of one page through context. */
export class I18n {
	/** The language on screen: it changes once its strings have loaded. */
	locale = $state<AppLocale>('en');
	/** A language asked for in the address (?lang=) that the app does not have. */
	unknown = $state<string | null>(null);
	#loaded = $state.raw<Partial<Record<AppLocale, Messages>>>({ en: fallbackMessages });
	m = $derived(this.#loaded[this.locale] ?? fallbackMessages);

	/** A flow text in the current language. */
	t = (text: Record<string, string>) => pick(text, this.locale);

	/** Other texts a page shows (a flow's), loaded with each language before it is shown. */
	// Loaders are called, never rendered: a plain Set, not reactive state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#extra = new Set<(locale: AppLocale) => Promise<void>>();

	/** Registers a loader for a page's own texts; returns the function that unregisters it. */
	extend(loader: (locale: AppLocale) => Promise<void>) {
		this.#extra.add(loader);
		if (this.locale !== 'en') void loader(this.locale);
		return () => this.#extra.delete(loader);
	}

	/** Loads a language's strings if needed, then shows it. */
	async use(locale: AppLocale) {
		const extra = Promise.allSettled([...this.#extra].map((load) => load(locale)));
		if (!this.#loaded[locale]) {
			const strings = await loadMessages[locale]();
			this.#loaded = { ...this.#loaded, [locale]: strings };
		}
		// A page's texts that fail to load (offline, no cache) fall back to English.
		await extra;
		this.locale = locale;
	}

	/** Chooses the language: ?lang= first, then this tab's earlier choice, then the browser's. */
	init(url: URL, languages: readonly string[]) {
		const asked = url.searchParams.get('lang');
		const saved = readTab(LOCALE_KEY);
		if (asked !== null && !isLocale(asked)) this.unknown = asked.slice(0, 20);
		if (isLocale(asked)) return this.set(asked);
		return this.use(isLocale(saved) ? saved : preferredLocale(languages));
	}

	/** Shows a language and remembers it for this tab. */
	set(locale: AppLocale) {
		writeTab(LOCALE_KEY, locale);
		return this.use(locale);
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
