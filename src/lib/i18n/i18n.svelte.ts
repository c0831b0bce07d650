import { getContext, setContext } from 'svelte';
import { LOCALE_KEY, readTab, writeTab } from '../tab-storage';
import {
	fallbackMessages,
	isLocale,
	loadMessages,
	pick,
	initialLocale,
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

	/**
	 * Bumped when a page's own texts (a flow's) arrive for a language: they are added to the flow in
	 * place, which no rune sees, so every text shown with `t` reads this to update at once.
	 */
	#texts = $state(0);

	/** A flow text in the current language. */
	t = (text: Record<string, string>) => {
		void this.#texts;
		return pick(text, this.locale);
	};

	/** Other texts a page shows (a flow's), loaded with each language before it is shown. */
	// Loaders are called, never rendered: a plain Set, not reactive state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#extra = new Set<(locale: AppLocale) => Promise<void>>();

	/** Registers a loader for a page's own texts; returns the function that unregisters it. */
	extend(loader: (locale: AppLocale) => Promise<void>) {
		this.#extra.add(loader);
		// A page opened in another language (chosen on an earlier page) shows its texts as they arrive.
		if (this.locale !== 'en')
			loader(this.locale).then(
				() => this.#texts++,
				() => {}
			);
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
		this.#texts++;
	}

	/** Chooses the language: ?lang= first, then this tab's earlier choice, then the browser's. */
	init(url: URL, languages: readonly string[]) {
		const asked = url.searchParams.get('lang');
		const saved = readTab(LOCALE_KEY);
		if (asked !== null && !isLocale(asked)) this.unknown = asked.slice(0, 20);
		if (isLocale(asked)) return this.set(asked);
		return this.use(initialLocale(asked, saved, languages));
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
