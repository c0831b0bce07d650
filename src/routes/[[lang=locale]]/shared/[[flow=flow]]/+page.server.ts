import { load as flowPage } from '$lib/server/flow-page';
import { questionsOnly } from '$lib/flow/split';
import { siteFlows } from '$lib/server/flows';
import { DEFAULT_LOCALE, type AppLocale } from '$lib/i18n/locales';
import { sharingEn } from '$lib/i18n/sharing/en';
import { sharingEs } from '$lib/i18n/sharing/es';
import { formTexts } from '$lib/share/receive-texts';

const SHARING = { en: sharingEn, es: sharingEs } satisfies Record<AppLocale, unknown>;

export { entries } from '$lib/server/flow-page';

/**
 * The counselor's page carries the flow without its result part (advice, groups, scoring), which
 * it loads only to open a link: a page with no link, or a passcode prompt, stays small. It also
 * knows which flows the site has, to open a link made with another, and the words of the invite
 * form, which the page draws before its app runs.
 */
export function load(event: Parameters<typeof flowPage>[0]) {
	const locale = (event.params.lang ?? DEFAULT_LOCALE) as AppLocale;
	return {
		flow: questionsOnly(flowPage(event).flow),
		flows: [...siteFlows().keys()],
		receive: formTexts(SHARING[locale])
	};
}
