import { onDestroy } from 'svelte';
import { browser } from '$app/environment';
import { resolve } from '$app/paths';
import { flowTextLoader } from '$lib/flow/flow-texts';
import type { Flow } from '$lib/flow/schema';
import { LOCALE_KEY, readTab } from '$lib/tab-storage';
import { getI18n } from './i18n.svelte';
import { initialLocale } from './locales';

/** A loader of the flow's texts in another language, from this site's /flow-text/<locale>.json. */
function siteTexts(flow: Flow, fetcher?: typeof fetch) {
	return flowTextLoader(
		flow,
		(locale) => resolve('/flow-text/[file]', { file: `${locale}.json` }),
		fetcher
	);
}

/**
 * For a page that shows a flow: pages ship it in English, and another language's texts load when
 * that language is chosen. Call during component setup.
 */
export function useFlowTexts(flow: Flow) {
	onDestroy(getI18n().extend(siteTexts(flow)));
}

/**
 * The `load` of a page that shows a flow. In the browser, before the page renders, it adds the
 * texts of the language the page will show, so a person who chose Spanish on an earlier page never
 * sees an English question. A failure (offline with no cache) leaves English, which
 * `useFlowTexts` retries.
 */
export async function loadFlowPage<T extends { flow: Flow }>({
	data,
	url,
	fetch
}: {
	data: T;
	url: URL;
	fetch: typeof globalThis.fetch;
}): Promise<T> {
	if (!browser) return data;
	const locale = initialLocale(
		url.searchParams.get('lang'),
		readTab(LOCALE_KEY),
		navigator.languages
	);
	if (locale !== 'en') await siteTexts(data.flow, fetch)(locale).catch(() => {});
	return data;
}
