import { error } from '@sveltejs/kit';
import { onlyLocale } from '$lib/flow/localize';
import { resultPartOf } from '$lib/flow/split';
import { LOCALES } from '$lib/i18n/locales';
import { siteFlows } from '$lib/server/flows';

export const prerender = true;

/**
 * The result part of each flow in each language (advice, groups, scoring, checklists), loaded by
 * the questionnaire when the questions are done: the first question's page does not carry it.
 */
export function entries() {
	return [...siteFlows().keys()].flatMap((id) => LOCALES.map((locale) => ({ id, locale })));
}

export function GET({ params }) {
	const flow = siteFlows().get(params.id);
	if (!flow || !(LOCALES as readonly string[]).includes(params.locale)) error(404, 'No such flow');
	return new Response(JSON.stringify(resultPartOf(onlyLocale(flow, params.locale))), {
		headers: { 'content-type': 'application/json; charset=utf-8' }
	});
}
