import { DEFAULT_LOCALE } from '$lib/i18n/locales';
import { loadSharingTexts } from '$lib/i18n/sharing';

/** The invite's strings, in the page's language: prerendered, so they show without script too. */
export async function load({ params, data }) {
	return { ...data, s: await loadSharingTexts[params.lang ?? DEFAULT_LOCALE]() };
}
