import { DEFAULT_LOCALE } from '$lib/i18n/locales';
import { loadPageTexts } from '$lib/i18n/pages';
import { localeEntries } from '$lib/i18n/paths';

/** One prerendered page per language. */
export const entries = localeEntries;

/** The page's long texts, in its language only: no other page carries them. */
export async function load({ params }) {
	return { texts: await loadPageTexts[params.lang ?? DEFAULT_LOCALE]() };
}
