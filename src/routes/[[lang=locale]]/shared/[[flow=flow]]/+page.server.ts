import { load as flowPage } from '$lib/server/flow-page';
import { questionsOnly } from '$lib/flow/split';
import { siteFlows } from '$lib/server/flows';
import { DEFAULT_LOCALE } from '$lib/i18n/locales';
import { loadSharingTexts } from '$lib/i18n/sharing';
import { formTexts } from '$lib/share/receive-texts';
import type { PageServerLoad } from './$types';

export { entries } from '$lib/server/flow-page';

/**
 * The counselor's page carries the flow without its result part (advice, groups, scoring), which
 * it loads only to open a link: a page with no link, or a passcode prompt, stays small. It also
 * knows which flows the site has, to open a link made with another, and the words of the invite
 * form, which the page draws before its app runs.
 */
export const load: PageServerLoad = async (event) => ({
	flow: questionsOnly(flowPage(event).flow),
	flows: [...siteFlows().keys()],
	receive: formTexts(await loadSharingTexts[event.params.lang ?? DEFAULT_LOCALE]())
});
