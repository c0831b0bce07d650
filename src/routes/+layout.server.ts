import { mainFlow } from '$lib/server/flows';

/** Help lines travel with every page, so "Get help now" works on each screen, even offline. */
export function load() {
	return { helplines: mainFlow().helplines };
}
