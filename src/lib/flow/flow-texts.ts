import { addLocale, hasLocale } from './localize';
import type { Flow } from './schema';

/** Fetches a language's texts of the flow from the site (cached offline by the service worker). */
export function flowTextLoader(
	flow: Flow,
	url: (locale: string) => string,
	fetcher: typeof fetch = fetch
) {
	return async (locale: string) => {
		if (hasLocale(flow, locale)) return;
		const response = await fetcher(url(locale));
		if (!response.ok) throw new Error(`texts for ${locale}: HTTP ${response.status}`);
		if (!addLocale(flow, await response.json())) throw new Error(`texts for ${locale} do not fit`);
	};
}
