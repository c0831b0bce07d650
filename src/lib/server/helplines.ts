import { onlyLocale } from '../flow/localize';
import { DEFAULT_LOCALE } from '../i18n/locales';
import { mainFlow } from './flows';

/**
 * The help lines, in the page's language, for the pages that list them (the start page and "Get
 * help now"). The questionnaire's own screens take them from their flow; every page links to
 * "Get help now", which works offline like the rest of the site.
 */
export function load({ params }: { params: { lang?: string } }) {
	return { helplines: onlyLocale(mainFlow(), params.lang ?? DEFAULT_LOCALE).helplines };
}
