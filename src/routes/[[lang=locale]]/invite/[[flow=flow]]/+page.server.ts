import { error } from '@sveltejs/kit';
import { DEFAULT_FLOW, siteFlows } from '$lib/server/flows';

export { entries } from '$lib/server/flow-page';

/** An invite starts one of the site's questionnaires: only its id is needed here. */
export function load({ params }: { params: { flow?: string } }) {
	const id = params.flow ?? DEFAULT_FLOW;
	if (!siteFlows().has(id)) error(404, 'No such questionnaire');
	return { flowId: id };
}
