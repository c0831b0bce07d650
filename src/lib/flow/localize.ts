import type { Flow } from './schema';
import { flowTexts } from './texts';

/** A copy of the flow carrying one language only: what a page in that language ships. */
export function onlyLocale(flow: Flow, locale: string): Flow {
	const copy = structuredClone(flow);
	for (const [, text] of flowTexts(copy))
		for (const key of Object.keys(text)) if (key !== locale) delete text[key];
	return copy;
}
