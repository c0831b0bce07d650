import { onlyLocale } from '$lib/flow/localize';
import { DEFAULT_LOCALE } from '$lib/i18n/locales';
import { localeEntries } from '$lib/i18n/paths';
import { mainFlow } from './flows';

/**
 * The server side of a page that shows the flow (the questionnaire, the counselor's page): the
 * flow in the page's language only, one prerendered page per language.
 */
export function load({ params }: { params: { lang?: string } }) {
	return { flow: onlyLocale(mainFlow(), params.lang ?? DEFAULT_LOCALE) };
}

export const entries = localeEntries;
