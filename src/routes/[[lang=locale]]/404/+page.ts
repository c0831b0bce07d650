import { DEFAULT_LOCALE } from '$lib/i18n/locales';
import { loadPageTexts } from '$lib/i18n/pages';
import { localeEntries } from '$lib/i18n/paths';

/**
 * Prerendered as 404.html (and es/404.html): the page static hosts serve for an address that is not
 * there. Kit writes no file for an error, and adapter-static's `fallback` is an empty shell for
 * single-page apps that shows nothing without script; this is a real page that reads without it.
 */
export const entries = localeEntries;

/**
 * Plain HTML and CSS, no script: served at any address, the router would take it for another page
 * (and another language). Quick exit still leaves, as a link; nothing here shows answers.
 */
export const csr = false;

export async function load({ params }) {
	return { texts: await loadPageTexts[params.lang ?? DEFAULT_LOCALE]() };
}
