import { browser } from '$app/environment';
import { preloadFlowTexts } from '$lib/i18n/preload-flow-texts';

/** The page's flow arrives in English; the chosen language's texts are added before it shows. */
export async function load({ data, url, fetch }) {
	if (browser) await preloadFlowTexts(data.flow, url, fetch);
	return data;
}
