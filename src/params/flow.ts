import { DEFAULT_FLOW, FLOW_ID } from '$lib/flows';

/**
 * The flow of an address (/check/<id>): any flow id but the default one, whose pages keep the
 * short addresses. Which ids exist is decided when the site is built (the prerendered entries).
 */
export function match(param: string): boolean {
	return FLOW_ID.test(param) && param !== DEFAULT_FLOW;
}
