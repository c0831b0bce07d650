import { getContext, setContext } from 'svelte';
import { loadMessages, pick, type AppLocale, type Messages } from './locales';

const KEY = Symbol('i18n');

/** A language and its strings: what a page is shown in. */
export interface Language {
	locale: AppLocale;
	messages: Messages;
}

/**
 * The page's language, shared by every component of one page through context. The root layout
 * passes a function that reads its load data: the language comes from the address (/es/…), so it
 * changes only by navigating to the same page in another language.
 */
export class I18n {
	#language: () => Language | undefined;
	/** For an I18n made without a page: the language `use` loaded. */
	#loaded = $state.raw<Language>();

	constructor(language?: () => Language) {
		this.#language = language ?? (() => this.#loaded);
	}

	#current(): Language {
		const language = this.#language();
		if (!language) throw new Error('I18n: no language loaded yet');
		return language;
	}

	get locale(): AppLocale {
		return this.#current().locale;
	}

	get m(): Messages {
		return this.#current().messages;
	}

	/** A flow text in the page's language. */
	t = (text: Record<string, string>) => pick(text, this.locale);

	/** Loads a language's strings and shows them: for a component rendered on its own (tests). */
	async use(locale: AppLocale) {
		this.#loaded = { locale, messages: await loadMessages[locale]() };
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
