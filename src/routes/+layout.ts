import { DEFAULT_LOCALE, loadMessages } from '$lib/i18n/locales';

export const prerender = true;
export const trailingSlash = 'never';

/**
 * The page's language comes from its address (/es/…). Its strings are awaited here, so the page
 * is prerendered in that language and hydrates in it: no other language is ever loaded or shown.
 */
export async function load({ params }) {
	const locale = params.lang ?? DEFAULT_LOCALE;
	return { language: { locale, messages: await loadMessages[locale]() } };
}
