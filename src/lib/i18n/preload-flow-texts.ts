import { resolve } from '$app/paths';
import { flowTextLoader } from '$lib/flow/flow-texts';
import type { Flow } from '$lib/flow/schema';
import { LOCALE_KEY, readTab } from '$lib/tab-storage';
import { initialLocale } from './locales';

/**
 * In the browser, before a page that shows a flow renders: adds the texts of the language the page
 * will show, so a person who chose Spanish on an earlier page never sees an English question.
 * A failure (offline with no cache) leaves English, which the page's own loader retries.
 */
export async function preloadFlowTexts(flow: Flow, url: URL, fetcher: typeof fetch) {
	const locale = initialLocale(
		url.searchParams.get('lang'),
		readTab(LOCALE_KEY),
		navigator.languages
	);
	if (locale === 'en') return;
	const load = flowTextLoader(
		flow,
		(l) => resolve('/flow-text/[file]', { file: `${l}.json` }),
		fetcher
	);
	await load(locale).catch(() => {});
}
