import type { Flow } from './schema';

/**
 * Whether answers saved or shared with `version` of this flow can be read by this one: a version
 * from `answersSince` (the last change to a question or an option) up to the current one.
 */
export function readsAnswersOf(flow: Flow, version: number): 'yes' | 'older' | 'newer' {
	if (version > flow.version) return 'newer';
	return version < (flow.answersSince ?? flow.version) ? 'older' : 'yes';
}
