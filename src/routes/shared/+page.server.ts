import { onlyLocale } from '$lib/flow/localize';
import { mainFlow } from '$lib/server/flows';

/** The page ships the flow in English; another language's texts load when chosen. */
export function load() {
	return { flow: onlyLocale(mainFlow(), 'en') };
}
