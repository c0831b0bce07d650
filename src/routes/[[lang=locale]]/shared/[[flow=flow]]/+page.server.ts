import { load as flowPage } from '$lib/server/flow-page';
import { siteFlows } from '$lib/server/flows';

export { entries } from '$lib/server/flow-page';

/** The counselor's page also knows which flows the site has, to open a link made with another. */
export function load(event: Parameters<typeof flowPage>[0]) {
	return { ...flowPage(event), flows: [...siteFlows().keys()] };
}
