import { onlyLocale } from '$lib/flow/localize';
import { DEFAULT_LOCALE } from '$lib/i18n/locales';
import { mainFlow } from '$lib/server/flows';

/**
 * Help lines travel with every page, so "Get help now" works on each screen, even offline: in the
 * page's language only.
 */
export function load({ params }) {
	return { helplines: onlyLocale(mainFlow(), params.lang ?? DEFAULT_LOCALE).helplines };
}
