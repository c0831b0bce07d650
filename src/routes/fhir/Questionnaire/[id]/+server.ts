import { error } from '@sveltejs/kit';
import { CONFIGURED_SITE_URL } from '$lib/config';
import { siteFlows } from '$lib/server/flows';
import { toQuestionnaires } from '$lib/share/fhir';

export const prerender = true;

/**
 * Each flow's FHIR Questionnaire, one per language, at its canonical address under the site
 * (PUBLIC_SITE_URL): a response downloaded from the result points here, so the canonical resolves
 * wherever the site is deployed.
 */
let made: ReturnType<typeof toQuestionnaires> | undefined;
function all() {
	// Made once per build: every prerendered entry looks its Questionnaire up in the same list.
	made ??= [...siteFlows().values()].flatMap((flow) => toQuestionnaires(flow, CONFIGURED_SITE_URL));
	return made;
}

export function entries() {
	return all().map(({ id }) => ({ id }));
}

export function GET({ params }) {
	const questionnaire = all().find((q) => q.id === params.id);
	if (!questionnaire) error(404, 'No such Questionnaire');
	return new Response(`${JSON.stringify(questionnaire, null, '\t')}\n`, {
		headers: { 'content-type': 'application/fhir+json; charset=utf-8' }
	});
}
