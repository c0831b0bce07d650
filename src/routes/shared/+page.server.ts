import { mainFlow } from '$lib/server/flows';

export function load() {
	return { flow: mainFlow() };
}
