import { error } from '@sveltejs/kit';
import { onlyLocale } from '$lib/flow/localize';
import { firstSteps } from '$lib/flow/first-steps';
import { questionsOnly } from '$lib/flow/split';
import { DEFAULT_LOCALE } from '$lib/i18n/locales';
import { localeEntries } from '$lib/i18n/paths';
import { DEFAULT_FLOW, siteFlows } from './flows';

/**
 * The server side of a page that shows a flow (the questionnaire, the counselor's page): the flow
 * of the address (the default one at the short address), in the page's language only. One page is
 * prerendered per flow and language.
 */
export function load({ params }: { params: { lang?: string; flow?: string } }) {
	const flow = siteFlows().get(params.flow ?? DEFAULT_FLOW);
	if (!flow) error(404, 'No such questionnaire');
	return { flow: onlyLocale(flow, params.lang ?? DEFAULT_LOCALE) };
}

/**
 * The questionnaire's page: the flow without its result part, which the page loads when the
 * questions are done (src/routes/flows): the first question's page stays small. With it, where
 * each first answer leads, so the page can show that question before the app runs.
 */
export function loadQuestions(event: { params: { lang?: string; flow?: string } }) {
	const flow = questionsOnly(load(event).flow);
	return { flow, firstSteps: firstSteps(flow) };
}

export function entries(): { lang?: string; flow?: string }[] {
	return [...siteFlows().keys()].flatMap((id) =>
		localeEntries().map((locale) => (id === DEFAULT_FLOW ? locale : { ...locale, flow: id }))
	);
}
