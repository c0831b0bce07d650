import { load as flowPage } from '$lib/server/flow-page';
import { questionsOnly } from '$lib/flow/split';
import { siteFlows } from '$lib/server/flows';

export { entries } from '$lib/server/flow-page';

/**
 * The counselor's page carries the flow without its result part (advice, groups, scoring), which
 * it loads only to open a link: a page with no link, or a passcode prompt, stays small. It also
 * knows which flows the site has, to open a link made with another.
 */
export function load(event: Parameters<typeof flowPage>[0]) {
	return { flow: questionsOnly(flowPage(event).flow), flows: [...siteFlows().keys()] };
}
